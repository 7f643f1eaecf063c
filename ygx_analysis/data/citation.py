"""How a source is cited: the short line under an exhibit and the full citation of a source.

Both read rows of ``data/sources.csv`` (:func:`ygx_analysis.data.tables.load_sources`):

- :func:`source_line` is the one line printed under every figure and table
  ("资料来源 / Source: …; ygx_analysis <version> [ids]"), at most
  :data:`SOURCE_LINE_LIMIT` characters: a long list of sources is summarised and
  points to ``EXHIBITS.md``, which cites every source in full;
- :func:`full_citation` is the full reference of one source, with its status words,
  as ``EXHIBITS.md`` lists it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

__all__ = ["SOURCE_LINE_HEADS", "SOURCE_LINE_LIMIT", "full_citation", "source_line"]

SOURCE_LINE_HEADS = {"zh": "资料来源 / Source:", "en": "Source:"}
"""How a source line begins, per language."""

SOURCE_LINE_LIMIT = 200
"""The longest source line under a figure or table (characters); longer lists point to EXHIBITS.md."""

_STATUS_MARKS = {"inferred": ("推断", "inferred"), "not confirmed": ("未核实", "not confirmed")}


def _check_lang(lang: str) -> None:
    if not isinstance(lang, str):
        raise TypeError(f"lang: expected a str, got {type(lang).__name__}")
    if lang not in SOURCE_LINE_HEADS:
        raise ValueError(f"lang: unknown language {lang!r}; expected 'zh' or 'en'")


def _text(row: Mapping[str, Any], name: str) -> str:
    """A field of a source row as stripped text ('' for missing)."""
    value = row.get(name, "")
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def _part(row: Mapping[str, Any], lang: str) -> str:
    """One source in a source line: publisher (marked when inferred), date, title."""
    publisher = _text(row, "publisher")
    if publisher and _text(row, "publisher_status") == "inferred":
        publisher += " (inferred)" if lang == "en" else "（推断）"
    return ", ".join(b for b in (publisher, _text(row, "date"), _text(row, "title")) if b)


def _id_list(ids: Sequence[str], room: int) -> str:
    """``[a, b, …]``: as many ids as fit in ``room`` characters (at least the first)."""
    shown = [ids[0]]
    for sid in ids[1:]:
        rest = ", …" if len(shown) + 1 < len(ids) else ""
        if len(", ".join([*shown, sid])) + len(rest) + 2 > room:
            break
        shown.append(sid)
    return "[" + ", ".join(shown) + (", …" if len(shown) < len(ids) else "") + "]"


def source_line(source_ids: Sequence[str], lang: str = "zh", sources: pd.DataFrame | None = None,
                version: str | None = None, *, stamp: str | None = None, limit: int = SOURCE_LINE_LIMIT) -> str:
    """The line printed under a figure or table: at most ``limit`` characters, so that it pastes.

    When every source fits, the line names each one (publisher, date, title) and
    every source id. Otherwise it names the first source in full (or its publisher
    alone, when its title is too long), the other
    publishers as far as they fit, the number of sources, and points to
    ``EXHIBITS.md``, where every source is cited in full; the ids shown are those
    that fit, then "…".

    ``source_ids`` are ids of ``sources`` (default :func:`~ygx_analysis.data.tables.load_sources`; an unknown
    id is a KeyError), in the order to cite them. ``stamp`` names the build instead of ``ygx_analysis
    <version>`` (the installed version by default), such as :meth:`~ygx_analysis.data.provenance.Provenance.stamp`.

    Examples
    --------
    >>> rows = pd.DataFrame([{"source_id": "a", "publisher": "P", "publisher_status": "inferred",
    ...                       "date": "2025", "title": "T"}])
    >>> source_line(["a"], "en", rows, "1.0")
    'Source: P (inferred), 2025, T; ygx_analysis 1.0 [a]'
    >>> source_line(["a"], "zh", rows, "1.0")
    '资料来源 / Source: P（推断）, 2025, T; ygx_analysis 1.0 [a]'
    >>> many = pd.DataFrame([{"source_id": f"s{i}", "publisher": f"Pub{i % 3}", "date": "2025",
    ...                       "title": "A long title " * 3} for i in range(8)])
    >>> source_line([f"s{i}" for i in range(8)], "zh", many, "1.0", limit=130)
    '资料来源 / Source: Pub0, 2025, A long title A long title A long title；Pub1、Pub2等 8 项，详见 EXHIBITS.md; ygx_analysis 1.0 [s0, s1, s2, …]'
    """
    _check_lang(lang)
    if isinstance(source_ids, str):
        raise TypeError("source_ids: expected a sequence of source ids, got one str")
    if isinstance(limit, bool) or not isinstance(limit, int):
        raise TypeError(f"limit: expected an int, got {type(limit).__name__}")
    if limit < 40:
        raise ValueError(f"limit: must be at least 40 characters, got {limit}")
    ids = list(source_ids)
    if not ids:
        raise ValueError("source_ids: at least one source id is needed")
    if sources is None:
        from .tables import load_sources

        sources = load_sources()
    if stamp is None:
        if version is None:
            from .. import __version__ as version
        stamp = f"ygx_analysis {version}"
    by_id = sources.set_index("source_id")
    if unknown := [sid for sid in ids if sid not in by_id.index]:
        raise KeyError(f"unknown source id {unknown[0]!r}")
    rows = [by_id.loc[sid] for sid in ids]
    head = SOURCE_LINE_HEADS[lang]
    full = f"{head} {'; '.join(_part(r, lang) for r in rows)}; {stamp} [{', '.join(ids)}]"
    if len(full) <= limit:
        return full
    first = _part(rows[0], lang)
    publishers: list[str] = []
    for row in rows[1:]:
        name = _text(row, "publisher")
        if name and name not in publishers and name != _text(rows[0], "publisher"):
            publishers.append(name)

    def summary(k: int, first: str) -> str:
        if lang == "zh":
            named = f"{'、'.join(publishers[:k])}等 " if k else "等共 "
            return f"{head} {first}；{named}{len(ids)} 项，详见 EXHIBITS.md; {stamp} "
        named = ", ".join(publishers[:k]) + (" and others" if k < len(publishers) else "") if k else "and others"
        return f"{head} {first}; {named}: {len(ids)} sources, all in EXHIBITS.md; {stamp} "

    def fits(k: int, first: str) -> bool:
        return len(summary(k, first)) + len(_id_list(ids, 0)) <= limit

    if not fits(0, first):  # the first source's title is too long: its publisher alone
        first = _part({k: v for k, v in rows[0].items() if k in ("publisher", "publisher_status")}, lang) or ids[0]
    k = min(3, len(publishers))
    while k > 0 and not fits(k, first):
        k -= 1
    text = summary(k, first)
    return text + _id_list(ids, limit - len(text))


def full_citation(row: Mapping[str, Any], lang: str = "zh") -> str:
    """A full citation of one source row of ``sources.csv``, with its status words.

    A field whose status is "inferred" or "not confirmed" is marked so.

    Examples
    --------
    >>> full_citation({"source_id": "x", "kind": "web", "title": "T", "title_status": "printed",
    ...                "authors": "", "authors_status": "not applicable", "publisher": "P",
    ...                "publisher_status": "inferred", "section": "", "section_status": "not applicable",
    ...                "date": "2025-01-02", "date_status": "printed", "url": "https://e.org",
    ...                "url_status": "printed", "trust": "high", "note": ""}, "en")
    'P (inferred). 2025-01-02. T. https://e.org. Trust: high. [x]'
    >>> full_citation({"source_id": "y", "title": "标题", "date": "2025", "date_status": "not confirmed"}, "zh")
    '2025 (未核实). 标题. [y]'
    """
    _check_lang(lang)
    if not isinstance(row, Mapping):
        raise TypeError(f"row: expected a mapping of sources.csv fields, got {type(row).__name__}")

    def flagged(name: str) -> str:
        text, status = _text(row, name), _text(row, f"{name}_status")
        if text and status in _STATUS_MARKS and status not in text:
            text += f" ({_STATUS_MARKS[status][0 if lang == 'zh' else 1]})"
        return text

    parts = [flagged(name) for name in ("authors", "publisher", "date", "title", "section", "url")]
    text = ". ".join(p for p in parts if p)
    trust = _text(row, "trust")
    if trust:
        text += f". {'可信度' if lang == 'zh' else 'Trust'}: {trust}"
    return f"{text}. [{_text(row, 'source_id')}]"
