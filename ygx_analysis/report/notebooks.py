"""Notebooks executed with nbclient (:func:`execute_notebooks`), ``LANG`` injected by papermill (:func:`parameterise`).

In a report build, each kernel gets the report's :func:`ygx_analysis.exhibits.on_show` hook
(:class:`ygx_analysis.report.kernel.ShowExporter`) before its first cell, run silently so that the cells keep
their execution counts.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .kernel import hook_source, read_records, records_path

__all__ = ["INJECTED_TAG", "KERNEL_MPLBACKEND", "PARAMETER_TAG", "REPORT_KERNEL", "NotebookCancelled",
           "NotebookRun", "execute_notebooks", "kernel_env", "notebook_cost", "parameterise"]

PARAMETER_TAG = "parameters"
INJECTED_TAG = "injected-parameters"
REPORT_KERNEL = "python3"
"""The kernel every report notebook runs in (ipykernel's own spec: the Python running the build), whatever the
notebook's kernelspec names (``ygx-analysis``, registered by ``make lab``)."""
IPC_PATH_MAX = 96
"""Longest path for local (ipc) kernel sockets (a Unix socket path holds 107 bytes); a longer one uses TCP."""
KERNEL_MPLBACKEND = "module://matplotlib_inline.backend_inline"
"""Kernels draw inline so that the HTML pages show the figures."""

Log = Callable[[str], None]


def parameterise(nb: Any, parameters: Mapping[str, Any]) -> tuple[Any, bool]:
    """Inject ``parameters`` after a notebook's ``parameters`` cell with papermill; the copy and whether injected.

    A notebook without a code cell tagged ``parameters`` is returned as it is; an ``injected-parameters`` cell is
    replaced, its id fixed.

    Examples
    --------
    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[
    ...     nbformat.v4.new_code_cell('LANG = "zh"', metadata={"tags": ["parameters"]}),
    ...     nbformat.v4.new_code_cell("print(LANG)")],
    ...     metadata={"kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"}})
    >>> new, done = parameterise(nb, {"LANG": "en"})
    >>> done, new.cells[1].source, new.cells[1].id, len(nb.cells)
    (True, '# Parameters\\nLANG = "en"\\n', 'injected-parameters', 2)
    >>> parameterise(nbformat.v4.new_notebook(), {"LANG": "en"})[1]
    False
    """
    import copy

    if not any(c.cell_type == "code" and PARAMETER_TAG in c.get("metadata", {}).get("tags", [])
               for c in nb.cells):
        return nb, False
    from papermill.parameterize import parameterize_notebook

    nb = copy.deepcopy(nb)
    nb.metadata.setdefault("papermill", {"default_parameters": {}, "parameters": {}, "environment_variables": {}})
    for cell in nb.cells:
        cell.metadata.setdefault("tags", [])
    nb = parameterize_notebook(nb, dict(parameters))
    for cell in nb.cells:
        if INJECTED_TAG in cell.metadata.get("tags", []):
            cell["id"] = INJECTED_TAG
    return nb, True


@dataclass
class NotebookRun:
    """The outcome of executing one notebook: the executed ``nb`` and the records its kernel ``exported``."""

    name: str
    source: Path
    parameterised: bool = False
    cells: int = 0
    seconds: float = 0.0
    nb: Any = None
    exported: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def _failure_message(name: str, nb: Any, index: int | None, exc: BaseException, timeout: int) -> str:
    """One line: the notebook, the cell (1-based), its first line, and the error (or "timed out after N s")."""
    from nbclient.exceptions import CellTimeoutError

    ename = getattr(exc, "ename", None) or type(exc).__name__
    evalue = getattr(exc, "evalue", None)
    if evalue is None:
        text = str(exc).strip()
        evalue = text.splitlines()[-1] if text else ""
    where = ""
    if index is not None:
        cell = nb.cells[index]
        first = next((line.strip() for line in cell.source.splitlines() if line.strip()), "")
        count = cell.get("execution_count")
        where = (f" cell {index + 1} of {len(nb.cells)}" + (f" (In [{count}])" if count else "")
                 + (f" `{first[:60]}`" if first else "") + ":")
    if isinstance(exc, CellTimeoutError):
        return f"notebook {name}:{where} timed out after {timeout} s"
    return f"notebook {name}:{where} {ename}: {evalue}".rstrip()


class _Stop:
    """How the notebooks of one :func:`execute_notebooks` call stop early, without cancelling an asyncio task
    inside nbclient (that can leave a kernel unreaped): not started, or interrupted and shut down at once."""

    def __init__(self, event: threading.Event | None) -> None:
        self.event = event
        self.clients: dict[int, Any] = {}  # run number -> NotebookClient with a kernel
        self.in_cell: dict[int, Any] = {}  # run number -> NotebookClient executing a cell

    def is_set(self) -> bool:
        return self.event is not None and self.event.is_set()

    async def interrupt_running(self) -> None:
        from jupyter_core.utils import ensure_async

        for client in list(self.clients.values()):
            client.shutdown_kernel = "immediate"
        for client in list(self.in_cell.values()):
            km = getattr(client, "km", None)
            if km is not None:
                with contextlib.suppress(Exception):  # the kernel may be exiting already
                    await ensure_async(km.interrupt_kernel())  # a signal for a Python kernel


class NotebookCancelled(Exception):
    """Raised before a notebook's next cell when the build is being stopped."""


async def _execute_one(number: int, path: Path, out_dir: Path, *, lang: str | None, env: Mapping[str, str],
                       timeout: int, semaphore: asyncio.Semaphore, stop: _Stop, log: Log | None, runtime: Path,
                       export_root: Path | None) -> NotebookRun:
    import nbformat
    from nbclient import NotebookClient
    from traitlets.config import Config

    run = NotebookRun(name=path.name, source=path)
    nb = nbformat.read(path, as_version=4)
    if lang is not None:
        nb, run.parameterised = parameterise(nb, {"LANG": lang})
    run.cells = len(nb.cells)
    records = None
    if export_root is not None:
        records = records_path(export_root, path.name)
        records.parent.mkdir(exist_ok=True)
        records.unlink(missing_ok=True)
    current: dict[str, int | None] = {"index": None}
    slot = {"held": False}

    def release_slot() -> None:
        if slot["held"]:
            slot["held"] = False
            semaphore.release()

    def on_cell_execute(cell: Any, cell_index: int) -> None:
        if stop.is_set():
            raise NotebookCancelled(f"notebook {path.name}: cancelled before cell {cell_index + 1}")
        current["index"] = cell_index
        stop.in_cell[number] = client

    def on_cell_executed(cell_index: int | None = None, **_: Any) -> None:
        stop.in_cell.pop(number, None)
        if cell_index == len(nb.cells) - 1:
            release_slot()  # every cell has run: the next notebook's kernel starts while this one shuts down

    async def on_notebook_start(**_: Any) -> None:
        if records is None:
            return
        # silent: no execution count is taken, so the notebook's cells keep theirs
        msg_id = client.kc.execute(hook_source(path.name, export_root, records), silent=True, store_history=False)
        content = ((await client.async_wait_for_reply(msg_id)) or {}).get("content", {})
        if content.get("status") != "ok":
            raise RuntimeError(f"installing the report's show hook failed: {content.get('ename')}: "
                               f"{content.get('evalue')}")

    config = Config()
    # the connection file and the sockets in the run's private folder, so they leave with it
    config.KernelManager.connection_file = str(runtime / f"kernel-{number}.json")
    socket = runtime / f"k{number}"
    if len(str(socket)) <= IPC_PATH_MAX:
        # local sockets, not loopback TCP: TCP ports are picked free and then bound by the kernel,
        # so two kernels started at once (a build beside a test's kernel) can race for one port
        config.KernelManager.transport = "ipc"
        config.KernelManager.ip = str(socket)  # absolute: the kernel runs in another folder
    client = NotebookClient(nb, timeout=timeout, kernel_name=REPORT_KERNEL, record_timing=False,
                            on_cell_execute=on_cell_execute, on_cell_executed=on_cell_executed,
                            on_notebook_start=on_notebook_start, config=config,
                            resources={"metadata": {"path": str(out_dir)}})
    await semaphore.acquire()
    slot["held"] = True
    try:
        start = time.perf_counter()
        if stop.is_set():
            run.error = f"notebook {path.name}: cancelled before it started"
            return run
        stop.clients[number] = client
        # the kernel process's own output (ipykernel's log) goes to a file in the runtime folder
        with open(runtime / f"kernel-{number}.log", "wb") as kernel_log:
            try:
                await client.async_execute(env=dict(env), stdout=kernel_log, stderr=kernel_log)
            except Exception as exc:  # noqa: BLE001 - every failure is reported with its cell
                run.error = (f"notebook {path.name}: cancelled" if stop.is_set()
                             else _failure_message(path.name, nb, current["index"], exc, timeout))
            finally:
                stop.in_cell.pop(number, None)
                stop.clients.pop(number, None)
                atexit.unregister(client._cleanup_kernel)
        run.seconds = time.perf_counter() - start
    finally:
        release_slot()  # when a cell failed, was cancelled or timed out
    if records is not None and run.ok:
        run.exported = read_records(records)
    run.nb = nb
    if log and not stop.is_set():
        extra = ", LANG injected" if run.parameterised else ""
        if run.exported:
            kinds = [r["kind"] for r in run.exported]
            extra += f"; exported {kinds.count('figure')} figures, {kinds.count('table')} tables"
        log(f"notebook  {path.name}: {'ok' if run.ok else 'FAILED'} ({run.cells} cells{extra}; {run.seconds:.1f} s)")
    return run


def kernel_env(data_dir: Path | None = None, runtime_dir: Path | None = None,
               epoch: int | None = None) -> dict[str, str]:
    """The environment for kernels: this one, inline figures, the data folder, the runtime folder, the build time.

    ``epoch`` is ``SOURCE_DATE_EPOCH`` as the build checked it; without it the variable is removed.

    Examples
    --------
    >>> env = kernel_env(Path("/b/.snapshot/data"), Path("/b/.runtime"), 1735689600)
    >>> env["YGX_DATA_DIR"], env["JUPYTER_RUNTIME_DIR"], env["SOURCE_DATE_EPOCH"]
    ('/b/.snapshot/data', '/b/.runtime', '1735689600')
    >>> "SOURCE_DATE_EPOCH" in kernel_env()
    False
    """
    from ..data.tables import DATA_DIR_ENV
    from ..data.files import SOURCE_DATE_EPOCH_ENV

    env = {**os.environ, "MPLBACKEND": KERNEL_MPLBACKEND}
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    if data_dir is not None:
        env[DATA_DIR_ENV] = str(data_dir)
    if runtime_dir is not None:
        env["JUPYTER_RUNTIME_DIR"] = str(runtime_dir)
    env.pop(SOURCE_DATE_EPOCH_ENV, None)
    if epoch is not None:
        env[SOURCE_DATE_EPOCH_ENV] = str(epoch)
    return env


def execute_notebooks(paths: Sequence[Path], out_dir: Path, *, jobs: int = 2, lang: str | None = None,
                      env: Mapping[str, str] | None = None, timeout: int = 600, log: Log | None = None,
                      cancel: threading.Event | None = None, export_root: Path | None = None,
                      on_done: Callable[[NotebookRun], None] | None = None, cost: Callable[[Path], float] | None = None,
                      runtime_dir: Path | None = None) -> list[NotebookRun]:
    """Execute notebooks with nbclient, at most ``jobs`` kernels running cells at once, in ``out_dir``.

    The notebooks on disk are only read. A kernel whose last cell has run gives up its place.

    Parameters
    ----------
    lang : {'zh', 'en'}, optional
        Injected as ``LANG`` into notebooks that have a ``parameters`` cell.
    export_root : Path, optional
        Each kernel exports its notebook's exhibits into this folder as they are shown
        (:class:`~ygx_analysis.report.kernel.ShowExporter`); their records are in ``NotebookRun.exported``.
    cancel : threading.Event, optional
        Set it to stop: no further notebook or cell starts, a running cell is interrupted, every kernel shut down.
    on_done : callable, optional
        Called with each :class:`NotebookRun` as soon as it finished.
    cost : callable, optional
        An estimate of each notebook's run time; the costliest start first (ties in the order of ``paths``).
    runtime_dir : Path, optional
        Folder for the kernels' connection files and logs (mode 0700, removed at the end); by default a temporary one.

    Returns
    -------
    list of NotebookRun
        In the order of ``paths``; a failed run has ``error`` set to one line naming the notebook and the cell.
    """
    if not paths:
        return []
    env = kernel_env() if env is None else env

    stop = _Stop(cancel)

    async def one(i: int, path: Path, semaphore: asyncio.Semaphore, runtime: Path) -> NotebookRun:
        run = await _execute_one(i, path, out_dir, lang=lang, env=env, timeout=timeout, semaphore=semaphore,
                                 stop=stop, log=log, runtime=runtime, export_root=export_root)
        if on_done is not None:
            on_done(run)
        return run

    async def main(runtime: Path) -> list[NotebookRun]:
        semaphore = asyncio.Semaphore(jobs)
        # tasks take the semaphore in the order they were created
        order = sorted(range(len(paths)), key=lambda i: -cost(paths[i])) if cost else range(len(paths))
        started = {i: asyncio.ensure_future(one(i, paths[i], semaphore, runtime)) for i in order}
        tasks = [started[i] for i in range(len(paths))]
        watcher = None
        if cancel is not None:
            async def watch() -> None:
                while not cancel.is_set():
                    await asyncio.sleep(0.05)
                # again while a cell still runs: an interrupt that reaches a kernel
                # just before its cell starts is ignored
                while True:
                    await stop.interrupt_running()
                    await asyncio.sleep(0.5)
            watcher = asyncio.ensure_future(watch())
        results = await asyncio.gather(*tasks, return_exceptions=True)
        if watcher is not None:
            watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await watcher
        return [result if not isinstance(result, BaseException) else NotebookRun(
            name=path.name, source=path, error=f"notebook {path.name}: {type(result).__name__}: {result}")
            for path, result in zip(paths, results, strict=True)]

    if runtime_dir is None:
        runtime = Path(tempfile.mkdtemp(prefix="ygx-kernels-"))  # mode 0700: only this user can connect
    else:
        runtime = Path(runtime_dir)
        runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        return asyncio.run(main(runtime))
    finally:
        shutil.rmtree(runtime, ignore_errors=True)


def notebook_cost(path: Path) -> int:
    """The report's estimate of a notebook's run time: the number of registered exhibits it shows (deterministic).

    Examples
    --------
    >>> notebook_cost(Path("06_scenarios_2026_2030.ipynb")) > notebook_cost(Path("01_reported_figures.ipynb"))
    True
    >>> notebook_cost(Path("no_such_notebook.ipynb"))
    0
    """
    from ..exhibits import all_exhibits

    return sum(ex.notebook == path.name for ex in all_exhibits())
