"""Interval: a real interval with open or closed ends, and its arithmetic.

Sums and differences follow interval rules; products and quotients are defined
for non-negative intervals (levels and shares), which is all the package needs.
A :class:`~ygx_analysis.arithmetic.reported.Reported` figure in an operation
stands for its interval. Wrong argument types raise :class:`TypeError` and wrong
values :class:`ValueError`, each message beginning with the argument's name.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

__all__ = ["Interval"]

_REAL_TYPES = (int, float, np.integer, np.floating)
_BOOL_TYPES = (bool, np.bool_)


def _require_real(value: object, name: str) -> None:
    """A TypeError unless ``value`` is a real number, a ValueError if it is NaN."""
    if isinstance(value, _BOOL_TYPES) or not isinstance(value, _REAL_TYPES):
        raise TypeError(f"{name} must be a real number, not {type(value).__name__}")
    if math.isnan(value):
        raise ValueError(f"{name} is NaN")


@dataclass(frozen=True)
class Interval:
    """A real interval with open or closed ends.

    Examples
    --------
    >>> a = Interval(30, 40, low_closed=False, high_closed=False)
    >>> b = Interval(20, 30, low_closed=False, high_closed=False)
    >>> 487 - 86 - (a + b)
    Interval(low=331.0, high=351.0, low_closed=False, high_closed=False)
    >>> Interval(6.55, 6.65, True, False).contains(6.65)
    False
    """

    low: float
    high: float
    low_closed: bool = True
    high_closed: bool = True

    def __post_init__(self) -> None:
        _require_real(self.low, "low")
        _require_real(self.high, "high")
        for name in ("low_closed", "high_closed"):
            flag = getattr(self, name)
            if not isinstance(flag, _BOOL_TYPES):
                raise TypeError(f"{name} must be a bool, not {type(flag).__name__}")
            object.__setattr__(self, name, bool(flag))
        if self.low > self.high:
            raise ValueError(f"low: interval low {self.low} is above high {self.high}")

    @classmethod
    def point(cls, x: float) -> Interval:
        """The degenerate interval [x, x]."""
        return cls(x, x, True, True)

    @property
    def width(self) -> float:
        """``high - low`` (``inf`` for an open-ended interval)."""
        return self.high - self.low

    @property
    def midpoint(self) -> float:
        """Centre of the interval; ``low`` when the interval is unbounded above."""
        return self.low if math.isinf(self.high) else (self.low + self.high) / 2

    def contains(self, x: float) -> bool:
        """Whether ``x`` lies in the interval, respecting open ends.

        Examples
        --------
        >>> Interval(7.1, 7.3).contains(7.3), Interval(7.15, 7.25, True, False).contains(7.3)
        (True, False)
        """
        if isinstance(x, _BOOL_TYPES) or not isinstance(x, _REAL_TYPES):
            raise TypeError(f"x must be a real number, not {type(x).__name__}")
        above = x > self.low or (self.low_closed and x == self.low)
        below = x < self.high or (self.high_closed and x == self.high)
        return bool(above and below)

    def integers(self) -> Interval:
        """The closed interval of whole numbers inside this one (for counts of things).

        Examples
        --------
        >>> Interval(30, 40, False, False).integers()
        Interval(low=31, high=39, low_closed=True, high_closed=True)
        >>> Interval(200, math.inf, False, False).integers().notation()
        '[201, ∞)'
        """
        low = math.floor(self.low) + 1 if not self.low_closed and float(self.low).is_integer() else math.ceil(self.low)
        if math.isinf(self.high):
            return Interval(low, math.inf, True, False)
        high = math.ceil(self.high) - 1 if (not self.high_closed and float(self.high).is_integer()) \
            else math.floor(self.high)
        if low > high:
            raise ValueError(f"interval {self.notation()} holds no whole number")
        return Interval(low, high, True, True)

    def notation(self, digits: int = 10) -> str:
        """Mathematical notation, e.g. ``[6.55, 6.65)``.

        Parameters
        ----------
        digits : int, default 10
            Significant digits of each end (``format`` code ``g``); at least 1.

        Examples
        --------
        >>> Interval(7.1, 7.3).notation()
        '[7.1, 7.3]'
        >>> Interval(1 / 3, 1.0, True, False).notation(3)
        '[0.333, 1)'
        """
        if isinstance(digits, _BOOL_TYPES) or not isinstance(digits, (int, np.integer)):
            raise TypeError(f"digits must be an int, not {type(digits).__name__}")
        if digits < 1:
            raise ValueError(f"digits must be at least 1, not {digits}")

        def fmt(x: float) -> str:
            return ("∞" if x > 0 else "-∞") if math.isinf(x) else f"{x:.{digits}g}"

        left = "[" if self.low_closed and not math.isinf(self.low) else "("
        right = "]" if self.high_closed and not math.isinf(self.high) else ")"
        return f"{left}{fmt(self.low)}, {fmt(self.high)}{right}"

    @staticmethod
    def _coerce(other: object) -> Interval | None:
        """``other`` as an Interval: itself, a Reported figure's interval, a number's point; else None."""
        other = getattr(other, "interval", other)  # a Reported figure stands for its interval
        if isinstance(other, Interval):
            return other
        if isinstance(other, _REAL_TYPES) and not isinstance(other, _BOOL_TYPES):
            return Interval.point(float(other))
        return None

    def __add__(self, other: object) -> Interval:
        o = self._coerce(other)
        if o is None:
            return NotImplemented
        return Interval(self.low + o.low, self.high + o.high,
                        self.low_closed and o.low_closed, self.high_closed and o.high_closed)

    __radd__ = __add__

    def __neg__(self) -> Interval:
        return Interval(-self.high, -self.low, self.high_closed, self.low_closed)

    def __sub__(self, other: object) -> Interval:
        o = self._coerce(other)
        return NotImplemented if o is None else self + (-o)

    def __rsub__(self, other: object) -> Interval:
        o = self._coerce(other)
        return NotImplemented if o is None else o + (-self)

    def __mul__(self, other: object) -> Interval:
        o = self._coerce(other)
        if o is None:
            return NotImplemented
        _require_non_negative(self, o)
        return Interval(self.low * o.low, self.high * o.high,
                        self.low_closed and o.low_closed, self.high_closed and o.high_closed)

    __rmul__ = __mul__

    def __truediv__(self, other: object) -> Interval:
        o = self._coerce(other)
        if o is None:
            return NotImplemented
        _require_non_negative(self, o)
        if o.low == 0:
            raise ZeroDivisionError("divisor interval includes zero")
        high = math.inf if math.isinf(self.high) else self.high / o.low
        low = 0.0 if math.isinf(o.high) else self.low / o.high
        return Interval(low, high, self.low_closed and o.high_closed, self.high_closed and o.low_closed)

    def __rtruediv__(self, other: object) -> Interval:
        o = self._coerce(other)
        return NotImplemented if o is None else o / self


def _require_non_negative(a: Interval, b: Interval) -> None:
    if a.low < 0 or b.low < 0:
        raise ValueError("interval products and quotients need non-negative intervals")
