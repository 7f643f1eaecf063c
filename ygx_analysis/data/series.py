"""Indicators are series: the latest observation of an indicator, by period, and the periods a source can print.

A new period is a new row, not new code. :func:`latest_observation` picks, among
the rows of one indicator (one measure, one region), the one whose period ends
last; at the same end a full-year outturn beats a part of the year (``2025``
beats ``2025H2``), and then a final figure beats a preliminary one
(:data:`STATUS_RANK`). Rows of ``indicators.csv`` have no ``status``: they count as
final. Periods that cannot be dated (``current``, ``annual``, ``undated``) and
rows that are not observations (``target``, ``forecast``) are never picked.
"""

from __future__ import annotations

import re

import pandas as pd

__all__ = ["ARTICLE_LAST_PERIOD", "STATUS_RANK", "after", "full_year", "latest_observation", "period_end"]

STATUS_RANK = {"revised": 0, "final": 1, "preliminary": 2, "derived": 3, "unverified": 4}
"""Observation statuses, best first; ``target`` and ``forecast`` are not observations."""

ARTICLE_LAST_PERIOD = "2025H1"
"""The latest period the article can print: it appeared in 2025 and its latest figures are for January–June."""

_PERIOD = re.compile(r"^(\d{4})(?:H([12])|Q([1-4])(?:-Q([1-4]))?|M(\d{2})-M(\d{2})|-(\d{4})|(-end))?$")


def period_end(period: str) -> tuple[int, int, int] | None:
    """``(year, last month, months covered)`` of a period, or None for one that cannot be dated.

    A stock at the end of a year (``2024-end``) covers no months; a span of years
    (``2016-2020``) ends in December of its last year.

    Examples
    --------
    >>> period_end("2025"), period_end("2025H1"), period_end("2025H2")
    ((2025, 12, 12), (2025, 6, 6), (2025, 12, 6))
    >>> period_end("2025Q1-Q3"), period_end("2021M01-M07"), period_end("2024-end")
    ((2025, 9, 9), (2021, 7, 7), (2024, 12, 0))
    >>> period_end("current") is None, period_end("undated") is None
    (True, True)
    """
    m = _PERIOD.match(str(period))
    if m is None:
        return None
    year, half, q1, q2, m1, m2, last, end = m.groups()
    y = int(year)
    if half:
        return y, 6 * int(half), 6
    if q1:
        return y, 3 * int(q2 or q1), 3 * (int(q2 or q1) - int(q1) + 1)
    if m1:
        return y, int(m2), int(m2) - int(m1) + 1
    if last:
        return int(last), 12, 12 * (int(last) - y + 1)
    return y, 12, 0 if end else 12


def after(period: str, latest: str) -> bool:
    """Whether ``period`` ends after ``latest`` (an undated period never does).

    Examples
    --------
    >>> after("2025", ARTICLE_LAST_PERIOD), after("2025H1", ARTICLE_LAST_PERIOD), after("2024", "2025H1")
    (True, False, False)
    """
    p, last = period_end(period), period_end(latest)
    return p is not None and last is not None and p[:2] > last[:2]


def latest_observation(rows: pd.DataFrame, indicator: str, measure: str = "flow", *, region: str | None = None,
                       until: str | None = None) -> pd.Series | None:
    """The row of ``indicator`` (one ``measure``, one ``region``) whose period is latest, or None.

    Parameters
    ----------
    rows : DataFrame
        Rows with ``id, indicator, period, measure`` and, where they exist,
        ``region`` and ``status`` (``indicators.csv``, ``context.csv`` or both).
    indicator, measure : str
        The series: ``measure`` keeps a level apart from its growth rate.
    region : str, optional
        Keep rows of this region only (``context.csv``).
    until : str, optional
        Leave out periods ending after this one (``"2025"``: nothing beyond 2025).

    Returns
    -------
    Series or None
        The row used; its ``id`` is what an analysis cites.

    Examples
    --------
    >>> rows = pd.DataFrame({"id": ["h1", "fy_pre", "fy", "old"], "indicator": "output", "measure": "flow",
    ...                      "period": ["2025H1", "2025", "2025", "2024"],
    ...                      "status": ["final", "preliminary", "final", "final"]})
    >>> latest_observation(rows, "output")["id"]        # the full year, and the final figure
    'fy'
    >>> latest_observation(rows[rows["id"] != "fy"], "output")["id"]
    'fy_pre'
    >>> latest_observation(rows, "output", until="2025H1")["id"]
    'h1'
    >>> latest_observation(rows, "output", "growth_yoy") is None
    True
    >>> latest_observation(rows.assign(status=None).head(1), "output")["id"]   # no status: final
    'h1'
    """
    sel = (rows["indicator"] == indicator) & (rows["measure"] == measure)
    if region is not None and "region" in rows:
        sel &= rows["region"] == region
    found = rows[sel]
    status = found["status"].fillna("final") if "status" in found else pd.Series("final", index=found.index)
    ends = found["period"].map(period_end)
    keep = ends.notna() & status.isin(list(STATUS_RANK))
    if until is not None:
        keep &= ~found["period"].map(lambda p: after(p, until))
    ranks = [(*e, -STATUS_RANK[s]) for e, s in zip(ends[keep], status[keep], strict=True)]
    return found[keep].iloc[ranks.index(max(ranks))] if ranks else None


def full_year(rows: pd.DataFrame, row_id: str, year: int, context: pd.DataFrame | None = None) -> pd.Series | None:
    """The full-year ``year`` observation of the series of ``row_id`` (its indicator and measure), or None.

    :func:`latest_observation` up to ``year`` among ``rows`` (``indicators.csv``)
    and the zone's rows of ``context``, kept only when it is for the whole of
    ``year``: an analysis built on the article's January–June or 2024 row then uses
    it instead, and cites its id.

    Examples
    --------
    >>> rows = pd.DataFrame({"id": ["h1", "fy"], "indicator": "x", "measure": "flow", "period": ["2025H1", "2025"]})
    >>> full_year(rows, "h1", 2025)["id"], full_year(rows.head(1), "h1", 2025)
    ('fy', None)
    """
    row = rows.set_index("id").loc[row_id]
    zone = [] if context is None else [context[context["region"] == "zone"]]
    seen = latest_observation(pd.concat([rows, *zone], ignore_index=True), row["indicator"], row["measure"],
                              until=str(year))
    return seen if seen is not None and seen["period"] == str(year) else None
