"""Exhibits of notebook 04: clusters, the 两主一特 structure, investment attraction, rank.

Every number comes from ``data/indicators.csv`` by row id, or from a named formula in
:mod:`ygx_analysis.arithmetic.composition` applied to those rows. The cluster counts printed with 多 are
intervals of whole numbers (``30多家`` is [31, 39]), and so are their sum and the part of the 487
above-scale enterprises that the article attributes to no named cluster. Every word shown lives in
``meta/industry.yml`` (and, for the words shared with notebook 03, ``meta/innovation.yml``).
"""

from __future__ import annotations

import math
from functools import partial

import pandas as pd

from ..arithmetic.composition import count_interval, group_sums, parts_table, remainder, share_record
from ..arithmetic.reported import Interval
from ..data.tables import load_indicators, reported
from . import check_lang, exhibit, words
from .growth_rates import period_label
from .innovation import (RANGE_HATCH, bar_labels, bar_note, column_names, figure_record, figure_table, interval_barh,
                         printed_label, range_legend, unit_words)

__all__ = ["CLUSTER_ROWS", "FLOOR_AREA_ROWS", "INVESTMENT_ROWS", "NOTEBOOK", "RANK_ROW", "TOTAL_ROW",
           "above_scale_clusters_figure", "cluster_table", "floor_area_figure", "floor_area_frame", "investment_figure",
           "investment_table", "pillar_table", "rank_table"]

NOTEBOOK = "04_industry.ipynb"
_say = partial(words.fill, "industry")  # _say(key, lang, **values): a label or filled template of this theme

TOTAL_ROW = "above_scale_enterprises_current"
"""Row id of the 487 above-scale enterprises."""

CLUSTER_ROWS = {"above_scale_equipment_current": "two_main", "above_scale_electronics_current": "two_main",
                "above_scale_carbon_materials_current": "one_special", "above_scale_new_energy_current": "one_special"}
"""Cluster row id → pillar of the 两主一特 structure.

The article names the structure 高端装备制造、电子信息与新材料新能源“两主一特”: the two
main pillars are equipment manufacturing and electronic information, the special
one is new materials and new energy, which the cluster paragraph splits into the
carbon-based composite materials cluster and the new energy cluster.
"""

INVESTMENT_ROWS = ("investment_events_2024", "investment_special_events_2024", "signed_projects_2024",
                   "top500_projects_2024", "returning_merchant_firms_2024", "domestic_capital_2024")
"""Row ids of the 2024 investment-attraction figures."""

FLOOR_AREA_ROWS = ("factory_floor_area_current", "incubation_floor_area_current")
"""Row ids of the factory floor area (200余) and, for scale, the incubation floor area (超20)."""

RANK_ROW = "business_environment_rank_2024"
"""Row id of the 2024 business-environment rank."""


def _labels(lang: str, *keys: str) -> dict[str, str]:
    """The groups ``keys`` of ``meta/industry.yml`` in ``lang``, merged."""
    return {name: text for key in keys for name, text in words.group("industry", key, lang).items()}


@exhibit("tab-above-scale-clusters", kind="table", notebook=NOTEBOOK, indicators=(TOTAL_ROW, *CLUSTER_ROWS))
def cluster_table(lang: str = "zh", indicators: pd.DataFrame | None = None) -> pd.DataFrame:
    """Above-scale enterprises by cluster, their sum and the unattributed remainder.

    Counts printed with 多 are whole-number intervals; the remainder is
    ``487 − 86 − (30多 + 20多 + 10多)`` by :func:`~ygx_analysis.arithmetic.composition.remainder`.
    Shares are of the 487, in percent.

    Returns
    -------
    DataFrame
        Columns ``row`` (the data row id, or ``sum_of_parts`` / ``remainder`` for
        derived rows), ``cluster``, ``pillar``, ``printed`` (as printed, in Chinese),
        ``basis``, ``low``, ``high``, ``interval``, ``share_low_pct``,
        ``share_high_pct``; Chinese column names when ``lang='zh'``, where derived
        rows read ``推算``.

    Examples
    --------
    >>> t = cluster_table("en").set_index("row")
    >>> t.loc["remainder", "interval"]
    '[314, 338]'
    """
    ind = load_indicators() if indicators is None else indicators
    excerpts = ind.set_index("id")["excerpt"]
    figs = {rid: reported(rid, ind) for rid in (*CLUSTER_ROWS, TOTAL_ROW)}
    table = parts_table(figs[TOTAL_ROW], {rid: figs[rid] for rid in CLUSTER_ROWS})
    table["row"] = table["row"].replace({"total": TOTAL_ROW})
    clusters, pillars = _labels(lang, "clusters", "parts"), _labels(lang, "pillars")
    table.insert(1, "cluster", [clusters.get(r, clusters["total"]) for r in table["row"]])
    table.insert(2, "pillar", [pillars[CLUSTER_ROWS[r]] if r in CLUSTER_ROWS else "" for r in table["row"]])
    table.insert(3, "printed", [printed_label(figs[r], "zh", excerpts[r]) if r in figs else "" for r in table["row"]])
    table.insert(4, "basis", table.pop("kind").map(_labels(lang, "basis")))
    if lang == "zh":  # derived rows have no data row: 推算 rather than an English key
        derived = words.text("innovation", "derived", lang)
        table["row"] = table["row"].replace({"sum_of_parts": derived, "remainder": derived})
    groups = (("industry", "columns"), ("industry", "exhibits.tab-above-scale-clusters.columns"))
    return table.rename(columns=column_names(lang, *groups, total=figs[TOTAL_ROW].text))


@exhibit("fig-above-scale-clusters", kind="figure", notebook=NOTEBOOK, indicators=(TOTAL_ROW, *CLUSTER_ROWS))
def above_scale_clusters_figure(lang: str = "zh"):
    """Interval bars per cluster, coloured by pillar, then the remainder and the total."""
    from matplotlib.patches import Patch

    from .style import PAGE_WIDTH_IN, PALETTE, legend_below_title, new_figure

    ind = load_indicators()
    table = cluster_table("en", ind).set_index("row")
    excerpts = ind.set_index("id")["excerpt"]
    colours = {"two_main": PALETTE[0], "one_special": PALETTE[2]}
    labels = _labels(lang, "clusters", "parts")
    key = "exhibits.fig-above-scale-clusters"
    fig, ax = new_figure((PAGE_WIDTH_IN, 4.6))
    ax.set_axisbelow(True)
    rows = [r for r in table.index if r != "sum_of_parts"]
    intervals = [Interval(*table.loc[r, ["low", "high"]].tolist()) for r in rows]
    notes = [f"{printed_label(reported(r, ind), lang, excerpts[r])} → {i.notation()}"
             if table.loc[r, "printed"] else _say(f"{key}.derived", lang, interval=i.notation())
             for r, i in zip(rows, intervals, strict=True)]
    interval_barh(ax, [labels.get(r, labels["total"]) for r in rows], intervals,
                  [colours[CLUSTER_ROWS[r]] if r in CLUSTER_ROWS else PALETTE[5] for r in rows], notes)
    ax.set_ylim(len(rows) - 0.5, -1.2)  # a free row above the bars for the note
    ax.set_xlabel(_say(f"{key}.xlabel", lang))
    named = table.loc["sum_of_parts"]
    total = reported(TOTAL_ROW, ind).text
    # rounded outwards, so that the rounded range still contains the exact one
    low, high = math.floor(named["share_low_pct"]), math.ceil(named["share_high_pct"])
    # the 487 has no stated scope and may count more than industrial firms (row note), so the
    # title gives the share of the printed total and the note says what is doubted
    ax.set_title(_say(f"{key}.title", lang, total=total, low=low, high=high))
    ax.text(0.99, 0.97, _say(f"{key}.note", lang, total=total), transform=ax.transAxes, ha="right", va="top",
            fontsize=8, color="#555555")
    pillars = _labels(lang, "pillars")
    handles = [Patch(color=colours[p], label=pillars[p]) for p in colours]
    handles += [Patch(color=PALETTE[5], label=_say(f"{key}.rest", lang)),
                Patch(facecolor="white", edgecolor=PALETTE[5], hatch=RANGE_HATCH, label=_say(f"{key}.ranged", lang))]
    legend_below_title(ax, handles)
    return fig


@exhibit("tab-two-plus-one", kind="table", notebook=NOTEBOOK, indicators=(TOTAL_ROW, *CLUSTER_ROWS))
def pillar_table(lang: str = "zh", indicators: pd.DataFrame | None = None, share_digits: int = 2) -> pd.DataFrame:
    """The 两主一特 structure: above-scale enterprises per pillar, as intervals.

    Returns
    -------
    DataFrame
        Rows ``two_main``, ``one_special``, ``remainder`` and ``total``; columns
        ``pillar_id``, ``pillar``, ``industries``, ``clusters`` (row ids), ``low``,
        ``high``, ``interval``, ``share_low_pct``, ``share_high_pct``; in Chinese
        without ``pillar_id`` (an English key; the 两主一特 column names each row).

    Examples
    --------
    >>> t = pillar_table("en").set_index("pillar_id")
    >>> t.loc["two_main", "interval"], t.loc["one_special", "interval"]
    ('[117, 125]', '[32, 48]')
    """
    ind = load_indicators() if indicators is None else indicators
    figs = {rid: reported(rid, ind) for rid in CLUSTER_ROWS}
    printed_total = reported(TOTAL_ROW, ind)
    total = count_interval(printed_total)
    groups = {p: [rid for rid, q in CLUSTER_ROWS.items() if q == p] for p in ("two_main", "one_special")}
    sums = group_sums(figs, groups)
    rest = remainder(printed_total, list(figs.values()))
    members = {**{p: ", ".join(ids) for p, ids in groups.items()}, "remainder": "", "total": TOTAL_ROW}
    pillars, industries = _labels(lang, "pillars", "parts"), _labels(lang, "industries")
    records = [{"pillar_id": key, "pillar": pillars[key], "industries": industries.get(key, ""),
                "clusters": members[key], **share_record(interval, total, share_digits)}
               for key, interval in (*sums.items(), ("remainder", rest), ("total", total))]
    table = pd.DataFrame.from_records(records).astype({"low": "int64", "high": "int64"})
    if lang == "zh":
        table = table.drop(columns="pillar_id")
    return table.rename(columns=column_names(lang, ("industry", "columns")))


@exhibit("tab-investment-2024", kind="table", notebook=NOTEBOOK, indicators=INVESTMENT_ROWS)
def investment_table(lang: str = "zh", indicators: pd.DataFrame | None = None) -> pd.DataFrame:
    """The 2024 investment-attraction figures, one row each, with the rows' notes.

    The figures are not added up: the article does not say whether the 2
    top-500 projects are among the 48 signed projects, nor whether the 165亿元 was
    contracted or paid in.

    Examples
    --------
    >>> t = investment_table("en").set_index("id")
    >>> t.loc["signed_projects_2024", "value"], t.loc["domestic_capital_2024", "unit"]
    (48, '亿元')
    """
    ind = load_indicators() if indicators is None else indicators
    rows, items = ind.set_index("id"), _labels(lang, "investment")
    return figure_table([figure_record(rid, reported(rid, ind), items[rid], rows, lang)
                         for rid in INVESTMENT_ROWS], lang)


@exhibit("fig-investment-2024", kind="figure", notebook=NOTEBOOK, indicators=INVESTMENT_ROWS)
def investment_figure(lang: str = "zh"):
    """Horizontal bars of the counted results; the domestic capital (亿元) as a labelled note."""
    from matplotlib.patches import Patch

    from .layout import widen_for_labels, wrap_text
    from .style import PAGE_WIDTH_IN, PALETTE, new_figure

    ind = load_indicators()
    figs = {rid: reported(rid, ind) for rid in INVESTMENT_ROWS}
    counted = [rid for rid in INVESTMENT_ROWS if figs[rid].unit != "亿元"]
    key = "exhibits.fig-investment-2024"
    items = _labels(lang, "investment")
    # the axis mixes units: every bar says its own, and the legend says what the colours count
    units = {**unit_words(lang), **_labels(lang, f"{key}.units")}
    fig, ax = new_figure((PAGE_WIDTH_IN, 3.9))
    ys = list(range(len(counted)))
    values = [figs[rid].value for rid in counted]
    ax.barh(ys, values, color=[PALETTE[1] if figs[rid].unit == "场" else PALETTE[0] for rid in counted], height=0.6)
    for y, f in zip(ys, (figs[rid] for rid in counted), strict=True):
        ax.annotate(f"{f.text} {units.get(f.unit, f.unit)}".strip(), (f.value, y), xytext=(4, 0),
                    textcoords="offset points", va="center", fontsize=9)
    ax.legend(handles=[Patch(color=PALETTE[1], label=_say(f"{key}.events", lang)),
                       Patch(color=PALETTE[0], label=_say(f"{key}.counts", lang))], loc="lower right")
    bar_labels(ax, [items[rid] for rid in counted])
    ax.set_ylim(len(counted) - 0.5, -1.3)  # a free row above the bars for the note on the money
    ax.set_xlim(0, max(values) * 1.25)
    widen_for_labels(ax, ax.texts)
    ax.set_xlabel(_say(f"{key}.xlabel", lang))
    money = [_say(f"{key}.money", lang, item=items[rid], number=figs[rid].text, unit=units[figs[rid].unit])
             for rid in INVESTMENT_ROWS if rid not in counted]
    width_in = 0.9 * ax.get_position().width * fig.get_figwidth()  # as laid out by widen_for_labels
    ax.text(0.98, 0.97, "\n".join(wrap_text(fig, m, 9, width_in) for m in money), transform=ax.transAxes,
            ha="right", va="top", fontsize=9,
            bbox={"boxstyle": "round", "facecolor": "#f4f4f4", "edgecolor": "#cccccc"})
    ax.set_title(_say(f"{key}.title", lang))
    return fig


def floor_area_frame(indicators: pd.DataFrame | None = None) -> pd.DataFrame:
    """Factory and incubation floor area as intervals, in 万平方米.

    Returns
    -------
    DataFrame
        Columns ``id``, ``qualifier``, ``low``, ``high``, ``low_closed``,
        ``high_closed`` and ``interval``.

    Examples
    --------
    >>> floor_area_frame().set_index("id")["interval"].tolist()
    ['(200, 300)', '(20, ∞)']
    """
    ind = load_indicators() if indicators is None else indicators
    records = [{"id": rid, "qualifier": f.qualifier, "low": float(f.low), "high": float(f.high),
                "low_closed": f.interval.low_closed, "high_closed": f.interval.high_closed,
                "interval": f.interval.notation()}
               for rid, f in ((rid, reported(rid, ind)) for rid in FLOOR_AREA_ROWS)]
    return pd.DataFrame.from_records(records)


@exhibit("fig-floor-area", kind="figure", notebook=NOTEBOOK, indicators=FLOOR_AREA_ROWS)
def floor_area_figure(lang: str = "zh"):
    """Interval bars: the factory area's 余 range and, for scale, the incubation area's lower bound."""
    from .style import PAGE_WIDTH_IN, PALETTE, new_figure

    ind = load_indicators()
    excerpts = ind.set_index("id")["excerpt"]
    figs = [reported(rid, ind) for rid in FLOOR_AREA_ROWS]
    labels = _labels(lang, "floor_area")
    fig, ax = new_figure((PAGE_WIDTH_IN, 3.2))
    interval_barh(ax, [labels[rid] for rid in FLOOR_AREA_ROWS], [f.interval for f in figs], [PALETTE[0], PALETTE[1]],
                  [bar_note(f, lang, excerpts[rid]) for rid, f in zip(FLOOR_AREA_ROWS, figs, strict=True)])
    ax.set_xlabel(_say("exhibits.fig-floor-area.xlabel", lang))
    ax.set_title(_say("exhibits.fig-floor-area.title", lang))
    range_legend(fig, lang, PALETTE[5], ranged=True, open_ended=True)
    return fig


@exhibit("tab-business-environment-rank", kind="table", notebook=NOTEBOOK, indicators=(RANK_ROW,))
def rank_table(lang: str = "zh", indicators: pd.DataFrame | None = None) -> pd.DataFrame:
    """The 2024 business-environment rank with what the article does not say.

    Returns
    -------
    DataFrame
        Columns ``id`` (the row id for the fields taken from the data row),
        ``field`` and ``value`` (text).

    Examples
    --------
    >>> t = rank_table("en").set_index("field")
    >>> t.loc["Rank", "value"], t.loc["Number of parks ranked", "value"]
    ('15', 'not given in the article')
    """
    check_lang(lang)
    ind = load_indicators() if indicators is None else indicators
    row = ind.set_index("id").loc[RANK_ROW]
    rank = reported(RANK_ROW, ind)
    if rank.qualifier != "exact":
        raise ValueError(f"indicators: rank row {RANK_ROW!r} must be exact")
    key = "exhibits.tab-business-environment-rank"
    values = {"evaluation": row[f"label_{lang}"], "year": period_label(row["period"], lang),
              "rank": _say(f"{key}.rank", lang, rank=rank.text, unit=unit_words(lang).get(rank.unit, rank.unit)),
              **{k: _say(f"{key}.{k}", lang) for k in ("parks", "position", "context")}, "excerpt": row["excerpt"]}
    from_row = {"evaluation", "year", "rank", "excerpt"}
    fields = _labels(lang, f"{key}.fields")
    table = pd.DataFrame({"id": [RANK_ROW if k in from_row else "" for k in values],
                          "field": [fields[k] for k in values], "value": list(values.values())})
    return table.rename(columns=column_names(lang, ("industry", f"{key}.columns")))

