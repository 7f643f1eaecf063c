"""Parameter uncertainty of the fan: the ranges each simulated path draws its parameters from.

The joint model (:mod:`~ygx_analysis.scenarios.montecarlo`) rests on parameters
that are estimates or judgements: the zone's volatility scale, the revenue
elasticity to output, the AR(1) persistence φ of each growth shock and the two
ends of the PPI path. A fan that fixes them at their defaults is too sure of
itself. :class:`ParameterRanges` holds each one's range; every path draws its own
values (triangular, peaking at the default), so the fan and its probabilities
include the uncertainty about the parameters as well as the shocks.
:meth:`ParameterRanges.setting` fixes every parameter at its default except one
at an end of its range: the one-at-a-time settings over which a probability's
range is shown (:data:`PARAMETERS`).

Ranges: the volatility scale and the elasticity as ``[model]`` of the scenario
file states them; φ the fitted value ± ``phi_range_se`` standard errors (kept
inside ±:data:`PHI_LIMIT`); the PPI ends as ``[deflator]`` states them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np

__all__ = ["PARAMETERS", "PHI_LIMIT", "ParameterRanges", "own_shock_sd", "triangular"]

PARAMETERS = ("vol_scale", "elasticity", "phi", "deflator")
"""The parameters each path draws, in the order of their uniform draws (φ one per growth indicator)."""
PHI_LIMIT = 0.95
"""A drawn φ stays within ±0.95 (a stationary AR(1))."""


def triangular(u: Any, low: float, mode: float, high: float) -> np.ndarray:
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


def own_shock_sd(sd: Any, vol_scale: Any, elasticity: Any = 0.0, driver_sd: Any = 0.0) -> np.ndarray:
    """The sd of an indicator's own shock: ``vol_scale × sqrt(max(0, sd² − (elasticity × driver_sd)²))``.

    The part of the series' variance its driver explains through the elasticity is taken
    out, so the indicator's total sd stays ``vol_scale × sd``. Vectorised (one value per path).

    Examples
    --------
    >>> float(own_shock_sd(5.0, 1.5, 1.0, 3.0))
    6.0
    """
    explained = np.asarray(elasticity, dtype=float) * driver_sd
    return np.asarray(vol_scale, dtype=float) * np.sqrt(np.maximum(0.0, np.square(sd) - np.square(explained)))


@dataclass(frozen=True)
class ParameterRanges:
    """The (low, default, high) range of each parameter a path draws; per-indicator arrays follow the fan's
    indicators (rows of ``phi``: growth indicators only, others ``nan``)."""

    vol_scale: tuple[float, float, float]
    elasticity: tuple[float, float, float]
    phi: np.ndarray          # (indicators, 3): low, fitted, high
    series_sd: np.ndarray    # unscaled stationary sd of each growth indicator's series (pp); 0 for shares

    @classmethod
    def from_fits(cls, vol_scale: tuple[float, float, float], elasticity: tuple[float, float, float],
                  phi: Any, phi_se: Any, series_sd: Any, phi_range_se: float) -> ParameterRanges:
        """Ranges with φ at ``phi ± phi_range_se × phi_se``, kept inside ±:data:`PHI_LIMIT`.

        Examples
        --------
        >>> r = ParameterRanges.from_fits((1, 1.5, 2), (0.8, 1, 1.2), [0.5], [0.2], [3.0], 2.0)
        >>> r.phi.round(2).tolist()
        [[0.1, 0.5, 0.9]]
        """
        phi, se = np.asarray(phi, dtype=float), np.asarray(phi_se, dtype=float)
        low = np.clip(phi - phi_range_se * se, -PHI_LIMIT, phi)
        high = np.clip(phi + phi_range_se * se, phi, PHI_LIMIT)
        return cls(tuple(map(float, vol_scale)), tuple(map(float, elasticity)), np.column_stack([low, phi, high]),
                   np.asarray(series_sd, dtype=float))

    def setting(self, name: str | None = None, end: str = "low") -> ParameterRanges:
        """Every range fixed at its default, except ``name`` (one of :data:`PARAMETERS` but the deflator's, which
        the fan's inputs hold) fixed at its ``end`` ('low' or 'high'); ``name=None`` fixes all at the defaults.

        Examples
        --------
        >>> r = ParameterRanges((1.0, 1.5, 2.0), (0.8, 1.0, 1.2), np.array([[0.1, 0.5, 0.9]]), np.array([3.0]))
        >>> s = r.setting("vol_scale", "high")
        >>> s.vol_scale, s.elasticity, s.phi.tolist()
        ((2.0, 2.0, 2.0), (1.0, 1.0, 1.0), [[0.5, 0.5, 0.5]])
        """
        k = {"low": 0, "high": 2}[end]
        pick = (lambda r, own: (r[k if own else 1],) * 3)
        phi = self.phi[:, [k if name == "phi" else 1] * 3]
        return replace(self, vol_scale=pick(self.vol_scale, name == "vol_scale"),
                       elasticity=pick(self.elasticity, name == "elasticity"), phi=phi)

    def draw(self, u: np.ndarray, roles: tuple[str, ...], driver: np.ndarray) -> tuple[np.ndarray, ...]:
        """Per-path φ, own shock sd and elasticity of every indicator, from uniforms ``u``
        (``2 + indicators`` × paths: the volatility scale, the elasticity, then each indicator's φ).

        Returns arrays (indicators, paths); a share's rows are left at zero (its parameters are fixed).
        """
        n_ind, n_paths = len(roles), u.shape[1]
        scale = triangular(u[0], *self.vol_scale)
        e = triangular(u[1], *self.elasticity)
        phi, sd, el = (np.zeros((n_ind, n_paths)) for _ in range(3))
        for i in (i for i, r in enumerate(roles) if r == "growth"):
            phi[i] = triangular(u[2 + i], *self.phi[i])
            d = int(driver[i])
            el[i] = e if d >= 0 else 0.0
            sd[i] = own_shock_sd(self.series_sd[i], scale, el[i], self.series_sd[d] if d >= 0 else 0.0)
        return phi, sd, el
