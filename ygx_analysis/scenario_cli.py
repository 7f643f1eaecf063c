"""What ``ygx-analysis scenarios`` reads and prints: ``--required`` requests, its output tables, the fan's memory bound.

:mod:`ygx_analysis.cli` defines the command and calls these; they are plain
functions of the model's results, so a script can print the same tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import pandas as pd

if TYPE_CHECKING:
    from .scenarios import ScenarioSet

__all__ = ["REQUIRED_COLUMNS", "SCENARIO_TABLE_COLUMNS", "check_fan_memory", "memory_budget", "parse_required",
           "required_growth_table", "scenario_table", "target_probability_table"]


SCENARIO_TABLE_COLUMNS = ("scenario", "indicator", "year", "value", "p05", "p50", "p95", "is_projection")
"""Columns of the ``ygx-analysis scenarios`` table."""

REQUIRED_COLUMNS = ("indicator", "year", "target_value", "level_2025", "basis_2025", "required_cagr_pct",
                    "required_cagr_low_pct", "required_cagr_high_pct")
"""Columns of the ``ygx-analysis scenarios --required`` table."""


def parse_required(text: str) -> dict[str, Any]:
    """Parse ``INDICATOR=TARGET@YEAR``; ``TARGET`` is a level or ``xF`` (F times the 2025 level).

    Examples
    --------
    >>> parse_required("gross_output=1000@2030")
    {'indicator': 'gross_output', 'target': 1000.0, 'multiple': False, 'year': 2030}
    >>> parse_required("value_added=x2@2030")["multiple"]
    True
    """
    import math
    import re

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
    if not math.isfinite(target) or target <= 0:
        raise ValueError(f"required: target must be positive, got {number!r}")
    return {"indicator": indicator, "target": target, "multiple": bool(times), "year": int(year)}


def required_growth_table(spec: ScenarioSet, requests: Sequence[dict[str, Any]]) -> pd.DataFrame:
    """The growth each request of :func:`parse_required` needs from the 2025 level of ``spec``, rounded.

    Parameters
    ----------
    spec : ScenarioSet
        A loaded scenario file (:func:`ygx_analysis.scenarios.load_scenarios`).
    requests : sequence of dict
        Outputs of :func:`parse_required`.

    Returns
    -------
    DataFrame
        ``indicator, year, target_value, level_2025, basis_2025, required_cagr_pct,
        required_cagr_low_pct, required_cagr_high_pct``: the range is the growth
        needed from the high and the low end of the 2025 range (a level target; a
        multiple of 2025 needs the same rate from any level).

    Examples
    --------
    >>> from ygx_analysis.scenarios import load_scenarios
    >>> t = required_growth_table(load_scenarios(), [parse_required("value_added=x2@2030")])
    >>> round(t["required_cagr_pct"].item(), 4)   # 100 * (2 ** (1/5) - 1)
    14.8698
    """
    from .scenarios import BASE_YEAR, YEAR_MAX, YEAR_MIN
    from .scenarios.targets import required_growth as required_from

    start = spec.jumpoff[spec.jumpoff["year"] == BASE_YEAR].set_index("indicator")
    rows = []
    for r in requests:
        name = spec.check_indicator(r["indicator"])
        if not YEAR_MIN < r["year"] <= YEAR_MAX:
            raise ValueError(f"year: must be between {YEAR_MIN + 1} and {YEAR_MAX}, got {r['year']}")
        level = float(start.loc[name, "value"])
        target = level * r["target"] if r["multiple"] else r["target"]
        rate = spec.required_growth(name, target, r["year"])
        ends = [rate, rate] if r["multiple"] else [
            float(required_from(float(start.loc[name, end]), target, r["year"])) for end in ("high", "low")]
        rows.append({"indicator": name, "year": r["year"], "target_value": target, "level_2025": level,
                     "basis_2025": start.loc[name, "basis"], "required_cagr_pct": rate,
                     "required_cagr_low_pct": ends[0], "required_cagr_high_pct": ends[1]})
    return pd.DataFrame(rows, columns=list(REQUIRED_COLUMNS)).round(4)


def scenario_table(projection: pd.DataFrame, fan: pd.DataFrame | None = None, decimals: int = 4) -> pd.DataFrame:
    """The ``scenarios`` table: deterministic values with the fan's P5/P50/P95, rounded.

    Parameters
    ----------
    projection : DataFrame
        :meth:`ScenarioSet.project <ygx_analysis.scenarios.ScenarioSet.project>`.
    fan : DataFrame, optional
        :meth:`FanResult.to_frame <ygx_analysis.scenarios.FanResult.to_frame>`; without it the
        quantile columns are empty.
    decimals : int
        Decimals kept.

    Returns
    -------
    DataFrame
        ``scenario, indicator, year, value, p05, p50, p95, is_projection``.

    Examples
    --------
    >>> from ygx_analysis.scenarios import load_scenarios
    >>> t = scenario_table(load_scenarios().project("base"))
    >>> v = t[t["indicator"] == "value_added"].set_index("year")["value"]
    >>> round(float(v[2026] / v[2025]), 4)   # base starts at 7.5 %
    1.075
    """
    import numpy as np

    frame = projection
    if fan is not None:
        levels = fan[fan["measure"] == "level"][["scenario", "indicator", "year", "p05", "p50", "p95"]]
        frame = frame.merge(levels, on=["scenario", "indicator", "year"], how="left", validate="one_to_one")
    else:
        frame = frame.assign(p05=np.nan, p50=np.nan, p95=np.nan)
    out = frame[list(SCENARIO_TABLE_COLUMNS)].copy()
    for col in ("value", "p05", "p50", "p95"):
        out[col] = out[col].round(decimals)
    return out


TARGET_TABLE_COLUMNS = ("target", "status", "scenario", "year", "target_value", "nominal", "probability")
"""Columns of the ``ygx-analysis scenarios --targets`` table."""


def target_probability_table(fan: Any, targets: pd.DataFrame) -> pd.DataFrame:
    """The target probabilities of a fan as text (:func:`~ygx_analysis.scenarios.format_probability`).

    Parameters
    ----------
    fan : FanResult
        A simulation (:meth:`ScenarioSet.simulate <ygx_analysis.scenarios.ScenarioSet.simulate>`).
    targets : DataFrame
        :meth:`ScenarioSet.target_levels <ygx_analysis.scenarios.ScenarioSet.target_levels>` (for the status).

    Returns
    -------
    DataFrame
        ``target, status, scenario, year, target_value, nominal, probability``; the
        probability reads "below 0.1 % under the model's assumptions" under one in a
        thousand, else a per cent with its Monte Carlo standard error.

    Examples
    --------
    >>> from ygx_analysis.scenarios import load_scenarios
    >>> spec = load_scenarios()
    >>> t = target_probability_table(spec.simulate(500, seed=3, scenarios="low"), spec.target_levels())
    >>> t.set_index("target").loc["gross_output_1000_2030", "probability"]
    "below 0.1 % under the model's assumptions"
    """
    from .scenarios import format_probability

    status = targets.set_index("target")["status"]
    p = fan.target_probabilities
    return pd.DataFrame({
        "target": p["target"], "status": [status[k] for k in p["target"]], "scenario": p["scenario"],
        "year": p["year"], "target_value": p["target_value"].round(4), "nominal": p["nominal"],
        "probability": [format_probability(float(x), fan.n_paths, "en") for x in p["probability"]],
    }, columns=list(TARGET_TABLE_COLUMNS))


def memory_budget() -> int:
    """Half of this machine's physical memory, in bytes: the most a fan may use."""
    import os

    try:
        return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") // 2
    except (ValueError, OSError, AttributeError):   # no sysconf (Windows): assume 8 GB of memory
        return 4 * 1024 ** 3


def check_fan_memory(n_paths: int, n_scenarios: int, keep_paths: bool) -> None:
    """Raise ``ValueError`` naming ``paths`` when the fan would need more than :func:`memory_budget`."""
    from .scenarios.montecarlo import fan_memory_bytes

    need, budget = fan_memory_bytes(n_paths, n_scenarios, keep_paths), memory_budget()
    if need > budget:
        most = budget // fan_memory_bytes(1, n_scenarios, keep_paths)
        raise ValueError(f"paths: {n_paths} paths × {n_scenarios} scenario(s) would need about "
                         f"{need / 1e9:,.1f} GB, over the {budget / 1e9:,.1f} GB allowed (half of this machine's "
                         f"memory); use at most {most:,} paths")
