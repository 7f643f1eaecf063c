"""The build: every notebook, figure and table into one folder, swapped in atomically.

:func:`build` writes::

    OUT/
      index.html                 links to everything, thumbnails, how to cite
      briefing.docx              the Word briefing: key points, every exhibit as 图N / 表N in notebook order
      EXHIBITS.md                each exhibit: caption, files, full source citation, notebook
      manifest.json              versions, data sha256, every file and exhibit
      figures/<id>.png|.svg|.pdf every registered figure, with its source line
      tables/<id>.csv|.xlsx      every registered table, and the data files as loaded
      notebooks/<name>.ipynb|.html  every notebook, executed

      .ygx-report.json           the marker of a build (package, format): only such a folder is replaced

``OUT`` is replaced only by a build that succeeded (:mod:`~ygx_analysis.report.safety`). The data folder is
copied first (:func:`snapshot_data`) and the overrides apply to the copy (:mod:`ygx_analysis.report.overrides`);
this process and every kernel read only that copy. The same inputs give the same bytes in every file except the
``build_time`` of ``manifest.json`` (``$SOURCE_DATE_EPOCH`` when set).
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import platform
import queue
import shutil
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..data.files import display_path
from .export import DATASETS, PAGE_FIGURES, BuildError, export_datasets, export_exhibit, sha256_file
from .manifest import data_files, exhibits_markdown, library_versions
from .notebooks import NotebookRun, execute_notebooks, kernel_env, notebook_cost
from .pages import index_html, write_assets, write_notebook
from .safety import (MARKER, OWNER, BuildInterrupted, SignalGuard, check_out, make_temporary, marker_bytes,
                     out_lock, remove_stale, resolve_out, swap_in, temporary_path)

__all__ = ["DATASETS", "MAX_JOBS", "MAX_TIMEOUT", "RUNTIME", "SNAPSHOT", "BuildResult", "build", "check_out",
           "snapshot_data"]

Log = Callable[[str], None]


@dataclass
class BuildResult:
    """What :func:`build` wrote: the folder, its manifest and its files (relative paths)."""

    out: Path
    manifest: dict[str, Any]
    files: list[str] = field(default_factory=list)

    @property
    def index(self) -> Path:
        return self.out / "index.html"


MAX_JOBS = 64
"""Most kernels a build runs at once."""

MAX_TIMEOUT = 86_400
"""Longest time allowed per notebook cell, in seconds (a day)."""

SNAPSHOT = ".snapshot"
"""Folder of a temporary build holding the copy of the data folder that everything reads."""

RUNTIME = ".runtime"
"""Folder of a temporary build holding the kernels' connection files and logs."""


def snapshot_data(data: Path, target: Path) -> list[Path]:
    """Copy every file of ``data`` (hidden files and caches skipped) into ``target``; return the copies.

    Each file is read with :func:`ygx_analysis.data.files.read_bytes`, so a FIFO, a device, a symbolic link loop
    or an oversized file is refused with one line (:class:`~ygx_analysis.data.files.DataError`).

    Examples
    --------
    >>> import tempfile
    >>> src, dst = Path(tempfile.mkdtemp()), Path(tempfile.mkdtemp()) / "data"
    >>> _ = (src / "a.csv").write_text("x\\n1\\n")
    >>> _ = (src / ".hidden").write_text("no")
    >>> [p.name for p in snapshot_data(src, dst)], (dst / "a.csv").read_text()
    (['a.csv'], 'x\\n1\\n')
    """
    from ..data.files import read_bytes

    copies = []
    target.mkdir(parents=True, exist_ok=True)
    for folder, dirs, names in os.walk(data):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
        for name in sorted(n for n in names if not n.startswith(".")):
            source = Path(folder, name)
            copy = target / source.relative_to(data)
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_bytes(read_bytes(source))
            copies.append(copy)
    return copies


def _check_numbers(jobs: object, timeout: object) -> None:
    if isinstance(jobs, bool) or not isinstance(jobs, int) or not 1 <= jobs <= MAX_JOBS:
        raise ValueError(f"jobs: must be a whole number from 1 to {MAX_JOBS}, got {jobs!r}")
    if isinstance(timeout, bool) or not isinstance(timeout, int) or not 1 <= timeout <= MAX_TIMEOUT:
        raise ValueError(f"timeout: must be a whole number of seconds from 1 to {MAX_TIMEOUT}, got {timeout!r}")


def build(out: str | os.PathLike[str] = "build", project: str | os.PathLike[str] | None = None, *,
          notebooks_dir: str | os.PathLike[str] | None = None, data_dir: str | os.PathLike[str] | None = None,
          lang: str = "zh", jobs: int = 2, timeout: int = 600, log: Log | None = print,
          overrides: Sequence[Any] = (), configs: Mapping[str, str | os.PathLike[str]] | None = None) -> BuildResult:
    """Build every notebook, figure and table into ``out``, with a manifest.

    Parameters
    ----------
    out : path-like
        Output folder, replaced only when the whole build succeeded. It must be missing, empty or an earlier
        build (holding :data:`~.safety.MARKER`); a symbolic link is followed and its target replaced.
    project : path-like, optional
        Folder holding ``notebooks/`` and ``data/``; by default the repository of this package.
    notebooks_dir, data_dir : path-like, optional
        Instead of ``project/notebooks`` (with ``lang='en'``, ``project/notebooks/en`` where it exists) and
        ``project/data``. Kernels and exhibits read only a copy of the data (through ``$YGX_DATA_DIR``).
    lang : {'zh', 'en'}
        Language of the exhibits, and ``LANG`` for notebooks with a parameters cell.
    jobs : int
        Kernels run at once (1 to :data:`MAX_JOBS`).
    timeout : int
        Seconds allowed per notebook cell (1 to :data:`MAX_TIMEOUT`).
    log : callable, optional
        Receives one progress line per notebook and per exhibit group; None for silence.
    overrides : sequence of str or Override, optional
        ``FILE.KEY=VALUE`` changes to the copy's ``savings.toml`` / ``scenarios.toml``
        (:func:`~ygx_analysis.report.overrides.parse_override`), e.g. ``["savings.annual_saving=2"]``.
    configs : mapping, optional
        ``"savings.toml"`` / ``"scenarios.toml"`` → a whole replacement file, copied in before the overrides.

    Returns
    -------
    BuildResult

    Raises
    ------
    BuildError
        A notebook (naming the cell) or an exhibit failed, writing failed (naming the path), or another build
        into ``out`` runs (:class:`~.safety.OutLocked`). ``out`` is left as it was.
    BuildInterrupted
        SIGINT or SIGTERM arrived: the kernels are stopped, the temporary folder removed, ``out`` left as it was.
    ValueError
        A bad argument, named at the start of the message, or a bad override or replacement file
        (``--set TEXT: FILE: KEY: problem``), found before any kernel starts.
    """
    from unittest import mock

    from ..data.tables import DATA_DIR_ENV, default_data_dir
    from ..exhibits import check_lang
    from ..data.files import check_folder, source_date_epoch
    from .overrides import apply_for_build, parse_override

    check_lang(lang)
    _check_numbers(jobs, timeout)
    changes = [o if not isinstance(o, str) else parse_override(o) for o in overrides]  # syntax, before anything
    epoch = source_date_epoch()
    project = Path(project) if project is not None else Path(__file__).resolve().parents[2]  # the repository
    if not project.is_dir():
        raise ValueError(f"project: {display_path(project)} is not a folder")
    nb_dir = Path(notebooks_dir) if notebooks_dir is not None else project / "notebooks"
    if notebooks_dir is None and lang == "en" and (nb_dir / "en").is_dir():
        nb_dir = nb_dir / "en"  # the English twins of the Chinese notebooks
    data = Path(data_dir) if data_dir is not None else project / "data"
    if data_dir is None and not data.is_dir():
        data = default_data_dir()
    try:
        data = check_folder(data).resolve()
    except ValueError as exc:
        raise ValueError(f"data_dir: {exc}") from None
    given = out
    out = resolve_out(out)
    check_out(out, [nb_dir, data])
    if out == project.resolve() or out in project.resolve().parents:
        raise ValueError(f"out: {display_path(out)} would replace the project folder {display_path(project)}")
    say: Log = log or (lambda line: None)
    started = time.perf_counter()
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BuildError(f"out: cannot create {display_path(exc.filename or out.parent)}: {exc.strerror}; "
                         "nothing was changed") from None
    with SignalGuard() as guard:
        try:
            with out_lock(out):
                check_out(out, [nb_dir, data])  # again, now that no other build can change it
                remove_stale(out, say)
                tmp = temporary_path(out)
                try:
                    make_temporary(out)
                    snapshot = tmp / SNAPSHOT / "data"
                    snapshot_data(data, snapshot)
                    changed = apply_for_build(snapshot, changes, configs, say)
                    with mock.patch.dict(os.environ, {DATA_DIR_ENV: str(snapshot)}):
                        manifest, files = _build_into(tmp, project=project, nb_dir=nb_dir, data=snapshot,
                                                      lang=lang, jobs=jobs, timeout=timeout, epoch=epoch, say=say,
                                                      changed=changed)
                    with guard.held():
                        swap_in(tmp, out)
                except BaseException:
                    shutil.rmtree(tmp, ignore_errors=True)
                    raise
        except OSError as exc:
            where = display_path(exc.filename) if exc.filename else display_path(out)
            raise BuildError(f"out: writing {display_path(given)} failed: {where}: "
                             f"{exc.strerror or type(exc).__name__}") from None
        if guard.received is not None:
            raise BuildInterrupted(guard.received, swapped=True)
    say(f"built {display_path(given)}: {len(manifest['exhibits'])} exhibits, {len(manifest['notebooks'])} notebooks, "
        f"{len(files)} files ({time.perf_counter() - started:.1f} s)")
    return BuildResult(out=Path(given), manifest=manifest, files=files)


def _build_into(tmp: Path, *, project: Path, nb_dir: Path, data: Path, lang: str, jobs: int, timeout: int,
                epoch: int | None, say: Log, changed: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    # imported here first: imports racing between two threads can see half-initialised modules
    import IPython  # noqa: F401
    import ipykernel.kernelspec  # noqa: F401 - jupyter_client imports it lazily to find kernels
    import nbclient  # noqa: F401

    from ..data.provenance import collect

    for sub in ("figures", "tables", "notebooks"):
        (tmp / sub).mkdir()
    write_assets(tmp)  # the CJK fonts the pages embed (assets/)
    notebook_paths = sorted(nb_dir.glob("*.ipynb")) if nb_dir.is_dir() else []
    names = [p.name for p in notebook_paths]
    # commit, local changes and data fingerprint, once; kernels get it in $YGX_PROVENANCE
    provenance = collect(project, data, environ={"SOURCE_DATE_EPOCH": str(epoch)} if epoch is not None else {})

    # The kernels start first, the costliest notebook first (notebook_cost), each exporting what its notebook
    # shows; meanwhile this thread exports the data tables and writes the finished notebooks' pages.
    finished: queue.Queue[NotebookRun] = queue.Queue()
    runs: list[NotebookRun] = []
    failure: list[BaseException] = []
    cancel = threading.Event()

    def run_notebooks() -> None:
        try:
            runs.extend(execute_notebooks(notebook_paths, tmp / "notebooks", jobs=jobs, lang=lang,
                                          env={**kernel_env(data, tmp / RUNTIME, epoch), **provenance.to_environ()},
                                          timeout=timeout, log=say, cancel=cancel, export_root=tmp,
                                          on_done=finished.put, cost=notebook_cost, runtime_dir=tmp / RUNTIME))
        except BaseException as exc:  # noqa: BLE001 - re-raised in the main thread
            failure.append(exc)
        finished.put(None)  # type: ignore[arg-type] - the end

    worker = threading.Thread(target=run_notebooks, name="ygx-notebooks", daemon=True)
    worker.start()
    try:
        from .. import __version__
        from ..data.tables import load_sources
        from ..exhibits import all_exhibits

        datasets = export_datasets(tmp, data, lang, __version__, say, provenance)
        while (run := finished.get()) is not None:
            if not run.ok:
                raise BuildError(run.error)
            write_notebook(run.nb, tmp / "notebooks", Path(run.name).stem)
    except BaseException:
        cancel.set()
        worker.join()
        raise
    worker.join()
    if failure:
        raise BuildError(f"notebooks: {type(failure[0]).__name__}: {failure[0]}") from failure[0]

    registered = all_exhibits()
    captions = {ex.id: ex.caption(lang) for ex in registered}
    exported: dict[str, dict[str, Any]] = {}
    for run in runs:  # what a notebook showed in another language is exported again below
        exported.update({rec["id"]: rec for rec in run.exported if captions.get(rec["id"]) == rec["caption"]})
        if run.exported:
            say(_group_line(run.name, run.exported, "exported by its kernel"))
    left: dict[str, list[str]] = {}
    for ex in (ex for ex in registered if ex.id not in exported):
        left.setdefault(ex.notebook, []).append(ex.id)
    for notebook, ids in left.items():
        for exhibit_id in ids:
            exported[exhibit_id] = export_exhibit(exhibit_id, tmp, lang, provenance=provenance)[0]
        say(_group_line(notebook, [exported[i] for i in ids], "exported by the build"))
    for work in (".records", RUNTIME):
        shutil.rmtree(tmp / work, ignore_errors=True)
    records = [exported[ex.id] for ex in registered]
    notebook_records = [{
        "name": run.name, "source": _project_rel(run.source, project), "source_sha256": sha256_file(run.source),
        "ipynb": f"notebooks/{Path(run.name).stem}.ipynb", "html": f"notebooks/{Path(run.name).stem}.html",
        "cells": run.cells, "parameters": {"LANG": lang} if run.parameterised else {},
        "exhibits": _shown_order(run, records)} for run in runs]
    for rec in records:
        rec["notebook_html"] = (f"notebooks/{Path(rec['notebook']).stem}.html" if rec["notebook"] in names else None)

    sources_path = data / "sources.csv"
    sources = load_sources(sources_path) if sources_path.is_file() else None
    manifest: dict[str, Any] = {
        "package": "ygx_analysis", "version": __version__,
        "git_commit": provenance.commit,  # the commit the cite lines name
        "provenance": provenance.to_dict(), "build_time": _build_time(epoch), "lang": lang,
        "python": platform.python_version(), "python_implementation": platform.python_implementation(),
        "libraries": library_versions(),
        "data": [{"path": "data/" + p.relative_to(data).as_posix(), "sha256": sha256_file(p), "bytes": p.stat().st_size}
                 for p in data_files(data)],
        "overrides": list(changed["overrides"]), "configs": dict(changed["configs"]),
        "notebooks": notebook_records, "exhibits": records, "datasets": datasets,
    }
    (tmp / "EXHIBITS.md").write_text(exhibits_markdown(manifest, sources, lang), encoding="utf-8")
    (tmp / "index.html").write_text(index_html(manifest, lang), encoding="utf-8")
    from .briefing import BRIEFING, write_briefing  # python-docx, only where a build writes

    start = time.perf_counter()
    write_briefing(tmp, manifest, lang, data=data)
    shutil.rmtree(tmp / PAGE_FIGURES, ignore_errors=True)
    say(f"briefing  {BRIEFING} ({time.perf_counter() - start:.1f} s)")
    shutil.rmtree(tmp / SNAPSHOT)
    (tmp / OWNER).unlink()
    (tmp / MARKER).write_bytes(marker_bytes())
    files = sorted(p.relative_to(tmp).as_posix() for p in tmp.rglob("*") if p.is_file())
    manifest["files"] = {name: sha256_file(tmp / name) for name in files}
    (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return manifest, files + ["manifest.json"]


def _shown_order(run: NotebookRun, records: Sequence[Mapping[str, Any]]) -> list[str]:
    """The ids of a notebook's exhibits in the order its kernel showed them, then those it did not show."""
    shown = [rec["id"] for rec in run.exported]
    return shown + [r["id"] for r in records if r["notebook"] == run.name and r["id"] not in shown]


def _build_time(epoch: int | None) -> str:
    """The manifest's ``build_time``: ``SOURCE_DATE_EPOCH`` when given, else now (UTC, whole seconds)."""
    when = (_dt.datetime.fromtimestamp(epoch, _dt.timezone.utc) if epoch is not None
            else _dt.datetime.now(_dt.timezone.utc))
    return when.replace(microsecond=0).isoformat()


def _group_line(notebook: str, records: Sequence[Mapping[str, Any]], how: str) -> str:
    """One progress line for the exhibits of a notebook."""
    kinds = [r["kind"] for r in records]
    return (f"exhibits  {notebook}: {kinds.count('figure')} figures, {kinds.count('table')} tables, {how} "
            f"({', '.join(r['id'] for r in records)})")


def _project_rel(path: Path, project: Path) -> str:
    """A path relative to the project, or its name for a file elsewhere."""
    path = path.resolve()
    try:
        return path.relative_to(project.resolve()).as_posix()
    except ValueError:
        return path.name
