"""Tables as people read them: one transform shared by the XLSX for people and the Word briefing.

The CSV of a table is the machine copy: ids, code-name headers, intervals as text (``[6.325, 6.335)``). A
person wants what :func:`readable` gives: no machine columns, headers in the build's language with their
units (words of ``exhibits/meta/tables.yml``), a range as two numeric columns (low, high), and for each
column a number format (:class:`NumberFormat`) that Excel and Word apply alike.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import pandas as pd

from ..exhibits import words

__all__ = ["NumberFormat", "ReadableTable", "is_machine_column", "parse_range", "readable"]

_NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
_BOUND = rf"(?:{_NUMBER}|[-+]?∞|[-+]?inf)"
_INTERVAL = re.compile(rf"^\s*[\[(]\s*({_BOUND})\s*,\s*({_BOUND})\s*[\])]\s*$")
_DASHED = re.compile(rf"^\s*({_NUMBER})\s*[–—]\s*({_NUMBER})\s*$")  # 62.08–66.12 (an en or em dash)
_EMPTY = {"", "—", "-", "–", "nan", "NaN", "None", "<NA>"}
_CODE = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)+(?:\s*[;,]\s*[a-z0-9]+(?:_[a-z0-9]+)+)*$")  # row ids, code names


@dataclass(frozen=True)
class NumberFormat:
    """How a numeric column prints: ``decimals`` after the point, thousands separated or not.

    Examples
    --------
    >>> f = NumberFormat(2, True)
    >>> f.excel, f.text(12345.678), NumberFormat(0, False).text(2024.0)
    ('#,##0.00', '12,345.68', '2024')
    >>> NumberFormat(1, False).text(float("inf")), NumberFormat(1, False).text(float("nan"))
    ('∞', '')
    """

    decimals: int
    thousands: bool

    @property
    def excel(self) -> str:
        """The Excel number format."""
        return ("#,##0" if self.thousands else "0") + ("." + "0" * self.decimals if self.decimals else "")

    def text(self, value: float) -> str:
        """The value as this format prints it ('' for missing, ∞ for an open end)."""
        if value is None or pd.isna(value):
            return ""
        if math.isinf(value):
            return "∞" if value > 0 else "−∞"
        return f"{value:{',' if self.thousands else ''}.{self.decimals}f}"


@dataclass
class ReadableTable:
    """A table for people: ``frame`` (headers in the build's language) and a format per numeric column."""

    frame: pd.DataFrame
    formats: dict[str, NumberFormat]

    def cell_text(self, column: str, value: object) -> str:
        """One cell as printed in a Word table."""
        if column in self.formats:
            return self.formats[column].text(value)  # type: ignore[arg-type]
        return "" if _missing(value) else str(value)


def _bound(text: str) -> float:
    return float(text.replace("∞", "inf"))


def parse_range(value: object) -> tuple[float, float] | None:
    """``(low, high)`` of an interval or a dashed range written as text; None when it is neither.

    Examples
    --------
    >>> parse_range("[6.325, 6.335)"), parse_range("(20, ∞)"), parse_range("17.51–18.94")
    ((6.325, 6.335), (20.0, inf), (17.51, 18.94))
    >>> parse_range("2025-06") is None, parse_range("62.08亿元") is None
    (True, True)
    """
    text = str(value)
    match = _INTERVAL.match(text) or _DASHED.match(text)
    return (_bound(match.group(1)), _bound(match.group(2))) if match else None


def _present(column: pd.Series) -> list[object]:
    return [v for v in column.tolist() if not _missing(v)]


def is_machine_column(column: pd.Series) -> bool:
    """True for a column of row ids or code names (``fiscal_revenue_total_2024``; lists of them), or an empty one.

    At least half the values present are code names and the rest single words (a marker such as 推算 or
    ``derived`` where a row is worked out rather than read).

    Examples
    --------
    >>> is_machine_column(pd.Series(["gross_output_2025h1", "a_b; c_d", "推算"]))
    True
    >>> is_machine_column(pd.Series(["nominal", "real"])), is_machine_column(pd.Series([1.5, 2.0]))
    (False, False)
    """
    values = _present(column)
    if not values:
        return True
    if not all(isinstance(v, str) for v in values):
        return False
    codes = sum(bool(_CODE.match(v.strip())) for v in values)  # type: ignore[union-attr]
    return 2 * codes >= len(values) and all(" " not in v.strip() for v in values if not _CODE.match(v.strip()))


def _number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if hasattr(value, "item"):
        return _number(value.item())
    text = str(value).strip()
    if re.fullmatch(_NUMBER, text):
        return float(text)
    return None


def _missing(value: object) -> bool:
    return (value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))
            or (isinstance(value, str) and value.strip() in _EMPTY))


def _numeric(column: pd.Series) -> pd.Series | None:
    """The column as floats when every value present is a number (missing and '—' empty); else None."""
    out = []
    for value in column.tolist():
        number = math.nan if _missing(value) else _number(value)
        if number is None:
            return None
        out.append(number)
    return pd.Series(out, index=column.index, dtype="float64") if _present(column) else None


def _format_of(column: pd.Series) -> NumberFormat:
    """The fewest decimals (at most 4) that print every value exactly; thousands separated from 10,000."""
    finite = [v for v in column.tolist() if not math.isnan(v) and not math.isinf(v)]
    decimals = next((d for d in range(5) if all(abs(round(v, d) - v) < 1e-9 * max(1.0, abs(v)) for v in finite)), 4)
    return NumberFormat(decimals, any(abs(v) >= 10_000 for v in finite))


def _header(name: object, lang: str) -> str:
    """A header in the build's language: a code name's words, Chinese units in English, first letter upper."""
    text = str(name)
    headers = words.group("tables", "headers", lang)
    text = headers.get(text, text)
    if lang == "en":
        for unit in words.leaves("tables"):
            if unit[0].startswith("units."):
                text = text.replace(unit[1]["zh"], unit[1]["en"])
        if text[:1].isascii():
            text = text[:1].upper() + text[1:]
    return text


def readable(frame: pd.DataFrame, lang: str | None = "zh", *, drop_machine: bool = True) -> ReadableTable:
    """The table for people (see the module docstring); ``drop_machine=False`` keeps id columns (data tables);
    ``lang=None`` keeps the headers as they are (a command's tidy table, whose headers are its CSV's).

    A range column becomes two numeric columns "<header>下限 / 上限" (``<header>: low / high``); when the table
    already holds those two numbers in adjacent columns, the range column is dropped instead.

    Examples
    --------
    >>> t = pd.DataFrame({"id": ["a_b"], "growth_pct": [6.33], "interval": ["[6.325, 6.335)"], "n": ["3"]})
    >>> r = readable(t, "en")
    >>> list(r.frame.columns), r.frame.iloc[0].tolist()
    (['Growth (%)', 'Interval: low', 'Interval: high', 'N'], [6.33, 6.325, 6.335, 3.0])
    >>> {k: f.excel for k, f in r.formats.items()}
    {'Growth (%)': '0.00', 'Interval: low': '0.000', 'Interval: high': '0.000', 'N': '0'}

    A column of ``attrs["display_decimals"]`` prints with those decimals (its cells keep every digit):

    >>> t = pd.DataFrame({"level": [433.736512]})
    >>> t.attrs["display_decimals"] = {"level": 1}
    >>> readable(t, "en").formats["Level"].excel
    '0.0'
    """
    columns: dict[str, pd.Series] = {}
    shown = frame.attrs.get("display_decimals", {})  # the precision the inputs carry, where the exhibit says
    decimals: dict[str, int] = {}
    for name in frame.columns:
        column = frame[name]
        if drop_machine and (str(name) == "id" or is_machine_column(column)):
            continue
        header = str(name) if lang is None else _header(name, lang)
        values = _present(column)
        texts = values and all(isinstance(v, (str, pd.Interval)) for v in values)
        if texts and all(parse_range(v) is not None for v in values):
            pairs = [None if _missing(v) else parse_range(v) for v in column.tolist()]
            low = pd.Series([p[0] if p else math.nan for p in pairs], index=column.index, dtype="float64")
            high = pd.Series([p[1] if p else math.nan for p in pairs], index=column.index, dtype="float64")
            if not any(low.equals(a) and high.equals(b) for a, b in zip(list(columns.values()),
                                                                      list(columns.values())[1:])):
                for end, values_ in (("low", low), ("high", high)):
                    key = f"{header}_{end}" if lang is None else words.fill("tables", f"range.{end}", lang, header=header)
                    columns[key] = values_
                    if name in shown:
                        decimals[key] = shown[name]
            continue
        numeric = None if column.dtype == bool else _numeric(column)
        if name in shown:
            decimals[header] = shown[name]
        columns[header] = numeric if numeric is not None else column.map(
            lambda v: "" if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)) else v)
    out = pd.DataFrame(columns, index=frame.index).reset_index(drop=True)
    formats = {name: _format_of(out[name]) for name in out.columns if out[name].dtype == "float64"}
    formats |= {name: NumberFormat(d, formats[name].thousands) for name, d in decimals.items() if name in formats}
    return ReadableTable(out, formats)
