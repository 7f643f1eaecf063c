"""The command line: ``ygx-analysis validate|figures|…``.

Every error reaches the user as one line on stderr and a non-zero exit status
(2 for a bad argument or bad data), never as a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pandas as pd

PROG = "ygx-analysis"
FORMATS = ("table", "csv", "json")


class UsageError(Exception):
    """A bad command-line argument; printed as one line."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, not usage plus message."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: error: {message}")


def emit(frame: pd.DataFrame, fmt: str, out=None) -> None:
    """Write a tidy frame as an aligned table, CSV or JSON records (UTF-8)."""
    out = out or sys.stdout
    if fmt == "csv":
        out.write(frame.to_csv(index=False, lineterminator="\n"))
    elif fmt == "json":
        out.write(frame.to_json(orient="records", force_ascii=False, indent=2, double_precision=15))
        out.write("\n")
    else:
        with pd.option_context("display.max_rows", None, "display.max_columns", None,
                               "display.width", 200, "display.max_colwidth", 40):
            out.write(frame.to_string(index=False))
            out.write("\n")


# ---------------------------------------------------------------------------
# validate
# ---------------------------------------------------------------------------

def _add_validate(sub) -> None:
    p = sub.add_parser("validate", help="check every file in a data folder",
                       description="Check indicators.csv, context.csv and sources.csv in DATA_DIR. "
                                   "Prints row counts, or one line per problem and exits 1.")
    p.add_argument("data_dir", nargs="?", default=None, metavar="DATA_DIR",
                   help="folder holding the CSV files (default: the package's data/)")
    p.set_defaults(run=_run_validate)


def _run_validate(args: argparse.Namespace) -> int:
    from .data import default_data_dir, display_path, validate_data_dir

    data_dir = Path(args.data_dir) if args.data_dir else default_data_dir()
    counts, problems = validate_data_dir(data_dir)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{len(problems)} problem(s) in {display_path(data_dir)}", file=sys.stderr)
        return 1
    for name, n in counts.items():
        print(f"{name}: {n} rows")
    print(f"{display_path(data_dir)}: valid")
    return 0


# ---------------------------------------------------------------------------
# figures
# ---------------------------------------------------------------------------

def _add_figures(sub) -> None:
    from .data import SECTIONS

    p = sub.add_parser("figures", help="list the article's printed figures",
                       description="List the figures printed in the article, with their intervals.")
    p.add_argument("--section", choices=SECTIONS, help="only this section")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="label language")
    p.set_defaults(run=_run_figures)


def _run_figures(args: argparse.Namespace) -> int:
    from .data import load_indicators

    ind = load_indicators()
    if args.section:
        ind = ind[ind["section"] == args.section]
    columns = ["id", "section", "period", "measure", "value_printed", "unit", "qualifier",
               "low", "high", "interval", "excerpt"]
    frame = ind[columns].rename(columns={"value_printed": "value"})
    frame.insert(2, "label", ind["label_zh"] if args.lang == "zh" else ind["label_en"])
    emit(frame.reset_index(drop=True), args.format)
    return 0


# ---------------------------------------------------------------------------
# savings
# ---------------------------------------------------------------------------

def _add_savings(sub) -> None:
    from dataclasses import fields

    from .savings import SavingsAssumptions

    default = {f.name: f.default for f in fields(SavingsAssumptions)}
    p = sub.add_parser(
        "savings", help="cumulative and discounted savings of the 2024 reform",
        description="Year-by-year HR-cost savings of the 2024 reform, cumulated and discounted "
                    "(model results, not printed figures). t=0 is the end of the year before "
                    "--first-year; flows are end-of-year. Defaults: see SavingsAssumptions.")
    p.add_argument("--annual-saving", type=float, metavar="X",
                   help="zone's annual saving in 亿元 (default: row hr_cost_saving_annual, a lower bound)")
    p.add_argument("--wage-growth", type=float, metavar="PCT",
                   help=f"growth of the avoided cost, %% a year (default {default['wage_growth_pct']:g})")
    p.add_argument("--discount-rate", type=float, metavar="PCT",
                   help=f"nominal discount rate, %% a year (default {default['discount_rate_pct']:g})")
    p.add_argument("--first-year", type=int, metavar="Y",
                   help=f"first year counted (default {default['first_year']})")
    p.add_argument("--through", type=int, metavar="YEAR",
                   help=f"last year counted (default {default['through_year']})")
    p.add_argument("--group-recurs", action=argparse.BooleanOptionalAction, default=None,
                   help="whether the group's 2024 cut (row group_hr_cost_cut_2024) recurs (default: no)")
    p.add_argument("--group-growth", type=float, metavar="PCT",
                   help=f"growth of the group's cut if it recurs (default {default['group_growth_pct']:g})")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.set_defaults(run=_run_savings)


def _run_savings(args: argparse.Namespace) -> int:
    from .savings import CONVENTION, MODEL_NOTE, UNIT, SavingsAssumptions, savings_path, window_summary

    options = {"annual_saving": args.annual_saving, "wage_growth_pct": args.wage_growth,
               "discount_rate_pct": args.discount_rate, "first_year": args.first_year,
               "through_year": args.through, "group_recurs": args.group_recurs,
               "group_growth_pct": args.group_growth}
    assumptions = SavingsAssumptions(**{k: v for k, v in options.items() if v is not None})
    path = savings_path(assumptions)
    windows = window_summary(path)
    if args.format == "json":
        result = {
            "unit": UNIT,
            "model_result": True,
            "note": MODEL_NOTE,
            "convention": CONVENTION,
            "assumptions": assumptions.to_dict(),
            "windows": {row["window"]: {k: row[k] for k in ("start", "end", "years", "complete",
                                                             "cumulative_nominal", "npv")}
                        for row in windows.to_dict(orient="records")},
            "path": path.to_dict(orient="records"),
        }
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif args.format == "csv":
        emit(path, "csv")
    else:
        print(f"# {MODEL_NOTE}")
        print(f"# {UNIT}; {CONVENTION}")
        emit(path, "table")
        print()
        emit(windows, "table")
    return 0


# ---------------------------------------------------------------------------
# report
# ---------------------------------------------------------------------------

def _add_report(sub) -> None:
    p = sub.add_parser("report", help="build every notebook, figure and table into a folder",
                       description="Execute every notebook (HTML), export every registered figure "
                                   "(PNG/SVG/PDF) and table (CSV/XLSX), and write manifest.json, "
                                   "EXHIBITS.md and index.html into OUT. OUT is replaced only when "
                                   "everything succeeded.")
    p.add_argument("--out", default="build", metavar="OUT", help="output folder (default: build)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the exhibits")
    p.add_argument("--jobs", type=int, default=2, metavar="N", help="notebook kernels at once (default: 2)")
    p.add_argument("--project", default=None, metavar="DIR",
                   help="folder holding notebooks/ and data/ (default: this repository)")
    p.add_argument("--timeout", type=int, default=600, metavar="S", help="seconds allowed per cell")
    p.set_defaults(run=_run_report)


def _run_report(args: argparse.Namespace) -> int:
    from .data import display_path
    from .report import BuildError, build

    try:
        result = build(args.out, args.project, lang=args.lang, jobs=args.jobs, timeout=args.timeout,
                       log=lambda line: print(line, flush=True))
    except BuildError as exc:
        print(f"{PROG}: report failed, previous build kept: {exc}", file=sys.stderr)
        return 1
    print(display_path(result.index))
    return 0


# ---------------------------------------------------------------------------
# audit
# ---------------------------------------------------------------------------

def _add_audit(sub) -> None:
    p = sub.add_parser("audit", help="recompute and cross-check the article's figures",
                       description="One row per check: the figures the article implies (e.g. last year's "
                                   "levels behind its growth rates) and the consistency of its figures, "
                                   "each with value, low/high bounds from the printed rounding, the data "
                                   "rows used and a status (reproduced, consistent, flag, not_comparable). "
                                   "csv and json carry every column; an unbounded end is inf in csv and "
                                   "null in json (JSON has no infinity).")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.add_argument("--lang", choices=("zh", "en"), default="zh",
                   help="language of the note (and of the description in the table format)")
    p.set_defaults(run=_run_audit)


def _run_audit(args: argparse.Namespace) -> int:
    from .audit import audit

    frame = audit(lang=args.lang)
    if args.format == "table":
        description = f"description_{args.lang}"
        frame = frame[["check_id", description, "value", "low", "high", "reported", "status"]].rename(
            columns={description: "description"})
        frame = frame.assign(**{c: frame[c].round(4) for c in ("value", "low", "high")})
    emit(frame, args.format)
    return 0


# ---------------------------------------------------------------------------
# scenarios
# ---------------------------------------------------------------------------

def _add_scenarios(sub) -> None:
    from .montecarlo import DEFAULT_PATHS, DEFAULT_SEED, DEFAULT_SERIES

    p = sub.add_parser(
        "scenarios", help="十五五 (2026–2030) scenario paths, Monte Carlo fan and required growth",
        description="Deterministic scenario paths from data/scenarios.toml with the P5/P50/P95 of a seeded "
                    "Monte Carlo fan (one row per scenario, indicator and year; history rows have "
                    "is_projection false). With --required, print the constant annual growth needed "
                    "instead. Model results, not printed figures.")
    p.add_argument("--config", metavar="FILE", help="scenario file (default: data/scenarios.toml)")
    p.add_argument("--scenario", nargs="+", metavar="NAME", help="only these scenarios (default: all)")
    p.add_argument("--paths", type=int, default=DEFAULT_PATHS, metavar="N",
                   help=f"Monte Carlo paths per scenario; 0 skips the fan (default {DEFAULT_PATHS})")
    p.add_argument("--seed", type=int, default=DEFAULT_SEED, metavar="S", help=f"random seed (default {DEFAULT_SEED})")
    p.add_argument("--phi", type=float, metavar="PHI",
                   help=f"persistence of growth deviations (default: AR(1) fitted to {DEFAULT_SERIES})")
    p.add_argument("--required", action="append", metavar="INDICATOR=TARGET@YEAR",
                   help="growth needed to reach TARGET (a level, or xF for F times the 2025 level) by YEAR; "
                        "may be repeated")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.set_defaults(run=_run_scenarios)


def _run_scenarios(args: argparse.Namespace) -> int:
    from . import scenarios as sc

    spec = sc.load_scenarios(args.config)
    if args.required:
        emit(sc.required_growth_table([sc.parse_required(text) for text in args.required], spec), args.format)
        return 0
    if args.paths < 0:
        raise ValueError("paths: must not be negative")
    fan = None
    if args.paths > 0:
        from . import montecarlo as mc

        fan = mc.simulate(spec, scenarios=args.scenario, phi=args.phi, n_paths=args.paths,
                          seed=args.seed).quantiles
    emit(sc.scenario_table(spec, args.scenario, fan), args.format)
    return 0


COMMANDS: list[Callable[..., None]] = [
    _add_validate,
    _add_figures,
    _add_savings,
    _add_report,
    _add_audit,
    _add_scenarios,
]
"""Functions that each add one subcommand to the parser."""


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser."""
    from . import __version__

    parser = _Parser(prog=PROG, description="Yiyang High-tech Zone figures: data, audit and models.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for add in COMMANDS:
        add(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    from .data import DataError

    try:
        args = build_parser().parse_args(argv)
        return int(args.run(args))
    except UsageError as exc:
        print(exc, file=sys.stderr)
        return 2
    except DataError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # pragma: no cover - e.g. piping into head
        return 0
    except (ValueError, KeyError, OSError) as exc:
        message = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
        print(f"{PROG}: error: {message}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
