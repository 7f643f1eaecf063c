"""Check a whole data folder: every CSV, each printed value against its excerpt, the descriptor, the TOML files.

:func:`validate_data_dir` collects every problem without raising (``ygx-analysis
validate`` prints them); the loaders of :mod:`ygx_analysis.data.tables` check one file each
and raise on the first problem.
"""

from __future__ import annotations

import os
import re

from pathlib import Path

from .csvrows import read_csv_rows
from .datapackage import check_descriptor
from .fields import CONTEXT, CONTEXT_COLUMNS, DECIMAL_NUMBER, INDICATOR_COLUMNS, INDICATORS, SOURCES, check_table, \
    table_path
from .files import DataError, Problem, check_folder, display_path, read_toml, shown_field
from .folder import default_data_dir
from .series import ARTICLE_LAST_PERIOD, after

__all__ = ["CHINESE_NUMERALS", "TOML_FILES", "check_excerpts", "check_series_fit", "validate_data_dir",
           "value_in_excerpt"]

TOML_FILES = {"scenarios.toml": True, "savings.toml": False}
"""TOML files of a data folder → whether the folder must hold it (``savings.toml`` is optional)."""


CHINESE_NUMERALS = {"0": "〇零", "1": "一", "2": "二两", "3": "三", "4": "四", "5": "五", "6": "六",
                    "7": "七", "8": "八", "9": "九", "10": "十"}
"""Whole numbers the article may print as Chinese numerals (一镇两街道: 1 town, 2 subdistricts)."""


def value_in_excerpt(value: str, excerpt: str) -> bool:
    """Whether the printed ``value`` occurs in its ``excerpt``.

    The value must stand as a whole number in the excerpt (``6`` is not found in
    ``16%`` or ``6.6%``); a whole number from 0 to 10 may instead be printed as a
    Chinese numeral (:data:`CHINESE_NUMERALS`).

    Examples
    --------
    >>> value_in_excerpt("62.08", "财政总收入62.08亿元")
    True
    >>> value_in_excerpt("6", "增长16.6%"), value_in_excerpt("6.6", "增长16.6%")
    (False, False)
    >>> value_in_excerpt("2", "托管‘一镇两街道’")
    True
    """
    if re.search(r"(?<![0-9.])" + re.escape(value) + r"(?![0-9]|\.[0-9])", excerpt):
        return True
    return any(ch in excerpt for ch in CHINESE_NUMERALS.get(value, ""))


def check_excerpts(path: str | os.PathLike[str] | None = None) -> list[Problem]:
    """Every indicators row whose printed ``value`` is not in its ``excerpt`` (see :func:`value_in_excerpt`).

    Rows that fail their own field checks are left to :func:`~ygx_analysis.data.fields.check_table`.

    Examples
    --------
    >>> check_excerpts()
    []
    """
    p = table_path(INDICATORS, path)
    rows, _ = read_csv_rows(p, INDICATOR_COLUMNS)
    shown = display_path(p)
    return [Problem(shown, line, "value", f"{shown_field(row['value'])} does not occur in its excerpt "
                                          f"{shown_field(row['excerpt'])}; correct the value or the excerpt")
            for line, row in rows
            if DECIMAL_NUMBER.match(row["value"]) and row["excerpt"] and not value_in_excerpt(row["value"],
                                                                                              row["excerpt"])]


def check_series_fit(data_dir: str | os.PathLike[str] | None = None) -> list[Problem]:
    """Rows that do not fit their series: a period the article cannot print, a unit or a measure of another kind.

    A series is one indicator and measure of one region (every row of ``indicators.csv`` is the zone's),
    across ``indicators.csv`` and ``context.csv``. A row citing ``article`` for a period after
    :data:`~ygx_analysis.data.series.ARTICLE_LAST_PERIOD` is refused; a row of the zone whose unit differs
    from the first row of its series (the analyses read the zone's levels as they are; other sources' rows
    keep the unit each source printed), or a level that is a ``flow`` where the indicator's other levels are ``stock``
    (or the other way round), is one line naming both rows; so is a second ``indicators.csv`` row for one
    period of a series. Rows that fail their own field checks are left to those.

    Examples
    --------
    >>> check_series_fit()
    []
    """
    d = Path(data_dir) if data_dir is not None else default_data_dir()
    files = [(d / "indicators.csv", INDICATOR_COLUMNS), (d / "context.csv", CONTEXT_COLUMNS)]
    problems: list[Problem] = []
    first: dict[tuple[str, ...], tuple[str, int, dict[str, str]]] = {}
    for path, columns in files:
        rows, _ = read_csv_rows(path, columns) if path.is_file() else ([], [])
        shown = display_path(path)
        for line, row in rows:
            rid, region = row["id"], row.get("region", "zone")

            def fail(field: str, message: str) -> None:
                problems.append(Problem(shown, line, field, f"row {rid!r} {message}"))

            if row["source_id"] == "article" and after(row["period"], ARTICLE_LAST_PERIOD):
                fail("source_id", f"claims source 'article' for {row['period']}, but the article prints nothing "
                                  f"after {ARTICLE_LAST_PERIOD}; add the figure's own source to sources.csv")
            checks = [("unit", row["indicator"], row["measure"])] if region == "zone" else []
            checks += [("measure", row["indicator"], "level")] if row["measure"] in ("flow", "stock") else []
            checks += [("period", row["indicator"], row["measure"], row["period"])] if "region" not in row else []
            for key in checks:
                at, seen_line, other = first.setdefault((*key, region), (shown, line, row))
                field, series = key[0], f"of its series {row['indicator']} ({at}:{seen_line})"
                if other is row or (field != "period" and other[field] == row[field]):
                    continue
                fail(field, f"repeats period {row['period']} of row {other['id']!r} {series}" if field == "period"
                     else f"is {'in ' if field == 'unit' else ''}{row[field]}, unlike row {other['id']!r} "
                          f"({other[field]}) {series}")
    return problems


def validate_data_dir(data_dir: str | os.PathLike[str] | None = None, *,
                      frictionless: bool = True) -> tuple[dict[str, int], list[Problem]]:
    """Data rows per CSV file read, and every problem in a data folder (default :func:`default_data_dir`).

    Checked: the three CSV files (fields, ids, source ids, series), each indicator value against its
    excerpt, ``datapackage.json`` (:func:`~ygx_analysis.data.datapackage.check_descriptor`; with
    ``frictionless``, when nothing else was found, also the data against its schemas) and the TOML files as
    files (:data:`TOML_FILES`). What the TOML files say is checked by their own loaders.

    Examples
    --------
    >>> counts, problems = validate_data_dir()
    >>> counts["indicators.csv"], problems
    (45, [])
    """
    try:
        d = check_folder(data_dir if data_dir is not None else default_data_dir())
    except DataError as exc:
        return {}, exc.problems
    checked = {table.name: check_table(table, d / table.name, d / "sources.csv")
               for table in (SOURCES, INDICATORS, CONTEXT)}
    problems = [problem for _, found in checked.values() for problem in found]
    counts = {name: len(checked[name][0]) for name in ("indicators.csv", "context.csv", "sources.csv")}
    problems += check_excerpts(d / "indicators.csv")
    if not problems:
        problems += check_series_fit(d)
    for name, required in TOML_FILES.items():  # missing (when required), not regular, too big or deep, bad syntax
        try:
            if required or os.path.lexists(d / name):
                read_toml(d / name)
        except DataError as exc:
            problems += exc.problems
    _, descriptor_problems = check_descriptor(d, deep=frictionless and not problems)
    return counts, problems + descriptor_problems
