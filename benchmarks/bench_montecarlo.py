"""Monte Carlo fan: 100,000 paths × 5 years × all indicators, against numpy drawing as many normals.

The simulation draws one standard normal per path, year and indicator, runs the
AR(1) recursion (a loop over the five years), draws each path's 2025 level,
compounds, and summarises: mean, P5/P25/P50/P75/P95 per year and the
probability of every target. The baseline is ``numpy.random.default_rng().
standard_normal`` drawing the same number of normals, the floor for any
simulation that needs them. Inputs are built once (``fan_inputs``), so file
reading and the statsmodels fit are not timed; ``phi`` is the fitted value.

Two cases are timed, each as the best of several runs:

* one scenario: paths × years × indicators normals, the case the ratio target (≤ 3) applies to;
* every scenario: the shocks are shared by the scenarios (common random numbers), so
  the baseline draws as many normals as there are simulated values
  (paths × years × indicators × scenarios); the ratio against the normals actually
  drawn (paths × years × indicators) is printed as well.

Run: ``.venv/bin/python benchmarks/bench_montecarlo.py [PATHS] [REPEATS]``
"""

from __future__ import annotations

import sys
import time

import numpy as np

from ygx_analysis import montecarlo as mc
from ygx_analysis import scenarios as sc

TARGET_RATIO = 3.0


def best_time(func, repeats: int) -> float:
    """Best wall-clock seconds of ``func()`` over ``repeats`` runs (after one warm-up)."""
    func()
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    n_paths = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    spec = sc.load_scenarios()
    phi = mc.fit_benchmark().phi
    n_years, n_ind = len(spec.years), len(spec.indicators)
    base = "base" if "base" in spec.scenarios else next(iter(spec.scenarios))
    print(f"paths {n_paths:,}; years {n_years}; indicators {n_ind}; phi {phi:.3f}; best of {repeats} runs")
    worst = 0.0
    for label, scenarios in ((f"one scenario ({base})", [base]), ("every scenario", list(spec.scenarios))):
        inputs = mc.fan_inputs(spec, scenarios)
        n_normals = n_paths * n_years * n_ind * len(scenarios)
        sim = best_time(lambda: mc.simulate(inputs=inputs, phi=phi, n_paths=n_paths, seed=7), repeats)
        rng = np.random.default_rng(7)
        draw = best_time(lambda: rng.standard_normal(n_normals), repeats)
        ratio = sim / draw
        worst = max(worst, ratio) if scenarios == [base] else worst
        print(f"{label:24s} simulate {sim * 1000:8.1f} ms   {n_normals:>10,} normals {draw * 1000:7.1f} ms   "
              f"ratio {ratio:.2f}")
        if len(scenarios) > 1:
            shared = n_paths * n_years * n_ind
            drawn = best_time(lambda: rng.standard_normal(shared), repeats)
            print(f"{'':24s} (against the {shared:,} normals actually drawn, {drawn * 1000:.1f} ms: "
                  f"ratio {sim / drawn:.2f})")
    verdict = "ok" if worst <= TARGET_RATIO else "ABOVE TARGET"
    print(f"ratio for one scenario: {worst:.2f} (target <= {TARGET_RATIO:g}): {verdict}")
    return 0 if worst <= TARGET_RATIO else 1


if __name__ == "__main__":
    raise SystemExit(main())
