"""Growth arithmetic: implied base, year-on-year rate, CAGR, projection, H1 → year, shares.

Every function is small, pure, vectorised and typed with overloads: plain numbers
give a ``float``, any array argument an ``ndarray``, and any
:class:`~ygx_analysis.reported.Reported` figure or
:class:`~ygx_analysis.reported.Interval` argument an ``Interval`` whose bounds
follow the printed rounding.

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

The H1-to-year rule
-------------------
Only January–June is printed for some 2025 figures. Every part of the package
that turns a January–June level into a year uses **one** rule,
:func:`half_year_rule`: a documented range of the share the first half takes of
the year, read from the seasonality rows of ``context.csv`` (:data:`H1_SHARE_ROWS`),
never a typed constant. Output and value added take 45–48 % of the year in
January–June; budget revenue is front-loaded (about 54 %). A year estimated from
a half year is therefore an interval, not a point.

Errors
------
Messages start with the argument's name (``yoy_pct: must be above -100 (per cent), got -120``).
``ValueError``: a growth rate at or below −100 %, zero or negative ``years``, a
negative level, a zero ``whole``, a Reported figure in the wrong unit.
``TypeError``: text or None, an array mixed with Reported figures, a Reported ``years``.

This module imports only numpy (and the standard library); :func:`half_year_rule`
imports the data loader when it is called.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeAlias, overload

import numpy as np

from .reported import Interval, Reported

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "H1_SHARE_ROWS",
    "HalfYearRule",
    "IntervalLike",
    "Numbers",
    "annualize_half_year",
    "as_interval",
    "cagr",
    "half_year_rule",
    "implied_prior_level",
    "pp_difference",
    "project",
    "project_path",
    "required_cagr",
    "share",
    "yoy_pct",
]

IntervalLike: TypeAlias = Reported | Interval
"""A printed figure or an interval: the formulas then return an Interval."""
Numbers: TypeAlias = np.ndarray | Sequence[float]
"""An array (or sequence) of numbers: the formulas then return an ndarray."""

RATE_UNITS = frozenset({"%", ""})
"""Units a Reported growth rate may carry."""

_EXPECTED = "a number, an array of numbers, a Reported figure or an Interval"


# ---------------------------------------------------------------------------
# helpers: arrays and checks (for arrays and intervals alike)
# ---------------------------------------------------------------------------

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


# ---------------------------------------------------------------------------
# helpers: intervals
# ---------------------------------------------------------------------------

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


def _operands(*specs: tuple[Any, str, bool]) -> tuple[bool, list[Any]]:
    """Every argument as an Interval when any one is Reported or an Interval, else as a float array.

    ``specs`` holds ``(value, name, is_rate)`` triples; a Reported rate must be in per cent.
    """
    if any(_is_interval(x) for x, _, _ in specs):
        return True, [as_interval(x, name, rate=rate) for x, name, rate in specs]
    return False, [_array(x, name) for x, name, _ in specs]


# ---------------------------------------------------------------------------
# the formulas
# ---------------------------------------------------------------------------

@overload
def implied_prior_level(level: float, yoy_pct: float) -> float: ...
@overload
def implied_prior_level(level: IntervalLike, yoy_pct: IntervalLike | float) -> Interval: ...
@overload
def implied_prior_level(level: float, yoy_pct: IntervalLike) -> Interval: ...
@overload
def implied_prior_level(level: Numbers, yoy_pct: Numbers | float) -> np.ndarray: ...
@overload
def implied_prior_level(level: float, yoy_pct: Numbers) -> np.ndarray: ...
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
    figures, (lv, g) = _operands((level, "level", False), (yoy_pct, "yoy_pct", True))
    _check_level(lv, "level")
    _check_rate(g, "yoy_pct")
    if figures:
        return _monotone(lambda x, r: x / (1 + r / 100), (lv, +1), (g, -1))
    return _out(lv / (1 + g / 100))


@overload
def yoy_pct(current: float, prior: float) -> float: ...
@overload
def yoy_pct(current: IntervalLike, prior: IntervalLike | float) -> Interval: ...
@overload
def yoy_pct(current: float, prior: IntervalLike) -> Interval: ...
@overload
def yoy_pct(current: Numbers, prior: Numbers | float) -> np.ndarray: ...
@overload
def yoy_pct(current: float, prior: Numbers) -> np.ndarray: ...
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
    figures, (c, p) = _operands((current, "current", False), (prior, "prior", False))
    _check_level(c, "current")
    _check_positive(p, "prior")
    if figures:
        return _monotone(lambda x, y: 100 * (x / y - 1), (c, +1), (p, -1))
    return _out(100 * (c / p - 1))


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


@overload
def cagr(start: float, end: float, years: float) -> float: ...
@overload
def cagr(start: IntervalLike, end: IntervalLike | float, years: float) -> Interval: ...
@overload
def cagr(start: float, end: IntervalLike, years: float) -> Interval: ...
@overload
def cagr(start: Numbers, end: Numbers | float, years: Numbers | float) -> np.ndarray: ...
@overload
def cagr(start: float, end: Numbers, years: Numbers | float) -> np.ndarray: ...
@overload
def cagr(start: float, end: float, years: Numbers) -> np.ndarray: ...
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


@overload
def required_cagr(start: float, target: float, years: float) -> float: ...
@overload
def required_cagr(start: IntervalLike, target: IntervalLike | float, years: float) -> Interval: ...
@overload
def required_cagr(start: float, target: IntervalLike, years: float) -> Interval: ...
@overload
def required_cagr(start: Numbers, target: Numbers | float, years: Numbers | float) -> np.ndarray: ...
@overload
def required_cagr(start: float, target: Numbers, years: Numbers | float) -> np.ndarray: ...
@overload
def required_cagr(start: float, target: float, years: Numbers) -> np.ndarray: ...
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
        raise ValueError(f"rates_pct: must be a number or a 1-D sequence of per-year rates, got {r.ndim} dimensions")
    if r.size == 0:
        raise ValueError("rates_pct: the sequence of per-year rates is empty")
    return r


@overload
def project(level: float, rates_pct: float | Sequence[float], years: float | None = None) -> float: ...
@overload
def project(level: IntervalLike, rates_pct: IntervalLike | float | Sequence[IntervalLike | float],
            years: float | None = None) -> Interval: ...
@overload
def project(level: float, rates_pct: IntervalLike | Sequence[IntervalLike],
            years: float | None = None) -> Interval: ...
@overload
def project(level: Numbers, rates_pct: float | Numbers, years: Numbers | float | None = None) -> np.ndarray: ...
@overload
def project(level: float, rates_pct: float, years: Numbers) -> np.ndarray: ...
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
        n = _years(years, plain=_is_interval(level) or _is_interval(rates_pct))
        figures, (lv, r) = _operands((level, "level", False), (rates_pct, "rates_pct", True))
        _check_level(lv, "level")
        _check_rate(r, "rates_pct")
        if figures:
            return _monotone(lambda x, g: _times(x, (1 + g / 100) ** n), (lv, +1), (r, +1))
        return _out(lv * (1 + r / 100) ** n)
    if years is not None and _years(years, plain=True) != len(seq):
        raise ValueError(f"years: must be None or equal the number of per-year rates ({len(seq)})")
    if _is_interval(level) or isinstance(seq, list):
        lv = as_interval(level, "level")
        rates = [as_interval(r, "rates_pct", rate=True) for r in seq]
        _check_level(lv, "level")
        for r in rates:
            _check_rate(r, "rates_pct")

        def grow(x: float, *gs: float) -> float:
            return _times(x, math.prod(1 + g / 100 for g in gs))

        return _monotone(grow, (lv, +1), *[(r, +1) for r in rates])
    lv = _array(level, "level")
    _check_level(lv, "level")
    _check_rate(seq, "rates_pct")
    return _out(lv * np.prod(1 + seq / 100))


@overload
def project_path(level: float | Numbers, rates_pct: Numbers) -> np.ndarray: ...
@overload
def project_path(level: IntervalLike | float,
                 rates_pct: Sequence[IntervalLike | float]) -> np.ndarray | list[Interval]: ...
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
        raise TypeError("rates_pct: must be a 1-D sequence of per-year rates, got a single rate")
    if _is_interval(level) or isinstance(seq, list):
        items = list(seq)
        return [project(level, items[: i + 1]) for i in range(len(items))]
    lv = _array(level, "level")
    _check_level(lv, "level")
    _check_rate(seq, "rates_pct")
    return lv[..., np.newaxis] * np.cumprod(1 + seq / 100)


H1_SHARE_ROWS: dict[str, tuple[str, ...]] = {
    "output": ("hn_gdp_h1_share_2024", "hn_gdp_h1_share_2025", "hn_industry_va_h1_share_2024",
               "hn_secondary_va_h1_share_2024", "hn_secondary_va_h1_share_2025", "cn_gdp_h1_share_2022",
               "cn_gdp_h1_share_2023", "cn_gdp_h1_share_2024", "cn_secondary_va_h1_share_2024"),
    "fiscal": ("hn_gpb_revenue_h1_share_2017", "hn_local_gpb_revenue_h1_share_2017",
               "hn_local_gpb_revenue_h1_share_2025"),
}
"""Rows of ``context.csv`` behind :func:`half_year_rule`: each the share (%) of a year's level
made in January–June. ``output``: GDP, secondary-industry and industrial value added of Hunan
and China, 2022–2025 (current prices), for gross output and value added. ``fiscal``: Hunan's
budget revenue (full scope and local level), which is front-loaded."""


@dataclass(frozen=True)
class HalfYearRule:
    """The share of a year made in January–June: a range, its centre and the rows behind it.

    Build it with :func:`half_year_rule`. Shares are fractions.

    Attributes
    ----------
    kind : str
        A key of :data:`H1_SHARE_ROWS`.
    low, central, high : float
        The lowest, median and highest share among ``rows``.
    rows : tuple of str
        The ``context.csv`` rows read.
    """

    kind: str
    low: float
    central: float
    high: float
    rows: tuple[str, ...]

    @property
    def interval(self) -> Interval:
        """``[low, high]``, closed."""
        return Interval(self.low, self.high)

    def annualize(self, h1_level: IntervalLike | float) -> tuple[float, Interval]:
        """A year from a January–June level: the central estimate and the range.

        Examples
        --------
        >>> rule = half_year_rule()
        >>> central, iv = rule.annualize(100.0)
        >>> round(central, 2), iv.notation(5)
        (215.05, '[208.33, 221.24]')
        """
        point = as_interval(h1_level, "h1_level").midpoint if _is_interval(h1_level) else h1_level
        return float(annualize_half_year(point, self.central)), annualize_half_year(h1_level, self.interval)

    def describe(self, lang: str = "en") -> str:
        """The rule in one line, e.g. ``H1 share 0.452–0.480 (median 0.465; 9 rows of context.csv)``."""
        if lang == "zh":
            return (f"上半年占全年比重{self.low:.3f}–{self.high:.3f}（中位数{self.central:.3f}；"
                    f"context.csv 中{len(self.rows)}行）")
        return (f"H1 share {self.low:.3f}–{self.high:.3f} (median {self.central:.3f}; "
                f"{len(self.rows)} rows of context.csv)")


def half_year_rule(kind: str = "output", context: pd.DataFrame | None = None) -> HalfYearRule:
    """The package's one H1-to-year rule: the range of first-half shares in the seasonality rows.

    ``low`` and ``high`` are the smallest and largest share among the rows of
    ``H1_SHARE_ROWS[kind]``, ``central`` their median. Annualising a January–June
    level divides by the share, so a year estimated from a half year is the
    interval ``[h1 / high, h1 / low]`` around ``h1 / central``.

    Parameters
    ----------
    kind : {'output', 'fiscal'}
        ``output`` for gross output and value added, ``fiscal`` for budget revenue.
    context : DataFrame, optional
        Output of :func:`~ygx_analysis.data.load_context`; loaded when omitted.

    Returns
    -------
    HalfYearRule

    Examples
    --------
    >>> rule = half_year_rule()
    >>> rule.low, rule.central, rule.high, len(rule.rows)
    (0.452, 0.465, 0.48, 9)
    >>> half_year_rule("fiscal").central
    0.542
    """
    if not isinstance(kind, str):
        raise TypeError(f"kind: expected a string, got {type(kind).__name__}")
    if kind not in H1_SHARE_ROWS:
        raise ValueError(f"kind: unknown kind {kind!r}; expected one of {', '.join(H1_SHARE_ROWS)}")
    from .data import context_reported, load_context

    ctx = load_context() if context is None else context
    rows = H1_SHARE_ROWS[kind]
    shares = [round(context_reported(row, ctx).value / 100, 6) for row in rows]
    return HalfYearRule(kind, min(shares), round(statistics.median(shares), 6), max(shares), rows)


@overload
def annualize_half_year(h1_level: float, h1_share: float) -> float: ...
@overload
def annualize_half_year(h1_level: IntervalLike, h1_share: IntervalLike | float) -> Interval: ...
@overload
def annualize_half_year(h1_level: float, h1_share: IntervalLike) -> Interval: ...
@overload
def annualize_half_year(h1_level: Numbers, h1_share: Numbers | float) -> np.ndarray: ...
@overload
def annualize_half_year(h1_level: float, h1_share: Numbers) -> np.ndarray: ...
def annualize_half_year(h1_level, h1_share):
    """A full-year level from a January–June level and the share H1 takes of the year.

    ``year = h1_level / h1_share``. The share is an assumption, not data: take it
    from :func:`half_year_rule` (the package's one rule), which gives a range.

    Parameters
    ----------
    h1_level : float, array_like, Reported or Interval
        January–June level (not negative).
    h1_share : float, array_like or Interval
        Fraction of the annual total that falls in January–June, in (0, 1].

    Examples
    --------
    The formula with round fractions:

    >>> annualize_half_year(100.0, [0.25, 0.8])
    array([400., 125.])

    The 2025 gross output (201.69亿元 in January–June) with the output rule's
    range of shares (rows :data:`H1_SHARE_ROWS`):

    >>> from ygx_analysis.reported import Reported
    >>> annualize_half_year(Reported("201.69", unit="亿元"), half_year_rule().interval).notation(4)
    '[420.2, 446.2)'
    """
    figures, (lv, s) = _operands((h1_level, "h1_level", False), (h1_share, "h1_share", False))
    _check_level(lv, "h1_level")
    low, high = _ends(s)
    _refuse((low <= 0) | (high > 1), s, "h1_share", "must be a fraction in (0, 1]")
    if figures:
        return _monotone(lambda x, f: x / f, (lv, +1), (s, -1))
    return _out(lv / s)


@overload
def share(part: float, whole: float) -> float: ...
@overload
def share(part: IntervalLike, whole: IntervalLike | float) -> Interval: ...
@overload
def share(part: float, whole: IntervalLike) -> Interval: ...
@overload
def share(part: Numbers, whole: Numbers | float) -> np.ndarray: ...
@overload
def share(part: float, whole: Numbers) -> np.ndarray: ...
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
    figures, (p, w) = _operands((part, "part", False), (whole, "whole", False))
    _check_level(p, "part")
    _refuse(np.asarray(w.contains(0.0)) if figures else w == 0, w, "whole", "must not be zero")
    _check_positive(w, "whole")
    if figures:
        return _monotone(lambda a, b: a / b, (p, +1), (w, -1))
    return _out(p / w)


@overload
def pp_difference(a_pct: float, b_pct: float) -> float: ...
@overload
def pp_difference(a_pct: IntervalLike, b_pct: IntervalLike | float) -> Interval: ...
@overload
def pp_difference(a_pct: float, b_pct: IntervalLike) -> Interval: ...
@overload
def pp_difference(a_pct: Numbers, b_pct: Numbers | float) -> np.ndarray: ...
@overload
def pp_difference(a_pct: float, b_pct: Numbers) -> np.ndarray: ...
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
    figures, (a, b) = _operands((a_pct, "a_pct", True), (b_pct, "b_pct", True))
    if figures:
        return _monotone(lambda x, y: x - y, (a, +1), (b, -1))
    return _out(a - b)
