"""A corpus of bad inputs: data files, TOML files and command-line arguments.

Every case runs one command on a temporary copy of ``data/`` (through DATA_DIR,
``YGX_DATA_DIR`` or ``--config``) and checks, through :func:`_check_failure`: exit
status 1 or 2, no traceback, one line on stderr (``validate``: one line per problem
and a count line), the expected message, no hang, the sha256 of every file under
``data/`` unchanged, and every notebook under ``notebooks/`` unwritten (same size and
modification time: hashing their 5 MB of images per case would double the corpus's time). Cases run in-process through
``ygx_analysis.cli.main``; only those that must prove a process cannot hang or
print a traceback run in a subprocess.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ygx_analysis.data import files as inputs
from ygx_analysis.cli import main

from .conftest import DATA, REPO

IN_PROCESS_SECONDS = 20
SUBPROCESS_SECONDS = 20
SUBPROCESS_MEMORY = 1_500_000_000
COUNT_LINE = re.compile(r"^(\d+) problem\(s\) in ")
BIG = inputs.MAX_INPUT_BYTES + 10_000_000  # a sparse file: its size costs no disk


def _tree_hashes() -> dict[str, object]:
    data = {str(p.relative_to(REPO)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(DATA.rglob("*")) if p.is_file()}
    notebooks = {str(p.relative_to(REPO)): (p.stat().st_size, p.stat().st_mtime_ns)
                 for p in sorted((REPO / "notebooks").rglob("*")) if p.is_file()}
    return {**data, **notebooks}


class _Hung(BaseException):
    """Raised by the in-process deadline; a BaseException so that no handler swallows it."""


@contextlib.contextmanager
def _deadline(seconds: float):
    def alarm(signum, frame):
        raise _Hung(f"no answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _in_process(argv: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with _deadline(IN_PROCESS_SECONDS), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, err.getvalue()


def _limit_memory() -> None:  # pragma: no cover - runs in the child
    resource.setrlimit(resource.RLIMIT_AS, (SUBPROCESS_MEMORY, SUBPROCESS_MEMORY))


def _subprocess(argv: list[str], env: dict[str, str], seconds: float) -> tuple[int, str]:
    env = {**os.environ, **env, "OPENBLAS_NUM_THREADS": "1", "MPLBACKEND": "Agg"}
    try:
        proc = subprocess.run([sys.executable, "-m", "ygx_analysis", *argv], capture_output=True, text=True,
                              env=env, timeout=seconds, preexec_fn=_limit_memory, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{argv}: no answer within {seconds} s (hang)")
    return proc.returncode, proc.stderr


def _check_failure(code: int, err: str, expected: str, *, validate: bool) -> None:
    """Exit 1 or 2, no traceback, the expected text, and one line (validate: one per problem + count)."""
    assert code in (1, 2), (code, err)
    assert "Traceback" not in err, err
    lines = err.splitlines()
    if validate:
        count = COUNT_LINE.match(lines[-1]) if lines else None
        assert count and int(count.group(1)) == len(lines) - 1, err
        assert any(expected in line for line in lines[:-1]), err
    else:
        assert len(lines) == 1, err
        assert expected in lines[0], err


# ---------------------------------------------------------------------------
# breaking a temporary copy of data/
# ---------------------------------------------------------------------------

def _set_field(path: Path, row_id: str, column: str, new: str) -> int:
    """Set one field of the row whose first field is ``row_id``; return the row's line."""
    import csv

    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    column_index = rows[0].index(column)
    line = next(i for i, row in enumerate(rows) if row and row[0] == row_id) + 1
    rows[line - 1][column_index] = new
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return line


def value(new: str, file: str = "indicators.csv", row: str = "fiscal_revenue_total_2024",
          column: str = "value") -> Callable[[Path], int]:
    return lambda d: _set_field(d / file, row, column, new)


def replace(file: str, old: str, new: str) -> Callable[[Path], int]:
    """Replace the first ``old`` in ``file``; return its line."""
    def setup(d: Path) -> int:
        text = (d / file).read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {file}"
        (d / file).write_text(text.replace(old, new, 1), encoding="utf-8")
        return text[: text.index(old)].count("\n") + 1

    return setup


def write(file: str, content: str | bytes) -> Callable[[Path], None]:
    def setup(d: Path) -> None:
        (d / file).unlink(missing_ok=True)
        if isinstance(content, bytes):
            (d / file).write_bytes(content)
        else:
            (d / file).write_text(content, encoding="utf-8")

    return setup


def fifo(file: str) -> Callable[[Path], None]:
    def setup(d: Path) -> None:
        (d / file).unlink(missing_ok=True)
        os.mkfifo(d / file)

    return setup


def symlink(file: str, target: str) -> Callable[[Path], None]:
    def setup(d: Path) -> None:
        (d / file).unlink(missing_ok=True)
        (d / file).symlink_to(target)

    return setup


def link_loop(file: str) -> Callable[[Path], None]:
    def setup(d: Path) -> None:
        (d / file).unlink(missing_ok=True)
        (d / file).symlink_to(d / "other.lnk")
        (d / "other.lnk").symlink_to(d / file)

    return setup


def sparse(file: str, size: int = BIG) -> Callable[[Path], None]:
    def setup(d: Path) -> None:
        with open(d / file, "r+b" if (d / file).exists() else "wb") as handle:
            handle.truncate(size)

    return setup


def folder(file: str) -> Callable[[Path], None]:
    def setup(d: Path) -> None:
        (d / file).unlink(missing_ok=True)
        (d / file).mkdir()

    return setup


def remove(file: str) -> Callable[[Path], None]:
    return lambda d: (d / file).unlink()


def beside(name: str, make: Callable[[Path], object]) -> Callable[[Path], None]:
    """Make ``name`` beside the data copy (in the test's folder) with ``make(path)``."""
    return lambda d: make(d.parent / name) and None


def foreign_folder(path: Path) -> None:
    """A user's folder: a document and a manifest.json of another program."""
    path.mkdir()
    (path / "thesis.docx").write_bytes(b"PK\x03\x04 my thesis")
    (path / "manifest.json").write_text('{"name": "my-app"}\n', encoding="utf-8")


def intact(name: str) -> Callable[[Path], None]:
    """After the command: the foreign folder ``name`` holds its two files, unchanged, and nothing was left beside."""
    def check(d: Path) -> None:
        folder = d.parent / name
        assert sorted(p.name for p in folder.iterdir()) == ["manifest.json", "thesis.docx"]
        assert (folder / "thesis.docx").read_bytes() == b"PK\x03\x04 my thesis"
        assert sorted(p.name for p in d.parent.iterdir()) == ["data", name]

    return check


def nothing_beside(d: Path) -> None:
    """After the command: no lock file, temporary folder or build beside the data copy."""
    assert [p.name for p in d.parent.iterdir() if p.name != "data" and not p.name.startswith("given")] == []


def both(*setups: Callable[[Path], object]) -> Callable[[Path], None]:
    def setup(d: Path) -> None:
        for s in setups:
            s(d)

    return setup


@dataclass(frozen=True)
class Case:
    """One bad input: the arguments ({data} is the broken copy), the expected text, how to break the copy."""

    argv: tuple[str, ...]
    expected: str
    setup: Callable[[Path], object] | None = None
    data_env: bool = False  # point YGX_DATA_DIR at the copy (for figures/audit/savings)
    subprocess: bool = False
    seconds: float = SUBPROCESS_SECONDS
    env: tuple[tuple[str, str], ...] = ()  # more environment variables
    after: Callable[[Path], None] | None = None  # checks on the copy's folder after the command


VALIDATE = ("validate", "{data}")
NUMBER_HINT = "write a plain decimal in ASCII digits"
TOML_DEEP = "x = " + "[" * 500 + "]" * 500 + "\n"
TOML_DOTTED = "[meta]\n" + ".".join(["a"] * 40) + " = 1\n"

CASES: dict[str, Case] = {
    # --- numbers in the CSV files -------------------------------------------------------------
    "full-width digits": Case(VALIDATE, "indicators.csv:{line}: value: not a number: '６２.０８'",
                              value("６２.０８")),
    "arabic-indic digits": Case(VALIDATE, "value: not a number: '٦٢.٠٨'", value("٦٢.٠٨")),
    "devanagari digits": Case(VALIDATE, "value: not a number: '६२'", value("६२")),
    "underscore separator": Case(VALIDATE, "value: not a number: '6_208'", value("6_208")),
    "comma separator": Case(VALIDATE, "value: not a number: '6,208'", value("6,208")),
    "exponent": Case(VALIDATE, "value: not a number: '1e5'", value("1e5")),
    "nan": Case(VALIDATE, "value: not a number: 'nan'", value("nan")),
    "inf": Case(VALIDATE, "value: not a number: 'inf'", value("inf")),
    "minus infinity": Case(VALIDATE, "value: not a number: '-Infinity'",
                           value("-Infinity", "context.csv", "hn_iva_growth_2024")),
    "leading plus": Case(VALIDATE, f"value: not a number: '+6.6'; {NUMBER_HINT}", value("+6.6")),
    "leading space": Case(VALIDATE, "value: not a number: ' 62.08'", value(" 62.08")),
    "bare decimal point": Case(VALIDATE, "value: not a number: '.5'", value(".5")),
    "trailing decimal point": Case(VALIDATE, "value: not a number: '62.'", value("62.")),
    "empty value": Case(VALIDATE, "value: not a number: ''", value("")),
    "hexadecimal": Case(VALIDATE, "value: not a number: '0x3E'", value("0x3E")),
    "percent sign in value": Case(VALIDATE, "value: not a number: '6.6%'",
                                  value("6.6%", row="fiscal_revenue_total_yoy_2024")),
    "400 digits overflow": Case(VALIDATE, "value: value '1111111111", value("1" * 400)),
    "overflow via unit multiplier": Case(VALIDATE, "overflows to infinity", both(
        value("9" * 300, "context.csv", "hn_iva_growth_2024"),
        value("万亿元", "context.csv", "hn_iva_growth_2024", "unit"))),
    "value leaves its excerpt": Case(VALIDATE, "value: '62.18' does not occur in its excerpt", value("62.18")),
    "long unknown unit cut short": Case(VALIDATE, "unit: unknown unit 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'…",
                                        value("x" * 5000, column="unit")),
    # --- CSV files as files ---------------------------------------------------------------------
    "indicators.csv FIFO": Case(VALIDATE, "indicators.csv: is a FIFO (named pipe), not a CSV file",
                                fifo("indicators.csv"), subprocess=True),
    "context.csv is /dev/zero": Case(VALIDATE, "context.csv: is a character device, not a CSV file",
                                     symlink("context.csv", "/dev/zero")),
    "sources.csv symlink loop": Case(VALIDATE, "sources.csv: symbolic link loop", link_loop("sources.csv")),
    "indicators.csv dangling link": Case(VALIDATE, "indicators.csv: file not found",
                                         symlink("indicators.csv", "/nonexistent/indicators.csv")),
    "context.csv over the size limit": Case(VALIDATE, "context.csv: file is 60 MB, over the 50 MB limit",
                                            sparse("context.csv")),
    "indicators.csv is a folder": Case(VALIDATE, "indicators.csv: is a folder, not a CSV file",
                                       folder("indicators.csv")),
    "indicators.csv in UTF-16": Case(VALIDATE, "indicators.csv: binary content (NUL bytes)", lambda d: (
        d / "indicators.csv").write_bytes((d / "indicators.csv").read_text(encoding="utf-8").encode("utf-16"))),
    "sources.csv in GB18030": Case(VALIDATE, "not valid UTF-8", lambda d: (d / "sources.csv").write_bytes(
        (d / "sources.csv").read_text(encoding="utf-8").encode("gb18030"))),
    "context.csv blank": Case(VALIDATE, "context.csv: file is empty", write("context.csv", " \n\n")),
    "sources.csv header only": Case(VALIDATE, "sources.csv: no data rows", lambda d: (d / "sources.csv").write_text(
        (d / "sources.csv").read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")),
    "unterminated quote": Case(VALIDATE, "context.csv:", lambda d: (d / "context.csv").write_text(
        (d / "context.csv").read_text(encoding="utf-8") + 'x,"unterminated\n', encoding="utf-8")),
    "field over the csv field limit": Case(VALIDATE, "field larger than field limit",
                                           value("n" * 200_000, column="note")),
    "duplicate column": Case(VALIDATE, "indicators.csv:1: header: duplicate column 'note'",
                             replace("indicators.csv", ",note,note_zh\n", ",note,note,note_zh\n")),
    "unknown column": Case(VALIDATE, "indicators.csv:1: header: unknown column 'extra'",
                           replace("indicators.csv", ",note,note_zh\n", ",note,note_zh,extra\n")),
    "note without its Chinese": Case(VALIDATE, "indicators.csv:{line}: note_zh: is empty while note is not",
                                     replace("indicators.csv", ",原文未给出参评园区的数量。\n", ",\n")),
    "note_zh without note": Case(VALIDATE, "indicators.csv:{line}: note_zh: is given while note is empty",
                                 replace("indicators.csv", ",The number of parks evaluated is not given.,", ",,")),
    "note_zh without Chinese": Case(VALIDATE, "indicators.csv:{line}: note_zh: holds no Chinese character",
                                    replace("indicators.csv", ",原文未给出参评园区的数量。\n",
                                            ",Parks evaluated: not given.\n")),
    # --- the data folder itself ---------------------------------------------------------------
    "DATA_DIR missing": Case(("validate", "{data}/nowhere"), "nowhere: folder not found"),
    "DATA_DIR is a file": Case(("validate", "{data}/indicators.csv"), "indicators.csv: not a folder"),
    "DATA_DIR symlink loop": Case(("validate", "{data}/loop"), "loop: symbolic link loop; point the link at a real "
                                  "folder", link_loop("loop")),
    "DATA_DIR with a newline": Case(("validate", "{data}/new\nline"), "new\\nline: folder not found"),
    "DATA_DIR with a NUL": Case(("validate", "{data}/nul\x00byte"), "not a valid path (NUL character)"),
    "DATA_DIR empty": Case(("validate", ""), "DATA_DIR: is empty; give a folder"),
    "DATA_DIR with a control character": Case(("validate", "{data}/a\x01b"), "a\\x01b: folder not found"),
    # --- datapackage.json ---------------------------------------------------------------------
    "descriptor invalid JSON": Case(VALIDATE, "datapackage.json:1: invalid JSON",
                                    write("datapackage.json", "{'resources': }")),
    "descriptor deeply nested JSON": Case(VALIDATE, "datapackage.json: invalid JSON: nested too deeply",
                                          write("datapackage.json", "[" * 200_000 + "]" * 200_000)),
    "descriptor not an object": Case(VALIDATE, "datapackage.json: must be a JSON object",
                                     write("datapackage.json", "[]")),
    "descriptor without resources": Case(VALIDATE, "datapackage.json: resources: must be a non-empty list",
                                         write("datapackage.json", '{"name": "x"}')),
    "descriptor path escapes the folder": Case(VALIDATE, "resources.sources.path: '../../etc/passwd' must be a "
                                               "file name inside the data folder",
                                               replace("datapackage.json", '"path": "sources.csv"',
                                                       '"path": "../../etc/passwd"')),
    "descriptor absolute path": Case(VALIDATE, "'/etc/passwd' must be a file name inside the data folder",
                                     replace("datapackage.json", '"path": "sources.csv"', '"path": "/etc/passwd"')),
    "descriptor URL path": Case(VALIDATE, "must be a file name inside the data folder",
                                replace("datapackage.json", '"path": "sources.csv"',
                                        '"path": "http://example.org/s.csv"')),
    "descriptor field renamed": Case(VALIDATE, "resources.indicators.schema.fields: names differ from the header "
                                     "of indicators.csv at column 9", replace("datapackage.json", '"name": "unit"',
                                                                              '"name": "units"')),
    "descriptor lists a file twice": Case(VALIDATE, "'indicators.csv' is listed twice",
                                          replace("datapackage.json", '"path": "sources.csv"',
                                                  '"path": "indicators.csv"')),
    "descriptor omits a file": Case(VALIDATE, "datapackage.json: resources: sources.csv is not listed",
                                    replace("datapackage.json", '"path": "sources.csv"', '"path": "scenarios.toml"')),
    "descriptor path not encodable": Case(VALIDATE, "characters the file system cannot encode",
                                          replace("datapackage.json", '"path": "sources.csv"',
                                                  '"path": "\\ud800.csv"')),
    "descriptor missing": Case(VALIDATE, "datapackage.json: file not found", remove("datapackage.json")),
    "descriptor resource file missing": Case(VALIDATE, "resources.scenarios.path: ", remove("scenarios.toml")),
    "descriptor FIFO": Case(VALIDATE, "datapackage.json: is a FIFO", fifo("datapackage.json")),
    "descriptor disagrees with the data": Case(VALIDATE, "frictionless:",
                                               replace("datapackage.json", '"maxLength": 30', '"maxLength": 3')),
    # --- scenarios.toml and savings.toml in DATA_DIR --------------------------------------------
    "scenarios.toml syntax": Case(VALIDATE, "scenarios.toml:{line}: invalid TOML",
                                  replace("scenarios.toml", "last_year = 2030", "last_year = = 2030")),
    "scenarios.toml deep arrays": Case(VALIDATE, "nesting is 500 levels deep, over the limit of 20",
                                       write("scenarios.toml", TOML_DEEP)),
    "scenarios.toml deep dotted keys": Case(VALIDATE, "nesting of tables and dotted keys is over the limit",
                                            write("scenarios.toml", TOML_DOTTED)),
    "scenarios.toml over the size limit": Case(VALIDATE, "scenarios.toml: file is 60 MB, over the 50 MB limit",
                                               sparse("scenarios.toml")),
    "scenarios.toml FIFO": Case(VALIDATE, "scenarios.toml: is a FIFO (named pipe), not a TOML file",
                                fifo("scenarios.toml")),
    "scenarios.toml symlink loop": Case(VALIDATE, "scenarios.toml: symbolic link loop", link_loop("scenarios.toml")),
    "scenarios.toml is a folder": Case(VALIDATE, "scenarios.toml: is a folder, not a TOML file",
                                       folder("scenarios.toml")),
    "scenarios.toml binary": Case(VALIDATE, "scenarios.toml: binary content (NUL bytes); expected UTF-8 TOML text",
                                  write("scenarios.toml", b"[meta]\x00\x01")),
    "scenarios.toml not UTF-8": Case(VALIDATE, "scenarios.toml:2: not valid UTF-8",
                                     write("scenarios.toml", "[meta]\ntitle_zh = '益阳'\n".encode("gb18030"))),
    "scenarios.toml growth out of range": Case(VALIDATE, "start_growth_pct: must be between -50 and 50",
                                               replace("scenarios.toml", "start_growth_pct = 1.5",
                                                       "start_growth_pct = -75")),
    "scenarios.toml nan": Case(VALIDATE, "start_growth_pct: must be a finite number",
                               replace("scenarios.toml", "start_growth_pct = 1.5", "start_growth_pct = nan")),
    "scenarios.toml unknown glide": Case(VALIDATE, "glide: unknown value 'wiggly'",
                                         replace("scenarios.toml", 'glide = "linear"', 'glide = "wiggly"')),
    "scenarios.toml infinite growth": Case(VALIDATE, "start_growth_pct: must be a finite number",
                                           replace("scenarios.toml", "start_growth_pct = 1.5",
                                                   "start_growth_pct = inf")),
    "scenarios.toml overflowing number": Case(VALIDATE, "start_growth_pct: must be a finite number",
                                              replace("scenarios.toml", "start_growth_pct = 1.5",
                                                      "start_growth_pct = 1e999")),
    "scenarios.toml unknown row in this folder": Case(VALIDATE, "refs: unknown row id "
                                                      "'hn_iva_growth_2025'", lambda d: (d / "context.csv").write_text(
                                                          "\n".join(line for line in (d / "context.csv").read_text(
                                                              encoding="utf-8").splitlines()
                                                              if not line.startswith("hn_iva_growth_2025,")) + "\n",
                                                          encoding="utf-8")),
    "scenarios.toml missing": Case(VALIDATE, "scenarios.toml: file not found", remove("scenarios.toml")),
    "savings.toml nan": Case(VALIDATE, "savings.toml: assumptions.annual_saving.high: must be finite, got nan",
                             replace("savings.toml", "high = 1.4", "high = nan")),
    "savings.toml not a number": Case(VALIDATE, "assumptions.annual_saving.high: must be a number",
                                      replace("savings.toml", "high = 1.4", 'high = "lots"')),
    "savings.toml unknown row": Case(VALIDATE, "default_row: unknown data row 'nope'",
                                     replace("savings.toml", 'default_row = "hr_cost_saving_annual"',
                                             'default_row = "nope"')),
    "savings.toml unknown assumption": Case(VALIDATE, "assumptions.first_years: unknown assumption",
                                            replace("savings.toml", "[assumptions.first_year]",
                                                    "[assumptions.first_years]")),
    "savings.toml FIFO": Case(VALIDATE, "savings.toml: is a FIFO (named pipe), not a TOML file", fifo("savings.toml")),
    "savings.toml syntax": Case(VALIDATE, "savings.toml:1: invalid TOML", write("savings.toml", "annual = = 1\n")),
    "savings.toml is a folder": Case(VALIDATE, "savings.toml: is a folder, not a TOML file", folder("savings.toml")),
    "savings.toml deep inline tables": Case(VALIDATE, "savings.toml:1: nesting is 300 levels deep",
                                            write("savings.toml", "x = " + "{a = " * 300 + "1" + "}" * 300 + "\n")),
    # --- other commands reading a broken copy through YGX_DATA_DIR ------------------------------
    "figures on full-width digits": Case(("figures",), "indicators.csv:{line}: value: not a number: '６２.０８'",
                                         value("６２.０８"), data_env=True),
    "audit on an overflowing value": Case(("audit",), "value: value '1111", value("1" * 400), data_env=True),
    "figures on a FIFO": Case(("figures",), "indicators.csv: is a FIFO (named pipe), not a CSV file",
                              fifo("indicators.csv"), data_env=True),
    "audit on /dev/zero": Case(("audit",), "context.csv: is a character device",
                               symlink("context.csv", "/dev/zero"), data_env=True),
    "savings on a huge indicators.csv": Case(("savings",), "indicators.csv: file is 60 MB, over the 50 MB limit",
                                             sparse("indicators.csv"), data_env=True),
    # --- command-line arguments -----------------------------------------------------------------
    "validate two folders": Case(("validate", "{data}", "{data}"), "unrecognized arguments"),
    "validate unknown option": Case(("validate", "--strict"), "unrecognized arguments: --strict"),
    "unknown command": Case(("plot",), "invalid choice: 'plot'"),
    "figures unknown section": Case(("figures", "--section", "sports"), "argument --section: invalid choice: 'sports'"),
    "figures unknown format": Case(("figures", "--format", "xml"), "argument --format: invalid choice: 'xml'"),
    "figures unknown language": Case(("figures", "--lang", "fr"), "argument --lang: invalid choice: 'fr'"),
    "audit unknown format": Case(("audit", "--format", "yaml"), "argument --format: invalid choice: 'yaml'"),
    "audit unknown language": Case(("audit", "--lang", "de"), "argument --lang: invalid choice: 'de'"),
    "savings non-number": Case(("savings", "--annual-saving", "lots"), "argument --annual-saving: invalid float"),
    "savings nan": Case(("savings", "--annual-saving", "nan"), "annual_saving: must be finite"),
    "savings infinite growth": Case(("savings", "--wage-growth", "inf"), "wage_growth_pct: must be finite"),
    "savings discount at -100": Case(("savings", "--discount-rate", "-100"), "discount_rate_pct: must be above -100"),
    "savings year far away": Case(("savings", "--through", "1000000"), "through_year: must be 2100 or earlier"),
    "savings first year after last": Case(("savings", "--first-year", "3000"), "must not be before first_year"),
    "savings fractional year": Case(("savings", "--first-year", "2025.5"), "argument --first-year: invalid int"),
    "savings group growth nan": Case(("savings", "--group-growth", "nan"), "group_growth_pct: must be finite"),
    "savings overflowing saving": Case(("savings", "--annual-saving", "1e308"), "annual_saving: must be at most"),
    "savings.toml overflowing range": Case(VALIDATE, "assumptions.annual_saving.high: must be at most",
                                           replace("savings.toml", "high = 1.4", "high = 1e308")),
    "savings unknown format": Case(("savings", "--format", "xlsx"), "argument --format: invalid choice: 'xlsx'"),
    "scenarios non-number paths": Case(("scenarios", "--paths", "many"), "argument --paths: invalid int value"),
    "scenarios negative paths": Case(("scenarios", "--paths", "-1"), "paths: must not be negative"),
    "scenarios dump into a missing folder": Case(("scenarios", "--paths", "10", "--dump-paths", "{data}/no/such/x.csv"),
                                                 "dump-paths: {data}/no/such/x.csv: no such folder {data}/no/such"),
    "scenarios paths beyond memory": Case(("scenarios", "--paths", "1000000000"), "GB allowed (half of this machine",
                                          subprocess=True),
    "scenarios paths beyond memory, one scenario": Case(("scenarios", "--paths", "100000000", "--scenario", "base"),
                                                        "use at most"),
    "scenarios kept paths beyond memory": Case(("scenarios", "--paths", "10000000", "--dump-paths", "{data}/p.csv"),
                                               "would need about 120.0 GB"),
    "scenarios phi nan": Case(("scenarios", "--phi", "nan"), "phi: must be in (-1, 1)"),
    "scenarios phi at 1": Case(("scenarios", "--phi", "1"), "phi: must be in (-1, 1)"),
    "scenarios unknown scenario": Case(("scenarios", "--scenario", "boom"), "unknown scenario 'boom'"),
    "scenarios malformed required": Case(("scenarios", "--required", "lots"), "required: expected INDICATOR="),
    "scenarios required negative": Case(("scenarios", "--required", "value_added=-5@2030"),
                                        "required: target must be positive, got '-5'"),
    "scenarios required year out of range": Case(("scenarios", "--required", "value_added=x2@1999"),
                                                 "year: must be between 2026 and 2035, got 1999"),
    "scenarios required unknown indicator": Case(("scenarios", "--required", "jobs=x2@2030"),
                                                 "indicator: unknown indicator 'jobs'"),
    "scenarios negative seed": Case(("scenarios", "--seed", "-5"), "seed: must be a non-negative whole number"),
    "scenarios unknown format": Case(("scenarios", "--format", "html"), "argument --format: invalid choice"),
    "scenarios config missing": Case(("scenarios", "--config", "{data}/none.toml"), "none.toml: file not found"),
    "scenarios config is a folder": Case(("scenarios", "--config", "{data}"), "is a folder, not a TOML file"),
    "scenarios config bad value": Case(("scenarios", "--config", "{data}/scenarios.toml"),
                                       "glide: unknown value 'wiggly'",
                                       replace("scenarios.toml", 'glide = "linear"', 'glide = "wiggly"')),
    "scenarios config syntax": Case(("scenarios", "--config", "{data}/scenarios.toml"),
                                    "scenarios.toml:{line}: invalid TOML",
                                    replace("scenarios.toml", "last_year = 2030", "last_year = 2030 2031")),
    "scenarios config FIFO": Case(("scenarios", "--config", "{data}/scenarios.toml"), "is a FIFO",
                                  fifo("scenarios.toml"), subprocess=True),
    "scenarios config /dev/zero": Case(("scenarios", "--config", "/dev/zero"), "is a character device"),
    "scenarios config deep nesting": Case(("scenarios", "--config", "{data}/scenarios.toml"),
                                          "nesting is 500 levels deep", write("scenarios.toml", TOML_DEEP)),
    "scenarios config symlink loop": Case(("scenarios", "--config", "{data}/scenarios.toml"), "symbolic link loop",
                                          link_loop("scenarios.toml")),
    "scenarios config over the size limit": Case(("scenarios", "--config", "{data}/scenarios.toml"),
                                                 "over the 50 MB limit", sparse("scenarios.toml")),
}

REPORT_OUT = ("report", "--project", "{data}/..", "--out")
"""``report`` on a project made of the broken copy (no notebooks), into the ``--out`` given next."""
REPORT = (*REPORT_OUT, "{data}/../build")
EPOCH_RANGE = "is out of range; expected 315532800 (1980-01-01) to 4354819199 (2107-12-31)"

CASES.update({
    # --- report: --out, refused before anything is written -------------------------------------
    "report out is a file": Case((*REPORT_OUT, "{data}/../given.txt"), "out: ", beside(
        "given.txt", lambda p: p.write_text("mine")), after=nothing_beside),
    "report out under a file": Case((*REPORT_OUT, "{data}/../given.txt/sub"), "given.txt is a file, not a folder",
                                    beside("given.txt", lambda p: p.write_text("mine")), after=nothing_beside),
    "report out a foreign folder": Case((*REPORT_OUT, "{data}/../mine"), "mine is not empty and is not a "
                                        "ygx_analysis build (no .ygx-report.json); nothing was changed",
                                        beside("mine", foreign_folder), after=intact("mine")),
    "report out a symlink loop": Case((*REPORT_OUT, "{data}/../given-loop"), "given-loop: symbolic link loop",
                                      both(beside("given-loop", lambda p: p.symlink_to(p.with_name("given-2"))),
                                           beside("given-2", lambda p: p.symlink_to(p.with_name("given-loop")))),
                                      after=nothing_beside),
    "report out a FIFO": Case((*REPORT_OUT, "{data}/../given-pipe"), "given-pipe exists and is not a folder",
                              beside("given-pipe", os.mkfifo), after=nothing_beside),
    "report out a link to a file": Case((*REPORT_OUT, "{data}/../given-link"), "given.txt exists and is not a folder",
                                        both(beside("given.txt", lambda p: p.write_text("mine")),
                                             beside("given-link", lambda p: p.symlink_to(p.with_name("given.txt")))),
                                        after=nothing_beside),
    "report out is the data folder": Case((*REPORT_OUT, "{data}"), "would overwrite or sit inside"),
    "report out inside the data folder": Case((*REPORT_OUT, "{data}/build"), "would overwrite or sit inside"),
    "report out is the repository's notebooks": Case(("report", "--out", str(REPO / "notebooks")),
                                                     "would overwrite or sit inside"),
    "report out is the repository": Case(("report", "--out", str(REPO)), "would overwrite or sit inside"),
    "report out is the root": Case((*REPORT_OUT, "/"), "out: refusing to replace /"),
    "report out empty": Case((*REPORT_OUT, ""), "out: is empty; give a folder"),
    "report out with a NUL": Case((*REPORT_OUT, "{data}/../a\x00b"), "not a valid path (NUL character)"),
    "report out name too long": Case((*REPORT_OUT, "{data}/../" + "x" * 300), "path is too long"),
    # --- report: other arguments ----------------------------------------------------------------
    "report jobs zero": Case((*REPORT, "--jobs", "0"), "jobs: must be a whole number from 1 to 64, got 0",
                             after=nothing_beside),
    "report jobs huge": Case((*REPORT, "--jobs", "100000"), "jobs: must be a whole number from 1 to 64"),
    "report jobs not a number": Case((*REPORT, "--jobs", "two"), "argument --jobs: invalid int value: 'two'"),
    "report timeout zero": Case((*REPORT, "--timeout", "0"), "timeout: must be a whole number of seconds from 1 "
                                "to 86400, got 0"),
    "report timeout huge": Case((*REPORT, "--timeout", "9" * 30), "timeout: must be a whole number of seconds"),
    "report timeout fractional": Case((*REPORT, "--timeout", "1.5"), "argument --timeout: invalid int value"),
    "report unknown language": Case((*REPORT, "--lang", "fr"), "argument --lang: invalid choice: 'fr'"),
    "report project missing": Case(("report", "--project", "{data}/nowhere", "--out", "{data}/../build"),
                                   "project: ", after=nothing_beside),
    "report project is a file": Case(("report", "--project", "{data}/sources.csv", "--out", "{data}/../build"),
                                     "sources.csv is not a folder"),
    # --- report: SOURCE_DATE_EPOCH, checked once in this process --------------------------------
    "report epoch not a number": Case(REPORT, "SOURCE_DATE_EPOCH: 'yesterday' is not a whole number of seconds",
                                      env=(("SOURCE_DATE_EPOCH", "yesterday"),), after=nothing_beside),
    "report epoch negative": Case(REPORT, "SOURCE_DATE_EPOCH: '-1' is not a whole number",
                                  env=(("SOURCE_DATE_EPOCH", "-1"),)),
    "report epoch before 1980": Case(REPORT, f"SOURCE_DATE_EPOCH: 0 {EPOCH_RANGE}", env=(("SOURCE_DATE_EPOCH", "0"),)),
    "report epoch after 2107": Case(REPORT, f"SOURCE_DATE_EPOCH: 4354819200 {EPOCH_RANGE}",
                                    env=(("SOURCE_DATE_EPOCH", "4354819200"),)),
    "report epoch full-width digits": Case(REPORT, "(ASCII digits only)",
                                           env=(("SOURCE_DATE_EPOCH", "１７３５６８９６００"),)),
    "report epoch fractional": Case(REPORT, "SOURCE_DATE_EPOCH: '1735689600.5' is not a whole number",
                                    env=(("SOURCE_DATE_EPOCH", "1735689600.5"),)),
    "report epoch 400 digits": Case(REPORT, "is not a whole number of seconds",
                                    env=(("SOURCE_DATE_EPOCH", "9" * 400),)),
    "report epoch in a subprocess": Case(REPORT, "SOURCE_DATE_EPOCH: 'soon' is not a whole number",
                                         env=(("SOURCE_DATE_EPOCH", "soon"),), subprocess=True),
    # --- report: the data folder, refused while it is copied (before any kernel) ---------------
    "report data FIFO": Case(REPORT, "indicators.csv: is a FIFO (named pipe), not a regular file",
                             fifo("indicators.csv"), after=nothing_beside),
    "report data FIFO in a subprocess": Case(REPORT, "scenarios.toml: is a FIFO (named pipe)",
                                             fifo("scenarios.toml"), subprocess=True, after=nothing_beside),
    "report data symlink loop": Case(REPORT, "symbolic link loop; point the link at a real file",
                                     link_loop("sources.csv")),
    "report data /dev/zero": Case(REPORT, "context.csv: is a character device", symlink("context.csv", "/dev/zero")),
    "report data over the size limit": Case(REPORT, "context.csv: file is 60 MB, over the 50 MB limit",
                                            sparse("context.csv")),
    "report data dangling link": Case(REPORT, "savings.toml: file not found",
                                      symlink("savings.toml", "/nonexistent/savings.toml")),
    # --- report --set and the config options, refused before any kernel ------------------------
    "report set unknown assumption": Case((*REPORT, "--set", "savings.anual_saving=2"),
                                          "--set savings.anual_saving=2: savings.toml: unknown assumption "
                                          "'anual_saving'; nearest: annual_saving", after=nothing_beside),
    "report set bad value": Case((*REPORT, "--set", "savings.discount_rate_pct=abc"),
                                 "--set savings.discount_rate_pct=abc: savings.toml: assumptions.discount_rate_pct."
                                 "default: must be a number (per cent), got 'abc'", after=nothing_beside),
    "report set unknown scenario key": Case((*REPORT, "--set", "scenarios.base.value_added.end_pct=5"),
                                            "unknown key scenarios.base.value_added.end_pct; nearest: "
                                            "scenarios.base.value_added.end_growth_pct", after=nothing_beside),
    "report savings config a FIFO": Case((*REPORT, "--savings-config", "{data}/../given-pipe"),
                                         "--savings-config: ", beside("given-pipe", os.mkfifo),
                                         after=nothing_beside),
})



def _run_case(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    line = case.setup(copy) if case.setup else None
    argv = [a.format(data=copy) for a in case.argv]
    expected = case.expected.format(line=line, data=copy)
    env = {"YGX_DATA_DIR": str(copy)} if case.data_env else {}
    env.update(case.env)
    before = _tree_hashes()
    if case.subprocess:
        code, err = _subprocess(argv, env, case.seconds)
    else:
        for name, setting in env.items():
            monkeypatch.setenv(name, setting)
        code, err = _in_process(argv)
    assert _tree_hashes() == before, "a file under data/ or notebooks/ changed"
    _check_failure(code, err, expected, validate=argv[0] == "validate" and code == 1)
    if case.after is not None:
        case.after(copy)


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input_gives_one_line(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    _run_case(CASES[name], tmp_path, monkeypatch)


def test_the_corpus_is_large_and_distinct():
    assert len(CASES) >= 60
    assert len({(c.argv, c.expected, c.setup, c.env) for c in CASES.values()}) == len(CASES)


def test_a_bad_data_file_in_a_subprocess_has_no_traceback(tmp_path: Path):
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    _set_field(copy / "indicators.csv", "fiscal_revenue_total_2024", "value", "1" * 400)
    code, err = _subprocess(["figures"], {"YGX_DATA_DIR": str(copy)}, SUBPROCESS_SECONDS)
    _check_failure(code, err, "overflows to infinity", validate=False)


def test_the_real_data_stays_valid_through_the_corpus_helpers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The helper itself passes a clean copy: validate exits 0 and prints the counts."""
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["validate", str(copy)]) == 0
    assert "scenarios.toml: 3 scenarios" in out.getvalue()
    assert "datapackage.json: structure, and the data against its schemas (frictionless)" in out.getvalue()


# ---------------------------------------------------------------------------
# SOURCE_DATE_EPOCH and the TOML nesting scan
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("", "'' is not a whole number of seconds"),
    ("1.7e9", "'1.7e9' is not a whole number of seconds"),
    ("-1", "'-1' is not a whole number of seconds"),
    (" 1735689600", "' 1735689600' is not a whole number"),
    ("１７３５６８９６００", "is not a whole number of seconds (ASCII digits only)"),
    ("315532799", "315532799 is out of range"),
    ("4354819200", "4354819200 is out of range"),
    ("9" * 400, "is not a whole number of seconds"),
])
def test_source_date_epoch_is_refused_with_one_line(text: str, expected: str):
    with pytest.raises(ValueError) as info:
        inputs.source_date_epoch({"SOURCE_DATE_EPOCH": text})
    message = str(info.value)
    assert message.startswith("SOURCE_DATE_EPOCH: ") and expected in message and "\n" not in message


def test_source_date_epoch_bounds_are_1980_and_2107():
    from datetime import UTC, datetime

    low = int(datetime(1980, 1, 1, tzinfo=UTC).timestamp())
    high = int(datetime(2107, 12, 31, 23, 59, 59, tzinfo=UTC).timestamp())
    assert inputs.source_date_epoch({"SOURCE_DATE_EPOCH": str(low)}) == low
    assert inputs.source_date_epoch({"SOURCE_DATE_EPOCH": str(high)}) == high
    with pytest.raises(TypeError, match="environ"):
        inputs.source_date_epoch(["SOURCE_DATE_EPOCH=1"])  # type: ignore[arg-type]


@pytest.mark.parametrize("text", [
    'a = [[1, 2], [3, [4, {b = "]]]"}]]]\n',
    "y = '''[[[\n]]]'''\nz = [\"\\\"[\", 1]  # [[[[\n",
    "u = {v = {w = [1]}}\nt = {}\n",
    'p = """a\n"[["\n"""\nq = [[[]]]\n',
    "k = 'a\\'\nm = [{n = ['['], o = \"{\"}]\n",  # a literal string ends at its quote
])
def test_toml_nesting_scan_agrees_with_the_parsed_structure(text: str):
    """The scan's depth equals the depth of what tomllib builds (counted by a second, recursive walk)."""
    import tomllib

    def depth(node, level=1):
        children = node.values() if isinstance(node, dict) else node
        return max([level] + [depth(c, level + 1) for c in children if isinstance(c, (dict, list))])

    scanned, _ = inputs.toml_nesting_depth(text)
    assert scanned == depth(tomllib.loads(text)) - 1


def test_toml_table_headers_count_their_brackets():
    assert inputs.toml_nesting_depth("[a]\nx = 1\n[[b]]\ny = [1]\n") == (2, 3)


def _scan_by_characters(text: str) -> tuple[int, int]:
    """A second way to scan: character by character, each string closed by its own opener."""
    depth = deepest = deepest_line = 0
    line, i, n = 1, 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        if ch in "\"'":
            opener = next(o for o in ('"""', "'''", '"', "'") if text.startswith(o, i))
            j, closed = i + len(opener), False
            while j < n:
                if text.startswith(opener, j):
                    closed = True
                    break
                if text[j] == "\\" and opener[0] == '"':
                    j += 2
                    continue
                if text[j] == "\n" and len(opener) == 1:
                    break
                j += 1
            line += text.count("\n", i, min(j, n))
            i = j + len(opener) if closed else j
            continue
        if ch == "\n":
            line += 1
        elif ch in "[{":
            depth += 1
            if depth > deepest:
                deepest, deepest_line = depth, line
        elif ch in "]}":
            depth = max(0, depth - 1)
        i += 1
    return deepest, deepest_line


@settings(max_examples=400, derandomize=True, database=None, deadline=None)
@given(st.lists(st.sampled_from(['"', "'", "\\", "\n", "[", "]", "{", "}", "#", "a", " ", '"""', "'''"]),
                max_size=40).map("".join))
def test_toml_nesting_scan_agrees_with_a_character_by_character_scan(text: str):
    """Any text, valid TOML or not (unclosed strings, escapes at the end): depth and line agree."""
    assert inputs.toml_nesting_depth(text) == _scan_by_characters(text)


@pytest.mark.parametrize("name", ["scenarios.toml", "savings.toml"])
def test_toml_nesting_scan_of_the_shipped_files_agrees_with_a_character_by_character_scan(name: str):
    text = (DATA / name).read_text(encoding="utf-8")
    assert inputs.toml_nesting_depth(text) == _scan_by_characters(text)
