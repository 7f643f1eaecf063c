"""Targets and required growth: the level a target stands for, and the constant growth that reaches it.

A target in ``data/scenarios.toml`` is a level (``value``), a multiple of the
2025 level (``multiple_of_2025``) or a growth rate from a data row applied to the
2025 level (``growth_row``, such as a national pace). The required growth is the
constant annual rate from the 2025 jump-off level,
:func:`~ygx_analysis.arithmetic.growth.required_cagr`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from numbers import Real
from typing import Any

import numpy as np
import pandas as pd

from ..arithmetic import growth
from .config import BASE_YEAR, YEAR_MAX, Target

__all__ = ["REQUIRED_COLUMNS", "TARGET_COLUMNS", "parse_required", "required_growth", "required_growth_table",
           "target_levels"]

TARGET_COLUMNS = ("target", "indicator", "year", "kind", "status", "nominal", "target_value", "level_2025",
                  "required_cagr_pct", "required_cagr_low_pct", "required_cagr_high_pct", "label_zh", "label_en",
                  "source", "refs")


def required_growth(level_2025: float, target: Any, year: Any) -> float | np.ndarray:
    """The constant annual growth (per cent) that takes ``level_2025`` to ``target`` by ``year``.

    Parameters
    ----------
    level_2025 : float
        The 2025 jump-off level (positive).
    target : float or array_like
        Level to reach, in the same unit (positive).
    year : int or array_like
        Year by which to reach it (after 2025).

    Returns
    -------
    float or ndarray
        :func:`~ygx_analysis.arithmetic.growth.required_cagr` over ``year - 2025`` years.

    Examples
    --------
    A 1000亿 gross output by 2030 from a 2025 level of 400亿:

    >>> round(required_growth(400.0, 1000, 2030), 2)
    20.11
    >>> required_growth(100.0, [100.0, 121.0], 2027).round(6).tolist()
    [0.0, 10.0]
    """
    if isinstance(level_2025, bool) or not isinstance(level_2025, Real):
        raise TypeError(f"level_2025: expected a number, got {type(level_2025).__name__}")
    if not np.isfinite(level_2025) or level_2025 <= 0:
        raise ValueError("level_2025: must be positive")
    for name, value in (("target", target), ("year", year)):
        if isinstance(value, (str, bytes)) or np.asarray(value).dtype.kind not in "biuf":
            raise TypeError(f"{name}: expected a number or an array of numbers, got {type(value).__name__}")
    t, y = np.asarray(target, dtype=float), np.asarray(year, dtype=float)
    if np.any(~np.isfinite(t)) or np.any(t <= 0):
        raise ValueError("target: must be positive")
    if np.any(~np.isfinite(y)) or np.any(y <= BASE_YEAR) or np.any(y != np.round(y)):
        raise ValueError(f"year: must be a whole year after {BASE_YEAR}")
    return growth.required_cagr(level_2025, target, y - BASE_YEAR)


def target_levels(targets: Sequence[Target], levels_2025: Mapping[str, float], rows: pd.DataFrame,
                  ranges_2025: Mapping[str, tuple[float, float]] | None = None) -> pd.DataFrame:
    """Every target as a level, with the growth needed to reach it from 2025.

    Parameters
    ----------
    targets : sequence of Target
        The targets of a scenario file.
    levels_2025 : mapping of str to float
        The 2025 level of each indicator.
    rows : DataFrame
        Data rows with ``id`` and ``value`` columns (``indicators.csv`` and
        ``context.csv``), for targets given by a ``growth_row``.
    ranges_2025 : mapping of str to (float, float), optional
        The low and high 2025 level of each indicator (the jump-off range): the
        required growth is then a range too, ``required_cagr_low_pct`` (from the
        high 2025 level) to ``required_cagr_high_pct`` (from the low one). Without
        it both equal ``required_cagr_pct``.

    Returns
    -------
    DataFrame
        ``target, indicator, year, kind, status, nominal, target_value,
        level_2025, required_cagr_pct, label_zh, label_en, source, refs``. The
        labels carry the status word (:meth:`Target.label
        <ygx_analysis.scenarios.Target.label>`). For a ``nominal`` target the
        required rate is nominal (the 2025 level is in 2025 prices, which are
        current prices in 2025).

    Examples
    --------
    >>> from ygx_analysis.scenarios import load_scenarios
    >>> t = load_scenarios().target_levels().set_index("target")
    >>> round(float(t.loc["value_added_double_2030", "required_cagr_pct"]), 4)   # 2 ** (1/5) - 1
    14.8698
    """
    values = rows.set_index("id")["value"] if any(t.growth_row for t in targets) else None
    out = []
    for t in targets:
        level, years = float(levels_2025[t.indicator]), t.year - BASE_YEAR
        if t.kind == "value":
            value = t.value
        elif t.kind == "multiple_of_2025":
            value = level * t.multiple_of_2025
        else:
            value = growth.project(level, float(values.loc[t.growth_row]), years)
        refs = list(t.refs) + ([t.growth_row] if t.growth_row and t.growth_row not in t.refs else [])
        bounds = (ranges_2025 or {}).get(t.indicator) if t.kind == "value" else None
        out.append({"target": t.id, "indicator": t.indicator, "year": t.year, "kind": t.kind, "status": t.status,
                    "nominal": t.nominal, "target_value": float(value), "level_2025": level,
                    **_required(level, float(value), years, bounds), "label_zh": t.label("zh"),
                    "label_en": t.label("en"), "source": t.source, "refs": ";".join(refs)})
    frame = pd.DataFrame(out, columns=list(TARGET_COLUMNS))
    frame["year"] = frame["year"].astype("int64")
    return frame


def _required(level: float, value: float, years: int, bounds: tuple[float, float] | None) -> dict[str, float]:
    """The required CAGR from ``level``, and from the high and the low 2025 level of ``bounds`` (a level target)."""
    rate = growth.required_cagr(level, value, years)
    ends = (rate, rate) if bounds is None else [growth.required_cagr(b, value, years) for b in bounds[::-1]]
    return {"required_cagr_pct": rate, "required_cagr_low_pct": ends[0], "required_cagr_high_pct": ends[1]}


REQUIRED_COLUMNS = ("indicator", "year", "target_value", "level_2025", "basis_2025", "required_cagr_pct",
                    "required_cagr_low_pct", "required_cagr_high_pct")
"""Columns of :func:`required_growth_table` (``ygx-analysis scenarios --required``)."""


def required_growth_table(jumpoff: pd.DataFrame, requests: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    """The growth each request of :func:`parse_required` needs from the 2025 level, rounded.

    ``jumpoff`` is :attr:`ScenarioModel.jumpoff <ygx_analysis.scenarios.ScenarioModel.jumpoff>`.
    The range is the growth needed from the high and the low end of the 2025
    range (a level target; a multiple of 2025 needs the same rate from any level).

    Examples
    --------
    >>> from ygx_analysis.scenarios import load_scenarios
    >>> t = required_growth_table(load_scenarios().jumpoff, [parse_required("value_added=x2@2030")])
    >>> round(t["required_cagr_pct"].item(), 4)   # 100 * (2 ** (1/5) - 1)
    14.8698
    """
    start = jumpoff[jumpoff["year"] == BASE_YEAR].set_index("indicator")
    rows = []
    for r in requests:
        name, target, multiple, year = r["indicator"], r["target"], r["multiple"], r["year"]
        if name not in start.index:
            raise ValueError(f"indicator: unknown indicator {name!r}; expected one of {', '.join(start.index)}")
        if not BASE_YEAR < year <= YEAR_MAX:
            raise ValueError(f"year: must be between {BASE_YEAR + 1} and {YEAR_MAX}, got {year}")
        level = float(start.loc[name, "value"])
        value = level * target if multiple else target
        bounds = None if multiple else (float(start.loc[name, "low"]), float(start.loc[name, "high"]))
        rows.append({"indicator": name, "year": year, "target_value": value, "level_2025": level,
                     "basis_2025": start.loc[name, "basis"], **_required(level, value, year - BASE_YEAR, bounds)})
    return pd.DataFrame(rows, columns=list(REQUIRED_COLUMNS)).round(4)


def parse_required(text: str) -> dict[str, Any]:
    """Parse ``INDICATOR=TARGET@YEAR`` of ``ygx-analysis scenarios --required`` (``TARGET`` a level, or ``xF``
    for F times the 2025 level) into ``{'indicator', 'target', 'multiple', 'year'}``."""
    if not isinstance(text, str):
        raise TypeError(f"required: expected a string, got {type(text).__name__}")
    match = re.match(r"^\s*([a-z0-9_]+)\s*=\s*(x?)\s*([0-9.eE+-]+)\s*@\s*(\d{4})\s*$", text)
    if not match:
        raise ValueError(f"required: expected INDICATOR=TARGET@YEAR (TARGET a number or xF), got {text!r}")
    indicator, times, number, year = match.groups()
    try:
        target = float(number)
    except ValueError:
        raise ValueError(f"required: target {number!r} is not a number") from None
    if not 0 < target < float("inf"):
        raise ValueError(f"required: target must be positive, got {number!r}")
    return {"indicator": indicator, "target": target, "multiple": bool(times), "year": int(year)}
