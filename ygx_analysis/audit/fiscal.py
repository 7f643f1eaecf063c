"""Fiscal checks of the audit: implied 2023 levels, the budget-revenue share and the scope of 一般预算收入.

Part of :mod:`ygx_analysis.audit`. The scope check sets the article's 一般预算收入 (general
budget revenue) against the zone's own budget as a budget entity (预算单位, the city finance
bureau's report, :data:`ENTITY_ROWS`) under both readings of the term: **local level** (地方级,
the local government's share only) and **full scope** (全口径, including the shares passed up to
the central and provincial governments). Neither fits, so the scope is not established
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

__all__ = ["BUDGET_SCOPES", "CITY_FULL_TAX_ROW", "CITY_REVENUE_ROWS", "ENTITY_ROWS", "FISCAL_CONTEXT_IDS",
           "FULL_SCOPE_EXAMPLE_ROWS", "LOCAL_SHARE_ROWS", "MATCH_FACTOR", "NOT_ESTABLISHED", "PEER_RATIO_ROWS",
           "ScopeEvidence", "budget_revenue_scope", "fiscal_checks"]

BUDGET_SCOPES = ("local_level", "full_scope")
"""The two readings of 一般预算收入: 地方级 (local share only) or 全口径 (incl. the shares passed up)."""

NOT_ESTABLISHED = "not_established"
"""The scope when neither reading matches the zone's own budget."""

MATCH_FACTOR = 1.5
"""A reading matches the budget entity's own revenue when the two lie within this factor of each
other (an assumption: the article's figure is for 2024, the entity's for 2025)."""

ENTITY_ROWS = ("zone_entity_local_gpb_revenue_2025", "zone_entity_local_tax_revenue_2025",
               "zone_entity_gpb_expenditure_2025", "zone_entity_debt_balance_2025")
"""The zone as a budget entity, 2025 (city finance bureau): local revenue, tax, expenditure, debt balance."""

CITY_FULL_TAX_ROW = "yy_full_scope_tax_revenue_2025"
"""Yiyang city's full-scope (全口径) tax revenue, 2025 (expected outturn)."""

LOCAL_SHARE_ROWS = ("hn_local_share_2013", "hn_local_share_2017", "hn_local_share_2017h1",
                    "city_changde_local_share_m01_m05", "cn_local_share_2018", "cn_local_share_2022")
"""Local-level revenue as a share (%) of full-scope revenue: Hunan, Changde and China."""

FULL_SCOPE_EXAMPLE_ROWS = ("city_changde_gpb_revenue_full_scope_m01_m05", "city_changde_local_revenue_m01_m05",
                           "city_changde_central_shared_revenue_m01_m05",
                           "city_changde_provincial_shared_revenue_m01_m05")
"""常德's unprefixed 一般公共预算收入 = 地方 + 上划中央 + 上划省级: how Hunan's bureaus use the term."""

CITY_REVENUE_ROWS = ("yy_gpb_revenue_2022", "yy_gpb_revenue_2025")
"""Yiyang city's local general public budget revenue: 2022 (printed as a lower bound, 突破) and the 2025 final outturn."""

PEER_RATIO_ROWS = ("park_cs_etdz_revenue_to_output_2017", "park_cd_etdz_revenue_to_output_m01_m07_2021",
                   "park_longling_revenue_to_output_2021", "park_cs_htz_revenue_to_output_2016",
                   "park_yj_htz_tax_to_output_target_2023")
"""Peer parks' revenue (or taxes) as a share (%) of above-scale gross output; scopes in each row's note."""

FISCAL_CONTEXT_IDS = (ENTITY_ROWS + (CITY_FULL_TAX_ROW,) + LOCAL_SHARE_ROWS + FULL_SCOPE_EXAMPLE_ROWS
                      + CITY_REVENUE_ROWS + PEER_RATIO_ROWS)
"""Every ``context.csv`` row the fiscal checks read (besides the H1 rule's rows)."""


@dataclass(frozen=True)
class ScopeEvidence:
    """The article's 一般预算收入 against the zone's own budget, under both readings.

    Amounts in 亿元, ratios in per cent, ``times_*`` as multiples of the budget
    entity's own local revenue. ``reading`` is ``local_level`` or ``full_scope``
    when that reading's local part lies within :data:`MATCH_FACTOR` of the
    entity's revenue, else :data:`NOT_ESTABLISHED`. ``output_test_fits`` says, for
    (local level, full scope), whether the implied full-scope revenue's ratio to
    output lies inside the peers' range.
    """

    budget: float
    share_of_total: float
    entity_revenue: float
    entity_debt: float
    times_if_local: float
    local_share_range: tuple[float, float]
    local_part_if_full: tuple[float, float]
    times_if_full: tuple[float, float]
    city_full_tax: float
    share_of_city_full_tax: float
    city_revenue: tuple[float, float]
    city_share_if_local: float
    full_if_local: tuple[float, float]
    annual_output: float
    annual_output_range: Interval
    ratio_to_output: float
    ratio_to_output_range: Interval
    ratio_if_local: tuple[float, float]
    peer_range: tuple[float, float]
    output_test_fits: tuple[bool, bool]
    reading: str


def budget_revenue_scope(indicators: pd.DataFrame | None = None, context: pd.DataFrame | None = None,
                         rule: HalfYearRule | None = None) -> ScopeEvidence:
    """Set the article's 一般预算收入 against the zone's own budget under both readings.

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
        Read as local level, the article's figure is ``times_if_local`` times the
        budget entity's own local revenue (:data:`ENTITY_ROWS`); read as full scope,
        its local part (budget × the local shares of :data:`LOCAL_SHARE_ROWS`) is
        ``times_if_full`` times it. Against output (the third test), the implied
        full-scope revenue exceeds the peers' ratios (:data:`PEER_RATIO_ROWS`)
        under either reading. The comparison sets 2024 against 2025.

    Examples
    --------
    >>> e = budget_revenue_scope()
    >>> e.reading, round(e.times_if_local, 1), tuple(round(t, 1) for t in e.times_if_full)
    ('not_established', 16.4, (8.8, 10.4))
    >>> round(e.share_of_city_full_tax, 1), round(e.ratio_to_output, 1), e.peer_range, e.output_test_fits
    (48.5, 14.0, (1.26, 6.63), (False, False))
    """
    from ..data.tables import context_reported, load_context, load_indicators, reported
    from ..arithmetic.growth import half_year_rule

    ind = load_indicators() if indicators is None else indicators
    ctx = load_context() if context is None else context
    return _evidence(lambda row: reported(row, ind), lambda row: context_reported(row, ctx),
                     half_year_rule("output", ctx) if rule is None else rule)


def _matches(ratio: float) -> bool:
    return 1 / MATCH_FACTOR <= ratio <= MATCH_FACTOR


def _evidence(R: Callable[[str], Reported], C: Callable[[str], Reported], rule: HalfYearRule) -> ScopeEvidence:
    """The evidence of :func:`budget_revenue_scope`, from row lookups ``R`` (indicators) and ``C`` (context)."""
    budget, total = R("general_budget_revenue_2024"), R("fiscal_revenue_total_2024")
    entity, debt = C(ENTITY_ROWS[0]).value, C(ENTITY_ROWS[3]).value
    local = [C(row).value for row in LOCAL_SHARE_ROWS]
    local_low, local_high = min(local) / 100, max(local) / 100
    city = (C(CITY_REVENUE_ROWS[0]).value, C(CITY_REVENUE_ROWS[1]).value)
    city_tax = C(CITY_FULL_TAX_ROW).value
    peers = [C(row).value for row in PEER_RATIO_ROWS]
    output, output_iv = rule.annualize(R("gross_output_2025h1"))
    local_part = (budget.value * local_low, budget.value * local_high)
    times_full = (local_part[0] / entity, local_part[1] / entity)
    full_if_local = (budget.value / local_high, budget.value / local_low)
    ratio_if_local = (100 * full_if_local[0] / output, 100 * full_if_local[1] / output)
    ratio = 100 * budget.value / output
    if _matches(budget.value / entity):
        reading = BUDGET_SCOPES[0]
    elif _matches(times_full[0]) or _matches(times_full[1]) or times_full[0] <= 1 <= times_full[1]:
        reading = BUDGET_SCOPES[1]
    else:
        reading = NOT_ESTABLISHED
    return ScopeEvidence(
        budget=budget.value, share_of_total=100 * share(budget.value, total.value), entity_revenue=entity,
        entity_debt=debt, times_if_local=budget.value / entity, local_share_range=(min(local), max(local)),
        local_part_if_full=local_part, times_if_full=times_full, city_full_tax=city_tax,
        share_of_city_full_tax=100 * share(budget.value, city_tax), city_revenue=city,
        city_share_if_local=100 * share(budget.value, max(city)), full_if_local=full_if_local,
        annual_output=output, annual_output_range=output_iv, ratio_to_output=ratio,
        ratio_to_output_range=share(budget, output_iv) * 100, ratio_if_local=ratio_if_local,
        peer_range=(min(peers), max(peers)),
        output_test_fits=(ratio_if_local[0] <= max(peers), ratio <= max(peers)), reading=reading)


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
    entity, tax, spending, debt = (C(row) for row in ENTITY_ROWS)
    cd = [C(row).text for row in FULL_SCOPE_EXAMPLE_ROWS]
    return check(
        "budget_revenue_scope_2024", f"ratio: {budget.text} / {entity.text}",
        (budget.id, total.id, go.id) + FISCAL_CONTEXT_IDS + rule.rows,
        e.times_if_local, share(budget, entity), "flag",
        budget_revenue=Quote("budget_revenue"), public_budget=Quote("public_budget"), budget=budget.text, total=total.text, unit=budget.unit,
        entity_revenue=entity.text, entity_tax=tax.text, entity_expenditure=spending.text, entity_debt=debt.text,
        entity_row=entity.id, debt_row=debt.id, times_local=e.times_if_local,
        local_share_low=e.local_share_range[0], local_share_high=e.local_share_range[1],
        local_low=e.local_part_if_full[0], local_high=e.local_part_if_full[1],
        times_full_low=e.times_if_full[0], times_full_high=e.times_if_full[1],
        cd_full=cd[0], cd_local=cd[1], cd_central=cd[2], cd_provincial=cd[3],
        city_tax=C(CITY_FULL_TAX_ROW).text, city_tax_share=e.share_of_city_full_tax, output_h1=go.text, rule=rule,
        annual=e.annual_output, ratio=e.ratio_to_output, ratio_low=e.ratio_to_output_range.low,
        ratio_high=e.ratio_to_output_range.high, full_ratio_low=e.ratio_if_local[0],
        full_ratio_high=e.ratio_if_local[1], peer_low=e.peer_range[0], peer_high=e.peer_range[1],
        reading=Term(e.reading))


def fiscal_checks(R: Callable[[str], Reported], C: Callable[[str], Reported], flag_above: float,
                  rule: HalfYearRule) -> list[Check]:
    """The implied 2023 levels, the budget-revenue share (with the 2023 share as a note) and the scope check."""
    return [implied_prior_check("fiscal_total_2023_implied", R("fiscal_revenue_total_2024"),
                                R("fiscal_revenue_total_yoy_2024")),
            implied_prior_check("budget_revenue_2023_implied", R("general_budget_revenue_2024"),
                                R("general_budget_revenue_yoy_2024")),
            _share_check(R, C, flag_above), _scope_check(R, C, rule)]
