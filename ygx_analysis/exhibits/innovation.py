"""Exhibits of notebook 03: incubators, R&D platforms and patents.

Every number comes from ``data/indicators.csv`` by row id, or from a named formula in
:mod:`ygx_analysis.arithmetic.composition` applied to those rows. Figures printed with 超 are lower
bounds, drawn as bars that end in an arrow (no upper end printed); figures printed with 多/余 are drawn
as a solid part up to the lower bound and a hatched part across the range the printing allows. Every
word shown lives in ``meta/innovation.yml``. :func:`interval_barh`, :func:`printed_label` and
:func:`column_names` are shared helpers; the industry exhibits use them too.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import partial

import pandas as pd

from ..arithmetic.composition import count_interval, share_interval
from ..arithmetic.reported import Interval, Reported
from ..data.tables import load_indicators, reported
from . import check_lang, exhibit, words

__all__ = ["INCUBATION_CAPACITY_ROWS", "INCUBATOR_ROWS", "NOTEBOOK", "PATENT_ROWS", "RANGE_HATCH", "RD_PLATFORM_ROWS",
           "UNIT_EN", "UNSAID_IN_ENGLISH", "bar_labels", "bar_note", "column_names", "figure_record", "figure_table",
           "incubation_bounds_figure", "incubation_capacity_table", "incubator_frame", "incubators_figure",
           "interval_barh", "patent_table", "patents_figure", "printed_label", "range_legend", "rd_platform_table",
           "rd_platforms_figure", "row_note", "unit_words"]

NOTEBOOK = "03_innovation.ipynb"
_say = partial(words.fill, "innovation")  # _say(key, lang, **values): a label or filled template of this theme

INCUBATOR_ROWS = (("incubators_national_current", "incubator", "national"),
                  ("incubators_provincial_current", "incubator", "provincial"),
                  ("maker_spaces_national_current", "maker_space", "national"),
                  ("maker_spaces_provincial_current", "maker_space", "provincial"))
"""(row id, kind, level) of the incubator and maker-space counts."""

INCUBATION_CAPACITY_ROWS = ("incubation_floor_area_current", "incubated_firms_current")
"""Row ids of the incubation floor area and the incubated and graduated firms (both 超)."""

RD_PLATFORM_ROWS = (("tech_centres_national_current", "national"), ("postdoc_stations_national_current", "national"),
                    ("rd_platforms_provincial_current", "provincial"), ("key_labs_provincial_current", "provincial"),
                    ("academician_workstations_provincial_current", "provincial"))
"""(row id, level) of the R&D platform counts."""

PATENT_ROWS = {"granted": "patents_granted_2024", "invention": "invention_patents_granted_2024",
               "valid": "valid_patents_2024", "per_10k": "invention_patents_per_10k_2024"}
"""Role → row id of the 2024 patent figures."""

RANGE_HATCH = "///"
"""Hatch of the part of a bar that a 多/余 range allows."""


UNSAID_IN_ENGLISH = ("个", "位")
"""Counted units that English leaves unsaid: ``48`` rather than ``48 个``."""


def unit_words(lang: str) -> dict[str, str]:
    """Printed unit → the unit in words for chart labels (``units`` of ``meta/innovation.yml``).

    Examples
    --------
    >>> unit_words("en")["万平方米"], unit_words("zh")["万平方米"], unit_words("en")["个"]
    ('x 10,000 m²', '万平方米', '')
    """
    units = words.group("innovation", "units", lang)
    return units if lang == "zh" else {**units, **dict.fromkeys(UNSAID_IN_ENGLISH, "")}


UNIT_EN = unit_words("en")
"""Printed unit → English unit words for chart labels."""


def column_names(lang: str, *groups: tuple[str, str], **values: object) -> dict[str, str]:
    """Column name → header in ``lang``: innovation's ``columns``, then each ``(theme, key)`` group over it.

    A header with placeholders (such as the printed total in a share's header) is
    filled from ``values``. English headers are the column names themselves.

    Examples
    --------
    >>> column_names("zh")["interval"], column_names("en")["interval"]
    ('区间', 'interval')
    >>> column_names("zh", ("industry", "exhibits.tab-above-scale-clusters.columns"), total="487")["share_low_pct"]
    '占487家比重下限(%)'
    """
    names: dict[str, str] = {}
    for theme, key in (("innovation", "columns"), *groups):
        for name, header in words.group(theme, key, lang).items():
            wanted = words.placeholders(header)
            names[name] = words.fill(theme, f"{key}.{name}", lang, **{k: values[k] for k in wanted if k in values})
    return names


def row_note(rows: pd.DataFrame, row_id: str, lang: str) -> str:
    """The note of a data row in ``lang`` (``note_zh`` or ``note``), ``rows`` indexed by id."""
    return rows.loc[row_id, "note_zh" if lang == "zh" else "note"]


def figure_table(records: list[dict[str, object]], lang: str) -> pd.DataFrame:
    """A table of printed figures, one record each: ``value`` as printed (int or float), headers in ``lang``."""
    table = pd.DataFrame.from_records(records)
    table["value"] = pd.Series([r["value"] for r in records], dtype="object")
    return table.rename(columns=column_names(lang))


def figure_record(row_id: str, figure: Reported, item: str, rows: pd.DataFrame, lang: str) -> dict[str, object]:
    """The record of a printed figure for :func:`figure_table`, with the data row's note.

    ``value`` is the printed number: an ``int`` when printed without decimals, else a ``float``.

    Examples
    --------
    >>> rows = pd.DataFrame({"note": ["n"], "note_zh": ["z"]}, index=["r"])
    >>> [figure_record("r", Reported(p, unit="亿元"), "x", rows, "en")["value"] for p in ("48", "62.08")]
    [48, 62.08]
    """
    value = int(figure.text) if figure.decimals == 0 else figure.value
    return {"id": row_id, "item": item, "value": value, "unit": figure.unit,
            "interval": figure.interval.notation(), "note": row_note(rows, row_id, lang)}


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
    >>> printed_label(Reported("1.3", "at_least", "亿元"), "zh")
    '1.3亿元以上'
    """
    key = figure.qualifier
    if key == "approx_more" and f"{figure.text}余" in excerpt.replace(" ", ""):
        key = "approx_more_yu"
    unit = unit_words(lang).get(figure.unit, figure.unit)
    return _say(f"printed.{key}", lang, number=figure.text, unit=unit).strip()


def bar_note(figure: Reported, lang: str, excerpt: str = "") -> str:
    """The label of an interval bar: the printed figure, then its interval, with words for a missing upper end.

    Examples
    --------
    >>> print(bar_note(Reported("20", "more_than", "万平方米"), "en"))
    more than 20 x 10,000 m²
    → (20, ∞): no upper bound printed
    >>> print(bar_note(Reported("200", "approx_more", "万平方米"), "zh", excerpt="厂房200余万平方米"))
    200余万平方米
    → (200, 300)
    """
    interval = figure.interval.notation()
    if math.isinf(figure.interval.high):
        interval = _say("no_upper_bound", lang, interval=interval)
    return _say("printed_to_interval", lang, printed=printed_label(figure, lang, excerpt), interval=interval)


def interval_barh(ax, labels: Sequence[str], intervals: Sequence[Interval], colours: Sequence[str],
                  annotations: Sequence[str] | None = None, arrow_fraction: float = 0.18) -> None:
    """Horizontal bars, labelled top to bottom, that show non-negative intervals as intervals.

    A bar is solid from 0 to the interval's lower end (the part the printing guarantees). A bounded
    interval continues as a hatched bar up to its upper end, with caps at both ends; an interval open
    above continues as an arrow (``arrow_fraction`` of the largest finite end long). Each bar is
    annotated on its right with ``annotations`` (default: the interval notation); the axis is widened until
    every annotation fits.
    """
    from .layout import widen_for_labels

    if any(i.low < 0 for i in intervals):
        raise ValueError("intervals: bars need non-negative intervals")
    finite = [i.high if not math.isinf(i.high) else i.low for i in intervals]
    scale = max(finite) if finite and max(finite) > 0 else 1.0
    arrow = arrow_fraction * scale
    ys = list(range(len(labels)))
    ends = []
    for y, interval, colour in zip(ys, intervals, colours, strict=True):
        ax.barh(y, interval.low, color=colour, height=0.6)
        if math.isinf(interval.high):
            ax.annotate("", xy=(interval.low + arrow, y), xytext=(interval.low, y),
                        arrowprops={"arrowstyle": "-|>", "color": colour, "linewidth": 2.0, "mutation_scale": 16})
            ends.append(interval.low + arrow)
        elif interval.high > interval.low:
            half = (interval.high - interval.low) / 2
            ax.barh(y, 2 * half, left=interval.low, color="white", height=0.6, edgecolor=colour,
                    hatch=RANGE_HATCH, linewidth=1.0)
            ax.errorbar([interval.low + half], [y], xerr=[[half], [half]], fmt="none", ecolor="#333333",
                        capsize=5, linewidth=1.0)
            ends.append(interval.high)
        else:
            ends.append(interval.low)
    texts = annotations if annotations is not None else [i.notation() for i in intervals]
    notes = [ax.text(end + 0.015 * scale, y, text, va="center", fontsize=8.5)
             for y, end, text in zip(ys, ends, texts, strict=True)]
    bar_labels(ax, labels)
    ax.set_xlim(0, max(ends) * 1.55 if max(ends) > 0 else 1.0)
    widen_for_labels(ax, notes)


def bar_labels(ax, labels: Sequence[str]) -> None:
    """Label horizontal bars 0, 1, … top to bottom, with grid lines across the bars only."""
    ax.set_yticks(range(len(labels)), labels)
    ax.invert_yaxis()
    ax.set_axisbelow(True)
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", visible=True)


def range_legend(fig, lang: str, colour: str = "#6b6b6b", ranged: bool = True, open_ended: bool = False) -> None:
    """A legend under the first axes' title explaining the parts of :func:`interval_barh` bars.

    ``ranged`` and ``open_ended`` say whether the figure has hatched ranges (多/余) and arrows (超).
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    from .style import legend_below_title

    handles = [Patch(facecolor=colour, label=_say("legend.guaranteed", lang))]
    if ranged:
        handles.append(Patch(facecolor="white", edgecolor=colour, hatch=RANGE_HATCH, label=_say("legend.ranged", lang)))
    if open_ended:
        handles.append(Line2D([], [], color=colour, marker=">", linewidth=2.0, label=_say("legend.open_ended", lang)))
    legend_below_title(fig.axes[0], handles)


def _count(row_id: str, ind: pd.DataFrame) -> int:
    return int(count_interval(reported(row_id, ind)).low)


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
    records = [{"id": rid, "kind": kind, "level": level, "count": _count(rid, ind)}
               for rid, kind, level in INCUBATOR_ROWS]
    return pd.DataFrame.from_records(records).astype({"count": "int64"})


@exhibit("fig-incubators", kind="figure", notebook=NOTEBOOK, indicators=[r[0] for r in INCUBATOR_ROWS])
def incubators_figure(lang: str = "zh"):
    """Grouped bars: incubators and maker spaces, national against provincial."""
    from .style import PAGE_WIDTH_IN, PALETTE, new_figure

    frame = incubator_frame()
    kinds, levels = words.group("innovation", "kinds", lang), words.group("innovation", "levels", lang)
    fig, ax = new_figure((PAGE_WIDTH_IN, 3.8))
    ax.set_axisbelow(True)
    width = 0.36
    for offset, level, colour in zip((-width / 2, width / 2), levels, PALETTE, strict=False):
        sub = frame[frame["level"] == level].set_index("kind").reindex(list(kinds))
        xs = [k + offset for k in range(len(kinds))]
        ax.bar(xs, sub["count"], width=width, color=colour, label=levels[level])
        for x, n in zip(xs, sub["count"], strict=True):
            ax.text(x, n + 0.05, str(int(n)), ha="center", va="bottom", fontsize=9)
    ax.set_xticks(range(len(kinds)), list(kinds.values()))
    ax.set_ylabel(_say("number_axis", lang))
    ax.set_ylim(0, frame["count"].max() + 1)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_title(_say("exhibits.fig-incubators.title", lang))
    ax.legend(loc="upper right")
    return fig


@exhibit("tab-incubation-capacity", kind="table", notebook=NOTEBOOK, indicators=INCUBATION_CAPACITY_ROWS)
def incubation_capacity_table(lang: str = "zh", indicators: pd.DataFrame | None = None) -> pd.DataFrame:
    """Incubation floor area and firms, printed with 超: lower bounds, no upper bound.

    Returns
    -------
    DataFrame
        Columns ``id``, ``item``, ``printed`` (as printed, in Chinese), ``bound``,
        ``low``, ``high`` (``inf`` when no upper bound is printed), ``unit``,
        ``interval`` and ``note`` (from the data row); Chinese column names when
        ``lang='zh'``.

    Examples
    --------
    >>> t = incubation_capacity_table("en").set_index("id")
    >>> row = t.loc["incubated_firms_current"]
    >>> float(row["low"]), float(row["high"]), row["interval"]
    (200.0, inf, '(200, ∞)')
    """
    ind = load_indicators() if indicators is None else indicators
    rows = ind.set_index("id")
    records = [{"id": rid, "item": _say(f"rows.{rid}", lang), "printed": printed_label(f, "zh", rows.excerpt[rid]),
                "bound": _say(f"bounds.{f.qualifier}", lang), "low": float(f.low), "high": float(f.high),
                "unit": f.unit, "interval": f.interval.notation(), "note": row_note(rows, rid, lang)}
               for rid, f in ((rid, reported(rid, ind)) for rid in INCUBATION_CAPACITY_ROWS)]
    return pd.DataFrame.from_records(records).rename(columns=column_names(lang))


@exhibit("fig-incubation-bounds", kind="figure", notebook=NOTEBOOK, indicators=INCUBATION_CAPACITY_ROWS)
def incubation_bounds_figure(lang: str = "zh"):
    """Two panels, each a bar to the printed lower bound followed by an arrow."""
    from .layout import widen_for_labels
    from .style import PAGE_WIDTH_IN, PALETTE, new_figure

    ind = load_indicators()
    fig, axes = new_figure((PAGE_WIDTH_IN, 3.2), nrows=2, ncols=1)
    for ax, rid, colour in zip(axes, INCUBATION_CAPACITY_ROWS, PALETTE[1:], strict=False):
        figure = reported(rid, ind)
        interval_barh(ax, [_say(f"rows.{rid}", lang)], [figure.interval], [colour], [bar_note(figure, lang)])
        ax.set_xlabel(_say("unit_axis", lang, unit=unit_words(lang)[figure.unit]))
    axes[0].set_title(_say("exhibits.fig-incubation-bounds.title", lang))
    range_legend(fig, lang, PALETTE[5], ranged=False, open_ended=True)
    for ax in axes:  # both panels as laid out together
        widen_for_labels(ax, ax.texts)
    return fig


@exhibit("tab-rd-platforms", kind="table", notebook=NOTEBOOK, indicators=[r[0] for r in RD_PLATFORM_ROWS])
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
    ind = load_indicators() if indicators is None else indicators
    rows = ind.set_index("id")
    records = [{"id": rid, "level": _say(f"levels.{level}", lang), "platform": _say(f"rows.{rid}", lang),
                "count": _count(rid, ind), "note": row_note(rows, rid, lang)}
               for rid, level in RD_PLATFORM_ROWS]
    return pd.DataFrame.from_records(records).astype({"count": "int64"}).rename(columns=column_names(lang))


@exhibit("fig-rd-platforms", kind="figure", notebook=NOTEBOOK, indicators=[r[0] for r in RD_PLATFORM_ROWS])
def rd_platforms_figure(lang: str = "zh"):
    """Horizontal bars by kind, coloured by level; provincial kinds may overlap."""
    from matplotlib.patches import Patch

    from .style import PAGE_WIDTH_IN, PALETTE, new_figure

    ind = load_indicators()
    colours = {"national": PALETTE[0], "provincial": PALETTE[2]}
    counts = [_count(rid, ind) for rid, _ in RD_PLATFORM_ROWS]
    fig, ax = new_figure((PAGE_WIDTH_IN, 3.6))
    ys = list(range(len(counts)))
    ax.barh(ys, counts, color=[colours[level] for _, level in RD_PLATFORM_ROWS], height=0.6)
    for y, n in zip(ys, counts, strict=True):
        ax.text(n + 1, y, str(n), va="center", fontsize=9)
    bar_labels(ax, [_say(f"rows.{rid}", lang) for rid, _ in RD_PLATFORM_ROWS])
    ax.set_xlim(0, max(counts) * 1.15)
    ax.set_xlabel(_say("number_axis", lang))
    ax.set_title(_say("exhibits.fig-rd-platforms.title", lang))
    ax.legend(handles=[Patch(color=c, label=_say(f"levels.{level}", lang)) for level, c in colours.items()],
              loc="lower right")
    return fig


@exhibit("tab-patents-2024", kind="table", notebook=NOTEBOOK, indicators=tuple(PATENT_ROWS.values()))
def patent_table(lang: str = "zh", indicators: pd.DataFrame | None = None, share_digits: int = 2) -> pd.DataFrame:
    """The 2024 patent figures with the invention share and the per-10,000 caveat.

    Rows: patents granted, invention patents, other patents (derived), the
    invention share of grants in percent (derived, :func:`~ygx_analysis.arithmetic.composition.share_interval`),
    the valid patent stock, and valid invention patents per 10,000 people.

    Returns
    -------
    DataFrame
        Columns ``id`` (the row id, or ``derived``), ``item``, ``value``, ``unit``,
        ``interval`` and ``note``; Chinese column names and ``推算`` for derived
        rows when ``lang='zh'``.

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
    key = "exhibits.tab-patents-2024"

    def printed(role: str) -> dict[str, object]:
        rid = PATENT_ROWS[role]
        return figure_record(rid, figs[role], rows.loc[rid, f"label_{lang}"], rows, lang)

    def derived(role: str, value: object, unit: str, interval: Interval) -> dict[str, object]:
        return {"id": _say("derived", lang), "item": _say(f"{key}.{role}", lang), "value": value, "unit": unit,
                "interval": interval.notation(), "note": _say(f"{key}.notes.{role}", lang)}

    share_shown = Interval(round(share.low, share_digits), round(share.high, share_digits))
    records = [printed("granted"), printed("invention"),
               derived("other", int(other.low), figs["granted"].unit, other),
               derived("share", share_shown.low, "%", share_shown),
               printed("valid"), {**printed("per_10k"), "note": _say(f"{key}.notes.per_10k", lang)}]
    return figure_table(records, lang)


@exhibit("fig-patents-2024", kind="figure", notebook=NOTEBOOK, indicators=tuple(PATENT_ROWS.values()))
def patents_figure(lang: str = "zh"):
    """Bars: 2024 grants split into invention and other patents, and the valid stock.

    A side panel gives the per-10,000 figure with its caveats instead of drawing it
    on the same axis: its population base is not given.
    """
    from .layout import wrap_text
    from .style import PAGE_WIDTH_IN, PALETTE, new_figure

    ind = load_indicators()
    figs = {role: reported(rid, ind) for role, rid in PATENT_ROWS.items()}
    granted, invention, valid = (figs[k].value for k in ("granted", "invention", "valid"))
    share = share_interval(figs["invention"], figs["granted"])
    key = "exhibits.fig-patents-2024"
    fig, (ax, note_ax) = new_figure((PAGE_WIDTH_IN, 4.2), nrows=1, ncols=2)
    ax.get_gridspec().set_width_ratios([1.9, 1.0])
    ax.set_axisbelow(True)
    xs = [0, 1.35]  # room between the bars for the invention label
    ax.bar(xs[0], invention, color=PALETTE[0], width=0.55, label=_say(f"{key}.invention", lang))
    ax.bar(xs[0], granted - invention, bottom=invention, color=PALETTE[0], alpha=0.45, width=0.55,
           label=_say(f"{key}.other", lang))
    ax.bar(xs[1], valid, color=PALETTE[2], width=0.55, label=_say(f"{key}.valid", lang))
    for x, role in zip(xs, ("granted", "valid"), strict=True):
        ax.annotate(figs[role].text, (x, figs[role].value), xytext=(0, 3), textcoords="offset points",
                    ha="center", va="bottom", fontsize=9)
    # the invention part is too thin to hold its label: write it in the gap between the bars,
    # clear of the axis, with an arrow to the part
    ax.annotate(_say(f"{key}.of_which", lang, number=figs["invention"].text, share=share.low),
                xy=(xs[0] + 0.55 / 2, invention / 2), xytext=(xs[0] + 0.55 / 2 + 0.06, granted * 0.9),
                ha="left", va="center", fontsize=8, color=PALETTE[0],
                arrowprops={"arrowstyle": "->", "color": PALETTE[0], "linewidth": 0.8})
    ax.set_xticks(xs, [_say(f"{key}.granted_tick", lang), _say(f"{key}.valid_tick", lang)])
    ax.set_ylabel(_say(f"{key}.ylabel", lang))
    ax.set_ylim(0, valid * 1.18)
    ax.legend(loc="upper left")
    ax.set_title(_say(f"{key}.title", lang))
    note_ax.axis("off")
    width_in = 0.95 * note_ax.get_position().width * fig.get_figwidth()  # the side panel's lines
    head = _say(f"{key}.per_10k", lang, number=figs["per_10k"].text)
    caveat = _say("exhibits.tab-patents-2024.notes.per_10k", lang)
    for y, text, size, colour in ((0.95, head, 10, None), (0.7, caveat, 8.5, "#b0413e")):
        note_ax.text(0.0, y, wrap_text(fig, text, size, width_in), va="top", ha="left", fontsize=size, color=colour,
                     transform=note_ax.transAxes)
    return fig
