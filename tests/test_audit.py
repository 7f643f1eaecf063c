"""The audit: every value against a hand calculation, bounds at the rounding edges, and failing data."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from ygx_analysis.audit import COLUMNS, STATUSES, audit, budget_revenue_scope, cluster_remainder
from ygx_analysis.data.tables import load_context, load_indicators
from ygx_analysis.arithmetic.growth import HalfYearRule
from ygx_analysis.exhibits.article_audit import TABLE_COLUMNS, audit_frame

# The output H1 rule by hand from the nine seasonality rows of context.csv (growth.H1_SHARE_ROWS["output"]):
# 46.1, 47.3, 45.2, 45.3, 46.7, 46.5, 47.0, 45.7, 48.0 → min 45.2, median 46.5, max 48.0 (per cent).
H1_LOW, H1_CENTRAL, H1_HIGH = 0.452, 0.465, 0.480


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return audit_frame("en").set_index("check_id")


def _check(table: pd.DataFrame, check_id: str, value: float, low: float, high: float, status: str,
           rel: float = 1e-12) -> None:
    row = table.loc[check_id]
    assert row["value"] == pytest.approx(value, rel=rel)
    assert row["low"] == pytest.approx(low, rel=rel)
    if math.isinf(high):
        assert math.isinf(row["high"])
    else:
        assert row["high"] == pytest.approx(high, rel=rel)
    assert row["status"] == status


# ---------------------------------------------------------------------------
# the shape of the table
# ---------------------------------------------------------------------------

def test_columns_and_size():
    t = audit()
    assert list(t.columns) == list(COLUMNS)
    assert len(t) >= 14
    assert t["check_id"].is_unique
    assert set(t["status"]) <= set(STATUSES)


def test_every_row_is_numeric_and_ordered():
    t = audit()
    for col in ("value", "low", "high"):
        assert pd.api.types.is_float_dtype(t[col])
        assert not t[col].isna().any(), col
    assert (t["low"] <= t["value"]).all()
    assert (t["value"] <= t["high"]).all()


def test_inputs_name_existing_rows():
    t = audit()
    known = set(load_indicators()["id"]) | set(load_context()["id"])
    for check_id, inputs in zip(t["check_id"], t["inputs"], strict=True):
        ids = inputs.split(";")
        assert ids and all(ids), check_id
        assert set(ids) <= known, (check_id, set(ids) - known)


def test_issue_list_of_checks_is_covered(table):
    required = {
        "fiscal_total_2023_implied", "budget_revenue_2023_implied", "gross_output_2024h1_implied",
        "value_added_2024h1_implied", "value_added_rate_2025h1", "budget_share_of_total_2024",
        "invention_patent_share_2024", "above_scale_clusters_vs_total", "above_scale_unattributed_remainder",
        "incubators_total", "maker_spaces_total", "national_platforms_total", "provincial_platforms_total",
        "pre_reform_hr_cost", "iva_premium_over_hunan_2024", "iva_premium_over_hunan_2025h1",
        "fiscal_2018_vs_2024_splice", "budget_revenue_scope_2024",
    }
    assert required <= set(table.index)


# ---------------------------------------------------------------------------
# values by hand (row ids in the comments)
# ---------------------------------------------------------------------------

def test_implied_2023_total_fiscal_revenue(table):
    # fiscal_revenue_total_2024 = 62.08 → [62.075, 62.085); fiscal_revenue_total_yoy_2024 = 6.33 → [6.325, 6.335)
    _check(table, "fiscal_total_2023_implied", 62.08 / 1.0633, 62.075 / 1.06335, 62.085 / 1.06325,
           "reproduced")
    assert round(table.loc["fiscal_total_2023_implied", "value"], 2) == 58.38
    assert table.loc["fiscal_total_2023_implied", "inputs"] == \
        "fiscal_revenue_total_2024;fiscal_revenue_total_yoy_2024"


def test_implied_2023_general_budget_revenue(table):
    # general_budget_revenue_2024 = 60.67, general_budget_revenue_yoy_2024 = 6.6 → [6.55, 6.65)
    _check(table, "budget_revenue_2023_implied", 60.67 / 1.066, 60.665 / 1.0665, 60.675 / 1.0655,
           "reproduced")


def test_implied_h1_2024_levels(table):
    # gross_output_2025h1 = 201.69, gross_output_yoy_2025h1 = 8.2
    _check(table, "gross_output_2024h1_implied", 201.69 / 1.082, 201.685 / 1.0825, 201.695 / 1.0815,
           "reproduced")
    # value_added_2025h1 = 47.83, value_added_yoy_2025h1 = 9.2
    _check(table, "value_added_2024h1_implied", 47.83 / 1.092, 47.825 / 1.0925, 47.835 / 1.0915,
           "reproduced")


def test_value_added_rates(table):
    # value_added_2025h1 / gross_output_2025h1
    _check(table, "value_added_rate_2025h1", 100 * 47.83 / 201.69, 100 * 47.825 / 201.695,
           100 * 47.835 / 201.685, "consistent")
    _check(table, "value_added_rate_2024h1_implied", 100 * (47.83 / 1.092) / (201.69 / 1.082),
           100 * (47.825 / 1.0925) / (201.695 / 1.0815), 100 * (47.835 / 1.0915) / (201.685 / 1.0825),
           "consistent")


def test_budget_share_is_flagged(table):
    # general_budget_revenue_2024 / fiscal_revenue_total_2024 = 97.7 %
    _check(table, "budget_share_of_total_2024", 100 * 60.67 / 62.08, 100 * 60.665 / 62.085,
           100 * 60.675 / 62.075, "flag")
    note = table.loc["budget_share_of_total_2024", "note"]
    assert "remitted" in note and "97.7" in note
    # local shares of full-scope revenue: hn_local_share_2013 … cn_local_share_2022 run from 53.4 to 63.6
    assert "53.4–63.6 %" in note and "cn_local_share_2022" in table.loc["budget_share_of_total_2024", "inputs"]


def test_circular_2023_share_is_a_note_not_a_second_flag(table):
    # (60.67 / 1.066) / (62.08 / 1.0633) is the 2024 share × 1.0633 / 1.066 by construction: one anomaly,
    # so no separate check; the 2024 flag carries it as a derived note
    assert "budget_share_of_total_2023_implied" not in table.index
    assert (table["status"] == "flag").sum() == 3   # budget share, budget scope, HR cost
    share_2023 = 100 * (60.67 / 1.066) / (62.08 / 1.0633)
    assert share_2023 == pytest.approx(100 * 60.67 / 62.08 * 1.0633 / 1.066)
    note = table.loc["budget_share_of_total_2024", "note"]
    assert f"{share_2023:.1f} %" in note and "by construction" in note
    assert "general_budget_revenue_yoy_2024" in table.loc["budget_share_of_total_2024", "inputs"]


def test_invention_patent_share(table):
    # invention_patents_granted_2024 = 587 of patents_granted_2024 = 2228, exact counts
    _check(table, "invention_patent_share_2024", 100 * 587 / 2228, 100 * 587 / 2228, 100 * 587 / 2228,
           "consistent")
    assert table.loc["invention_patent_share_2024", "reported"] == "2228件"


def test_clusters_against_total(table):
    # 86 + 30多 + 20多 + 10多 in whole firms: 86 + 31..39 + 21..29 + 11..19
    low, high = 86 + 31 + 21 + 11, 86 + 39 + 29 + 19
    _check(table, "above_scale_clusters_vs_total", (low + high) / 2, low, high, "consistent")
    assert table.loc["above_scale_clusters_vs_total", "reported"] == "487家"
    # the remainder: 487 minus the cluster sum
    _check(table, "above_scale_unattributed_remainder", 487 - (low + high) / 2, 487 - high, 487 - low,
           "consistent")
    note = table.loc["above_scale_unattributed_remainder", "note"]
    assert "(311, 341)" in note and "[314, 338]" in note   # real and whole-number bounds


def test_cluster_remainder_function():
    whole = cluster_remainder()
    # 487 − 86 − [31..39] − [21..29] − [11..19]
    assert (whole.low, whole.high, whole.low_closed, whole.high_closed) == (487 - 86 - 87, 487 - 86 - 63, True, True)
    real = cluster_remainder(whole=False)
    # 487 − 86 − (30, 40) − (20, 30) − (10, 20) = (311, 341), open
    assert (real.low, real.high) == pytest.approx((487 - 86 - 90, 487 - 86 - 60))
    assert not real.low_closed and not real.high_closed
    # tightening after the sum is valid but looser: 312 is the first whole number above 311
    assert real.integers().low == 312 and real.integers().high == 340


def test_cluster_remainder_of_parts_above_the_total_is_negative(data_copy):
    # equipment edited to 450 firms: 487 − 450 − [31..39] − [21..29] − [11..19] = [-50, -26], flagged not raised
    _edit(data_copy / "indicators.csv", "above_scale_equipment_current", "450")
    rest = cluster_remainder(load_indicators(data_copy / "indicators.csv"))
    assert (rest.low, rest.high) == (487 - 450 - 87, 487 - 450 - 63)


def test_platform_sums(table):
    # incubators_national_current 3 + incubators_provincial_current 1
    _check(table, "incubators_total", 3 + 1, 4, 4, "reproduced")
    # maker_spaces_national_current 2 + maker_spaces_provincial_current 2
    _check(table, "maker_spaces_total", 2 + 2, 4, 4, "reproduced")
    # national: incubators 3 + maker spaces 2 + tech centres 4 + postdoc stations 3
    _check(table, "national_platforms_total", 3 + 2 + 4 + 3, 12, 12, "reproduced")
    # provincial: 1 + 2 + 125 (+ 6 key labs + 10 workstations unless they are among the 125)
    _check(table, "provincial_platforms_total", 1 + 2 + 125 + 6 + 10, 1 + 2 + 125, 144, "consistent")


def test_pre_reform_hr_cost_is_flagged_with_both_readings(table):
    # hr_cost_saving_annual = 1.3以上 → [1.3, ∞); staff_reduction_rate_2024 = 71.1 → [71.05, 71.15)
    _check(table, "pre_reform_hr_cost", 1.3 / 0.711, 1.3 / 0.7115, math.inf, "flag")
    note = table.loc["pre_reform_hr_cost", "note"]
    assert "proportional" in note
    # group_hr_cost_cut_2024 = 3.3 is 3.3 / 1.828 = 1.8 times the implied bill; reading (b): 3.3 / 0.711 = 4.64
    assert f"{3.3 / (1.3 / 0.711):.1f} times" in note
    assert f"{3.3 / 0.711:.2f} 亿元" in note and "Reading (a)" in note and "Reading (b)" in note
    # reading (b)'s interval from the rounding of 3.3 and 71.1: [3.25 / 0.7115, 3.35 / 0.7105)
    assert f"({3.25 / 0.7115:.3f}, {3.35 / 0.7105:.3f})" in note
    zh = audit_frame("zh").set_index("check_id").loc["pre_reform_hr_cost", "note"]
    assert "读法一" in zh and "读法二" in zh and f"{3.3 / 0.711:.2f}亿元" in zh


def test_budget_revenue_scope_check(table):
    # 60.67 (general_budget_revenue_2024) / 3.7 (zone_entity_local_gpb_revenue_2025) = 16.397 times;
    # bounds from the rounding of both printed figures: 60.665 / 3.75 … 60.675 / 3.65
    _check(table, "budget_revenue_scope_2024", 60.67 / 3.7, 60.665 / 3.75, 60.675 / 3.65, "flag")
    note = table.loc["budget_revenue_scope_2024", "note"]
    assert "Verdict: scope not established" in note and "Adopted" not in note
    assert "zone_entity_local_gpb_revenue_2025" in note and "zone_entity_debt_balance_2025" in note
    assert "is 16 times the entity's revenue" in note
    # full scope: 60.67 × 53.4 % … 60.67 × 63.6 % = 32.4 … 38.6, i.e. 8.76 … 10.43 times 3.7
    assert "about 32–39 亿元, still 8.8–10.4 times" in note
    # the whole city's full-scope tax (yy_full_scope_tax_revenue_2025): 60.67 / 125 = 48.5 %
    assert "about 125 亿元 of full-scope tax in 2025; 60.67 亿元 is 49 % of it" in note
    assert "fits neither reading" in note and "1.26–6.63 %" in note
    # Changde's identity, as printed in the four city_changde_* rows
    assert "126.05 = local 80.18 + central 37.78 + provincial 8.09" in note
    inputs = table.loc["budget_revenue_scope_2024", "inputs"].split(";")
    assert {"zone_entity_local_gpb_revenue_2025", "zone_entity_debt_balance_2025", "yy_full_scope_tax_revenue_2025",
            "park_cs_etdz_revenue_to_output_2017", "hn_gdp_h1_share_2025", "city_changde_local_share_m01_m05"} <= set(inputs)
    zh = audit_frame("zh").set_index("check_id").loc["budget_revenue_scope_2024", "note"]
    assert "结论：口径未确定" in zh and "采用的读法" not in zh and "16倍" in zh


def test_budget_revenue_scope_evidence_by_hand():
    e = budget_revenue_scope()
    assert e.reading == "not_established"
    assert e.share_of_total == pytest.approx(100 * 60.67 / 62.08)
    assert e.local_share_range == (53.4, 63.6)
    assert (e.entity_revenue, e.entity_debt) == (3.7, 166.4)
    assert e.times_if_local == pytest.approx(60.67 / 3.7)                                  # 16.4
    assert e.local_part_if_full == pytest.approx((60.67 * 0.534, 60.67 * 0.636))          # 32.4, 38.6
    assert e.times_if_full == pytest.approx((60.67 * 0.534 / 3.7, 60.67 * 0.636 / 3.7))   # 8.8, 10.4
    assert e.share_of_city_full_tax == pytest.approx(100 * 60.67 / 125)                   # 48.5 %
    assert e.city_share_if_local == pytest.approx(100 * 60.67 / 113.85)  # yy_gpb_revenue_2025, the final outturn
    assert e.full_if_local == pytest.approx((60.67 / 0.636, 60.67 / 0.534))
    assert e.annual_output == pytest.approx(201.69 / H1_CENTRAL)
    assert e.ratio_if_local[0] == pytest.approx(100 * 60.67 / 0.636 / (201.69 / H1_CENTRAL))
    assert e.peer_range == (1.26, 6.63)
    # test 3: 14.0 % as full scope and 22–26 % as local level both exceed the highest peer, 6.63 %
    assert e.output_test_fits == (False, False)


@pytest.mark.parametrize(("budget", "reading"), [("3.9", "local_level"), ("6.5", "full_scope"),
                                                 ("60.67", "not_established")])
def test_budget_revenue_scope_follows_the_data(data_copy, budget, reading):
    # 3.9 / 3.7 = 1.05: matches the entity's own revenue as local level (within the factor 1.5);
    # 6.5 × 53.4 % … 6.5 × 63.6 % = 3.47 … 4.13 around 3.7: matches as full scope; 60.67 matches neither
    _edit(data_copy / "indicators.csv", "general_budget_revenue_2024", budget)
    ind = load_indicators(data_copy / "indicators.csv")
    assert budget_revenue_scope(ind).reading == reading
    note = audit_frame("en", audit(ind)).set_index("check_id").loc["budget_revenue_scope_2024", "note"]
    word = {"local_level": "local level (地方级)", "full_scope": "full scope (全口径)",
            "not_established": "scope not established"}[reading]
    assert f"Verdict: {word}." in note


def test_premium_over_hunan(table):
    # industrial_value_added_yoy_2024 9.1 − hn_iva_growth_2024 7.3
    _check(table, "iva_premium_over_hunan_2024", 9.1 - 7.3, 9.05 - 7.35, 9.15 - 7.25, "consistent", rel=1e-9)
    note = table.loc["iva_premium_over_hunan_2024", "note"]
    assert "规模" in note
    assert "2.5 pp" in note  # 9.1 − 6.6 (hn_iva_all_industry_growth_2024), if the zone figure is all-industry
    assert "hn_iva_growth_2024" in table.loc["iva_premium_over_hunan_2024", "inputs"]
    # value_added_yoy_2025h1 9.2 − hn_iva_growth_2025h1 8.2
    _check(table, "iva_premium_over_hunan_2025h1", 9.2 - 8.2, 9.15 - 8.25, 9.25 - 8.15, "consistent",
           rel=1e-9)


def test_fiscal_splice_is_not_comparable(table):
    # zone_fiscal_tax_revenue_2018 = 18.08 → fiscal_revenue_total_2024 = 62.08, 6 years
    _check(table, "fiscal_2018_vs_2024_splice", 100 * ((62.08 / 18.08) ** (1 / 6) - 1),
           100 * ((62.075 / 18.085) ** (1 / 6) - 1), 100 * ((62.085 / 18.075) ** (1 / 6) - 1),
           "not_comparable")
    note = table.loc["fiscal_2018_vs_2024_splice", "note"]
    assert "22.8" in note and "财税收入" in note and "财政总收入" in note and "scope" in note


def test_gross_output_splice_uses_the_h1_rule_range(table):
    # zone_gross_output_2021 = 937.4; gross_output_2025h1 = 201.69 annualised with the H1 rule (not 0.5):
    # the median share for the value, the range of shares (and the rounding) for the bounds
    _check(table, "gross_output_2021_vs_2025_splice", 100 * ((201.69 / H1_CENTRAL / 937.4) ** (1 / 4) - 1),
           100 * ((201.685 / H1_HIGH / 937.45) ** (1 / 4) - 1), 100 * ((201.695 / H1_LOW / 937.35) ** (1 / 4) - 1),
           "not_comparable")
    assert "cn_secondary_va_h1_share_2024" in table.loc["gross_output_2021_vs_2025_splice", "inputs"]
    assert f"about {201.69 / H1_CENTRAL:.0f} 亿元" in table.loc["gross_output_2021_vs_2025_splice", "note"]


def test_value_added_rate_note_does_not_claim_a_rise(table):
    # value-added growth is real, output growth of unstated basis; cn_ppi_2025h1 = -2.8
    note = table.loc["value_added_rate_2024h1_implied", "note"]
    assert "does not show the rate rose" in note and "-2.8 %" in note
    assert "cn_ppi_2025h1" in table.loc["value_added_rate_2024h1_implied", "inputs"]


def test_notes_cite_only_shipped_rows():
    import re

    for lang in ("zh", "en"):
        notes = " ".join(audit_frame(lang)["note"])
        assert "§" not in notes and "背景资料说明" not in notes and "context notes" not in notes
    from pathlib import Path

    import ygx_analysis

    root = Path(ygx_analysis.__file__).parent
    offenders = [str(p.relative_to(root)) for p in root.rglob("*.py")
                 if re.search(r"§|背景资料说明|context notes", p.read_text(encoding="utf-8"))]
    assert offenders == []


# ---------------------------------------------------------------------------
# assumptions, languages, bad input
# ---------------------------------------------------------------------------

def test_assumptions_change_the_result():
    relaxed = audit(budget_share_flag_above=0.99).set_index("check_id")
    assert relaxed.loc["budget_share_of_total_2024", "status"] == "consistent"
    narrow = audit(value_added_rate_range=(0.25, 0.40)).set_index("check_id")
    assert narrow.loc["value_added_rate_2025h1", "status"] == "flag"
    flat = HalfYearRule("output", 0.48, 0.48, 0.48, ())
    uneven = audit(h1_rule=flat).set_index("check_id")
    assert uneven.loc["gross_output_2021_vs_2025_splice", "value"] == \
        pytest.approx(100 * ((201.69 / 0.48 / 937.4) ** (1 / 4) - 1))


def test_words_are_filled_from_templates_in_both_languages():
    # the audit holds no prose: a template key and named values per check, filled by the exhibit layer
    t = audit()
    assert {"note_template", "note_values", "description_values"} <= set(t.columns)
    assert all(isinstance(k, str) and k for k in t["note_template"])
    for lang in ("zh", "en"):
        filled = audit_frame(lang, t)
        assert list(filled.columns) == list(TABLE_COLUMNS) and filled["note"].str.len().min() > 10
    with pytest.raises(ValueError, match="^lang"):
        audit_frame("fr")


def test_note_language():
    zh = audit_frame("zh").set_index("check_id")
    en = audit_frame("en").set_index("check_id")
    assert "反推" in zh.loc["fiscal_total_2023_implied", "note"]
    assert "implies" in en.loc["fiscal_total_2023_implied", "note"]
    assert (zh["value"] == en["value"]).all()


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"budget_share_flag_above": 0.0}, "budget_share_flag_above"),
        ({"budget_share_flag_above": 1.5}, "budget_share_flag_above"),
        ({"value_added_rate_range": (0.4, 0.2)}, "value_added_rate_range"),
        ({"value_added_rate_range": (0.1, 0.2, 0.3)}, "value_added_rate_range"),
    ],
)
def test_bad_assumptions(kwargs, name):
    with pytest.raises(ValueError, match=rf"^{name}: "):
        audit(**kwargs)


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"value_added_rate_range": 0.3}, "value_added_rate_range"),
        ({"value_added_rate_range": ("low", 0.4)}, "value_added_rate_range"),
        ({"h1_rule": 0.5}, "h1_rule"),
        ({"budget_share_flag_above": None}, "budget_share_flag_above"),
        ({"indicators": "indicators.csv"}, "indicators"),
    ],
)
def test_wrong_types(kwargs, name):
    with pytest.raises(TypeError, match=rf"^{name}: "):
        audit(**kwargs)


# ---------------------------------------------------------------------------
# the audit catches broken data
# ---------------------------------------------------------------------------

def _edit(path, row_id: str, value: str) -> None:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[frame["id"] == row_id, "value"] = value
    frame.to_csv(path, index=False, lineterminator="\n")


def test_flags_parts_above_their_whole(data_copy):
    _edit(data_copy / "indicators.csv", "invention_patents_granted_2024", "3000")
    _edit(data_copy / "indicators.csv", "above_scale_equipment_current", "450")
    ind = load_indicators(data_copy / "indicators.csv")
    t = audit(ind).set_index("check_id")
    assert t.loc["invention_patent_share_2024", "status"] == "flag"
    assert t.loc["above_scale_clusters_vs_total", "status"] == "flag"
    assert t.loc["above_scale_unattributed_remainder", "status"] == "flag"


def test_plausible_budget_share_is_not_flagged(data_copy):
    _edit(data_copy / "indicators.csv", "general_budget_revenue_2024", "31.04")  # half of 62.08
    t = audit(load_indicators(data_copy / "indicators.csv")).set_index("check_id")
    assert t.loc["budget_share_of_total_2024", "status"] == "consistent"
    assert t.loc["budget_share_of_total_2024", "value"] == pytest.approx(50.0)


def test_uses_the_context_rows(data_copy):
    _edit(data_copy / "context.csv", "hn_iva_growth_2025h1", "7.5")
    ctx = load_context(data_copy / "context.csv")
    t = audit(context=ctx).set_index("check_id")
    assert t.loc["iva_premium_over_hunan_2025h1", "value"] == pytest.approx(9.2 - 7.5)


def test_declared_rows_and_sources_match_the_inputs():
    from ygx_analysis.audit import CONTEXT_IDS, INDICATOR_IDS, SOURCE_IDS

    t = audit()
    used = {i for inputs in t["inputs"] for i in inputs.split(";")}
    assert used == set(INDICATOR_IDS) | set(CONTEXT_IDS)
    assert set(INDICATOR_IDS) <= set(load_indicators()["id"])
    ctx = load_context().set_index("id")
    assert set(SOURCE_IDS) == {"article"} | set(ctx.loc[list(CONTEXT_IDS), "source_id"])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_audit_exhibits(lang):
    from ygx_analysis import exhibits

    t = exhibits.render("tab-audit", lang)
    assert len(t) == len(audit())
    assert t.attrs["source"].endswith("]" if lang == "en" else "）") and "zjjnews_hn_2025_plan" in t.attrs["source"]
    first = t.iloc[0]
    assert first.iloc[2] == pytest.approx(round(62.08 / 1.0633, 3))   # fiscal_total_2023_implied
    notes = exhibits.render("tab-audit-notes", lang)
    assert len(notes) == len(t)
    assert exhibits.get("tab-audit").notebook == "01_reported_figures.ipynb"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_audit_status_counts_exhibit(lang):
    """tab-audit-status-counts against a count over audit()["status"]: every status in order, 0 where none."""
    from ygx_analysis import exhibits
    from ygx_analysis.exhibits.article_audit import audit_status_counts

    statuses = audit()["status"].tolist()
    labels = (["复算", "一致", "存疑", "不可比"] if lang == "zh"
              else ["reproduced", "consistent", "flag", "not comparable"])
    t = exhibits.render("tab-audit-status-counts", lang)
    assert t.columns.tolist() == (["结论", "检查项数"] if lang == "zh" else ["status", "checks"])
    assert t.iloc[:, 0].tolist() == labels
    assert t.iloc[:, 1].tolist() == [statuses.count(s) for s in STATUSES]
    assert int(t.iloc[:, 1].sum()) == len(statuses)
    assert t.attrs["caption"] == exhibits.get("tab-audit-status-counts").caption(lang)
    assert exhibits.get("tab-audit-status-counts").notebook == "01_reported_figures.ipynb"
    # a status no check has is listed with 0
    no_flags = audit()[lambda a: a["status"] != "flag"]
    assert audit_status_counts(lang, no_flags).iloc[:, 1].tolist() == [
        statuses.count(s) if s != "flag" else 0 for s in STATUSES]


def test_audit_status_counts_refuses_wrong_inputs():
    from ygx_analysis.exhibits.article_audit import audit_status_counts

    with pytest.raises(TypeError, match="frame"):
        audit_status_counts("en", frame=["flag"])
    with pytest.raises(ValueError, match=r"frame: unknown status.*doubtful"):
        audit_status_counts("en", frame=audit().assign(status="doubtful"))
