"""The scenario file's schema: the checked parts of ``data/scenarios.toml`` and their one-line errors.

The file says, for each indicator, where its 2025 (jump-off) level comes from;
for each scenario (``low``, ``base``, ``high``, …) and indicator, a start and an
end growth rate, the glide between them and a one-line rationale with the data
rows it rests on; targets with their status; and the joint model's ``[model]``,
``[deflator]`` and ``[pipeline]`` (checked by
:mod:`~ygx_analysis.scenarios.structure`). Every problem is reported as one line
that names the file and the key, for example::

    data/scenarios.toml: scenarios.base.fiscal_revenue_total.end_growth_pct: must be a number

This module holds the constants of the file format, the input types
(:class:`IndicatorSpec`, :class:`PathSpec`, :class:`Scenario`, :class:`Target`)
and the checks; :func:`ygx_analysis.scenarios.load_scenarios` puts them together
into a :class:`~ygx_analysis.scenarios.ScenarioSet`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..data import files as inputs
from ..data.tables import CJK_CHARACTER
from ..arithmetic.growth import H1_SHARE_ROWS
from ..data.files import DataError
from . import structure
from .checks import BASE_YEAR, YEAR_MAX, YEAR_MIN, Assumption, Checker

__all__ = [
    "BASE_YEAR", "GLIDES", "GROWTH_LIMIT_PCT", "H1_RULES", "METHODS", "TARGET_STATUSES", "TOP_LEVEL_TABLES",
    "YEAR_MAX", "YEAR_MIN",
    "Assumption", "IndicatorSpec", "PathSpec", "Scenario", "ScenarioError", "ScenarioFile", "Target",
    "check_document", "check_row_ids", "read_toml",
]

GLIDES = ("linear", "front_loaded", "back_loaded", "constant")
"""Shapes of the path from the start to the end growth rate (see :func:`~ygx_analysis.scenarios.glide_path`)."""

METHODS = ("grow_2024", "annualize_h1")
"""How an indicator's 2025 level is found: from the 2024 print, or from the January–June 2025 print."""

GROWTH_LIMIT_PCT = 50.0
"""Growth assumptions must lie in [-50, 50] per cent a year."""

H1_RULES = tuple(H1_SHARE_ROWS)
"""Kinds of the package's one H1-to-year rule (:func:`ygx_analysis.arithmetic.growth.half_year_rule`) an indicator may name."""

TARGET_STATUSES = ("official", "derived", "illustrative")
"""What a target is: a published target for this measure and place, an official figure for something else
applied by arithmetic, or a round number for comparison."""

_SLUG = re.compile(r"^[a-z0-9_]+$")


class ScenarioError(ValueError):
    """A problem in a scenario file, printed as one line naming the file and the key.

    Attributes
    ----------
    problems : list of str
        Every problem found; the message is the first.

    Examples
    --------
    >>> err = ScenarioError(["a.toml: meta: is missing", "a.toml: indicators: is missing"])
    >>> str(err), len(err.problems)
    ('a.toml: meta: is missing', 2)
    """

    def __init__(self, problems: Sequence[str]):
        self.problems = list(problems)
        super().__init__(self.problems[0])


# ---------------------------------------------------------------------------
# the input types
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class IndicatorSpec:
    """One projected indicator: labels, unit and how its 2025 level is found.

    ``assumption`` is the 2025 growth range of method ``grow_2024``; method
    ``annualize_h1`` names the kind of the package's H1-to-year rule in
    ``h1_rule`` instead, whose range comes from ``context.csv`` when the file is
    loaded (:meth:`ScenarioSet.jumpoff_assumptions
    <ygx_analysis.scenarios.ScenarioSet.jumpoff_assumptions>`).
    """

    name: str
    label_zh: str
    label_en: str
    unit: str
    price_basis: str
    method: str
    assumption: Assumption | None
    rationale: str
    refs: tuple[str, ...]
    level_row: str | None = None
    yoy_row: str | None = None
    h1_row: str | None = None
    h1_rule: str | None = None

    def label(self, lang: str = "zh") -> str:
        """The label in ``lang`` ('zh' or 'en')."""
        return self.label_zh if lang == "zh" else self.label_en

    @property
    def data_rows(self) -> tuple[str, ...]:
        """The indicators.csv rows its levels come from."""
        return tuple(r for r in (self.level_row, self.yoy_row, self.h1_row) if r)


@dataclass(frozen=True)
class PathSpec:
    """One indicator under one scenario: growth from start to end, its glide and rationale."""

    scenario: str
    indicator: str
    start_growth_pct: float
    end_growth_pct: float
    glide: str
    rationale: str
    refs: tuple[str, ...]
    rationale_zh: str | None = None


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
    """A level to reach by a year: a value, a multiple of 2025, or a growth rate from a data row.

    ``status`` is one of :data:`TARGET_STATUSES`; ``nominal`` compares the target
    with the indicator's current-price path (the file's ``[deflator]``).
    """

    id: str
    indicator: str
    year: int
    label_zh: str
    label_en: str
    source: str
    refs: tuple[str, ...]
    status: str = "illustrative"
    value: float | None = None
    multiple_of_2025: float | None = None
    growth_row: str | None = None
    nominal: bool = False
    source_zh: str | None = None

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
        >>> Target("t", "gross_output", 2030, "千亿", "1000", "s", (), "illustrative", 1000.0).label("en")
        '1000 (illustrative)'
        """
        text = self.label_zh if lang == "zh" else self.label_en
        word = STATUS_WORDS[self.status][0 if lang == "zh" else 1]
        return text if not word else (f"{text}（{word}）" if lang == "zh" else f"{text} ({word})")


STATUS_WORDS = {"official": ("", ""), "derived": ("推算", "derived"), "illustrative": ("示意", "illustrative")}
"""The word every target label carries for its status (none for an official target)."""


@dataclass(frozen=True)
class ScenarioFile:
    """The checked content of a scenario file, in file order (no data rows attached yet)."""

    source: str
    title_zh: str
    title_en: str
    last_year: int
    indicators: Mapping[str, IndicatorSpec]
    scenarios: Mapping[str, Scenario]
    targets: tuple[Target, ...]
    model: structure.ModelSpec | None = None
    deflator: structure.DeflatorSpec | None = None
    pipeline: structure.PipelineSpec | None = None


# ---------------------------------------------------------------------------
# reading the file
# ---------------------------------------------------------------------------

def read_toml(path: str | os.PathLike[str]) -> dict[str, Any]:
    """The parsed TOML of ``path``, or a :class:`ScenarioError` of one line naming the file (and the line).

    The file is read by :func:`ygx_analysis.data.files.read_toml`: a regular file of
    bounded size and nesting, UTF-8.

    Examples
    --------
    >>> read_toml("no/such/file.toml")
    Traceback (most recent call last):
    ...
    ygx_analysis.scenarios.schema.ScenarioError: no/such/file.toml: file not found
    """
    try:
        return inputs.read_toml(path)
    except DataError as exc:
        raise ScenarioError([str(problem) for problem in exc.problems]) from None


TOP_LEVEL_TABLES = ("meta", "indicators", "scenarios", "targets", "model", "deflator", "pipeline")
"""The top-level tables a scenario file may hold (``--set scenarios.KEY`` reads any other first part as a
scenario name)."""
_META_KEYS = ("title_zh", "title_en", "last_year")
_INDICATOR_KEYS = ("label_zh", "label_en", "unit", "price_basis", "level_row", "yoy_row", "h1_row",
                   "estimate_2025")
_ESTIMATE_KEYS = ("method", "rationale", "refs", "growth_pct", "h1_rule")
_RANGE_KEYS = ("default", "low", "high")
_SCENARIO_KEYS = ("label_zh", "label_en", "description")
_PATH_KEYS = ("start_growth_pct", "end_growth_pct", "glide", "rationale", "rationale_zh", "refs")
_TARGET_KEYS = ("id", "indicator", "year", "value", "multiple_of_2025", "growth_row", "status", "nominal",
                "label_zh", "label_en", "source", "source_zh", "refs")


def _chinese(c: Checker, table: Mapping[str, Any], name: str, key: str) -> str | None:
    """An optional Chinese text (``rationale_zh``, ``source_zh``): a non-empty string with Chinese characters.

    The Chinese tables show it; without it they show the English text.
    """
    text = c.string(table, name, key, required=False)
    if text is not None and not CJK_CHARACTER.search(text):
        c.fail(key, "must be Chinese text (the English goes in the key without _zh)")
        return None
    return text


def _growth(c: Checker, table: Mapping[str, Any], name: str, key: str) -> float | None:
    value = c.number(table, name, key)
    if value is not None and not -GROWTH_LIMIT_PCT <= value <= GROWTH_LIMIT_PCT:
        c.fail(key, f"must be between {-GROWTH_LIMIT_PCT:g} and {GROWTH_LIMIT_PCT:g} (per cent a year)")
        return None
    return value


def _assumption(c: Checker, table: Mapping[str, Any], name: str, key: str) -> Assumption | None:
    sub = c.table(table, name, key)
    if sub is None:
        return None
    c.known_keys(sub, _RANGE_KEYS, key)
    values = {}
    for part in _RANGE_KEYS:
        values[part] = _growth(c, sub, part, f"{key}.{part}")
    if any(v is None for v in values.values()):
        return None
    if not values["low"] <= values["default"] <= values["high"]:
        c.fail(key, "must have low <= default <= high")
        return None
    return Assumption(name, values["default"], values["low"], values["high"])


def _indicator(c: Checker, name: str, table: Any) -> IndicatorSpec | None:
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
    rows: dict[str, str | None] = {"level_row": None, "yoy_row": None, "h1_row": None, "h1_rule": None}
    assumption = None
    if method == "grow_2024":
        rows["level_row"] = c.string(table, "level_row", f"{key}.level_row")
        rows["yoy_row"] = c.string(table, "yoy_row", f"{key}.yoy_row")
        assumption = _assumption(c, est, "growth_pct", f"{ekey}.growth_pct")
        if "h1_row" in table:
            c.fail(f"{key}.h1_row", "not used by method 'grow_2024'; remove it")
        if "h1_rule" in est:
            c.fail(f"{ekey}.h1_rule", "not used by method 'grow_2024'; remove it")
    elif method == "annualize_h1":
        rows["h1_row"] = c.string(table, "h1_row", f"{key}.h1_row")
        rows["h1_rule"] = c.string(est, "h1_rule", f"{ekey}.h1_rule", choices=H1_RULES)
        for extra in ("level_row", "yoy_row"):
            if extra in table:
                c.fail(f"{key}.{extra}", "not used by method 'annualize_h1'; remove it")
        if "growth_pct" in est:
            c.fail(f"{ekey}.growth_pct", "not used by method 'annualize_h1'; remove it")
    if None in texts.values() or method is None or rationale is None or refs is None:
        return None
    if method == "grow_2024" and assumption is None:
        return None
    if any(rows[k] is None for k in (("level_row", "yoy_row") if method == "grow_2024" else ("h1_row", "h1_rule"))):
        return None
    return IndicatorSpec(name, texts["label_zh"], texts["label_en"], texts["unit"], texts["price_basis"],
                         method, assumption, rationale, refs, **rows)


def _path(c: Checker, scenario: str, name: str, table: Any) -> PathSpec | None:
    key = f"scenarios.{scenario}.{name}"
    if not isinstance(table, dict):
        c.fail(key, "must be a table")
        return None
    c.known_keys(table, _PATH_KEYS, key)
    start = _growth(c, table, "start_growth_pct", f"{key}.start_growth_pct")
    end = _growth(c, table, "end_growth_pct", f"{key}.end_growth_pct")
    glide = c.string(table, "glide", f"{key}.glide", choices=GLIDES)
    rationale = c.string(table, "rationale", f"{key}.rationale")
    rationale_zh = _chinese(c, table, "rationale_zh", f"{key}.rationale_zh")
    refs = c.strings(table, "refs", f"{key}.refs", min_items=1)
    if glide == "constant" and start is not None and end is not None and start != end:
        c.fail(f"{key}.end_growth_pct", "must equal start_growth_pct when glide is 'constant'")
        return None
    if None in (start, end, glide, rationale, refs):
        return None
    return PathSpec(scenario, name, start, end, glide, rationale, refs, rationale_zh)


def _scenario(c: Checker, name: str, table: Any, indicators: Sequence[str]) -> Scenario | None:
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


def _target(c: Checker, index: int, table: Any, indicators: Sequence[str]) -> Target | None:
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
    source_zh = _chinese(c, table, "source_zh", f"{key}.source_zh")
    status = c.string(table, "status", f"{key}.status", choices=TARGET_STATUSES)
    nominal = table.get("nominal", False)
    if not isinstance(nominal, bool):
        c.fail(f"{key}.nominal", "must be true or false")
        nominal = None
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
    if None in (tid, indicator, year, refs, status, nominal) or None in texts.values() or None in amount.values():
        return None
    return Target(tid, indicator, year, texts["label_zh"], texts["label_en"], texts["source"], refs, status,
                  nominal=nominal, source_zh=source_zh, **amount)


def check_document(doc: Mapping[str, Any], where: str) -> ScenarioFile:
    """Check a parsed scenario file and return its parts, or raise :class:`ScenarioError` with every problem.

    Parameters
    ----------
    doc : mapping
        The parsed TOML (:func:`read_toml`).
    where : str
        The file name printed at the start of every problem.

    Examples
    --------
    >>> check_document({"meta": {"title_zh": "t", "title_en": "t", "last_year": 2040}}, "s.toml")
    Traceback (most recent call last):
    ...
    ygx_analysis.scenarios.schema.ScenarioError: s.toml: meta.last_year: must be between 2025 and 2035
    """
    c = Checker(where)
    c.known_keys(doc, TOP_LEVEL_TABLES, "(top level)")
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
    model = structure.check_model(c, doc, names)
    deflator = structure.check_deflator(c, doc, names)
    pipeline = structure.check_pipeline(c, doc, names)
    if pipeline is not None and model is not None and pipeline.indicator in model.roles \
            and model.roles[pipeline.indicator].role != "growth":
        c.fail("pipeline.indicator", "must name a growth indicator of [model] (a share follows its whole)")
    for i, t in enumerate(targets):
        if t.nominal and (deflator is None or deflator.indicator != t.indicator):
            c.fail(f"targets[{i}].nominal", f"needs a [deflator] for {t.indicator!r} to give its current-price path")
    if c.problems:
        raise ScenarioError(c.problems)
    return ScenarioFile(where, title_zh, title_en, last_year, indicators, scenarios, tuple(targets), model,
                        deflator, pipeline)


def check_row_ids(spec: ScenarioFile, indicators: pd.DataFrame, context: pd.DataFrame) -> None:
    """Check that every row the file names exists, and that level rows have the right period, measure and unit.

    Raises
    ------
    ScenarioError
        Every problem, one line each, naming ``spec.source`` and the key.
    """
    c = Checker(spec.source)
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
    if spec.model is not None:
        refs("model.refs", spec.model.refs)
        series = set(ctx["series"])
        for name, r in spec.model.roles.items():
            refs(f"model.{name}.refs", r.refs)
            if r.series is not None and r.series not in series:
                c.fail(f"model.{name}.series", f"unknown series {r.series!r}; not in context.csv")
    if spec.deflator is not None:
        refs("deflator.refs", spec.deflator.refs)
    if spec.pipeline is not None:
        refs("pipeline.refs", spec.pipeline.refs)
        for attr, unit in (("capital_row", "亿元"), ("projects_row", None)):
            row_id = getattr(spec.pipeline, attr)
            if row_id not in ind.index:
                c.fail(f"pipeline.{attr}", f"unknown row {row_id!r}; not in indicators.csv")
            elif unit is not None and ind.loc[row_id, "unit"] != unit:
                c.fail(f"pipeline.{attr}", f"row {row_id!r} is in {ind.loc[row_id, 'unit']}; expected {unit}")
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
    if c.problems:
        raise ScenarioError(c.problems)
