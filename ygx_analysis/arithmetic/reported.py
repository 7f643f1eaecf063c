"""A printed figure as a value plus the interval its printing allows.

A newspaper prints ``6.6%``, ``30多家`` or ``1.3亿元以上``. Each form says something
different about the true number:

========================  ======================  ==========================
printed                   qualifier               interval
========================  ======================  ==========================
``6.6`` (%)               ``exact``               [6.55, 6.65)  (rounding)
``487`` (家, a count)     ``exact``               [487, 487]
``30多``                  ``approx_more``         (30, 40)
``200余``                 ``approx_more``         (200, 300)
``超200`` / ``超过``      ``more_than``           (200, inf)
``1.3…以上``              ``at_least``            [1.3, inf)
``约`` / ``左右``         ``approx``              [v - step, v + step]
========================  ======================  ==========================

The step of ``多``/``余`` is the place value of the last non-zero printed digit:
``30多`` lies below 40 and ``200余`` below 300. Exact counts of discrete things
(units such as 个, 家, 件) are exact; amounts and rates carry half a unit of the last
printed digit either way. For 约/左右 the step is one unit of the last printed digit
(0.1 for ``7.2``, 1 for ``30``).

Why 约 and 左右 get a whole unit
--------------------------------
A figure printed with 约 or 左右 says that the writer did not stand behind the last
digit, so it cannot carry the half-unit rounding interval of an exact print. The
package's own context data show by how much such a figure moves: Hunan's January 2025
government work report gave 2024 above-scale industrial value-added growth as
"7.2%左右" (``data/context.csv`` row ``hn_iva_growth_2024_prelim``); the provincial
statistics bureau published 7.3 nine days later (``s_hn_iva_above_scale_growth_2024``)
and the 2025 plan confirmed 7.3 as final (``hn_iva_growth_2024``). The half-unit
interval [7.15, 7.25) excludes the outcome; one unit of the last printed digit either
side, closed at both ends, is the narrowest interval that holds it:

>>> interval_from_printed("7.2", "approx", "%").notation()
'[7.1, 7.3]'
>>> interval_from_printed("7.2", "approx", "%").contains(7.3)
True

One unit is a floor, not a model of forecast error: 约/左右 on a forecast or target
(``hn_gdp_growth_forecast_2025``: 5.5左右, outturn 4.8) states an intention, and the
distance to the outturn is not a printing interval.

Wrong argument types raise :class:`TypeError` and wrong values :class:`ValueError`,
each message beginning with the argument's name.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from .interval import Interval

__all__ = ["COUNT_UNITS", "QUALIFIERS", "Interval", "Reported", "approx_more_step", "approx_step",
           "interval_from_printed", "printed_decimals"]

QUALIFIERS = ("exact", "more_than", "at_least", "approx_more", "approx")
"""Qualifier words. ``approx`` (约, 左右) occurs only in context data."""

COUNT_UNITS = frozenset({"个", "家", "件", "项", "场", "位", "zones"})
"""Units of discrete things: an exact integer in these units is exact."""

def _parse_printed(text: object) -> Decimal:
    """The printed number ``text`` as a finite Decimal (TypeError / ValueError naming ``text``)."""
    text = _require_str(text, "text")
    try:
        number = Decimal(text.strip())
    except InvalidOperation as exc:
        raise ValueError(f"text: not a printed number: {text!r}") from exc
    if not number.is_finite():
        raise ValueError(f"text: not a finite printed number: {text!r}")
    return number


def _require_str(value: object, name: str) -> str:
    """``value`` itself when it is a ``str``; otherwise a TypeError naming ``name``."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    return value


def printed_decimals(text: str) -> int:
    """Number of digits after the decimal point in a number exactly as printed (0 for a whole number).

    Examples
    --------
    >>> printed_decimals("62.08"), printed_decimals("487"), printed_decimals("7.0")
    (2, 0, 1)
    """
    return max(0, -int(_parse_printed(text).as_tuple().exponent))


def approx_more_step(text: str) -> float:
    """Step implied by 多/余 after ``text``: the place value of the last non-zero printed digit.

    Zero has no such digit: ``0多`` is refused (ValueError).

    Examples
    --------
    >>> approx_more_step("30"), approx_more_step("200"), approx_more_step("1.3")
    (10.0, 100.0, 0.1)
    """
    d = _parse_printed(text)
    if d == 0:
        raise ValueError("text: 多/余 after zero has no meaning")
    return float(Decimal(1).scaleb(int(d.normalize().as_tuple().exponent)))


def approx_step(text: str) -> float:
    """Half-width of the 约/左右 interval around ``text``: one unit of the last printed digit.

    Examples
    --------
    >>> approx_step("7.2"), approx_step("30"), approx_step("2.40")
    (0.1, 1.0, 0.01)
    """
    return float(Decimal(1).scaleb(-printed_decimals(text)))


def interval_from_printed(text: str, qualifier: str = "exact", unit: str = "") -> Interval:
    """The interval that a printed number and its qualifier allow.

    Parameters
    ----------
    text : str
        The number exactly as printed, e.g. ``"6.6"`` or ``"30"``.
    qualifier : {'exact', 'more_than', 'at_least', 'approx_more', 'approx'}
        The printed qualifier (see module docstring).
    unit : str, optional
        The printed unit. An exact integer in a count unit (个, 家, 件, 项, 场, 位)
        is taken as exact rather than rounded.

    Returns
    -------
    Interval
        Half-open ``[v - u/2, v + u/2)`` for an exact print with last-digit unit
        ``u``; closed ``[v - u, v + u]`` for 约/左右 (``approx``).

    Raises
    ------
    TypeError
        If ``text``, ``qualifier`` or ``unit`` is not a ``str``.
    ValueError
        If ``text`` is not a printed number or ``qualifier`` is unknown.

    Examples
    --------
    >>> interval_from_printed("6.6", "exact", "%").notation()
    '[6.55, 6.65)'
    >>> interval_from_printed("30", "approx_more", "家").notation()
    '(30, 40)'
    >>> interval_from_printed("200", "more_than", "家").notation()
    '(200, ∞)'
    >>> interval_from_printed("1.3", "at_least", "亿元").notation()
    '[1.3, ∞)'
    >>> interval_from_printed("487", "exact", "家").notation()
    '[487, 487]'
    >>> interval_from_printed("7.2", "approx", "%").notation()
    '[7.1, 7.3]'
    """
    _require_str(qualifier, "qualifier")
    _require_str(unit, "unit")
    if qualifier not in QUALIFIERS:
        raise ValueError(f"qualifier: unknown qualifier {qualifier!r}; expected one of {', '.join(QUALIFIERS)}")
    value = float(_parse_printed(text))
    decimals = printed_decimals(text)
    if qualifier == "more_than":
        return Interval(value, math.inf, False, False)
    if qualifier == "at_least":
        return Interval(value, math.inf, True, False)
    if qualifier == "approx_more":
        step = approx_more_step(text)
        return Interval(value, _round_edge(value + step, decimals), False, False)
    if qualifier == "approx":
        step = approx_step(text)
        return Interval(_round_edge(value - step, decimals), _round_edge(value + step, decimals),
                        True, True)
    if qualifier == "exact" and decimals == 0 and unit in COUNT_UNITS:
        return Interval.point(value)
    half = 0.5 * 10.0 ** (-decimals)
    return Interval(_round_edge(value - half, decimals + 1), _round_edge(value + half, decimals + 1),
                    True, False)


def _round_edge(x: float, decimals: int) -> float:
    """Remove binary noise from an interval edge (6.6 - 0.05 -> 6.55)."""
    return round(x, decimals + 1)


@dataclass(frozen=True)
class Reported:
    """A figure as printed: its value, printed text, qualifier, unit and interval.

    Parameters
    ----------
    text : str
        The number exactly as printed (``"62.08"``); the printed precision is data.
    qualifier : str
        One of :data:`QUALIFIERS`.
    unit : str
        The printed unit (``亿元``, ``%``, ``家`` …).
    id : str, optional
        The data row id this figure comes from, for provenance.

    Wrong types and values raise as :func:`interval_from_printed` does (``id``: a str or None).

    Examples
    --------
    >>> r = Reported("6.33", unit="%", id="fiscal_revenue_total_yoy_2024")
    >>> r.value, r.low, r.high
    (6.33, 6.325, 6.335)
    >>> Reported("30", "approx_more", "家").interval.notation()
    '(30, 40)'
    >>> str(Reported("1.3", "at_least", "亿元"))
    '1.3亿元以上'
    """

    text: str
    qualifier: str = "exact"
    unit: str = ""
    id: str | None = None
    interval: Interval = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.id is not None:
            _require_str(self.id, "id")
        object.__setattr__(self, "interval", interval_from_printed(self.text, self.qualifier, self.unit))

    @property
    def value(self) -> float:
        """The printed number as a float."""
        return float(Decimal(self.text.strip()))

    @property
    def decimals(self) -> int:
        """Digits printed after the decimal point."""
        return printed_decimals(self.text)

    @property
    def low(self) -> float:
        """Lower end of the interval the printing allows."""
        return self.interval.low

    @property
    def high(self) -> float:
        """Upper end of the interval the printing allows (``inf`` for 超/以上)."""
        return self.interval.high

    def __str__(self) -> str:
        """The figure as printed: 超200家, 30多家, 1.3亿元以上 (以上 follows the unit)."""
        if self.qualifier == "at_least":
            return f"{self.text}{self.unit}以上"
        prefix = "超" if self.qualifier == "more_than" else ""
        word = {"approx_more": "多", "approx": "左右"}.get(self.qualifier, "")
        return f"{prefix}{self.text}{word}{self.unit}"

    def to_dict(self) -> dict[str, object]:
        """A flat record for tables and JSON."""
        return {"id": self.id, "printed": str(self), "value": self.value, "unit": self.unit,
                "qualifier": self.qualifier, "low": self.low, "high": self.high, "interval": self.interval.notation()}
