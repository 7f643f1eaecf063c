"""Exhibits into files: figures as PNG, SVG and PDF (``Figure.savefig``), tables as CSV (pandas) and XLSX
(XlsxWriter). The same exhibit gives the same bytes in every process."""

from __future__ import annotations

import datetime as _dt
import hashlib
import math
import os
import time
import warnings
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd


__all__ = ["DATASETS", "DISPLAY_DPI", "FIGURE_DPI", "FIXED_TIME", "INFINITY_NOTE", "PAGE_FIGURES", "BuildError",
           "check_glyphs", "export_datasets", "export_exhibit", "export_table", "fixed_time", "freeze_layout",
           "page_figure_png", "save_exhibit_figure", "sha256_file", "write_csv", "write_csv_metadata", "write_xlsx"]

PAGE_FIGURES = ".page-figures"
"""Work folder of a build: each figure drawn for the page, without its source line (:func:`page_figure_png`)."""

DATASETS = {"indicators.csv": "data-indicators", "context.csv": "data-context", "sources.csv": "data-sources"}
"""The data files exported as tables (file name → table id)."""

FIXED_TIME = _dt.datetime(2000, 1, 1, tzinfo=_dt.timezone.utc)
"""Created date written into XLSX properties unless ``$SOURCE_DATE_EPOCH`` is set."""

FIGURE_DPI = 200
"""Resolution of the exported PNG files."""

DISPLAY_DPI = 110
"""The resolution at which notebooks display figures; an exported PNG is shown at this size."""

INFINITY_NOTE = "∞: empty cell (no bound)"
"""Header comment of an XLSX column holding infinite values, which are left empty."""


class BuildError(RuntimeError):
    """The build failed; the previous build was kept. The message is one line per problem."""


def fixed_time(environ: Mapping[str, str] | None = None) -> _dt.datetime:
    """The timestamp written into files: ``$SOURCE_DATE_EPOCH`` or :data:`FIXED_TIME` (UTC).

    Examples
    --------
    >>> fixed_time({}).isoformat()
    '2000-01-01T00:00:00+00:00'
    >>> fixed_time({"SOURCE_DATE_EPOCH": "1735689600"}).isoformat()
    '2025-01-01T00:00:00+00:00'
    """
    from ..data.files import source_date_epoch

    stamp = source_date_epoch(environ)
    return FIXED_TIME if stamp is None else _dt.datetime.fromtimestamp(stamp, tz=_dt.timezone.utc)


def sha256_file(path: str | os.PathLike[str]) -> str:
    """Hex sha256 of a file's bytes."""
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


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
    path.write_bytes(frame.to_csv(index=False, lineterminator="\n").encode("utf-8-sig"))
    return path


def write_csv_metadata(csv_path: str | os.PathLike[str], about: Mapping[str, str]) -> Path:
    """Write the CSV's provenance beside it as ``<name>.csv-metadata.json`` (a W3C CSVW sidecar).

    A ``# …`` comment line inside the CSV would break both Excel and ``pandas.read_csv``, so the CSV stays plain.

    Examples
    --------
    >>> import tempfile, pathlib, json
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> meta = json.loads(write_csv_metadata(p, {"id": "tab-t", "source": "S"}).read_text("utf-8"))
    >>> meta["url"], meta["dc:identifier"], meta["dc:source"]
    ('t.csv', 'tab-t', 'S')
    """
    import json

    csv_path = Path(csv_path)
    record: dict[str, Any] = {"@context": "http://www.w3.org/ns/csvw", "url": csv_path.name}
    names = {"id": "dc:identifier", "caption": "dc:title", "source": "dc:source"}
    for key, value in about.items():
        record[names.get(key, f"ygx:{key.replace(' ', '_')}")] = value
    path = csv_path.with_name(csv_path.name + "-metadata.json")
    path.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def write_xlsx(frame: pd.DataFrame, path: str | os.PathLike[str], *, table_id: str, caption: str = "",
               source: str = "", version: str = "", about: Mapping[str, str] | None = None, lang: str = "zh",
               drop_machine: bool = True) -> Path:
    """Write a table for people as XLSX with XlsxWriter, with fixed document properties (created: :func:`fixed_time`).

    Sheet ``table`` holds the caption in the first row, the header below it (bold, frozen, repeated on every printed
    page), the table as :func:`~ygx_analysis.report.readable.readable` gives it in ``lang`` (no machine columns
    unless ``drop_machine`` is False, a range as two numeric columns, numbers with their number formats; missing
    and infinite values empty, the latter noted on the header: :data:`INFINITY_NOTE`) and the source line under
    it; printed A4, one page wide, landscape where wide. Sheet ``about`` holds the id, caption, source line,
    package version and the ``about`` rows.
    """
    import xlsxwriter

    from .readable import readable

    table = readable(frame, lang, drop_machine=drop_machine)
    frame = table.frame
    path = Path(path)
    created = fixed_time().replace(tzinfo=None)
    try:
        _write_workbook(xlsxwriter, table, frame, path, created, table_id=table_id, caption=caption, source=source,
                        version=version, about=about)
    except xlsxwriter.exceptions.FileCreateError as exc:  # the file cannot be written: say so as the OSError it is
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], OSError) else OSError(str(exc))
        raise cause from None
    return path


def _write_workbook(xlsxwriter: Any, table: Any, frame: pd.DataFrame, path: Path, created: Any, *, table_id: str,
                    caption: str, source: str, version: str, about: Mapping[str, str] | None) -> None:
    """The body of :func:`write_xlsx`: both sheets, written and closed."""
    with xlsxwriter.Workbook(str(path), {"in_memory": True, "nan_inf_to_errors": False,
                                         "strings_to_numbers": False, "strings_to_urls": False}) as book:
        book.set_properties({"title": caption or table_id, "subject": table_id, "comments": source,
                             "author": "ygx_analysis", "created": created})
        head = book.add_format({"bold": True, "text_wrap": True, "valign": "top", "bottom": 1})
        note = book.add_format({"text_wrap": True, "valign": "top", "font_size": 9})
        numbers = {name: book.add_format({"num_format": f.excel}) for name, f in table.formats.items()}
        sheet = book.add_worksheet("table")
        widths = []
        for col, name in enumerate(frame.columns):
            column = frame.iloc[:, col]
            sheet.write_string(1, col, str(name), head)
            if any(isinstance(v, float) and math.isinf(v) for v in column.tolist()):
                sheet.write_comment(1, col, INFINITY_NOTE)
            texts = [str(name)[:24]] + [table.cell_text(str(name), v) for v in column.iloc[:200]]
            widths.append(min(60, max(8, max(sum(1 + (ord(c) > 0x2E80) for c in t) for t in texts) + 2)))
            sheet.set_column(col, col, widths[-1], numbers.get(str(name)))
            for row, value in enumerate(column.tolist(), start=2):
                _write_cell(sheet, row, col, value, numbers.get(str(name)))
        last = max(len(frame.columns) - 1, 0)
        for row, (text, style) in ((0, (caption or table_id, book.add_format({"bold": True, "text_wrap": True,
                                                                             "valign": "top", "font_size": 12}))),
                                   (len(frame) + 2, (source, note))):
            lines = max(1, math.ceil(sum(1 + (ord(c) > 0x2E80) for c in text) / max(sum(widths), 1)))
            sheet.set_row(row, 16 * lines)
            (sheet.merge_range(row, 0, row, last, text, style) if last else sheet.write_string(row, 0, text, style))
        sheet.freeze_panes(2, 0)
        sheet.repeat_rows(1)
        sheet.set_paper(9)  # A4
        sheet.fit_to_pages(1, 0)
        if sum(widths) > 100:  # wider than a portrait A4 page at a readable size
            sheet.set_landscape()
        about_sheet = book.add_worksheet("about")
        about_sheet.set_column(0, 0, 10)
        about_sheet.set_column(1, 1, 100)
        about_sheet.fit_to_pages(1, 0)
        rows = [("id", table_id), ("caption", caption), ("source", source),
                ("package", f"ygx_analysis {version}".strip())]
        rows += [(str(k), str(v)) for k, v in (about or {}).items() if k not in {"id", "caption", "source"}]
        for row, (key, value) in enumerate(rows):
            about_sheet.write_string(row, 0, key)
            about_sheet.write_string(row, 1, value)


def _write_cell(sheet: Any, row: int, col: int, value: Any, number: Any = None) -> None:
    """One table value: a number (in the ``number`` format), a boolean or text; missing and infinite values stay
    empty."""
    if value is None or value is pd.NA or value is pd.NaT:
        return
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()
    if isinstance(value, bool):
        sheet.write_boolean(row, col, value)
    elif isinstance(value, (int, float)):
        if not math.isnan(value) and not math.isinf(value):
            sheet.write_number(row, col, value, number)
    elif str(value):  # an empty text is an empty cell
        sheet.write_string(row, col, str(value))


def export_table(frame: pd.DataFrame, stem: str | os.PathLike[str], *, table_id: str, caption: str = "",
                 source: str = "", version: str = "", about: Mapping[str, str] | None = None, lang: str = "zh",
                 drop_machine: bool = True) -> list[Path]:
    """Write ``stem.csv`` (UTF-8 with BOM; the machine copy, as ``frame`` is) and ``stem.xlsx`` (for people, in
    ``lang``: :func:`write_xlsx`); return the paths.

    With ``about`` (the provenance rows), the CSV's sidecar
    ``stem.csv-metadata.json`` (:func:`write_csv_metadata`) is written too.
    """
    stem = Path(stem)
    paths = [write_csv(frame, stem.with_suffix(".csv")), write_xlsx(
        frame, stem.with_suffix(".xlsx"), table_id=table_id, caption=caption, source=source, version=version,
        about=about, lang=lang, drop_machine=drop_machine)]
    if about is not None:
        paths.append(write_csv_metadata(paths[0], {"id": table_id, "caption": caption, "source": source, **about}))
    return paths


# ---------------------------------------------------------------------------
# figures
# ---------------------------------------------------------------------------

def check_glyphs(fig: Any, exhibit_id: str, texts: Sequence[str] | None = None) -> list[str]:
    """Every text on ``fig``; raise :class:`BuildError` if the bundled CJK font lacks a glyph.

    ``texts`` defaults to :func:`ygx_analysis.exhibits.style.figure_texts` (which draws the figure).
    """
    from ..exhibits.style import figure_texts, missing_glyphs

    texts = figure_texts(fig) if texts is None else list(texts)
    missing = missing_glyphs(texts)
    if missing:
        codes = ", ".join(f"U+{ord(c):04X}" for c in missing)
        raise BuildError(f"exhibit {exhibit_id}: the bundled CJK font has no glyph for "
                         f"{' '.join(missing)} ({codes}); change the label or the font")
    return texts


def _freeze_wrapped_texts(fig: Any) -> None:
    """Replace wrapped texts by their line-broken text, as last drawn, so SVG and PDF break alike."""
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

    Constrained layout can differ in the last bits between processes, and SVG clip ids hash those floats; rounded
    to 1e-9 they are the same everywhere. Axes placed by a locator (insets) are left alone.
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
    fig.set_layout_engine(None)  # with any engine set, savefig draws the figure twice


def save_exhibit_figure(fig: Any, exhibit_id: str, stem: str | os.PathLike[str], lang: str = "zh",
                        dpi: int = FIGURE_DPI) -> dict[str, Any]:
    """Save a rendered figure exhibit as PNG, SVG and PDF in the house style, checking its glyphs on the PNG first.

    Returns ``{"files": paths, "title": the figure's titles joined by " / ", "png": the PNG's bytes}``.
    """
    import io

    from matplotlib.text import Text

    from ..exhibits import source_line_head
    from ..exhibits.style import SAVE_METADATA, house_style, save_figure

    stem = Path(stem)
    with house_style():
        with warnings.catch_warnings():
            # check_glyphs reports a missing glyph, naming the exhibit
            warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from font", category=UserWarning)
            freeze_layout(fig, dpi)
            buffer = io.BytesIO()
            fig.savefig(buffer, format="png", dpi=dpi, metadata=SAVE_METADATA["png"])
        png = buffer.getvalue()
        texts = check_glyphs(fig, exhibit_id, [t.get_text() for t in fig.findobj(Text) if t.get_text()])
        if not any(t.startswith(source_line_head(lang)) for t in texts):
            raise BuildError(f"exhibit {exhibit_id}: the figure has no source line")
        stem.with_suffix(".png").write_bytes(png)
        suptitle = getattr(fig, "_suptitle", None)
        titles = [t for t in [suptitle.get_text() if suptitle is not None else "",
                              *(ax.get_title() for ax in fig.get_axes())] if t]
        _freeze_wrapped_texts(fig)
        files = [stem.with_suffix(".png"), *save_figure(fig, stem, formats=("svg", "pdf"), dpi=dpi)]
    return {"files": files, "title": " / ".join(titles), "png": png}


def page_figure_png(exhibit_id: str, lang: str = "zh", *, rendered: Any = None, provenance: Any = None,
                    dpi: int = FIGURE_DPI) -> bytes:
    """The PNG bytes of a figure exhibit as drawn for the page, without its source line.

    A page (the Word briefing) prints the source line as text under the picture, so the image leaves it out;
    the exported PNG, SVG and PDF files keep theirs. The figure is drawn at its house width (at most
    :data:`~ygx_analysis.exhibits.style.PAGE_WIDTH_CM`). ``rendered`` is a figure that
    :func:`~ygx_analysis.exhibits.render` returned already, exported or not: its source line is hidden for this
    image and shown again after (a figure whose layout :func:`freeze_layout` froze loses the line's band at the
    bottom instead of giving it to the axes). ``provenance`` is accepted as by :func:`export_exhibit`; the image
    names no build, the caller's source-line text does. A :class:`BuildError` names the exhibit.
    """
    import io

    from matplotlib.text import Text

    from ..exhibits import get, render
    from ..exhibits.style import SAVE_METADATA, house_style, without_source_line

    ex = get(exhibit_id)
    if ex.kind != "figure":
        raise BuildError(f"exhibit {exhibit_id}: a table has no page figure")
    try:
        with house_style(), warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from font", category=UserWarning)
            fig = rendered
            if fig is None:
                fig = render(ex.id, lang, with_source=False)
                freeze_layout(fig, dpi)
            with without_source_line(fig, dpi) as crop:
                buffer = io.BytesIO()
                fig.savefig(buffer, format="png", dpi=dpi, metadata=SAVE_METADATA["png"], bbox_inches=crop)
                check_glyphs(fig, ex.id, [t.get_text() for t in fig.findobj(Text) if t.get_text() and t.get_visible()])
    except BuildError:
        raise
    except Exception as exc:
        raise BuildError(f"exhibit {exhibit_id}: {type(exc).__name__}: {exc}") from exc
    return buffer.getvalue()


def export_exhibit(exhibit_id: str, root: str | os.PathLike[str], lang: str = "zh", *,
                   rendered: Any = None, provenance: Any = None) -> tuple[dict[str, Any], bytes | None]:
    """Export one registered exhibit into ``root/figures/`` or ``root/tables/``; its record, and a figure's PNG.

    The record is :meth:`~ygx_analysis.exhibits.Exhibit.to_record` plus ``caption``, ``source_line``, ``files``
    (with sha256), and ``title`` or ``columns`` and ``rows``. ``rendered`` is what
    :func:`~ygx_analysis.exhibits.render` returned already; ``provenance`` names the build in the source line, the
    XLSX ``about`` sheet and the CSV's sidecar. A :class:`BuildError` names the exhibit that cannot be built.
    """
    from .. import __version__
    from ..exhibits import get, render, source_line

    root = Path(root)
    ex = get(exhibit_id)
    rec = ex.to_record()
    png = None
    try:
        rec["caption"] = ex.caption(lang)
        stamp = provenance.stamp(ex.data_inputs) if provenance is not None else None
        rec["source_line"] = source_line(ex.sources, lang, stamp=stamp)
        if ex.kind == "figure":
            (root / "figures").mkdir(parents=True, exist_ok=True)
            fig = render(ex.id, lang, stamp=stamp) if rendered is None else rendered
            result = save_exhibit_figure(fig, ex.id, root / "figures" / ex.id, lang)
            rec["title"], paths, png = result["title"], result["files"], result["png"]
            (root / PAGE_FIGURES).mkdir(exist_ok=True)  # for the briefing, which prints the source line as text
            (root / PAGE_FIGURES / f"{ex.id}.png").write_bytes(page_figure_png(ex.id, lang, rendered=fig))
        else:
            (root / "tables").mkdir(parents=True, exist_ok=True)
            frame = render(ex.id, lang) if rendered is None else rendered
            about = None if provenance is None else {**_about(provenance, ex.data_inputs),
                                                     "data inputs": ", ".join(ex.data_inputs)}
            paths = export_table(frame, root / "tables" / ex.id, table_id=ex.id, caption=frame.attrs["caption"],
                                 source=rec["source_line"] if stamp is not None else frame.attrs["source"],
                                 version=__version__, about=about, lang=lang)
            rec["columns"], rec["rows"] = [str(c) for c in frame.columns], len(frame)
    except BuildError:
        raise
    except Exception as exc:
        raise BuildError(f"exhibit {exhibit_id}: {type(exc).__name__}: {exc}") from exc
    rec["files"] = _file_records(paths, root)
    return rec, png


def _about(provenance: Any, inputs: Sequence[str]) -> dict[str, str]:
    """The provenance rows of a table's XLSX ``about`` sheet and CSV sidecar, for the data files ``inputs``."""
    return {"version": provenance.version, "commit": provenance.commit or "unknown",
            "modified": "yes" if provenance.modified(inputs) else "no", "data fingerprint": provenance.data_fingerprint,
            "build date": provenance.build_date, "build": provenance.stamp(inputs)}


def _file_records(paths: Sequence[Path], root: Path) -> list[dict[str, str]]:
    return [{"path": Path(p).relative_to(root).as_posix(), "sha256": sha256_file(p)} for p in paths]


def export_datasets(tmp: Path, data: Path, lang: str, version: str, say: Callable[[str], None],
                    provenance: Any = None) -> list[dict[str, Any]]:
    """The data files as loaded (typed, with intervals) as tables ``data-*`` under ``tmp/tables``; their records."""
    from ..data.tables import load_context, load_indicators, load_sources

    loaders = {"indicators.csv": load_indicators, "context.csv": load_context, "sources.csv": load_sources}
    datasets = []
    start = time.perf_counter()
    for name, table_id in DATASETS.items():
        path = data / name
        if not path.is_file():
            continue
        frame = loaders[name](path)
        caption = f"{name}，载入后（含区间）" if lang == "zh" else f"{name} as loaded (with intervals)"
        stamp = provenance.stamp([name]) if provenance is not None else f"ygx_analysis {version}"
        paths = export_table(frame, tmp / "tables" / table_id, table_id=table_id, caption=caption,
                             source=f"data/{name}; {stamp}", version=version,
                             about=None if provenance is None else _about(provenance, [name]), lang=lang,
                             drop_machine=False)
        datasets.append({"id": table_id, "data_file": f"data/{name}", "caption": caption, "rows": len(frame),
                         "columns": [str(c) for c in frame.columns], "files": _file_records(paths, tmp)})
    if datasets:
        say(f"tables    data: {', '.join(d['data_file'] for d in datasets)} ({time.perf_counter() - start:.1f} s)")
    return datasets
