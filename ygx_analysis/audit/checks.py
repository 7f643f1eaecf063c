"""The row type of the audit and the helpers every check uses. Part of :mod:`ygx_analysis.audit`.

A check holds no prose. Its description and its note are templates of the audit's metadata
file (``exhibits/meta/audit.yml``, keys ``checks.<check_id>.description`` and the note's
``template``), and the check carries the named values that fill them: numbers, printed
figures (``62.08``), row ids, and three kinds of word that the reader's language decides,
:class:`Term`, :class:`Quote` and a nested :class:`Note`. A tuple of row ids is a list.
:mod:`ygx_analysis.exhibits.article_audit` fills them.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..arithmetic.growth import implied_prior_level
from ..arithmetic.reported import Interval, Reported

__all__ = ["COLUMNS", "STATUSES", "Check", "Note", "Quote", "Term", "bounds", "check", "implied_prior_check",
           "real"]

COLUMNS = ("check_id", "formula", "inputs", "value", "low", "high", "reported", "status", "note_template",
           "note_values", "description_values")
"""Columns of the audit's frame, in order."""

STATUSES = ("reproduced", "consistent", "flag", "not_comparable")
"""Status words of a check (see :mod:`ygx_analysis.audit`). A check that weighs two
readings of a definition is a ``flag``: the figure stays doubtful until the publisher
confirms the definition, and the note names the reading the evidence supports, or says
that neither is established."""


class Term(str):
    """A word of the audit named by key (``terms.<key>``): a verdict, a reading, a caveat."""


class Quote(str):
    """A Chinese term named by key (``quotes.<key>``) that a note quotes as printed in either language."""


@dataclass(frozen=True)
class Note:
    """A note template (dotted key of the audit's words) and the named values that fill it."""

    template: str
    values: Mapping[str, object]


@dataclass(frozen=True)
class Check:
    """One audit check: what it computes, from which rows, and the note that reads it."""

    check_id: str
    formula: str
    inputs: tuple[str, ...]
    value: float
    interval: Interval
    reported: str
    status: str
    note: Note
    about: Mapping[str, object] = field(default_factory=dict)

    def row(self) -> dict[str, object]:
        """The check as a row of the audit's frame (columns :data:`COLUMNS`)."""
        if self.status not in STATUSES:  # pragma: no cover - programming error
            raise ValueError(f"status: unknown status {self.status!r}")
        return {"check_id": self.check_id, "formula": self.formula, "inputs": ";".join(self.inputs),
                "value": float(self.value), "low": float(self.interval.low), "high": float(self.interval.high),
                "reported": self.reported, "status": self.status, "note_template": self.note.template,
                "note_values": dict(self.note.values), "description_values": dict(self.about)}


def check(check_id: str, formula: str, inputs: tuple[str, ...], value: float, interval: Interval, status: str,
          reported: str = "", about: Mapping[str, object] | None = None, **values: object) -> Check:
    """A check whose note is its own template, ``checks.<check_id>.note``, filled from ``values``."""
    return Check(check_id, formula, inputs, value, interval, reported, status,
                 Note(f"checks.{check_id}.note", values), about or {})


def real(name: str, value: object) -> float:
    """``value`` as a float; TypeError naming ``name`` unless it is a real number."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name}: must be a number, got {type(value).__name__}")
    return float(value)


def bounds(iv: Interval, digits: int = 2) -> str:
    """An interval in bracket notation with ``digits`` decimals, ∞ for an unbounded end (``'[1.0, ∞)'``)."""
    def fmt(x: float) -> str:
        return "∞" if math.isinf(x) else f"{x:.{digits}f}"

    left = "[" if iv.low_closed else "("
    right = "]" if iv.high_closed and not math.isinf(iv.high) else ")"
    return f"{left}{fmt(iv.low)}, {fmt(iv.high)}{right}"


def implied_prior_check(check_id: str, level: Reported, rate: Reported, caveat: str | None = None) -> Check:
    """The check of a prior-year level implied by a printed level and its growth, with an optional caveat."""
    iv, value = implied_prior_level(level, rate), implied_prior_level(level.value, rate.value)
    note = Note("notes.implied_prior", {
        "level": level.text, "unit": level.unit, "rate": rate.text, "prior": value,
        "level_bounds": level.interval.notation(), "rate_bounds": rate.interval.notation(), "bounds": bounds(iv, 3)})
    if caveat is not None:
        note = Note("notes.with_caveat", {"note": note, "caveat": Term(caveat)})
    return Check(check_id, f"implied_prior_level: {level.text} / (1 + {rate.text}/100)", (level.id, rate.id),
                 value, iv, "", "reproduced", note, {"unit": level.unit})
