"""Exhibits of notebook 02: growth rates, the levels they imply, H1 2024 against H1 2025, benchmarks.

Every number comes from ``data/indicators.csv`` or ``data/context.csv`` by row id,
through the formulas of :mod:`ygx_analysis.arithmetic.growth`. Intervals follow the printed
rounding of every input (see :mod:`ygx_analysis.arithmetic.growth`).
"""

from __future__ import annotations

import math

import pandas as pd

from ..data.tables import context_reported, load_context, load_indicators, reported
from ..arithmetic.growth import implied_prior_level, pp_difference, share, yoy_pct
from ..arithmetic.reported import Interval
from . import check_lang, exhibit, words

__all__ = ["BENCHMARKS", "BENCHMARK_CONTEXT", "BENCHMARK_INDICATORS", "BENCHMARK_SOURCES", "GROWTH_BASIS", "GROWTH_ROWS",
           "H1_PAIRS",
           "NOTEBOOK", "PRIOR_PAIRS", "PRIOR_ROWS", "REGIONS", "benchmark_figure", "benchmark_frame", "benchmark_table",
           "growth_rates_figure", "growth_rates_table", "h1_comparison_figure", "h1_comparison_table",
           "implied_prior_figure", "implied_prior_frame", "implied_prior_table", "period_label", "prior_period"]

NOTEBOOK = "02_growth.ipynb"

GROWTH_ROWS = ("fiscal_revenue_total_yoy_2024", "general_budget_revenue_yoy_2024", "industrial_value_added_yoy_2024",
               "tech_upgrade_investment_yoy_2024", "gross_output_yoy_2025h1", "value_added_yoy_2025h1")
"""Every growth rate the article prints (a test checks this against ``measure == growth_yoy``)."""

GROWTH_BASIS = {"fiscal_revenue_total_yoy_2024": "nominal", "general_budget_revenue_yoy_2024": "nominal",
                "industrial_value_added_yoy_2024": "convention", "tech_upgrade_investment_yoy_2024": "nominal",
                "gross_output_yoy_2025h1": "unstated", "value_added_yoy_2025h1": "convention"}
"""The price basis of each printed growth rate (words in ``meta/growth_rates.yml``, ``basis``). The article
prints none: revenue and investment are amounts at current prices (nominal); value-added growth is at
comparable prices by statistical convention, not by the article's words (the audit's reading); output growth
has no conventional basis, so it stays unstated."""

PRIOR_PAIRS = (("fiscal_revenue_total_2024", "fiscal_revenue_total_yoy_2024"),
               ("general_budget_revenue_2024", "general_budget_revenue_yoy_2024"),
               ("gross_output_2025h1", "gross_output_yoy_2025h1"),
               ("value_added_2025h1", "value_added_yoy_2025h1"))
"""(level row, growth row): the printed levels that come with their growth rate."""

H1_PAIRS = PRIOR_PAIRS[2:]
"""The January–June 2025 pairs: gross output and value added of above-scale industry."""

BENCHMARKS = (
    # (comparison, region key, data file, row id, comparable with the zone's real growth)
    ("2024", "zone", "indicators", "industrial_value_added_yoy_2024", True),
    ("2024", "hunan", "context", "hn_iva_growth_2024", True),
    ("2024", "china", "context", "s_cn_iva_above_scale_growth_2024", True),
    ("2024", "national_htz", "context", "nhtz_iva_growth_2024", False),
    ("2025H1", "zone", "indicators", "value_added_yoy_2025h1", True),
    ("2025H1", "hunan", "context", "hn_iva_growth_2025h1", True),
    ("2025H1", "china", "context", "cn_iva_growth_2025h1", True),
    ("2025", "zone", "indicators", "value_added_yoy_2025h1", True),
    ("2025", "yiyang", "context", "yy_iva_growth_2025", True),
    ("2025", "yiyang_parks", "context", "yy_park_iva_growth_2025", True),
    ("2025", "hunan", "context", "hn_iva_growth_2025", True),
    ("2025", "hunan_parks", "context", "hn_park_iva_growth_2025", True),
    ("2025", "china", "context", "cn_iva_growth_2025", True),
)
"""Industrial value-added growth of the zone and its benchmarks, by comparison. The national high-tech
zones publish only nominal growth (the ``basis`` column of row ``nhtz_iva_growth_2024``), so they are
shown but never differenced with the zone. The 2025 comparison sets the zone's January–June beside the
full-year outturns of Yiyang, Hunan, their parks and China: each row keeps its own period, and rows of
different periods are never differenced."""

BENCHMARK_CONTEXT = tuple(row for _, _, kind, row, _ in BENCHMARKS if kind == "context")
BENCHMARK_INDICATORS = tuple(row for _, _, kind, row, _ in BENCHMARKS if kind == "indicators")
BENCHMARK_SOURCES = ("article", "zjjnews_hn_2025_plan", "people_en_cn_2025_01_17", "lygmedia_nhtz_2024",
                     "people_hn_2025h1", "reportify_cn_iva_2025h1", "yy_tjj_bulletin_2025", "hlunet_hn_gwr_2026",
                     "hn_tjj_bulletin_2025", "reportify_cn_iva_2025")
"""Sources of the benchmark rows (a test checks them against ``context.csv``)."""

REGIONS = ("zone", "yiyang", "yiyang_parks", "hunan", "hunan_parks", "china", "national_htz")
"""The regions of :data:`BENCHMARKS`, in the order of the figure (labels in ``meta/growth_rates.yml``)."""

UNDATED_PERIODS = ("current", "annual")
"""Period codes of figures without a year: a stock at the article's date, a recurring yearly amount."""

PRIOR_ROWS = tuple(i for pair in PRIOR_PAIRS for i in pair)


def _w(key: str, lang: str, **values: object) -> str:  # the theme's text at key, filled when values are given
    return words.fill("growth_rates", key, lang, **values) if values else words.text("growth_rates", key, lang)


def period_label(period: str, lang: str) -> str:
    """``2024`` → 2024年 / 2024; ``2025H1`` → 2025年1-6月 / Jan–Jun 2025; the :data:`UNDATED_PERIODS` in words.

    Examples
    --------
    >>> period_label("2025H1", "zh"), period_label("2025H1", "en"), period_label("2024", "zh")
    ('2025年1-6月', 'Jan–Jun 2025', '2024年')
    >>> period_label("current", "zh"), period_label("annual", "en")
    ('文章时点（现有）', 'every year')
    """
    if period in UNDATED_PERIODS:
        return _w(f"period.{period}", lang)
    return _w("period.h1" if period[4:] == "H1" else "period.year", lang, year=period[:4])


def prior_period(period: str) -> str:
    """The same period a year earlier.

    Examples
    --------
    >>> prior_period("2024"), prior_period("2025H1")
    ('2023', '2024H1')
    """
    return f"{int(period[:4]) - 1}{period[4:]}"


def _row(frame: pd.DataFrame, row_id: str) -> pd.Series:
    return frame.loc[frame["id"] == row_id].iloc[0]


def _label(row: pd.Series, lang: str) -> str:
    return row[f"label_{lang}"]


def _growth_label(row: pd.Series, lang: str) -> str:
    """A growth row's label without its ending (``meta/growth_rates.yml``, ``growth_suffixes``)."""
    text = _label(row, lang)
    for suffix in _w("growth_suffixes", lang).split("|"):
        text = text.removesuffix(suffix)
    return text


def _headed(table: pd.DataFrame, key: str, lang: str) -> pd.DataFrame:
    return table.rename(columns=words.group("growth_rates", f"columns.{key}", lang))


@exhibit("tab-growth-rates", kind="table", notebook=NOTEBOOK, indicators=GROWTH_ROWS)
def growth_rates_table(lang: str = "zh", indicators: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every growth rate the article prints, with its period, rounding interval and price basis.

    Examples
    --------
    >>> t = growth_rates_table("en").set_index("id")
    >>> t.loc["fiscal_revenue_total_yoy_2024", ["interval", "price basis"]].tolist()
    ['[6.325, 6.335)', 'current prices (nominal)']
    """
    check_lang(lang)
    ind = load_indicators() if indicators is None else indicators
    rows = [_row(ind, i) for i in GROWTH_ROWS]
    table = pd.DataFrame({"id": [r["id"] for r in rows], "figure": [_growth_label(r, lang) for r in rows],
                          "period": [period_label(r["period"], lang) for r in rows],
                          "growth_pct": [r["value"] for r in rows],
                          "printed": [f"{r['value_printed']}{r['unit']}" for r in rows],
                          "interval": [r["interval"] for r in rows],
                          "basis": [words.text("growth_rates", f"basis.{GROWTH_BASIS[i]}", lang) for i in GROWTH_ROWS]})
    return _headed(table, "growth_rates", lang)


def implied_prior_frame(indicators: pd.DataFrame | None = None) -> pd.DataFrame:
    """The prior-period level behind each printed level and growth rate, with its interval.

    Columns: ``level_id``, ``growth_id``, ``period``, ``prior_period``, ``unit``,
    ``level``, ``growth_pct``, ``prior``, ``low``, ``high``, ``low_closed``,
    ``high_closed`` (language-neutral; see :func:`implied_prior_table` for display).

    Examples
    --------
    >>> f = implied_prior_frame().set_index("level_id")
    >>> round(float(f.loc["fiscal_revenue_total_2024", "prior"]), 2), f.loc["gross_output_2025h1", "prior_period"]
    (58.38, '2024H1')
    """
    ind = load_indicators() if indicators is None else indicators
    records = []
    for level_id, growth_id in PRIOR_PAIRS:
        level, growth = reported(level_id, ind), reported(growth_id, ind)
        iv = implied_prior_level(level, growth)
        period = _row(ind, level_id)["period"]
        records.append({"level_id": level_id, "growth_id": growth_id, "period": period,
                        "prior_period": prior_period(period), "unit": level.unit, "level": level.value,
                        "growth_pct": growth.value, "prior": implied_prior_level(level.value, growth.value),
                        "low": iv.low, "high": iv.high, "low_closed": iv.low_closed, "high_closed": iv.high_closed})
    return pd.DataFrame.from_records(records)


@exhibit("tab-implied-prior-levels", kind="table", notebook=NOTEBOOK, indicators=PRIOR_ROWS)
def implied_prior_table(lang: str = "zh", indicators: pd.DataFrame | None = None) -> pd.DataFrame:
    """Display table of :func:`implied_prior_frame`: printed level and growth, implied prior level, interval.

    Examples
    --------
    >>> t = implied_prior_table("en").set_index("id")
    >>> t.loc["fiscal_revenue_total_2024", "interval"]
    '(58.3768, 58.3917)'
    """
    check_lang(lang)
    ind = load_indicators() if indicators is None else indicators
    f = implied_prior_frame(ind)
    labels = [_label(_row(ind, i), lang) for i in f["level_id"]]
    table = pd.DataFrame({
        "id": f["level_id"], "figure": labels, "period": [period_label(p, lang) for p in f["period"]],
        "printed_level": [f"{_row(ind, i)['value_printed']}{u}" for i, u in zip(f["level_id"], f["unit"], strict=True)],
        "printed_growth": [f"{_row(ind, i)['value_printed']}%" for i in f["growth_id"]],
        "prior_period": [period_label(p, lang) for p in f["prior_period"]], "implied_prior": f["prior"].round(2),
        "interval": [Interval(*r).notation(6) for r in zip(f["low"], f["high"], f["low_closed"], f["high_closed"],
                                                           strict=True)],
        "half_width": ((f["high"] - f["low"]) / 2).round(4)})
    return _headed(table, "implied_prior", lang)


@exhibit("tab-h1-comparison", kind="table", notebook=NOTEBOOK, indicators=tuple(i for pair in H1_PAIRS for i in pair))
def h1_comparison_table(lang: str = "zh", indicators: pd.DataFrame | None = None) -> pd.DataFrame:
    """January–June 2024 (implied) against January–June 2025: output, value added, value-added rate.

    The value-added rate of H1 2024 mixes bases: value-added growth is at
    comparable prices, the basis of output growth is not stated, so its change
    does not show that the rate rose (with producer prices falling, real output
    may have grown faster than value added; row ``cn_ppi_2025h1``).

    The implied value added of H1 2024 is in 2025 prices (its growth is real); the
    implied output has the unstated basis of its growth (column ``h1_2024_basis``).

    Examples
    --------
    >>> t = h1_comparison_table("en").set_index("id")
    >>> float(t.loc["value_added_rate", "change"]), t.loc["value_added_2025h1", "price basis of the 2024 level"]
    (0.22, 'in 2025 prices (growth at comparable prices by convention)')
    """
    check_lang(lang)
    ind = load_indicators() if indicators is None else indicators
    (go_id, go_g_id), (va_id, va_g_id) = H1_PAIRS
    go, go_g, va, va_g = (reported(i, ind) for i in (go_id, go_g_id, va_id, va_g_id))
    go_prior, va_prior = implied_prior_level(go, go_g), implied_prior_level(va, va_g)
    go_prior_v, va_prior_v = implied_prior_level(go.value, go_g.value), implied_prior_level(va.value, va_g.value)
    rate_prior_v, rate_now_v = 100 * share(va_prior_v, go_prior_v), 100 * share(va.value, go.value)
    records = [(i, _label(_row(ind, i), lang), x.unit, prior_v, prior, x.value, x.interval, x.value - prior_v, g.value)
               for i, x, g, prior, prior_v in ((go_id, go, go_g, go_prior, go_prior_v),
                                               (va_id, va, va_g, va_prior, va_prior_v))]
    prior_basis = words.group("growth_rates", "exhibits.tab-h1-comparison.prior_basis", lang)
    bases = [prior_basis[GROWTH_BASIS[go_g_id]], prior_basis[GROWTH_BASIS[va_g_id]], prior_basis["mixed"]]
    records.append(("value_added_rate", _w("exhibits.tab-h1-comparison.rate", lang), "%", rate_prior_v,
                    share(va_prior, go_prior) * 100, rate_now_v, share(va, go) * 100, rate_now_v - rate_prior_v,
                    rate_now_v - rate_prior_v))
    table = pd.DataFrame.from_records(records, columns=[
        "id", "figure", "unit", "h1_2024", "h1_2024_interval", "h1_2025", "h1_2025_interval", "change", "growth"])
    for col in ("h1_2024", "h1_2025", "change", "growth"):
        table[col] = table[col].round(2)
    for col in ("h1_2024_interval", "h1_2025_interval"):
        table[col] = [iv.notation(6) for iv in table[col]]
    table.insert(4, "h1_2024_basis", bases)
    return _headed(table, "h1", lang)


def benchmark_frame(indicators: pd.DataFrame | None = None,
                    context: pd.DataFrame | None = None) -> pd.DataFrame:
    """The zone's industrial value-added growth beside Hunan, China and the national HTZs.

    Columns: ``comparison``, ``period`` (the row's own), ``region``, ``id``, ``basis``
    (``real``, ``nominal``, ``""`` when the source does not say; the article's rows as
    in :data:`GROWTH_BASIS`), ``growth_pct``,
    ``comparable`` (same price basis and period as the zone's row), ``reason`` (``""``,
    ``nominal`` or ``period``), and the zone's lead in percentage points with its
    interval (``premium_pp``, ``premium_low``, ``premium_high``; empty for the zone
    itself and for rows that are not comparable).

    Examples
    --------
    >>> f = benchmark_frame().set_index("id")
    >>> round(float(f.loc["hn_iva_growth_2025h1", "premium_pp"]), 6), f.loc["nhtz_iva_growth_2024", "basis"]
    (1.0, 'nominal')
    >>> f.loc["yy_iva_growth_2025", ["period", "reason"]].tolist()
    ['2025', 'period']
    """
    from ..data.series import full_year

    ind = load_indicators() if indicators is None else indicators
    ctx = load_context() if context is None else context
    # the zone's full-year 2025 growth, once a later source gives it (a row of context.csv), stands in for
    # its January-June rate in the 2025 comparison; the 2024 and January-June comparisons keep the article's
    later = full_year(ind, "value_added_yoy_2025h1", 2025, ctx)
    zone = {group: ("context", later["id"]) if group == "2025" and later is not None else (kind, row_id)
            for group, region, kind, row_id, _ in BENCHMARKS if region == "zone"}

    def figure_of(kind: str, row_id: str):
        return reported(row_id, ind) if kind == "indicators" else context_reported(row_id, ctx)

    records = []
    for group, region, kind, row_id, real in BENCHMARKS:
        if region == "zone":
            kind, row_id = zone[group]
        frame = ind if kind == "indicators" else ctx
        figure = figure_of(kind, row_id)
        basis = GROWTH_BASIS[row_id] if kind == "indicators" else _row(ctx, row_id)["basis"]
        period = _row(frame, row_id)["period"]
        zone_kind, zone_id = zone[group]
        reason = "" if region == "zone" else "nominal" if not real else (
            "period" if period != _row(ind if zone_kind == "indicators" else ctx, zone_id)["period"] else "")
        premium = low = high = math.nan
        if region != "zone" and not reason:
            ours = figure_of(zone_kind, zone_id)
            iv = pp_difference(ours, figure)
            premium, low, high = pp_difference(ours.value, figure.value), iv.low, iv.high
        records.append({"comparison": group, "period": period, "region": region, "id": row_id, "basis": basis,
                        "growth_pct": figure.value, "comparable": region != "zone" and not reason, "reason": reason,
                        "premium_pp": premium, "premium_low": low, "premium_high": high})
    return pd.DataFrame.from_records(records)


@exhibit("tab-zone-vs-benchmarks", kind="table", notebook=NOTEBOOK,
         sources=BENCHMARK_SOURCES, indicators=BENCHMARK_INDICATORS, context=BENCHMARK_CONTEXT)
def benchmark_table(lang: str = "zh", indicators: pd.DataFrame | None = None,
                    context: pd.DataFrame | None = None) -> pd.DataFrame:
    """Display table of :func:`benchmark_frame`.

    Examples
    --------
    >>> t = benchmark_table("en").set_index("id")
    >>> t.loc["nhtz_iva_growth_2024", "zone lead (pp)"]
    'not comparable (nominal)'
    """
    f = benchmark_frame(indicators, context)
    lead = []
    for r in f.itertuples():
        if r.region == "zone":
            lead.append("—")
        elif r.reason:
            lead.append(_w(f"exhibits.tab-zone-vs-benchmarks.not_comparable.{r.reason}", lang))
        else:
            lead.append(_w("exhibits.tab-zone-vs-benchmarks.lead", lang, lead=r.premium_pp, low=r.premium_low,
                           high=r.premium_high))
    regions, bases = words.group("growth_rates", "regions", lang), words.group("growth_rates", "basis", lang)
    table = pd.DataFrame({"id": f["id"], "comparison": [period_label(p, lang) for p in f["comparison"]],
                          "period": [period_label(p, lang) for p in f["period"]],
                          "region": f["region"].map(regions), "basis": [bases[b or "unstated"] for b in f["basis"]],
                          "growth_pct": f["growth_pct"], "lead": lead})
    return _headed(table, "benchmarks", lang)


@exhibit("fig-growth-rates", kind="figure", notebook=NOTEBOOK, indicators=GROWTH_ROWS)
def growth_rates_figure(lang: str = "zh"):
    """Horizontal bars of every printed growth rate, labelled as printed, coloured by price basis."""
    from .style import PAGE_WIDTH_IN, PALETTE, new_figure

    t = growth_rates_table("en")
    shown = growth_rates_table(lang)
    labels = [f"{f}\n{p}" for f, p in zip(shown.iloc[:, 1], shown.iloc[:, 2], strict=True)]
    fig, ax = new_figure((PAGE_WIDTH_IN, 4.6))
    colours = {"nominal": PALETTE[0], "convention": PALETTE[2], "unstated": "#aaaaaa"}
    bases, seen = words.group("growth_rates", "basis", lang), set()
    for label, value, row in zip(labels, t["growth_pct"], GROWTH_ROWS, strict=True):
        basis = GROWTH_BASIS[row]
        ax.barh([label], [value], color=colours[basis], label=None if basis in seen else bases[basis])
        seen.add(basis)
    for y, (value, text) in enumerate(zip(t["growth_pct"], t["printed"], strict=True)):
        ax.annotate(text, (value, y), xytext=(4, 0), textcoords="offset points", va="center", fontsize=9)
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", visible=True)
    ax.set_xlim(0, t["growth_pct"].max() * 1.15)
    ax.set_xlabel(_w("yoy_axis", lang))
    ax.set_title(_w("exhibits.fig-growth-rates.title", lang))
    ax.legend(title=_w("exhibits.fig-growth-rates.legend", lang), loc="lower right", fontsize=8, title_fontsize=8)
    return fig


@exhibit("fig-implied-prior-intervals", kind="figure", notebook=NOTEBOOK, indicators=PRIOR_ROWS)
def implied_prior_figure(lang: str = "zh"):
    """Whiskers from the low to the high bound, relative to the implied value, open ends hollow."""
    from .style import PAGE_WIDTH_IN, PALETTE, new_figure, unit_axis_label
    from .innovation import UNIT_EN

    check_lang(lang)
    ind = load_indicators()
    f = implied_prior_frame(ind)
    fig, ax = new_figure((PAGE_WIDTH_IN, 3.6))
    labels = [f"{_label(_row(ind, i), lang)}\n{period_label(p, lang)}"
              for i, p in zip(f["level_id"], f["prior_period"], strict=True)]
    for y, r in enumerate(f.itertuples()):
        lo, hi = 1000 * (r.low / r.prior - 1), 1000 * (r.high / r.prior - 1)
        ax.plot([lo, hi], [y, y], color=PALETTE[0], linewidth=2.5, solid_capstyle="butt")
        for x, closed in ((lo, r.low_closed), (hi, r.high_closed)):
            ax.plot([x], [y], marker="o", markersize=7, color=PALETTE[0],
                    markerfacecolor=PALETTE[0] if closed else "white")
        bounds = Interval(r.low, r.high, r.low_closed, r.high_closed).notation(6)
        unit = r.unit if lang == "zh" else UNIT_EN.get(r.unit, unit_axis_label(r.unit, lang))
        ax.text(hi, y - 0.28, f"{r.prior:.2f} {unit}  {bounds}", ha="right", va="bottom", fontsize=8)
    ax.set_yticks(range(len(labels)), labels)
    ax.set_ylim(len(labels) - 0.5, -0.8)
    ax.axvline(0, color="#999999", linewidth=0.8)
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", visible=True)
    ax.set_xlabel(_w("exhibits.fig-implied-prior-intervals.xlabel", lang))
    widest = 1000 * ((f["high"] - f["low"]) / 2 / f["prior"]).max()
    ax.set_title(_w("exhibits.fig-implied-prior-intervals.title", lang, widest=widest))
    return fig


@exhibit("fig-h1-comparison", kind="figure", notebook=NOTEBOOK, indicators=tuple(i for pair in H1_PAIRS for i in pair))
def h1_comparison_figure(lang: str = "zh"):
    """Paired bars per measure; the implied 2024 bars are hatched; growth printed above."""
    from .style import PAGE_WIDTH_IN, PALETTE, new_figure, unit_axis_label

    ind = load_indicators()
    f = implied_prior_frame(ind).set_index("level_id").loc[[p[0] for p in H1_PAIRS]]
    fig, axes = new_figure((PAGE_WIDTH_IN, 3.9), ncols=2)
    for ax, (level_id, r) in zip(axes, f.iterrows(), strict=True):
        basis = GROWTH_BASIS[dict(H1_PAIRS)[level_id]]
        prior_label = _w("exhibits.fig-h1-comparison.implied", lang, period=period_label(r["prior_period"], lang),
                         basis=words.text("growth_rates", f"exhibits.tab-h1-comparison.prior_basis.{basis}", lang))
        now_label = period_label(r["period"], lang)
        ax.bar([0], [r["prior"]], color="white", edgecolor=PALETTE[0], hatch="//", width=0.6)
        ax.bar([1], [r["level"]], color=PALETTE[0], width=0.6)
        ax.errorbar([0], [r["prior"]], yerr=[[r["prior"] - r["low"]], [r["high"] - r["prior"]]],
                    color="#333333", capsize=4, linewidth=1)
        # each value above its bar and above the rounding error bar, never struck through by it
        for x, value, top in ((0, r["prior"], r["high"]), (1, r["level"], r["level"])):
            ax.annotate(f"{value:.2f}", (x, top), xytext=(0, 4), textcoords="offset points", ha="center",
                        va="bottom", fontsize=9)
        growth = yoy_pct(r["level"], r["prior"])
        ax.set_title(f"{_label(_row(ind, level_id), lang)}\n"
                     + _w("exhibits.fig-h1-comparison.growth", lang, growth=growth), fontsize=10)
        ax.set_xticks([0, 1], [prior_label, now_label])
        ax.set_ylabel(unit_axis_label(r["unit"], lang))
        ax.set_ylim(0, max(r["level"], r["high"]) * 1.15)
    fig.suptitle(_w("exhibits.fig-h1-comparison.title", lang))
    return fig


@exhibit("fig-zone-vs-benchmarks", kind="figure", notebook=NOTEBOOK,
         sources=BENCHMARK_SOURCES, indicators=BENCHMARK_INDICATORS, context=BENCHMARK_CONTEXT)
def benchmark_figure(lang: str = "zh"):
    """Grouped bars per comparison; parks dotted, the nominal national-HTZ bar grey and hatched.

    In the 2025 comparison the zone's bar is its January–June rate, labelled with its period.
    """
    from .style import PAGE_WIDTH_IN, PALETTE, new_figure

    f = benchmark_frame()
    labels = words.group("growth_rates", "regions", lang)
    colours = {"zone": PALETTE[1], "yiyang": PALETTE[4], "yiyang_parks": PALETTE[4], "hunan": PALETTE[0],
               "hunan_parks": PALETTE[0], "china": PALETTE[2], "national_htz": "#bbbbbb"}
    hatches = {"yiyang_parks": "..", "hunan_parks": "..", "national_htz": "//"}
    groups = list(dict.fromkeys(f["comparison"]))
    width = 0.13
    fig, ax = new_figure((PAGE_WIDTH_IN, 5.2))
    shown, ticks = set(), []
    for i, group in enumerate(groups):
        sub = f[f["comparison"] == group].reset_index(drop=True)
        zone_period = sub.loc[sub["region"] == "zone", "period"].iloc[0]
        ticks.append(period_label(group, lang) + ("" if zone_period == group else "\n" + _w(
            "exhibits.fig-zone-vs-benchmarks.zone_period", lang, period=period_label(zone_period, lang))))
        for k, r in sub.iterrows():
            x = i + (k - (len(sub) - 1) / 2) * width
            style = {"hatch": hatches[r["region"]], "edgecolor": "white" if r["region"] != "national_htz"
                     else "#777777"} if r["region"] in hatches else {}
            ax.bar([x], [r["growth_pct"]], width=width * 0.95, color=colours[r["region"]],
                   label=None if r["region"] in shown else labels[r["region"]], **style)
            shown.add(r["region"])
            ax.text(x, r["growth_pct"] + 0.1, f"{r['growth_pct']:.1f}", ha="center", va="bottom", fontsize=8)
        hunan = sub[sub["region"] == "hunan"].iloc[0]
        if not math.isnan(hunan["premium_pp"]):
            ax.text(i + (0 - (len(sub) - 1) / 2) * width, sub["growth_pct"].iloc[0] + 0.9,
                    _w("exhibits.fig-zone-vs-benchmarks.lead", lang, lead=hunan["premium_pp"]),
                    ha="left", fontsize=8, color=PALETTE[1])
    ax.set_xticks(range(len(groups)), ticks)
    ax.set_ylim(0, f["growth_pct"].max() * 1.55)
    ax.set_ylabel(_w("yoy_axis", lang))
    leads = f.loc[f["comparable"], "premium_pp"]
    ax.set_title(_w("exhibits.fig-zone-vs-benchmarks." + ("title_above" if (leads > 0).all() else "title"), lang))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncols=3, fontsize=8)  # below the period labels
    ax.text(0.01, 0.98, _w("exhibits.fig-zone-vs-benchmarks.note", lang), transform=ax.transAxes, fontsize=8,
            color="#555555", va="top")
    return fig
