"""Joint Monte Carlo fan: 100,000 paths × 5 years × all series, against the floor of any such fan.

The joint simulation draws, per path, a Student-t shock per year for each growth
indicator (gross output, total revenue), a normal per year and 2025 for each
share (budget revenue of total, value added of gross output), uniforms for the
2025 levels, two for the PPI path and the parameters' (volatility scale,
elasticity, one φ per indicator); it runs the AR(1) recursions (loops over
the five years), compounds, applies the shares and the deflator, and summarises
the five series (the four indicators and gross output at current prices) for
2025 and every projected year: mean, P5/P25/P50/P75/P95 and the probability of
every target. The floor is what any fan of that size needs: as many
``numpy.random.default_rng().standard_normal`` draws per path as the model
draws random numbers, plus ``numpy.quantile`` of the five quantiles on an array
shaped like the simulated levels. Inputs are built once
(``ScenarioSet.fan_inputs``), so file reading and the statsmodels fits are not
timed.

Two cases are timed; the runs of the simulation and of its floor alternate, and
each takes the best of several runs:

* one scenario: the model's draws and quantiles over an array shaped like one scenario's
  levels, the case the ratio target (≤ 2.5) applies to;
* every scenario: the shocks are shared by the scenarios (common random numbers), so the
  floor draws the same numbers once and takes quantiles over every scenario's levels.

Run: ``.venv/bin/python benchmarks/bench_montecarlo.py [PATHS] [REPEATS]``
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

import numpy as np

from ygx_analysis.scenarios import QUANTILES, load_scenarios, simulate_fan

__all__ = ["TARGET_RATIO", "best_times", "draws_per_path", "floor", "main"]

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


def draws_per_path(inputs) -> int:
    """Random numbers the joint simulation draws per path: growth shocks, share shocks, jump-off and PPI uniforms,
    and with parameter ranges the uniforms of the volatility scale, the elasticity and each indicator's φ."""
    n_years = len(inputs.years)
    n_growth = sum(r == "growth" for r in inputs.roles)
    n_share = sum(r == "share" for r in inputs.roles)
    parameters = 0 if inputs.parameters is None else 2 + len(inputs.indicators)
    return n_growth * n_years + n_share * (n_years + 1) + len(inputs.indicators) + 2 + parameters


def floor(n_draws: int, n_paths: int, seed: int, values: np.ndarray) -> np.ndarray:
    """Draw ``n_draws`` normals per path, then ``numpy.quantile`` along the last axis (paths) of ``values``."""
    np.random.default_rng(seed).standard_normal((n_draws, n_paths))
    return np.quantile(values, QUANTILES, axis=-1)


def main() -> int:
    """Time both cases, print the ratios, return 1 when the one-scenario ratio is above target."""
    n_paths = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    spec = load_scenarios()
    cal = spec.calibrate()
    base = "base" if "base" in spec.scenarios else next(iter(spec.scenarios))
    one = None
    for label, scenarios in ((f"one scenario ({base})", [base]), ("every scenario", list(spec.scenarios))):
        inputs = spec.fan_inputs(scenarios, cal=cal)
        n_draws = draws_per_path(inputs)
        shape = (len(scenarios), len(inputs.series_names), len(inputs.years) + 1, n_paths)
        if one is None:
            print(f"paths {n_paths:,}; years {len(inputs.years)}; series {shape[1]}; {n_draws} draws per path; "
                  f"t_df {inputs.t_df}; best of {repeats} runs")
        values = np.random.default_rng(1).standard_normal(shape)     # made once, outside the timing
        sim, base_time = best_times([
            lambda: simulate_fan(inputs, n_paths=n_paths, seed=7),
            lambda: floor(n_draws, n_paths, 7, values),
        ], repeats)
        ratio = sim / base_time
        one = ratio if one is None else one
        print(f"{label:24s} simulate {sim * 1000:8.1f} ms   floor {base_time * 1000:7.1f} ms "
              f"({n_draws * n_paths:,} normals, quantiles over {int(np.prod(shape)):,} values)   "
              f"ratio {ratio:.2f}")
    verdict = "ok" if one <= TARGET_RATIO else "ABOVE TARGET"
    print(f"ratio for one scenario: {one:.2f} (target <= {TARGET_RATIO:g}): {verdict}")
    return 0 if one <= TARGET_RATIO else 1


if __name__ == "__main__":
    raise SystemExit(main())
