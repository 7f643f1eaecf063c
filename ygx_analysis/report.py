"""The citable report: every notebook, figure and table built into one folder.

``ygx-analysis report [--out build] [--lang zh|en] [--jobs N]`` calls :func:`build`,
which writes::

    OUT/
      index.html                 links to everything, thumbnails, how to cite
      EXHIBITS.md                each exhibit: caption, files, full source citation, notebook
      manifest.json              versions, data sha256, every file and exhibit
      figures/<id>.png|.svg|.pdf every registered figure, with its source line
      tables/<id>.csv|.xlsx      every registered table, and the data files as loaded
      notebooks/<name>.ipynb|.html  every notebook, executed

The exhibits come from the registry (:func:`ygx_analysis.exhibits.all_exhibits`)
and the notebooks from ``PROJECT/notebooks/*.ipynb``, so exhibits and notebooks
added later appear without changes here.

Safety: the build goes into a temporary folder next to ``OUT`` (``OUT.tmp<pid>``)
and replaces ``OUT`` only when every step succeeded. Notebooks are read from
``notebooks/`` and never written there; kernels run with the build's
``notebooks/`` folder as working directory.

Determinism: the same inputs give the same bytes in every file except the
``build_time`` field of ``manifest.json``. Figures are saved without timestamps
or software stamps (:func:`ygx_analysis.plotting.save_figure`), CSV files are
written with fixed line endings, and XLSX files get fixed document properties
and fixed zip entry times (``$SOURCE_DATE_EPOCH`` when set, else
:data:`FIXED_TIME`).

Notebook parameters: a notebook with a papermill-style ``parameters`` cell (a
code cell tagged ``parameters``) gets an ``injected-parameters`` cell after it
setting ``LANG``; any other notebook runs as stored.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import copy
import datetime as _dt
import hashlib
import html
import json
import math
import os
import platform
import queue
import shutil
import tempfile
import threading
import time
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import pandas as pd

from .exhibits import REPORT_ENV  # a report kernel's JSON {"root", "lang", "notebook"}

LIBRARIES = ("numpy", "pandas", "matplotlib", "statsmodels", "fonttools", "nbformat",
             "nbclient", "ipykernel", "jupyter_client", "ipython", "mistune", "pygments")
"""Distributions whose versions the manifest records."""

FIXED_TIME = _dt.datetime(2000, 1, 1, tzinfo=_dt.timezone.utc)
"""Timestamp written into XLSX properties and zip entries unless ``$SOURCE_DATE_EPOCH`` is set."""

PARAMETER_TAG = "parameters"
INJECTED_TAG = "injected-parameters"
KERNEL_MPLBACKEND = "module://matplotlib_inline.backend_inline"
"""Kernels draw inline so that the HTML pages show the figures."""

DATASETS = {"indicators.csv": "data-indicators", "context.csv": "data-context", "sources.csv": "data-sources"}
"""Data files exported as tables (as loaded, with intervals): file name → table id."""

SOURCE_LINE_HEADS = {"zh": "资料来源 / Source:", "en": "Source:"}
"""How the source line that :func:`ygx_analysis.exhibits.render` adds begins, per language."""

Log = Callable[[str], None]


class BuildError(RuntimeError):
    """The build failed; the previous build was kept. The message is one line per problem."""


# ---------------------------------------------------------------------------
# small pure helpers
# ---------------------------------------------------------------------------

def fixed_time(environ: Mapping[str, str] | None = None) -> _dt.datetime:
    """The timestamp written into files: ``$SOURCE_DATE_EPOCH`` or :data:`FIXED_TIME` (UTC).

    Parameters
    ----------
    environ : mapping, optional
        Where to look for ``SOURCE_DATE_EPOCH``; ``os.environ`` by default.

    Examples
    --------
    >>> fixed_time({}).isoformat()
    '2000-01-01T00:00:00+00:00'
    >>> fixed_time({"SOURCE_DATE_EPOCH": "1735689600"}).isoformat()
    '2025-01-01T00:00:00+00:00'
    """
    environ = os.environ if environ is None else environ
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return FIXED_TIME
    try:
        stamp = int(epoch)
    except ValueError:
        raise ValueError(f"SOURCE_DATE_EPOCH: not an integer number of seconds: {epoch!r}") from None
    # zip entries cannot hold dates before 1980
    return max(_dt.datetime.fromtimestamp(stamp, tz=_dt.timezone.utc),
               _dt.datetime(1980, 1, 1, tzinfo=_dt.timezone.utc))


def sha256_bytes(data: bytes) -> str:
    """Hex sha256 of some bytes.

    Examples
    --------
    >>> sha256_bytes(b"abc")[:16]
    'ba7816bf8f01cfea'
    """
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: str | os.PathLike[str]) -> str:
    """Hex sha256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def parameterise(nb: Any, parameters: Mapping[str, Any]) -> tuple[Any, bool]:
    """Inject ``parameters`` after a notebook's ``parameters`` cell, papermill-style.

    Returns a copy of the notebook and whether it was parameterised. A notebook
    without a code cell tagged ``parameters`` is returned unchanged (as a copy).
    An existing ``injected-parameters`` cell is replaced.

    Examples
    --------
    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[
    ...     nbformat.v4.new_code_cell('LANG = "zh"', metadata={"tags": ["parameters"]}),
    ...     nbformat.v4.new_code_cell("print(LANG)")])
    >>> new, done = parameterise(nb, {"LANG": "en"})
    >>> done, new.cells[1].source, len(nb.cells)
    (True, "# Parameters\\nLANG = 'en'", 2)
    >>> parameterise(nbformat.v4.new_notebook(), {"LANG": "en"})[1]
    False
    """
    nb = copy.deepcopy(nb)
    cells = [c for c in nb.cells if INJECTED_TAG not in c.get("metadata", {}).get("tags", [])]
    where = next((i for i, c in enumerate(cells) if c.cell_type == "code"
                  and PARAMETER_TAG in c.get("metadata", {}).get("tags", [])), None)
    nb.cells = cells
    if where is None:
        return nb, False
    import nbformat

    source = "# Parameters\n" + "\n".join(f"{name} = {value!r}" for name, value in parameters.items())
    injected = nbformat.v4.new_code_cell(source, metadata={"tags": [INJECTED_TAG]})
    injected.pop("id", None)
    injected["id"] = "injected-parameters"
    nb.cells.insert(where + 1, injected)
    return nb, True


def _cell_value(value: Any) -> Any:
    """A table value as an XLSX cell holds it (a number, a boolean, text, or None for empty)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
    if isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


# ---------------------------------------------------------------------------
# tables
# ---------------------------------------------------------------------------

def write_csv(frame: pd.DataFrame, path: str | os.PathLike[str]) -> Path:
    """Write a table as CSV in UTF-8 with a byte-order mark, so Excel shows Chinese.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = write_csv(pd.DataFrame({"指标": ["财政总收入"], "value": [62.08]}), p)
    >>> p.read_bytes()[:3] == b"\\xef\\xbb\\xbf", p.read_text("utf-8-sig")
    (True, '指标,value\\n财政总收入,62.08\\n')
    """
    path = Path(path)
    text = frame.to_csv(index=False, lineterminator="\n")
    path.write_bytes(text.encode("utf-8-sig"))
    return path


def write_xlsx(frame: pd.DataFrame, path: str | os.PathLike[str], *, table_id: str, caption: str = "",
               source: str = "", version: str = "") -> Path:
    """Write a table as XLSX with fixed document properties and zip times (:mod:`ygx_analysis.xlsx`).

    Sheet ``table`` holds the table (header in row 1, bold and frozen); sheet ``about``
    holds the id, caption, source line and package version. Column widths follow
    the longest text of the first 200 rows (a CJK character counts two).
    Infinite values are written as the text ``inf``/``-inf``; missing values as empty cells.
    """
    from .xlsx import Properties, Sheet, workbook_bytes

    rows: list[list[Any]] = [[str(c) for c in frame.columns]]
    rows += [[_cell_value(v) for v in row] for row in frame.itertuples(index=False, name=None)]
    widths = []
    for i, column in enumerate(frame.columns):
        texts = [str(column)] + [str(v) for v in frame.iloc[:200, i]]
        widths.append(min(60, max(8, max(_display_width(t) for t in texts) + 2)))
    about = [["id", table_id], ["caption", caption], ["source", source],
             ["package", f"ygx_analysis {version}".strip()]]
    sheets = [Sheet("table", rows, widths, header=True), Sheet("about", about, [10, 100])]
    props = Properties(title=caption or table_id, subject=table_id, description=source)
    path = Path(path)
    path.write_bytes(workbook_bytes(sheets, props, fixed_time()))
    return path


def _display_width(text: str) -> int:
    """Approximate column width: CJK characters count double."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def export_table(frame: pd.DataFrame, stem: str | os.PathLike[str], *, table_id: str, caption: str = "",
                 source: str = "", version: str = "") -> list[Path]:
    """Write ``stem.csv`` (UTF-8 with BOM) and ``stem.xlsx``; return both paths."""
    stem = Path(stem)
    return [write_csv(frame, stem.with_suffix(".csv")),
            write_xlsx(frame, stem.with_suffix(".xlsx"), table_id=table_id, caption=caption,
                       source=source, version=version)]


# ---------------------------------------------------------------------------
# exhibits
# ---------------------------------------------------------------------------

@contextlib.contextmanager
def house_style() -> Iterator[None]:
    """matplotlib's defaults plus the house style, whatever a notebook changed; restored after.

    Exports are made inside this context, so a figure file depends neither on a
    ``matplotlibrc`` nor on rcParams that a notebook set before the export.
    """
    import matplotlib

    from .plotting import STYLE, apply_fonts, use_chinese_font

    use_chinese_font()
    with matplotlib.rc_context():
        matplotlib.rcdefaults()
        matplotlib.rcParams.update(STYLE)
        apply_fonts()
        yield


def drawn_texts(fig: Any) -> list[str]:
    """Every text on a figure that has been drawn (saved) already, without drawing it again."""
    from matplotlib.text import Text

    return [t.get_text() for t in fig.findobj(Text) if t.get_text()]


def check_glyphs(fig: Any, exhibit_id: str, texts: Sequence[str] | None = None) -> list[str]:
    """Every text on ``fig``; raise :class:`BuildError` if the bundled CJK font lacks a glyph.

    ``texts`` defaults to :func:`ygx_analysis.plotting.figure_texts` (which draws the figure).
    """
    from .plotting import figure_texts, missing_glyphs

    texts = figure_texts(fig) if texts is None else list(texts)
    missing = missing_glyphs(texts)
    if missing:
        codes = ", ".join(f"U+{ord(c):04X}" for c in missing)
        raise BuildError(f"exhibit {exhibit_id}: the bundled CJK font has no glyph for "
                         f"{' '.join(missing)} ({codes}); change the label or the font")
    return texts


def _freeze_wrapped_texts(fig: Any) -> None:
    """Replace wrapped texts by their line-broken text, as last drawn.

    matplotlib re-measures every word of a ``wrap=True`` text (the source line) at
    each draw; after the PNG draw the line breaks are known, and keeping them makes
    the SVG and PDF break the line at the same place, faster.
    """
    from matplotlib.text import Text

    for text in fig.findobj(Text):
        if text.get_wrap() and getattr(text, "_renderer", None) is not None:
            try:
                wrapped = text._get_wrapped_text()
            except Exception:  # noqa: BLE001 - a private helper; keep the text as it is
                continue
            text.set_text(wrapped)
            text.set_wrap(False)


def freeze_layout(fig: Any, dpi: float) -> None:
    """Run the figure's layout engine once at ``dpi``, round the axes positions, and switch it off.

    matplotlib's constrained layout can differ in the last bits between processes
    (it walks objects in memory order); SVG clip ids hash those floats, so the
    files would differ. Positions rounded to 1e-9 of the figure are the same in
    every process, and the three files share one layout. Axes placed by a locator
    (insets) follow their parent and are left alone.
    """
    engine = fig.get_layout_engine()
    if engine is None:
        return
    if hasattr(engine, "execute") and type(engine).__name__ != "PlaceHolderLayoutEngine":
        original = fig.dpi
        fig.dpi = dpi
        try:
            engine.execute(fig)
        finally:
            fig.dpi = original
    for ax in fig.get_axes():
        if ax.get_axes_locator() is None:
            ax.set_position([round(float(v), 9) for v in ax.get_position(original=False).bounds])
    # None rather than "none": with any engine set, savefig draws the figure twice
    fig.set_layout_engine(None)


FIGURE_DPI = 200
"""Resolution of the exported PNG files (:func:`export_exhibit`)."""


def export_figure(exhibit_id: str, stem: str | os.PathLike[str], lang: str = "zh",
                  dpi: int = FIGURE_DPI) -> dict[str, Any]:
    """Render a registered figure with its source line, check its glyphs, save PNG, SVG and PDF.

    The PNG is saved first; the glyph check reads the texts it drew (tick labels
    included), so a missing glyph fails before the SVG and PDF are written.

    Returns
    -------
    dict
        ``files`` (the paths written) and ``title`` (the figure's titles joined by " / ").
    """
    from .exhibits import render
    from .plotting import save_figure

    if dpi < 200:
        raise ValueError(f"dpi: must be at least 200 for print, got {dpi}")
    with house_style():
        fig = render(exhibit_id, lang)
        with warnings.catch_warnings():
            # check_glyphs reports a missing glyph, naming the exhibit
            warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from font", category=UserWarning)
            freeze_layout(fig, dpi)
            files = save_figure(fig, stem, formats=("png",), dpi=dpi)
        texts = check_glyphs(fig, exhibit_id, drawn_texts(fig))
        if not any(t.startswith(SOURCE_LINE_HEADS[lang]) for t in texts):
            raise BuildError(f"exhibit {exhibit_id}: the figure has no source line")
        suptitle = getattr(fig, "_suptitle", None)
        titles = [t for t in ([suptitle.get_text()] if suptitle is not None else [])
                  + [ax.get_title() for ax in fig.get_axes()] if t]
        # keep the line breaks of the PNG draw, so the three files match
        _freeze_wrapped_texts(fig)
        files += save_figure(fig, stem, formats=("svg", "pdf"), dpi=dpi)
    fig.clear()
    return {"files": files, "title": " / ".join(titles)}


def export_exhibit(exhibit_id: str, root: str | os.PathLike[str], lang: str = "zh", *,
                   table: pd.DataFrame | None = None) -> dict[str, Any]:
    """Export one registered exhibit into ``root/figures/`` or ``root/tables/``; return its record.

    The record is the registry entry (:meth:`~ygx_analysis.exhibits.Exhibit.to_record`)
    plus ``caption`` and ``source_line`` in ``lang``, ``files`` (paths relative to
    ``root``, each with its sha256), and ``title`` for a figure or ``columns`` and
    ``rows`` for a table.

    ``table``, for a table exhibit, is the table as ``render(exhibit_id, lang)``
    returned it already (it is then not built again).

    Raises
    ------
    BuildError
        Naming the exhibit, when it cannot be drawn or built.
    """
    from . import __version__
    from .exhibits import get, render, source_line

    root = Path(root)
    ex = get(exhibit_id)
    rec = ex.to_record()
    try:
        rec["caption"] = ex.caption(lang)
        rec["source_line"] = source_line(ex.sources, lang)
        if ex.kind == "figure":
            (root / "figures").mkdir(exist_ok=True)
            result = export_figure(ex.id, root / "figures" / ex.id, lang)
            rec["title"] = result["title"]
            paths = result["files"]
        else:
            (root / "tables").mkdir(exist_ok=True)
            frame = render(ex.id, lang) if table is None else table
            paths = export_table(frame, root / "tables" / ex.id, table_id=ex.id, caption=frame.attrs["caption"],
                                 source=frame.attrs["source"], version=__version__)
            rec["columns"] = [str(c) for c in frame.columns]
            rec["rows"] = len(frame)
    except BuildError:
        raise
    except Exception as exc:
        raise BuildError(f"exhibit {exhibit_id}: {type(exc).__name__}: {exc}") from exc
    rec["files"] = [{"path": _rel(Path(p), root), "sha256": sha256_file(p)} for p in paths]
    return rec


def export_exhibits(exhibit_ids: Sequence[str], root: str | os.PathLike[str], lang: str = "zh") -> list[dict[str, Any]]:
    """:func:`export_exhibit` for each id, in order."""
    return [export_exhibit(i, root, lang) for i in exhibit_ids]


def export_notebook_exhibits(notebook: str, root: str | os.PathLike[str], lang: str = "zh") -> list[dict[str, Any]]:
    """Export every registered exhibit of one notebook (by file name); return their records.

    An exhibit that :func:`export_shown_figure` or :func:`export_shown_table` exported
    already in this process (into the same ``root``, in the same ``lang``) is not
    drawn or built again: its record is reused.
    """
    from .exhibits import all_exhibits

    root_key = str(Path(root).resolve())
    records = []
    for ex in all_exhibits():
        if ex.notebook != notebook:
            continue
        shown = _SHOWN.get((root_key, lang, ex.id))
        records.append(copy.deepcopy(shown) if shown is not None else export_exhibit(ex.id, root, lang))
    return records



DISPLAY_DPI = 110
"""The resolution at which notebooks display figures; an exported PNG is shown at this size."""

_SHOWN: dict[tuple[str, str, str], dict[str, Any]] = {}
"""Records of the exhibits :func:`export_shown_figure` and :func:`export_shown_table` exported in this
process: (root, lang, id) → record."""


def report_export_settings(environ: Mapping[str, str] | None = None) -> dict[str, str] | None:
    """The report's export settings of this kernel (``$YGX_REPORT_EXPORT``), or None outside a report.

    Examples
    --------
    >>> report_export_settings({}) is None
    True
    >>> report_export_settings({REPORT_ENV: '{"root": "/b", "lang": "en", "notebook": "02_growth.ipynb"}'})["lang"]
    'en'
    """
    environ = os.environ if environ is None else environ
    text = environ.get(REPORT_ENV, "").strip()
    if not text:
        return None
    try:
        settings = json.loads(text)
    except ValueError:
        return None
    if not isinstance(settings, dict) or not all(isinstance(settings.get(k), str)
                                                  for k in ("root", "lang", "notebook")):
        return None
    return settings


def export_shown_figure(exhibit_id: str, lang: str) -> Any:
    """In a report kernel, export a figure that :func:`ygx_analysis.exhibits.show` is about to show.

    When this process is a kernel of ``ygx-analysis report`` (``$YGX_REPORT_EXPORT``
    is set), the figure belongs to the notebook being built and ``lang`` is the
    report's language, the figure is exported once (:func:`export_exhibit`: the
    same files, bytes and checks as the export after the last cell), its record is
    kept for :func:`export_notebook_exhibits`, and the exported PNG is returned as a
    :class:`~ygx_analysis.exhibits.FigureImage` shown at :data:`DISPLAY_DPI`.

    Returns None in every other case, and when the export fails: ``show`` then
    draws the figure as usual and the export after the last cell exports it again
    and reports the failure, naming the exhibit.

    Examples
    --------
    >>> export_shown_figure("fig-growth-rates", "zh") is None  # not in a report kernel
    True
    """
    settings = report_export_settings()
    if settings is None or lang != settings["lang"]:
        return None
    from .exhibits import FigureImage, get

    try:
        ex = get(exhibit_id)
    except KeyError:
        return None
    if ex.kind != "figure" or ex.notebook != settings["notebook"]:
        return None
    root = Path(settings["root"])
    key = (str(root.resolve()), lang, exhibit_id)
    try:
        rec = export_exhibit(exhibit_id, root, lang)
        png = (root / next(f["path"] for f in rec["files"] if f["path"].endswith(".png"))).read_bytes()
        width = _png_width(png)
    except Exception:  # noqa: BLE001 - reported by the export after the last cell, naming the exhibit
        _SHOWN.pop(key, None)
        return None
    _SHOWN[key] = rec
    return FigureImage.from_png(png, exhibit_id, width=round(width * DISPLAY_DPI / FIGURE_DPI))


def export_shown_table(exhibit_id: str, lang: str, table: pd.DataFrame) -> bool:
    """In a report kernel, export a table that :func:`ygx_analysis.exhibits.show` has just built.

    The counterpart of :func:`export_shown_figure` for tables: under the same
    conditions, ``table`` (as ``render`` returned it) is exported without building
    it again, and its record is kept for :func:`export_notebook_exhibits`. Returns
    whether it was exported; on failure the export after the last cell builds and
    exports it again and reports the failure, naming the exhibit.

    Examples
    --------
    >>> export_shown_table("tab-growth-rates", "zh", pd.DataFrame())  # not in a report kernel
    False
    """
    settings = report_export_settings()
    if settings is None or lang != settings["lang"]:
        return False
    from .exhibits import get

    try:
        ex = get(exhibit_id)
    except KeyError:
        return False
    if ex.kind != "table" or ex.notebook != settings["notebook"]:
        return False
    root = Path(settings["root"])
    key = (str(root.resolve()), lang, exhibit_id)
    try:
        _SHOWN[key] = export_exhibit(exhibit_id, root, lang, table=table)
    except Exception:  # noqa: BLE001 - reported by the export after the last cell, naming the exhibit
        _SHOWN.pop(key, None)
        return False
    return True


def _png_width(png: bytes) -> int:
    """The width in pixels of a PNG image (from its IHDR chunk)."""
    if png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR":
        raise ValueError("png: not a PNG image")
    return int.from_bytes(png[16:20], "big")


# ---------------------------------------------------------------------------
# notebooks
# ---------------------------------------------------------------------------

EXPORT_MARK = "YGX-REPORT-EXPORT "
"""Prefix of the line in which a kernel returns the records of the exhibits it exported."""


def _export_cell_source(notebook: str, root: Path, lang: str) -> str:
    """Code run in a notebook's kernel after its last cell: export that notebook's exhibits."""
    return ("import json as _ygx_json\n"
            "from ygx_analysis.report import export_notebook_exhibits as _ygx_export\n"
            f"print({EXPORT_MARK!r} + _ygx_json.dumps(_ygx_export({notebook!r}, {str(root)!r}, {lang!r}), "
            "ensure_ascii=True))\n")


@dataclass
class NotebookRun:
    """The outcome of executing one notebook.

    ``nb`` is the executed notebook (without the report's export cell);
    ``exported`` holds the records of the exhibits its kernel exported.
    """

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


def _failure_message(name: str, nb: Any, index: int | None, exc: BaseException, export_index: int | None) -> str:
    """One line: the notebook, the cell (1-based, of all its cells), its first line, and the error."""
    ename = getattr(exc, "ename", None) or type(exc).__name__
    evalue = getattr(exc, "evalue", None)
    if evalue is None:
        text = str(exc).strip()
        evalue = text.splitlines()[-1] if text else ""
    if index is not None and index == export_index:
        return f"notebook {name}: exporting its exhibits failed: {ename}: {evalue}"
    where = ""
    if index is not None:
        cell = nb.cells[index]
        first = next((line.strip() for line in cell.source.splitlines() if line.strip()), "")
        count = cell.get("execution_count")
        total = len(nb.cells) - (export_index is not None)
        where = (f" cell {index + 1} of {total}" + (f" (In [{count}])" if count else "")
                 + (f" `{first[:60]}`" if first else "") + ":")
    return f"notebook {name}:{where} {ename}: {evalue}".rstrip()


class _Stop:
    """How the notebooks of one :func:`execute_notebooks` call are stopped early.

    Stopping never cancels an asyncio task inside nbclient or jupyter_client (that
    can leave a kernel process unreaped): a notebook not yet started is not
    started; a running one raises :class:`NotebookCancelled` before its next cell
    and its kernel is interrupted if a cell is running. nbclient then shuts the
    kernel down on its normal path, at once rather than waiting for it to exit
    (an interrupted kernel may not answer a shutdown request).
    """

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
                       timeout: int, semaphore: asyncio.Semaphore, stop: _Stop, log: Log | None, socket: str,
                       export_root: Path | None, write: bool) -> NotebookRun:
    import nbformat
    from nbclient import NotebookClient
    from traitlets.config import Config

    run = NotebookRun(name=path.name, source=path)
    nb = nbformat.read(path, as_version=4)
    if lang is not None:
        nb, run.parameterised = parameterise(nb, {"LANG": lang})
    run.cells = len(nb.cells)
    export_index = None
    if export_root is not None:
        export_index = len(nb.cells)
        nb.cells.append(nbformat.v4.new_code_cell(_export_cell_source(path.name, export_root, lang or "zh")))
    current: dict[str, int | None] = {"index": None}

    def on_cell_execute(cell: Any, cell_index: int) -> None:
        if stop.is_set():
            client.shutdown_kernel = "immediate"
            raise NotebookCancelled(f"notebook {path.name}: cancelled before cell {cell_index + 1}")
        current["index"] = cell_index
        stop.in_cell[number] = client

    def on_cell_executed(**_: Any) -> None:
        stop.in_cell.pop(number, None)

    config = Config()
    # local sockets in a private folder rather than plain TCP; an absolute path,
    # because the kernel runs in another working directory
    config.KernelManager.transport = "ipc"
    config.KernelManager.ip = socket
    kernel_name = nb.metadata.get("kernelspec", {}).get("name", "python3")
    client = NotebookClient(nb, timeout=timeout, kernel_name=kernel_name, record_timing=False,
                            on_cell_execute=on_cell_execute, on_cell_executed=on_cell_executed,
                            config=config, resources={"metadata": {"path": str(out_dir)}})
    kernel_environ = {k: v for k, v in env.items() if k != REPORT_ENV}
    if export_root is not None:
        # exhibits.show() exports this notebook's exhibits as it shows them (export_shown_figure/_table)
        kernel_environ[REPORT_ENV] = json.dumps({"root": str(export_root), "lang": lang or "zh",
                                                 "notebook": path.name})
    async with semaphore:
        start = time.perf_counter()
        if stop.is_set():
            run.error = f"notebook {path.name}: cancelled before it started"
            return run
        stop.clients[number] = client
        try:
            await client.async_execute(env=kernel_environ)
        except Exception as exc:  # noqa: BLE001 - every failure is reported with its cell
            if stop.is_set():
                run.error = f"notebook {path.name}: cancelled"
            else:
                run.error = _failure_message(path.name, nb, current["index"], exc, export_index)
        finally:
            stop.in_cell.pop(number, None)
            stop.clients.pop(number, None)
            atexit.unregister(client._cleanup_kernel)
        run.seconds = time.perf_counter() - start
    if export_index is not None:
        cell = nb.cells.pop(export_index)
        if run.ok:
            text = "".join(o.get("text", "") for o in cell.outputs if o.get("output_type") == "stream")
            line = next((ln for ln in text.splitlines() if ln.startswith(EXPORT_MARK)), None)
            if line is None:
                run.error = f"notebook {path.name}: its kernel exported no exhibits"
            else:
                run.exported = json.loads(line[len(EXPORT_MARK):])
    run.nb = nb
    if run.ok and write:
        write_notebook(nb, out_dir, path.stem, lang or "zh")
    if log and not stop.is_set():
        status = "ok" if run.ok else "FAILED"
        extra = ", LANG injected" if run.parameterised else ""
        if run.exported:
            kinds = [r["kind"] for r in run.exported]
            extra += f"; exported {kinds.count('figure')} figures, {kinds.count('table')} tables"
        log(f"notebook  {path.name}: {status} ({run.cells} cells{extra}; {time.perf_counter() - start:.1f} s)")
        if run.exported:
            log(_group_line(path.name, run.exported, None, "exported by its kernel"))
    return run


def write_notebook(nb: Any, out_dir: Path, stem: str, lang: str = "zh") -> list[Path]:
    """Write an executed notebook as ``stem.ipynb`` and ``stem.html`` (a page in ``lang``)."""
    import nbformat

    ipynb, page = out_dir / f"{stem}.ipynb", out_dir / f"{stem}.html"
    nbformat.write(nb, ipynb)
    page.write_text(notebook_html(nb, stem, lang), encoding="utf-8")
    return [ipynb, page]


def kernel_env(data_dir: Path | None = None) -> dict[str, str]:
    """The environment for kernels: this one, inline figures, and the data folder."""
    from .data import DATA_DIR_ENV

    env = dict(os.environ)
    env["MPLBACKEND"] = KERNEL_MPLBACKEND
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    if data_dir is not None:
        env[DATA_DIR_ENV] = str(data_dir)
    return env


def execute_notebooks(paths: Sequence[Path], out_dir: Path, *, jobs: int = 2, lang: str | None = None,
                      env: Mapping[str, str] | None = None, timeout: int = 600, log: Log | None = None,
                      cancel: threading.Event | None = None, export_root: Path | None = None,
                      write: bool = True, on_done: Callable[[NotebookRun], None] | None = None,
                      cost: Callable[[Path], float] | None = None) -> list[NotebookRun]:
    """Execute notebooks with nbclient, at most ``jobs`` kernels at once.

    Each kernel's working directory is ``out_dir``; the notebooks on disk are only
    read. With ``write``, each executed notebook is written to ``out_dir`` as
    ``.ipynb`` and ``.html`` (only when it succeeded).

    Parameters
    ----------
    lang : {'zh', 'en'}, optional
        Injected as ``LANG`` into notebooks that have a ``parameters`` cell.
    export_root : Path, optional
        When given, each kernel exports its notebook's registered exhibits
        (:func:`export_notebook_exhibits`) into this folder after the notebook's
        last cell, when the kernel is warm; the records are in ``NotebookRun.exported``.
        The kernel's ``$YGX_REPORT_EXPORT`` (:data:`REPORT_ENV`) names the folder,
        ``lang`` and the notebook, so that :func:`ygx_analysis.exhibits.show` exports
        each exhibit as it shows it, and the last step only collects those records.
    write : bool
        Write each executed notebook to ``out_dir`` (``.ipynb`` and ``.html``).
    cancel : threading.Event, optional
        Set it to stop the remaining work: notebooks not started are not started,
        a running cell is interrupted, no further cell runs, and every kernel is
        shut down at once (its run's ``error`` says "cancelled").
    on_done : callable, optional
        Called with each :class:`NotebookRun` as soon as it finished.
    cost : callable, optional
        An estimate of each notebook's run time (any unit); the costliest start
        first (ties in the order of ``paths``), so that a long notebook does not
        run alone at the end. By default, notebooks start in the order of ``paths``.

    Returns
    -------
    list of NotebookRun
        In the order of ``paths``; a failed run has ``error`` set to one line
        naming the notebook and the cell.
    """
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"jobs: must be a positive integer, got {jobs!r}")
    if not paths:
        return []
    env = kernel_env() if env is None else env

    stop = _Stop(cancel)

    async def one(i: int, path: Path, semaphore: asyncio.Semaphore, sockets: str) -> NotebookRun:
        run = await _execute_one(i, path, out_dir, lang=lang, env=env, timeout=timeout, semaphore=semaphore,
                                 stop=stop, log=log, socket=f"{sockets}/k{i}", export_root=export_root,
                                 write=write)
        if on_done is not None:
            on_done(run)
        return run

    async def main(sockets: str) -> list[NotebookRun]:
        semaphore = asyncio.Semaphore(jobs)
        # tasks take the semaphore in the order they were created
        started = {i: asyncio.ensure_future(one(i, paths[i], semaphore, sockets))
                   for i in start_order(paths, cost)}
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
        runs = []
        for path, result in zip(paths, results, strict=True):
            if isinstance(result, BaseException):
                runs.append(NotebookRun(name=path.name, source=path,
                                        error=f"notebook {path.name}: {type(result).__name__}: {result}"))
            else:
                runs.append(result)
        return runs

    sockets = tempfile.mkdtemp(prefix="ygx-kernels-")  # mode 0700: only this user can connect
    try:
        return asyncio.run(main(sockets))
    finally:
        shutil.rmtree(sockets, ignore_errors=True)


def start_order(paths: Sequence[Path], cost: Callable[[Path], float] | None = None) -> list[int]:
    """Indices of ``paths`` in the order to start them: highest ``cost`` first, ties in the given order.

    Examples
    --------
    >>> ps = [Path("01.ipynb"), Path("02.ipynb"), Path("03.ipynb")]
    >>> start_order(ps)
    [0, 1, 2]
    >>> start_order(ps, lambda p: {"01.ipynb": 4, "02.ipynb": 8, "03.ipynb": 4}[p.name])
    [1, 0, 2]
    """
    if cost is None:
        return list(range(len(paths)))
    costs = [cost(p) for p in paths]
    return sorted(range(len(paths)), key=lambda i: -costs[i])


def notebook_cost(path: Path) -> int:
    """The report's estimate of a notebook's run time: the number of registered exhibits it shows.

    Every exhibit is drawn or built and exported by the notebook's kernel, and the
    notebooks that show more exhibits compute more (06, with the statsmodels
    fits and the Monte Carlo fan, shows the most). A deterministic rule, so that
    the order of a build does not depend on earlier builds.

    Examples
    --------
    >>> notebook_cost(Path("06_scenarios_2026_2030.ipynb")) > notebook_cost(Path("01_reported_figures.ipynb"))
    True
    >>> notebook_cost(Path("no_such_notebook.ipynb"))
    0
    """
    from .exhibits import all_exhibits

    return sum(ex.notebook == path.name for ex in all_exhibits())


def notebook_html(nb: Any, title: str, lang: str = "zh") -> str:
    """An executed notebook as a standalone HTML page (:func:`ygx_analysis.notebook_html.notebook_page`)."""
    from .notebook_html import notebook_page

    return notebook_page(nb, title, lang)


# ---------------------------------------------------------------------------
# provenance
# ---------------------------------------------------------------------------

def git_commit(project: str | os.PathLike[str]) -> str | None:
    """The commit checked out in ``project`` (read from ``.git``, without running git), or None.

    Examples
    --------
    >>> import tempfile
    >>> git_commit(tempfile.mkdtemp()) is None
    True
    """
    git = Path(project) / ".git"
    try:
        if git.is_file():  # a worktree: "gitdir: path"
            git = (Path(project) / git.read_text().split(":", 1)[1].strip()).resolve()
        head = (git / "HEAD").read_text().strip()
        if not head.startswith("ref:"):
            return head or None
        ref = head.split(":", 1)[1].strip()
        common = git
        if (git / "commondir").is_file():
            common = (git / (git / "commondir").read_text().strip()).resolve()
        for base in (git, common):
            if (base / ref).is_file():
                return (base / ref).read_text().strip() or None
        for base in (git, common):
            packed = base / "packed-refs"
            if packed.is_file():
                for line in packed.read_text().splitlines():
                    parts = line.split()
                    if len(parts) == 2 and parts[1] == ref:
                        return parts[0]
    except (OSError, IndexError):
        return None
    return None


def library_versions(names: Sequence[str] = LIBRARIES) -> dict[str, str | None]:
    """Installed version of each distribution (None when absent)."""
    versions: dict[str, str | None] = {}
    for name in names:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def data_files(data_dir: Path) -> list[Path]:
    """Every file in a data folder, sorted, skipping hidden files and caches."""
    return sorted(p for p in data_dir.rglob("*") if p.is_file()
                  and not any(part.startswith(".") or part == "__pycache__" for part in p.relative_to(data_dir).parts))


def citation(row: Mapping[str, Any], lang: str = "zh") -> str:
    """A full citation of one source row of ``sources.csv``, with its status words.

    Examples
    --------
    >>> citation({"source_id": "x", "kind": "web", "title": "T", "title_status": "printed",
    ...           "authors": "", "authors_status": "not applicable", "publisher": "P",
    ...           "publisher_status": "inferred", "section": "", "section_status": "not applicable",
    ...           "date": "2025-01-02", "date_status": "printed", "url": "https://e.org",
    ...           "url_status": "printed", "trust": "high", "note": ""}, "en")
    'P (inferred). 2025-01-02. T. https://e.org. Trust: high. [x]'
    """
    def val(name: str) -> str:
        v = row.get(name, "")
        return "" if v is None or (isinstance(v, float) and math.isnan(v)) else str(v).strip()

    def flagged(name: str) -> str:
        text, status = val(name), val(f"{name}_status")
        if text and status in ("inferred", "not confirmed") and status not in text:
            mark = {"inferred": ("推断", "inferred"), "not confirmed": ("未核实", "not confirmed")}[status]
            text += f" ({mark[0] if lang == 'zh' else mark[1]})"
        return text

    parts = [flagged("authors"), flagged("publisher"), flagged("date"), flagged("title"),
             flagged("section"), flagged("url")]
    text = ". ".join(p for p in parts if p)
    trust = val("trust")
    if trust:
        text += f". {'可信度' if lang == 'zh' else 'Trust'}: {trust}"
    return f"{text}. [{val('source_id')}]"


# ---------------------------------------------------------------------------
# generated documents
# ---------------------------------------------------------------------------

def _rel(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def how_to_cite(record: Mapping[str, Any], manifest: Mapping[str, Any], lang: str = "zh") -> str:
    """A ready-to-paste citation of one exhibit from the manifest.

    Examples
    --------
    >>> m = {"version": "0.1.0", "git_commit": "0123456789abcdef"}
    >>> r = {"id": "fig-x", "caption": "Cap", "source_line": "Source: S [article]"}
    >>> how_to_cite(r, m, "en")
    'ygx_analysis 0.1.0 (commit 0123456), exhibit fig-x: Cap. Source: S [article]'
    """
    build = f"ygx_analysis {manifest['version']}"
    if manifest.get("git_commit"):
        build += f" (commit {manifest['git_commit'][:7]})"
    word = "图表" if lang == "zh" else "exhibit"
    sep = "：" if lang == "zh" else ": "
    end = "。" if lang == "zh" else ". "
    return f"{build}, {word} {record['id']}{sep}{record['caption']}{end}{record['source_line']}".rstrip()


def exhibits_markdown(manifest: Mapping[str, Any], sources: pd.DataFrame | None, lang: str = "zh") -> str:
    """EXHIBITS.md: for each exhibit its caption, files, full source citations and notebook."""
    by_id = {} if sources is None else {r["source_id"]: r for r in sources.to_dict("records")}
    lines = ["# Exhibits / 图表清单", "",
             f"Generated by `ygx-analysis report` from the exhibit registry (ygx_analysis "
             f"{manifest['version']}, language `{manifest['lang']}`). Do not edit by hand.", ""]
    if manifest.get("git_commit"):
        lines += [f"Code: commit `{manifest['git_commit']}`.", ""]
    for rec in manifest["exhibits"]:
        lines += [f"## {rec['id']}", "",
                  f"- **Caption / 标题**: {rec['caption_zh']} / {rec['caption_en']}",
                  f"- **Kind**: {rec['kind']}" + (" (projection)" if rec["is_projection"] else ""),
                  "- **Files**: " + ", ".join(f"[`{f['path']}`]({f['path']})" for f in rec["files"])]
        nb = rec["notebook"]
        if rec.get("notebook_html"):
            lines.append(f"- **Notebook**: [`{nb}`]({rec['notebook_html']})")
        else:
            lines.append(f"- **Notebook**: `{nb}` (not in this build)")
        rows = []
        if rec["indicators"]:
            rows.append("indicators.csv: " + ", ".join(f"`{i}`" for i in rec["indicators"]))
        if rec["context"]:
            rows.append("context.csv: " + ", ".join(f"`{i}`" for i in rec["context"]))
        if rows:
            lines.append("- **Data rows**: " + "; ".join(rows))
        lines.append("- **Sources**:")
        for sid in rec["sources"]:
            lines.append(f"  - {citation(by_id[sid], lang) if sid in by_id else f'[{sid}] (not in sources.csv)'}")
        lines += [f"- **Source line**: {rec['source_line']}",
                  f"- **How to cite**: {how_to_cite(rec, manifest, lang)}", ""]
    if manifest.get("datasets"):
        lines += ["## Data tables / 数据表", ""]
        for rec in manifest["datasets"]:
            lines.append(f"- `{rec['id']}` ({rec['data_file']}, as loaded, with intervals): "
                         + ", ".join(f"[`{f['path']}`]({f['path']})" for f in rec["files"]))
        lines.append("")
    return "\n".join(lines)


_CSS = """
body{font-family:"Noto Sans SC","Microsoft YaHei","PingFang SC",system-ui,sans-serif;margin:2rem auto;
max-width:72rem;padding:0 1rem;color:#222;line-height:1.5}
h1{font-size:1.6rem}h2{border-bottom:1px solid #ddd;padding-bottom:.2rem;margin-top:2rem}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(20rem,1fr));gap:1.2rem}
.card{border:1px solid #e2e2e2;border-radius:6px;padding:.8rem}
.card img{width:100%;height:auto;border:1px solid #f0f0f0}
.id{font-family:monospace;font-size:.85rem;color:#1f5fa8}.src{font-size:.8rem;color:#555}
.cite{background:#f6f8fa;border-left:4px solid #1f5fa8;padding:.8rem 1rem}
code,pre{font-size:.85rem}pre{white-space:pre-wrap}table{border-collapse:collapse}
td,th{border-bottom:1px solid #eee;padding:.2rem .6rem;text-align:left;vertical-align:top}
""".strip()


def index_html(manifest: Mapping[str, Any], lang: str = "zh") -> str:
    """index.html: thumbnails of every figure, every table and notebook, and how to cite."""
    e = html.escape
    zh = lang == "zh"
    figures = [r for r in manifest["exhibits"] if r["kind"] == "figure"]
    tables = [r for r in manifest["exhibits"] if r["kind"] == "table"]
    links = lambda rec: " · ".join(f'<a href="{e(f["path"])}">{e(Path(f["path"]).suffix[1:].upper())}</a>'  # noqa: E731
                                   for f in rec["files"])
    out = ["<!DOCTYPE html>", f'<html lang="{"zh-CN" if zh else "en"}">', "<head>", '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{'益阳高新区 · 数据与图表' if zh else 'Yiyang High-tech Zone: data and exhibits'}"
           f" · ygx_analysis {e(manifest['version'])}</title>", f"<style>{_CSS}</style>", "</head>", "<body>",
           f"<h1>益阳高新区 · Yiyang High-tech Zone — ygx_analysis {e(manifest['version'])}</h1>",
           "<p>" + e("本页由 ygx-analysis report 生成：全部图表、数据表与已执行的笔记本。" if zh else
                     "Built by ygx-analysis report: every figure, table and executed notebook.")
           + f' <a href="manifest.json">manifest.json</a> · <a href="EXHIBITS.md">EXHIBITS.md</a></p>']
    commit = manifest.get("git_commit")
    example = figures[0] if figures else (tables[0] if tables else None)
    out += ['<h2 id="cite">如何引用 / How to cite</h2>', '<div class="cite">',
            "<p>" + e("引用一个图表时，请写明图表编号、标题、资料来源和软件版本，例如：" if zh else
                      "When you cite an exhibit, give its id, caption, sources and the package version, for example:")
            + "</p>"]
    if example is not None:
        out.append(f"<pre>{e(how_to_cite(example, manifest, lang))}</pre>")
    out.append("<p>" + e(f"软件 ygx_analysis {manifest['version']}" if zh else f"Software: ygx_analysis {manifest['version']}")
               + (f", commit <code>{e(commit)}</code>" if commit else "")
               + e("；各数据文件的 sha256 见 manifest.json。" if zh else "; the sha256 of every data file is in manifest.json.")
               + "</p>")
    out.append("</div>")
    if figures:
        out += [f'<h2 id="figures">图 / Figures ({len(figures)})</h2>', '<div class="grid">']
        for rec in figures:
            png = next(f["path"] for f in rec["files"] if f["path"].endswith(".png"))
            out += ['<div class="card">', f'<a href="{e(png)}"><img src="{e(png)}" alt="{e(rec["caption"])}" loading="lazy"></a>',
                    f'<div class="id">{e(rec["id"])}</div>', f"<div>{e(rec['caption'])}</div>",
                    f"<div>{links(rec)}" + (f' · <a href="{e(rec["notebook_html"])}">{e(rec["notebook"])}</a>'
                                             if rec.get("notebook_html") else "") + "</div>",
                    f'<div class="src">{e(rec["source_line"])}</div>', "</div>"]
        out.append("</div>")
    if tables or manifest.get("datasets"):
        out += [f'<h2 id="tables">表 / Tables ({len(tables)})</h2>', "<table>",
                "<tr><th>id</th><th>" + e("标题 / Caption") + "</th><th>" + e("文件 / Files") + "</th></tr>"]
        for rec in tables:
            out.append(f'<tr><td class="id">{e(rec["id"])}</td><td>{e(rec["caption"])}'
                       f'<div class="src">{e(rec["source_line"])}</div></td><td>{links(rec)}</td></tr>')
        for rec in manifest.get("datasets", []):
            out.append(f'<tr><td class="id">{e(rec["id"])}</td><td>{e(rec["data_file"])}'
                       f'{e("（载入后，含区间）" if zh else " (as loaded, with intervals)")}</td><td>{links(rec)}</td></tr>')
        out.append("</table>")
    if manifest["notebooks"]:
        out += [f'<h2 id="notebooks">笔记本 / Notebooks ({len(manifest["notebooks"])})</h2>', "<ul>"]
        for rec in manifest["notebooks"]:
            shown = ", ".join(rec["exhibits"])
            out.append(f'<li><a href="{e(rec["html"])}">{e(rec["name"])}</a> (<a href="{e(rec["ipynb"])}">ipynb</a>)'
                       + (f' — <span class="id">{e(shown)}</span>' if shown else "") + "</li>")
        out.append("</ul>")
    out += ['<h2 id="data">数据 / Data</h2>', "<table>", "<tr><th>file</th><th>sha256</th></tr>"]
    for rec in manifest["data"]:
        out.append(f"<tr><td>{e(rec['path'])}</td><td><code>{e(rec['sha256'])}</code></td></tr>")
    out += ["</table>", "</body>", "</html>", ""]
    return "\n".join(out)


# ---------------------------------------------------------------------------
# the build
# ---------------------------------------------------------------------------

def default_project() -> Path:
    """The repository holding this package (its ``notebooks/`` and ``data/``)."""
    return Path(__file__).resolve().parents[1]


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
    from .data import DATA_DIR_ENV, default_data_dir
    from .exhibits import check_lang

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
                                          export_root=tmp, write=False, on_done=finished.put,
                                          cost=notebook_cost))
        except BaseException as exc:  # noqa: BLE001 - re-raised in the main thread
            failure.append(exc)

    worker = threading.Thread(target=run_notebooks, name="ygx-notebooks", daemon=True)
    if notebook_paths:
        worker.start()
    try:
        from . import __version__
        from .data import load_sources
        from .exhibits import all_exhibits

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
                write_notebook(run.nb, tmp / "notebooks", Path(run.name).stem, lang)

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

    for run in runs:
        exported.update({rec["id"]: rec for rec in run.exported})
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
    from .data import load_context, load_indicators, load_sources

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
