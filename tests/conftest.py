"""Shared fixtures: paths of the repository, its data and the article; one report build and one rendering sweep per session."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
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


def git(project: Path, *args: str) -> str:
    """Run git in ``project`` with a fixed identity; its stdout."""
    return subprocess.run(["git", "-C", str(project), *args], check=True, capture_output=True, text=True,
                          env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e.org", "GIT_COMMITTER_NAME": "t",
                               "GIT_COMMITTER_EMAIL": "t@e.org", "HOME": str(project), "PATH": "/usr/bin:/bin"}
                          ).stdout.strip()


@pytest.fixture
def committed_project(tmp_path: Path) -> Path:
    """A git repository holding a copy of data/ and one code file, all committed."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    project = tmp_path / "project"
    shutil.copytree(DATA, project / "data")
    (project / "ygx_analysis").mkdir()
    (project / "ygx_analysis" / "model.py").write_text("RATE = 1\n")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "data")
    return project


def fingerprint_by_hand(folder: Path) -> str:
    """The data fingerprint worked out here, independently of ygx_analysis.data.provenance."""
    digest = hashlib.sha256()
    # curation/ holds the inputs of tools/curate_context.py, which no analysis reads
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "curation" not in p.relative_to(folder).parts):
        content = path.read_bytes()
        digest.update(f"{path.relative_to(folder).as_posix()}\0{len(content)}\0".encode() + content)
    return digest.hexdigest()[:8]


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

    Rendering is lazy so that, under xdist, an exhibit is drawn only on a worker
    that runs a test of it.
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
