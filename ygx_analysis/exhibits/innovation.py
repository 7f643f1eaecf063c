"""Exhibits of notebook 03: incubators, R&D platforms and patents.

Every number comes from ``data/indicators.csv`` by row id, or from a named
formula in :mod:`ygx_analysis.arithmetic.composition` applied to those rows. Figures
printed with 超 are lower bounds and are drawn as bars that end in an arrow
(no upper end printed); figures printed with 多/余 are drawn as a solid part up
to the lower bound and a hatched part across the range the printing allows.

:func:`interval_barh` is the shared drawing helper; the industry exhibits use it
too.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd

from ..arithmetic.composition import count_interval, share_interval
from ..data.tables import load_indicators, reported
from ..arithmetic.reported import Interval, Reported
from . import check_lang, exhibit, pick, tr

__all__ = [
    "CERTAIN_COLOUR_ALPHA",
    "INCUBATION_CAPACITY_ROWS",
    "INCUBATOR_ROWS",
    "KIND_LABELS",
    "LEVEL_LABELS",
    "NOTEBOOK",
    "PATENT_NOTES",
    "PATENT_ROWS",
    "QUALIFIER_WORDS",
    "RANGE_HATCH",
    "RD_PLATFORM_ROWS",
    "SHORT_LABELS",
    "UNIT_EN",
    "display_number",
    "incubation_bounds_figure",
    "incubation_capacity",
    "incubation_capacity_table",
    "incubator_frame",
    "incubators_figure",
    "interval_barh",
    "interval_label",
    "patent_table",
    "patents_2024",
    "patents_figure",
    "printed_label",
    "range_legend",
    "rd_platform_table",
    "rd_platforms",
    "rd_platforms_figure",
]

NOTEBOOK = "03_innovation.ipynb"

INCUBATOR_ROWS = (
    ("incubators_national_current", "incubator", "national"),
    ("incubators_provincial_current", "incubator", "provincial"),
    ("maker_spaces_national_current", "maker_space", "national"),
    ("maker_spaces_provincial_current", "maker_space", "provincial"),
)
"""(row id, kind, level) of the incubator and maker-space counts."""

INCUBATION_CAPACITY_ROWS = ("incubation_floor_area_current", "incubated_firms_current")
"""Row ids of the incubation floor area and the incubated and graduated firms (both 超)."""

RD_PLATFORM_ROWS = (
    ("tech_centres_national_current", "national"),
    ("postdoc_stations_national_current", "national"),
    ("rd_platforms_provincial_current", "provincial"),
    ("key_labs_provincial_current", "provincial"),
    ("academician_workstations_provincial_current", "provincial"),
)
"""(row id, level) of the R&D platform counts."""

PATENT_ROWS = {
    "granted": "patents_granted_2024",
    "invention": "invention_patents_granted_2024",
    "valid": "valid_patents_2024",
    "per_10k": "invention_patents_per_10k_2024",
}
"""Role → row id of the 2024 patent figures."""

LEVEL_LABELS = {"national": ("国家级", "National"), "provincial": ("省级", "Provincial")}
KIND_LABELS = {"incubator": ("科技企业孵化器", "Technology business incubators"),
               "maker_space": ("众创空间", "Maker spaces")}
SHORT_LABELS = {
    "tech_centres_national_current": ("企业技术中心", "Enterprise technology centres"),
    "postdoc_stations_national_current": ("博士后科研工作站", "Postdoctoral research stations"),
    "rd_platforms_provincial_current": ("研发创新平台", "R&D and innovation platforms"),
    "key_labs_provincial_current": ("重点实验室", "Key laboratories"),
    "academician_workstations_provincial_current": ("院士专家工作站", "Academician and expert workstations"),
    "incubation_floor_area_current": ("孵化载体总面积", "Incubation floor area"),
    "incubated_firms_current": ("在孵和毕业企业", "Incubated and graduated firms"),
}
"""Row id → short (Chinese, English) label for charts."""

UNIT_EN = {"个": "", "家": "firms", "件": "patents", "万平方米": "x 10,000 m²", "件/万人": "per 10,000 people",
           "场": "events", "亿元": "x 100 million yuan", "位": ""}
"""Printed unit → English unit words for chart labels."""

QUALIFIER_WORDS = {
    "exact": ("精确", "exact"),
    "more_than": ("下限（超，不含），上限未印", "lower bound (more than), no upper bound printed"),
    "at_least": ("下限（以上，含），上限未印", "lower bound (at least), no upper bound printed"),
    "approx_more": ("区间（多/余）", "range (X-odd)"),
}

CERTAIN_COLOUR_ALPHA = 1.0
RANGE_HATCH = "///"


def display_number(figure: Reported) -> int | float:
    """The printed number as an ``int`` when printed without decimals, else a ``float``.

    Examples
    --------
    >>> display_number(Reported("48", unit="个")), display_number(Reported("62.08", unit="亿元"))
    (48, 62.08)
    """
    return int(figure.text) if figure.decimals == 0 else figure.value


def printed_label(figure: Reported, lang: str, excerpt: str = "") -> str:
    """A printed figure as a short label: as printed in Chinese, in words in English.

    Parameters
    ----------
    figure : Reported
    lang : {'zh', 'en'}
    excerpt : str, optional
        The row's excerpt. The qualifier ``approx_more`` stands for both 多 and
        余; the Chinese label uses 余 when the excerpt prints the number with 余.

    Examples
    --------
    >>> printed_label(Reported("30", "approx_more", "家"), "en")
    '30-odd firms'
    >>> printed_label(Reported("20", "more_than", "万平方米"), "en")
    'more than 20 x 10,000 m²'
    >>> printed_label(Reported("200", "approx_more", "万平方米"), "zh", excerpt="厂房200余万平方米")
    '200余万平方米'
    """
    check_lang(lang)
    if lang == "zh":
        text = str(figure)
        if figure.qualifier == "approx_more" and f"{figure.text}余" in excerpt.replace(" ", ""):
            text = text.replace(f"{figure.text}多", f"{figure.text}余")
        return text
    unit = UNIT_EN.get(figure.unit, figure.unit)
    number = {"exact": figure.text, "more_than": f"more than {figure.text}",
              "at_least": f"at least {figure.text}", "approx_more": f"{figure.text}-odd"}[figure.qualifier]
    return f"{number} {unit}".strip()


def interval_label(interval: Interval, lang: str) -> str:
    """The interval in notation, with words for a missing upper end.

    Examples
    --------
    >>> interval_label(Interval(31, 39), "en")
    '[31, 39]'
    >>> interval_label(Interval(20, math.inf, False, False), "en")
    '(20, ∞): no upper bound printed'
    """
    text = interval.notation()
    if math.isinf(interval.high):
        text += tr("：上限未印", ": no upper bound printed", lang)
    return text


def interval_barh(ax, labels: Sequence[str], intervals: Sequence[Interval], colours: Sequence[str],
                  annotations: Sequence[str] | None = None, arrow_fraction: float = 0.18) -> None:
    """Horizontal bars that show intervals as intervals.

    A bar is solid from 0 to the interval's lower end (the part the printing
    guarantees). A bounded interval continues as a hatched bar up to its upper
    end, with caps at both ends; an interval open above continues as an arrow.
    Each bar is annotated with ``annotations`` (default: the interval notation).

    Parameters
    ----------
    ax : matplotlib Axes
    labels : sequence of str
        Tick labels, top to bottom.
    intervals : sequence of Interval
        Non-negative intervals, one per label.
    colours : sequence of str
        One colour per bar.
    annotations : sequence of str, optional
        Text written right of each bar.
    arrow_fraction : float, default 0.18
        Length of the open-ended arrow as a fraction of the largest finite end.
    """
    if not (len(labels) == len(intervals) == len(colours)):
        raise ValueError("labels: labels, intervals and colours must have the same length")
    if annotations is not None and len(annotations) != len(labels):
        raise ValueError("annotations: need one annotation per label")
    if any(i.low < 0 for i in intervals):
        raise ValueError("intervals: bars need non-negative intervals")
    finite = [i.high if not math.isinf(i.high) else i.low for i in intervals]
    scale = max(finite) if finite and max(finite) > 0 else 1.0
    arrow = arrow_fraction * scale
    ys = list(range(len(labels)))
    ends = []
    for y, interval, colour in zip(ys, intervals, colours, strict=True):
        ax.barh(y, interval.low, color=colour, height=0.6, alpha=CERTAIN_COLOUR_ALPHA)
        if math.isinf(interval.high):
            ax.annotate("", xy=(interval.low + arrow, y), xytext=(interval.low, y),
                        arrowprops={"arrowstyle": "-|>", "color": colour, "linewidth": 2.0,
                                    "mutation_scale": 16})
            ends.append(interval.low + arrow)
        elif interval.high > interval.low:
            ax.barh(y, interval.high - interval.low, left=interval.low, color="white", height=0.6,
                    edgecolor=colour, hatch=RANGE_HATCH, linewidth=1.0)
            ax.errorbar([(interval.low + interval.high) / 2], [y],
                        xerr=[[(interval.high - interval.low) / 2], [(interval.high - interval.low) / 2]],
                        fmt="none", ecolor="#333333", capsize=5, linewidth=1.0)
            ends.append(interval.high)
        else:
            ends.append(interval.low)
    texts = annotations if annotations is not None else [i.notation() for i in intervals]
    for y, end, text in zip(ys, ends, texts, strict=True):
        ax.text(end + 0.015 * scale, y, text, va="center", fontsize=8.5)
    ax.set_yticks(ys, labels)
    ax.invert_yaxis()
    ax.set_axisbelow(True)
    ax.set_xlim(0, max(ends) * 1.55 if max(ends) > 0 else 1.0)
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", visible=True)


def range_legend(fig, lang: str, colour: str = "#6b6b6b", ranged: bool = True, open_ended: bool = False) -> None:
    """A legend under the first axes' title (never above it) explaining the parts of :func:`interval_barh` bars.

    Parameters
    ----------
    fig : matplotlib Figure
    lang : {'zh', 'en'}
    colour : str
        Colour of the legend keys.
    ranged, open_ended : bool
        Whether the figure has hatched ranges (多/余) and open-ended arrows (超).
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    from .style import legend_below_title

    handles = [Patch(facecolor=colour, label=tr("印刷数字保证的部分", "guaranteed by the printed figure", lang))]
    if ranged:
        handles.append(Patch(facecolor="white", edgecolor=colour, hatch=RANGE_HATCH,
                             label=tr("多/余 允许的区间", "range allowed by 'X-odd'", lang)))
    if open_ended:
        handles.append(Line2D([], [], color=colour, marker=">", linewidth=2.0,
                              label=tr("超：上限未印", "more than: no upper bound printed", lang)))
    legend_below_title(fig.axes[0], handles)


# ---------------------------------------------------------------------------
# incubators and maker spaces
# ---------------------------------------------------------------------------

def incubator_frame(indicators: pd.DataFrame | None = None) -> pd.DataFrame:
    """Incubator and maker-space counts, one row per kind and level.

    Returns
    -------
    DataFrame
        Columns ``id``, ``kind`` ('incubator', 'maker_space'), ``level``
        ('national', 'provincial') and ``count`` (int).

    Examples
    --------
    >>> int(incubator_frame().set_index("id").loc["incubators_national_current", "count"])
    3
    """
    ind = load_indicators() if indicators is None else indicators
    records = [{"id": rid, "kind": kind, "level": level, "count": int(count_interval(reported(rid, ind)).low)}
               for rid, kind, level in INCUBATOR_ROWS]
    return pd.DataFrame.from_records(records).astype({"count": "int64"})


@exhibit("fig-incubators", kind="figure", notebook=NOTEBOOK,
         caption_zh="孵化器与众创空间：国家级与省级",
         caption_en="Incubators and maker spaces: national and provincial level",
         indicators=[r[0] for r in INCUBATOR_ROWS])
def incubators_figure(lang: str = "zh"):
    """Grouped bars: incubators and maker spaces, national against provincial."""
    from .style import PALETTE, new_figure

    check_lang(lang)
    frame = incubator_frame()
    fig, ax = new_figure((7.0, 4.2))
    ax.set_axisbelow(True)
    kinds = list(KIND_LABELS)
    width = 0.36
    for offset, (level, colour) in zip((-width / 2, width / 2), zip(LEVEL_LABELS, PALETTE, strict=False),
                                       strict=True):
        sub = frame[frame["level"] == level].set_index("kind").reindex(kinds)
        xs = [k + offset for k in range(len(kinds))]
        ax.bar(xs, sub["count"], width=width, color=colour, label=pick(LEVEL_LABELS, level, lang))
        for x, n in zip(xs, sub["count"], strict=True):
            ax.text(x, n + 0.05, str(int(n)), ha="center", va="bottom", fontsize=9)
    ax.set_xticks(range(len(kinds)), [pick(KIND_LABELS, k, lang) for k in kinds])
    ax.set_ylabel(tr("个数（个）", "Number", lang))
    ax.set_ylim(0, frame["count"].max() + 1)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_title(tr("益阳高新区的孵化载体：国家级与省级", "Incubation facilities in the Yiyang High-tech Zone, by level", lang))
    ax.legend(loc="upper right")
    return fig


# ---------------------------------------------------------------------------
# incubation capacity: lower bounds
# ---------------------------------------------------------------------------

def incubation_capacity_table(lang: str = "zh", indicators: pd.DataFrame | None = None) -> pd.DataFrame:
    """Incubation floor area and firms, printed with 超: lower bounds, no upper bound.

    Returns
    -------
    DataFrame
        Columns ``id``, ``item``, ``printed``, ``bound``, ``low``, ``high`` (``inf``
        when no upper bound is printed), ``unit``, ``interval`` and ``note`` (from
        the data row); Chinese column names when ``lang='zh'``, without ``note``
        (the data rows' notes are English only).

    Examples
    --------
    >>> t = incubation_capacity_table("en").set_index("id")
    >>> row = t.loc["incubated_firms_current"]
    >>> float(row["low"]), float(row["high"]), row["interval"]
    (200.0, inf, '(200, ∞)')
    """
    check_lang(lang)
    ind = load_indicators() if indicators is None else indicators
    rows = ind.set_index("id")
    records = []
    for rid in INCUBATION_CAPACITY_ROWS:
        fig = reported(rid, ind)
        records.append({
            "id": rid, "item": pick(SHORT_LABELS, rid, lang), "printed": printed_label(fig, "zh", rows.loc[rid, "excerpt"]),
            "bound": pick(QUALIFIER_WORDS, fig.qualifier, lang),
            "low": float(fig.low), "high": float(fig.high), "unit": fig.unit,
            "interval": fig.interval.notation(), "note": rows.loc[rid, tr("note_zh", "note", lang)],
        })
    table = pd.DataFrame.from_records(records)
    if lang == "zh":
        table = table.rename(columns={
            "id": "数据行", "item": "指标", "printed": "原文数值", "bound": "界限", "low": "下限", "high": "上限",
            "unit": "单位", "interval": "区间", "note": "说明"})
    return table


@exhibit("tab-incubation-capacity", kind="table", notebook=NOTEBOOK,
         caption_zh="孵化载体面积与在孵和毕业企业：只有下限（超）",
         caption_en="Incubation floor area and incubated firms: lower bounds only (more than)",
         indicators=INCUBATION_CAPACITY_ROWS)
def incubation_capacity(lang: str = "zh") -> pd.DataFrame:
    """The registered table of :func:`incubation_capacity_table`."""
    return incubation_capacity_table(lang)


@exhibit("fig-incubation-bounds", kind="figure", notebook=NOTEBOOK,
         caption_zh="孵化载体面积与在孵和毕业企业：下限，上限未印",
         caption_en="Incubation floor area and incubated firms: lower bounds, no upper bound printed",
         indicators=INCUBATION_CAPACITY_ROWS)
def incubation_bounds_figure(lang: str = "zh"):
    """Two panels, each a bar to the printed lower bound followed by an arrow."""
    from .style import PALETTE, new_figure

    check_lang(lang)
    ind = load_indicators()
    fig, axes = new_figure((8.0, 3.4), nrows=2, ncols=1)
    for ax, rid, colour in zip(axes, INCUBATION_CAPACITY_ROWS, PALETTE[1:], strict=False):
        figure = reported(rid, ind)
        interval_barh(ax, [pick(SHORT_LABELS, rid, lang)], [figure.interval], [colour],
                      [f"{printed_label(figure, lang)}\n→ {interval_label(figure.interval, lang)}"])
        ax.set_xlabel(tr(f"单位：{figure.unit}", f"Unit: {UNIT_EN[figure.unit]}", lang))
    axes[0].set_title(tr("孵化能力：原文只给出下限（超）", "Incubation capacity: the article prints lower bounds only", lang))
    range_legend(fig, lang, PALETTE[5], ranged=False, open_ended=True)
    return fig


# ---------------------------------------------------------------------------
# R&D platforms
# ---------------------------------------------------------------------------

def rd_platform_table(lang: str = "zh", indicators: pd.DataFrame | None = None) -> pd.DataFrame:
    """National and provincial R&D platforms, one row per kind, with the rows' notes.

    The counts are not added up: the article does not say whether the 125
    provincial platforms include the key laboratories and workstations.

    Examples
    --------
    >>> t = rd_platform_table("en")
    >>> t.loc[t["level"] == "National", "count"].tolist()
    [4, 3]
    """
    check_lang(lang)
    ind = load_indicators() if indicators is None else indicators
    rows = ind.set_index("id")
    records = [{"id": rid, "level": pick(LEVEL_LABELS, level, lang), "platform": pick(SHORT_LABELS, rid, lang),
                "count": int(count_interval(reported(rid, ind)).low),
                "note": rows.loc[rid, tr("note_zh", "note", lang)]}
               for rid, level in RD_PLATFORM_ROWS]
    table = pd.DataFrame.from_records(records).astype({"count": "int64"})
    if lang == "zh":
        table = table.rename(columns={"id": "数据行", "level": "级别", "platform": "平台", "count": "个数",
                                      "note": "说明"})
    return table


@exhibit("tab-rd-platforms", kind="table", notebook=NOTEBOOK,
         caption_zh="国家级与省级研发创新平台（各类不相加：可能重叠）",
         caption_en="National and provincial R&D platforms (not added up: the kinds may overlap)",
         indicators=[r[0] for r in RD_PLATFORM_ROWS])
def rd_platforms(lang: str = "zh") -> pd.DataFrame:
    """The registered table of :func:`rd_platform_table`."""
    return rd_platform_table(lang)


@exhibit("fig-rd-platforms", kind="figure", notebook=NOTEBOOK,
         caption_zh="国家级与省级研发创新平台",
         caption_en="National and provincial R&D platforms",
         indicators=[r[0] for r in RD_PLATFORM_ROWS])
def rd_platforms_figure(lang: str = "zh"):
    """Horizontal bars by kind, coloured by level; provincial kinds may overlap."""
    from matplotlib.patches import Patch

    from .style import PALETTE, new_figure

    check_lang(lang)
    table = rd_platform_table("en")
    fig, ax = new_figure((8.0, 4.0))
    ax.set_axisbelow(True)
    colours = {"National": PALETTE[0], "Provincial": PALETTE[2]}
    labels = [pick(SHORT_LABELS, rid, lang) for rid in table["id"]]
    ys = range(len(table))
    ax.barh(list(ys), table["count"], color=[colours[lv] for lv in table["level"]], height=0.6)
    for y, n in zip(ys, table["count"], strict=True):
        ax.text(n + 1, y, str(int(n)), va="center", fontsize=9)
    ax.set_yticks(list(ys), labels)
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", visible=True)
    ax.set_xlim(0, table["count"].max() * 1.15)
    ax.set_xlabel(tr("个数（个）", "Number", lang))
    ax.set_title(tr("研发创新平台：省级平台与实验室、工作站可能重叠，不相加", "R&D platforms (provincial kinds may overlap, so they are not added up)", lang))
    ax.legend(handles=[Patch(color=colours["National"], label=pick(LEVEL_LABELS, "national", lang)),
                       Patch(color=colours["Provincial"], label=pick(LEVEL_LABELS, "provincial", lang))],
              loc="lower right")
    return fig


# ---------------------------------------------------------------------------
# patents, 2024
# ---------------------------------------------------------------------------

PATENT_NOTES = {
    "per_10k": ("人口基数未给出；2024年管理体制改革后园区范围变化，不宜与往年或其他园区直接比较",
                "The population behind the ratio is not given; the zone's scope changed with the 2024 "
                "reform, so it is not comparable with earlier years or other zones"),
    "share": ("推算：发明专利 ÷ 新增专利授权", "Derived: invention patents ÷ patents granted"),
    "other": ("推算：新增专利授权 − 发明专利", "Derived: patents granted − invention patents"),
}


def patent_table(lang: str = "zh", indicators: pd.DataFrame | None = None, share_digits: int = 2) -> pd.DataFrame:
    """The 2024 patent figures with the invention share and the per-10,000 caveat.

    Rows: patents granted, invention patents, other patents (derived), the
    invention share of grants in percent (derived, :func:`~ygx_analysis.arithmetic.composition.share_interval`),
    the valid patent stock, and valid invention patents per 10,000 people.

    Returns
    -------
    DataFrame
        Columns ``id`` (the row id, or ``derived``), ``item``, ``value``, ``unit``,
        ``interval`` and ``note`` (the data rows' notes in English only; Chinese
        column names and ``推算`` for derived rows when ``lang='zh'``).

    Examples
    --------
    >>> t = patent_table("en").set_index("item")
    >>> t.loc["Invention share of patents granted", "value"]
    26.35
    """
    check_lang(lang)
    if share_digits < 0:
        raise ValueError("share_digits: must be zero or positive")
    ind = load_indicators() if indicators is None else indicators
    rows = ind.set_index("id")
    figs = {role: reported(rid, ind) for role, rid in PATENT_ROWS.items()}
    other = count_interval(figs["granted"]) - count_interval(figs["invention"])
    share = share_interval(figs["invention"], figs["granted"])
    if other.low != other.high or share.low != share.high:
        raise ValueError("indicators: patent counts must be exact to derive the other patents and the share")

    def label(role: str) -> str:
        rid = PATENT_ROWS[role]
        return rows.loc[rid, "label_zh" if lang == "zh" else "label_en"]

    def printed(role: str) -> dict[str, object]:
        f = figs[role]
        return {"id": PATENT_ROWS[role], "item": label(role), "value": display_number(f), "unit": f.unit,
                "interval": f.interval.notation()}

    def row_note(role: str) -> str:
        return rows.loc[PATENT_ROWS[role], tr("note_zh", "note", lang)]

    records = [
        {**printed("granted"), "note": row_note("granted")},
        {**printed("invention"), "note": row_note("invention")},
        {"id": tr("推算", "derived", lang), "item": tr("其他专利（实用新型、外观设计）", "Other patents (utility model, design)", lang),
         "value": int(other.low), "unit": figs["granted"].unit, "interval": other.notation(),
         "note": pick(PATENT_NOTES, "other", lang)},
        {"id": tr("推算", "derived", lang), "item": tr("发明专利占新增授权比重", "Invention share of patents granted", lang),
         "value": round(share.low, share_digits), "unit": "%",
         "interval": Interval(round(share.low, share_digits), round(share.high, share_digits)).notation(),
         "note": pick(PATENT_NOTES, "share", lang)},
        {**printed("valid"), "note": row_note("valid")},
        {**printed("per_10k"), "note": pick(PATENT_NOTES, "per_10k", lang)},
    ]
    table = pd.DataFrame.from_records(records)
    table["value"] = pd.Series([r["value"] for r in records], dtype="object")
    if lang == "zh":
        table = table.rename(columns={"id": "数据行", "item": "指标", "value": "数值", "unit": "单位",
                                      "interval": "区间", "note": "说明"})
    return table


@exhibit("tab-patents-2024", kind="table", notebook=NOTEBOOK,
         caption_zh="2024年专利：授权、发明专利占比、有效专利与万人有效发明专利",
         caption_en="Patents in 2024: grants, invention share, valid stock and invention patents per 10,000 people",
         indicators=tuple(PATENT_ROWS.values()))
def patents_2024(lang: str = "zh") -> pd.DataFrame:
    """The registered table of :func:`patent_table`."""
    return patent_table(lang)


@exhibit("fig-patents-2024", kind="figure", notebook=NOTEBOOK,
         caption_zh="2024年专利授权（其中发明专利）与有效专利存量；万人指标的口径说明",
         caption_en="Patents granted in 2024 (of which inventions) and the valid stock; the per-10,000 caveat",
         indicators=tuple(PATENT_ROWS.values()))
def patents_figure(lang: str = "zh"):
    """Bars: 2024 grants split into invention and other patents, and the valid stock.

    A side panel gives the per-10,000 figure with its caveats instead of drawing it
    on the same axis: its population base is not given.
    """
    import textwrap

    from .style import PALETTE, new_figure

    check_lang(lang)
    ind = load_indicators()
    figs = {role: reported(rid, ind) for role, rid in PATENT_ROWS.items()}
    granted, invention, valid = (figs[k].value for k in ("granted", "invention", "valid"))
    share = share_interval(figs["invention"], figs["granted"])
    fig, (ax, note_ax) = new_figure((9.0, 4.6), nrows=1, ncols=2)
    ax.get_gridspec().set_width_ratios([1.6, 1.0])
    ax.set_axisbelow(True)
    xs = [0, 1]
    ax.bar(xs[0], invention, color=PALETTE[0], width=0.55, label=tr("发明专利", "Invention patents", lang))
    ax.bar(xs[0], granted - invention, bottom=invention, color=PALETTE[0], alpha=0.45, width=0.55,
           label=tr("其他专利", "Other patents", lang))
    ax.bar(xs[1], valid, color=PALETTE[2], width=0.55, label=tr("有效专利（存量）", "Valid patents (stock)", lang))
    ax.annotate(f"{figs['granted'].text}", (xs[0], granted), xytext=(0, 3), textcoords="offset points",
                ha="center", va="bottom", fontsize=9)
    # the invention part is too thin to hold its label: write it in the gap between the bars,
    # clear of the axis, with an arrow to the part
    ax.annotate(tr(f"其中发明\n{figs['invention'].text}（{share.low:.1f}%）",
                   f"of which inventions\n{figs['invention'].text} ({share.low:.1f}%)", lang),
                xy=(xs[0] + 0.55 / 2, invention / 2), xytext=(xs[0] + 0.55 / 2 + 0.06, granted * 0.9),
                ha="left", va="center", fontsize=8.5, color=PALETTE[0],
                arrowprops={"arrowstyle": "->", "color": PALETTE[0], "linewidth": 0.8})
    ax.annotate(f"{figs['valid'].text}", (xs[1], valid), xytext=(0, 3), textcoords="offset points",
                ha="center", va="bottom", fontsize=9)
    ax.set_xticks(xs, [tr("2024年新增授权", "Granted in 2024", lang), tr("有效专利", "Valid patents", lang)])
    ax.set_ylabel(tr("件", "Patents", lang))
    ax.set_ylim(0, valid * 1.18)
    ax.legend(loc="upper left")
    ax.set_title(tr("专利：2024年授权与有效存量", "Patents: 2024 grants and valid stock", lang))
    note_ax.axis("off")
    per_10k = figs["per_10k"]
    head = tr(f"万人有效发明专利：{per_10k.text}件/万人", f"Valid invention patents per 10,000 people: {per_10k.text}", lang)
    caveat = pick(PATENT_NOTES, "per_10k", lang)
    wrapped = "\n".join(textwrap.wrap(caveat, 16 if lang == "zh" else 34))
    note_ax.text(0.0, 0.95, "\n".join(textwrap.wrap(head, 16 if lang == "zh" else 34)), va="top", ha="left",
                 fontsize=10.5, transform=note_ax.transAxes)
    note_ax.text(0.0, 0.65, wrapped, va="top", ha="left", fontsize=9, color="#b0413e",
                 transform=note_ax.transAxes)
    return fig
