"""The audit: every value against a hand calculation, bounds at the rounding edges, and failing data."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from ygx_analysis.audit import COLUMNS, STATUSES, audit, cluster_remainder
from ygx_analysis.data import load_context, load_indicators


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return audit().set_index("check_id")


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
        "fiscal_2018_vs_2024_splice",
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
    # the implied 2023 share, from the four printed fiscal figures
    _check(table, "budget_share_of_total_2023_implied", 100 * (60.67 / 1.066) / (62.08 / 1.0633),
           100 * (60.665 / 1.0665) / (62.085 / 1.06325), 100 * (60.675 / 1.0655) / (62.075 / 1.06335), "flag")


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
    assert (whole.low, whole.high, whole.low_closed, whole.high_closed) == (314, 338, True, True)
    real = cluster_remainder(whole=False)
    # 487 − 86 − (30, 40) − (20, 30) − (10, 20) = (311, 341), open
    assert (real.low, real.high) == pytest.approx((487 - 86 - 90, 487 - 86 - 60))
    assert not real.low_closed and not real.high_closed
    # tightening after the sum is valid but looser
    assert real.integers().low == 312 and real.integers().high == 340


def test_platform_sums(table):
    # incubators_national_current 3 + incubators_provincial_current 1
    _check(table, "incubators_total", 3 + 1, 4, 4, "reproduced")
    # maker_spaces_national_current 2 + maker_spaces_provincial_current 2
    _check(table, "maker_spaces_total", 2 + 2, 4, 4, "reproduced")
    # national: incubators 3 + maker spaces 2 + tech centres 4 + postdoc stations 3
    _check(table, "national_platforms_total", 3 + 2 + 4 + 3, 12, 12, "reproduced")
    # provincial: 1 + 2 + 125 (+ 6 key labs + 10 workstations unless they are among the 125)
    _check(table, "provincial_platforms_total", 1 + 2 + 125 + 6 + 10, 1 + 2 + 125, 144, "consistent")


def test_pre_reform_hr_cost(table):
    # hr_cost_saving_annual = 1.3以上 → [1.3, ∞); staff_reduction_rate_2024 = 71.1 → [71.05, 71.15)
    _check(table, "pre_reform_hr_cost", 1.3 / 0.711, 1.3 / 0.7115, math.inf, "consistent")
    assert "proportional" in table.loc["pre_reform_hr_cost", "note"]


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


def test_gross_output_splice(table):
    # zone_gross_output_2021 = 937.4; gross_output_2025h1 = 201.69 annualised with H1 = half the year
    _check(table, "gross_output_2021_vs_2025_splice", 100 * ((201.69 / 0.5 / 937.4) ** (1 / 4) - 1),
           100 * ((201.685 / 0.5 / 937.45) ** (1 / 4) - 1), 100 * ((201.695 / 0.5 / 937.35) ** (1 / 4) - 1),
           "not_comparable")


# ---------------------------------------------------------------------------
# assumptions, languages, bad input
# ---------------------------------------------------------------------------

def test_assumptions_change_the_result():
    relaxed = audit(budget_share_flag_above=0.99).set_index("check_id")
    assert relaxed.loc["budget_share_of_total_2024", "status"] == "consistent"
    narrow = audit(value_added_rate_range=(0.25, 0.40)).set_index("check_id")
    assert narrow.loc["value_added_rate_2025h1", "status"] == "flag"
    uneven = audit(h1_share=0.48).set_index("check_id")
    assert uneven.loc["gross_output_2021_vs_2025_splice", "value"] == \
        pytest.approx(100 * ((201.69 / 0.48 / 937.4) ** (1 / 4) - 1))


def test_note_language():
    zh = audit(lang="zh").set_index("check_id")
    en = audit(lang="en").set_index("check_id")
    assert "反推" in zh.loc["fiscal_total_2023_implied", "note"]
    assert "implies" in en.loc["fiscal_total_2023_implied", "note"]
    assert (zh["value"] == en["value"]).all()


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"lang": "fr"}, "lang"),
        ({"budget_share_flag_above": 0.0}, "budget_share_flag_above"),
        ({"budget_share_flag_above": 1.5}, "budget_share_flag_above"),
        ({"value_added_rate_range": (0.4, 0.2)}, "value_added_rate_range"),
        ({"value_added_rate_range": 0.3}, "value_added_rate_range"),
        ({"h1_share": 0.0}, "h1_share"),
        ({"h1_share": 1.2}, "h1_share"),
    ],
)
def test_bad_assumptions(kwargs, name):
    with pytest.raises(ValueError, match=rf"^{name}: "):
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
    assert t.attrs["source"].endswith("]") and "zjjnews_hn_2025_plan" in t.attrs["source"]
    first = t.iloc[0]
    assert first.iloc[2] == pytest.approx(round(62.08 / 1.0633, 3))   # fiscal_total_2023_implied
    notes = exhibits.render("tab-audit-notes", lang)
    assert len(notes) == len(t)
    assert exhibits.get("tab-audit").notebook == "01_reported_figures.ipynb"
