"""The schema of ``data/scenarios.toml``: one declarative pydantic model, :class:`ScenarioConfig`, checked once.

The file says, for each indicator, where its 2025 (jump-off) level comes from;
for each scenario (``low``, ``base``, ``high``, …) and indicator, a start and an
end growth rate, the glide between them and a one-line rationale with the data
rows it rests on; targets with their status; and the joint model's ``[model]``
(every indicator's role), ``[deflator]`` (a price path) and ``[pipeline]`` (the
2024 investment pipeline). :func:`read_config` parses and checks it; every
problem is a :class:`~ygx_analysis.data.files.Problem` of one line naming the
file and the key, raised together as a :class:`~ygx_analysis.data.files.DataError`::

    data/scenarios.toml: scenarios.base.fiscal_revenue_total.end_growth_pct: must be a number

The config is not the model: :class:`~ygx_analysis.scenarios.ScenarioModel` is
built from a config and the data rows it names.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Mapping
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationError, model_validator
from pydantic import AfterValidator, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from ..arithmetic.growth import H1_SHARE_ROWS
from ..data import files
from ..data.files import DataError, Problem
from ..data.tables import CJK_CHARACTER

__all__ = [
    "BASE_YEAR", "GLIDES", "METHODS", "ROLES", "TARGET_STATUSES", "TOP_LEVEL_TABLES", "YEAR_MAX", "YEAR_MIN",
    "Assumption", "DeflatorSpec", "IndicatorSpec", "ModelSpec", "PathSpec", "PipelineSpec", "RoleSpec",
    "Scenario", "ScenarioConfig", "Target", "read_config",
]

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
    """Raise a problem; ``at`` is a key below the validated value (``'h1_row'``)."""
    raise PydanticCustomError("scenario", message.replace("{", "{{").replace("}", "}}"), {"at": at})


def _text(v: str) -> str:
    if not v.strip():
        _fail("must not be empty")
    return v


def _chinese(v: str) -> str:
    """An optional Chinese text (``rationale_zh``, ``source_zh``); without it the Chinese tables show the English."""
    if not CJK_CHARACTER.search(v):
        _fail("must be Chinese text (the English goes in the key without _zh)")
    return v


def _refs(v: Any, at_least: int = 0) -> tuple[str, ...]:
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        _fail("must be a list of strings")
    if len(v) < at_least:
        _fail(f"must list at least {at_least} row id")
    return tuple(v)


def _year(v: Any) -> int:
    if isinstance(v, bool) or not isinstance(v, int):
        _fail("must be a whole year such as 2030")
    if not YEAR_MIN <= v <= YEAR_MAX:
        _fail(f"must be between {YEAR_MIN} and {YEAR_MAX}")
    if v <= BASE_YEAR:
        _fail(f"must be after the jump-off year {BASE_YEAR}")
    return v


def _growth(v: float) -> float:
    if not -50 <= v <= 50:
        _fail("must be between -50 and 50 (per cent a year)")
    return v


Text = Annotated[str, AfterValidator(_text)]
Chinese = Annotated[str, AfterValidator(_text), AfterValidator(_chinese)]
Refs = Annotated[tuple[str, ...], BeforeValidator(_refs)]
Refs1 = Annotated[tuple[str, ...], BeforeValidator(lambda v: _refs(v, 1))]
Year = Annotated[int, BeforeValidator(_year)]
Growth = Annotated[float, AfterValidator(_growth)]


class _Table(BaseModel):
    """A TOML table: a mapping, no unknown key, strict types (a string is not a number)."""

    model_config = ConfigDict(strict=True, frozen=True, allow_inf_nan=False, extra="forbid")
    _derived: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def keys(cls) -> tuple[str, ...]:
        """The keys the file may give, in order."""
        return tuple(k for k in cls.model_fields if k not in cls._derived)

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
        data = cls._prepare(data, info)
        for key in data:
            if key not in cls.keys():
                _fail(f"unknown key; expected one of {', '.join(cls.keys())}", key)
        return handler(data)


class Assumption(_Table):
    """A default and the range it may plausibly take; subclasses set the bounds of every value."""

    default: float
    low: float
    high: float
    bounds: ClassVar[tuple[float, float, str]] = (-math.inf, math.inf, "")
    whole: ClassVar[bool] = False

    @field_validator("default", "low", "high")
    @classmethod
    def _in_bounds(cls, v: float) -> float:
        low, high, brackets = cls.bounds
        if cls.whole and v != round(v):
            _fail("must be a whole number")
        if not low <= v <= high or (brackets[0] == "(" and v == low):
            _fail(f"must be in {brackets[0]}{low:g}, {high:g}{brackets[1]}" if brackets != "%"
                  else "must be between -50 and 50 (per cent a year)")
        return v

    @model_validator(mode="after")
    def _ordered(self) -> Assumption:
        if not self.low <= self.default <= self.high:
            _fail("must have low <= default <= high")
        return self


class GrowthRange(Assumption):
    bounds = (-50.0, 50.0, "%")


def _bounded(low: float, high: float, brackets: str = "[]", whole: bool = False) -> type[Assumption]:
    return type(f"Range_{low:g}_{high:g}", (Assumption,), {"bounds": (low, high, brackets), "whole": whole,
                                                           "__module__": __name__})


Elasticity, VolScale, PriceRange = _bounded(0.0, 5.0), _bounded(0.0, 10.0, "(]"), _bounded(-50.0, 50.0)
Share, Years, Ratio = _bounded(0.0, 1.0), _bounded(0.0, 10.0, whole=True), _bounded(0.0, 20.0)


class Estimate(_Table):
    """``indicators.NAME.estimate_2025``: how the 2025 level is found."""

    method: Literal[METHODS]
    rationale: Text
    refs: Refs1
    growth_pct: GrowthRange | None = None
    h1_rule: Literal[tuple(H1_SHARE_ROWS)] | None = None


class IndicatorSpec(_Table):
    """One projected indicator: labels, unit and how its 2025 level is found.

    ``estimate_2025.growth_pct`` is the 2025 growth range of method ``grow_2024``;
    method ``annualize_h1`` names the kind of the package's H1-to-year rule in
    ``estimate_2025.h1_rule``, whose range comes from ``context.csv``.
    """

    label_zh: Text
    label_en: Text
    unit: Text
    price_basis: Text
    level_row: Text | None = None
    yoy_row: Text | None = None
    h1_row: Text | None = None
    estimate_2025: Estimate

    @model_validator(mode="after")
    def _method_keys(self) -> IndicatorSpec:
        used = {"grow_2024": ("level_row", "yoy_row", "estimate_2025.growth_pct"),
                "annualize_h1": ("h1_row", "estimate_2025.h1_rule")}
        for method, keys in used.items():
            for key in keys:
                given = getattr(self.estimate_2025, key[14:]) if "." in key else getattr(self, key)
                if method == self.method and given is None:
                    _fail("is missing", key)
                if method != self.method and given is not None:
                    _fail(f"not used by method {self.method!r}; remove it", key)
        return self

    @property
    def method(self) -> str:
        return self.estimate_2025.method

    @property
    def h1_rule(self) -> str | None:
        return self.estimate_2025.h1_rule

    @property
    def rationale(self) -> str:
        return self.estimate_2025.rationale

    @property
    def refs(self) -> tuple[str, ...]:
        return self.estimate_2025.refs

    @property
    def data_rows(self) -> tuple[str, ...]:
        """The indicators.csv rows its levels come from."""
        return tuple(r for r in (self.level_row, self.yoy_row, self.h1_row) if r)

    def label(self, lang: str = "zh") -> str:
        """The label in ``lang`` ('zh' or 'en')."""
        return self.label_zh if lang == "zh" else self.label_en


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


def _indicator_tables(table: Any, info: ValidationInfo, fixed: tuple[str, ...], what: str) -> dict[str, Any]:
    """Split a table of fixed keys and one sub-table per indicator (a scenario, ``[model]``)."""
    if not isinstance(table, dict):
        _fail("must be a table")
    names = (info.context or {}).get("indicators", ())
    for key, value in table.items():
        if key not in fixed and key not in names:
            if isinstance(value, dict) and what == "scenario":
                _fail(f"unknown indicator {key!r}; expected one of {', '.join(names)}", key)
            _fail(f"unknown key; expected one of {', '.join(fixed)}"
                  + (" or an indicator table" if what == "scenario" else "".join(f", {n}" for n in names)), key)
    for name in names:
        if name not in table:
            _fail("is missing" + ("; every indicator needs a role" if what == "model" else ""), name)
    return {**{k: v for k, v in table.items() if k in fixed}, what: {n: table[n] for n in names}}


class Scenario(_Table):
    """A named scenario: labels, a description and one :class:`PathSpec` per indicator, in file order."""

    label_zh: Text
    label_en: Text
    description: Text
    paths: dict[str, PathSpec]

    @classmethod
    def _prepare(cls, data: dict[str, Any], info: ValidationInfo) -> dict[str, Any]:
        split = _indicator_tables(data, info, ("label_zh", "label_en", "description"), "scenario")
        paths = split.pop("scenario")
        return {**split, "paths": paths}

    def label(self, lang: str = "zh") -> str:
        """The label in ``lang``."""
        return self.label_zh if lang == "zh" else self.label_en


class Target(_Table):
    """A level to reach by a year: a value, a multiple of 2025, or a growth rate from a data row.

    ``status`` is one of :data:`TARGET_STATUSES`; ``nominal`` compares the target
    with the indicator's current-price path (the file's ``[deflator]``).
    """

    id: Text
    indicator: Text
    year: Year
    value: float | None = None
    multiple_of_2025: float | None = None
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

    @field_validator("id")
    @classmethod
    def _slug(cls, v: str) -> str:
        if not _SLUG.match(v):
            _fail("target ids use a-z, 0-9 and _ only")
        return v

    @field_validator("indicator")
    @classmethod
    def _known(cls, v: str, info: ValidationInfo) -> str:
        names = (info.context or {}).get("indicators")
        if names is not None and v not in names:
            _fail(f"unknown indicator {v!r}; expected one of {', '.join(names)}")
        return v

    @field_validator("value", "multiple_of_2025")
    @classmethod
    def _positive(cls, v: float | None) -> float | None:
        if v is not None and v <= 0:
            _fail("must be positive")
        return v

    @property
    def kind(self) -> str:
        """'value', 'multiple_of_2025' or 'growth_row'."""
        if self.value is not None:
            return "value"
        return "multiple_of_2025" if self.multiple_of_2025 is not None else "growth_row"

    def label(self, lang: str = "zh") -> str:
        """The label in ``lang``, with its status unless official (示意 / illustrative, 推算 / derived).

        Examples
        --------
        >>> Target(id="t", indicator="gross_output", year=2030, value=1000.0, status="illustrative",
        ...        label_zh="千亿", label_en="1000", source="s", refs=[]).label("en")
        '1000 (illustrative)'
        """
        text = self.label_zh if lang == "zh" else self.label_en
        word = STATUS_WORDS[self.status][0 if lang == "zh" else 1]
        return text if not word else (f"{text}（{word}）" if lang == "zh" else f"{text} ({word})")


class RoleSpec(_Table):
    """One indicator's role in the joint model: ``growth`` (an AR(1) shock fitted to a national ``series``,
    perhaps driven by another indicator through ``elasticity``) or ``share`` (a logit AR(1) share ``of`` a whole)."""

    indicator: str = ""
    role: Literal[ROLES]
    series: Text | None = None
    driver: Text | None = None
    elasticity: Elasticity | None = None
    of: Text | None = None
    phi: float | None = None
    sd_logit: float | None = None
    rationale: Text
    refs: Refs1
    _derived = ("indicator",)
    _ROLE_KEYS: ClassVar[dict[str, tuple[str, ...]]] = {"growth": ("series", "driver", "elasticity"),
                                                        "share": ("of", "phi", "sd_logit")}

    @classmethod
    def _prepare(cls, data: dict[str, Any], info: ValidationInfo) -> dict[str, Any]:
        role = data.get("role")
        if role in ROLES:
            allowed = ("role", *cls._ROLE_KEYS[role], "rationale", "refs")
            for key in data:
                if key not in allowed:
                    _fail(f"unknown key; expected one of {', '.join(allowed)}", key)
            for key in (("series",) if role == "growth" else cls._ROLE_KEYS["share"]):
                if key not in data:
                    _fail("is missing", key)
            if "elasticity" in data and "driver" not in data:
                _fail("needs a driver; remove it or add driver", "elasticity")
            if "driver" in data and "elasticity" not in data:
                _fail("is missing", "elasticity")
        return data

    @field_validator("phi")
    @classmethod
    def _phi(cls, v: float | None) -> float | None:
        if v is not None and not -1 < v < 1:
            _fail("must be in (-1, 1)")
        return v

    @field_validator("sd_logit")
    @classmethod
    def _sd(cls, v: float | None) -> float | None:
        if v is not None and v < 0:
            _fail("must not be negative")
        if v is not None and v > 2:
            _fail("must be at most 2 (logit units a year)")
        return v


class ModelSpec(_Table):
    """``[model]``: the shocks' degrees of freedom, the zone's volatility scale and every indicator's role."""

    t_df: float | None = None
    t_df_rationale: Text = ""
    vol_scale: VolScale
    vol_scale_rationale: Text
    refs: Refs1
    roles: dict[str, RoleSpec]

    @classmethod
    def _prepare(cls, data: dict[str, Any], info: ValidationInfo) -> dict[str, Any]:
        split = _indicator_tables(data, info, ("t_df", "t_df_rationale", "vol_scale", "vol_scale_rationale",
                                               "refs"), "model")
        if "t_df" in split and "t_df_rationale" not in split:
            _fail("is missing", "t_df_rationale")
        roles = split.pop("model")
        return {**split, "roles": roles}

    @field_validator("t_df")
    @classmethod
    def _finite_variance(cls, v: float | None) -> float | None:
        if v is not None and v <= 2:
            _fail("must be above 2 (a finite variance); omit it for normal shocks")
        return v

    @model_validator(mode="after")
    def _links(self) -> ModelSpec:
        roles = {name: r.model_copy(update={"indicator": name}) for name, r in self.roles.items()}
        object.__setattr__(self, "roles", roles)
        for name, r in roles.items():
            if r.driver is not None:
                d = roles.get(r.driver)
                if r.driver == name or d is None or d.role != "growth" or d.driver is not None:
                    _fail("must name another growth indicator that has no driver itself", f"{name}.driver")
            if r.role == "share" and (r.of == name or r.of not in roles or roles[r.of].role != "growth"):
                _fail("must name a growth indicator of the file", f"{name}.of")
        return self

    def growth_order(self) -> tuple[str, ...]:
        """Growth indicators, drivers first (the order the simulation needs)."""
        growth = [r for r in self.roles.values() if r.role == "growth"]
        return tuple([r.indicator for r in growth if r.driver is None]
                     + [r.indicator for r in growth if r.driver is not None])

    def shares(self) -> tuple[str, ...]:
        """Share indicators, in file order."""
        return tuple(r.indicator for r in self.roles.values() if r.role == "share")


def _file_indicator(v: str, info: ValidationInfo) -> str:
    names = (info.context or {}).get("indicators")
    if names is not None and v not in names:
        _fail(f"unknown value {v!r}; expected one of {', '.join(names)}")
    return v


class DeflatorSpec(_Table):
    """``[deflator]``: the price path (per cent a year) of one indicator, start and end each a range."""

    indicator: Text
    start_pct: PriceRange
    end_pct: PriceRange
    rationale: Text
    refs: Refs1
    _indicator = field_validator("indicator")(_file_indicator)


class PipelineSpec(_Table):
    """``[pipeline]``: signed investment that adds to one indicator's level from the year it comes on stream."""

    enabled: bool
    indicator: Text
    capital_row: Text
    projects_row: Text
    arrival_share: Share
    years_to_stream: Years
    output_per_investment: Ratio
    rationale: Text
    refs: Refs1
    _indicator = field_validator("indicator")(_file_indicator)


class Meta(_Table):
    title_zh: Text
    title_en: Text
    last_year: Year


def _names(what: str) -> Any:
    def check(v: Any) -> Any:
        if not isinstance(v, dict):
            _fail("must be a table")
        if not v:
            _fail(f"must define at least one {what}")
        for key in v:
            if not _SLUG.match(key):
                _fail(f"{what} names use a-z, 0-9 and _ only", key)
        return v
    return BeforeValidator(check)


def _array(v: Any) -> Any:
    if not isinstance(v, list):
        _fail("must be an array of tables ([[targets]])")
    for i, t in enumerate(v):
        if not isinstance(t, dict):
            _fail("must be a table ([[targets]])", f"[{i}]")
    return tuple(v)


class ScenarioConfig(_Table):
    """A checked scenario file, in file order: meta, indicators, scenarios, targets and the joint model.

    Build it with :func:`read_config` (or ``ScenarioConfig.model_validate(doc,
    context={"indicators": names})``); problems that need two tables (a nominal
    target and the deflator, the pipeline's indicator and its role, duplicate
    target ids) are checked here once the tables are valid.
    """

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

    @property
    def last_year(self) -> int:
        return self.meta.last_year

    def referenced_rows(self) -> tuple[str, ...]:
        """Every data row id the file uses (level rows, every ``refs`` entry, the pipeline's rows), sorted."""
        ids = {*(r for i in self.indicators.values() for r in (*i.data_rows, *i.refs)),
               *(r for s in self.scenarios.values() for p in s.paths.values() for r in p.refs),
               *(r for t in self.targets for r in (*t.refs, *([t.growth_row] if t.growth_row else [])))}
        for table in (self.model, self.deflator, self.pipeline):
            ids.update(table.refs if table is not None else ())
        if self.model is not None:
            ids.update(r for role in self.model.roles.values() for r in role.refs)
        if self.pipeline is not None:
            ids.update((self.pipeline.capital_row, self.pipeline.projects_row))
        return tuple(sorted(ids))


def _key(loc: tuple[Any, ...]) -> str:
    """A pydantic location as the file's key: ``targets[1].year``, ``scenarios.base.value_added.glide``.

    The model's own grouping of a scenario's and ``[model]``'s indicator tables
    (``paths``, ``roles``) is not in the file.
    """
    parts = list(loc)
    if parts[:1] == ["scenarios"] and parts[2:3] == ["paths"]:
        del parts[2]
    if parts[:2] == ["model", "roles"]:
        del parts[1]
    return "".join(f"[{p}]" if isinstance(p, int) else (f".{p}" if i else str(p)) for i, p in enumerate(parts))


_MESSAGES = {"missing": "is missing", "float_type": "must be a number", "int_type": "must be a number",
             "finite_number": "must be a finite number", "string_type": "must be a string",
             "bool_type": "must be true or false", "dict_type": "must be a table", "model_type": "must be a table"}


def problems_of(error: ValidationError, where: str) -> list[Problem]:
    """Every problem of a pydantic ``ValidationError`` as one :class:`~ygx_analysis.data.files.Problem` each."""
    out = []
    for e in error.errors():
        loc, ctx = e["loc"], e.get("ctx") or {}
        if e["type"] == "scenario":
            message = e["msg"]
        elif e["type"] == "literal_error":
            choices = ", ".join(re.findall(r"'([^']*)'", ctx["expected"]))
            message = f"unknown value {e['input']!r}; expected one of {choices}"
        else:
            message = _MESSAGES.get(e["type"], e["msg"])
        key = ".".join(p for p in (_key(loc), ctx.get("at", "")) if p).replace(".[", "[")
        out.append(Problem(where, None, key or None, message))
    return out


def read_config(path: str | os.PathLike[str], where: str | None = None) -> ScenarioConfig:
    """Read and check a scenario file.

    The file is read by :func:`ygx_analysis.data.files.read_toml` (a regular file
    of bounded size and nesting, UTF-8); ``where`` is the name every problem
    starts with (default: :func:`~ygx_analysis.data.files.display_path`).

    Raises
    ------
    DataError
        Every problem, one line each naming the file and the key.

    Examples
    --------
    >>> read_config("no/such/file.toml")
    Traceback (most recent call last):
    ...
    ygx_analysis.data.files.DataError: no/such/file.toml: file not found
    >>> cfg = read_config("data/scenarios.toml")
    >>> list(cfg.scenarios), cfg.last_year
    (['low', 'base', 'high'], 2030)
    """
    doc = files.read_toml(path)
    return check_config(doc, files.display_path(path) if where is None else where)


def check_config(doc: Mapping[str, Any], where: str) -> ScenarioConfig:
    """Check a parsed scenario file (:func:`read_config` without the reading).

    Examples
    --------
    >>> check_config({"meta": {"title_zh": "t", "title_en": "t", "last_year": 2040}}, "s.toml")
    Traceback (most recent call last):
    ...
    ygx_analysis.data.files.DataError: s.toml: meta.last_year: must be between 2025 and 2035
    """
    tables = doc.get("indicators")
    names = tuple(tables) if isinstance(tables, dict) else ()
    try:
        return ScenarioConfig.model_validate(doc, context={"indicators": names})
    except ValidationError as exc:
        raise DataError(problems_of(exc, where)) from None
