"""Scenario files: loading, every malformed case, deterministic paths against hand compounding,
required growth, targets, the exhibits of notebook 06, and the notebook under papermill."""

from __future__ import annotations

import re
import shutil
import warnings
from pathlib import Path

import pandas as pd
import pytest

from ygx_analysis import data as d
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
price_basis = "not stated"
h1_row = "gross_output_2025h1"

[indicators.gross_output.estimate_2025]
method = "annualize_h1"
rationale = "test"
refs = ["hn_gdp_2025h1", "hn_gdp_2025"]

[indicators.gross_output.estimate_2025.h1_share]
default = 0.5
low = 0.45
high = 0.5

[scenarios.flat]
label_zh = "不变"
label_en = "Flat"
description = "constant growth"

[scenarios.flat.fiscal_revenue_total]
start_growth_pct = 5.0
end_growth_pct = 5.0
glide = "constant"
sd_pct = 2.0
rationale = "test"
refs = ["hn_iva_growth_2025"]

[scenarios.flat.gross_output]
start_growth_pct = 10.0
end_growth_pct = 10.0
glide = "constant"
sd_pct = 3.0
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
sd_pct = 2.0
rationale = "test"
refs = ["hn_iva_growth_2025"]

[scenarios.glide.gross_output]
start_growth_pct = 8.0
end_growth_pct = 4.0
glide = "back_loaded"
sd_pct = 3.0
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
refs = []

[[targets]]
id = "go_600_2028"
indicator = "gross_output"
year = 2028
value = 600.0
label_zh = "600"
label_en = "600"
source = "illustrative"
refs = []

[[targets]]
id = "fiscal_national_pace_2030"
indicator = "fiscal_revenue_total"
year = 2030
growth_row = "cn_gdp_pc_growth_implied_2021_2035"
label_zh = "全国步伐"
label_en = "national pace"
source = "national"
refs = []
"""

FISCAL_2024 = 62.08   # fiscal_revenue_total_2024
FISCAL_YOY = 6.33     # fiscal_revenue_total_yoy_2024
GO_H1 = 201.69        # gross_output_2025h1
NATIONAL_PACE = 4.73  # cn_gdp_pc_growth_implied_2021_2035


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
            assert p.rationale and p.refs and p.sd_pct > 0
    assert all(t.source for t in spec.targets)


def test_shipped_scenarios_are_ordered_low_base_high():
    p = sc.project()
    end = p[p["year"] == 2030].pivot(index="indicator", columns="scenario", values="value")
    assert ((end["low"] < end["base"]) & (end["base"] < end["high"])).all()


def test_shipped_rationales_cite_rows_that_exist():
    spec = sc.load_scenarios()
    known = set(d.load_indicators()["id"]) | set(d.load_context()["id"])
    assert set(spec.referenced_rows()) <= known
    # each rationale names at least one of its refs in its own text
    for scen in spec.scenarios.values():
        for p in scen.paths.values():
            assert any(r in p.rationale for r in p.refs), (p.scenario, p.indicator)


def test_shipped_h1_share_rests_on_hunan_h1_share():
    """The default H1 share is within 0.01 of Hunan's 2025 January–June share of GRP."""
    ctx = d.load_context().set_index("id")["value"]
    hunan_share = ctx["hn_gdp_2025h1"] / ctx["hn_gdp_2025"]   # 26166.50 / 55308.65
    assert hunan_share == pytest.approx(26166.50 / 55308.65)
    for name in ("value_added", "gross_output"):
        a = sc.load_scenarios().indicators[name].assumption
        assert abs(a.default - hunan_share) < 0.01
        assert a.low < a.default < a.high <= 0.5


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


def test_history_is_kept_apart_from_projection(spec):
    p = sc.project(spec)
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
    assert go.loc[2025, "value"] == pytest.approx(GO_H1 / 0.5)
    assert go.loc[2025, "basis"] == "estimate from 2025H1"
    assert set(p.loc[p["year"] > 2025, "basis"]) == {"scenario projection"}


def test_paths_match_hand_compounding(spec):
    p = sc.project(spec)
    start = FISCAL_2024 * 1.02
    assert value(p, "flat", "fiscal_revenue_total", 2030) == pytest.approx(start * 1.05 ** 5)
    assert value(p, "flat", "gross_output", 2027) == pytest.approx(GO_H1 / 0.5 * 1.1 * 1.1)
    # linear 8 → 4: 8, 7, 6, 5, 4
    assert value(p, "glide", "fiscal_revenue_total", 2030) == pytest.approx(
        start * 1.08 * 1.07 * 1.06 * 1.05 * 1.04)
    # back_loaded 8 → 4: 8, 7.75, 7, 5.75, 4
    assert value(p, "glide", "gross_output", 2029) == pytest.approx(
        GO_H1 / 0.5 * 1.08 * 1.0775 * 1.07 * 1.0575)
    assert value(p, "glide", "gross_output", 2028, "growth_pct") == 7.0


def test_plan_period_summary_by_hand(spec):
    s = sc.plan_period_summary(spec=spec).set_index(["scenario", "indicator"])
    row = s.loc[("flat", "gross_output")]
    start = GO_H1 / 0.5
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
    p = sc.project(spec, "flat")
    for year in (2026, 2028, 2030):
        level = value(p, "flat", "gross_output", year)
        assert sc.required_growth("gross_output", level, year, spec) == pytest.approx(rate, abs=1e-9)


def test_required_growth_by_hand(spec):
    start = GO_H1 / 0.5
    assert sc.required_growth("gross_output", 1000, 2030, spec) == pytest.approx(
        100 * ((1000 / start) ** (1 / 5) - 1))
    assert sc.required_growth("gross_output", [start, start * 1.21], 2027, spec) == pytest.approx([0.0, 10.0])
    with pytest.raises(ValueError, match="^indicator: unknown indicator 'nope'"):
        sc.required_growth("nope", 1, 2030, spec)
    with pytest.raises(ValueError, match="^year: "):
        sc.required_growth("gross_output", 1000, 2025, spec)
    with pytest.raises(ValueError, match="^target: "):
        sc.required_growth("gross_output", -5, 2030, spec)


def test_target_levels(spec):
    t = sc.target_levels(spec).set_index("target")
    start = GO_H1 / 0.5
    assert t.loc["go_double_2030", "target_value"] == pytest.approx(2 * start)
    assert t.loc["go_double_2030", "required_cagr_pct"] == pytest.approx(100 * (2 ** 0.2 - 1))
    assert t.loc["go_600_2028", "required_cagr_pct"] == pytest.approx(100 * ((600 / start) ** (1 / 3) - 1))
    fiscal_2025 = FISCAL_2024 * 1.02
    assert t.loc["fiscal_national_pace_2030", "target_value"] == pytest.approx(
        fiscal_2025 * (1 + NATIONAL_PACE / 100) ** 5)
    assert t.loc["fiscal_national_pace_2030", "required_cagr_pct"] == pytest.approx(NATIONAL_PACE)


def test_parse_required():
    assert sc.parse_required("gross_output=1000@2030") == {
        "indicator": "gross_output", "target": 1000.0, "multiple": False, "year": 2030}
    assert sc.parse_required(" value_added = x1.5 @ 2035 ")["multiple"] is True
    for bad in ("gross_output=1000", "gross_output@2030", "=1@2030", "gross_output=-1@2030",
                "gross_output=abc@2030"):
        with pytest.raises(ValueError, match="^required: "):
            sc.parse_required(bad)


# ---------------------------------------------------------------------------
# malformed files: one line each, naming the key path
# ---------------------------------------------------------------------------

MALFORMED = [
    # (description, old text, new text, expected message after the file name)
    ("missing key", "sd_pct = 3.0\nrationale", "rationale",
     "scenarios.flat.gross_output.sd_pct: is missing"),
    ("wrong type", "end_growth_pct = 4.0\nglide = \"linear\"", "end_growth_pct = \"4\"\nglide = \"linear\"",
     "scenarios.glide.fiscal_revenue_total.end_growth_pct: must be a number"),
    ("bool is not a number", "sd_pct = 2.0\nrationale = \"test\"\nrefs = [\"hn_iva_growth_2025\"]\n\n[scenarios.flat.gross",
     "sd_pct = true\nrationale = \"test\"\nrefs = [\"hn_iva_growth_2025\"]\n\n[scenarios.flat.gross",
     "scenarios.flat.fiscal_revenue_total.sd_pct: must be a number"),
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
    ("negative sd", "sd_pct = 3.0\nrationale = \"test\"\nrefs = [\"gross_output_yoy_2025h1\"]",
     "sd_pct = -1.5\nrationale = \"test\"\nrefs = [\"gross_output_yoy_2025h1\"]",
     "scenarios.flat.gross_output.sd_pct: must not be negative"),
    ("unknown glide", "glide = \"back_loaded\"", "glide = \"wavy\"",
     "scenarios.glide.gross_output.glide: unknown value 'wavy'; expected one of linear, front_loaded, back_loaded, constant"),
    ("constant glide with two rates", "start_growth_pct = 5.0\nend_growth_pct = 5.0",
     "start_growth_pct = 5.0\nend_growth_pct = 6.0",
     "scenarios.flat.fiscal_revenue_total.end_growth_pct: must equal start_growth_pct when glide is 'constant'"),
    ("growth out of range", "start_growth_pct = 8.0\nend_growth_pct = 4.0\nglide = \"linear\"",
     "start_growth_pct = 80.0\nend_growth_pct = 4.0\nglide = \"linear\"",
     "scenarios.glide.fiscal_revenue_total.start_growth_pct: must be between -50 and 50 (per cent a year)"),
    ("h1 share above one", "default = 0.5\nlow = 0.45", "default = 1.5\nlow = 0.45",
     "indicators.gross_output.estimate_2025.h1_share.default: must be a fraction in (0, 1]"),
    ("range out of order", "default = 2.0\nlow = 0.0\nhigh = 4.0", "default = 5.0\nlow = 0.0\nhigh = 4.0",
     "indicators.fiscal_revenue_total.estimate_2025.growth_pct: must have low <= default <= high"),
    ("unknown key", "glide = \"linear\"\nsd_pct = 2.0", "glide = \"linear\"\nsd = 2.0\nsd_pct = 2.0",
     "scenarios.glide.fiscal_revenue_total.sd: unknown key; expected one of start_growth_pct, end_growth_pct, "
     "glide, sd_pct, rationale, refs"),
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
    with pytest.raises(sc.ScenarioError) as info:
        sc.load_scenarios(fixture_file)
    message = str(info.value)
    assert "\n" not in message
    assert message == f"{d.display_path(fixture_file)}: {expected}"
    assert isinstance(info.value, ValueError)


def test_invalid_toml_syntax_names_the_line(fixture_file):
    lines = FIXTURE.splitlines()
    line_no = lines.index("sd_pct = 3.0") + 1
    lines[line_no - 1] = "sd_pct = = 3.0"
    fixture_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(sc.ScenarioError) as info:
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
    with pytest.raises(sc.ScenarioError, match=r"scenarios\.base\.fiscal_revenue_total\.end_growth_pct: "
                                               r"must be a number$"):
        sc.load_scenarios(path)


def test_every_problem_is_collected(fixture_file):
    text = FIXTURE.replace("sd_pct = 3.0", "sd_pct = -3.0").replace("last_year = 2030", "last_year = 1999")
    fixture_file.write_text(text, encoding="utf-8")
    with pytest.raises(sc.ScenarioError) as info:
        sc.load_scenarios(fixture_file)
    assert len(info.value.problems) == 3          # last_year and two negative sds
    assert all("\n" not in p for p in info.value.problems)


def test_missing_file(tmp_path):
    with pytest.raises(sc.ScenarioError, match="file not found$"):
        sc.load_scenarios(tmp_path / "nope.toml")


# ---------------------------------------------------------------------------
# exhibits of notebook 06
# ---------------------------------------------------------------------------

def test_exhibit_row_lists_match_the_data():
    from ygx_analysis import montecarlo as mc
    from ygx_analysis.exhibits import scenarios as ex

    spec = sc.load_scenarios()
    ctx = d.load_context().set_index("id")
    ind_ids = set(d.load_indicators()["id"])
    rows = set(spec.referenced_rows())
    assert set(ex.ASSUMPTION_CONTEXT) == {r for r in rows if r in ctx.index}
    assert set(ex.ASSUMPTION_INDICATORS) | set(ex.LEVEL_INDICATORS) >= {r for r in rows if r in ind_ids}
    assert set(ex.ASSUMPTION_SOURCES) == {"article"} | set(ctx.loc[list(ex.ASSUMPTION_CONTEXT), "source_id"])
    assert set(ex.CALIBRATION_CONTEXT) == set(mc.benchmark_series().attrs["row_ids"])
    assert set(ex.CALIBRATION_SOURCES) == set(ctx.loc[list(ex.CALIBRATION_CONTEXT), "source_id"])
    jump_refs = {r for i in spec.indicators.values() for r in i.refs if r in ctx.index}
    assert set(ex.JUMPOFF_CONTEXT) == jump_refs
    assert set(ex.JUMPOFF_SOURCES) == {"article"} | set(ctx.loc[list(jump_refs), "source_id"])
    assert set(ex.LEVEL_INDICATORS) == {r for i in spec.indicators.values() for r in i.data_rows}
    for table_id, sources, context in [("tab-scenario-limits", ex.LIMITS_SOURCES, ex.LIMITS_CONTEXT)]:
        assert set(sources) - {"article"} == set(ctx.loc[list(context), "source_id"]), table_id


PROJECTION_EXHIBITS = {"fig-scenario-paths", "fig-scenario-fan", "tab-plan-period-summary", "tab-required-growth",
                       "tab-fan-phi-sensitivity", "tab-scenario-jumpoff", "tab-scenario-assumptions"}


def test_every_exhibit_renders_in_both_languages_without_warnings():
    from ygx_analysis import exhibits
    from ygx_analysis.exhibits import scenarios as ex
    from ygx_analysis.plotting import figure_texts, missing_glyphs

    ex.configure(n_paths=2000, seed=3)
    try:
        ids = [e.id for e in exhibits.all_exhibits() if e.notebook == ex.NOTEBOOK]
        assert {"fig-scenario-paths", "fig-scenario-fan", "tab-plan-period-summary", "tab-required-growth",
                "tab-mc-calibration", "tab-scenario-limits"} <= set(ids)
        for exhibit_id in ids:
            e = exhibits.get(exhibit_id)
            for lang in ("zh", "en"):
                with warnings.catch_warnings():
                    warnings.simplefilter("error")
                    result = exhibits.render(exhibit_id, lang)
                    if e.kind == "figure":
                        assert missing_glyphs(figure_texts(result)) == [], exhibit_id
                    else:
                        assert not result.empty
                        assert result.attrs["source"]
            assert e.is_projection == (exhibit_id in PROJECTION_EXHIBITS), exhibit_id
    finally:
        ex.configure()


def test_plan_summary_exhibit_matches_the_model():
    from ygx_analysis.exhibits import scenarios as ex

    ex.configure(n_paths=1000, seed=5)
    try:
        t = ex.plan_summary_table("en").set_index(["scenario", "indicator"])
        s = sc.plan_period_summary().set_index(["scenario", "indicator"])
        assert t.loc[("Base", "Above-scale industrial gross output"), "CAGR 2025–2030 (%)"] == pytest.approx(
            round(s.loc[("base", "gross_output"), "cagr_pct"], 2))
    finally:
        ex.configure()


def test_configure_checks_its_arguments(tmp_path):
    from ygx_analysis.exhibits import scenarios as ex

    with pytest.raises(ValueError, match="^n_paths: "):
        ex.configure(n_paths=0)
    bad = tmp_path / "bad.toml"
    bad.write_text("[meta\n", encoding="utf-8")
    with pytest.raises(sc.ScenarioError, match=r":1: invalid TOML: "):
        ex.configure(bad)
    assert ex.current_settings() == ex.FanSettings()


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
