"""The result of a Monte Carlo run: fan quantiles, target probabilities and, when kept, every path.

:class:`FanResult` is what :func:`~ygx_analysis.scenarios.montecarlo.simulate_fan`
returns; :func:`write_paths` writes its paths for users who want their own
statistics (``ygx-analysis scenarios --dump-paths FILE``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .schema import BASE_YEAR

__all__ = ["GROWTH_FLOOR_PCT", "PATH_COLUMNS", "QUANTILES", "QUANTILE_COLUMNS", "FanResult", "write_paths"]

QUANTILES = (0.05, 0.25, 0.50, 0.75, 0.95)
QUANTILE_COLUMNS = ("p05", "p25", "p50", "p75", "p95")
PATH_COLUMNS = ("scenario", "path", "indicator", "year", "value")
"""Columns of :meth:`FanResult.paths_frame` and of ``ygx-analysis scenarios --dump-paths``."""

GROWTH_FLOOR_PCT = -90.0
"""The lowest growth a simulated year may have: a path that loses more than nine tenths of a level in one
year is outside what the model is for (boundary changes, a plant closing). :attr:`FanResult.floored` counts
the paths that touch it."""


@dataclass(frozen=True)
class FanResult:
    """Fan quantiles and target probabilities of one simulation (the result of :func:`simulate_fan`).

    Attributes
    ----------
    quantiles : DataFrame
        ``scenario, indicator, year, measure, mean, p05, p25, p50, p75, p95``;
        ``indicator`` runs over :attr:`series` (the indicators and the
        current-price series); ``measure`` is ``'level'`` (2025 and every
        projected year) or ``'growth_pct'`` (projected years, when requested).
    target_probabilities : DataFrame
        ``target, scenario, indicator, year, target_value, nominal, probability,
        mc_se, note``: the share of paths at or above the target in its year and
        its Monte Carlo standard error ``sqrt(p (1 - p) / n)`` (NaN beyond the
        simulated years). Show them with
        :func:`~ygx_analysis.scenarios.probability.format_probability`.
    floored : int
        Paths on which some year's growth hit :data:`GROWTH_FLOOR_PCT`.
    paths : ndarray or None
        The simulated levels (scenarios, series, 2025 + years, paths) when kept.
    """

    quantiles: pd.DataFrame
    target_probabilities: pd.DataFrame
    n_paths: int
    seed: int
    jumpoff_uncertainty: bool
    scenarios: tuple[str, ...]
    indicators: tuple[str, ...]
    series: tuple[str, ...]
    years: tuple[int, ...]
    floored: int = 0
    paths: np.ndarray | None = field(default=None, repr=False)

    def to_frame(self) -> pd.DataFrame:
        """The quantiles as a tidy frame (a copy): one row per scenario, series, measure and year."""
        return self.quantiles.copy()

    def fan(self, scenario: str, indicator: str, measure: str = "level") -> pd.DataFrame:
        """Quantiles of one scenario and series, indexed by year."""
        q = self.quantiles
        sel = q[(q["scenario"] == scenario) & (q["indicator"] == indicator) & (q["measure"] == measure)]
        if sel.empty:
            raise KeyError(f"no fan for scenario {scenario!r}, indicator {indicator!r}, measure {measure!r}")
        return sel.set_index("year")[["mean", *QUANTILE_COLUMNS]]

    def paths_frame(self) -> pd.DataFrame:
        """Every simulated path as a tidy frame: ``scenario, path, indicator, year, value`` (needs ``keep_paths``).

        ``path`` numbers the paths from 0; the same number is the same draws in every scenario.
        """
        if self.paths is None:
            raise ValueError("paths: the simulation did not keep its paths; run it with keep_paths=True")
        n_s, n_i, n_y, n_p = self.paths.shape
        years = np.array((BASE_YEAR, *self.years), dtype="int64")
        return pd.DataFrame({
            "scenario": np.repeat(np.asarray(self.scenarios, dtype=object), n_i * n_y * n_p),
            "path": np.tile(np.arange(n_p, dtype="int64"), n_s * n_i * n_y),
            "indicator": np.tile(np.repeat(np.asarray(self.series, dtype=object), n_y * n_p), n_s),
            "year": np.tile(np.repeat(years, n_p), n_s * n_i),
            "value": self.paths.ravel(),
        })

    def summary(self) -> str:
        """A plain-text summary: settings, the last year's P5/P50/P95 and the target probabilities."""
        from .probability import format_probability

        last = self.years[-1]
        q = self.quantiles
        end = q[(q["year"] == last) & (q["measure"] == "level")]
        lines = [
            f"Monte Carlo (joint model): {self.n_paths} paths, seed {self.seed}, "
            f"jump-off uncertainty {'on' if self.jumpoff_uncertainty else 'off'}, "
            f"paths on the growth floor {self.floored}",
            f"scenarios: {', '.join(self.scenarios)}; years {self.years[0]}-{last}",
            "",
            f"{last} levels:",
            end[["scenario", "indicator", "p05", "p50", "p95"]].round(2).to_string(index=False),
        ]
        probs = self.target_probabilities
        if not probs.empty:
            shown = probs[["target", "scenario"]].assign(probability=[
                format_probability(p, self.n_paths, "en") for p in probs["probability"]])
            lines += ["", "probability of reaching each target (under the model's assumptions):",
                      shown.to_string(index=False)]
        return "\n".join(lines)


def write_paths(result: FanResult, path: str | os.PathLike[str]) -> str:
    """Write every simulated path of ``result`` to ``path``: CSV, or Parquet when the name ends ``.parquet``.

    Returns the format written (``'csv'`` or ``'parquet'``). Parquet needs pyarrow;
    without it the error is one line saying so.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from ygx_analysis.scenarios import load_scenarios
    >>> r = load_scenarios().simulate(3, seed=1, scenarios="base", keep_paths=True)
    >>> with tempfile.TemporaryDirectory() as d:
    ...     f = pathlib.Path(d, "paths.csv")
    ...     write_paths(r, f), f.read_text().splitlines()[0]
    ('csv', 'scenario,path,indicator,year,value')
    """
    if not isinstance(result, FanResult):
        raise TypeError(f"result: expected a FanResult, got {type(result).__name__}")
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path: expected a file path, got {type(path).__name__}")
    frame = result.paths_frame()
    if os.fspath(path).lower().endswith(".parquet"):
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise ValueError(f"dump-paths: writing {os.fspath(path)} as Parquet needs pyarrow, which is not "
                             "installed; give a .csv file instead") from None
        frame.to_parquet(path, index=False)
        return "parquet"
    frame.to_csv(path, index=False, lineterminator="\n")
    return "csv"


