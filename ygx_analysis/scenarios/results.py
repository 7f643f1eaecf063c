"""The result of a Monte Carlo run: fan quantiles, target probabilities and, when kept, every path.

:class:`FanResult` is what :func:`~ygx_analysis.scenarios.montecarlo.simulate_fan`
returns; :func:`write_paths` writes its paths for users who want their own
statistics (``ygx-analysis scenarios --dump-paths FILE``).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .config import BASE_YEAR

__all__ = ["GROWTH_FLOOR_PCT", "PATH_COLUMNS", "QUANTILES", "QUANTILE_COLUMNS", "SCENARIO_TABLE_COLUMNS",
           "TARGET_TABLE_COLUMNS", "FanResult", "scenario_table", "summarise_fan", "target_probability_table",
           "write_paths"]

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
        return pd.DataFrame({"scenario": np.repeat(np.asarray(self.scenarios, dtype=object), n_i * n_y * n_p),
                             "path": np.tile(np.arange(n_p, dtype="int64"), n_s * n_i * n_y),
                             "indicator": np.tile(np.repeat(np.asarray(self.series, dtype=object), n_y * n_p), n_s),
                             "year": np.tile(np.repeat(years, n_p), n_s * n_i), "value": self.paths.ravel()})

    def summary(self) -> str:
        """A plain-text summary: settings, the last year's P5/P50/P95 and the target probabilities."""
        from .probability import format_probability

        last, q = self.years[-1], self.quantiles
        end = q[(q["year"] == last) & (q["measure"] == "level")]
        lines = [
            f"Monte Carlo (joint model): {self.n_paths} paths, seed {self.seed}, "
            f"jump-off uncertainty {'on' if self.jumpoff_uncertainty else 'off'}, "
            f"paths on the growth floor {self.floored}",
            f"scenarios: {', '.join(self.scenarios)}; years {self.years[0]}-{last}", "", f"{last} levels:",
            end[["scenario", "indicator", "p05", "p50", "p95"]].round(2).to_string(index=False)]
        probs = self.target_probabilities
        if not probs.empty:
            shown = probs[["target", "scenario"]].assign(probability=[
                format_probability(p, self.n_paths, "en") for p in probs["probability"]])
            lines += ["", "probability of reaching each target (under the model's assumptions):",
                      shown.to_string(index=False)]
        return "\n".join(lines)


def write_paths(result: FanResult, path: str | os.PathLike[str]) -> str:
    """Write every path of ``result`` (:data:`PATH_COLUMNS`) to ``path``: CSV, or Parquet (needs pyarrow) when the
    name ends ``.parquet``; return the format written (``'csv'`` or ``'parquet'``)."""
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


def summarise_fan(inputs: Any, levels: np.ndarray, measures: Sequence[str], keep_paths: bool, n_paths: int,
               seed: int, jumpoff_uncertainty: bool, floored: int) -> FanResult:
    """Quantiles, target probabilities and the :class:`FanResult` of simulated ``levels``.

    ``levels`` is (scenarios, series, 2025 + years, paths); ``inputs`` the
    :class:`~ygx_analysis.scenarios.montecarlo.FanInputs` they were simulated from.
    """
    names = inputs.series_names
    probs = _target_probabilities(inputs, levels, names)
    blocks = []                                   # (measure, years, mean (S, I, Y), quantiles (Q, S, I, Y))
    if "level" in measures:
        values = levels if not keep_paths and "growth_pct" not in measures else levels.copy()
        blocks.append(("level", (BASE_YEAR, *inputs.years), *_quantile_arrays(values, overwrite=True)))
    if "growth_pct" in measures:
        g = levels[..., 1:, :] / levels[..., :-1, :] * 100 - 100
        blocks.append(("growth_pct", inputs.years, *_quantile_arrays(g, overwrite=True)))
    quantiles = _quantile_table(inputs.scenarios, names, blocks)
    return FanResult(quantiles, probs, n_paths, seed, jumpoff_uncertainty, inputs.scenarios, inputs.indicators,
                     names, inputs.years, floored, levels if keep_paths else None)


def _quantile_arrays(values: np.ndarray, *, overwrite: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Mean and ``numpy.quantile`` over the last axis (paths); ``overwrite`` lets numpy reorder ``values``."""
    return values.mean(axis=-1), np.quantile(values, QUANTILES, axis=-1, overwrite_input=overwrite)  # mean first


def _quantile_table(scenarios: Sequence[str], names: Sequence[str], blocks: list[tuple[Any, ...]]) -> pd.DataFrame:
    """One tidy frame, ordered scenario, series, measure, year, from per-measure arrays."""
    n_scen, n_ind = len(scenarios), len(names)
    years = np.concatenate([np.asarray(y, dtype="int64") for _, y, _, _ in blocks])
    measure = np.concatenate([np.full(len(y), m, dtype=object) for m, y, _, _ in blocks])
    mean = np.concatenate([mu for _, _, mu, _ in blocks], axis=-1)
    q = np.concatenate([qq for _, _, _, qq in blocks], axis=-1)
    width = years.size
    return pd.DataFrame({"scenario": np.repeat(np.asarray(scenarios, dtype=object), n_ind * width),
                         "indicator": np.tile(np.repeat(np.asarray(names, dtype=object), width), n_scen),
                         "year": np.tile(years, n_scen * n_ind), "measure": np.tile(measure, n_scen * n_ind),
                         "mean": mean.ravel(), **{col: q[k].ravel() for k, col in enumerate(QUANTILE_COLUMNS)}})


def _target_probabilities(inputs: Any, levels: np.ndarray, names: Sequence[str]) -> pd.DataFrame:
    rows, last, n = [], inputs.years[-1], levels.shape[-1]
    for t in inputs.targets.itertuples(index=False):
        nominal = bool(getattr(t, "nominal", False))
        b = list(names).index(f"{t.indicator}_nominal" if nominal else t.indicator)
        for a, sname in enumerate(inputs.scenarios):
            if t.year > last:
                prob, se, note = np.nan, np.nan, f"beyond the simulated years (to {last})"
            else:
                k = inputs.years.index(t.year) + 1
                # a multiple is relative to each path's own 2025 level
                threshold = t.target_value if t.kind == "value" else levels[a, b, 0] * (t.target_value / t.level_2025)
                prob = float(np.mean(levels[a, b, k] >= threshold))
                se, note = float(np.sqrt(prob * (1 - prob) / n)), ""
            rows.append({"target": t.target, "scenario": sname, "indicator": t.indicator, "year": t.year,
                         "target_value": t.target_value, "nominal": nominal, "probability": prob,
                         "mc_se": se, "note": note})
    columns = ["target", "scenario", "indicator", "year", "target_value", "nominal", "probability", "mc_se", "note"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["year"] = frame["year"].astype("int64")
    frame["nominal"] = frame["nominal"].astype(bool)
    return frame


SCENARIO_TABLE_COLUMNS = ("scenario", "indicator", "year", "value", "p05", "p50", "p95", "is_projection")
"""Columns of :func:`scenario_table` (the ``ygx-analysis scenarios`` table)."""

TARGET_TABLE_COLUMNS = ("target", "status", "scenario", "year", "target_value", "nominal", "probability")
"""Columns of :func:`target_probability_table` (``ygx-analysis scenarios --targets``)."""


def scenario_table(projection: pd.DataFrame, fan: FanResult | None = None, decimals: int = 4) -> pd.DataFrame:
    """Deterministic values with the fan's P5/P50/P95 (empty without a fan), rounded to ``decimals``.

    ``projection`` is :meth:`ScenarioModel.project <ygx_analysis.scenarios.ScenarioModel.project>`;
    the columns are :data:`SCENARIO_TABLE_COLUMNS`.

    Examples
    --------
    >>> from ygx_analysis.scenarios import load_scenarios
    >>> t = scenario_table(load_scenarios().project("base"))
    >>> v = t[t["indicator"] == "value_added"].set_index("year")["value"]
    >>> round(float(v[2026] / v[2025]), 4)   # base starts at 7.5 %
    1.075
    """
    if fan is None:
        frame = projection.assign(p05=np.nan, p50=np.nan, p95=np.nan)
    else:
        q = fan.quantiles
        levels = q[q["measure"] == "level"][["scenario", "indicator", "year", "p05", "p50", "p95"]]
        frame = projection.merge(levels, on=["scenario", "indicator", "year"], how="left", validate="one_to_one")
    out = frame[list(SCENARIO_TABLE_COLUMNS)].copy()
    for col in ("value", "p05", "p50", "p95"):
        out[col] = out[col].round(decimals)
    return out


def target_probability_table(fan: FanResult, targets: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The target probabilities of ``fan`` as text in ``lang`` (:func:`~ygx_analysis.scenarios.format_probability`).

    ``targets`` is :meth:`ScenarioModel.target_levels
    <ygx_analysis.scenarios.ScenarioModel.target_levels>` (for the status); the
    columns are :data:`TARGET_TABLE_COLUMNS`.

    Examples
    --------
    >>> from ygx_analysis.scenarios import load_scenarios
    >>> spec = load_scenarios()
    >>> t = target_probability_table(spec.simulate(500, seed=3, scenarios="low"), spec.target_levels())
    >>> t.set_index("target").loc["gross_output_1000_2030", "probability"]
    "below 0.1 % under the model's assumptions"
    """
    from .probability import format_probability

    status, p = targets.set_index("target")["status"], fan.target_probabilities
    return pd.DataFrame({
        "target": p["target"], "status": [status[k] for k in p["target"]], "scenario": p["scenario"],
        "year": p["year"], "target_value": p["target_value"].round(4), "nominal": p["nominal"],
        "probability": [format_probability(float(x), fan.n_paths, lang) for x in p["probability"]],
    }, columns=list(TARGET_TABLE_COLUMNS))
