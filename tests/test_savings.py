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

from ygx_analysis import exhibits, load_indicators, reported
from ygx_analysis import savings as sv
from ygx_analysis.savings import (
    SavingsAssumptions,
    npv,
    savings_path,
    savings_share_of_revenue,
    sensitivity,
    window_summary,
)


def nf_npv(rate_pct: float, flows, periods_before_first: int = 1) -> float:
    """NPV of end-of-year flows at our convention, computed by numpy_financial.

    numpy_financial.npv discounts values[0] at t=0 (factor 1). In our convention
    t=0 is the end of the year before first_year and the first year's flow is an
    end-of-year flow at t=1, so we put ``periods_before_first`` zeros in front:
    [0, f_first, f_first+1, ...] puts f_first at t=1. A window that starts k
    years after first_year gets 1+k zeros, keeping the same t=0.
    """
    values = np.concatenate([np.zeros(periods_before_first), np.asarray(flows, dtype=float)])
    return float(npf.npv(rate_pct / 100.0, values))


# --- defaults come from the data rows -----------------------------------------------------------

def test_defaults_read_the_data_rows():
    a = SavingsAssumptions()
    saving = reported("hr_cost_saving_annual")
    group = reported("group_hr_cost_cut_2024")
    assert a.annual_saving == saving.value == 1.3
    assert saving.qualifier == "at_least"  # a lower bound: "1.3亿元以上"
    assert math.isinf(saving.high)
    assert a.group_cut_2024 == group.value == 3.3
    assert (a.first_year, a.through_year) == (2025, 2030)
    assert a.group_recurs is False


def test_reform_year_matches_the_rows_periods():
    ind = load_indicators().set_index("id")
    assert ind.loc["staff_reduction_rate_2024", "period"] == str(sv.REFORM_YEAR)
    assert ind.loc["group_hr_cost_cut_2024", "period"] == str(sv.REFORM_YEAR)


def test_assumptions_are_frozen():
    a = SavingsAssumptions()
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.discount_rate_pct = 5.0  # type: ignore[misc]


def test_every_default_lies_in_its_plausible_range_and_has_a_rationale():
    a = SavingsAssumptions()
    for lang in ("zh", "en"):
        table = a.assumptions_table(lang)
        assert list(table["assumption"]) == [f.name for f in dataclasses.fields(SavingsAssumptions)]
        assert table["rationale"].str.len().min() > 10
        assert table["label"].str.len().min() > 2
        for _, row in table.iterrows():
            assert row["low"] <= row["value"] <= row["high"], row["assumption"]
    en = a.assumptions_table("en").set_index("assumption")
    assert "lower bound" in en.loc["annual_saving", "basis"]
    assert "hr_cost_saving_annual" in en.loc["annual_saving", "basis"]
    # the range of annual_saving: printed bound 1.3 to one step of its last digit (0.1) above
    assert en.loc["annual_saving", "high"] == pytest.approx(1.3 + 0.1)
    # the group cut's range is the rounding interval of the printed 3.3: [3.25, 3.35)
    assert (en.loc["group_cut_2024", "low"], en.loc["group_cut_2024", "high"]) == (3.25, 3.35)


def test_user_values_are_marked_as_such():
    table = SavingsAssumptions(annual_saving=1.35).assumptions_table("en").set_index("assumption")
    assert table.loc["annual_saving", "basis"].startswith("set by the user")


# --- the path: hand-computed cases ---------------------------------------------------------------

def test_three_year_hand_case():
    # annual_saving 1.3 (row hr_cost_saving_annual), wage growth 4 %, discount 3 %, 2025-2027
    a = SavingsAssumptions(through_year=2027, wage_growth_pct=4.0, discount_rate_pct=3.0)
    p = savings_path(a)
    f2025 = 1.3
    f2026 = 1.3 * 1.04
    f2027 = 1.3 * 1.04 * 1.04
    pv2025 = f2025 / 1.03          # end of 2025 is t=1 (t=0 = end of 2024)
    pv2026 = f2026 / 1.03 / 1.03
    pv2027 = f2027 / 1.03 / 1.03 / 1.03
    assert p["year"].tolist() == [2025, 2026, 2027]
    assert p["t"].tolist() == [1, 2, 3]
    assert p["nominal_saving"].tolist() == pytest.approx([f2025, f2026, f2027], rel=1e-12)
    assert p["present_value"].tolist() == pytest.approx([pv2025, pv2026, pv2027], rel=1e-12)
    assert p["cumulative_nominal"].iloc[-1] == pytest.approx(1.3 + 1.352 + 1.40608, rel=1e-12)
    assert p["cumulative_present_value"].iloc[-1] == pytest.approx(pv2025 + pv2026 + pv2027, rel=1e-12)
    assert p["discount_factor"].iloc[0] == pytest.approx(1 / 1.03, rel=1e-12)
    assert (p["group_saving"] == 0).all()
    assert npv(p["nominal_saving"], 3.0) == pytest.approx(pv2025 + pv2026 + pv2027, rel=1e-12)


def test_group_component_by_hand():
    # group_cut_2024 = 3.3 (row group_hr_cost_cut_2024); horizon 2024-2026, no growth
    once = savings_path(SavingsAssumptions(first_year=2024, through_year=2026))
    assert once["group_saving"].tolist() == [3.3, 0.0, 0.0]
    assert once["zone_saving"].tolist() == [1.3, 1.3, 1.3]
    recurs = savings_path(SavingsAssumptions(first_year=2024, through_year=2026, group_recurs=True,
                                             group_growth_pct=10.0))
    assert recurs["group_saving"].tolist() == pytest.approx([3.3, 3.3 * 1.1, 3.3 * 1.1 * 1.1], rel=1e-12)
    # from 2025 on, the group's cut counts only if it recurs, grown from its 2024 level
    later = savings_path(SavingsAssumptions(group_recurs=True, group_growth_pct=10.0, through_year=2026))
    assert later["group_saving"].tolist() == pytest.approx([3.3 * 1.1, 3.3 * 1.1 * 1.1], rel=1e-12)


def test_path_columns_and_provenance_attrs():
    p = savings_path()
    assert tuple(p.columns) == sv.PATH_COLUMNS
    assert p.attrs["unit"] == "亿元"
    assert "t=0 is the end of the year before first_year" in p.attrs["convention"]
    assert "Model result" in p.attrs["note"]
    assert p.attrs["assumptions"]["annual_saving"] == 1.3


# --- NPV against numpy_financial -----------------------------------------------------------------

PARAMETER_SETS = [
    dict(),
    dict(discount_rate_pct=3.0, wage_growth_pct=4.0),
    dict(discount_rate_pct=8.0, wage_growth_pct=-2.0, through_year=2035),
    dict(discount_rate_pct=2.0, group_recurs=True, group_growth_pct=5.0),
    dict(discount_rate_pct=5.5, first_year=2024, group_recurs=True, annual_saving=1.4),
    dict(discount_rate_pct=-1.5, wage_growth_pct=2.5, first_year=2024, through_year=2040),
]


@pytest.mark.parametrize("params", PARAMETER_SETS)
def test_npv_matches_numpy_financial(params):
    a = SavingsAssumptions(**params)
    p = savings_path(a)
    flows = p["nominal_saving"].to_numpy()
    expected = nf_npv(a.discount_rate_pct, flows)
    assert npv(flows, a.discount_rate_pct) == pytest.approx(expected, rel=1e-12)
    assert p["cumulative_present_value"].iloc[-1] == pytest.approx(expected, rel=1e-12)
    summary = window_summary(p).set_index("window")
    assert summary.loc["horizon", "npv"] == pytest.approx(expected, rel=1e-12)
    # the 15th-plan window keeps t=0: 2026 is (2026 - first_year + 1) years after t=0
    in_plan = ((p["year"] >= 2026) & (p["year"] <= 2030)).to_numpy()
    skipped = 1 + (2026 - a.first_year)
    expected_plan = nf_npv(a.discount_rate_pct, flows[in_plan], periods_before_first=skipped)
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
    assert got.tolist() == pytest.approx([nf_npv(r, flows) for r in rates], rel=1e-12)


# --- properties ----------------------------------------------------------------------------------

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
    a = SavingsAssumptions(annual_saving=annual, first_year=first, through_year=first + span,
                           wage_growth_pct=wage, discount_rate_pct=rate, group_recurs=recurs,
                           group_growth_pct=ggrowth)
    p = savings_path(a)
    assert len(p) == span + 1
    assert (np.diff(p["cumulative_nominal"]) >= 0).all()
    assert (np.diff(p["cumulative_present_value"]) >= 0).all()
    assert p["cumulative_nominal"].iloc[-1] == pytest.approx(p["nominal_saving"].sum(), rel=1e-9, abs=1e-12)


@pytest.mark.parametrize("params", PARAMETER_SETS)
def test_zero_discount_rate_equals_nominal_sum(params):
    a = dataclasses.replace(SavingsAssumptions(**params), discount_rate_pct=0.0)
    p = savings_path(a)
    assert (p["discount_factor"] == 1.0).all()
    assert p["cumulative_present_value"].iloc[-1] == pytest.approx(p["nominal_saving"].sum(), rel=1e-12)
    summary = window_summary(p)
    assert summary["npv"].tolist() == pytest.approx(summary["cumulative_nominal"].tolist(), rel=1e-12)


def test_windows_by_hand():
    s = window_summary(savings_path(SavingsAssumptions(discount_rate_pct=0.0))).set_index("window")
    # 1.3亿元 a year flat (row hr_cost_saving_annual): 2025 alone, 2026-2030 (5 years), 2025-2030 (6 years)
    assert s.loc["plan14_rest", "cumulative_nominal"] == pytest.approx(1.3)
    assert s.loc["plan15", "cumulative_nominal"] == pytest.approx(1.3 * 5)
    assert s.loc["horizon", "cumulative_nominal"] == pytest.approx(1.3 * 6)
    assert s["complete"].all()
    short = window_summary(savings_path(SavingsAssumptions(through_year=2027))).set_index("window")
    assert (short.loc["plan15", "years"], bool(short.loc["plan15", "complete"])) == (2, False)
    late = window_summary(savings_path(SavingsAssumptions(first_year=2026)))
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
    assert c.loc["group_cut_2024", "kind"] == "printed"
    for item in ("implied_pre_reform_cost", "plan15_cumulative_nominal", "plan15_npv"):
        assert c.loc[item, "kind"] == "model_result"
    # 1.3 / 0.711: hr_cost_saving_annual over staff_reduction_rate_2024, cost proportional to headcount
    assert c.loc["implied_pre_reform_cost", "amount"] == pytest.approx(1.3 / 0.711, rel=1e-12)
    assert c.loc["plan15_cumulative_nominal", "share_of_revenue_pct"] == pytest.approx(
        1.3 * 5 / 60.67 * 100, rel=1e-12)


# --- sensitivity ---------------------------------------------------------------------------------

def test_sensitivity_by_hand():
    s = sensitivity().set_index("assumption")
    base = 1.3 * 5  # 2026-2030, flat 1.3亿元 (row hr_cost_saving_annual)
    assert s["result_base"].tolist() == pytest.approx([base] * len(s))
    # the group's 3.3亿元 (row group_hr_cost_cut_2024) recurring adds 5 x 3.3
    assert s.loc["group_recurs", "result_high"] == pytest.approx(base + 3.3 * 5)
    assert s.loc["annual_saving", "result_high"] == pytest.approx(1.4 * 5)
    # wage growth 5 %: 2026 is one year after first_year 2025
    assert s.loc["wage_growth_pct", "result_high"] == pytest.approx(
        1.3 * (1.05 + 1.05**2 + 1.05**3 + 1.05**4 + 1.05**5))
    # a nominal sum does not depend on the discount rate
    assert s.loc["discount_rate_pct", "swing"] == 0
    swings = sensitivity()["swing"].to_numpy()
    assert (np.diff(swings) <= 0).all()


def test_sensitivity_of_npv_against_numpy_financial():
    s = sensitivity(measure="npv").set_index("assumption")
    flows = [1.3] * 5  # 2026-2030; t=0 is the end of 2024, so 2026 is at t=2 (two leading zeros)
    assert s.loc["discount_rate_pct", "result_high"] == pytest.approx(nf_npv(8.0, flows, 2), rel=1e-12)
    assert s.loc["discount_rate_pct", "result_low"] == pytest.approx(nf_npv(2.0, flows, 2), rel=1e-12)
    assert s.loc["discount_rate_pct", "result_base"] == pytest.approx(nf_npv(3.0, flows, 2), rel=1e-12)


def test_sensitivity_custom_ranges_and_window():
    s = sensitivity(SavingsAssumptions(through_year=2035), {"annual_saving": (1.0, 2.0)}, window=(2031, 2035))
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
    (dict(discount_rate_pct="3"), "discount_rate_pct"),
    (dict(annual_saving=-0.1), "annual_saving"),
    (dict(annual_saving=float("inf")), "annual_saving"),
    (dict(group_cut_2024=-3.3), "group_cut_2024"),
    (dict(first_year=2023), "first_year"),
    (dict(first_year=2025.0), "first_year"),
    (dict(through_year=True), "through_year"),
    (dict(through_year=20300), "through_year"),
    (dict(group_recurs="yes"), "group_recurs"),
]


@pytest.mark.parametrize(("params", "name"), BAD)
def test_bad_assumptions_raise_one_line_errors(params, name):
    with pytest.raises(ValueError) as info:
        SavingsAssumptions(**params)
    message = str(info.value)
    assert message.startswith(f"{name}: ")
    assert "\n" not in message


@pytest.mark.parametrize(("call", "name"), [
    (lambda: npv([1.0], -100), "discount_rate_pct"),
    (lambda: npv(1.0, 3), "flows"),
    (lambda: npv([1.0, float("nan")], 3), "flows"),
    (lambda: savings_share_of_revenue(-1.0), "saving"),
    (lambda: savings_share_of_revenue(1.0, revenue=0), "revenue"),
    (lambda: savings_path("defaults"), "assumptions"),
    (lambda: sensitivity(ranges={"colour": (1, 2)}), "ranges"),
    (lambda: sensitivity(ranges={"annual_saving": (1.0,)}), "ranges"),
    (lambda: sensitivity(ranges={"annual_saving": (-1.0, 1.0)}), "annual_saving"),
    (lambda: sensitivity(measure="irr"), "measure"),
    (lambda: sensitivity(window=(2030, 2026)), "window"),
    (lambda: sensitivity(window=(2026, 2031)), "window"),
    (lambda: window_summary(pd.DataFrame({"year": [2025]})), "path"),
    (lambda: sv.implied_pre_reform_cost(1.3, 0), "cut_rate_pct"),
])
def test_bad_calls_raise_one_line_errors(call, name):
    with pytest.raises(ValueError) as info:
        call()
    assert str(info.value).startswith(f"{name}: ")
    assert "\n" not in str(info.value)


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
            from ygx_analysis.plotting import figure_texts, missing_glyphs

            texts = figure_texts(result)
            assert missing_glyphs(texts) == []
            assert any(("模型结果" if lang == "zh" else "model result") in t for t in texts)
        else:
            assert isinstance(result, pd.DataFrame) and len(result) > 0
            assert result.attrs["source"]


def test_reading_numbers_come_from_the_model():
    from ygx_analysis.exhibits.savings import reading

    text = reading("en")
    assert f"{1.3 * 5:.2f}亿元" in text                       # 2026-2030 nominal, flat 1.3
    assert f"{nf_npv(3.0, [1.3] * 5, 2):.2f}亿元" in text     # its present value at end-2024
    assert f"{1.3 * 5 / 60.67 * 100:.1f}%" in text            # over general_budget_revenue_2024
    assert f"{1.3 * 5 + 3.3 * 5:.2f}亿元" in text             # if the group's cut recurs
