"""Growth arithmetic: hand calculations, interval edges, bad input and properties."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ygx_analysis.data.tables import reported
from ygx_analysis.arithmetic.growth import (
    annualize_half_year,
    cagr,
    implied_prior_level,
    pp_difference,
    project,
    project_path,
    required_cagr,
    share,
    yoy_pct,
)
from ygx_analysis.arithmetic.reported import Interval, Reported

# deterministic, no deadline (no timed tests), nothing written to disk
PROPERTY = settings(deadline=None, derandomize=True, database=None, max_examples=300)


# ---------------------------------------------------------------------------
# hand calculations
# ---------------------------------------------------------------------------

def test_implied_prior_level_fiscal_total():
    # fiscal_revenue_total_2024 = 62.08亿元, fiscal_revenue_total_yoy_2024 = 6.33 %
    assert implied_prior_level(62.08, 6.33) == pytest.approx(62.08 / 1.0633, rel=1e-15)


def test_yoy_pct_and_back():
    # 110 over 100 is +10 %; 90 over 100 is -10 %
    assert yoy_pct(110.0, 100.0) == pytest.approx(10.0)
    assert yoy_pct(90.0, 100.0) == pytest.approx(-10.0)
    np.testing.assert_allclose(yoy_pct([121.0, 100.0], [110.0, 100.0]), [10.0, 0.0])


def test_cagr_by_hand():
    # zone_fiscal_tax_revenue_2018 = 18.08, fiscal_revenue_total_2024 = 62.08, 6 years
    assert cagr(18.08, 62.08, 6) == pytest.approx(100 * ((62.08 / 18.08) ** (1 / 6) - 1))
    assert cagr(18.08, 62.08, 6) == pytest.approx(22.83, abs=0.005)
    assert cagr(100.0, 100.0, 3) == 0.0
    assert required_cagr(50.0, 200.0, 2) == pytest.approx(100.0)  # 50 → 100 → 200


def test_project_constant_and_per_year():
    assert project(100.0, 10.0, 3) == pytest.approx(100 * 1.1 ** 3)
    assert project(100.0, [10.0, 20.0, -50.0]) == pytest.approx(100 * 1.1 * 1.2 * 0.5)
    assert project(100.0, [10.0, 20.0], years=2) == pytest.approx(132.0)
    np.testing.assert_allclose(project([1.0, 2.0], 100.0, years=[1, 2]), [2.0, 8.0])
    np.testing.assert_allclose(project(100.0, 10.0, years=[0.5, 1]), [100 * 1.1 ** 0.5, 110.0])


def test_project_path_by_hand():
    np.testing.assert_allclose(project_path(100.0, [10.0, 20.0, -50.0]), [110.0, 132.0, 66.0])
    path = project_path([100.0, 10.0], [10.0, 10.0])
    assert path.shape == (2, 2)
    np.testing.assert_allclose(path[1], [11.0, 12.1])


def test_annualize_half_year_and_share():
    # gross_output_2025h1 = 201.69亿元 spread evenly over the year
    assert annualize_half_year(201.69, 0.5) == pytest.approx(403.38)
    assert annualize_half_year(48.0, 0.48) == pytest.approx(100.0)
    # invention_patents_granted_2024 / patents_granted_2024
    assert share(587, 2228) == pytest.approx(587 / 2228)
    assert share(0.0, 5.0) == 0.0


def test_pp_difference_is_not_percent():
    # value_added_yoy_2025h1 9.2 % against hn_iva_growth_2025h1 8.2 %: 1.0 pp
    assert pp_difference(9.2, 8.2) == pytest.approx(1.0)
    np.testing.assert_allclose(pp_difference([9.1, 9.2], [7.3, 8.2]), [1.8, 1.0])


def test_scalar_in_scalar_out():
    assert isinstance(implied_prior_level(10.0, 1.0), float)
    assert isinstance(cagr(1.0, 2.0, 3), float)
    assert isinstance(implied_prior_level(np.array([10.0]), 1.0), np.ndarray)


# ---------------------------------------------------------------------------
# intervals at the rounding edges
# ---------------------------------------------------------------------------

def test_implied_prior_interval_from_data_rows():
    level = reported("fiscal_revenue_total_2024")      # 62.08 → [62.075, 62.085)
    rate = reported("fiscal_revenue_total_yoy_2024")   # 6.33 → [6.325, 6.335)
    iv = implied_prior_level(level, rate)
    assert iv.low == pytest.approx(62.075 / 1.06335, rel=1e-14)   # low level, high rate
    assert iv.high == pytest.approx(62.085 / 1.06325, rel=1e-14)  # high level, low rate
    # low end: 6.335 is excluded, so the low end is not reached; high end: 62.085 excluded
    assert (iv.low_closed, iv.high_closed) == (False, False)
    assert iv.contains(62.08 / 1.0633)
    assert not iv.contains(62.075 / 1.06335)
    assert iv.contains(62.075 / 1.063349)  # just inside the low edge


def test_interval_closed_end_when_inputs_closed():
    # level [62.075, 62.085) against a rate given as a closed interval
    iv = implied_prior_level(Reported("62.08", unit="亿元"), Interval(6.0, 7.0, True, True))
    assert iv.low == pytest.approx(62.075 / 1.07)
    assert iv.low_closed is True            # 62.075 and 7.0 are both included
    assert iv.high_closed is False          # 62.085 is not
    assert iv.contains(62.075 / 1.07)


def test_interval_at_least_is_unbounded():
    # hr_cost_saving_annual = 1.3亿元以上 → [1.3, ∞)
    iv = annualize_half_year(reported("hr_cost_saving_annual"), 0.5)
    assert iv.low == pytest.approx(2.6) and iv.low_closed
    assert math.isinf(iv.high) and not iv.high_closed


def test_interval_approx_more_share():
    # 30多 of 487 firms: (30, 40) / 487
    iv = share(reported("above_scale_electronics_current"), reported("above_scale_enterprises_current"))
    assert iv.low == pytest.approx(30 / 487) and iv.high == pytest.approx(40 / 487)
    assert not iv.low_closed and not iv.high_closed


def test_pp_difference_interval_edges():
    iv = pp_difference(Reported("9.1", unit="%"), Reported("7.3", unit="%"))
    # [9.05, 9.15) − [7.25, 7.35): low 9.05 − 7.35 (7.35 excluded), high 9.15 − 7.25 (9.15 excluded)
    assert iv.low == pytest.approx(9.05 - 7.35) and iv.high == pytest.approx(9.15 - 7.25)
    assert (iv.low_closed, iv.high_closed) == (False, False)


def test_project_interval_per_year_rates():
    iv = project(Reported("100", unit="亿元"), [Reported("10", unit="%"), 5.0])
    # [99.5, 100.5) × [1.095, 1.105) × 1.05
    assert iv.low == pytest.approx(99.5 * 1.095 * 1.05)
    assert iv.high == pytest.approx(100.5 * 1.105 * 1.05)
    assert iv.low_closed and not iv.high_closed
    path = project_path(Reported("100", unit="亿元"), [10.0, 5.0])
    assert isinstance(path, list) and len(path) == 2
    assert path[0].low == pytest.approx(99.5 * 1.1)
    assert path[1].high == pytest.approx(100.5 * 1.1 * 1.05)


def test_cagr_interval_edges():
    iv = cagr(Reported("18.08", unit="亿元"), Reported("62.08", unit="亿元"), 6)
    assert iv.low == pytest.approx(100 * ((62.075 / 18.085) ** (1 / 6) - 1))
    assert iv.high == pytest.approx(100 * ((62.085 / 18.075) ** (1 / 6) - 1))


def test_point_inputs_give_point_interval():
    iv = share(Reported("587", unit="件"), Reported("2228", unit="件"))
    assert iv.low == iv.high == pytest.approx(587 / 2228)
    assert iv.low_closed and iv.high_closed


# ---------------------------------------------------------------------------
# bad input
# ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: implied_prior_level(10.0, -100.0), "yoy_pct"),
        (lambda: implied_prior_level(10.0, [5.0, -150.0]), "yoy_pct"),
        (lambda: implied_prior_level(-1.0, 5.0), "level"),
        (lambda: implied_prior_level(Reported("62.08", unit="亿元"), Interval(-101, 5)), "yoy_pct"),
        (lambda: project(10.0, -100.0, 2), "rates_pct"),
        (lambda: project(10.0, [5.0, -100.0]), "rates_pct"),
        (lambda: project(-10.0, 5.0, 2), "level"),
        (lambda: project(10.0, 5.0, 0), "years"),
        (lambda: project(10.0, 5.0, -1), "years"),
        (lambda: project(10.0, 5.0), "years"),
        (lambda: project(10.0, [5.0, 5.0], years=3), "years"),
        (lambda: project(10.0, [[5.0]]), "rates_pct"),
        (lambda: project(10.0, []), "rates_pct"),
        (lambda: cagr(10.0, 20.0, 0), "years"),
        (lambda: cagr(0.0, 20.0, 2), "start"),
        (lambda: cagr(10.0, -1.0, 2), "end"),
        (lambda: required_cagr(10.0, -5.0, 2), "target"),
        (lambda: required_cagr(10.0, 20.0, 0), "years"),
        (lambda: yoy_pct(10.0, 0.0), "prior"),
        (lambda: yoy_pct(-1.0, 10.0), "current"),
        (lambda: share(1.0, 0.0), "whole"),
        (lambda: share(1.0, [2.0, 0.0]), "whole"),
        (lambda: share(-1.0, 2.0), "part"),
        (lambda: share(Reported("1"), Interval(-1, 1)), "whole"),
        (lambda: annualize_half_year(10.0, 0.0), "h1_share"),
        (lambda: annualize_half_year(10.0, 1.5), "h1_share"),
        (lambda: annualize_half_year(-10.0, 0.5), "h1_level"),
        (lambda: pp_difference(Reported("9.1", unit="%"), Reported("62.08", unit="亿元")), "b_pct"),
        (lambda: implied_prior_level([[1.0, 2.0], [3.0]], 5.0), "level"),
    ],
)
def test_bad_values_name_the_argument(call, name):
    with pytest.raises(ValueError, match=rf"^{name}: ") as info:
        call()
    assert "\n" not in str(info.value)


def test_bad_value_message_shows_the_value():
    with pytest.raises(ValueError, match=r"^yoy_pct: must be above -100 \(per cent\), got -120$"):
        implied_prior_level(10.0, -120.0)
    with pytest.raises(ValueError, match=r"^level: must not be negative, got -3$"):
        implied_prior_level([1.0, -3.0], 5.0)
    with pytest.raises(ValueError, match=r"^yoy_pct: must be above -100 \(per cent\), got \[-101, 5\]$"):
        implied_prior_level(Reported("62.08"), Interval(-101, 5))


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: implied_prior_level("abc", 5.0), "level"),
        (lambda: implied_prior_level(None, 5.0), "level"),
        (lambda: yoy_pct(["110", "90"], 100.0), "current"),
        (lambda: share(1.0, {"whole": 2.0}), "whole"),
        (lambda: implied_prior_level(Reported("62.08"), [1.0, 2.0]), "yoy_pct"),
        (lambda: cagr(Reported("10"), 20.0, [1, 2]), "years"),
        (lambda: cagr(10.0, 20.0, Reported("2")), "years"),
        (lambda: project_path(10.0, 5.0), "rates_pct"),
        (lambda: annualize_half_year(10.0, True), "h1_share"),
    ],
)
def test_bad_types_name_the_argument(call, name):
    with pytest.raises(TypeError, match=rf"^{name}: ") as info:
        call()
    assert "\n" not in str(info.value)


# ---------------------------------------------------------------------------
# properties
# ---------------------------------------------------------------------------

levels = st.floats(min_value=1e-3, max_value=1e6, allow_nan=False, allow_infinity=False)
rates = st.floats(min_value=-90.0, max_value=200.0, allow_nan=False, allow_infinity=False)
spans = st.integers(min_value=1, max_value=30)


@PROPERTY
@given(levels, rates)
def test_project_inverts_implied_prior_level(x, g):
    assert project(implied_prior_level(x, g), g, 1) == pytest.approx(x, rel=1e-12)
    assert project(implied_prior_level(x, g), [g]) == pytest.approx(x, rel=1e-12)


@PROPERTY
@given(levels, rates, spans)
def test_cagr_of_projected_path_is_its_rate(x, g, n):
    assert cagr(x, project(x, g, n), n) == pytest.approx(g, rel=1e-9, abs=1e-9)
    path = project_path(x, [g] * n)
    assert cagr(x, path[-1], n) == pytest.approx(g, rel=1e-9, abs=1e-9)
    assert required_cagr(x, path[-1], n) == pytest.approx(g, rel=1e-9, abs=1e-9)


@PROPERTY
@given(levels, st.lists(rates, min_size=1, max_size=10))
def test_cagr_of_uneven_path_is_geometric_mean(x, gs):
    end = project(x, gs)
    geometric = 100 * (math.prod(1 + g / 100 for g in gs) ** (1 / len(gs)) - 1)
    assert cagr(x, end, len(gs)) == pytest.approx(geometric, rel=1e-9, abs=1e-9)
    assert project_path(x, gs)[-1] == pytest.approx(end, rel=1e-12)


@PROPERTY
@given(levels, rates, rates, spans)
def test_monotone_in_the_rate(x, g1, g2, n):
    lo, hi = sorted((g1, g2))
    assert project(x, lo, n) <= project(x, hi, n)
    assert implied_prior_level(x, lo) >= implied_prior_level(x, hi)
    assert yoy_pct(x * 1.1, x) >= yoy_pct(x * 1.05, x)


# printed numbers: an integer mantissa and 0–3 decimals, as a paper would print them
def printed(min_value: int, max_value: int):
    return st.tuples(st.integers(min_value, max_value), st.integers(0, 3)).map(
        lambda t: f"{t[0] / 10 ** t[1]:.{t[1]}f}")


def printed_rate():
    """A printed growth rate whose whole rounding interval lies above −100 %."""
    return st.integers(0, 3).flatmap(lambda d: st.integers(-99 * 10 ** d, 500 * 10 ** d).map(
        lambda m: f"{m / 10 ** d:.{d}f}"))


def _inside(iv: Interval, y: float) -> bool:
    tol = 1e-9 * max(1.0, abs(y))
    return iv.low - tol <= y <= iv.high + tol


@PROPERTY
@given(printed(1, 10**6), printed_rate(), st.floats(0, 1), st.floats(0, 1))
def test_implied_prior_interval_holds_every_rounded_input(level_text, rate_text, u, v):
    level, rate = Reported(level_text, unit="亿元"), Reported(rate_text, unit="%")
    iv = implied_prior_level(level, rate)
    # any true pair consistent with the printing maps inside the interval
    x = level.low + u * (level.high - level.low)
    g = rate.low + v * (rate.high - rate.low)
    assert _inside(iv, x / (1 + g / 100))
    # the bounds are the corners: low level with high rate, high level with low rate
    assert iv.low == pytest.approx(level.low / (1 + rate.high / 100), rel=1e-12)
    assert iv.high == pytest.approx(level.high / (1 + rate.low / 100), rel=1e-12)
    # every printed end here is half-open [a, b), and each result end uses one excluded input end
    assert not iv.low_closed and not iv.high_closed
    assert iv.contains(level.value / (1 + rate.value / 100))


@PROPERTY
@given(printed(1, 10**5), printed(1, 10**5), st.integers(1, 20), st.floats(0, 1), st.floats(0, 1))
def test_cagr_interval_holds_every_rounded_input(start_text, end_text, n, u, v):
    start, end = Reported(start_text, unit="亿元"), Reported(end_text, unit="亿元")
    iv = cagr(start, end, n)
    s = start.low + u * (start.high - start.low)
    e = end.low + v * (end.high - end.low)
    assert _inside(iv, 100 * ((e / s) ** (1 / n) - 1))
    assert iv.low == pytest.approx(100 * ((end.low / start.high) ** (1 / n) - 1), rel=1e-9, abs=1e-12)
    assert iv.high == pytest.approx(100 * ((end.high / start.low) ** (1 / n) - 1), rel=1e-9, abs=1e-12)


@PROPERTY
@given(printed(1, 10**5), printed(1, 10**5), st.floats(0, 1), st.floats(0, 1))
def test_share_interval_holds_every_rounded_input(part_text, whole_text, u, v):
    part, whole = Reported(part_text, unit="亿元"), Reported(whole_text, unit="亿元")
    iv = share(part, whole)
    p = part.low + u * (part.high - part.low)
    w = whole.low + v * (whole.high - whole.low)
    assert _inside(iv, p / w)
    assert iv.low == pytest.approx(part.low / whole.high)
    assert iv.high == pytest.approx(part.high / whole.low)


@PROPERTY
@given(printed(-5000, 5000), printed(-5000, 5000))
def test_pp_difference_interval_is_interval_subtraction(a_text, b_text):
    a, b = Reported(a_text, unit="%"), Reported(b_text, unit="%")
    iv = pp_difference(a, b)
    expected = a.interval - b.interval
    assert iv.low == pytest.approx(expected.low, abs=1e-12)
    assert iv.high == pytest.approx(expected.high, abs=1e-12)
    assert (iv.low_closed, iv.high_closed) == (expected.low_closed, expected.high_closed)


# ---------------------------------------------------------------------------
# exhibits of notebook 02
# ---------------------------------------------------------------------------

def test_growth_rows_are_every_printed_growth_rate():
    from ygx_analysis.data.tables import load_indicators
    from ygx_analysis.exhibits.growth_rates import GROWTH_ROWS, PRIOR_PAIRS

    ind = load_indicators()
    assert set(GROWTH_ROWS) == set(ind.loc[ind["measure"] == "growth_yoy", "id"])
    # every printed level that comes with a growth rate of the same indicator and period
    flows = ind[ind["measure"] == "flow"].set_index(["indicator", "period"])["id"]
    rates = ind[ind["measure"] == "growth_yoy"].set_index(["indicator", "period"])["id"]
    pairs = {(flows[k], rates[k]) for k in flows.index.intersection(rates.index)}
    assert pairs == set(PRIOR_PAIRS)


def test_benchmark_sources_match_context():
    from ygx_analysis.data.tables import load_context
    from ygx_analysis.exhibits.growth_rates import BENCHMARK_CONTEXT, BENCHMARK_SOURCES

    ctx = load_context().set_index("id")
    assert set(BENCHMARK_SOURCES) == {"article"} | set(ctx.loc[list(BENCHMARK_CONTEXT), "source_id"])


def test_implied_prior_frame_by_hand():
    from ygx_analysis.exhibits.growth_rates import implied_prior_frame

    f = implied_prior_frame().set_index("level_id")
    # value_added_2025h1 47.83 / (1 + value_added_yoy_2025h1 9.2 %)
    assert f.loc["value_added_2025h1", "prior"] == pytest.approx(47.83 / 1.092)
    assert f.loc["value_added_2025h1", "low"] == pytest.approx(47.825 / 1.0925)
    assert f.loc["value_added_2025h1", "high"] == pytest.approx(47.835 / 1.0915)
    assert f.loc["general_budget_revenue_2024", "prior_period"] == "2023"


def test_benchmark_frame_by_hand():
    from ygx_analysis.exhibits.growth_rates import benchmark_frame

    f = benchmark_frame().set_index("id")
    # value_added_yoy_2025h1 9.2 − cn_iva_growth_2025h1 6.4
    assert f.loc["cn_iva_growth_2025h1", "premium_pp"] == pytest.approx(9.2 - 6.4)
    assert f.loc["cn_iva_growth_2025h1", "premium_low"] == pytest.approx(9.15 - 6.45)
    # industrial_value_added_yoy_2024 9.1 − s_cn_iva_above_scale_growth_2024 5.8
    assert f.loc["s_cn_iva_above_scale_growth_2024", "premium_pp"] == pytest.approx(9.1 - 5.8)
    # the nominal national-HTZ rate is never differenced with the zone's
    assert math.isnan(f.loc["nhtz_iva_growth_2024", "premium_pp"])
    assert not f.loc["nhtz_iva_growth_2024", "comparable"]


def test_h1_comparison_by_hand():
    from ygx_analysis.exhibits.growth_rates import h1_comparison_table

    t = h1_comparison_table("en").set_index("id")
    # gross_output_2025h1 201.69 against 201.69 / 1.082
    assert t.loc["gross_output_2025h1", "change"] == pytest.approx(round(201.69 - 201.69 / 1.082, 2))
    rate_2025 = 100 * 47.83 / 201.69
    rate_2024 = 100 * (47.83 / 1.092) / (201.69 / 1.082)
    assert t.loc["value_added_rate", "change"] == pytest.approx(round(rate_2025 - rate_2024, 2))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_growth_exhibits_render(lang):
    from ygx_analysis import exhibits
    from ygx_analysis.exhibits.style import figure_texts, missing_glyphs

    ours = [e for e in exhibits.all_exhibits() if e.notebook == "02_growth.ipynb"]
    assert {e.kind for e in ours} == {"figure", "table"} and len(ours) >= 8
    for ex in ours:
        # every exhibit declares its rows: the article's, or (the zone's own budget) only context rows
        assert ex.caption_zh and ex.caption_en and (ex.indicators or ex.context) and "*" not in ex.indicators
        result = exhibits.render(ex.id, lang)
        if ex.kind == "figure":
            texts = figure_texts(result)
            assert missing_glyphs(texts) == [], ex.id
            assert any("ygx_analysis" in t for t in texts), ex.id  # the source line
        else:
            assert len(result) > 0 and result.attrs["source"]


# ---------------------------------------------------------------------------
# public API of the core modules
# ---------------------------------------------------------------------------

CORE_MODULES = (
    "ygx_analysis", "ygx_analysis.__main__", "ygx_analysis.cli", "ygx_analysis.arithmetic.growth",
    "ygx_analysis.arithmetic.operands", "ygx_analysis.arithmetic.projection", "ygx_analysis.arithmetic.halfyear",
    "ygx_analysis.arithmetic.composition", "ygx_analysis.audit", "ygx_analysis.savings",
    "ygx_analysis.savings.assumptions", "ygx_analysis.savings.model", "ygx_analysis.exhibits.growth_rates",
    "ygx_analysis.exhibits.industry", "ygx_analysis.exhibits.innovation", "ygx_analysis.exhibits.reform_savings",
    "ygx_analysis.exhibits.reported_figures", "ygx_analysis.exhibits.article_audit",
)


@pytest.mark.parametrize("name", CORE_MODULES)
def test_modules_declare_their_public_api(name):
    import importlib
    import inspect

    module = importlib.import_module(name)
    exported = module.__all__
    assert len(exported) == len(set(exported)), name
    assert all(hasattr(module, n) for n in exported), name
    # every public function or class defined in the module is exported
    defined = {n for n, obj in vars(module).items() if not n.startswith("_")
               and (inspect.isfunction(obj) or inspect.isclass(obj)) and obj.__module__ == name}
    assert defined <= set(exported), (name, sorted(defined - set(exported)))


def test_growth_keeps_the_names_of_the_split_modules():
    # growth.py was split by job; notebooks and callers still write growth.project, growth.half_year_rule
    from ygx_analysis.arithmetic import growth
    from ygx_analysis.arithmetic import halfyear
    from ygx_analysis.arithmetic import operands
    from ygx_analysis.arithmetic import projection

    for module in (halfyear, projection):
        for name in module.__all__:
            assert getattr(growth, name) is getattr(module, name), name
    assert growth.as_interval is operands.as_interval
    # the same answer through the facade and the module: 100 grown 10 % for 2 years is 121
    assert growth.project(100.0, 10.0, 2) == pytest.approx(121.0)
    assert projection.project(100.0, 10.0, 2) == pytest.approx(121.0)


# ---------------------------------------------------------------------------
# the one H1-to-year rule
# ---------------------------------------------------------------------------

def test_half_year_rule_from_the_seasonality_rows():
    from ygx_analysis.arithmetic.growth import H1_SHARE_ROWS, half_year_rule

    # output rows of context.csv, per cent: hn_gdp 46.1 (2024), 47.3 (2025); hn_industry_va 45.2;
    # hn_secondary_va 45.3, 46.7; cn_gdp 46.5, 47.0, 45.7; cn_secondary_va 48.0
    rule = half_year_rule()
    assert (rule.low, rule.central, rule.high) == (0.452, 0.465, 0.48)
    assert rule.rows == H1_SHARE_ROWS["output"] and len(rule.rows) == 9
    # fiscal rows: 53.7, 55.4, 54.2 → median 54.2: revenue is front-loaded, unlike output
    fiscal = half_year_rule("fiscal")
    assert (fiscal.low, fiscal.central, fiscal.high) == (0.537, 0.542, 0.554)
    central, iv = rule.annualize(reported("gross_output_2025h1"))
    assert central == pytest.approx(201.69 / 0.465)
    assert iv.low == pytest.approx(201.685 / 0.48) and iv.high == pytest.approx(201.695 / 0.452)
    assert "0.452–0.480" in rule.describe() and "0.452–0.480" in rule.describe("zh")


def test_half_year_rule_follows_the_data(data_copy):
    import pandas as pd

    from ygx_analysis.data.tables import load_context
    from ygx_analysis.arithmetic.growth import half_year_rule

    path = data_copy / "context.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[frame["id"] == "cn_secondary_va_h1_share_2024", "value"] = "49.0"
    frame.to_csv(path, index=False, lineterminator="\n")
    assert half_year_rule(context=load_context(path)).high == 0.49


@pytest.mark.parametrize(("kwargs", "error", "name"), [
    ({"kind": "annual"}, ValueError, "kind"),
    ({"kind": 1}, TypeError, "kind"),
])
def test_half_year_rule_bad_arguments(kwargs, error, name):
    from ygx_analysis.arithmetic.growth import half_year_rule

    with pytest.raises(error, match=rf"^{name}: "):
        half_year_rule(**kwargs)


# A literal H1 share anywhere else in the package is a second rule. The patterns: a constant
# H1_SHARE = …, an h1_share default or assignment to a number, annualize_half_year(…, 0.4x/0.5),
# a division by 0.44–0.50, and 0.473 (Hunan's nominal GDP share, once used as a constant).
_H1_LITERAL = (r"H1_SHARE\s*=|h1_share\b[^\n]*?=\s*0?\.(?:4[4-9]\d*|50?)\b"
               r"|annualize_half_year\([^)\n]*\b0\.(?:4[4-9]\d*|50?)\b|/\s*0\.(?:4[4-9]\d*|50?)\b|\b0\.473\b")

# TODO(issue #13): the scenario engineer wires these to growth.half_year_rule next; until then
# the scenario package, its doctest in cli.scenario_table and data/scenarios.toml keep their 0.47.
_H1_ALLOWED = ("ygx_analysis/scenarios/", "ygx_analysis/cli.py", "data/scenarios.toml")


def test_exactly_one_h1_rule_in_the_package():
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    pattern = re.compile(_H1_LITERAL)
    files = sorted((root / "ygx_analysis").rglob("*.py")) + sorted((root / "data").glob("*.toml"))
    hits = []
    for path in files:
        rel = path.relative_to(root).as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line) and not rel.startswith(_H1_ALLOWED):
                hits.append(f"{rel}:{number}: {line.strip()}")
    assert hits == []
    # the pattern does find the kinds of literal it is meant for
    for line in ("H1_SHARE = 0.5", "def f(h1_share: float = 0.47):", "annualize_half_year(x, 0.473)",
                 "level / 0.5", "h1_share = 0.48"):
        assert pattern.search(line), line
    for line in ("annualize_half_year(x, rule.interval)", "x / 0.25", "ratio = 0.5 * y"):
        assert not pattern.search(line), line


def test_notebook_02_does_not_claim_the_value_added_rate_rose():
    # issue #13: value-added growth is real, output growth of unstated basis, producer prices fell (cn_ppi_2025h1)
    import json
    from pathlib import Path

    from ygx_analysis import exhibits

    def prose(path: str) -> str:
        nb = json.loads((Path(__file__).resolve().parents[1] / path).read_text(encoding="utf-8"))
        return " ".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")

    en, zh = prose("notebooks/en/02_growth.ipynb"), prose("notebooks/02_growth.ipynb")
    assert "so the value-added rate rose" not in en
    assert "does **not** show that the value-added rate rose" in en and "cn_ppi_2025h1" in en
    assert "这**不能**说明增加值率提高了" in zh and "cn_ppi_2025h1" in zh
    table = exhibits.render("tab-h1-comparison", "en").set_index("id")
    assert "mixes price bases" in table.loc["value_added_rate", "figure"]


def test_growth_rates_carry_their_price_basis():
    # issue #20: nominal revenue and investment growth meet real value-added growth; each row says which it is
    from ygx_analysis import exhibits
    from ygx_analysis.exhibits.growth_rates import growth_rates_table

    t = growth_rates_table("en").set_index("id")["price basis"]
    assert t["fiscal_revenue_total_yoy_2024"] == t["tech_upgrade_investment_yoy_2024"] == "current prices (nominal)"
    assert t["value_added_yoy_2025h1"].startswith("comparable prices") and t["gross_output_yoy_2025h1"] == "not stated"
    zh = growth_rates_table("zh").set_index("id")["价格口径"]
    assert zh["general_budget_revenue_yoy_2024"] == "现价（名义）"
    legend = exhibits.render("fig-growth-rates", "zh").axes[0].get_legend()
    assert legend.get_title().get_text() == "价格口径" and {x.get_text() for x in legend.get_texts()} == set(zh)


def test_h1_comparison_says_the_implied_2024_value_added_is_in_2025_prices():
    # issue #20, N7: 47.83 / 1.092 = 43.80 is deflated by real growth, so it is in 2025 prices
    from ygx_analysis import exhibits
    from ygx_analysis.exhibits.growth_rates import h1_comparison_table

    t = h1_comparison_table("zh").set_index("id")
    assert t.loc["value_added_2025h1", "2024年1-6月（反推）"] == pytest.approx(round(47.83 / 1.092, 2))
    assert t.loc["value_added_2025h1", "2024年水平的价格口径"].startswith("按2025年价格")
    assert t.loc["gross_output_2025h1", "2024年水平的价格口径"].startswith("价格口径未说明")
    fig = exhibits.render("fig-h1-comparison", "en")
    ticks = [label.get_text() for ax in fig.axes for label in ax.get_xticklabels()]
    assert any("Jan–Jun 2024 (implied)" in x and "in 2025 prices" in x for x in ticks)


def test_benchmarks_set_the_zone_half_year_beside_the_2025_outturns():
    # issue #21: Yiyang's 2025 bulletin: 8.2 (city), 10.4 (provincial parks); Hunan's: 6.2, parks 8.0
    from ygx_analysis import exhibits
    from ygx_analysis.exhibits.growth_rates import benchmark_frame, benchmark_table

    f = benchmark_frame()
    full = f[f["comparison"] == "2025"].set_index("id")
    assert full["growth_pct"].to_dict() == {"value_added_yoy_2025h1": 9.2, "yy_iva_growth_2025": 8.2,
                                            "yy_park_iva_growth_2025": 10.4, "hn_iva_growth_2025": 6.2,
                                            "hn_park_iva_growth_2025": 8.0, "cn_iva_growth_2025": 5.9}
    # the zone's row keeps its own period; nothing of another period is differenced with it
    assert full.loc["value_added_yoy_2025h1", "period"] == "2025H1"
    assert set(full.drop("value_added_yoy_2025h1")["period"]) == {"2025"}
    assert full["premium_pp"].isna().all() and not full["comparable"].any()
    t = benchmark_table("en")
    assert set(t.loc[t["comparison"] == "2025", "zone lead (pp)"]) == {"—", "different period, not differenced"}
    ticks = [x.get_text() for x in exhibits.render("fig-zone-vs-benchmarks", "zh").axes[0].get_xticklabels()]
    assert ticks[-1] == "2025年\n（园区为2025年1-6月）"


def test_a_full_year_2025_row_of_the_zone_replaces_its_january_june_rate_in_the_2025_comparison():
    """Indicators are series: a later source's full-year growth of the zone is compared with the 2025 outturns."""
    from ygx_analysis.data.tables import load_context
    from ygx_analysis.exhibits.growth_rates import benchmark_frame

    ctx = load_context()
    before = benchmark_frame(context=ctx)
    row = ctx[ctx["id"] == "hn_iva_growth_2025"].copy()  # a row of the same shape, made the zone's
    row[["id", "region", "indicator", "value", "value_printed", "source_id"]] = [
        "zone_va_growth_2025", "zone", "above_scale_value_added", 9.0, "9.0", "hn_tjj_bulletin_2025"]
    after = benchmark_frame(context=pd.concat([ctx, row], ignore_index=True))
    zone = after[(after["comparison"] == "2025") & (after["region"] == "zone")].iloc[0]
    assert (zone["id"], zone["period"], zone["growth_pct"]) == ("zone_va_growth_2025", "2025", 9.0)
    hunan = after[(after["comparison"] == "2025") & (after["region"] == "hunan")].iloc[0]
    assert hunan["comparable"] and hunan["premium_pp"] == pytest.approx(9.0 - 6.2)  # hn_iva_growth_2025
    # the 2024 and January-June comparisons keep the article's rows; without the row nothing changes
    keep = after["comparison"] != "2025"
    assert after[keep].reset_index(drop=True).equals(before[before["comparison"] != "2025"].reset_index(drop=True))
    assert before[(before["comparison"] == "2025") & (before["region"] == "zone")]["id"].iloc[0] == "value_added_yoy_2025h1"
