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
from .checks import Check, Quote, Term, bounds, check, implied_prior_check

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["BUDGET_SCOPES", "CITY_REVENUE_ROWS", "FISCAL_CONTEXT_IDS", "FULL_SCOPE_EXAMPLE_ROWS", "LOCAL_SHARE_ROWS",
           "PEER_RATIO_ROWS", "ScopeEvidence", "budget_revenue_scope", "fiscal_checks"]

BUDGET_SCOPES = ("local_level", "full_scope")
"""The two readings of 一般预算收入: 地方级 (local share only) or 全口径 (incl. the shares passed up)."""

LOCAL_SHARE_ROWS = ("hn_local_share_2013", "hn_local_share_2017", "hn_local_share_2017h1",
                    "city_changde_local_share_m01_m05", "cn_local_share_2018", "cn_local_share_2022")
"""Local-level revenue as a share (%) of full-scope revenue: Hunan, Changde and China."""

FULL_SCOPE_EXAMPLE_ROWS = ("city_changde_gpb_revenue_full_scope_m01_m05", "city_changde_local_revenue_m01_m05",
                           "city_changde_central_shared_revenue_m01_m05",
                           "city_changde_provincial_shared_revenue_m01_m05")
"""常德's unprefixed 一般公共预算收入 = 地方 + 上划中央 + 上划省级: how Hunan's bureaus use the term."""

CITY_REVENUE_ROWS = ("yy_gpb_revenue_2022", "yy_gpb_revenue_2025_prelim")
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
        ratio_to_output_range=share(budget, output_iv) * 100, ratio_if_local=ratio_if_local,
        peer_range=(min(peers), max(peers)), votes=votes, adopted=BUDGET_SCOPES[1] if votes >= 2 else BUDGET_SCOPES[0])


def _share_check(R: Callable[[str], Reported], C: Callable[[str], Reported], flag_above: float) -> Check:
    total, total_g = R("fiscal_revenue_total_2024"), R("fiscal_revenue_total_yoy_2024")
    budget, budget_g = R("general_budget_revenue_2024"), R("general_budget_revenue_yoy_2024")
    iv, value = share(budget, total) * 100, 100 * share(budget.value, total.value)
    prior = 100 * share(implied_prior_level(budget.value, budget_g.value),
                        implied_prior_level(total.value, total_g.value))
    local = [C(row).value for row in LOCAL_SHARE_ROWS]
    return check(
        "budget_share_of_total_2024", f"share: {budget.text} / {total.text} × 100",
        (budget.id, total.id, budget_g.id, total_g.id) + LOCAL_SHARE_ROWS, value, iv,
        "flag" if value / 100 > flag_above else "consistent",
        share=value, bounds=bounds(iv, 3), low=min(local), high=max(local), rows=LOCAL_SHARE_ROWS,
        threshold=flag_above, prior=prior, total_growth=total_g.text, budget_growth=budget_g.text)


def _scope_check(R: Callable[[str], Reported], C: Callable[[str], Reported], rule: HalfYearRule) -> Check:
    e = _evidence(R, C, rule)
    budget, total, go = R("general_budget_revenue_2024"), R("fiscal_revenue_total_2024"), R("gross_output_2025h1")
    cd = [C(row).text for row in FULL_SCOPE_EXAMPLE_ROWS]
    city22, city25 = (str(C(row)) for row in CITY_REVENUE_ROWS)
    return check(
        "budget_revenue_scope_2024",
        f"share: {budget.text} / (annualize_half_year({go.text}, half_year_rule('output'))) × 100",
        (budget.id, total.id, go.id) + FISCAL_CONTEXT_IDS + rule.rows,
        e.ratio_to_output, e.ratio_to_output_range, "flag",
        budget_revenue=Quote("budget_revenue"), fiscal_total=Quote("fiscal_total"),
        public_budget=Quote("public_budget"), budget=budget.text, unit=budget.unit, city_2022=city22,
        city_2025=city25, city_share=e.city_share_if_local, share_of_total=e.share_of_total,
        local_share_low=e.local_share_range[0], local_share_high=e.local_share_range[1],
        full_low=e.full_if_local[0], full_high=e.full_if_local[1],
        full_ratio_low=e.ratio_if_local[0], full_ratio_high=e.ratio_if_local[1],
        cd_full=cd[0], cd_local=cd[1], cd_central=cd[2], cd_provincial=cd[3],
        local_low=e.local_part_if_full[0], local_high=e.local_part_if_full[1],
        local_part_share=100 * e.local_part_if_full[1] / max(e.city_revenue), output_h1=go.text, rule=rule,
        annual=e.annual_output, ratio=e.ratio_to_output, ratio_low=e.ratio_to_output_range.low,
        ratio_high=e.ratio_to_output_range.high, peer_low=e.peer_range[0], peer_high=e.peer_range[1],
        votes=e.votes, adopted=Term(e.adopted))


def fiscal_checks(R: Callable[[str], Reported], C: Callable[[str], Reported], flag_above: float,
                  rule: HalfYearRule) -> list[Check]:
    """The implied 2023 levels, the budget-revenue share (with the 2023 share as a note) and the scope check."""
    return [implied_prior_check("fiscal_total_2023_implied", R("fiscal_revenue_total_2024"),
                                R("fiscal_revenue_total_yoy_2024")),
            implied_prior_check("budget_revenue_2023_implied", R("general_budget_revenue_2024"),
                                R("general_budget_revenue_yoy_2024")),
            _share_check(R, C, flag_above), _scope_check(R, C, rule)]
