"""tools/curate_context.py rebuilds data/context.csv and data/sources.csv from ../shared/research: the shipped
files must be what it writes (its --check), and an edit to them must be caught."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

from .conftest import DATA, REPO

TOOL = REPO / "tools" / "curate_context.py"
RESEARCH = REPO.parent / "shared" / "research"

pytestmark = pytest.mark.skipif(not RESEARCH.is_dir(), reason=f"the research files are not at {RESEARCH}")


def load_tool():
    spec = importlib.util.spec_from_file_location("curate_context", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_context_and_sources_are_what_the_tool_writes(capsys):
    tool = load_tool()
    assert tool.main(["--check"]) == 0
    assert capsys.readouterr().out.strip().endswith("are current")
    context_text, sources_text = tool.render()
    assert context_text.encode("utf-8") == (DATA / "context.csv").read_bytes()
    assert sources_text.encode("utf-8") == (DATA / "sources.csv").read_bytes()


def test_an_edited_copy_is_reported_out_of_date_and_nothing_is_written(tmp_path, monkeypatch, capsys):
    tool = load_tool()
    for name in ("context.csv", "sources.csv"):
        shutil.copy(DATA / name, tmp_path / name)
    edited = tmp_path / "context.csv"
    text = edited.read_text(encoding="utf-8")
    first_row = text.splitlines()[1]
    edited.write_text(text.replace(first_row, first_row + " ", 1), encoding="utf-8")
    before = edited.read_bytes()
    monkeypatch.setattr(tool, "CONTEXT_CSV", edited)
    monkeypatch.setattr(tool, "SOURCES_CSV", tmp_path / "sources.csv")
    assert tool.main(["--check"]) == 1
    assert capsys.readouterr().out.strip() == f"{edited} is out of date; run python tools/curate_context.py"
    assert edited.read_bytes() == before
    assert Path(tmp_path / "sources.csv").read_bytes() == (DATA / "sources.csv").read_bytes()
