"""The reform cost-savings model: from an annual saving to cumulative and discounted sums.

The article (section 改革破局) prints three figures about the 2024 reform:

* ``staff_reduction_rate_2024``: serving staff (incl. state-owned firms) cut by 71.1 %;
* ``hr_cost_saving_annual``: "每年减少人力资源成本1.3亿元以上", an annual saving of
  **at least** 1.3亿元 (a lower bound, not a point estimate);
* ``group_hr_cost_cut_2024``: the merged state-owned group 益阳投控集团 "2024年降低人力资源成本3.3亿元",
  a cut dated 2024 only.

:class:`SavingsAssumptions` turns them into a yearly path with
:func:`savings_path`. Everything the path adds to the printed figures
(growth, discounting, recurrence) is an assumption with a default, a rationale
and a plausible range (:meth:`SavingsAssumptions.assumptions_table`). Every
number the path holds is a **model result**, not a figure printed in the article.

Discounting convention
----------------------
* ``t = 0`` is the **end of the year before** ``first_year`` (with the default
  ``first_year=2025``: the end of 2024, the reform year). Present values are in
  money of that date.
* Each year's saving is one **end-of-year** flow: year ``y`` sits at
  ``t = y - first_year + 1`` and is discounted by ``(1 + r) ** -t``.
* The NPV of a window (e.g. the 15th plan, 2026–2030) is the sum of that
  window's present values at the **same** ``t = 0``; it is not re-based to the
  window's first year.

``numpy_financial.npv`` discounts its first value at ``t = 0``; the same numbers
come out of it when a zero is put in front of the flows (see the tests).

This module imports only numpy and pandas (and the package's own data loaders).
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

import numpy as np
import pandas as pd

from .data import load_indicators
from .data import reported as _reported
from .reported import approx_more_step

ANNUAL_SAVING_ID = "hr_cost_saving_annual"
"""Row of the zone's annual HR-cost saving (printed 1.3亿元以上, a lower bound)."""
GROUP_CUT_ID = "group_hr_cost_cut_2024"
"""Row of the state-owned group's 2024 HR-cost cut (printed 3.3亿元)."""
REVENUE_ID = "general_budget_revenue_2024"
"""Row of the zone's 2024 general budget revenue (printed 60.67亿元)."""
STAFF_CUT_ID = "staff_reduction_rate_2024"
"""Row of the staff-cut rate of the reform (printed 71.1%)."""
INDICATOR_IDS = (ANNUAL_SAVING_ID, GROUP_CUT_ID, STAFF_CUT_ID, REVENUE_ID)
"""Every data row the model reads."""

REFORM_YEAR = 2024
"""The year of the reform and of the group's printed cut (period of rows
``staff_reduction_rate_2024`` and ``group_hr_cost_cut_2024``; a test checks this)."""
PLAN14_END = 2025
"""Last year of the 14th Five-Year Plan (十四五, 2021–2025)."""
PLAN15 = (2026, 2030)
"""First and last year of the 15th Five-Year Plan (十五五)."""
MAX_YEAR = 2100
"""Latest ``through_year`` accepted (guards against typing errors such as 20300)."""
UNIT = "亿元"
"""Unit of every amount in this module (1亿元 = 1e8 yuan), as printed."""

CONVENTION = ("t=0 is the end of the year before first_year; each year's saving is an "
              "end-of-year flow discounted by (1+r)^-t with t = year - first_year + 1; "
              "a window's NPV sums its present values at the same t=0.")
"""The discounting convention in one line (also written into CLI output)."""

MODEL_NOTE = ("Model result, not a figure printed in the article. The zone's annual saving "
              "is the printed lower bound (1.3亿元以上) unless changed.")
"""Note attached to every model output."""


def _printed_value(row_id: str, indicators: pd.DataFrame | None = None) -> float:
    return _reported(row_id, indicators).value


def _check_rate(name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError(f"{name}: must be a number (per cent), got {value!r}")
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"{name}: must be finite, got {value}")
    if value <= -100:
        raise ValueError(f"{name}: must be above -100 (per cent), got {value:g}")
    return value


def _check_amount(name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError(f"{name}: must be a number ({UNIT}), got {value!r}")
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"{name}: must be finite, got {value}")
    if value < 0:
        raise ValueError(f"{name}: must not be negative, got {value:g}")
    return value


def _check_year(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ValueError(f"{name}: must be a whole year such as 2025, got {value!r}")
    return int(value)


@dataclass(frozen=True)
class SavingsAssumptions:
    """Everything the savings model assumes, with documented defaults.

    Amounts are in 亿元 (1e8 yuan), rates in per cent a year. Leave
    ``annual_saving`` and ``group_cut_2024`` as ``None`` to read them from the
    data rows. :meth:`assumptions_table` lists every field with its value,
    rationale and plausible range; :meth:`plausible_ranges` gives the ranges
    that :func:`sensitivity` uses by default.

    Parameters
    ----------
    annual_saving : float, optional
        The zone's annual HR-cost saving in ``first_year``, 亿元. Default: the row
        ``hr_cost_saving_annual``, printed "1.3亿元以上", i.e. **at least** 1.3,
        so every result built on it is a lower bound for the zone component.
        Plausible range: [1.3, 1.4], from the printed bound to one step of the
        last printed digit above it (a saving of 1.4 or more would most likely
        have been printed as "1.4亿元以上"; a reading of the printing, not a fact).
    first_year : int, default 2025
        First year in which the zone's annual saving is counted. The reform ran
        during 2024, so 2024 holds at most part of a year's saving; 2025 is the
        first full year, and the article's "每年" describes a recurring amount.
        Plausible range: 2024–2025. Must be 2024 (the reform year) or later.
    through_year : int, default 2030
        Last year counted: the end of the 15th Five-Year Plan (十五五, 2026–2030).
        Plausible range: 2030–2035. Must not be before ``first_year``.
    wage_growth_pct : float, default 0.0
        Yearly growth of the avoided cost, per cent (nominal): the pay the removed
        posts would have drawn. Default 0: the printed figure repeated flat in
        nominal terms, the literal reading of "每年减少…1.3亿元以上" (and
        conservative in nominal terms). Plausible range: −2 to 5: public-sector
        pay has been frozen or trimmed where local finances are tight, while
        average urban wages grew by about 3–6 % a year in 2022–2024 (NBS; not in
        ``data/``, check before citing).
    discount_rate_pct : float, default 3.0
        Nominal discount rate, per cent a year: roughly the zone government's
        cost of borrowing (long-dated local government bonds yielded about
        2–3 % in 2024–2025; not in ``data/``). Plausible range: 2 to 8, the
        upper end being the 8 % social discount rate of 建设项目经济评价方法与参数
        (第三版, 2006). Must be above −100.
    group_cut_2024 : float, optional
        The state-owned group's HR-cost cut in 2024, 亿元. Default: the row
        ``group_hr_cost_cut_2024`` (3.3, printed as exact). It is counted in
        2024 when the horizon includes 2024. Plausible range: [3.25, 3.35], the
        rounding interval of the printed figure.
    group_recurs : bool, default False
        Whether the group's 2024 cut recurs in every later year. The article
        prints a 2024 cut only ("2024年降低"), while it calls the zone's saving
        annual ("每年减少"); it does not say the group's cut recurs. The 71.1 %
        staff cut explicitly includes state-owned firms ("含国企"), so the annual
        1.3亿元 may already contain part of the group's saving, and adding a
        recurring 3.3亿元 could count it twice. Hence the default ``False``;
        ``True`` is the upper scenario.
    group_growth_pct : float, default 0.0
        Yearly growth of the group's cut after 2024 when it recurs, per cent.
        Plausible range: −2 to 5 (as ``wage_growth_pct``). No effect unless
        ``group_recurs``.

    Raises
    ------
    ValueError
        One line starting with the argument's name, e.g.
        ``through_year: must not be before first_year (2025), got 2024``.

    Examples
    --------
    >>> a = SavingsAssumptions()
    >>> a.annual_saving, a.group_cut_2024, a.first_year, a.through_year
    (1.3, 3.3, 2025, 2030)
    >>> SavingsAssumptions(discount_rate_pct=-100)
    Traceback (most recent call last):
    ...
    ValueError: discount_rate_pct: must be above -100 (per cent), got -100
    """

    annual_saving: float | None = None
    first_year: int = 2025
    through_year: int = PLAN15[1]
    wage_growth_pct: float = 0.0
    discount_rate_pct: float = 3.0
    group_cut_2024: float | None = None
    group_recurs: bool = False
    group_growth_pct: float = 0.0

    def __post_init__(self) -> None:
        indicators = None
        if self.annual_saving is None or self.group_cut_2024 is None:
            indicators = load_indicators()
        annual = _printed_value(ANNUAL_SAVING_ID, indicators) if self.annual_saving is None \
            else self.annual_saving
        group = _printed_value(GROUP_CUT_ID, indicators) if self.group_cut_2024 is None \
            else self.group_cut_2024
        set_ = object.__setattr__
        set_(self, "annual_saving", _check_amount("annual_saving", annual))
        set_(self, "group_cut_2024", _check_amount("group_cut_2024", group))
        first = _check_year("first_year", self.first_year)
        through = _check_year("through_year", self.through_year)
        if first < REFORM_YEAR:
            raise ValueError(f"first_year: must be {REFORM_YEAR} (the reform year) or later, got {first}")
        if through < first:
            raise ValueError(f"through_year: must not be before first_year ({first}), got {through}")
        if through > MAX_YEAR:
            raise ValueError(f"through_year: must be {MAX_YEAR} or earlier, got {through}")
        set_(self, "first_year", first)
        set_(self, "through_year", through)
        for name in ("wage_growth_pct", "discount_rate_pct", "group_growth_pct"):
            set_(self, name, _check_rate(name, getattr(self, name)))
        if not isinstance(self.group_recurs, (bool, np.bool_)):
            raise ValueError(f"group_recurs: must be True or False, got {self.group_recurs!r}")
        set_(self, "group_recurs", bool(self.group_recurs))

    @property
    def years(self) -> np.ndarray:
        """The years counted, ``first_year`` … ``through_year``."""
        return np.arange(self.first_year, self.through_year + 1)

    def to_dict(self) -> dict[str, Any]:
        """The assumptions as a plain dict (for JSON).

        Examples
        --------
        >>> SavingsAssumptions().to_dict()["group_recurs"]
        False
        """
        return asdict(self)

    def plausible_ranges(self, indicators: pd.DataFrame | None = None) -> dict[str, tuple[Any, Any]]:
        """The plausible (low, high) of every assumption, as documented above.

        The range of ``annual_saving`` runs from the printed bound of row
        ``hr_cost_saving_annual`` to one step of its last printed digit above
        (:func:`~ygx_analysis.reported.approx_more_step`); that of
        ``group_cut_2024`` is the rounding interval of row ``group_hr_cost_cut_2024``.

        Examples
        --------
        >>> r = SavingsAssumptions().plausible_ranges()
        >>> r["annual_saving"], r["discount_rate_pct"], r["group_recurs"]
        ((1.3, 1.4), (2.0, 8.0), (False, True))
        """
        saving = _reported(ANNUAL_SAVING_ID, indicators)
        group = _reported(GROUP_CUT_ID, indicators)
        step = approx_more_step(saving.text)
        return {
            "annual_saving": (saving.low, round(saving.low + step, saving.decimals + 1)),
            "first_year": (REFORM_YEAR, PLAN14_END),
            "through_year": (PLAN15[1], 2035),
            "wage_growth_pct": (-2.0, 5.0),
            "discount_rate_pct": (2.0, 8.0),
            "group_cut_2024": (group.low, group.high),
            "group_recurs": (False, True),
            "group_growth_pct": (-2.0, 5.0),
        }

    def assumptions_table(self, lang: str = "en", indicators: pd.DataFrame | None = None) -> pd.DataFrame:
        """One row per assumption: value, unit, basis, plausible range and rationale.

        Parameters
        ----------
        lang : {'en', 'zh'}
            Language of labels, basis and rationale (column names stay English).

        Examples
        --------
        >>> t = SavingsAssumptions().assumptions_table()
        >>> t.loc[t["assumption"] == "annual_saving", ["value", "low", "high", "basis"]].iloc[0].tolist()
        [1.3, 1.3, 1.4, 'data row hr_cost_saving_annual (printed 1.3亿元以上: a lower bound)']
        """
        if lang not in ("zh", "en"):
            raise ValueError(f"lang: unknown language {lang!r}; expected 'zh' or 'en'")
        ranges = self.plausible_ranges(indicators)
        saving = _reported(ANNUAL_SAVING_ID, indicators)
        group = _reported(GROUP_CUT_ID, indicators)
        staff = _reported(STAFF_CUT_ID, indicators)
        k = 0 if lang == "zh" else 1
        next_bound = replace(saving, text=f"{ranges['annual_saving'][1]:.{saving.decimals}f}")
        words = {"saving": str(saving), "next_bound": str(next_bound), "group": str(group),
                 "saving_short": f"{saving.text}{saving.unit}", "staff": str(staff),
                 "reform": REFORM_YEAR, "plan15": f"{PLAN15[0]}–{PLAN15[1]}"}
        rows = []
        for f in fields(self):
            label, unit, rationale = (tuple(text.format(**words) for text in pair)
                                      for pair in _ASSUMPTION_TEXT[f.name])
            value = getattr(self, f.name)
            if f.name == "annual_saving":
                basis = (f"数据行 {ANNUAL_SAVING_ID}（原文 {saving}，下限）",
                         f"data row {ANNUAL_SAVING_ID} (printed {saving}: a lower bound)")
                if value != saving.value:
                    basis = ("用户设定（数据行下限见范围）", "set by the user (data row's bound: see low)")
            elif f.name == "group_cut_2024":
                basis = (f"数据行 {GROUP_CUT_ID}（原文 {group}）", f"data row {GROUP_CUT_ID} (printed {group})")
                if value != group.value:
                    basis = ("用户设定", "set by the user")
            else:
                basis = ("假设", "assumption")
            low, high = ranges[f.name]
            rows.append({"assumption": f.name, "label": label[k], "value": value, "unit": unit[k],
                         "low": low, "high": high, "basis": basis[k], "rationale": rationale[k]})
        return pd.DataFrame(rows)


_ASSUMPTION_TEXT: dict[str, tuple[tuple[str, str], tuple[str, str], tuple[str, str]]] = {
    "annual_saving": (
        ("高新区每年减少的人力资源成本", "Zone's annual HR-cost saving"), ("亿元/年", "亿元 a year"),
        ("原文“{saving}”是下限；上限取末位数字进一步（若更高，原文多半会写“{next_bound}”）。",
         "Printed '{saving}' is a lower bound; the high end is one step of the last printed digit "
         "(more would likely have been printed as '{next_bound}').")),
    "first_year": (
        ("首个计入年份", "First year counted"), ("年", "year"),
        ("改革于{reform}年实施，当年只有部分年度节约；次年是第一个完整年度。",
         "The reform ran during {reform}, so that year holds at most part of a year's saving; the next "
         "year is the first full one.")),
    "through_year": (
        ("最后计入年份", "Last year counted"), ("年", "year"),
        ("“十五五”（{plan15}）末年。", "End of the 15th Five-Year Plan ({plan15}).")),
    "wage_growth_pct": (
        ("被节约成本的年增长率（名义）", "Growth of the avoided cost (nominal)"), ("%/年", "% a year"),
        ("默认：按原文数字逐年持平（名义）。低端：财政紧张地区冻结或下调薪酬；"
         "高端：近年城镇平均工资名义增速（国家统计局，未收入data/）。",
         "Default: the printed figure held flat in nominal terms. Low end: pay frozen or trimmed "
         "where local finances are tight; high end: recent nominal growth of average urban wages "
         "(NBS; not in data/).")),
    "discount_rate_pct": (
        ("贴现率（名义）", "Discount rate (nominal)"), ("%/年", "% a year"),
        ("约为地方政府的融资成本（长期地方政府债券收益率，未收入data/）；"
         "高端为《建设项目经济评价方法与参数（第三版）》的社会折现率。",
         "About the local government's cost of borrowing (yield of long-dated local government bonds; "
         "not in data/); the high end is the social discount rate of the national project appraisal "
         "guide (建设项目经济评价方法与参数, 3rd edition, 2006).")),
    "group_cut_2024": (
        ("投控集团{reform}年降低的人力资源成本", "State-owned group's {reform} HR-cost cut"), ("亿元", "亿元"),
        ("原文数字（{group}）；范围为印刷精度的舍入区间。计入期包含{reform}年时计入该年。",
         "As printed ({group}); the range is its rounding interval. Counted in {reform} when the "
         "horizon includes that year.")),
    "group_recurs": (
        ("集团降本是否逐年重复", "Group's cut recurs after {reform}"), ("是/否", "yes/no"),
        ("默认否：原文只写“{reform}年降低”，而高新区写“每年减少”；{staff}的精减率含国企，"
         "{saving_short}可能已含集团部分，逐年再加{group}可能重复计算。",
         "Default no: the article prints a {reform} cut only ('{reform}年降低'), but calls the zone's "
         "saving annual ('每年减少'); the {staff} staff cut includes state-owned firms, so the "
         "{saving_short} may already contain part of the group's saving and a recurring {group} "
         "could count it twice.")),
    "group_growth_pct": (
        ("集团降本的年增长率（若重复）", "Growth of the group's cut if it recurs"), ("%/年", "% a year"),
        ("同被节约成本的增长率；集团降本不重复时无影响。",
         "As the growth of the avoided cost; no effect unless the group's cut recurs.")),
}
"""Field → ((label zh, en), (unit zh, en), (rationale zh, en))."""


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
    rate = np.asarray(discount_rate_pct, dtype=float)
    if np.any(~np.isfinite(rate)) or np.any(rate <= -100):
        raise ValueError("discount_rate_pct: must be finite and above -100 (per cent)")
    result = (1.0 + rate / 100.0) ** -np.asarray(periods, dtype=float)
    return result.item() if result.ndim == 0 else result


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
    values = np.asarray(flows, dtype=float)
    if values.ndim == 0:
        raise ValueError("flows: must be a sequence of yearly flows")
    if not np.all(np.isfinite(values)):
        raise ValueError("flows: must be finite")
    rate = np.asarray(discount_rate_pct, dtype=float)
    periods = first_period + np.arange(values.shape[-1])
    factors = discount_factor(periods, rate[..., np.newaxis])
    result = np.sum(values * factors, axis=-1)
    return result.item() if np.ndim(result) == 0 else result


def implied_pre_reform_cost(saving, cut_rate_pct):
    """Pre-reform cost implied by a saving and a staff-cut rate.

    Assumes the cost is proportional to headcount, so cutting ``cut_rate_pct``
    per cent of the staff saves the same share of the cost:
    ``cost = saving / (cut_rate_pct / 100)``. Pay differences between the staff
    who left and those who stayed break the assumption.

    Parameters
    ----------
    saving : float or array_like
        Annual saving (any unit; the result is in the same unit).
    cut_rate_pct : float or array_like
        Staff-cut rate in per cent, in (0, 100].

    Examples
    --------
    >>> round(float(implied_pre_reform_cost(1.3, 71.1)), 4)
    1.8284
    """
    saving = np.asarray(saving, dtype=float)
    rate = np.asarray(cut_rate_pct, dtype=float)
    if np.any(saving < 0):
        raise ValueError("saving: must not be negative")
    if np.any((rate <= 0) | (rate > 100)):
        raise ValueError("cut_rate_pct: must be in (0, 100]")
    result = saving / (rate / 100.0)
    return result.item() if result.ndim == 0 else result


PATH_COLUMNS = ("year", "t", "zone_saving", "group_saving", "nominal_saving", "discount_factor",
                "present_value", "cumulative_nominal", "cumulative_present_value")
"""Columns of :func:`savings_path`."""


def savings_path(assumptions: SavingsAssumptions | None = None) -> pd.DataFrame:
    """Year-by-year savings: nominal by component, discounted, and cumulated.

    Parameters
    ----------
    assumptions : SavingsAssumptions, optional
        Defaults to ``SavingsAssumptions()``.

    Returns
    -------
    DataFrame
        One row per year, columns :data:`PATH_COLUMNS` (amounts in 亿元):

        * ``t``: years from ``t = 0`` (end of ``first_year - 1``), end-of-year flows;
        * ``zone_saving``: ``annual_saving * (1 + wage_growth) ** (year - first_year)``;
        * ``group_saving``: ``group_cut_2024`` in 2024, and
          ``group_cut_2024 * (1 + group_growth) ** (year - 2024)`` later if ``group_recurs``, else 0;
        * ``nominal_saving``: their sum; ``present_value = nominal_saving * discount_factor``;
        * ``cumulative_nominal``, ``cumulative_present_value``: running sums.

        ``attrs`` holds the unit, the convention, the assumptions and a note that
        these are model results.

    Examples
    --------
    >>> p = savings_path(SavingsAssumptions(through_year=2027, discount_rate_pct=0))
    >>> p[["year", "nominal_saving", "cumulative_nominal"]].round(6).values.tolist()
    [[2025.0, 1.3, 1.3], [2026.0, 1.3, 2.6], [2027.0, 1.3, 3.9]]
    """
    a = SavingsAssumptions() if assumptions is None else assumptions
    if not isinstance(a, SavingsAssumptions):
        raise ValueError(f"assumptions: must be a SavingsAssumptions, got {type(a).__name__}")
    years = a.years
    t = years - a.first_year + 1
    zone = a.annual_saving * (1.0 + a.wage_growth_pct / 100.0) ** (years - a.first_year)
    later = years > REFORM_YEAR
    grown = a.group_cut_2024 * (1.0 + a.group_growth_pct / 100.0) ** np.where(later, years - REFORM_YEAR, 0)
    group = np.where(years == REFORM_YEAR, a.group_cut_2024, np.where(later & a.group_recurs, grown, 0.0))
    nominal = zone + group
    factor = discount_factor(t, a.discount_rate_pct)
    present = nominal * factor
    frame = pd.DataFrame({
        "year": years.astype("int64"),
        "t": t.astype("int64"),
        "zone_saving": zone,
        "group_saving": group.astype(float),
        "nominal_saving": nominal,
        "discount_factor": np.asarray(factor, dtype=float),
        "present_value": present,
        "cumulative_nominal": np.cumsum(nominal),
        "cumulative_present_value": np.cumsum(present),
    })
    frame.attrs.update({"unit": UNIT, "convention": CONVENTION, "assumptions": a.to_dict(),
                        "note": MODEL_NOTE, "indicators": list(INDICATOR_IDS[:2])})
    return frame


def plan_windows(first_year: int, through_year: int) -> dict[str, tuple[int, int]]:
    """The reporting windows of a horizon: the rest of the 14th plan, the 15th plan, the whole horizon.

    ``plan14_rest`` (first_year–2025) appears only when the horizon starts by 2025.

    Examples
    --------
    >>> plan_windows(2025, 2030)
    {'plan14_rest': (2025, 2025), 'plan15': (2026, 2030), 'horizon': (2025, 2030)}
    """
    windows: dict[str, tuple[int, int]] = {}
    if first_year <= PLAN14_END:
        windows["plan14_rest"] = (first_year, PLAN14_END)
    windows["plan15"] = PLAN15
    windows["horizon"] = (first_year, through_year)
    return windows


def window_summary(path: pd.DataFrame,
                   windows: Mapping[str, tuple[int, int]] | None = None) -> pd.DataFrame:
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
        ``window, start, end, years, complete, cumulative_nominal, npv``. ``years``
        counts the path years inside the window; ``complete`` is False when the
        horizon covers only part of it. ``npv`` sums the window's present values at
        the path's ``t = 0`` (see the module's convention).

    Examples
    --------
    >>> s = window_summary(savings_path(SavingsAssumptions(discount_rate_pct=0)))
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
        rows.append({
            "window": name, "start": int(start), "end": int(end), "years": int(inside.sum()),
            "complete": bool(inside.sum() == end - start + 1),
            "cumulative_nominal": float(path["nominal_saving"].to_numpy()[inside].sum()),
            "npv": float(path["present_value"].to_numpy()[inside].sum()),
        })
    frame = pd.DataFrame(rows)
    frame.attrs.update({"unit": UNIT, "convention": CONVENTION, "note": MODEL_NOTE})
    return frame


def savings_share_of_revenue(saving, revenue=None, indicators: pd.DataFrame | None = None):
    """A saving as a percentage of the zone's general budget revenue.

    ``saving / revenue * 100``. By default ``revenue`` is row
    ``general_budget_revenue_2024`` (2024, 亿元). A saving summed over several
    years, divided by one year's revenue, reads "worth N % of one year's revenue";
    it is a comparison of size, not a budget share (the saving is on the cost side).

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
    amount = np.asarray(saving, dtype=float)
    if np.any(~np.isfinite(amount)) or np.any(amount < 0):
        raise ValueError("saving: must be finite and not negative")
    base = _printed_value(REVENUE_ID, indicators) if revenue is None else revenue
    if isinstance(base, bool) or not isinstance(base, numbers.Real) or not math.isfinite(base) or base <= 0:
        raise ValueError(f"revenue: must be a positive number ({UNIT}), got {base!r}")
    result = amount / float(base) * 100.0
    return result.item() if result.ndim == 0 else result


def revenue_comparison(assumptions: SavingsAssumptions | None = None,
                       indicators: pd.DataFrame | None = None) -> pd.DataFrame:
    """Printed and modelled savings next to the 2024 general budget revenue.

    Rows (``item``): ``zone_annual_saving`` (the assumption, by default the printed
    lower bound), ``group_cut_2024`` (printed), ``implied_pre_reform_cost`` (model:
    :func:`implied_pre_reform_cost` of the annual saving and row
    ``staff_reduction_rate_2024``, assuming cost proportional to headcount),
    ``plan15_cumulative_nominal`` and ``plan15_npv`` (model, 2026–2030).

    Returns
    -------
    DataFrame
        ``item, amount, share_of_revenue_pct, kind, rows`` with ``kind`` one of
        ``printed``, ``printed_lower_bound``, ``assumption``, ``model_result``.

    Examples
    --------
    >>> c = revenue_comparison().set_index("item")
    >>> c.loc["zone_annual_saving", "kind"], round(float(c.loc["group_cut_2024", "share_of_revenue_pct"]), 2)
    ('printed_lower_bound', 5.44)
    """
    a = SavingsAssumptions() if assumptions is None else assumptions
    ind = load_indicators() if indicators is None else indicators
    saving = _reported(ANNUAL_SAVING_ID, ind)
    group = _reported(GROUP_CUT_ID, ind)
    staff_cut = _printed_value(STAFF_CUT_ID, ind)
    revenue = _printed_value(REVENUE_ID, ind)
    windows = window_summary(savings_path(a), {"plan15": PLAN15}).iloc[0]
    model_rows = f"{ANNUAL_SAVING_ID}, {GROUP_CUT_ID}"
    rows = [
        ("zone_annual_saving", a.annual_saving,
         "printed_lower_bound" if a.annual_saving == saving.value else "assumption", ANNUAL_SAVING_ID),
        ("group_cut_2024", a.group_cut_2024,
         "printed" if a.group_cut_2024 == group.value else "assumption", GROUP_CUT_ID),
        ("implied_pre_reform_cost", implied_pre_reform_cost(a.annual_saving, staff_cut), "model_result",
         f"{ANNUAL_SAVING_ID}, {STAFF_CUT_ID}"),
        ("plan15_cumulative_nominal", windows["cumulative_nominal"], "model_result", model_rows),
        ("plan15_npv", windows["npv"], "model_result", model_rows),
    ]
    frame = pd.DataFrame(rows, columns=["item", "amount", "kind", "rows"])
    frame.insert(2, "share_of_revenue_pct", savings_share_of_revenue(frame["amount"].to_numpy(), revenue))
    frame.attrs.update({"unit": UNIT, "revenue": revenue, "revenue_id": REVENUE_ID,
                        "plan15_complete": bool(windows["complete"])})
    return frame


SENSITIVITY_MEASURES = ("cumulative_nominal", "npv")
"""What :func:`sensitivity` can measure over its window."""


def default_sensitivity_ranges(assumptions: SavingsAssumptions | None = None,
                               indicators: pd.DataFrame | None = None) -> dict[str, tuple[Any, Any]]:
    """The plausible ranges of every assumption except the two years (which set the horizon)."""
    a = SavingsAssumptions() if assumptions is None else assumptions
    ranges = a.plausible_ranges(indicators)
    return {k: v for k, v in ranges.items() if k not in ("first_year", "through_year")}


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
        The base case; defaults to ``SavingsAssumptions()``.
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
    >>> s.iloc[0]["assumption"], bool(round(s.iloc[0]["swing"], 6) == round(3.3 * 5, 6))
    ('group_recurs', True)
    """
    a = SavingsAssumptions() if assumptions is None else assumptions
    if not isinstance(a, SavingsAssumptions):
        raise ValueError(f"assumptions: must be a SavingsAssumptions, got {type(a).__name__}")
    if measure not in SENSITIVITY_MEASURES:
        raise ValueError(f"measure: unknown measure {measure!r}; expected one of {', '.join(SENSITIVITY_MEASURES)}")
    try:
        start, end = (int(y) for y in window)
    except (TypeError, ValueError):
        raise ValueError(f"window: must be (first year, last year), got {window!r}") from None
    if end < start:
        raise ValueError(f"window: must be (first year, last year) in order, got {window!r}")
    ranges = default_sensitivity_ranges(a) if ranges is None else ranges
    names = {f.name for f in fields(SavingsAssumptions)}
    column = "cumulative_nominal" if measure == "cumulative_nominal" else "npv"

    def result(case: SavingsAssumptions) -> float:
        if case.first_year > start or case.through_year < end:
            raise ValueError(f"window: {start}-{end} is not inside the horizon "
                             f"{case.first_year}-{case.through_year}")
        summary = window_summary(savings_path(case), {"window": (start, end)})
        return float(summary[column].iloc[0])

    base = result(a)
    rows = []
    for name, pair in ranges.items():
        if name not in names:
            raise ValueError(f"ranges: unknown assumption {name!r}; expected one of {', '.join(sorted(names))}")
        if isinstance(pair, (str, bytes)) or len(pair) != 2:
            raise ValueError(f"ranges: {name} needs a (low, high) pair, got {pair!r}")
        low, high = pair
        r_low = result(replace(a, **{name: low}))
        r_high = result(replace(a, **{name: high}))
        rows.append({"assumption": name, "base_value": getattr(a, name), "low_value": low,
                     "high_value": high, "result_low": r_low, "result_base": base, "result_high": r_high,
                     "change_low": r_low - base, "change_high": r_high - base,
                     "swing": abs(r_high - r_low)})
    columns = ["assumption", "base_value", "low_value", "high_value", "result_low", "result_base",
               "result_high", "change_low", "change_high", "swing"]
    frame = pd.DataFrame(rows, columns=columns)
    frame = frame.sort_values("swing", ascending=False, kind="stable").reset_index(drop=True)
    frame.attrs.update({"measure": measure, "window": (start, end), "unit": UNIT,
                        "convention": CONVENTION, "note": MODEL_NOTE})
    return frame
