"""Growth arithmetic: implied base, year-on-year rate, CAGR, projection, H1 → year, shares.

Every function is small, pure and vectorised: it takes floats or numpy arrays and
returns a float (for scalar input) or an array. Each one also takes
:class:`~ygx_analysis.reported.Reported` figures (or
:class:`~ygx_analysis.reported.Interval` values) and then returns an
:class:`~ygx_analysis.reported.Interval` whose bounds follow the printed rounding.

How the interval is found
-------------------------
Each formula here is monotone in each argument (for valid inputs): an implied
prior level rises with the current level and falls with the growth rate, and so
on. So the lowest result is the formula evaluated at the low end of every
argument it rises with and the high end of every argument it falls with, and the
highest result the other way round. An end of the result is closed only when
every input end that produced it is closed: ``62.08`` printed means
``[62.075, 62.085)`` and ``6.33 %`` means ``[6.325, 6.335)``, so the implied
2023 level ``62.08 / 1.0633`` lies in the open interval
``(62.075 / 1.06335, 62.085 / 1.06325)``. (When an input is exactly zero the
result can be closed where this rule says open; the rule errs on the open side.)

Units
-----
Rates are in per cent (``6.33`` for 6.33 %); :func:`share` returns a fraction;
:func:`pp_difference` returns percentage points, which are not per cent.

Errors
------
Bad input raises ``ValueError`` whose message starts with the argument's name:
a growth rate at or below −100 %, zero or negative ``years``, a negative level,
a zero ``whole`` in :func:`share`, or a Reported figure in the wrong unit.

This module imports only numpy (and the standard library).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np

from .reported import Interval, Reported

__all__ = [
    "annualize_half_year",
    "cagr",
    "implied_prior_level",
    "pp_difference",
    "project",
    "project_path",
    "required_cagr",
    "share",
    "yoy_pct",
]

RATE_UNITS = frozenset({"%", ""})
"""Units a Reported growth rate may carry."""


# ---------------------------------------------------------------------------
# helpers: arrays
# ---------------------------------------------------------------------------

def _array(x: Any, name: str) -> np.ndarray:
    try:
        return np.asarray(x, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name}: must be a number, an array of numbers, a Reported figure "
                         f"or an Interval") from None


def _out(a: np.ndarray) -> float | np.ndarray:
    return a.item() if a.ndim == 0 else a


def _check_level(a: np.ndarray, name: str) -> None:
    if np.any(a < 0):
        raise ValueError(f"{name}: must not be negative")


def _check_rate(a: np.ndarray, name: str) -> None:
    if np.any(a <= -100):
        raise ValueError(f"{name}: growth rate must be above -100 %")


def _check_positive(a: np.ndarray, name: str) -> None:
    if np.any(a <= 0):
        raise ValueError(f"{name}: must be positive")


# ---------------------------------------------------------------------------
# helpers: intervals
# ---------------------------------------------------------------------------

def _is_interval(x: Any) -> bool:
    return isinstance(x, (Reported, Interval))


def _interval(x: Any, name: str, *, rate: bool = False) -> Interval:
    """The interval of a Reported figure, an Interval, or a plain number (a point)."""
    if isinstance(x, Reported):
        if rate and x.unit not in RATE_UNITS:
            raise ValueError(f"{name}: expected a rate in %, got a figure in {x.unit}")
        return x.interval
    if isinstance(x, Interval):
        return x
    a = _array(x, name)
    if a.ndim != 0:
        raise ValueError(f"{name}: cannot mix arrays with Reported or Interval values")
    return Interval.point(float(a))


def _check_level_interval(iv: Interval, name: str) -> None:
    if iv.low < 0:
        raise ValueError(f"{name}: must not be negative")


def _check_rate_interval(iv: Interval, name: str) -> None:
    if iv.low <= -100:
        raise ValueError(f"{name}: growth rate must be above -100 %")


def _check_positive_interval(iv: Interval, name: str) -> None:
    if iv.low <= 0:
        raise ValueError(f"{name}: must be positive")


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
    if math.isinf(low):
        low_closed = False
    if math.isinf(high):
        high_closed = False
    if low > high:  # floating noise when every input is a point
        low = high = min(low, high)
    return Interval(low, high, low_closed, high_closed)


def _times(a: float, b: float) -> float:
    """``a * b`` with ``0 * inf = 0`` (a zero level stays zero whatever the growth)."""
    return 0.0 if a == 0 or b == 0 else a * b


# ---------------------------------------------------------------------------
# the formulas
# ---------------------------------------------------------------------------

def implied_prior_level(level, yoy_pct):
    """The prior-period level that a level and its year-on-year growth imply.

    ``prior = level / (1 + yoy_pct / 100)``.

    Parameters
    ----------
    level : float, array_like, Reported or Interval
        Current level (not negative), in any unit; the result is in the same unit.
    yoy_pct : float, array_like, Reported or Interval
        Growth over the prior period, in per cent (above −100).

    Returns
    -------
    float, ndarray or Interval
        An Interval when either input is Reported or an Interval.

    Examples
    --------
    Total fiscal revenue 2024 was 62.08亿元, up 6.33 %:

    >>> round(implied_prior_level(62.08, 6.33), 4)
    58.3843
    >>> implied_prior_level([110.0, 121.0], 10.0)
    array([100., 110.])
    >>> from ygx_analysis.reported import Reported
    >>> implied_prior_level(Reported("62.08", unit="亿元"), Reported("6.33", unit="%")).notation(7)
    '(58.37683, 58.39172)'
    """
    if _is_interval(level) or _is_interval(yoy_pct):
        lv = _interval(level, "level")
        g = _interval(yoy_pct, "yoy_pct", rate=True)
        _check_level_interval(lv, "level")
        _check_rate_interval(g, "yoy_pct")
        return _monotone(lambda x, r: x / (1 + r / 100), (lv, +1), (g, -1))
    lv, g = _array(level, "level"), _array(yoy_pct, "yoy_pct")
    _check_level(lv, "level")
    _check_rate(g, "yoy_pct")
    return _out(lv / (1 + g / 100))


def yoy_pct(current, prior):
    """Year-on-year growth in per cent: ``100 * (current / prior - 1)``.

    Parameters
    ----------
    current : float, array_like, Reported or Interval
        Level in the current period (not negative).
    prior : float, array_like, Reported or Interval
        Level in the prior period (positive), same unit.

    Examples
    --------
    >>> round(yoy_pct(62.08, 58.3843), 2)
    6.33
    >>> yoy_pct([110.0, 90.0], 100.0)
    array([ 10., -10.])
    >>> from ygx_analysis.reported import Interval
    >>> yoy_pct(Interval(105, 106), 100.0).notation()
    '[5, 6]'
    """
    if _is_interval(current) or _is_interval(prior):
        c, p = _interval(current, "current"), _interval(prior, "prior")
        _check_level_interval(c, "current")
        _check_positive_interval(p, "prior")
        return _monotone(lambda x, y: 100 * (x / y - 1), (c, +1), (p, -1))
    c, p = _array(current, "current"), _array(prior, "prior")
    _check_level(c, "current")
    _check_positive(p, "prior")
    return _out(100 * (c / p - 1))


def _years(years: Any, *, plain: bool) -> Any:
    if _is_interval(years):
        raise ValueError("years: must be a plain number, not a Reported figure or Interval")
    y = _array(years, "years")
    if np.any(~np.isfinite(y)) or np.any(y <= 0):
        raise ValueError("years: must be positive")
    if plain:
        if y.ndim != 0:
            raise ValueError("years: must be a single number when an input is Reported or an Interval")
        return float(y)
    return y


def _compound_rate(start, end, years, start_name: str, end_name: str):
    if _is_interval(start) or _is_interval(end):
        n = _years(years, plain=True)
        s, e = _interval(start, start_name), _interval(end, end_name)
        _check_positive_interval(s, start_name)
        _check_level_interval(e, end_name)
        return _monotone(lambda a, b: 100 * ((b / a) ** (1 / n) - 1), (s, -1), (e, +1))
    n = _years(years, plain=False)
    s, e = _array(start, start_name), _array(end, end_name)
    _check_positive(s, start_name)
    _check_level(e, end_name)
    return _out(100 * ((e / s) ** (1 / n) - 1))


def cagr(start, end, years):
    """Compound annual growth rate in per cent: ``100 * ((end / start) ** (1 / years) - 1)``.

    Parameters
    ----------
    start : float, array_like, Reported or Interval
        Level at the start (positive).
    end : float, array_like, Reported or Interval
        Level at the end (not negative), same unit.
    years : float or array_like
        Years between the two levels (positive; fractions allowed). A single
        plain number when ``start`` or ``end`` is Reported.

    Examples
    --------
    >>> round(cagr(100.0, 121.0, 2), 6)
    10.0
    >>> cagr(100.0, [100.0, 144.0], 2)
    array([ 0., 20.])
    >>> from ygx_analysis.reported import Reported
    >>> cagr(Reported("18.08", unit="亿元"), Reported("62.08", unit="亿元"), 6).notation(5)
    '(22.819, 22.834)'
    """
    return _compound_rate(start, end, years, "start", "end")


def required_cagr(start, target, years):
    """The constant annual growth (per cent) that takes ``start`` to ``target`` in ``years``.

    The same formula as :func:`cagr`, read forwards: the rate a plan needs.

    Parameters
    ----------
    start : float, array_like, Reported or Interval
        Level now (positive).
    target : float, array_like, Reported or Interval
        Level to reach (not negative), same unit.
    years : float or array_like
        Years available (positive).

    Examples
    --------
    Doubling in ten years needs about 7.18 % a year:

    >>> round(required_cagr(1.0, 2.0, 10), 2)
    7.18
    >>> required_cagr(100.0, 100.0, [1, 5])
    array([0., 0.])
    """
    return _compound_rate(start, target, years, "start", "target")


def _rates_sequence(rates_pct: Any) -> list[Any] | np.ndarray | None:
    """The per-year rates as a list (Reported inside) or a 1-D array; None for one constant rate."""
    if _is_interval(rates_pct):
        return None
    if isinstance(rates_pct, (list, tuple)) and any(_is_interval(r) for r in rates_pct):
        return list(rates_pct)
    r = _array(rates_pct, "rates_pct")
    if r.ndim == 0:
        return None
    if r.ndim != 1:
        raise ValueError("rates_pct: must be a number or a 1-D sequence of per-year rates")
    if r.size == 0:
        raise ValueError("rates_pct: the sequence of per-year rates is empty")
    return r


def project(level, rates_pct, years=None):
    """The level after growing at the given rates.

    Parameters
    ----------
    level : float, array_like, Reported or Interval
        Level now (not negative).
    rates_pct : float, Reported, Interval, or 1-D sequence
        One constant annual rate in per cent (then ``years`` is required), or a
        sequence of per-year rates applied in turn (then ``years`` is None or
        equals the number of rates). Every rate is above −100.
    years : float or array_like, optional
        Years of growth at a constant rate (positive; fractions allowed).
        Broadcasts against ``level`` and ``rates_pct``.

    Returns
    -------
    float, ndarray or Interval
        ``level * (1 + r/100) ** years`` for a constant rate, or
        ``level * prod(1 + r_i/100)`` for per-year rates. An Interval when any
        input is Reported or an Interval.

    Examples
    --------
    >>> round(project(100.0, 10.0, 2), 6)
    121.0
    >>> round(project(100.0, [10.0, -10.0]), 6)
    99.0
    >>> project([100.0, 200.0], 5.0, years=1)
    array([105., 210.])
    >>> from ygx_analysis.reported import Reported
    >>> project(Reported("47.83", unit="亿元"), Reported("9.2", unit="%"), 1).notation(6)
    '[52.201, 52.2597)'
    """
    seq = _rates_sequence(rates_pct)
    if seq is None:
        if years is None:
            raise ValueError("years: required for a constant rate (or pass a sequence of per-year rates)")
        if _is_interval(level) or _is_interval(rates_pct):
            n = _years(years, plain=True)
            lv, r = _interval(level, "level"), _interval(rates_pct, "rates_pct", rate=True)
            _check_level_interval(lv, "level")
            _check_rate_interval(r, "rates_pct")
            return _monotone(lambda x, g: _times(x, (1 + g / 100) ** n), (lv, +1), (r, +1))
        n = _years(years, plain=False)
        lv, r = _array(level, "level"), _array(rates_pct, "rates_pct")
        _check_level(lv, "level")
        _check_rate(r, "rates_pct")
        return _out(lv * (1 + r / 100) ** n)
    if years is not None:
        n = _years(years, plain=True)
        if n != len(seq):
            raise ValueError(f"years: must be None or equal the number of per-year rates ({len(seq)})")
    if _is_interval(level) or isinstance(seq, list):
        lv = _interval(level, "level")
        _check_level_interval(lv, "level")
        rates = [_interval(r, "rates_pct", rate=True) for r in seq]
        for r in rates:
            _check_rate_interval(r, "rates_pct")

        def grow(x: float, *gs: float) -> float:
            factor = math.prod(1 + g / 100 for g in gs)
            return _times(x, factor)

        return _monotone(grow, (lv, +1), *[(r, +1) for r in rates])
    lv = _array(level, "level")
    _check_level(lv, "level")
    _check_rate(seq, "rates_pct")
    return _out(lv * np.prod(1 + seq / 100))


def project_path(level, rates_pct):
    """The levels after each year of growth at per-year rates.

    Parameters
    ----------
    level : float, array_like, Reported or Interval
        Level now (not negative).
    rates_pct : 1-D sequence
        Per-year rates in per cent (each above −100); may hold Reported figures.

    Returns
    -------
    ndarray or list of Interval
        ``level * cumprod(1 + r/100)``: one level per rate. For an array
        ``level`` the years run along the last axis. A list of Intervals when
        any input is Reported or an Interval.

    Examples
    --------
    >>> project_path(100.0, [10.0, 10.0, -50.0]).round(6)
    array([110. , 121. ,  60.5])
    >>> project_path([100.0, 200.0], [10.0, 0.0]).round(6)
    array([[110., 110.],
           [220., 220.]])
    """
    seq = _rates_sequence(rates_pct)
    if seq is None:
        raise ValueError("rates_pct: must be a 1-D sequence of per-year rates")
    if _is_interval(level) or isinstance(seq, list):
        items = list(seq)
        return [project(level, items[: i + 1]) for i in range(len(items))]
    lv = _array(level, "level")
    _check_level(lv, "level")
    _check_rate(seq, "rates_pct")
    return lv[..., np.newaxis] * np.cumprod(1 + seq / 100)


def annualize_half_year(h1_level, h1_share):
    """A full-year level from a January–June level and the share H1 takes of the year.

    ``year = h1_level / h1_share``. The share is an assumption, not data: 0.5
    spreads output evenly; Chinese industry usually makes a little less than
    half its annual output in January–June.

    Parameters
    ----------
    h1_level : float, array_like, Reported or Interval
        January–June level (not negative).
    h1_share : float, array_like or Interval
        Fraction of the annual total that falls in January–June, in (0, 1].

    Examples
    --------
    >>> round(annualize_half_year(201.69, 0.5), 2)
    403.38
    >>> annualize_half_year(100.0, [0.5, 0.4])
    array([200., 250.])
    """
    if _is_interval(h1_level) or _is_interval(h1_share):
        lv, s = _interval(h1_level, "h1_level"), _interval(h1_share, "h1_share")
        _check_level_interval(lv, "h1_level")
        if s.low <= 0 or s.high > 1:
            raise ValueError("h1_share: must be a fraction in (0, 1]")
        return _monotone(lambda x, f: x / f, (lv, +1), (s, -1))
    lv, s = _array(h1_level, "h1_level"), _array(h1_share, "h1_share")
    _check_level(lv, "h1_level")
    if np.any((s <= 0) | (s > 1)):
        raise ValueError("h1_share: must be a fraction in (0, 1]")
    return _out(lv / s)


def share(part, whole):
    """``part / whole`` as a fraction (multiply by 100 for per cent).

    Parameters
    ----------
    part : float, array_like, Reported or Interval
        Not negative.
    whole : float, array_like, Reported or Interval
        Positive, same unit as ``part``.

    Examples
    --------
    Invention patents among the patents granted in 2024:

    >>> round(share(587, 2228), 4)
    0.2635
    >>> from ygx_analysis.reported import Reported
    >>> share(Reported("60.67", unit="亿元"), Reported("62.08", unit="亿元")).notation(5)
    '(0.97713, 0.97745)'
    """
    if _is_interval(part) or _is_interval(whole):
        p, w = _interval(part, "part"), _interval(whole, "whole")
        _check_level_interval(p, "part")
        if w.contains(0.0):
            raise ValueError("whole: must not be zero")
        _check_positive_interval(w, "whole")
        return _monotone(lambda a, b: a / b, (p, +1), (w, -1))
    p, w = _array(part, "part"), _array(whole, "whole")
    _check_level(p, "part")
    if np.any(w == 0):
        raise ValueError("whole: must not be zero")
    _check_positive(w, "whole")
    return _out(p / w)


def pp_difference(a_pct, b_pct):
    """``a_pct - b_pct`` in percentage points (pp), which are not per cent.

    Growth of 9.2 % against 8.2 % is 1.0 pp faster, not 1 % or 12 % faster.

    Parameters
    ----------
    a_pct, b_pct : float, array_like, Reported or Interval
        Two rates in per cent.

    Examples
    --------
    >>> round(pp_difference(9.2, 8.2), 6)
    1.0
    >>> from ygx_analysis.reported import Reported
    >>> pp_difference(Reported("9.2", unit="%"), Reported("8.2", unit="%")).notation(6)
    '(0.9, 1.1)'
    """
    if _is_interval(a_pct) or _is_interval(b_pct):
        a = _interval(a_pct, "a_pct", rate=True)
        b = _interval(b_pct, "b_pct", rate=True)
        return _monotone(lambda x, y: x - y, (a, +1), (b, -1))
    return _out(_array(a_pct, "a_pct") - _array(b_pct, "b_pct"))
