"""How close ``make test-fast`` is to the floor its own tests set on this machine.

The floor of a parallel run is the test work itself: the sum of every test's own
time (setup, call, teardown) in one serial process, shared by the workers. This
script runs the fast tests (``-m "not slow"``, as ``make test-fast``) twice, one
after the other:

- serially, with ``--durations=0``: the sum of the tests' own times and the wall time;
- with ``-n JOBS --dist loadfile`` (as ``make test-fast``): the wall time.

It prints the parallel wall time against the ideal (serial test time ÷ jobs) and
the CPU-seconds a wall-time budget gives on ``JOBS`` workers (for example issue
#11's 25 s), so that a time target can be held against the work it would have to
drop. Not a test: it prints numbers and exits 0 (1 when a run fails).

Usage::

    python benchmarks/bench_tests.py [--jobs 2] [--budget 25]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DURATION = re.compile(r"^([0-9.]+)s (setup|call|teardown) ", re.M)


def run(args: list[str]) -> tuple[float, str]:
    """Wall seconds and stdout of ``python -m pytest ARGS`` on the fast tests; exits when it fails."""
    env = dict(os.environ, MPLBACKEND="Agg")
    cmd = [sys.executable, "-m", "pytest", "-m", "not slow", "-q", "-p", "no:cacheprovider",
           *args, "tests", "ygx_analysis"]
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout[-3000:] + proc.stderr[-2000:])
        raise SystemExit(f"failed: {' '.join(cmd)}")
    return seconds, proc.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2, help="workers of the parallel run (as make test-fast)")
    parser.add_argument("--budget", type=float, default=25.0, help="a wall-time target to compare, seconds")
    args = parser.parse_args(argv)
    if args.jobs < 1 or args.budget <= 0:
        parser.error("--jobs must be at least 1 and --budget positive")

    serial_wall, out = run(["--durations=0", "--durations-min=0"])
    test_seconds = sum(float(m.group(1)) for m in DURATION.finditer(out))
    parallel_wall, _ = run(["-n", str(args.jobs), "--dist", "loadfile"])
    ideal = serial_wall / args.jobs
    print(f"cpus: {os.cpu_count()}; jobs: {args.jobs}")
    print(f"serial run:   {serial_wall:6.1f} s wall, of which the tests' own time {test_seconds:6.1f} s")
    print(f"parallel run: {parallel_wall:6.1f} s wall; serial wall / jobs = {ideal:.1f} s; "
          f"ratio {parallel_wall / ideal:.2f}")
    print(f"a {args.budget:g} s target gives {args.budget * args.jobs:.0f} worker-seconds; the tests' own time is "
          f"{test_seconds / (args.budget * args.jobs):.1f} times that")
    return 0


if __name__ == "__main__":
    sys.exit(main())
