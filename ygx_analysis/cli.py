"""The command line: ``ygx-analysis validate|figures|…``.

Every error reaches the user as one line on stderr and a non-zero exit status
(2 for a bad argument or bad data), never as a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["UsageError", "build_parser", "emit", "main", "write_output"]

PROG = "ygx-analysis"
FORMATS = ("table", "csv", "json")


class UsageError(Exception):
    """A bad command-line argument; printed as one line."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, not usage plus message."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: error: {message}")


def _add_common(p: argparse.ArgumentParser, *, output: bool = True) -> None:
    """``--format``, ``--lang`` and (for a table) ``--output``, the same on every command that prints one."""
    p.add_argument("--format", choices=FORMATS, default="table")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the labels and notes (default zh)")
    if output:
        p.add_argument("--output", metavar="FILE", help="write the table to FILE instead of standard output: XLSX "
                       "when FILE ends .xlsx, JSON when .json, else CSV in UTF-8 with a byte-order mark (Excel "
                       "shows the Chinese); notes and assumptions go into FILE-metadata.json (CSVW) beside a CSV")


def write_output(frame: pd.DataFrame, path: str, *, name: str, about: dict[str, Any] | None = None) -> None:
    """Write ``frame`` to ``path`` for a person: XLSX by extension, JSON, or CSV with a BOM and its CSVW sidecar."""
    from .report.export import write_csv, write_csv_metadata, write_xlsx

    about = {key: value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
             for key, value in (about or {}).items()}
    suffix = Path(path).suffix.lower()
    if suffix == ".xlsx":
        write_xlsx(frame, path, table_id=name, source=about.pop("source", ""), about=about, lang=None,
                   drop_machine=False)  # the CSV's columns and headers, laid out for Excel
    elif suffix == ".json":
        Path(path).write_text(frame.to_json(orient="records", force_ascii=False, indent=2, double_precision=15)
                              + "\n", encoding="utf-8")
    else:
        write_csv(frame, path)
        if about:
            write_csv_metadata(path, {"id": name, **about})


def emit(frame: pd.DataFrame, fmt: str, out=None, *, output: str | None = None, name: str = "table",
         about: dict[str, Any] | None = None) -> None:
    """Write a tidy frame as an aligned table, CSV or JSON records (UTF-8), or to the file ``output``
    (:func:`write_output`; ``about``: the notes and assumptions that belong with it)."""
    if output:
        write_output(frame, output, name=name, about=about)
        return
    out = out or sys.stdout
    if fmt == "csv":
        out.write(frame.to_csv(index=False, lineterminator="\n"))
    elif fmt == "json":
        out.write(frame.to_json(orient="records", force_ascii=False, indent=2, double_precision=15) + "\n")
    else:
        with pd.option_context("display.max_rows", None, "display.max_columns", None,
                               "display.width", 200, "display.max_colwidth", 40):
            out.write(frame.to_string(index=False) + "\n")


def _add_validate(sub) -> None:
    p = sub.add_parser("validate", help="check every file in a data folder",
                       description="Check DATA_DIR: indicators.csv, context.csv and sources.csv (fields, ids, "
                                   "sources, series, each value against its excerpt), datapackage.json "
                                   "(structure, and the data against its schemas with frictionless when "
                                   "installed), scenarios.toml and, where it exists, savings.toml. Prints "
                                   "counts and the analyses a full-year 2025 row now feeds, or one line per "
                                   "problem and exits 1.")
    p.add_argument("data_dir", nargs="?", default=None, metavar="DATA_DIR",
                   help="folder holding the data files (default: the package's data/)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of what a new row feeds")
    p.set_defaults(run=_run_validate)


def _validate_scenarios(data_dir: Path, csv_clean: bool, lang: str = "zh") -> str:
    """``data_dir/scenarios.toml`` checked (row ids too, when its CSV files are clean): a count, and a line for
    each full-year 2025 row that is now the jump-off (the words in ``meta/scenario_tables.yml``)."""
    from .exhibits import words
    from .scenarios import load_scenarios

    spec = load_scenarios(data_dir / "scenarios.toml", data_dir, check_rows=csv_clean)
    feeds = spec.outturns().itertuples(index=False) if csv_clean else ()
    return "\n".join([f"{len(spec.scenarios)} scenarios"] + [
        words.fill("scenario_tables", f"feeds.{r.replaces}", lang, row=r.row_id, indicator=r.indicator)
        for r in feeds])


def _validate_savings(data_dir: Path, csv_clean: bool, lang: str = "zh") -> str:
    """``data_dir/savings.toml`` checked (when the CSV files its rows are in are clean): a count."""
    from .savings import NAMES, SavingsAssumptions

    if not csv_clean:
        return "not checked (its data rows are in CSV files with problems)"
    SavingsAssumptions.from_toml(None, data_dir)
    return f"{len(NAMES)} assumptions"


def _run_validate(args: argparse.Namespace) -> int:
    import importlib.util

    from .data.tables import default_data_dir, display_path
    from .data.validation import validate_data_dir
    from .data.datapackage import check_with_frictionless

    if args.data_dir is not None and not args.data_dir.strip():
        raise ValueError("DATA_DIR: is empty; give a folder, or leave it out for the package's data/")
    data_dir = Path(args.data_dir) if args.data_dir else default_data_dir()
    counts, problems = validate_data_dir(data_dir, frictionless=False)
    lines = [str(problem) for problem in problems]
    summary = [f"{name}: {n} rows" for name, n in counts.items()]
    if counts:  # the folder could be read
        deep = importlib.util.find_spec("frictionless") is not None
        summary.append("datapackage.json: " + ("structure, and the data against its schemas (frictionless)" if deep
                                               else "structure (frictionless not installed)"))
        csv_clean = not any(problem.path.endswith(".csv") for problem in problems)
        for name, validate in (("scenarios.toml", _validate_scenarios), ("savings.toml", _validate_savings)):
            if name == "savings.toml" and not (data_dir / name).exists():
                summary.append(f"{name}: absent (optional)")
            elif not any(problem.path == display_path(data_dir / name) for problem in problems):
                try:
                    summary.append(f"{name}: {validate(data_dir, csv_clean, args.lang)}")
                except ValueError as exc:  # DataError, with .problems
                    lines += [str(problem) for problem in getattr(exc, "problems", [exc])]
        if not lines:  # last and slowest: the data against the descriptor's schemas
            lines = [str(problem) for problem in check_with_frictionless(data_dir)]
    if lines:
        for line in lines:
            print(line, file=sys.stderr)
        print(f"{len(lines)} problem(s) in {display_path(data_dir)}", file=sys.stderr)
        return 1
    for line in summary:
        print(line)
    print(f"{display_path(data_dir)}: valid")
    return 0


def _add_figures(sub) -> None:
    from .data.tables import SECTIONS

    p = sub.add_parser("figures", help="list the article's printed figures",
                       description="List the figures printed in the article, with their intervals.")
    p.add_argument("--section", choices=SECTIONS, help="only this section")
    _add_common(p)
    p.set_defaults(run=_run_figures)


def _run_figures(args: argparse.Namespace) -> int:
    from .data.tables import load_indicators

    ind = load_indicators()
    if args.section:
        ind = ind[ind["section"] == args.section]
    columns = ["id", "section", "period", "measure", "value_printed", "unit", "qualifier",
               "low", "high", "interval", "excerpt"]
    frame = ind[columns].rename(columns={"value_printed": "value"})
    frame.insert(2, "label", ind[f"label_{args.lang}"])
    emit(frame.reset_index(drop=True), args.format, output=args.output, name="figures")
    return 0


def _add_savings(sub) -> None:
    p = sub.add_parser(
        "savings", help="cumulative and discounted savings of the 2024 reform",
        description="Year-by-year gross HR-cost savings of the 2024 reform to the zone, cumulated and discounted "
                    "(model results, not printed figures). The assumptions come from data/savings.toml (or "
                    "--config FILE); each flag overrides one value. Present values are at the end of "
                    "--valuation-year (default 2025) whatever --first-year is. The state-owned group's cut is a "
                    "separate line, added to the total only with --include-group. csv on standard output is the "
                    "table only (its notes and the assumptions used go to standard error); --output FILE.csv "
                    "writes them into FILE.csv-metadata.json.")
    p.add_argument("--config", metavar="FILE", help="assumptions file (default: data/savings.toml)")
    p.add_argument("--annual-saving", type=float, metavar="X",
                   help="zone's annual saving in 亿元 (file default: row hr_cost_saving_annual, a lower bound)")
    p.add_argument("--wage-growth", type=float, metavar="PCT", help="growth of the avoided cost, %% a year")
    p.add_argument("--discount-rate", type=float, metavar="PCT", help="nominal discount rate, %% a year")
    p.add_argument("--first-year", type=int, metavar="Y", help="first year counted")
    p.add_argument("--through", type=int, metavar="YEAR", help="last year counted")
    p.add_argument("--valuation-year", type=int, metavar="Y", help="present values at the end of this year")
    p.add_argument("--timing", choices=("end", "mid"), help="each saving at the end of its year or at mid-year")
    p.add_argument("--group-recurs", action=argparse.BooleanOptionalAction, default=None,
                   help="whether the group's 2024 cut (row group_hr_cost_cut_2024) recurs")
    p.add_argument("--group-growth", type=float, metavar="PCT", help="growth of the group's cut if it recurs")
    p.add_argument("--include-group", action=argparse.BooleanOptionalAction, default=None,
                   help="add the group's line (a company's cost) to the total")
    p.add_argument("--transferred-cost", type=float, metavar="X",
                   help="personnel cost taken on by the receiving governments, 亿元 a year: gives net savings")
    _add_common(p)
    p.set_defaults(run=_run_savings)


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as dicts with NaN (unknown) as None, which JSON can hold."""
    return [{k: (None if isinstance(v, float) and v != v else v) for k, v in row.items()}
            for row in frame.to_dict(orient="records")]


def _run_savings(args: argparse.Namespace) -> int:
    from .exhibits import words
    from .exhibits.reform_savings import THEME, convention, notes
    from .savings import UNIT, SavingsAssumptions, run_savings

    options = {"annual_saving": args.annual_saving, "wage_growth_pct": args.wage_growth, "discount_rate_pct":
               args.discount_rate, "first_year": args.first_year, "through_year": args.through, "valuation_year":
               args.valuation_year, "timing": args.timing, "group_recurs": args.group_recurs, "group_growth_pct":
               args.group_growth, "include_group": args.include_group, "transferred_cost": args.transferred_cost}
    assumptions = SavingsAssumptions.from_toml(args.config, None, {k: v for k, v in options.items() if v is not None})
    result = run_savings(assumptions)
    path, windows, lang = result.path, result.windows, args.lang
    about = {"note": words.text(THEME, "model_note", lang), "notes": notes(assumptions, lang),
             "convention": convention(assumptions, lang), "assumptions": assumptions.to_dict()}
    if args.output:
        emit(path, args.format, output=args.output, name="savings", about=about)
    elif args.format == "json":
        document = {
            "unit": UNIT, "model_result": True, "note": about["note"],
            "notes": about["notes"], "convention": about["convention"], "assumptions": about["assumptions"],
            "windows": {row["window"]: {k: row[k] for k in ("start", "end", "years", "complete", "cumulative_nominal",
                                                             "npv", "net_nominal", "net_npv")}
                        for row in _records(windows)},
            "path": _records(path),
        }
        json.dump(document, sys.stdout, ensure_ascii=False, indent=2, allow_nan=False)
        sys.stdout.write("\n")
    elif args.format == "csv":  # the table only; what belongs with it goes to standard error
        for note in about["notes"]:
            print(f"# {note}", file=sys.stderr)
        print(f"# assumptions: {json.dumps(about['assumptions'], ensure_ascii=False)}", file=sys.stderr)
        emit(path, "csv")
    else:
        for note in about["notes"]:
            print(f"# {note}")
        print(f"# {UNIT}; {about['convention']}")
        emit(path, "table")
        print()
        emit(windows, "table")
    return 0


def _add_report(sub) -> None:
    p = sub.add_parser("report", help="build every notebook, figure and table into a folder",
                       description="Execute every notebook (HTML), export every registered figure "
                                   "(PNG/SVG/PDF) and table (CSV/XLSX), and write manifest.json, "
                                   "EXHIBITS.md and index.html into OUT. OUT is replaced only when "
                                   "everything succeeded, and only when it is missing, empty or an earlier "
                                   "build (holding .ygx-report.json); a symbolic link is followed. The data "
                                   "folder is copied first and only the copy is read. One build at a time "
                                   "per OUT (OUT.lock). SIGINT/SIGTERM stop it (exit 130/143), keeping the "
                                   "previous build. SOURCE_DATE_EPOCH, when set, fixes the times written. "
                                   "--set and --savings-config/--scenarios-config change an assumption file of "
                                   "the copy for this build only (data/ is never written); the exhibits reading "
                                   "it cite +modified, and manifest.json and EXHIBITS.md list the changes. "
                                   "Example: ygx-analysis report --set savings.annual_saving=2 "
                                   "--set scenarios.base.value_added.end_growth_pct=5")
    p.add_argument("--out", default="build", metavar="OUT", help="output folder (default: build)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the exhibits")
    p.add_argument("--jobs", type=int, default=2, metavar="N", help="notebook kernels at once, 1 to 64 (default: 2)")
    p.add_argument("--project", default=None, metavar="DIR",
                   help="folder holding notebooks/ and data/ (default: this repository)")
    p.add_argument("--timeout", type=int, default=600, metavar="S",
                   help="seconds allowed per cell, 1 to 86400 (default: 600)")
    p.add_argument("--set", action="append", default=[], metavar="FILE.KEY=VALUE", dest="overrides",
                   help="set one value of savings.toml or scenarios.toml for this build; may be repeated. "
                        "savings.NAME=V sets assumptions.NAME.default (savings.NAME.low / .high the range); "
                        "scenarios.SCENARIO.INDICATOR.KEY=V a scenario's key (scenarios.model.vol_scale=2 a "
                        "top-level table's). VALUE is TOML; a bare word such as mid is text. "
                        "E.g. --set savings.annual_saving=2 --set savings.timing=mid")
    p.add_argument("--savings-config", metavar="FILE", help="a whole savings.toml to use for this build")
    p.add_argument("--scenarios-config", metavar="FILE", help="a whole scenarios.toml to use for this build")
    p.set_defaults(run=_run_report)


def _run_report(args: argparse.Namespace) -> int:
    from .data.tables import display_path
    from .report import BuildError, build
    from .report.safety import BuildInterrupted

    configs = {name: path for name, path in (("savings.toml", args.savings_config),
                                             ("scenarios.toml", args.scenarios_config)) if path is not None}
    try:
        result = build(args.out, args.project, lang=args.lang, jobs=args.jobs, timeout=args.timeout,
                       log=lambda line: print(line, flush=True), overrides=args.overrides, configs=configs)
    except BuildError as exc:
        print(f"{PROG}: report failed, previous build kept: {exc}", file=sys.stderr)
        return 1
    except BuildInterrupted as exc:
        kept = "the new build was in place already" if exc.swapped else "previous build kept"
        print(f"{PROG}: report {exc}; kernels stopped, temporary folder removed, {kept}", file=sys.stderr)
        return exc.exit_status
    print(display_path(result.index))
    return 0


def _add_audit(sub) -> None:
    p = sub.add_parser("audit", help="recompute and cross-check the article's figures",
                       description="One row per check: the figures the article implies (e.g. last year's "
                                   "levels behind its growth rates) and the consistency of its figures, "
                                   "each with value, low/high bounds from the printed rounding, the data "
                                   "rows used and a status (reproduced, consistent, flag, not_comparable). "
                                   "csv and json carry every column; an unbounded end is inf in csv and "
                                   "null in json (JSON has no infinity).")
    _add_common(p)
    p.set_defaults(run=_run_audit)


def _run_audit(args: argparse.Namespace) -> int:
    from .exhibits.article_audit import audit_frame

    frame = audit_frame(args.lang)
    if args.format == "table":
        description = f"description_{args.lang}"
        frame = frame[["check_id", description, "value", "low", "high", "reported", "status"]].rename(
            columns={description: "description"})
        frame = frame.assign(**{c: frame[c].round(4) for c in ("value", "low", "high")})
    emit(frame, args.format, output=args.output, name="audit")
    return 0


def _add_scenarios(sub) -> None:
    from .scenarios import DEFAULT_PATHS, DEFAULT_SEED

    p = sub.add_parser(
        "scenarios", help="十五五 (2026–2030) scenario paths, Monte Carlo fan and required growth",
        description="Deterministic scenario paths from data/scenarios.toml with the P5/P50/P95 of a seeded Monte "
                    "Carlo fan (one row per scenario, indicator and year; history rows have is_projection false). "
                    "With --required, print the constant annual growth needed instead. Model results, not "
                    "printed figures.")
    p.add_argument("--config", metavar="FILE", help="scenario file (default: data/scenarios.toml)")
    p.add_argument("--scenario", nargs="+", metavar="NAME", help="only these scenarios (default: all)")
    p.add_argument("--paths", type=int, default=DEFAULT_PATHS, metavar="N",
                   help=f"Monte Carlo paths per scenario; 0 skips the fan (default {DEFAULT_PATHS})")
    p.add_argument("--seed", type=int, default=DEFAULT_SEED, metavar="S", help=f"random seed (default {DEFAULT_SEED})")
    p.add_argument("--phi", type=float, metavar="PHI",
                   help="persistence of every growth shock (default: the AR(1) fit of each indicator's series)")
    p.add_argument("--vol-scale", type=float, metavar="X",
                   help="the zone's volatility as a multiple of the national series' (default: the file's)")
    p.add_argument("--pipeline", action="store_true",
                   help="switch on the 2024 investment pipeline ([pipeline] of the scenario file)")
    p.add_argument("--targets", action="store_true",
                   help="print the probability of reaching each target (with its Monte Carlo standard error) "
                        "instead of the paths")
    p.add_argument("--dump-paths", metavar="FILE", help="also write every simulated path (scenario, path, "
                   "indicator, year, value) to FILE: CSV, or Parquet when FILE ends .parquet (needs pyarrow)")
    p.add_argument("--required", action="append", metavar="INDICATOR=TARGET@YEAR", help="growth needed to reach "
                   "TARGET (a level, or xF for F times the 2025 level) by YEAR; may be repeated")
    _add_common(p)
    p.set_defaults(run=_run_scenarios)


def _run_scenarios(args: argparse.Namespace) -> int:
    from .scenarios import load_scenarios, montecarlo, results, targets

    spec = load_scenarios(args.config).with_pipeline() if args.pipeline else load_scenarios(args.config)
    if args.required:
        from .exhibits.scenario_tables import basis_label

        table = targets.required_growth_table(spec.jumpoff, [targets.parse_required(t) for t in args.required])
        table["basis_2025"] = [basis_label(b, args.lang) for b in table["basis_2025"]]
        emit(table, args.format, output=args.output, name="scenarios-required")
        return 0
    if args.paths < 0:
        raise ValueError("paths: must not be negative")
    if args.paths == 0 and (args.dump_paths or args.targets):
        raise ValueError("paths: --dump-paths and --targets need a fan (--paths above 0)")
    montecarlo.check_fan_memory(args.paths, len(spec.scenario_names(args.scenario)), bool(args.dump_paths))
    if args.dump_paths and not os.path.isdir(folder := os.path.dirname(os.path.abspath(args.dump_paths))):
        raise ValueError(f"dump-paths: {args.dump_paths}: no such folder {folder}")   # before a long simulation
    result = None if args.paths == 0 else spec.simulate(args.paths, args.seed, scenarios=args.scenario, phi=args.phi,
                                                        vol_scale=args.vol_scale, keep_paths=bool(args.dump_paths))
    if args.dump_paths:
        try:
            results.write_paths(result, args.dump_paths)
        except OSError as exc:
            raise ValueError(f"dump-paths: {args.dump_paths}: {_os_error_line(exc)}") from None
    emit(results.target_probability_table(result, spec.target_levels(), args.lang) if args.targets
         else results.scenario_table(spec.project(args.scenario), result), args.format, output=args.output,
         name="scenarios-targets" if args.targets else "scenarios")
    return 0


COMMANDS: list[Callable[..., None]] = [_add_validate, _add_figures, _add_savings, _add_report, _add_audit,
                                       _add_scenarios]
"""Functions that each add one subcommand to the parser."""


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser."""
    from . import __version__

    parser = _Parser(prog=PROG, description="Yiyang High-tech Zone figures: data, audit and models.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser, required=True)
    for add in COMMANDS:
        add(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    from .data.tables import DataError

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
    except KeyboardInterrupt:
        print(f"{PROG}: stopped by SIGINT", file=sys.stderr)
        return 130
    except OSError as exc:
        print(f"{PROG}: error: {_os_error_line(exc)}", file=sys.stderr)
        return 2
    except (ValueError, KeyError) as exc:
        message = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
        print(f"{PROG}: error: {message}", file=sys.stderr)
        return 2


def _os_error_line(exc: OSError) -> str:
    """An ``OSError`` as one line naming its path (``a -> b: File exists``), without ``[Errno N]``."""
    from .data.tables import display_path

    text = str(exc).strip()
    reason = exc.strerror or (text.splitlines()[0] if text else type(exc).__name__)
    if exc.filename is None:
        return reason
    where = display_path(exc.filename)
    if exc.filename2 is not None:
        where += f" -> {display_path(exc.filename2)}"
    return f"{where}: {reason}"


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
