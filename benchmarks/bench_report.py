"""Time ``ygx-analysis report`` against the standard tool, ``jupyter nbconvert --to html --execute``.

A user without this package's report would run nbconvert on the same notebooks:
it executes each notebook and writes one HTML page per notebook, and nothing else
(no figure files, no tables, no manifest). The report does more (every exhibit as
PNG/SVG/PDF and CSV/XLSX, the data tables, the manifest, index.html); the ratio
says what that costs on top of executing the notebooks. Issue #19 allows a ratio
of medians of at most 0.85.

Usage::

    python benchmarks/bench_report.py [--jobs 2] [--rounds 3]

Each round runs, in a fresh process each and interleaved so that drift in the
machine's load hits both: a clean ``ygx-analysis report --jobs N`` into an empty
temporary folder, and ``jupyter nbconvert --to html --execute`` on the same
notebooks (its output into another temporary folder). It also prints the part of
the report spent writing the Word briefing (the report's ``briefing`` line; issue
#22 allows at most 3 s). Not a test: it prints numbers and exits 0 (1 when a
command fails).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGET = 0.85
BRIEFING_TARGET = 3.0
BRIEFING_LINE = re.compile(r"^briefing .*\(([0-9.]+) s\)$", re.MULTILINE)


def timed(cmd: list[str], env: dict[str, str], log: list[str] | None = None) -> float:
    """Wall seconds of one command run from the repository (its output appended to ``log``); exits when it fails."""
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if log is not None:
        log.append(proc.stdout)
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout[-2000:] + proc.stderr[-4000:])
        raise SystemExit(f"failed: {' '.join(cmd)}")
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2, help="kernels at once for the report (as make report)")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds; medians are compared")
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error("--rounds: must be at least 1")

    python = sys.executable
    cli = str(Path(python).with_name("ygx-analysis"))
    env = dict(os.environ, MPLBACKEND="Agg")
    notebooks = [str(p) for p in sorted((REPO / "notebooks").glob("*.ipynb"))]
    report_times: list[float] = []
    report_logs: list[str] = []
    nbconvert_times: list[float] = []
    with tempfile.TemporaryDirectory(prefix="ygx-bench-") as tmp:
        tmp_path = Path(tmp)
        for _ in range(args.rounds):
            out = tmp_path / "build"
            shutil.rmtree(out, ignore_errors=True)
            report_times.append(timed([cli, "report", "--out", str(out), "--jobs", str(args.jobs)], env, report_logs))
            pages = tmp_path / "nbconvert"
            shutil.rmtree(pages, ignore_errors=True)
            nbconvert_times.append(timed([python, "-m", "jupyter", "nbconvert", "--to", "html", "--execute",
                                          "--ExecutePreprocessor.kernel_name=python3",
                                          "--output-dir", str(pages), *notebooks], env))
    report_s, nbconvert_s = statistics.median(report_times), statistics.median(nbconvert_times)
    ratio = report_s / nbconvert_s
    print(f"notebooks: {len(notebooks)}; report jobs: {args.jobs}; rounds: {args.rounds}; cpus: {os.cpu_count()}")
    print(f"report:    median {report_s:.2f} s (runs: {', '.join(f'{t:.2f}' for t in report_times)})")
    print(f"nbconvert: median {nbconvert_s:.2f} s (runs: {', '.join(f'{t:.2f}' for t in nbconvert_times)})")
    print(f"ratio of medians (report / nbconvert): {ratio:.2f} (target <= {TARGET})"
          + ("" if ratio <= TARGET else "  ABOVE TARGET"))
    briefing = [float(m.group(1)) for log in report_logs for m in BRIEFING_LINE.finditer(log)]
    if briefing:
        print(f"briefing:  median {statistics.median(briefing):.2f} s of the report (runs: "
              f"{', '.join(f'{t:.2f}' for t in briefing)}; target <= {BRIEFING_TARGET:.0f} s)"
              + ("" if statistics.median(briefing) <= BRIEFING_TARGET else "  ABOVE TARGET"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
