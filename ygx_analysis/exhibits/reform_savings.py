"""Exhibits of notebook 05: the reform cost-savings model.

Every exhibit draws from one :class:`~ygx_analysis.savings.SavingsResult` (``result=`` given to
:func:`~ygx_analysis.exhibits.show`; by default that of ``data/savings.toml``), so a notebook runs the
model once and shows the values used. All but the assumptions table show **model results**
(``is_projection=True``). The words live in ``meta/reform_savings.yml``; :func:`label`, :func:`notes`,
:func:`convention` and :func:`summary` fill them for the panel and the command line too.
"""

from __future__ import annotations

from functools import partial

import pandas as pd

from .. import savings as sv
from ..data.tables import reported
from . import exhibit, words

__all__ = ["NOTEBOOK", "SAVING_ROWS", "THEME", "assumptions_table", "convention", "cumulative_savings_figure",
           "label", "notes", "reading", "revenue_share_table", "savings_path_table", "savings_windows_table",
           "sensitivity_table", "summary", "tornado_figure", "unit", "SAVINGS_CONTEXT", "SAVINGS_SOURCES"]

NOTEBOOK = "05_reform_savings.ipynb"
DATA_INPUTS = ("savings.toml",)  # the assumptions file these exhibits read (cite lines)
SAVING_ROWS = (sv.ANNUAL_SAVING_ID, sv.GROUP_CUT_ID)
"""Data rows behind every savings path."""
SAVINGS_CONTEXT = ("cn_lgb_general_issue_rate_2025", "cn_lgb_issue_rate_2024", "cn_lgb_issue_rate_2025",
                   "cn_lgb_special_issue_rate_2025", "cn_lgb_special_issue_rate_2025m01_m11",
                   "cn_wage_nonprivate_growth_2023", "cn_wage_nonprivate_growth_2024")
"""Context rows that ``data/savings.toml`` names: the wage growth and discount rate, with their ranges."""
SAVINGS_SOURCES = ("article", "eastmoney_cn_wage_2024", "hkcna_cn_lgb_2024", "lgjyuntun_cn_lgb_2025",
                   "qzwb_cn_lgb_2025_11", "wxredian_cn_wage_2023")
"""Sources of the article rows and of :data:`SAVINGS_CONTEXT` (a test checks both against the files)."""
THEME = "reform_savings"


_w, _fill = partial(words.text, THEME), partial(words.fill, THEME)


def _fill_from(key: str, lang: str, values: dict[str, object]) -> str:
    """The template at ``key``, filled with the ones of ``values`` it names (for a group of labels)."""
    return _fill(key, lang, **{name: values[name] for name in words.placeholders(_w(key, lang))})


def _columns(key: str, lang: str, **values: object) -> dict[str, str]:
    """Column → header of a table (``<key>.columns``), each filled with the values it names."""
    names = words.group(THEME, f"{key}.columns", lang)
    return {name: _fill_from(f"{key}.columns.{name}", lang, values) for name in names}


def label(name: str, lang: str) -> str:
    """The one label of an assumption (table, tornado, slider, command line).

    Examples
    --------
    >>> label("discount_rate_pct", "zh"), label("discount_rate_pct", "en")
    ('贴现率（名义）', 'Discount rate (nominal)')
    """
    return _w(f"assumption.{name}", lang)


def unit(name: str, lang: str) -> str:
    """The unit of an assumption (table, slider).

    Examples
    --------
    >>> unit("annual_saving", "zh"), unit("discount_rate_pct", "en")
    ('亿元/年', '% a year')
    """
    return _fill_from(f"unit.{name}", lang, {"unit": sv.UNIT})


def _result(result: sv.SavingsResult | None) -> sv.SavingsResult:
    """``result``, or the result of ``savings.toml`` (:func:`~ygx_analysis.savings.run_savings`)."""
    if result is None:
        return sv.run_savings()
    if not isinstance(result, sv.SavingsResult):
        raise TypeError(f"result: expected a SavingsResult or None, got {type(result).__name__}")
    return result


def _value(value: object, lang: str) -> str:
    """An assumption's value as text: yes/no for a flag, unknown for None, a number or text."""
    if value is None or (isinstance(value, float) and value != value):
        return _w("value.unknown", lang)
    if isinstance(value, bool):
        return _w("value.yes" if value else "value.no", lang)
    return str(value) if isinstance(value, (int, str)) else f"{value:g}"


def _saving(a: sv.SavingsAssumptions, lang: str) -> str:
    """The annual saving used, as a label: the printed lower bound, or the value set."""
    printed = reported(sv.ANNUAL_SAVING_ID)
    if a.annual_saving == printed.value:
        return _fill("saving.printed", lang, printed=printed)
    return _fill("saving.set", lang, printed=printed, saving=a.annual_saving, unit=sv.UNIT)


def convention(a: sv.SavingsAssumptions, lang: str = "en") -> str:
    """The discounting convention in one line (also written into the command line's output).

    Examples
    --------
    >>> convention(sv.SavingsAssumptions.from_data())
    'present values at the end of 2025 (fixed, whatever first_year is); each saving is an end-of-year flow, discounted by (1+r)^-t with t = year - 2025'
    """
    return _fill(f"convention.{a.timing}", lang, valuation_year=a.valuation_year)


def notes(a: sv.SavingsAssumptions, lang: str = "en") -> list[str]:
    """What every result of these assumptions must say: model result, gross savings, group line, date.

    Examples
    --------
    >>> [n.split(":")[0] for n in notes(sv.SavingsAssumptions.from_data())]
    ['Model result', 'Gross savings to the zone', 'Group line', 'Valuation']
    """
    printed = reported(sv.ANNUAL_SAVING_ID)
    towns, subs, funcs = (reported(row).text for row in sv.TRANSFER_IDS)
    model = "notes.model_printed" if a.annual_saving == printed.value else "notes.model_set"
    net = (_w("notes.net_unknown", lang) if a.transferred_cost is None
           else _fill("notes.net", lang, cost=a.transferred_cost, unit=sv.UNIT))
    return [_fill(model, lang, saving=a.annual_saving, printed=printed, unit=sv.UNIT),
            _fill("notes.gross", lang, towns=towns, subs=subs, funcs=funcs) + net,
            _w("notes.group_added" if a.include_group else "notes.group_apart", lang),
            _fill("notes.valuation", lang, valuation_year=a.valuation_year, timing=_w(f"timing.{a.timing}", lang),
                  rate=a.discount_rate_pct)]


def summary(result: sv.SavingsResult | None = None, lang: str = "en") -> str:
    """The window sums of a result as text, followed by its notes.

    Examples
    --------
    >>> text = summary()
    >>> text.splitlines()[0]
    'Savings of the 2024 reform, 亿元 (present values at the end of 2025)'
    >>> "Gross savings to the zone" in text and "Group line" in text
    True
    """
    r = _result(result)
    lines = [_fill("summary.title", lang, valuation_year=r.assumptions.valuation_year, unit=sv.UNIT)]
    for row in r.windows.itertuples(index=False):
        net = "" if pd.isna(row.net_nominal) else _fill("summary.net", lang, net=row.net_nominal,
                                                          net_npv=row.net_npv)
        lines.append(_fill("summary.line", lang, window=_w(f"window.{row.window}", lang), start=row.start,
                           end=row.end, nominal=row.cumulative_nominal, npv=row.npv) + net)
    return "\n".join(lines + [f"- {note}" for note in notes(r.assumptions, lang)])


@exhibit("tab-savings-assumptions", kind="table", notebook=NOTEBOOK,
         sources=SAVINGS_SOURCES, context=SAVINGS_CONTEXT,
         indicators=(sv.ANNUAL_SAVING_ID, sv.GROUP_CUT_ID, sv.STAFF_CUT_ID))
def assumptions_table(lang: str = "zh", result: sv.SavingsResult | None = None) -> pd.DataFrame:
    """The assumptions used (:meth:`~ygx_analysis.savings.SavingsAssumptions.assumptions_table`), with labels."""
    t = _result(result).assumptions.assumptions_table()
    basis = []
    for value, default, row in zip(t["value"], t["default"], t["row"], strict=True):
        source = _fill("basis.row", lang, row=row) if row else _w("basis.file", lang)
        shown = "unknown" if default is None else f"{default:g}" if isinstance(default, float) else default
        basis.append(source if value == default else _fill("basis.set", lang, source=source, default=shown))
    table = pd.DataFrame({
        "assumption": t["assumption"], "label": [label(n, lang) for n in t["assumption"]],
        "value": [_value(v, lang) for v in t["value"]], "unit": [unit(n, lang) for n in t["assumption"]],
        "low": ["" if v is None else _value(v, lang) for v in t["low"]],
        "high": ["" if v is None else _value(v, lang) for v in t["high"]],
        "basis": basis, "rationale": t[f"rationale_{lang}"], "rows": t["rows"]})
    return table.rename(columns=_columns("assumptions_table", lang))


@exhibit("tab-savings-path", kind="table", notebook=NOTEBOOK,
         sources=SAVINGS_SOURCES, context=SAVINGS_CONTEXT, indicators=SAVING_ROWS, is_projection=True)
def savings_path_table(lang: str = "zh", result: sv.SavingsResult | None = None) -> pd.DataFrame:
    """Per-year path at full precision; the notebook shows amounts to 0.01亿元 (``attrs["display_decimals"]``)."""
    r = _result(result)
    a = r.assumptions
    names = _columns("path_table", lang, valuation_year=a.valuation_year, growth=a.wage_growth_pct,
                     rate=a.discount_rate_pct)
    with_group = names.pop("nominal_with_group")
    if a.include_group:
        names["nominal_saving"] = with_group
    if a.transferred_cost is None:
        del names["net_saving"]
    table = r.path[list(names)].rename(columns=names)
    table.attrs["display_decimals"] = {h: 4 if c == "discount_factor" else 2 for c, h in names.items() if c != "year"}
    return table


@exhibit("tab-savings-windows", kind="table", notebook=NOTEBOOK,
         sources=SAVINGS_SOURCES, context=SAVINGS_CONTEXT, indicators=SAVING_ROWS, is_projection=True)
def savings_windows_table(lang: str = "zh", result: sv.SavingsResult | None = None) -> pd.DataFrame:
    """:func:`~ygx_analysis.savings.window_summary` of the path, with labels."""
    r = _result(result)
    a, s = r.assumptions, r.windows
    table = pd.DataFrame({
        "window": [_w(f"window.{w}", lang) for w in s["window"]],
        "years": [str(start) if start == end else f"{start}–{end}"  # one year is one year, not 2025–2025
                  for start, end in zip(s["start"], s["end"], strict=True)],
        "cumulative_nominal": s["cumulative_nominal"], "npv": s["npv"]})
    if a.transferred_cost is not None:
        table["net_nominal"], table["net_npv"] = s["net_nominal"], s["net_npv"]
    pv = _fill("windows_table.pv", lang, rate=a.discount_rate_pct, valuation_year=a.valuation_year)
    names = _columns("windows_table", lang, pv=pv)
    table = table.rename(columns=names)
    table.attrs["display_decimals"] = {names[c]: 2 for c in ("cumulative_nominal", "npv", "net_nominal", "net_npv")}
    return table


@exhibit("fig-savings-cumulative", kind="figure", notebook=NOTEBOOK,
         sources=SAVINGS_SOURCES, context=SAVINGS_CONTEXT, indicators=SAVING_ROWS, is_projection=True)
def cumulative_savings_figure(lang: str = "zh", result: sv.SavingsResult | None = None):
    """Bars of the yearly nominal saving; dashed lines of the cumulative nominal and present value.

    Every year drawn is a model year (after 2024 everything is a model result), so
    all of them are shaded; the 15th plan is marked by a bracket.
    """
    from matplotlib.colors import to_rgb

    from .innovation import printed_label
    from .style import PAGE_WIDTH_IN, PALETTE, PROJECTION_STYLE, add_projection_note, new_figure, unit_axis_label

    r = _result(result)
    a, path = r.assumptions, r.path
    fig, ax = new_figure((PAGE_WIDTH_IN, 4.2))
    years = path["year"].to_numpy()
    ax.axvspan(years[0] - 0.5, years[-1] + 0.5, color="#eeeeee", zorder=0)
    # an opaque light blue, so the bars look the same on the shading as their legend swatch
    light = tuple(0.35 * c + 0.65 for c in to_rgb(PALETTE[0]))
    ax.bar(years, path["nominal_saving"], width=0.6, color=light, edgecolor=PALETTE[0], linewidth=1.0,
           linestyle=PROJECTION_STYLE["linestyle"], label=_w("cumulative_figure.bars", lang))
    for column, colour, marker in (("cumulative_nominal", PALETTE[0], "o"),
                                   ("cumulative_present_value", PALETTE[1], "s")):
        ax.plot(years, path[column], marker=marker, color=colour, **PROJECTION_STYLE,
                label=_w(f"cumulative_figure.{column}", lang))
    for column, colour in (("cumulative_nominal", PALETTE[0]), ("cumulative_present_value", PALETTE[1])):
        ax.annotate(f"{path[column].iloc[-1]:.2f}", (years[-1], path[column].iloc[-1]),
                    xytext=(6, 0), textcoords="offset points", va="center", fontsize=9, color=colour)
    bracket = ax.get_xaxis_transform()
    ax.plot([sv.PLAN15[0] - 0.4, sv.PLAN15[1] + 0.4], [0.86, 0.86], transform=bracket, color="#777777",
            linewidth=0.8, marker="|", markersize=6)
    ax.text(sum(sv.PLAN15) / 2, 0.87, _w("cumulative_figure.plan15", lang),
            transform=bracket, ha="center", va="bottom", fontsize=8, color="#555555")
    ax.set_xticks(years)
    ax.set_xlim(years[0] - 0.6, years[-1] + 0.9)
    ax.set_ylim(0, float(path["cumulative_nominal"].max()) * 1.35)  # room for the bracket and the note above the lines
    ax.set_ylabel(unit_axis_label(sv.UNIT, lang))
    printed = reported(sv.ANNUAL_SAVING_ID)
    label_printed = printed_label(printed, lang)
    ax.set_title(_fill("cumulative_figure.title_printed", lang, printed=label_printed)
                 if a.annual_saving == printed.value else
                 _fill("cumulative_figure.title_set", lang, printed=label_printed, saving=a.annual_saving))
    add_projection_note(ax, _fill("cumulative_figure.note", lang, rate=a.discount_rate_pct,
                                  valuation_year=a.valuation_year, timing=_w(f"timing.{a.timing}", lang)))
    ax.legend(loc="center left")
    return fig


@exhibit("tab-savings-revenue-share", kind="table", notebook=NOTEBOOK,
         sources=(*SAVINGS_SOURCES, "yy_czj_budget_report_2025"), context=(*SAVINGS_CONTEXT, *sv.ENTITY_IDS),
         indicators=(sv.ANNUAL_SAVING_ID, sv.GROUP_CUT_ID, sv.STAFF_CUT_ID, sv.REVENUE_ID), is_projection=True)
def revenue_share_table(lang: str = "zh", result: sv.SavingsResult | None = None) -> pd.DataFrame:
    """:func:`~ygx_analysis.savings.revenue_comparison` with labels: each amount over three bases.

    The headers say what is divided by what, with each base's value and scope: the
    article's 2024 一般预算收入 (scope not established) and the zone budget entity's own
    2025 local revenue and expenditure. Full precision is kept; the notebook shows
    amounts to 0.01亿元 and shares to 0.1 (``attrs["display_decimals"]``).

    Examples
    --------
    >>> t = revenue_share_table("en")
    >>> [c for c in t.columns if "÷" in c][0]
    "amount ÷ 2024 general budget revenue (the article's 60.67 亿元; scope not established), %"
    >>> round(float(t.iloc[0, 4]), 1), round(float(t.iloc[0, 5]), 1)
    (35.1, 21.0)
    """
    r = _result(result)
    c = r.revenue
    items = [_w(f"item.{i}", lang) for i in c["item"]]
    items[0] = _fill("revenue_table.first_item", lang, item=items[0], saving=_saving(r.assumptions, lang))
    table = pd.DataFrame({"item": items, "amount": c["amount"], "years": c["years"],
                          "share": c["share_of_revenue_pct"], "share_entity_revenue": c["share_of_entity_revenue_pct"],
                          "share_entity_expenditure": c["share_of_entity_expenditure_pct"],
                          "kind": [_w(f"kind.{k}", lang) for k in c["kind"]], "rows": c["rows"]})
    names = _columns("revenue_table", lang, revenue=c.attrs["revenue"], entity_revenue=c.attrs["entity_revenue"],
                     entity_expenditure=c.attrs["entity_expenditure"])
    table = table.rename(columns=names)
    table.attrs["display_decimals"] = {names["amount"]: 2, **{names[k]: 1 for k in names if k.startswith("share")}}
    return table


@exhibit("tab-savings-sensitivity", kind="table", notebook=NOTEBOOK,
         sources=SAVINGS_SOURCES, context=SAVINGS_CONTEXT, indicators=SAVING_ROWS, is_projection=True)
def sensitivity_table(lang: str = "zh", result: sv.SavingsResult | None = None) -> pd.DataFrame:
    """Both tornado tables stacked, with a ``measure`` column; one assumption varied at a time."""
    parts = []
    for measure, s in _result(result).sensitivity.items():
        parts.append(pd.DataFrame({
            "measure": _w(f"measure.{measure}", lang), "assumption": s["assumption"],
            "label": [label(n, lang) for n in s["assumption"]],
            **{k: [_value(v, lang) for v in s[f"{k}_value"]] for k in ("base", "low", "high")},
            **{k: s[k] for k in ("result_low", "result_base", "result_high", "swing")}}))
    names = _columns("sensitivity_table", lang)
    table = pd.concat(parts, ignore_index=True).rename(columns=names)
    table.attrs["display_decimals"] = {names[k]: 2 for k in ("result_low", "result_base", "result_high", "swing")}
    return table


def _tick_unit(name: str, lang: str) -> str:
    """The unit after an assumption's low / high values on the tornado chart: %, 亿元 or none."""
    if name.endswith("_pct"):
        return _w("tick_unit.pct", lang)
    return _w("tick_unit.amount", lang) if name in ("annual_saving", "group_cut_2024", "transferred_cost") else ""


@exhibit("fig-savings-tornado", kind="figure", notebook=NOTEBOOK,
         sources=SAVINGS_SOURCES, context=SAVINGS_CONTEXT, indicators=SAVING_ROWS, is_projection=True)
def tornado_figure(lang: str = "zh", result: sv.SavingsResult | None = None):
    """Two tornado panels (nominal, present value): bars from the base result to the low and high results."""
    from .style import PAGE_WIDTH_IN, PALETTE, PROJECTION_STYLE, add_projection_note, new_figure, unit_axis_label

    r = _result(result)
    ranges = r.assumptions.plausible_ranges()

    def tick(name: str, low: object, high: object, used: object) -> str:
        text = f"{label(name, lang)}\n{_value(low, lang)} / {_value(high, lang)}{_tick_unit(name, lang)}"
        file_low, file_high = ranges[name]
        if not file_low <= used <= file_high:  # the model widened the range to hold the value used
            text += "\n" + _fill("tornado_figure.outside", lang, value=_value(used, lang),
                                  low=_value(file_low, lang), high=_value(file_high, lang))
        return text

    fig, axes = new_figure((PAGE_WIDTH_IN, 6.6), nrows=2)  # one above the other: long labels
    for ax, (measure, s) in zip(axes, r.sensitivity.items(), strict=True):
        base = float(s["result_base"].iloc[0])
        y = range(len(s))
        style = {**PROJECTION_STYLE, "alpha": 0.8}
        for end, colour in (("low", PALETTE[0]), ("high", PALETTE[1])):
            ax.barh(y, s[f"change_{end}"], left=base, color=colour, edgecolor=colour, **style,
                    label=_w(f"tornado_figure.{end}", lang))
        ax.set_yticks(list(y), [tick(*row) for row in zip(s["assumption"], s["low_value"], s["high_value"],
                                                          s["base_value"], strict=True)])
        ax.set_ylim(len(s) - 0.5, -1.2)  # top to bottom, with room for the note above the first bar
        ax.axvline(base, color="#333333", linewidth=0.8)
        ax.grid(axis="y", visible=False)
        ax.grid(axis="x", visible=True)
        ax.set_title(_fill("tornado_figure.title", lang, panel=_w(f"tornado_figure.{measure}", lang), base=base))
        ax.set_xlabel(_fill("tornado_figure.xlabel", lang, axis=unit_axis_label(sv.UNIT, lang)))
        add_projection_note(ax, _w("model_tag", lang))
    axes[0].legend(loc="lower right")
    return fig


def reading(lang: str = "zh", result: sv.SavingsResult | None = None) -> str:
    """A short reading of a result, with every number taken from it.

    Examples
    --------
    >>> "gross" in reading("en") and "scope not established" in reading("en")
    True
    >>> "每年2亿元（设定值" in reading("zh", sv.run_savings(sv.SavingsAssumptions.from_data(annual_saving=2.0)))
    True
    """
    r = _result(result)
    a, plan15 = r.assumptions, r.plan15
    top = r.sensitivity["cumulative_nominal"].iloc[0]
    return _fill("reading", lang, saving=_saving(a, lang), growth=a.wage_growth_pct, rate=a.discount_rate_pct,
                 nominal=plan15["cumulative_nominal"], npv=plan15["npv"], valuation_year=a.valuation_year,
                 share=sv.savings_share_of_revenue(float(plan15["cumulative_nominal"])),
                 entity_share=float(r.revenue["share_of_entity_revenue_pct"].iloc[0]),
                 spending_share=float(r.revenue["share_of_entity_expenditure_pct"].iloc[0]),
                 top=label(top["assumption"], lang), swing=top["swing"], group=r.group_if_recurring, unit=sv.UNIT)
