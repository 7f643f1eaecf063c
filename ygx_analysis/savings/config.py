"""Read and check ``data/savings.toml``, the editable assumptions of the savings model.

Each ``[assumptions.NAME]`` table gives a ``default`` (or ``default_row``: a row of
``indicators.csv`` or ``context.csv`` whose value is the default), an optional
plausible range (``low``/``high`` or ``low_row``/``high_row``), a rationale in both
languages and ``refs`` (row ids, checked to exist). :func:`load_savings` returns a
:class:`SavingsSpec`; :meth:`SavingsAssumptions.from_toml
<ygx_analysis.savings.SavingsAssumptions.from_toml>` turns it into assumptions.

Every problem is one line naming the file and the key path::

    data/savings.toml: assumptions.discount_rate_pct.default: must be a number (per cent), got 'low'

Part of :mod:`ygx_analysis.savings`; reads the file through
:func:`ygx_analysis.data.files.read_toml` (bounded in size and depth).
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from ..data.tables import context_reported, default_data_dir, load_context, load_indicators, reported
from ..data.files import DataError, Problem, display_path, read_toml

__all__ = ["FIELD_KINDS", "MAX_AMOUNT", "MAX_RATE", "SAVINGS_FILE", "TIMINGS", "UNKNOWN", "SavingsSpec", "load_savings"]

SAVINGS_FILE = "savings.toml"
"""Name of the assumptions file in a data folder."""

TIMINGS = ("end", "mid")
"""When in its year a saving falls: at the end, or at mid-year."""

MAX_AMOUNT = 10_000.0
"""Largest amount accepted, 亿元 a year (1 trillion yuan): guards against typing errors and overflow."""

MAX_RATE = 1000.0
"""Largest rate accepted, per cent a year: guards against typing errors and overflow."""

UNKNOWN = "unknown"
"""The TOML value of an optional amount that is not known (``transferred_cost``)."""

FIELD_KINDS: dict[str, str] = {
    "annual_saving": "amount",
    "first_year": "year",
    "through_year": "year",
    "valuation_year": "year",
    "timing": "timing",
    "wage_growth_pct": "rate",
    "discount_rate_pct": "rate",
    "group_cut_2024": "amount",
    "group_recurs": "flag",
    "group_growth_pct": "rate",
    "include_group": "flag",
    "transferred_cost": "optional_amount",
}
"""Every assumption the file must hold → the kind of value it takes."""

_RANGED = frozenset({"amount", "year", "rate"})
_TABLE_KEYS = frozenset({"default", "default_row", "low", "low_row", "high", "high_row", "rationale_zh",
                         "rationale_en", "refs"})


@dataclass(frozen=True)
class SavingsSpec:
    """The checked content of a ``savings.toml``.

    Attributes
    ----------
    path : str
        The file, as shown in messages.
    values : dict
        Assumption → default value (a row's value where ``default_row`` is given).
    ranges : dict
        Assumption → (low, high), for the assumptions that have a range.
    rationale : dict
        Assumption → (Chinese, English) rationale.
    refs : dict
        Assumption → the data rows it rests on (``refs`` and every ``*_row``).
    rows : dict
        Assumption → the row its default was read from, for row-based defaults.
    """

    path: str
    values: dict[str, Any]
    ranges: dict[str, tuple[Any, Any]]
    rationale: dict[str, tuple[str, str]]
    refs: dict[str, tuple[str, ...]]
    rows: dict[str, str]

    def referenced_rows(self) -> list[str]:
        """Every row id the file names, sorted."""
        return sorted({row for rows in self.refs.values() for row in rows})


class _Collector:
    """Gathers problems of one file, each with its key path."""

    def __init__(self, path: str):
        self.path = path
        self.problems: list[Problem] = []

    def fail(self, key: str, message: str) -> None:
        self.problems.append(Problem(self.path, None, key, message))


def _value(c: _Collector, key: str, kind: str, raw: Any) -> Any:
    """A TOML value checked against its kind; None (after a problem) when it is wrong."""
    if kind == "year":
        if isinstance(raw, bool) or not isinstance(raw, int):
            return c.fail(key, f"must be a whole year such as 2025, got {raw!r}")
        return raw
    if kind == "flag":
        if not isinstance(raw, bool):
            return c.fail(key, f"must be true or false, got {raw!r}")
        return raw
    if kind == "timing":
        if raw not in TIMINGS:
            return c.fail(key, f"must be one of {', '.join(repr(t) for t in TIMINGS)}, got {raw!r}")
        return raw
    if kind == "optional_amount" and raw == UNKNOWN:
        return None
    unit = "per cent" if kind == "rate" else "亿元"
    if isinstance(raw, bool) or not isinstance(raw, (int, float)):
        extra = f" or {UNKNOWN!r}" if kind == "optional_amount" else ""
        return c.fail(key, f"must be a number ({unit}){extra}, got {raw!r}")
    if not math.isfinite(raw):
        return c.fail(key, f"must be finite, got {raw!r}")
    ceiling = MAX_RATE if kind == "rate" else MAX_AMOUNT
    if abs(raw) > ceiling:
        return c.fail(key, f"must be at most {ceiling:g} ({unit}) in size, got {raw:g}")
    return float(raw)


def _row_value(c: _Collector, key: str, row: Any, lookup: Mapping[str, float]) -> float | None:
    if not isinstance(row, str):
        return c.fail(key, f"must be a data row id (text), got {row!r}")
    if row not in lookup:
        return c.fail(key, f"unknown data row {row!r}; not in indicators.csv or context.csv")
    return lookup[row]


def _table(c: _Collector, name: str, kind: str, table: Any, lookup: Mapping[str, float] | None) -> dict[str, Any]:
    key = f"assumptions.{name}"
    out: dict[str, Any] = {"refs": (), "listed": (), "row": ""}
    if not isinstance(table, Mapping):
        c.fail(key, "must be a table")
        return out
    for extra in sorted(set(table) - _TABLE_KEYS):
        c.fail(f"{key}.{extra}", "unknown key; expected default or default_row, low/high (or low_row/high_row), "
                                 "rationale_zh, rationale_en, refs")
    rows: list[str] = []
    for end in ("default", "low", "high"):
        plain, by_row = end in table, f"{end}_row" in table
        if plain and by_row:
            c.fail(f"{key}.{end}_row", f"give either {end} or {end}_row, not both")
            continue
        if by_row:
            if kind not in _RANGED or kind == "year":
                c.fail(f"{key}.{end}_row", "a row can give only an amount or a rate")
                continue
            row = table[f"{end}_row"]
            value = None if lookup is None else _row_value(c, f"{key}.{end}_row", row, lookup)
            if isinstance(row, str):
                rows.append(row)
                if end == "default":
                    out["row"] = row
            out[end] = value
        elif plain:
            if end != "default" and kind not in _RANGED:
                c.fail(f"{key}.{end}", "this assumption takes no range")
                continue
            out[end] = _value(c, f"{key}.{end}", kind, table[end])
        elif end == "default":
            c.fail(f"{key}.default", "missing; give default or default_row")
    if ("low" in out) != ("high" in out):
        c.fail(f"{key}.{'high' if 'low' in out else 'low'}", "a range needs both low and high")
    elif "low" in out and None not in (out["low"], out["high"]) and out["low"] > out["high"]:
        c.fail(f"{key}.low", f"must not be above high ({out['high']}), got {out['low']}")
    for lang in ("zh", "en"):
        text = table.get(f"rationale_{lang}")
        if not isinstance(text, str) or not text.strip():
            c.fail(f"{key}.rationale_{lang}", "missing; say in a sentence why the value is what it is")
    refs = table.get("refs")
    if not isinstance(refs, list) or not all(isinstance(r, str) for r in refs):
        c.fail(f"{key}.refs", "must be a list of data row ids (may be empty)")
        refs = []
    out["listed"] = tuple(refs)
    out["refs"] = tuple(dict.fromkeys([*refs, *rows]))
    return out


class _Rows(Mapping[str, float]):
    """The value of a data row by id, looked up only when asked for (the tables hold hundreds of rows)."""

    def __init__(self, indicators: pd.DataFrame, context: pd.DataFrame):
        self._ind, self._ctx = indicators, context
        self._in_ind = set(indicators["id"])
        self._ids = self._in_ind | set(context["id"])

    def __getitem__(self, row: str) -> float:
        if row not in self._ids:
            raise KeyError(row)
        return (reported(row, self._ind) if row in self._in_ind else context_reported(row, self._ctx)).value

    def __contains__(self, row: object) -> bool:
        return row in self._ids

    def __iter__(self):
        return iter(sorted(self._ids))

    def __len__(self) -> int:
        return len(self._ids)


def load_savings(path: str | os.PathLike[str] | None = None, *, data_dir: str | os.PathLike[str] | None = None,
                 indicators: pd.DataFrame | None = None, context: pd.DataFrame | None = None,
                 check_rows: bool = True) -> SavingsSpec:
    """Read and check a savings assumptions file.

    Parameters
    ----------
    path : str or PathLike, optional
        The TOML file; default ``savings.toml`` in ``data_dir``.
    data_dir : str or PathLike, optional
        The data folder (default: the package's, or ``$YGX_DATA_DIR``): where the
        file and, unless given, ``indicators.csv`` and ``context.csv`` are read.
    indicators, context : DataFrame, optional
        Loaded tables to resolve ``*_row`` values and check ``refs`` against.
    check_rows : bool, default True
        Check that every row id exists. Without it, ``*_row`` values cannot be
        resolved and are left as None.

    Returns
    -------
    SavingsSpec

    Raises
    ------
    DataError
        One line per problem, each naming the file and the key path.

    Examples
    --------
    >>> spec = load_savings()
    >>> spec.values["discount_rate_pct"], spec.rows["discount_rate_pct"], spec.ranges["discount_rate_pct"]
    (2.02, 'cn_lgb_special_issue_rate_2025', (1.83, 2.29))
    >>> spec.values["transferred_cost"] is None, spec.values["timing"]
    (True, 'end')
    """
    if data_dir is not None and not isinstance(data_dir, (str, os.PathLike)):
        raise TypeError(f"data_dir: expected a folder path, got {type(data_dir).__name__}")
    if path is not None and not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path: expected a file path, got {type(path).__name__}")
    folder = Path(data_dir) if data_dir is not None else default_data_dir()
    file = Path(path) if path is not None else folder / SAVINGS_FILE
    doc = read_toml(file)
    c = _Collector(display_path(file))
    lookup = None
    if check_rows:
        ind = load_indicators(folder / "indicators.csv") if indicators is None else indicators
        ctx = load_context(folder / "context.csv") if context is None else context
        lookup = _Rows(ind, ctx)
    for extra in sorted(set(doc) - {"meta", "assumptions"}):
        c.fail(extra, "unknown table; expected [meta] and [assumptions.NAME]")
    tables = doc.get("assumptions")
    if not isinstance(tables, Mapping):
        c.fail("assumptions", "missing; expected one [assumptions.NAME] table per assumption")
        tables = {}
    for extra in sorted(set(tables) - set(FIELD_KINDS)):
        c.fail(f"assumptions.{extra}", f"unknown assumption; expected one of {', '.join(FIELD_KINDS)}")
    specs = {}
    for name, kind in FIELD_KINDS.items():
        if name not in tables:
            c.fail(f"assumptions.{name}", "missing")
            continue
        specs[name] = _table(c, name, kind, tables[name], lookup)
    if check_rows and lookup is not None:
        for name, spec in specs.items():
            for row in spec["listed"]:
                if row not in lookup:
                    c.fail(f"assumptions.{name}.refs", f"unknown data row {row!r}; not in indicators.csv or context.csv")
    if c.problems:
        raise DataError(list(dict.fromkeys(c.problems)))
    return SavingsSpec(
        path=c.path,
        values={name: s.get("default") for name, s in specs.items()},
        ranges={name: (s["low"], s["high"]) for name, s in specs.items() if "low" in s},
        rationale={name: (tables[name]["rationale_zh"].strip(), tables[name]["rationale_en"].strip())
                   for name in specs},
        refs={name: s["refs"] for name, s in specs.items()},
        rows={name: s["row"] for name, s in specs.items() if s["row"]},
    )
