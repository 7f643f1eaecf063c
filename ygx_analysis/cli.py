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


COMMANDS: list[Callable[..., None]] = [_add_validate, _add_figures]
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
