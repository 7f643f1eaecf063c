"""Exhibits an analyst expects: the fiscal reconciliation, output per firm and Hunan's national HTZs.

Every number is computed from rows of ``indicators.csv`` and ``context.csv``;
January–June 2025 levels are annualised with the package's one H1 rule
(:func:`ygx_analysis.arithmetic.halfyear.half_year_rule`), so a ratio to a year's output is
a range. Each row names its scope (全口径 / 地方 / 口径未说明) and the rows behind it.
"""

from __future__ import annotations

import pandas as pd

from ..audit.fiscal import BUDGET_SCOPES, FISCAL_CONTEXT_IDS, budget_revenue_scope
from ..arithmetic.composition import remainder
from ..data.series import full_year
from ..data.tables import context_reported, load_context, load_indicators, reported
from ..arithmetic.growth import as_interval, share
from ..arithmetic.halfyear import H1_SHARE_ROWS, half_year_rule
from ..arithmetic.reported import Interval
from . import exhibit, words

__all__ = ["DIGITS", "FIRM_ROWS", "HTZ_COUNT_ROW", "HTZ_ZONES", "PEER_RATIOS", "SCOPE_BY_INDICATOR",
           "fiscal_reconciliation_table", "htz_peers_table", "output_per_firm_table"]

DIGITS = 3
"""Decimals shown for values and bounds."""

SCOPE_BY_INDICATOR = {"fiscal_revenue_total": "full_scope", "industrial_tax_paid": "full_scope",
                      "local_gpb_revenue": "local_level"}
"""The scope of a revenue row, by its ``indicator``; any other indicator is ``unstated``."""

PEER_RATIOS = {
    "park_cs_etdz_revenue_to_output_2017": ("park_cs_etdz_fiscal_revenue_2017", "park_cs_etdz_gross_output_2017"),
    "park_cd_etdz_revenue_to_output_m01_m07_2021": ("park_cd_etdz_gpb_revenue_m01_m07_2021",
                                                    "park_cd_etdz_gross_output_m01_m07_2021"),
    "park_longling_revenue_to_output_2021": ("park_longling_fiscal_tax_revenue_2021",
                                             "park_longling_gross_output_2021"),
    "park_longling_revenue_to_va_2021": ("park_longling_fiscal_tax_revenue_2021", "park_longling_iva_2021"),
    "park_cs_htz_revenue_to_output_2016": ("park_cs_htz_fiscal_revenue_total_2016", "park_cs_htz_gross_output_2016"),
    "park_yj_htz_tax_to_output_target_2023": ("park_yj_htz_industrial_tax_target_2023",
                                              "park_yj_htz_gross_output_target_2023"),
}
"""Peer ratio row of ``context.csv`` → (revenue row, output or value-added row)."""

FIRM_ROWS = ("above_scale_enterprises_current", "gross_output_2025h1", "value_added_2025h1")
"""Rows of ``indicators.csv`` behind :func:`output_per_firm_table`."""

HTZ_COUNT_ROW = "hn_national_htz_count_2022"
"""The number of Hunan's national high-tech zones (9 since Dec 2022)."""

HTZ_ZONES = {"cs": "park_cs_htz_", "zz": "park_zz_htz_", "xt": "park_xt_htz_", "yy": "zone_", "hy": "park_hy_htz_",
             "cz": "park_cz_htz_", "cd": "park_cd_htz_", "hh": "park_hh_htz_", "nx": "park_nx_htz_"}
"""Hunan's national HTZs: key → id prefix of their ``context.csv`` rows (names in ``meta/fiscal_peers.yml``)."""

_HTZ_COLUMNS = {"rank_2024": ("htz_evaluation_rank",), "rank_earlier": ("htz_evaluation_rank",),
                "rank_hunan": ("hn_htz_evaluation_rank",), "area": ("area", "planned_area"),
                "firms": ("above_scale_enterprises", "srdi_enterprises_provincial", "high_tech_enterprises_cultivated")}
"""Column key → the ``indicator`` values of the rows it shows (headings in ``meta/fiscal_peers.yml``)."""


_FISCAL_CONTEXT = tuple(dict.fromkeys([*H1_SHARE_ROWS["output"], *FISCAL_CONTEXT_IDS, *PEER_RATIOS,
                                       *(r for pair in PEER_RATIOS.values() for r in pair)]))
_H1_SOURCES = ("enghunan_hn_2024h1", "people_hn_2025h1", "qntz_cn_2023h1", "scol_cn_2022h1", "verygif_cn_2024h1",
               "yueyang_gov_hn_2024h1")
_FISCAL_SOURCES = ("article", *_H1_SOURCES, "yy_czj_budget_report_2025", "yy_tjj_bulletin_2025",
                   "changde_cd_etdz_2021", "changde_czj_fiscal", "csx_cs_etdz_2018",
                   "en4hw_cn_fiscal_2018", "enghunan_hn_fiscal_2017", "enghunan_hn_fiscal_2017h1", "kfd_cs_htz_wiki",
                   "people_en_cn_fiscal_2022", "rednet_yj_parks_2023",
                   "yiyang_gov_gwr_2023", "yiyang_gov_longling_2022", "zjjtravel_hn_fiscal_2013")
_HTZ_CONTEXT = (HTZ_COUNT_ROW, "park_cs_htz_planned_area_2015", "park_cs_htz_rank_2015", "park_cz_htz_area",
                "park_hh_htz_above_scale_firms_2021", "park_hh_htz_area", "park_hy_htz_area",
                "park_hy_htz_hn_eval_rank_2021", "park_hy_htz_rank_2015", "park_nx_htz_planned_area_2022",
                "park_xt_htz_area", "park_xt_htz_hte_cultivated_2022", "park_xt_htz_rank_2015", "park_zz_htz_area",
                "park_zz_htz_rank_2015", "park_zz_htz_rank_2024", "park_zz_htz_srdi_firms_2023",
                "zone_hn_htz_eval_rank_2020", "zone_htz_rank_2021", "zone_planned_area_2019")
_HTZ_SOURCES = ("article", "cryer_zz_htz_wiki", "dameitall_hy_htz_eval_2021", "enghunan_cs_htz_2015",
                "hbzq_cz_htz_citiao", "hnkjb_hn_htz_eval_2020", "hunanzxsheng_htz_eval", "jiangsulong_hh_htz_2020",
                "m5051903_zone_profile", "newton_hy_htz_wiki", "profilpelajar_xt_htz_wiki", "rednet_zz_htz_srdi_2024",
                "royaume_hh_htz_2022", "scholarmate_xt_htz_30th", "tech_nx_htz_upgrade_2022",
                "yiyang_gov_zone_projects_2022", "zzlib_zz_htz_rank_2024")


def _w(key: str, lang: str, **values: object) -> str:
    return words.fill("fiscal_peers", key, lang, **values) if values else words.text("fiscal_peers", key, lang)


def _headed(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    return table.rename(columns=words.group("fiscal_peers", "columns", lang))


def _record(item: str, value: float, iv: Interval, unit: str, scope: str, rows: list[str], lang: str) -> dict:
    return {"item": item, "value": round(value, DIGITS), "low": round(iv.low, DIGITS), "high": round(iv.high, DIGITS),
            "unit": unit, "scope": _w(f"scopes.{scope}", lang), "row": ", ".join(rows)}


def _year_2025(row: str, ind: pd.DataFrame, ctx: pd.DataFrame, rule) -> tuple[float, Interval, str]:
    """The 2025 level of the series of ``row`` (a January–June row), its interval and the row it comes from.

    A later full-year 2025 row (:func:`~ygx_analysis.data.series.full_year`) is taken as it is; without
    one, ``row`` is annualised by the H1 rule.
    """
    seen = full_year(ind, row, 2025, ctx)
    if seen is None:
        return *rule.annualize(reported(row, ind)), row
    figure = reported(seen["id"], ind) if seen["id"] in set(ind["id"]) else context_reported(seen["id"], ctx)
    return figure.value, as_interval(figure, "figure"), figure.id


@exhibit("tab-fiscal-reconciliation", kind="table", notebook="02_growth.ipynb",
         sources=_FISCAL_SOURCES, indicators=("fiscal_revenue_total_2024", "general_budget_revenue_2024",
                                           "gross_output_2025h1", "value_added_2025h1"),
         context=_FISCAL_CONTEXT)
def fiscal_reconciliation_table(lang: str = "zh", indicators: pd.DataFrame | None = None,
                                context: pd.DataFrame | None = None) -> pd.DataFrame:
    """2024 revenue, its remainder and its ratio to annualised output and value added, against peer parks.

    The remainder (财政总收入 − 一般预算收入) is an interval from the printed
    rounding. Ratios to output and value added divide 2024 budget revenue by the
    January–June 2025 level annualised with the H1 rule: ``value`` uses the
    median share, ``low``/``high`` the range. The article's rows are marked scope not
    established (:func:`~ygx_analysis.audit.fiscal.budget_revenue_scope`: they are not the
    zone budget entity's revenue under either reading).
    Peer ratios are recomputed from their level rows; their scope comes from
    the revenue row's ``indicator`` (:data:`SCOPE_BY_INDICATOR`).

    Parameters
    ----------
    lang : {'zh', 'en'}
    indicators, context : DataFrame, optional
        Outputs of the data loaders; loaded when omitted.

    Examples
    --------
    >>> t = fiscal_reconciliation_table("en").set_index("row")
    >>> t.loc["fiscal_revenue_total_2024, general_budget_revenue_2024", ["value", "low", "high"]].tolist()
    [1.41, 1.4, 1.42]
    >>> peer = t.loc["park_cs_htz_fiscal_revenue_total_2016, park_cs_htz_gross_output_2016"]
    >>> float(peer["value"]), peer["scope"]
    (6.429, 'full scope')
    """
    ind = load_indicators() if indicators is None else indicators
    ctx = load_context() if context is None else context
    total, budget = reported("fiscal_revenue_total_2024", ind), reported("general_budget_revenue_2024", ind)
    budget_scope = budget_revenue_scope(ind, ctx).reading
    total_scope = "full_scope" if budget_scope in BUDGET_SCOPES else "full_scope_not_established"
    rule = half_year_rule("output", ctx)
    rest = remainder(total, [budget], whole_numbers=False)
    item = "exhibits.tab-fiscal-reconciliation."
    yi = _w("units.yi_yuan", lang)
    records = [_record(_w(item + "total", lang), total.value, total.interval, yi, total_scope, [total.id], lang),
               _record(_w(item + "budget", lang), budget.value, budget.interval, yi, budget_scope, [budget.id], lang),
               _record(_w(item + "remainder", lang), total.value - budget.value, rest, yi, total_scope,
                       [total.id, budget.id], lang)]
    for row, measure in (("gross_output_2025h1", "gross_output"), ("value_added_2025h1", "value_added")):
        central, annual, used = _year_2025(row, ind, ctx, rule)
        later = {} if used == row else {"row": used}   # a later full-year row: the label names it
        records.append(_record(_w(item + ("ratio_outturn" if later else "ratio"), lang, **later,
                                  measure=_w(f"measures.{measure}", lang)),
                               100 * budget.value / central, share(budget, annual) * 100, "%", budget_scope,
                               [budget.id, row, *H1_SHARE_ROWS["output"]] if used == row else [budget.id, used],
                               lang))
    for ratio_row, (num_row, den_row) in PEER_RATIOS.items():
        num, den = context_reported(num_row, ctx), context_reported(den_row, ctx)
        meta = ctx.set_index("id").loc[ratio_row]
        scope = SCOPE_BY_INDICATOR.get(ctx.set_index("id").loc[num_row, "indicator"], "unstated")
        records.append(_record(_w(item + "peer", lang, label=meta[f"label_{lang}"], period=meta["period"]),
                               100 * num.value / den.value, share(num, den) * 100, "%", scope, [num_row, den_row],
                               lang))
    return _headed(pd.DataFrame(records), lang)


@exhibit("tab-output-per-firm", kind="table", notebook="04_industry.ipynb",
         sources=("article", *_H1_SOURCES), indicators=FIRM_ROWS, context=H1_SHARE_ROWS["output"])
def output_per_firm_table(lang: str = "zh", indicators: pd.DataFrame | None = None,
                          context: pd.DataFrame | None = None) -> pd.DataFrame:
    """Annualised 2025 gross output and value added per above-scale firm, with the scope caveat.

    The January–June 2025 level is annualised with the H1 rule (``value`` at the
    median share, ``low``/``high`` over the range) and divided by the printed
    count of above-scale firms, which may include non-industrial 四上 firms: then
    the true output per industrial firm is higher.

    Examples
    --------
    >>> t = output_per_firm_table("en")
    >>> t[["value", "low", "high"]].values.tolist()
    [[0.891, 0.863, 0.916], [0.211, 0.205, 0.217]]
    """
    ind = load_indicators() if indicators is None else indicators
    ctx = load_context() if context is None else context
    rule = half_year_rule("output", ctx)
    firms = reported(FIRM_ROWS[0], ind)
    note = _w("exhibits.tab-output-per-firm.note", lang, firms=firms.value,
              four_above=words.text("audit", "quotes.four_above", "zh"))
    records = []
    for row, measure in ((FIRM_ROWS[1], "gross_output"), (FIRM_ROWS[2], "value_added")):
        central, annual, used = _year_2025(row, ind, ctx, rule)
        seen, row = used != row, used
        name = _w(f"measures.{measure}", lang)
        key = "item_outturn" if seen else "item"
        record = _record(_w(f"exhibits.tab-output-per-firm.{key}", lang, measure=name[:1].upper() + name[1:]),
                         central / firms.value, annual / firms.value, _w("units.yi_yuan_per_firm", lang),
                         "unstated", [row, firms.id], lang)
        del record["scope"]
        record["note"] = note if not seen else _w("exhibits.tab-output-per-firm.note_outturn", lang,
                                                      firms=firms.value, row=row)
        records.append(record)
    return _headed(pd.DataFrame(records), lang)


def _period(period: str, lang: str) -> str:
    if period in ("undated", "current"):
        return _w(f"period.{period}", lang)
    if period.endswith("-end"):
        return _w("period.year_end", lang, year=period.removesuffix("-end"))
    return period


def _cell(rows: pd.DataFrame, key: str, lang: str) -> str:
    if rows.empty:
        return _w("cells.missing", lang)
    parts = []
    for _, r in rows.iterrows():
        value, period = f"{r['value']:g}", _period(str(r["period"]), lang)
        if key.startswith("rank"):
            parts.append(_w("cells.rank", lang, value=value, period=period))
        elif key == "area":
            parts.append(_w("cells.area", lang, value=value, unit=r["unit"], period=period))
        else:
            parts.append(_w("cells.firms", lang, value=value, period=period,
                            firm=_w(f"firm_words.{r['indicator']}", lang)))
    return "; ".join(parts)


def _htz_rows(rows: pd.DataFrame, key: str) -> pd.DataFrame:
    chosen = rows[rows["indicator"].isin(_HTZ_COLUMNS[key])]
    if key == "rank_2024":
        return chosen[chosen["period"] == "2024"]
    if key == "rank_earlier":
        return chosen[chosen["period"] != "2024"].sort_values("period").tail(1)
    return chosen


@exhibit("tab-hunan-htz-peers", kind="table", notebook="04_industry.ipynb",
         sources=_HTZ_SOURCES, indicators=("above_scale_enterprises_current",), context=_HTZ_CONTEXT)
def htz_peers_table(lang: str = "zh", context: pd.DataFrame | None = None,
                    indicators: pd.DataFrame | None = None) -> pd.DataFrame:
    """Hunan's nine national HTZs: the ranks, areas and firm counts the package holds, and what is missing.

    Each cell shows the figure with its period, or 缺 / missing; the last column
    (``row``) lists the rows shown. The zone's own above-scale firm count comes from
    ``indicators.csv``. Raises ``ValueError`` naming ``context`` when the number
    of zones in :data:`HTZ_ZONES` differs from :data:`HTZ_COUNT_ROW`.

    Examples
    --------
    >>> t = htz_peers_table("en").set_index("zone")
    >>> t.loc["Yiyang HTZ (this zone)", ["national rank 2024", "national rank before 2024"]].tolist()
    ['missing', 'No. 64 (2021)']
    >>> t.loc["Zhuzhou HTZ", "national rank 2024"]
    'No. 35 (2024)'
    """
    ctx = load_context() if context is None else context
    ind = load_indicators() if indicators is None else indicators
    count = context_reported(HTZ_COUNT_ROW, ctx).value
    if count != len(HTZ_ZONES):
        raise ValueError(f"context: {HTZ_COUNT_ROW} gives {count:g} zones, the table lists {len(HTZ_ZONES)}")
    records = []
    for key, prefix in HTZ_ZONES.items():
        rows = ctx[ctx["id"].str.startswith(prefix)]
        if key == "yy":
            own = ind[ind["indicator"] == "above_scale_enterprises"]
            rows = pd.concat([rows, own[["id", "indicator", "period", "value", "unit"]]], ignore_index=True)
        record: dict[str, str] = {"zone": _w(f"zones.{key}", lang)}
        shown: list[str] = []
        for col in _HTZ_COLUMNS:
            chosen = _htz_rows(rows, col)
            record[_w(f"htz_columns.{col}", lang)] = _cell(chosen, col, lang)
            shown.extend(chosen["id"])
        record["row"] = ", ".join(shown) if shown else _w("cells.missing", lang)
        records.append(record)
    return _headed(pd.DataFrame(records), lang)


POSITION_ROWS = {"local_revenue": "zone_entity_local_gpb_revenue_2025", "local_tax": "zone_entity_local_tax_revenue_2025",
                 "expenditure": "zone_entity_gpb_expenditure_2025", "fund_revenue": "zone_entity_fund_revenue_2025",
                 "debt_balance": "zone_entity_debt_balance_2025", "debt_ceiling": "zone_entity_debt_ceiling_2025",
                 "special_bonds": "zone_entity_special_bonds_2025",
                 "budget_2026": "zone_entity_local_gpb_revenue_budget_2026",
                 "budget_growth_2026": "zone_entity_local_gpb_revenue_budget_growth_2026"}
"""Item key of :func:`fiscal_position_table` → the zone budget entity's row of ``context.csv``."""

POSITION_RATIOS = {"revenue_to_expenditure": ("local_revenue", "expenditure", 100.0, "pct"),
                   "debt_to_revenue": ("debt_balance", "local_revenue", 1.0, "times"),
                   "debt_to_ceiling": ("debt_balance", "debt_ceiling", 100.0, "pct")}
"""Ratio key → (numerator item, denominator item, scale, unit key): formulas of :func:`fiscal_position_table`."""


@exhibit("tab-zone-fiscal-position", kind="table", notebook="02_growth.ipynb",
         sources=("yy_czj_budget_report_2025",), context=tuple(POSITION_ROWS.values()))
def fiscal_position_table(lang: str = "zh", context: pd.DataFrame | None = None) -> pd.DataFrame:
    """The zone's fiscal position as a budget entity: revenue, expenditure, debt, the 2026 budget and ratios.

    Amounts are the city finance bureau's figures for the zone (expected outturns
    for 2025, a budget for 2026; status from each row). The ratios divide rows
    (:data:`POSITION_RATIOS`): debt balance ÷ own local revenue is in times. These
    are the budget entity's figures; the article's 财政总收入 and 一般预算收入 are of
    another, unestablished scope, so the two are never joined.

    Examples
    --------
    >>> t = fiscal_position_table("en").set_index("row")
    >>> round(float(t.loc["zone_entity_debt_balance_2025, zone_entity_local_gpb_revenue_2025", "value"]), 2)
    44.97
    >>> float(t.loc["zone_entity_local_gpb_revenue_2025", "value"]), t.loc["zone_entity_local_gpb_revenue_2025", "status"]
    (3.7, 'preliminary')
    """
    ctx = load_context() if context is None else context
    rows = ctx.set_index("id")
    values = {key: context_reported(row, ctx) for key, row in POSITION_ROWS.items()}
    item = "exhibits.tab-zone-fiscal-position.items."
    scope = _w("scopes.budget_entity", lang)
    records = [{"item": _w(item + key, lang), "period": rows.loc[row, "period"], "value": values[key].value,
                "unit": rows.loc[row, "unit"] if lang == "zh" or rows.loc[row, "unit"] == "%" else _w("units.yi_yuan", lang),
                "status": words.text("common", f"status.{rows.loc[row, 'status']}", lang), "scope": scope, "row": row}
               for key, row in POSITION_ROWS.items()]
    derived = words.text("common", "status.derived", lang)
    for key, (num, den, scale, unit) in POSITION_RATIOS.items():
        records.append({"item": _w(item + key, lang), "period": rows.loc[POSITION_ROWS[num], "period"],
                        "value": scale * values[num].value / values[den].value,
                        "unit": _w(f"units.{unit}", lang), "status": derived, "scope": scope,
                        "row": f"{POSITION_ROWS[num]}, {POSITION_ROWS[den]}"})
    table = _headed(pd.DataFrame(records), lang)
    table.attrs["display_decimals"] = {_w("columns.value", lang): 1}
    return table


_BARS = ("local_revenue", "local_tax", "expenditure", "debt_balance")


@exhibit("fig-zone-fiscal-position", kind="figure", notebook="02_growth.ipynb",
         sources=("yy_czj_budget_report_2025",), context=tuple(POSITION_ROWS[k] for k in (*_BARS, "debt_ceiling")))
def fiscal_position_figure(lang: str = "zh", context: pd.DataFrame | None = None):
    """Bars of the budget entity's 2025 revenue, tax, expenditure and debt (the ceiling marked), 16 cm wide.

    The debt-to-revenue ratio in the title divides the two rows (:data:`POSITION_ROWS`).
    """
    from .style import PALETTE, new_figure, unit_axis_label

    ctx = load_context() if context is None else context
    values = {k: context_reported(POSITION_ROWS[k], ctx).value for k in (*_BARS, "debt_ceiling")}
    fig, ax = new_figure((6.25, 2.9))  # 15.9 cm: drawn for the page, text at 8 pt or more
    y = range(len(_BARS))
    colours = [PALETTE[0], PALETTE[0], PALETTE[1], PALETTE[3]]
    ax.barh(list(y), [values[k] for k in _BARS], color=colours, height=0.6)
    for i, k in enumerate(_BARS):  # the debt bar's value goes past the ceiling mark, clear of it
        ax.text(max(values[k], values["debt_ceiling"] if k == "debt_balance" else 0) + 2, i, f"{values[k]:g}",
                va="center", fontsize=9)
    ceiling = values["debt_ceiling"]
    ax.plot([ceiling, ceiling], [2.55, 3.45], color="#333333", linewidth=1.2)
    ax.text(ceiling, 2.45, _w("exhibits.fig-zone-fiscal-position.ceiling", lang, value=ceiling), ha="right",
            va="bottom", fontsize=8.5, color="#333333")
    ax.set_yticks(list(y), [_w(f"exhibits.tab-zone-fiscal-position.items.{k}", lang) for k in _BARS], fontsize=9)
    ax.invert_yaxis()
    ax.set_xlim(0, ceiling * 1.12)
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", visible=True)
    ax.set_xlabel(unit_axis_label("亿元", lang), fontsize=9)
    fig.suptitle(_w("exhibits.fig-zone-fiscal-position.title", lang,
                    times=values["debt_balance"] / values["local_revenue"]), fontsize=10, x=0.01, ha="left")
    return fig
