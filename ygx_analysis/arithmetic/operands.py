"""Operands of the growth formulas: numbers, arrays, printed figures and intervals.

The formulas of :mod:`ygx_analysis.arithmetic.growth`, :mod:`ygx_analysis.arithmetic.projection` and
:mod:`ygx_analysis.arithmetic.halfyear` take plain numbers (a ``float`` out), arrays (an
``ndarray`` out) or :class:`~ygx_analysis.arithmetic.reported.Reported` figures and
:class:`~ygx_analysis.arithmetic.reported.Interval` objects (an ``Interval`` out). This module
turns their arguments into one of those forms, checks them (a message naming the
argument), and finds the interval of a result by evaluating a formula that is
monotone in each argument at the ends of the inputs (:func:`monotone_image`; see
:mod:`ygx_analysis.arithmetic.growth` for why the ends are enough).

The underscore helpers are shared by those three modules only.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any, TypeAlias

import numpy as np

from .interval import Interval
from .reported import Reported

__all__ = ["RATE_UNITS", "IntervalLike", "Numbers", "Operand", "Result", "as_interval"]

IntervalLike: TypeAlias = Reported | Interval
"""A printed figure or an interval: the formulas then return an Interval."""
Numbers: TypeAlias = np.ndarray | Sequence[float]
"""An array (or sequence) of numbers: the formulas then return an ndarray."""
Operand: TypeAlias = float | Numbers | IntervalLike
"""What a formula takes: a number, an array of numbers, a printed figure or an interval."""
Result: TypeAlias = float | np.ndarray | Interval
"""What it gives: a float for numbers, an ndarray for arrays, an Interval when any argument is a figure."""

RATE_UNITS = frozenset({"%", ""})
"""Units a Reported growth rate may carry."""

_EXPECTED = "a number, an array of numbers, a Reported figure or an Interval"


def _array(x: Any, name: str) -> np.ndarray:
    if isinstance(x, (str, bytes)) or x is None:
        raise TypeError(f"{name}: must be {_EXPECTED}, got {type(x).__name__}")
    try:
        a = np.asarray(x)
    except ValueError:
        raise ValueError(f"{name}: must be a number or a rectangular array of numbers") from None
    if a.dtype.kind not in "iuf":
        raise TypeError(f"{name}: must be {_EXPECTED}, got {a.dtype} values")
    return a.astype(float)


def _out(a: np.ndarray) -> float | np.ndarray:
    return a.item() if a.ndim == 0 else a


def _ends(x: np.ndarray | Interval) -> tuple[np.ndarray, np.ndarray]:
    """The lowest and highest values ``x`` can take (element-wise for an array)."""
    if isinstance(x, Interval):
        return np.asarray(x.low), np.asarray(x.high)
    return x, x


def _refuse(bad: np.ndarray, x: np.ndarray | Interval, name: str, rule: str) -> None:
    if np.any(bad):
        shown = x.notation() if isinstance(x, Interval) else f"{np.asarray(x)[bad].flat[0]:g}"
        raise ValueError(f"{name}: {rule}, got {shown}")


def _check_level(x: np.ndarray | Interval, name: str) -> None:
    _refuse(_ends(x)[0] < 0, x, name, "must not be negative")


def _check_rate(x: np.ndarray | Interval, name: str) -> None:
    _refuse(_ends(x)[0] <= -100, x, name, "must be above -100 (per cent)")


def _check_positive(x: np.ndarray | Interval, name: str) -> None:
    _refuse(_ends(x)[0] <= 0, x, name, "must be positive")


def _is_interval(x: Any) -> bool:
    return isinstance(x, (Reported, Interval))


def as_interval(x: IntervalLike | float, name: str = "x", *, rate: bool = False) -> Interval:
    """The interval a figure stands for: a Reported figure's, an Interval itself, a number's point.

    Parameters
    ----------
    x : Reported, Interval or number
    name : str, default 'x'
        The argument's name in error messages.
    rate : bool, default False
        Require a Reported figure to be a rate in per cent.

    Examples
    --------
    >>> as_interval(Reported("30", "approx_more", "家")).notation()
    '(30, 40)'
    >>> as_interval(487).notation()
    '[487, 487]'
    """
    if isinstance(x, Reported):
        if rate and x.unit not in RATE_UNITS:
            raise ValueError(f"{name}: expected a rate in %, got a figure in {x.unit}")
        return x.interval
    if isinstance(x, Interval):
        return x
    a = _array(x, name)
    if a.ndim != 0:
        raise TypeError(f"{name}: expected a single number, a Reported figure or an Interval, got an array "
                        "(arrays cannot be mixed with Reported or Interval values)")
    if math.isnan(float(a)):
        raise ValueError(f"{name}: a figure cannot be NaN")
    return Interval.point(float(a))


def _monotone(func: Callable[..., float], *args: tuple[Interval, int]) -> Interval:
    """Image of a box of intervals under a function monotone in each argument.

    ``args`` pairs each interval with ``+1`` (the function rises with it) or
    ``-1`` (it falls with it).
    """
    low_in = [iv.low if d > 0 else iv.high for iv, d in args]
    high_in = [iv.high if d > 0 else iv.low for iv, d in args]
    low_closed = all(iv.low_closed if d > 0 else iv.high_closed for iv, d in args)
    high_closed = all(iv.high_closed if d > 0 else iv.low_closed for iv, d in args)
    low, high = float(func(*low_in)), float(func(*high_in))
    if math.isnan(low) or math.isnan(high):  # pragma: no cover - guarded by the callers
        raise ValueError("interval bound is undefined (inf - inf or 0 * inf)")
    low_closed, high_closed = low_closed and not math.isinf(low), high_closed and not math.isinf(high)
    if low > high:  # floating noise when every input is a point
        low = high = min(low, high)
    return Interval(low, high, low_closed, high_closed)


def _times(a: float, b: float) -> float:
    """``a * b`` with ``0 * inf = 0`` (a zero level stays zero whatever the growth)."""
    return 0.0 if a == 0 or b == 0 else a * b


def _operands(*specs: tuple[Any, str, bool]) -> tuple[bool, list[Any]]:
    """Every argument as an Interval when any one is Reported or an Interval, else as a float array.

    ``specs`` holds ``(value, name, is_rate)`` triples; a Reported rate must be in per cent.
    """
    if any(_is_interval(x) for x, _, _ in specs):
        return True, [as_interval(x, name, rate=rate) for x, name, rate in specs]
    return False, [_array(x, name) for x, name, _ in specs]


def _years(years: Any, *, plain: bool) -> Any:
    if _is_interval(years):
        raise TypeError("years: must be a plain number, not a Reported figure or Interval")
    y = _array(years, "years")
    _refuse(~np.isfinite(y) | (y <= 0), y, "years", "must be positive")
    if plain:
        if y.ndim != 0:
            raise TypeError("years: must be a single number when an input is Reported or an Interval")
        return float(y)
    return y


def _compound_rate(start: Any, end: Any, years: Any, start_name: str, end_name: str) -> Any:
    n = _years(years, plain=_is_interval(start) or _is_interval(end))
    figures, (s, e) = _operands((start, start_name, False), (end, end_name, False))
    _check_positive(s, start_name)
    _check_level(e, end_name)
    if figures:
        return _monotone(lambda a, b: 100 * ((b / a) ** (1 / n) - 1), (s, -1), (e, +1))
    return _out(100 * ((e / s) ** (1 / n) - 1))

