"""Load and validate the files in ``data/`` into typed DataFrames.

Every problem in a data file is reported as one line naming the file, the line
and the field, for example::

    data/indicators.csv:17: unit: unknown unit 'furlongs'

The loaders (:func:`load_indicators`, :func:`load_context`, :func:`load_sources`)
raise :class:`DataError` on the first problem and keep the full list in
``DataError.problems``; :func:`ygx_analysis.data.validation.validate_data_dir` collects
every problem in a folder without raising. A user can point any loader at an edited copy.

Reading itself (regular files only, the size limit, UTF-8) is done by
:mod:`ygx_analysis.data.files`, where :class:`DataError` and :class:`Problem` live;
both are importable from here too.

Numbers (the ``value`` column) are plain ASCII decimals matching
:data:`DECIMAL_NUMBER`, ``-?[0-9]+(\\.[0-9]+)?``, exactly as printed: no sign
``+``, no exponent (``1e5``), no digit separators (``6,208``, ``6_208``), no
full-width or other non-ASCII digits (``６２.０８``), no ``nan``/``inf``, and no
value so large that it overflows to infinity.

This module imports only the standard library, numpy and pandas.
"""

from __future__ import annotations

import functools
import hashlib
import math
import os
import re
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd

from .files import DataError, Problem, display_path, read_bytes, read_csv_rows
from ..arithmetic.reported import QUALIFIERS, Reported, interval_from_printed

__all__ = [
    "CJK_CHARACTER", "CONTEXT_COLUMNS", "DATA_DIR_ENV", "DECIMAL_NUMBER", "INDICATOR_COLUMNS", "SECTIONS",
    "SOURCE_COLUMNS", "UNIT_MULTIPLIERS", "DataError", "Problem", "check_context", "check_indicators", "check_sources",
    "context_reported", "default_data_dir", "display_path", "load_context", "load_indicators", "load_sources",
    "reported", "shown_field",
]

DATA_DIR_ENV = "YGX_DATA_DIR"
"""Environment variable that points the loaders at another data folder."""

INDICATOR_COLUMNS = ("id", "indicator", "label_zh", "label_en", "section", "period", "measure",
                     "value", "unit", "qualifier", "excerpt", "source_id", "note", "note_zh")
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
REGIONS = ("zone", "yiyang", "heshan", "hunan", "china", "national_htz", "national_etdz", "hunan_htz",
           "hunan_park", "hunan_city")
STATUSES = ("final", "revised", "preliminary", "forecast", "target", "derived", "unverified")
TRUST_LEVELS = ("high", "medium", "low")
BASES = ("real", "nominal", "")
SOURCE_KINDS = ("article", "web", "dataset")
FIELD_STATUSES = ("printed", "inferred", "not confirmed", "not applicable")

INDICATOR_PERIOD = re.compile(r"^(\d{4}|\d{4}H[12]|current|annual)$")
CONTEXT_PERIOD = re.compile(r"^(\d{4}|\d{4}H[12]|\d{4}Q[1-4](-Q[1-4])?|\d{4}M\d{2}-M\d{2}|\d{4}-\d{4}|\d{4}-end|undated)$")
SLUG = re.compile(r"^[a-z0-9_]+$")
INDICATOR_EXCERPT_MAX = 30
CONTEXT_EXCERPT_MAX = 60
DECIMAL_NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$", re.ASCII)
"""A value as printed: ASCII digits, an optional minus sign and decimal point, nothing else."""
SHOWN_MAX = 40
"""Longest field text quoted in a message; longer text is cut with an ellipsis."""


def default_data_dir() -> Path:
    """The data folder: ``$YGX_DATA_DIR``, the repository's ``data/``, or the packaged copy."""
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env)
    repo = Path(__file__).resolve().parents[2] / "data"
    if repo.is_dir():
        return repo
    return Path(__file__).resolve().parents[1] / "_data"


# ---------------------------------------------------------------------------
# field checks
# ---------------------------------------------------------------------------

Check = Callable[[str, dict[str, str]], str | None]


def shown_field(value: str) -> str:
    """``repr(value)``, cut to :data:`SHOWN_MAX` characters so that a message stays one short line."""
    return repr(value) if len(value) <= SHOWN_MAX else repr(value[:SHOWN_MAX]) + "…"


def _required(value: str, row: dict[str, str]) -> str | None:
    return "is empty" if not value.strip() else None


CJK_CHARACTER = re.compile(r"[\u3400-\u9fff]")
"""A Chinese character (CJK Unified Ideographs and Extension A)."""


def _note_zh(value: str, row: dict[str, str]) -> str | None:
    """``note_zh`` says in Chinese what ``note`` says: both given or both empty."""
    if row["note"].strip() and not value.strip():
        return "is empty while note is not; give the note in Chinese too"
    if value.strip() and not row["note"].strip():
        return "is given while note is empty; give the note in English too"
    if value.strip() and not CJK_CHARACTER.search(value):
        return f"holds no Chinese character: {shown_field(value)}"
    return None


def _one_of(choices: Iterable[str], what: str) -> Check:
    allowed = tuple(choices)

    def check(value: str, row: dict[str, str]) -> str | None:
        if value not in allowed:
            shown = ", ".join(repr(c) for c in allowed if c)
            return f"unknown {what} {shown_field(value)}; expected one of {shown}"
        return None

    return check


def _matches(pattern: re.Pattern[str], what: str) -> Check:
    def check(value: str, row: dict[str, str]) -> str | None:
        return None if pattern.match(value) else f"{what} {shown_field(value)} is not of the form {pattern.pattern}"

    return check


def _max_length(limit: int) -> Check:
    def check(value: str, row: dict[str, str]) -> str | None:
        return f"is {len(value)} characters; at most {limit} allowed" if len(value) > limit else None

    return check


def _number(value: str, row: dict[str, str]) -> str | None:
    if not DECIMAL_NUMBER.match(value):
        return f"not a number: {shown_field(value)}; write a plain decimal in ASCII digits, such as 62.08 or -3.5"
    multiplier = UNIT_MULTIPLIERS.get(row.get("unit", ""), 1.0)
    if not math.isfinite(float(value) * multiplier):
        return f"value {shown_field(value)} is too large: it overflows to infinity"
    d = Decimal(value)
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
    "note_zh": [_note_zh],
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
                                        f"duplicate id {shown_field(row[key])} (first on line {seen[row[key]]})"))
            else:
                seen[row[key]] = line
        if not row_problem and "qualifier" in row and "value" in row:
            message = _interval(row["value"], row)
            if message:
                problems.append(Problem(shown, line, "value", message))
    return problems


def _check_source_ids(path: Path, rows: list[tuple[int, dict[str, str]]], known: set[str]) -> list[Problem]:
    shown = display_path(path)
    return [Problem(shown, line, "source_id", f"unknown source {shown_field(row['source_id'])}; not in sources.csv")
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
    rows, problems = read_csv_rows(p, SOURCE_COLUMNS)
    return problems + _check_rows(p, rows, SOURCE_CHECKS, "source_id")


def check_indicators(path: str | os.PathLike[str] | None = None,
                     sources_path: str | os.PathLike[str] | None = None) -> list[Problem]:
    """Every problem in an indicators file, including unknown source ids."""
    p = _resolve(path, "indicators.csv")
    rows, problems = read_csv_rows(p, INDICATOR_COLUMNS)
    problems += _check_rows(p, rows, INDICATOR_CHECKS, "id")
    known = _known_source_ids(_sources_for(p, sources_path))
    if known is not None:
        problems += _check_source_ids(p, rows, known)
    return problems


def check_context(path: str | os.PathLike[str] | None = None,
                  sources_path: str | os.PathLike[str] | None = None) -> list[Problem]:
    """Every problem in a context file, including unknown source ids and mixed series."""
    p = _resolve(path, "context.csv")
    rows, problems = read_csv_rows(p, CONTEXT_COLUMNS)
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
    rows, problems = read_csv_rows(path, SOURCE_COLUMNS)
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
        content = read_bytes(path)
    except DataError:
        return None
    return (str(path.resolve()), hashlib.sha256(content).hexdigest())


def _cached_frame(loader: str, paths: Sequence[Path],
                  load: Callable[[], pd.DataFrame]) -> tuple[tuple[object, ...] | None, pd.DataFrame]:
    """The cache key (None for a missing file) and the kept frame: ``load()`` for files not seen as they are."""
    states = tuple(_file_state(p) for p in paths)
    if any(state is None for state in states):
        return None, load()  # a missing file: the loader reports it
    key = (loader, *states)
    frame = _LOADED.get(key)
    if frame is None:
        frame = load()
        if len(_LOADED) >= 32:
            _LOADED.clear()
        _LOADED[key] = frame
    return key, frame


def _cached(loader: str, paths: Sequence[Path], load: Callable[[], pd.DataFrame]) -> pd.DataFrame:
    """``load()``, or a copy of what it returned for the same files, unchanged since.

    A file counts as unchanged while its resolved path and its bytes (sha256) are
    the same; an edited file is read and checked again. Each caller gets its own
    copy, so changing a returned frame changes nothing else. Failures are not kept:
    a file with problems raises every time.
    """
    return _cached_frame(loader, paths, load)[1].copy(deep=True)


def _cached_lookup(loader: str, paths: Sequence[Path], load: Callable[[], pd.DataFrame], row_id: str,
                   what: str) -> Reported:
    """Row ``row_id`` of the kept frame (read again by the rule of :func:`_cached`), without copying it."""
    return _lookup(_cached_frame(loader, paths, load)[1], row_id, what)


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
        rows, problems = read_csv_rows(p, SOURCE_COLUMNS)
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
    return _cached("indicators", *_indicators_files(path, sources_path))


def _indicators_files(path: str | os.PathLike[str] | None, sources_path: str | os.PathLike[str] | None
                      ) -> tuple[list[Path], Callable[[], pd.DataFrame]]:
    """The files :func:`load_indicators` reads (the cache key) and the function that loads them."""
    p = _resolve(path, "indicators.csv")

    def load() -> pd.DataFrame:
        _raise_if(check_indicators(p, sources_path))
        rows, _ = read_csv_rows(p, INDICATOR_COLUMNS)
        return _add_value_columns(_typed_frame(rows, INDICATOR_COLUMNS))

    return [p, _sources_for(p, sources_path)], load


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
    return _cached("context", *_context_files(path, sources_path))


def _context_files(path: str | os.PathLike[str] | None, sources_path: str | os.PathLike[str] | None
                   ) -> tuple[list[Path], Callable[[], pd.DataFrame]]:
    """The files :func:`load_context` reads (the cache key) and the function that loads them."""
    p = _resolve(path, "context.csv")

    def load() -> pd.DataFrame:
        _raise_if(check_context(p, sources_path))
        rows, _ = read_csv_rows(p, CONTEXT_COLUMNS)
        return _add_value_columns(_typed_frame(rows, CONTEXT_COLUMNS))

    return [p, _sources_for(p, sources_path)], load


def _lookup(frame: pd.DataFrame, row_id: str, what: str) -> Reported:
    """The first row ``row_id`` of a loaded frame as a :class:`Reported` (one pass over the id column)."""
    found = np.flatnonzero(frame["id"].to_numpy(dtype=object) == row_id) if isinstance(row_id, str) else ()
    if not len(found):
        raise KeyError(f"no {what} row with id {row_id!r}")
    i = int(found[0])
    fields = (frame["value_printed"].iat[i], frame["qualifier"].iat[i], frame["unit"].iat[i])
    try:
        return _reported(*fields, row_id)
    except TypeError:  # an unhashable cell of a frame made by hand: Reported names the field
        return Reported(*fields, id=row_id)


@functools.lru_cache(maxsize=4096)
def _reported(text: str, qualifier: str, unit: str, row_id: str) -> Reported:
    """``Reported(text, qualifier, unit, id=row_id)``, built once per distinct row (it is immutable)."""
    return Reported(text, qualifier, unit, id=row_id)


def reported(indicator_id: str, indicators: pd.DataFrame | None = None) -> Reported:
    """One printed figure of the article as a :class:`~ygx_analysis.arithmetic.reported.Reported`.

    Examples
    --------
    >>> reported("above_scale_electronics_current").interval.notation()
    '(30, 40)'
    """
    if indicators is not None:
        return _lookup(indicators, indicator_id, "indicators.csv")
    return _cached_lookup("indicators", *_indicators_files(None, None), indicator_id, "indicators.csv")


def context_reported(context_id: str, context: pd.DataFrame | None = None) -> Reported:
    """One context figure as a :class:`~ygx_analysis.arithmetic.reported.Reported`.

    Examples
    --------
    >>> context_reported("hn_iva_growth_2025h1").value
    8.2
    """
    if context is not None:
        return _lookup(context, context_id, "context.csv")
    return _cached_lookup("context", *_context_files(None, None), context_id, "context.csv")
