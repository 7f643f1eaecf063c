"""Import time of ``import ygx_analysis`` against ``import pandas``, in fresh interpreters.

Prints the median of several interleaved runs for each and their ratio. The package imports
pandas itself, so the ratio is at least 1; the goal is to stay close to it
(matplotlib and statsmodels are imported only inside the functions that need them).

Run: ``.venv/bin/python benchmarks/bench_import.py [RUNS]``
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time


def time_import(module: str, runs: int) -> list[float]:
    """Wall-clock seconds of ``python -c 'import MODULE'`` over ``runs`` fresh processes."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", f"import {module}"], check=True)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    time_import("ygx_analysis", 1)  # warm the file cache
    baseline, package, bare = [], [], []
    for _ in range(runs):  # interleaved, so that a slow spell of the machine hits both alike
        baseline += time_import("pandas", 1)
        package += time_import("ygx_analysis", 1)
        bare += time_import("sys", 1)
    b, p, s = (statistics.median(x) for x in (baseline, package, bare))
    print(f"runs per command:          {runs}")
    print(f"python -c 'import sys':    {s:.3f} s (interpreter start-up)")
    print(f"import pandas:             {b:.3f} s")
    print(f"import ygx_analysis:       {p:.3f} s")
    print(f"ratio ygx_analysis/pandas: {p / b:.2f}")


if __name__ == "__main__":
    main()
