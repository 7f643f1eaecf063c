"""Projection: a level grown at one constant rate or at per-year rates, and its path.

The same conventions as :mod:`ygx_analysis.arithmetic.growth`: rates in per cent, plain
numbers give a ``float``, arrays an ``ndarray``, and any
:class:`~ygx_analysis.arithmetic.reported.Reported` figure or
:class:`~ygx_analysis.arithmetic.reported.Interval` an ``Interval`` (for :func:`project`)
or a list of them (for :func:`project_path`) whose bounds follow the printed rounding.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from .operands import IntervalLike, Numbers, Operand, Result, _array, _check_level, _check_rate, _is_interval, \
    _monotone, _operands, _out, _times, _years, as_interval
from .interval import Interval

__all__ = ["project", "project_path"]


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


def project(level: Operand, rates_pct: Operand, years: float | Numbers | None = None) -> Result:
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
    >>> from ygx_analysis.arithmetic.reported import Reported
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


def project_path(level: Operand, rates_pct: Numbers | Sequence[IntervalLike | float]) -> np.ndarray | list[Interval]:
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

