"""What a valid row of ``indicators.csv``, ``context.csv`` and ``sources.csv`` is: columns, words, field checks.

Every problem is one line naming the file, the line and the field, for example::

    data/indicators.csv:17: unit: unknown unit 'furlongs'

:func:`check_table` collects every problem of one file without raising; the
loaders of :mod:`ygx_analysis.data.tables` raise them as one
:class:`~ygx_analysis.data.files.DataError`.

Numbers (the ``value`` column) are plain ASCII decimals matching
:data:`DECIMAL_NUMBER`, ``-?[0-9]+(\\.[0-9]+)?``, exactly as printed: no sign
``+``, no exponent (``1e5``), no digit separators (``6,208``, ``6_208``), no
full-width or other non-ASCII digits (``６２.０８``), no ``nan``/``inf``, and no
value so large that it overflows to infinity.

The vocabularies here are also those of ``datapackage.json`` (``tools/make_datapackage.py``).
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ..arithmetic.reported import QUALIFIERS, interval_from_printed
from .csvrows import Rows, read_csv_rows
from .files import Problem, display_path, shown_field
from .folder import default_data_dir

__all__ = ["BASES", "CJK_CHARACTER", "CONTEXT", "CONTEXT_COLUMNS", "CONTEXT_EXCERPT_MAX", "CONTEXT_MEASURES",
           "CONTEXT_PERIOD", "CONTEXT_UNITS", "DECIMAL_NUMBER", "FIELD_STATUSES", "INDICATORS", "INDICATOR_COLUMNS",
           "INDICATOR_EXCERPT_MAX", "INDICATOR_MEASURES", "INDICATOR_PERIOD", "INDICATOR_QUALIFIERS",
           "INDICATOR_UNITS", "QUALIFIERS", "REGIONS", "SECTIONS", "SLUG", "SOURCES", "SOURCE_COLUMNS", "SOURCE_KINDS",
           "STATUSES", "TRUST_LEVELS", "UNIT_MULTIPLIERS", "Table", "check_table"]

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
CJK_CHARACTER = re.compile(r"[\u3400-\u9fff]")
"""A Chinese character (CJK Unified Ideographs and Extension A)."""

Check = Callable[[str, dict[str, str]], str | None]
"""A field check: the field's text and its row → a problem message, or None."""


def _required(value: str, row: dict[str, str]) -> str | None:
    return "is empty" if not value.strip() else None


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
    shown = ", ".join(repr(c) for c in allowed if c)
    return lambda value, row: (None if value in allowed
                               else f"unknown {what} {shown_field(value)}; expected one of {shown}")


def _matches(pattern: re.Pattern[str], what: str) -> Check:
    return lambda value, row: (None if pattern.match(value)
                               else f"{what} {shown_field(value)} is not of the form {pattern.pattern}")


def _max_length(limit: int) -> Check:
    return lambda value, row: (f"is {len(value)} characters; at most {limit} allowed" if len(value) > limit
                               else None)


def _number(value: str, row: dict[str, str]) -> str | None:
    if not DECIMAL_NUMBER.match(value):
        return f"not a number: {shown_field(value)}; write a plain decimal in ASCII digits, such as 62.08 or -3.5"
    if not math.isfinite(float(value) * UNIT_MULTIPLIERS.get(row.get("unit", ""), 1.0)):
        return f"value {shown_field(value)} is too large: it overflows to infinity"
    measure = row.get("measure", "")
    if measure in GROWTH_MEASURES and Decimal(value) <= -100:
        return f"growth rate {value}% is at or below -100%"
    if measure not in GROWTH_MEASURES and Decimal(value) < 0:
        return f"negative value {value} for measure {measure!r}"
    return None


def _slug(what: str) -> list[Check]:
    return [_required, _matches(SLUG, what)]


@dataclass(frozen=True)
class Table:
    """One CSV file of ``data/``: its name, columns, field checks and key column.

    ``cites``: its ``source_id`` column names rows of ``sources.csv``; ``series``:
    its rows form series of one definition and one row per period.
    """

    name: str
    columns: tuple[str, ...]
    checks: dict[str, list[Check]]
    key: str
    cites: bool = False
    series: bool = False


INDICATORS = Table("indicators.csv", INDICATOR_COLUMNS, {
    "id": _slug("id"), "indicator": _slug("indicator"), "label_zh": [_required], "label_en": [_required],
    "section": [_one_of(SECTIONS, "section")], "period": [_matches(INDICATOR_PERIOD, "period")],
    "measure": [_one_of(INDICATOR_MEASURES, "measure")], "unit": [_one_of(INDICATOR_UNITS, "unit")],
    "qualifier": [_one_of(INDICATOR_QUALIFIERS, "qualifier")], "value": [_number],
    "excerpt": [_required, _max_length(INDICATOR_EXCERPT_MAX)], "source_id": [_required], "note_zh": [_note_zh],
}, "id", cites=True)

CONTEXT = Table("context.csv", CONTEXT_COLUMNS, {
    "id": _slug("id"), "region": [_one_of(REGIONS, "region")], "indicator": _slug("indicator"),
    "label_en": [_required], "period": [_matches(CONTEXT_PERIOD, "period")],
    "measure": [_one_of(CONTEXT_MEASURES, "measure")], "unit": [_one_of(CONTEXT_UNITS, "unit")],
    "qualifier": [_one_of(QUALIFIERS, "qualifier")], "basis": [_one_of(BASES, "basis")],
    "status": [_one_of(STATUSES, "status")], "trust": [_one_of(TRUST_LEVELS, "trust")], "value": [_number],
    "excerpt": [_max_length(CONTEXT_EXCERPT_MAX)], "source_id": [_required],
}, "id", cites=True, series=True)

SOURCES = Table("sources.csv", SOURCE_COLUMNS, {
    "source_id": _slug("source_id"), "kind": [_one_of(SOURCE_KINDS, "kind")], "title": [_required],
    "trust": [_one_of(TRUST_LEVELS, "trust")],
    **{f"{name}_status": [_one_of(FIELD_STATUSES, "status word")]
       for name in ("title", "authors", "publisher", "section", "date", "url")},
}, "source_id")


def _check_rows(shown: str, rows: Rows, table: Table) -> list[Problem]:
    """Each row's first failing check per field, duplicate keys, and the interval of a clean value."""
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for line, row in rows:
        found = []
        for name, checks in table.checks.items():
            message = next((m for m in (check(row[name], row) for check in checks) if m), None)
            if message:
                found.append(Problem(shown, line, name, message))
        problems += found
        key = row[table.key]
        if key and key in seen:
            problems.append(Problem(shown, line, table.key,
                                    f"duplicate id {shown_field(key)} (first on line {seen[key]})"))
        elif key:
            seen[key] = line
        if not found and "value" in row:
            try:
                interval_from_printed(row["value"], row["qualifier"], row["unit"])
            except ValueError as exc:
                problems.append(Problem(shown, line, "value", str(exc)))
    return problems


def _check_series(shown: str, rows: Rows) -> list[Problem]:
    """A series holds one definition (indicator, region, unit, basis, measure) and one row per period."""
    problems: list[Problem] = []
    first: dict[str, tuple[int, tuple[str, ...]]] = {}
    periods: dict[tuple[str, str], int] = {}
    for line, row in rows:
        series = row["series"]
        if not series:
            continue
        definition = (row["indicator"], row["region"], row["unit"], row["basis"], row["measure"])
        first.setdefault(series, (line, definition))
        if first[series][1] != definition:
            problems.append(Problem(shown, line, "series",
                                    f"series {series!r} mixes definitions (differs from line {first[series][0]})"))
        key = (series, row["period"])
        if key in periods:
            problems.append(Problem(shown, line, "period",
                                    f"series {series!r} has period {row['period']} twice (line {periods[key]})"))
        else:
            periods[key] = line
    return problems


def table_path(table: Table, path: str | os.PathLike[str] | None) -> Path:
    """``path``, or the table's file in :func:`~ygx_analysis.data.folder.default_data_dir`."""
    return Path(path) if path is not None else default_data_dir() / table.name


def sources_path_for(path: Path, sources_path: str | os.PathLike[str] | None) -> Path:
    """The sources file whose ids a file's ``source_id`` column is checked against: given, beside it, or the default."""
    if sources_path is not None:
        return Path(sources_path)
    sibling = path.with_name("sources.csv")
    return sibling if sibling.exists() else default_data_dir() / "sources.csv"


def check_table(table: Table, path: str | os.PathLike[str] | None = None,
                sources_path: str | os.PathLike[str] | None = None) -> tuple[Rows, list[Problem]]:
    """The data rows of one CSV file of ``data/`` (default: the table's file) and every problem in it.

    ``sources_path`` is the sources file for the ``source_id`` check (see :func:`sources_path_for`);
    when it cannot be read, that check is skipped (its own check reports it).

    Examples
    --------
    >>> rows, problems = check_table(INDICATORS)
    >>> len(rows), problems
    (45, [])
    """
    p = table_path(table, path)
    shown = display_path(p)
    rows, problems = read_csv_rows(p, table.columns)
    problems += _check_rows(shown, rows, table)
    if table.cites:
        sources, source_problems = read_csv_rows(sources_path_for(p, sources_path), SOURCE_COLUMNS)
        if sources or not source_problems:
            known = {row["source_id"] for _, row in sources}
            problems += [Problem(shown, line, "source_id",
                                 f"unknown source {shown_field(row['source_id'])}; not in sources.csv")
                         for line, row in rows if row["source_id"] and row["source_id"] not in known]
    if table.series:
        problems += _check_series(shown, rows)
    return rows, problems
