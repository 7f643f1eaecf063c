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


class RenderedExhibits:
    """Registered exhibits rendered on first use and kept for the session: ``[(id, lang)]`` → Figure or DataFrame.

    Each exhibit is rendered (and a figure drawn) with warnings as errors: a missing
    glyph warns, and fails here. Exhibits that take a ``model`` (notebook 06) share
    one default :class:`~ygx_analysis.scenarios.ScenarioAnalysis`, as the notebook
    does (``model=None`` is covered in ``tests/test_scenarios.py``). Tests only read
    these objects; they must not change them.

    Rendering is lazy so that, under xdist, an exhibit is drawn only on the worker
    that runs its tests: tests parametrized with ``exhibit_id`` share one xdist group
    per exhibit (:func:`pytest_collection_modifyitems`).
    """

    def __init__(self) -> None:
        self._done: dict[tuple[str, str], object] = {}
        self._model = None

    def _inputs(self, exhibit) -> dict:
        import inspect

        if "model" not in inspect.signature(exhibit.func).parameters:
            return {}
        if self._model is None:
            from ygx_analysis.scenarios import ScenarioAnalysis

            self._model = ScenarioAnalysis.load()  # notebook 06's default model, built once as the notebook does
        return {"model": self._model}

    def __getitem__(self, key: tuple[str, str]):
        if key not in self._done:
            import warnings

            from ygx_analysis import exhibits

            exhibit_id, lang = key
            exhibit = exhibits.get(exhibit_id)
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                result = exhibits.render(exhibit_id, lang, **self._inputs(exhibit))
                if exhibit.kind == "figure":
                    result.canvas.draw()
            self._done[key] = result
        return self._done[key]

    def items(self, kind: str | None = None):
        """Every (id, lang) and its rendering, in registry order; only tables or figures with ``kind``."""
        from ygx_analysis import exhibits

        for ex in exhibits.all_exhibits():
            if kind is None or ex.kind == kind:
                for lang in exhibits.LANGS:
                    yield (ex.id, lang), self[ex.id, lang]


@pytest.fixture(scope="session")
def rendered_exhibits() -> RenderedExhibits:
    """Every registered exhibit, rendered on first use once per session (see :class:`RenderedExhibits`)."""
    return RenderedExhibits()


# ---------------------------------------------------------------------------
# xdist groups (make test runs ``-n 2 --dist loadgroup``)
# ---------------------------------------------------------------------------

@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups
def pytest_collection_modifyitems(config, items):
    """Put every test in an xdist group, so that work shared through a fixture is done once.

    - tests of the built report (``built_report``): one group, so the report is built once;
    - tests parametrized with ``exhibit_id`` that read ``rendered_exhibits``: one group
      per exhibit, so each exhibit is drawn on one worker only;
    - tests in a module marked ``independent`` (no module fixture to share): each test alone;
    - anything else, notebook cells under nbval included: one group per file, as
      ``--dist loadfile`` would (a notebook's cells share one kernel).
    """
    for item in items:
        if item.get_closest_marker("xdist_group"):
            continue
        names = getattr(item, "fixturenames", ())
        params = getattr(getattr(item, "callspec", None), "params", {})
        if "built_report" in names:
            group = "built-report"
        elif "rendered_exhibits" in names and "exhibit_id" in params:
            group = f"exhibit-{params['exhibit_id']}"
        elif item.get_closest_marker("independent"):
            continue
        else:
            group = item.nodeid.split("::", 1)[0]
        item.add_marker(pytest.mark.xdist_group(group))
