"""The one-line problem collector shared by the scenario file's checks, and the range type they return.

:class:`Checker` gathers problems of the form ``file: key.path: message``; the
checks of :mod:`~ygx_analysis.scenarios.schema` and
:mod:`~ygx_analysis.scenarios.structure` use it, and
:class:`~ygx_analysis.scenarios.ScenarioError` raises them together.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["BASE_YEAR", "YEAR_MAX", "YEAR_MIN", "Assumption", "Checker"]

BASE_YEAR = 2025
"""The jump-off year: the last year with (partial) data; projections start the year after."""

YEAR_MIN, YEAR_MAX = 2025, 2035
"""Years a scenario file may name (``meta.last_year``, target years)."""


@dataclass(frozen=True)
class Assumption:
    """A named assumption: a default and the range it may plausibly take."""

    name: str
    default: float
    low: float
    high: float


class Checker:
    """Collects one-line problems ``file: key.path: message``.

    Examples
    --------
    >>> c = Checker("s.toml")
    >>> c.number({"x": "1"}, "x", "meta.x")
    >>> c.problems
    ['s.toml: meta.x: must be a number']
    """

    def __init__(self, where: str):
        self.where = where
        self.problems: list[str] = []

    def fail(self, key: str, message: str) -> None:
        self.problems.append(f"{self.where}: {key}: {message}")

    def table(self, parent: Mapping[str, Any], name: str, key: str, *, required: bool = True) -> dict | None:
        if name not in parent:
            if required:
                self.fail(key, "is missing")
            return None
        value = parent[name]
        if not isinstance(value, dict):
            self.fail(key, "must be a table")
            return None
        return value

    def known_keys(self, table: Mapping[str, Any], allowed: Iterable[str], key: str) -> None:
        allowed = tuple(allowed)
        for name in table:
            if name not in allowed:
                self.fail(f"{key}.{name}", f"unknown key; expected one of {', '.join(allowed)}")

    def number(self, table: Mapping[str, Any], name: str, key: str, *, required: bool = True) -> float | None:
        if name not in table:
            if required:
                self.fail(key, "is missing")
            return None
        value = table[name]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(key, "must be a number")
            return None
        if not math.isfinite(value):
            self.fail(key, "must be a finite number")
            return None
        return float(value)

    def year(self, table: Mapping[str, Any], name: str, key: str) -> int | None:
        if name not in table:
            self.fail(key, "is missing")
            return None
        value = table[name]
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(key, "must be a whole year such as 2030")
            return None
        if not YEAR_MIN <= value <= YEAR_MAX:
            self.fail(key, f"must be between {YEAR_MIN} and {YEAR_MAX}")
            return None
        if value <= BASE_YEAR:
            self.fail(key, f"must be after the jump-off year {BASE_YEAR}")
            return None
        return value

    def string(self, table: Mapping[str, Any], name: str, key: str, *, required: bool = True,
               choices: Sequence[str] | None = None) -> str | None:
        if name not in table:
            if required:
                self.fail(key, "is missing")
            return None
        value = table[name]
        if not isinstance(value, str):
            self.fail(key, "must be a string")
            return None
        if not value.strip():
            self.fail(key, "must not be empty")
            return None
        if choices is not None and value not in choices:
            self.fail(key, f"unknown value {value!r}; expected one of {', '.join(choices)}")
            return None
        return value

    def strings(self, table: Mapping[str, Any], name: str, key: str, *, min_items: int = 0) -> tuple[str, ...] | None:
        if name not in table:
            self.fail(key, "is missing")
            return None
        value = table[name]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(key, "must be a list of strings")
            return None
        if len(value) < min_items:
            self.fail(key, f"must list at least {min_items} row id")
            return None
        return tuple(value)


