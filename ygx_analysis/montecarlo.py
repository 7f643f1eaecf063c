"""Monte Carlo fans around the 十五五 scenario paths, with persistence from an AR(1) fit.

The model
---------
For indicator *i* under scenario *s*, growth in projected year *t* is the
scenario's deterministic rate plus a deviation::

    g[s, i, t] = m[s, i, t] + sd[s, i] * e[i, t]
    e[i, 1] = z[i, 1]
    e[i, t] = phi * e[i, t-1] + sqrt(1 - phi**2) * z[i, t]      z ~ N(0, 1) iid

``e`` is a stationary AR(1) with unit variance, so **the TOML ``sd_pct`` is the
standard deviation of every single year's growth** around the path, and
**``phi`` only sets how a good or bad year carries into the next**: the
correlation of deviations one year apart. The fitted innovation variance of
the benchmark series is not used as the scale: a national series moves less
than a zone of a few hundred firms, so the scale is the zone-level judgement in
the TOML and only the persistence is borrowed from the long series. (With
``phi > 0`` the five-year level fan is wider than with independent years; with
``phi = 0`` every year's growth is an independent normal.)

Levels compound from the 2025 jump-off level. When ``jumpoff_uncertainty`` is on
(the default) each path also draws its 2025 level: the H1 share (gross output,
value added) or the 2025 growth (fiscal revenue) from a triangular distribution
between the assumption's ``low`` and ``high`` in the TOML, peaking at its
``default``.

The deviations ``e`` are shared by all scenarios (common random numbers): two
scenarios differ only by their assumptions, and running one scenario alone gives
the same numbers as running it with the others. Indicators get independent
shocks (the correlation between, say, revenue and output is not modelled, so do
not add quantiles across indicators).

Calibration
-----------
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
inside :func:`fit_ar1` only.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import growth
from .data import load_context
from .scenarios import BASE_YEAR, ScenarioSet, _scenario_names, _spec, jumpoff, target_levels

DEFAULT_SERIES = "CN_IVA_ABOVE_SCALE_GROWTH"
"""The benchmark series in ``context.csv``: China's above-scale industrial value added growth, 2000–2025."""

DETRENDS = ("linear", "mean")
DEFAULT_DETREND = "linear"
DEFAULT_PATHS = 20_000
DEFAULT_SEED = 2026
QUANTILES = (0.05, 0.25, 0.50, 0.75, 0.95)
QUANTILE_COLUMNS = ("p05", "p25", "p50", "p75", "p95")
MEASURES = ("level", "growth_pct")


# ---------------------------------------------------------------------------
# calibration
# ---------------------------------------------------------------------------

def benchmark_series(series: str = DEFAULT_SERIES, context: pd.DataFrame | None = None) -> pd.Series:
    """A long annual series from ``context.csv``, one value per year, missing years as NaN.

    Parameters
    ----------
    series : str
        Value of the ``series`` column, e.g. ``'CN_IVA_ABOVE_SCALE_GROWTH'``.
    context : DataFrame, optional
        Output of :func:`~ygx_analysis.data.load_context`; loaded when omitted.

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

    @property
    def phi(self) -> float:
        """The AR(1) coefficient: correlation of deviations one year apart."""
        return float(self.params["phi"])

    @property
    def sigma(self) -> float:
        """Innovation standard deviation (pp)."""
        return float(np.sqrt(self.params["sigma2"]))

    @property
    def stationary_sd(self) -> float:
        """Standard deviation of the deviations themselves: ``sigma / sqrt(1 - phi**2)`` (pp)."""
        return self.sigma / float(np.sqrt(1 - self.phi ** 2))

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
        lines = [
            f"AR(1) on {self.series or 'series'} growth deviations ({self.detrend} detrending)",
            f"years {self.first_year}-{self.last_year}: {self.n_obs} observations, "
            f"{self.n_missing} missing (skipped by the Kalman filter)",
            f"log-likelihood {self.loglike:.3f}, AIC {self.aic:.3f}",
            "",
            self.to_frame().round(4).to_string(index=False),
            "",
            f"phi = {self.phi:.3f}; innovation sd = {self.sigma:.3f} pp; "
            f"stationary sd = {self.stationary_sd:.3f} pp",
        ]
        return "\n".join(lines)


def fit_ar1(values, years=None, *, detrend: str = DEFAULT_DETREND, series: str = "") -> AR1Fit:
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
    ctx = load_context() if context is None else context
    rows = []
    for name in series:
        values = benchmark_series(name, ctx)
        for d in detrends:
            f = fit_ar1(values, detrend=d, series=name)
            rows.append({"series": name, "detrend": d, "first_year": f.first_year, "last_year": f.last_year,
                         "n_obs": f.n_obs, "n_missing": f.n_missing, "phi": f.phi,
                         "phi_se": float(f.bse["phi"]), "sigma": f.sigma,
                         "stationary_sd": f.stationary_sd, "aic": f.aic})
    return pd.DataFrame(rows)


# ---------------------------------------------------------------------------
# simulation
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class FanInputs:
    """Everything :func:`simulate` needs, as arrays: built once from a scenario file by :func:`fan_inputs`."""

    scenarios: tuple[str, ...]
    indicators: tuple[str, ...]
    years: tuple[int, ...]
    mean_pct: np.ndarray          # (scenarios, indicators, years) deterministic growth
    sd_pct: np.ndarray            # (scenarios, indicators)
    level_2025: np.ndarray        # (indicators,) jump-off level under the default assumption
    methods: tuple[str, ...]      # per indicator: 'grow_2024' or 'annualize_h1'
    base_levels: np.ndarray       # per indicator: the 2024 level or the 2025H1 level
    assumption_default: np.ndarray  # per indicator: the 2025 assumption's default (the mode of its draws)
    assumption_low: np.ndarray    # per indicator: low end of the 2025 assumption
    assumption_high: np.ndarray   # per indicator: high end
    targets: pd.DataFrame         # output of scenarios.target_levels


def fan_inputs(spec: ScenarioSet | str | os.PathLike[str] | None = None,
               scenarios: Sequence[str] | str | None = None) -> FanInputs:
    """Collect the arrays :func:`simulate` works on (reads the data files once)."""
    spec = _spec(spec)
    names = tuple(_scenario_names(spec, scenarios))
    inds = tuple(spec.indicators)
    from .scenarios import glide_path
    from .data import load_indicators

    n = len(spec.years)
    mean = np.empty((len(names), len(inds), n))
    sd = np.empty((len(names), len(inds)))
    for a, sname in enumerate(names):
        for b, iname in enumerate(inds):
            p = spec.scenarios[sname].paths[iname]
            mean[a, b] = glide_path(p.start_growth_pct, p.end_growth_pct, n, p.glide)
            sd[a, b] = p.sd_pct
    ind_frame = load_indicators().set_index("id")
    j = jumpoff(spec)
    start = j[j["year"] == BASE_YEAR].set_index("indicator")["value"]
    specs = [spec.indicators[i] for i in inds]
    base = [float(ind_frame.loc[s.level_row if s.method == "grow_2024" else s.h1_row, "value"]) for s in specs]
    return FanInputs(
        scenarios=names, indicators=inds, years=spec.years, mean_pct=mean, sd_pct=sd,
        level_2025=start.loc[list(inds)].to_numpy(dtype=float), methods=tuple(s.method for s in specs),
        base_levels=np.array(base), assumption_default=np.array([s.assumption.default for s in specs]),
        assumption_low=np.array([s.assumption.low for s in specs]),
        assumption_high=np.array([s.assumption.high for s in specs]), targets=target_levels(spec),
    )


def compound(level, rates_pct, axis: int = -1, out: np.ndarray | None = None) -> np.ndarray:
    """Levels after each year of growth, for many paths at once.

    ``level * cumprod(1 + rates_pct / 100, axis)``: the
    per-path form of :func:`ygx_analysis.growth.project_path`, which takes one
    sequence of rates; here every path has its own, with the years along
    ``axis`` (the last by default). The loop runs over the years only.

    Parameters
    ----------
    level : float or array_like
        Starting levels, shaped like ``rates_pct`` without ``axis`` (or broadcastable to it).
    rates_pct : array_like
        Per-year growth in per cent (each above -100).
    axis : int
        The axis of ``rates_pct`` that holds the years.
    out : ndarray, optional
        Where to write the levels (may be ``rates_pct`` itself, to save memory).

    Examples
    --------
    >>> compound([100.0, 200.0], [[10.0, 10.0], [0.0, -50.0]])
    array([[110., 121.],
           [200., 100.]])
    >>> compound([100.0, 200.0], [[10.0, 0.0], [10.0, -50.0]], axis=0)
    array([[110., 200.],
           [121., 100.]])
    """
    lv = np.asarray(level, dtype=float)
    rates = np.asarray(rates_pct, dtype=float)
    if rates.size and rates.min() <= -100:
        raise ValueError("rates_pct: growth rate must be above -100 %")
    axis = axis % rates.ndim
    if out is None:
        rest = np.broadcast_shapes(tuple(np.delete(rates.shape, axis)), lv.shape)
        out = np.empty(rest[:axis] + (rates.shape[axis],) + rest[axis:])
    r = np.moveaxis(rates, axis, 0)
    o = np.moveaxis(out, axis, 0)
    for t in range(r.shape[0]):
        np.multiply(r[t], 0.01, out=o[t])
        o[t] += 1.0
        o[t] *= lv if t == 0 else o[t - 1]
    return out


def ar1_deviations(z: np.ndarray, phi: float, axis: int = 0, out: np.ndarray | None = None) -> np.ndarray:
    """Unit-variance stationary AR(1) deviations from iid standard normals.

    ``e[0] = z[0]``; ``e[t] = phi * e[t-1] + sqrt(1 - phi**2) * z[t]`` along
    ``axis`` (the years). A loop over years only; every path is handled at once.
    ``out`` may be ``z`` itself.

    Examples
    --------
    >>> ar1_deviations(np.array([[1.0], [0.0], [0.0]]), 0.5).ravel()
    array([1.  , 0.5 , 0.25])
    """
    if not -1 < phi < 1:
        raise ValueError("phi: must be in (-1, 1)")
    z = np.asarray(z, dtype=float)
    out = np.empty_like(z) if out is None else out
    zz, e = np.moveaxis(z, axis, 0), np.moveaxis(out, axis, 0)
    scale = np.sqrt(1 - phi ** 2)
    if e is not zz:
        e[0] = zz[0]
    for t in range(1, zz.shape[0]):
        np.multiply(zz[t], scale, out=e[t])
        e[t] += phi * e[t - 1]
    return out


def fan_quantiles(values, q=QUANTILES, axis: int = -1, *, overwrite: bool = False) -> np.ndarray:
    """Quantiles along an axis, by sorting: the same numbers as ``numpy.quantile(method='linear')``.

    Sorting a long axis once is several times faster here than the selection
    ``numpy.quantile`` does for five quantiles.

    Parameters
    ----------
    values : array_like
    q : sequence of float
        Probabilities in [0, 1].
    axis : int
    overwrite : bool
        Sort ``values`` in place (it must then be an ndarray) to save memory.

    Returns
    -------
    ndarray
        Quantiles along a new first axis, like ``numpy.quantile``.

    Examples
    --------
    >>> fan_quantiles([1.0, 2.0, 3.0, 4.0, 10.0], [0.05, 0.5, 0.95])
    array([1.2, 3. , 8.8])
    """
    probs = np.asarray(q, dtype=float)
    if np.any((probs < 0) | (probs > 1)):
        raise ValueError("q: probabilities must be in [0, 1]")
    if overwrite and isinstance(values, np.ndarray):
        values.sort(axis=axis)
        v = values
    else:
        v = np.sort(np.asarray(values, dtype=float), axis=axis)
    v = np.moveaxis(v, axis, -1)
    pos = probs * (v.shape[-1] - 1)
    lo = np.floor(pos).astype(int)
    hi = np.minimum(lo + 1, v.shape[-1] - 1)
    frac = pos - lo
    low, high = v[..., lo], v[..., hi]
    result = low + (high - low) * frac
    return np.moveaxis(result, -1, 0)


def triangular(u, low: float, mode: float, high: float) -> np.ndarray:
    """Triangular draws on [low, high] peaking at ``mode``, from uniform draws ``u`` (inverse CDF).

    Examples
    --------
    >>> triangular(np.array([0.0, 0.5, 1.0]), 0.0, 1.0, 2.0)
    array([0., 1., 2.])
    >>> triangular(np.array([0.3]), 5.0, 5.0, 5.0)
    array([5.])
    """
    if not low <= mode <= high:
        raise ValueError("mode: must lie between low and high")
    u = np.asarray(u, dtype=float)
    width = high - low
    if width == 0:
        return np.full_like(u, low)
    c = (mode - low) / width
    left = low + np.sqrt(u * width * (mode - low))
    right = high - np.sqrt((1 - u) * width * (high - mode))
    return np.where(u < c, left, right)


def _draw_jumpoff(inputs: FanInputs, u: np.ndarray) -> np.ndarray:
    """2025 levels per indicator and path from uniform draws ``u`` (indicators × paths).

    The assumption (2025 growth or H1 share) is triangular between its low and
    high ends with its default as the mode.
    """
    out = np.empty_like(u)
    for b, method in enumerate(inputs.methods):
        a = triangular(u[b], inputs.assumption_low[b], inputs.assumption_default[b], inputs.assumption_high[b])
        if method == "grow_2024":
            out[b] = compound(inputs.base_levels[b], a[:, np.newaxis])[:, 0]
        else:
            out[b] = growth.annualize_half_year(inputs.base_levels[b], a)
    return out


@dataclass(frozen=True)
class MonteCarloResult:
    """Fan quantiles and target probabilities of one simulation.

    Attributes
    ----------
    quantiles : DataFrame
        ``scenario, indicator, year, measure, mean, p05, p25, p50, p75, p95``;
        ``measure`` is ``'level'`` (2025 jump-off and every projected year) or
        ``'growth_pct'`` (projected years, when requested).
    target_probabilities : DataFrame
        ``target, scenario, indicator, year, target_value, probability, note``:
        the share of paths at or above the target in its year (NaN beyond the
        simulated years).
    """

    quantiles: pd.DataFrame
    target_probabilities: pd.DataFrame
    phi: float
    n_paths: int
    seed: int
    jumpoff_uncertainty: bool
    scenarios: tuple[str, ...]
    indicators: tuple[str, ...]
    years: tuple[int, ...]
    paths: np.ndarray | None = field(default=None, repr=False)

    def to_frame(self) -> pd.DataFrame:
        """The quantiles (a copy)."""
        return self.quantiles.copy()

    def fan(self, scenario: str, indicator: str, measure: str = "level") -> pd.DataFrame:
        """Quantiles of one scenario and indicator, indexed by year."""
        q = self.quantiles
        sel = q[(q["scenario"] == scenario) & (q["indicator"] == indicator) & (q["measure"] == measure)]
        if sel.empty:
            raise KeyError(f"no fan for scenario {scenario!r}, indicator {indicator!r}, measure {measure!r}")
        return sel.set_index("year")[["mean", *QUANTILE_COLUMNS]]

    def summary(self) -> str:
        """A plain-text summary: settings, the last year's P5/P50/P95 and the target probabilities."""
        last = self.years[-1]
        q = self.quantiles
        end = q[(q["year"] == last) & (q["measure"] == "level")]
        lines = [
            f"Monte Carlo: {self.n_paths} paths, seed {self.seed}, phi = {self.phi:.3f}, "
            f"jump-off uncertainty {'on' if self.jumpoff_uncertainty else 'off'}",
            f"scenarios: {', '.join(self.scenarios)}; years {self.years[0]}-{last}",
            "",
            f"{last} levels:",
            end[["scenario", "indicator", "p05", "p50", "p95"]].round(2).to_string(index=False),
        ]
        if not self.target_probabilities.empty:
            lines += ["", "probability of reaching each target:",
                      self.target_probabilities[["target", "scenario", "probability"]]
                      .round(3).to_string(index=False)]
        return "\n".join(lines)


def simulate(spec: ScenarioSet | str | os.PathLike[str] | None = None, *,
             scenarios: Sequence[str] | str | None = None, phi: float | None = None,
             fit: AR1Fit | None = None, n_paths: int = DEFAULT_PATHS, seed: int = DEFAULT_SEED,
             jumpoff_uncertainty: bool = True, measures: Sequence[str] = ("level",),
             keep_paths: bool = False, inputs: FanInputs | None = None) -> MonteCarloResult:
    """Simulate ``n_paths`` paths around every scenario and summarise them.

    Parameters
    ----------
    spec : ScenarioSet or path-like, optional
        Scenario file; defaults to ``data/scenarios.toml``. Ignored when ``inputs`` is given.
    scenarios : str or sequence of str, optional
        Scenario names; all by default.
    phi : float, optional
        Persistence of growth deviations, in (-1, 1). Default: ``fit.phi``, or
        the phi of :func:`fit_benchmark` (which imports statsmodels).
    fit : AR1Fit, optional
        A fit whose phi to use.
    n_paths : int
        Paths per scenario (at least 1).
    seed : int
        Seed of ``numpy.random.default_rng``; the same seed gives the same result.
    jumpoff_uncertainty : bool
        Draw each path's 2025 level from the assumption's range (see module notes).
    measures : sequence of {'level', 'growth_pct'}
        Which quantiles to return.
    keep_paths : bool
        Keep the simulated levels, an array (scenarios, indicators, years, paths).
    inputs : FanInputs, optional
        Pre-built inputs (:func:`fan_inputs`), so that repeated runs read no files.

    Returns
    -------
    MonteCarloResult

    Examples
    --------
    >>> r = simulate(scenarios="base", phi=0.4, n_paths=2000, seed=1)
    >>> f = r.fan("base", "value_added")
    >>> bool((f["p05"] < f["p50"]).all() and (f["p50"] < f["p95"]).all())
    True
    """
    if isinstance(n_paths, bool) or not isinstance(n_paths, (int, np.integer)) or n_paths < 1:
        raise ValueError("n_paths: must be a whole number of at least 1")
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError("seed: must be a non-negative whole number")
    for m in measures:
        if m not in MEASURES:
            raise ValueError(f"measures: unknown measure {m!r}; expected one of {', '.join(MEASURES)}")
    if inputs is None:
        inputs = fan_inputs(spec, scenarios)
    elif scenarios is not None:
        raise ValueError("scenarios: choose scenarios when building inputs, not with inputs given")
    if phi is None:
        phi = (fit or fit_benchmark()).phi
    phi = float(phi)
    if not -1 < phi < 1:
        raise ValueError("phi: must be in (-1, 1)")

    n_ind, n_years = len(inputs.indicators), len(inputs.years)
    rng = np.random.default_rng(seed)
    e = rng.standard_normal((n_ind, n_years, n_paths))
    ar1_deviations(e, phi, axis=1, out=e)                                # in place: (indicators, years, paths)
    if jumpoff_uncertainty:
        level0 = _draw_jumpoff(inputs, rng.random((n_ind, n_paths)))
    else:
        level0 = np.broadcast_to(inputs.level_2025[:, np.newaxis], (n_ind, n_paths))
    if len(inputs.scenarios) == 1:                                       # reuse the memory of e
        g = e[np.newaxis]
        g *= inputs.sd_pct[:, :, np.newaxis, np.newaxis]
    else:
        g = inputs.sd_pct[:, :, np.newaxis, np.newaxis] * e              # (scenarios, indicators, years, paths)
    g += inputs.mean_pct[..., np.newaxis]
    blocks = []                                   # (measure, years, mean (S, I, Y), quantiles (Q, S, I, Y))
    if "growth_pct" in measures:
        blocks.append(("growth_pct", inputs.years, *_quantile_arrays(g)))
    levels = compound(level0, g, axis=2, out=None if keep_paths or "growth_pct" in measures else g)
    probs = _target_probabilities(inputs, levels, level0)
    if "level" in measures:
        shape = (len(inputs.scenarios), n_ind, 1)
        mean0, q0 = _quantile_arrays(level0[:, np.newaxis, :])
        mean1, q1 = _quantile_arrays(levels, overwrite=not keep_paths)
        blocks.insert(0, ("level", (BASE_YEAR, *inputs.years),
                          np.concatenate([np.broadcast_to(mean0, shape), mean1], axis=-1),
                          np.concatenate([np.broadcast_to(q0[:, np.newaxis], (len(QUANTILES), *shape)), q1], axis=-1)))
    quantiles = _quantile_table(inputs, blocks)
    return MonteCarloResult(quantiles, probs, phi, int(n_paths), int(seed), bool(jumpoff_uncertainty),
                            inputs.scenarios, inputs.indicators, inputs.years,
                            levels if keep_paths else None)


def _quantile_arrays(values: np.ndarray, *, overwrite: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Mean and quantiles over the last axis (paths); ``overwrite`` sorts ``values`` in place."""
    mean = values.mean(axis=-1)
    return mean, fan_quantiles(values, QUANTILES, axis=-1, overwrite=overwrite)


def _quantile_table(inputs: FanInputs, blocks) -> pd.DataFrame:
    """One tidy frame, ordered scenario, indicator, measure, year, from per-measure arrays."""
    n_scen, n_ind = len(inputs.scenarios), len(inputs.indicators)
    years = np.concatenate([np.asarray(y, dtype="int64") for _, y, _, _ in blocks])
    measure = np.concatenate([np.full(len(y), m, dtype=object) for m, y, _, _ in blocks])
    mean = np.concatenate([np.broadcast_to(mu, (n_scen, n_ind, len(y))) for _, y, mu, _ in blocks], axis=-1)
    q = np.concatenate([qq for _, _, _, qq in blocks], axis=-1)
    width = years.size
    frame = pd.DataFrame({
        "scenario": np.repeat(np.asarray(inputs.scenarios, dtype=object), n_ind * width),
        "indicator": np.tile(np.repeat(np.asarray(inputs.indicators, dtype=object), width), n_scen),
        "year": np.tile(years, n_scen * n_ind),
        "measure": np.tile(measure, n_scen * n_ind),
        "mean": mean.ravel(),
        **{col: q[k].ravel() for k, col in enumerate(QUANTILE_COLUMNS)},
    })
    return frame


def _target_probabilities(inputs: FanInputs, levels: np.ndarray, level0: np.ndarray) -> pd.DataFrame:
    rows = []
    last = inputs.years[-1]
    for t in inputs.targets.itertuples(index=False):
        b = inputs.indicators.index(t.indicator)
        for a, sname in enumerate(inputs.scenarios):
            if t.year > last:
                prob, note = np.nan, f"beyond the simulated years (to {last})"
            else:
                k = inputs.years.index(t.year)
                if t.kind == "value":
                    threshold = t.target_value
                else:  # relative to each path's own 2025 level
                    threshold = level0[b] * (t.target_value / t.level_2025)
                prob, note = float(np.mean(levels[a, b, k] >= threshold)), ""
            rows.append({"target": t.target, "scenario": sname, "indicator": t.indicator, "year": t.year,
                         "target_value": t.target_value, "probability": prob, "note": note})
    columns = ["target", "scenario", "indicator", "year", "target_value", "probability", "note"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["year"] = frame["year"].astype("int64")
    return frame
