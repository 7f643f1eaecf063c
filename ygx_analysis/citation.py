"""How a source is cited: the short line under an exhibit and the full citation of a source.

Both read rows of ``data/sources.csv`` (:func:`ygx_analysis.data.load_sources`):

- :func:`source_line` is the one line printed under every figure and table
  ("资料来源 / Source: …; ygx_analysis <version> [ids]");
- :func:`full_citation` is the full reference of one source, with its status words,
  as ``EXHIBITS.md`` lists it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

__all__ = ["SOURCE_LINE_HEADS", "full_citation", "source_line"]

SOURCE_LINE_HEADS = {"zh": "资料来源 / Source:", "en": "Source:"}
"""How a source line begins, per language."""

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


def source_line(source_ids: Sequence[str], lang: str = "zh", sources: pd.DataFrame | None = None,
                version: str | None = None) -> str:
    """The line printed under a figure or table.

    Parameters
    ----------
    source_ids : sequence of str
        Source ids of ``sources.csv``, in the order to cite them.
    lang : {'zh', 'en'}
    sources : DataFrame, optional
        The sources table; :func:`ygx_analysis.data.load_sources` by default.
    version : str, optional
        The package version named in the line; the installed one by default.

    Raises
    ------
    KeyError
        Naming a source id that ``sources`` does not hold.

    Examples
    --------
    >>> rows = pd.DataFrame([{"source_id": "a", "publisher": "P", "publisher_status": "inferred",
    ...                       "date": "2025", "title": "T"}])
    >>> source_line(["a"], "en", rows, "1.0")
    'Source: P (inferred), 2025, T; ygx_analysis 1.0 [a]'
    >>> source_line(["a"], "zh", rows, "1.0")
    '资料来源 / Source: P（推断）, 2025, T; ygx_analysis 1.0 [a]'
    """
    _check_lang(lang)
    if isinstance(source_ids, str):
        raise TypeError("source_ids: expected a sequence of source ids, got one str")
    if sources is None:
        from .data import load_sources

        sources = load_sources()
    if version is None:
        from . import __version__ as version
    by_id = sources.set_index("source_id")
    parts = []
    for sid in source_ids:
        if sid not in by_id.index:
            raise KeyError(f"unknown source id {sid!r}")
        row = by_id.loc[sid]
        publisher = _text(row, "publisher")
        if publisher and _text(row, "publisher_status") == "inferred":
            publisher += " (inferred)" if lang == "en" else "（推断）"
        bits = [b for b in (publisher, _text(row, "date"), _text(row, "title")) if b]
        parts.append(", ".join(bits))
    return f"{SOURCE_LINE_HEADS[lang]} {'; '.join(parts)}; ygx_analysis {version} [{', '.join(source_ids)}]"


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
