"""Load ``indicators.csv``, ``context.csv`` and ``sources.csv`` into typed DataFrames, and look figures up.

The loaders (:func:`load_indicators`, :func:`load_context`, :func:`load_sources`)
check their file with :func:`ygx_analysis.data.fields.check_table` and raise one
:class:`~ygx_analysis.data.files.DataError` (its message the first problem, one line
naming file, line and field; the full list in ``DataError.problems``);
:func:`ygx_analysis.data.validation.validate_data_dir` collects every problem in a
folder without raising. A user can point any loader at an edited copy.

A file is read and checked once while it is unchanged (same resolved path, same
sha256 of its bytes); an edited file is read and checked again. Each caller gets its
own copy of the frame, so changing a returned frame changes nothing else. Failures
are not kept: a file with problems raises every time.
"""

from __future__ import annotations

import functools
import hashlib
import os
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd

from ..arithmetic.reported import Reported, interval_from_printed, printed_decimals
from .fields import CJK_CHARACTER, CONTEXT, INDICATORS, SECTIONS, SOURCES, UNIT_MULTIPLIERS, Table, check_table, \
    sources_path_for, table_path
from .files import DataError, Problem, display_path, read_bytes
from .folder import DATA_DIR_ENV, default_data_dir

__all__ = ["CJK_CHARACTER", "DATA_DIR_ENV", "SECTIONS", "DataError", "Problem", "context_reported", "default_data_dir",
           "display_path", "load_context", "load_indicators", "load_sources", "reported"]

_LOADED: dict[tuple[object, ...], pd.DataFrame] = {}
"""Frames already loaded and checked in this process, keyed by table and file states."""


def _file_state(path: Path) -> tuple[str, str] | None:
    """The resolved path and sha256 of a file, or None when it cannot be read."""
    try:
        return str(path.resolve()), hashlib.sha256(read_bytes(path)).hexdigest()
    except DataError:
        return None


def _typed_frame(rows: list[tuple[int, dict[str, str]]], table: Table) -> pd.DataFrame:
    """The rows as a frame with a ``line`` column, and the value columns for a table of figures."""
    frame = pd.DataFrame([r for _, r in rows], columns=list(table.columns))
    frame.insert(0, "line", pd.array([line for line, _ in rows], dtype="int64"))
    if "value" not in table.columns:
        return frame
    intervals = [interval_from_printed(v, q, u)
                 for v, q, u in zip(frame["value"], frame["qualifier"], frame["unit"], strict=True)]
    frame = frame.rename(columns={"value": "value_printed"})
    frame.insert(frame.columns.get_loc("value_printed"), "value", [float(Decimal(v)) for v in frame["value_printed"]])
    frame["decimals"] = [printed_decimals(v) for v in frame["value_printed"]]
    for name in ("low", "high", "low_closed", "high_closed"):
        frame[name] = [getattr(i, name) for i in intervals]
    frame["interval"] = [i.notation() for i in intervals]
    frame["unit_multiplier"] = [UNIT_MULTIPLIERS[u] for u in frame["unit"]]
    return frame


def _kept(table: Table, path: str | os.PathLike[str] | None = None,
          sources_path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """The checked frame of ``table`` (not a copy): the one kept for these files as they are, or a new one."""
    p = table_path(table, path)
    states = tuple(_file_state(f) for f in [p, *([sources_path_for(p, sources_path)] if table.cites else [])])
    key = None if None in states else (table.name, *states)  # a missing file: the check reports it
    frame = _LOADED.get(key) if key else None
    if frame is None:
        rows, problems = check_table(table, p, sources_path)
        if problems:
            raise DataError(problems)
        frame = _typed_frame(rows, table)
        if key:
            if len(_LOADED) >= 32:
                _LOADED.clear()
            _LOADED[key] = frame
    return frame


def load_sources(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """The sources table (``path``, default ``data/sources.csv``): the article and every context source.

    Examples
    --------
    >>> sources = load_sources()
    >>> sources.loc[sources["source_id"] == "article", "publisher_status"].item()
    'inferred'
    """
    return _kept(SOURCES, path).copy(deep=True)


def load_indicators(path: str | os.PathLike[str] | None = None,
                    sources_path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """The article's printed figures, one row each, with their intervals.

    Columns are those of ``indicators.csv`` plus ``line`` (the CSV line),
    ``value`` (float), ``value_printed`` (the text as printed), ``decimals``,
    ``low``/``high`` with ``low_closed``/``high_closed``, ``interval`` (notation)
    and ``unit_multiplier`` (亿 = 1e8, 万 = 1e4). Source ids are checked against
    ``sources_path`` (default: the ``sources.csv`` beside the file).

    Examples
    --------
    >>> ind = load_indicators()
    >>> row = ind.set_index("id").loc["fiscal_revenue_total_2024"]
    >>> row["value_printed"], row["unit"], row["interval"]
    ('62.08', '亿元', '[62.075, 62.085)')
    """
    return _kept(INDICATORS, path, sources_path).copy(deep=True)


def load_context(path: str | os.PathLike[str] | None = None,
                 sources_path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Figures from other public sources, each with its status and trust.

    Columns are those of ``context.csv`` plus the value columns of
    :func:`load_indicators`.

    Examples
    --------
    >>> ctx = load_context()
    >>> ctx.set_index("id").loc["hn_iva_growth_2024", "value_printed"]
    '7.3'
    """
    return _kept(CONTEXT, path, sources_path).copy(deep=True)


def _lookup(frame: pd.DataFrame, row_id: str, what: str) -> Reported:
    """The first row ``row_id`` of a loaded frame as a :class:`Reported` (one pass over the id column)."""
    found = np.flatnonzero(frame["id"].to_numpy(dtype=object) == row_id) if isinstance(row_id, str) else ()
    if not len(found):
        raise KeyError(f"no {what} row with id {row_id!r}")
    i = int(found[0])
    fields = (frame["value_printed"].iat[i], frame["qualifier"].iat[i], frame["unit"].iat[i])
    try:
        return _reported(*fields, row_id)
    except TypeError:  # an unhashable cell of a frame made by hand: Reported names the field
        return Reported(*fields, id=row_id)


@functools.lru_cache(maxsize=4096)
def _reported(text: str, qualifier: str, unit: str, row_id: str) -> Reported:
    """``Reported(text, qualifier, unit, id=row_id)``, built once per distinct row (it is immutable)."""
    return Reported(text, qualifier, unit, id=row_id)


def reported(indicator_id: str, indicators: pd.DataFrame | None = None) -> Reported:
    """One printed figure of the article as a :class:`~ygx_analysis.arithmetic.reported.Reported`.

    Examples
    --------
    >>> reported("above_scale_electronics_current").interval.notation()
    '(30, 40)'
    """
    return _lookup(_kept(INDICATORS) if indicators is None else indicators, indicator_id, "indicators.csv")


def context_reported(context_id: str, context: pd.DataFrame | None = None) -> Reported:
    """One context figure as a :class:`~ygx_analysis.arithmetic.reported.Reported`.

    Examples
    --------
    >>> context_reported("hn_iva_growth_2025h1").value
    8.2
    """
    return _lookup(_kept(CONTEXT) if context is None else context, context_id, "context.csv")
