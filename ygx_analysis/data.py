"""Load and validate the files in ``data/`` into typed DataFrames.

Every problem in a data file is reported as one line naming the file, the line
and the field, for example::

    data/indicators.csv:17: unit: unknown unit 'furlongs'

The loaders (:func:`load_indicators`, :func:`load_context`, :func:`load_sources`)
raise :class:`DataError` on the first problem and keep the full list in
``DataError.problems``; :func:`validate_data_dir` collects every problem in a
folder without raising. A user can point any loader at an edited copy.

This module imports only the standard library, numpy and pandas.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pandas as pd

from .reported import QUALIFIERS, Reported, interval_from_printed

DATA_DIR_ENV = "YGX_DATA_DIR"
"""Environment variable that points the loaders at another data folder."""

INDICATOR_COLUMNS = ("id", "indicator", "label_zh", "label_en", "section", "period", "measure",
                     "value", "unit", "qualifier", "excerpt", "source_id", "note")
CONTEXT_COLUMNS = ("id", "series", "region", "indicator", "label_zh", "label_en", "period",
                   "measure", "value", "unit", "qualifier", "basis", "status", "trust",
                   "source_id", "source_date", "excerpt", "note")
SOURCE_COLUMNS = ("source_id", "kind", "title", "title_status", "authors", "authors_status",
                  "publisher", "publisher_status", "section", "section_status", "date",
                  "date_status", "url", "url_status", "trust", "note")

UNIT_MULTIPLIERS: dict[str, float] = {
    "亿元": 1e8, "万亿元": 1e12, "万元": 1e4, "元": 1.0, "%": 1.0, "个": 1.0, "家": 1.0,
    "件": 1.0, "项": 1.0, "场": 1.0, "位": 1.0, "万平方米": 1e4, "件/万人": 1.0,
    "km²": 1.0, "万人": 1e4, "亿支": 1e8, "x": 1.0,
}
"""Printed unit → multiplier to base units (亿 = 1e8, 万 = 1e4; SDMX unit multipliers 8 and 4)."""

INDICATOR_UNITS = ("亿元", "%", "个", "家", "件", "项", "场", "万平方米", "件/万人", "位")
CONTEXT_UNITS = tuple(UNIT_MULTIPLIERS)
INDICATOR_QUALIFIERS = ("exact", "more_than", "at_least", "approx_more")
INDICATOR_MEASURES = ("flow", "stock", "growth_yoy", "ratio", "rank")
CONTEXT_MEASURES = INDICATOR_MEASURES + ("target_growth", "count")
GROWTH_MEASURES = ("growth_yoy", "target_growth")
SECTIONS = ("innovation", "industry", "economy", "reform", "business_environment")
REGIONS = ("zone", "yiyang", "heshan", "hunan", "china", "national_htz", "national_etdz", "hunan_htz")
STATUSES = ("final", "revised", "preliminary", "forecast", "target", "derived", "unverified")
TRUST_LEVELS = ("high", "medium", "low")
BASES = ("real", "nominal", "")
SOURCE_KINDS = ("article", "web", "dataset")
FIELD_STATUSES = ("printed", "inferred", "not confirmed", "not applicable")

INDICATOR_PERIOD = re.compile(r"^(\d{4}|\d{4}H[12]|current|annual)$")
CONTEXT_PERIOD = re.compile(r"^(\d{4}|\d{4}H[12]|\d{4}Q[1-4](-Q[1-4])?|\d{4}M\d{2}-M\d{2}|\d{4}-\d{4}|\d{4}-end)$")
SLUG = re.compile(r"^[a-z0-9_]+$")
INDICATOR_EXCERPT_MAX = 30
CONTEXT_EXCERPT_MAX = 60


class DataError(ValueError):
    """A problem in a data file, printed as one line: ``file:line: field: message``.

    Attributes
    ----------
    problems : list of Problem
        Every problem found in the file; the message shows the first.
    """

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        super().__init__(str(self.problems[0]))


@dataclass(frozen=True)
class Problem:
    """One problem: where it is and what is wrong."""

    path: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


def default_data_dir() -> Path:
    """The data folder: ``$YGX_DATA_DIR``, the repository's ``data/``, or the packaged copy."""
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env)
    repo = Path(__file__).resolve().parents[1] / "data"
    if repo.is_dir():
        return repo
    return Path(__file__).resolve().parent / "_data"


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


# ---------------------------------------------------------------------------
# reading a CSV file into rows, with file-level checks
# ---------------------------------------------------------------------------

def _read_rows(path: Path, columns: Sequence[str]) -> tuple[list[tuple[int, dict[str, str]]], list[Problem]]:
    shown = display_path(path)
    if not path.exists():
        return [], [Problem(shown, None, None, "file not found")]
    if path.is_dir():
        return [], [Problem(shown, None, None, "is a folder, not a CSV file")]
    raw = path.read_bytes()
    if not raw.strip():
        return [], [Problem(shown, None, None, "file is empty")]
    if b"\x00" in raw:
        return [], [Problem(shown, None, None, "binary content (NUL bytes); expected UTF-8 CSV text")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return [], [Problem(shown, line, None, f"not valid UTF-8 (byte {exc.start}); save the file as UTF-8")]
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    problems: list[Problem] = []
    rows: list[tuple[int, dict[str, str]]] = []
    try:
        header = next(reader)
    except csv.Error as exc:
        return [], [Problem(shown, 1, "header", f"malformed CSV: {exc}")]
    header = [h.strip() for h in header]
    missing = [c for c in columns if c not in header]
    if missing:
        return [], [Problem(shown, 1, "header", f"missing column {name!r}") for name in missing]
    extra = [h for h in header if h not in columns]
    if extra:
        problems.append(Problem(shown, 1, "header", f"unknown column {extra[0]!r}"))
    dupes = {h for h in header if header.count(h) > 1}
    if dupes:
        problems.append(Problem(shown, 1, "header", f"duplicate column {sorted(dupes)[0]!r}"))
    if problems:
        return [], problems
    line_start = reader.line_num + 1
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(Problem(shown, reader.line_num, None, f"malformed CSV: {exc}"))
            break
        line = line_start
        line_start = reader.line_num + 1
        if not fields or all(not f.strip() for f in fields):
            continue
        if len(fields) != len(header):
            problems.append(Problem(shown, line, None,
                                    f"row has {len(fields)} fields, header has {len(header)}"))
            continue
        if reader.line_num != line:
            problems.append(Problem(shown, line, None, "a field spans several lines; keep each row on one line"))
            continue
        rows.append((line, dict(zip(header, fields, strict=True))))
    if not rows and not problems:
        problems.append(Problem(shown, None, None, "no data rows"))
    return rows, problems


# ---------------------------------------------------------------------------
# field checks
# ---------------------------------------------------------------------------

Check = Callable[[str, dict[str, str]], str | None]


def _required(value: str, row: dict[str, str]) -> str | None:
    return "is empty" if not value.strip() else None


def _one_of(choices: Iterable[str], what: str) -> Check:
    allowed = tuple(choices)

    def check(value: str, row: dict[str, str]) -> str | None:
        if value not in allowed:
            shown = ", ".join(repr(c) for c in allowed if c)
            return f"unknown {what} {value!r}; expected one of {shown}"
        return None

    return check


def _matches(pattern: re.Pattern[str], what: str) -> Check:
    def check(value: str, row: dict[str, str]) -> str | None:
        return None if pattern.match(value) else f"{what} {value!r} is not of the form {pattern.pattern}"

    return check


def _max_length(limit: int) -> Check:
    def check(value: str, row: dict[str, str]) -> str | None:
        return f"is {len(value)} characters; at most {limit} allowed" if len(value) > limit else None

    return check


def _number(value: str, row: dict[str, str]) -> str | None:
    text = value.strip()
    if text != value or not text:
        return f"not a number: {value!r}"
    try:
        d = Decimal(text)
    except InvalidOperation:
        return f"not a number: {value!r}"
    if not d.is_finite() or "e" in text.lower():
        return f"not a plain decimal number: {value!r}"
    measure = row.get("measure", "")
    if measure in GROWTH_MEASURES and d <= -100:
        return f"growth rate {value}% is at or below -100%"
    if measure not in GROWTH_MEASURES and d < 0:
        return f"negative value {value} for measure {measure!r}"
    return None


def _interval(value: str, row: dict[str, str]) -> str | None:
    try:
        interval_from_printed(row["value"], row["qualifier"], row["unit"])
    except ValueError as exc:
        return str(exc)
    return None


INDICATOR_CHECKS: dict[str, list[Check]] = {
    "id": [_required, _matches(SLUG, "id")],
    "indicator": [_required, _matches(SLUG, "indicator")],
    "label_zh": [_required],
    "label_en": [_required],
    "section": [_one_of(SECTIONS, "section")],
    "period": [_matches(INDICATOR_PERIOD, "period")],
    "measure": [_one_of(INDICATOR_MEASURES, "measure")],
    "unit": [_one_of(INDICATOR_UNITS, "unit")],
    "qualifier": [_one_of(INDICATOR_QUALIFIERS, "qualifier")],
    "value": [_number],
    "excerpt": [_required, _max_length(INDICATOR_EXCERPT_MAX)],
    "source_id": [_required],
}

CONTEXT_CHECKS: dict[str, list[Check]] = {
    "id": [_required, _matches(SLUG, "id")],
    "region": [_one_of(REGIONS, "region")],
    "indicator": [_required, _matches(SLUG, "indicator")],
    "label_en": [_required],
    "period": [_matches(CONTEXT_PERIOD, "period")],
    "measure": [_one_of(CONTEXT_MEASURES, "measure")],
    "unit": [_one_of(CONTEXT_UNITS, "unit")],
    "qualifier": [_one_of(QUALIFIERS, "qualifier")],
    "basis": [_one_of(BASES, "basis")],
    "status": [_one_of(STATUSES, "status")],
    "trust": [_one_of(TRUST_LEVELS, "trust")],
    "value": [_number],
    "excerpt": [_max_length(CONTEXT_EXCERPT_MAX)],
    "source_id": [_required],
}

SOURCE_CHECKS: dict[str, list[Check]] = {
    "source_id": [_required, _matches(SLUG, "source_id")],
    "kind": [_one_of(SOURCE_KINDS, "kind")],
    "title": [_required],
    "trust": [_one_of(TRUST_LEVELS, "trust")],
    **{f"{name}_status": [_one_of(FIELD_STATUSES, "status word")]
       for name in ("title", "authors", "publisher", "section", "date", "url")},
}


def _check_rows(path: Path, rows: list[tuple[int, dict[str, str]]], checks: dict[str, list[Check]],
                key: str) -> list[Problem]:
    shown = display_path(path)
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for line, row in rows:
        row_problem = False
        for name, field_checks in checks.items():
            for check in field_checks:
                message = check(row[name], row)
                if message:
                    problems.append(Problem(shown, line, name, message))
                    row_problem = True
                    break
        if key in row and row[key]:
            if row[key] in seen:
                problems.append(Problem(shown, line, key,
                                        f"duplicate id {row[key]!r} (first on line {seen[row[key]]})"))
            else:
                seen[row[key]] = line
        if not row_problem and "qualifier" in row and "value" in row:
            message = _interval(row["value"], row)
            if message:
                problems.append(Problem(shown, line, "value", message))
    return problems


def _check_source_ids(path: Path, rows: list[tuple[int, dict[str, str]]], known: set[str]) -> list[Problem]:
    shown = display_path(path)
    return [Problem(shown, line, "source_id", f"unknown source {row['source_id']!r}; not in sources.csv")
            for line, row in rows if row["source_id"] and row["source_id"] not in known]


# ---------------------------------------------------------------------------
# typed frames
# ---------------------------------------------------------------------------

def _typed_frame(rows: list[tuple[int, dict[str, str]]], columns: Sequence[str]) -> pd.DataFrame:
    frame = pd.DataFrame([r for _, r in rows], columns=list(columns))
    frame.insert(0, "line", pd.array([line for line, _ in rows], dtype="int64"))
    return frame


def _add_value_columns(frame: pd.DataFrame) -> pd.DataFrame:
    intervals = [interval_from_printed(v, q, u)
                 for v, q, u in zip(frame["value"], frame["qualifier"], frame["unit"], strict=True)]
    frame = frame.rename(columns={"value": "value_printed"})
    position = frame.columns.get_loc("value_printed")
    frame.insert(position, "value", [float(Decimal(v)) for v in frame["value_printed"]])
    frame["decimals"] = [max(0, -int(Decimal(v).as_tuple().exponent)) for v in frame["value_printed"]]
    frame["low"] = [i.low for i in intervals]
    frame["high"] = [i.high for i in intervals]
    frame["low_closed"] = [i.low_closed for i in intervals]
    frame["high_closed"] = [i.high_closed for i in intervals]
    frame["interval"] = [i.notation() for i in intervals]
    frame["unit_multiplier"] = [UNIT_MULTIPLIERS[u] for u in frame["unit"]]
    return frame


def _resolve(path: str | os.PathLike[str] | None, name: str) -> Path:
    return Path(path) if path is not None else default_data_dir() / name


def _sibling_sources(path: Path) -> Path:
    sibling = path.with_name("sources.csv")
    return sibling if sibling.exists() else default_data_dir() / "sources.csv"


def _sources_for(path: Path, sources_path: str | os.PathLike[str] | None) -> Path:
    """The sources file whose ids a data file's ``source_id`` column is checked against."""
    return Path(sources_path) if sources_path is not None else _sibling_sources(path)


def check_sources(path: str | os.PathLike[str] | None = None) -> list[Problem]:
    """Every problem in a sources file (empty list when it is clean)."""
    p = _resolve(path, "sources.csv")
    rows, problems = _read_rows(p, SOURCE_COLUMNS)
    return problems + _check_rows(p, rows, SOURCE_CHECKS, "source_id")


def check_indicators(path: str | os.PathLike[str] | None = None,
                     sources_path: str | os.PathLike[str] | None = None) -> list[Problem]:
    """Every problem in an indicators file, including unknown source ids."""
    p = _resolve(path, "indicators.csv")
    rows, problems = _read_rows(p, INDICATOR_COLUMNS)
    problems += _check_rows(p, rows, INDICATOR_CHECKS, "id")
    known = _known_source_ids(_sources_for(p, sources_path))
    if known is not None:
        problems += _check_source_ids(p, rows, known)
    return problems


def check_context(path: str | os.PathLike[str] | None = None,
                  sources_path: str | os.PathLike[str] | None = None) -> list[Problem]:
    """Every problem in a context file, including unknown source ids and mixed series."""
    p = _resolve(path, "context.csv")
    rows, problems = _read_rows(p, CONTEXT_COLUMNS)
    problems += _check_rows(p, rows, CONTEXT_CHECKS, "id")
    known = _known_source_ids(_sources_for(p, sources_path))
    if known is not None:
        problems += _check_source_ids(p, rows, known)
    problems += _check_series(p, rows)
    return problems


def _check_series(path: Path, rows: list[tuple[int, dict[str, str]]]) -> list[Problem]:
    """A series holds one definition (indicator, region, unit, basis) and one row per period."""
    shown = display_path(path)
    problems: list[Problem] = []
    first: dict[str, tuple[int, tuple[str, ...]]] = {}
    periods: dict[tuple[str, str], int] = {}
    for line, row in rows:
        series = row["series"]
        if not series:
            continue
        definition = (row["indicator"], row["region"], row["unit"], row["basis"], row["measure"])
        if series not in first:
            first[series] = (line, definition)
        elif first[series][1] != definition:
            problems.append(Problem(shown, line, "series",
                                    f"series {series!r} mixes definitions (differs from line {first[series][0]})"))
        key = (series, row["period"])
        if key in periods:
            problems.append(Problem(shown, line, "period",
                                    f"series {series!r} has period {row['period']} twice (line {periods[key]})"))
        else:
            periods[key] = line
    return problems


def _known_source_ids(path: Path) -> set[str] | None:
    rows, problems = _read_rows(path, SOURCE_COLUMNS)
    if problems and not rows:
        return None
    return {row["source_id"] for _, row in rows}


def _raise_if(problems: list[Problem]) -> None:
    if problems:
        raise DataError(problems)


_LOADED: dict[tuple[object, ...], pd.DataFrame] = {}
"""Frames already loaded and checked in this process, keyed by loader and file states."""


def _file_state(path: Path) -> tuple[str, str] | None:
    try:
        content = path.read_bytes()
    except OSError:
        return None
    return (str(path.resolve()), hashlib.sha256(content).hexdigest())


def _cached(loader: str, paths: Sequence[Path], load: Callable[[], pd.DataFrame]) -> pd.DataFrame:
    """``load()``, or a copy of what it returned for the same files, unchanged since.

    A file counts as unchanged while its resolved path and its bytes (sha256) are
    the same; an edited file is read and checked again. Each caller gets its own
    copy, so changing a returned frame changes nothing else. Failures are not kept:
    a file with problems raises every time.
    """
    states = tuple(_file_state(p) for p in paths)
    if any(state is None for state in states):
        return load()  # a missing file: the loader reports it
    key = (loader, *states)
    frame = _LOADED.get(key)
    if frame is None:
        frame = load()
        if len(_LOADED) >= 32:
            _LOADED.clear()
        _LOADED[key] = frame
    return frame.copy(deep=True)


def load_sources(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """The sources table: the article and every context source.

    Parameters
    ----------
    path : path-like, optional
        A sources CSV; defaults to ``data/sources.csv``.

    Raises
    ------
    DataError
        With one line naming file, line and field for the first problem.

    Examples
    --------
    >>> sources = load_sources()
    >>> sources.loc[sources["source_id"] == "article", "publisher_status"].item()
    'inferred'
    """
    p = _resolve(path, "sources.csv")

    def load() -> pd.DataFrame:
        rows, problems = _read_rows(p, SOURCE_COLUMNS)
        _raise_if(problems + _check_rows(p, rows, SOURCE_CHECKS, "source_id"))
        return _typed_frame(rows, SOURCE_COLUMNS)

    return _cached("sources", [p], load)


def load_indicators(path: str | os.PathLike[str] | None = None,
                    sources_path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """The article's printed figures, one row each, with their intervals.

    Columns are those of ``indicators.csv`` plus ``line`` (the CSV line),
    ``value`` (float), ``value_printed`` (the text as printed), ``decimals``,
    ``low``/``high`` with ``low_closed``/``high_closed``, ``interval`` (notation)
    and ``unit_multiplier`` (亿 = 1e8, 万 = 1e4).

    Examples
    --------
    >>> ind = load_indicators()
    >>> row = ind.set_index("id").loc["fiscal_revenue_total_2024"]
    >>> row["value_printed"], row["unit"], row["interval"]
    ('62.08', '亿元', '[62.075, 62.085)')
    """
    p = _resolve(path, "indicators.csv")

    def load() -> pd.DataFrame:
        _raise_if(check_indicators(p, sources_path))
        rows, _ = _read_rows(p, INDICATOR_COLUMNS)
        return _add_value_columns(_typed_frame(rows, INDICATOR_COLUMNS))

    return _cached("indicators", [p, _sources_for(p, sources_path)], load)


def load_context(path: str | os.PathLike[str] | None = None,
                 sources_path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Figures from other public sources, each with its status and trust.

    Columns are those of ``context.csv`` plus the value columns of
    :func:`load_indicators`.

    Examples
    --------
    >>> ctx = load_context()
    >>> ctx.set_index("id").loc["hn_iva_growth_2024", "value_printed"]
    '7.3'
    """
    p = _resolve(path, "context.csv")

    def load() -> pd.DataFrame:
        _raise_if(check_context(p, sources_path))
        rows, _ = _read_rows(p, CONTEXT_COLUMNS)
        return _add_value_columns(_typed_frame(rows, CONTEXT_COLUMNS))

    return _cached("context", [p, _sources_for(p, sources_path)], load)


def _lookup(frame: pd.DataFrame, row_id: str, what: str) -> Reported:
    match = frame[frame["id"] == row_id]
    if match.empty:
        raise KeyError(f"no {what} row with id {row_id!r}")
    row = match.iloc[0]
    return Reported(row["value_printed"], row["qualifier"], row["unit"], id=row_id)


def reported(indicator_id: str, indicators: pd.DataFrame | None = None) -> Reported:
    """One printed figure of the article as a :class:`~ygx_analysis.reported.Reported`.

    Examples
    --------
    >>> reported("above_scale_electronics_current").interval.notation()
    '(30, 40)'
    """
    return _lookup(load_indicators() if indicators is None else indicators, indicator_id, "indicators.csv")


def context_reported(context_id: str, context: pd.DataFrame | None = None) -> Reported:
    """One context figure as a :class:`~ygx_analysis.reported.Reported`.

    Examples
    --------
    >>> context_reported("hn_iva_growth_2025h1").value
    8.2
    """
    return _lookup(load_context() if context is None else context, context_id, "context.csv")


def validate_data_dir(data_dir: str | os.PathLike[str] | None = None) -> tuple[dict[str, int], list[Problem]]:
    """Check every file in a data folder.

    Returns
    -------
    counts : dict
        Data rows per file that was read.
    problems : list of Problem
        Every problem found; empty when the folder is clean.
    """
    d = Path(data_dir) if data_dir is not None else default_data_dir()
    if not d.is_dir():
        return {}, [Problem(display_path(d), None, None, "not a folder")]
    problems = check_sources(d / "sources.csv")
    problems += check_indicators(d / "indicators.csv", d / "sources.csv")
    problems += check_context(d / "context.csv", d / "sources.csv")
    counts: dict[str, int] = {}
    for name, columns in (("indicators.csv", INDICATOR_COLUMNS), ("context.csv", CONTEXT_COLUMNS),
                          ("sources.csv", SOURCE_COLUMNS)):
        rows, _ = _read_rows(d / name, columns)
        counts[name] = len(rows)
    return counts, problems
