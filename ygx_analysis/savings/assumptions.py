"""What the savings model assumes: the data rows it reads, the plan years, the schema of ``savings.toml``.

Every assumption's type and bounds are declared once, as the annotation of its
field of :class:`SavingsAssumptions` (pydantic types). The same annotations type
the entries of the file schema :class:`SavingsConfig`, so a value is checked
against the same bound whether it comes from ``savings.toml``, a command-line flag
or a notebook parameter. :func:`load_savings` reads and checks a file;
:meth:`SavingsAssumptions.from_toml` turns it into assumptions. Every problem is
one line naming the file and the key path::

    data/savings.toml: assumptions.discount_rate_pct.default: must be a number (per cent), got 'low'

Part of :mod:`ygx_analysis.savings`.
"""

from __future__ import annotations

import os
import typing
from dataclasses import dataclass, field, fields
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Generic, Literal, TypeVar

import numpy as np
import pandas as pd
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, Strict, StringConstraints, TypeAdapter, \
    ValidationError, create_model, model_validator

from ..data.files import DataError, Problem, display_path, read_toml
from ..data.tables import context_reported, default_data_dir, load_context, load_indicators, reported

__all__ = ["ANNUAL_SAVING_ID", "ENTITY_EXPENDITURE_ID", "ENTITY_IDS", "ENTITY_REVENUE_ID", "GROUP_CUT_ID", "INDICATOR_IDS", "MAX_AMOUNT", "MAX_RATE", "MAX_YEAR", "NAMES",
           "PLAN14_END", "PLAN15", "REFORM_YEAR", "REVENUE_ID", "REVENUE_SCOPE", "SAVINGS_FILE", "SAVING_YEAR",
           "STAFF_CUT_ID", "TIMINGS", "TRANSFER_IDS", "UNIT", "VALUATION_YEAR", "SavingsAssumptions",
           "SavingsConfig", "load_savings"]

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
REVENUE_SCOPE = "not_established"
"""The scope of the 一般预算收入 the savings' first share of revenue divides by: not established
(:func:`ygx_analysis.audit.budget_revenue_scope`; a test keeps them equal)."""
ENTITY_REVENUE_ID = "zone_entity_local_gpb_revenue_2025"
"""Row of the zone budget entity's own 2025 local general public budget revenue (3.7亿元)."""
ENTITY_EXPENDITURE_ID = "zone_entity_gpb_expenditure_2025"
"""Row of the zone budget entity's own 2025 general public budget expenditure (6.2亿元)."""
ENTITY_IDS = (ENTITY_REVENUE_ID, ENTITY_EXPENDITURE_ID)
"""The budget entity's rows (``context.csv``) the savings' other two shares divide by."""
REFORM_YEAR = 2024
"""The year of the reform and of the group's printed cut (period of rows
``staff_reduction_rate_2024`` and ``group_hr_cost_cut_2024``; a test checks this)."""
SAVING_YEAR = 2025
"""The year whose money the annual saving is in: the article's year. Year ``y``'s saving is
``annual_saving * (1 + wage_growth) ** (y - SAVING_YEAR)``, whatever ``first_year`` is."""
VALUATION_YEAR = 2025
"""Default valuation date: present values are at the end of this year (the end of the 14th plan)."""
PLAN14_END = 2025
"""Last year of the 14th Five-Year Plan (十四五, 2021–2025)."""
PLAN15 = (2026, 2030)
"""First and last year of the 15th Five-Year Plan (十五五)."""
MAX_YEAR = 2100
"""Latest year accepted (guards against typing errors such as 20300)."""
MAX_AMOUNT = 10_000.0
"""Largest amount accepted, 亿元 a year: guards against typing errors and overflow."""
MAX_RATE = 1000.0
"""Largest rate accepted, per cent a year."""
UNIT = "亿元"
"""Unit of every amount (1亿元 = 1e8 yuan), as printed."""
SAVINGS_FILE = "savings.toml"
"""Name of the assumptions file in a data folder."""
TIMINGS = ("end", "mid")
"""When in its year a saving falls: at the end, or at mid-year."""

Amount = Annotated[float, Strict(), Field(ge=0, le=MAX_AMOUNT, allow_inf_nan=False)]
Rate = Annotated[float, Strict(), Field(gt=-100, le=MAX_RATE, allow_inf_nan=False)]
Share = Annotated[float, Strict(), Field(ge=0, le=1, allow_inf_nan=False)]
Flag = Annotated[bool, Strict()]
Timing = Literal["end", "mid"]
_unknown = BeforeValidator(lambda v: None if v == "unknown" else v)  # the file's word for an unknown amount


@dataclass(frozen=True, kw_only=True)
class SavingsAssumptions:
    """Everything the savings model assumes.

    Amounts are in 亿元 (1e8 yuan), rates in per cent a year. Each field's
    annotation is its schema (type and bounds), checked on construction (also by
    :func:`dataclasses.replace`). :meth:`from_data` (``savings.toml`` of a data
    folder) or :meth:`from_toml` (any file) is the usual way to build it: every
    default, its range, rationale and source rows live in that file.

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
        ``cn_lgb_special_issue_rate_2025m01_m11`` (local-government special bonds,
        January–November 2025, from the medium-trust source).
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
        Add the group's line to the total (by default the zone's fiscal saving only).
    transferred_cost : float or None, default None
        Personnel spending that the governments receiving the town, sub-districts
        and functions took on, 亿元 a year in the money of :data:`SAVING_YEAR`
        (grown like the saving). None (``"unknown"`` in the file): only gross savings.
    reform_year_share : float, default 0.5
        The part of a full year's saving that falls in :data:`REFORM_YEAR` (2024),
        from 0 to 1: the reform ran during 2024, so that year holds at most part of
        a year's saving. Used only when ``first_year`` is 2024 (it scales that
        year's saving and transferred cost; the group's printed 2024 cut is whole).
    config : SavingsConfig, optional
        The file the values came from (ranges, rationales, rows); not compared.

    Raises
    ------
    TypeError, ValueError
        One line starting with the argument's name (TypeError for a wrong type).

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

    annual_saving: Amount
    first_year: Annotated[int, Strict(), Field(ge=REFORM_YEAR)] = 2025
    through_year: Annotated[int, Strict(), Field(le=MAX_YEAR)] = PLAN15[1]
    valuation_year: Annotated[int, Strict(), Field(ge=REFORM_YEAR, le=MAX_YEAR)] = VALUATION_YEAR
    timing: Timing = "end"
    wage_growth_pct: Rate
    discount_rate_pct: Rate
    group_cut_2024: Amount
    group_recurs: Flag = False
    group_growth_pct: Rate = 0.0
    include_group: Flag = False
    transferred_cost: Annotated[Amount | None, _unknown] = None
    reform_year_share: Share = 0.5
    config: SavingsConfig | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        for name, adapter in _adapters().items():
            try:
                object.__setattr__(self, name, adapter.validate_python(getattr(self, name)))
            except ValidationError as exc:
                error = exc.errors()[0]
                kind = TypeError if error["type"].endswith("_type") else ValueError
                raise kind(f"{name}: {_message(error, name)}") from None
        if self.through_year < self.first_year:
            raise ValueError(f"through_year: must not be before first_year ({self.first_year}), "
                             f"got {self.through_year}")

    @classmethod
    def from_toml(cls, path: str | os.PathLike[str] | None = None, data_dir: str | os.PathLike[str] | None = None,
                  overrides: dict[str, Any] | None = None) -> SavingsAssumptions:
        """The assumptions of a ``savings.toml`` (default: the one of ``data_dir``), with some values overridden.

        Raises :class:`~ygx_analysis.data.files.DataError` for a problem in the file (one line
        naming the file and key path), TypeError or ValueError for a bad override, naming the field.

        Examples
        --------
        >>> a = SavingsAssumptions.from_toml(overrides={"annual_saving": 2.0})
        >>> a.annual_saving, a.discount_rate_pct, a.wage_growth_pct
        (2.0, 2.02, 2.8)
        """
        overrides = dict(overrides or {})
        unknown = sorted(set(overrides) - set(NAMES))
        if unknown:
            raise TypeError(f"overrides: unknown assumption {unknown[0]!r}; expected one of {', '.join(sorted(NAMES))}")
        config = load_savings(path, data_dir=data_dir)
        try:
            return cls(**{**config.values, **overrides}, config=config)
        except ValueError as exc:  # through_year before first_year, from the file's two values
            name, message = str(exc).split(": ", 1)
            if name in overrides:
                raise
            raise DataError([Problem(config.path, None, f"assumptions.{name}", message)]) from None

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

    @property
    def years(self) -> np.ndarray:
        """The years counted, ``first_year`` … ``through_year``."""
        return np.arange(self.first_year, self.through_year + 1)

    def to_dict(self) -> dict[str, Any]:
        """The assumptions as a plain dict (for JSON), in field order, without the file they came from."""
        return {name: getattr(self, name) for name in NAMES}

    def changed(self) -> dict[str, Any]:
        """The assumptions whose value differs from the default of the file they came from, in field order.

        A notebook parameter, a command-line option or a panel's slider sets them; a cite line names them.

        Examples
        --------
        >>> SavingsAssumptions.from_data().changed()
        {}
        >>> SavingsAssumptions.from_data(discount_rate_pct=3.0, annual_saving=1.3).changed()
        {'discount_rate_pct': 3.0}
        """
        defaults = self._config().values
        return {name: getattr(self, name) for name in NAMES if getattr(self, name) != defaults[name]}

    def _config(self) -> SavingsConfig:
        return self.config if self.config is not None else load_savings()

    def plausible_ranges(self) -> dict[str, tuple[Any, Any]]:
        """The plausible (low, high) of every assumption that has one (from ``savings.toml``), and both flags.

        Examples
        --------
        >>> r = SavingsAssumptions.from_data().plausible_ranges()
        >>> r["annual_saving"], r["discount_rate_pct"], r["wage_growth_pct"], r["group_recurs"]
        ((1.3, 1.4), (1.83, 2.29), (0.0, 5.8), (False, True))
        """
        ranges = {**self._config().ranges, "group_recurs": (False, True), "include_group": (False, True)}
        return {name: ranges[name] for name in NAMES if name in ranges}

    def assumptions_table(self) -> pd.DataFrame:
        """One row per assumption: value used, the file's default, range, row, rows and rationales.

        ``row`` names the data row the file reads the default from (empty for a typed value).

        Examples
        --------
        >>> t = SavingsAssumptions.from_data().assumptions_table().set_index("assumption")
        >>> t.loc["discount_rate_pct", ["value", "low", "high", "row"]].tolist()
        [2.02, 1.83, 2.29, 'cn_lgb_special_issue_rate_2025m01_m11']
        """
        config, ranges = self._config(), self.plausible_ranges()
        rows = []
        for name in NAMES:
            entry = getattr(config.assumptions, name)
            low, high = ranges.get(name, (None, None))
            rows.append({"assumption": name, "value": getattr(self, name), "default": entry.default,
                         "low": low, "high": high, "row": config.rows.get(name, ""),
                         "rationale_zh": entry.rationale_zh, "rationale_en": entry.rationale_en,
                         "rows": ", ".join(config.refs(name))})
        return pd.DataFrame(rows)


NAMES = tuple(f.name for f in fields(SavingsAssumptions) if f.name != "config")
"""Every assumption, in the order of :class:`SavingsAssumptions` (and of ``savings.toml``)."""
_RANGED = ("annual_saving", "first_year", "through_year", "wage_growth_pct", "discount_rate_pct",
           "group_cut_2024", "group_growth_pct", "reform_year_share")
_ROW_VALUED = frozenset(n for n in _RANGED if not n.endswith("_year"))  # a data row can give amounts and rates


@cache
def _types() -> dict[str, Any]:
    hints = typing.get_type_hints(SavingsAssumptions, include_extras=True)
    return {name: hints[name] for name in NAMES}


@cache
def _adapters() -> dict[str, TypeAdapter]:
    return {name: TypeAdapter(hint) for name, hint in _types().items()}


T = TypeVar("T")
Text = Annotated[str, Strict(), StringConstraints(strip_whitespace=True, min_length=1)]


class _Entry(BaseModel, Generic[T]):
    """One ``[assumptions.NAME]`` table without a range."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
    default: T
    rationale_zh: Text
    rationale_en: Text
    refs: list[Annotated[str, Strict()]]


class _Ranged(_Entry[T], Generic[T]):
    """One ``[assumptions.NAME]`` table with a plausible range (``low`` and ``high``, or their ``*_row``)."""

    low: T
    high: T
    default_row: str | None = None
    low_row: str | None = None
    high_row: str | None = None

    @model_validator(mode="after")
    def _ordered(self) -> _Ranged:
        if self.low > self.high:
            raise ValueError(f"low ({self.low}) must not be above high ({self.high})")
        return self


class SavingsConfig(BaseModel):
    """The checked content of a ``savings.toml``: the schema of the file.

    ``assumptions`` holds one entry per name of :data:`NAMES` (``default``, the
    range where there is one, ``rationale_zh``, ``rationale_en`` and ``refs``); a
    value given by ``*_row`` is the row's value, and the row's id stays in ``*_row``.
    """

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
    meta: dict[str, Text] = {}
    assumptions: Any
    path: str = ""

    @property
    def values(self) -> dict[str, Any]:
        """Assumption → default value."""
        return {name: getattr(self.assumptions, name).default for name in NAMES}

    @property
    def ranges(self) -> dict[str, tuple[Any, Any]]:
        """Assumption → (low, high), for the assumptions that have a range."""
        return {name: (e.low, e.high) for name in _RANGED for e in [getattr(self.assumptions, name)]}

    @property
    def rows(self) -> dict[str, str]:
        """Assumption → the data row its default was read from, for row-based defaults."""
        return {name: row for name in NAMES if name in _ROW_VALUED and (row := getattr(self.assumptions, name).default_row)}

    def refs(self, name: str) -> tuple[str, ...]:
        """The data rows an assumption rests on: ``refs`` and every ``*_row``."""
        entry = getattr(self.assumptions, name)
        rows = [getattr(entry, f"{end}_row", None) for end in ("default", "low", "high")]
        return tuple(dict.fromkeys([*entry.refs, *(r for r in rows if r)]))


@cache
def _file_schema() -> type[BaseModel]:
    tables = {name: ((_Ranged if name in _RANGED else _Entry)[hint], ...) for name, hint in _types().items()}
    tables = create_model("Assumptions", __config__=ConfigDict(extra="forbid", frozen=True), **tables)
    return create_model("SavingsFile", __base__=SavingsConfig, assumptions=(tables, ...))


def _message(error: dict[str, Any], name: str) -> str:
    """A pydantic error as the short English message of this package."""
    kind, ctx, got = error["type"], error.get("ctx", {}), error.get("input")
    unit = "per cent" if name.endswith("_pct") else "of a year" if name == "reform_year_share" else UNIT
    is_year = name.endswith("_year")
    typed = {"float_type": f"must be a number ({unit})", "int_type": "must be a whole year such as 2025",
             "bool_type": "must be true or false", "finite_number": "must be finite",
             "literal_error": f"must be one of {', '.join(repr(t) for t in TIMINGS)}"}
    if kind in typed:
        return f"{typed[kind]}, got {got!r}"
    if kind == "greater_than":
        return f"must be above {ctx['gt']:g} ({unit}), got {got:g}"
    if kind == "greater_than_equal":
        return (f"must be {ctx['ge']} (the reform year) or later, got {got}" if is_year
                else f"must not be negative, got {got:g}")
    if kind == "less_than_equal":
        return f"must be {ctx['le']} or earlier, got {got}" if is_year else f"must be at most {ctx['le']:g} ({unit}), got {got:g}"
    if "refs" in error["loc"]:
        return "must be a list of data row ids (may be empty)"
    if str(error["loc"][-1]).startswith("rationale") and kind in ("missing", "string_too_short", "string_type"):
        return "missing; say in a sentence why the value is what it is"
    if kind == "value_error":
        return str(ctx["error"])
    return {"missing": "missing", "extra_forbidden": "unknown key", "model_type": "must be a table"}.get(
        kind, error["msg"])


def _file_problem(path: str, error: dict[str, Any]) -> Problem:
    loc = [str(part) for part in error["loc"]]
    key, kind = ".".join(loc), error["type"]
    if kind == "extra_forbidden" and len(loc) == 1:
        return Problem(path, None, key, "unknown table; expected [meta] and [assumptions.NAME]")
    if kind == "extra_forbidden" and len(loc) == 2 and loc[0] == "assumptions":
        return Problem(path, None, key, f"unknown assumption; expected one of {', '.join(NAMES)}")
    return Problem(path, None, key, _message(error, loc[1] if len(loc) > 1 else ""))


def _resolve_rows(doc: dict[str, Any], path: str, indicators: pd.DataFrame,
                  context: pd.DataFrame) -> tuple[dict[str, Any], list[Problem]]:
    """``doc`` with each ``*_row`` value read from its data row (the id kept); problems naming the key."""
    printed, other = set(indicators["id"]), set(context["id"])
    problems: list[Problem] = []
    tables = doc.get("assumptions")
    if not isinstance(tables, dict):
        return doc, problems
    resolved = {}
    for name, table in tables.items():
        if not isinstance(table, dict):
            resolved[name] = table
            continue
        table, key = dict(table), f"assumptions.{name}"
        for end in ("default", "low", "high"):
            row = table.get(f"{end}_row")
            if row is None:
                continue
            if end in table:
                problems.append(Problem(path, None, f"{key}.{end}_row", f"give either {end} or {end}_row, not both"))
            elif name not in _ROW_VALUED:
                problems.append(Problem(path, None, f"{key}.{end}_row", "a row can give only an amount or a rate"))
            elif not isinstance(row, str) or row not in printed | other:
                problems.append(Problem(path, None, f"{key}.{end}_row",
                                        f"unknown data row {row!r}; not in indicators.csv or context.csv"))
            else:
                table[end] = (reported(row, indicators) if row in printed else context_reported(row, context)).value
        for row in table.get("refs", []) if isinstance(table.get("refs"), list) else []:
            if isinstance(row, str) and row not in printed | other:
                problems.append(Problem(path, None, f"{key}.refs",
                                        f"unknown data row {row!r}; not in indicators.csv or context.csv"))
        resolved[name] = table
    return {**doc, "assumptions": resolved}, problems


def load_savings(path: str | os.PathLike[str] | None = None, *,
                 data_dir: str | os.PathLike[str] | None = None) -> SavingsConfig:
    """Read and check a savings assumptions file ``path`` (default: ``savings.toml`` in ``data_dir``).

    ``data_dir`` (default: the package's, or ``$YGX_DATA_DIR``) is the folder whose ``indicators.csv`` and
    ``context.csv`` give the ``*_row`` values and ``refs``. A :class:`DataError` holds one line per problem,
    each naming the file and the key path.

    Examples
    --------
    >>> config = load_savings()
    >>> config.values["discount_rate_pct"], config.rows["discount_rate_pct"], config.ranges["discount_rate_pct"]
    (2.02, 'cn_lgb_special_issue_rate_2025m01_m11', (1.83, 2.29))
    >>> config.values["transferred_cost"] is None, config.values["timing"]
    (True, 'end')
    """
    if data_dir is not None and not isinstance(data_dir, (str, os.PathLike)):
        raise TypeError(f"data_dir: expected a folder path, got {type(data_dir).__name__}")
    if path is not None and not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path: expected a file path, got {type(path).__name__}")
    folder = Path(data_dir) if data_dir is not None else default_data_dir()
    file = Path(path) if path is not None else folder / SAVINGS_FILE
    doc, shown = read_toml(file), display_path(file)
    doc, problems = _resolve_rows(doc, shown, load_indicators(folder / "indicators.csv"),
                                  load_context(folder / "context.csv"))
    if "path" in doc:
        problems.insert(0, Problem(shown, None, "path", "unknown table; expected [meta] and [assumptions.NAME]"))
    try:
        config = _file_schema().model_validate({**doc, "path": shown})
    except ValidationError as exc:
        problems += [_file_problem(shown, e) for e in exc.errors()]
    if problems:
        raise DataError(list(dict.fromkeys(problems)))
    return config
