"""A backtest of the fan's method on the history of China and Hunan, as central banks evaluate their fans.

For every series and every origin year *T* with at least :data:`MIN_YEARS` observed
years up to *T*, :func:`backtest_fan` fits the fan's model to the years up to *T* only
(:func:`~ygx_analysis.scenarios.calibration.fit_ar1`, linear detrending, the default of
the fan's calibration), fans *T* + 1 … *T* + :data:`HORIZONS` and records whether each
outturn lies inside the 50 % (P25–P75) and 90 % (P5–P95) bands.

The fan at each origin is the package's fan for one growth indicator without a driver
(:mod:`~ygx_analysis.scenarios.montecarlo`)::

    g[T+h] = centre[h] + vol_scale * stationary_sd * e[h],   h = 1 … HORIZONS
    e = ar1_deviations(student_shocks(...), phi)             # unit-variance stationary AR(1)

The fan's centre is a scenario path (a judgement no history can test); here the centre is
the fitted trend line carried forward, ``intercept + trend * h``. Like the fan, the shock
starts from its stationary distribution, not from the deviation of year *T*. Growth is
floored at :data:`~ygx_analysis.scenarios.results.GROWTH_FLOOR_PCT`, as in the fan. Each
origin draws its own numbers from ``default_rng([seed, T])``, so a series' result does not
depend on which other series are run.

The basis of each series (real: comparable prices; nominal: current prices) is the
``basis`` column of its ``context.csv`` rows. Outturns overlap: the five horizons of one
origin and the horizon-*h* cases of neighbouring origins share years, so the cases are not
independent and the binomial interval of :meth:`BacktestResult.summary` is, if anything,
too narrow.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..data.tables import load_context
from .calibration import DEFAULT_DETREND, benchmark_series, fit_ar1
from .montecarlo import DEFAULT_SEED, ar1_deviations, check_n_paths, check_seed, student_shocks
from .results import GROWTH_FLOOR_PCT

__all__ = ["BACKTEST_SERIES", "BANDS", "CONFIDENCE", "FRAME_COLUMNS", "HORIZONS", "MIN_YEARS", "PATHS",
           "BacktestResult", "backtest_fan"]

BACKTEST_SERIES = ("CN_GDP_REAL_GROWTH", "HN_GDP_REAL_GROWTH", "CN_IVA_ABOVE_SCALE_GROWTH",
                   "HN_IVA_ABOVE_SCALE_GROWTH", "CN_GPB_REVENUE_GROWTH", "HN_GPB_REVENUE_GROWTH_DERIVED")
"""The long annual series of ``context.csv``: China's and Hunan's real GDP, above-scale industrial value added
and general budget revenue growth (Hunan's derived from its levels)."""

MIN_YEARS = 10
"""Observed years up to the origin needed to fit: the fit has four parameters (level, trend, phi, sd);
:func:`~ygx_analysis.scenarios.calibration.fit_ar1` refuses fewer than 8."""

HORIZONS = 5
"""Years fanned from each origin, as the fan's 2026–2030."""

BANDS = {50: (25.0, 75.0), 90: (5.0, 95.0)}
"""Band (per cent) → its percentiles: the fan's P25–P75 and P5–P95."""

PATHS = 4_000
"""Paths per origin (the Monte Carlo error of a band edge is about 1 % of the 90 % band's width, 2 % of the
50 % band's)."""

CONFIDENCE = 0.95
"""Confidence of the Clopper–Pearson interval of a coverage."""

FRAME_COLUMNS = ("series", "basis", "origin", "horizon", "year", "outturn", "centre", "p05", "p25", "p75", "p95",
                 "inside_50", "inside_90", "n_obs", "phi", "stationary_sd")


@dataclass(frozen=True)
class BacktestResult:
    """The backtest: one row per series, origin and horizon with an outturn (:meth:`to_frame`).

    Attributes
    ----------
    cases : DataFrame
        Columns :data:`FRAME_COLUMNS`.
    skipped : dict of str to int
        Series with no origin of :data:`MIN_YEARS` observed years and a later outturn → its observed years.
    settings : dict
        ``min_years, horizons, vol_scale, t_df, n_paths, seed, detrend`` and ``fit_warnings`` (warnings
        statsmodels gave over all fits, such as a non-convergence on a short sample).
    row_ids : tuple of str
        The ``context.csv`` rows of the series backtested.
    """

    cases: pd.DataFrame
    skipped: dict[str, int]
    settings: dict[str, object]
    row_ids: tuple[str, ...] = field(default=())

    def to_frame(self) -> pd.DataFrame:
        """One row per series, origin and horizon: outturn, centre, band edges, inside_50 and inside_90."""
        return self.cases.copy()

    def summary(self, by: Sequence[str] = ("series", "horizon")) -> pd.DataFrame:
        """Coverage of each band by ``by`` (columns of :meth:`to_frame`), with the count of cases.

        Columns ``*by, basis, n, mean_error, inside_50, coverage_50, low_50, high_50, inside_90, …``:
        ``mean_error`` is the mean of outturn minus centre (pp), ``inside_b``
        counts the outturns inside the b % band, ``coverage_b`` is their share (%), ``low_b``–``high_b``
        the Clopper–Pearson interval (:data:`CONFIDENCE`) of a binomial share of ``n`` independent cases
        (the cases overlap, so the true uncertainty is wider).

        Examples
        --------
        >>> r = backtest_fan(["CN_GDP_REAL_GROWTH"], n_paths=500)
        >>> s = r.summary(["series"])
        >>> int(s["n"].iloc[0]) == len(r.to_frame())
        True
        """
        from statsmodels.stats.proportion import proportion_confint

        by = [by] if isinstance(by, str) else list(by)
        for c in (c for c in by if c not in self.cases.columns):
            raise ValueError(f"by: unknown column {c!r}; expected columns of to_frame()")
        rows = []
        for key, g in self.cases.groupby(by, sort=False):
            row = dict(zip(by, key if isinstance(key, tuple) else (key,), strict=True))
            row |= {"basis": g["basis"].iloc[0] if g["basis"].nunique() == 1 else "", "n": len(g),
                    "mean_error": float((g["outturn"] - g["centre"]).mean())}
            for b in BANDS:
                k = int(g[f"inside_{b}"].sum())
                low, high = proportion_confint(k, len(g), alpha=1 - CONFIDENCE, method="beta")
                row |= {f"inside_{b}": k, f"coverage_{b}": 100 * k / len(g), f"low_{b}": 100 * float(low),
                        f"high_{b}": 100 * float(high)}
            rows.append(row)
        return pd.DataFrame(rows)


def _basis(context: pd.DataFrame, series: str) -> str:
    bases = set(context.loc[context["series"] == series, "basis"])
    if len(bases) != 1:
        raise ValueError(f"context.csv: series {series!r} has rows of several bases ({', '.join(sorted(bases))})")
    return bases.pop()


def _fit(values: pd.Series, name: str):
    """:func:`fit_ar1` of the fan's calibration; a non-convergence warning of statsmodels is not an error here
    (a short early sample), so it is counted in the result rather than raised."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fit = fit_ar1(values, detrend=DEFAULT_DETREND, series=name)
    return fit, len(caught)


def _origin_cases(values: pd.Series, origin: int, horizons: int, vol_scale: float, t_df: float | None,
                  n_paths: int, seed: int, name: str) -> tuple[list[dict], int]:
    fit, n_warned = _fit(values.loc[:origin], name)
    h = np.arange(1, horizons + 1)
    centre = float(fit.params["intercept"]) + float(fit.params.get("trend", 0.0)) * h
    rng = np.random.default_rng([seed, origin])
    e = ar1_deviations(student_shocks(rng, (horizons, n_paths), t_df), fit.phi, axis=0)
    g = np.maximum(centre[:, np.newaxis] + vol_scale * fit.stationary_sd * e, GROWTH_FLOOR_PCT)
    q = {p: np.percentile(g, p, axis=1) for edges in BANDS.values() for p in edges}
    rows = []
    for k, year in enumerate(origin + h):
        outturn = float(values.get(year, np.nan))
        if not np.isfinite(outturn):
            continue
        row = {"origin": origin, "horizon": int(h[k]), "year": int(year), "outturn": outturn,
               "centre": float(centre[k]), **{f"p{p:02.0f}": float(q[p][k]) for p in q}}
        for b, (lo, hi) in BANDS.items():
            row[f"inside_{b}"] = bool(q[lo][k] <= outturn <= q[hi][k])
        rows.append(row | {"n_obs": fit.n_obs, "phi": fit.phi, "stationary_sd": fit.stationary_sd})
    return rows, n_warned


def backtest_fan(series: Sequence[str] = BACKTEST_SERIES, *, min_years: int = MIN_YEARS, horizons: int = HORIZONS,
                 vol_scale: float = 1.0, t_df: float | None = None, n_paths: int = PATHS,
                 seed: int = DEFAULT_SEED, context: pd.DataFrame | None = None) -> BacktestResult:
    """Fit on the years up to each origin, fan the next ``horizons`` years, and check the outturns.

    Parameters
    ----------
    series : sequence of str
        Annual growth series of ``context.csv`` (default :data:`BACKTEST_SERIES`).
    min_years : int
        Observed years up to an origin needed to fit there (at least 8).
    horizons : int
        Years fanned from each origin.
    vol_scale : float
        The band's sd as a multiple of the fitted stationary sd. The fan's own scale (1.5) carries a
        national series to the zone; fanning a series on its own history, the same method uses 1.
    t_df : float or None
        Degrees of freedom of the Student-t shocks (the fan's ``[model] t_df``); None: normal shocks.
    n_paths, seed : int
        Paths per origin and the seed.
    context : DataFrame, optional
        Output of :func:`~ygx_analysis.data.tables.load_context`; loaded when omitted.

    Returns
    -------
    BacktestResult

    Examples
    --------
    >>> r = backtest_fan(["CN_GDP_REAL_GROWTH"], n_paths=500)
    >>> f = r.to_frame()
    >>> int(f["origin"].min()), int(f["year"].max()), f["basis"].iloc[0]
    (2009, 2025, 'real')
    >>> bool((f["p05"] < f["p25"]).all() and (f["p75"] < f["p95"]).all())
    True
    """
    if isinstance(series, str):
        raise TypeError("series: expected a sequence of strings, not a string")
    if isinstance(min_years, bool) or not isinstance(min_years, int) or min_years < 8:
        raise ValueError("min_years: must be a whole number of at least 8")
    if isinstance(horizons, bool) or not isinstance(horizons, int) or horizons < 1:
        raise ValueError("horizons: must be a whole number of at least 1")
    if isinstance(vol_scale, bool) or not isinstance(vol_scale, (int, float)) or not vol_scale > 0:
        raise ValueError("vol_scale: must be a positive number")
    n_paths, seed = check_n_paths(n_paths), check_seed(seed)
    ctx = load_context() if context is None else context
    rows, skipped, row_ids, n_warned = [], {}, [], 0
    for name in series:
        values = benchmark_series(name, ctx)
        basis, observed = _basis(ctx, name), values.notna().cumsum()
        origins = [int(t) for t in values.index if observed[t] >= min_years and t < values.index[-1]]
        if not origins:
            skipped[name] = int(observed.iloc[-1])
            continue
        row_ids += values.attrs["row_ids"]
        for t in origins:
            cases, warned = _origin_cases(values, t, horizons, float(vol_scale), t_df, n_paths, seed, name)
            rows += [{"series": name, "basis": basis} | c for c in cases]
            n_warned += warned
    cases = pd.DataFrame(rows, columns=list(FRAME_COLUMNS))
    settings = {"min_years": min_years, "horizons": horizons, "vol_scale": float(vol_scale), "t_df": t_df,
                "n_paths": n_paths, "seed": seed, "detrend": DEFAULT_DETREND, "fit_warnings": n_warned}
    return BacktestResult(cases, skipped, settings, tuple(row_ids))
