"""十五五 (2026–2030) scenarios: editable assumptions → deterministic paths, summaries, required growth.

The assumptions live in ``data/scenarios.toml`` so that they can be read and
changed without code: for each indicator, where its jump-off level comes from;
for each scenario (``low``, ``base``, ``high``, …) and indicator, a start and an
end growth rate, the glide between them, an uncertainty (sd) and a one-line
rationale with the data rows it rests on; and optional targets.
:func:`load_scenarios` checks the file and reports every problem as one line
that names the key, for example::

    data/scenarios.toml: scenarios.base.fiscal_revenue_total.end_growth_pct: must be a number

History and projection are kept apart. For the fiscal indicators the article
prints the 2024 level and its growth, so the frame holds the implied 2023 level
(:func:`~ygx_analysis.growth.implied_prior_level`), the 2024 level as printed,
and a 2025 level that is itself a projection (there is no 2025 print). For gross
output and value added the article prints only January–June 2025; the annual
2025 level is an estimate, ``H1 / h1_share``
(:func:`~ygx_analysis.growth.annualize_half_year`), with the share an explicit
assumption. The ``basis`` column says which is which; ``is_projection`` is True
for every value that was not printed or implied by printed figures.

All compounding is done by :mod:`ygx_analysis.growth`. This module imports only
the standard library, numpy and pandas.
"""

from __future__ import annotations

import math
import os
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import growth
from .data import DataError, default_data_dir, display_path, load_context, load_indicators

BASE_YEAR = 2025
"""The jump-off year: the last year with (partial) data; projections start the year after."""

YEAR_MIN, YEAR_MAX = 2025, 2035
"""Years a scenario file may name (``meta.last_year``, target years)."""

GLIDES = ("linear", "front_loaded", "back_loaded", "constant")
"""Shapes of the path from the start to the end growth rate (see :func:`glide_path`)."""

METHODS = ("grow_2024", "annualize_h1")
"""How an indicator's 2025 level is found: from the 2024 print, or from the January–June 2025 print."""

GROWTH_LIMIT_PCT = 50.0
"""Growth assumptions must lie in [-50, 50] per cent a year."""

SD_LIMIT_PP = 20.0
"""An sd above 20 percentage points a year is refused as a likely typo."""

BASIS_IMPLIED = "implied from 2024 level and growth"
BASIS_REPORTED = "reported"
BASIS_ESTIMATE_H1 = "estimate from 2025H1"
BASIS_PROJECTION_2025 = "projection (no 2025 print)"
BASIS_SCENARIO = "scenario projection"
BASES = (BASIS_IMPLIED, BASIS_REPORTED, BASIS_ESTIMATE_H1, BASIS_PROJECTION_2025, BASIS_SCENARIO)
"""The words of the ``basis`` column, from most to least observed."""

PROJECTION_COLUMNS = ("scenario", "indicator", "year", "value", "is_projection", "basis",
                      "growth_pct", "unit", "row_ids")

_SLUG = re.compile(r"^[a-z0-9_]+$")
_TOML_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")


class ScenarioError(ValueError):
    """A problem in a scenario file, printed as one line naming the file and the key.

    Attributes
    ----------
    problems : list of str
        Every problem found; the message is the first.
    """

    def __init__(self, problems: Sequence[str]):
        self.problems = list(problems)
        super().__init__(self.problems[0])


# ---------------------------------------------------------------------------
# the parsed specification
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Assumption:
    """A named assumption: a default and the range it may plausibly take."""

    name: str
    default: float
    low: float
    high: float


@dataclass(frozen=True)
class IndicatorSpec:
    """One projected indicator: labels, unit and how its 2025 level is found."""

    name: str
    label_zh: str
    label_en: str
    unit: str
    price_basis: str
    method: str
    assumption: Assumption
    rationale: str
    refs: tuple[str, ...]
    level_row: str | None = None
    yoy_row: str | None = None
    h1_row: str | None = None

    def label(self, lang: str = "zh") -> str:
        """The label in ``lang`` ('zh' or 'en')."""
        return self.label_zh if lang == "zh" else self.label_en

    @property
    def data_rows(self) -> tuple[str, ...]:
        """The indicators.csv rows its levels come from."""
        return tuple(r for r in (self.level_row, self.yoy_row, self.h1_row) if r)


@dataclass(frozen=True)
class PathSpec:
    """One indicator under one scenario: growth from start to end, its glide, sd and rationale."""

    scenario: str
    indicator: str
    start_growth_pct: float
    end_growth_pct: float
    glide: str
    sd_pct: float
    rationale: str
    refs: tuple[str, ...]


@dataclass(frozen=True)
class Scenario:
    """A named scenario: a label and one :class:`PathSpec` per indicator."""

    name: str
    label_zh: str
    label_en: str
    description: str
    paths: Mapping[str, PathSpec] = field(default_factory=dict)

    def label(self, lang: str = "zh") -> str:
        """The label in ``lang``."""
        return self.label_zh if lang == "zh" else self.label_en


@dataclass(frozen=True)
class Target:
    """A level to reach by a year: a value, a multiple of 2025, or a growth rate from a data row."""

    id: str
    indicator: str
    year: int
    label_zh: str
    label_en: str
    source: str
    refs: tuple[str, ...]
    value: float | None = None
    multiple_of_2025: float | None = None
    growth_row: str | None = None

    @property
    def kind(self) -> str:
        """'value', 'multiple_of_2025' or 'growth_row'."""
        if self.value is not None:
            return "value"
        return "multiple_of_2025" if self.multiple_of_2025 is not None else "growth_row"

    def label(self, lang: str = "zh") -> str:
        """The label in ``lang``."""
        return self.label_zh if lang == "zh" else self.label_en


@dataclass(frozen=True)
class ScenarioSet:
    """A checked scenario file: indicators, scenarios and targets in file order."""

    source: str
    title_zh: str
    title_en: str
    last_year: int
    indicators: Mapping[str, IndicatorSpec]
    scenarios: Mapping[str, Scenario]
    targets: tuple[Target, ...]

    @property
    def years(self) -> tuple[int, ...]:
        """The projected years, ``BASE_YEAR + 1`` … ``last_year``."""
        return tuple(range(BASE_YEAR + 1, self.last_year + 1))

    def path(self, scenario: str, indicator: str) -> PathSpec:
        """The path of one indicator under one scenario."""
        return self.scenarios[check_scenario(self, scenario)].paths[check_indicator(self, indicator)]

    def referenced_rows(self) -> tuple[str, ...]:
        """Every data row id the file uses (level rows and every ``refs`` entry), sorted."""
        ids: set[str] = set()
        for ind in self.indicators.values():
            ids.update(ind.data_rows)
            ids.update(ind.refs)
        for scen in self.scenarios.values():
            for p in scen.paths.values():
                ids.update(p.refs)
        for t in self.targets:
            ids.update(t.refs)
            if t.growth_row:
                ids.add(t.growth_row)
        return tuple(sorted(ids))


def check_indicator(spec: ScenarioSet, indicator: str) -> str:
    """Return ``indicator`` or raise ``ValueError`` naming it."""
    if indicator not in spec.indicators:
        raise ValueError(f"indicator: unknown indicator {indicator!r}; expected one of "
                         f"{', '.join(spec.indicators)}")
    return indicator


def check_scenario(spec: ScenarioSet, scenario: str) -> str:
    """Return ``scenario`` or raise ``ValueError`` naming it."""
    if scenario not in spec.scenarios:
        raise ValueError(f"scenario: unknown scenario {scenario!r}; expected one of "
                         f"{', '.join(spec.scenarios)}")
    return scenario


# ---------------------------------------------------------------------------
# loading and checking the TOML file
# ---------------------------------------------------------------------------

class _Checker:
    """Collects one-line problems ``file: key.path: message``."""

    def __init__(self, where: str):
        self.where = where
        self.problems: list[str] = []

    def fail(self, key: str, message: str) -> None:
        self.problems.append(f"{self.where}: {key}: {message}")

    def table(self, parent: Mapping[str, Any], name: str, key: str, *, required: bool = True) -> dict | None:
        if name not in parent:
            if required:
                self.fail(key, "is missing")
            return None
        value = parent[name]
        if not isinstance(value, dict):
            self.fail(key, "must be a table")
            return None
        return value

    def known_keys(self, table: Mapping[str, Any], allowed: Iterable[str], key: str) -> None:
        allowed = tuple(allowed)
        for name in table:
            if name not in allowed:
                self.fail(f"{key}.{name}", f"unknown key; expected one of {', '.join(allowed)}")

    def number(self, table: Mapping[str, Any], name: str, key: str, *, required: bool = True) -> float | None:
        if name not in table:
            if required:
                self.fail(key, "is missing")
            return None
        value = table[name]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(key, "must be a number")
            return None
        if not math.isfinite(value):
            self.fail(key, "must be a finite number")
            return None
        return float(value)

    def year(self, table: Mapping[str, Any], name: str, key: str) -> int | None:
        if name not in table:
            self.fail(key, "is missing")
            return None
        value = table[name]
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(key, "must be a whole year such as 2030")
            return None
        if not YEAR_MIN <= value <= YEAR_MAX:
            self.fail(key, f"must be between {YEAR_MIN} and {YEAR_MAX}")
            return None
        if value <= BASE_YEAR:
            self.fail(key, f"must be after the jump-off year {BASE_YEAR}")
            return None
        return value

    def string(self, table: Mapping[str, Any], name: str, key: str, *, required: bool = True,
               choices: Sequence[str] | None = None) -> str | None:
        if name not in table:
            if required:
                self.fail(key, "is missing")
            return None
        value = table[name]
        if not isinstance(value, str):
            self.fail(key, "must be a string")
            return None
        if not value.strip():
            self.fail(key, "must not be empty")
            return None
        if choices is not None and value not in choices:
            self.fail(key, f"unknown value {value!r}; expected one of {', '.join(choices)}")
            return None
        return value

    def strings(self, table: Mapping[str, Any], name: str, key: str, *, min_items: int = 0) -> tuple[str, ...] | None:
        if name not in table:
            self.fail(key, "is missing")
            return None
        value = table[name]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(key, "must be a list of strings")
            return None
        if len(value) < min_items:
            self.fail(key, f"must list at least {min_items} row id")
            return None
        return tuple(value)


def default_scenarios_path() -> Path:
    """``scenarios.toml`` in the data folder (see :func:`~ygx_analysis.data.default_data_dir`)."""
    return default_data_dir() / "scenarios.toml"


def _read_toml(path: Path) -> dict[str, Any]:
    shown = display_path(path)
    if not path.exists():
        raise ScenarioError([f"{shown}: file not found"])
    if path.is_dir():
        raise ScenarioError([f"{shown}: is a folder, not a TOML file"])
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ScenarioError([f"{shown}:{line}: not valid UTF-8; save the file as UTF-8"]) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = _TOML_LINE.search(message)
        line = f":{match.group(1)}" if match else ""
        detail = _TOML_LINE.sub("", message).strip().rstrip(".")
        if match:
            detail = f"{detail} (column {match.group(2)})"
        raise ScenarioError([f"{shown}{line}: invalid TOML: {detail}"]) from None


_TOP_KEYS = ("meta", "indicators", "scenarios", "targets")
_META_KEYS = ("title_zh", "title_en", "last_year")
_INDICATOR_KEYS = ("label_zh", "label_en", "unit", "price_basis", "level_row", "yoy_row", "h1_row",
                   "estimate_2025")
_ESTIMATE_KEYS = ("method", "rationale", "refs", "growth_pct", "h1_share")
_RANGE_KEYS = ("default", "low", "high")
_SCENARIO_KEYS = ("label_zh", "label_en", "description")
_PATH_KEYS = ("start_growth_pct", "end_growth_pct", "glide", "sd_pct", "rationale", "refs")
_TARGET_KEYS = ("id", "indicator", "year", "value", "multiple_of_2025", "growth_row", "label_zh",
                "label_en", "source", "refs")


def _growth(c: _Checker, table: Mapping[str, Any], name: str, key: str) -> float | None:
    value = c.number(table, name, key)
    if value is not None and not -GROWTH_LIMIT_PCT <= value <= GROWTH_LIMIT_PCT:
        c.fail(key, f"must be between {-GROWTH_LIMIT_PCT:g} and {GROWTH_LIMIT_PCT:g} (per cent a year)")
        return None
    return value


def _assumption(c: _Checker, table: Mapping[str, Any], name: str, key: str) -> Assumption | None:
    sub = c.table(table, name, key)
    if sub is None:
        return None
    c.known_keys(sub, _RANGE_KEYS, key)
    values = {}
    for part in _RANGE_KEYS:
        if name == "h1_share":
            v = c.number(sub, part, f"{key}.{part}")
            if v is not None and not 0 < v <= 1:
                c.fail(f"{key}.{part}", "must be a fraction in (0, 1]")
                v = None
        else:
            v = _growth(c, sub, part, f"{key}.{part}")
        values[part] = v
    if any(v is None for v in values.values()):
        return None
    if not values["low"] <= values["default"] <= values["high"]:
        c.fail(key, "must have low <= default <= high")
        return None
    return Assumption(name, values["default"], values["low"], values["high"])


def _indicator(c: _Checker, name: str, table: Any) -> IndicatorSpec | None:
    key = f"indicators.{name}"
    if not _SLUG.match(name):
        c.fail(key, "indicator names use a-z, 0-9 and _ only")
        return None
    if not isinstance(table, dict):
        c.fail(key, "must be a table")
        return None
    c.known_keys(table, _INDICATOR_KEYS, key)
    texts = {k: c.string(table, k, f"{key}.{k}") for k in ("label_zh", "label_en", "unit", "price_basis")}
    est = c.table(table, "estimate_2025", f"{key}.estimate_2025")
    if est is None:
        return None
    ekey = f"{key}.estimate_2025"
    c.known_keys(est, _ESTIMATE_KEYS, ekey)
    method = c.string(est, "method", f"{ekey}.method", choices=METHODS)
    rationale = c.string(est, "rationale", f"{ekey}.rationale")
    refs = c.strings(est, "refs", f"{ekey}.refs", min_items=1)
    rows: dict[str, str | None] = {"level_row": None, "yoy_row": None, "h1_row": None}
    assumption = None
    if method == "grow_2024":
        rows["level_row"] = c.string(table, "level_row", f"{key}.level_row")
        rows["yoy_row"] = c.string(table, "yoy_row", f"{key}.yoy_row")
        assumption = _assumption(c, est, "growth_pct", f"{ekey}.growth_pct")
        for extra in ("h1_row",):
            if extra in table:
                c.fail(f"{key}.{extra}", "not used by method 'grow_2024'; remove it")
        if "h1_share" in est:
            c.fail(f"{ekey}.h1_share", "not used by method 'grow_2024'; remove it")
    elif method == "annualize_h1":
        rows["h1_row"] = c.string(table, "h1_row", f"{key}.h1_row")
        assumption = _assumption(c, est, "h1_share", f"{ekey}.h1_share")
        for extra in ("level_row", "yoy_row"):
            if extra in table:
                c.fail(f"{key}.{extra}", "not used by method 'annualize_h1'; remove it")
        if "growth_pct" in est:
            c.fail(f"{ekey}.growth_pct", "not used by method 'annualize_h1'; remove it")
    if None in texts.values() or method is None or rationale is None or refs is None or assumption is None:
        return None
    if any(rows[k] is None for k in (("level_row", "yoy_row") if method == "grow_2024" else ("h1_row",))):
        return None
    return IndicatorSpec(name, texts["label_zh"], texts["label_en"], texts["unit"], texts["price_basis"],
                         method, assumption, rationale, refs, **rows)


def _path(c: _Checker, scenario: str, name: str, table: Any) -> PathSpec | None:
    key = f"scenarios.{scenario}.{name}"
    if not isinstance(table, dict):
        c.fail(key, "must be a table")
        return None
    c.known_keys(table, _PATH_KEYS, key)
    start = _growth(c, table, "start_growth_pct", f"{key}.start_growth_pct")
    end = _growth(c, table, "end_growth_pct", f"{key}.end_growth_pct")
    glide = c.string(table, "glide", f"{key}.glide", choices=GLIDES)
    sd = c.number(table, "sd_pct", f"{key}.sd_pct")
    if sd is not None and sd < 0:
        c.fail(f"{key}.sd_pct", "must not be negative")
        sd = None
    elif sd is not None and sd > SD_LIMIT_PP:
        c.fail(f"{key}.sd_pct", f"must be at most {SD_LIMIT_PP:g} (percentage points)")
        sd = None
    rationale = c.string(table, "rationale", f"{key}.rationale")
    refs = c.strings(table, "refs", f"{key}.refs", min_items=1)
    if glide == "constant" and start is not None and end is not None and start != end:
        c.fail(f"{key}.end_growth_pct", "must equal start_growth_pct when glide is 'constant'")
        return None
    if None in (start, end, glide, sd, rationale, refs):
        return None
    return PathSpec(scenario, name, start, end, glide, sd, rationale, refs)


def _scenario(c: _Checker, name: str, table: Any, indicators: Sequence[str]) -> Scenario | None:
    key = f"scenarios.{name}"
    if not _SLUG.match(name):
        c.fail(key, "scenario names use a-z, 0-9 and _ only")
        return None
    if not isinstance(table, dict):
        c.fail(key, "must be a table")
        return None
    texts = {k: c.string(table, k, f"{key}.{k}") for k in _SCENARIO_KEYS}
    paths: dict[str, PathSpec] = {}
    ok = None not in texts.values()
    for sub, value in table.items():
        if sub in _SCENARIO_KEYS:
            continue
        if sub not in indicators:
            if isinstance(value, dict):
                c.fail(f"{key}.{sub}", f"unknown indicator {sub!r}; expected one of {', '.join(indicators)}")
            else:
                c.fail(f"{key}.{sub}", f"unknown key; expected one of {', '.join(_SCENARIO_KEYS)} "
                                       f"or an indicator table")
            ok = False
            continue
        p = _path(c, name, sub, value)
        if p is None:
            ok = False
        else:
            paths[sub] = p
    for ind in indicators:
        if ind not in table:
            c.fail(f"{key}.{ind}", "is missing")
            ok = False
    if not ok:
        return None
    ordered = {ind: paths[ind] for ind in indicators}
    return Scenario(name, texts["label_zh"], texts["label_en"], texts["description"], ordered)


def _target(c: _Checker, index: int, table: Any, indicators: Sequence[str]) -> Target | None:
    key = f"targets[{index}]"
    if not isinstance(table, dict):
        c.fail(key, "must be a table ([[targets]])")
        return None
    c.known_keys(table, _TARGET_KEYS, key)
    tid = c.string(table, "id", f"{key}.id")
    if tid is not None and not _SLUG.match(tid):
        c.fail(f"{key}.id", "target ids use a-z, 0-9 and _ only")
        tid = None
    indicator = c.string(table, "indicator", f"{key}.indicator")
    if indicator is not None and indicator not in indicators:
        c.fail(f"{key}.indicator", f"unknown indicator {indicator!r}; expected one of {', '.join(indicators)}")
        indicator = None
    year = c.year(table, "year", f"{key}.year")
    texts = {k: c.string(table, k, f"{key}.{k}") for k in ("label_zh", "label_en", "source")}
    refs = c.strings(table, "refs", f"{key}.refs")
    given = [k for k in ("value", "multiple_of_2025", "growth_row") if k in table]
    if len(given) != 1:
        c.fail(key, "give exactly one of value, multiple_of_2025 or growth_row")
        return None
    kind = given[0]
    amount: dict[str, Any] = {}
    if kind == "growth_row":
        amount[kind] = c.string(table, kind, f"{key}.{kind}")
    else:
        v = c.number(table, kind, f"{key}.{kind}")
        if v is not None and v <= 0:
            c.fail(f"{key}.{kind}", "must be positive")
            v = None
        amount[kind] = v
    if None in (tid, indicator, year, refs) or None in texts.values() or None in amount.values():
        return None
    return Target(tid, indicator, year, texts["label_zh"], texts["label_en"], texts["source"], refs, **amount)


def _check_rows(c: _Checker, spec: ScenarioSet, indicators: pd.DataFrame, context: pd.DataFrame) -> None:
    """Every referenced row exists; level rows have the right period, measure and unit."""
    ind = indicators.set_index("id")
    ctx = context.set_index("id")
    known = set(ind.index) | set(ctx.index)
    expected = {"level_row": ("2024", "flow"), "yoy_row": ("2024", "growth_yoy"),
                "h1_row": ("2025H1", "flow")}
    for name, spec_ind in spec.indicators.items():
        for attr, (period, measure) in expected.items():
            row_id = getattr(spec_ind, attr)
            if row_id is None:
                continue
            key = f"indicators.{name}.{attr}"
            if row_id not in ind.index:
                c.fail(key, f"unknown row {row_id!r}; not in indicators.csv")
                continue
            row = ind.loc[row_id]
            if (row["period"], row["measure"]) != (period, measure):
                c.fail(key, f"row {row_id!r} is {row['measure']} for {row['period']}; "
                            f"expected {measure} for {period}")
            unit = "%" if measure == "growth_yoy" else spec_ind.unit
            if row["unit"] != unit:
                c.fail(key, f"row {row_id!r} is in {row['unit']}; expected {unit}")

    def refs(key: str, ids: Iterable[str]) -> None:
        for row_id in ids:
            if row_id not in known:
                c.fail(key, f"unknown row id {row_id!r}; not in indicators.csv or context.csv")

    for name, spec_ind in spec.indicators.items():
        refs(f"indicators.{name}.estimate_2025.refs", spec_ind.refs)
    for sname, scen in spec.scenarios.items():
        for iname, p in scen.paths.items():
            refs(f"scenarios.{sname}.{iname}.refs", p.refs)
    for i, t in enumerate(spec.targets):
        refs(f"targets[{i}].refs", t.refs)
        if t.growth_row is not None:
            key = f"targets[{i}].growth_row"
            if t.growth_row not in known:
                c.fail(key, f"unknown row id {t.growth_row!r}; not in indicators.csv or context.csv")
            else:
                unit = (ind if t.growth_row in ind.index else ctx).loc[t.growth_row, "unit"]
                if unit != "%":
                    c.fail(key, f"row {t.growth_row!r} is in {unit}; expected a growth rate in %")


def load_scenarios(path: str | os.PathLike[str] | None = None, *, check_rows: bool = True) -> ScenarioSet:
    """Read and check a scenario file.

    Parameters
    ----------
    path : path-like, optional
        A TOML file; defaults to ``data/scenarios.toml``.
    check_rows : bool, default True
        Also check that every row id the file names exists in ``indicators.csv``
        or ``context.csv`` (and that level rows have the expected period, measure
        and unit).

    Returns
    -------
    ScenarioSet

    Raises
    ------
    ScenarioError
        A ``ValueError`` whose message is one line naming the file and the key
        path (``data/scenarios.toml: scenarios.base.value_added.sd_pct: must not
        be negative``), or the line for invalid TOML syntax
        (``data/scenarios.toml:12: invalid TOML: …``). ``problems`` holds every
        problem found.

    Examples
    --------
    >>> spec = load_scenarios()
    >>> list(spec.scenarios)
    ['low', 'base', 'high']
    >>> list(spec.indicators)
    ['fiscal_revenue_total', 'general_budget_revenue', 'value_added', 'gross_output']
    >>> spec.years
    (2026, 2027, 2028, 2029, 2030)
    """
    p = Path(path) if path is not None else default_scenarios_path()
    doc = _read_toml(p)
    c = _Checker(display_path(p))
    c.known_keys(doc, _TOP_KEYS, "(top level)")
    meta = c.table(doc, "meta", "meta")
    title_zh = title_en = None
    last_year = None
    if meta is not None:
        c.known_keys(meta, _META_KEYS, "meta")
        title_zh = c.string(meta, "title_zh", "meta.title_zh")
        title_en = c.string(meta, "title_en", "meta.title_en")
        last_year = c.year(meta, "last_year", "meta.last_year")
    indicators: dict[str, IndicatorSpec] = {}
    names: list[str] = []
    tables = c.table(doc, "indicators", "indicators")
    if tables is not None:
        if not tables:
            c.fail("indicators", "must define at least one indicator")
        for name, table in tables.items():
            names.append(name)
            spec_ind = _indicator(c, name, table)
            if spec_ind is not None:
                indicators[name] = spec_ind
    scenarios: dict[str, Scenario] = {}
    tables = c.table(doc, "scenarios", "scenarios")
    if tables is not None:
        if not tables:
            c.fail("scenarios", "must define at least one scenario")
        for name, table in tables.items():
            scen = _scenario(c, name, table, names)
            if scen is not None:
                scenarios[name] = scen
    targets: list[Target] = []
    raw_targets = doc.get("targets", [])
    if not isinstance(raw_targets, list):
        c.fail("targets", "must be an array of tables ([[targets]])")
        raw_targets = []
    seen: dict[str, int] = {}
    for i, table in enumerate(raw_targets):
        t = _target(c, i, table, names)
        if t is None:
            continue
        if t.id in seen:
            c.fail(f"targets[{i}].id", f"duplicate target id {t.id!r} (first at targets[{seen[t.id]}])")
            continue
        seen[t.id] = i
        targets.append(t)
    if c.problems:
        raise ScenarioError(c.problems)
    spec = ScenarioSet(c.where, title_zh, title_en, last_year, indicators, scenarios, tuple(targets))
    if check_rows:
        try:
            ind_frame, ctx_frame = load_indicators(), load_context()
        except DataError as exc:
            raise ScenarioError([f"{c.where}: cannot check row ids: {exc}"]) from None
        _check_rows(c, spec, ind_frame, ctx_frame)
        if c.problems:
            raise ScenarioError(c.problems)
    return spec


def _spec(spec: ScenarioSet | str | os.PathLike[str] | None) -> ScenarioSet:
    if isinstance(spec, ScenarioSet):
        return spec
    return load_scenarios(spec)


# ---------------------------------------------------------------------------
# paths
# ---------------------------------------------------------------------------

def glide_path(start_pct, end_pct, n_years: int, shape: str = "linear") -> np.ndarray:
    """Per-year growth rates that move from ``start_pct`` to ``end_pct`` over ``n_years``.

    ``rate_k = start + (end - start) * w_k`` for ``k = 0 … n-1``, with
    ``x = k / (n - 1)`` and weights ``w = x`` (linear), ``1 - (1 - x)**2``
    (front_loaded: most of the change early), ``x**2`` (back_loaded: most of it
    late) or ``0`` (constant: the start rate throughout). The first year gets the
    start rate and the last the end rate.

    Parameters
    ----------
    start_pct, end_pct : float or array_like
        Growth in the first and last year, per cent. Arrays broadcast; the years
        run along a new last axis.
    n_years : int
        Number of years (at least 1).
    shape : {'linear', 'front_loaded', 'back_loaded', 'constant'}

    Examples
    --------
    >>> glide_path(8.0, 6.0, 5)
    array([8. , 7.5, 7. , 6.5, 6. ])
    >>> glide_path(8.0, 6.0, 5, "back_loaded")
    array([8.   , 7.875, 7.5  , 6.875, 6.   ])
    >>> glide_path([8.0, 4.0], [6.0, 4.0], 3)
    array([[8., 7., 6.],
           [4., 4., 4.]])
    """
    if shape not in GLIDES:
        raise ValueError(f"shape: unknown glide {shape!r}; expected one of {', '.join(GLIDES)}")
    if isinstance(n_years, bool) or not isinstance(n_years, (int, np.integer)) or n_years < 1:
        raise ValueError("n_years: must be a whole number of at least 1")
    start = np.asarray(start_pct, dtype=float)[..., np.newaxis]
    end = np.asarray(end_pct, dtype=float)[..., np.newaxis]
    x = np.arange(n_years) / max(n_years - 1, 1)
    weights = {"linear": x, "front_loaded": 1 - (1 - x) ** 2, "back_loaded": x ** 2,
               "constant": np.zeros_like(x)}[shape]
    return start + (end - start) * weights


def jumpoff(spec: ScenarioSet | str | os.PathLike[str] | None = None, *,
            indicators: pd.DataFrame | None = None) -> pd.DataFrame:
    """History and the 2025 jump-off level of every indicator, with the 2025 range.

    Returns
    -------
    DataFrame
        ``indicator, year, value, low, high, is_projection, basis, growth_pct,
        unit, row_ids``. Fiscal indicators: the implied 2023 level, the 2024 print
        and the 2025 projection (2024 grown at the assumed 2025 rate). Gross
        output and value added: the 2025 estimate ``H1 / h1_share``. ``low`` and
        ``high`` carry the assumption's range for 2025 (equal to ``value``
        otherwise).

    Examples
    --------
    >>> j = jumpoff().set_index(["indicator", "year"])
    >>> round(float(j.loc[("fiscal_revenue_total", 2023), "value"]), 4)   # 62.08 / 1.0633
    58.3843
    >>> round(float(j.loc[("gross_output", 2025), "value"]), 2)          # 201.69 / 0.47
    429.13
    >>> j.loc[("gross_output", 2025), "basis"]
    'estimate from 2025H1'
    """
    spec = _spec(spec)
    ind = (load_indicators() if indicators is None else indicators).set_index("id")
    rows: list[dict[str, Any]] = []
    for name, s in spec.indicators.items():
        a = s.assumption
        if s.method == "grow_2024":
            level = float(ind.loc[s.level_row, "value"])
            yoy = float(ind.loc[s.yoy_row, "value"])
            prior = growth.implied_prior_level(level, yoy)
            est = [growth.project(level, rate, 1) for rate in (a.default, a.low, a.high)]
            both = f"{s.level_row};{s.yoy_row}"
            rows.append(dict(indicator=name, year=BASE_YEAR - 2, value=prior, low=prior, high=prior,
                             is_projection=False, basis=BASIS_IMPLIED, growth_pct=np.nan, row_ids=both))
            rows.append(dict(indicator=name, year=BASE_YEAR - 1, value=level, low=level, high=level,
                             is_projection=False, basis=BASIS_REPORTED, growth_pct=yoy, row_ids=both))
            rows.append(dict(indicator=name, year=BASE_YEAR, value=est[0], low=est[1], high=est[2],
                             is_projection=True, basis=BASIS_PROJECTION_2025, growth_pct=a.default,
                             row_ids=s.level_row))
        else:
            h1 = float(ind.loc[s.h1_row, "value"])
            est = growth.annualize_half_year(h1, [a.default, a.high, a.low])
            rows.append(dict(indicator=name, year=BASE_YEAR, value=est[0], low=est[1], high=est[2],
                             is_projection=True, basis=BASIS_ESTIMATE_H1, growth_pct=np.nan,
                             row_ids=s.h1_row))
        for r in rows:
            r.setdefault("unit", s.unit)
    frame = pd.DataFrame(rows, columns=["indicator", "year", "value", "low", "high", "is_projection",
                                        "basis", "growth_pct", "unit", "row_ids"])
    frame["year"] = frame["year"].astype("int64")
    frame["is_projection"] = frame["is_projection"].astype(bool)
    return frame


def jumpoff_level(spec: ScenarioSet, indicator: str, *, indicators: pd.DataFrame | None = None) -> float:
    """The 2025 level of one indicator under the default assumption."""
    check_indicator(spec, indicator)
    j = jumpoff(spec, indicators=indicators)
    return float(j.loc[(j["indicator"] == indicator) & (j["year"] == BASE_YEAR), "value"].item())


def growth_rates(spec: ScenarioSet | str | os.PathLike[str] | None = None,
                 scenarios: Sequence[str] | None = None) -> pd.DataFrame:
    """The deterministic growth rate of every scenario, indicator and projected year.

    Returns
    -------
    DataFrame
        ``scenario, indicator, year, growth_pct, sd_pct``.

    Examples
    --------
    >>> g = growth_rates(scenarios=["base"])
    >>> g[g["indicator"] == "value_added"]["growth_pct"].tolist()
    [7.5, 7.125, 6.75, 6.375, 6.0]
    """
    spec = _spec(spec)
    names = _scenario_names(spec, scenarios)
    n = len(spec.years)
    rows = []
    for sname in names:
        for iname, p in spec.scenarios[sname].paths.items():
            rates = glide_path(p.start_growth_pct, p.end_growth_pct, n, p.glide)
            for year, rate in zip(spec.years, rates, strict=True):
                rows.append((sname, iname, year, float(rate), p.sd_pct))
    frame = pd.DataFrame(rows, columns=["scenario", "indicator", "year", "growth_pct", "sd_pct"])
    frame["year"] = frame["year"].astype("int64")
    return frame


def _scenario_names(spec: ScenarioSet, scenarios: Sequence[str] | str | None) -> list[str]:
    if scenarios is None:
        return list(spec.scenarios)
    if isinstance(scenarios, str):
        scenarios = [scenarios]
    names = [check_scenario(spec, s) for s in scenarios]
    return [s for s in spec.scenarios if s in names]


def project(spec: ScenarioSet | str | os.PathLike[str] | None = None,
            scenarios: Sequence[str] | str | None = None, *,
            indicators: pd.DataFrame | None = None) -> pd.DataFrame:
    """Deterministic scenario paths with their history, as one tidy frame.

    Parameters
    ----------
    spec : ScenarioSet or path-like, optional
        A loaded scenario file, or the path of one; defaults to ``data/scenarios.toml``.
    scenarios : str or sequence of str, optional
        Scenario names to include (file order is kept); all by default.
    indicators : DataFrame, optional
        Output of :func:`~ygx_analysis.data.load_indicators`; loaded when omitted.

    Returns
    -------
    DataFrame
        ``scenario, indicator, year, value, is_projection, basis, growth_pct,
        unit, row_ids``. Each scenario repeats the history rows (see
        :func:`jumpoff`); projected years have basis ``'scenario projection'``
        and the growth rate applied in that year.

    Examples
    --------
    >>> p = project(scenarios="base")
    >>> va = p[p["indicator"] == "value_added"].set_index("year")
    >>> round(float(va.loc[2026, "value"]), 4)   # 47.83 / 0.47 * 1.075
    109.3984
    >>> bool(va.loc[2026, "is_projection"]), va.loc[2026, "basis"]
    (True, 'scenario projection')
    """
    spec = _spec(spec)
    names = _scenario_names(spec, scenarios)
    history = jumpoff(spec, indicators=indicators)
    start = history[history["year"] == BASE_YEAR].set_index("indicator")["value"]
    n = len(spec.years)
    frames = []
    for sname in names:
        for iname, p in spec.scenarios[sname].paths.items():
            hist = history[history["indicator"] == iname].drop(columns=["low", "high"])
            rates = glide_path(p.start_growth_pct, p.end_growth_pct, n, p.glide)
            levels = growth.project_path(float(start[iname]), rates)
            proj = pd.DataFrame({
                "indicator": iname, "year": list(spec.years), "value": levels, "is_projection": True,
                "basis": BASIS_SCENARIO, "growth_pct": rates, "unit": spec.indicators[iname].unit,
                "row_ids": hist["row_ids"].iloc[-1],
            })
            frames.append(pd.concat([hist, proj], ignore_index=True).assign(scenario=sname))
    frame = pd.concat(frames, ignore_index=True)[list(PROJECTION_COLUMNS)]
    frame["year"] = frame["year"].astype("int64")
    frame["is_projection"] = frame["is_projection"].astype(bool)
    return frame


def plan_period_summary(projection: pd.DataFrame | None = None,
                        spec: ScenarioSet | str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """The plan period at a glance: end level, CAGR, cumulative total and multiple of 2025.

    Parameters
    ----------
    projection : DataFrame, optional
        Output of :func:`project`; computed from ``spec`` when omitted.
    spec : ScenarioSet or path-like, optional
        Used only when ``projection`` is omitted.

    Returns
    -------
    DataFrame
        ``scenario, indicator, unit, level_2025, basis_2025, end_year, level_end,
        cagr_pct`` (2025 → end year, :func:`~ygx_analysis.growth.cagr`),
        ``cumulative`` (sum of the projected years 2026 … end year; all four
        indicators are annual flows) and ``multiple_of_2025``.

    Examples
    --------
    >>> s = plan_period_summary(spec=load_scenarios()).set_index(["scenario", "indicator"])
    >>> round(float(s.loc[("high", "fiscal_revenue_total"), "cagr_pct"]), 6)   # constant 6.5 % a year
    6.5
    """
    frame = project(spec) if projection is None else projection
    rows = []
    for (sname, iname), g in frame.groupby(["scenario", "indicator"], sort=False):
        base = g[g["year"] == BASE_YEAR].iloc[0]
        proj = g[(g["basis"] == BASIS_SCENARIO)].sort_values("year")
        end = proj.iloc[-1]
        years = int(end["year"]) - BASE_YEAR
        rows.append({
            "scenario": sname, "indicator": iname, "unit": base["unit"],
            "level_2025": base["value"], "basis_2025": base["basis"], "end_year": int(end["year"]),
            "level_end": end["value"], "cagr_pct": growth.cagr(base["value"], end["value"], years),
            "cumulative": float(proj["value"].sum()), "multiple_of_2025": end["value"] / base["value"],
        })
    return pd.DataFrame(rows)


# ---------------------------------------------------------------------------
# targets and required growth
# ---------------------------------------------------------------------------

def required_growth(indicator: str, target, year, spec: ScenarioSet | str | os.PathLike[str] | None = None):
    """The constant annual growth (per cent) that takes the 2025 level to ``target`` by ``year``.

    Parameters
    ----------
    indicator : str
        An indicator of the scenario file.
    target : float or array_like
        Level to reach, in the indicator's unit (positive).
    year : int or array_like
        Year by which to reach it (after 2025).
    spec : ScenarioSet or path-like, optional
        Scenario file giving the 2025 level; defaults to ``data/scenarios.toml``.

    Returns
    -------
    float or ndarray
        :func:`~ygx_analysis.growth.required_cagr` from the 2025 level.

    Examples
    --------
    A 1000亿 gross output by 2030 from an estimated 2025 level of 201.69 / 0.47:

    >>> round(required_growth("gross_output", 1000, 2030), 2)
    18.44
    """
    spec = _spec(spec)
    check_indicator(spec, indicator)
    t = np.asarray(target, dtype=float)
    y = np.asarray(year, dtype=float)
    if np.any(~np.isfinite(t)) or np.any(t <= 0):
        raise ValueError("target: must be positive")
    if np.any(~np.isfinite(y)) or np.any(y <= BASE_YEAR) or np.any(y != np.round(y)):
        raise ValueError(f"year: must be a whole year after {BASE_YEAR}")
    return growth.required_cagr(jumpoff_level(spec, indicator), target, y - BASE_YEAR)


def target_levels(spec: ScenarioSet | str | os.PathLike[str] | None = None, *,
                  context: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every target as a level, with the growth needed to reach it from 2025.

    Returns
    -------
    DataFrame
        ``target, indicator, year, kind, target_value, level_2025,
        required_cagr_pct, label_zh, label_en, source, refs``.

    Examples
    --------
    >>> t = target_levels().set_index("target")
    >>> round(float(t.loc["value_added_double_2030", "required_cagr_pct"]), 4)   # 2 ** (1/5) - 1
    14.8698
    """
    spec = _spec(spec)
    j = jumpoff(spec)
    start = j[j["year"] == BASE_YEAR].set_index("indicator")["value"]
    ctx = None
    rows = []
    for t in spec.targets:
        level = float(start[t.indicator])
        years = t.year - BASE_YEAR
        if t.kind == "value":
            value = t.value
        elif t.kind == "multiple_of_2025":
            value = level * t.multiple_of_2025
        else:
            if ctx is None:
                ctx = pd.concat([load_indicators(), load_context() if context is None else context])
                ctx = ctx.set_index("id")
            value = growth.project(level, float(ctx.loc[t.growth_row, "value"]), years)
        refs = list(t.refs) + ([t.growth_row] if t.growth_row and t.growth_row not in t.refs else [])
        rows.append({
            "target": t.id, "indicator": t.indicator, "year": t.year, "kind": t.kind,
            "target_value": float(value), "level_2025": level,
            "required_cagr_pct": growth.required_cagr(level, value, years),
            "label_zh": t.label_zh, "label_en": t.label_en, "source": t.source, "refs": ";".join(refs),
        })
    columns = ["target", "indicator", "year", "kind", "target_value", "level_2025", "required_cagr_pct",
               "label_zh", "label_en", "source", "refs"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["year"] = frame["year"].astype("int64")
    return frame


def assumptions_table(spec: ScenarioSet | str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Every scenario assumption in one table: start, end, glide, sd, rationale and refs.

    Examples
    --------
    >>> a = assumptions_table().set_index(["scenario", "indicator"])
    >>> row = a.loc[("base", "value_added")]
    >>> float(row["start_growth_pct"]), float(row["end_growth_pct"]), row["glide"]
    (7.5, 6.0, 'linear')
    """
    spec = _spec(spec)
    rows = [{"scenario": p.scenario, "indicator": p.indicator, "start_growth_pct": p.start_growth_pct,
             "end_growth_pct": p.end_growth_pct, "glide": p.glide, "sd_pct": p.sd_pct,
             "rationale": p.rationale, "refs": ";".join(p.refs)}
            for scen in spec.scenarios.values() for p in scen.paths.values()]
    return pd.DataFrame(rows)


def jumpoff_assumptions(spec: ScenarioSet | str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """The assumption behind each 2025 level: name, default, range and rationale.

    Examples
    --------
    >>> a = jumpoff_assumptions().set_index("indicator")
    >>> row = a.loc["gross_output"]
    >>> row["assumption"], float(row["default"]), float(row["low"]), float(row["high"])
    ('h1_share', 0.47, 0.44, 0.5)
    """
    spec = _spec(spec)
    rows = [{"indicator": s.name, "method": s.method, "assumption": s.assumption.name,
             "default": s.assumption.default, "low": s.assumption.low, "high": s.assumption.high,
             "rationale": s.rationale, "refs": ";".join(s.refs)} for s in spec.indicators.values()]
    return pd.DataFrame(rows)


# ---------------------------------------------------------------------------
# command-line helpers
# ---------------------------------------------------------------------------

_REQUIRED = re.compile(r"^\s*([a-z0-9_]+)\s*=\s*(x?)\s*([0-9.eE+-]+)\s*@\s*(\d{4})\s*$")


def parse_required(text: str) -> dict[str, Any]:
    """Parse ``INDICATOR=TARGET@YEAR``; ``TARGET`` is a level or ``xF`` (F times the 2025 level).

    Examples
    --------
    >>> parse_required("gross_output=1000@2030")
    {'indicator': 'gross_output', 'target': 1000.0, 'multiple': False, 'year': 2030}
    >>> parse_required("value_added=x2@2030")["multiple"]
    True
    """
    match = _REQUIRED.match(text)
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


def required_growth_table(requests: Sequence[Mapping[str, Any]],
                          spec: ScenarioSet | str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """:func:`required_growth` for several requests (see :func:`parse_required`), as a tidy frame.

    Returns
    -------
    DataFrame
        ``indicator, year, target_value, level_2025, basis_2025, required_cagr_pct``.

    Examples
    --------
    >>> t = required_growth_table([parse_required("value_added=x2@2030")])
    >>> round(t["required_cagr_pct"].item(), 4)
    14.8698
    """
    spec = _spec(spec)
    j = jumpoff(spec)
    start = j[j["year"] == BASE_YEAR].set_index("indicator")
    rows = []
    for r in requests:
        name = check_indicator(spec, r["indicator"])
        if not YEAR_MIN < r["year"] <= YEAR_MAX:
            raise ValueError(f"year: must be between {YEAR_MIN + 1} and {YEAR_MAX}, got {r['year']}")
        level = float(start.loc[name, "value"])
        target = level * r["target"] if r["multiple"] else r["target"]
        rows.append({"indicator": name, "year": r["year"], "target_value": target, "level_2025": level,
                     "basis_2025": start.loc[name, "basis"],
                     "required_cagr_pct": required_growth(name, target, r["year"], spec)})
    return pd.DataFrame(rows, columns=["indicator", "year", "target_value", "level_2025", "basis_2025",
                                       "required_cagr_pct"]).round(4)


SCENARIO_TABLE_COLUMNS = ("scenario", "indicator", "year", "value", "p05", "p50", "p95", "is_projection")


def scenario_table(spec: ScenarioSet | str | os.PathLike[str] | None = None,
                   scenarios: Sequence[str] | str | None = None, fan: pd.DataFrame | None = None,
                   decimals: int = 4) -> pd.DataFrame:
    """The command-line table: deterministic values with the fan's P5/P50/P95, rounded.

    Parameters
    ----------
    fan : DataFrame, optional
        ``MonteCarloResult.quantiles``; without it the quantile columns are empty.

    Returns
    -------
    DataFrame
        ``scenario, indicator, year, value, p05, p50, p95, is_projection``.
    """
    frame = project(spec, scenarios)
    if fan is not None:
        levels = fan[fan["measure"] == "level"][["scenario", "indicator", "year", "p05", "p50", "p95"]]
        frame = frame.merge(levels, on=["scenario", "indicator", "year"], how="left", validate="one_to_one")
    else:
        frame = frame.assign(p05=np.nan, p50=np.nan, p95=np.nan)
    out = frame[list(SCENARIO_TABLE_COLUMNS)].copy()
    for col in ("value", "p05", "p50", "p95"):
        out[col] = out[col].round(decimals)
    return out
