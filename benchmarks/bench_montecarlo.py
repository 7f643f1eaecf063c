"""Monte Carlo fan: 100,000 paths × 5 years × all indicators, against the floor of any such fan.

The simulation draws one standard normal per path, year and indicator, runs the
AR(1) recursion (a loop over the five years), draws each path's 2025 level,
compounds, and summarises: mean, P5/P25/P50/P75/P95 per year and the
probability of every target. The floor is what any fan of that size needs:
``numpy.random.default_rng().standard_normal`` drawing the normals plus
``numpy.quantile`` of the five quantiles on an array of the simulated shape.
Inputs are built once (``ScenarioSet.fan_inputs``), so file reading and the
statsmodels fit are not timed; ``phi`` is the fitted value.

Two cases are timed; the runs of the simulation and of its floor alternate, and
each takes the best of several runs:

* one scenario: paths × years × indicators normals and quantiles over an array of that
  shape, the case the ratio target (≤ 2.5) applies to;
* every scenario: the shocks are shared by the scenarios (common random numbers), so the
  floor draws paths × years × indicators normals and takes quantiles over paths × years ×
  indicators × scenarios simulated levels.

Run: ``.venv/bin/python benchmarks/bench_montecarlo.py [PATHS] [REPEATS]``
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

import numpy as np

from ygx_analysis.scenarios import QUANTILES, load_scenarios, simulate_fan

__all__ = ["TARGET_RATIO", "best_times", "floor", "main"]

TARGET_RATIO = 2.5


def best_times(funcs: list[Callable[[], object]], repeats: int) -> list[float]:
    """Best wall-clock seconds of each function over ``repeats`` alternating runs (after one warm-up each)."""
    for func in funcs:
        func()
    best = [float("inf")] * len(funcs)
    for _ in range(repeats):
        for k, func in enumerate(funcs):
            start = time.perf_counter()
            func()
            best[k] = min(best[k], time.perf_counter() - start)
    return best


def floor(normals_shape: tuple[int, ...], seed: int, values: np.ndarray | None = None) -> np.ndarray:
    """Draw the normals, then ``numpy.quantile`` along the last axis (paths) of the normals or of ``values``."""
    z = np.random.default_rng(seed).standard_normal(normals_shape)
    return np.quantile(z if values is None else values, QUANTILES, axis=-1)


def main() -> int:
    """Time both cases, print the ratios, return 1 when the one-scenario ratio is above target."""
    n_paths = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    spec = load_scenarios()
    phi = spec.calibrate().phi
    n_years, n_ind = len(spec.years), len(spec.indicators)
    base = "base" if "base" in spec.scenarios else next(iter(spec.scenarios))
    print(f"paths {n_paths:,}; years {n_years}; indicators {n_ind}; phi {phi:.3f}; best of {repeats} runs")
    one = None
    for label, scenarios in ((f"one scenario ({base})", [base]), ("every scenario", list(spec.scenarios))):
        inputs = spec.fan_inputs(scenarios)
        normals = (n_ind, n_years, n_paths)
        # every scenario: quantiles over an array shaped like the simulated levels, made once outside the timing
        values = None if len(scenarios) == 1 else np.random.default_rng(1).standard_normal((len(scenarios), *normals))
        sim, base_time = best_times([
            lambda: simulate_fan(inputs, phi, n_paths=n_paths, seed=7),
            lambda: floor(normals, 7, values),
        ], repeats)
        ratio = sim / base_time
        one = ratio if one is None else one
        print(f"{label:24s} simulate {sim * 1000:8.1f} ms   floor {base_time * 1000:7.1f} ms "
              f"({int(np.prod(normals)):,} normals, quantiles over "
              f"{int(np.prod(normals)) * len(scenarios):,} values)   "
              f"ratio {ratio:.2f}")
    verdict = "ok" if one <= TARGET_RATIO else "ABOVE TARGET"
    print(f"ratio for one scenario: {one:.2f} (target <= {TARGET_RATIO:g}): {verdict}")
    return 0 if one <= TARGET_RATIO else 1


if __name__ == "__main__":
    raise SystemExit(main())
