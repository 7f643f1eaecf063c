"""How a source is cited: the short line under an exhibit and the full citation of a source.

Both read rows of ``data/sources.csv`` (:func:`ygx_analysis.data.tables.load_sources`):

- :func:`source_line` is the one line printed under every figure and table
  ("资料来源：…；ygx_analysis <version>…", in the words of one language), at most
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

__all__ = ["SOURCE_LINE_LIMIT", "full_citation", "source_line"]

SOURCE_LINE_LIMIT = 200
"""The longest source line under a figure or table (characters); longer lists point to EXHIBITS.md."""

_MARKED = ("inferred", "not confirmed")
"""Field statuses marked in a citation; the words are ``words[status with '_' for ' ']``."""

TEMPLATES = ("line", "ids", "part_sep", "source_sep", "name_sep", "marked", "inferred", "not_confirmed",
             "summary_some", "summary_all", "summary_none", "parameters", "full", "full_sep", "trust")
"""The templates a ``words`` mapping holds, in one language: the exhibits layer passes those of
``exhibits/meta/common.yml`` (``source_line``; :func:`ygx_analysis.exhibits.citation_words`)."""


def _check_words(words: Mapping[str, str]) -> None:
    if not isinstance(words, Mapping):
        raise TypeError(f"words: expected a mapping of templates, got {type(words).__name__}")
    if missing := sorted(set(TEMPLATES) - set(words)):
        raise KeyError(f"words: no template {missing[0]!r}")


def _text(row: Mapping[str, Any], name: str) -> str:
    """A field of a source row as stripped text ('' for missing)."""
    value = row.get(name, "")
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def _flagged(row: Mapping[str, Any], name: str, words: Mapping[str, str], marks: Sequence[str] = _MARKED) -> str:
    """A field of a source row, marked with its status word when that is one of ``marks``."""
    text, status = _text(row, name), _text(row, f"{name}_status")
    if text and status in marks and words[status.replace(" ", "_")] not in text and status not in text:
        text = words["marked"].format(text=text, mark=words[status.replace(" ", "_")])
    return text


def _part(row: Mapping[str, Any], words: Mapping[str, str]) -> str:
    """One source in a source line: publisher (marked when inferred), date (marked when not confirmed), title."""
    parts = (_flagged(row, "publisher", words, ("inferred",)), _flagged(row, "date", words, ("not confirmed",)),
             _text(row, "title"))
    return words["part_sep"].join(b for b in parts if b)


def _id_list(ids: Sequence[str], room: int, words: Mapping[str, str]) -> str:
    """The ids as ``words["ids"]`` holds them: as many as fit in ``room`` characters (at least the first), then "…"."""
    shown = [ids[0]]
    frame = len(words["ids"].format(ids=""))
    for sid in ids[1:]:
        rest = ", …" if len(shown) + 1 < len(ids) else ""
        if len(", ".join([*shown, sid])) + len(rest) + frame > room:
            break
        shown.append(sid)
    return words["ids"].format(ids=", ".join(shown) + (", …" if len(shown) < len(ids) else ""))


def source_line(source_ids: Sequence[str], words: Mapping[str, str], sources: pd.DataFrame | None = None,
                version: str | None = None, *, stamp: str | None = None, parameters: str = "",
                limit: int = SOURCE_LINE_LIMIT) -> str:
    """The line printed under a figure or table: at most ``limit`` characters, so that it pastes.

    When every source fits, the line names each one (publisher, date, title) and
    every source id. Otherwise it names the first source in full (or its publisher
    alone, when its title is too long), the other
    publishers as far as they fit, the number of sources, and points to
    ``EXHIBITS.md``, where every source is cited in full; the ids shown are those
    that fit, then "…".

    ``source_ids`` are ids of ``sources`` (default :func:`~ygx_analysis.data.tables.load_sources`; an unknown
    id is a KeyError), in the order to cite them. ``words`` holds the templates of one language (:data:`TEMPLATES`;
    :func:`ygx_analysis.exhibits.source_line` passes the build's). ``stamp`` names the
    build instead of ``ygx_analysis <version>`` (the installed version by default), such as
    :meth:`~ygx_analysis.data.provenance.Provenance.stamp`; ``parameters`` (such as ``DISCOUNT_RATE_PCT=3``)
    names the inputs set away from their defaults, at the end of the line.

    Examples
    --------
    >>> from ygx_analysis.exhibits import citation_words
    >>> WORDS_EN = citation_words("en")
    >>> rows = pd.DataFrame([{"source_id": "a", "publisher": "P", "publisher_status": "inferred",
    ...                       "date": "2025", "date_status": "not confirmed", "title": "T"}])
    >>> source_line(["a"], WORDS_EN, rows, "1.0")
    'Source: P (inferred), 2025 (not confirmed), T; ygx_analysis 1.0 [a]'
    >>> source_line(["a"], WORDS_EN, rows, "1.0", parameters="RATE=3")
    'Source: P (inferred), 2025 (not confirmed), T; ygx_analysis 1.0 [a]; parameters: RATE=3'
    >>> many = pd.DataFrame([{"source_id": f"s{i}", "publisher": f"Pub{i % 3}", "date": "2025",
    ...                       "title": "A long title " * 3} for i in range(8)])
    >>> source_line([f"s{i}" for i in range(8)], WORDS_EN, many, "1.0", limit=150)
    'Source: Pub0, 2025, A long title A long title A long title; Pub1, Pub2: 8 sources, all in EXHIBITS.md; ygx_analysis 1.0 [s0, s1, s2, s3, s4, s5, …]'
    """
    _check_words(words)
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
    tail = words["parameters"].format(parameters=parameters) if parameters else ""

    def line(text: str, id_list: str) -> str:
        return words["line"].format(sources=text, stamp=stamp, ids=id_list) + tail

    full = line(words["source_sep"].join(_part(r, words) for r in rows), words["ids"].format(ids=", ".join(ids)))
    if len(full) <= limit:
        return full
    publishers: list[str] = []
    for row in rows[1:]:
        name = _text(row, "publisher")
        if name and name not in publishers and name != _text(rows[0], "publisher"):
            publishers.append(name)

    def summary(k: int, first: str) -> str:
        key = "summary_none" if not k else "summary_all" if k == len(publishers) else "summary_some"
        return words[key].format(first=first, named=words["name_sep"].join(publishers[:k]), count=len(ids))

    def fits(k: int, first: str) -> bool:
        return len(line(summary(k, first), _id_list(ids, 0, words))) <= limit

    first = _part(rows[0], words)
    if not fits(0, first):  # the first source's title is too long: its publisher alone
        first = _part({k: v for k, v in rows[0].items() if k in ("publisher", "publisher_status")}, words) or ids[0]
    k = min(3, len(publishers))
    while k > 0 and not fits(k, first):
        k -= 1
    text = summary(k, first)
    return line(text, _id_list(ids, limit - len(line(text, "")), words))


def full_citation(row: Mapping[str, Any], words: Mapping[str, str], trust_words: Mapping[str, str] | None = None) -> str:
    """A full citation of one source row of ``sources.csv``, with its status words.

    A field whose status is "inferred" or "not confirmed" is marked so; ``trust_words`` words the trust code
    (the code itself without one).

    Examples
    --------
    >>> from ygx_analysis.exhibits import citation_words
    >>> WORDS_EN = citation_words("en")
    >>> full_citation({"source_id": "x", "kind": "web", "title": "T", "title_status": "printed",
    ...                "authors": "", "authors_status": "not applicable", "publisher": "P",
    ...                "publisher_status": "inferred", "section": "", "section_status": "not applicable",
    ...                "date": "2025-01-02", "date_status": "printed", "url": "https://e.org",
    ...                "url_status": "printed", "trust": "high", "note": ""}, WORDS_EN)
    'P (inferred). 2025-01-02. T. https://e.org. Trust: high. [x]'
    >>> full_citation({"source_id": "y", "title": "T", "date": "2025", "date_status": "not confirmed"}, WORDS_EN)
    '2025 (not confirmed). T. [y]'
    """
    _check_words(words)
    if not isinstance(row, Mapping):
        raise TypeError(f"row: expected a mapping of sources.csv fields, got {type(row).__name__}")
    parts = [_flagged(row, name, words) for name in ("authors", "publisher", "date", "title", "section", "url")]
    trust = _text(row, "trust")
    if trust:
        parts.append(words["trust"].format(trust=(trust_words or {}).get(trust, trust)))
    return words["full"].format(text=words["full_sep"].join(p for p in parts if p), id=_text(row, "source_id"))
