"""A machine audit of the article's figures: recompute what they imply and check that they agree.

:func:`audit` returns one row per check, with the columns of :data:`COLUMNS`:

``check_id``
    A stable id (``fiscal_total_2023_implied``).
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
    多/余 (ranges). Which ends are open is said in the note when it matters.
``reported``
    The printed figure the check tests, as printed (``487家``); empty when the
    check derives a figure the article does not print.
``status``
    One of :data:`STATUSES`:

    - ``reproduced``: a figure the printed ones imply, by arithmetic alone;
    - ``consistent``: a test between figures passes (parts within a total, a ratio
      in a plausible band, a comparison on the same measure), or a figure that
      needs a stated assumption;
    - ``flag``: a test fails or the value is implausible; the note says why;
    - ``not_comparable``: the inputs have different definitions; the value is
      shown only to say what a naive splice would claim, and the note says why it is wrong.
``note_template``, ``note_values``, ``description_values``
    The reading as data: a template key of the audit's words and the named values
    that fill it, and the values of the description (:mod:`.checks`).
    :func:`ygx_analysis.exhibits.article_audit.audit_frame` fills both, in either
    language; the audit itself holds no prose.

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
from .checks import COLUMNS, STATUSES, Check, Note, Quote, Term, bounds, check, implied_prior_check, real

__all__ = ["BUDGET_SCOPES", "BUDGET_SHARE_FLAG_ABOVE", "CLUSTER_IDS", "CLUSTER_TOTAL_ID", "COLUMNS", "CONTEXT_IDS",
           "INDICATOR_IDS", "SOURCE_IDS", "STATUSES", "VALUE_ADDED_RATE_RANGE", "ScopeEvidence", "audit",
           "budget_revenue_scope", "cluster_remainder"]

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
``budget_revenue_scope_2024`` sets it against the zone's own budget).
"""

VALUE_ADDED_RATE_RANGE = (0.15, 0.40)
"""Default band for above-scale industry's value added ÷ gross output (a fraction).

A wide band around the 20–30 % usual for Chinese manufacturing; a peer park
nearby, Longling, ran at 154.3 / 738.7 ≈ 21 % in 2021 (rows ``park_longling_iva_2021``
and ``park_longling_gross_output_2021``). Outside it the two printed figures would
not describe the same firms and period.
"""

INDICATOR_IDS = ("fiscal_revenue_total_2024", "fiscal_revenue_total_yoy_2024", "general_budget_revenue_2024",
                 "general_budget_revenue_yoy_2024", "gross_output_2025h1", "gross_output_yoy_2025h1",
                 "value_added_2025h1", "value_added_yoy_2025h1", "invention_patents_granted_2024",
                 "patents_granted_2024", "above_scale_equipment_current", "above_scale_electronics_current",
                 "above_scale_carbon_materials_current", "above_scale_new_energy_current",
                 "above_scale_enterprises_current", "incubators_national_current", "incubators_provincial_current",
                 "maker_spaces_national_current", "maker_spaces_provincial_current", "tech_centres_national_current",
                 "postdoc_stations_national_current", "rd_platforms_provincial_current", "key_labs_provincial_current",
                 "academician_workstations_provincial_current", "hr_cost_saving_annual", "staff_reduction_rate_2024",
                 "group_hr_cost_cut_2024", "industrial_value_added_yoy_2024")
"""Rows of ``indicators.csv`` the audit reads (a test checks this against the ``inputs`` column)."""

CONTEXT_IDS = ("hn_iva_growth_2024", "hn_iva_all_industry_growth_2024", "hn_iva_growth_2025h1",
               "zone_fiscal_tax_revenue_2018", "zone_iva_growth_2018", "zone_iva_growth_2021",
               "zone_gross_output_2021", "cn_ppi_2025h1", *FISCAL_CONTEXT_IDS, *H1_SHARE_ROWS["output"])
"""Rows of ``context.csv`` the audit reads."""

SOURCE_IDS = ("article", "zjjnews_hn_2025_plan", "sgpjbg_hn_2024_communique", "people_hn_2025h1",
              "m5051903_zone_profile", "ymyy_zone_2021_review", "yiyang_gov_zone_projects_2022",
              "people_en_cn_ppi_2025_06", "changde_czj_fiscal", "yiyang_gov_gwr_2023",
              "zjjtravel_hn_fiscal_2013", "enghunan_hn_fiscal_2017", "enghunan_hn_fiscal_2017h1",
              "en4hw_cn_fiscal_2018", "people_en_cn_fiscal_2022", "csx_cs_etdz_2018", "changde_cd_etdz_2021",
              "yiyang_gov_longling_2022", "kfd_cs_htz_wiki", "rednet_yj_parks_2023", "yueyang_gov_hn_2024h1",
              "enghunan_hn_2024h1", "scol_cn_2022h1", "qntz_cn_2023h1", "verygif_cn_2024h1", "yy_czj_budget_report_2025",
              "yy_tjj_bulletin_2025")
"""Sources of those rows (``sources.csv``); a test checks them against ``context.csv``."""


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


def _industry_checks(R: Callable[[str], Reported], C: Callable[[str], Reported],
                     va_range: tuple[float, float]) -> list[Check]:
    go, go_g = R("gross_output_2025h1"), R("gross_output_yoy_2025h1")
    va, va_g = R("value_added_2025h1"), R("value_added_yoy_2025h1")
    rate = 100 * share(va.value, go.value)
    lo, hi = va_range
    rate_prior = 100 * share(implied_prior_level(va.value, va_g.value), implied_prior_level(go.value, go_g.value))
    ppi = C("cn_ppi_2025h1")
    return [
        implied_prior_check("gross_output_2024h1_implied", go, go_g, "output_price_basis"),
        implied_prior_check("value_added_2024h1_implied", va, va_g, "value_added_in_2025_prices"),
        check("value_added_rate_2025h1", f"share: {va.text} / {go.text} × 100", (va.id, go.id), rate,
              share(va, go) * 100, "consistent" if lo * 100 <= rate <= hi * 100 else "flag",
              rate=rate, times=go.value / va.value, low=lo, high=hi,
              verdict=Term("inside" if lo * 100 <= rate <= hi * 100 else "outside")),
        check("value_added_rate_2024h1_implied",
              f"share: ({va.text} / (1 + {va_g.text}/100)) / ({go.text} / (1 + {go_g.text}/100)) × 100",
              (va.id, va_g.id, go.id, go_g.id, ppi.id), rate_prior,
              share(implied_prior_level(va, va_g), implied_prior_level(go, go_g)) * 100,
              "consistent" if lo * 100 <= rate_prior <= hi * 100 else "flag",
              rate=rate_prior, change=rate - rate_prior, va_growth=va_g.text, output_growth=go_g.text,
              ppi=ppi.text, ppi_row=ppi.id),
    ]


def _patent_check(R: Callable[[str], Reported]) -> Check:
    inv, granted = R("invention_patents_granted_2024"), R("patents_granted_2024")
    value = 100 * share(inv.value, granted.value)
    ok = inv.value <= granted.value
    return check("invention_patent_share_2024", f"share: {inv.text} / {granted.text} × 100", (inv.id, granted.id),
                 value, share(inv, granted) * 100, "consistent" if ok else "flag", f"{granted.text}{granted.unit}",
                 invention=inv.text, granted=granted.text, share=value,
                 verdict=Term("patents_within" if ok else "patents_exceed"))


def _cluster_checks(R: Callable[[str], Reported], ind: pd.DataFrame) -> list[Check]:
    total, parts = R(CLUSTER_TOTAL_ID), [R(i) for i in CLUSTER_IDS]
    whole_sum = interval_sum(parts)
    printed = " + ".join(str(p) for p in parts)
    ok = whole_sum.high <= total.value
    rem_whole = cluster_remainder(ind, whole=True)
    example = parts[1].interval.integers()
    return [
        check("above_scale_clusters_vs_total", f"sum: {printed}", tuple(p.id for p in parts) + (total.id,),
              whole_sum.midpoint, whole_sum, "consistent" if ok else "flag", str(total),
              real=bounds(interval_sum(parts, whole_numbers=False), 0), whole=bounds(whole_sum, 0),
              total=str(total), more=Quote("more"), verdict=Term("clusters_within" if ok else "clusters_above")),
        check("above_scale_unattributed_remainder", f"cluster_remainder: {total.text} − ({printed})",
              (total.id,) + tuple(p.id for p in parts), rem_whole.midpoint, rem_whole,
              "consistent" if rem_whole.low >= 0 else "flag",
              real=bounds(cluster_remainder(ind, whole=False), 0), whole=bounds(rem_whole, 0), example=str(parts[1]),
              example_low=example.low, example_high=example.high, share_low=rem_whole.low / total.value,
              share_high=rem_whole.high / total.value, total=str(total), more=Quote("more"),
              four_above=Quote("four_above")),
    ]


def _platform_checks(R: Callable[[str], Reported]) -> list[Check]:
    inc_n, inc_p = R("incubators_national_current"), R("incubators_provincial_current")
    mak_n, mak_p = R("maker_spaces_national_current"), R("maker_spaces_provincial_current")
    tech, postdoc = R("tech_centres_national_current"), R("postdoc_stations_national_current")
    rd, labs, academ = (R("rd_platforms_provincial_current"), R("key_labs_provincial_current"),
                        R("academician_workstations_provincial_current"))

    def summed(check_id: str, rows: list[Reported], note: Note, interval: Interval | None = None) -> Check:
        total = sum(r.value for r in rows)
        return Check(check_id, "sum: " + " + ".join(r.text for r in rows), tuple(r.id for r in rows), total,
                     interval or Interval.point(total), "", "consistent" if interval else "reproduced", note)

    def pair(national: Reported, provincial: Reported) -> Note:
        return Note("notes.national_plus_provincial", {"national": national.text, "provincial": provincial.text})

    full = inc_p.value + mak_p.value + rd.value + labs.value + academ.value
    nested = inc_p.value + mak_p.value + rd.value
    return [
        summed("incubators_total", [inc_n, inc_p], pair(inc_n, inc_p)),
        summed("maker_spaces_total", [mak_n, mak_p], pair(mak_n, mak_p)),
        summed("national_platforms_total", [inc_n, mak_n, tech, postdoc],
               Note("checks.national_platforms_total.note", {})),
        summed("provincial_platforms_total", [inc_p, mak_p, rd, labs, academ],
               Note("checks.provincial_platforms_total.note", {"full": full, "labs": labs.text,
                                                                "academicians": academ.text, "rd": rd.text,
                                                                "nested": nested}), Interval(nested, full)),
    ]


def _reform_check(R: Callable[[str], Reported]) -> Check:
    saving, rate, group = R("hr_cost_saving_annual"), R("staff_reduction_rate_2024"), R("group_hr_cost_cut_2024")
    value, iv = implied_pre_reform_cost(saving.value, rate.value), implied_pre_reform_cost(saving, rate)
    return check(
        "pre_reform_hr_cost", f"savings.implied_pre_reform_cost: {saving.text} / ({rate.text}/100); "
        f"{group.text} / ({rate.text}/100)", (saving.id, rate.id, group.id), value, iv, "flag",
        rate=rate.text, saving=saving.text, unit=saving.unit, cost=value, bounds=bounds(iv, 3), group=group.text,
        group_row=group.id, ratio=group.value / value, group_cost=implied_pre_reform_cost(group.value, rate.value),
        group_bounds=bounds(implied_pre_reform_cost(group, rate), 3))


def _premium_checks(R: Callable[[str], Reported], C: Callable[[str], Reported]) -> list[Check]:
    zone24, hn24, hn24_all = (R("industrial_value_added_yoy_2024"), C("hn_iva_growth_2024"),
                              C("hn_iva_all_industry_growth_2024"))
    zone25, hn25 = R("value_added_yoy_2025h1"), C("hn_iva_growth_2025h1")
    prem24, prem25 = pp_difference(zone24, hn24), pp_difference(zone25, hn25)
    v24, v25 = pp_difference(zone24.value, hn24.value), pp_difference(zone25.value, hn25.value)
    return [
        check("iva_premium_over_hunan_2024", f"pp_difference: {zone24.text} − {hn24.text}",
              (zone24.id, hn24.id, hn24_all.id), v24, prem24, "consistent",
              zone=zone24.text, hunan=hn24.text, lead=v24, bounds=bounds(prem24, 2), hunan_all=hn24_all.text,
              lead_all=pp_difference(zone24.value, hn24_all.value), iva=Quote("iva"), above_scale=Quote("above_scale")),
        check("iva_premium_over_hunan_2025h1", f"pp_difference: {zone25.text} − {hn25.text}", (zone25.id, hn25.id),
              v25, prem25, "consistent", zone=zone25.text, hunan=hn25.text, lead=v25, bounds=bounds(prem25, 2)),
    ]


def _year(frame: pd.DataFrame, row_id: str) -> int:
    """The calendar year of a data row's period (``2024``, ``2025H1`` → 2025)."""
    period = frame.loc[frame["id"] == row_id, "period"].iloc[0]
    return int(str(period)[:4])


def _splice_checks(R: Callable[[str], Reported], C: Callable[[str], Reported], rule: HalfYearRule,
                   ind: pd.DataFrame, ctx: pd.DataFrame) -> list[Check]:
    fiscal18, fiscal24 = C("zone_fiscal_tax_revenue_2018"), R("fiscal_revenue_total_2024")
    years = _year(ind, fiscal24.id) - _year(ctx, fiscal18.id)
    naive = cagr(fiscal18.value, fiscal24.value, years)
    growth_rows = [C("zone_iva_growth_2018"), C("zone_iva_growth_2021"), R("industrial_value_added_yoy_2024"),
                   R("value_added_yoy_2025h1")]
    go25, go21 = R("gross_output_2025h1"), C("zone_gross_output_2021")
    annual, annual_iv = rule.annualize(go25)
    go_years = _year(ind, go25.id) - _year(ctx, go21.id)
    go_cagr = cagr(go21.value, annual, go_years)
    terms = {"tax_revenue": Quote("tax_revenue"), "fiscal_total": Quote("fiscal_total")}
    return [
        check("fiscal_2018_vs_2024_splice", f"cagr: 100 × (({fiscal24.text} / {fiscal18.text}) ** (1/{years}) − 1)",
              (fiscal18.id, fiscal24.id) + tuple(g.id for g in growth_rows), naive,
              cagr(fiscal18, fiscal24, years), "not_comparable", about=terms, **terms,
              cagr=naive, row=fiscal18.id, growth_low=min(g.value for g in growth_rows),
              growth_high=max(g.value for g in growth_rows)),
        check("gross_output_2021_vs_2025_splice",
              f"cagr: 100 × ((annualize_half_year({go25.text}, half_year_rule('output')) / {go21.text}) "
              f"** (1/{go_years}) − 1)", (go21.id, go25.id) + rule.rows, go_cagr, cagr(go21, annual_iv, go_years),
              "not_comparable", rule=rule, annual=annual, unit=go25.unit, annual_bounds=bounds(annual_iv, 0),
              base=go21.text, ratio=annual / go21.value, cagr=go_cagr),
    ]


def audit(indicators: pd.DataFrame | None = None, context: pd.DataFrame | None = None, *,
          budget_share_flag_above: float = BUDGET_SHARE_FLAG_ABOVE,
          value_added_rate_range: tuple[float, float] = VALUE_ADDED_RATE_RANGE,
          h1_rule: HalfYearRule | None = None) -> pd.DataFrame:
    """Recompute the figures the article implies and check that its figures agree.

    Parameters
    ----------
    indicators, context : DataFrame, optional
        Outputs of :func:`~ygx_analysis.data.tables.load_indicators` and
        :func:`~ygx_analysis.data.tables.load_context`; loaded when omitted.
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
    for name, frame in (("indicators", indicators), ("context", context)):
        if frame is not None and not isinstance(frame, pd.DataFrame):
            raise TypeError(f"{name}: expected a DataFrame or None, got {type(frame).__name__}")
    if not 0 < real("budget_share_flag_above", budget_share_flag_above) <= 1:
        raise ValueError(f"budget_share_flag_above: must be a fraction in (0, 1], got {budget_share_flag_above}")
    if isinstance(value_added_rate_range, (str, bytes)) or not isinstance(value_added_rate_range, Sequence):
        raise TypeError(f"value_added_rate_range: must be a pair (low, high) of fractions, "
                        f"got {type(value_added_rate_range).__name__}")
    if len(value_added_rate_range) != 2:
        raise ValueError("value_added_rate_range: must be a pair (low, high) of fractions")
    va_low, va_high = (real("value_added_rate_range", x) for x in value_added_rate_range)
    if not 0 <= va_low < va_high <= 1:
        raise ValueError("value_added_rate_range: must satisfy 0 <= low < high <= 1")
    if h1_rule is not None and not isinstance(h1_rule, HalfYearRule):
        raise TypeError(f"h1_rule: expected a HalfYearRule (see growth.half_year_rule) or None, "
                        f"got {type(h1_rule).__name__}")
    ind = load_indicators() if indicators is None else indicators
    ctx = load_context() if context is None else context
    rule = half_year_rule("output", ctx) if h1_rule is None else h1_rule

    R: Callable[[str], Reported] = lambda row_id: reported(row_id, ind)  # noqa: E731
    C: Callable[[str], Reported] = lambda row_id: context_reported(row_id, ctx)  # noqa: E731
    checks = [*fiscal_checks(R, C, budget_share_flag_above, rule), *_industry_checks(R, C, (va_low, va_high)),
              _patent_check(R), *_cluster_checks(R, ind), *_platform_checks(R), _reform_check(R),
              *_premium_checks(R, C), *_splice_checks(R, C, rule, ind, ctx)]
    return pd.DataFrame([c.row() for c in checks], columns=list(COLUMNS))
