"""The row type of the audit and the helpers every check uses. Part of :mod:`ygx_analysis.audit`."""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass

from ..arithmetic.growth import implied_prior_level
from ..arithmetic.reported import Interval, Reported

__all__ = ["COLUMNS", "STATUSES", "Check", "fmt", "fmt_interval", "implied_prior_check", "pct", "real"]

COLUMNS = ("check_id", "description_zh", "description_en", "formula", "inputs", "value", "low",
           "high", "reported", "status", "note")
"""Columns of the audit table, in order."""

STATUSES = ("reproduced", "consistent", "flag", "not_comparable")
"""Status words of a check (see :mod:`ygx_analysis.audit`). A check that weighs two
readings of a definition and adopts one is a ``flag``: the figure stays doubtful until
the publisher confirms the definition, and the note names the reading adopted."""


@dataclass(frozen=True)
class Check:
    """One audit check: what it computes, from which rows, and how to read it (both languages)."""

    check_id: str
    description_zh: str
    description_en: str
    formula: str
    inputs: tuple[str, ...]
    value: float
    interval: Interval
    reported: str
    status: str
    note_zh: str
    note_en: str

    def row(self, lang: str) -> dict[str, object]:
        """The check as a row of the audit table (columns :data:`COLUMNS`), the note in ``lang``."""
        if self.status not in STATUSES:  # pragma: no cover - programming error
            raise ValueError(f"status: unknown status {self.status!r}")
        return {
            "check_id": self.check_id, "description_zh": self.description_zh,
            "description_en": self.description_en, "formula": self.formula,
            "inputs": ";".join(self.inputs), "value": float(self.value),
            "low": float(self.interval.low), "high": float(self.interval.high),
            "reported": self.reported, "status": self.status,
            "note": self.note_zh if lang == "zh" else self.note_en,
        }


def real(name: str, value: object) -> float:
    """``value`` as a float; TypeError naming ``name`` unless it is a real number."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name}: must be a number, got {type(value).__name__}")
    return float(value)


def pct(iv: Interval) -> Interval:
    """A fraction interval in per cent."""
    return iv * 100


def fmt(x: float, digits: int = 2) -> str:
    """A number with ``digits`` decimals; ∞ for infinity."""
    return "∞" if math.isinf(x) else f"{x:.{digits}f}"


def fmt_interval(iv: Interval, digits: int = 2) -> str:
    """An interval in bracket notation with ``digits`` decimals."""
    left = "[" if iv.low_closed else "("
    right = "]" if iv.high_closed and not math.isinf(iv.high) else ")"
    return f"{left}{fmt(iv.low, digits)}, {fmt(iv.high, digits)}{right}"


def implied_prior_check(check_id: str, level: Reported, rate: Reported, zh: str, en: str,
                        extra_zh: str = "", extra_en: str = "") -> Check:
    """The check of a prior-year level implied by a printed level and its growth."""
    iv = implied_prior_level(level, rate)
    value = implied_prior_level(level.value, rate.value)
    return Check(
        check_id, f"{zh}（{level.unit}）", f"{en} ({level.unit})",
        f"implied_prior_level: {level.text} / (1 + {rate.text}/100)",
        (level.id, rate.id), value, iv, "", "reproduced",
        f"{level.text}{level.unit}、增长{rate.text}%反推上年同期约{fmt(value)}{level.unit}；"
        f"按两个印刷数字的舍入区间 {level.interval.notation()} 与 {rate.interval.notation()}，"
        f"真实值在 {fmt_interval(iv, 3)} 内。{extra_zh}",
        f"{level.text} {level.unit} after growth of {rate.text} % implies about {fmt(value)} "
        f"{level.unit} a year earlier; with the rounding of both printed figures, "
        f"{level.interval.notation()} and {rate.interval.notation()}, the true value lies in "
        f"{fmt_interval(iv, 3)}. {extra_en}".strip(),
    )
