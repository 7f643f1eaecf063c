"""A machine audit of the article's figures: recompute what they imply and check that they agree.

:func:`audit` returns one row per check, with the columns of :data:`COLUMNS`:

``check_id``
    A stable id (``fiscal_total_2023_implied``).
``description_zh``, ``description_en``
    What is checked, with the unit of ``value`` in brackets.
``formula``
    The library formula and the printed numbers it was applied to.
``inputs``
    The data row ids used, separated by ``;`` (``indicators.csv`` or ``context.csv``).
``value``
    The formula at the printed values. Where a count is printed as a range (``30多``)
    the value is the midpoint of its whole-number interval.
``low``, ``high``
    Bounds that follow the printing: the rounding of every printed number
    (``62.08`` → [62.075, 62.085)), 超/以上 (open above: ``high`` is ``inf``) and
    多/余 (ranges). Which ends are open is said in ``note`` when it matters.
``reported``
    The printed figure the check tests, as printed (``487家``); empty when the
    check derives a figure the article does not print.
``status``
    One of :data:`STATUSES`:

    - ``reproduced``: a figure the printed ones imply, by arithmetic alone;
    - ``consistent``: a test between figures passes (parts within a total, a ratio
      in a plausible band, a comparison on the same measure), or a figure that
      needs a stated assumption;
    - ``flag``: a test fails or the value is implausible; ``note`` says why;
    - ``not_comparable``: the inputs have different definitions; the value is
      shown only to say what a naive splice would claim, and ``note`` says why it is wrong.
``note``
    The reading, in the language asked for (``lang``).

The package has three modules: this one (the table and the checks of output,
patents, clusters, platforms, the reform and benchmarks), :mod:`~ygx_analysis.audit.fiscal`
(the fiscal checks, including the scope of 一般预算收入) and
:mod:`~ygx_analysis.audit.checks` (the row type). Notes cite only data row ids
(``indicators.csv``, ``context.csv``) and check ids.

Assumptions are keyword arguments of :func:`audit` with documented defaults.
A wrong type raises ``TypeError`` and a wrong value ``ValueError``, each naming
the argument.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd

from ..arithmetic.composition import interval_sum, remainder
from ..data.tables import context_reported, load_context, load_indicators, reported
from ..arithmetic.growth import H1_SHARE_ROWS, HalfYearRule, cagr, half_year_rule, implied_prior_level, pp_difference, share
from ..arithmetic.reported import Interval, Reported
from ..savings import implied_pre_reform_cost
from .fiscal import BUDGET_SCOPES, FISCAL_CONTEXT_IDS, ScopeEvidence, budget_revenue_scope, fiscal_checks
from .checks import COLUMNS, STATUSES, Check
from .checks import fmt as _f
from .checks import fmt_interval as _iv
from .checks import implied_prior_check as _implied_prior
from .checks import pct as _pct
from .checks import real as _real

__all__ = [
    "BUDGET_SCOPES",
    "BUDGET_SHARE_FLAG_ABOVE",
    "CLUSTER_IDS",
    "CLUSTER_TOTAL_ID",
    "COLUMNS",
    "CONTEXT_IDS",
    "INDICATOR_IDS",
    "SOURCE_IDS",
    "STATUSES",
    "VALUE_ADDED_RATE_RANGE",
    "ScopeEvidence",
    "audit",
    "budget_revenue_scope",
    "cluster_remainder",
]

CLUSTER_TOTAL_ID = "above_scale_enterprises_current"
"""The 487 above-scale enterprises."""

CLUSTER_IDS = ("above_scale_equipment_current", "above_scale_electronics_current",
               "above_scale_carbon_materials_current", "above_scale_new_energy_current")
"""The four named clusters: 86 (equipment), 30多, 20多 and 10多 firms."""

BUDGET_SHARE_FLAG_ABOVE = 0.80
"""Default: flag general budget revenue above this fraction of total fiscal revenue.

财政总收入 (total fiscal revenue) counts the taxes collected in the area, including the
central and provincial shares of VAT and income taxes that are remitted upward;
local-level 一般预算收入 keeps only the local share. Wholly local taxes and non-tax
revenue keep that share at about 53–64 % of the full scope (rows
``hn_local_share_2013``, ``hn_local_share_2017``, ``city_changde_local_share_m01_m05``,
``cn_local_share_2022``), so a share above 0.8 calls for an explanation (the check
``budget_revenue_scope_2024`` weighs it).
"""

VALUE_ADDED_RATE_RANGE = (0.15, 0.40)
"""Default band for above-scale industry's value added ÷ gross output (a fraction).

A wide band around the 20–30 % usual for Chinese manufacturing; a peer park
nearby, Longling, ran at 154.3 / 738.7 ≈ 21 % in 2021 (rows ``park_longling_iva_2021``
and ``park_longling_gross_output_2021``). Outside it the two printed figures would
not describe the same firms and period.
"""

INDICATOR_IDS = (
    "fiscal_revenue_total_2024", "fiscal_revenue_total_yoy_2024", "general_budget_revenue_2024",
    "general_budget_revenue_yoy_2024", "gross_output_2025h1", "gross_output_yoy_2025h1", "value_added_2025h1",
    "value_added_yoy_2025h1", "invention_patents_granted_2024", "patents_granted_2024",
    "above_scale_equipment_current", "above_scale_electronics_current", "above_scale_carbon_materials_current",
    "above_scale_new_energy_current", "above_scale_enterprises_current", "incubators_national_current",
    "incubators_provincial_current", "maker_spaces_national_current", "maker_spaces_provincial_current",
    "tech_centres_national_current", "postdoc_stations_national_current", "rd_platforms_provincial_current",
    "key_labs_provincial_current", "academician_workstations_provincial_current", "hr_cost_saving_annual",
    "staff_reduction_rate_2024", "group_hr_cost_cut_2024", "industrial_value_added_yoy_2024",
)
"""Rows of ``indicators.csv`` the audit reads (a test checks this against the ``inputs`` column)."""

CONTEXT_IDS = (
    "hn_iva_growth_2024", "hn_iva_all_industry_growth_2024", "hn_iva_growth_2025h1",
    "zone_fiscal_tax_revenue_2018", "zone_iva_growth_2018", "zone_iva_growth_2021", "zone_gross_output_2021",
    "cn_ppi_2025h1", *FISCAL_CONTEXT_IDS, *H1_SHARE_ROWS["output"],
)
"""Rows of ``context.csv`` the audit reads."""

SOURCE_IDS = (
    "article", "zjjnews_hn_2025_plan", "sgpjbg_hn_2024_communique", "people_hn_2025h1",
    "m5051903_zone_profile", "ymyy_zone_2021_review", "yiyang_gov_zone_projects_2022",
    "people_en_cn_ppi_2025_06", "changde_czj_fiscal", "yiyang_gov_gwr_2023", "yiyang_gov_15fyp_proposal",
    "zjjtravel_hn_fiscal_2013", "enghunan_hn_fiscal_2017", "enghunan_hn_fiscal_2017h1", "en4hw_cn_fiscal_2018",
    "people_en_cn_fiscal_2022", "csx_cs_etdz_2018", "changde_cd_etdz_2021", "yiyang_gov_longling_2022",
    "kfd_cs_htz_wiki", "rednet_yj_parks_2023", "yueyang_gov_hn_2024h1", "enghunan_hn_2024h1", "scol_cn_2022h1",
    "qntz_cn_2023h1", "verygif_cn_2024h1",
)
"""Sources of those rows (``sources.csv``); a test checks them against ``context.csv``."""


# ---------------------------------------------------------------------------
# the cluster remainder (used by notebooks 01, 03 and 04)
# ---------------------------------------------------------------------------

def cluster_remainder(indicators: pd.DataFrame | None = None, *, whole: bool = True) -> Interval:
    """Above-scale enterprises in none of the four named clusters: 487 − 86 − 30多 − 20多 − 10多.

    The data rows :data:`CLUSTER_TOTAL_ID` and :data:`CLUSTER_IDS` put through
    :func:`~ygx_analysis.arithmetic.composition.remainder` (``signed=True``: parts above the
    total give a negative interval, which the audit flags, instead of an error).

    Parameters
    ----------
    indicators : DataFrame, optional
        Output of :func:`~ygx_analysis.data.tables.load_indicators`; loaded when omitted.
    whole : bool, default True
        True: the closed interval of whole numbers of firms. Each 多 count is a
        whole number strictly inside its range (``30多`` is 31 to 39), so the
        counts are tightened before they are summed; this is tighter than
        tightening the real result afterwards. False: the real interval from
        interval arithmetic on the printed ranges.

    Returns
    -------
    Interval

    Examples
    --------
    >>> cluster_remainder().notation()
    '[314, 338]'
    >>> cluster_remainder(whole=False).notation()
    '(311, 341)'
    >>> cluster_remainder(whole=False).integers().notation()  # looser: tightened after the sum
    '[312, 340]'
    """
    ind = load_indicators() if indicators is None else indicators
    parts = [reported(i, ind) for i in CLUSTER_IDS]
    return remainder(reported(CLUSTER_TOTAL_ID, ind), parts, whole_numbers=whole, signed=True)


# ---------------------------------------------------------------------------
# building rows
# ---------------------------------------------------------------------------

def _industry_checks(R: Callable[[str], Reported], C: Callable[[str], Reported],
                     va_range: tuple[float, float]) -> list[Check]:
    go, go_g = R("gross_output_2025h1"), R("gross_output_yoy_2025h1")
    va, va_g = R("value_added_2025h1"), R("value_added_yoy_2025h1")
    checks = [
        _implied_prior("gross_output_2024h1_implied", go, go_g,
                       "反推的2024年1-6月规模工业总产值", "Implied Jan–Jun 2024 above-scale gross output",
                       "文中未说明总产值增速是现价还是可比价。",
                       "The article does not say whether the output growth is at current or comparable prices."),
        _implied_prior("value_added_2024h1_implied", va, va_g,
                       "反推的2024年1-6月规模工业增加值", "Implied Jan–Jun 2024 above-scale value added",
                       "工业增加值增速通常按可比价计算，反推结果为2024年同期按2025年价格计的水平。",
                       "Value-added growth is normally at comparable prices, so the result is the "
                       "Jan–Jun 2024 level in 2025 prices."),
    ]
    rate_iv = _pct(share(va, go))
    rate = 100 * share(va.value, go.value)
    lo, hi = va_range
    inside = lo * 100 <= rate <= hi * 100
    checks.append(Check(
        "value_added_rate_2025h1", "2025年1-6月工业增加值率：增加值÷总产值（%）",
        "Value-added rate, Jan–Jun 2025: value added ÷ gross output (%)",
        f"share: {va.text} / {go.text} × 100", (va.id, go.id), rate, rate_iv, "",
        "consistent" if inside else "flag",
        f"增加值率{_f(rate, 1)}%（总产值约为增加值的{_f(go.value / va.value, 1)}倍），"
        f"{'在' if inside else '不在'}假定的合理区间{lo:.0%}–{hi:.0%}内。",
        f"The value-added rate is {_f(rate, 1)} % (gross output is {_f(go.value / va.value, 1)} times "
        f"value added), {'inside' if inside else 'outside'} the assumed plausible band "
        f"{lo:.0%}–{hi:.0%}."))
    rate_prior_iv = _pct(share(implied_prior_level(va, va_g), implied_prior_level(go, go_g)))
    rate_prior = 100 * share(implied_prior_level(va.value, va_g.value),
                             implied_prior_level(go.value, go_g.value))
    change = rate - rate_prior
    ppi = C("cn_ppi_2025h1")
    checks.append(Check(
        "value_added_rate_2024h1_implied", "2024年1-6月工业增加值率（反推，%）",
        "Implied value-added rate, Jan–Jun 2024 (%)",
        f"share: ({va.text} / (1 + {va_g.text}/100)) / ({go.text} / (1 + {go_g.text}/100)) × 100",
        (va.id, va_g.id, go.id, go_g.id, ppi.id), rate_prior, rate_prior_iv, "",
        "consistent" if lo * 100 <= rate_prior <= hi * 100 else "flag",
        f"按两个印刷增速反推，2024年同期增加值率为{_f(rate_prior, 2)}%，比2025年低{_f(change, 2)}个百分点。"
        f"这不能说明增加值率上升：增加值增速{va_g.text}%按可比价计算，总产值增速{go_g.text}%的计价方式文中未说明；"
        f"2025年上半年全国工业生产者出厂价格同比{ppi.text}%（{ppi.id}），若总产值按现价计，其实际增速可能高于增加值增速。"
        f"两者混用只能作近似。",
        f"Back-casting with the two printed growth rates gives an implied Jan–Jun 2024 rate of "
        f"{_f(rate_prior, 2)} %, {_f(change, 2)} pp below 2025. That does not show the rate rose: value-added "
        f"growth ({va_g.text} %) is at comparable prices, the article does not say how output growth "
        f"({go_g.text} %) is measured, and with China's producer prices at {ppi.text} % in the first half of 2025 "
        f"({ppi.id}) real output may have grown faster than value added if output is at current prices. "
        f"The two bases are mixed, so this is approximate."))
    return checks


def _patent_check(R: Callable[[str], Reported]) -> Check:
    inv, granted = R("invention_patents_granted_2024"), R("patents_granted_2024")
    iv = _pct(share(inv, granted))
    value = 100 * share(inv.value, granted.value)
    ok = inv.value <= granted.value
    return Check(
        "invention_patent_share_2024", "2024年新增专利授权中发明专利占比（%）",
        "Invention patents as a share of patents granted, 2024 (%)",
        f"share: {inv.text} / {granted.text} × 100", (inv.id, granted.id), value, iv,
        f"{granted.text}{granted.unit}", "consistent" if ok else "flag",
        f"发明专利{inv.text}件{'不超过' if ok else '超过'}授权总数{granted.text}件，占{_f(value, 1)}%；"
        f"两个都是精确计数，区间退化为一个点。",
        f"{inv.text} invention patents {'are within' if ok else 'exceed'} the {granted.text} granted, "
        f"{_f(value, 1)} %; both are exact counts, so the interval is a point.")


def _cluster_checks(R: Callable[[str], Reported], ind: pd.DataFrame) -> list[Check]:
    total = R(CLUSTER_TOTAL_ID)
    parts = [R(i) for i in CLUSTER_IDS]
    real_sum = interval_sum(parts, whole_numbers=False)
    whole_sum = interval_sum(parts)
    printed = " + ".join(str(p) for p in parts)
    ok = whole_sum.high <= total.value
    checks = [Check(
        "above_scale_clusters_vs_total", "四大产业集群规模以上企业数之和与总数（家）",
        "Above-scale enterprises in the four named clusters against the total (firms)",
        f"sum: {printed}", tuple(p.id for p in parts) + (total.id,), whole_sum.midpoint, whole_sum,
        str(total), "consistent" if ok else "flag",
        f"“多”按区间计：实数区间 {_iv(real_sum, 0)}，按整数家数为 {_iv(whole_sum, 0)}，"
        f"{'不超过' if ok else '超过'}总数{total}。",
        f"Counting 多 as ranges, the clusters hold {_iv(real_sum, 0)} firms as a real interval and "
        f"{_iv(whole_sum, 0)} in whole firms, {'within' if ok else 'above'} the total of {total}.")]
    rem_real = cluster_remainder(ind, whole=False)
    rem_whole = cluster_remainder(ind, whole=True)
    share_low, share_high = rem_whole.low / total.value, rem_whole.high / total.value
    example, example_whole = parts[1], parts[1].interval.integers()
    example_range = f"{example_whole.low:.0f}–{example_whole.high:.0f}"
    checks.append(Check(
        "above_scale_unattributed_remainder", "未归入四大集群的规模以上企业（家）",
        "Above-scale enterprises outside the four named clusters (firms)",
        f"cluster_remainder: {total.text} − ({printed})", (total.id,) + tuple(p.id for p in parts),
        rem_whole.midpoint, rem_whole, "", "consistent" if rem_whole.low >= 0 else "flag",
        f"实数区间 {_iv(rem_real, 0)}；每个“多”先取整（如{example}为{example_range}家）后为 {_iv(rem_whole, 0)} 家，"
        f"占{share_low:.0%}–{share_high:.0%}。约三分之二的规上企业不在文中点名的集群里，"
        f"这提示{total}可能是“四上”企业（含服务业等），而非仅规上工业（文中未说明，仅为由这些数字作出的推断）。",
        f"Real interval {_iv(rem_real, 0)}; tightening each 多 count to whole firms first ({example} is "
        f"{example_range}) gives {_iv(rem_whole, 0)} firms, {share_low:.0%}–{share_high:.0%} of the total. "
        f"About two thirds of the above-scale firms are in no named cluster, which suggests the {total} "
        f"may count all 四上 firms (services too), not only above-scale industry (the article does not say; "
        f"an inference from these numbers only)."))
    return checks


def _sum_check(check_id: str, zh: str, en: str, rows: list[Reported], note_zh: str,
               note_en: str) -> Check:
    total = sum(r.value for r in rows)
    return Check(check_id, zh, en, "sum: " + " + ".join(r.text for r in rows), tuple(r.id for r in rows),
                  total, Interval.point(total), "", "reproduced", note_zh, note_en)


def _platform_checks(R: Callable[[str], Reported]) -> list[Check]:
    inc_n, inc_p = R("incubators_national_current"), R("incubators_provincial_current")
    mak_n, mak_p = R("maker_spaces_national_current"), R("maker_spaces_provincial_current")
    tech, postdoc = R("tech_centres_national_current"), R("postdoc_stations_national_current")
    rd, labs, academ = (R("rd_platforms_provincial_current"), R("key_labs_provincial_current"),
                        R("academician_workstations_provincial_current"))
    checks = [
        _sum_check("incubators_total", "国家级与省级科技企业孵化器合计（个）",
                   "Incubators, national and provincial (count)", [inc_n, inc_p],
                   f"国家级{inc_n.text}个 + 省级{inc_p.text}个。", f"{inc_n.text} national + {inc_p.text} provincial."),
        _sum_check("maker_spaces_total", "国家级与省级众创空间合计（个）",
                   "Maker spaces, national and provincial (count)", [mak_n, mak_p],
                   f"国家级{mak_n.text}个 + 省级{mak_p.text}个。", f"{mak_n.text} national + {mak_p.text} provincial."),
        _sum_check("national_platforms_total", "国家级创新平台合计：孵化器、众创空间、企业技术中心、博士后工作站（个）",
                   "National-level platforms: incubators, maker spaces, enterprise tech centres, "
                   "postdoctoral stations (count)", [inc_n, mak_n, tech, postdoc],
                   "文中列出的国家级平台，彼此不重叠。", "The national-level platforms the article lists; "
                   "they do not overlap."),
    ]
    full = inc_p.value + mak_p.value + rd.value + labs.value + academ.value
    nested = inc_p.value + mak_p.value + rd.value
    rows = [inc_p, mak_p, rd, labs, academ]
    checks.append(Check(
        "provincial_platforms_total", "省级平台合计：孵化器、众创空间、研发创新平台、重点实验室、院士专家工作站（个）",
        "Provincial-level platforms: incubators, maker spaces, R&D platforms, key labs, academician "
        "workstations (count)",
        "sum: " + " + ".join(r.text for r in rows), tuple(r.id for r in rows), full,
        Interval(nested, full), "", "consistent",
        f"直接相加为{full:.0f}个；若{labs.text}个重点实验室和{academ.text}个院士专家工作站已计入"
        f"{rd.text}个省级研发创新平台（文中未说明），则为{nested:.0f}个。",
        f"The plain sum is {full:.0f}; if the {labs.text} key labs and {academ.text} academician "
        f"workstations are among the {rd.text} provincial R&D platforms (the article does not say), "
        f"it is {nested:.0f}."))
    return checks


def _reform_check(R: Callable[[str], Reported]) -> Check:
    saving, rate, group = R("hr_cost_saving_annual"), R("staff_reduction_rate_2024"), R("group_hr_cost_cut_2024")
    value = implied_pre_reform_cost(saving.value, rate.value)
    iv = implied_pre_reform_cost(saving, rate)
    group_cost = implied_pre_reform_cost(group.value, rate.value)
    group_iv = implied_pre_reform_cost(group, rate)
    ratio = group.value / value
    return Check(
        "pre_reform_hr_cost", "改革前年度人力资源成本（推算，亿元）",
        "Implied pre-reform annual human-resource cost (亿元)",
        f"savings.implied_pre_reform_cost: {saving.text} / ({rate.text}/100); "
        f"{group.text} / ({rate.text}/100)", (saving.id, rate.id, group.id),
        value, iv, "", "flag",
        f"假设成本与人数成正比（精减{rate.text}%的人员即节省同样比例的成本）。精减率含国企，"
        f"按此每年节省{saving}意味着改革前全部人力成本约{_f(value, 2)}亿元（区间 {_iv(iv, 3)}）。但益阳投控集团"
        f"一家2024年就降低人力资源成本{group.text}亿元（{group.id}），是这一成本的{_f(ratio, 1)}倍，两者不能同时成立。"
        f"读法一：{saving}不含国企，则用含国企的{rate.text}%去除是口径混用，{_f(value, 2)}亿元没有意义。"
        f"读法二：{saving}含国企，则改革前成本至少为{group.text}/{rate.text}% ≈ {_f(group_cost, 2)}亿元"
        f"（区间 {_iv(group_iv, 3)}），每年节约也至少为{group.text}亿元。原文不足以判断，标记存疑。",
        f"Assuming cost proportional to headcount (cutting {rate.text} % of staff saves that share of the "
        f"cost), and since the cut includes state-owned firms (含国企), a saving of {saving.text} 亿元 or more a "
        f"year implies a whole pre-reform HR bill of about {_f(value, 2)} 亿元 ({_iv(iv, 3)}). Yet the "
        f"Yiyang Investment Holding Group alone cut HR costs by {group.text} 亿元 in 2024 ({group.id}), "
        f"{_f(ratio, 1)} times that bill, so both cannot hold. Reading (a): the {saving.text} 亿元 excludes "
        f"the state-owned firms, and dividing it by a cut rate that includes them mixes scopes, so "
        f"{_f(value, 2)} 亿元 means nothing. Reading (b): it includes them, and then the pre-reform cost is at "
        f"least {group.text} / {rate.text} % ≈ {_f(group_cost, 2)} 亿元 ({_iv(group_iv, 3)}) and the annual "
        f"saving at least {group.text} 亿元. The article does not settle it, hence the flag.")


def _premium_checks(R: Callable[[str], Reported], C: Callable[[str], Reported]) -> list[Check]:
    zone24, hn24, hn24_all = (R("industrial_value_added_yoy_2024"), C("hn_iva_growth_2024"),
                              C("hn_iva_all_industry_growth_2024"))
    zone25, hn25 = R("value_added_yoy_2025h1"), C("hn_iva_growth_2025h1")
    prem24 = pp_difference(zone24, hn24)
    alt24 = pp_difference(zone24.value, hn24_all.value)
    prem25 = pp_difference(zone25, hn25)
    v24, v25 = pp_difference(zone24.value, hn24.value), pp_difference(zone25.value, hn25.value)
    return [
        Check(
            "iva_premium_over_hunan_2024", "2024年工业增加值增速高于湖南（百分点）",
            "Industrial value-added growth above Hunan's, 2024 (percentage points)",
            f"pp_difference: {zone24.text} − {hn24.text}", (zone24.id, hn24.id, hn24_all.id), v24, prem24, "",
            "consistent",
            f"园区{zone24.text}%对湖南规模工业增加值{hn24.text}%，高{_f(v24, 1)}个百分点，区间 {_iv(prem24, 2)}。"
            f"但文中2024年数字写作“工业增加值”，没有“规模”二字，是否为规上口径、是否按可比价未说明；"
            f"若为全部工业口径，应对比湖南全部工业增加值{hn24_all.text}%，差距为{_f(alt24, 1)}个百分点。",
            f"The zone's {zone24.text} % against Hunan's above-scale {hn24.text} %: {_f(v24, 1)} pp faster, "
            f"in {_iv(prem24, 2)}. But the article prints the 2024 figure as 工业增加值 without 规模, so "
            f"whether it is above-scale and at comparable prices is not stated; if it is all-industry, the "
            f"like-for-like Hunan figure is {hn24_all.text} % and the gap {_f(alt24, 1)} pp."),
        Check(
            "iva_premium_over_hunan_2025h1", "2025年1-6月规模工业增加值增速高于湖南（百分点）",
            "Above-scale industrial value-added growth above Hunan's, Jan–Jun 2025 (percentage points)",
            f"pp_difference: {zone25.text} − {hn25.text}", (zone25.id, hn25.id), v25, prem25, "", "consistent",
            f"同为规模工业增加值、同一时期：园区{zone25.text}%对湖南{hn25.text}%，高{_f(v25, 1)}个百分点，"
            f"区间 {_iv(prem25, 2)}。",
            f"Same measure (above-scale value added) and period: the zone's {zone25.text} % against Hunan's "
            f"{hn25.text} %, {_f(v25, 1)} pp faster, in {_iv(prem25, 2)}."),
    ]


def _year(frame: pd.DataFrame, row_id: str) -> int:
    """The calendar year of a data row's period (``2024``, ``2025H1`` → 2025)."""
    period = frame.loc[frame["id"] == row_id, "period"].iloc[0]
    return int(str(period)[:4])


def _splice_checks(R: Callable[[str], Reported], C: Callable[[str], Reported], rule: HalfYearRule,
                   ind: pd.DataFrame, ctx: pd.DataFrame) -> list[Check]:
    fiscal18, fiscal24 = C("zone_fiscal_tax_revenue_2018"), R("fiscal_revenue_total_2024")
    years = _year(ind, fiscal24.id) - _year(ctx, fiscal18.id)
    naive_iv = cagr(fiscal18, fiscal24, years)
    naive = cagr(fiscal18.value, fiscal24.value, years)
    growth_rows = [C("zone_iva_growth_2018"), C("zone_iva_growth_2021"), R("industrial_value_added_yoy_2024"),
                   R("value_added_yoy_2025h1")]
    growth_low = min(g.value for g in growth_rows)
    growth_high = max(g.value for g in growth_rows)
    go25, go21 = R("gross_output_2025h1"), C("zone_gross_output_2021")
    annual, annual_iv = rule.annualize(go25)
    go_years = _year(ind, go25.id) - _year(ctx, go21.id)
    go_cagr = cagr(go21.value, annual, go_years)
    go_cagr_iv = cagr(go21, annual_iv, go_years)
    return [
        Check(
            "fiscal_2018_vs_2024_splice", "2018年财税收入→2024年财政总收入的“年均增速”（%，不可比）",
            "Naive CAGR from the 2018 财税收入 to the 2024 财政总收入 (%, not comparable)",
            f"cagr: 100 × (({fiscal24.text} / {fiscal18.text}) ** (1/{years}) − 1)",
            (fiscal18.id, fiscal24.id) + tuple(g.id for g in growth_rows),
            naive, naive_iv, "", "not_comparable",
            f"直接拼接得年均{_f(naive, 1)}%，这个数字不能用：(1) 口径不同，2018年是“财税收入”"
            f"（剔除部分非税收入后的数，见 {fiscal18.id} 的说明），2024年是“财政总收入”；"
            f"(2) 2024年改革后园区管理范围变化；(3) 园区历年公布的工业增加值增速在{_f(growth_low, 1)}%–"
            f"{_f(growth_high, 1)}%之间，年均{_f(naive, 1)}%的收入增长不可信。应向园区财政局索取同一口径的决算数。",
            f"Splicing gives {_f(naive, 1)} % a year, which must not be used: (1) the measures differ, 2018 "
            f"is 财税收入 (net of some non-tax revenue, see the note of {fiscal18.id}) and 2024 is "
            f"财政总收入; (2) the 2024 reform changed the zone's scope; (3) the zone's reported industrial "
            f"value-added growth ran at {_f(growth_low, 1)}–{_f(growth_high, 1)} % a year, so revenue growth "
            f"of {_f(naive, 1)} % a year is not credible. Ask the zone's finance bureau for final accounts "
            f"on one definition."),
        Check(
            "gross_output_2021_vs_2025_splice",
            "2021年规模工业总产值→2025年（按上半年年化）的“年均增速”（%，不可比）",
            "Naive CAGR from the 2021 gross output to 2025 (H1 annualised) (%, not comparable)",
            f"cagr: 100 × ((annualize_half_year({go25.text}, half_year_rule('output')) / {go21.text}) "
            f"** (1/{go_years}) − 1)",
            (go21.id, go25.id) + rule.rows, go_cagr, go_cagr_iv, "", "not_comparable",
            f"按{rule.describe('zh')}年化，2025年约{_f(annual, 0)}亿元（{_iv(annual_iv, 0)}），"
            f"只有2021年{go21.text}亿元的"
            f"{annual / go21.value:.0%}，拼接得年均{_f(go_cagr, 1)}%。这是口径或统计范围的断裂"
            f"（2021年数字未核实，且为改革前范围），不是产出萎缩。",
            f"Annualised with the H1 rule ({rule.describe('en')}), 2025 is about {_f(annual, 0)} 亿元 "
            f"({_iv(annual_iv, 0)}), "
            f"only {annual / go21.value:.0%} of the 2021 figure of {go21.text} 亿元; splicing gives "
            f"{_f(go_cagr, 1)} % a year. This is a break in scope or definition (the 2021 figure is "
            f"unverified and covers the pre-reform area), not a collapse in output."),
    ]


def audit(indicators: pd.DataFrame | None = None, context: pd.DataFrame | None = None, *,
          lang: str = "en", budget_share_flag_above: float = BUDGET_SHARE_FLAG_ABOVE,
          value_added_rate_range: tuple[float, float] = VALUE_ADDED_RATE_RANGE,
          h1_rule: HalfYearRule | None = None) -> pd.DataFrame:
    """Recompute the figures the article implies and check that its figures agree.

    Parameters
    ----------
    indicators, context : DataFrame, optional
        Outputs of :func:`~ygx_analysis.data.tables.load_indicators` and
        :func:`~ygx_analysis.data.tables.load_context`; loaded when omitted.
    lang : {'en', 'zh'}
        Language of the ``note`` column (both descriptions are always present).
    budget_share_flag_above : float, default 0.80
        Flag general budget revenue above this fraction of total fiscal revenue;
        in (0, 1]. See :data:`BUDGET_SHARE_FLAG_ABOVE`.
    value_added_rate_range : (float, float), default (0.15, 0.40)
        Plausible band for value added ÷ gross output, fractions with
        ``0 <= low < high <= 1``. See :data:`VALUE_ADDED_RATE_RANGE`.
    h1_rule : HalfYearRule, optional
        The share of a year's output made in January–June, used to annualise the
        2025 H1 gross output (the 2021 comparison and the fiscal-scope check).
        Default: :func:`~ygx_analysis.arithmetic.growth.half_year_rule` of ``context``, the
        package's one rule; the annual level is then a range.

    Returns
    -------
    DataFrame
        One row per check with the columns of :data:`COLUMNS`.

    Examples
    --------
    >>> table = audit()
    >>> row = table.set_index("check_id").loc["fiscal_total_2023_implied"]
    >>> round(float(row["value"]), 2), row["status"], row["inputs"]
    (58.38, 'reproduced', 'fiscal_revenue_total_2024;fiscal_revenue_total_yoy_2024')
    >>> len(table) >= 14, list(table.columns) == list(COLUMNS)
    (True, True)
    >>> table.set_index("check_id").loc[["pre_reform_hr_cost", "budget_revenue_scope_2024"], "status"].tolist()
    ['flag', 'flag']
    """
    if lang not in ("zh", "en"):
        raise ValueError(f"lang: unknown language {lang!r}; expected 'zh' or 'en'")
    for name, frame in (("indicators", indicators), ("context", context)):
        if frame is not None and not isinstance(frame, pd.DataFrame):
            raise TypeError(f"{name}: expected a DataFrame or None, got {type(frame).__name__}")
    if not 0 < _real("budget_share_flag_above", budget_share_flag_above) <= 1:
        raise ValueError(f"budget_share_flag_above: must be a fraction in (0, 1], got {budget_share_flag_above}")
    if isinstance(value_added_rate_range, (str, bytes)) or not isinstance(value_added_rate_range, Sequence):
        raise TypeError(f"value_added_rate_range: must be a pair (low, high) of fractions, "
                        f"got {type(value_added_rate_range).__name__}")
    if len(value_added_rate_range) != 2:
        raise ValueError("value_added_rate_range: must be a pair (low, high) of fractions")
    va_low, va_high = (_real("value_added_rate_range", x) for x in value_added_rate_range)
    if not 0 <= va_low < va_high <= 1:
        raise ValueError("value_added_rate_range: must satisfy 0 <= low < high <= 1")
    if h1_rule is not None and not isinstance(h1_rule, HalfYearRule):
        raise TypeError(f"h1_rule: expected a HalfYearRule (see growth.half_year_rule) or None, "
                        f"got {type(h1_rule).__name__}")
    ind = load_indicators() if indicators is None else indicators
    ctx = load_context() if context is None else context
    rule = half_year_rule("output", ctx) if h1_rule is None else h1_rule

    def R(row_id: str) -> Reported:
        return reported(row_id, ind)

    def C(row_id: str) -> Reported:
        return context_reported(row_id, ctx)

    checks = [
        *fiscal_checks(R, C, budget_share_flag_above, rule),
        *_industry_checks(R, C, (va_low, va_high)),
        _patent_check(R),
        *_cluster_checks(R, ind),
        *_platform_checks(R),
        _reform_check(R),
        *_premium_checks(R, C),
        *_splice_checks(R, C, rule, ind, ctx),
    ]
    frame = pd.DataFrame([c.row(lang) for c in checks], columns=list(COLUMNS))
    return frame
