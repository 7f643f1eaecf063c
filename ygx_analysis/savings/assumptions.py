"""What the savings model assumes: the data rows it reads, the plan years, and :class:`SavingsAssumptions`.

:class:`SavingsAssumptions` only holds and checks values. :meth:`SavingsAssumptions.from_toml`
and :meth:`SavingsAssumptions.from_data` read them from ``savings.toml`` (see
:mod:`~ygx_analysis.savings.config`), where each default is a number or a data row.
Part of :mod:`ygx_analysis.savings`.
"""

from __future__ import annotations

import json
import math
import numbers
import os
from dataclasses import dataclass, field, fields
from typing import Any

import numpy as np
import pandas as pd

from ..data.tables import reported as _reported
from ..data.files import DataError, Problem
from .config import FIELD_KINDS, MAX_AMOUNT, MAX_RATE, TIMINGS, SavingsSpec, load_savings

__all__ = [
    "ANNUAL_SAVING_ID",
    "GROUP_CUT_ID",
    "INDICATOR_IDS",
    "MAX_YEAR",
    "MODEL_NOTE",
    "PLAN14_END",
    "PLAN15",
    "REFORM_YEAR",
    "REVENUE_ID",
    "REVENUE_SCOPE",
    "SAVING_YEAR",
    "STAFF_CUT_ID",
    "TRANSFER_IDS",
    "UNIT",
    "VALUATION_YEAR",
    "SavingsAssumptions",
]

ANNUAL_SAVING_ID = "hr_cost_saving_annual"
"""Row of the zone's annual HR-cost saving (printed 1.3亿元以上, a lower bound)."""
GROUP_CUT_ID = "group_hr_cost_cut_2024"
"""Row of the state-owned group's 2024 HR-cost cut (printed 3.3亿元)."""
REVENUE_ID = "general_budget_revenue_2024"
"""Row of the zone's 2024 general budget revenue (printed 60.67亿元)."""
STAFF_CUT_ID = "staff_reduction_rate_2024"
"""Row of the staff-cut rate of the reform (printed 71.1%)."""
TRANSFER_IDS = ("towns_transferred_2024", "subdistricts_transferred_2024", "functions_transferred_2024")
"""Rows of what the reform handed to the local governments: 一镇两街道 and 171 functions."""
INDICATOR_IDS = (ANNUAL_SAVING_ID, GROUP_CUT_ID, STAFF_CUT_ID, REVENUE_ID)
"""The printed figures the model reads."""

REVENUE_SCOPE = "full_scope"
"""The reading of 一般预算收入 the savings' share of revenue follows: full scope (全口径), the
reading the audit adopts (:func:`ygx_analysis.audit.budget_revenue_scope`; a test keeps them equal)."""

REFORM_YEAR = 2024
"""The year of the reform and of the group's printed cut (period of rows
``staff_reduction_rate_2024`` and ``group_hr_cost_cut_2024``; a test checks this)."""
SAVING_YEAR = 2025
"""The year whose money the annual saving is in: the article's year (its latest figures are for
January–June 2025). Year ``y``'s saving is ``annual_saving * (1 + wage_growth) ** (y - SAVING_YEAR)``,
whatever ``first_year`` is, so the same year holds the same saving in every run."""
VALUATION_YEAR = 2025
"""Default valuation date: present values are at the end of this year (the end of the 14th plan)."""
PLAN14_END = 2025
"""Last year of the 14th Five-Year Plan (十四五, 2021–2025)."""
PLAN15 = (2026, 2030)
"""First and last year of the 15th Five-Year Plan (十五五)."""
MAX_YEAR = 2100
"""Latest year accepted (guards against typing errors such as 20300)."""
UNIT = "亿元"
"""Unit of every amount in this module (1亿元 = 1e8 yuan), as printed."""

MODEL_NOTE = ("Model result, not a figure printed in the article: GROSS savings to the zone "
              "(part of the cost moved to the governments that took over the town, sub-districts and functions).")
"""Note attached to every model output (:meth:`SavingsAssumptions.notes` gives the full set)."""


def _finite(name: str, value: Any, unit: str) -> float:
    """``value`` as a finite float: TypeError unless a real number, ValueError if not finite."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name}: must be a number ({unit}), got {value!r}")
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"{name}: must be finite, got {value}")
    return value


def _check_rate(name: str, value: Any) -> float:
    value = _finite(name, value, "per cent")
    if value <= -100:
        raise ValueError(f"{name}: must be above -100 (per cent), got {value:g}")
    if value > MAX_RATE:
        raise ValueError(f"{name}: must be at most {MAX_RATE:g} (per cent), got {value:g}")
    return value


def _check_amount(name: str, value: Any) -> float:
    value = _finite(name, value, UNIT)
    if value < 0:
        raise ValueError(f"{name}: must not be negative, got {value:g}")
    if value > MAX_AMOUNT:
        raise ValueError(f"{name}: must be at most {MAX_AMOUNT:g} ({UNIT} a year), got {value:g}")
    return value


def _check_year(name: str, value: Any, *, latest: bool = True) -> int:
    """A whole year from the reform year on (and, with ``latest``, not after :data:`MAX_YEAR`)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name}: must be a whole year such as 2025, got {value!r}")
    value = int(value)
    if value < REFORM_YEAR:
        raise ValueError(f"{name}: must be {REFORM_YEAR} (the reform year) or later, got {value}")
    if latest and value > MAX_YEAR:
        raise ValueError(f"{name}: must be {MAX_YEAR} or earlier, got {value}")
    return value


def _check_flag(name: str, value: Any) -> bool:
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name}: must be True or False, got {value!r}")
    return bool(value)


@dataclass(frozen=True, kw_only=True)
class SavingsAssumptions:
    """Everything the savings model assumes.

    Amounts are in 亿元 (1e8 yuan), rates in per cent a year. The class only
    checks its values; :meth:`from_data` (``savings.toml`` of a data folder) or
    :meth:`from_toml` (any file) is the usual way to build it, and every default,
    its range, rationale and source rows live in that file.
    :meth:`assumptions_table` lists them; :meth:`plausible_ranges` gives the
    ranges that :func:`~ygx_analysis.savings.sensitivity` uses.

    Parameters
    ----------
    annual_saving : float
        The zone's annual HR-cost saving, 亿元, in the money of :data:`SAVING_YEAR`.
        Default: row ``hr_cost_saving_annual``, printed "1.3亿元以上", a lower bound.
    wage_growth_pct : float
        Yearly growth of the avoided cost (the pay the removed posts would have
        drawn), per cent, nominal. Default: row ``cn_wage_nonprivate_growth_2024``.
    discount_rate_pct : float
        Nominal discount rate, per cent a year, above −100. Default: row
        ``cn_lgb_special_issue_rate_2025`` (local-government special bonds).
    group_cut_2024 : float
        The state-owned group's HR-cost cut in 2024, 亿元 (row ``group_hr_cost_cut_2024``):
        a company's cost, shown as a separate line.
    first_year : int, default 2025
        First year counted (2024 or later).
    through_year : int, default 2030
        Last year counted; not before ``first_year``.
    valuation_year : int, default 2025
        Present values are at the **end** of this year, whatever ``first_year``
        is; flows before it are compounded forward, flows after it discounted.
    timing : {'end', 'mid'}, default 'end'
        Each year's saving falls at the end of its year or at mid-year.
    group_recurs : bool, default False
        Whether the group's 2024 cut recurs in every later year.
    group_growth_pct : float, default 0.0
        Yearly growth of the group's cut when it recurs, per cent.
    include_group : bool, default False
        Add the group's line to the total. By default the total is the zone's
        (fiscal) saving only.
    transferred_cost : float or None, default None
        Personnel spending that the governments receiving the town, sub-districts
        and functions took on, 亿元 a year in the money of :data:`SAVING_YEAR`
        (grown like the saving). None: unknown, so only gross savings are shown.
    spec : SavingsSpec, optional
        The file the values came from (ranges, rationales, rows); not compared.

    Raises
    ------
    ValueError, TypeError
        One line starting with the argument's name, e.g.
        ``through_year: must not be before first_year (2025), got 2024``.

    Examples
    --------
    >>> a = SavingsAssumptions(annual_saving=1.3, wage_growth_pct=0.0, discount_rate_pct=2.0, group_cut_2024=3.3)
    >>> a.first_year, a.through_year, a.valuation_year, a.timing, a.transferred_cost
    (2025, 2030, 2025, 'end', None)
    >>> SavingsAssumptions(annual_saving=1.3, wage_growth_pct=0.0, discount_rate_pct=-100, group_cut_2024=3.3)
    Traceback (most recent call last):
    ...
    ValueError: discount_rate_pct: must be above -100 (per cent), got -100
    """

    annual_saving: float
    first_year: int = 2025
    through_year: int = PLAN15[1]
    valuation_year: int = VALUATION_YEAR
    timing: str = "end"
    wage_growth_pct: float
    discount_rate_pct: float
    group_cut_2024: float
    group_recurs: bool = False
    group_growth_pct: float = 0.0
    include_group: bool = False
    transferred_cost: float | None = None
    spec: SavingsSpec | None = field(default=None, compare=False, repr=False)

    @classmethod
    def from_toml(cls, path: str | os.PathLike[str] | None = None, data_dir: str | os.PathLike[str] | None = None,
                  overrides: dict[str, Any] | None = None, *, indicators: pd.DataFrame | None = None,
                  context: pd.DataFrame | None = None) -> SavingsAssumptions:
        """The assumptions of a ``savings.toml``, with some values overridden.

        Parameters
        ----------
        path : str or PathLike, optional
            The file; default ``savings.toml`` in ``data_dir``.
        data_dir : str or PathLike, optional
            The data folder (default: the package's, or ``$YGX_DATA_DIR``).
        overrides : dict, optional
            Field → value, applied over the file (e.g. a command-line flag).
        indicators, context : DataFrame, optional
            Loaded tables for the ``*_row`` values.

        Raises
        ------
        DataError
            For a problem in the file (one line naming the file and key path).
        TypeError, ValueError
            For a bad override, naming the field.

        Examples
        --------
        >>> a = SavingsAssumptions.from_toml(overrides={"annual_saving": 2.0})
        >>> a.annual_saving, a.discount_rate_pct, a.wage_growth_pct
        (2.0, 2.02, 2.8)
        """
        overrides = dict(overrides or {})
        names = [f.name for f in fields(cls) if f.name != "spec"]
        unknown = sorted(set(overrides) - set(names))
        if unknown:
            raise TypeError(f"overrides: unknown assumption {unknown[0]!r}; expected one of {', '.join(sorted(names))}")
        spec = load_savings(path, data_dir=data_dir, indicators=indicators, context=context)
        values = {name: spec.values[name] for name in FIELD_KINDS}
        try:
            return cls(**{**values, **overrides}, spec=spec)
        except (TypeError, ValueError) as exc:
            name = str(exc).split(":", 1)[0]
            if name in overrides or name not in values:
                raise
            raise DataError([Problem(spec.path, None, f"assumptions.{name}",
                                     str(exc).split(": ", 1)[1])]) from None

    @classmethod
    def from_data(cls, data_dir: str | os.PathLike[str] | None = None, **overrides: Any) -> SavingsAssumptions:
        """The assumptions of ``savings.toml`` in a data folder, with some values overridden.

        Examples
        --------
        >>> a = SavingsAssumptions.from_data()
        >>> a.annual_saving, a.group_cut_2024, a.first_year, a.through_year, a.valuation_year
        (1.3, 3.3, 2025, 2030, 2025)
        """
        return cls.from_toml(None, data_dir, overrides)

    @classmethod
    def from_indicators(cls, indicators: pd.DataFrame | None = None, **overrides: Any) -> SavingsAssumptions:
        """As :meth:`from_data` for the default folder, with the printed rows read from ``indicators``.

        Examples
        --------
        >>> SavingsAssumptions.from_indicators(through_year=2027).through_year
        2027
        """
        return cls.from_toml(None, None, overrides, indicators=indicators)

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "annual_saving", _check_amount("annual_saving", self.annual_saving))
        set_(self, "group_cut_2024", _check_amount("group_cut_2024", self.group_cut_2024))
        first = _check_year("first_year", self.first_year, latest=False)
        if isinstance(self.through_year, numbers.Integral) and not isinstance(self.through_year, bool) \
                and self.through_year < first:
            raise ValueError(f"through_year: must not be before first_year ({first}), got {self.through_year}")
        through = _check_year("through_year", self.through_year)
        set_(self, "first_year", first)
        set_(self, "through_year", through)
        set_(self, "valuation_year", _check_year("valuation_year", self.valuation_year))
        if self.timing not in TIMINGS:
            raise ValueError(f"timing: must be one of {', '.join(repr(t) for t in TIMINGS)}, got {self.timing!r}")
        for name in ("wage_growth_pct", "discount_rate_pct", "group_growth_pct"):
            set_(self, name, _check_rate(name, getattr(self, name)))
        for name in ("group_recurs", "include_group"):
            set_(self, name, _check_flag(name, getattr(self, name)))
        if self.transferred_cost is not None:
            set_(self, "transferred_cost", _check_amount("transferred_cost", self.transferred_cost))
        if self.spec is not None and not isinstance(self.spec, SavingsSpec):
            raise TypeError(f"spec: must be a SavingsSpec or None, got {type(self.spec).__name__}")

    @property
    def years(self) -> np.ndarray:
        """The years counted, ``first_year`` … ``through_year``."""
        return np.arange(self.first_year, self.through_year + 1)

    @property
    def convention(self) -> str:
        """The discounting convention in one line (also written into CLI output).

        Examples
        --------
        >>> SavingsAssumptions.from_data().convention
        'present values at the end of 2025 (fixed, whatever first_year is); each saving is an end-of-year flow, discounted by (1+r)^-t with t = year - 2025'
        """
        if self.timing == "end":
            return (f"present values at the end of {self.valuation_year} (fixed, whatever first_year is); each "
                    f"saving is an end-of-year flow, discounted by (1+r)^-t with t = year - {self.valuation_year}")
        return (f"present values at the end of {self.valuation_year} (fixed, whatever first_year is); each "
                f"saving is a mid-year flow, discounted by (1+r)^-t with t = year - {self.valuation_year} - 0.5")

    def to_dict(self) -> dict[str, Any]:
        """The assumptions as a plain dict (for JSON), without the file they came from.

        Examples
        --------
        >>> d = SavingsAssumptions.from_data().to_dict()
        >>> d["group_recurs"], d["transferred_cost"], "spec" in d
        (False, None, False)
        """
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "spec"}

    def to_json(self) -> str:
        """:meth:`to_dict` as one line of JSON (keys in field order, non-ASCII kept)."""
        return json.dumps(self.to_dict(), ensure_ascii=False)

    def _spec(self) -> SavingsSpec:
        return self.spec if self.spec is not None else load_savings()

    def plausible_ranges(self) -> dict[str, tuple[Any, Any]]:
        """The plausible (low, high) of every assumption that has one (from ``savings.toml``), and both flags.

        Examples
        --------
        >>> r = SavingsAssumptions.from_data().plausible_ranges()
        >>> r["annual_saving"], r["discount_rate_pct"], r["wage_growth_pct"], r["group_recurs"]
        ((1.3, 1.4), (1.83, 2.29), (0.0, 5.8), (False, True))
        """
        ranges = dict(self._spec().ranges)
        for name in ("group_recurs", "include_group"):
            ranges[name] = (False, True)
        return {f.name: ranges[f.name] for f in fields(self) if f.name in ranges}

    def is_printed_saving(self, indicators: pd.DataFrame | None = None) -> bool:
        """Whether ``annual_saving`` is the printed lower bound (row ``hr_cost_saving_annual``)."""
        return self.annual_saving == _reported(ANNUAL_SAVING_ID, indicators).value

    def assumptions_table(self, lang: str = "en", indicators: pd.DataFrame | None = None) -> pd.DataFrame:
        """One row per assumption: value used, unit, plausible range, basis, rationale and rows.

        ``basis`` says where the value used comes from: a data row (``savings.toml``
        names it), ``savings.toml`` itself, or the user (an override).

        Parameters
        ----------
        lang : {'en', 'zh'}
            Language of labels, basis and rationale (column names stay English).

        Examples
        --------
        >>> t = SavingsAssumptions.from_data().assumptions_table()
        >>> t.loc[t["assumption"] == "discount_rate_pct", ["value", "low", "high", "basis"]].iloc[0].tolist()
        [2.02, 1.83, 2.29, 'data row cn_lgb_special_issue_rate_2025']
        >>> t = SavingsAssumptions.from_data(annual_saving=2.0).assumptions_table()
        >>> t.loc[t["assumption"] == "annual_saving", "basis"].iloc[0]
        'set by the user (savings.toml: data row hr_cost_saving_annual, 1.3)'
        """
        if lang not in ("zh", "en"):
            raise ValueError(f"lang: unknown language {lang!r}; expected 'zh' or 'en'")
        spec = self._spec()
        ranges = self.plausible_ranges()
        k = 0 if lang == "zh" else 1
        rows = []
        for f in fields(self):
            if f.name == "spec":
                continue
            label, unit = (pair[k] for pair in _LABELS[f.name])
            value = getattr(self, f.name)
            default = spec.values[f.name]
            row = spec.rows.get(f.name)
            source = (f"数据行 {row}", f"data row {row}") if row else ("savings.toml", "savings.toml")
            if value == default:
                basis = source[k]
            else:
                shown = "unknown" if default is None else f"{default:g}" if isinstance(default, float) else default
                basis = (f"用户设定（savings.toml：{source[0]}，{shown}）",
                         f"set by the user (savings.toml: {source[1]}, {shown})")[k]
            low, high = ranges.get(f.name, (None, None))
            rows.append({"assumption": f.name, "label": label, "value": value, "unit": unit, "low": low,
                         "high": high, "basis": basis, "rationale": spec.rationale[f.name][k],
                         "rows": ", ".join(spec.refs[f.name])})
        return pd.DataFrame(rows)

    def notes(self, lang: str = "en") -> list[str]:
        """What every result of these assumptions must say: model result, gross savings, group line, date.

        Examples
        --------
        >>> notes = SavingsAssumptions.from_data().notes()
        >>> [n.split(":")[0] for n in notes]
        ['Model result', 'Gross savings to the zone', 'Group line', 'Valuation']
        """
        if lang not in ("zh", "en"):
            raise ValueError(f"lang: unknown language {lang!r}; expected 'zh' or 'en'")
        saving = _reported(ANNUAL_SAVING_ID)
        towns, subs, funcs = (_reported(row) for row in TRANSFER_IDS)
        printed = self.annual_saving == saving.value
        used = f"{self.annual_saving:g}{UNIT}"
        timing_zh = "年末" if self.timing == "end" else "年中"
        transferred = self.transferred_cost
        if lang == "zh":
            return [
                f"模型结果：非原文数字。每年节约取{used}" + (f"（原文下限“{saving}”）。" if printed
                                                         else f"（用户设定；原文为“{saving}”）。"),
                f"毛节约：改革把{towns.text}个镇、{subs.text}个街道和{funcs.text}项职能移交地方政府，部分成本随之转移而非消失。"
                + ("接收政府增加的人员经费未知，故无净节约；在 savings.toml 的 transferred_cost 填入即可得到净节约。"
                   if transferred is None else f"已扣除接收政府每年{transferred:g}{UNIT}的人员经费，得到净节约。"),
                "集团一行：益阳投控集团的降本是国有企业的成本，不是财政资金，单列一行"
                + ("，已按设定计入合计。" if self.include_group else "，默认不计入合计。"),
                f"估值：现值折算到{self.valuation_year}年末（固定，与首个计入年份无关），每年节约按{timing_zh}发生，"
                f"贴现率{self.discount_rate_pct:g}%。",
            ]
        return [
            f"Model result: not a figure printed in the article. Annual saving {used}"
            + (f" (the printed lower bound, '{saving}')." if printed else f" (set by the user; printed '{saving}')."),
            f"Gross savings to the zone: the reform handed {towns.text} town, {subs.text} sub-districts and "
            f"{funcs.text} functions to the local governments, so part of the cost moved rather than vanished. "
            + ("The receiving governments' added personnel spending is unknown, so there is no net figure; enter it "
               "as transferred_cost in savings.toml to get net savings." if transferred is None
               else f"Net of {transferred:g}{UNIT} a year of personnel spending taken on by the receiving governments."),
            "Group line: the Yiyang Investment Holding Group's cut is a state-owned company's cost, not budget "
            "money; it is a separate line" + (", added to the total as set." if self.include_group
                                              else ", not added to the total by default."),
            f"Valuation: present values at the end of {self.valuation_year} (fixed, whatever the first year), "
            f"{'end-of-year' if self.timing == 'end' else 'mid-year'} flows, discount rate {self.discount_rate_pct:g}%.",
        ]


_LABELS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "annual_saving": (("高新区每年减少的人力资源成本", "Zone's annual HR-cost saving"), ("亿元/年", "亿元 a year")),
    "first_year": (("首个计入年份", "First year counted"), ("年", "year")),
    "through_year": (("最后计入年份", "Last year counted"), ("年", "year")),
    "valuation_year": (("估值日（该年年末）", "Valuation date (end of year)"), ("年", "year")),
    "timing": (("年内发生时点", "Timing within the year"), ("end/mid", "end/mid")),
    "wage_growth_pct": (("被节约成本的年增长率（名义）", "Growth of the avoided cost (nominal)"), ("%/年", "% a year")),
    "discount_rate_pct": (("贴现率（名义）", "Discount rate (nominal)"), ("%/年", "% a year")),
    "group_cut_2024": (("投控集团2024年降低的人力资源成本", "State-owned group's 2024 HR-cost cut"), ("亿元", "亿元")),
    "group_recurs": (("集团降本是否逐年重复", "Group's cut recurs after 2024"), ("是/否", "yes/no")),
    "group_growth_pct": (("集团降本的年增长率（若重复）", "Growth of the group's cut if it recurs"), ("%/年", "% a year")),
    "include_group": (("合计是否含集团一行", "Total includes the group's line"), ("是/否", "yes/no")),
    "transferred_cost": (("转移给接收政府的人员经费", "Personnel cost moved to the receiving governments"),
                         ("亿元/年", "亿元 a year")),
}
"""Field → ((label zh, en), (unit zh, en))."""
