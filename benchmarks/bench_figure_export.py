"""Where a figure's export time goes: build, layout, PNG, SVG and PDF, against one plain Agg draw.

The report exports every registered figure as PNG (200 dpi), SVG and PDF after one
layout pass, each written by ``Figure.savefig``. This script builds and exports each figure in one warm process (the
report's kernels pay matplotlib's imports once each, not shown here) and prints
the seconds per phase and the ratio of the whole export to one plain Agg draw of
the same figure at 200 dpi (what any PNG needs at least).

Usage::

    python benchmarks/bench_figure_export.py [--lang zh] [--repeat 3]

The best of ``--repeat`` passes over all figures is used. Not a test: it prints
numbers and exits 0.
"""

from __future__ import annotations

import argparse
import io
import tempfile
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("zh", "en"), default="zh")
    parser.add_argument("--repeat", type=int, default=3, help="passes over all figures; the best is used")
    args = parser.parse_args(argv)

    from ygx_analysis import exhibits
    from ygx_analysis.exhibits.style import house_style, save_figure
    from ygx_analysis.report import export

    ids = [ex.id for ex in exhibits.all_exhibits() if ex.kind == "figure"]
    phases = ("build", "layout", "png", "svg", "pdf")
    best = dict.fromkeys(phases + ("plain draw",), float("inf"))
    with tempfile.TemporaryDirectory(prefix="ygx-bench-fig-") as tmp:
        for exhibit_id in ids:  # warm up: imports, fonts, data
            export.export_exhibit(exhibit_id, tmp, args.lang)
        for _ in range(args.repeat):
            spent = dict.fromkeys(best, 0.0)
            for exhibit_id in ids:
                with house_style():
                    start = time.perf_counter()
                    fig = exhibits.render(exhibit_id, args.lang)
                    spent["build"] += time.perf_counter() - start
                    start = time.perf_counter()
                    export.freeze_layout(fig, export.FIGURE_DPI)
                    spent["layout"] += time.perf_counter() - start
                    for fmt in ("png", "svg", "pdf"):
                        start = time.perf_counter()
                        save_figure(fig, Path(tmp) / exhibit_id, formats=(fmt,), dpi=export.FIGURE_DPI)
                        spent[fmt] += time.perf_counter() - start
                    start = time.perf_counter()
                    fig.savefig(io.BytesIO(), format="rgba", dpi=export.FIGURE_DPI)
                    spent["plain draw"] += time.perf_counter() - start
            best = {k: min(best[k], spent[k]) for k in best}
    export = sum(best[p] for p in phases)
    print(f"figures: {len(ids)}; lang: {args.lang}; seconds for all figures (best of {args.repeat}):")
    for name in phases + ("plain draw",):
        print(f"  {name:<11} {best[name]:6.3f}  ({best[name] / len(ids) * 1000:5.1f} ms a figure)")
    print(f"ratio: export (build + layout + PNG + SVG + PDF) / plain Agg draw = {export / best['plain draw']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
