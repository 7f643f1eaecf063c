"""The joint Monte Carlo model of the 十五五 scenarios: shocks with their accounting links.

The model
---------
Every indicator has a role in ``[model]`` of the scenario file
(:mod:`~ygx_analysis.scenarios.structure`). For scenario *s*, projected year
*t* and path *n*:

* a **growth** indicator *i* (gross output, total fiscal revenue) grows at the
  scenario's rate plus a shock::

      g[i, t] = m[s, i, t] + sd[i] * e[i, t] (+ elasticity[i] * surprise[driver, t])
      e[i, t] = phi[i] * e[i, t-1] + sqrt(1 - phi[i]**2) * z[i, t]

  ``e`` is a stationary AR(1) with unit variance; ``z`` are Student-t draws
  with ``t_df`` degrees of freedom scaled to unit variance (normal without
  ``t_df``). ``phi[i]`` and ``sd[i]`` come from the AR(1) fit of the
  indicator's own national series, the sd times ``vol_scale``
  (:class:`~ygx_analysis.scenarios.calibration.ModelCalibration`). A driven
  indicator (revenue) also takes ``elasticity`` times the driver's surprise in
  *nominal* growth (its growth and price change against their central paths).
  A year's growth is floored at :data:`GROWTH_FLOOR_PCT`; the result counts the
  paths that touch it.
* a **share** indicator *j* (general budget revenue, value added) is a share of
  the level of its whole::

      level[j, t] = expit(logit(r[s, j, t]) + d[j, t]) * level[whole, t]
      d[j, 2025] = 0,   d[j, t] = phi[j] * d[j, t-1] + sd_logit[j] * u[j, t],   u ~ N(0, 1)

  where ``r`` is the ratio path the two scenario growth rates imply from the
  2025 ratio (:func:`~ygx_analysis.scenarios.paths.ratio_path`). The share
  stays in (0, 1), so **no path has budget revenue above total revenue or value
  added above gross output**; in 2025 the share is the observed one (no shock), so
  a share's 2025 level stays inside its own 2025 range.
* the **deflator** (PPI) carries one indicator from 2025 prices to current
  prices: each path draws a 2026 and a last-year price change (triangular on
  their ranges) with a straight line between; the current-price series is
  added as ``<indicator>_nominal``. Nominal targets are judged against it.
* the **pipeline**, when switched on, adds its output to its indicator's level
  in the years it is on stream; the share indicators of that whole follow.

Jump-off: with ``jumpoff_uncertainty`` each path draws the 2025 level of every
growth indicator from its assumption (triangular between low and high, peaking
at the default; for a January–June level, the H1 rule's lowest, median and
highest share); a 2025 level whose range is a point (a full-year outturn) is not
drawn. A share indicator's 2025 level is its observed share of the whole (a part
with a point of its own starts there, its share path moved on the logit scale).

Parameters: with ``parameters`` (:class:`~ygx_analysis.scenarios.parameters.ParameterRanges`)
each path also draws its volatility scale, revenue elasticity and the φ of every
growth shock from their ranges (the PPI ends are drawn in any case), so the fan
includes parameter uncertainty; :func:`parameter_setting` fixes them instead.

Common random numbers: every draw is made for all scenarios at once, in a fixed
order, so two scenarios differ only by their assumptions and running one
scenario alone gives the same numbers as running it with the others.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from numbers import Real
from typing import Any

import numpy as np
import pandas as pd

from ..arithmetic import growth
from .parameters import PARAMETERS, ParameterRanges, triangular
from .paths import ratio_path
from .results import GROWTH_FLOOR_PCT, FanResult, summarise_fan

__all__ = ["BYTES_PER_PATH", "DEFAULT_PATHS", "DEFAULT_SEED", "MEASURES", "FanInputs", "ar1_deviations",
           "check_fan_memory", "check_n_paths", "check_phi", "check_seed", "compound", "fan_memory_bytes",
           "parameter_setting", "simulate_fan", "student_shocks", "triangular"]

DEFAULT_PATHS = 20_000
BYTES_PER_PATH = {"fan": 1_000, "kept": 4_000}
"""Peak memory per simulated path and scenario, in bytes: the fan alone (measured about 600–820 on
the shipped file at 100,000–400,000 paths, rounded up), and with every path kept as rows for
``--dump-paths``."""
DEFAULT_SEED = 2026
MEASURES = ("level", "growth_pct")


def _whole(value: Any, name: str, low: int, message: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name}: expected a whole number, got {type(value).__name__}")
    if value < low:
        raise ValueError(f"{name}: {message}")
    return int(value)


def check_n_paths(n_paths: Any) -> int:
    """``n_paths`` as an int (at least 1), or ``TypeError``/``ValueError`` naming it."""
    return _whole(n_paths, "n_paths", 1, "must be a whole number of at least 1")


def check_seed(seed: Any) -> int:
    """``seed`` as an int (not negative), or ``TypeError``/``ValueError`` naming it."""
    return _whole(seed, "seed", 0, "must be a non-negative whole number")


def check_phi(phi: Any) -> float:
    """``phi`` as a float in (-1, 1), or ``TypeError``/``ValueError`` naming it."""
    if isinstance(phi, bool) or not isinstance(phi, Real):
        raise TypeError(f"phi: expected a number, got {type(phi).__name__}")
    if not -1 < phi < 1:
        raise ValueError("phi: must be in (-1, 1)")
    return float(phi)


def compound(level: Any, rates_pct: Any, axis: int = -1, out: np.ndarray | None = None) -> np.ndarray:
    """Levels after each year of growth, for many paths at once.

    ``level * cumprod(1 + rates_pct / 100, axis)``: the
    per-path form of :func:`ygx_analysis.arithmetic.growth.project_path`, which takes one
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


def ar1_deviations(z: np.ndarray, phi: Any, axis: int = 0, out: np.ndarray | None = None) -> np.ndarray:
    """Unit-variance stationary AR(1) deviations from iid standard normals.

    ``e[0] = z[0]``; ``e[t] = phi * e[t-1] + sqrt(1 - phi**2) * z[t]`` along
    ``axis`` (the years). A loop over years only; every path is handled at once.
    ``phi`` is a number or one per path (an array shaped like a year of ``z``).
    ``out`` may be ``z`` itself.

    Examples
    --------
    >>> ar1_deviations(np.array([[1.0], [0.0], [0.0]]), 0.5).ravel()
    array([1.  , 0.5 , 0.25])
    """
    phi = check_phi(phi) if np.ndim(phi) == 0 else np.asarray(phi, dtype=float)
    if np.ndim(phi) and not np.all(np.abs(phi) < 1):
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


def student_shocks(rng: np.random.Generator, shape: tuple[int, ...], t_df: float | None) -> np.ndarray:
    """Unit-variance shocks: Student-t with ``t_df`` degrees of freedom scaled by ``sqrt((t_df - 2) / t_df)``,
    or standard normal when ``t_df`` is None.

    Examples
    --------
    >>> z = student_shocks(np.random.default_rng(0), (200_000,), 5.0)
    >>> round(float(z.var()), 1)
    1.0
    """
    if t_df is None:
        return rng.standard_normal(shape)
    if isinstance(t_df, bool) or not isinstance(t_df, Real):
        raise TypeError(f"t_df: expected a number or None, got {type(t_df).__name__}")
    if not t_df > 2:
        raise ValueError("t_df: must be above 2 (a finite variance)")
    return rng.standard_t(float(t_df), shape) * np.sqrt((t_df - 2) / t_df)


@dataclass(frozen=True)
class FanInputs:
    """Everything :func:`simulate_fan` needs, as arrays (built by :meth:`ScenarioModel.fan_inputs
    <ygx_analysis.scenarios.ScenarioModel.fan_inputs>`). Per-indicator arrays follow ``indicators``."""

    scenarios: tuple[str, ...]
    indicators: tuple[str, ...]
    years: tuple[int, ...]
    mean_pct: np.ndarray            # (scenarios, indicators, years) scenario growth
    roles: tuple[str, ...]          # 'growth' or 'share'
    phi: np.ndarray                 # persistence: of the growth shock, or of the logit share
    shock_sd: np.ndarray            # sd of the growth shock (pp), or sd_logit of the share
    driver: np.ndarray              # index of the driver (growth), -1 for none
    elasticity: np.ndarray          # pass-through of the driver's nominal surprise
    whole: np.ndarray               # index of the whole (share), -1 for growth indicators
    level_2025: np.ndarray          # jump-off level under the default assumption
    methods: tuple[str, ...]        # 'grow_2024' or 'annualize_h1'
    base_levels: np.ndarray         # the 2024 level or the 2025H1 level
    assumption_default: np.ndarray  # 2025 growth (%) or H1 share: the mode of the draws
    assumption_low: np.ndarray
    assumption_high: np.ndarray
    targets: pd.DataFrame           # ScenarioModel.target_levels
    t_df: float | None = None
    deflator: int = -1              # index of the deflated indicator, -1 for none
    deflator_start: tuple[float, float, float] = (0.0, 0.0, 0.0)   # (low, default, high), % in the first year
    deflator_end: tuple[float, float, float] = (0.0, 0.0, 0.0)     # the same in the last year
    addition: int = -1              # index of the indicator the pipeline adds to, -1 for none
    additions: np.ndarray = field(default_factory=lambda: np.zeros(0))   # (years,) added level
    range_2025: np.ndarray | None = None   # (indicators, 2) low and high 2025 level; a point is not drawn
    parameters: ParameterRanges | None = None   # ranges each path draws its parameters from; None: fixed

    @property
    def series_names(self) -> tuple[str, ...]:
        """The simulated series: the indicators, then ``<deflated indicator>_nominal`` when there is a deflator."""
        extra = (f"{self.indicators[self.deflator]}_nominal",) if self.deflator >= 0 else ()
        return self.indicators + extra

    def growth_order(self) -> list[int]:
        """Growth indicators, drivers first."""
        grow = [i for i, r in enumerate(self.roles) if r == "growth"]
        return [i for i in grow if self.driver[i] < 0] + [i for i in grow if self.driver[i] >= 0]

    def ratio_means(self, scenario: int) -> dict[int, np.ndarray]:
        """Each share's central ratio path, 2025 and every projected year (length years + 1)."""
        out = {}
        for j in (j for j, role in enumerate(self.roles) if role == "share"):
            w = int(self.whole[j])
            r0 = self.level_2025[j] / self.level_2025[w]
            path = ratio_path(r0, self.mean_pct[scenario, j], self.mean_pct[scenario, w])
            out[j] = np.concatenate([[r0], path])
        return out


def _deflator_rates(inputs: FanInputs, u: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """PPI per year (%): per path ``(years, paths)`` from uniform draws ``u`` (2 × paths), and the central path."""
    x = np.arange(len(inputs.years)) / max(len(inputs.years) - 1, 1)
    (s_lo, s_mode, s_hi), (e_lo, e_mode, e_hi) = inputs.deflator_start, inputs.deflator_end
    central = s_mode + (e_mode - s_mode) * x
    if u is None:
        return central[:, np.newaxis], central
    start, end = triangular(u[0], s_lo, s_mode, s_hi), triangular(u[1], e_lo, e_mode, e_hi)
    return start + (end - start) * x[:, np.newaxis], central


def _is_point(inputs: FanInputs, i: int) -> bool:
    """Whether indicator ``i``'s 2025 level is a point (a full-year outturn), not a range."""
    return inputs.range_2025 is not None and inputs.range_2025[i, 0] == inputs.range_2025[i, 1]


def _jumpoff(inputs: FanInputs, u: np.ndarray | None, n_paths: int) -> np.ndarray:
    """2025 level of every growth indicator per path (indicators × paths); shares are filled later."""
    out = np.broadcast_to(inputs.level_2025[:, np.newaxis], (len(inputs.indicators), n_paths)).copy()
    if u is None:
        return out
    for i in (i for i, role in enumerate(inputs.roles) if role == "growth"):
        if _is_point(inputs, i):
            continue                                         # a full-year 2025 outturn: no draw
        a = triangular(u[i], inputs.assumption_low[i], inputs.assumption_default[i], inputs.assumption_high[i])
        out[i] = (inputs.base_levels[i] * (1 + a / 100) if inputs.methods[i] == "grow_2024"
                  else growth.annualize_half_year(inputs.base_levels[i], a))
    return out


def parameter_setting(inputs: FanInputs, name: str | None = None, end: str = "low") -> FanInputs:
    """``inputs`` with every parameter fixed at its default, except ``name`` (one of
    :data:`~ygx_analysis.scenarios.parameters.PARAMETERS`) at its ``end`` ('low' or 'high'); the PPI path's two
    ends move together. ``name=None`` fixes all at the defaults."""
    if name is not None and name not in PARAMETERS or end not in ("low", "high"):
        raise ValueError(f"name, end: expected one of {', '.join(PARAMETERS)} and 'low' or 'high'")
    k = 0 if end == "low" else 2
    start, last = ((r[k if name == "deflator" else 1],) * 3 for r in (inputs.deflator_start, inputs.deflator_end))
    ranges = None if inputs.parameters is None else inputs.parameters.setting(
        None if name == "deflator" else name, end)
    return replace(inputs, deflator_start=start, deflator_end=last, parameters=ranges)


def _check_ratios(inputs: FanInputs, ratios: dict[int, np.ndarray], scenario: int) -> None:
    for j, r in ratios.items():
        if not (np.all(r > 0) and np.all(r < 1)):
            name, whole = inputs.indicators[j], inputs.indicators[int(inputs.whole[j])]
            raise ValueError(f"scenarios.{inputs.scenarios[scenario]}.{name}: its growth path takes {name} to "
                             f"{float(r.max()):.3f} of {whole}; a share must stay below 1")


def simulate_fan(inputs: FanInputs, *, n_paths: int = DEFAULT_PATHS, seed: int = DEFAULT_SEED,
                 jumpoff_uncertainty: bool = True, measures: Sequence[str] = ("level",),
                 keep_paths: bool = False) -> FanResult:
    """Simulate ``n_paths`` joint paths around every scenario of ``inputs`` and summarise them.

    Parameters
    ----------
    inputs : FanInputs
        The arrays of a scenario file (:meth:`ScenarioModel.fan_inputs
        <ygx_analysis.scenarios.ScenarioModel.fan_inputs>`).
    n_paths : int
        Paths per scenario (at least 1).
    seed : int
        Seed of ``numpy.random.default_rng``; the same seed gives the same result.
    jumpoff_uncertainty : bool
        Draw each path's 2025 level from the assumption's range (see module notes).
    measures : sequence of {'level', 'growth_pct'}
        Which quantiles to return.
    keep_paths : bool
        Keep the simulated levels, an array (scenarios, series, 2025 + years, paths).

    Returns
    -------
    FanResult

    Examples
    --------
    >>> from ygx_analysis.scenarios import load_scenarios
    >>> r = simulate_fan(load_scenarios().fan_inputs("base"), n_paths=2000, seed=1, keep_paths=True)
    >>> names = list(r.series)
    >>> p = r.paths[0]
    >>> bool((p[names.index("value_added")] <= p[names.index("gross_output")]).all())
    True
    """
    if not isinstance(inputs, FanInputs):
        raise TypeError(f"inputs: expected FanInputs, got {type(inputs).__name__}")
    n_paths, seed = check_n_paths(n_paths), check_seed(seed)
    if not isinstance(jumpoff_uncertainty, (bool, np.bool_)):
        raise TypeError(f"jumpoff_uncertainty: expected True or False, got {type(jumpoff_uncertainty).__name__}")
    if isinstance(measures, str):
        raise TypeError("measures: expected a sequence of strings, not a string")
    for m in (m for m in measures if m not in MEASURES):
        raise ValueError(f"measures: unknown measure {m!r}; expected one of {', '.join(MEASURES)}")
    for i in (i for i, role in enumerate(inputs.roles) if role == "growth"):
        check_phi(float(inputs.phi[i]))
    ratios = [inputs.ratio_means(a) for a in range(len(inputs.scenarios))]
    for a, r in enumerate(ratios):
        _check_ratios(inputs, r, a)
    n_ind, n_years = len(inputs.indicators), len(inputs.years)
    order = inputs.growth_order()
    shares = [j for j, r in enumerate(inputs.roles) if r == "share"]
    rng = np.random.default_rng(seed)                       # fixed order of draws: common random numbers
    e = student_shocks(rng, (len(order), n_years, n_paths), inputs.t_df)
    u_share = rng.standard_normal((len(shares), n_years + 1, n_paths))
    u_jump, u_defl = rng.random((n_ind, n_paths)), rng.random((2, n_paths))
    if inputs.parameters is None:                            # fixed parameters, one value for every path
        phi, sd, el = (np.asarray(x, dtype=float)[:, np.newaxis] for x in (inputs.phi, inputs.shock_sd,
                                                                           inputs.elasticity))
    else:                                                    # each path draws its own
        phi, sd, el = inputs.parameters.draw(rng.random((2 + n_ind, n_paths)), inputs.roles, inputs.driver)
    for k, i in enumerate(order):
        ar1_deviations(e[k], phi[i], axis=0, out=e[k])
    level0 = _jumpoff(inputs, u_jump if jumpoff_uncertainty else None, n_paths)
    d = np.empty_like(u_share)                               # the logit deviations of the shares
    for k, j in enumerate(shares):
        d[k, 0] = 0.0                                        # 2025: the observed share, no shock
        for t in range(1, n_years + 1):
            d[k, t] = inputs.phi[j] * d[k, t - 1] + inputs.shock_sd[j] * u_share[k, t]
    if inputs.deflator >= 0:
        ppi, ppi_central = _deflator_rates(inputs, u_defl)
        price = np.ones((n_years + 1, n_paths))
        np.cumprod(1 + ppi / 100, axis=0, out=price[1:])
    names = inputs.series_names
    levels = np.empty((len(inputs.scenarios), len(names), n_years + 1, n_paths))
    on_floor = np.zeros(n_paths, dtype=bool)
    for a in range(len(inputs.scenarios)):
        growth_pct: dict[int, np.ndarray] = {}
        for k, i in enumerate(order):
            g = inputs.mean_pct[a, i][:, np.newaxis] + sd[i] * e[k]
            dr = int(inputs.driver[i])
            if dr >= 0:                                      # the driver's surprise in nominal growth
                factor = 1 + growth_pct[dr] / 100
                central = 1 + inputs.mean_pct[a, dr] / 100
                if dr == inputs.deflator:
                    factor = factor * (1 + ppi / 100)
                    central = central * (1 + ppi_central / 100)
                g += el[i] * 100 * (factor - central[:, np.newaxis])
            low = g < GROWTH_FLOOR_PCT
            if low.any():
                on_floor |= low.any(axis=0)
                np.maximum(g, GROWTH_FLOOR_PCT, out=g)
            growth_pct[i] = g
            levels[a, i, 0] = level0[i]
            compound(level0[i], g, axis=0, out=levels[a, i, 1:])
        if inputs.addition >= 0:
            levels[a, inputs.addition, 1:] += inputs.additions[:, np.newaxis]
        for k, j in enumerate(shares):
            logit = np.log(ratios[a][j]) - np.log1p(-ratios[a][j])
            x = logit[:, np.newaxis] + d[k]
            if _is_point(inputs, j):                         # a 2025 outturn of the part: each path starts there
                r0 = inputs.level_2025[j] / levels[a, int(inputs.whole[j]), 0]
                x += np.log(r0) - np.log1p(-r0) - logit[0]
            share = 1 / (1 + np.exp(-x))                       # expit: strictly inside (0, 1]
            levels[a, j] = share * levels[a, int(inputs.whole[j])]
        if inputs.deflator >= 0:
            levels[a, n_ind] = levels[a, inputs.deflator] * price
    return summarise_fan(inputs, levels, measures, keep_paths, n_paths, seed, bool(jumpoff_uncertainty),
                      int(on_floor.sum()))


def fan_memory_bytes(n_paths: int, n_scenarios: int, keep_paths: bool = False) -> int:
    """An upper estimate of the memory a fan of ``n_paths`` paths per scenario needs (:data:`BYTES_PER_PATH`)."""
    return n_paths * n_scenarios * BYTES_PER_PATH["kept" if keep_paths else "fan"]


def check_fan_memory(n_paths: int, n_scenarios: int, keep_paths: bool) -> None:
    """Raise ``ValueError`` naming ``paths`` when the fan would need more than half of this machine's memory."""
    try:
        budget = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") // 2
    except (ValueError, OSError, AttributeError):   # no sysconf (Windows): assume 8 GB of memory
        budget = 4 * 1024 ** 3
    need = fan_memory_bytes(n_paths, n_scenarios, keep_paths)
    if need > budget:
        most = budget // fan_memory_bytes(1, n_scenarios, keep_paths)
        raise ValueError(f"paths: {n_paths} paths × {n_scenarios} scenario(s) would need about "
                         f"{need / 1e9:,.1f} GB, over the {budget / 1e9:,.1f} GB allowed (half of this machine's "
                         f"memory); use at most {most:,} paths")
