"""Parts of a printed total, with the intervals that 多, 余 and 超 allow.

The article prints a total (``487`` above-scale enterprises) and some of its
parts, several of them as ``30多`` or ``20多``. This module turns such printed
figures into intervals of whole things, adds and subtracts them by interval
rules, and builds the tidy tables the exhibits show: each part, the sum of the
named parts, the unattributed remainder, and each one's share of the total as an
interval.

Counts of things are whole numbers, so a count interval is tightened to the
whole numbers inside it before any arithmetic: ``30多家`` is (30, 40), i.e. the
integers [31, 39]. Tightening the parts first gives the sharpest correct
remainder: ``487 − 86 − (30多 + 20多 + 10多)`` is [314, 338], whereas adding the
open real intervals first gives (311, 341), which tightened only after the sum
is the looser [312, 340]. :func:`remainder` is the one implementation of "a
total minus its parts"; :func:`ygx_analysis.audit.cluster_remainder` only picks
the data rows for it.

Errors
------
A figure of the wrong type raises ``TypeError`` and a wrong value raises
``ValueError``; both messages start with the argument's name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from .growth import as_interval, share
from .interval import Interval
from .reported import Reported

__all__ = ["Figure", "as_interval", "count_interval", "group_sums", "interval_sum", "parts_table", "remainder",
           "share_interval", "share_record"]

Figure = Reported | Interval | int | float
"""Anything that stands for a quantity: a printed figure, an interval, or a plain number."""


def _figures(parts: object, name: str) -> list[Figure]:
    """``parts`` as a list, refusing a string or a single figure (a sequence is needed)."""
    if isinstance(parts, (str, bytes)) or not isinstance(parts, Sequence):
        raise TypeError(f"{name}: expected a sequence of figures, got {type(parts).__name__}")
    return list(parts)


def count_interval(x: Figure) -> Interval:
    """The whole numbers a printed count allows, as a closed interval.

    Parameters
    ----------
    x : Reported, Interval or number
        A count of discrete things (enterprises, patents, events).

    Returns
    -------
    Interval
        Closed at both finite ends; ``[low, ∞)`` for 超/以上 figures.

    Examples
    --------
    >>> count_interval(Reported("30", "approx_more", "家")).notation()
    '[31, 39]'
    >>> count_interval(Reported("200", "more_than", "家")).notation()
    '[201, ∞)'
    >>> count_interval(Reported("86", unit="家")).notation()
    '[86, 86]'
    """
    interval = as_interval(x)
    if interval.low < 0:
        raise ValueError(f"x: a count cannot be negative, got {interval.notation()}")
    return interval.integers()


def interval_sum(parts: Sequence[Figure], whole_numbers: bool = True) -> Interval:
    """The interval of a sum of figures.

    Parameters
    ----------
    parts : sequence of Reported, Interval or number
        At least one figure.
    whole_numbers : bool, default True
        Tighten each part to whole numbers first (for counts of things).

    Examples
    --------
    >>> parts = [Reported("30", "approx_more", "家"), Reported("20", "approx_more", "家")]
    >>> interval_sum(parts).notation()
    '[52, 68]'
    >>> interval_sum(parts, whole_numbers=False).notation()
    '(50, 70)'
    """
    figures = _figures(parts, "parts")
    if not figures:
        raise ValueError("parts: need at least one figure")
    convert = count_interval if whole_numbers else as_interval
    return sum((convert(p) for p in figures[1:]), start=convert(figures[0]))


def remainder(total: Figure, parts: Sequence[Figure], whole_numbers: bool = True, *,
              signed: bool = False) -> Interval:
    """What is left of ``total`` after the named ``parts``, as an interval.

    Parameters
    ----------
    total : Reported, Interval or number
        The printed total.
    parts : sequence of Reported, Interval or number
        The printed parts of that total (may be empty).
    whole_numbers : bool, default True
        Treat all figures as counts: tighten each to whole numbers before the
        arithmetic, and the result too. False: the real interval from interval
        arithmetic on the printed ranges.
    signed : bool, default False
        Return ``total − sum(parts)`` as it is, even where it goes below zero
        (for a check that flags parts above their total). By default a
        remainder cannot be negative: the lower end is cut at 0 (a part printed
        as 超 has no upper end, so the remainder has no positive lower bound),
        and parts that certainly exceed the total raise ``ValueError``.

    Returns
    -------
    Interval
        ``total − sum(parts)``.

    Raises
    ------
    ValueError
        If the parts certainly exceed the total (unless ``signed``).
    TypeError
        If ``parts`` is not a sequence or a figure is not a number, Reported or Interval.

    Examples
    --------
    Rows above_scale_enterprises_current, above_scale_equipment_current and the
    three 多 clusters:

    >>> printed = [Reported("86", unit="家"), Reported("30", "approx_more", "家"),
    ...            Reported("20", "approx_more", "家"), Reported("10", "approx_more", "家")]
    >>> remainder(Reported("487", unit="家"), printed).notation()
    '[314, 338]'
    >>> real = remainder(Reported("487", unit="家"), printed, whole_numbers=False)
    >>> real.notation(), real.integers().notation()  # tightened only after the sum: looser
    ('(311, 341)', '[312, 340]')
    >>> remainder(100, [Reported("20", "more_than", "家")]).notation()
    '[0, 79]'
    >>> remainder(100, [86, Reported("20", "approx_more", "家")], signed=True).notation()
    '[-15, -7]'
    """
    figures = _figures(parts, "parts")
    t = count_interval(total) if whole_numbers else as_interval(total)
    if not figures:
        return t
    rest = t - interval_sum(figures, whole_numbers)
    if not signed:
        if rest.high < 0 or (rest.high == 0 and not rest.high_closed):
            raise ValueError(f"parts: the parts exceed the total ({rest.notation()} left)")
        if rest.low < 0:
            rest = Interval(0.0, rest.high, True, rest.high_closed)
    return rest.integers() if whole_numbers else rest


def share_interval(part: Figure, total: Figure, whole_numbers: bool = True) -> Interval:
    """A part's share of a total, in percent, as an interval.

    This is :func:`ygx_analysis.arithmetic.growth.share` of the (whole-number) intervals, times 100.

    The share is lowest when the part is smallest and the total largest, and
    highest the other way round. When the part lies inside the total (as a
    cluster lies inside all enterprises) the share never exceeds 100.

    Parameters
    ----------
    part, total : Reported, Interval or number
    whole_numbers : bool, default True
        Tighten both to whole numbers first (for counts of things).

    Examples
    --------
    Invention patents among 2024 patent grants (rows invention_patents_granted_2024,
    patents_granted_2024):

    >>> s = share_interval(Reported("587", unit="件"), Reported("2228", unit="件"))
    >>> round(s.low, 4), s.low == s.high
    (26.3465, True)
    >>> s = share_interval(Reported("30", "approx_more", "家"), Reported("487", unit="家"))
    >>> round(s.low, 2), round(s.high, 2)
    (6.37, 8.01)
    """
    p = count_interval(part) if whole_numbers else as_interval(part)
    t = count_interval(total) if whole_numbers else as_interval(total)
    if t.low <= 0:
        raise ValueError(f"total: must be positive, got {t.notation()}")
    fraction = share(p, t)
    ratio = Interval(fraction.low * 100.0, fraction.high * 100.0, fraction.low_closed, fraction.high_closed)
    if ratio.high > 100.0:
        ratio = Interval(min(ratio.low, 100.0), 100.0, ratio.low_closed, True)
    return ratio


def group_sums(parts: Mapping[str, Figure], groups: Mapping[str, Sequence[str]],
               whole_numbers: bool = True) -> dict[str, Interval]:
    """Interval sums of named parts, grouped (e.g. clusters into 两主 and 一特).

    Parameters
    ----------
    parts : mapping of name to figure
    groups : mapping of group name to a sequence of part names
        Each part name must be in ``parts``; a part may belong to one group only.
    whole_numbers : bool, default True

    Examples
    --------
    >>> parts = {"a": 86, "b": Reported("30", "approx_more", "家"), "c": 5}
    >>> {k: v.notation() for k, v in group_sums(parts, {"main": ["a", "b"], "other": ["c"]}).items()}
    {'main': '[117, 125]', 'other': '[5, 5]'}
    """
    for name, value in (("parts", parts), ("groups", groups)):
        if not isinstance(value, Mapping):
            raise TypeError(f"{name}: expected a mapping, got {type(value).__name__}")
    seen: set[str] = set()
    for group, names in groups.items():
        for n in names:
            if n not in parts:
                raise ValueError(f"groups: group {group!r} names unknown part {n!r}")
            if n in seen:
                raise ValueError(f"groups: part {n!r} is in more than one group")
            seen.add(n)
    return {group: interval_sum([parts[n] for n in names], whole_numbers) for group, names in groups.items()}


def share_record(interval: Interval, total: Interval, share_digits: int = 2) -> dict[str, object]:
    """``low``, ``high`` and ``interval`` (notation) of a part, and its share of ``total`` in percent, for a table row.

    The share is :func:`share_interval` of the two intervals as they are (no
    further tightening), rounded to ``share_digits`` decimals.

    Examples
    --------
    >>> share_record(Interval(31, 39), Interval(487, 487))
    {'low': 31.0, 'high': 39.0, 'interval': '[31, 39]', 'share_low_pct': 6.37, 'share_high_pct': 8.01}
    """
    if isinstance(share_digits, bool) or not isinstance(share_digits, (int, np.integer)):
        raise TypeError(f"share_digits: expected a whole number, got {type(share_digits).__name__}")
    if share_digits < 0:
        raise ValueError(f"share_digits: must be zero or positive, got {share_digits}")
    share = share_interval(interval, total, whole_numbers=False)
    return {"low": float(interval.low), "high": float(interval.high), "interval": interval.notation(),
            "share_low_pct": round(share.low, share_digits), "share_high_pct": round(share.high, share_digits)}


def parts_table(total: Figure, parts: Mapping[str, Figure], whole_numbers: bool = True,
                share_digits: int = 2) -> pd.DataFrame:
    """A tidy table of a total, its named parts, their sum and the remainder.

    Parameters
    ----------
    total : Reported, Interval or number
    parts : mapping of name to Reported, Interval or number
        The named parts, in display order.
    whole_numbers : bool, default True
        Treat the figures as counts of things (see :func:`remainder`).
    share_digits : int, default 2
        Decimals kept in the share columns.

    Returns
    -------
    DataFrame
        One row per part, then ``sum_of_parts``, ``remainder`` and ``total``, with
        columns ``row`` (the name), ``kind`` ('part', 'sum_of_parts', 'remainder',
        'total'), ``low``, ``high``, ``interval``, ``share_low_pct`` and
        ``share_high_pct`` (share of the total, in percent).

    Examples
    --------
    >>> t = parts_table(Reported("487", unit="家"),
    ...                 {"equipment": Reported("86", unit="家"),
    ...                  "electronics": Reported("30", "approx_more", "家")})
    >>> t[["row", "interval", "share_low_pct", "share_high_pct"]]
               row    interval  share_low_pct  share_high_pct
    0    equipment    [86, 86]          17.66           17.66
    1  electronics    [31, 39]           6.37            8.01
    2 sum_of_parts  [117, 125]          24.02           25.67
    3    remainder  [362, 370]          74.33           75.98
    4        total  [487, 487]         100.00          100.00
    """
    if not isinstance(parts, Mapping):
        raise TypeError(f"parts: expected a mapping of name to figure, got {type(parts).__name__}")
    if len(parts) == 0:
        raise ValueError("parts: need at least one part")
    t = count_interval(total) if whole_numbers else as_interval(total)
    figures = list(parts.values())
    rows = [(name, "part", interval_sum([p], whole_numbers)) for name, p in parts.items()]
    rows += [("sum_of_parts", "sum_of_parts", interval_sum(figures, whole_numbers)),
             ("remainder", "remainder", remainder(total, figures, whole_numbers)), ("total", "total", t)]
    table = pd.DataFrame.from_records([{"row": name, "kind": kind, **share_record(interval, t, share_digits)}
                                       for name, kind, interval in rows])
    if whole_numbers and np.isfinite(table[["low", "high"]].to_numpy()).all():
        table = table.astype({"low": "int64", "high": "int64"})
    return table
