"""Time ``ygx-analysis report`` against its floor and print the ratio (target: at most 2.0).

The floor is the least any report of these notebooks can cost: N kernels (one per
notebook in ``notebooks/``), each importing pandas and matplotlib, run the same way
as the report runs its notebooks (``ygx_analysis.report.execute_notebooks``, the same
number of kernels at once, a fresh Python process that starts them).

Usage::

    python benchmarks/bench_report.py [--jobs 2] [--repeat 3]

The package is byte-compiled first, as `make report` does. Each timing is the wall time of
a fresh process; the best of ``--repeat`` runs is used.
Not a test: it prints numbers and exits 0 (1 when the report fails).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGET = 2.0

FLOOR_SCRIPT = """
import sys
from pathlib import Path
from ygx_analysis.report import execute_notebooks, kernel_env
folder, jobs = Path(sys.argv[1]), int(sys.argv[2])
paths = sorted(folder.glob("*.ipynb"))
out = folder / "out"
out.mkdir(exist_ok=True)
runs = execute_notebooks(paths, out, jobs=jobs, env=kernel_env(), write=False)
bad = [r.error for r in runs if not r.ok]
if bad:
    sys.exit("; ".join(bad))
"""


def floor_notebooks(folder: Path, n: int) -> None:
    """Write ``n`` notebooks whose only cell imports pandas and matplotlib."""
    import nbformat

    for i in range(n):
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import pandas\nimport matplotlib")])
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(nb, folder / f"floor_{i:02d}.ipynb")


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(f"failed: {' '.join(cmd)}")
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2, help="kernels at once (as make report)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; the best is used")
    args = parser.parse_args(argv)

    python = sys.executable
    cli = str(Path(python).with_name("ygx-analysis"))
    env = dict(os.environ, MPLBACKEND="Agg")
    notebooks = sorted((REPO / "notebooks").glob("*.ipynb"))
    n = len(notebooks)
    with tempfile.TemporaryDirectory(prefix="ygx-bench-") as tmp:
        tmp_path = Path(tmp)
        floor_dir = tmp_path / "floor"
        floor_dir.mkdir()
        floor_notebooks(floor_dir, n)
        # as `make report` does first: bytecode for the (editable) package
        subprocess.run([python, "-m", "compileall", "-q", str(REPO / "ygx_analysis")], check=True)
        report_times, floor_times = [], []
        for _ in range(args.repeat):  # interleaved, so drift in machine load hits both
            floor_times.append(timed([python, "-c", FLOOR_SCRIPT, str(floor_dir), str(args.jobs)], env))
            report_times.append(timed([cli, "report", "--out", str(tmp_path / "build"), "--jobs", str(args.jobs)],
                                      env))
        manifest = json.loads((tmp_path / "build" / "manifest.json").read_text(encoding="utf-8"))
    report_s, floor_s = min(report_times), min(floor_times)
    ratio = report_s / floor_s
    print(f"notebooks: {n}; exhibits: {len(manifest['exhibits'])}; jobs: {args.jobs}; cpus: {os.cpu_count()}")
    print(f"report: {report_s:.2f} s (runs: {', '.join(f'{t:.2f}' for t in report_times)})")
    print(f"floor:  {floor_s:.2f} s ({n} kernels importing pandas and matplotlib; runs: "
          f"{', '.join(f'{t:.2f}' for t in floor_times)})")
    print(f"ratio:  {ratio:.2f} (target <= {TARGET})" + ("" if ratio <= TARGET else "  ABOVE TARGET"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
