"""Shared fixtures: paths of the repository, its data and the article; one report build and one rendering sweep per session."""

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


NOTEBOOKS = REPO / "notebooks"


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (relative POSIX path → bytes)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session")
def built_report(tmp_path_factory) -> dict:
    """One build of the repository (``report.build``), shared by the whole session.

    Keys: ``out`` (the folder), ``root`` (its parent), ``result`` (the BuildResult),
    ``tree`` (every file's bytes), ``lines`` (the progress lines), and the notebooks
    folder's bytes before and after the build.
    """
    from ygx_analysis import report

    root = tmp_path_factory.mktemp("report")
    out = root / "build"
    before = tree(NOTEBOOKS)
    lines: list[str] = []
    result = report.build(out, lang="zh", jobs=2, log=lines.append)
    return {"out": out, "root": root, "result": result, "tree": tree(out), "lines": lines,
            "notebooks_before": before, "notebooks_after": tree(NOTEBOOKS)}


@pytest.fixture(scope="session")
def rendered_exhibits() -> dict:
    """Every registered exhibit rendered once per language, figures drawn: (id, lang) → Figure or DataFrame.

    Exhibits that take a ``model`` (notebook 06) share one default
    :class:`~ygx_analysis.scenarios.ScenarioAnalysis`, as the notebook does
    (``model=None`` is covered in ``tests/test_scenarios.py``). Rendering warns about
    nothing (a missing glyph warns, and fails here). Tests only read these
    objects; they must not change them.
    """
    import inspect
    import warnings

    from ygx_analysis import exhibits
    from ygx_analysis.scenarios import ScenarioAnalysis

    model = ScenarioAnalysis.load()  # notebook 06's default model, built once as the notebook does
    rendered = {}
    for ex in exhibits.all_exhibits():
        inputs = {"model": model} if "model" in inspect.signature(ex.func).parameters else {}
        for lang in exhibits.LANGS:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                result = exhibits.render(ex.id, lang, **inputs)
                if ex.kind == "figure":
                    result.canvas.draw()
            rendered[ex.id, lang] = result
    return rendered
