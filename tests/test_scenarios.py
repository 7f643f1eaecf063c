"""Scenario files: loading, every malformed case, deterministic paths against hand compounding,
required growth, targets, the model object (jump-off once, data folder, argument types), the exhibits of
notebook 06, and the notebook under papermill."""

from __future__ import annotations

import re
import shutil
import warnings
from pathlib import Path

import pandas as pd
import pytest

from ygx_analysis.data import tables as d
from ygx_analysis import scenarios as sc

from .conftest import DATA, REPO

# A small scenario file with round numbers, so that every path can be compounded by hand.
FIXTURE = """\
[meta]
title_zh = "测试情景"
title_en = "Test scenarios"
last_year = 2030

[indicators.fiscal_revenue_total]
label_zh = "财政总收入"
label_en = "Total fiscal revenue"
unit = "亿元"
price_basis = "nominal"
level_row = "fiscal_revenue_total_2024"
yoy_row = "fiscal_revenue_total_yoy_2024"

[indicators.fiscal_revenue_total.estimate_2025]
method = "grow_2024"
rationale = "test"
refs = ["hn_gpb_revenue_growth_2025"]

[indicators.fiscal_revenue_total.estimate_2025.growth_pct]
default = 2.0
low = 0.0
high = 4.0

[indicators.gross_output]
label_zh = "规模工业总产值"
label_en = "Gross output"
unit = "亿元"
price_basis = "real (2025 prices)"
h1_row = "gross_output_2025h1"

[indicators.gross_output.estimate_2025]
method = "annualize_h1"
h1_rule = "output"
rationale = "test"
refs = ["hn_gdp_2025h1", "hn_gdp_2025"]

[scenarios.flat]
label_zh = "不变"
label_en = "Flat"
description = "constant growth"

[scenarios.flat.fiscal_revenue_total]
start_growth_pct = 5.0
end_growth_pct = 5.0
glide = "constant"
rationale = "test"
refs = ["hn_iva_growth_2025"]

[scenarios.flat.gross_output]
start_growth_pct = 10.0
end_growth_pct = 10.0
glide = "constant"
rationale = "test"
refs = ["gross_output_yoy_2025h1"]

[scenarios.glide]
label_zh = "渐降"
label_en = "Glide"
description = "slowing growth"

[scenarios.glide.fiscal_revenue_total]
start_growth_pct = 8.0
end_growth_pct = 4.0
glide = "linear"
rationale = "test"
refs = ["hn_iva_growth_2025"]

[scenarios.glide.gross_output]
start_growth_pct = 8.0
end_growth_pct = 4.0
glide = "back_loaded"
rationale = "test"
refs = ["hn_iva_growth_2025"]

[[targets]]
id = "go_double_2030"
indicator = "gross_output"
year = 2030
multiple_of_2025 = 2.0
label_zh = "翻番"
label_en = "doubling"
source = "illustrative"
status = "illustrative"
refs = []

[[targets]]
id = "go_600_2028"
indicator = "gross_output"
year = 2028
value = 600.0
label_zh = "600"
label_en = "600"
source = "illustrative"
status = "illustrative"
refs = []

[[targets]]
id = "fiscal_national_pace_2030"
indicator = "fiscal_revenue_total"
year = 2030
growth_row = "cn_gdp_pc_growth_implied_2021_2035"
label_zh = "全国步伐"
label_en = "national pace"
source = "national"
status = "derived"
refs = []

[model]
t_df = 5
t_df_rationale = "test"
vol_scale_rationale = "test"
refs = ["hn_iva_growth_2025"]

[model.vol_scale]
default = 1.5
low = 1.0
high = 2.0

[model.fiscal_revenue_total]
role = "growth"
series = "CN_GPB_REVENUE_GROWTH"
driver = "gross_output"
rationale = "test"
refs = ["hn_iva_growth_2025"]

[model.fiscal_revenue_total.elasticity]
default = 1.0
low = 0.8
high = 1.2

[model.gross_output]
role = "growth"
series = "CN_IVA_ABOVE_SCALE_GROWTH"
rationale = "test"
refs = ["hn_iva_growth_2025"]
"""

FISCAL_2024 = 62.08   # fiscal_revenue_total_2024
FISCAL_YOY = 6.33     # fiscal_revenue_total_yoy_2024
GO_H1 = 201.69        # gross_output_2025h1
NATIONAL_PACE = 4.73  # cn_gdp_pc_growth_implied_2021_2035
# The H1 rule's shares (H1_SHARE_ROWS["output"]): 45.2, 45.3, 45.7, 46.1, 46.5, 46.7, 47.0, 47.3, 48.0 %
H1_MEDIAN, H1_LOW, H1_HIGH = 0.465, 0.452, 0.480


@pytest.fixture
def fixture_file(tmp_path: Path) -> Path:
    path = tmp_path / "scenarios.toml"
    path.write_text(FIXTURE, encoding="utf-8")
    return path


@pytest.fixture
def spec(fixture_file: Path) -> sc.ScenarioSet:
    return sc.load_scenarios(fixture_file)


def value(frame: pd.DataFrame, scenario: str, indicator: str, year: int, column: str = "value"):
    row = frame[(frame["scenario"] == scenario) & (frame["indicator"] == indicator) & (frame["year"] == year)]
    assert len(row) == 1
    return row[column].item()


# ---------------------------------------------------------------------------
# the shipped file
# ---------------------------------------------------------------------------

def test_shipped_file_has_three_scenarios_for_four_indicators():
    spec = sc.load_scenarios()
    assert list(spec.scenarios) == ["low", "base", "high"]
    assert set(spec.indicators) == {"fiscal_revenue_total", "general_budget_revenue", "value_added", "gross_output"}
    assert spec.years == (2026, 2027, 2028, 2029, 2030)
    for scen in spec.scenarios.values():
        assert set(scen.paths) == set(spec.indicators)
        for p in scen.paths.values():
            assert p.rationale and p.refs
    assert all(t.source for t in spec.targets)
    assert set(spec.model.roles) == set(spec.indicators)


def test_shipped_scenarios_are_ordered_low_base_high():
    p = sc.load_scenarios().project()
    end = p[p["year"] == 2030].pivot(index="indicator", columns="scenario", values="value")
    assert ((end["low"] < end["base"]) & (end["base"] < end["high"])).all()


def test_shipped_rationales_cite_rows_that_exist():
    spec = sc.load_scenarios()
    known = set(d.load_indicators()["id"]) | set(d.load_context()["id"])
    assert set(spec.config.referenced_rows()) <= known
    # each rationale names at least one of its refs in its own text
    for scen in spec.scenarios.values():
        for p in scen.paths.values():
            assert any(r in p.rationale for r in p.refs), (p.scenario, p.indicator)


def test_jumpoff_uses_the_one_h1_rule_of_growth():
    """The 2025 industrial levels come from growth.half_year_rule: no share of the scenario file's own.

    On the old code the file held its own h1_share (default 0.47, range 0.44–0.50)."""
    from ygx_analysis.arithmetic.growth import half_year_rule

    spec = sc.load_scenarios()
    rule = half_year_rule("output")
    assert (rule.low, rule.central, rule.high) == (H1_LOW, H1_MEDIAN, H1_HIGH)
    a = spec.jumpoff_assumptions().set_index("indicator")
    for name, h1 in (("value_added", 47.83), ("gross_output", GO_H1)):
        assert spec.indicators[name].h1_rule == "output" and spec.indicators[name].estimate_2025.growth_pct is None
        assert (a.loc[name, "low"], a.loc[name, "default"], a.loc[name, "high"]) == (H1_LOW, H1_MEDIAN, H1_HIGH)
        j = spec.jumpoff.set_index(["indicator", "year"]).loc[(name, 2025)]
        assert (j["value"], j["low"], j["high"]) == pytest.approx((h1 / H1_MEDIAN, h1 / H1_HIGH, h1 / H1_LOW))
    text = (REPO / "data" / "scenarios.toml").read_text(encoding="utf-8")
    assert "[indicators.gross_output.estimate_2025.h1_share]" not in text and "0.47" not in text


# ---------------------------------------------------------------------------
# deterministic paths against hand compounding
# ---------------------------------------------------------------------------

def test_glide_shapes_by_hand():
    assert sc.glide_path(8.0, 4.0, 5, "linear").tolist() == [8.0, 7.0, 6.0, 5.0, 4.0]
    # back_loaded weights x**2 for x = 0, 1/4, 1/2, 3/4, 1
    assert sc.glide_path(8.0, 4.0, 5, "back_loaded").tolist() == [8.0, 7.75, 7.0, 5.75, 4.0]
    # front_loaded weights 1 - (1 - x)**2
    assert sc.glide_path(8.0, 4.0, 5, "front_loaded").tolist() == [8.0, 6.25, 5.0, 4.25, 4.0]
    assert sc.glide_path(5.0, 5.0, 3, "constant").tolist() == [5.0, 5.0, 5.0]
    assert sc.glide_path(8.0, 4.0, 1).tolist() == [8.0]
    with pytest.raises(ValueError, match="^shape: "):
        sc.glide_path(1, 2, 3, "wavy")
    with pytest.raises(ValueError, match="^n_years: "):
        sc.glide_path(1, 2, 0)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_glide_labels_say_where_the_change_falls(lang):
    """A falling rate with a back-loaded glide falls mostly late: its label must not read as growth speeding up."""
    from ygx_analysis.exhibits import words

    path = sc.glide_path(9.5, 8.0, 5, "back_loaded")  # the high scenario's value added
    first, second = path[2] - path[0], path[4] - path[2]
    assert abs(second) > abs(first)  # most of the change is late
    label = {g: words.text("scenario_tables", f"glide.{g}", lang) for g in ("front_loaded", "back_loaded")}
    if lang == "zh":
        assert "后期" in label["back_loaded"] and "前期" in label["front_loaded"]
        assert not any(w in "".join(label.values()) for w in "快慢")
    else:
        assert "late" in label["back_loaded"] and "early" in label["front_loaded"]


def test_history_is_kept_apart_from_projection(spec):
    p = spec.project()
    fiscal = p[(p["scenario"] == "flat") & (p["indicator"] == "fiscal_revenue_total")].set_index("year")
    assert fiscal.loc[2023, "value"] == pytest.approx(FISCAL_2024 / (1 + FISCAL_YOY / 100))   # 62.08 / 1.0633
    assert fiscal.loc[2024, "value"] == FISCAL_2024
    assert fiscal.loc[2025, "value"] == pytest.approx(FISCAL_2024 * 1.02)                     # 2025 growth 2.0
    assert fiscal.loc[[2023, 2024, 2025], "basis"].tolist() == [
        "implied from 2024 level and growth", "reported", "projection (no 2025 print)"]
    assert fiscal.loc[[2023, 2024], "is_projection"].tolist() == [False, False]
    assert fiscal.loc[2025:, "is_projection"].all()
    go = p[(p["scenario"] == "flat") & (p["indicator"] == "gross_output")].set_index("year")
    assert go.index.min() == 2025                       # no annual history for gross output
    assert go.loc[2025, "value"] == pytest.approx(GO_H1 / H1_MEDIAN)
    assert go.loc[2025, "basis"] == "estimate from 2025H1"
    assert set(p.loc[p["year"] > 2025, "basis"]) == {"scenario projection"}


def test_paths_match_hand_compounding(spec):
    p = spec.project()
    start = FISCAL_2024 * 1.02
    assert value(p, "flat", "fiscal_revenue_total", 2030) == pytest.approx(start * 1.05 ** 5)
    assert value(p, "flat", "gross_output", 2027) == pytest.approx(GO_H1 / H1_MEDIAN * 1.1 * 1.1)
    # linear 8 → 4: 8, 7, 6, 5, 4
    assert value(p, "glide", "fiscal_revenue_total", 2030) == pytest.approx(
        start * 1.08 * 1.07 * 1.06 * 1.05 * 1.04)
    # back_loaded 8 → 4: 8, 7.75, 7, 5.75, 4
    assert value(p, "glide", "gross_output", 2029) == pytest.approx(
        GO_H1 / H1_MEDIAN * 1.08 * 1.0775 * 1.07 * 1.0575)
    assert value(p, "glide", "gross_output", 2028, "growth_pct") == 7.0


def test_plan_period_summary_by_hand(spec):
    s = spec.plan_period_summary().set_index(["scenario", "indicator"])
    row = s.loc[("flat", "gross_output")]
    start = GO_H1 / H1_MEDIAN
    levels = [start * 1.1 ** k for k in range(1, 6)]
    assert row["level_2025"] == pytest.approx(start)
    assert row["level_end"] == pytest.approx(levels[-1])
    assert row["cagr_pct"] == pytest.approx(10.0)
    assert row["cumulative"] == pytest.approx(sum(levels))
    assert row["multiple_of_2025"] == pytest.approx(1.1 ** 5)
    assert row["basis_2025"] == "estimate from 2025H1"


@pytest.mark.parametrize("rate", [-3.0, 0.0, 4.5, 10.0, 18.0])
def test_required_growth_inverts_project(fixture_file, rate):
    text = FIXTURE.replace("start_growth_pct = 10.0\nend_growth_pct = 10.0",
                           f"start_growth_pct = {rate}\nend_growth_pct = {rate}")
    fixture_file.write_text(text, encoding="utf-8")
    spec = sc.load_scenarios(fixture_file)
    p = spec.project("flat")
    for year in (2026, 2028, 2030):
        level = value(p, "flat", "gross_output", year)
        assert spec.required_growth("gross_output", level, year) == pytest.approx(rate, abs=1e-9)


def test_required_growth_by_hand(spec):
    start = GO_H1 / H1_MEDIAN
    assert spec.required_growth("gross_output", 1000, 2030) == pytest.approx(
        100 * ((1000 / start) ** (1 / 5) - 1))
    assert spec.required_growth("gross_output", [start, start * 1.21], 2027) == pytest.approx([0.0, 10.0])
    with pytest.raises(ValueError, match="^indicator: unknown indicator 'nope'"):
        spec.required_growth("nope", 1, 2030)
    with pytest.raises(ValueError, match="^year: "):
        spec.required_growth("gross_output", 1000, 2025)
    with pytest.raises(ValueError, match="^target: "):
        spec.required_growth("gross_output", -5, 2030)
    with pytest.raises(TypeError, match="^target: "):
        spec.required_growth("gross_output", "1000", 2030)
    with pytest.raises(TypeError, match="^indicator: "):
        spec.required_growth(1, 1000, 2030)


def test_target_levels(spec):
    t = spec.target_levels().set_index("target")
    start = GO_H1 / H1_MEDIAN
    assert t.loc["go_double_2030", "target_value"] == pytest.approx(2 * start)
    assert t.loc["go_double_2030", "required_cagr_pct"] == pytest.approx(100 * (2 ** 0.2 - 1))
    assert t.loc["go_600_2028", "required_cagr_pct"] == pytest.approx(100 * ((600 / start) ** (1 / 3) - 1))
    fiscal_2025 = FISCAL_2024 * 1.02
    assert t.loc["fiscal_national_pace_2030", "target_value"] == pytest.approx(
        fiscal_2025 * (1 + NATIONAL_PACE / 100) ** 5)
    assert t.loc["fiscal_national_pace_2030", "required_cagr_pct"] == pytest.approx(NATIONAL_PACE)


# ---------------------------------------------------------------------------
# the model object
# ---------------------------------------------------------------------------

def test_jumpoff_is_computed_once(spec, monkeypatch):
    from ygx_analysis.scenarios import paths

    calls = []
    original = paths.jumpoff_frame
    monkeypatch.setattr(paths, "jumpoff_frame", lambda *a: calls.append(1) or original(*a))
    spec.project()
    spec.plan_period_summary()
    spec.target_levels()
    spec.required_growth("gross_output", 1000, 2030)
    spec.simulate(100, 1, phi=0.0)
    assert len(calls) == 1
    assert spec.jumpoff is spec.jumpoff
    assert spec.level_2025("gross_output") == pytest.approx(GO_H1 / H1_MEDIAN)


def test_data_dir_is_the_one_checked_and_used(fixture_file, data_copy):
    """Row ids are checked against the data folder given, not the package's."""
    path = data_copy / "context.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if not line.startswith("hn_iva_growth_2025,")),
                    encoding="utf-8")
    assert sc.load_scenarios(fixture_file).scenarios          # the package's data has the row
    with pytest.raises(d.DataError, match=r"scenarios\.flat\.fiscal_revenue_total\.refs: unknown row id "
                                               r"'hn_iva_growth_2025'"):
        sc.load_scenarios(fixture_file, data_copy)
    spec = sc.load_scenarios(data_dir=data_copy, check_rows=False)
    assert spec.data_dir == data_copy and "hn_iva_growth_2025" not in set(spec.context["id"])
    assert sc.default_scenarios_path(data_copy) == data_copy / "scenarios.toml"


def test_model_arguments_are_checked(spec):
    with pytest.raises(TypeError, match="^path: "):
        sc.load_scenarios(2030)
    with pytest.raises(TypeError, match="^data_dir: "):
        sc.load_scenarios(data_dir=1)
    with pytest.raises(TypeError, match="^scenarios: "):
        spec.project(5)
    with pytest.raises(ValueError, match="^scenario: unknown scenario 'base'"):
        spec.project("base")
    with pytest.raises(TypeError, match="^projection: "):
        sc.paths.plan_period_summary(None)
    assert spec.scenario_names(["glide", "flat"]) == ["flat", "glide"]       # file order
    assert list(spec.project(["glide"])["scenario"].unique()) == ["glide"]


def test_growth_rates_follow_the_glides(spec):
    g = spec.growth_rates().set_index(["scenario", "indicator", "year"])
    assert g.loc[("glide", "gross_output"), "growth_pct"].tolist() == [8.0, 7.75, 7.0, 5.75, 4.0]
    assert list(g.columns) == ["growth_pct"]                 # shock sizes live in [model], not in the paths


# ---------------------------------------------------------------------------
# malformed files: one line each, naming the key path
# ---------------------------------------------------------------------------

MALFORMED = [
    # (description, old text, new text, expected message after the file name)
    ("missing key", "glide = \"constant\"\nrationale", "rationale",
     "scenarios.flat.fiscal_revenue_total.glide: is missing"),
    ("wrong type", "end_growth_pct = 4.0\nglide = \"linear\"", "end_growth_pct = \"4\"\nglide = \"linear\"",
     "scenarios.glide.fiscal_revenue_total.end_growth_pct: must be a number"),
    ("bool is not a number", "start_growth_pct = 5.0", "start_growth_pct = true",
     "scenarios.flat.fiscal_revenue_total.start_growth_pct: must be a number"),
    ("unknown indicator", "[scenarios.glide]\n",
     "[scenarios.flat.patents]\nstart_growth_pct = 1.0\n\n[scenarios.glide]\n",
     "scenarios.flat.patents: unknown indicator 'patents'; expected one of fiscal_revenue_total, gross_output"),
    ("unknown target indicator", "indicator = \"gross_output\"\nyear = 2028", "indicator = \"patents\"\nyear = 2028",
     "targets[1].indicator: unknown indicator 'patents'; expected one of fiscal_revenue_total, gross_output"),
    ("year outside 2025-2035", "last_year = 2030", "last_year = 2040",
     "meta.last_year: must be between 2025 and 2035"),
    ("target year outside", "year = 2028", "year = 2024", "targets[1].year: must be between 2025 and 2035"),
    ("target year not after 2025", "year = 2028", "year = 2025", "targets[1].year: must be after the jump-off year 2025"),
    ("year not whole", "last_year = 2030", "last_year = 2030.5", "meta.last_year: must be a whole year such as 2030"),
    ("a path's sd is no longer read", "glide = \"back_loaded\"", "glide = \"back_loaded\"\nsd_pct = 3.0",
     "scenarios.glide.gross_output.sd_pct: unknown key; expected one of start_growth_pct, end_growth_pct, glide, "
     "rationale, rationale_zh, refs"),
    ("unknown H1 rule", "h1_rule = \"output\"", "h1_rule = \"quarterly\"",
     "indicators.gross_output.estimate_2025.h1_rule: unknown value 'quarterly'; expected one of output, fiscal"),
    ("own H1 share refused", "h1_rule = \"output\"", "h1_rule = \"output\"\nh1_share = 0.47",
     "indicators.gross_output.estimate_2025.h1_share: unknown key; expected one of method, rationale, refs, "
     "growth_pct, h1_rule"),
    ("target status missing", "status = \"derived\"\n", "",
     "targets[2].status: is missing"),
    ("target status unknown", "status = \"derived\"", "status = \"official-ish\"",
     "targets[2].status: unknown value 'official-ish'; expected one of official, derived, illustrative"),
    ("nominal target without a deflator", "value = 600.0", "value = 600.0\nnominal = true",
     "targets[1].nominal: needs a [deflator] for 'gross_output' to give its current-price path"),
    ("indicator without a role", "[model.gross_output]\nrole = \"growth\"", "[model.gross_outpu]\nrole = \"growth\"",
     "model.gross_outpu: unknown key; expected one of t_df, t_df_rationale, vol_scale, vol_scale_rationale, "
     "phi_range_se, window_first_year, series_breaks, parameters_rationale, refs, fiscal_revenue_total, gross_output"),
    ("phi range out of bounds", "t_df = 5\n", "t_df = 5\nphi_range_se = 5.0\n",
     "model.phi_range_se: must be between 0 and 4 (standard errors)"),
    ("driver that is not a growth indicator", "driver = \"gross_output\"", "driver = \"fiscal_revenue_total\"",
     "model.fiscal_revenue_total.driver: must name another growth indicator that has no driver itself"),
    ("t below 3 degrees", "t_df = 5", "t_df = 2",
     "model.t_df: must be above 2 (a finite variance); omit it for normal shocks"),
    ("volatility scale zero", "default = 1.5\nlow = 1.0", "default = 1.5\nlow = 0.0",
     "model.vol_scale.low: must be in (0, 10]"),
    ("unknown series", "series = \"CN_IVA_ABOVE_SCALE_GROWTH\"", "series = \"CN_IVA\"",
     "model.gross_output.series: unknown series 'CN_IVA'; not in context.csv"),
    ("unknown glide", "glide = \"back_loaded\"", "glide = \"wavy\"",
     "scenarios.glide.gross_output.glide: unknown value 'wavy'; expected one of linear, front_loaded, back_loaded, constant"),
    ("constant glide with two rates", "start_growth_pct = 5.0\nend_growth_pct = 5.0",
     "start_growth_pct = 5.0\nend_growth_pct = 6.0",
     "scenarios.flat.fiscal_revenue_total.end_growth_pct: must equal start_growth_pct when glide is 'constant'"),
    ("growth out of range", "start_growth_pct = 8.0\nend_growth_pct = 4.0\nglide = \"linear\"",
     "start_growth_pct = 80.0\nend_growth_pct = 4.0\nglide = \"linear\"",
     "scenarios.glide.fiscal_revenue_total.start_growth_pct: must be between -50 and 50 (per cent a year)"),
    ("range out of order", "default = 2.0\nlow = 0.0\nhigh = 4.0", "default = 5.0\nlow = 0.0\nhigh = 4.0",
     "indicators.fiscal_revenue_total.estimate_2025.growth_pct: must have low <= default <= high"),
    ("unknown key", "glide = \"linear\"", "glide = \"linear\"\nsd = 2.0",
     "scenarios.glide.fiscal_revenue_total.sd: unknown key; expected one of start_growth_pct, end_growth_pct, "
     "glide, rationale, rationale_zh, refs"),
    ("two target kinds", "multiple_of_2025 = 2.0", "multiple_of_2025 = 2.0\nvalue = 900.0",
     "targets[0]: give exactly one of value, multiple_of_2025 or growth_row"),
    ("unknown ref", "refs = [\"gross_output_yoy_2025h1\"]", "refs = [\"gross_output_yoy_2099\"]",
     "scenarios.flat.gross_output.refs: unknown row id 'gross_output_yoy_2099'; not in indicators.csv or context.csv"),
    ("level row of the wrong period", "level_row = \"fiscal_revenue_total_2024\"",
     "level_row = \"gross_output_2025h1\"",
     "indicators.fiscal_revenue_total.level_row: row 'gross_output_2025h1' is flow for 2025H1; expected flow for 2024"),
    ("empty rationale", "rationale = \"test\"\nrefs = [\"hn_gdp_2025h1\"", "rationale = \"  \"\nrefs = [\"hn_gdp_2025h1\"",
     "indicators.gross_output.estimate_2025.rationale: must not be empty"),
    ("missing table", "[meta]\ntitle_zh = \"测试情景\"\ntitle_en = \"Test scenarios\"\nlast_year = 2030\n", "",
     "meta: is missing"),
]


@pytest.mark.parametrize("case", MALFORMED, ids=[c[0] for c in MALFORMED])
def test_malformed_file_gives_one_line_naming_the_key(fixture_file, case):
    _, old, new, expected = case
    assert old in FIXTURE, "the test's search text must be in the fixture"
    fixture_file.write_text(FIXTURE.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(d.DataError) as info:
        sc.load_scenarios(fixture_file)
    message = str(info.value)
    assert "\n" not in message
    assert message == f"{d.display_path(fixture_file)}: {expected}"
    assert isinstance(info.value, ValueError)


def test_invalid_toml_syntax_names_the_line(fixture_file):
    lines = FIXTURE.splitlines()
    line_no = lines.index("glide = \"back_loaded\"") + 1
    lines[line_no - 1] = "glide = = 3.0"
    fixture_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(d.DataError) as info:
        sc.load_scenarios(fixture_file)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"{d.display_path(fixture_file)}:{line_no}: invalid TOML: ")


def test_shipped_file_error_message_format(tmp_path):
    """The example of the issue: a wrong type in the shipped file."""
    text = (DATA / "scenarios.toml").read_text(encoding="utf-8")
    block = text.index("[scenarios.base.fiscal_revenue_total]")
    end_key = text.index("end_growth_pct = ", block)
    end_line = text.index("\n", end_key)
    broken = text[:end_key] + 'end_growth_pct = "4.5"' + text[end_line:]
    path = tmp_path / "scenarios.toml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(d.DataError, match=r"scenarios\.base\.fiscal_revenue_total\.end_growth_pct: "
                                               r"must be a number$"):
        sc.load_scenarios(path)


def test_every_problem_is_collected(fixture_file):
    text = (FIXTURE.replace("glide = \"back_loaded\"", "glide = \"wavy\"").replace("t_df = 5", "t_df = 1")
            .replace("last_year = 2030", "last_year = 1999"))
    fixture_file.write_text(text, encoding="utf-8")
    with pytest.raises(d.DataError) as info:
        sc.load_scenarios(fixture_file)
    assert len(info.value.problems) == 3          # last_year, the glide and the degrees of freedom
    assert all("\n" not in str(p) for p in info.value.problems)


def test_missing_file(tmp_path):
    with pytest.raises(d.DataError, match="file not found$"):
        sc.load_scenarios(tmp_path / "nope.toml")


# ---------------------------------------------------------------------------
# exhibits of notebook 06
# ---------------------------------------------------------------------------

def test_exhibit_row_lists_match_the_data():
    from ygx_analysis.exhibits import scenario_tables as ex

    spec = sc.load_scenarios()
    ctx = d.load_context().set_index("id")
    ind_ids = set(d.load_indicators()["id"])
    rows = set(spec.config.referenced_rows())
    assert set(ex.ASSUMPTION_CONTEXT) == {r for r in rows if r in ctx.index}
    assert set(ex.ASSUMPTION_INDICATORS) | set(ex.LEVEL_INDICATORS) >= {r for r in rows if r in ind_ids}
    assert set(ex.ASSUMPTION_SOURCES) == {"article"} | set(ctx.loc[list(ex.ASSUMPTION_CONTEXT), "source_id"])
    series = [r.series for r in spec.model.roles.values() if r.series] + list(sc.COMPARISON_SERIES)
    assert set(ex.CALIBRATION_CONTEXT) == {r for s in series for r in sc.benchmark_series(s).attrs["row_ids"]}
    assert set(ex.CALIBRATION_SOURCES) == set(ctx.loc[list(ex.CALIBRATION_CONTEXT), "source_id"])
    links = set(spec.model.refs) | {r for x in spec.model.roles.values() for r in x.refs} | set(spec.deflator.refs)
    links |= set(spec.model.series_breaks)
    links |= {*spec.pipeline.refs, spec.pipeline.capital_row, spec.pipeline.projects_row}
    assert set(ex.LINKS_CONTEXT) == {r for r in links if r in ctx.index}
    assert set(ex.LINKS_INDICATORS) == {r for r in links if r in ind_ids}
    assert set(ex.LINKS_SOURCES) == {"article"} | set(ctx.loc[list(ex.LINKS_CONTEXT), "source_id"])
    assert set(ex.RATIO_CONTEXT) == set(ex.CALIBRATION_CONTEXT) | set(sc.volatility_ratios().attrs["row_ids"])
    assert set(ex.RATIO_SOURCES) == set(ctx.loc[list(ex.RATIO_CONTEXT), "source_id"])
    assert set(ex.TARGET_CONTEXT) == {r for t in spec.targets for r in (*t.refs, t.growth_row) if r in ctx.index}
    assert set(ex.TARGET_SOURCES) == set(ctx.loc[list(ex.TARGET_CONTEXT), "source_id"])
    from ygx_analysis.arithmetic.growth import H1_SHARE_ROWS

    jump_refs = {r for i in spec.indicators.values() for r in i.estimate_2025.refs if r in ctx.index}
    jump_refs |= set(H1_SHARE_ROWS["output"])           # every row of the H1 rule the jump-off uses
    assert set(ex.JUMPOFF_CONTEXT) == jump_refs
    assert set(ex.JUMPOFF_SOURCES) == {"article"} | set(ctx.loc[list(jump_refs), "source_id"])
    assert set(ex.LEVEL_INDICATORS) == {r for i in spec.indicators.values() for r in i.data_rows}
    for table_id, sources, context in [("tab-scenario-limits", ex.LIMITS_SOURCES, ex.LIMITS_CONTEXT)]:
        assert set(sources) - {"article"} == set(ctx.loc[list(context), "source_id"]), table_id


PROJECTION_EXHIBITS = {"fig-scenario-paths", "fig-scenario-fan", "tab-plan-period-summary", "tab-required-growth",
                       "tab-fan-sensitivity", "tab-scenario-jumpoff", "tab-scenario-assumptions"}


def test_notebook_06_shows_every_scenario_exhibit():
    from ygx_analysis import exhibits
    from ygx_analysis.exhibits import scenario_tables as ex

    ids = {e.id for e in exhibits.all_exhibits() if e.notebook == ex.NOTEBOOK}
    assert {"fig-scenario-paths", "fig-scenario-fan", "tab-plan-period-summary", "tab-required-growth",
            "tab-mc-calibration", "tab-mc-links", "tab-fan-sensitivity", "tab-scenario-limits"} <= ids
    assert PROJECTION_EXHIBITS <= ids
    assert {e for e in ids if exhibits.get(e).is_projection} == PROJECTION_EXHIBITS


def _notebook_06_ids() -> list[str]:
    from ygx_analysis import exhibits
    from ygx_analysis.exhibits import scenario_tables as ex

    return [e.id for e in exhibits.all_exhibits() if e.notebook == ex.NOTEBOOK]


@pytest.mark.parametrize("exhibit_id", _notebook_06_ids())
def test_every_exhibit_renders_in_both_languages_without_warnings(exhibit_id, rendered_exhibits):
    """The shared rendering (conftest) drew notebook 06's exhibits with the default model, warning-free."""
    from ygx_analysis import exhibits
    from ygx_analysis.exhibits.style import figure_texts, missing_glyphs

    e = exhibits.get(exhibit_id)
    for lang in ("zh", "en"):
        result = rendered_exhibits[exhibit_id, lang]
        if e.kind == "figure":
            assert missing_glyphs(figure_texts(result)) == [], exhibit_id
        else:
            assert not result.empty
            assert result.attrs["source"]


def test_fan_figure_draws_the_model_it_is_given(spec):
    """The figure's title carries the model's paths and what the model leaves out; its bands are the model's
    quantiles."""
    from ygx_analysis import exhibits
    from ygx_analysis.exhibits import words

    model = sc.ScenarioAnalysis.from_spec(spec, n_paths=700, seed=2)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = exhibits.render("fig-scenario-fan", "en", model=model)
    left_out = {lang: words.text("scenario_tables", "left_out", lang) for lang in ("zh", "en")}
    assert fig._suptitle.get_text() == f"Uncertainty around the Flat scenario: 700 joint paths\n{left_out['en']}"
    assert "boundary changes" in left_out["en"] and "large plants arriving or leaving" in left_out["en"]
    assert "一镇两街道" in left_out["zh"] and "大型企业进入或退出" in left_out["zh"]
    panels = [ax for ax in fig.axes if ax.get_title()]
    assert len(panels) == 2                                    # the fixture's two indicators (and a footer)
    median = panels[0].get_lines()[0]
    f = model.fan.fan("flat", "fiscal_revenue_total")
    assert median.get_xdata().tolist() == f.index.tolist()
    assert median.get_ydata().tolist() == f["p50"].tolist()


def test_exhibits_draw_the_model_they_are_given(spec):
    """The fixture's two scenarios reach the tables; a ScenarioSet or None works as well as an analysis."""
    from ygx_analysis.exhibits import scenario_tables as ex

    model = sc.ScenarioAnalysis.from_spec(spec, n_paths=1000, seed=5)
    t = ex.plan_summary_table("en", model).set_index(["scenario", "indicator"])
    assert set(t.index.get_level_values("scenario")) == {"Flat", "Glide"}
    assert t.loc[("Flat", "Gross output"), "CAGR 2025–2030 (%)"] == 10.0
    assert t.loc[("Flat", "Gross output"), "2025 (亿元)"] == pytest.approx(GO_H1 / H1_MEDIAN)
    q = model.fan.to_frame().set_index(["scenario", "indicator", "measure", "year"])
    assert t.loc[("Flat", "Gross output"), "2030 P95"] == pytest.approx(q.loc[("flat", "gross_output", "level", 2030),
                                                                             "p95"])
    assert ex.jumpoff_table("en", spec).equals(ex.jumpoff_table("en", model))
    shipped = ex.jumpoff_table("en")
    assert set(shipped["indicator"]) == {i.label_en for i in sc.load_scenarios().indicators.values()}
    with pytest.raises(TypeError, match="^model: "):
        ex.jumpoff_table("en", "data/scenarios.toml")


def test_plan_summary_exhibit_matches_the_model():
    from ygx_analysis.exhibits import scenario_tables as ex

    model = sc.ScenarioAnalysis.load(n_paths=1000, seed=5)
    t = ex.plan_summary_table("en", model).set_index(["scenario", "indicator"])
    s = sc.load_scenarios().plan_period_summary().set_index(["scenario", "indicator"])
    assert t.loc[("Base", "Above-scale industrial gross output"), "CAGR 2025–2030 (%)"] == pytest.approx(
        s.loc[("base", "gross_output"), "cagr_pct"])  # the frame (and its CSV) keeps every digit
    # shown to the precision the inputs carry: levels to 0.1亿元, rates to 0.1 pp
    assert t.attrs["display_decimals"]["2030 (亿元)"] == 1 and t.attrs["display_decimals"]["CAGR 2025–2030 (%)"] == 1
    # nominal and real meet in one table: each row says its price basis
    assert t.loc[("Base", "Above-scale industrial gross output"), "prices"] == "2025 prices"
    assert t.loc[("Base", "Total fiscal revenue (article's scope)"), "prices"] == "current prices"


def test_analysis_checks_its_arguments(tmp_path, spec):
    with pytest.raises(ValueError, match="^n_paths: "):
        sc.ScenarioAnalysis.load(n_paths=0)
    with pytest.raises(TypeError, match="^seed: "):
        sc.ScenarioAnalysis.load(seed="2026")
    with pytest.raises(TypeError, match="^spec: "):
        sc.ScenarioAnalysis.from_spec("data/scenarios.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[meta\n", encoding="utf-8")
    with pytest.raises(d.DataError, match=r":1: invalid TOML: "):
        sc.ScenarioAnalysis.load(bad)
    model = sc.ScenarioAnalysis.from_spec(spec, n_paths=300, seed=4, vol_scale=2.0, t_df=None)
    assert (model.n_paths, model.seed, model.fan_scenario) == (300, 4, "flat")     # no 'base': the first
    assert repr(model) == ("ScenarioAnalysis(config=None, n_paths=300, seed=4, vol_scale=2, t_df=normal, "
                           "pipeline=False)")
    with pytest.raises(ValueError, match="^vol_scale: "):
        sc.ScenarioAnalysis.from_spec(spec, n_paths=10, vol_scale=0.0)
    with pytest.raises(ValueError, match="^t_df: "):
        sc.ScenarioAnalysis.from_spec(spec, n_paths=10, t_df=2.0)
    with pytest.raises(ValueError, match="^enabled: .* has no \\[pipeline\\]"):
        sc.ScenarioAnalysis.from_spec(spec, n_paths=10, pipeline=True)


# ---------------------------------------------------------------------------
# notebook 06 under papermill
# ---------------------------------------------------------------------------

NOTEBOOK = REPO / "notebooks" / "06_scenarios_2026_2030.ipynb"


def test_notebook_has_a_parameters_cell():
    import nbformat

    nb = nbformat.read(NOTEBOOK, as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    source = tagged[0].source
    for name in ("SCENARIO_FILE", "N_PATHS", "SEED", "LANG"):
        assert re.search(rf"^{name} = ", source, re.M), name
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    # no figure typed into the notebook: every number comes through the library
    assert not re.search(r"\d+\.\d+", code.replace(source, ""))


@pytest.mark.slow
def test_notebook_runs_under_papermill_with_changed_parameters(tmp_path):
    papermill = pytest.importorskip("papermill")
    import nbformat

    scenario_file = tmp_path / "scenarios.toml"
    shutil.copy(DATA / "scenarios.toml", scenario_file)
    out = tmp_path / "06_en.ipynb"
    papermill.execute_notebook(str(NOTEBOOK), str(out), cwd=str(REPO / "notebooks"), kernel_name="python3",
                               parameters={"SCENARIO_FILE": str(scenario_file), "N_PATHS": 500, "SEED": 11,
                                           "LANG": "en"}, progress_bar=False)
    nb = nbformat.read(out, as_version=4)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1 and "N_PATHS = 500" in injected[0].source
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert not [o for o in outputs if o.get("name") == "stderr"]
    text = "\n".join(str(o.get("data", {}).get("text/markdown", "")) for o in outputs)
    assert "Monte Carlo fan of the base scenario" in text          # English captions
    plain = "\n".join(str(o.get("data", {}).get("text/plain", "")) for o in outputs)
    assert "n_paths=500, seed=11" in plain                         # the parameters reached the exhibits


# ---------------------------------------------------------------------------
# honest probabilities and target status (issue #13)
# ---------------------------------------------------------------------------

ZERO_OR_ONE = re.compile(r"(?<![\d.])0\.0\s*%|(?<![\d.])100\.0\s*%")


def test_format_probability_never_prints_zero_or_one_hundred():
    f = sc.format_probability
    assert f(0.0, 20_000) == "低于0.1%（在模型假设下）"
    assert f(0.0, 20_000, "en") == "below 0.1 % under the model's assumptions"
    assert f(0.00099, 20_000, "en") == "below 0.1 % under the model's assumptions"
    assert f(1.0, 20_000) == "高于99.9%（在模型假设下）"
    assert f(0.9995, 20_000, "en") == "above 99.9 % under the model's assumptions"
    # 0.3 of 20,000 paths: s.e. = sqrt(0.3 × 0.7 / 20000) = 0.00324 → 0.32 pp
    assert f(0.3, 20_000, "en") == "30.0 % (MC s.e. 0.32 pp)"
    assert f(0.3, 20_000) == "30.0%（模拟标准误0.32个百分点）"
    assert f(float("nan"), 100) == "—"
    assert sc.mc_standard_error(0.3, 20_000) == pytest.approx((0.3 * 0.7 / 20_000) ** 0.5)
    for p in (0.0, 0.0004, 0.001, 0.0015, 0.5, 0.9985, 0.999, 0.99951, 1.0):
        for lang in ("zh", "en"):
            assert not ZERO_OR_ONE.search(f(p, 20_000, lang)), (p, lang)
    with pytest.raises(ValueError, match="^p: "):
        f(1.5, 10)
    with pytest.raises(TypeError, match="^n_paths: "):
        f(0.5, 10.0)
    with pytest.raises(ValueError, match="^lang: "):
        f(0.5, 10, "fr")


def _texts(result) -> str:
    from ygx_analysis.exhibits.style import figure_texts

    if isinstance(result, pd.DataFrame):
        return result.to_string() + " ".join(map(str, result.columns))
    return "\n".join(figure_texts(result))


@pytest.mark.parametrize("exhibit_id", _notebook_06_ids())
def test_rendered_scenario_exhibits_print_no_zero_or_hundred_per_cent(exhibit_id, rendered_exhibits):
    """No "0.0%" and no "100.0%" in any exhibit of notebook 06, in either language (the old fan printed
    "目标 1000，达标概率0.0%")."""
    for lang in ("zh", "en"):
        text = _texts(rendered_exhibits[exhibit_id, lang])
        assert not ZERO_OR_ONE.search(text), (lang, ZERO_OR_ONE.search(text))


@pytest.mark.parametrize("exhibit_id", ["fig-scenario-fan"])
def test_the_fan_says_below_0_1_per_cent_under_the_model_and_illustrative(exhibit_id, rendered_exhibits):
    fan_zh = _texts(rendered_exhibits[exhibit_id, "zh"])
    assert "低于0.1%（在模型假设下）" in fan_zh and "示意" in fan_zh
    fan_en = _texts(rendered_exhibits[exhibit_id, "en"])
    assert "below 0.1 % under the model's assumptions" in fan_en and "illustrative" in fan_en


def test_probabilities_in_the_required_growth_table_carry_their_standard_error():
    from ygx_analysis.exhibits import scenario_tables as ex

    model = sc.ScenarioAnalysis.load(n_paths=2000, seed=3)
    en_range = r"; (<0\.1|\d+\.\d)(–(\d+\.\d|>99\.9))? % (over|in all) 9 parameter settings"
    zh_range = r"；9种参数设定下(为|均为)(<0\.1|\d+\.\d)%(—(\d+\.\d|>99\.9)%)?"
    for lang, pattern in (("en", rf"^((\d+\.\d % \(MC s\.e\. \d+\.\d\d pp\)|below 0\.1 % [^;]*){en_range}|—)$"),
                          ("zh", rf"^((\d+\.\d%（模拟标准误\d+\.\d\d个百分点）|低于0\.1%[^；]*){zh_range}|—)$")):
        t = ex.required_growth_table(lang, model)
        cols = [c for c in t.columns if c.startswith(("P(reach)", "达标概率"))]
        assert len(cols) == 3
        for c in cols:
            assert t[c].map(lambda x, p=pattern: bool(re.match(p, x))).all(), (lang, c, t[c].tolist())


def test_targets_carry_their_status_in_data_and_labels():
    """The national per-capita pace is derived, the 1000亿 target illustrative and nominal; labels say so.

    The old file had no status: the national pace was its one non-illustrative target."""
    spec = sc.load_scenarios()
    status = {t.id: t.status for t in spec.targets}
    assert status == {"gross_output_1000_2030": "illustrative", "gross_output_1000_2035": "illustrative",
                      "value_added_double_2030": "illustrative", "value_added_national_pace_2030": "derived"}
    assert set(status.values()) <= set(sc.TARGET_STATUSES)
    t = spec.target_levels().set_index("target")
    for tid, s in status.items():
        word_zh, word_en = {"illustrative": ("示意", "illustrative"), "derived": ("推算", "derived")}[s]
        assert t.loc[tid, "label_zh"].endswith(f"（{word_zh}）") and t.loc[tid, "label_en"].endswith(f"({word_en})")
    go = {x.id: x for x in spec.targets}["gross_output_1000_2030"]
    assert go.nominal and "技工贸总收入" in go.source
    assert "derived" in {x.id: x for x in spec.targets}["value_added_national_pace_2030"].source


def test_revenue_anchors_follow_the_full_scope_reading():
    """The article's 一般预算收入 is not the zone's local-level revenue (the audit: scope not established, far
    above the budget entity's own); the revenue paths rest on the national (full-scope) tax base and the
    zone's own figures, not on Hunan's local-level revenue alone (the old anchors)."""
    from ygx_analysis import audit

    assert audit.budget_revenue_scope().reading == "not_established"
    spec = sc.load_scenarios()
    for scen in spec.scenarios.values():
        for name in ("fiscal_revenue_total", "general_budget_revenue"):
            refs = scen.paths[name].refs
            assert any(r.startswith("s_cn_gpb_revenue_growth_") for r in refs), (scen.name, name)
            assert "hn_gpb_revenue_growth_like_2025" not in refs
    assert spec.model.roles["general_budget_revenue"].of == "fiscal_revenue_total"


def test_sensitivity_table_rows_are_settings_with_the_fans_own_paths():
    """N9: the table ran 10,000 paths where the fan shown ran 20,000 (revenue width 74.8 % against 75.1 %) without
    saying so. Now every row has the fan's paths and seed, and the first row is the fan itself; the calibration
    window and the revenue series' breaks are rows, with the sds they give."""
    from ygx_analysis.exhibits import scenario_tables as ex

    model = sc.ScenarioAnalysis.load(n_paths=3000, seed=2)
    t = ex.sensitivity_table("en", model).set_index("setting ((P95 − P5) as % of P50, 2030)")
    assert (t["paths per row (seed 2)"] == 3000).all()
    f = model.fan.fan("base", "fiscal_revenue_total").loc[2030]
    fan_row = t.loc["the fan shown: each path draws its parameters from their ranges"]
    assert fan_row["Total fiscal revenue (article's scope)"] == round((f["p95"] - f["p05"]) / f["p50"] * 100, 1)
    g = model.settings["vol_scale_high"].fan("base", "gross_output").loc[2030]   # a fixed-parameter run
    high = t.loc["volatility scale fixed at 2"]
    assert high["Above-scale industrial gross output"] == round((g["p95"] - g["p05"]) / g["p50"] * 100, 1)
    low = t.loc["volatility scale fixed at 0.7"]
    assert low["Total fiscal revenue (article's scope)"] < t.loc["parameters fixed at their defaults", "Total fiscal revenue (article's scope)"] < high[
        "Total fiscal revenue (article's scope)"]
    window = [i for i in t.index if i.startswith("fitted from 2013")]
    assert len(window) == 1
    for sd in ("3.46 against 5.47", "1.72 against 2.89"):   # revenue and value added, from 2013 against the whole
        assert sd in window[0]
    assert t.loc[window[0], "Total fiscal revenue (article's scope)"] < fan_row["Total fiscal revenue (article's scope)"]
    assert "revenue series without 2011 and 2022 (policy breaks)" in t.index
    assert len(t) == 14
    zh = ex.sensitivity_table("zh", model)
    assert zh.iloc[:, 0].str.contains("自2013年起拟合").sum() == 1


@pytest.mark.parametrize(("old", "new", "expected"), [
    ('indicator = "gross_output"\ncapital_row', 'indicator = "value_added"\ncapital_row',
     "pipeline.indicator: must name a growth indicator of [model] (a share follows its whole)"),
    ("enabled = false", "enabled = 0", "pipeline.enabled: must be true or false"),
    ("[pipeline.years_to_stream]\ndefault = 2", "[pipeline.years_to_stream]\ndefault = 1.5",
     "pipeline.years_to_stream.default: must be a whole number"),
    ("[pipeline.arrival_share]\ndefault = 0.5", "[pipeline.arrival_share]\ndefault = 1.5",
     "pipeline.arrival_share.default: must be in [0, 1]"),
    ('capital_row = "domestic_capital_2024"', 'capital_row = "signed_projects_2024"',
     "pipeline.capital_row: row 'signed_projects_2024' is in 个; expected 亿元"),
    ("[deflator.start_pct]\ndefault = -0.5", "[deflator.start_pct]\ndefault = -3.5",
     "deflator.start_pct: must have low <= default <= high"),
    ("sd_logit = 0.05", "sd_logit = 3.0", "model.value_added.sd_logit: must be at most 2 (logit units a year)"),
])
def test_shipped_file_model_sections_are_checked(tmp_path, old, new, expected):
    text = (DATA / "scenarios.toml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "scenarios.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(d.DataError) as info:
        sc.load_scenarios(path)
    assert str(info.value) == f"{d.display_path(path)}: {expected}"


def test_target_levels_give_the_required_growth_as_a_range(spec):
    t = spec.target_levels().set_index("target")
    row = t.loc["go_600_2028"]
    assert row["required_cagr_low_pct"] == pytest.approx(100 * ((600 / (GO_H1 / H1_LOW)) ** (1 / 3) - 1))
    assert row["required_cagr_high_pct"] == pytest.approx(100 * ((600 / (GO_H1 / H1_HIGH)) ** (1 / 3) - 1))
    double = t.loc["go_double_2030"]
    assert double["required_cagr_low_pct"] == double["required_cagr_high_pct"] == double["required_cagr_pct"]


def test_calibration_table_shows_the_fits_their_identities_and_a_dash_where_nothing_applies():
    """The table's numbers are the model's calibration; the shock in use is the volatility scale times the
    stationary sd (for revenue, net of the part its elasticity carries from output's shock, in quadrature);
    comparison rows and output's elasticity print "—", never NaN."""
    import math

    from ygx_analysis.exhibits import scenario_tables as ex

    model = sc.ScenarioAnalysis.load(n_paths=200, seed=1)
    table = ex.calibration_table("en", model)
    cal = model.calibration.to_frame().set_index("indicator")
    by_series = table.set_index("series")
    assert not table.isna().any().any()
    for indicator, row in cal.iterrows():
        shown = by_series.loc[row["series"]]
        assert shown["φ"] == round(row["phi"], 3) and shown["stationary sd (pp)"] == round(row["stationary_sd"], 3)
        assert shown["volatility scale"] == round(row["vol_scale"], 2)
    output = by_series.loc[cal.loc["gross_output", "series"]]
    revenue = by_series.loc[cal.loc["fiscal_revenue_total", "series"]]
    assert output["elasticity to output"] == "—"
    # output: scale × stationary sd; revenue: what is left of scale × its stationary sd after elasticity × output's
    out_sd = cal.loc["gross_output", "vol_scale"] * cal.loc["gross_output", "stationary_sd"]
    assert output["shock sd in use (pp)"] == pytest.approx(out_sd, abs=5e-4)
    total = cal.loc["fiscal_revenue_total", "vol_scale"] * cal.loc["fiscal_revenue_total", "stationary_sd"]
    own = math.sqrt(total ** 2 - (cal.loc["fiscal_revenue_total", "elasticity"] * out_sd) ** 2)
    assert revenue["shock sd in use (pp)"] == pytest.approx(own, abs=5e-4)
    comparisons = table[table["indicator"].str.startswith("comparison")]
    assert len(comparisons) == 2
    for column in ("volatility scale", "elasticity to output", "shock sd in use (pp)"):
        assert comparisons[column].tolist() == ["—", "—"]
    zh = ex.calibration_table("zh", model)
    assert zh.loc[zh["指标"].str.startswith("对照"), "波动倍数"].tolist() == ["—", "—"]


def test_real_paths_flag_every_nominal_rate_they_cite():
    """A real (2025-price) path compared with a nominal growth rate says so in both languages (one measure, one basis)."""
    import tomllib

    from ygx_analysis.data.tables import load_context

    with open("data/scenarios.toml", "rb") as fh:
        doc = tomllib.load(fh)
    ctx = load_context().set_index("id")
    nominal = set(ctx.index[(ctx["measure"] == "growth_yoy") & (ctx["basis"] == "nominal")])
    checked = 0
    for name, scenario in doc["scenarios"].items():
        for indicator, entry in scenario.items():
            if not isinstance(entry, dict) or doc["indicators"][indicator].get("price_basis") == "nominal":
                continue
            for ref in set(entry.get("refs", [])) & nominal:
                checked += 1
                assert "nominal" in entry["rationale"], (name, indicator, ref)
                assert "现价" in entry["rationale_zh"], (name, indicator, ref)
    assert checked >= 2  # the low and base gross-output paths cite the national zones' nominal 2024 rate


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("exhibit_id", ["fig-scenario-fan", "fig-scenario-paths"])
def test_scenario_figures_are_drawn_for_the_page_and_no_text_covers_another(exhibit_id, lang):
    """N8: the English fan's corner note covered the target annotations. House rule: at most 16 cm wide, text at
    least 8 pt (the source line 7 pt), every text inside the figure, the corner notes overlapping no other text."""
    from matplotlib.text import Text

    from ygx_analysis import exhibits
    from ygx_analysis.exhibits import words

    model = sc.ScenarioAnalysis.load(n_paths=2000, seed=1)
    fig = exhibits.render(exhibit_id, lang, model=model)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    assert fig.get_figwidth() * 2.54 <= 16.0 + 1e-9
    note = words.text("scenario_tables", "projection_tag", lang)
    texts = [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
    source = [t for t in texts if t.get_text().startswith(("资料来源", "Source"))]
    assert len(source) == 1 and source[0].get_fontsize() >= 7
    for t in texts:
        assert t in source or t.get_fontsize() >= 8, (t.get_text(), t.get_fontsize())
    page = fig.bbox
    boxes = [(t, t.get_window_extent(renderer)) for t in texts]
    for t, box in boxes:
        assert page.x0 - 1 <= box.x0 and box.x1 <= page.x1 + 1 and page.y0 - 1 <= box.y0, t.get_text()
    legends = [lg.get_window_extent(renderer) for lg in fig.findobj(lambda a: type(a).__name__ == "Legend")]
    def is_note(t) -> bool:  # the note is broken into lines that fit its panel
        return "".join(t.get_text().split()) == "".join(note.split())

    notes = [box for t, box in boxes if is_note(t)]
    assert len(notes) == len(model.spec.indicators)
    for box in notes:
        others = [b for t, b in boxes if not is_note(t)] + legends
        assert not any(box.overlaps(b) for b in others)


def test_the_fan_prints_each_probability_with_its_range_over_the_parameter_settings():
    """Under the legend: each marked target, its probability with the MC error and the range over the settings."""
    from matplotlib.text import Text

    from ygx_analysis import exhibits
    from ygx_analysis.exhibits import scenario_tables as ex

    model = sc.ScenarioAnalysis.load(n_paths=2000, seed=1)
    for lang, words_ in (("en", "parameter settings"), ("zh", "种参数设定下")):
        fig = exhibits.render("fig-scenario-fan", lang, model=model)
        text = "\n".join(t.get_text() for t in fig.findobj(Text))
        for target in ("value_added_double_2030", "gross_output_1000_2030"):
            assert ex.probability_text(model, target, "base", lang) in text
        assert text.count(words_) == 2
    r = model.probability_ranges.set_index(["target", "scenario"]).loc[("value_added_double_2030", "base")]
    assert f"{100 * r['high']:.1f}–" not in ex.probability_text(model, "value_added_double_2030", "base", "en")
    assert f"–{100 * r['high']:.1f} %" in ex.probability_text(model, "value_added_double_2030", "base", "en")
