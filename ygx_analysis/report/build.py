"""The build: every notebook, figure and table into one folder, swapped in atomically.

:func:`build` writes::

    OUT/
      index.html                 links to everything, thumbnails, how to cite
      EXHIBITS.md                each exhibit: caption, files, full source citation, notebook
      manifest.json              versions, data sha256, every file and exhibit
      figures/<id>.png|.svg|.pdf every registered figure, with its source line
      tables/<id>.csv|.xlsx      every registered table, and the data files as loaded
      notebooks/<name>.ipynb|.html  every notebook, executed

Safety: the build goes into a temporary folder next to ``OUT`` (``OUT.tmp<pid>``)
and replaces ``OUT`` only when every step succeeded. Notebooks are read from
``notebooks/`` and never written there; kernels run with the build's
``notebooks/`` folder as working directory.

Determinism: the same inputs give the same bytes in every file except the
``build_time`` field of ``manifest.json``.

Order: the kernels start first, the costliest notebook first
(:func:`~ygx_analysis.report.notebooks.notebook_cost`). Each kernel exports its
notebook's exhibits as it shows them. Meanwhile this process exports the
exhibits whose notebook is not in the build and the data tables, and turns each
finished notebook into its HTML page (nbconvert), overlapping kernel time.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import os
import platform
import queue
import shutil
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .export import BuildError, export_exhibit, export_table, sha256_file
from .manifest import data_files, exhibits_markdown, git_commit, library_versions
from .notebooks import NotebookRun, execute_notebooks, kernel_env, notebook_cost
from .pages import index_html, write_notebook

__all__ = ["DATASETS", "BuildResult", "build", "check_out", "default_project"]

DATASETS = {"indicators.csv": "data-indicators", "context.csv": "data-context", "sources.csv": "data-sources"}
"""Data files exported as tables (as loaded, with intervals): file name → table id."""

Log = Callable[[str], None]


def _rel(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def default_project() -> Path:
    """The repository holding this package (its ``notebooks/`` and ``data/``)."""
    return Path(__file__).resolve().parents[2]


@contextlib.contextmanager
def _environ(name: str, value: str) -> Iterator[None]:
    old = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = old


def check_out(out: Path, protected: Sequence[Path]) -> None:
    """Raise ``ValueError`` (naming ``out``) unless ``out`` can safely be replaced by a build.

    ``out`` must not be, contain, or sit inside a protected folder (the notebooks
    and data), must not contain the project, and must be absent, empty or an
    earlier build (holding ``manifest.json``).
    """
    out_r = out.resolve()
    for keep in protected:
        keep_r = keep.resolve()
        if out_r == keep_r or out_r in keep_r.parents or keep_r in out_r.parents:
            raise ValueError(f"out: {out} would overwrite or sit inside {keep}; choose another folder")
    if out_r == Path(out_r.anchor) or out_r == Path.home().resolve():
        raise ValueError(f"out: refusing to replace {out}")
    if out.exists():
        if not out.is_dir():
            raise ValueError(f"out: {out} exists and is not a folder")
        if any(out.iterdir()) and not (out / "manifest.json").is_file():
            raise ValueError(f"out: {out} exists and is not a ygx_analysis build (no manifest.json); "
                             "remove it or choose another folder")


def _swap_in(tmp: Path, out: Path) -> None:
    """Replace ``out`` by ``tmp`` (two renames), then delete the old build."""
    old = out.with_name(f"{out.name}.tmp{os.getpid()}-old")
    if old.exists():
        shutil.rmtree(old)
    if out.exists():
        out.rename(old)
    try:
        tmp.rename(out)
    except OSError:
        if old.exists():
            old.rename(out)
        raise
    shutil.rmtree(old, ignore_errors=True)


@dataclass
class BuildResult:
    """What :func:`build` wrote: the folder, its manifest and its files (relative paths)."""

    out: Path
    manifest: dict[str, Any]
    files: list[str] = field(default_factory=list)

    @property
    def index(self) -> Path:
        return self.out / "index.html"


def build(out: str | os.PathLike[str] = "build", project: str | os.PathLike[str] | None = None, *,
          notebooks_dir: str | os.PathLike[str] | None = None, data_dir: str | os.PathLike[str] | None = None,
          lang: str = "zh", jobs: int = 2, timeout: int = 600, log: Log | None = print) -> BuildResult:
    """Build every notebook, figure and table into ``out``, with a manifest.

    Parameters
    ----------
    out : path-like
        Output folder. It is replaced only when the whole build succeeded. It must
        be absent, empty or an earlier build (holding ``manifest.json``).
    project : path-like, optional
        Folder holding ``notebooks/`` and ``data/``; by default the repository of
        this package.
    notebooks_dir, data_dir : path-like, optional
        Instead of ``project/notebooks`` and ``project/data``. Kernels and
        exhibits read their data from ``data_dir`` (through ``$YGX_DATA_DIR``).
    lang : {'zh', 'en'}
        Language of the exhibits, and ``LANG`` for notebooks with a parameters cell.
    jobs : int
        Kernels run at once (at least 1).
    timeout : int
        Seconds allowed per notebook cell.
    log : callable, optional
        Receives one progress line per notebook and per exhibit group; None for silence.

    Returns
    -------
    BuildResult

    Raises
    ------
    BuildError
        A notebook or an exhibit failed (the message names the notebook and the
        cell, or the exhibit). ``out`` is left as it was.
    ValueError
        A bad argument, named at the start of the message.
    """
    from ..data import DATA_DIR_ENV, default_data_dir
    from ..exhibits import check_lang

    check_lang(lang)
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"jobs: must be a positive integer, got {jobs!r}")
    if timeout <= 0:
        raise ValueError(f"timeout: must be positive, got {timeout!r}")
    project = Path(project) if project is not None else default_project()
    if not project.is_dir():
        raise ValueError(f"project: {project} is not a folder")
    nb_dir = Path(notebooks_dir) if notebooks_dir is not None else project / "notebooks"
    if data_dir is not None:
        data = Path(data_dir)
    elif (project / "data").is_dir():
        data = project / "data"
    else:
        data = default_data_dir()
    if not data.is_dir():
        raise ValueError(f"data_dir: {data} is not a folder")
    out = Path(out)
    check_out(out, [nb_dir, data])
    if out.resolve() == project.resolve() or out.resolve() in project.resolve().parents:
        raise ValueError(f"out: {out} would replace the project folder {project}")
    say: Log = log or (lambda line: None)
    started = time.perf_counter()

    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f"{out.name}.tmp{os.getpid()}")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir()
    try:
        with _environ(DATA_DIR_ENV, str(data.resolve())):
            manifest, files = _build_into(tmp.resolve(), project=project, nb_dir=nb_dir, data=data.resolve(),
                                          lang=lang, jobs=jobs, timeout=timeout, say=say)
        _swap_in(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    say(f"built {out}: {len(manifest['exhibits'])} exhibits, {len(manifest['notebooks'])} notebooks, "
        f"{len(files)} files ({time.perf_counter() - started:.1f} s)")
    return BuildResult(out=out, manifest=manifest, files=files)


def _build_into(tmp: Path, *, project: Path, nb_dir: Path, data: Path, lang: str, jobs: int, timeout: int,
                say: Log) -> tuple[dict[str, Any], list[str]]:
    # Import what the notebook thread uses here first: imports racing between two
    # threads can see half-initialised modules (IPython and matplotlib import each other).
    import IPython  # noqa: F401
    import ipykernel.kernelspec  # noqa: F401 - jupyter_client imports it lazily to find kernels
    import nbclient  # noqa: F401

    for sub in ("figures", "tables", "notebooks"):
        (tmp / sub).mkdir()
    notebook_paths = sorted(nb_dir.glob("*.ipynb")) if nb_dir.is_dir() else []
    names = [p.name for p in notebook_paths]

    # The kernels start first, the costliest notebook first (notebook_cost), so that
    # the longest one does not run alone at the end. Each notebook's own kernel exports
    # the notebook's exhibits: as exhibits.show() shows them (drawn once), and any not
    # shown after its last cell. Meanwhile this thread exports the exhibits whose
    # notebook is not here, the data tables, and turns each finished notebook into HTML.
    finished: queue.Queue[NotebookRun] = queue.Queue()
    runs: list[NotebookRun] = []
    failure: list[BaseException] = []
    cancel = threading.Event()
    def run_notebooks() -> None:
        try:
            runs.extend(execute_notebooks(notebook_paths, tmp / "notebooks", jobs=jobs, lang=lang,
                                          env=kernel_env(data), timeout=timeout, log=say, cancel=cancel,
                                          export_root=tmp, on_done=finished.put,
                                          cost=notebook_cost))
        except BaseException as exc:  # noqa: BLE001 - re-raised in the main thread
            failure.append(exc)

    worker = threading.Thread(target=run_notebooks, name="ygx-notebooks", daemon=True)
    if notebook_paths:
        worker.start()
    try:
        from .. import __version__
        from ..data import load_sources
        from ..exhibits import all_exhibits

        registered = all_exhibits()
        exported: dict[str, dict[str, Any]] = {}
        groups: dict[str, list[str]] = {}
        for ex in registered:
            groups.setdefault(ex.notebook, []).append(ex.id)
        done = 0

        def take(block: bool) -> None:
            """Write finished notebooks as HTML; stop at the first failure."""
            nonlocal done
            while done < len(notebook_paths):
                try:
                    run = finished.get(timeout=0.2) if block else finished.get_nowait()
                except queue.Empty:
                    if block and worker.is_alive():
                        continue
                    return
                done += 1
                if not run.ok:
                    raise BuildError(run.error)
                write_notebook(run.nb, tmp / "notebooks", Path(run.name).stem)

        for notebook, ids in groups.items():
            if notebook in names:
                continue
            start = time.perf_counter()
            for exhibit_id in ids:
                exported[exhibit_id] = export_exhibit(exhibit_id, tmp, lang)
                take(block=False)
            say(_group_line(notebook, [exported[i] for i in ids], time.perf_counter() - start,
                            "notebook not in this build"))
        datasets = _export_datasets(tmp, data, lang, __version__, say)
        take(block=True)
    except BaseException:
        cancel.set()
        if worker.is_alive():
            worker.join()
        raise
    if notebook_paths:
        worker.join()
    if failure:
        raise BuildError(f"notebooks: {type(failure[0]).__name__}: {failure[0]}") from failure[0]
    failed = [r.error for r in runs if not r.ok]
    if failed:
        raise BuildError("; ".join(str(f) for f in failed))

    shutil.rmtree(tmp / ".records", ignore_errors=True)
    for run in runs:
        exported.update({rec["id"]: rec for rec in run.exported})
        if run.exported:
            say(_group_line(run.name, run.exported, None, "exported by its kernel"))
    missing = [ex.id for ex in registered if ex.id not in exported]
    if missing:
        raise BuildError(f"exhibits: not exported by their notebook's kernel: {', '.join(missing)}")
    records = [exported[ex.id] for ex in registered]
    notebook_records = []
    for run in runs:
        stem = Path(run.name).stem
        notebook_records.append({
            "name": run.name, "source": _project_rel(run.source, project),
            "source_sha256": sha256_file(run.source), "ipynb": f"notebooks/{stem}.ipynb",
            "html": f"notebooks/{stem}.html", "cells": run.cells,
            "parameters": {"LANG": lang} if run.parameterised else {},
            "exhibits": [r["id"] for r in records if r["notebook"] == run.name],
        })
    for rec in records:
        rec["notebook_html"] = (f"notebooks/{Path(rec['notebook']).stem}.html" if rec["notebook"] in names else None)

    sources_path = data / "sources.csv"
    sources = load_sources(sources_path) if sources_path.is_file() else None
    manifest: dict[str, Any] = {
        "package": "ygx_analysis",
        "version": __version__,
        "git_commit": git_commit(project),
        "build_time": _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat(),
        "lang": lang,
        "python": platform.python_version(),
        "python_implementation": platform.python_implementation(),
        "libraries": library_versions(),
        "data": [{"path": _project_rel(p, project, data), "sha256": sha256_file(p), "bytes": p.stat().st_size}
                 for p in data_files(data)],
        "notebooks": notebook_records,
        "exhibits": records,
        "datasets": datasets,
    }
    (tmp / "EXHIBITS.md").write_text(exhibits_markdown(manifest, sources, lang), encoding="utf-8")
    (tmp / "index.html").write_text(index_html(manifest, lang), encoding="utf-8")
    files = sorted(_rel(p, tmp) for p in tmp.rglob("*") if p.is_file())
    manifest["files"] = {name: sha256_file(tmp / name) for name in files}
    (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return manifest, files + ["manifest.json"]


def _group_line(notebook: str, records: Sequence[Mapping[str, Any]], seconds: float | None, how: str) -> str:
    kinds = [r["kind"] for r in records]
    took = f"; {seconds:.1f} s" if seconds is not None else ""
    return (f"exhibits  {notebook}: {kinds.count('figure')} figures, {kinds.count('table')} tables, {how} "
            f"({', '.join(r['id'] for r in records)}{took})")


def _project_rel(path: Path, project: Path, data: Path | None = None) -> str:
    """A path relative to the project (or ``data/<name>`` for a data folder elsewhere)."""
    path = path.resolve()
    try:
        return path.relative_to(project.resolve()).as_posix()
    except ValueError:
        if data is not None:
            return "data/" + path.relative_to(data.resolve()).as_posix()
        return path.name


def _export_datasets(tmp: Path, data: Path, lang: str, version: str, say: Log) -> list[dict[str, Any]]:
    """The data files as loaded (typed, with intervals) as tables ``data-*``."""
    from ..data import load_context, load_indicators, load_sources

    loaders = {"indicators.csv": load_indicators, "context.csv": load_context, "sources.csv": load_sources}
    datasets = []
    start = time.perf_counter()
    for name, table_id in DATASETS.items():
        path = data / name
        if not path.is_file():
            continue
        frame = loaders[name](path)
        caption = f"{name}，载入后（含区间）" if lang == "zh" else f"{name} as loaded (with intervals)"
        paths = export_table(frame, tmp / "tables" / table_id, table_id=table_id, caption=caption,
                             source=f"data/{name}; ygx_analysis {version}", version=version)
        datasets.append({"id": table_id, "data_file": f"data/{name}", "caption": caption,
                         "rows": len(frame), "columns": [str(c) for c in frame.columns],
                         "files": [{"path": _rel(p, tmp), "sha256": sha256_file(p)} for p in paths]})
    if datasets:
        say(f"tables    data: {', '.join(d['data_file'] for d in datasets)} ({time.perf_counter() - start:.1f} s)")
    return datasets
