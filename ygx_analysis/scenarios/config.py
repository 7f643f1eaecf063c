"""The schema of ``data/scenarios.toml``: one declarative pydantic model, :class:`ScenarioConfig`, checked once.

The file gives each indicator's 2025 (jump-off) level; each scenario's start and
end growth per indicator, the glide between them and a rationale citing data
rows; targets with their status; and the joint model: ``[model]`` (each
indicator's role: ``growth``, an AR(1) shock fitted to a national ``series``,
perhaps driven through ``elasticity``; or ``share``, a logit AR(1) share ``of`` a
whole), ``[deflator]`` (a price path) and ``[pipeline]`` (the 2024 investment
pipeline). :func:`read_config` checks it; every problem is one line naming the
file and the key (a :class:`~ygx_analysis.data.files.Problem` of a
:class:`~ygx_analysis.data.files.DataError`)::

    data/scenarios.toml: scenarios.base.fiscal_revenue_total.end_growth_pct: must be a number

The config is not the model: :class:`~ygx_analysis.scenarios.ScenarioModel` is
built from a config and the data rows it names.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from typing import Annotated, Any, ClassVar, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, ValidationError, ValidationInfo
from pydantic import field_validator, model_validator
from pydantic_core import PydanticCustomError

from ..arithmetic.growth import H1_SHARE_ROWS
from ..data import files
from ..data.files import DataError, Problem
from ..data.tables import CJK_CHARACTER

__all__ = ["BASE_YEAR", "GLIDES", "METHODS", "ROLES", "TARGET_STATUSES", "TOP_LEVEL_TABLES", "YEAR_MAX", "YEAR_MIN",
           "Assumption", "DeflatorSpec", "IndicatorSpec", "ModelSpec", "PathSpec", "PipelineSpec", "RoleSpec",
           "Scenario", "ScenarioConfig", "Target", "read_config"]

BASE_YEAR = 2025
"""The jump-off year: the last year with (partial) data; projections start the year after."""
YEAR_MIN, YEAR_MAX = 2025, 2035
"""Years a scenario file may name (``meta.last_year``, target years)."""
GLIDES = ("linear", "front_loaded", "back_loaded", "constant")
"""Shapes of the path from the start to the end growth rate (see :func:`~ygx_analysis.scenarios.glide_path`)."""
METHODS = ("grow_2024", "annualize_h1")
"""How an indicator's 2025 level is found: from the 2024 print, or from the January–June 2025 print."""
TARGET_STATUSES = ("official", "derived", "illustrative")
"""What a target is: a published target for this measure and place, an official figure for something else
applied by arithmetic, or a round number for comparison."""
ROLES = ("growth", "share")
"""How an indicator moves in the joint model (:mod:`~ygx_analysis.scenarios.montecarlo`)."""
TOP_LEVEL_TABLES = ("meta", "indicators", "scenarios", "targets", "model", "deflator", "pipeline")
"""The top-level tables of a scenario file (``--set scenarios.KEY`` reads any other first part as a scenario)."""
STATUS_WORDS = {"official": ("", ""), "derived": ("推算", "derived"), "illustrative": ("示意", "illustrative")}
"""The word every target label carries for its status (none for an official target)."""

_SLUG = re.compile(r"^[a-z0-9_]+$")


def _fail(message: str, at: str = "") -> None:
    """Raise one problem; ``at`` names a key below the value checked (``'h1_row'``)."""
    raise PydanticCustomError("scenario", message.replace("{", "{{").replace("}", "}}"), {"at": at})


def _rule(test: Callable[[Any], Any], message: str) -> AfterValidator:
    """A check of a value that is given: ``message`` unless ``test(value)``."""
    def check(v: Any) -> Any:
        if v is not None and not test(v):
            _fail(message)
        return v
    return AfterValidator(check)


def _refs(at_least: int) -> BeforeValidator:
    def check(v: Any) -> tuple[str, ...]:
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            _fail("must be a list of strings")
        if len(v) < at_least:
            _fail(f"must list at least {at_least} row id")
        return tuple(v)
    return BeforeValidator(check)


def _of_file(message: str) -> AfterValidator:
    """An indicator of the file (its names come in the validation context)."""
    def check(v: str, info: ValidationInfo) -> str:
        names = (info.context or {}).get("indicators")
        if names is not None and v not in names:
            _fail(f"{message} {v!r}; expected one of {', '.join(names)}")
        return v
    return AfterValidator(check)


Text = Annotated[str, _rule(str.strip, "must not be empty")]
Chinese = Annotated[Text, _rule(CJK_CHARACTER.search, "must be Chinese text (the English goes in the key without _zh)")]
Refs, Refs1 = Annotated[tuple[str, ...], _refs(0)], Annotated[tuple[str, ...], _refs(1)]
Year = Annotated[int, _rule(lambda v: YEAR_MIN <= v <= YEAR_MAX, f"must be between {YEAR_MIN} and {YEAR_MAX}"),
                 _rule(lambda v: v > BASE_YEAR, f"must be after the jump-off year {BASE_YEAR}")]   # the only int
Growth = Annotated[float, _rule(lambda v: -50 <= v <= 50, "must be between -50 and 50 (per cent a year)")]
Positive = Annotated[float, _rule(lambda v: v > 0, "must be positive")]


class _Table(BaseModel):
    """A TOML table: a mapping, no unknown key, strict types (a string is not a number), finite numbers."""

    model_config = ConfigDict(strict=True, frozen=True, allow_inf_nan=False, extra="forbid")
    _derived: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def _prepare(cls, data: dict[str, Any], info: ValidationInfo) -> dict[str, Any]:
        """The file's table as the model's fields (checks that must come before the fields')."""
        return data

    @model_validator(mode="wrap")
    @classmethod
    def _table(cls, data: Any, handler: Any, info: ValidationInfo) -> Any:
        if isinstance(data, BaseModel):
            return handler(data)
        if not isinstance(data, dict):
            _fail("must be a table")
        data, keys = cls._prepare(data, info), [k for k in cls.model_fields if k not in cls._derived]
        for key in data:
            if key not in keys:
                _fail(f"unknown key; expected one of {', '.join(keys)}", key)
        return handler(data)

    def label(self, lang: str = "zh") -> str:
        """The label in ``lang`` ('zh' or 'en')."""
        return self.label_zh if lang == "zh" else self.label_en


class Assumption(_Table):
    """A default and the range it may plausibly take; each kind of range has its bounds (:func:`_range`)."""

    default: float
    low: float
    high: float
    bounds: ClassVar[tuple[float, float, bool, bool, str]] = (-50.0, 50.0, False, False,
                                                              "must be between -50 and 50 (per cent a year)")

    @field_validator("default", "low", "high")
    @classmethod
    def _in_bounds(cls, v: float) -> float:
        low, high, open_low, whole, message = cls.bounds
        if whole and v != round(v):
            _fail("must be a whole number")
        if not low <= v <= high or (open_low and v == low):
            _fail(message)
        return v

    @model_validator(mode="after")
    def _ordered(self) -> Assumption:
        if not self.low <= self.default <= self.high:
            _fail("must have low <= default <= high")
        return self


def _range(low: float, high: float, *, open_low: bool = False, whole: bool = False) -> type[Assumption]:
    message = f"must be in {'(' if open_low else '['}{low:g}, {high:g}]"
    return type("Range", (Assumption,), {"bounds": (low, high, open_low, whole, message), "__module__": __name__})


Elasticity, VolScale, PriceRange = _range(0.0, 5.0), _range(0.0, 10.0, open_low=True), _range(-50.0, 50.0)
Share, Years, Ratio = _range(0.0, 1.0), _range(0.0, 10.0, whole=True), _range(0.0, 20.0)


class Estimate(_Table):
    """``indicators.NAME.estimate_2025``: the 2025 growth range of ``grow_2024``, or the H1 rule of ``annualize_h1``."""

    method: Literal[METHODS]
    rationale: Text
    refs: Refs1
    growth_pct: Assumption | None = None
    h1_rule: Literal[tuple(H1_SHARE_ROWS)] | None = None


class IndicatorSpec(_Table):
    """One projected indicator: labels, unit, price basis, its data rows and how its 2025 level is found."""

    label_zh: Text
    label_en: Text
    unit: Text
    price_basis: Text
    level_row: Text | None = None
    yoy_row: Text | None = None
    h1_row: Text | None = None
    estimate_2025: Estimate
    method = property(lambda self: self.estimate_2025.method, doc="'grow_2024' or 'annualize_h1'.")
    h1_rule = property(lambda self: self.estimate_2025.h1_rule, doc="The kind of H1-to-year rule (or None).")
    data_rows = property(lambda self: tuple(r for r in (self.level_row, self.yoy_row, self.h1_row) if r),
                         doc="The indicators.csv rows its levels come from.")

    @model_validator(mode="after")
    def _method_keys(self) -> IndicatorSpec:
        for method, keys in {"grow_2024": ("level_row", "yoy_row", "estimate_2025.growth_pct"),
                             "annualize_h1": ("h1_row", "estimate_2025.h1_rule")}.items():
            for key in keys:
                given = getattr(self.estimate_2025, key[14:]) if "." in key else getattr(self, key)
                if method == self.method and given is None:
                    _fail("is missing", key)
                if method != self.method and given is not None:
                    _fail(f"not used by method {self.method!r}; remove it", key)
        return self


class PathSpec(_Table):
    """One indicator under one scenario: growth from start to end, its glide and rationale."""

    start_growth_pct: Growth
    end_growth_pct: Growth
    glide: Literal[GLIDES]
    rationale: Text
    rationale_zh: Chinese | None = None
    refs: Refs1

    @model_validator(mode="after")
    def _constant(self) -> PathSpec:
        if self.glide == "constant" and self.start_growth_pct != self.end_growth_pct:
            _fail("must equal start_growth_pct when glide is 'constant'", "end_growth_pct")
        return self


def _by_indicator(table: dict[str, Any], info: ValidationInfo, fixed: tuple[str, ...], what: str) -> dict:
    """A table of fixed keys and one sub-table per indicator (a scenario, ``[model]``); those go under ``what``."""
    names = (info.context or {}).get("indicators", ())
    for key, value in table.items():
        if key not in fixed and key not in names:
            if isinstance(value, dict) and what == "paths":
                _fail(f"unknown indicator {key!r}; expected one of {', '.join(names)}", key)
            _fail(f"unknown key; expected one of {', '.join(fixed)}"
                  + (" or an indicator table" if what == "paths" else "".join(f", {n}" for n in names)), key)
    for name in names:
        if name not in table:
            _fail("is missing" + ("; every indicator needs a role" if what == "roles" else ""), name)
    return {**{k: v for k, v in table.items() if k in fixed}, what: {n: table[n] for n in names}}


class Scenario(_Table):
    """A named scenario: labels, a description and one :class:`PathSpec` per indicator, in file order."""

    label_zh: Text
    label_en: Text
    description: Text
    paths: dict[str, PathSpec]

    @classmethod
    def _prepare(cls, data: dict[str, Any], info: ValidationInfo) -> dict[str, Any]:
        return _by_indicator(data, info, ("label_zh", "label_en", "description"), "paths")


class Target(_Table):
    """A level to reach by a year: a ``value``, a ``multiple_of_2025``, or a growth rate from a data row.

    ``status`` is one of :data:`TARGET_STATUSES`; ``nominal`` compares the target
    with the indicator's current-price path (the file's ``[deflator]``).
    """

    id: Annotated[Text, _rule(_SLUG.match, "target ids use a-z, 0-9 and _ only")]
    indicator: Annotated[Text, _of_file("unknown indicator")]
    year: Year
    value: Positive | None = None
    multiple_of_2025: Positive | None = None
    growth_row: Text | None = None
    status: Literal[TARGET_STATUSES]
    nominal: bool = False
    label_zh: Text
    label_en: Text
    source: Text
    source_zh: Chinese | None = None
    refs: Refs

    @classmethod
    def _prepare(cls, data: dict[str, Any], info: ValidationInfo) -> dict[str, Any]:
        if sum(k in data for k in ("value", "multiple_of_2025", "growth_row")) != 1:
            _fail("give exactly one of value, multiple_of_2025 or growth_row")
        return data

    kind = property(lambda self: next(k for k in ("value", "multiple_of_2025", "growth_row")
                                      if getattr(self, k) is not None), doc="How the target is given.")

    def label(self, lang: str = "zh") -> str:
        """The label in ``lang``, with its status unless official (示意 / illustrative, 推算 / derived).

        Examples
        --------
        >>> Target(id="t", indicator="gross_output", year=2030, value=1000.0, status="illustrative",
        ...        label_zh="千亿", label_en="1000", source="s", refs=[]).label("en")
        '1000 (illustrative)'
        """
        text, word = super().label(lang), STATUS_WORDS[self.status][0 if lang == "zh" else 1]
        return text if not word else (f"{text}（{word}）" if lang == "zh" else f"{text} ({word})")


class RoleSpec(_Table):
    """One indicator's role in the joint model (see the module notes); ``indicator`` is its name."""

    indicator: str = ""
    role: Literal[ROLES]
    series: Text | None = None
    driver: Text | None = None
    elasticity: Elasticity | None = None
    of: Text | None = None
    phi: Annotated[float, _rule(lambda v: -1 < v < 1, "must be in (-1, 1)")] | None = None
    sd_logit: Annotated[float, _rule(lambda v: v >= 0, "must not be negative"),
                        _rule(lambda v: v <= 2, "must be at most 2 (logit units a year)")] | None = None
    rationale: Text
    refs: Refs1
    _derived = ("indicator",)

    @classmethod
    def _prepare(cls, data: dict[str, Any], info: ValidationInfo) -> dict[str, Any]:
        role = data.get("role")
        if role in ROLES:
            own = ("series", "driver", "elasticity") if role == "growth" else ("of", "phi", "sd_logit")
            for key in data:
                if key not in ("role", *own, "rationale", "refs"):
                    _fail(f"unknown key; expected one of {', '.join(('role', *own, 'rationale', 'refs'))}", key)
            for key in own if role == "share" else ("series",) + (("elasticity",) if "driver" in data else ()):
                if key not in data:
                    _fail("is missing", key)
            if "elasticity" in data and "driver" not in data:
                _fail("needs a driver; remove it or add driver", "elasticity")
        return data


class ModelSpec(_Table):
    """``[model]``: the shocks' degrees of freedom, the zone's volatility scale, the range of φ each path draws
    (``phi_range_se`` standard errors either side), the sensitivity settings of the calibration (a later first
    year, series rows to leave out as breaks) and every indicator's role."""

    t_df: Annotated[float, _rule(lambda v: v > 2, "must be above 2 (a finite variance); "
                                                  "omit it for normal shocks")] | None = None
    t_df_rationale: Text = ""
    vol_scale: VolScale
    vol_scale_rationale: Text
    phi_range_se: Annotated[float, _rule(lambda v: 0 <= v <= 4, "must be between 0 and 4 (standard errors)")] = 0.0
    window_first_year: Annotated[int, _rule(lambda v: 1990 <= v <= 2020, "must be a year in 1990-2020")] | None = None
    series_breaks: Refs = ()
    parameters_rationale: Text = ""
    refs: Refs1
    roles: dict[str, RoleSpec]

    @classmethod
    def _prepare(cls, data: dict[str, Any], info: ValidationInfo) -> dict[str, Any]:
        if "t_df" in data and "t_df_rationale" not in data:
            _fail("is missing", "t_df_rationale")
        return _by_indicator(data, info, ("t_df", "t_df_rationale", "vol_scale", "vol_scale_rationale",
                                          "phi_range_se", "window_first_year", "series_breaks",
                                          "parameters_rationale", "refs"), "roles")

    @model_validator(mode="after")
    def _links(self) -> ModelSpec:
        roles = {name: r.model_copy(update={"indicator": name}) for name, r in self.roles.items()}
        object.__setattr__(self, "roles", roles)
        for name, r in roles.items():
            d = roles.get(r.driver)
            if r.driver is not None and (r.driver == name or d is None or d.role != "growth" or d.driver):
                _fail("must name another growth indicator that has no driver itself", f"{name}.driver")
            if r.role == "share" and (r.of == name or r.of not in roles or roles[r.of].role != "growth"):
                _fail("must name a growth indicator of the file", f"{name}.of")
        return self


class DeflatorSpec(_Table):
    """``[deflator]``: the price path (per cent a year) of one indicator, start and end each a range."""

    indicator: Annotated[Text, _of_file("unknown value")]
    start_pct: PriceRange
    end_pct: PriceRange
    rationale: Text
    refs: Refs1


class PipelineSpec(_Table):
    """``[pipeline]``: signed investment that adds to one indicator's level from the year it comes on stream."""

    enabled: bool
    indicator: Annotated[Text, _of_file("unknown value")]
    capital_row: Text
    projects_row: Text
    arrival_share: Share
    years_to_stream: Years
    output_per_investment: Ratio
    rationale: Text
    refs: Refs1


class Meta(_Table):
    """``[meta]``: the file's titles and its last projected year."""

    title_zh: Text
    title_en: Text
    last_year: Year


def _names(what: str) -> BeforeValidator:
    def check(v: Any) -> Any:
        if not isinstance(v, dict) or not v:
            _fail("must be a table" if not isinstance(v, dict) else f"must define at least one {what}")
        for key in filter(lambda k: not _SLUG.match(k), v):
            _fail(f"{what} names use a-z, 0-9 and _ only", key)
        return v
    return BeforeValidator(check)


def _array(v: Any) -> tuple[Any, ...]:
    if not isinstance(v, list):
        _fail("must be an array of tables ([[targets]])")
    for i, t in enumerate(v):
        if not isinstance(t, dict):
            _fail("must be a table ([[targets]])", f"[{i}]")
    return tuple(v)


class ScenarioConfig(_Table):
    """A checked scenario file, in file order (:func:`read_config`); what needs two tables (a nominal target
    and the deflator, the pipeline and its role, duplicate target ids) is checked once the tables are valid."""

    meta: Meta
    indicators: Annotated[dict[str, IndicatorSpec], _names("indicator")]
    scenarios: Annotated[dict[str, Scenario], _names("scenario")]
    targets: Annotated[tuple[Target, ...], BeforeValidator(_array)] = ()
    model: ModelSpec | None = None
    deflator: DeflatorSpec | None = None
    pipeline: PipelineSpec | None = None

    @model_validator(mode="after")
    def _across_tables(self) -> ScenarioConfig:
        seen: dict[str, int] = {}
        for i, t in enumerate(self.targets):
            if t.id in seen:
                _fail(f"duplicate target id {t.id!r} (first at targets[{seen[t.id]}])", f"targets[{i}].id")
            seen[t.id] = i
            if t.nominal and (self.deflator is None or self.deflator.indicator != t.indicator):
                _fail(f"needs a [deflator] for {t.indicator!r} to give its current-price path",
                      f"targets[{i}].nominal")
        p, m = self.pipeline, self.model
        if p is not None and m is not None and p.indicator in m.roles and m.roles[p.indicator].role != "growth":
            _fail("must name a growth indicator of [model] (a share follows its whole)", "pipeline.indicator")
        return self

    def referenced_rows(self) -> tuple[str, ...]:
        """Every data row id the file uses (level rows, every ``refs`` entry, the pipeline's rows), sorted."""
        ids = {*(r for i in self.indicators.values() for r in (*i.data_rows, *i.estimate_2025.refs)),
               *(r for s in self.scenarios.values() for p in s.paths.values() for r in p.refs),
               *(r for t in self.targets for r in (*t.refs, *([t.growth_row] if t.growth_row else [])))}
        tables = [t for t in (self.model, self.deflator, self.pipeline) if t is not None]
        ids.update(r for t in tables + list(self.model.roles.values() if self.model else []) for r in t.refs)
        ids.update(self.model.series_breaks if self.model else ())
        ids.update((self.pipeline.capital_row, self.pipeline.projects_row) if self.pipeline else ())
        return tuple(sorted(ids))


_MESSAGES = {"missing": "is missing", "float_type": "must be a number", "int_type": "must be a whole year such as 2030",
             "finite_number": "must be a finite number", "string_type": "must be a string",
             "bool_type": "must be true or false", "dict_type": "must be a table", "model_type": "must be a table"}


def _problem(error: Mapping[str, Any], where: str) -> Problem:
    """One pydantic error as a Problem naming the file's key (without the grouping ``paths``, ``roles``)."""
    loc, ctx = list(error["loc"]), error.get("ctx") or {}
    if loc[:1] == ["scenarios"] and loc[2:3] == ["paths"] or loc[:2] == ["model", "roles"]:
        del loc[2 if loc[0] == "scenarios" else 1]
    key = "".join(f"[{p}]" if isinstance(p, int) else (f".{p}" if i else str(p)) for i, p in enumerate(loc))
    key = f"{key}.{ctx['at']}".replace(".[", "[").strip(".") if ctx.get("at") else key
    if error["type"] == "literal_error":
        choices = ", ".join(re.findall(r"'([^']*)'", ctx["expected"]))
        return Problem(where, None, key, f"unknown value {error['input']!r}; expected one of {choices}")
    return Problem(where, None, key or None, _MESSAGES.get(error["type"], error["msg"]))


def read_config(path: str | os.PathLike[str], where: str | None = None) -> ScenarioConfig:
    """Read (:func:`ygx_analysis.data.files.read_toml`: a regular file of bounded size and nesting) and check.

    A :class:`DataError` holds every problem, each starting with ``where`` (default:
    :func:`~ygx_analysis.data.files.display_path` of ``path``).
    """
    doc, where = files.read_toml(path), files.display_path(path) if where is None else where
    names = tuple(doc["indicators"]) if isinstance(doc.get("indicators"), dict) else ()
    try:
        return ScenarioConfig.model_validate(doc, context={"indicators": names})
    except ValidationError as exc:
        raise DataError([_problem(e, where) for e in exc.errors()]) from None
