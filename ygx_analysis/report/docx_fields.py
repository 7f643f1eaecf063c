"""Word fields, bookmarks and hyperlinks that python-docx has no API for, as WordprocessingML elements.

A field is written complete: ``fldChar begin``, ``instrText``, ``fldChar separate``, the stored result, ``fldChar
end``. Word, WPS and LibreOffice show the stored result without updating the field, so it must already be right
(a ``SEQ`` number, a ``REF`` text, the entries of a ``TOC``); updating the fields (F9) gives the same text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

__all__ = ["add_bookmark", "add_field", "add_hyperlink", "bookmark_name", "repeat_header_row", "toc_field"]


def _run(paragraph: Any, text: str = "", bold: bool | None = None) -> Any:
    run = paragraph.add_run(text)
    if bold is not None:
        run.bold = bold
    return run


def _char(run: Any, kind: str) -> None:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    run._r.append(element)


def _instruction(run: Any, code: str) -> None:
    element = OxmlElement("w:instrText")
    element.set(qn("xml:space"), "preserve")
    element.text = f" {code} "
    run._r.append(element)


def add_field(paragraph: Any, code: str, result: str, bold: bool | None = None) -> None:
    """Append the field ``code`` (such as ``SEQ 图 \\* ARABIC``) with its stored ``result`` to ``paragraph``."""
    _char(_run(paragraph, bold=bold), "begin")
    _instruction(_run(paragraph, bold=bold), code)
    _char(_run(paragraph, bold=bold), "separate")
    _run(paragraph, result, bold=bold)
    _char(_run(paragraph, bold=bold), "end")


def bookmark_name(exhibit_id: str) -> str:
    """A Word bookmark name for an exhibit: letters, digits and underscores, at most 40 characters.

    Examples
    --------
    >>> bookmark_name("fig-savings-cumulative")
    '_Ref_fig_savings_cumulative'
    """
    return ("_Ref_" + exhibit_id.replace("-", "_"))[:40]


def add_bookmark(paragraph: Any, name: str, number: int, start: int = 0, end: int | None = None) -> None:
    """Put bookmark ``name`` (id ``number``) around the runs ``start:end`` of ``paragraph`` (all from ``start``)."""
    runs = paragraph._p.findall(qn("w:r"))
    runs = runs[start:end]
    begin = OxmlElement("w:bookmarkStart")
    begin.set(qn("w:id"), str(number))
    begin.set(qn("w:name"), name)
    finish = OxmlElement("w:bookmarkEnd")
    finish.set(qn("w:id"), str(number))
    runs[0].addprevious(begin)
    runs[-1].addnext(finish)


def add_hyperlink(paragraph: Any, anchor: str, text: str) -> None:
    """Append ``text`` as a link to the bookmark ``anchor`` in this document."""
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), anchor)
    link.set(qn("w:history"), "1")
    run = OxmlElement("w:r")
    body = OxmlElement("w:t")
    body.set(qn("xml:space"), "preserve")
    body.text = text
    run.append(body)
    link.append(run)
    paragraph._p.append(link)


def toc_field(paragraphs: Sequence[Any], code: str, entries: Sequence[tuple[str, str]]) -> None:
    """Fill ``paragraphs`` (one per entry, at least one) as the field ``code`` (a ``TOC``) with its entries.

    ``entries`` are ``(bookmark, text)``; each paragraph links its text to its bookmark. The field begins in the
    first paragraph and ends in the last.
    """
    first, last = paragraphs[0], paragraphs[-1]
    _char(_run(first), "begin")
    _instruction(_run(first), code)
    _char(_run(first), "separate")
    for paragraph, (anchor, text) in zip(paragraphs, entries, strict=True):
        add_hyperlink(paragraph, anchor, text)
    _char(_run(last), "end")


def repeat_header_row(row: Any) -> None:
    """Mark a table row as the header, repeated on every page the table runs onto."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)
