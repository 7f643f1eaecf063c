"""The H1-to-year rule: a year estimated from its January–June level.

Only January–June is printed for some 2025 figures. Every part of the package
that turns a January–June level into a year uses **one** rule,
:func:`half_year_rule`: a documented range of the share the first half takes of
the year, read from the seasonality rows of ``context.csv`` (:data:`H1_SHARE_ROWS`),
never a typed constant. Output and value added take 45–48 % of the year in
January–June; budget revenue is front-loaded (about 54 %). A year estimated from
a half year is therefore an interval, not a point (:func:`annualize_half_year`).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .operands import IntervalLike, Operand, Result, _check_level, _ends, _is_interval, _monotone, _operands, _out, \
    _refuse, as_interval
from .interval import Interval

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["H1_SHARE_ROWS", "HalfYearRule", "annualize_half_year", "half_year_rule"]


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
        Output of :func:`~ygx_analysis.data.tables.load_context`; loaded when omitted.

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
    from ..data.tables import context_reported, load_context

    ctx = load_context() if context is None else context
    rows = H1_SHARE_ROWS[kind]
    shares = [round(context_reported(row, ctx).value / 100, 6) for row in rows]
    return HalfYearRule(kind, min(shares), round(statistics.median(shares), 6), max(shares), rows)


def annualize_half_year(h1_level: Operand, h1_share: Operand) -> Result:
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

    >>> from ygx_analysis.arithmetic.reported import Reported
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

