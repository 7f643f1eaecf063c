"""Exhibits an analyst expects: the fiscal reconciliation, output per firm and Hunan's national HTZs.

Every number is computed from rows of ``indicators.csv`` and ``context.csv``;
January–June 2025 levels are annualised with the package's one H1 rule
(:func:`ygx_analysis.arithmetic.halfyear.half_year_rule`), so a ratio to a year's output is
a range. Each row names its scope (全口径 / 地方 / 口径未说明) and the rows behind it.
"""

from __future__ import annotations

import pandas as pd

from ..audit.fiscal import FISCAL_CONTEXT_IDS, budget_revenue_scope
from ..arithmetic.composition import remainder
from ..data.tables import context_reported, load_context, load_indicators, reported
from ..arithmetic.growth import share
from ..arithmetic.halfyear import H1_SHARE_ROWS, half_year_rule
from ..arithmetic.reported import Interval
from . import check_lang, exhibit, pick, tr

__all__ = [
    "DIGITS",
    "FIRM_ROWS",
    "HTZ_COUNT_ROW",
    "HTZ_ZONES",
    "MISSING",
    "PEER_RATIOS",
    "SCOPES",
    "SCOPE_BY_INDICATOR",
    "fiscal_reconciliation_table",
    "htz_peers_table",
    "output_per_firm_table",
]

DIGITS = 3
"""Decimals shown for values and bounds."""

SCOPES = {
    "full_scope": ("全口径", "full scope"),
    "local_level": ("地方", "local level"),
    "unstated": ("口径未说明", "scope not stated"),
}
"""Scope key → (Chinese, English) label."""

SCOPE_BY_INDICATOR = {
    "fiscal_revenue_total": "full_scope",
    "industrial_tax_paid": "full_scope",
    "local_gpb_revenue": "local_level",
}
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

HTZ_ZONES = {
    "cs": ("长沙高新区", "Changsha HTZ", "park_cs_htz_"),
    "zz": ("株洲高新区", "Zhuzhou HTZ", "park_zz_htz_"),
    "xt": ("湘潭高新区", "Xiangtan HTZ", "park_xt_htz_"),
    "yy": ("益阳高新区（本园区）", "Yiyang HTZ (this zone)", "zone_"),
    "hy": ("衡阳高新区", "Hengyang HTZ", "park_hy_htz_"),
    "cz": ("郴州高新区", "Chenzhou HTZ", "park_cz_htz_"),
    "cd": ("常德高新区", "Changde HTZ", "park_cd_htz_"),
    "hh": ("怀化高新区", "Huaihua HTZ", "park_hh_htz_"),
    "nx": ("宁乡高新区", "Ningxiang HTZ", "park_nx_htz_"),
}
"""Hunan's national HTZs: key → (Chinese name, English name, id prefix of their ``context.csv`` rows)."""

MISSING = ("缺", "missing")
"""The cell of a figure the package does not hold."""

_HTZ_COLUMNS = {
    "rank_2024": (("htz_evaluation_rank",), ("2024年全国排名", "national rank 2024")),
    "rank_earlier": (("htz_evaluation_rank",), ("2024年前全国排名", "national rank before 2024")),
    "rank_hunan": (("hn_htz_evaluation_rank",), ("省内绩效排名", "rank in Hunan")),
    "area": (("area", "planned_area"), ("面积", "area")),
    "firms": (("above_scale_enterprises", "srdi_enterprises_provincial", "high_tech_enterprises_cultivated"),
              ("企业数", "firm counts")),
}
"""Column key → (``indicator`` values of the rows it shows, (Chinese, English) heading)."""

_FIRM_WORDS = {
    "above_scale_enterprises": ("规上企业", "above-scale firms"),
    "srdi_enterprises_provincial": ("省级以上专精特新", "provincial SRDI firms"),
    "high_tech_enterprises_cultivated": ("培育高企", "high-tech firms cultivated"),
}


def _record(item: str, value: float, iv: Interval, unit: str, scope: str, rows: list[str],
            lang: str) -> dict[str, object]:
    return {"item": item, "value": round(value, DIGITS), "low": round(iv.low, DIGITS),
            "high": round(iv.high, DIGITS), "unit": unit, "scope": pick(SCOPES, scope, lang),
            "row": ", ".join(rows)}


def _columns_zh(table: pd.DataFrame) -> pd.DataFrame:
    return table.rename(columns={"item": "项目", "value": "数值", "low": "下限", "high": "上限", "unit": "单位",
                                 "scope": "口径", "row": "数据行", "note": "说明"})


def fiscal_reconciliation_table(lang: str = "zh", indicators: pd.DataFrame | None = None,
                                context: pd.DataFrame | None = None) -> pd.DataFrame:
    """2024 revenue, its remainder and its ratio to annualised output and value added, against peer parks.

    The remainder (财政总收入 − 一般预算收入) is an interval from the printed
    rounding. Ratios to output and value added divide 2024 budget revenue by the
    January–June 2025 level annualised with the H1 rule: ``value`` uses the
    median share, ``low``/``high`` the range. The scope of 一般预算收入 is the
    reading the audit adopts (:func:`~ygx_analysis.audit.fiscal.budget_revenue_scope`).
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
    check_lang(lang)
    ind = load_indicators() if indicators is None else indicators
    ctx = load_context() if context is None else context
    total, budget = reported("fiscal_revenue_total_2024", ind), reported("general_budget_revenue_2024", ind)
    budget_scope = budget_revenue_scope(ind, ctx).adopted
    rule = half_year_rule("output", ctx)
    rest = remainder(total, [budget], whole_numbers=False)
    records = [
        _record(tr("财政总收入（2024）", "Total fiscal revenue (2024)", lang), total.value, total.interval,
                tr("亿元", "100m yuan", lang), "full_scope", [total.id], lang),
        _record(tr("一般预算收入（2024）", "General budget revenue (2024)", lang), budget.value, budget.interval,
                tr("亿元", "100m yuan", lang), budget_scope, [budget.id], lang),
        _record(tr("差额：总收入−一般预算收入", "Remainder: total − budget revenue", lang),
                total.value - budget.value, rest, tr("亿元", "100m yuan", lang), "full_scope",
                [total.id, budget.id], lang),
    ]
    for row, zh, en in (("gross_output_2025h1", "规模工业总产值", "gross output"),
                        ("value_added_2025h1", "规模工业增加值", "value added")):
        h1 = reported(row, ind)
        central, annual = rule.annualize(h1)
        ratio = share(budget, annual) * 100
        records.append(_record(tr(f"一般预算收入÷全年{zh}（按上半年推算）",
                                  f"Budget revenue ÷ annual {en} (from January–June)", lang),
                               100 * budget.value / central, ratio, "%", budget_scope,
                               [budget.id, row, *H1_SHARE_ROWS["output"]], lang))
    for ratio_row, (num_row, den_row) in PEER_RATIOS.items():
        num, den = context_reported(num_row, ctx), context_reported(den_row, ctx)
        meta = ctx.set_index("id").loc[ratio_row]
        scope = SCOPE_BY_INDICATOR.get(ctx.set_index("id").loc[num_row, "indicator"], "unstated")
        records.append(_record(meta[f"label_{lang}"] + tr(f"（{meta['period']}）", f" ({meta['period']})", lang), 100 * num.value / den.value,
                               share(num, den) * 100, "%", scope, [num_row, den_row], lang))
    table = pd.DataFrame(records)
    return _columns_zh(table) if lang == "zh" else table


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
    check_lang(lang)
    ind = load_indicators() if indicators is None else indicators
    ctx = load_context() if context is None else context
    rule = half_year_rule("output", ctx)
    firms = reported(FIRM_ROWS[0], ind)
    note = tr(f"分母{firms.value:g}家为报道的“规模以上企业”，可能包含非工业的“四上”企业（核验说明）；"
              "若只计规上工业企业，每家产值更高。年度值按上半年推算。",
              f"The divisor, {firms.value:g} firms, is the article's 'above-scale enterprises', which may include "
              "non-industrial 四上 firms (audit note); per industrial firm the output would be higher. "
              "Year estimated from January–June.", lang)
    records = []
    for row, zh, en in ((FIRM_ROWS[1], "规模工业总产值", "Gross output"), (FIRM_ROWS[2], "规模工业增加值", "Value added")):
        central, annual = rule.annualize(reported(row, ind))
        record = _record(tr(f"每家规上企业{zh}（2025年，推算）", f"{en} per above-scale firm (2025, estimated)", lang),
                         central / firms.value, annual / firms.value, tr("亿元/家", "100m yuan per firm", lang),
                         "unstated", [row, firms.id], lang)
        del record["scope"]
        record["note"] = note
        records.append(record)
    table = pd.DataFrame(records)
    return _columns_zh(table) if lang == "zh" else table


def _period(period: str, lang: str) -> str:
    if lang == "en":
        return period
    words = {"undated": "年份不详", "current": "当前"}
    return words.get(period, period.replace("-end", "年末"))


def _cell(rows: pd.DataFrame, key: str, lang: str) -> str:
    if rows.empty:
        return pick({"m": MISSING}, "m", lang)
    parts = []
    for _, r in rows.iterrows():
        value = f"{r['value']:g}"
        r = r.copy()
        r["period"] = _period(str(r["period"]), lang)
        if key.startswith("rank"):
            parts.append(tr(f"第{value}位（{r['period']}）", f"No. {value} ({r['period']})", lang))
        elif key == "area":
            parts.append(tr(f"{value} {r['unit']}（{r['period']}）", f"{value} {r['unit']} ({r['period']})", lang))
        else:
            parts.append(tr(f"{_FIRM_WORDS[r['indicator']][0]}{value}家（{r['period']}）",
                            f"{value} {_FIRM_WORDS[r['indicator']][1]} ({r['period']})", lang))
    return "; ".join(parts)


def _htz_rows(rows: pd.DataFrame, key: str) -> pd.DataFrame:
    chosen = rows[rows["indicator"].isin(_HTZ_COLUMNS[key][0])]
    if key == "rank_2024":
        return chosen[chosen["period"] == "2024"]
    if key == "rank_earlier":
        earlier = chosen[chosen["period"] != "2024"]
        return earlier.sort_values("period").tail(1)
    return chosen


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
    check_lang(lang)
    ctx = load_context() if context is None else context
    ind = load_indicators() if indicators is None else indicators
    count = context_reported(HTZ_COUNT_ROW, ctx).value
    if count != len(HTZ_ZONES):
        raise ValueError(f"context: {HTZ_COUNT_ROW} gives {count:g} zones, the table lists {len(HTZ_ZONES)}")
    records = []
    for key, (zh, en, prefix) in HTZ_ZONES.items():
        rows = ctx[ctx["id"].str.startswith(prefix)]
        if key == "yy":
            own = ind[ind["indicator"] == "above_scale_enterprises"]
            rows = pd.concat([rows, own[["id", "indicator", "period", "value", "unit"]]], ignore_index=True)
        record: dict[str, str] = {"zone": tr(zh, en, lang)}
        shown: list[str] = []
        for col, (_, heading) in _HTZ_COLUMNS.items():
            chosen = _htz_rows(rows, col)
            record[tr(*heading, lang)] = _cell(chosen, col, lang)
            shown.extend(chosen["id"])
        record["row"] = ", ".join(shown) if shown else pick({"m": MISSING}, "m", lang)
        records.append(record)
    table = pd.DataFrame(records)
    return table.rename(columns={"zone": "园区", "row": "数据行"}) if lang == "zh" else table


_FISCAL_CONTEXT = tuple(dict.fromkeys([*H1_SHARE_ROWS["output"], *FISCAL_CONTEXT_IDS, *PEER_RATIOS,
                                       *(r for pair in PEER_RATIOS.values() for r in pair)]))
_H1_SOURCES = ("enghunan_hn_2024h1", "people_hn_2025h1", "qntz_cn_2023h1", "scol_cn_2022h1", "verygif_cn_2024h1",
               "yueyang_gov_hn_2024h1")
_FISCAL_SOURCES = ("article", *_H1_SOURCES, "changde_cd_etdz_2021", "changde_czj_fiscal", "csx_cs_etdz_2018",
                   "en4hw_cn_fiscal_2018", "enghunan_hn_fiscal_2017", "enghunan_hn_fiscal_2017h1", "kfd_cs_htz_wiki",
                   "people_en_cn_fiscal_2022", "rednet_yj_parks_2023", "yiyang_gov_15fyp_proposal",
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


@exhibit("tab-fiscal-reconciliation", kind="table", notebook="02_growth.ipynb",
         caption_zh="2024年财政收入对账：总收入、一般预算收入与差额，收入与推算全年产值、增加值之比，与同类园区对照（注明口径）",
         caption_en="Reconciling 2024 revenue: total, budget revenue and the remainder, revenue per unit of estimated "
                    "annual output and value added, against peer parks (scope marked)",
         sources=_FISCAL_SOURCES, indicators=("fiscal_revenue_total_2024", "general_budget_revenue_2024",
                                           "gross_output_2025h1", "value_added_2025h1"),
         context=_FISCAL_CONTEXT)
def fiscal_reconciliation_exhibit(lang: str = "zh") -> pd.DataFrame:
    """The registered table of :func:`fiscal_reconciliation_table`."""
    return fiscal_reconciliation_table(lang)


@exhibit("tab-output-per-firm", kind="table", notebook="04_industry.ipynb",
         caption_zh="每家规模以上企业的产值与增加值（2025年，按上半年推算），附口径说明",
         caption_en="Output and value added per above-scale firm (2025, estimated from January–June), "
                    "with the scope caveat",
         sources=("article", *_H1_SOURCES), indicators=FIRM_ROWS, context=H1_SHARE_ROWS["output"])
def output_per_firm_exhibit(lang: str = "zh") -> pd.DataFrame:
    """The registered table of :func:`output_per_firm_table`."""
    return output_per_firm_table(lang)


@exhibit("tab-hunan-htz-peers", kind="table", notebook="04_industry.ipynb",
         caption_zh="湖南九家国家高新区：本包掌握的公开数据（排名、面积、企业数）与缺项",
         caption_en="Hunan's nine national high-tech zones: the public data the package holds "
                    "(ranks, areas, firm counts) and what is missing",
         sources=_HTZ_SOURCES, indicators=("above_scale_enterprises_current",), context=_HTZ_CONTEXT)
def htz_peers_exhibit(lang: str = "zh") -> pd.DataFrame:
    """The registered table of :func:`htz_peers_table`."""
    return htz_peers_table(lang)
