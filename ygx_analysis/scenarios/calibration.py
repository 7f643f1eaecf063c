"""Calibration of the fan's persistence: an AR(1) fitted to a long national growth series with statsmodels.

:func:`fit_ar1` fits an AR(1) to the deviations of a growth series from its
mean (``detrend='mean'``) or from a linear trend (``detrend='linear'``, the
default) with statsmodels' ``ARIMA`` (regression with AR(1) errors, exact
likelihood by the Kalman filter). The Kalman filter skips a missing year (China's
above-scale value added series has no 2005 value), so the whole 2000–2025 span
is used, where ``AutoReg`` would need a gap-free stretch and lose half the
sample. The linear trend is the default because Chinese growth fell from the
mid-teens to about five per cent over the sample; deviations from the sample
mean mistake that slowdown for persistence (phi near 0.8), while the scenario
paths already carry the slowdown through their glide. statsmodels is imported
inside :func:`fit_ar1` only, so importing this module stays light.

:meth:`ScenarioModel.calibrate <ygx_analysis.scenarios.ScenarioModel.calibrate>` fits
the benchmark series of the data folder a scenario file was loaded with.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..data.tables import load_context
from .parameters import own_shock_sd

__all__ = ["COMPARISON_SERIES", "DEFAULT_DETREND", "DEFAULT_SERIES", "DETRENDS", "VOLATILITY_RATIOS", "AR1Fit",
           "ModelCalibration", "benchmark_series", "calibrate_model", "calibration_table", "fit_ar1", "fit_benchmark",
           "volatility_ratios", "window_fits"]

DEFAULT_SERIES = "CN_IVA_ABOVE_SCALE_GROWTH"
"""The benchmark series in ``context.csv``: China's above-scale industrial value added growth, 2000–2025."""

DETRENDS = ("linear", "mean")
DEFAULT_DETREND = "linear"

COMPARISON_SERIES = ("HN_GDP_REAL_GROWTH", "CN_GDP_REAL_GROWTH")
"""Hunan's and China's real GDP growth: the ratio of their stationary sds is the one data point on how
much more a smaller economy moves (shown beside the calibration, not used by the fan)."""

VOLATILITY_RATIOS = ("stationary_sd", "innovation_sd", "first_differences", "above_scale_va")
"""The four measures of how much Hunan's growth moves against China's (:func:`volatility_ratios`)."""
_IVA_PAIR = ("HN_IVA_ABOVE_SCALE_GROWTH", "CN_IVA_ABOVE_SCALE_GROWTH")


def benchmark_series(series: str = DEFAULT_SERIES, context: pd.DataFrame | None = None) -> pd.Series:
    """A long annual series from ``context.csv``, one value per year, missing years as NaN.

    Parameters
    ----------
    series : str
        Value of the ``series`` column, e.g. ``'CN_IVA_ABOVE_SCALE_GROWTH'``.
    context : DataFrame, optional
        Output of :func:`~ygx_analysis.data.tables.load_context`; loaded when omitted.

    Returns
    -------
    Series
        Indexed by year (int), named ``series``; ``attrs['row_ids']`` lists the rows used.

    Examples
    --------
    >>> s = benchmark_series()
    >>> s.index[0], s.index[-1], int(s.isna().sum())
    (2000, 2025, 1)
    >>> bool(np.isnan(s.loc[2005]))
    True
    """
    if not isinstance(series, str):
        raise TypeError(f"series: expected a string, got {type(series).__name__}")
    ctx = load_context() if context is None else context
    rows = ctx[ctx["series"] == series]
    if rows.empty:
        known = sorted(s for s in ctx["series"].unique() if s)
        raise ValueError(f"series: unknown series {series!r}; expected one of {', '.join(known)}")
    if not rows["period"].str.fullmatch(r"\d{4}").all():
        raise ValueError(f"series: {series!r} is not an annual series")
    years = rows["period"].astype(int)
    values = pd.Series(rows["value"].to_numpy(dtype=float), index=years.to_numpy(), name=series)
    values = values.sort_index().reindex(range(int(years.min()), int(years.max()) + 1))
    values.index.name = "year"
    values.attrs["row_ids"] = tuple(rows.sort_values("period")["id"])
    return values


@dataclass(frozen=True)
class AR1Fit:
    """An AR(1) fitted to growth deviations: parameters, standard errors and fit statistics.

    ``params`` and ``bse`` are indexed by ``intercept`` (the mean, or the trend
    line's value in the last year), ``trend`` (pp a year; linear detrending only),
    ``phi`` and ``sigma2`` (innovation variance).
    """

    series: str
    detrend: str
    first_year: int
    last_year: int
    n_obs: int
    n_missing: int
    params: pd.Series
    bse: pd.Series
    loglike: float
    aic: float
    row_ids: tuple[str, ...] = ()
    model_summary: str = field(default="", repr=False)

    phi = property(lambda self: float(self.params["phi"]),
                   doc="The AR(1) coefficient: correlation of deviations one year apart.")
    sigma = property(lambda self: float(np.sqrt(self.params["sigma2"])), doc="Innovation standard deviation (pp).")
    stationary_sd = property(lambda self: self.sigma / float(np.sqrt(1 - self.phi ** 2)),
                             doc="Standard deviation of the deviations themselves: ``sigma / sqrt(1 - phi**2)`` (pp).")

    def to_frame(self) -> pd.DataFrame:
        """One row per parameter: estimate, standard error and 95 % interval (normal)."""
        z = 1.959963984540054
        frame = pd.DataFrame({"parameter": self.params.index, "estimate": self.params.to_numpy(),
                              "std_err": self.bse.to_numpy()})
        frame["ci_low"] = frame["estimate"] - z * frame["std_err"]
        frame["ci_high"] = frame["estimate"] + z * frame["std_err"]
        return frame

    def summary(self) -> str:
        """A plain-text summary of the fit."""
        return "\n".join([
            f"AR(1) on {self.series or 'series'} growth deviations ({self.detrend} detrending)",
            f"years {self.first_year}-{self.last_year}: {self.n_obs} observations, "
            f"{self.n_missing} missing (skipped by the Kalman filter)",
            f"log-likelihood {self.loglike:.3f}, AIC {self.aic:.3f}", "",
            self.to_frame().round(4).to_string(index=False), "",
            f"phi = {self.phi:.3f}; innovation sd = {self.sigma:.3f} pp; stationary sd = {self.stationary_sd:.3f} pp"])


def fit_ar1(values: Any, years: Any = None, *, detrend: str = DEFAULT_DETREND, series: str = "") -> AR1Fit:
    """Fit an AR(1) to the deviations of a growth series from its mean or a linear trend.

    The model is ``y_t = a + b * (year_t - last_year) + u_t`` with
    ``u_t = phi * u_{t-1} + eps_t`` (``b = 0`` for ``detrend='mean'``), fitted
    by exact maximum likelihood with ``statsmodels.tsa.arima.model.ARIMA``.
    Missing values (NaN) are skipped by the Kalman filter.

    Parameters
    ----------
    values : array_like or Series
        Annual growth rates, per cent, one per consecutive year; NaN for a missing year.
    years : array_like, optional
        The years; taken from the index of a Series, else ``0 … n-1``.
    detrend : {'linear', 'mean'}
    series : str
        Name recorded in the result.

    Returns
    -------
    AR1Fit

    Examples
    --------
    >>> fit = fit_ar1(benchmark_series(), detrend="mean", series="CN_IVA_ABOVE_SCALE_GROWTH")
    >>> fit.n_obs, fit.n_missing
    (25, 1)
    >>> 0.5 < fit.phi < 1
    True
    """
    if not isinstance(detrend, str):
        raise TypeError(f"detrend: expected a string, got {type(detrend).__name__}")
    if detrend not in DETRENDS:
        raise ValueError(f"detrend: unknown detrending {detrend!r}; expected one of {', '.join(DETRENDS)}")
    y = np.asarray(values, dtype=float)
    if y.ndim != 1:
        raise ValueError("values: must be one-dimensional")
    if years is None:
        years = values.index.to_numpy() if isinstance(values, pd.Series) else np.arange(y.size)
    yrs = np.asarray(years, dtype=float)
    if yrs.shape != y.shape:
        raise ValueError("years: must have one entry per value")
    if y.size and np.any(np.diff(yrs) != 1):
        raise ValueError("years: must be consecutive (use NaN for a missing year)")
    n_obs = int(np.isfinite(y).sum())
    if n_obs < 8:
        raise ValueError(f"values: need at least 8 observed years, got {n_obs}")

    from statsmodels.tsa.arima.model import ARIMA

    exog = (yrs - yrs[-1]).reshape(-1, 1) if detrend == "linear" else None
    model = ARIMA(y, exog=exog, order=(1, 0, 0), trend="c")
    result = model.fit()
    names = {"const": "intercept", "x1": "trend", "ar.L1": "phi", "sigma2": "sigma2"}
    params = pd.Series(result.params, index=model.param_names).rename(index=names)
    bse = pd.Series(result.bse, index=model.param_names).rename(index=names)
    return AR1Fit(series=series, detrend=detrend, first_year=int(yrs[0]), last_year=int(yrs[-1]),
                  n_obs=n_obs, n_missing=int(y.size - n_obs), params=params, bse=bse,
                  loglike=float(result.llf), aic=float(result.aic),
                  row_ids=tuple(values.attrs.get("row_ids", ())) if isinstance(values, pd.Series) else (),
                  model_summary=str(result.summary()))


def fit_benchmark(series: str = DEFAULT_SERIES, detrend: str = DEFAULT_DETREND,
                  context: pd.DataFrame | None = None) -> AR1Fit:
    """:func:`fit_ar1` on a series of ``context.csv`` (default: China's above-scale value added growth)."""
    return fit_ar1(benchmark_series(series, context), detrend=detrend, series=series)


def calibration_table(series: Sequence[str] = (DEFAULT_SERIES,), detrends: Sequence[str] = DETRENDS,
                      context: pd.DataFrame | None = None) -> pd.DataFrame:
    """AR(1) fits of several series and detrendings side by side.

    Returns
    -------
    DataFrame
        ``series, detrend, first_year, last_year, n_obs, n_missing, phi, phi_se,
        sigma, stationary_sd, aic``.
    """
    if isinstance(series, str) or isinstance(detrends, str):
        raise TypeError("series, detrends: expected sequences of strings, not a string")
    ctx = load_context() if context is None else context
    rows = []
    for name in series:
        values = benchmark_series(name, ctx)
        for d in detrends:
            f = fit_ar1(values, detrend=d, series=name)
            rows.append({"series": name, "detrend": d, "first_year": f.first_year, "last_year": f.last_year,
                         "n_obs": f.n_obs, "n_missing": f.n_missing, "phi": f.phi, "phi_se": float(f.bse["phi"]),
                         "sigma": f.sigma, "stationary_sd": f.stationary_sd, "aic": f.aic})
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class ModelCalibration:
    """The shock of every growth indicator of the joint model: its AR(1) fit, scale and size.

    Build it with :func:`calibrate_model`. For an indicator without a driver the
    shock's sd is ``vol_scale × stationary_sd`` of its series; for one with a
    driver, the part of the series' variance that the driver explains through
    the elasticity is taken out: ``vol_scale × sqrt(max(0, sd² − e² × sd_driver²))``,
    so that the indicator's total sd stays ``vol_scale × sd`` of its series.

    Attributes
    ----------
    fits : mapping of str to AR1Fit
        By indicator.
    vol_scale : float
    drivers : mapping of str to str
        Driven indicator → its driver.
    elasticity : mapping of str to float
        Driven indicator → the elasticity in use.
    comparison : mapping of str to AR1Fit
        Fits of :data:`COMPARISON_SERIES` (Hunan and China real GDP), for the stated volatility ratio.
    """

    fits: dict[str, AR1Fit]
    vol_scale: float
    drivers: dict[str, str]
    elasticity: dict[str, float]
    comparison: dict[str, AR1Fit] = field(default_factory=dict)

    def phi(self, indicator: str) -> float:
        """The persistence of ``indicator``'s shock."""
        return self.fits[indicator].phi

    def shock_sd(self, indicator: str) -> float:
        """The stationary sd (pp) of ``indicator``'s own shock, scaled to the zone."""
        driver = self.drivers.get(indicator)
        return float(own_shock_sd(self.fits[indicator].stationary_sd, self.vol_scale,
                                  self.elasticity[indicator] if driver else 0.0,
                                  self.fits[driver].stationary_sd if driver else 0.0))

    def to_frame(self) -> pd.DataFrame:
        """One row per growth indicator: series, fit, standard errors, scale and the shock in use.

        Columns ``indicator, series, years, n_obs, phi, phi_se, sigma, sigma_se,
        stationary_sd, vol_scale, driver, elasticity, shock_sd``; ``sigma_se`` is
        the delta-method standard error of the innovation sd.
        """
        rows = []
        for ind, f in self.fits.items():
            sigma_se = float(f.bse["sigma2"]) / (2 * f.sigma)
            rows.append({"indicator": ind, "series": f.series, "years": f"{f.first_year}–{f.last_year}",
                         "n_obs": f.n_obs, "phi": f.phi, "phi_se": float(f.bse["phi"]), "sigma": f.sigma,
                         "sigma_se": sigma_se, "stationary_sd": f.stationary_sd, "vol_scale": self.vol_scale,
                         "driver": self.drivers.get(ind, ""), "elasticity": self.elasticity.get(ind, np.nan),
                         "shock_sd": self.shock_sd(ind)})
        return pd.DataFrame(rows)


def calibrate_model(series: dict[str, str], drivers: dict[str, str], elasticity: dict[str, float],
                    vol_scale: float, context: pd.DataFrame | None = None,
                    fits: dict[str, AR1Fit] | None = None) -> ModelCalibration:
    """Fit the AR(1) of every growth indicator's series (linear detrending) and scale it to the zone.

    Parameters
    ----------
    series : dict of str to str
        Growth indicator → its series in ``context.csv``.
    drivers, elasticity : dict
        Driven indicator → its driver, and → the elasticity.
    vol_scale : float
        The zone's volatility as a multiple of the series' (positive).
    context : DataFrame, optional
        Output of :func:`~ygx_analysis.data.tables.load_context`; loaded when omitted.
    fits : dict of str to AR1Fit, optional
        Fits already made, by series name (reused instead of refitting).

    Examples
    --------
    >>> cal = calibrate_model({"gross_output": "CN_IVA_ABOVE_SCALE_GROWTH"}, {}, {}, 1.5)
    >>> round(cal.shock_sd("gross_output") / cal.fits["gross_output"].stationary_sd, 6)
    1.5
    """
    if isinstance(vol_scale, bool) or not isinstance(vol_scale, (int, float)):
        raise TypeError(f"vol_scale: expected a number, got {type(vol_scale).__name__}")
    if not np.isfinite(vol_scale) or vol_scale <= 0:
        raise ValueError("vol_scale: must be a positive number")
    ctx = load_context() if context is None else context
    cache = dict(fits or {})

    def fit(name: str) -> AR1Fit:
        if name not in cache:
            cache[name] = fit_benchmark(name, DEFAULT_DETREND, ctx)
        return cache[name]

    by_indicator = {ind: fit(name) for ind, name in series.items()}
    comparison = {name: fit(name) for name in COMPARISON_SERIES if (ctx["series"] == name).any()}
    return ModelCalibration(by_indicator, float(vol_scale), dict(drivers), dict(elasticity), comparison)


def window_fits(series: Sequence[str], context: pd.DataFrame | None = None, first_year: int | None = None,
                drop_rows: Sequence[str] = ()) -> dict[str, AR1Fit]:
    """:func:`fit_ar1` (linear detrending) of each series from ``first_year`` on, the years of ``drop_rows``
    (row ids: series breaks) left out as missing (the Kalman filter skips them); by series name.

    Examples
    --------
    >>> f = window_fits(["CN_GPB_REVENUE_GROWTH"], drop_rows=["s_cn_gpb_revenue_growth_2011"])
    >>> f["CN_GPB_REVENUE_GROWTH"].n_missing
    1
    """
    ctx = load_context() if context is None else context
    out = {}
    for name in dict.fromkeys(series):
        values = benchmark_series(name, ctx)
        rows = values.attrs["row_ids"]
        years = [int(ctx.loc[ctx["id"] == r, "period"].item()) for r in drop_rows if r in rows]
        values = values.loc[first_year or values.index[0]:].copy()
        values.loc[[y for y in years if y in values.index]] = np.nan
        values.attrs["row_ids"] = tuple(r for r in rows if r not in drop_rows)
        out[name] = fit_ar1(values, series=name)
    return out


def volatility_ratios(context: pd.DataFrame | None = None) -> pd.Series:
    """How much Hunan's growth moves against China's, four ways (:data:`VOLATILITY_RATIOS`), from the series rows.

    ``stationary_sd`` and ``innovation_sd``: the AR(1) fits (linear detrending) of real GDP growth
    (:data:`COMPARISON_SERIES`), ``sigma / sqrt(1 - phi²)`` and ``sigma``; ``first_differences``: the sd of the
    year-on-year change in real GDP growth; ``above_scale_va``: the sd of above-scale industrial value added
    growth over the years both series have. Hunan's over China's; ``attrs['row_ids']`` lists the rows.

    Examples
    --------
    >>> r = volatility_ratios()
    >>> bool(r["innovation_sd"] < 1 < r["stationary_sd"])
    True
    """
    ctx = load_context() if context is None else context
    (hn, cn), (hi, ci) = ([benchmark_series(n, ctx) for n in pair] for pair in (COMPARISON_SERIES, _IVA_PAIR))
    fh, fc = fit_ar1(hn), fit_ar1(cn)
    shared = hi.dropna().index.intersection(ci.dropna().index)
    out = pd.Series({"stationary_sd": fh.stationary_sd / fc.stationary_sd, "innovation_sd": fh.sigma / fc.sigma,
                     "first_differences": float(hn.diff().std() / cn.diff().std()),
                     "above_scale_va": float(hi.loc[shared].std() / ci.loc[shared].std())})
    out.attrs["row_ids"] = hn.attrs["row_ids"] + cn.attrs["row_ids"] + tuple(
        r for s in (hi, ci) for r in s.attrs["row_ids"] if int(r[-4:]) in shared)
    out.attrs["shared_years"] = tuple(int(y) for y in shared)
    return out
