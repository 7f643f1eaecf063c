"""Notebooks 03 (innovation) and 04 (industry): composition helpers, exhibit tables, charts, coverage.

Expected values are worked out by hand from the printed figures in data/indicators.csv; each
comment names the rows a number comes from.
"""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ygx_analysis import exhibits, load_indicators
from ygx_analysis.arithmetic.composition import (
    as_interval,
    count_interval,
    group_sums,
    interval_sum,
    parts_table,
    remainder,
    share_interval,
)
from ygx_analysis.exhibits import industry, innovation
from ygx_analysis.arithmetic.reported import QUALIFIERS, Interval, Reported

NOTEBOOKS = ("03_innovation.ipynb", "04_industry.ipynb")
MINE = [e for e in exhibits.all_exhibits() if e.notebook in NOTEBOOKS]
FIGURES = [e.id for e in MINE if e.kind == "figure"]
TABLES = [e.id for e in MINE if e.kind == "table"]
HAN = re.compile(r"[\u3400-\u9fff]")

# the article's cluster figures (rows above_scale_enterprises_current, above_scale_equipment_current,
# above_scale_electronics_current, above_scale_carbon_materials_current, above_scale_new_energy_current)
TOTAL = Reported("487", unit="家")
CLUSTERS = [Reported("86", unit="家"), Reported("30", "approx_more", "家"),
            Reported("20", "approx_more", "家"), Reported("10", "approx_more", "家")]


# ---------------------------------------------------------------------------
# composition helpers
# ---------------------------------------------------------------------------

def test_cluster_remainder_by_hand():
    rest = remainder(TOTAL, CLUSTERS)
    # 487 − 86 − [31..39] − [21..29] − [11..19]: the fewest left when every 多 is as large as it can be
    assert rest.low == 487 - 86 - 39 - 29 - 19 == 314
    assert rest.high == 487 - 86 - 31 - 21 - 11 == 338
    assert rest.low_closed and rest.high_closed


def test_remainder_on_reals_is_looser_than_on_whole_numbers():
    # open real intervals: 487 − 86 − ((30, 40) + (20, 30) + (10, 20)) = (311, 341)
    rest = remainder(TOTAL, CLUSTERS, whole_numbers=False)
    assert (rest.low, rest.high, rest.low_closed, rest.high_closed) == (487 - 86 - 90, 487 - 86 - 60, False, False)


def test_audit_remainder_reads_the_printed_rows():
    from ygx_analysis.audit import cluster_remainder

    assert cluster_remainder() == remainder(TOTAL, CLUSTERS) == Interval(314, 338)


def test_count_interval_tightens_to_whole_numbers():
    assert count_interval(Reported("30", "approx_more", "家")) == Interval(31, 39)
    assert count_interval(Reported("200", "more_than", "家")) == Interval(201, math.inf, True, False)
    assert count_interval(Reported("487", unit="家")) == Interval(487, 487)


def test_interval_sum_and_groups():
    # 两主: 86 + [31..39]; 一特: [21..29] + [11..19]
    assert interval_sum(CLUSTERS[:2]) == Interval(86 + 31, 86 + 39)
    sums = group_sums(dict(zip("abcd", CLUSTERS, strict=True)), {"main": ["a", "b"], "special": ["c", "d"]})
    assert sums["special"] == Interval(21 + 11, 29 + 19)


def test_share_interval_by_hand():
    # rows invention_patents_granted_2024 and patents_granted_2024
    s = share_interval(Reported("587", unit="件"), Reported("2228", unit="件"))
    assert s.low == pytest.approx(100 * 587 / 2228) and s.high == pytest.approx(100 * 587 / 2228)
    # 30多 of 487: [31/487, 39/487]
    s = share_interval(CLUSTERS[1], TOTAL)
    assert (s.low, s.high) == (pytest.approx(100 * 31 / 487), pytest.approx(100 * 39 / 487))


def test_remainder_with_an_unbounded_part_is_cut_at_zero():
    # 100 − 超20: the part is at least 21, with no upper end, so the remainder is [0, 79]
    assert remainder(100, [Reported("20", "more_than", "家")]) == Interval(0, 100 - 21)


def test_parts_table_columns_and_rows():
    t = parts_table(TOTAL, dict(zip(["eq", "el", "cm", "ne"], CLUSTERS, strict=True))).set_index("row")
    assert list(t.index) == ["eq", "el", "cm", "ne", "sum_of_parts", "remainder", "total"]
    assert (t.loc["sum_of_parts", "low"], t.loc["sum_of_parts", "high"]) == (86 + 31 + 21 + 11, 86 + 39 + 29 + 19)
    assert t.loc["eq", "share_low_pct"] == round(100 * 86 / 487, 2)
    assert t.loc["total", "share_high_pct"] == 100.0


@pytest.mark.parametrize(("call", "name"), [
    (lambda: remainder(10, [Reported("30", "approx_more", "家")]), "parts"),
    (lambda: share_interval(5, 0), "total"),
    (lambda: interval_sum([]), "parts"),
    (lambda: parts_table(10, {}), "parts"),
    (lambda: count_interval(-3), "x"),
    (lambda: group_sums({"a": 1}, {"g": ["b"]}), "groups"),
    (lambda: group_sums({"a": 1}, {"g": ["a"], "h": ["a"]}), "groups"),
])
def test_bad_input_names_the_argument(call, name):
    with pytest.raises(ValueError, match=rf"^{name}: "):
        call()


@pytest.mark.parametrize(("call", "name"), [
    (lambda: as_interval("30"), "x"),
    (lambda: remainder(487, Reported("86", unit="家")), "parts"),
    (lambda: interval_sum("86"), "parts"),
    (lambda: parts_table(487, [86]), "parts"),
    (lambda: parts_table(487, {"a": 86}, share_digits=2.5), "share_digits"),
    (lambda: group_sums([86], {"g": ["a"]}), "parts"),
])
def test_wrong_types_name_the_argument(call, name):
    with pytest.raises(TypeError, match=rf"^{name}: "):
        call()


def test_signed_remainder_keeps_a_negative_result():
    # 100 − 86 − 20多 ([21, 29]) = [-15, -7]: raised by default, returned when signed
    parts = [86, Reported("20", "approx_more", "家")]
    with pytest.raises(ValueError, match=r"^parts: "):
        remainder(100, parts)
    assert remainder(100, parts, signed=True) == Interval(100 - 86 - 29, 100 - 86 - 21)


@given(st.lists(st.tuples(st.integers(1, 9), st.integers(0, 8)), min_size=1, max_size=4),
       st.integers(400, 600))
def test_remainder_contains_every_consistent_count(printed_and_extra, total):
    # "N多" means N+1 … 2N-1 for N in tens; any choice of true counts leaves a remainder inside the interval
    parts = [Reported(str(10 * n), "approx_more", "家") for n, _ in printed_and_extra]
    true_counts = [10 * n + 1 + extra for n, extra in printed_and_extra]
    rest = remainder(total, parts)
    assert rest.contains(total - sum(true_counts))


# ---------------------------------------------------------------------------
# exhibit tables, against hand values
# ---------------------------------------------------------------------------

def test_cluster_table_by_hand():
    t = industry.cluster_table("en").set_index("row")
    assert t.loc["above_scale_electronics_current", "interval"] == "[31, 39]"
    assert t.loc["above_scale_carbon_materials_current", "interval"] == "[21, 29]"
    assert t.loc["above_scale_new_energy_current", "interval"] == "[11, 19]"
    assert t.loc["remainder", "interval"] == "[314, 338]"
    assert (t.loc["sum_of_parts", "low"], t.loc["sum_of_parts", "high"]) == (86 + 31 + 21 + 11, 86 + 39 + 29 + 19)
    # shares of the 487, in percent, rounded to 2 decimals
    assert t.loc["above_scale_equipment_current", "share_low_pct"] == round(100 * 86 / 487, 2) == 17.66
    assert t.loc["remainder", "share_low_pct"] == round(100 * 314 / 487, 2)
    assert t.loc["remainder", "share_high_pct"] == round(100 * 338 / 487, 2)
    assert t.loc["above_scale_electronics_current", "printed"] == "30多家"
    assert t.loc["above_scale_equipment_current", "pillar"] == "Two main pillars"


def test_pillar_table_by_hand():
    t = industry.pillar_table("en").set_index("pillar_id")
    # 两主 = equipment 86 + electronics 30多; 一特 = carbon materials 20多 + new energy 10多
    assert (t.loc["two_main", "low"], t.loc["two_main", "high"]) == (86 + 31, 86 + 39)
    assert (t.loc["one_special", "low"], t.loc["one_special", "high"]) == (21 + 11, 29 + 19)
    assert (t.loc["remainder", "low"], t.loc["remainder", "high"]) == (314, 338)
    assert t.loc["one_special", "share_high_pct"] == round(100 * 48 / 487, 2)
    # the pillars and the remainder add up to the total at both ends
    assert t.loc["two_main", "low"] + t.loc["one_special", "low"] + t.loc["remainder", "high"] == 487
    assert t.loc["two_main", "high"] + t.loc["one_special", "high"] + t.loc["remainder", "low"] == 487


def test_patent_table_by_hand():
    t = innovation.patent_table("en").set_index("item")
    # rows patents_granted_2024 (2228) and invention_patents_granted_2024 (587)
    assert t.loc["Invention share of patents granted", "value"] == round(100 * 587 / 2228, 2) == 26.35
    assert t.loc["Other patents (utility model, design)", "value"] == 2228 - 587
    by_id = innovation.patent_table("en").set_index("id")
    assert by_id.loc["valid_patents_2024", "value"] == 8949
    per_10k = by_id.loc["invention_patents_per_10k_2024"]
    # printed "110" 件/万人: a rate, so half a unit either way
    assert per_10k["value"] == 110 and per_10k["interval"] == "[109.5, 110.5)"
    assert "population" in per_10k["note"] and "2024 reform" in per_10k["note"]
    zh = innovation.patent_table("zh").set_index("数据行").loc["invention_patents_per_10k_2024", "说明"]
    assert "人口基数未给出" in zh and "2024年" in zh


def test_incubation_capacity_is_lower_bounds():
    t = innovation.incubation_capacity_table("en").set_index("id")
    # 超20万平方米 and 超200家: open below, nothing above
    assert t.loc["incubation_floor_area_current", "interval"] == "(20, ∞)"
    assert t.loc["incubated_firms_current", "low"] == 200 and math.isinf(t.loc["incubated_firms_current", "high"])
    assert all(t["bound"].str.startswith("lower bound"))


def test_floor_area_frame_keeps_the_open_range():
    f = industry.floor_area_frame().set_index("id")
    factory = f.loc["factory_floor_area_current"]
    # 200余万平方米 → (200, 300), both ends open
    assert (factory["low"], factory["high"], factory["low_closed"], factory["high_closed"]) == (200, 300, False, False)
    assert math.isinf(f.loc["incubation_floor_area_current", "high"])


def test_platform_incubator_and_investment_tables_match_the_rows():
    rows = load_indicators().set_index("id")
    inc = innovation.incubator_frame().set_index("id")
    assert inc["count"].to_dict() == {"incubators_national_current": 3, "incubators_provincial_current": 1,
                                      "maker_spaces_national_current": 2, "maker_spaces_provincial_current": 2}
    rd = innovation.rd_platform_table("en").set_index("id")["count"].to_dict()
    assert rd == {"tech_centres_national_current": 4, "postdoc_stations_national_current": 3,
                  "rd_platforms_provincial_current": 125, "key_labs_provincial_current": 6,
                  "academician_workstations_provincial_current": 10}
    inv = industry.investment_table("en").set_index("id")
    assert inv["value"].to_dict() == {"investment_events_2024": 4, "investment_special_events_2024": 2,
                                      "signed_projects_2024": 48, "top500_projects_2024": 2,
                                      "returning_merchant_firms_2024": 12, "domestic_capital_2024": 165}
    assert inv.loc["domestic_capital_2024", "note"] == rows.loc["domestic_capital_2024", "note"]


def test_rank_table_says_what_is_missing():
    t = industry.rank_table("en").set_index("field")
    assert t.loc["Rank", "value"] == "15"  # row business_environment_rank_2024
    assert t.loc["Number of parks ranked", "value"] == "not given in the article"
    assert "cannot be computed" in t.loc["Relative position (top X%)", "value"]
    zh = industry.rank_table("zh").set_index("项目")
    assert zh.loc["排名", "内容"] == "第15位" and zh.loc["参评园区数", "内容"] == "原文未给出"


def test_chinese_share_headers_name_the_printed_total():
    # the header's number is the printed total of row above_scale_enterprises_current, not a fixed 487
    ind = load_indicators().copy()
    ind.loc[ind["id"] == industry.TOTAL_ROW, "value_printed"] = "500"
    columns = industry.cluster_table("zh", ind).columns
    assert "占500家比重下限(%)" in columns and "占500家比重上限(%)" in columns


@pytest.mark.parametrize("qualifier", QUALIFIERS)
def test_chinese_printed_label_is_the_printed_form(qualifier):
    # the words of meta/innovation.yml (printed.*) print a figure as Reported does
    figure = Reported("30", qualifier, "家")
    assert innovation.printed_label(figure, "zh") == str(figure)
    assert not HAN.search(innovation.printed_label(figure, "en"))


@pytest.mark.parametrize("exhibit_id", TABLES)
def test_tables_in_both_languages(exhibit_id, rendered_exhibits):
    zh, en = rendered_exhibits[exhibit_id, "zh"], rendered_exhibits[exhibit_id, "en"]
    assert len(zh) == len(en) and len(zh.columns) <= len(en.columns)  # zh omits the English-only data notes
    assert any(HAN.search(c) for c in zh.columns) and not any(HAN.search(c) for c in en.columns)
    assert en.attrs["source"].startswith("Source: ") and "[article" in en.attrs["source"]


@pytest.mark.parametrize("exhibit_id", TABLES)
def test_table_row_ids_are_declared(exhibit_id, rendered_exhibits):
    ex = exhibits.get(exhibit_id)
    table = rendered_exhibits[exhibit_id, "en"]
    column = "row" if "row" in table.columns else "id" if "id" in table.columns else "clusters"
    known = set(load_indicators()["id"])
    used = {i.strip() for cell in table[column] for i in str(cell).split(",") if i.strip() in known}
    assert used == set(ex.indicators)


# ---------------------------------------------------------------------------
# charts
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("exhibit_id", FIGURES)
def test_figure_titles_are_in_the_language_asked(exhibit_id, lang, rendered_exhibits):
    # the shared sweep (conftest.rendered_exhibits) rendered and drew every figure, warnings as errors,
    # and test_plotting checks every figure's glyphs
    fig = rendered_exhibits[exhibit_id, lang]
    titles = [ax.get_title() for ax in fig.axes if ax.get_title()]
    assert titles
    if lang == "en":
        # English titles may quote the printed qualifiers 多/余/超, nothing else in Chinese
        assert not [t for t in titles if HAN.search(re.sub("[多余超]", "", t))]
    else:
        assert all(HAN.search(t) for t in titles)


def _hatched_extents(fig):
    from matplotlib.patches import Rectangle

    return sorted((round(p.get_x(), 9), round(p.get_x() + p.get_width(), 9))
                  for ax in fig.axes for p in ax.patches if isinstance(p, Rectangle) and p.get_hatch())


def test_cluster_figure_draws_the_ranges_unrounded():
    fig = exhibits.render("fig-above-scale-clusters", "en")
    # [31, 39], [21, 29], [11, 19] and the remainder [314, 338]
    assert _hatched_extents(fig) == [(11, 19), (21, 29), (31, 39), (314, 338)]


def test_floor_area_figure_draws_a_range_and_an_arrow():
    fig = exhibits.render("fig-floor-area", "en")
    assert _hatched_extents(fig) == [(200, 300)]  # 200余万平方米
    arrows = [t for t in fig.axes[0].texts if getattr(t, "arrow_patch", None) is not None]
    assert len(arrows) == 1 and arrows[0].xy[0] > 20 and arrows[0].xyann[0] == 20  # 超20万平方米


def test_incubation_figure_draws_arrows_from_the_lower_bounds():
    fig = exhibits.render("fig-incubation-bounds", "en")
    starts = sorted(t.xyann[0] for ax in fig.axes for t in ax.texts if getattr(t, "arrow_patch", None) is not None)
    assert starts == [20, 200]
    assert _hatched_extents(fig) == []


def test_bad_language_is_refused():
    with pytest.raises(ValueError, match=r"^lang: "):
        industry.cluster_table("fr")
    with pytest.raises(ValueError, match=r"^lang: "):
        innovation.patents_figure("fr")


# ---------------------------------------------------------------------------
# coverage: every innovation and industry row, and the rank, is shown by an exhibit
# ---------------------------------------------------------------------------

def test_every_innovation_and_industry_row_is_in_an_exhibit():
    ind = load_indicators()
    required = set(ind.loc[ind["section"].isin(["innovation", "industry"]), "id"])
    assert len(required) == 27  # 15 innovation rows and 12 industry rows
    explicit = {i for e in exhibits.all_exhibits() for i in e.indicators if i != "*"}
    assert sorted(required - explicit) == []


def test_rank_is_shown_in_notebook_04():
    explicit_04 = {i for e in exhibits.all_exhibits() if e.notebook == "04_industry.ipynb" for i in e.indicators}
    assert "business_environment_rank_2024" in explicit_04


def test_declared_rows_exist_and_notebooks_match():
    known = set(load_indicators()["id"])
    for e in MINE:
        assert e.indicators and "*" not in e.indicators
        assert set(e.indicators) <= known, e.id
        assert e.sources[0] == "article", e.id  # the article first; context rows add their sources
    by_notebook = {nb: {i for e in MINE if e.notebook == nb for i in e.indicators} for nb in NOTEBOOKS}
    sections = load_indicators().set_index("id")["section"]
    assert {sections[i] for i in by_notebook["03_innovation.ipynb"]} == {"innovation"}
    assert {sections[i] for i in by_notebook["04_industry.ipynb"]} >= {"industry", "business_environment"}
