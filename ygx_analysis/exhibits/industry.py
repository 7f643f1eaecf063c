"""Exhibits of notebook 04: clusters, the 两主一特 structure, investment attraction, rank.

Every number comes from ``data/indicators.csv`` by row id, or from a named
formula in :mod:`ygx_analysis.arithmetic.composition` applied to those rows. The cluster
counts printed with 多 are intervals of whole numbers (``30多家`` is [31, 39]),
and so are their sum and the part of the 487 above-scale enterprises that the
article attributes to no named cluster.
"""

from __future__ import annotations

import math

import pandas as pd

from ..arithmetic.composition import count_interval, group_sums, parts_table, remainder, share_record
from ..data.tables import load_indicators, reported
from ..arithmetic.reported import Interval
from . import check_lang, exhibit, pick, tr
from .growth_rates import period_label
from .innovation import (
    UNIT_EN,
    display_number,
    interval_barh,
    interval_label,
    printed_label,
    range_legend,
)

__all__ = [
    "BASIS_LABELS",
    "CLUSTER_LABELS",
    "CLUSTER_ROWS",
    "FLOOR_AREA_LABELS",
    "FLOOR_AREA_ROWS",
    "INVESTMENT_LABELS",
    "INVESTMENT_ROWS",
    "NOTEBOOK",
    "PILLAR_INDUSTRIES",
    "PILLAR_LABELS",
    "RANK_FIELDS",
    "RANK_ROW",
    "RANK_TEXT",
    "TOTAL_ROW",
    "above_scale_clusters",
    "above_scale_clusters_figure",
    "business_environment_rank",
    "cluster_table",
    "floor_area_figure",
    "floor_area_frame",
    "investment_2024",
    "investment_figure",
    "investment_table",
    "pillar_table",
    "rank_table",
    "two_plus_one",
]

NOTEBOOK = "04_industry.ipynb"

TOTAL_ROW = "above_scale_enterprises_current"
"""Row id of the 487 above-scale enterprises."""

CLUSTER_ROWS = {
    "above_scale_equipment_current": "two_main",
    "above_scale_electronics_current": "two_main",
    "above_scale_carbon_materials_current": "one_special",
    "above_scale_new_energy_current": "one_special",
}
"""Cluster row id → pillar of the 两主一特 structure.

The article names the structure 高端装备制造、电子信息与新材料新能源“两主一特”: the two
main pillars are equipment manufacturing and electronic information, the special
one is new materials and new energy, which the cluster paragraph splits into the
carbon-based composite materials cluster and the new energy cluster.
"""

CLUSTER_LABELS = {
    "above_scale_equipment_current": ("装备制造", "Equipment manufacturing"),
    "above_scale_electronics_current": ("电子信息", "Electronic information"),
    "above_scale_carbon_materials_current": ("碳基复合新材料", "Carbon-based composite materials"),
    "above_scale_new_energy_current": ("新能源", "New energy"),
    "sum_of_parts": ("四个集群合计", "The four named clusters together"),
    "remainder": ("未归入所列集群", "Not attributed to a named cluster"),
    "total": ("全部规模以上企业", "All above-scale enterprises"),
}

PILLAR_LABELS = {
    "two_main": ("两主", "Two main pillars"),
    "one_special": ("一特", "One special pillar"),
    "remainder": ("未归入所列集群", "Not attributed to a named cluster"),
    "total": ("全部规模以上企业", "All above-scale enterprises"),
}
PILLAR_INDUSTRIES = {
    "two_main": ("高端装备制造、电子信息", "High-end equipment manufacturing; electronic information"),
    "one_special": ("新材料新能源", "New materials and new energy"),
    "remainder": ("原文未说明", "not stated in the article"),
    "total": ("", ""),
}

BASIS_LABELS = {
    "part": ("原文", "printed"),
    "total": ("原文", "printed"),
    "sum_of_parts": ("推算：各集群区间相加", "derived: sum of the cluster intervals"),
    "remainder": ("推算：总数 − 各集群合计", "derived: total − the named clusters"),
}

INVESTMENT_ROWS = (
    "investment_events_2024",
    "investment_special_events_2024",
    "signed_projects_2024",
    "top500_projects_2024",
    "returning_merchant_firms_2024",
    "domestic_capital_2024",
)
"""Row ids of the 2024 investment-attraction figures."""

INVESTMENT_LABELS = {
    "investment_events_2024": ("“双招双引”活动", "'Double attraction' promotion events"),
    "investment_special_events_2024": ("专场招商活动", "Dedicated promotion events"),
    "signed_projects_2024": ("新签约项目", "Newly signed projects"),
    "top500_projects_2024": ("三类500强企业投资项目", "Projects by top-500 firms"),
    "returning_merchant_firms_2024": ("湘商回归新注册企业", "Firms of returning Hunan merchants"),
    "domestic_capital_2024": ("内联引资", "Domestic capital attracted"),
}

FLOOR_AREA_ROWS = ("factory_floor_area_current", "incubation_floor_area_current")
"""Row ids of the factory floor area (200余) and, for scale, the incubation floor area (超20)."""

FLOOR_AREA_LABELS = {
    "factory_floor_area_current": ("东部产业园高标准工业厂房", "Standard factories, Eastern Industrial Park"),
    "incubation_floor_area_current": ("孵化载体（对照）", "Incubation facilities (for scale)"),
}

RANK_ROW = "business_environment_rank_2024"
"""Row id of the 2024 business-environment rank."""


# ---------------------------------------------------------------------------
# above-scale enterprises by cluster
# ---------------------------------------------------------------------------

def cluster_table(lang: str = "zh", indicators: pd.DataFrame | None = None) -> pd.DataFrame:
    """Above-scale enterprises by cluster, their sum and the unattributed remainder.

    Counts printed with 多 are whole-number intervals; the remainder is
    ``487 − 86 − (30多 + 20多 + 10多)`` by :func:`~ygx_analysis.arithmetic.composition.remainder`.
    Shares are of the 487, in percent.

    Returns
    -------
    DataFrame
        Columns ``row`` (the data row id, or ``sum_of_parts`` / ``remainder`` for
        derived rows), ``cluster``, ``pillar``, ``printed``, ``basis``, ``low``,
        ``high``, ``interval``, ``share_low_pct``, ``share_high_pct``; Chinese
        column names when ``lang='zh'``, where derived rows read ``推算``.

    Examples
    --------
    >>> t = cluster_table("en").set_index("row")
    >>> t.loc["remainder", "interval"]
    '[314, 338]'
    """
    check_lang(lang)
    ind = load_indicators() if indicators is None else indicators
    excerpts = ind.set_index("id")["excerpt"]
    figs = {rid: reported(rid, ind) for rid in CLUSTER_ROWS}
    total = reported(TOTAL_ROW, ind)
    table = parts_table(total, figs)
    table["row"] = table["row"].replace({"total": TOTAL_ROW})
    keys = [r if r in CLUSTER_LABELS else "total" for r in table["row"]]
    table.insert(1, "cluster", [pick(CLUSTER_LABELS, k, lang) for k in keys])
    table.insert(2, "pillar", [pick(PILLAR_LABELS, CLUSTER_ROWS[r], lang) if r in CLUSTER_ROWS else ""
                               for r in table["row"]])
    printed = {rid: printed_label(f, "zh", excerpts[rid]) for rid, f in figs.items()}
    printed[TOTAL_ROW] = printed_label(total, "zh", excerpts[TOTAL_ROW])
    table.insert(3, "printed", [printed.get(r, "") for r in table["row"]])
    table.insert(4, "basis", [pick(BASIS_LABELS, k, lang) for k in table["kind"]])
    table = table.drop(columns="kind")
    if lang == "zh":  # derived rows have no data row: 推算 rather than an English key
        table["row"] = table["row"].replace({"sum_of_parts": "推算", "remainder": "推算"})
        table = table.rename(columns={"row": "数据行", "cluster": "产业集群", "pillar": "两主一特", "printed": "原文数值",
                                      "basis": "依据", "low": "下限", "high": "上限", "interval": "区间",
                                      "share_low_pct": "占487家比重下限(%)",
                                      "share_high_pct": "占487家比重上限(%)"})
        table = table.rename(columns=lambda c: c.replace("487", total.text))
    return table


@exhibit("tab-above-scale-clusters", kind="table", notebook=NOTEBOOK,
         caption_zh="规模以上企业按产业集群：多 以整数区间表示，未归入所列集群的部分也是区间",
         caption_en="Above-scale enterprises by cluster: X-odd counts as whole-number ranges, "
                    "and the unattributed remainder as a range",
         indicators=(TOTAL_ROW, *CLUSTER_ROWS))
def above_scale_clusters(lang: str = "zh") -> pd.DataFrame:
    """The registered table of :func:`cluster_table`."""
    return cluster_table(lang)


@exhibit("fig-above-scale-clusters", kind="figure", notebook=NOTEBOOK,
         caption_zh="规模以上企业按产业集群（区间）与未归入所列集群的部分",
         caption_en="Above-scale enterprises by cluster (ranges) and the unattributed remainder",
         indicators=(TOTAL_ROW, *CLUSTER_ROWS))
def above_scale_clusters_figure(lang: str = "zh"):
    """Interval bars per cluster, coloured by pillar, then the remainder and the total."""
    from matplotlib.patches import Patch

    from .style import PALETTE, legend_below_title, new_figure

    check_lang(lang)
    table = cluster_table("en")
    colours = {"two_main": PALETTE[0], "one_special": PALETTE[2]}
    fig, ax = new_figure((9.0, 4.8))
    ax.set_axisbelow(True)
    labels, intervals, bar_colours, notes = [], [], [], []
    for row, low, high, printed in zip(table["row"], table["low"], table["high"], table["printed"], strict=True):
        if row == "sum_of_parts":
            continue
        interval = Interval(low, high)
        labels.append(pick(CLUSTER_LABELS, row if row in CLUSTER_LABELS else "total", lang))
        intervals.append(interval)
        bar_colours.append(colours[CLUSTER_ROWS[row]] if row in CLUSTER_ROWS else PALETTE[5])
        if printed and lang == "zh":
            notes.append(f"{printed} → {interval.notation()}")
        elif printed:
            fig_en = printed_label(reported(row), "en")
            notes.append(f"{fig_en} → {interval.notation()}")
        else:
            notes.append(tr(f"推算 {interval.notation()}", f"derived {interval.notation()}", lang))
    interval_barh(ax, labels, intervals, bar_colours, notes)
    ax.set_xlabel(tr("规模以上企业（家）", "Above-scale enterprises (firms)", lang))
    named = table.set_index("row").loc["sum_of_parts"]
    # rounded outwards, so that the rounded range still contains the exact one
    low, high = math.floor(named["share_low_pct"]), math.ceil(named["share_high_pct"])
    # the 487 has no stated scope and may count more than industrial firms (row note), so the
    # title gives the share of the printed total and the note says what is doubted
    ax.set_title(tr(f"规模以上企业：所列四个集群合计为487家的{low}%–{high}%",
                    f"Above-scale enterprises: the four named clusters are {low}–{high}% of the 487 printed", lang))
    ax.text(0.99, 0.97, tr("注：487家未注明口径，可能含非工业企业", "Note: the 487 has no stated scope and may "
                           "include non-industrial firms", lang),
            transform=ax.transAxes, ha="right", va="top", fontsize=8, color="#555555")
    handles = [Patch(color=colours["two_main"], label=pick(PILLAR_LABELS, "two_main", lang)),
               Patch(color=colours["one_special"], label=pick(PILLAR_LABELS, "one_special", lang)),
               Patch(color=PALETTE[5], label=tr("未归入 / 合计", "remainder / total", lang)),
               Patch(facecolor="white", edgecolor=PALETTE[5], hatch="///",
                     label=tr("多 允许的区间", "range allowed by 'X-odd'", lang))]
    legend_below_title(ax, handles)
    return fig


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
    check_lang(lang)
    ind = load_indicators() if indicators is None else indicators
    figs = {rid: reported(rid, ind) for rid in CLUSTER_ROWS}
    printed_total = reported(TOTAL_ROW, ind)
    total = count_interval(printed_total)
    groups = {p: [rid for rid, q in CLUSTER_ROWS.items() if q == p] for p in ("two_main", "one_special")}
    sums = group_sums(figs, groups)
    rest = remainder(printed_total, list(figs.values()))
    members = {**{p: ", ".join(ids) for p, ids in groups.items()}, "remainder": "", "total": TOTAL_ROW}
    records = [{"pillar_id": key, "pillar": pick(PILLAR_LABELS, key, lang),
                "industries": pick(PILLAR_INDUSTRIES, key, lang), "clusters": members[key],
                **share_record(interval, total, share_digits)}
               for key, interval in (*sums.items(), ("remainder", rest), ("total", total))]
    table = pd.DataFrame.from_records(records).astype({"low": "int64", "high": "int64"})
    if lang == "zh":
        table = table.drop(columns="pillar_id").rename(columns={"pillar": "两主一特", "industries": "产业",
                                                                "clusters": "所含集群（数据行）",
                                      "low": "下限", "high": "上限", "interval": "区间",
                                      "share_low_pct": "占比下限(%)", "share_high_pct": "占比上限(%)"})
    return table


@exhibit("tab-two-plus-one", kind="table", notebook=NOTEBOOK,
         caption_zh="“两主一特”结构：各支柱的规模以上企业（区间）及占比",
         caption_en="The 'two main + one special' structure: above-scale enterprises per pillar (ranges) and shares",
         indicators=(TOTAL_ROW, *CLUSTER_ROWS))
def two_plus_one(lang: str = "zh") -> pd.DataFrame:
    """The registered table of :func:`pillar_table`."""
    return pillar_table(lang)


# ---------------------------------------------------------------------------
# investment attraction, 2024
# ---------------------------------------------------------------------------

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
    check_lang(lang)
    ind = load_indicators() if indicators is None else indicators
    rows = ind.set_index("id")
    records = []
    for rid in INVESTMENT_ROWS:
        f = reported(rid, ind)
        records.append({"id": rid, "item": pick(INVESTMENT_LABELS, rid, lang), "value": display_number(f),
                        "unit": f.unit,
                        "interval": f.interval.notation(), "note": rows.loc[rid, tr("note_zh", "note", lang)]})
    table = pd.DataFrame.from_records(records)
    table["value"] = pd.Series([r["value"] for r in records], dtype="object")
    if lang == "zh":
        table = table.rename(columns={"id": "数据行", "item": "指标", "value": "数值", "unit": "单位",
                                      "interval": "区间", "note": "说明"})
    return table


@exhibit("tab-investment-2024", kind="table", notebook=NOTEBOOK,
         caption_zh="2024年招商引资：活动、签约项目、500强项目、湘商回归企业与内联引资",
         caption_en="Investment attraction in 2024: events, signed projects, top-500 projects, "
                    "returning-merchant firms and domestic capital",
         indicators=INVESTMENT_ROWS)
def investment_2024(lang: str = "zh") -> pd.DataFrame:
    """The registered table of :func:`investment_table`."""
    return investment_table(lang)


@exhibit("fig-investment-2024", kind="figure", notebook=NOTEBOOK,
         caption_zh="2024年招商引资成果（各项不相加）",
         caption_en="Investment attraction in 2024 (the items are not added up)",
         indicators=INVESTMENT_ROWS)
def investment_figure(lang: str = "zh"):
    """Horizontal bars of the counted results; the domestic capital as a labelled note."""
    from matplotlib.patches import Patch

    from .style import PALETTE, new_figure

    check_lang(lang)
    ind = load_indicators()
    count_ids = [rid for rid in INVESTMENT_ROWS if reported(rid, ind).unit != "亿元"]
    money_ids = [rid for rid in INVESTMENT_ROWS if rid not in count_ids]
    figs = {rid: reported(rid, ind) for rid in INVESTMENT_ROWS}
    fig, ax = new_figure((8.5, 4.4))
    ys = list(range(len(count_ids)))
    values = [figs[rid].value for rid in count_ids]
    colours = [PALETTE[1] if figs[rid].unit == "场" else PALETTE[0] for rid in count_ids]
    ax.barh(ys, values, color=colours, height=0.6)
    ax.set_axisbelow(True)
    # the axis mixes units: every bar says its own, and the legend says what the colours count
    units_en = {"场": "events", "个": "projects", "家": "firms"}
    for y, rid in zip(ys, count_ids, strict=True):
        unit = figs[rid].unit if lang == "zh" else units_en.get(figs[rid].unit, UNIT_EN.get(figs[rid].unit, ""))
        ax.annotate(f"{figs[rid].text} {unit}".strip(), (figs[rid].value, y), xytext=(4, 0),
                    textcoords="offset points", va="center", fontsize=9)
    ax.legend(handles=[Patch(color=PALETTE[1], label=tr("活动（场）", "promotion events", lang)),
                       Patch(color=PALETTE[0], label=tr("项目（个）与企业（家）", "projects and firms", lang))],
              loc="lower right")
    ax.set_yticks(ys, [pick(INVESTMENT_LABELS, rid, lang) for rid in count_ids])
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", visible=True)
    ax.set_xlim(0, max(values) * 1.25)
    ax.set_xlabel(tr("数量：场、个或家（单位见各条）", "Number of events, projects or firms (unit on each bar)", lang))
    lines = []
    for rid in money_ids:
        f = figs[rid]
        lines.append(tr(f"{pick(INVESTMENT_LABELS, rid, lang)}：{f.text}{f.unit}（签约额或到位额未说明）", f"{pick(INVESTMENT_LABELS, rid, lang)}: {f.text} x 100 million yuan "
                        "(contracted or paid-in not stated)", lang))
    ax.text(0.98, 0.97, "\n".join(lines), transform=ax.transAxes, ha="right", va="top", fontsize=9,
            bbox={"boxstyle": "round", "facecolor": "#f4f4f4", "edgecolor": "#cccccc"})
    ax.set_title(tr("2024年招商引资（各项可能重叠，不相加）", "Investment attraction in 2024 (items may overlap; not added up)", lang))
    return fig


# ---------------------------------------------------------------------------
# factory floor area
# ---------------------------------------------------------------------------

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
    records = []
    for rid in FLOOR_AREA_ROWS:
        f = reported(rid, ind)
        records.append({"id": rid, "qualifier": f.qualifier, "low": float(f.low), "high": float(f.high),
                        "low_closed": f.interval.low_closed, "high_closed": f.interval.high_closed,
                        "interval": f.interval.notation()})
    return pd.DataFrame.from_records(records)


@exhibit("fig-floor-area", kind="figure", notebook=NOTEBOOK,
         caption_zh="高标准工业厂房面积（200余万平方米，区间）与孵化载体面积（超20万平方米，下限）",
         caption_en="Standard factory floor area (200-odd x 10,000 m², a range) and incubation floor area "
                    "(more than 20 x 10,000 m², a lower bound)",
         indicators=FLOOR_AREA_ROWS)
def floor_area_figure(lang: str = "zh"):
    """Interval bars: the factory area's 余 range and, for scale, the incubation area's lower bound."""
    from .style import PALETTE, new_figure

    check_lang(lang)
    ind = load_indicators()
    excerpts = ind.set_index("id")["excerpt"]
    figs = [reported(rid, ind) for rid in FLOOR_AREA_ROWS]
    fig, ax = new_figure((9.0, 3.6))
    notes = [f"{printed_label(f, lang, excerpts[rid])}\n→ {interval_label(f.interval, lang)}"
             for rid, f in zip(FLOOR_AREA_ROWS, figs, strict=True)]
    interval_barh(ax, [pick(FLOOR_AREA_LABELS, rid, lang) for rid in FLOOR_AREA_ROWS],
                  [f.interval for f in figs], [PALETTE[0], PALETTE[1]], notes)
    ax.set_xlabel(tr("万平方米", "10,000 m²", lang))
    ax.set_title(tr("厂房与孵化载体面积：余 读作区间，超 读作下限",
                    "Floor area: 'X-odd' read as a range, 'more than' as a lower bound", lang))
    range_legend(fig, lang, PALETTE[5], ranged=True, open_ended=True)
    return fig


# ---------------------------------------------------------------------------
# business-environment rank
# ---------------------------------------------------------------------------

RANK_FIELDS = {
    "evaluation": ("评价", "Evaluation"),
    "year": ("年份", "Year"),
    "rank": ("排名", "Rank"),
    "parks": ("参评园区数", "Number of parks ranked"),
    "position": ("相对位置（前百分之几）", "Relative position (top X%)"),
    "context": ("可比的背景数据", "Comparable context data"),
    "excerpt": ("原文摘录", "Article excerpt"),
}

RANK_TEXT = {
    "parks": ("原文未给出", "not given in the article"),
    "position": ("无法计算：缺少参评园区数", "cannot be computed without the number of parks"),
    "context": ("无。背景数据中的国家高新区综合评价排名是另一项评价（园区集合和指标都不同），不与本排名并列或比较",
                "None. The national high-tech-zone evaluation ranks in the context data are a different "
                "evaluation (other parks, other indicators); they are not set beside this rank"),
}


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
    values = {
        "evaluation": row["label_zh"] if lang == "zh" else row["label_en"],
        "year": period_label(row["period"], lang),
        "rank": tr(f"第{rank.text}{rank.unit}", rank.text, lang),
        "parks": pick(RANK_TEXT, "parks", lang),
        "position": pick(RANK_TEXT, "position", lang),
        "context": pick(RANK_TEXT, "context", lang),
        "excerpt": row["excerpt"],
    }
    from_row = {"evaluation", "year", "rank", "excerpt"}
    table = pd.DataFrame({"id": [RANK_ROW if k in from_row else "" for k in values],
                          "field": [pick(RANK_FIELDS, k, lang) for k in values],
                          "value": list(values.values())})
    if lang == "zh":
        table = table.rename(columns={"id": "数据行", "field": "项目", "value": "内容"})
    return table


@exhibit("tab-business-environment-rank", kind="table", notebook=NOTEBOOK,
         caption_zh="2024年湖南省级及以上产业园区营商环境评价排名：参评园区数原文未给出",
         caption_en="Rank in Hunan's 2024 business-environment evaluation of parks: "
                    "the number of parks ranked is not given",
         indicators=(RANK_ROW,))
def business_environment_rank(lang: str = "zh") -> pd.DataFrame:
    """The registered table of :func:`rank_table`."""
    return rank_table(lang)

