"""The joint Monte Carlo fan: reproducibility, the accounting identities on every path, the links (shares,
elasticity, deflator, pipeline), per-indicator calibration, Student-t shocks, the phi = 0 and AR(1) cases
against analytic results, the AR(1) fit, target probabilities, the result object, and the helpers."""

from __future__ import annotations

import subprocess
import sys
from statistics import NormalDist

import numpy as np
import pandas as pd
import pytest

from ygx_analysis.arithmetic import growth
from ygx_analysis import scenarios as sc
from ygx_analysis.scenarios import montecarlo as mc

Z = NormalDist()


@pytest.fixture(scope="module")
def spec() -> sc.ScenarioModel:
    return sc.load_scenarios()


def toy_inputs(mean_pct, sd_pct, level_2025=100.0, targets=None, phi=0.0, t_df=None) -> mc.FanInputs:
    """One scenario, one growth indicator, with the given per-year mean growth, sd and phi (no files)."""
    mean = np.asarray(mean_pct, dtype=float)
    years = tuple(range(2026, 2026 + mean.size))
    if targets is None:
        targets = pd.DataFrame(columns=["target", "indicator", "year", "kind", "target_value", "level_2025"])
    return mc.FanInputs(
        scenarios=("s",), indicators=("x",), years=years, mean_pct=mean.reshape(1, 1, -1), roles=("growth",),
        phi=np.array([phi]), shock_sd=np.array([sd_pct]), driver=np.array([-1]), elasticity=np.array([0.0]),
        whole=np.array([-1]), level_2025=np.array([level_2025]), methods=("annualize_h1",),
        base_levels=np.array([level_2025 / 2]), assumption_default=np.array([0.5]),
        assumption_low=np.array([0.5]), assumption_high=np.array([0.5]), targets=targets, t_df=t_df)


# ---------------------------------------------------------------------------
# reproducibility
# ---------------------------------------------------------------------------

def test_seeded_run_is_reproducible(spec):
    a = spec.simulate(3000, 42, phi=0.4)
    b = sc.load_scenarios().simulate(n_paths=3000, seed=42, phi=0.4)
    pd.testing.assert_frame_equal(a.quantiles, b.quantiles, check_exact=True)
    pd.testing.assert_frame_equal(a.target_probabilities, b.target_probabilities, check_exact=True)
    c = spec.simulate(3000, 43, phi=0.4)
    assert not np.allclose(a.quantiles["p95"], c.quantiles["p95"])


def test_one_scenario_alone_gives_the_same_numbers(spec):
    """Common random numbers: the shocks do not depend on which scenarios are run."""
    full = spec.simulate(2000, 9, phi=0.4)
    alone = spec.simulate(2000, 9, scenarios="high", phi=0.4)
    pd.testing.assert_frame_equal(full.quantiles[full.quantiles["scenario"] == "high"].reset_index(drop=True),
                                  alone.quantiles, check_exact=True)


def test_result_shape_and_order(spec):
    r = spec.simulate(500, 1, phi=0.3, measures=("level", "growth_pct"))
    q = r.quantiles
    assert list(q.columns) == ["scenario", "indicator", "year", "measure", "mean", "p05", "p25", "p50", "p75", "p95"]
    n_s, n_i = len(spec.scenarios), len(spec.indicators) + 1      # and gross output at current prices
    assert r.series == (*spec.indicators, "gross_output_nominal")
    assert len(q) == n_s * n_i * (6 + 5)          # level: 2025 + 5 years; growth: 5 years
    assert (q[["p05", "p25", "p50", "p75", "p95"]].diff(axis=1).iloc[:, 1:] >= 0).all().all()
    assert q["scenario"].unique().tolist() == list(spec.scenarios)
    assert "2030 levels" in r.summary()
    assert r.paths is None
    frame = r.to_frame()
    pd.testing.assert_frame_equal(frame, q)
    frame.loc[0, "p50"] = -1.0                       # a copy: the result is unchanged
    assert q.loc[0, "p50"] != -1.0


def test_quantiles_are_numpy_quantiles_of_the_kept_paths(spec):
    """A second route to the fan: numpy.quantile and mean of the simulated levels themselves."""
    r = spec.simulate(1001, 5, phi=0.3, keep_paths=True)
    q = r.quantiles[r.quantiles["measure"] == "level"].set_index(["scenario", "indicator", "year"])
    for a, sname in enumerate(r.scenarios):
        for b, iname in enumerate(r.series):
            for k, year in enumerate((2025, *r.years)):
                row = q.loc[(sname, iname, year)]
                expected = np.quantile(r.paths[a, b, k], sc.QUANTILES)
                np.testing.assert_allclose(row[list(sc.QUANTILE_COLUMNS)].to_numpy(dtype=float), expected,
                                           rtol=1e-12)
                assert row["mean"] == pytest.approx(r.paths[a, b, k].mean(), rel=1e-12)


def test_calibration_or_its_settings_give_the_same_fan(spec):
    cal = spec.calibrate(vol_scale=2.0)
    pd.testing.assert_frame_equal(spec.simulate(400, 2, cal=cal).quantiles,
                                  spec.simulate(400, 2, vol_scale=2.0).quantiles, check_exact=True)


# ---------------------------------------------------------------------------
# against analytic results
# ---------------------------------------------------------------------------

def test_phi_zero_first_year_level_quantiles_are_normal():
    """With phi = 0 and no jump-off uncertainty, the 2026 level is L0 * (1 + N(m, sd^2) / 100)."""
    inputs = toy_inputs([6.0, 5.0, 4.0], sd_pct=3.0, level_2025=250.0)
    r = mc.simulate_fan(inputs, n_paths=200_000, seed=2026, jumpoff_uncertainty=False,
                        measures=("level", "growth_pct"))
    f = r.fan("s", "x")
    for col, q in zip(sc.QUANTILE_COLUMNS, sc.QUANTILES, strict=True):
        analytic = 250.0 * (1 + (6.0 + 3.0 * Z.inv_cdf(q)) / 100)
        # sampling error of a quantile is about sqrt(q(1-q)/N)/pdf(z) sd; 200k paths → < 0.01 sd
        assert f.loc[2026, col] == pytest.approx(analytic, abs=250.0 * 3.0 / 100 * 0.02)
    g = r.fan("s", "x", "growth_pct")
    for year, m in zip((2026, 2027, 2028), (6.0, 5.0, 4.0), strict=True):
        for col, q in zip(sc.QUANTILE_COLUMNS, sc.QUANTILES, strict=True):
            assert g.loc[year, col] == pytest.approx(m + 3.0 * Z.inv_cdf(q), abs=3.0 * 0.02)


def test_growth_quantiles_are_normal_for_any_phi():
    """The shock sd is the sd of every year's growth, whatever phi."""
    inputs = toy_inputs([5.0] * 5, sd_pct=4.0, phi=0.7)
    g = mc.simulate_fan(inputs, n_paths=200_000, seed=5, jumpoff_uncertainty=False,
                        measures=("growth_pct",)).fan("s", "x", "growth_pct")
    for col, q in zip(sc.QUANTILE_COLUMNS, sc.QUANTILES, strict=True):
        np.testing.assert_allclose(g[col], 5.0 + 4.0 * Z.inv_cdf(q), atol=4.0 * 0.025)


@pytest.mark.parametrize("phi", [0.0, 0.5, 0.9, -0.4])
def test_level_fan_width_follows_ar1_variance(phi):
    """With small shocks, log(level) ≈ sum of growth, whose sd is sd * sqrt(T + 2 sum_k (T-k) phi^k)."""
    sd, years = 0.2, 5
    inputs = toy_inputs([0.0] * years, sd_pct=sd, phi=phi)
    r = mc.simulate_fan(inputs, n_paths=100_000, seed=8, jumpoff_uncertainty=False, keep_paths=True)
    log_end = np.log(r.paths[0, 0, -1] / 100.0)
    variance = years + 2 * sum((years - k) * phi ** k for k in range(1, years))
    assert np.std(log_end) == pytest.approx(sd / 100 * np.sqrt(variance), rel=0.02)
    # one-year-apart correlation of growth is phi
    growth_pct = 100 * (r.paths[0, 0, 1:] / r.paths[0, 0, :-1] - 1)
    assert np.corrcoef(growth_pct[0], growth_pct[1])[0, 1] == pytest.approx(phi, abs=0.02)


def test_target_probability_matches_normal_cdf():
    target = 105.0          # needs growth of 5 % in 2026 from a level of 100
    targets = pd.DataFrame([{"target": "t", "indicator": "x", "year": 2026, "kind": "value",
                             "target_value": target, "level_2025": 100.0}])
    inputs = toy_inputs([3.0, 3.0], sd_pct=2.0, targets=targets)
    r = mc.simulate_fan(inputs, n_paths=200_000, seed=4, jumpoff_uncertainty=False)
    p = r.target_probabilities["probability"].item()
    assert p == pytest.approx(1 - Z.cdf((5.0 - 3.0) / 2.0), abs=0.004)   # P(N(3, 2) >= 5)


def test_relative_target_uses_each_paths_own_2025_level():
    """Doubling is judged against each path's own (uncertain) 2025 level, not the default one."""
    targets = pd.DataFrame([{"target": "double", "indicator": "x", "year": 2027, "kind": "multiple_of_2025",
                             "target_value": 200.0, "level_2025": 100.0}])
    for rate, expected in ((41.5, 1.0), (41.3, 0.0)):          # 1.415**2 > 2 > 1.413**2
        inputs = toy_inputs([rate, rate], sd_pct=0.0, targets=targets)
        # 2025 level = 50 / H1 share, the share drawn between 0.4 and 0.6: from 83 to 125
        inputs = mc.FanInputs(**{**inputs.__dict__, "assumption_low": np.array([0.4]),
                                 "assumption_high": np.array([0.6])})
        r = mc.simulate_fan(inputs, n_paths=1000, seed=1)
        assert r.target_probabilities["probability"].item() == expected
        assert r.target_probabilities["mc_se"].item() == 0.0
        f = r.fan("s", "x")
        assert f.loc[2025, "p05"] < 100 < f.loc[2025, "p95"]
        cols = list(sc.QUANTILE_COLUMNS)
        np.testing.assert_allclose(f.loc[2027, cols], (1 + rate / 100) ** 2 * f.loc[2025, cols], rtol=1e-12)


def test_targets_beyond_the_horizon_have_no_probability(spec):
    r = spec.simulate(500, 1, phi=0.3)
    beyond = r.target_probabilities[r.target_probabilities["year"] > 2030]
    assert not beyond.empty
    assert beyond["probability"].isna().all()
    assert beyond["note"].str.startswith("beyond").all()


def test_jumpoff_draws_follow_the_assumption_range(spec):
    r = spec.simulate(20_000, 3, scenarios="base", phi=0.0, keep_paths=False)
    j = spec.jumpoff
    start = r.fan("base", "gross_output").loc[2025]
    row = j[(j["indicator"] == "gross_output") & (j["year"] == 2025)].iloc[0]
    assert row["low"] < start["p05"] < start["p50"] < start["p95"] < row["high"]
    fixed = spec.simulate(100, 3, scenarios="base", phi=0.0, jumpoff_uncertainty=False)
    f = fixed.fan("base", "gross_output").loc[2025]
    assert f["p05"] == f["p95"] == pytest.approx(row["value"])


# ---------------------------------------------------------------------------
# the AR(1) fit
# ---------------------------------------------------------------------------

def simulated_ar1(phi: float, n: int, seed: int, sigma: float = 1.5, mean: float = 6.0,
                  trend: float = 0.0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    u = np.empty(n)
    u[0] = rng.normal(0, sigma / np.sqrt(1 - phi ** 2))
    for t in range(1, n):
        u[t] = phi * u[t - 1] + rng.normal(0, sigma)
    return mean + trend * (np.arange(n) - (n - 1)) + u


@pytest.mark.parametrize("phi", [0.0, 0.6, -0.3])
def test_ar1_fit_recovers_a_known_phi(phi):
    y = simulated_ar1(phi, 800, seed=11)
    fit = sc.fit_ar1(y, detrend="mean", series="simulated")
    assert abs(fit.phi - phi) < 3 * fit.bse["phi"]
    assert fit.bse["phi"] < 0.05
    assert fit.sigma == pytest.approx(1.5, rel=0.08)
    assert fit.params["intercept"] == pytest.approx(6.0, abs=4 * fit.bse["intercept"])


def test_ar1_fit_with_gaps_and_a_trend():
    y = simulated_ar1(0.5, 800, seed=12, trend=-0.01)
    y[::20] = np.nan                                   # 40 missing years
    fit = sc.fit_ar1(y, years=np.arange(1200, 2000), detrend="linear")
    assert fit.n_missing == 40 and fit.n_obs == 760
    assert abs(fit.phi - 0.5) < 3 * fit.bse["phi"]
    assert fit.params["trend"] == pytest.approx(-0.01, abs=4 * fit.bse["trend"])
    assert set(fit.to_frame()["parameter"]) == {"intercept", "trend", "phi", "sigma2"}
    assert "phi = " in fit.summary()


def test_benchmark_fit_uses_the_long_series_with_its_gap():
    s = sc.benchmark_series()
    assert s.index.tolist() == list(range(2000, 2026))
    assert np.isnan(s.loc[2005]) and s.loc[2003] == 17.0      # s_cn_iva_above_scale_growth_2003
    fit = sc.fit_benchmark()
    assert (fit.n_obs, fit.n_missing, fit.first_year, fit.last_year) == (25, 1, 2000, 2025)
    assert -1 < fit.phi < 1
    mean_fit = sc.fit_benchmark(detrend="mean")
    assert mean_fit.phi > fit.phi          # the mean mistakes the slowdown for persistence
    frame = fit.to_frame().set_index("parameter")
    assert frame.loc["phi", "ci_low"] < fit.phi < frame.loc["phi", "ci_high"]


def test_fit_rejects_bad_input():
    with pytest.raises(ValueError, match="^detrend: "):
        sc.fit_ar1(np.arange(20.0), detrend="cubic")
    with pytest.raises(ValueError, match="^values: need at least 8"):
        sc.fit_ar1([1.0, 2.0, np.nan])
    with pytest.raises(ValueError, match="^years: must be consecutive"):
        sc.fit_ar1(np.arange(10.0), years=[2000, 2001, 2003, 2004, 2005, 2006, 2007, 2008, 2009, 2010])
    with pytest.raises(ValueError, match="^series: unknown series"):
        sc.benchmark_series("NO_SUCH_SERIES")


def test_statsmodels_and_matplotlib_are_not_imported_by_the_modules():
    code = ("import sys, ygx_analysis.scenarios, ygx_analysis.scenarios.montecarlo, "
            "ygx_analysis.scenarios.calibration, ygx_analysis.scenarios.analysis; "
            "print('statsmodels' in sys.modules, 'matplotlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False False"


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------

def test_compound_agrees_with_growth_project_path():
    rng = np.random.default_rng(0)
    rates = rng.normal(5, 3, size=(7, 5))
    levels = rng.uniform(10, 100, size=7)
    out = mc.compound(levels, rates)
    for k in range(7):
        np.testing.assert_allclose(out[k], growth.project_path(levels[k], rates[k]), rtol=1e-12)
    # the years on another axis, and in place
    np.testing.assert_allclose(mc.compound(levels, rates.T.copy(), axis=0), out.T, rtol=1e-12)
    buf = rates.copy()
    assert mc.compound(levels, buf, out=buf) is buf
    np.testing.assert_allclose(buf, out, rtol=1e-12)
    with pytest.raises(ValueError, match="^rates_pct: "):
        mc.compound(1.0, [[-100.0]])


def test_ar1_deviations_by_hand():
    z = np.array([[1.0, 2.0], [0.5, 0.0], [0.0, -1.0]])
    e = mc.ar1_deviations(z, 0.6)
    s = np.sqrt(1 - 0.36)
    np.testing.assert_allclose(e[:, 0], [1.0, 0.6 + s * 0.5, 0.6 * (0.6 + s * 0.5)])
    np.testing.assert_allclose(e[:, 1], [2.0, 1.2, 0.72 - s])
    with pytest.raises(ValueError, match="^phi: "):
        mc.ar1_deviations(z, 1.0)


def test_triangular_draws():
    u = np.random.default_rng(3).random(400_000)
    x = mc.triangular(u, 0.44, 0.47, 0.50)
    assert x.min() >= 0.44 and x.max() <= 0.50
    assert x.mean() == pytest.approx((0.44 + 0.47 + 0.50) / 3, abs=5e-4)
    skew = mc.triangular(u, 0.0, 3.0, 6.5)
    assert skew.mean() == pytest.approx((0.0 + 3.0 + 6.5) / 3, abs=0.01)
    with pytest.raises(ValueError, match="^mode: "):
        mc.triangular(u, 1.0, 0.0, 2.0)


def test_simulate_rejects_bad_arguments(spec):
    inputs = toy_inputs([1.0], sd_pct=1.0)
    with pytest.raises(ValueError, match="^n_paths: "):
        mc.simulate_fan(inputs, n_paths=0)
    with pytest.raises(TypeError, match="^n_paths: "):
        mc.simulate_fan(inputs, n_paths=10.0)
    with pytest.raises(ValueError, match="^phi: "):
        mc.simulate_fan(toy_inputs([1.0], sd_pct=1.0, phi=1.2))
    with pytest.raises(ValueError, match="^phi: "):
        spec.simulate(10, phi=1.0)
    with pytest.raises(TypeError, match="^phi: "):
        spec.simulate(10, phi="0.3")
    with pytest.raises(ValueError, match="^seed: "):
        mc.simulate_fan(inputs, seed=-1)
    with pytest.raises(ValueError, match="^measures: "):
        mc.simulate_fan(inputs, measures=("median",))
    with pytest.raises(TypeError, match="^inputs: "):
        mc.simulate_fan(spec)
    with pytest.raises(ValueError, match="^t_df: "):
        mc.simulate_fan(toy_inputs([1.0], sd_pct=1.0, t_df=2.0))
    with pytest.raises(ValueError, match="^scenario: unknown scenario"):
        spec.simulate(10, scenarios="nope", phi=0.0)
    with pytest.raises(TypeError, match="^seed: "):
        spec.simulate(10, "7", phi=0.0)
    with pytest.raises(TypeError, match="^cal: "):
        spec.fan_inputs(cal=0.4)
    with pytest.raises(ValueError, match="^vol_scale: "):
        spec.simulate(10, vol_scale=-1.0)


# ---------------------------------------------------------------------------
# the joint model: identities, links, calibration (issue #13)
# ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def big_run(spec):
    """The seeded 20,000-path run of every scenario, paths kept."""
    return spec.simulate(20_000, 2026, keep_paths=True)


def test_every_path_of_a_seeded_20000_run_keeps_the_accounting_identities(big_run):
    """Budget revenue ≤ total fiscal revenue and value added ≤ gross output on every path, year and scenario.

    The old model drew the indicators independently: budget revenue exceeded total revenue in about 45 % of
    base-scenario paths in 2030."""
    names = list(big_run.series)
    p = big_run.paths
    assert p.shape == (3, 5, 6, 20_000)
    budget, total = p[:, names.index("general_budget_revenue")], p[:, names.index("fiscal_revenue_total")]
    va, go = p[:, names.index("value_added")], p[:, names.index("gross_output")]
    assert np.isfinite(p).all() and (p > 0).all()
    assert (budget <= total).all()
    assert (va <= go).all()
    assert big_run.floored == 0                      # no path needed the growth floor


def test_value_added_rate_stays_near_its_observed_value(big_run):
    """VA ÷ GO was 47.83 / 201.69 = 23.7 % in 2025H1; the old fan spread it to 18–32 % (P05–P95) by 2030."""
    names = list(big_run.series)
    rate = big_run.paths[1, names.index("value_added"), -1] / big_run.paths[1, names.index("gross_output"), -1]
    p05, p50, p95 = np.quantile(rate, [0.05, 0.5, 0.95])
    assert p50 == pytest.approx(47.83 / 201.69, abs=0.002)
    assert 0.20 < p05 and p95 < 0.28
    share = big_run.paths[1, names.index("general_budget_revenue")] / big_run.paths[1, names.index("fiscal_revenue_total")]
    assert np.median(share[-1]) == pytest.approx(60.67 / 62.08, abs=0.002)


def test_each_growth_indicator_has_its_own_calibrated_shock(spec):
    """phi and sd from each indicator's own series; revenue keeps the rest of its series' sd after output's part.

    The old model applied one phi (China's industrial value added) to every indicator."""
    inputs = spec.fan_inputs()
    i_go, i_rev = inputs.indicators.index("gross_output"), inputs.indicators.index("fiscal_revenue_total")
    go_fit, rev_fit = sc.fit_benchmark("CN_IVA_ABOVE_SCALE_GROWTH"), sc.fit_benchmark("CN_GPB_REVENUE_GROWTH")
    assert inputs.phi[i_go] == pytest.approx(go_fit.phi) and inputs.phi[i_rev] == pytest.approx(rev_fit.phi)
    assert abs(inputs.phi[i_go] - inputs.phi[i_rev]) > 0.2
    v = spec.model.vol_scale.default
    assert inputs.shock_sd[i_go] == pytest.approx(v * go_fit.stationary_sd)
    assert inputs.shock_sd[i_rev] == pytest.approx(v * np.sqrt(rev_fit.stationary_sd ** 2
                                                                 - go_fit.stationary_sd ** 2))   # elasticity 1
    assert inputs.shock_sd[i_go] > go_fit.stationary_sd            # a zone moves more than the country
    cal = spec.calibrate().to_frame().set_index("indicator")
    assert cal.loc["gross_output", "phi_se"] == pytest.approx(float(go_fit.bse["phi"]))
    assert cal.loc["fiscal_revenue_total", "sigma_se"] > 0


def test_revenue_follows_output_through_the_elasticity():
    """With no own shock, revenue's surprise is exactly elasticity × output's surprise, path by path."""
    base = toy_inputs([5.0, 5.0, 5.0], sd_pct=3.0)
    two = mc.FanInputs(**{**base.__dict__, "indicators": ("x", "y"), "roles": ("growth", "growth"),
                          "mean_pct": np.array([[[5.0, 5.0, 5.0], [2.0, 2.0, 2.0]]]), "phi": np.array([0.3, 0.0]),
                          "shock_sd": np.array([3.0, 0.0]), "driver": np.array([-1, 0]),
                          "elasticity": np.array([0.0, 0.5]), "whole": np.array([-1, -1]),
                          "level_2025": np.array([100.0, 10.0]), "methods": ("grow_2024", "grow_2024"),
                          "base_levels": np.array([100.0, 10.0]), "assumption_default": np.zeros(2),
                          "assumption_low": np.zeros(2), "assumption_high": np.zeros(2)})
    r = mc.simulate_fan(two, n_paths=500, seed=3, keep_paths=True)
    x, y = r.paths[0, 0], r.paths[0, 1]
    gx, gy = 100 * (x[1:] / x[:-1] - 1), 100 * (y[1:] / y[:-1] - 1)
    np.testing.assert_allclose(gy - 2.0, 0.5 * (gx - 5.0), atol=1e-9)


def test_student_t_shocks_have_unit_variance_and_fat_tails():
    rng = np.random.default_rng(1)
    t = mc.student_shocks(rng, (400_000,), 5.0)
    n = mc.student_shocks(rng, (400_000,), None)
    assert t.var() == pytest.approx(1.0, abs=0.03) and n.var() == pytest.approx(1.0, abs=0.01)
    # kurtosis of a t with 5 degrees of freedom is 3 + 6 / (5 - 4) = 9; a normal's is 3
    assert np.mean(t ** 4) > 6 and np.mean(n ** 4) == pytest.approx(3.0, abs=0.05)
    assert np.quantile(np.abs(t), 0.999) > np.quantile(np.abs(n), 0.999)


def test_nominal_gross_output_is_real_times_the_ppi_path(spec):
    """With the PPI range collapsed to its defaults, current prices = 2025 prices × the index, by hand."""
    d = spec.deflator
    assert (d.start_pct.default, d.end_pct.default) == (-0.5, 0.5)   # Hunan's 2025 PPI -1.0 % easing (hn_ppi_2025)
    d = d.model_copy(update={"start_pct": d.start_pct.model_copy(update={"low": -0.5, "high": -0.5}),
                             "end_pct": d.end_pct.model_copy(update={"low": 0.5, "high": 0.5})})
    fixed = sc.ScenarioModel(spec.config.model_copy(update={"deflator": d}), spec.source)
    r = fixed.simulate(300, 7, scenarios="base", keep_paths=True)
    names = list(r.series)
    ratio = r.paths[0, names.index("gross_output_nominal")] / r.paths[0, names.index("gross_output")]
    ppi = [-0.5, -0.25, 0.0, 0.25, 0.5]                # straight line from -0.5 % in 2026 to 0.5 % in 2030
    index = np.cumprod([1.0] + [1 + x / 100 for x in ppi])
    np.testing.assert_allclose(ratio, np.broadcast_to(index[:, None], ratio.shape), rtol=1e-12)


def test_the_1000_target_is_judged_at_current_prices(big_run):
    names = list(big_run.series)
    p = big_run.target_probabilities.set_index(["target", "scenario"])
    row = p.loc[("gross_output_1000_2030", "high")]
    assert bool(row["nominal"])
    nominal_2030 = big_run.paths[2, names.index("gross_output_nominal"), -1]
    assert row["probability"] == np.mean(nominal_2030 >= 1000.0)
    assert row["mc_se"] == pytest.approx(np.sqrt(row["probability"] * (1 - row["probability"]) / 20_000))


def test_pipeline_adds_its_output_by_hand(spec):
    """165亿元 × 0.5 arriving × 1.0 output per unit, on stream 2 years after 2024: +82.5亿元 from 2026."""
    on = spec.with_pipeline()
    assert spec.pipeline.enabled is False and on.pipeline.enabled is True
    off_p, on_p = spec.project("base"), on.project("base")

    def level(frame, indicator, year):
        return frame[(frame["indicator"] == indicator) & (frame["year"] == year)]["value"].item()

    go_2026 = 201.69 / 0.465 * 1.075                  # the 2025 estimate grown at the base scenario's 7.5 %
    assert level(off_p, "gross_output", 2026) == pytest.approx(go_2026)
    assert level(on_p, "gross_output", 2026) == pytest.approx(go_2026 + 165 * 0.5 * 1.0)
    va_2026 = 47.83 / 0.465 * 1.075
    assert level(on_p, "value_added", 2026) == pytest.approx(va_2026 * (1 + 82.5 / go_2026))
    assert level(on_p, "fiscal_revenue_total", 2026) == level(off_p, "fiscal_revenue_total", 2026)
    # in the fan, the same draws with the pipeline on add exactly 82.5 to real gross output in every path
    a = spec.simulate(200, 5, scenarios="base", keep_paths=True)
    b = on.simulate(200, 5, scenarios="base", keep_paths=True)
    g = list(a.series).index("gross_output")
    np.testing.assert_allclose(b.paths[0, g, 1:] - a.paths[0, g, 1:], 82.5, rtol=1e-9)
    np.testing.assert_array_equal(b.paths[0, g, 0], a.paths[0, g, 0])


def test_share_path_above_one_is_refused(spec):
    bad = spec.with_growth("general_budget_revenue", {"base": (9.0, 9.0)})
    with pytest.raises(ValueError, match="^scenarios.base.general_budget_revenue: .* a share must stay below 1"):
        bad.simulate(10)


def test_paths_frame_is_tidy_and_matches_the_array(spec):
    r = spec.simulate(4, 1, scenarios=["low", "high"], keep_paths=True)
    f = r.paths_frame()
    assert list(f.columns) == list(sc.PATH_COLUMNS)
    assert len(f) == 2 * 5 * 6 * 4
    row = f[(f["scenario"] == "high") & (f["path"] == 3) & (f["indicator"] == "value_added") & (f["year"] == 2028)]
    assert row["value"].item() == r.paths[1, 2, 3, 3]
    with pytest.raises(ValueError, match="^paths: "):
        spec.simulate(4, 1).paths_frame()


# ---------------------------------------------------------------------------
# the 2025 jump-off, parameter uncertainty, the volatility ratios
# ---------------------------------------------------------------------------

def test_every_path_keeps_2025_inside_its_own_range_and_every_identity(spec, big_run):
    """N1: the value-added rate took a logit shock in 2025 too, so 2025 value added ran 96.21–109.62 (P5–P95)
    against its own 2025 range 99.65–105.82 (45.1 % of paths outside). In 2025 a share is the observed one."""
    names, p = list(big_run.series), big_run.paths
    j = spec.jumpoff[spec.jumpoff["year"] == 2025].set_index("indicator")
    for name in spec.indicators:
        v = p[:, names.index(name), 0]
        assert ((v >= j.loc[name, "low"] * (1 - 1e-12)) & (v <= j.loc[name, "high"] * (1 + 1e-12))).all(), name
    va, go = p[:, names.index("value_added")], p[:, names.index("gross_output")]
    budget, total = p[:, names.index("general_budget_revenue")], p[:, names.index("fiscal_revenue_total")]
    assert (va < go).all() and (budget < total).all() and (p > 0).all()
    # 2025 value added = 2025H1 value added / the path's drawn H1 share, as gross output: the same share
    np.testing.assert_allclose(va[:, 0] / go[:, 0], 47.83 / 201.69, rtol=1e-12)   # value_added_2025h1, gross_output_2025h1
    deflator = p[:, names.index("gross_output_nominal")] / go
    np.testing.assert_allclose(deflator[:, 0], 1.0)                                   # 2025 prices in 2025


def test_a_2025_outturn_is_a_point_and_no_path_draws_around_it(spec):
    """A full-year 2025 row makes the jump-off a point (low = high = value): every path starts from it."""
    import dataclasses

    inputs = spec.fan_inputs()
    point = inputs.range_2025.copy()
    for name in ("gross_output", "fiscal_revenue_total"):
        k = inputs.indicators.index(name)
        point[k] = inputs.level_2025[k]
    r = mc.simulate_fan(dataclasses.replace(inputs, range_2025=point), n_paths=2000, seed=5, keep_paths=True)
    names = list(r.series)
    for name in spec.indicators:   # the shares follow: value added and budget revenue start from their levels
        np.testing.assert_allclose(r.paths[:, names.index(name), 0], inputs.level_2025[inputs.indicators.index(name)],
                                   rtol=1e-12)
    assert r.paths[:, names.index("gross_output"), 1].std() > 0   # the years after still move
    # a part with a 2025 outturn whose whole has none: the part starts from its point on every path
    point = inputs.range_2025.copy()
    va = inputs.indicators.index("value_added")
    point[va] = inputs.level_2025[va]
    r = mc.simulate_fan(dataclasses.replace(inputs, range_2025=point), n_paths=2000, seed=5, keep_paths=True)
    np.testing.assert_allclose(r.paths[:, names.index("value_added"), 0], inputs.level_2025[va], rtol=1e-12)
    assert r.paths[:, names.index("gross_output"), 0].std() > 0
    assert (r.paths[:, names.index("value_added")] < r.paths[:, names.index("gross_output")]).all()


def test_fixed_parameters_are_the_collapsed_ranges(spec):
    """Ranges collapsed to their defaults give the fan of fixed parameters (a second code path)."""
    import dataclasses

    inputs = spec.fan_inputs(scenarios="base")
    a = mc.simulate_fan(mc.parameter_setting(inputs), n_paths=3000, seed=4).quantiles
    ppi = {k: (getattr(inputs, k)[1],) * 3 for k in ("deflator_start", "deflator_end")}
    b = mc.simulate_fan(dataclasses.replace(inputs, parameters=None, **ppi), n_paths=3000, seed=4).quantiles
    pd.testing.assert_frame_equal(a, b, rtol=1e-10)
    high = mc.simulate_fan(mc.parameter_setting(inputs, "vol_scale", "high"), n_paths=3000, seed=4).quantiles
    two = spec.fan_inputs("base", cal=spec.calibrate(spec.model.vol_scale.high), parameter_uncertainty=False)
    fixed = mc.simulate_fan(dataclasses.replace(two, **ppi), n_paths=3000, seed=4).quantiles
    pd.testing.assert_frame_equal(high, fixed, rtol=1e-10)


def test_each_path_draws_its_parameters_from_their_ranges(spec):
    """Volatility scale and elasticity triangular on the file's ranges; φ on the fit ± 2 s.e."""
    inputs = spec.fan_inputs()
    ranges = inputs.parameters
    v = spec.model.vol_scale
    assert ranges.vol_scale == (v.low, v.default, v.high) == (0.7, 1.25, 2.0)
    u = np.random.default_rng(0).random((2 + len(inputs.indicators), 200_000))
    phi, sd, el = ranges.draw(u, inputs.roles, inputs.driver)
    go, rev = inputs.indicators.index("gross_output"), inputs.indicators.index("fiscal_revenue_total")
    scale = sd[go] / sc.fit_benchmark("CN_IVA_ABOVE_SCALE_GROWTH").stationary_sd
    assert scale.min() >= 0.7 and scale.max() <= 2.0
    assert scale.mean() == pytest.approx((0.7 + 1.25 + 2.0) / 3, abs=0.005)   # the mean of a triangular draw
    assert el[rev].mean() == pytest.approx(1.0, abs=0.003) and el[go].max() == 0
    fit = sc.fit_benchmark("CN_IVA_ABOVE_SCALE_GROWTH")
    se = float(fit.bse["phi"])
    assert phi[go].min() >= fit.phi - 2 * se and phi[go].max() <= fit.phi + 2 * se
    assert phi[go].std() == pytest.approx(2 * se / np.sqrt(6), rel=0.02)        # sd of a symmetric triangular
    # revenue's total sd stays scale × its series' sd whatever the drawn elasticity
    total = np.sqrt(sd[rev] ** 2 + (el[rev] * sd[go]) ** 2)
    np.testing.assert_allclose(total / scale, sc.fit_benchmark("CN_GPB_REVENUE_GROWTH").stationary_sd, rtol=1e-9)


def test_probability_ranges_are_the_probabilities_at_each_setting():
    """The range shown beside a probability: min and max over the nine fixed settings, each rerun here alone."""
    m = sc.ScenarioAnalysis.load(n_paths=4000, seed=11)
    r = m.probability_ranges.set_index(["target", "scenario"])
    key = ("value_added_national_pace_2030", "base")
    runs = [m.spec.simulate(4000, 11, vol_scale=x, parameter_uncertainty=False) for x in (0.7, 1.25, 2.0)]
    p = [float(x.target_probabilities.set_index(["target", "scenario"]).loc[key, "probability"]) for x in runs]
    assert p[2] < p[1] < p[0]                              # a wider fan, a lower chance of a pace below the median
    assert r.loc[key, "low"] <= p[2] and r.loc[key, "high"] >= p[0]
    assert m.settings["vol_scale_high"].target_probabilities.set_index(["target", "scenario"]).loc[
        key, "probability"] == p[2]
    assert (r["settings"] == 9).all()
    fan = m.fan.target_probabilities.set_index(["target", "scenario"]).loc[key, "probability"]
    assert r.loc[key, "low"] < fan < r.loc[key, "high"]


def test_volatility_ratios_by_hand_and_in_the_rationale(spec):
    """The four Hunan/China ratios behind the volatility scale, from the series rows; the rationale cites them."""
    ctx = spec.context

    def series(name):
        rows = ctx[ctx["series"] == name]
        return pd.Series(rows["value"].to_numpy(float), index=rows["period"].astype(int).to_numpy()).sort_index()

    hn, cn = series("HN_GDP_REAL_GROWTH"), series("CN_GDP_REAL_GROWTH")
    hi, ci = series("HN_IVA_ABOVE_SCALE_GROWTH"), series("CN_IVA_ABOVE_SCALE_GROWTH")
    shared = hi.index.intersection(ci.index)
    assert len(shared) == 7
    by_hand = {"first_differences": np.diff(hn.to_numpy()).std(ddof=1) / np.diff(cn.to_numpy()).std(ddof=1),
               "above_scale_va": hi[shared].std(ddof=1) / ci[shared].std(ddof=1)}
    r = sc.volatility_ratios(ctx)
    for k, v in by_hand.items():
        assert r[k] == pytest.approx(v, rel=1e-12)
    fh, fc = sc.fit_benchmark("HN_GDP_REAL_GROWTH"), sc.fit_benchmark("CN_GDP_REAL_GROWTH")
    assert r["stationary_sd"] == pytest.approx(fh.stationary_sd / fc.stationary_sd)
    assert fh.phi > 0.75 and r["innovation_sd"] < 1 < r["stationary_sd"]   # the 1.35 is persistence, not size
    assert [round(r[k], 2) for k in sc.VOLATILITY_RATIOS] == [1.35, 0.83, 0.70, 0.80]   # the recomputation
    text = spec.model.vol_scale_rationale
    for k in sc.VOLATILITY_RATIOS:
        assert f"{r[k]:.2f}" in text, k
    assert f"phi {fh.phi:.2f} against {fc.phi:.2f}" in text
    v = spec.model.vol_scale
    assert v.low == round(r.min(), 1) and f"{v.default:g}" in text and f"range {v.low:g}" in text


def test_the_revenue_elasticity_reason_holds_in_the_data(spec):
    """The stated reason for a unit shock elasticity beside the central paths' trend ratio of about two thirds:
    around their trends national revenue growth moves more than one for one with industrial growth."""
    r, g = sc.benchmark_series("CN_GPB_REVENUE_GROWTH"), sc.benchmark_series("CN_IVA_ABOVE_SCALE_GROWTH")
    both = pd.concat([r, g], axis=1).dropna()
    t = both.index.to_numpy(float)
    x = np.column_stack([np.ones_like(t), t, both.iloc[:, 1].to_numpy()])
    slope = np.linalg.lstsq(x, both.iloc[:, 0].to_numpy(), rcond=None)[0][2]
    assert slope > 1
    rates = spec.growth_rates("base").pivot(index="year", columns="indicator", values="growth_pct")
    d = spec.deflator
    ppi = np.linspace(d.start_pct.default, d.end_pct.default, len(rates))
    nominal = ((1 + rates["gross_output"] / 100) * (1 + ppi / 100)).prod() ** (1 / 5) - 1
    trend = ((1 + rates["fiscal_revenue_total"] / 100).prod() ** (1 / 5) - 1) / nominal
    assert 0.6 < trend < 0.7
    e = spec.model.roles["fiscal_revenue_total"].elasticity
    assert not e.low <= trend <= e.high
    assert "two thirds" in spec.model.roles["fiscal_revenue_total"].rationale


def test_the_deflator_anchors_on_hunans_ppi_with_the_national_as_a_check(spec):
    ctx = spec.context.set_index("id")
    assert ctx.loc["hn_ppi_2025", "value"] == -1.0 and ctx.loc["hn_ppirm_2025", "value"] == -2.3
    assert ctx.loc["hn_ppi_2025", "source_id"] == "hn_tjj_bulletin_2025"
    d = spec.deflator
    assert d.refs[:2] == ("hn_ppi_2025", "hn_ppirm_2025") and "cn_ppi_2025" in d.refs
    assert ctx.loc["hn_ppi_2025", "value"] < d.start_pct.default <= d.start_pct.high
    assert d.start_pct.low == ctx.loc["cn_ppi_2025", "value"]        # the national pace is the low end
