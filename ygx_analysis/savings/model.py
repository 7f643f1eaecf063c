"""The savings model's formulas and results: discounting, the yearly path, windows, revenue, sensitivity.

Part of :mod:`ygx_analysis.savings` (see there for the discounting convention).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

import numpy as np
import pandas as pd

from ..arithmetic.growth import as_interval, share
from ..arithmetic.reported import Interval, Reported
from ..data.tables import reported as _reported
from ..data.tables import context_reported as _context_reported
from .assumptions import (ANNUAL_SAVING_ID, ENTITY_EXPENDITURE_ID, ENTITY_REVENUE_ID, GROUP_CUT_ID, INDICATOR_IDS, NAMES, PLAN14_END, PLAN15, REFORM_YEAR,
                          REVENUE_ID, REVENUE_SCOPE, SAVING_YEAR, STAFF_CUT_ID, UNIT, SavingsAssumptions)

__all__ = ["PATH_COLUMNS", "SENSITIVITY_MEASURES", "default_sensitivity_ranges", "discount_factor",
           "implied_pre_reform_cost", "npv", "plan_windows", "revenue_comparison", "savings_path",
           "savings_share_of_revenue", "sensitivity", "window_summary"]


def _numbers(name: str, value: Any) -> np.ndarray:
    """``value`` (a number or an array of numbers) as a float array; TypeError for anything else."""
    if isinstance(value, (str, bytes, Reported, Interval)) or value is None:
        raise TypeError(f"{name}: must be a number or an array of numbers, got {type(value).__name__}")
    array = np.asarray(value)
    if array.dtype.kind not in "iuf":
        raise TypeError(f"{name}: must be a number or an array of numbers, got {array.dtype} values")
    return array.astype(float)


def _out(array: np.ndarray) -> float | np.ndarray:
    return array.item() if array.ndim == 0 else array


def _assumptions(assumptions: SavingsAssumptions | None) -> SavingsAssumptions:
    """``assumptions``, or those of ``savings.toml``; TypeError for anything else."""
    a = SavingsAssumptions.from_data() if assumptions is None else assumptions
    if not isinstance(a, SavingsAssumptions):
        raise TypeError(f"assumptions: must be a SavingsAssumptions, got {type(a).__name__}")
    return a


def discount_factor(periods, discount_rate_pct):
    """Discount factor ``(1 + r/100) ** -periods``.

    Parameters
    ----------
    periods : float or array_like
        Years from ``t = 0``.
    discount_rate_pct : float or array_like
        Discount rate in per cent a year; must be above -100. Broadcasts with ``periods``.

    Examples
    --------
    >>> round(float(discount_factor(2, 3.0)), 10) == round(1 / 1.03 ** 2, 10)
    True
    >>> discount_factor([0, 1], 0.0).tolist()
    [1.0, 1.0]
    """
    rate = _numbers("discount_rate_pct", discount_rate_pct)
    if np.any(~np.isfinite(rate)) or np.any(rate <= -100):
        raise ValueError("discount_rate_pct: must be finite and above -100 (per cent)")
    return _out((1.0 + rate / 100.0) ** -_numbers("periods", periods))


def npv(flows, discount_rate_pct, first_period: int = 1):
    """Net present value of yearly end-of-year flows.

    ``sum(flows[i] * (1 + r/100) ** -(first_period + i))``. With the default
    ``first_period=1`` the first flow arrives one year after ``t = 0`` (the
    module's convention); ``first_period=0`` gives ``numpy_financial.npv``.

    Parameters
    ----------
    flows : array_like
        Flows along the last axis, one per year.
    discount_rate_pct : float or array_like
        Rate(s) in per cent a year; an array gives one NPV per rate.
    first_period : int, default 1
        Period of the first flow.

    Examples
    --------
    >>> round(npv([1.3, 1.3], 3.0), 6) == round(1.3 / 1.03 + 1.3 / 1.03 ** 2, 6)
    True
    >>> npv([1.0, 1.0], [0.0, 100.0]).tolist()
    [2.0, 0.75]
    """
    values = _numbers("flows", flows)
    if values.ndim == 0:
        raise TypeError("flows: must be a sequence of yearly flows, got a single number")
    if not np.all(np.isfinite(values)):
        raise ValueError("flows: must be finite")
    if isinstance(first_period, bool) or not isinstance(first_period, (int, np.integer)):
        raise TypeError(f"first_period: must be a whole number, got {first_period!r}")
    rate = _numbers("discount_rate_pct", discount_rate_pct)
    periods = first_period + np.arange(values.shape[-1])
    factors = discount_factor(periods, rate[..., np.newaxis])
    return _out(np.sum(values * factors, axis=-1))


def implied_pre_reform_cost(saving, cut_rate_pct):
    """Pre-reform cost implied by a saving and a staff-cut rate.

    Assumes the cost is proportional to headcount, so cutting ``cut_rate_pct``
    per cent of the staff saves the same share of the cost:
    ``cost = saving / (cut_rate_pct / 100)``, i.e. 100 × :func:`~ygx_analysis.arithmetic.growth.share`
    of the two. Pay differences between the staff who left and those who stayed
    break the assumption.

    Parameters
    ----------
    saving : float, array_like, Reported or Interval
        Annual saving (any unit; the result is in the same unit), not negative.
    cut_rate_pct : float, array_like, Reported or Interval
        Staff-cut rate in per cent, in (0, 100].

    Returns
    -------
    float, ndarray or Interval
        An Interval (following the printed rounding and qualifiers) when either
        input is Reported or an Interval.

    Examples
    --------
    >>> round(float(implied_pre_reform_cost(1.3, 71.1)), 4)
    1.8284
    >>> implied_pre_reform_cost(Reported("1.3", "at_least", "亿元"), Reported("71.1", unit="%")).notation(5)
    '(1.8271, ∞)'
    """
    intervals = None
    if isinstance(saving, (Reported, Interval)) or isinstance(cut_rate_pct, (Reported, Interval)):
        intervals = as_interval(saving, "saving"), as_interval(cut_rate_pct, "cut_rate_pct")
        lows, rates = np.array([intervals[0].low]), np.array([intervals[1].low, intervals[1].high])
    else:
        lows, rates = _numbers("saving", saving), _numbers("cut_rate_pct", cut_rate_pct)
    if np.any(lows < 0):
        raise ValueError("saving: must not be negative")
    if np.any((rates <= 0) | (rates > 100)):
        raise ValueError("cut_rate_pct: must be in (0, 100]")
    if intervals is not None:
        return share(*intervals) * 100
    return _out(lows / (rates / 100.0))


PATH_COLUMNS = ("year", "t", "zone_saving", "group_saving", "nominal_saving", "transferred_cost", "net_saving",
                "discount_factor", "present_value", "net_present_value", "cumulative_nominal",
                "cumulative_present_value")
"""Columns of :func:`savings_path`."""


def savings_path(assumptions: SavingsAssumptions | None = None) -> pd.DataFrame:
    """Year-by-year savings: by line, gross and net, discounted to the valuation date, and cumulated.

    Parameters
    ----------
    assumptions : SavingsAssumptions, optional
        Defaults to ``SavingsAssumptions.from_data()``.

    Returns
    -------
    DataFrame
        One row per year, columns :data:`PATH_COLUMNS` (amounts in 亿元):

        * ``t``: years from the valuation date (the end of ``valuation_year``) to
          the flow: ``year - valuation_year`` for end-of-year flows, 0.5 less for
          mid-year; negative before the valuation date (compounded forward);
        * ``zone_saving``: ``annual_saving * (1 + wage_growth) ** (year - SAVING_YEAR)``,
          the zone's gross (fiscal) saving, times ``reform_year_share`` in 2024 (the
          reform year holds only part of a year's saving);
        * ``group_saving``: the state-owned group's line: ``group_cut_2024`` in 2024,
          and ``group_cut_2024 * (1 + group_growth) ** (year - 2024)`` later if
          ``group_recurs``, else 0;
        * ``nominal_saving``: the total: ``zone_saving``, plus ``group_saving`` only
          when ``include_group``;
        * ``transferred_cost``, ``net_saving``: the cost taken on by the receiving
          governments (grown like the saving) and ``nominal_saving`` net of it;
          NaN while ``transferred_cost`` is unknown;
        * ``discount_factor = (1 + r) ** -t``; ``present_value``, ``net_present_value``;
        * ``cumulative_nominal``, ``cumulative_present_value``: running sums.

        ``attrs`` holds the unit, the assumptions, the rows read and ``model_result=True``
        (gross model results, not printed figures).

    Examples
    --------
    >>> a = SavingsAssumptions.from_data(through_year=2027, discount_rate_pct=0, wage_growth_pct=0)
    >>> savings_path(a)[["year", "t", "nominal_saving", "cumulative_nominal"]].round(6).values.tolist()
    [[2025.0, 0.0, 1.3, 1.3], [2026.0, 1.0, 1.3, 2.6], [2027.0, 2.0, 1.3, 3.9]]
    """
    a = _assumptions(assumptions)
    years = a.years
    t = (years - a.valuation_year).astype(float) - (0.5 if a.timing == "mid" else 0.0)
    drift = (1.0 + a.wage_growth_pct / 100.0) ** (years - SAVING_YEAR)
    drift = drift * np.where(years == REFORM_YEAR, a.reform_year_share, 1.0)  # 2024: part of a year
    zone = a.annual_saving * drift
    later = years > REFORM_YEAR
    grown = a.group_cut_2024 * (1.0 + a.group_growth_pct / 100.0) ** np.where(later, years - REFORM_YEAR, 0)
    group = np.where(years == REFORM_YEAR, a.group_cut_2024, np.where(later & a.group_recurs, grown, 0.0))
    nominal = zone + (group if a.include_group else 0.0)
    moved = np.full(len(years), np.nan) if a.transferred_cost is None else a.transferred_cost * drift
    factor = np.asarray(discount_factor(t, a.discount_rate_pct), dtype=float)
    present = nominal * factor
    frame = pd.DataFrame({
        "year": years.astype("int64"), "t": t, "zone_saving": zone, "group_saving": group.astype(float),
        "nominal_saving": nominal, "transferred_cost": moved, "net_saving": nominal - moved, "discount_factor": factor,
        "present_value": present, "net_present_value": (nominal - moved) * factor,
        "cumulative_nominal": np.cumsum(nominal), "cumulative_present_value": np.cumsum(present)})
    frame.attrs.update({"unit": UNIT, "assumptions": a.to_dict(), "model_result": True,
                        "indicators": list(INDICATOR_IDS[:2])})
    return frame


def plan_windows(first_year: int, through_year: int) -> dict[str, tuple[int, int]]:
    """The reporting windows of a horizon: the rest of the 14th plan, the 15th plan, the whole horizon.

    ``plan14_rest`` (first_year–2025) appears only when the horizon starts by 2025.

    Examples
    --------
    >>> plan_windows(2025, 2030)
    {'plan14_rest': (2025, 2025), 'plan15': (2026, 2030), 'horizon': (2025, 2030)}
    """
    rest = {"plan14_rest": (first_year, PLAN14_END)} if first_year <= PLAN14_END else {}
    return {**rest, "plan15": PLAN15, "horizon": (first_year, through_year)}


def _sum_or_nan(path: pd.DataFrame, column: str, inside: np.ndarray) -> float:
    """The column's sum over ``inside``; NaN when the column is absent or holds NaN (unknown)."""
    if column not in path.columns:
        return math.nan
    values = path[column].to_numpy()[inside]
    return math.nan if np.isnan(values).any() else float(values.sum())


def window_summary(path: pd.DataFrame, windows: Mapping[str, tuple[int, int]] | None = None) -> pd.DataFrame:
    """Cumulative nominal saving and NPV over year windows of a savings path.

    Parameters
    ----------
    path : DataFrame
        Output of :func:`savings_path`.
    windows : mapping of name → (first, last year), optional
        Defaults to :func:`plan_windows` of the path's horizon.

    Returns
    -------
    DataFrame
        ``window, start, end, years, complete, cumulative_nominal, npv, net_nominal,
        net_npv``. ``years`` counts the path years inside the window; ``complete`` is
        False when the horizon covers only part of it. ``npv`` sums the window's
        present values at the path's valuation date (the end of ``valuation_year``),
        whatever the window. ``net_*`` are NaN while the transferred cost is unknown.

    Examples
    --------
    >>> s = window_summary(savings_path(SavingsAssumptions.from_data(discount_rate_pct=0, wage_growth_pct=0)))
    >>> row = s.set_index("window").loc["plan15"]
    >>> int(row["years"]), float(row["cumulative_nominal"])
    (5, 6.5)
    """
    missing = [c for c in ("year", "nominal_saving", "present_value") if c not in path.columns]
    if missing:
        raise ValueError(f"path: missing column(s) {', '.join(missing)}; pass the output of savings_path")
    years = path["year"].to_numpy()
    if windows is None:
        windows = plan_windows(int(years.min()), int(years.max()))
    rows = []
    for name, (start, end) in windows.items():
        if end < start:
            raise ValueError(f"windows: window {name!r} ends ({end}) before it starts ({start})")
        inside = (years >= start) & (years <= end)
        rows.append({"window": name, "start": int(start), "end": int(end), "years": int(inside.sum()),
                     "complete": bool(inside.sum() == end - start + 1),
                     "cumulative_nominal": float(path["nominal_saving"].to_numpy()[inside].sum()),
                     "npv": float(path["present_value"].to_numpy()[inside].sum()),
                     "net_nominal": _sum_or_nan(path, "net_saving", inside),
                     "net_npv": _sum_or_nan(path, "net_present_value", inside)})
    frame = pd.DataFrame(rows)
    frame.attrs.update({"unit": UNIT, "model_result": True})
    return frame


def savings_share_of_revenue(saving, revenue=None, indicators: pd.DataFrame | None = None):
    """A saving as a percentage of the zone's general budget revenue.

    ``saving / revenue * 100``. By default ``revenue`` is row
    ``general_budget_revenue_2024`` (2024, 亿元), whose scope is not established
    (:data:`REVENUE_SCOPE`): it is not the zone budget entity's own revenue, which is
    far smaller (pass ``revenue`` to divide by another base). A saving
    summed over several years, divided by one year's revenue, reads "worth N % of
    one year's revenue"; it is a comparison of size, not a budget share (the saving
    is on the cost side).

    Parameters
    ----------
    saving : float or array_like
        Saving(s) in 亿元, not negative.
    revenue : float, optional
        Revenue in 亿元, positive.

    Examples
    --------
    >>> round(savings_share_of_revenue(1.3), 4) == round(1.3 / 60.67 * 100, 4)
    True
    """
    amount = _numbers("saving", saving)
    if np.any(~np.isfinite(amount)) or np.any(amount < 0):
        raise ValueError("saving: must be finite and not negative")
    base = _reported(REVENUE_ID, indicators).value if revenue is None else _numbers("revenue", revenue)
    if np.ndim(base) != 0:
        raise TypeError(f"revenue: must be a single number ({UNIT}), got an array")
    if not math.isfinite(base) or base <= 0:
        raise ValueError(f"revenue: must be a positive number ({UNIT}), got {float(base)!r}")
    return _out(amount / base * 100.0)


def revenue_comparison(assumptions: SavingsAssumptions | None = None) -> pd.DataFrame:
    """Printed and modelled savings next to the article's revenue and the budget entity's own budget.

    Rows (``item``): ``zone_annual_saving`` (the assumption, by default the printed
    lower bound), ``group_cut_2024`` (printed), ``implied_pre_reform_cost`` (model:
    :func:`implied_pre_reform_cost` of the annual saving and row
    ``staff_reduction_rate_2024``, assuming cost proportional to headcount),
    ``plan15_cumulative_nominal`` and ``plan15_npv`` (model, 2026–2030, gross; present
    value at the end of ``valuation_year``). Each amount is divided by three bases:
    the article's 2024 一般预算收入 (``share_of_revenue_pct``; scope not established,
    ``attrs["revenue_scope"]``), and the zone budget entity's own 2025 local revenue
    and expenditure (``share_of_entity_revenue_pct``, ``share_of_entity_expenditure_pct``;
    rows :data:`~ygx_analysis.savings.assumptions.ENTITY_IDS`). ``years`` is the number
    of years an amount sums (5 for the 15th-plan rows): such a row divides a sum of
    years by one year's base.

    Returns
    -------
    DataFrame
        ``item, amount, years, share_of_revenue_pct, share_of_entity_revenue_pct,
        share_of_entity_expenditure_pct, kind, rows`` with ``kind`` one of
        ``company_cost`` (printed; the group's cut, a state-owned company's cost, not
        budget money), ``printed_lower_bound``, ``assumption``, ``model_result``.

    Examples
    --------
    >>> c = revenue_comparison().set_index("item")
    >>> c.loc["zone_annual_saving", "kind"], round(float(c.loc["group_cut_2024", "share_of_revenue_pct"]), 2)
    ('printed_lower_bound', 5.44)
    >>> c.attrs["revenue_scope"], round(float(c.loc["zone_annual_saving", "share_of_entity_revenue_pct"]), 1)
    ('not_established', 35.1)
    """
    a = _assumptions(assumptions)
    saving, group = _reported(ANNUAL_SAVING_ID), _reported(GROUP_CUT_ID)
    staff_cut, revenue = _reported(STAFF_CUT_ID).value, _reported(REVENUE_ID).value
    windows = window_summary(savings_path(a), {"plan15": PLAN15}).iloc[0]
    model_rows = f"{ANNUAL_SAVING_ID}, {GROUP_CUT_ID}"
    rows = [
        ("zone_annual_saving", a.annual_saving,
         "printed_lower_bound" if a.annual_saving == saving.value else "assumption", ANNUAL_SAVING_ID),
        ("group_cut_2024", a.group_cut_2024,
         "company_cost" if a.group_cut_2024 == group.value else "assumption", GROUP_CUT_ID),
        ("implied_pre_reform_cost", implied_pre_reform_cost(a.annual_saving, staff_cut), "model_result",
         f"{ANNUAL_SAVING_ID}, {STAFF_CUT_ID}"),
        ("plan15_cumulative_nominal", windows["cumulative_nominal"], "model_result", model_rows),
        ("plan15_npv", windows["npv"], "model_result", model_rows),
    ]
    frame = pd.DataFrame(rows, columns=["item", "amount", "kind", "rows"])
    plan_years = PLAN15[1] - PLAN15[0] + 1
    frame.insert(2, "years", [plan_years if item.startswith("plan15") else 1 for item in frame["item"]])
    entity, spending = _context_reported(ENTITY_REVENUE_ID).value, _context_reported(ENTITY_EXPENDITURE_ID).value
    for i, (column, base) in enumerate((("share_of_revenue_pct", revenue), ("share_of_entity_revenue_pct", entity),
                                        ("share_of_entity_expenditure_pct", spending))):
        frame.insert(3 + i, column, savings_share_of_revenue(frame["amount"].to_numpy(), base))
    frame.attrs.update({"unit": UNIT, "revenue": revenue, "revenue_id": REVENUE_ID, "revenue_scope": REVENUE_SCOPE,
                        "entity_revenue": entity, "entity_revenue_id": ENTITY_REVENUE_ID,
                        "entity_expenditure": spending, "entity_expenditure_id": ENTITY_EXPENDITURE_ID,
                        "plan15_complete": bool(windows["complete"]), "valuation_year": a.valuation_year})
    return frame


SENSITIVITY_MEASURES = ("cumulative_nominal", "npv")
"""What :func:`sensitivity` can measure over its window."""

_NOT_VARIED = ("first_year", "reform_year_share", "through_year", "include_group")
_GROUP_FIELDS = ("group_cut_2024", "group_recurs", "group_growth_pct")


def default_sensitivity_ranges(assumptions: SavingsAssumptions | None = None) -> dict[str, tuple[Any, Any]]:
    """The plausible ranges of the assumptions that move the total over a fixed window.

    Not varied: the two years (they set the horizon), ``reform_year_share`` (it
    moves only 2024, outside the default window) and ``include_group`` (a
    choice of what to count, not an uncertainty). The group's assumptions are
    varied only when the total includes the group's line. A value in use outside
    its range widens the range to hold it, so that the base case lies between
    the low and the high case (the tornado says so).

    Examples
    --------
    >>> sorted(default_sensitivity_ranges())
    ['annual_saving', 'discount_rate_pct', 'wage_growth_pct']
    >>> default_sensitivity_ranges(SavingsAssumptions.from_data(annual_saving=2.0))["annual_saving"]
    (1.3, 2.0)
    """
    a = _assumptions(assumptions)
    skip = _NOT_VARIED + (() if a.include_group else _GROUP_FIELDS)

    def holding(name: str, low: Any, high: Any) -> tuple[Any, Any]:
        value = getattr(a, name)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return low, high
        return min(low, value), max(high, value)

    return {k: holding(k, *v) for k, v in a.plausible_ranges().items() if k not in skip}


def sensitivity(assumptions: SavingsAssumptions | None = None,
                ranges: Mapping[str, Sequence[Any]] | None = None, *,
                window: tuple[int, int] = PLAN15, measure: str = "cumulative_nominal") -> pd.DataFrame:
    """One-at-a-time sensitivity (a tornado table) of the saving over a window.

    Each assumption in ``ranges`` is set to its low and then its high value, the
    others staying at ``assumptions``; the saving over ``window`` (default the
    15th plan, 2026–2030) is recomputed each time.

    Parameters
    ----------
    assumptions : SavingsAssumptions, optional
        The base case; defaults to ``SavingsAssumptions.from_data()``.
    ranges : mapping of field name → (low, high), optional
        Defaults to :func:`default_sensitivity_ranges` (the documented plausible ranges).
    window : (int, int)
        First and last year; must lie inside the base case's horizon.
    measure : {'cumulative_nominal', 'npv'}
        Nominal sum or present value (at the path's ``t = 0``) over the window.

    Returns
    -------
    DataFrame
        ``assumption, base_value, low_value, high_value, result_low, result_base,
        result_high, change_low, change_high, swing``, sorted by ``swing``
        (``|result_high - result_low|``) from largest to smallest, ties in the
        order given. Results in 亿元; ``attrs`` records measure, window and unit.

    Examples
    --------
    >>> s = sensitivity()
    >>> s["assumption"].tolist()
    ['wage_growth_pct', 'annual_saving', 'discount_rate_pct']
    >>> g = sensitivity(SavingsAssumptions.from_data(include_group=True, group_growth_pct=0.0))
    >>> g.iloc[0]["assumption"], bool(round(g.iloc[0]["swing"], 6) == round(3.3 * 5, 6))
    ('group_recurs', True)
    """
    a = _assumptions(assumptions)
    if measure not in SENSITIVITY_MEASURES:
        raise ValueError(f"measure: unknown measure {measure!r}; expected one of {', '.join(SENSITIVITY_MEASURES)}")
    try:
        start, end = (int(y) for y in window)
    except (TypeError, ValueError):
        raise ValueError(f"window: must be (first year, last year), got {window!r}") from None
    if end < start:
        raise ValueError(f"window: must be (first year, last year) in order, got {window!r}")
    ranges = default_sensitivity_ranges(a) if ranges is None else ranges

    def result(case: SavingsAssumptions) -> float:
        if case.first_year > start or case.through_year < end:
            raise ValueError(f"window: {start}-{end} is not inside the horizon {case.first_year}-{case.through_year}")
        summary = window_summary(savings_path(case), {"window": (start, end)})
        return float(summary[measure].iloc[0])

    base = result(a)
    rows = []
    for name, pair in ranges.items():
        if name not in NAMES:
            raise ValueError(f"ranges: unknown assumption {name!r}; expected one of {', '.join(sorted(NAMES))}")
        if isinstance(pair, (str, bytes)) or not isinstance(pair, Sequence):
            raise TypeError(f"ranges: {name} needs a (low, high) pair, got {pair!r}")
        if len(pair) != 2:
            raise ValueError(f"ranges: {name} needs a (low, high) pair, got {pair!r}")
        low, high = pair
        r_low, r_high = result(replace(a, **{name: low})), result(replace(a, **{name: high}))
        rows.append({"assumption": name, "base_value": getattr(a, name), "low_value": low, "high_value": high,
                     "result_low": r_low, "result_base": base, "result_high": r_high, "change_low": r_low - base,
                     "change_high": r_high - base, "swing": abs(r_high - r_low)})
    columns = ["assumption", "base_value", "low_value", "high_value", "result_low", "result_base",
               "result_high", "change_low", "change_high", "swing"]
    frame = pd.DataFrame(rows, columns=columns)
    frame = frame.sort_values("swing", ascending=False, kind="stable").reset_index(drop=True)
    frame.attrs.update({"measure": measure, "window": (start, end), "unit": UNIT, "model_result": True})
    return frame
