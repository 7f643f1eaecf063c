"""The fan's backtest: coverage near nominal where the model is true, band edges against a direct fit, the rows."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from ygx_analysis.data.tables import load_context
from ygx_analysis.scenarios import backtest as bt


def _synthetic_context(n_years: int, phi: float, sigma: float, seed: int) -> pd.DataFrame:
    """An AR(1) around a falling linear trend, drawn here (not by the package), as rows of context.csv."""
    rng = np.random.default_rng(seed)
    u = np.empty(n_years)
    u[0] = rng.normal(0, sigma / np.sqrt(1 - phi ** 2))
    for t in range(1, n_years):
        u[t] = phi * u[t - 1] + rng.normal(0, sigma)
    years = np.arange(1900, 1900 + n_years)
    values = 9.0 - 0.05 * (years - years[0]) + u
    return pd.DataFrame({"id": [f"x_{y}" for y in years], "series": "X", "period": years.astype(str),
                         "value": values, "basis": "real"})


def test_coverage_is_near_nominal_when_the_model_is_true():
    """On a series drawn from the fan's own model (AR(1) around a linear trend, normal shocks), the bands cover
    about their nominal share over many origins; doubling the volatility scale covers far more."""
    ctx = _synthetic_context(100, phi=0.6, sigma=1.0, seed=7)
    r = bt.backtest_fan(["X"], min_years=40, n_paths=2000, context=ctx)
    s = r.summary(["series"]).iloc[0]
    assert s["n"] == 60 * 5 - (1 + 2 + 3 + 4)          # origins 1939–1998; the last ones lack later outturns
    assert 40 <= s["coverage_50"] <= 60
    assert 83 <= s["coverage_90"] <= 96
    wide = bt.backtest_fan(["X"], min_years=40, n_paths=2000, vol_scale=2.0, context=ctx).summary(["series"])
    assert float(wide["coverage_50"].iloc[0]) > 75      # P(|z| < 2 × 0.674) = 82 %


def test_band_edges_match_a_direct_statsmodels_fit():
    """Origin 2009 of China's real GDP: fit 2000–2009 by hand with statsmodels; with normal shocks the
    stationary band is centre ± z × sd / sqrt(1 − phi²)."""
    from statsmodels.tsa.arima.model import ARIMA

    ctx = load_context()
    rows = ctx[ctx["series"] == "CN_GDP_REAL_GROWTH"]
    rows = rows[rows["period"].astype(int) <= 2014]
    r = bt.backtest_fan(["CN_GDP_REAL_GROWTH"], n_paths=100_000, context=rows)
    f = r.to_frame()
    assert sorted(set(f["origin"])) == [2009, 2010, 2011, 2012, 2013]
    f = f[f["origin"] == 2009].set_index("horizon")
    hist = rows[rows["period"].astype(int) <= 2009].sort_values("period")
    y, years = hist["value"].to_numpy(float), hist["period"].astype(int).to_numpy()
    res = ARIMA(y, exog=(years - 2009).reshape(-1, 1), order=(1, 0, 0), trend="c").fit()
    const, slope, phi, sigma2 = res.params
    sd = np.sqrt(sigma2 / (1 - phi ** 2))
    z = {"p05": -1.6448536, "p25": -0.6744898, "p75": 0.6744898, "p95": 1.6448536}
    for h in range(1, 6):
        centre = const + slope * h
        assert f.loc[h, "centre"] == pytest.approx(centre, abs=1e-6)
        for col, q in z.items():
            assert f.loc[h, col] == pytest.approx(centre + q * sd, abs=0.03 * sd), (h, col)
    outturn = ctx.set_index("id").loc["s_cn_gdp_real_growth_2010", "value"]
    assert f.loc[1, "outturn"] == outturn
    assert f.loc[1, "inside_90"] == bool(abs(outturn - (const + slope)) <= 1.6448536 * sd)


def test_the_interval_of_no_case_inside_is_clopper_pearson():
    """k = 0 of n: the exact upper bound solves (1 − p)^n = 0.025, so p = 1 − 0.025^(1/n)."""
    r = bt.backtest_fan(["HN_GPB_REVENUE_GROWTH_DERIVED"], n_paths=500)
    s = r.summary(["series", "horizon"])
    none = s[s["inside_50"] == 0]
    assert not none.empty
    for x in none.itertuples():
        assert x.low_50 == 0
        assert x.high_50 == pytest.approx(100 * (1 - 0.025 ** (1 / x.n)))


def test_same_seed_same_frame_and_the_basis_of_each_series():
    a = bt.backtest_fan(["CN_GDP_REAL_GROWTH", "CN_GPB_REVENUE_GROWTH"], n_paths=300, seed=5)
    b = bt.backtest_fan(["CN_GDP_REAL_GROWTH", "CN_GPB_REVENUE_GROWTH"], n_paths=300, seed=5)
    pd.testing.assert_frame_equal(a.to_frame(), b.to_frame())
    other = bt.backtest_fan(["CN_GDP_REAL_GROWTH", "CN_GPB_REVENUE_GROWTH"], n_paths=300, seed=6).to_frame()
    assert not np.allclose(other["p95"], a.to_frame()["p95"])
    assert list(a.to_frame().columns) == list(bt.FRAME_COLUMNS)
    assert a.to_frame().groupby("series")["basis"].first().to_dict() == {
        "CN_GDP_REAL_GROWTH": "real", "CN_GPB_REVENUE_GROWTH": "nominal"}
    alone = bt.backtest_fan(["CN_GPB_REVENUE_GROWTH"], n_paths=300, seed=5).to_frame()
    pd.testing.assert_frame_equal(alone, a.to_frame().query("series == 'CN_GPB_REVENUE_GROWTH'")
                                  .reset_index(drop=True))


def test_a_series_too_short_is_skipped_with_its_years():
    r = bt.backtest_fan(["HN_IVA_ABOVE_SCALE_GROWTH"], n_paths=100)
    ctx = load_context()
    assert r.skipped == {"HN_IVA_ABOVE_SCALE_GROWTH": int((ctx["series"] == "HN_IVA_ABOVE_SCALE_GROWTH").sum())}
    assert r.to_frame().empty


@pytest.mark.parametrize(("kwargs", "error", "match"), [
    ({"series": "CN_GDP_REAL_GROWTH"}, TypeError, "series"),
    ({"min_years": 5}, ValueError, "min_years"),
    ({"horizons": 0}, ValueError, "horizons"),
    ({"vol_scale": 0}, ValueError, "vol_scale"),
    ({"n_paths": 0}, ValueError, "n_paths"),
    ({"series": ["NOPE"]}, ValueError, "unknown series 'NOPE'"),
])
def test_bad_inputs_name_the_argument(kwargs, error, match):
    with pytest.raises(error, match=match):
        bt.backtest_fan(**kwargs)


def test_exhibits_render_in_both_languages_and_print_the_coverage_measured():
    from ygx_analysis import exhibits
    from ygx_analysis.exhibits import fan_backtest as fb
    from ygx_analysis.exhibits.style import figure_texts, missing_glyphs

    r = bt.backtest_fan(["CN_GDP_REAL_GROWTH", "HN_GDP_REAL_GROWTH", "HN_IVA_ABOVE_SCALE_GROWTH"], n_paths=500)
    s = r.summary(["series"]).set_index("series")
    pooled_90 = 100 * r.to_frame()["inside_90"].mean()
    for lang in ("zh", "en"):
        table = exhibits.render("tab-fan-backtest", lang, backtest=r)
        assert len(table) == 2 + 1 + 1                    # two series, pooled, the short one
        assert table.iloc[:2, 6].tolist() == s["coverage_50"].round().tolist()
        assert table.iloc[:2, 9].tolist() == s["coverage_90"].round().tolist()
        assert table.iloc[2, 9] == round(pooled_90)
        fig = exhibits.render("fig-fan-backtest", lang, backtest=r)
        fig.canvas.draw()
        assert missing_glyphs(figure_texts(fig)) == []
        assert fig.get_figwidth() * 2.54 <= 16.0
        source = fig.texts[-1]
        sizes = [t.get_fontsize() for t in fig.findobj(lambda o: hasattr(o, "get_fontsize")) if t is not source]
        assert min(sizes) >= 8
        text = fb.reading(lang, r)
        assert f"{pooled_90:.0f}" in text and f"{s['coverage_90'].min():.0f}" in text


def test_row_lists_match_the_series_backtested():
    from ygx_analysis.exhibits import fan_backtest as fb
    from ygx_analysis.scenarios import benchmark_series

    ctx = load_context().set_index("id")
    rows = {r for name in bt.BACKTEST_SERIES for r in benchmark_series(name).attrs["row_ids"]}
    assert set(fb.BACKTEST_CONTEXT) == rows
    assert set(fb.BACKTEST_SOURCES) == set(ctx.loc[list(rows), "source_id"])
