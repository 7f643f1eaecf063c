"""Shared fixtures: paths of the repository, its data and the article (when present)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
ARTICLE = REPO.parent / "shared" / "seed" / "article.txt"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of data/ for tests that break a file on purpose."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target
