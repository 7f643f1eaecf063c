"""Growth arithmetic: implied base, year-on-year rate, CAGR, required growth, shares, pp differences.

Every function is small, pure and vectorised (:data:`~ygx_analysis.arithmetic.operands.Operand`): plain numbers
give a ``float``, any array argument an ``ndarray``, and any
:class:`~ygx_analysis.arithmetic.reported.Reported` figure or
:class:`~ygx_analysis.arithmetic.reported.Interval` argument an ``Interval`` whose bounds
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

The formulas here are the one-step ones. Projection (:func:`project`, :func:`project_path`;
:mod:`~ygx_analysis.arithmetic.projection`) and the H1-to-year rule (:func:`half_year_rule`,
:func:`annualize_half_year`; :mod:`~ygx_analysis.arithmetic.halfyear`) have their own modules
and are importable from here too; the operand handling all share is in
:mod:`~ygx_analysis.arithmetic.operands`.

Errors
------
Messages start with the argument's name (``yoy_pct: must be above -100 (per cent), got -120``).
``ValueError``: a growth rate at or below −100 %, zero or negative ``years``, a
negative level, a zero ``whole``, a Reported figure in the wrong unit.
``TypeError``: text or None, an array mixed with Reported figures, a Reported ``years``.
"""

from __future__ import annotations

import numpy as np

from .halfyear import H1_SHARE_ROWS, HalfYearRule, annualize_half_year, half_year_rule
from .operands import IntervalLike, Numbers, Operand, Result, _check_level, _check_positive, _check_rate, \
    _compound_rate, _monotone, _operands, _out, _refuse, as_interval
from .projection import project, project_path

__all__ = ["H1_SHARE_ROWS", "HalfYearRule", "IntervalLike", "Numbers", "annualize_half_year", "as_interval", "cagr",
           "half_year_rule", "implied_prior_level", "pp_difference", "project", "project_path", "required_cagr",
           "share", "yoy_pct"]


def implied_prior_level(level: Operand, yoy_pct: Operand) -> Result:
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
    >>> from ygx_analysis.arithmetic.reported import Reported
    >>> implied_prior_level(Reported("62.08", unit="亿元"), Reported("6.33", unit="%")).notation(7)
    '(58.37683, 58.39172)'
    """
    figures, (lv, g) = _operands((level, "level", False), (yoy_pct, "yoy_pct", True))
    _check_level(lv, "level")
    _check_rate(g, "yoy_pct")
    if figures:
        return _monotone(lambda x, r: x / (1 + r / 100), (lv, +1), (g, -1))
    return _out(lv / (1 + g / 100))


def yoy_pct(current: Operand, prior: Operand) -> Result:
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
    >>> from ygx_analysis.arithmetic.reported import Interval
    >>> yoy_pct(Interval(105, 106), 100.0).notation()
    '[5, 6]'
    """
    figures, (c, p) = _operands((current, "current", False), (prior, "prior", False))
    _check_level(c, "current")
    _check_positive(p, "prior")
    if figures:
        return _monotone(lambda x, y: 100 * (x / y - 1), (c, +1), (p, -1))
    return _out(100 * (c / p - 1))


def cagr(start: Operand, end: Operand, years: float | Numbers) -> Result:
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
    >>> from ygx_analysis.arithmetic.reported import Reported
    >>> cagr(Reported("18.08", unit="亿元"), Reported("62.08", unit="亿元"), 6).notation(5)
    '(22.819, 22.834)'
    """
    return _compound_rate(start, end, years, "start", "end")


def required_cagr(start: Operand, target: Operand, years: float | Numbers) -> Result:
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


def share(part: Operand, whole: Operand) -> Result:
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
    >>> from ygx_analysis.arithmetic.reported import Reported
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


def pp_difference(a_pct: Operand, b_pct: Operand) -> Result:
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
    >>> from ygx_analysis.arithmetic.reported import Reported
    >>> pp_difference(Reported("9.2", unit="%"), Reported("8.2", unit="%")).notation(6)
    '(0.9, 1.1)'
    """
    figures, (a, b) = _operands((a_pct, "a_pct", True), (b_pct, "b_pct", True))
    if figures:
        return _monotone(lambda x, y: x - y, (a, +1), (b, -1))
    return _out(a - b)
