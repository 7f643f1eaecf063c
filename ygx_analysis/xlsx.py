"""Write small Excel workbooks (XLSX, Office Open XML) with nothing that varies between runs.

The report writes every table as XLSX. This module writes the few parts such a
file needs (ECMA-376 SpreadsheetML: content types, relationships, workbook,
worksheets with inline strings, one bold style, document properties) straight
into a zip archive whose entries all carry one fixed time. The same rows give the
same bytes. It imports only the standard library.

Cells hold numbers, booleans or text; ``None`` (and NaN) leaves a cell empty.
Infinite numbers cannot be stored in a cell; pass them as text.

Examples
--------
>>> import io, zipfile, datetime as dt
>>> sheet = Sheet("table", [["指标", "value"], ["财政总收入", 62.08]], widths=[12, 8], header=True)
>>> when = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
>>> data = workbook_bytes([sheet], Properties(title="t", subject="tab-t"), when)
>>> names = zipfile.ZipFile(io.BytesIO(data)).namelist()
>>> names[0], "xl/worksheets/sheet1.xml" in names
('[Content_Types].xml', True)
>>> workbook_bytes([sheet], Properties(title="t", subject="tab-t"), when) == data
True
"""

from __future__ import annotations

import datetime as _dt
import io
import math
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

MAX_CELL_TEXT = 32767
"""Excel's limit on the characters of one cell."""

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


@dataclass(frozen=True)
class Sheet:
    """One worksheet: its name, its rows (lists of cell values) and its column widths.

    ``header=True`` makes the first row bold and freezes it, so it stays in view
    while scrolling. ``widths`` are in Excel's character units, one per column
    (missing ones keep Excel's default).
    """

    name: str
    rows: Sequence[Sequence[Any]]
    widths: Sequence[float] = ()
    header: bool = False

    def __post_init__(self) -> None:
        if not 1 <= len(self.name) <= 31 or _SHEET_NAME_BAD.search(self.name):
            raise ValueError(f"sheet name: {self.name!r} is not a valid Excel sheet name "
                             "(1-31 characters, none of []:*?/\\)")


@dataclass(frozen=True)
class Properties:
    """The document properties written into ``docProps/core.xml`` and ``docProps/app.xml``."""

    title: str = ""
    subject: str = ""
    description: str = ""
    creator: str = "ygx_analysis"
    application: str = "ygx_analysis"


def column_letter(number: int) -> str:
    """Excel's letters for a 1-based column number.

    Examples
    --------
    >>> [column_letter(n) for n in (1, 26, 27, 52, 703)]
    ['A', 'Z', 'AA', 'AZ', 'AAA']
    """
    if number < 1:
        raise ValueError(f"column: must be at least 1, got {number}")
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _text(value: str) -> str:
    return escape(_NOT_XML.sub("\ufffd", value))


def cell_xml(ref: str, value: Any, style: int = 0) -> str:
    """The ``<c>`` element of one cell, or ``""`` for an empty one.

    Examples
    --------
    >>> cell_xml("A1", "超200家")
    '<c r="A1" t="inlineStr"><is><t>超200家</t></is></c>'
    >>> cell_xml("B2", 62.08), cell_xml("C2", True), cell_xml("D2", None), cell_xml("E2", float("nan"))
    ('<c r="B2"><v>62.08</v></c>', '<c r="C2" t="b"><v>1</v></c>', '', '')
    >>> cell_xml("F1", " a<b ", style=1)
    '<c r="F1" s="1" t="inlineStr"><is><t xml:space="preserve"> a&lt;b </t></is></c>'
    """
    s = f' s="{style}"' if style else ""
    if value is None:
        return ""
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()  # numpy scalars
    if isinstance(value, bool):
        return f'<c r="{ref}"{s} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int):
        return f'<c r="{ref}"{s}><v>{value}</v></c>'
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if math.isinf(value):
            raise ValueError(f"cell {ref}: an infinite number cannot be stored in a cell; write it as text")
        return f'<c r="{ref}"{s}><v>{value!r}</v></c>'
    if not isinstance(value, str):
        raise TypeError(f"cell {ref}: cannot store a {type(value).__name__}; give a number, boolean or text")
    if len(value) > MAX_CELL_TEXT:
        raise ValueError(f"cell {ref}: {len(value)} characters, more than Excel's {MAX_CELL_TEXT}")
    space = ' xml:space="preserve"' if value != value.strip() else ""
    return f'<c r="{ref}"{s} t="inlineStr"><is><t{space}>{_text(value)}</t></is></c>'


def sheet_xml(sheet: Sheet, selected: bool = False) -> str:
    """The worksheet part of one sheet."""
    rows = [list(r) for r in sheet.rows]
    width = max((len(r) for r in rows), default=0)
    parts = [_HEAD, f'<worksheet xmlns="{_MAIN}">']
    last = f"{column_letter(width)}{len(rows)}" if rows and width else "A1"
    parts.append(f'<dimension ref="{"A1:" + last if last != "A1" else "A1"}"/>')
    tab = ' tabSelected="1"' if selected else ""
    if sheet.header and len(rows) > 0:
        parts.append(f'<sheetViews><sheetView{tab} workbookViewId="0">'
                     '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
                     '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>')
    else:
        parts.append(f'<sheetViews><sheetView{tab} workbookViewId="0"/></sheetViews>')
    parts.append('<sheetFormatPr defaultRowHeight="15"/>')
    if sheet.widths:
        parts.append("<cols>" + "".join(
            f'<col min="{i}" max="{i}" width="{float(w):g}" customWidth="1"/>'
            for i, w in enumerate(sheet.widths, start=1)) + "</cols>")
    parts.append("<sheetData>")
    letters = [column_letter(i) for i in range(1, width + 1)]
    for r, row in enumerate(rows, start=1):
        style = 1 if sheet.header and r == 1 else 0
        cells = "".join(cell_xml(f"{letters[c]}{r}", v, style) for c, v in enumerate(row))
        parts.append(f'<row r="{r}">{cells}</row>')
    parts.append("</sheetData>")
    parts.append('<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>')
    parts.append("</worksheet>")
    return "".join(parts)


_STYLES = (_HEAD + f'<styleSheet xmlns="{_MAIN}">'
           '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
           '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
           '<fills count="2"><fill><patternFill patternType="none"/></fill>'
           '<fill><patternFill patternType="gray125"/></fill></fills>'
           '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
           '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
           '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
           '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
           '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
           "</styleSheet>")


def _w3cdtf(when: _dt.datetime) -> str:
    return when.astimezone(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parts(sheets: Sequence[Sheet], props: Properties, when: _dt.datetime) -> list[tuple[str, str]]:
    n = len(sheets)
    types = (_HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/xl/workbook.xml" '
             'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
             + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
                       'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                       for i in range(1, n + 1))
             + '<Override PartName="/xl/styles.xml" '
             'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
             '<Override PartName="/docProps/core.xml" '
             'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
             '<Override PartName="/docProps/app.xml" '
             'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
             "</Types>")
    rels = (_HEAD + f'<Relationships xmlns="{_PKG_REL}">'
            f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
            f'<Relationship Id="rId2" Type="{_PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/>'
            f'<Relationship Id="rId3" Type="{_REL}/extended-properties" Target="docProps/app.xml"/>'
            "</Relationships>")
    stamp = _w3cdtf(when)
    core = (_HEAD + '<cp:coreProperties '
            'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{_text(props.title)}</dc:title><dc:subject>{_text(props.subject)}</dc:subject>"
            f"<dc:creator>{_text(props.creator)}</dc:creator>"
            f"<dc:description>{_text(props.description)}</dc:description>"
            f"<cp:lastModifiedBy>{_text(props.creator)}</cp:lastModifiedBy>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
            "</cp:coreProperties>")
    app = (_HEAD + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           f"<Application>{_text(props.application)}</Application></Properties>")
    workbook = (_HEAD + f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><bookViews><workbookView/></bookViews><sheets>'
                + "".join(f'<sheet name="{_text(s.name)}" sheetId="{i}" r:id="rId{i}"/>'
                          for i, s in enumerate(sheets, start=1))
                + "</sheets></workbook>")
    workbook_rels = (_HEAD + f'<Relationships xmlns="{_PKG_REL}">'
                     + "".join(f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                               for i in range(1, n + 1))
                     + f'<Relationship Id="rId{n + 1}" Type="{_REL}/styles" Target="styles.xml"/>'
                     "</Relationships>")
    parts = [("[Content_Types].xml", types), ("_rels/.rels", rels), ("docProps/app.xml", app),
             ("docProps/core.xml", core), ("xl/workbook.xml", workbook),
             ("xl/_rels/workbook.xml.rels", workbook_rels), ("xl/styles.xml", _STYLES)]
    parts += [(f"xl/worksheets/sheet{i}.xml", sheet_xml(s, selected=i == 1)) for i, s in enumerate(sheets, start=1)]
    return parts


def workbook_bytes(sheets: Sequence[Sheet], properties: Properties, when: _dt.datetime) -> bytes:
    """An XLSX file holding ``sheets``; every zip entry and both document dates are ``when``.

    Raises
    ------
    ValueError
        For no sheets, two sheets of the same name, or a value a cell cannot hold
        (the message names the cell).
    """
    if not sheets:
        raise ValueError("sheets: a workbook needs at least one sheet")
    names = [s.name.casefold() for s in sheets]
    if len(set(names)) != len(names):
        raise ValueError(f"sheets: two sheets have the same name: {[s.name for s in sheets]}")
    if when.year < 1980:
        raise ValueError(f"when: zip entries cannot hold dates before 1980, got {when.isoformat()}")
    date_time = when.astimezone(_dt.timezone.utc).timetuple()[:6]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in _parts(sheets, properties, when):
            entry = zipfile.ZipInfo(name, date_time=date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, text.encode("utf-8"), compresslevel=6)
    return buf.getvalue()
