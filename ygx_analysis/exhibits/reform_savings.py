"""Exhibits of notebook 05: the reform cost-savings model.

Every exhibit here except the assumptions table shows **model results** (the
printed annual saving repeated, grown and discounted under stated assumptions),
not figures printed in the article; their captions say so and they are
registered with ``is_projection=True``. All use the assumptions of
``data/savings.toml`` (:meth:`~ygx_analysis.savings.SavingsAssumptions.from_data`),
or the ``assumptions=`` given to :func:`~ygx_analysis.exhibits.show` (notebook 05's
parameters), so an edit there shows in every table and figure, and labels show the values used.
The figures are **gross** savings to the zone; the state-owned group's cut is a
separate line; present values are at the end of the valuation year.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from .. import savings as sv
from ..data.tables import reported
from . import check_lang, exhibit, pick, tr

__all__ = [
    "ASSUMPTION_LABELS",
    "ITEM_LABELS",
    "KIND_LABELS",
    "MODEL_TAG",
    "NOTEBOOK",
    "SAVING_ROWS",
    "WINDOW_LABELS",
    "assumptions_table",
    "cumulative_savings_figure",
    "reading",
    "revenue_share_table",
    "savings_path_table",
    "savings_windows_table",
    "sensitivity_table",
    "tornado_figure",
]

NOTEBOOK = "05_reform_savings.ipynb"
DATA_INPUTS = ("savings.toml",)  # the assumptions file these exhibits read (cite lines)
SAVING_ROWS = (sv.ANNUAL_SAVING_ID, sv.GROUP_CUT_ID)
"""Data rows behind every savings path."""

MODEL_TAG = ("模型结果，非原文数字", "model result, not a printed figure")
"""Marker for captions, notes and chart corners."""

WINDOW_LABELS = {
    "plan14_rest": ("“十四五”剩余年份", "Rest of the 14th plan"),
    "plan15": ("“十五五”", "15th plan"),
    "horizon": ("全部计入期", "Whole horizon"),
}
"""Window id → (zh, en) label."""

ITEM_LABELS = {
    "zone_annual_saving": ("高新区每年减少的人力资源成本", "Zone's annual HR-cost saving"),
    "group_cut_2024": ("投控集团2024年降低的人力资源成本（国企成本，单列）",
                       "State-owned group's 2024 HR-cost cut (a company's cost, separate line)"),
    "implied_pre_reform_cost": ("推算的改革前年度人力资源成本（按人数比例；核验存疑）",
                                "Implied pre-reform annual HR cost (cost proportional to headcount; flagged by the audit)"),
    "plan15_cumulative_nominal": ("“十五五”累计毛节约（名义）", "15th-plan cumulative gross saving (nominal)"),
    "plan15_npv": ("“十五五”累计毛节约（现值）", "15th-plan cumulative gross saving (present value)"),
}
"""Row item of :func:`~ygx_analysis.savings.revenue_comparison` → (zh, en) label."""

KIND_LABELS = {
    "printed": ("原文数字", "printed"),
    "company_cost": ("原文数字（国企成本）", "printed (a company's cost)"),
    "printed_lower_bound": ("原文数字（下限）", "printed (lower bound)"),
    "assumption": ("假设", "assumption"),
    "model_result": ("模型结果", "model result"),
}

ASSUMPTION_LABELS = {
    "annual_saving": ("每年节约额", "Annual saving"),
    "first_year": ("首个计入年份", "First year"),
    "through_year": ("最后计入年份", "Last year"),
    "wage_growth_pct": ("成本增长率", "Cost growth"),
    "discount_rate_pct": ("贴现率", "Discount rate"),
    "group_cut_2024": ("集团2024年降本", "Group's 2024 cut"),
    "group_recurs": ("集团降本重复", "Group's cut recurs"),
    "group_growth_pct": ("集团降本增长率", "Group cut growth"),
    "valuation_year": ("估值年", "Valuation year"),
    "timing": ("年内时点", "Timing"),
    "include_group": ("合计含集团", "Total incl. group"),
    "transferred_cost": ("转移成本", "Transferred cost"),
}
"""Short labels for the tornado chart."""


def _assumptions(assumptions: sv.SavingsAssumptions | None) -> sv.SavingsAssumptions:
    """``assumptions``, or those of ``savings.toml`` (:meth:`~ygx_analysis.savings.SavingsAssumptions.from_data`).

    Every exhibit here takes ``assumptions=`` (through :func:`~ygx_analysis.exhibits.show`),
    so a notebook's parameters (e.g. an annual saving set by papermill) reach every table
    and figure, and their labels show the values used.
    """
    if assumptions is None:
        return sv.SavingsAssumptions.from_data()
    if not isinstance(assumptions, sv.SavingsAssumptions):
        raise TypeError(f"assumptions: expected SavingsAssumptions or None, got {type(assumptions).__name__}")
    return assumptions


def _fmt_value(value: object, lang: str) -> str:
    """An assumption's value as text: yes/no (是/否) for a flag, unknown (未知) for None, a number or text."""
    if value is None or (isinstance(value, float) and value != value):
        return tr("未知", "unknown", lang)
    if isinstance(value, bool):
        return tr("是" if value else "否", "yes" if value else "no", lang)
    if isinstance(value, (int, str)):
        return str(value)
    return f"{value:g}"


def _tick_unit(assumption: str, lang: str) -> str:
    """The unit after an assumption's low / high values on the tornado chart: %, 亿元 or none.

    Examples
    --------
    >>> _tick_unit("wage_growth_pct", "en"), _tick_unit("annual_saving", "en"), _tick_unit("first_year", "zh")
    (' %', ' (100 million yuan)', '')
    """
    if assumption.endswith("_pct"):
        return " %" if lang == "en" else "%"
    if assumption in ("annual_saving", "group_cut_2024", "transferred_cost"):
        return tr("亿元", " (100 million yuan)", lang)
    return ""


def _saving_label(a: sv.SavingsAssumptions, lang: str) -> tuple[str, str]:
    """The annual saving used, as a label: the printed lower bound, or the value set."""
    saving = reported(sv.ANNUAL_SAVING_ID)
    if a.annual_saving == saving.value:
        return (f"每年{saving}（原文下限）", f"{saving} a year (printed lower bound)")
    return (f"每年{a.annual_saving:g}亿元（设定值；原文为{saving}）",
            f"{a.annual_saving:g}亿元 a year (set; printed {saving})")


@exhibit("tab-savings-assumptions", kind="table", notebook=NOTEBOOK,
         caption_zh="改革节约模型的假设：取值、依据、合理范围与理由",
         caption_en="Assumptions of the reform-savings model: value, basis, plausible range and rationale",
         indicators=(sv.ANNUAL_SAVING_ID, sv.GROUP_CUT_ID, sv.STAFF_CUT_ID))
def assumptions_table(lang: str = "zh", assumptions: sv.SavingsAssumptions | None = None) -> pd.DataFrame:
    """The default assumptions (see :meth:`SavingsAssumptions.assumptions_table`)."""
    check_lang(lang)
    table = _assumptions(assumptions).assumptions_table(lang)
    table = table.assign(value=[_fmt_value(v, lang) for v in table["value"]],
                         low=["" if v is None else _fmt_value(v, lang) for v in table["low"]],
                         high=["" if v is None else _fmt_value(v, lang) for v in table["high"]])
    if lang == "zh":
        table = table.rename(columns={"assumption": "参数", "label": "含义", "value": "取值", "unit": "单位",
                                      "low": "范围下限", "high": "范围上限", "basis": "依据",
                                      "rationale": "理由", "rows": "数据行"})
    return table


def _path_table(lang: str, assumptions: sv.SavingsAssumptions | None = None) -> pd.DataFrame:
    a = _assumptions(assumptions)
    path = sv.savings_path(a)
    total = ("合计（含集团，名义，亿元）", "total incl. group (nominal, 亿元)") if a.include_group else \
        ("合计：高新区毛节约（名义，亿元）", "total: zone's gross saving (nominal, 亿元)")
    columns = {
        "year": ("年份", "year"),
        "t": ("距估值日（年）", f"t (years from end-{a.valuation_year})"),
        "zone_saving": (f"高新区节约（名义，年增{a.wage_growth_pct:g}%，亿元）",
                        f"zone saving (nominal, growing {a.wage_growth_pct:g}% a year, 亿元)"),
        "group_saving": ("集团降本（国企，单列，亿元）", "group cut (company, separate, 亿元)"),
        "nominal_saving": total,
        "discount_factor": ("贴现因子", "discount factor"),
        "present_value": (f"现值（贴现率{a.discount_rate_pct:g}%，亿元）", f"present value (at {a.discount_rate_pct:g}%, 亿元)"),
        "cumulative_nominal": ("累计（名义，亿元）", "cumulative (nominal, 亿元)"),
        "cumulative_present_value": ("累计（现值，亿元）", "cumulative (present value, 亿元)"),
    }
    if a.transferred_cost is not None:
        columns["net_saving"] = ("净节约（名义，亿元）", "net saving (nominal, 亿元)")
    table = path[list(columns)].round({c: 4 for c in columns if c != "year"})
    return table.rename(columns={k: tr(*v, lang) for k, v in columns.items()})


@exhibit("tab-savings-path", kind="table", notebook=NOTEBOOK,
         caption_zh="逐年毛节约：名义、贴现因子、现值（折算到估值年末）与累计（savings.toml的假设；模型结果，非原文数字）",
         caption_en="Gross savings year by year: nominal, discount factor, present value (at the end of the "
                    "valuation year) and cumulative (assumptions of savings.toml; model result, not a printed figure)",
         indicators=SAVING_ROWS, is_projection=True)
def savings_path_table(lang: str = "zh", assumptions: sv.SavingsAssumptions | None = None) -> pd.DataFrame:
    """Per-year path under the default assumptions, rounded to 4 decimals."""
    check_lang(lang)
    return _path_table(lang, assumptions)


@exhibit("tab-savings-windows", kind="table", notebook=NOTEBOOK,
         caption_zh="分期累计毛节约：名义与现值（现值折算到估值年末，默认2025年末；模型结果，非原文数字）",
         caption_en="Cumulative gross savings by plan period, nominal and present value (present values at the "
                    "end of the valuation year, 2025 by default; model result, not a printed figure)",
         indicators=SAVING_ROWS, is_projection=True)
def savings_windows_table(lang: str = "zh", assumptions: sv.SavingsAssumptions | None = None) -> pd.DataFrame:
    """:func:`~ygx_analysis.savings.window_summary` of the default path, with labels."""
    check_lang(lang)
    a = _assumptions(assumptions)
    summary = sv.window_summary(sv.savings_path(a))
    table = pd.DataFrame({
        "window": [pick(WINDOW_LABELS, w, lang) for w in summary["window"]],
        "years": [f"{s}–{e}" for s, e in zip(summary["start"], summary["end"], strict=True)],
        "cumulative_nominal": summary["cumulative_nominal"].round(4),
        "npv": summary["npv"].round(4),
    })
    if a.transferred_cost is not None:
        table["net_nominal"] = summary["net_nominal"].round(4)
        table["net_npv"] = summary["net_npv"].round(4)
    pv = (f"现值，贴现率{a.discount_rate_pct:g}%，{a.valuation_year}年末",
          f"present value at {a.discount_rate_pct:g}%, end-{a.valuation_year}")
    if lang == "zh":
        table = table.rename(columns={"window": "时期", "years": "年份", "cumulative_nominal": "累计毛节约（名义，亿元）",
                                      "npv": f"累计毛节约（{pv[0]}，亿元）", "net_nominal": "净节约（名义，亿元）",
                                      "net_npv": f"净节约（{pv[0]}，亿元）"})
    else:
        table = table.rename(columns={"cumulative_nominal": "gross, nominal (亿元)", "npv": f"gross, {pv[1]} (亿元)",
                                      "net_nominal": "net, nominal (亿元)", "net_npv": f"net, {pv[1]} (亿元)"})
    return table


@exhibit("fig-savings-cumulative", kind="figure", notebook=NOTEBOOK,
         caption_zh="改革节约的逐年与累计值：名义与现值（默认假设；模型结果，非原文数字）",
         caption_en="Reform savings per year and cumulated, nominal and present value "
                    "(default assumptions; model result, not a printed figure)",
         indicators=SAVING_ROWS, is_projection=True)
def cumulative_savings_figure(lang: str = "zh", assumptions: sv.SavingsAssumptions | None = None):
    """Bars of the yearly nominal saving; dashed lines of the cumulative nominal and present value.

    Every year drawn is a model year (the README: after 2024 everything is a model
    result), so all of them are shaded; the 15th plan is marked by a bracket.
    """
    from matplotlib.colors import to_rgb

    from .style import PALETTE, PROJECTION_STYLE, add_projection_note, new_figure, unit_axis_label
    from .innovation import printed_label

    check_lang(lang)
    a = _assumptions(assumptions)
    path = sv.savings_path(a)
    fig, ax = new_figure((8.0, 4.6))
    years = path["year"].to_numpy()
    ax.axvspan(years[0] - 0.5, years[-1] + 0.5, color="#eeeeee", zorder=0)
    # an opaque light blue, so the bars look the same on the shading as their legend swatch
    light = tuple(0.35 * c + 0.65 for c in to_rgb(PALETTE[0]))
    ax.bar(years, path["nominal_saving"], width=0.6, color=light, edgecolor=PALETTE[0], linewidth=1.0,
           linestyle=PROJECTION_STYLE["linestyle"],
           label="每年节约（名义）" if lang == "zh" else "Saving per year (nominal)")
    ax.plot(years, path["cumulative_nominal"], marker="o", color=PALETTE[0], **PROJECTION_STYLE,
            label="累计（名义）" if lang == "zh" else "Cumulative (nominal)")
    ax.plot(years, path["cumulative_present_value"], marker="s", color=PALETTE[1], **PROJECTION_STYLE,
            label="累计（现值）" if lang == "zh" else "Cumulative (present value)")
    for column, colour in (("cumulative_nominal", PALETTE[0]), ("cumulative_present_value", PALETTE[1])):
        ax.annotate(f"{path[column].iloc[-1]:.2f}", (years[-1], path[column].iloc[-1]),
                    xytext=(6, 0), textcoords="offset points", va="center", fontsize=9, color=colour)
    bracket = ax.get_xaxis_transform()
    ax.plot([sv.PLAN15[0] - 0.4, sv.PLAN15[1] + 0.4], [0.86, 0.86], transform=bracket, color="#777777",
            linewidth=0.8, marker="|", markersize=6)
    ax.text(sum(sv.PLAN15) / 2, 0.87, "“十五五” 2026–2030" if lang == "zh" else "15th plan 2026–2030",
            transform=bracket, ha="center", va="bottom", fontsize=8, color="#555555")
    ax.set_xticks(years)
    ax.set_xlim(years[0] - 0.6, years[-1] + 0.9)
    ax.set_ylim(0, float(path["cumulative_nominal"].max()) * 1.25)  # room for the bracket above the lines
    ax.set_ylabel(unit_axis_label("亿元", lang))
    printed = reported(sv.ANNUAL_SAVING_ID)
    saving_en = (f"{printed_label(printed, 'en')} a year, the printed lower bound"
                 if a.annual_saving == printed.value else
                 f"{a.annual_saving:g} x 100 million yuan a year (set; printed: {printed_label(printed, 'en')})")
    ax.set_title(f"改革节约的人力资源成本（毛节约；{_saving_label(a, lang)[0]}）" if lang == "zh"
                 else f"HR cost saved by the 2024 reform (gross)\n{saving_en}")
    note = (f"{MODEL_TAG[0]}；阴影为模型年份；现值按{a.discount_rate_pct:g}%折算到{a.valuation_year}年末" if lang == "zh"
            else f"{MODEL_TAG[1]}; shaded: model years; present value at {a.discount_rate_pct:g}% to the end of "
                 f"{a.valuation_year}")
    add_projection_note(ax, note)
    ax.legend(loc="center left")
    return fig


@exhibit("tab-savings-revenue-share", kind="table", notebook=NOTEBOOK,
         caption_zh="节约额相当于2024年一般预算收入（按全口径读法）的百分比（含原文数字与模型结果）",
         caption_en="Savings as a percentage of 2024 general budget revenue, read as full-scope revenue "
                    "(printed figures and model results)",
         indicators=(sv.ANNUAL_SAVING_ID, sv.GROUP_CUT_ID, sv.STAFF_CUT_ID, sv.REVENUE_ID),
         is_projection=True)
def revenue_share_table(lang: str = "zh", assumptions: sv.SavingsAssumptions | None = None) -> pd.DataFrame:
    """:func:`~ygx_analysis.savings.revenue_comparison` with labels; the kind column marks model results."""
    check_lang(lang)
    a = _assumptions(assumptions)
    comparison = sv.revenue_comparison(a)
    items = [pick(ITEM_LABELS, i, lang) for i in comparison["item"]]
    items[0] = f"{items[0]}：{_saving_label(a, lang)[0]}" if lang == "zh" else f"{items[0]}: {_saving_label(a, lang)[1]}"
    table = pd.DataFrame({
        "item": items,
        "amount": comparison["amount"].round(4),
        "share": comparison["share_of_revenue_pct"].round(2),
        "kind": [pick(KIND_LABELS, k, lang) for k in comparison["kind"]],
        "rows": comparison["rows"],
    })
    if lang == "zh":
        return table.rename(columns={"item": "项目", "amount": "金额（亿元）",
                                     "share": "占2024年一般预算收入（全口径读法，%）", "kind": "性质", "rows": "数据行"})
    return table.rename(columns={"amount": "amount (亿元)",
                                 "share": "% of 2024 general budget revenue (full-scope reading)",
                                 "rows": "data rows"})


def _tornado_table(lang: str, measure: str, assumptions: sv.SavingsAssumptions | None = None) -> pd.DataFrame:
    s = sv.sensitivity(_assumptions(assumptions), measure=measure)
    table = pd.DataFrame({
        "assumption": s["assumption"],
        "label": [pick(ASSUMPTION_LABELS, a, lang) for a in s["assumption"]],
        "base": [_fmt_value(v, lang) for v in s["base_value"]],
        "low": [_fmt_value(v, lang) for v in s["low_value"]],
        "high": [_fmt_value(v, lang) for v in s["high_value"]],
        "result_low": s["result_low"].round(4),
        "result_base": s["result_base"].round(4),
        "result_high": s["result_high"].round(4),
        "swing": s["swing"].round(4),
    })
    return table


@exhibit("tab-savings-sensitivity", kind="table", notebook=NOTEBOOK,
         caption_zh="敏感性（龙卷风表）：“十五五”（2026–2030）累计节约，名义与现值（模型结果，非原文数字）",
         caption_en="Sensitivity (tornado table) of the 15th-plan (2026–2030) cumulative saving, nominal and "
                    "present value (model result, not a printed figure)",
         indicators=SAVING_ROWS, is_projection=True)
def sensitivity_table(lang: str = "zh", assumptions: sv.SavingsAssumptions | None = None) -> pd.DataFrame:
    """Both tornado tables stacked, with a ``measure`` column; one assumption varied at a time."""
    check_lang(lang)
    parts = []
    for measure, label in (("cumulative_nominal", ("名义", "nominal")), ("npv", ("现值", "present value"))):
        part = _tornado_table(lang, measure, assumptions)
        part.insert(0, "measure", tr(*label, lang))
        parts.append(part)
    table = pd.concat(parts, ignore_index=True)
    if lang == "zh":
        table = table.rename(columns={"measure": "口径", "assumption": "参数", "label": "含义", "base": "基准值",
                                      "low": "低值", "high": "高值", "result_low": "低值结果（亿元）",
                                      "result_base": "基准结果（亿元）", "result_high": "高值结果（亿元）",
                                      "swing": "摆幅（亿元）"})
    else:
        table = table.rename(columns={"result_low": "result at low (亿元)", "result_base": "base result (亿元)",
                                      "result_high": "result at high (亿元)", "swing": "swing (亿元)"})
    return table


@exhibit("fig-savings-tornado", kind="figure", notebook=NOTEBOOK,
         caption_zh="龙卷风图：各假设对“十五五”（2026–2030）累计节约的影响，名义与现值（模型结果，非原文数字）",
         caption_en="Tornado chart: how each assumption moves the 15th-plan (2026–2030) cumulative saving, "
                    "nominal and present value (model result, not a printed figure)",
         indicators=SAVING_ROWS, is_projection=True)
def tornado_figure(lang: str = "zh", assumptions: sv.SavingsAssumptions | None = None):
    """Two tornado panels (nominal, present value): bars from the base result to the low and high results."""
    from .style import PALETTE, PROJECTION_STYLE, add_projection_note, new_figure, unit_axis_label

    check_lang(lang)
    fig, axes = new_figure((9.5, 4.8), ncols=2)
    panels = (("cumulative_nominal", ("名义累计", "Nominal cumulative")),
              ("npv", ("现值累计", "Present value cumulative")))
    for ax, (measure, title) in zip(axes, panels, strict=True):
        s = sv.sensitivity(_assumptions(assumptions), measure=measure)
        base = float(s["result_base"].iloc[0])
        y = range(len(s))
        style = {**PROJECTION_STYLE, "alpha": 0.8}
        ax.barh(y, s["change_low"], left=base, color=PALETTE[0], edgecolor=PALETTE[0], **style,
                label="取低值" if lang == "zh" else "at low value")
        ax.barh(y, s["change_high"], left=base, color=PALETTE[1], edgecolor=PALETTE[1], **style,
                label="取高值" if lang == "zh" else "at high value")
        labels = [f"{pick(ASSUMPTION_LABELS, a, lang)}\n{_fmt_value(lo, lang)} / {_fmt_value(hi, lang)}"
                  f"{_tick_unit(a, lang)}"
                  for a, lo, hi in zip(s["assumption"], s["low_value"], s["high_value"], strict=True)]
        ax.set_yticks(list(y), labels)
        ax.set_ylim(len(s) - 0.5, -1.2)  # top to bottom, with room for the note above the first bar
        ax.axvline(base, color="#333333", linewidth=0.8)
        ax.grid(axis="y", visible=False)
        ax.grid(axis="x", visible=True)
        ax.set_title(f"{tr(*title, lang)}（基准 {base:.2f} 亿元）" if lang == "zh"
                     else f"{tr(*title, lang)} (base {base:.2f})")
        ax.set_xlabel(f"2026–2030，{unit_axis_label('亿元', lang)}" if lang == "zh"
                      else f"2026–2030, {unit_axis_label('亿元', lang)}")
        add_projection_note(ax, tr(*MODEL_TAG, lang))
    axes[0].legend(loc="lower right")
    return fig


def reading(lang: str = "zh", assumptions: sv.SavingsAssumptions | None = None) -> str:
    """A short reading of the results of ``savings.toml``, with every number computed from the model.

    Examples
    --------
    >>> "gross" in reading("en") and "full-scope" in reading("en")
    True
    >>> "每年2亿元（设定值" in reading("zh", sv.SavingsAssumptions.from_data(annual_saving=2.0))
    True
    """
    check_lang(lang)
    a = _assumptions(assumptions)
    plan15 = sv.window_summary(sv.savings_path(a)).set_index("window").loc["plan15"]
    share = sv.savings_share_of_revenue(float(plan15["cumulative_nominal"]))
    tornado = sv.sensitivity(a)
    top = tornado.iloc[0]
    group_line = float(sv.savings_path(replace(a, group_recurs=True, group_growth_pct=0.0, first_year=sv.PLAN15[0],
                                               through_year=sv.PLAN15[1]))["group_saving"].sum())
    saving = _saving_label(a, lang)
    if lang == "zh":
        return (f"按 savings.toml 的假设（{saving[0]}，名义年增{a.wage_growth_pct:g}%，贴现率{a.discount_rate_pct:g}%），"
                f"“十五五”五年高新区累计毛节约{plan15['cumulative_nominal']:.2f}亿元（名义），"
                f"折合{a.valuation_year}年末现值{plan15['npv']:.2f}亿元，"
                f"约相当于2024年一般预算收入（按全口径读法）的{share:.1f}%。"
                f"这是毛节约：部分成本随移交的镇、街道和职能转到了地方政府。"
                f"摆幅最大的假设是“{ASSUMPTION_LABELS[top['assumption']][0]}”（{top['swing']:.2f}亿元）。"
                f"投控集团的降本是国企成本，单列：若逐年重复且不增长，五年为{group_line:.2f}亿元，不计入上述合计。"
                f"以上均为模型结果，非原文数字。")
    return (f"Under the assumptions of savings.toml ({saving[1]}, growing {a.wage_growth_pct:g}% a year in nominal "
            f"terms, discounted at {a.discount_rate_pct:g}%), the 15th plan's five years save the zone "
            f"{plan15['cumulative_nominal']:.2f}亿元 gross (nominal), {plan15['npv']:.2f}亿元 in present value at the "
            f"end of {a.valuation_year}, about {share:.1f}% of one year's (2024) general budget revenue read as "
            f"full-scope revenue. These are gross savings: part of the cost moved to the local governments with the "
            f"town, sub-districts and functions they took over. The assumption with the largest swing is "
            f"'{ASSUMPTION_LABELS[top['assumption']][1]}' ({top['swing']:.2f}亿元). The state-owned group's cut is "
            f"a company's cost, shown apart: if it recurred without growth it would be {group_line:.2f}亿元 over "
            f"the five years, not included above. All of these are model results, not printed figures.")
