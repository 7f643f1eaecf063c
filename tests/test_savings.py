"""Tests of the reform cost-savings model (ygx_analysis.savings) and its exhibits.

Independent checks: numpy_financial.npv (a second implementation of discounting),
hand calculations written out term by term, and the data rows themselves.
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import numpy_financial as npf
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ygx_analysis import exhibits, load_indicators
from ygx_analysis import reported
from ygx_analysis.data.tables import context_reported
from ygx_analysis import savings as sv
from ygx_analysis.arithmetic.reported import Interval, Reported
from ygx_analysis.savings import (
    SavingsAssumptions,
    npv,
    savings_path,
    savings_share_of_revenue,
    sensitivity,
    window_summary,
)


def nf_npv(rate_pct: float, flows, first_t: float = 0) -> float:
    """Present value at the valuation date of yearly flows whose first one is at ``first_t``, by numpy_financial.

    numpy_financial.npv discounts values[0] at t=0 (factor 1). Our valuation date is the end of
    valuation_year (2025 by default) and year y's end-of-year flow sits at t = y - 2025. For a whole
    ``first_t >= 0`` we put that many zeros in front; otherwise (a 2024 flow at t=-1, or mid-year flows)
    we value the flows at their first period and move the sum by (1 + r) ** -first_t.
    """
    flows = np.asarray(flows, dtype=float)
    if first_t >= 0 and float(first_t).is_integer():
        return float(npf.npv(rate_pct / 100.0, np.concatenate([np.zeros(int(first_t)), flows])))
    return float(npf.npv(rate_pct / 100.0, flows)) * (1 + rate_pct / 100.0) ** -first_t


def flat(**params):
    """Default assumptions with no wage drift (so the saving is 1.3 every year) and the given overrides."""
    return SavingsAssumptions.from_data(**{"wage_growth_pct": 0.0, **params})


# --- defaults come from savings.toml and the data rows -------------------------------------------

def test_defaults_read_the_data_rows():
    a = SavingsAssumptions.from_data()
    saving = reported("hr_cost_saving_annual")
    group = reported("group_hr_cost_cut_2024")
    assert a.annual_saving == saving.value == 1.3
    assert saving.qualifier == "at_least"  # a lower bound: "1.3亿元以上"
    assert math.isinf(saving.high)
    assert a.group_cut_2024 == group.value == 3.3
    assert (a.first_year, a.through_year, a.valuation_year, a.timing) == (2025, 2030, 2025, "end")
    assert a.group_recurs is False and a.include_group is False and a.transferred_cost is None
    # discount rate and wage drift are context rows, not typed numbers
    assert a.discount_rate_pct == context_reported("cn_lgb_special_issue_rate_2025m01_m11").value == 2.02
    assert a.wage_growth_pct == context_reported("cn_wage_nonprivate_growth_2024").value == 2.8
    r = a.plausible_ranges()
    assert r["discount_rate_pct"] == (context_reported("cn_lgb_general_issue_rate_2025").value,
                                      context_reported("cn_lgb_issue_rate_2024").value) == (1.83, 2.29)
    assert r["wage_growth_pct"] == (0.0, context_reported("cn_wage_nonprivate_growth_2023").value) == (0.0, 5.8)


def test_row_defaults_follow_the_context_rows(data_copy):
    frame = pd.read_csv(data_copy / "context.csv", dtype=str, keep_default_na=False)
    frame.loc[frame["id"] == "cn_lgb_special_issue_rate_2025m01_m11", "value"] = "2.50"
    frame.to_csv(data_copy / "context.csv", index=False, lineterminator="\n")
    assert SavingsAssumptions.from_data(data_copy).discount_rate_pct == 2.5


def test_from_data_reads_the_given_folder(data_copy):
    # a data folder whose printed saving is 2.5 and group cut 4.1 instead of 1.3 and 3.3
    frame = pd.read_csv(data_copy / "indicators.csv", dtype=str, keep_default_na=False)
    frame.loc[frame["id"] == "hr_cost_saving_annual", "value"] = "2.5"
    frame.loc[frame["id"] == "group_hr_cost_cut_2024", "value"] = "4.1"
    frame.to_csv(data_copy / "indicators.csv", index=False, lineterminator="\n")
    # the typed high end of annual_saving's range (1.4) must move with it, or the file is refused
    toml = data_copy / "savings.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("high = 1.4", "high = 2.6"), encoding="utf-8")
    a = SavingsAssumptions.from_data(data_copy, discount_rate_pct=5.0)
    assert (a.annual_saving, a.group_cut_2024, a.discount_rate_pct) == (2.5, 4.1, 5.0)
    b = SavingsAssumptions.from_data(data_copy, annual_saving=1.0)
    assert (b.annual_saving, b.group_cut_2024) == (1.0, 4.1)
    # a 2026-2030 window of the new folder's flat 2.5 a year, undiscounted
    s = window_summary(savings_path(SavingsAssumptions.from_data(data_copy, discount_rate_pct=0.0,
                                                                 wage_growth_pct=0.0)))
    assert s.set_index("window").loc["plan15", "cumulative_nominal"] == pytest.approx(2.5 * 5)


def test_editing_savings_toml_changes_the_assumptions(data_copy):
    path = data_copy / "savings.toml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('default_row = "cn_lgb_special_issue_rate_2025m01_m11"', "default = 3.5")
    text = text.replace('[assumptions.transferred_cost]\ndefault = "unknown"', "[assumptions.transferred_cost]\ndefault = 0.4")
    path.write_text(text, encoding="utf-8")
    a = SavingsAssumptions.from_data(data_copy)
    assert (a.discount_rate_pct, a.transferred_cost) == (3.5, 0.4)
    assert sv.load_savings(data_dir=data_copy).rows.get("discount_rate_pct") is None
    b = SavingsAssumptions.from_toml(path, overrides={"discount_rate_pct": 1.0})
    assert b.discount_rate_pct == 1.0


@pytest.mark.parametrize(("old", "new", "message"), [
    ('default_row = "cn_lgb_special_issue_rate_2025m01_m11"', 'default = "low"',
     "assumptions.discount_rate_pct.default: must be a number (per cent), got 'low'"),
    ('refs = ["group_hr_cost_cut_2024"]\n\n[assumptions.group_recurs]', 'refs = ["no_such_row"]\n\n[assumptions.group_recurs]',
     "assumptions.group_cut_2024.refs: unknown data row 'no_such_row'"),
    ('[assumptions.timing]\ndefault = "end"', '[assumptions.timing]\ndefault = "yearly"',
     "assumptions.timing.default: must be one of 'end', 'mid', got 'yearly'"),
    ('[assumptions.through_year]\ndefault = 2030', '[assumptions.through_year]\ndefault = 2020',
     "assumptions.through_year: must not be before first_year (2025), got 2020"),
    ('[assumptions.valuation_year]\ndefault = 2025', '[assumptions.valuation_year]\ndefault = 2025\ncolour = 1',
     "assumptions.valuation_year.colour: unknown key"),
    ('low_row = "cn_lgb_general_issue_rate_2025"', 'low_row = "cn_lgb_general_issue_rate_2099"',
     "assumptions.discount_rate_pct.low_row: unknown data row 'cn_lgb_general_issue_rate_2099'"),
])
def test_bad_savings_toml_is_one_line_naming_the_key(data_copy, old, new, message):
    from ygx_analysis.data.files import DataError

    path = data_copy / "savings.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(DataError) as info:
        SavingsAssumptions.from_data(data_copy)
    assert str(info.value).startswith(str(path)) or "savings.toml" in str(info.value)
    assert message in str(info.value) and "\n" not in str(info.value)


def test_savings_share_follows_the_audits_reading():
    from ygx_analysis.audit import budget_revenue_scope

    assert sv.REVENUE_SCOPE == budget_revenue_scope().reading == "not_established"
    assert sv.revenue_comparison().attrs["revenue_scope"] == "not_established"


def test_savings_against_both_bases_by_hand():
    # bases: general_budget_revenue_2024 60.67 (scope not established), zone_entity_local_gpb_revenue_2025 3.7,
    # zone_entity_gpb_expenditure_2025 6.2; 1.3 a year → 2.14 %, 35.1 %, 21.0 %
    c = sv.revenue_comparison().set_index("item")
    row = c.loc["zone_annual_saving"]
    assert (row["share_of_revenue_pct"], row["share_of_entity_revenue_pct"], row["share_of_entity_expenditure_pct"]) \
        == pytest.approx((100 * 1.3 / 60.67, 100 * 1.3 / 3.7, 100 * 1.3 / 6.2))
    # the 15th plan's nominal sum is five years of 1.3 × 1.028^k (k = 1…5), each divided by one year's base
    plan = sum(1.3 * 1.028**k for k in range(1, 6))
    assert c.loc["plan15_cumulative_nominal", "years"] == 5 and c.loc["zone_annual_saving", "years"] == 1
    assert c.loc["plan15_cumulative_nominal", "share_of_entity_revenue_pct"] == pytest.approx(100 * plan / 3.7)


def test_revenue_share_headers_say_what_is_divided_by_what():
    # N5: a five-year sum over one year's revenue must not be headed "占2024年一般预算收入"
    from ygx_analysis.exhibits.reform_savings import revenue_share_table

    zh, en = revenue_share_table("zh"), revenue_share_table("en")
    assert not any(h.startswith("占") for h in zh.columns)
    assert "金额÷报道的2024年一般预算收入60.67亿元（口径未确定），%" in zh.columns
    assert "金额÷高新区预算单位2025年地方一般公共预算收入3.7亿元，%" in zh.columns
    assert "金额÷高新区预算单位2025年一般公共预算支出6.2亿元，%" in zh.columns and "金额所含年数" in zh.columns
    assert any("scope not established" in h and "60.67" in h for h in en.columns)
    # full precision in the frame (CSV); the notebook shows 0.01亿元 and 0.1 (pp)
    assert en.iloc[3, 1] == pytest.approx(sum(1.3 * 1.028**k for k in range(1, 6)), rel=1e-12)
    assert set(en.attrs["display_decimals"].values()) == {1, 2}


def test_reform_year_counts_only_part_of_a_year():
    # N4: with first_year 2024, the reform year holds reform_year_share (default 0.5, savings.toml) of the
    # 2024 amount 1.3 / 1.028 = 1.2646, not all of it; later years are whole
    p = savings_path(SavingsAssumptions.from_data(first_year=2024, through_year=2026))
    assert p["zone_saving"].tolist() == pytest.approx([0.5 * 1.3 / 1.028, 1.3, 1.3 * 1.028], rel=1e-12)
    none = savings_path(SavingsAssumptions.from_data(first_year=2024, through_year=2025, reform_year_share=0.0))
    assert none["zone_saving"].tolist() == pytest.approx([0.0, 1.3], rel=1e-12)
    moved = savings_path(SavingsAssumptions.from_data(first_year=2024, through_year=2025, transferred_cost=0.4))
    assert moved["transferred_cost"].tolist() == pytest.approx([0.5 * 0.4 / 1.028, 0.4], rel=1e-12)
    a = SavingsAssumptions.from_data()
    assert a.reform_year_share == 0.5 and a.plausible_ranges()["reform_year_share"] == (0.0, 1.0)
    with pytest.raises(ValueError, match="^reform_year_share: "):
        SavingsAssumptions.from_data(reform_year_share=1.5)


def test_constructor_reads_no_file(tmp_path, monkeypatch):
    # with the data folder pointing nowhere, explicit values still build and run the model
    monkeypatch.setenv("YGX_DATA_DIR", str(tmp_path / "missing"))
    a = SavingsAssumptions(annual_saving=1.3, group_cut_2024=3.3, through_year=2027, discount_rate_pct=0.0,
                           wage_growth_pct=0.0)
    assert savings_path(a)["cumulative_nominal"].tolist() == pytest.approx([1.3, 2.6, 3.9])
    with pytest.raises(TypeError, match="annual_saving"):
        SavingsAssumptions(group_cut_2024=3.3)  # type: ignore[call-arg]


def test_unknown_override_is_a_type_error():
    with pytest.raises(TypeError, match=r"^overrides: unknown assumption 'discount'"):
        SavingsAssumptions.from_data(discount=3.0)
    with pytest.raises(TypeError, match=r"^data_dir: "):
        SavingsAssumptions.from_data(3)


def test_reform_year_matches_the_rows_periods():
    ind = load_indicators().set_index("id")
    assert ind.loc["staff_reduction_rate_2024", "period"] == str(sv.REFORM_YEAR)
    assert ind.loc["group_hr_cost_cut_2024", "period"] == str(sv.REFORM_YEAR)


def test_assumptions_are_frozen():
    a = SavingsAssumptions.from_data()
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.discount_rate_pct = 5.0  # type: ignore[misc]


def test_every_default_lies_in_its_plausible_range_and_has_a_rationale():
    a = SavingsAssumptions.from_data()
    table = a.assumptions_table()
    assert tuple(table["assumption"]) == sv.NAMES == tuple(
        f.name for f in dataclasses.fields(SavingsAssumptions) if f.name != "config")
    for lang in ("zh", "en"):
        assert table[f"rationale_{lang}"].str.len().min() > 10
    for _, row in table.iterrows():
        if pd.notna(row["low"]):
            assert row["low"] <= row["value"] <= row["high"], row["assumption"]
    tidy = table.set_index("assumption")
    assert tidy.loc["discount_rate_pct", "rows"].startswith("cn_lgb_special_issue_rate_2025m01_m11")
    # the range of annual_saving: printed bound 1.3 to one step of its last digit (0.1) above
    assert tidy.loc["annual_saving", "high"] == pytest.approx(1.3 + 0.1)
    # the group cut's range is the rounding interval of the printed 3.3: [3.25, 3.35)
    assert (tidy.loc["group_cut_2024", "low"], tidy.loc["group_cut_2024", "high"]) == (3.25, 3.35)
    assert "unsourced" in tidy.loc["wage_growth_pct", "rationale_en"]
    for lang in ("zh", "en"):
        shown = exhibits.render("tab-savings-assumptions", lang)
        assert shown.iloc[:, 1].str.len().min() > 2  # every assumption has a label
    en = exhibits.render("tab-savings-assumptions", "en").set_index("assumption")
    assert en.loc["annual_saving", "basis"] == "data row hr_cost_saving_annual"


def test_user_values_are_marked_as_such():
    a = SavingsAssumptions.from_data(annual_saving=1.35)
    table = exhibits.render("tab-savings-assumptions", "en", result=sv.run_savings(a)).set_index("assumption")
    assert table.loc["annual_saving", "basis"] == "set by the user (savings.toml: data row hr_cost_saving_annual, 1.3)"
    assert table.loc["annual_saving", "value"] == "1.35"
    assert a.assumptions_table().set_index("assumption").loc["annual_saving", "value"] == 1.35


# --- the path: hand-computed cases ---------------------------------------------------------------

def test_three_year_hand_case():
    # annual_saving 1.3 (row hr_cost_saving_annual), wage growth 4 %, discount 3 %, 2025-2027, valued end-2025
    a = SavingsAssumptions.from_data(through_year=2027, wage_growth_pct=4.0, discount_rate_pct=3.0)
    p = savings_path(a)
    f2025 = 1.3
    f2026 = 1.3 * 1.04
    f2027 = 1.3 * 1.04 * 1.04
    pv2025 = f2025                 # end of 2025 is the valuation date, t=0
    pv2026 = f2026 / 1.03
    pv2027 = f2027 / 1.03 / 1.03
    assert p["year"].tolist() == [2025, 2026, 2027]
    assert p["t"].tolist() == [0, 1, 2]
    assert p["nominal_saving"].tolist() == pytest.approx([f2025, f2026, f2027], rel=1e-12)
    assert p["present_value"].tolist() == pytest.approx([pv2025, pv2026, pv2027], rel=1e-12)
    assert p["cumulative_nominal"].iloc[-1] == pytest.approx(1.3 + 1.352 + 1.40608, rel=1e-12)
    assert p["cumulative_present_value"].iloc[-1] == pytest.approx(pv2025 + pv2026 + pv2027, rel=1e-12)
    assert p["discount_factor"].iloc[0] == 1.0
    assert npv(p["nominal_saving"], 3.0, first_period=0) == pytest.approx(pv2025 + pv2026 + pv2027, rel=1e-12)


def test_same_2026_saving_has_the_same_npv_whatever_the_first_year():
    # issue #13: the valuation date is fixed (end of 2025); it no longer moves with first_year
    for params in ({}, {"timing": "mid"}, {"wage_growth_pct": 4.0, "discount_rate_pct": 3.0}):
        early = savings_path(SavingsAssumptions.from_data(first_year=2025, **params)).set_index("year")
        late = savings_path(SavingsAssumptions.from_data(first_year=2026, **params)).set_index("year")
        assert early.loc[2026, "nominal_saving"] == late.loc[2026, "nominal_saving"]
        assert early.loc[2026, "present_value"] == pytest.approx(late.loc[2026, "present_value"], rel=1e-15)
        plan_early = window_summary(early.reset_index()).set_index("window").loc["plan15", "npv"]
        plan_late = window_summary(late.reset_index()).set_index("window").loc["plan15", "npv"]
        assert plan_early == pytest.approx(plan_late, rel=1e-15)
    # by hand: 1.3 × 1.028 in 2026 (row cn_wage_nonprivate_growth_2024), one year after end-2025 at 2.02 %
    one = savings_path(SavingsAssumptions.from_data(first_year=2026, through_year=2026))
    assert one["present_value"].item() == pytest.approx(1.3 * 1.028 / 1.0202, rel=1e-12)


def test_mid_year_timing_by_hand():
    a = flat(timing="mid", discount_rate_pct=4.0, through_year=2027)
    p = savings_path(a)
    assert p["t"].tolist() == [-0.5, 0.5, 1.5]
    assert p["present_value"].tolist() == pytest.approx([1.3 * 1.04**0.5, 1.3 / 1.04**0.5, 1.3 / 1.04**1.5])
    from ygx_analysis.exhibits.reform_savings import convention

    assert "mid-year" in convention(a) and "end of 2025" in convention(a)


def test_group_is_a_separate_line_by_hand():
    # group_cut_2024 = 3.3 (row group_hr_cost_cut_2024); horizon 2024-2026, no growth
    # the zone's 2024 saving is half a year's (reform_year_share 0.5); the group's printed 2024 cut is whole
    once = savings_path(flat(first_year=2024, through_year=2026))
    assert once["group_saving"].tolist() == [3.3, 0.0, 0.0]
    assert once["zone_saving"].tolist() == [0.65, 1.3, 1.3]
    # a company's cost: not in the total unless asked for
    assert once["nominal_saving"].tolist() == [0.65, 1.3, 1.3]
    added = savings_path(flat(first_year=2024, through_year=2026, include_group=True))
    assert added["nominal_saving"].tolist() == pytest.approx([3.95, 1.3, 1.3])
    recurs = savings_path(flat(first_year=2024, through_year=2026, group_recurs=True, group_growth_pct=10.0))
    assert recurs["group_saving"].tolist() == pytest.approx([3.3, 3.3 * 1.1, 3.3 * 1.1 * 1.1], rel=1e-12)
    assert recurs["nominal_saving"].tolist() == [0.65, 1.3, 1.3]
    # from 2025 on, the group's cut counts only if it recurs, grown from its 2024 level
    later = savings_path(flat(group_recurs=True, group_growth_pct=10.0, through_year=2026))
    assert later["group_saving"].tolist() == pytest.approx([3.3 * 1.1, 3.3 * 1.1 * 1.1], rel=1e-12)


def test_wage_drift_runs_from_the_saving_year():
    # 1.3 is read as the 2025 amount: a full 2024 would hold 1.3 / 1.028, 2026 holds 1.3 × 1.028
    p = savings_path(SavingsAssumptions.from_data(first_year=2024, through_year=2026, reform_year_share=1.0))
    assert p["zone_saving"].tolist() == pytest.approx([1.3 / 1.028, 1.3, 1.3 * 1.028], rel=1e-12)


def test_net_savings_with_a_transferred_cost():
    gross = window_summary(savings_path(flat(discount_rate_pct=0.0))).set_index("window")
    assert gross["net_nominal"].isna().all()          # unknown by default: no net figure
    net = window_summary(savings_path(flat(discount_rate_pct=0.0, transferred_cost=0.5))).set_index("window")
    assert net.loc["plan15", "net_nominal"] == pytest.approx((1.3 - 0.5) * 5)
    assert net.loc["plan15", "cumulative_nominal"] == pytest.approx(1.3 * 5)   # gross unchanged
    p = savings_path(SavingsAssumptions.from_data(transferred_cost=0.5, through_year=2026))
    assert p["net_saving"].tolist() == pytest.approx([0.8, 0.8 * 1.028])        # grows like the saving


def test_summary_says_gross_and_separate_group_line():
    from ygx_analysis.exhibits.reform_savings import summary

    r = sv.run_savings()
    text = summary(r)
    assert "Gross savings to the zone" in text and "transferred_cost" in text
    assert "not added to the total by default" in text and "end of 2025" in text
    # the town, the two sub-districts and the 171 functions come from their rows
    assert "1 town, 2 sub-districts and 171 functions" in text
    zh = summary(r, "zh")
    assert "毛节约" in zh and "单列一行" in zh
    assert "Net of 0.5亿元" in summary(sv.run_savings(SavingsAssumptions.from_data(transferred_cost=0.5)))


def test_path_columns_and_provenance_attrs():
    p = savings_path()
    assert tuple(p.columns) == sv.PATH_COLUMNS
    assert p.attrs["unit"] == "亿元"
    assert p.attrs["model_result"] is True  # the words saying so are in meta/reform_savings.yml
    assert p.attrs["assumptions"]["annual_saving"] == 1.3


# --- NPV against numpy_financial -----------------------------------------------------------------

PARAMETER_SETS = [
    dict(),
    dict(discount_rate_pct=3.0, wage_growth_pct=4.0),
    dict(discount_rate_pct=8.0, wage_growth_pct=-2.0, through_year=2035),
    dict(discount_rate_pct=2.0, group_recurs=True, group_growth_pct=5.0, include_group=True),
    dict(discount_rate_pct=5.5, first_year=2024, group_recurs=True, annual_saving=1.4, include_group=True),
    dict(discount_rate_pct=-1.5, wage_growth_pct=2.5, first_year=2024, through_year=2040),
    dict(discount_rate_pct=3.0, first_year=2027, valuation_year=2030, timing="mid"),
]


@pytest.mark.parametrize("params", PARAMETER_SETS)
def test_npv_matches_numpy_financial(params):
    a = SavingsAssumptions.from_data(**params)
    p = savings_path(a)
    flows = p["nominal_saving"].to_numpy()
    first_t = a.first_year - a.valuation_year - (0.5 if a.timing == "mid" else 0)
    expected = nf_npv(a.discount_rate_pct, flows, first_t)
    assert p["cumulative_present_value"].iloc[-1] == pytest.approx(expected, rel=1e-12)
    summary = window_summary(p).set_index("window")
    assert summary.loc["horizon", "npv"] == pytest.approx(expected, rel=1e-12)
    # the 15th-plan window keeps the valuation date: 2026 is 2026 - valuation_year years after it
    in_plan = ((p["year"] >= 2026) & (p["year"] <= 2030)).to_numpy()
    plan_first = max(2026, a.first_year) - a.valuation_year - (0.5 if a.timing == "mid" else 0)
    expected_plan = nf_npv(a.discount_rate_pct, flows[in_plan], plan_first)
    assert summary.loc["plan15", "npv"] == pytest.approx(expected_plan, rel=1e-12)
    assert summary.loc["plan15", "cumulative_nominal"] == pytest.approx(flows[in_plan].sum(), rel=1e-12)


def test_npv_first_period_zero_is_numpy_financial_convention():
    flows = [1.0, 2.0, 3.0]
    assert npv(flows, 7.0, first_period=0) == pytest.approx(float(npf.npv(0.07, flows)), rel=1e-12)


def test_npv_is_vectorised_over_rates():
    flows = [1.3, 1.3, 1.3]
    rates = np.array([0.0, 3.0, 8.0])
    got = npv(flows, rates)
    assert got.shape == (3,)
    assert got.tolist() == pytest.approx([nf_npv(r, flows, 1) for r in rates], rel=1e-12)


# --- properties ----------------------------------------------------------------------------------

BASE = SavingsAssumptions.from_data()

@settings(max_examples=60, deadline=None, derandomize=True, database=None)
@given(
    annual=st.floats(0, 10),
    first=st.integers(2024, 2030),
    span=st.integers(0, 25),
    wage=st.floats(-50, 20),
    rate=st.floats(-50, 20),
    recurs=st.booleans(),
    ggrowth=st.floats(-50, 20),
)
def test_cumulative_sums_are_monotone(annual, first, span, wage, rate, recurs, ggrowth):
    a = dataclasses.replace(BASE, annual_saving=annual, first_year=first, through_year=first + span,
                            wage_growth_pct=wage, discount_rate_pct=rate, group_recurs=recurs,
                            group_growth_pct=ggrowth, include_group=recurs)
    p = savings_path(a)
    assert len(p) == span + 1
    assert (np.diff(p["cumulative_nominal"]) >= 0).all()
    assert (np.diff(p["cumulative_present_value"]) >= 0).all()
    assert p["cumulative_nominal"].iloc[-1] == pytest.approx(p["nominal_saving"].sum(), rel=1e-9, abs=1e-12)


@pytest.mark.parametrize("params", PARAMETER_SETS)
def test_zero_discount_rate_equals_nominal_sum(params):
    a = dataclasses.replace(SavingsAssumptions.from_data(**params), discount_rate_pct=0.0)
    p = savings_path(a)
    assert (p["discount_factor"] == 1.0).all()
    assert p["cumulative_present_value"].iloc[-1] == pytest.approx(p["nominal_saving"].sum(), rel=1e-12)
    summary = window_summary(p)
    assert summary["npv"].tolist() == pytest.approx(summary["cumulative_nominal"].tolist(), rel=1e-12)


def test_windows_by_hand():
    s = window_summary(savings_path(flat(discount_rate_pct=0.0))).set_index("window")
    # 1.3亿元 a year flat (row hr_cost_saving_annual): 2025 alone, 2026-2030 (5 years), 2025-2030 (6 years)
    assert s.loc["plan14_rest", "cumulative_nominal"] == pytest.approx(1.3)
    assert s.loc["plan15", "cumulative_nominal"] == pytest.approx(1.3 * 5)
    assert s.loc["horizon", "cumulative_nominal"] == pytest.approx(1.3 * 6)
    assert s["complete"].all()
    short = window_summary(savings_path(SavingsAssumptions.from_data(through_year=2027))).set_index("window")
    assert (short.loc["plan15", "years"], bool(short.loc["plan15", "complete"])) == (2, False)
    late = window_summary(savings_path(SavingsAssumptions.from_data(first_year=2026)))
    assert "plan14_rest" not in set(late["window"])


# --- share of revenue ----------------------------------------------------------------------------

def test_share_of_revenue_by_hand():
    # hr_cost_saving_annual / general_budget_revenue_2024
    assert savings_share_of_revenue(1.3) == pytest.approx(1.3 / 60.67 * 100, rel=1e-12)
    assert savings_share_of_revenue([1.3, 3.3], revenue=60.67).tolist() == pytest.approx(
        [1.3 / 60.67 * 100, 3.3 / 60.67 * 100], rel=1e-12)
    assert savings_share_of_revenue(10.0, revenue=50.0) == pytest.approx(20.0)


def test_revenue_comparison_marks_model_results():
    c = sv.revenue_comparison().set_index("item")
    assert c.loc["zone_annual_saving", "kind"] == "printed_lower_bound"
    assert c.loc["group_cut_2024", "kind"] == "company_cost"
    for item in ("implied_pre_reform_cost", "plan15_cumulative_nominal", "plan15_npv"):
        assert c.loc[item, "kind"] == "model_result"
    # 1.3 / 0.711: hr_cost_saving_annual over staff_reduction_rate_2024, cost proportional to headcount
    assert c.loc["implied_pre_reform_cost", "amount"] == pytest.approx(1.3 / 0.711, rel=1e-12)
    # 2026-2030 at 2.8 % drift (row cn_wage_nonprivate_growth_2024) over general_budget_revenue_2024
    plan15 = 1.3 * sum(1.028**k for k in range(1, 6))
    assert c.loc["plan15_cumulative_nominal", "share_of_revenue_pct"] == pytest.approx(
        plan15 / 60.67 * 100, rel=1e-12)


# --- sensitivity ---------------------------------------------------------------------------------

def test_sensitivity_by_hand():
    s = sensitivity().set_index("assumption")
    drift = [1.028**k for k in range(1, 6)]   # 2026-2030 from 2025 at cn_wage_nonprivate_growth_2024
    base = 1.3 * sum(drift)
    assert s["result_base"].tolist() == pytest.approx([base] * len(s))
    # the group's line is not in the fiscal total, so its assumptions are not varied by default
    assert "group_recurs" not in s.index and "group_cut_2024" not in s.index
    assert s.loc["annual_saving", "result_high"] == pytest.approx(1.4 * sum(drift))
    assert s.loc["wage_growth_pct", "result_low"] == pytest.approx(1.3 * 5)
    assert s.loc["wage_growth_pct", "result_high"] == pytest.approx(1.3 * sum(1.058**k for k in range(1, 6)))
    # a nominal sum does not depend on the discount rate
    assert s.loc["discount_rate_pct", "swing"] == 0
    swings = sensitivity()["swing"].to_numpy()
    assert (np.diff(swings) <= 0).all()
    with_group = sensitivity(flat(include_group=True, group_growth_pct=0.0)).set_index("assumption")
    assert with_group.loc["group_recurs", "result_high"] == pytest.approx(1.3 * 5 + 3.3 * 5)


def test_sensitivity_of_npv_against_numpy_financial():
    s = sensitivity(measure="npv").set_index("assumption")
    flows = [1.3 * 1.028**k for k in range(1, 6)]  # 2026-2030; the valuation date is the end of 2025, so t=1..5
    assert s.loc["discount_rate_pct", "result_high"] == pytest.approx(nf_npv(2.29, flows, 1), rel=1e-12)
    assert s.loc["discount_rate_pct", "result_low"] == pytest.approx(nf_npv(1.83, flows, 1), rel=1e-12)
    assert s.loc["discount_rate_pct", "result_base"] == pytest.approx(nf_npv(2.02, flows, 1), rel=1e-12)


def test_sensitivity_custom_ranges_and_window():
    s = sensitivity(flat(through_year=2035), {"annual_saving": (1.0, 2.0)}, window=(2031, 2035))
    assert s["result_low"].item() == pytest.approx(5.0)
    assert s["result_high"].item() == pytest.approx(10.0)
    assert s.attrs["window"] == (2031, 2035)


# --- bad inputs: one line, starting with the argument's name -------------------------------------

BAD = [
    (dict(first_year=2026, through_year=2025), "through_year"),
    (dict(through_year=2024), "through_year"),
    (dict(discount_rate_pct=-100), "discount_rate_pct"),
    (dict(discount_rate_pct=-250.0), "discount_rate_pct"),
    (dict(wage_growth_pct=-100), "wage_growth_pct"),
    (dict(group_growth_pct=-101), "group_growth_pct"),
    (dict(discount_rate_pct=float("nan")), "discount_rate_pct"),
    (dict(annual_saving=-0.1), "annual_saving"),
    (dict(annual_saving=float("inf")), "annual_saving"),
    (dict(group_cut_2024=-3.3), "group_cut_2024"),
    (dict(first_year=2023), "first_year"),
    (dict(through_year=20300), "through_year"),
    (dict(valuation_year=2020), "valuation_year"),
    (dict(timing="annual"), "timing"),
    (dict(transferred_cost=-0.1), "transferred_cost"),
]

BAD_TYPES = [
    (dict(discount_rate_pct="3"), "discount_rate_pct"),
    (dict(annual_saving=None), "annual_saving"),
    (dict(first_year=2025.0), "first_year"),
    (dict(through_year=True), "through_year"),
    (dict(group_recurs="yes"), "group_recurs"),
    (dict(include_group=1), "include_group"),
    (dict(transferred_cost="0.5"), "transferred_cost"),
]


@pytest.mark.parametrize(("params", "name"), BAD)
def test_bad_assumptions_raise_one_line_errors(params, name):
    with pytest.raises(ValueError) as info:
        SavingsAssumptions.from_data(**params)
    message = str(info.value)
    assert message.startswith(f"{name}: ")
    assert "\n" not in message


@pytest.mark.parametrize(("params", "name"), BAD_TYPES)
def test_wrong_types_raise_type_errors(params, name):
    with pytest.raises(TypeError) as info:
        SavingsAssumptions.from_data(**params)
    assert str(info.value).startswith(f"{name}: ") and "\n" not in str(info.value)

@pytest.mark.parametrize(("call", "name"), [
    (lambda: npv([1.0], -100), "discount_rate_pct"),
    (lambda: npv([1.0, float("nan")], 3), "flows"),
    (lambda: savings_share_of_revenue(-1.0), "saving"),
    (lambda: savings_share_of_revenue(1.0, revenue=0), "revenue"),
    (lambda: sensitivity(ranges={"colour": (1, 2)}), "ranges"),
    (lambda: sensitivity(ranges={"annual_saving": (1.0,)}), "ranges"),
    (lambda: sensitivity(ranges={"annual_saving": (-1.0, 1.0)}), "annual_saving"),
    (lambda: sensitivity(measure="irr"), "measure"),
    (lambda: sensitivity(window=(2030, 2026)), "window"),
    (lambda: sensitivity(window=(2026, 2031)), "window"),
    (lambda: window_summary(pd.DataFrame({"year": [2025]})), "path"),
    (lambda: sv.implied_pre_reform_cost(1.3, 0), "cut_rate_pct"),
    (lambda: sv.implied_pre_reform_cost(Reported("1.3"), Interval(0, 80)), "cut_rate_pct"),
])
def test_bad_calls_raise_one_line_errors(call, name):
    with pytest.raises(ValueError) as info:
        call()
    assert str(info.value).startswith(f"{name}: ")
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(("call", "name"), [
    (lambda: npv(1.0, 3), "flows"),
    (lambda: npv(["1.3"], 3), "flows"),
    (lambda: savings_path("defaults"), "assumptions"),
    (lambda: sensitivity(ranges={"annual_saving": 1.0}), "ranges"),
    (lambda: savings_share_of_revenue(1.0, revenue="60.67"), "revenue"),
    (lambda: sv.implied_pre_reform_cost(Reported("1.3"), [71.1, 50.0]), "cut_rate_pct"),
    (lambda: sv.discount_factor(1, None), "discount_rate_pct"),
])
def test_wrong_types_in_calls_raise_type_errors(call, name):
    with pytest.raises(TypeError) as info:
        call()
    assert str(info.value).startswith(f"{name}: ") and "\n" not in str(info.value)


def test_implied_pre_reform_cost_interval_by_hand():
    # hr_cost_saving_annual 1.3以上 → [1.3, ∞); staff_reduction_rate_2024 71.1 → [71.05, 71.15)
    iv = sv.implied_pre_reform_cost(reported("hr_cost_saving_annual"), reported("staff_reduction_rate_2024"))
    assert iv.low == pytest.approx(1.3 / 0.7115, rel=1e-12)
    assert math.isinf(iv.high)
    assert not iv.low_closed  # 71.15 is excluded
    assert sv.implied_pre_reform_cost(2.0, [50.0, 100.0]).tolist() == pytest.approx([4.0, 2.0])


# --- exhibits ------------------------------------------------------------------------------------

SAVINGS_EXHIBITS = [e for e in exhibits.all_exhibits() if e.notebook == "05_reform_savings.ipynb"]


def test_the_notebook_has_its_exhibits():
    ids = {e.id for e in SAVINGS_EXHIBITS}
    assert {"tab-savings-assumptions", "fig-savings-cumulative", "tab-savings-revenue-share",
            "fig-savings-tornado"} <= ids


@pytest.mark.parametrize("ex", SAVINGS_EXHIBITS, ids=lambda e: e.id)
def test_exhibits_render_and_cite_their_rows(ex):
    known = set(load_indicators()["id"])
    assert ex.indicators and set(ex.indicators) <= known
    if ex.id != "tab-savings-assumptions":
        # model results are flagged as such
        assert ex.is_projection
        assert "模型结果" in ex.caption_zh or "原文数字与模型结果" in ex.caption_zh
        assert "model result" in ex.caption_en
    for lang in ("zh", "en"):
        result = exhibits.render(ex.id, lang)
        if ex.kind == "figure":
            from ygx_analysis.exhibits.style import figure_texts, missing_glyphs

            texts = figure_texts(result)
            assert missing_glyphs(texts) == []
            assert any(("模型结果" if lang == "zh" else "model result") in t for t in texts)
        else:
            assert isinstance(result, pd.DataFrame) and len(result) > 0
            assert result.attrs["source"]


def test_reading_numbers_come_from_the_model():
    from ygx_analysis.exhibits.reform_savings import reading

    text = reading("en")
    flows = [1.3 * 1.028**k for k in range(1, 6)]              # 2026-2030 at the default drift
    assert f"{sum(flows):.2f}亿元" in text                     # nominal
    assert f"{nf_npv(2.02, flows, 1):.2f}亿元" in text          # present value at end-2025
    assert f"{sum(flows) / 60.67 * 100:.1f}%" in text          # over general_budget_revenue_2024 (scope unknown)
    assert f"{100 * 1.3 / 3.7:.0f}% of the zone budget entity's own 2025 local revenue" in text
    assert f"{100 * 1.3 / 6.2:.0f}% of its expenditure" in text
    assert f"{3.3 * 5:.2f}亿元" in text                        # the group's line, if it recurred, shown apart
    assert "gross" in text and "scope not established" in text and "full-scope" not in text


def test_default_rows_take_the_most_trusted_source_of_the_same_figure():
    """Where two context rows give the same figure for the same indicator, the default rests on the more trusted."""
    import tomllib

    from ygx_analysis.data.tables import load_context

    rank = {"low": 0, "medium": 1, "high": 2}
    ctx = load_context().set_index("id")
    with open("data/savings.toml", "rb") as fh:
        doc = tomllib.load(fh)
    checked = 0
    for name, entry in doc["assumptions"].items():
        row = entry.get("default_row")
        if row not in ctx.index:
            continue
        same = ctx[(ctx["indicator"] == ctx.loc[row, "indicator"]) & (ctx["value"] == ctx.loc[row, "value"])]
        assert rank[ctx.loc[row, "trust"]] == max(rank[t] for t in same["trust"]), (name, row)
        checked += 1
    assert checked >= 2  # the wage growth and the discount rate
