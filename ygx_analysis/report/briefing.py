"""The Word briefing: ``briefing.docx`` of a build, with python-docx on the template ``templates/briefing.docx``.

:func:`write_briefing` reads what the build wrote (its manifest records, ``figures/<id>.png``,
``tables/<id>.csv``, the executed notebooks for the section titles) and writes, in the build's language:

1. a title block: the title, the build's citation line and what was set for this build (``--set``, configs);
2. the list of figures and the list of tables: ``TOC \\h \\z \\n \\c "图"`` fields with their entries filled in;
3. 要点 / Key points: the sentences of :mod:`~ygx_analysis.report.key_points`, with ``REF`` fields to their exhibits;
4. one section per notebook: every exhibit it shows, in the order it shows them, numbered 图N / 表N through the
   document: a caption with a ``SEQ`` field whose stored number is right and a bookmark on 图N, the figure (at most
   :data:`MAX_WIDTH_CM` wide) or a Word table (:func:`~ygx_analysis.report.readable.readable`), and the source
   line as a paragraph of text below.

The template (made by ``tools/make_briefing_template.py``) sets A4 pages with a 16 cm text column and styles that
name East Asian fonts (宋体, 黑体). The same build gives the same bytes: fixed document dates, fixed zip times.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from ..exhibits import words
from .docx_fields import add_bookmark, add_field, bookmark_name, repeat_header_row, toc_field
from .key_points import KeyPoint, Ref, key_points
from .readable import readable

__all__ = ["BRIEFING", "MAX_WIDTH_CM", "TEMPLATE", "exhibit_order", "numbering", "write_briefing"]

THEME = "briefing"
BRIEFING = "briefing.docx"
"""File name of the briefing in a build."""
TEMPLATE = Path(__file__).parent / "templates" / "briefing.docx"
MAX_WIDTH_CM = 16.0
"""Widest picture in the briefing: the text column of an A4 page with 2.5 cm margins."""
FIGURE_DPI = 200  # the exported PNGs' resolution (export.FIGURE_DPI)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def exhibit_order(manifest: Mapping[str, Any]) -> list[tuple[str, list[dict[str, Any]]]]:
    """``(notebook, records)`` in the build's notebook order, each notebook's exhibits in the order it shows them.

    A notebook record's ``exhibits`` list that order; an exhibit of a notebook the build did not run comes last,
    under its notebook's name.

    Examples
    --------
    >>> m = {"notebooks": [{"name": "a.ipynb", "exhibits": ["tab-2", "fig-1"]}],
    ...      "exhibits": [{"id": "fig-1", "notebook": "a.ipynb"}, {"id": "tab-2", "notebook": "a.ipynb"},
    ...                   {"id": "tab-3", "notebook": "b.ipynb"}]}
    >>> [(nb, [r["id"] for r in recs]) for nb, recs in exhibit_order(m)]
    [('a.ipynb', ['tab-2', 'fig-1']), ('b.ipynb', ['tab-3'])]
    """
    by_id = {rec["id"]: rec for rec in manifest["exhibits"]}
    sections: list[tuple[str, list[dict[str, Any]]]] = []
    placed: set[str] = set()
    for notebook in manifest["notebooks"]:
        records = [by_id[i] for i in notebook["exhibits"] if i in by_id]
        placed.update(r["id"] for r in records)
        sections.append((notebook["name"], records))
    rest: dict[str, list[dict[str, Any]]] = {}
    for rec in manifest["exhibits"]:
        if rec["id"] not in placed:
            rest.setdefault(rec["notebook"], []).append(rec)
    return [s for s in sections if s[1]] + list(rest.items())


def numbering(sections: Sequence[tuple[str, Sequence[Mapping[str, Any]]]]) -> dict[str, int]:
    """Exhibit id → its number: figures 1…N and tables 1…M, each in document order.

    Examples
    --------
    >>> numbering([("a", [{"id": "tab-x", "kind": "table"}, {"id": "fig-y", "kind": "figure"}]),
    ...            ("b", [{"id": "tab-z", "kind": "table"}])])
    {'tab-x': 1, 'fig-y': 1, 'tab-z': 2}
    """
    counts = {"figure": 0, "table": 0}
    numbers = {}
    for _, records in sections:
        for rec in records:
            counts[rec["kind"]] += 1
            numbers[rec["id"]] = counts[rec["kind"]]
    return numbers


def _paragraph(doc: Any, style: str, text: str = "") -> Any:
    """A new paragraph of ``style``, set by its id (python-docx's lookup by name scans every style each time)."""
    paragraph = doc.add_paragraph(text)
    paragraph._p.style = _style_id(doc, style)
    return paragraph


def _style_id(doc: Any, name: str) -> str:
    ids = doc.__dict__.setdefault("_ygx_style_ids", {})
    if name not in ids:
        ids[name] = doc.styles[name].style_id
    return ids[name]


def _label(kind: str, lang: str) -> str:
    return words.text(THEME, f"label.{kind}", lang)


def _seq_name(kind: str) -> str:
    """The SEQ field's name: the Chinese label (图, 表), as Word's Chinese captions name it, in both languages."""
    return words.text(THEME, f"label.{kind}", "zh")


def _notebook_title(root: Path, notebook: str) -> str:
    """The first ``# `` heading of the executed notebook (its file name when it has none)."""
    path = root / "notebooks" / f"{Path(notebook).stem}.ipynb"
    if path.is_file():
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "markdown":
                for line in "".join(cell["source"]).splitlines():
                    if line.startswith("# "):
                        return line[2:].strip()
    return Path(notebook).stem


def _changes(manifest: Mapping[str, Any], lang: str) -> str:
    """What was set for this build, in words."""
    configs = [words.fill(THEME, "config_replaced", lang, name=name, file=rec["file"])
               for name, rec in sorted((manifest.get("configs") or {}).items())]
    changes = configs + [f"--set {text}" for text in manifest.get("overrides") or []]
    if not changes:
        return words.text(THEME, "nothing_set", lang)
    return words.fill(THEME, "set_for_build", lang, changes=words.text(THEME, "list_sep", lang).join(changes))


def _caption_text(rec: Mapping[str, Any], number: object, lang: str) -> str:
    return words.fill(THEME, "caption", lang, label=_label(rec["kind"], lang), number=number, caption=rec["caption"])


def _caption(doc: Any, rec: Mapping[str, Any], number: int, bookmark: int, lang: str) -> None:
    """图N　caption: ``SEQ`` field with the stored number N, bookmark on 图N."""
    paragraph = _paragraph(doc, "Caption")
    label, rest = _caption_text(rec, "\x00", lang).split("\x00")
    paragraph.add_run(label)
    add_field(paragraph, f"SEQ {_seq_name(rec['kind'])} \\* ARABIC", str(number))
    add_bookmark(paragraph, bookmark_name(rec["id"]), bookmark)
    paragraph.add_run(rest)


def _figure(doc: Any, root: Path, rec: Mapping[str, Any]) -> None:
    from docx.shared import Cm

    from .export import PAGE_FIGURES

    png = root / PAGE_FIGURES / f"{rec['id']}.png"  # without its source line, which the text below carries
    if not png.is_file():
        png = root / "figures" / f"{rec['id']}.png"
    width_px = int.from_bytes(png.read_bytes()[16:20], "big")  # the IHDR chunk
    width = min(MAX_WIDTH_CM, width_px / FIGURE_DPI * 2.54)
    _paragraph(doc, "Figure").add_run().add_picture(str(png), width=Cm(width))


def _table(doc: Any, root: Path, rec: Mapping[str, Any], lang: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    csv = pd.read_csv(root / "tables" / f"{rec['id']}.csv", encoding="utf-8-sig")
    table = readable(csv, lang)
    frame = table.frame
    grid = doc.add_table(rows=len(frame) + 1, cols=len(frame.columns))
    grid.style = doc.styles["Table Grid"]
    repeat_header_row(grid.rows[0])
    style = _style_id(doc, "Table Text")
    numeric = [name in table.formats for name in frame.columns]
    rows = [[str(name) for name in frame.columns]]
    rows += [[table.cell_text(name, value) for name, value in zip(frame.columns, values, strict=True)]
             for values in frame.itertuples(index=False)]
    widths = _column_widths(rows, numeric)
    grid.autofit = False
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = width
    for number, (row, texts) in enumerate(zip(grid.rows, rows, strict=True)):
        for cell, text, right, width in zip(row.cells, texts, numeric, widths, strict=True):
            cell.width = width
            paragraph = cell.paragraphs[0]
            paragraph._p.style = style
            run = paragraph.add_run(text)
            if number == 0:
                run.bold = True
            elif right:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _column_widths(rows: Sequence[Sequence[str]], numeric: Sequence[bool]) -> list[Any]:
    """Column widths filling the text column: a number column as wide as its longest number (8 pt digits), the
    other columns sharing the rest after their longest text (a CJK character counts double, the header half as
    it wraps, at most 24), each at least 1.2 cm."""
    from docx.shared import Cm

    def size(text: str) -> int:
        return sum(1 + (ord(c) > 0x2E80) for c in text)

    longest = [max([size(h) // 2] + [size(r[i]) for r in rows[1:]]) for i, h in enumerate(rows[0])]
    fixed = [max(1.2, 0.2 * (n + 1)) if num else 0.0 for n, num in zip(longest, numeric, strict=True)]
    wants = [0 if num else max(4, min(24, n)) for n, num in zip(longest, numeric, strict=True)]
    room = MAX_WIDTH_CM - sum(fixed)
    widths = [f or max(1.2, room * w / max(sum(wants), 1)) for f, w in zip(fixed, wants, strict=True)]
    return [Cm(w * min(1.0, MAX_WIDTH_CM / sum(widths))) for w in widths]


def _sentence(doc: Any, point: KeyPoint, numbers: Mapping[str, int], kinds: Mapping[str, str], lang: str) -> None:
    paragraph = _paragraph(doc, "List Bullet")
    for part in point.parts:
        if isinstance(part, Ref):
            text = words.fill(THEME, "ref", lang, label=_label(kinds[part.exhibit], lang), number=numbers[part.exhibit])
            add_field(paragraph, f"REF {bookmark_name(part.exhibit)} \\h", text)
        else:
            paragraph.add_run(part)


def _contents(doc: Any, sections: Sequence[tuple[str, Sequence[Mapping[str, Any]]]], numbers: Mapping[str, int],
              lang: str) -> None:
    """The list of figures, then the list of tables: TOC fields with their entries already in place."""
    _paragraph(doc, "Heading 1", words.text(THEME, "contents", lang))
    for kind in ("figure", "table"):
        records = [rec for _, recs in sections for rec in recs if rec["kind"] == kind]
        if not records:
            continue
        entries = [(bookmark_name(r["id"]), _caption_text(r, numbers[r["id"]], lang)) for r in records]
        paragraphs = [_paragraph(doc, "Table of Figures") for _ in entries]
        toc_field(paragraphs, f'TOC \\h \\z \\n \\c "{_seq_name(kind)}"', entries)


def _fixed_bytes(document: Any) -> bytes:
    """The saved document with fixed zip entry times (python-docx stamps the time of saving)."""
    raw = io.BytesIO()
    document.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            packed = info.filename.endswith(".png")  # compressed already
            dst.writestr(zipfile.ZipInfo(info.filename, ZIP_TIME), src.read(info.filename),
                         compress_type=zipfile.ZIP_STORED if packed else zipfile.ZIP_DEFLATED)
    return out.getvalue()


def write_briefing(root: str | Path, manifest: Mapping[str, Any], lang: str = "zh", *,
                   data: str | Path | None = None, out: str | Path | None = None) -> Path:
    """Write the briefing of the build in ``root`` (see the module docstring); return its path.

    Parameters
    ----------
    root : path-like
        The build folder (``figures/``, ``tables/``, ``notebooks/``).
    manifest : mapping
        The build's manifest: ``exhibits`` (records with ``id``, ``kind``, ``caption``, ``source_line``,
        ``notebook``), ``notebooks`` (``name``, ``exhibits`` in the order shown), ``overrides``, ``configs``, and
        ``provenance`` or ``version``.
    lang : {'zh', 'en'}
        Language of the build.
    data : path-like, optional
        The data folder the build read (default ``root/.snapshot/data``), for the key sentences.
    out : path-like, optional
        Where to write (default ``root/briefing.docx``).
    """
    from docx import Document

    from ..exhibits import check_lang
    from .export import fixed_time
    from .manifest import build_stamp

    check_lang(lang)
    root = Path(root)
    data = Path(data) if data is not None else root / ".snapshot" / "data"
    sections = exhibit_order(manifest)
    numbers = numbering(sections)
    kinds = {rec["id"]: rec["kind"] for _, recs in sections for rec in recs}
    doc = Document(str(TEMPLATE))
    when = fixed_time().replace(tzinfo=None)
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = words.text(THEME, "title", lang), "ygx_analysis", ""
    props.created = props.modified = when
    props.revision = 1
    props.language = "zh-CN" if lang == "zh" else "en"
    _paragraph(doc, "Title", words.text(THEME, "title", lang))
    _paragraph(doc, "Normal", words.fill(THEME, "citation", lang, stamp=build_stamp(manifest)))
    _paragraph(doc, "Normal", _changes(manifest, lang))
    _contents(doc, sections, numbers, lang)
    points = key_points(root, set(kinds), lang, data)
    if points:
        _paragraph(doc, "Heading 1", words.text(THEME, "key_points", lang))
        for point in points:
            _sentence(doc, point, numbers, kinds, lang)
    bookmark = 0
    for notebook, records in sections:
        _paragraph(doc, "Heading 1", _notebook_title(root, notebook))
        for rec in records:
            bookmark += 1
            _caption(doc, rec, numbers[rec["id"]], bookmark, lang)
            if rec["kind"] == "figure":
                _figure(doc, root, rec)
            else:
                _table(doc, root, rec, lang)
            _paragraph(doc, "Source Line", rec["source_line"])
    path = Path(out) if out is not None else root / BRIEFING
    path.write_bytes(_fixed_bytes(doc))
    return path
