"""Fiscal checks of the audit: implied 2023 levels, the budget-revenue share and the scope of 一般预算收入.

Part of :mod:`ygx_analysis.audit`. The scope check weighs two readings of the
zone's 一般预算收入 (general budget revenue): **local level** (地方级, the local
government's share only) and **full scope** (全口径, including the shares passed
up to the central and provincial governments), against the evidence in
``context.csv``, and names the reading the package adopts
(:func:`budget_revenue_scope`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..arithmetic.growth import HalfYearRule, implied_prior_level, share
from ..arithmetic.reported import Interval, Reported
from .checks import Check, fmt, fmt_interval, implied_prior_check, pct

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "BUDGET_SCOPES",
    "CITY_REVENUE_ROWS",
    "FISCAL_CONTEXT_IDS",
    "FULL_SCOPE_EXAMPLE_ROWS",
    "LOCAL_SHARE_ROWS",
    "PEER_RATIO_ROWS",
    "ScopeEvidence",
    "budget_revenue_scope",
    "fiscal_checks",
]

BUDGET_SCOPES = ("local_level", "full_scope")
"""The two readings of 一般预算收入: 地方级 (local share only) or 全口径 (incl. the shares passed up)."""

LOCAL_SHARE_ROWS = ("hn_local_share_2013", "hn_local_share_2017", "hn_local_share_2017h1",
                    "city_changde_local_share_m01_m05", "cn_local_share_2018", "cn_local_share_2022")
"""Local-level revenue as a share (%) of full-scope revenue: Hunan, Changde and China."""

FULL_SCOPE_EXAMPLE_ROWS = ("city_changde_gpb_revenue_full_scope_m01_m05", "city_changde_local_revenue_m01_m05",
                           "city_changde_central_shared_revenue_m01_m05",
                           "city_changde_provincial_shared_revenue_m01_m05")
"""常德's unprefixed 一般公共预算收入 = 地方 + 上划中央 + 上划省级: how Hunan's bureaus use the term."""

CITY_REVENUE_ROWS = ("yy_gpb_revenue_2022", "yy_gpb_revenue_2025")
"""Yiyang city's local general public budget revenue (printed as lower bounds, 突破)."""

PEER_RATIO_ROWS = ("park_cs_etdz_revenue_to_output_2017", "park_cd_etdz_revenue_to_output_m01_m07_2021",
                   "park_longling_revenue_to_output_2021", "park_cs_htz_revenue_to_output_2016",
                   "park_yj_htz_tax_to_output_target_2023")
"""Peer parks' revenue (or taxes) as a share (%) of above-scale gross output; scopes in each row's note."""

FISCAL_CONTEXT_IDS = LOCAL_SHARE_ROWS + FULL_SCOPE_EXAMPLE_ROWS + CITY_REVENUE_ROWS + PEER_RATIO_ROWS
"""Every ``context.csv`` row the fiscal checks read (besides the H1 rule's rows)."""


@dataclass(frozen=True)
class ScopeEvidence:
    """The evidence on the scope of the zone's 一般预算收入 and the reading it supports.

    Amounts in 亿元, ratios in per cent. ``votes`` counts the tests that favour the
    full-scope reading (out of three); ``adopted`` is ``full_scope`` with two or more.
    """

    budget: float
    share_of_total: float
    local_share_range: tuple[float, float]
    city_revenue: tuple[float, float]
    city_share_if_local: float
    local_part_if_full: tuple[float, float]
    full_if_local: tuple[float, float]
    annual_output: float
    annual_output_range: Interval
    ratio_to_output: float
    ratio_to_output_range: Interval
    ratio_if_local: tuple[float, float]
    peer_range: tuple[float, float]
    votes: int
    adopted: str


def budget_revenue_scope(indicators: pd.DataFrame | None = None, context: pd.DataFrame | None = None,
                         rule: HalfYearRule | None = None) -> ScopeEvidence:
    """Weigh the local-level and full-scope readings of the zone's 一般预算收入 against the evidence.

    Parameters
    ----------
    indicators, context : DataFrame, optional
        Outputs of :func:`~ygx_analysis.data.tables.load_indicators` and
        :func:`~ygx_analysis.data.tables.load_context`; loaded when omitted.
    rule : HalfYearRule, optional
        Annualises the January–June 2025 gross output; default
        :func:`~ygx_analysis.arithmetic.growth.half_year_rule` of ``context``.

    Returns
    -------
    ScopeEvidence
        The numbers of three tests, each of which the local-level reading fails
        when it holds: (1) as local revenue the zone would hold more than half of
        Yiyang city's local budget revenue (:data:`CITY_REVENUE_ROWS`, lower
        bounds, so the zone's share is an upper bound); (2) its share of 财政总收入
        would lie above every local share in :data:`LOCAL_SHARE_ROWS`; (3) the
        full scope it implies (budget ÷ local share) would exceed the highest
        peer ratio to gross output (:data:`PEER_RATIO_ROWS`) even at its lowest.
        ``adopted`` is ``full_scope`` when two or more hold.

    Examples
    --------
    >>> e = budget_revenue_scope()
    >>> e.adopted, e.votes, round(e.share_of_total, 1), e.local_share_range
    ('full_scope', 3, 97.7, (53.4, 63.6))
    >>> round(e.ratio_to_output, 1), e.peer_range
    (14.0, (1.26, 6.63))
    """
    from ..data.tables import context_reported, load_context, load_indicators, reported
    from ..arithmetic.growth import half_year_rule

    ind = load_indicators() if indicators is None else indicators
    ctx = load_context() if context is None else context
    return _evidence(lambda row: reported(row, ind), lambda row: context_reported(row, ctx),
                     half_year_rule("output", ctx) if rule is None else rule)


def _evidence(R: Callable[[str], Reported], C: Callable[[str], Reported], rule: HalfYearRule) -> ScopeEvidence:
    """The evidence of :func:`budget_revenue_scope`, from row lookups ``R`` (indicators) and ``C`` (context)."""
    budget, total = R("general_budget_revenue_2024"), R("fiscal_revenue_total_2024")
    output_h1 = R("gross_output_2025h1")
    local = [C(row).value for row in LOCAL_SHARE_ROWS]
    local_low, local_high = min(local) / 100, max(local) / 100
    city = (C(CITY_REVENUE_ROWS[0]).value, C(CITY_REVENUE_ROWS[1]).value)
    peers = [C(row).value for row in PEER_RATIO_ROWS]
    output, output_iv = rule.annualize(output_h1)
    share_of_total = 100 * share(budget.value, total.value)
    city_share = 100 * share(budget.value, max(city))
    full_if_local = (budget.value / local_high, budget.value / local_low)
    ratio_if_local = (100 * full_if_local[0] / output, 100 * full_if_local[1] / output)
    votes = sum((city_share > 50, share_of_total > 100 * local_high, ratio_if_local[0] > max(peers)))
    return ScopeEvidence(
        budget=budget.value, share_of_total=share_of_total, local_share_range=(min(local), max(local)),
        city_revenue=city, city_share_if_local=city_share,
        local_part_if_full=(budget.value * local_low, budget.value * local_high), full_if_local=full_if_local,
        annual_output=output, annual_output_range=output_iv, ratio_to_output=100 * budget.value / output,
        ratio_to_output_range=pct(share(budget, output_iv)), ratio_if_local=ratio_if_local,
        peer_range=(min(peers), max(peers)), votes=votes, adopted=BUDGET_SCOPES[1] if votes >= 2 else BUDGET_SCOPES[0])


def _share_check(R: Callable[[str], Reported], C: Callable[[str], Reported], flag_above: float) -> Check:
    total, total_g = R("fiscal_revenue_total_2024"), R("fiscal_revenue_total_yoy_2024")
    budget, budget_g = R("general_budget_revenue_2024"), R("general_budget_revenue_yoy_2024")
    iv = pct(share(budget, total))
    value = 100 * share(budget.value, total.value)
    prior = 100 * share(implied_prior_level(budget.value, budget_g.value),
                        implied_prior_level(total.value, total_g.value))
    local = [C(row).value for row in LOCAL_SHARE_ROWS]
    lo, hi = min(local), max(local)
    rows = "、".join(LOCAL_SHARE_ROWS)
    status = "flag" if value / 100 > flag_above else "consistent"
    return Check(
        "budget_share_of_total_2024", "2024年一般预算收入占财政总收入比重（%）",
        "General budget revenue as a share of total fiscal revenue, 2024 (%)",
        f"share: {budget.text} / {total.text} × 100", (budget.id, total.id, budget_g.id, total_g.id) + LOCAL_SHARE_ROWS,
        value, iv, "", status,
        f"占比{fmt(value, 1)}%，区间 {fmt_interval(iv, 3)}。财政总收入含上划中央和省的税收；地方级的一般预算收入只含"
        f"地方留成，因地方全留的税种和非税收入，通常占全口径的{fmt(lo, 1)}%–{fmt(hi, 1)}%（{rows}），"
        f"不会接近{fmt(value, 0)}%。占比超过{flag_above:.0%}（假定的阈值）需要解释，见检查 "
        f"budget_revenue_scope_2024。附：按两年增速反推的2023年占比为{fmt(prior, 1)}%，它由2024年占比乘以"
        f"(1+{total_g.text}%)/(1+{budget_g.text}%)构造而来，不是独立证据。",
        f"The share is {fmt(value, 1)} %, in {fmt_interval(iv, 3)}. Total fiscal revenue (财政总收入) includes "
        f"the taxes remitted to the centre and the province; local-level general budget revenue keeps only the "
        f"local share, which wholly local taxes and non-tax revenue keep at {fmt(lo, 1)}–{fmt(hi, 1)} % of the "
        f"full scope ({', '.join(LOCAL_SHARE_ROWS)}), nowhere near {fmt(value, 0)} %. A share above "
        f"{flag_above:.0%} (the assumed threshold) needs an explanation: see check budget_revenue_scope_2024. "
        f"Derived note: the implied 2023 share is {fmt(prior, 1)} %, but it is the 2024 share times "
        f"(1 + {total_g.text} %) / (1 + {budget_g.text} %) by construction, not independent evidence.")


def _scope_check(R: Callable[[str], Reported], C: Callable[[str], Reported], rule: HalfYearRule) -> Check:
    e = _evidence(R, C, rule)
    budget, total, go = R("general_budget_revenue_2024"), R("fiscal_revenue_total_2024"), R("gross_output_2025h1")
    cd = [C(row) for row in FULL_SCOPE_EXAMPLE_ROWS]
    city22, city25 = (C(row) for row in CITY_REVENUE_ROWS)
    local_part_share = 100 * e.local_part_if_full[1] / max(e.city_revenue)
    adopted_zh = "全口径" if e.adopted == "full_scope" else "地方级"
    adopted_en = "full scope (全口径)" if e.adopted == "full_scope" else "local level (地方级)"
    lo, hi = e.local_share_range
    plo, phi = e.peer_range
    rlo, rhi = e.ratio_to_output_range.low, e.ratio_to_output_range.high
    return Check(
        "budget_revenue_scope_2024", "一般预算收入的口径：地方级还是全口径（一般预算收入÷估算的全年规模工业总产值，%）",
        "Scope of general budget revenue: local level or full scope (budget revenue ÷ estimated annual "
        "gross output, %)",
        f"share: {budget.text} / (annualize_half_year({go.text}, half_year_rule('output'))) × 100",
        (budget.id, total.id, go.id) + FISCAL_CONTEXT_IDS + rule.rows,
        e.ratio_to_output, e.ratio_to_output_range, "", "flag",
        f"一般预算收入{budget.text}亿元有两种读法。若为地方级：(1) 高新区一地就占益阳全市地方一般公共预算收入"
        f"（2022年{city22}，2025年{city25}；均为下限，故此为上限）的约{fmt(e.city_share_if_local, 0)}%；(2) 它占财政总收入"
        f"{fmt(e.share_of_total, 1)}%，而地方级收入通常只占全口径的{fmt(lo, 1)}%–{fmt(hi, 1)}%；(3) 对应的全口径收入约"
        f"{fmt(e.full_if_local[0], 0)}–{fmt(e.full_if_local[1], 0)}亿元，为估算全年规模工业总产值的"
        f"{fmt(e.ratio_if_local[0], 0)}%–{fmt(e.ratio_if_local[1], 0)}%。若为全口径（湖南各地不加“地方”二字的"
        f"“一般公共预算收入”即指全口径，如常德{cd[0].text} = 地方{cd[1].text} + 上划中央{cd[2].text} + 上划省级"
        f"{cd[3].text}亿元）：地方留成约{fmt(e.local_part_if_full[0], 0)}–{fmt(e.local_part_if_full[1], 0)}亿元，"
        f"不超过全市的{fmt(local_part_share, 0)}%。与产出相比：{budget.text}亿元为2025年规模工业总产值"
        f"（上半年{go.text}亿元按{rule.describe('zh')}年化，约{fmt(e.annual_output, 0)}亿元）的"
        f"{fmt(e.ratio_to_output, 1)}%（{fmt(rlo, 1)}%–{fmt(rhi, 1)}%），同类园区为{fmt(plo, 2)}%–{fmt(phi, 2)}%；"
        f"即使按全口径也约为最高同类比值的两倍，说明园区收入还有规上工业以外的来源（服务业、房地产、土地等），"
        f"且这里以2024年收入对比2025年产出。三项检验中{e.votes}项支持全口径。采用的读法：{adopted_zh}。"
        f"下游（如改革节约占收入的比重）均按此读法；请向园区财政局核实。",
        f"Two readings of 一般预算收入 ({budget.text} 亿元). Local level (地方级): (1) the zone alone would hold "
        f"up to {fmt(e.city_share_if_local, 0)} % of Yiyang city's local budget revenue ({city22} in 2022, "
        f"{city25} in 2025; lower bounds, so this is an upper bound); (2) it would be {fmt(e.share_of_total, 1)} % "
        f"of 财政总收入, against local shares of {fmt(lo, 1)}–{fmt(hi, 1)} % of the full scope; (3) the full scope "
        f"it implies, about {fmt(e.full_if_local[0], 0)}–{fmt(e.full_if_local[1], 0)} 亿元, would be "
        f"{fmt(e.ratio_if_local[0], 0)}–{fmt(e.ratio_if_local[1], 0)} % of the estimated annual gross output. "
        f"Full scope (全口径, including the shares passed up to the centre and the province), the way Hunan's "
        f"bureaus use the unprefixed 一般公共预算收入 (常德: {cd[0].text} = local {cd[1].text} + central "
        f"{cd[2].text} + provincial {cd[3].text} 亿元): the local part would be about "
        f"{fmt(e.local_part_if_full[0], 0)}–{fmt(e.local_part_if_full[1], 0)} 亿元, at most "
        f"{fmt(local_part_share, 0)} % of the city's. Against output: {budget.text} 亿元 is "
        f"{fmt(e.ratio_to_output, 1)} % ({fmt(rlo, 1)}–{fmt(rhi, 1)} %) of the 2025 gross output annualised "
        f"from January–June ({go.text} 亿元; {rule.describe('en')}; about {fmt(e.annual_output, 0)} 亿元), "
        f"against {fmt(plo, 2)}–{fmt(phi, 2)} % for peer parks. Even as full scope that is about twice the "
        f"highest peer ratio, so the zone's revenue probably also comes from outside above-scale industry "
        f"(services, real estate, land), and 2024 revenue is set against 2025 output. {e.votes} of 3 tests "
        f"favour the full scope. Adopted reading: {adopted_en}. Downstream uses (the savings' share of revenue) "
        f"follow it; confirm with the zone's finance bureau.")


def fiscal_checks(R: Callable[[str], Reported], C: Callable[[str], Reported], flag_above: float,
                  rule: HalfYearRule) -> list[Check]:
    """The implied 2023 levels, the budget-revenue share (with the 2023 share as a note) and the scope check."""
    total, total_g = R("fiscal_revenue_total_2024"), R("fiscal_revenue_total_yoy_2024")
    budget, budget_g = R("general_budget_revenue_2024"), R("general_budget_revenue_yoy_2024")
    return [
        implied_prior_check("fiscal_total_2023_implied", total, total_g,
                            "反推的2023年财政总收入", "Implied 2023 total fiscal revenue"),
        implied_prior_check("budget_revenue_2023_implied", budget, budget_g,
                            "反推的2023年一般预算收入", "Implied 2023 general budget revenue"),
        _share_check(R, C, flag_above),
        _scope_check(R, C, rule),
    ]
