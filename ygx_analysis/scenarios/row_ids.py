"""The data rows the scenario file names: the check that they exist, and the rows and sources cited.

:func:`check_row_ids` checks a :class:`~ygx_analysis.scenarios.ScenarioConfig`
against ``indicators.csv`` and ``context.csv`` (every row exists; level rows have
the period, measure and unit the model needs). Exhibits of notebook 06
(:mod:`ygx_analysis.exhibits.scenario_tables`) register the tuples below as the
rows and sources they use; the report's source lines and manifest are built from
them. A test checks every tuple against ``data/scenarios.toml``, ``context.csv``
and the series the calibration fits, so they cannot drift.
"""

from __future__ import annotations

import pandas as pd

from ..arithmetic.growth import H1_SHARE_ROWS
from ..data.files import DataError, Problem
from .config import BASE_YEAR, ScenarioConfig
from .paths import outturn_2025

__all__ = ["check_row_ids", "ASSUMPTION_CONTEXT", "ASSUMPTION_INDICATORS", "ASSUMPTION_SOURCES", "CALIBRATION_CONTEXT",
           "CALIBRATION_SOURCES", "JUMPOFF_CONTEXT", "JUMPOFF_SOURCES", "LEVEL_INDICATORS", "LIMITS_CONTEXT",
           "LIMITS_INDICATORS", "LIMITS_SOURCES", "LINKS_CONTEXT", "LINKS_INDICATORS", "LINKS_SOURCES", "PATH_CONTEXT",
           "PATH_INDICATORS", "PATH_SOURCES", "RATIO_CONTEXT", "RATIO_SOURCES", "TARGET_CONTEXT", "TARGET_SOURCES"]

LEVEL_INDICATORS = ("fiscal_revenue_total_2024", "fiscal_revenue_total_yoy_2024", "general_budget_revenue_2024",
                    "general_budget_revenue_yoy_2024", "value_added_2025h1", "gross_output_2025h1")
"""Article rows the jump-off levels come from."""

ASSUMPTION_INDICATORS = ("domestic_capital_2024", "fiscal_revenue_total_2024", "fiscal_revenue_total_yoy_2024",
                         "general_budget_revenue_2024", "general_budget_revenue_yoy_2024", "gross_output_2025h1",
                         "gross_output_yoy_2025h1", "industrial_value_added_yoy_2024", "signed_projects_2024",
                         "value_added_2025h1", "value_added_yoy_2025h1")
"""Article rows cited in data/scenarios.toml."""

ASSUMPTION_CONTEXT = (
    "cn_gdp_growth_target_2026_high", "cn_gdp_growth_target_2026_low", "cn_gdp_pc_doubling_target_2035",
    "cn_gdp_pc_growth_implied_2021_2035", "cn_potential_growth_2026_2030", "cn_potential_growth_2031_2035",
    "cn_ppi_2025", "cn_ppi_2025h1", "cn_ppirm_2025", "cn_secondary_va_h1_share_2024",
    "hn_gdp_h1_share_2024", "hn_gdp_h1_share_2025", "hn_gpb_revenue_growth_2025", "hn_industry_va_h1_share_2024",
    "hn_iva_growth_2024", "hn_iva_growth_2025", "hn_iva_growth_2025h1", "hn_ppi_2025", "hn_ppirm_2025",
    "nhtz_gross_output_growth_2024", "park_cs_htz_enterprise_revenue_2016",
    "park_cz_htz_tech_industry_trade_revenue_2014", "s_cn_gdp_real_growth_2025", "s_cn_gpb_revenue_growth_2011",
    "s_cn_gpb_revenue_growth_2022", "s_cn_gpb_revenue_growth_2023", "s_cn_gpb_revenue_growth_2024",
    "s_cn_gpb_revenue_growth_2025", "s_cn_iva_above_scale_growth_2020", "s_cn_iva_above_scale_growth_2021",
    "s_cn_iva_above_scale_growth_2025", "s_hn_gdp_real_growth_2025", "s_hn_iva_above_scale_growth_2025",
    "zone_gross_output_2021", "zone_key_projects_investment_2025", "zone_key_projects_investment_planned_2025")
"""Context rows cited in data/scenarios.toml (a test checks this against the file)."""

ASSUMPTION_SOURCES = (
    "am730_cn_15fyp", "article", "chempricehub_cn_ppi_2025", "chinaorg_cn_fiscal_2023_01_31", "cnyes_cn_gwr_2026",
    "cri_hn_2026_01_27", "feifmx_baichongen_2020", "henan_en_cn_fiscal_2024_02_12", "hlunet_hn_gwr_2026",
    "hn_tjj_bulletin_2025", "kfd_cs_htz_wiki", "nbs_gh_cn_fiscal",
    "lygmedia_nhtz_2024", "nationthailand_cn_2022_01_17", "people_en_cn_fiscal_2025_01_26",
    "people_en_cn_fiscal_2026_01_30", "people_en_cn_ppi_2025_06", "people_hn_2025h1", "reportify_cn_ppi_2025",
    "scio_en_cn_iva_2021_01_18", "szokow_cz_htz_2015", "ttm_cn_2026_01_26", "ttm_cn_gdp_2026_01_19",
    "verygif_cn_2024h1", "voc_zone_2025_meeting", "yiyang_gov_zone_projects_2022", "yueyang_gov_hn_2024h1",
    "zjjnews_hn_2025_plan")
"""Sources of those rows."""

JUMPOFF_CONTEXT = tuple(sorted({"hn_gpb_revenue_growth_2025", "s_cn_gpb_revenue_growth_2025",
                                *H1_SHARE_ROWS["output"]}))
JUMPOFF_SOURCES = ("article", "enghunan_hn_2024h1", "hlunet_hn_gwr_2026", "people_en_cn_fiscal_2026_01_30",
                   "people_hn_2025h1", "qntz_cn_2023h1", "scol_cn_2022h1", "verygif_cn_2024h1",
                   "yueyang_gov_hn_2024h1")
"""Rows and sources behind the 2025 jump-off: the fiscal 2025 growth anchors and every row of the H1 rule."""

TARGET_CONTEXT = ("cn_gdp_pc_doubling_target_2035", "cn_gdp_pc_growth_implied_2021_2035",
                  "park_cs_htz_enterprise_revenue_2016", "park_cz_htz_tech_industry_trade_revenue_2014",
                  "zone_gross_output_2021")
TARGET_SOURCES = ("am730_cn_15fyp", "kfd_cs_htz_wiki", "szokow_cz_htz_2015", "yiyang_gov_zone_projects_2022")
"""Rows and sources the targets cite (one national growth rate enters a target level)."""

CALIBRATION_CONTEXT = (tuple(f"s_cn_iva_above_scale_growth_{y}" for y in range(2000, 2026) if y != 2005)
                       + tuple(f"s_cn_gpb_revenue_growth_{y}" for y in range(2000, 2026))
                       + tuple(f"s_hn_gdp_real_growth_{y}" for y in range(2000, 2026))
                       + tuple(f"s_cn_gdp_real_growth_{y}" for y in range(2000, 2026)))
"""The series of the AR(1) fits: China's above-scale industrial value added growth (no 2005 row) and budget
revenue growth, and the comparison pair, Hunan's and China's real GDP growth."""

CALIBRATION_SOURCES = (
    "brecorder_cn_2004_01_21", "ccpit_cn_industry_2009", "cdzy_hn_2022_communique", "ce_hn_2021_01_25",
    "chinadaily_cn_iva_2008_01_24", "chinadaily_cn_iva_2015_01_20", "chinaorg_cn_fiscal_2023_01_31",
    "chinaorg_cn_in_figures_2002", "chinaorg_cn_iva_2001_01", "chinaorg_cn_iva_2003_02",
    "codelist_cn_gdp_2022_01_18", "cri_hn_2026_01_27", "domainb_cn_2011_01_20", "ecns_cn_iva_2016_01_19",
    "ecns_cn_iva_2018_01_18", "globaltimes_cn_iva_2017_01_20", "govcn_en_cn_2020_01_17", "gtxh_hn_gdp_2022_01_24",
    "henan_en_cn_fiscal_2024_02_12", "hntjj_hn_2024_01_19", "hntjj_hn_2025_01_23", "jctrans_cn_iva_2007_03_15",
    "keyanhelp_cn_iva_2010_01_21", "menafn_cn_gdp_2025_12_27", "nationthailand_cn_2022_01_17",
    "nbs_gh_cn_fiscal", "nbs_gh_cn_gdp_index", "nbs_gh_hn_gdp_index", "people_en_cn_2013_01_18",
    "people_en_cn_2025_01_17", "people_en_cn_fiscal_2022_01_25", "people_en_cn_fiscal_2025_01_26",
    "people_en_cn_fiscal_2026_01_30", "people_en_cn_gdp_2023_12_29", "people_en_cn_gdp_2024_01_17",
    "people_en_cn_iva_2023_01_17", "premiumtimes_cn_fiscal_2021_01_28", "scio_en_cn_iva_2021_01_18",
    "sicas_cn_gdp_2023_01_17", "tradingeconomics_cn_2013_01_18", "ttm_cn_2026_01_26", "ttm_cn_gdp_2026_01_19",
    "ukranews_cn_2024_01_17")
"""Sources of those series."""

LINKS_INDICATORS = ("domestic_capital_2024", "fiscal_revenue_total_2024", "fiscal_revenue_total_yoy_2024",
                    "general_budget_revenue_2024", "general_budget_revenue_yoy_2024", "gross_output_2025h1",
                    "signed_projects_2024", "value_added_2025h1")
LINKS_CONTEXT = ("cn_ppi_2025", "cn_ppi_2025h1", "cn_ppirm_2025", "hn_ppi_2025", "hn_ppirm_2025",
                 "s_cn_gdp_real_growth_2025", "s_cn_gpb_revenue_growth_2011", "s_cn_gpb_revenue_growth_2022",
                 "s_cn_gpb_revenue_growth_2025", "s_cn_iva_above_scale_growth_2020",
                 "s_cn_iva_above_scale_growth_2021", "s_cn_iva_above_scale_growth_2025", "s_hn_gdp_real_growth_2025",
                 "s_hn_iva_above_scale_growth_2025", "zone_key_projects_investment_2025",
                 "zone_key_projects_investment_planned_2025")
LINKS_SOURCES = ("article", "chempricehub_cn_ppi_2025", "chinaorg_cn_fiscal_2023_01_31", "cri_hn_2026_01_27",
                 "hn_tjj_bulletin_2025", "nationthailand_cn_2022_01_17", "nbs_gh_cn_fiscal",
                 "people_en_cn_fiscal_2026_01_30", "people_en_cn_ppi_2025_06", "reportify_cn_ppi_2025",
                 "scio_en_cn_iva_2021_01_18", "ttm_cn_2026_01_26", "ttm_cn_gdp_2026_01_19", "voc_zone_2025_meeting")
"""Rows and sources of the joint model's links, deflator and pipeline ([model], [deflator], [pipeline])."""
RATIO_CONTEXT = CALIBRATION_CONTEXT + tuple(f"s_hn_iva_above_scale_growth_{y}"
                                            for y in (2016, 2018, 2020, 2022, 2023, 2024, 2025))
RATIO_SOURCES = CALIBRATION_SOURCES + ("breakinglatest_hn_gwr_2023", "enghunan_hn_iva_2019_03_21",
                                       "shijiejingji_hn_2017_01_25")
"""Rows and sources of the four Hunan/China volatility ratios (the GDP fits and the shared years of industry)."""

PATH_INDICATORS = tuple(sorted(set(LEVEL_INDICATORS) | set(ASSUMPTION_INDICATORS) | set(LINKS_INDICATORS)))
PATH_CONTEXT = tuple(sorted((set(ASSUMPTION_CONTEXT) - set(TARGET_CONTEXT)) | set(JUMPOFF_CONTEXT) | set(LINKS_CONTEXT)))
PATH_SOURCES = tuple(sorted((set(ASSUMPTION_SOURCES) | set(JUMPOFF_SOURCES) | set(LINKS_SOURCES)) - set(TARGET_SOURCES)))
"""Rows and sources behind the deterministic paths: the jump-off, every rationale of ``[scenarios]``, the joint
model's links, the deflator and the pipeline (not the targets, which the paths do not read)."""

LIMITS_INDICATORS = LEVEL_INDICATORS + ("towns_transferred_2024", "subdistricts_transferred_2024")
LIMITS_CONTEXT = ("zone_fiscal_tax_revenue_2018", "zone_gross_output_2021") + RATIO_CONTEXT
LIMITS_SOURCES = ("article", "m5051903_zone_profile", "yiyang_gov_zone_projects_2022") + RATIO_SOURCES


def check_row_ids(config: ScenarioConfig, where: str, indicators: pd.DataFrame, context: pd.DataFrame) -> None:
    """Check that every row ``config`` names exists, and that level rows have the right period, measure and unit
    (a full-year 2025 row that becomes the jump-off, :func:`.paths.outturn_2025`, too).

    Raises
    ------
    DataError
        Every problem, one line each, naming ``where`` (the file) and the key.
    """
    problems: list[Problem] = []
    ind, ctx = indicators.set_index("id"), context.set_index("id")
    known = set(ind.index) | set(ctx.index)

    def fail(key: str, message: str) -> None:
        problems.append(Problem(where, None, key, message))

    expected = {"level_row": ("2024", "flow"), "yoy_row": ("2024", "growth_yoy"), "h1_row": ("2025H1", "flow")}
    for name, spec in config.indicators.items():
        for attr, (period, measure) in expected.items():
            row_id, key = getattr(spec, attr), f"indicators.{name}.{attr}"
            if row_id is None:
                continue
            if row_id not in ind.index:
                fail(key, f"unknown row {row_id!r}; not in indicators.csv")
                continue
            row = ind.loc[row_id]
            if (row["period"], row["measure"]) != (period, measure):
                fail(key, f"row {row_id!r} is {row['measure']} for {row['period']}; expected {measure} for {period}")
            unit = "%" if measure == "growth_yoy" else spec.unit
            if row["unit"] != unit:
                fail(key, f"row {row_id!r} is in {row['unit']}; expected {unit}")
        row_id = spec.level_row if spec.method == "grow_2024" else spec.h1_row
        seen = outturn_2025(indicators, row_id, context) if row_id in ind.index else None
        if seen is not None and seen["unit"] != spec.unit:
            fail(f"indicators.{name}", f"row {seen['id']!r}, the full-year {BASE_YEAR} jump-off, is in "
                                       f"{seen['unit']}; expected {spec.unit}")
    cited = [(f"indicators.{n}.estimate_2025.refs", s.estimate_2025.refs) for n, s in config.indicators.items()]
    cited += [(f"scenarios.{s}.{i}.refs", p.refs)
              for s, scen in config.scenarios.items() for i, p in scen.paths.items()]
    cited += [(f"{name}.refs", t.refs) for name, t in (("model", config.model), ("deflator", config.deflator),
                                                       ("pipeline", config.pipeline)) if t is not None]
    cited += [(f"model.{n}.refs", r.refs) for n, r in (config.model.roles if config.model else {}).items()]
    cited += [(f"targets[{i}].refs", t.refs) for i, t in enumerate(config.targets)]
    for key, ids in cited:
        for row_id in (r for r in ids if r not in known):
            fail(key, f"unknown row id {row_id!r}; not in indicators.csv or context.csv")
    for name, r in (config.model.roles if config.model else {}).items():
        if r.series is not None and r.series not in set(ctx["series"]):
            fail(f"model.{name}.series", f"unknown series {r.series!r}; not in context.csv")
    for attr, unit in (("capital_row", "亿元"), ("projects_row", None)) if config.pipeline else ():
        row_id = getattr(config.pipeline, attr)
        if row_id not in ind.index:
            fail(f"pipeline.{attr}", f"unknown row {row_id!r}; not in indicators.csv")
        elif unit is not None and ind.loc[row_id, "unit"] != unit:
            fail(f"pipeline.{attr}", f"row {row_id!r} is in {ind.loc[row_id, 'unit']}; expected {unit}")
    for i, t in enumerate(config.targets):
        if t.growth_row is not None and t.growth_row not in known:
            fail(f"targets[{i}].growth_row", f"unknown row id {t.growth_row!r}; not in indicators.csv or context.csv")
        elif t.growth_row is not None:
            unit = (ind if t.growth_row in ind.index else ctx).loc[t.growth_row, "unit"]
            if unit != "%":
                fail(f"targets[{i}].growth_row", f"row {t.growth_row!r} is in {unit}; expected a growth rate in %")
    if problems:
        raise DataError(problems)
