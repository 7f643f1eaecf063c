"""The Monte Carlo fan: reproducibility, the phi = 0 and AR(1) cases against analytic results, the AR(1) fit,
target probabilities, and the helpers (compounding, quantiles, triangular draws)."""

from __future__ import annotations

import subprocess
import sys
from statistics import NormalDist

import numpy as np
import pandas as pd
import pytest

from ygx_analysis import growth
from ygx_analysis import montecarlo as mc
from ygx_analysis import scenarios as sc

Z = NormalDist()


def toy_inputs(mean_pct, sd_pct, level_2025=100.0, targets=None) -> mc.FanInputs:
    """One scenario, one indicator, with the given per-year mean growth and sd (no files)."""
    mean = np.asarray(mean_pct, dtype=float)
    years = tuple(range(2026, 2026 + mean.size))
    if targets is None:
        targets = pd.DataFrame(columns=["target", "indicator", "year", "kind", "target_value", "level_2025"])
    return mc.FanInputs(
        scenarios=("s",), indicators=("x",), years=years, mean_pct=mean.reshape(1, 1, -1),
        sd_pct=np.array([[sd_pct]]), level_2025=np.array([level_2025]), methods=("annualize_h1",),
        base_levels=np.array([level_2025 / 2]), assumption_default=np.array([0.5]),
        assumption_low=np.array([0.5]), assumption_high=np.array([0.5]), targets=targets)


# ---------------------------------------------------------------------------
# reproducibility
# ---------------------------------------------------------------------------

def test_seeded_run_is_reproducible():
    a = mc.simulate(phi=0.4, n_paths=3000, seed=42)
    b = mc.simulate(phi=0.4, n_paths=3000, seed=42)
    pd.testing.assert_frame_equal(a.quantiles, b.quantiles, check_exact=True)
    pd.testing.assert_frame_equal(a.target_probabilities, b.target_probabilities, check_exact=True)
    c = mc.simulate(phi=0.4, n_paths=3000, seed=43)
    assert not np.allclose(a.quantiles["p95"], c.quantiles["p95"])


def test_one_scenario_alone_gives_the_same_numbers():
    """Common random numbers: the shocks do not depend on which scenarios are run."""
    full = mc.simulate(phi=0.4, n_paths=2000, seed=9)
    alone = mc.simulate(scenarios="high", phi=0.4, n_paths=2000, seed=9)
    pd.testing.assert_frame_equal(full.quantiles[full.quantiles["scenario"] == "high"].reset_index(drop=True),
                                  alone.quantiles, check_exact=True)


def test_result_shape_and_order():
    r = mc.simulate(phi=0.3, n_paths=500, seed=1, measures=("level", "growth_pct"))
    spec = sc.load_scenarios()
    q = r.quantiles
    assert list(q.columns) == ["scenario", "indicator", "year", "measure", "mean", "p05", "p25", "p50", "p75", "p95"]
    n_s, n_i = len(spec.scenarios), len(spec.indicators)
    assert len(q) == n_s * n_i * (6 + 5)          # level: 2025 + 5 years; growth: 5 years
    assert (q[["p05", "p25", "p50", "p75", "p95"]].diff(axis=1).iloc[:, 1:] >= 0).all().all()
    assert q["scenario"].unique().tolist() == list(spec.scenarios)
    assert "2030 levels" in r.summary()
    assert r.paths is None


# ---------------------------------------------------------------------------
# against analytic results
# ---------------------------------------------------------------------------

def test_phi_zero_first_year_level_quantiles_are_normal():
    """With phi = 0 and no jump-off uncertainty, the 2026 level is L0 * (1 + N(m, sd^2) / 100)."""
    inputs = toy_inputs([6.0, 5.0, 4.0], sd_pct=3.0, level_2025=250.0)
    r = mc.simulate(inputs=inputs, phi=0.0, n_paths=200_000, seed=2026, jumpoff_uncertainty=False,
                    measures=("level", "growth_pct"))
    f = r.fan("s", "x")
    for col, q in zip(mc.QUANTILE_COLUMNS, mc.QUANTILES, strict=True):
        analytic = 250.0 * (1 + (6.0 + 3.0 * Z.inv_cdf(q)) / 100)
        # sampling error of a quantile is about sqrt(q(1-q)/N)/pdf(z) sd; 200k paths → < 0.01 sd
        assert f.loc[2026, col] == pytest.approx(analytic, abs=250.0 * 3.0 / 100 * 0.02)
    g = r.fan("s", "x", "growth_pct")
    for year, m in zip((2026, 2027, 2028), (6.0, 5.0, 4.0), strict=True):
        for col, q in zip(mc.QUANTILE_COLUMNS, mc.QUANTILES, strict=True):
            assert g.loc[year, col] == pytest.approx(m + 3.0 * Z.inv_cdf(q), abs=3.0 * 0.02)


def test_growth_quantiles_are_normal_for_any_phi():
    """The TOML sd is the sd of every year's growth, whatever phi."""
    inputs = toy_inputs([5.0] * 5, sd_pct=4.0)
    g = mc.simulate(inputs=inputs, phi=0.7, n_paths=200_000, seed=5, jumpoff_uncertainty=False,
                    measures=("growth_pct",)).fan("s", "x", "growth_pct")
    for col, q in zip(mc.QUANTILE_COLUMNS, mc.QUANTILES, strict=True):
        np.testing.assert_allclose(g[col], 5.0 + 4.0 * Z.inv_cdf(q), atol=4.0 * 0.025)


@pytest.mark.parametrize("phi", [0.0, 0.5, 0.9, -0.4])
def test_level_fan_width_follows_ar1_variance(phi):
    """With small shocks, log(level) ≈ sum of growth, whose sd is sd * sqrt(T + 2 sum_k (T-k) phi^k)."""
    sd, years = 0.2, 5
    inputs = toy_inputs([0.0] * years, sd_pct=sd)
    r = mc.simulate(inputs=inputs, phi=phi, n_paths=100_000, seed=8, jumpoff_uncertainty=False, keep_paths=True)
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
    r = mc.simulate(inputs=inputs, phi=0.0, n_paths=200_000, seed=4, jumpoff_uncertainty=False)
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
        r = mc.simulate(inputs=inputs, phi=0.0, n_paths=1000, seed=1)
        assert r.target_probabilities["probability"].item() == expected
        f = r.fan("s", "x")
        assert f.loc[2025, "p05"] < 100 < f.loc[2025, "p95"]
        cols = list(mc.QUANTILE_COLUMNS)
        np.testing.assert_allclose(f.loc[2027, cols], (1 + rate / 100) ** 2 * f.loc[2025, cols], rtol=1e-12)


def test_targets_beyond_the_horizon_have_no_probability():
    r = mc.simulate(phi=0.3, n_paths=500, seed=1)
    beyond = r.target_probabilities[r.target_probabilities["year"] > 2030]
    assert not beyond.empty
    assert beyond["probability"].isna().all()
    assert beyond["note"].str.startswith("beyond").all()


def test_jumpoff_draws_follow_the_assumption_range():
    spec = sc.load_scenarios()
    r = mc.simulate(spec, scenarios="base", phi=0.0, n_paths=20_000, seed=3, keep_paths=False)
    j = sc.jumpoff(spec)
    start = r.fan("base", "gross_output").loc[2025]
    row = j[(j["indicator"] == "gross_output") & (j["year"] == 2025)].iloc[0]
    assert row["low"] < start["p05"] < start["p50"] < start["p95"] < row["high"]
    fixed = mc.simulate(spec, scenarios="base", phi=0.0, n_paths=100, seed=3, jumpoff_uncertainty=False)
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
    fit = mc.fit_ar1(y, detrend="mean", series="simulated")
    assert abs(fit.phi - phi) < 3 * fit.bse["phi"]
    assert fit.bse["phi"] < 0.05
    assert fit.sigma == pytest.approx(1.5, rel=0.08)
    assert fit.params["intercept"] == pytest.approx(6.0, abs=4 * fit.bse["intercept"])


def test_ar1_fit_with_gaps_and_a_trend():
    y = simulated_ar1(0.5, 800, seed=12, trend=-0.01)
    y[::20] = np.nan                                   # 40 missing years
    fit = mc.fit_ar1(y, years=np.arange(1200, 2000), detrend="linear")
    assert fit.n_missing == 40 and fit.n_obs == 760
    assert abs(fit.phi - 0.5) < 3 * fit.bse["phi"]
    assert fit.params["trend"] == pytest.approx(-0.01, abs=4 * fit.bse["trend"])
    assert set(fit.to_frame()["parameter"]) == {"intercept", "trend", "phi", "sigma2"}
    assert "phi = " in fit.summary()


def test_benchmark_fit_uses_the_long_series_with_its_gap():
    s = mc.benchmark_series()
    assert s.index.tolist() == list(range(2000, 2026))
    assert np.isnan(s.loc[2005]) and s.loc[2003] == 17.0      # s_cn_iva_above_scale_growth_2003
    fit = mc.fit_benchmark()
    assert (fit.n_obs, fit.n_missing, fit.first_year, fit.last_year) == (25, 1, 2000, 2025)
    assert -1 < fit.phi < 1
    mean_fit = mc.fit_benchmark(detrend="mean")
    assert mean_fit.phi > fit.phi          # the mean mistakes the slowdown for persistence
    frame = fit.to_frame().set_index("parameter")
    assert frame.loc["phi", "ci_low"] < fit.phi < frame.loc["phi", "ci_high"]


def test_fit_rejects_bad_input():
    with pytest.raises(ValueError, match="^detrend: "):
        mc.fit_ar1(np.arange(20.0), detrend="cubic")
    with pytest.raises(ValueError, match="^values: need at least 8"):
        mc.fit_ar1([1.0, 2.0, np.nan])
    with pytest.raises(ValueError, match="^years: must be consecutive"):
        mc.fit_ar1(np.arange(10.0), years=[2000, 2001, 2003, 2004, 2005, 2006, 2007, 2008, 2009, 2010])
    with pytest.raises(ValueError, match="^series: unknown series"):
        mc.benchmark_series("NO_SUCH_SERIES")


def test_statsmodels_and_matplotlib_are_not_imported_by_the_modules():
    code = ("import sys, ygx_analysis.scenarios, ygx_analysis.montecarlo; "
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


def test_fan_quantiles_equal_numpy_quantile():
    x = np.random.default_rng(1).standard_normal((3, 4, 1001))
    np.testing.assert_allclose(mc.fan_quantiles(x), np.quantile(x, mc.QUANTILES, axis=-1), rtol=0, atol=1e-12)
    y = np.random.default_rng(2).standard_normal((10, 6))
    np.testing.assert_allclose(mc.fan_quantiles(y, axis=0), np.quantile(y, mc.QUANTILES, axis=0), atol=1e-12)


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


def test_simulate_rejects_bad_arguments():
    inputs = toy_inputs([1.0], sd_pct=1.0)
    with pytest.raises(ValueError, match="^n_paths: "):
        mc.simulate(inputs=inputs, phi=0.0, n_paths=0)
    with pytest.raises(ValueError, match="^phi: "):
        mc.simulate(inputs=inputs, phi=1.2)
    with pytest.raises(ValueError, match="^seed: "):
        mc.simulate(inputs=inputs, phi=0.0, seed=-1)
    with pytest.raises(ValueError, match="^measures: "):
        mc.simulate(inputs=inputs, phi=0.0, measures=("median",))
    with pytest.raises(ValueError, match="^scenario: unknown scenario"):
        mc.simulate(scenarios="nope", phi=0.0)
