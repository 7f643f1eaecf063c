"""Regenerate ``data/context.csv`` from the research files.

``context.csv`` holds figures from public sources other than the article, used
as context and for calibration. It has two blocks:

1. Hand-picked rows (``CURATED`` below): Hunan, China, national high-tech zones
   and ETDZs, Hunan high-tech zones, the zone's own pre-2024-reform figures,
   Yiyang city and Heshan district. They were chosen and worded by hand from
   ``shared/research/context_figures.csv`` and ``context_notes.md``; this script
   keeps them as a literal table so that the file can be rebuilt exactly.
2. Long annual growth series (2000-2025), one row per series-year, generated
   from ``shared/research/context_series.csv`` for the series in ``SERIES``.
   They come last, sorted by series then year. Their ``source_id`` and
   ``trust`` are looked up by URL in ``data/sources.csv``, which must list
   every source URL used (the script stops if one is missing or unused).

Usage (from the repository root)::

    python tools/curate_context.py          # rewrite data/context.csv
    python tools/curate_context.py --check  # only report whether it is current

Output: UTF-8 without BOM, comma separated, minimal quoting, LF line ends.
Running the script twice gives the same bytes.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SERIES_CSV = Path(__file__).resolve().parents[2] / "shared/research/context_series.csv"
CONTEXT_CSV = REPO / "data" / "context.csv"
SOURCES_CSV = REPO / "data" / "sources.csv"

COLUMNS = ("id", "series", "region", "indicator", "label_zh", "label_en", "period", "measure",
           "value", "unit", "qualifier", "basis", "status", "trust", "source_id", "source_date",
           "excerpt", "note")

# ---------------------------------------------------------------------------
# shared note texts
# ---------------------------------------------------------------------------

ZONE = ("Pre-2024-reform scope (old, larger managed area incl. the 朝阳 urban core); "
        "do not splice with the article's 2024 figures.")
ZONE_LOW = "Low-trust mirror of the zone profile; verify. " + ZONE
NOMINAL_HTZ = "Nominal (current prices); not comparable with real growth rates."
FISCAL_2018 = ("财税收入 after cutting 1.65亿 non-tax revenue and absorbing 4900万 abnormal receipts; "
               "NOT the same measure as the article's 2024 财政总收入 62.08 / 一般预算收入 60.67 "
               "(18.08 -> 62.08 would imply ~22.8%/yr). ")

# ---------------------------------------------------------------------------
# block 1: hand-picked rows
# ---------------------------------------------------------------------------
# Fields: id, region, indicator, label_zh, label_en, period, measure, value, unit,
#         qualifier, basis, status, trust, source_id, excerpt, note[, source_date]
# source_date defaults to the source's date in sources.csv.

CURATED: list[tuple[str, ...]] = [
    # ---- Hunan -------------------------------------------------------------
    ("hn_gpb_revenue_2022", "hunan", "local_gpb_revenue", "地方一般公共预算收入",
     "Local general public budget revenue", "2022", "flow", "3101.8", "亿元", "exact", "",
     "preliminary", "high", "yueyang_gov_hn_gwr_2023", "地方一般公共预算收入达3101.8亿元,同口径增长6.6%",
     "Jan-2023 provincial GWR figure. Against the 2021 level 3250.7 the headline change is about -4.6% (VAT credit refunds)."),
    ("hn_gpb_revenue_growth_2022", "hunan", "local_gpb_revenue_growth", "地方一般公共预算收入增长(同口径)",
     "Local general public budget revenue growth, like-for-like", "2022", "growth_yoy", "6.6", "%",
     "exact", "nominal", "preliminary", "high", "yueyang_gov_hn_gwr_2023",
     "地方一般公共预算收入达3101.8亿元,同口径增长6.6%",
     "Like-for-like (同口径) nominal growth; the headline change from levels is about -4.6% (VAT refunds)."),
    ("hn_iva_growth_2022", "hunan", "iva_above_scale_growth", "规模工业增加值增长",
     "Above-scale industrial value added growth", "2022", "growth_yoy", "7.2", "%", "approx", "real",
     "preliminary", "high", "yueyang_gov_hn_gwr_2023", "规模工业增加值增长7.2%左右",
     "GWR estimate (左右) made before final data; comparable prices."),
    ("hn_gdp_growth_2023", "hunan", "gdp_real_growth", "地区生产总值增长", "Real GRP growth", "2023",
     "growth_yoy", "4.6", "%", "exact", "real", "final", "high", "hnstb_hn_gwr_2024",
     "总量突破5万亿元,增长4.6%", "Constant prices; Jan-2024 provincial GWR."),
    ("hn_iva_growth_2023", "hunan", "iva_above_scale_growth", "规模工业增加值增长",
     "Above-scale industrial value added growth", "2023", "growth_yoy", "5.1", "%", "exact", "real",
     "final", "high", "hnstb_hn_gwr_2024", "规模工业增加值增长5.1%,高于全国0.5个百分点",
     "Comparable prices; Jan-2024 provincial GWR."),
    ("hn_gpb_revenue_growth_2023", "hunan", "local_gpb_revenue_growth", "地方一般公共预算收入增长",
     "Local general public budget revenue growth", "2023", "growth_yoy", "8.3", "%", "exact", "nominal",
     "final", "high", "hnstb_hn_gwr_2024", "地方一般公共预算收入增长8.3%",
     "Nominal; the 2023 level was not found."),
    ("hn_gdp_2024", "hunan", "gdp", "地区生产总值", "Gross regional product", "2024", "flow", "53231.0",
     "亿元", "exact", "", "final", "medium", "sgpjbg_hn_2024_communique",
     "全年地区生产总值53231.0亿元,比上年增长4.8%",
     "Current prices; 2024 statistical communiqué (repost). The Jan-2025 stats-bureau release gave 53230.99."),
    ("hn_gdp_growth_2024", "hunan", "gdp_real_growth", "地区生产总值增长", "Real GRP growth", "2024",
     "growth_yoy", "4.8", "%", "exact", "real", "final", "medium", "sgpjbg_hn_2024_communique",
     "全年地区生产总值53231.0亿元,比上年增长4.8%", "Constant prices; 2024 statistical communiqué (repost)."),
    ("hn_iva_all_industry_growth_2024", "hunan", "iva_all_industry_growth", "工业增加值增长(全部工业)",
     "Industrial value added growth, all industry", "2024", "growth_yoy", "6.6", "%", "exact", "real",
     "final", "medium", "sgpjbg_hn_2024_communique", "工业增加值比上年增长6.6%",
     "All-industry measure, not 规模工业增加值 (+7.3%); do not use it to benchmark the zone."),
    ("hn_iva_growth_2024", "hunan", "iva_above_scale_growth", "规模工业增加值增长",
     "Above-scale industrial value added growth", "2024", "growth_yoy", "7.3", "%", "exact", "real",
     "final", "medium", "zjjnews_hn_2025_plan", "规模工业增加值增长7.3%、高于全国1.5个百分点",
     "Final 2024 figure per the 2025 plan (湘政发〔2025〕3号); the Jan-2025 GWR said 7.2左右 (hn_iva_growth_2024_prelim)."),
    ("hn_iva_growth_2024_prelim", "hunan", "iva_above_scale_growth", "规模工业增加值增长",
     "Above-scale industrial value added growth (preliminary)", "2024", "growth_yoy", "7.2", "%",
     "approx", "real", "preliminary", "medium", "stdaily_hn_gwr_2025",
     "规模工业增加值增长7.2%左右,高于全国1个百分点",
     "Jan-2025 GWR estimate; superseded by 7.3 (hn_iva_growth_2024)."),
    ("hn_gpb_revenue_growth_2024", "hunan", "local_gpb_revenue_growth", "地方一般公共预算收入增长",
     "Local general public budget revenue growth", "2024", "growth_yoy", "2.6", "%", "exact", "nominal",
     "final", "medium", "zjjnews_hn_2025_plan", "地方一般公共预算收入增长2.6%",
     "Nominal; the 2024 level was not found (about 3449 implied by the 2025 figures, not included)."),
    ("hn_gdp_growth_target_2025", "hunan", "gdp_real_growth", "地区生产总值增长目标", "Real GRP growth target",
     "2025", "target_growth", "5.5", "%", "approx", "real", "target", "medium", "zjjnews_hn_2025_plan",
     "地区生产总值增长5.5%左右", "Target (左右); the outturn was 4.8 (hn_gdp_growth_2025)."),
    ("hn_iva_growth_target_2025", "hunan", "iva_above_scale_growth", "规模工业增加值增长目标",
     "Above-scale industrial value added growth target", "2025", "target_growth", "6.5", "%", "at_least",
     "real", "target", "medium", "zjjnews_hn_2025_plan", "规模工业增加值增长6.5%以上",
     "Target (以上); the outturn was 6.2 (hn_iva_growth_2025)."),
    ("hn_gpb_revenue_growth_target_2025", "hunan", "local_gpb_revenue_growth", "地方一般公共预算收入增长目标",
     "Local general public budget revenue growth target", "2025", "target_growth", "2.5", "%", "exact",
     "nominal", "target", "medium", "zjjnews_hn_2025_plan", "地方一般公共预算收入增长2.5%",
     "Nominal target."),
    ("hn_rd_growth_target_2025", "hunan", "rd_expenditure_growth", "全社会研发经费投入增长目标",
     "R&D expenditure growth target", "2025", "target_growth", "9", "%", "at_least", "nominal", "target",
     "medium", "zjjnews_hn_2025_plan", "全社会研发经费投入增长9%以上", "Target (以上); current prices."),
    ("hn_iva_growth_2025m01_m05", "hunan", "iva_above_scale_growth", "规模以上工业增加值增长",
     "Above-scale industrial value added growth", "2025M01-M05", "growth_yoy", "8.1", "%", "exact", "real",
     "final", "medium", "quanheng_hn_2025_jan_may", "1-5月全省规模以上工业增加值同比增长8.1%",
     "Cumulative January-May; repost of 湖南日报."),
    ("hn_gdp_2025h1", "hunan", "gdp", "地区生产总值", "Gross regional product", "2025H1", "flow", "26166.50",
     "亿元", "exact", "", "final", "medium", "people_hn_2025h1", "湖南地区生产总值26166.50亿元,同比增长5.6%",
     "Current prices, first half-year cumulative."),
    ("hn_gdp_growth_2025h1", "hunan", "gdp_real_growth", "地区生产总值增长", "Real GRP growth", "2025H1",
     "growth_yoy", "5.6", "%", "exact", "real", "final", "medium", "people_hn_2025h1",
     "湖南地区生产总值26166.50亿元,同比增长5.6%", "Constant prices, first half-year."),
    ("hn_iva_growth_2025h1", "hunan", "iva_above_scale_growth", "规模工业增加值增长",
     "Above-scale industrial value added growth", "2025H1", "growth_yoy", "8.2", "%", "exact", "real",
     "final", "medium", "people_hn_2025h1", "规模工业增加值增长8.2%",
     "Comparable prices; benchmark for the zone's 2025H1 figure (article: 9.2%)."),
    ("hn_gpb_revenue_2025h1", "hunan", "local_gpb_revenue", "地方一般公共预算收入",
     "Local general public budget revenue", "2025H1", "flow", "1899.91", "亿元", "exact", "", "final",
     "medium", "people_hn_2025h1", "地方一般公共预算收入1899.91亿元、增长1.8%", "First half-year cumulative."),
    ("hn_gpb_revenue_growth_2025h1", "hunan", "local_gpb_revenue_growth", "地方一般公共预算收入增长",
     "Local general public budget revenue growth", "2025H1", "growth_yoy", "1.8", "%", "exact", "nominal",
     "final", "medium", "people_hn_2025h1", "地方一般公共预算收入1899.91亿元、增长1.8%", "Nominal headline growth."),
    ("hn_gdp_growth_forecast_2025", "hunan", "gdp_real_growth", "地区生产总值增长(预计)",
     "Real GRP growth, official forecast", "2025", "growth_yoy", "5.5", "%", "approx", "real", "forecast",
     "medium", "rednet_hn_14fyp_2025", "2024年达到5.32万亿元,预计今年增长5.5%左右",
     "Forecast made in Oct 2025. CONFLICT: the outturn was 4.8 (hn_gdp_growth_2025); do not use as an outturn."),
    ("hn_gdp_2025", "hunan", "gdp", "地区生产总值", "Gross regional product", "2025", "flow", "55308.65",
     "亿元", "exact", "", "final", "medium", "shushuxiu_hn_2025", "全年地区生产总值55308.65亿元…同比增长4.8%",
     "Current prices; first release (统一核算), repost of 中新网; provincial final verification may revise."),
    ("hn_gdp_growth_2025", "hunan", "gdp_real_growth", "地区生产总值增长", "Real GRP growth", "2025",
     "growth_yoy", "4.8", "%", "exact", "real", "final", "medium", "shushuxiu_hn_2025",
     "全年地区生产总值55308.65亿元…同比增长4.8%",
     "Constant prices; first release (统一核算); final verification may revise by ~0.1-0.3pp."),
    ("hn_iva_growth_2025", "hunan", "iva_above_scale_growth", "规模工业增加值增长",
     "Above-scale industrial value added growth", "2025", "growth_yoy", "6.2", "%", "exact", "real",
     "final", "medium", "hlunet_hn_gwr_2026", "规模工业增加值增长6.2%、高于全国平均0.3个百分点",
     "Comparable prices; Feb-2026 provincial GWR (repost)."),
    ("hn_gpb_revenue_2025", "hunan", "local_gpb_revenue", "地方一般公共预算收入",
     "Local general public budget revenue", "2025", "flow", "3507.6", "亿元", "exact", "", "final", "medium",
     "hlunet_hn_gwr_2026", "地方一般公共预算收入达3507.6亿元、增长1.7%", "Feb-2026 provincial GWR (repost)."),
    ("hn_gpb_revenue_growth_2025", "hunan", "local_gpb_revenue_growth", "地方一般公共预算收入增长",
     "Local general public budget revenue growth", "2025", "growth_yoy", "1.7", "%", "exact", "nominal",
     "final", "medium", "hlunet_hn_gwr_2026", "地方一般公共预算收入达3507.6亿元、增长1.7%",
     "Nominal headline growth; like-for-like (同口径) growth was 2.5%+ (hn_gpb_revenue_growth_like_2025)."),
    ("hn_gpb_revenue_growth_like_2025", "hunan", "local_gpb_revenue_growth_like", "地方一般公共预算收入同口径增长",
     "Local general public budget revenue growth, like-for-like", "2025", "growth_yoy", "2.5", "%",
     "at_least", "nominal", "final", "medium", "hlunet_hn_gwr_2026", "(同口径增长2.5%以上)",
     "Like-for-like (同口径) basis, lower bound (以上); differs from the 1.7% headline."),
    # ---- Hunan high-tech zones --------------------------------------------
    ("hnhtz_revenue_2020", "hunan_htz", "htz_total_revenue", "技工贸总收入",
     "Total technology, industry and trade revenue of Hunan's 44 HTZs", "2020", "flow", "22574.3", "亿元",
     "exact", "", "final", "medium", "stallone_hn_htz_2021", "44家高新区实现技工贸总收入22574.3亿元",
     "All 44 national and provincial HTZs in Hunan; repost of 科技日报."),
    ("hnhtz_revenue_growth_2016_2020", "hunan_htz", "htz_total_revenue_growth", "技工贸总收入年均增长",
     "Total revenue of Hunan's 44 HTZs, average annual growth", "2016-2020", "growth_yoy", "16.05", "%",
     "exact", "nominal", "final", "medium", "stallone_hn_htz_2021", "",
     "Average annual growth 2016-2020, not a single-year rate; nominal. Figure from the research table; not in the quoted excerpt."),
    # ---- China -------------------------------------------------------------
    ("cn_gdp_2025", "china", "gdp", "国内生产总值", "Gross domestic product", "2025", "flow", "1401879", "亿元",
     "exact", "", "preliminary", "medium", "stheadline_cn_2025_communique",
     "全年国内生产总值1401879亿元…比上年增长5.0%", "Current prices; NBS 2025 statistical communiqué (preliminary)."),
    ("cn_gdp_growth_2025", "china", "gdp_real_growth", "国内生产总值增长", "Real GDP growth", "2025",
     "growth_yoy", "5.0", "%", "exact", "real", "preliminary", "medium", "stheadline_cn_2025_communique",
     "全年国内生产总值1401879亿元…比上年增长5.0%", "Constant prices; preliminary (see also s_cn_gdp_real_growth_2025)."),
    ("cn_iva_growth_2025", "china", "iva_above_scale_growth", "规模以上工业增加值增长",
     "Above-scale industrial value added growth", "2025", "growth_yoy", "5.9", "%", "exact", "real", "final",
     "medium", "reportify_cn_iva_2025", "2025年规模以上工业增加值同比增长5.9%",
     "Comparable prices; firms with revenue >= 20m yuan."),
    ("cn_iva_growth_2025h1", "china", "iva_above_scale_growth", "规模以上工业增加值增长",
     "Above-scale industrial value added growth", "2025H1", "growth_yoy", "6.4", "%", "exact", "real",
     "final", "medium", "reportify_cn_iva_2025h1", "上半年规模以上工业增加值同比增长6.4%",
     "Comparable prices; first half-year."),
    ("cn_gdp_growth_avg_2021_2025", "china", "gdp_real_growth", "国内生产总值年均增长",
     "Real GDP growth, average over the 14th FYP", "2021-2025", "growth_yoy", "5.4", "%", "exact", "real",
     "final", "medium", "cnyes_cn_gwr_2026", "国内生产毛额年均增长5.4%",
     "Average annual growth 2021-2025, not a single-year rate."),
    ("cn_gdp_growth_target_2026_low", "china", "gdp_real_growth", "经济增长预期目标(下限)",
     "Real GDP growth target, lower end", "2026", "target_growth", "4.5", "%", "exact", "real", "target",
     "medium", "cnyes_cn_gwr_2026", "經濟增長4.5%—5%",
     "Target range 4.5-5%, stored as two rows (_low and _high); the first range target."),
    ("cn_gdp_growth_target_2026_high", "china", "gdp_real_growth", "经济增长预期目标(上限)",
     "Real GDP growth target, upper end", "2026", "target_growth", "5", "%", "exact", "real", "target",
     "medium", "cnyes_cn_gwr_2026", "經濟增長4.5%—5%",
     "Target range 4.5-5%, stored as two rows (_low and _high); the first range target."),
    ("cn_rd_growth_target_2026_2030", "china", "rd_expenditure_growth", "全社会研发经费投入年均增长目标",
     "R&D expenditure growth target, annual average", "2026-2030", "target_growth", "7", "%", "at_least",
     "nominal", "target", "medium", "cnyes_cn_gwr_2026", "全社會研發經費投入年均增長7%以上",
     "15th FYP target (以上), annual average; current prices."),
    ("cn_gdp_pc_doubling_target_2035", "china", "gdp_per_capita_multiple_of_2020", "人均国内生产总值比2020年翻一番",
     "Per-capita GDP in 2035 as a multiple of 2020", "2035", "ratio", "2", "x", "exact", "", "target", "medium",
     "am730_cn_15fyp", "2035年人均國內生產總值比2020年翻一番",
     "2035 goal: per-capita GDP double its 2020 level. The 15th FYP sets GDP growth year by year (合理区间)."),
    ("cn_gdp_pc_growth_implied_2021_2035", "china", "gdp_per_capita_real_growth", "人均GDP翻一番所需年均增长",
     "Average annual per-capita growth implied by the 2035 doubling goal", "2021-2035", "target_growth",
     "4.73", "%", "exact", "real", "derived", "medium", "am730_cn_15fyp", "",
     "DERIVED (research arithmetic, not official): (2^(1/15)-1)x100 = 4.73. With ~5.4-5.5%/yr in 2021-25, 2026-35 needs ~4.3-4.4%/yr."),
    ("cn_potential_growth_2026_2030", "china", "potential_gdp_growth", "潜在增长率(白重恩)",
     "Potential growth estimate (Bai Chong-En, 2020)", "2026-2030", "growth_yoy", "5", "%", "approx", "real",
     "forecast", "medium", "feifmx_baichongen_2020", "2026年到2030年大概是每年5%左右",
     "Academic estimate made in 2020, not a target; annual average."),
    ("cn_potential_growth_2031_2035", "china", "potential_gdp_growth", "潜在增长率(白重恩)",
     "Potential growth estimate (Bai Chong-En, 2020)", "2031-2035", "growth_yoy", "4", "%", "approx", "real",
     "forecast", "medium", "feifmx_baichongen_2020", "",
     "Academic estimate made in 2020, annual average; from the research notes (~4%), not in the quoted excerpt."),
    # ---- National high-tech zones -----------------------------------------
    ("nhtz_count_2020", "national_htz", "htz_count", "国家高新区数量", "Number of national high-tech zones",
     "2020", "count", "169", "家", "exact", "", "final", "medium", "cofool_nhtz_2025",
     "园区总数从2020年的169家增加到了178家", "Count in 2020."),
    ("nhtz_count_2023", "national_htz", "htz_count", "国家高新区数量", "Number of national high-tech zones",
     "2023", "count", "178", "家", "exact", "", "final", "medium", "shenduxp_nhtz_2023",
     "截至11月份,国家高新区总数达178家", "As of Nov 2023; still 178 in Nov 2025 (cofool_nhtz_2025)."),
    ("nhtz_gdp_2022", "national_htz", "gdp", "园区生产总值", "GDP of national HTZs", "2022", "flow", "17.3",
     "万亿元", "exact", "", "final", "medium", "shenduxp_nhtz_2023", "2022年,国家高新区生产总值达17.3万亿元",
     "Current prices."),
    ("nhtz_gdp_share_2022", "national_htz", "gdp_share_of_national", "占全国GDP比重",
     "Share of national GDP", "2022", "ratio", "14.3", "%", "exact", "", "final", "medium",
     "shenduxp_nhtz_2023", "创造了全国14.3%的GDP", ""),
    ("nhtz_tax_share_2022", "national_htz", "tax_share_of_national", "占全国税收比重",
     "Share of national tax revenue", "2022", "ratio", "13.6", "%", "exact", "", "final", "medium",
     "shenduxp_nhtz_2023", "", "From the research table (tax share 13.6%); not in the quoted excerpt."),
    ("nhtz_gdp_2023q1_q3", "national_htz", "gdp", "园区生产总值", "GDP of national HTZs", "2023Q1-Q3", "flow",
     "12.33", "万亿元", "exact", "", "final", "medium", "shenduxp_nhtz_2023",
     "园区生产总值达到12.33万亿元,同比名义增长7.11%", "Current prices, Jan-Sep cumulative."),
    ("nhtz_gdp_growth_2023q1_q3", "national_htz", "gdp_nominal_growth", "园区生产总值名义增长",
     "Nominal GDP growth of national HTZs", "2023Q1-Q3", "growth_yoy", "7.11", "%", "exact", "nominal",
     "final", "medium", "shenduxp_nhtz_2023", "园区生产总值达到12.33万亿元,同比名义增长7.11%",
     "Explicitly nominal (名义); " + NOMINAL_HTZ),
    ("nhtz_gdp_share_2023q1_q3", "national_htz", "gdp_share_of_national", "占全国GDP比重",
     "Share of national GDP", "2023Q1-Q3", "ratio", "13.5", "%", "exact", "", "final", "medium",
     "shenduxp_nhtz_2023", "", "From the research table (13.5%); not in the quoted excerpt."),
    ("nhtz_secondary_va_2023q1_q3", "national_htz", "secondary_industry_va", "第二产业增加值",
     "Secondary-industry value added of national HTZs", "2023Q1-Q3", "flow", "7.16", "万亿元", "exact", "",
     "final", "medium", "bobobk_nhtz_2023q3", "第二产业增加值7.16万亿元,同比名义增长5.21%", "Current prices."),
    ("nhtz_secondary_va_growth_2023q1_q3", "national_htz", "secondary_industry_va_growth", "第二产业增加值名义增长",
     "Secondary-industry value added growth, nominal", "2023Q1-Q3", "growth_yoy", "5.21", "%", "exact",
     "nominal", "final", "medium", "bobobk_nhtz_2023q3", "第二产业增加值7.16万亿元,同比名义增长5.21%",
     NOMINAL_HTZ),
    ("nhtz_gross_output_2023q1_q3", "national_htz", "gross_industrial_output", "工业总产值",
     "Gross industrial output of national HTZs", "2023Q1-Q3", "flow", "23.49", "万亿元", "exact", "", "final",
     "medium", "bobobk_nhtz_2023q3", "实现工业总产值23.49万亿元,同比增长2.64%",
     "Worded 工业总产值 (not 规上); not the same measure as the 2024 规上工业总产值."),
    ("nhtz_gross_output_growth_2023q1_q3", "national_htz", "gross_industrial_output_growth", "工业总产值增长",
     "Gross industrial output growth", "2023Q1-Q3", "growth_yoy", "2.64", "%", "exact", "nominal", "final",
     "medium", "bobobk_nhtz_2023q3", "实现工业总产值23.49万亿元,同比增长2.64%",
     "Output value growth; basis not stated, taken as current prices (nominal)."),
    ("nhtz_profit_2023q1_q3", "national_htz", "above_scale_industrial_profit", "规模以上工业企业利润总额",
     "Profits of above-scale industrial firms", "2023Q1-Q3", "flow", "1.59", "万亿元", "exact", "", "final",
     "medium", "bobobk_nhtz_2023q3", "规模以上工业企业利润总额1.59万亿元,同比增长1.02%", ""),
    ("nhtz_profit_growth_2023q1_q3", "national_htz", "above_scale_industrial_profit_growth",
     "规模以上工业企业利润总额增长", "Profit growth of above-scale industrial firms", "2023Q1-Q3", "growth_yoy",
     "1.02", "%", "exact", "nominal", "final", "medium", "bobobk_nhtz_2023q3",
     "规模以上工业企业利润总额1.59万亿元,同比增长1.02%", "Nominal."),
    ("nhtz_revenue_2023q1_q3", "national_htz", "operating_revenue", "营业收入",
     "Operating revenue of national HTZs", "2023Q1-Q3", "flow", "37.66", "万亿元", "exact", "", "final",
     "medium", "zjmenchuan_nhtz_2023q3", "国家高新区实现营业收入37.66万亿元,同比增长4.22%", ""),
    ("nhtz_revenue_growth_2023q1_q3", "national_htz", "operating_revenue_growth", "营业收入增长",
     "Operating revenue growth", "2023Q1-Q3", "growth_yoy", "4.22", "%", "exact", "nominal", "final",
     "medium", "zjmenchuan_nhtz_2023q3", "国家高新区实现营业收入37.66万亿元,同比增长4.22%", "Nominal."),
    ("nhtz_gdp_2024", "national_htz", "gdp", "园区生产总值", "GDP of national HTZs", "2024", "flow", "19.3",
     "万亿元", "exact", "", "final", "medium", "lygmedia_nhtz_2024", "2024年国家高新区园区生产总值19.3万亿元",
     "Current prices; headline elsewhere '超过19万亿元, 占全国比重超14%'."),
    ("nhtz_gdp_growth_2024_unofficial", "national_htz", "gdp_nominal_growth", "园区生产总值名义增长",
     "Nominal GDP growth of national HTZs (non-official)", "2024", "growth_yoy", "7.6", "%", "exact",
     "nominal", "unverified", "low", "achie_nhtz_15fyp", "园区生产总值(GDP)19.3万亿元,同比名义增长7.6%",
     "Consultancy analysis, not an official figure; growth not seen in official excerpts."),
    ("nhtz_iva_2024", "national_htz", "industrial_va", "工业增加值", "Industrial value added of national HTZs",
     "2024", "flow", "9.8", "万亿元", "exact", "", "final", "medium", "lygmedia_nhtz_2024",
     "实现工业增加值9.8万亿元,占全国比重为24.1%,同比名义增长5.8%", "Current prices."),
    ("nhtz_iva_share_2024", "national_htz", "industrial_va_share_of_national", "工业增加值占全国比重",
     "Share of national industrial value added", "2024", "ratio", "24.1", "%", "exact", "", "final", "medium",
     "lygmedia_nhtz_2024", "实现工业增加值9.8万亿元,占全国比重为24.1%,同比名义增长5.8%", ""),
    ("nhtz_iva_growth_2024", "national_htz", "industrial_va_nominal_growth", "工业增加值名义增长",
     "Industrial value added growth, nominal", "2024", "growth_yoy", "5.8", "%", "exact", "nominal", "final",
     "medium", "lygmedia_nhtz_2024", "实现工业增加值9.8万亿元,占全国比重为24.1%,同比名义增长5.8%",
     "NOMINAL (名义); not comparable with the real 规模工业增加值 growth of the zone, Hunan or China."),
    ("nhtz_gross_output_2024", "national_htz", "gross_output_above_scale", "规模以上工业总产值",
     "Gross output of above-scale industry in national HTZs", "2024", "flow", "34.8", "万亿元", "exact", "",
     "final", "medium", "lygmedia_nhtz_2024", "规模以上工业总产值34.8万亿元,同比增长6.2%",
     "Current prices. Jan-Nov 2024 was reported as 28.7万亿 +4.4% (no URL; not included)."),
    ("nhtz_gross_output_growth_2024", "national_htz", "gross_output_above_scale_growth", "规模以上工业总产值增长",
     "Gross output growth of above-scale industry", "2024", "growth_yoy", "6.2", "%", "exact", "nominal",
     "final", "medium", "lygmedia_nhtz_2024", "规模以上工业总产值34.8万亿元,同比增长6.2%",
     "Output value growth; basis not stated, taken as current prices (nominal)."),
    ("nhtz_profit_2024", "national_htz", "above_scale_industrial_profit", "规模以上工业企业利润总额",
     "Profits of above-scale industrial firms", "2024", "flow", "2.4", "万亿元", "approx", "", "final",
     "medium", "lygmedia_nhtz_2024", "利润总额约2.4万亿元,占全国比重32.5%,同比增长2.2%", "约 (approximate)."),
    ("nhtz_profit_share_2024", "national_htz", "profit_share_of_national", "利润总额占全国比重",
     "Share of national industrial profits", "2024", "ratio", "32.5", "%", "exact", "", "final", "medium",
     "lygmedia_nhtz_2024", "利润总额约2.4万亿元,占全国比重32.5%,同比增长2.2%", ""),
    ("nhtz_profit_growth_2024", "national_htz", "above_scale_industrial_profit_growth",
     "规模以上工业企业利润总额增长", "Profit growth of above-scale industrial firms", "2024", "growth_yoy", "2.2",
     "%", "exact", "nominal", "final", "medium", "lygmedia_nhtz_2024",
     "利润总额约2.4万亿元,占全国比重32.5%,同比增长2.2%", "Nominal; 5.5pp above the national average."),
    ("nhtz_hte_share_2024", "national_htz", "high_tech_enterprise_share_of_national", "高新技术企业占全国比重",
     "Share of national high-tech enterprises", "2024-end", "ratio", "33", "%", "exact", "", "final", "medium",
     "lygmedia_nhtz_2024", "集聚了全国33%的高新技术企业",
     "Also 46% of 专精特新 '小巨人' and 67% of unicorns (research notes; not included as rows)."),
    ("nhtz_gdp_share_2021_2025", "national_htz", "gdp_share_of_national", "占全国GDP比重",
     "Share of national GDP (14th FYP summary)", "2021-2025", "ratio", "14.3", "%", "exact", "", "final",
     "medium", "cofool_nhtz_2025", "178家国家高新区生产总值占全国GDP总数的14.3%",
     "Reported Nov 2025 as a 14th-FYP result; the reference year is not stated."),
    # ---- National ETDZs ----------------------------------------------------
    ("netdz_count_2023", "national_etdz", "etdz_count", "国家级经开区数量", "Number of national ETDZs", "2023",
     "count", "229", "家", "exact", "", "final", "medium", "hunanpark_etdz_2023",
     "229家国家级经开区地区生产总值15.7万亿元,同比增长6.4%", ""),
    ("netdz_gdp_2023", "national_etdz", "gdp", "地区生产总值", "GDP of national ETDZs", "2023", "flow", "15.7",
     "万亿元", "exact", "", "final", "medium", "hunanpark_etdz_2023",
     "229家国家级经开区地区生产总值15.7万亿元,同比增长6.4%", "Current prices (商务部 data, repost)."),
    ("netdz_gdp_growth_2023", "national_etdz", "gdp_nominal_growth", "地区生产总值增长",
     "GDP growth of national ETDZs", "2023", "growth_yoy", "6.4", "%", "exact", "nominal", "final", "medium",
     "hunanpark_etdz_2023", "229家国家级经开区地区生产总值15.7万亿元,同比增长6.4%",
     "Nominal per the research; central-region ETDZs (55) grew 5.5% to 3万亿 (not included)."),
    # ---- The zone (pre-2024-reform scope) ---------------------------------
    ("zone_gdp_2018", "zone", "gdp", "地区生产总值", "Gross regional product", "2018", "flow", "191.72", "亿元",
     "exact", "", "unverified", "low", "m5051903_zone_profile", "2018年全区完成GDP191.72亿元,增长7.8%", ZONE_LOW),
    ("zone_gdp_growth_2018", "zone", "gdp_real_growth", "地区生产总值增长", "Real GRP growth", "2018",
     "growth_yoy", "7.8", "%", "exact", "real", "unverified", "low", "m5051903_zone_profile",
     "2018年全区完成GDP191.72亿元,增长7.8%", ZONE_LOW),
    ("zone_iva_2018", "zone", "iva_above_scale", "规模工业增加值", "Above-scale industrial value added", "2018",
     "flow", "85.64", "亿元", "exact", "", "unverified", "low", "m5051903_zone_profile",
     "规模工业增加值85.64亿元,增长7.1%", ZONE_LOW),
    ("zone_iva_growth_2018", "zone", "iva_above_scale_growth", "规模工业增加值增长",
     "Above-scale industrial value added growth", "2018", "growth_yoy", "7.1", "%", "exact", "real",
     "unverified", "low", "m5051903_zone_profile", "规模工业增加值85.64亿元,增长7.1%", ZONE_LOW),
    ("zone_fai_2018", "zone", "fixed_asset_investment", "固定资产投资", "Fixed-asset investment", "2018", "flow",
     "158.2", "亿元", "exact", "", "unverified", "low", "m5051903_zone_profile", "固定资产投资158.2亿元,增长6.8%",
     ZONE_LOW),
    ("zone_fai_growth_2018", "zone", "fixed_asset_investment_growth", "固定资产投资增长",
     "Fixed-asset investment growth", "2018", "growth_yoy", "6.8", "%", "exact", "nominal", "unverified", "low",
     "m5051903_zone_profile", "固定资产投资158.2亿元,增长6.8%", "Nominal. " + ZONE_LOW),
    ("zone_fiscal_tax_revenue_2018", "zone", "fiscal_tax_revenue", "财税收入", "Fiscal and tax revenue", "2018",
     "flow", "18.08", "亿元", "exact", "", "unverified", "low", "m5051903_zone_profile",
     "完成财税收入18.08亿元,增幅为7.1%", FISCAL_2018 + ZONE_LOW),
    ("zone_fiscal_tax_revenue_growth_2018", "zone", "fiscal_tax_revenue_growth", "财税收入增长",
     "Fiscal and tax revenue growth", "2018", "growth_yoy", "7.1", "%", "exact", "nominal", "unverified", "low",
     "m5051903_zone_profile", "完成财税收入18.08亿元,增幅为7.1%", "Nominal. " + FISCAL_2018 + ZONE_LOW),
    ("zone_tax_share_2018", "zone", "tax_share_of_fiscal_tax_revenue", "税收占比",
     "Tax share of 财税收入", "2018", "ratio", "82.8", "%", "exact", "", "unverified", "low",
     "m5051903_zone_profile", "税收占比82.8%", ZONE_LOW),
    ("zone_population_2018", "zone", "population", "总人口", "Total population", "2018", "stock", "31.36", "万人",
     "exact", "", "unverified", "low", "m5051903_zone_profile", "总人口31.36万",
     "Profile figure, period approximate (c.2018-2019); covers the 朝阳 urban core. Not comparable after the 2024 handover of 一镇两街道. "
     + ZONE_LOW),
    ("zone_planned_area_2019", "zone", "planned_area", "规划总面积", "Planned total area", "2019", "stock",
     "67.07", "km²", "approx", "", "unverified", "low", "m5051903_zone_profile", "规划总面积约67.07平方公里",
     "Planned area c.2019 (朝阳 42.68 + 东部 24.39), not administered area; 2010 profile gave 55.8 planned, 100 total. "
     + ZONE_LOW),
    ("zone_planned_area_chaoyang_2019", "zone", "planned_area_chaoyang", "朝阳产业园规划面积",
     "Planned area, Chaoyang industrial park", "2019", "stock", "42.68", "km²", "approx", "", "unverified", "low",
     "m5051903_zone_profile", "朝阳产业园…规划面积约42.68平方公里", "Planned area c.2019. " + ZONE_LOW),
    ("zone_planned_area_east_2019", "zone", "planned_area_east", "东部产业园规划面积",
     "Planned area, Eastern industrial park", "2019", "stock", "24.39", "km²", "approx", "", "unverified", "low",
     "m5051903_zone_profile", "东部产业园…规划面积约24.39平方公里", "Planned area c.2019. " + ZONE_LOW),
    ("zone_gross_output_2021", "zone", "gross_output_above_scale", "规模工业总产值",
     "Gross output of above-scale industry", "2021", "flow", "937.4", "亿元", "exact", "", "unverified", "low",
     "yiyang_gov_zone_projects_2022", "2021年完成规模工业总产值937.4亿元,同比增长9.4%",
     "LEVEL BREAK, flagged: inconsistent with the article's 2025H1 201.69亿 and with 2018 VA 85.64亿 (GO/VA 4.2-4.8 implies VA ~195-225亿); "
     "scope difference or error. Unverified for trend use. " + ZONE),
    ("zone_gross_output_growth_2021", "zone", "gross_output_above_scale_growth", "规模工业总产值增长",
     "Gross output growth of above-scale industry", "2021", "growth_yoy", "9.4", "%", "exact", "nominal", "final",
     "medium", "yiyang_gov_zone_projects_2022", "2021年完成规模工业总产值937.4亿元,同比增长9.4%",
     "Current-price growth within the 2021 reporting scope; the level is flagged (zone_gross_output_2021). " + ZONE),
    ("zone_tech_upgrade_investment_2021", "zone", "industrial_tech_upgrade_investment", "工业技改投资",
     "Industrial technical-upgrade investment", "2021", "flow", "54.1", "亿元", "exact", "", "final", "high",
     "yiyang_gov_zone_projects_2022", "工业技改投资54.1亿元,同比增长7.5%", ZONE),
    ("zone_tech_upgrade_investment_growth_2021", "zone", "industrial_tech_upgrade_investment_growth",
     "工业技改投资增长", "Industrial technical-upgrade investment growth", "2021", "growth_yoy", "7.5", "%",
     "exact", "nominal", "final", "high", "yiyang_gov_zone_projects_2022", "工业技改投资54.1亿元,同比增长7.5%",
     "Nominal. " + ZONE),
    ("zone_gdp_growth_2021", "zone", "gdp_real_growth", "地区生产总值增长", "Real GRP growth", "2021",
     "growth_yoy", "8.5", "%", "exact", "real", "final", "medium", "ymyy_zone_2021_review",
     "地区生产总值…分别同比增长8.5%", "Year-end meeting figure. " + ZONE),
    ("zone_iva_growth_2021", "zone", "iva_above_scale_growth", "规模工业增加值增长",
     "Above-scale industrial value added growth", "2021", "growth_yoy", "10.5", "%", "exact", "real", "final",
     "medium", "ymyy_zone_2021_review", "规模工业增加值…10.5%", "Year-end meeting figure. " + ZONE),
    ("zone_fai_growth_2021", "zone", "fixed_asset_investment_growth", "固定资产投资增长",
     "Fixed-asset investment growth", "2021", "growth_yoy", "11.0", "%", "exact", "nominal", "final", "medium",
     "ymyy_zone_2021_review", "固定资产投资…11.0%", "Nominal; year-end meeting figure. " + ZONE),
    ("zone_gpb_revenue_growth_2021", "zone", "local_gpb_revenue_growth", "地方一般公共预算收入增长",
     "Local general public budget revenue growth", "2021", "growth_yoy", "12.5", "%", "exact", "nominal",
     "final", "medium", "ymyy_zone_2021_review", "地方一般公共预算收入…12.5%",
     "Nominal; level not given. A different revenue measure from 2018 财税收入 and from the article's 2024 measures. "
     + ZONE),
    ("zone_income_growth_2021", "zone", "disposable_income_per_capita_growth", "居民人均可支配收入增长",
     "Per-capita disposable income growth", "2021", "growth_yoy", "8.0", "%", "exact", "nominal", "final",
     "medium", "ymyy_zone_2021_review", "居民人均可支配收入…8.0%",
     "Basis not stated; taken as nominal (the usual headline). " + ZONE),
    ("zone_gdp_growth_target_2022", "zone", "gdp_real_growth", "地区生产总值增长目标", "Real GRP growth target",
     "2022", "target_growth", "9", "%", "at_least", "real", "target", "high", "yiyang_gov_zone_projects_2022",
     "地区生产总值增长9%以上", "Target (以上). " + ZONE),
    ("zone_htz_rank_2015", "zone", "htz_evaluation_rank", "国家高新区评价综合排名",
     "National HTZ evaluation, overall rank", "2015", "rank", "69", "位", "exact", "", "unverified", "low",
     "hunanzxsheng_htz_eval", "益阳第69名…上升…12个名次",
     "Evaluation year inferred (digits stripped in the repost); implies rank 81 in 2014. " + ZONE),
    ("zone_htz_rank_2016", "zone", "htz_evaluation_rank", "国家高新区评价综合排名",
     "National HTZ evaluation, overall rank", "2016", "rank", "64", "位", "exact", "", "final", "medium",
     "hbzq_zone_citiao", "2016年度全国147家国家高新区评价结果…第64名,排名提升5名",
     "Rank 64 of 147 (up 5), 3rd in Hunan; third-party page. " + ZONE),
    ("zone_htz_rank_2020", "zone", "htz_evaluation_rank", "国家高新区评价综合排名",
     "National HTZ evaluation, overall rank", "2020", "rank", "68", "位", "exact", "", "derived", "high",
     "yiyang_gov_zone_projects_2022", "位列第64位,较上年晋升4位",
     "DERIVED: 2021 rank 64 + 4 places moved up = 68. " + ZONE, "undated (c. Mar 2022; text says '11年来')"),
    ("zone_htz_rank_2021", "zone", "htz_evaluation_rank", "国家高新区综合评价排名(试行)",
     "National HTZ comprehensive evaluation (trial), rank", "2021", "rank", "64", "位", "exact", "", "final",
     "high", "yiyang_gov_zone_projects_2022", "2021年度国家高新区综合评价(试行)…第64位",
     "MIIT later publishes only the top 50; no later rank found. " + ZONE),
    # ---- Yiyang city -------------------------------------------------------
    ("yy_gdp_2020_prelim", "yiyang", "gdp", "地区生产总值", "Gross regional product (preliminary)", "2020", "flow",
     "1856", "亿元", "exact", "", "preliminary", "high", "yiyang_gov_gwr_2021", "全市地区生产总值1856亿元(预计数…)",
     "预计数; the 14th FYP outline gives 1853.48 (yy_gdp_2020)."),
    ("yy_gdp_2020", "yiyang", "gdp", "地区生产总值", "Gross regional product", "2020", "flow", "1853.48", "亿元",
     "exact", "", "final", "high", "yiyang_gov_14fyp_outline", "2020年全市实现地区生产总值1853.48亿元,年均增长7%",
     "Current prices; supersedes the 预计数 1856."),
    ("yy_gdp_growth_avg_2016_2020", "yiyang", "gdp_real_growth", "地区生产总值年均增长",
     "Real GRP growth, average 2016-2020", "2016-2020", "growth_yoy", "7", "%", "exact", "real", "final", "high",
     "yiyang_gov_14fyp_outline", "2020年全市实现地区生产总值1853.48亿元,年均增长7%",
     "Average annual growth; the Jan-2021 GWR said 7.1 (preliminary)."),
    ("yy_iva_growth_avg_2016_2020", "yiyang", "iva_above_scale_growth", "规模工业增加值年均增长",
     "Above-scale industrial value added growth, average 2016-2020", "2016-2020", "growth_yoy", "6.8", "%",
     "exact", "real", "final", "high", "yiyang_gov_14fyp_outline", "规模工业增加值…年均分别增长…6.8%",
     "Average annual growth; the Jan-2021 GWR said 7.1 (preliminary)."),
    ("yy_gpb_revenue_growth_avg_2016_2020", "yiyang", "gpb_revenue_growth", "一般公共预算收入年均增长",
     "General public budget revenue growth, average 2016-2020", "2016-2020", "growth_yoy", "5.3", "%", "exact",
     "nominal", "final", "high", "yiyang_gov_14fyp_outline", "一般公共预算收入…年均…5.3%",
     "Broad 一般公共预算收入 (probably 全口径), not 地方一般公共预算收入; the GWR said 5.4. Do not splice with the local measure."),
    ("yy_gdp_2021", "yiyang", "gdp", "地区生产总值", "Gross regional product", "2021", "flow", "2019.27", "亿元",
     "exact", "", "final", "high", "hunan_gov_handbook_2022", "2021年实现地区生产总值2019.27亿", "Current prices."),
    ("yy_gdp_growth_2021", "yiyang", "gdp_real_growth", "地区生产总值增长", "Real GRP growth", "2021",
     "growth_yoy", "8.3", "%", "exact", "real", "unverified", "low", "jiongage_yiyang_2022",
     "2021年,益阳市地区生产总值为2019.27亿元,同比增长8.3%",
     "Secondary compilation (中商产业研究院) on a low-trust host; verify with 益阳市统计局."),
    ("yy_gdp_growth_2022", "yiyang", "gdp_real_growth", "地区生产总值增长", "Real GRP growth", "2022",
     "growth_yoy", "5.5", "%", "at_least", "real", "preliminary", "high", "yiyang_gov_gwr_2023",
     "全市地区生产总值增长5.5%以上(预计数)", "Lower-bound 预计数 made before year-end; replace with the final figure."),
    ("yy_iva_growth_2022", "yiyang", "iva_above_scale_growth", "规模工业增加值增长",
     "Above-scale industrial value added growth", "2022", "growth_yoy", "7.2", "%", "approx", "real",
     "preliminary", "high", "yiyang_gov_gwr_2023", "规模工业增加值增长7.2%左右", "预计数 (左右)."),
    ("yy_fai_growth_2022", "yiyang", "fixed_asset_investment_growth", "固定资产投资增长",
     "Fixed-asset investment growth", "2022", "growth_yoy", "11", "%", "at_least", "nominal", "preliminary",
     "high", "yiyang_gov_gwr_2023", "固定资产投资增长11%以上", "预计数 (以上); nominal."),
    ("yy_gpb_revenue_2022", "yiyang", "local_gpb_revenue", "地方一般公共预算收入",
     "Local general public budget revenue", "2022", "flow", "100", "亿元", "more_than", "", "preliminary", "high",
     "yiyang_gov_gwr_2023", "地方一般公共预算收入突破100亿元,增长10.38%",
     "Lower bound (突破); 地方一般公共预算收入, not the broad 一般公共预算收入 of 2016/2018 (107.1/125.8)."),
    ("yy_gpb_revenue_growth_2022", "yiyang", "local_gpb_revenue_growth", "地方一般公共预算收入增长",
     "Local general public budget revenue growth", "2022", "growth_yoy", "10.38", "%", "exact", "nominal",
     "preliminary", "high", "yiyang_gov_gwr_2023", "地方一般公共预算收入突破100亿元,增长10.38%", "预计数; nominal."),
    ("yy_gdp_growth_2023", "yiyang", "gdp_real_growth", "地区生产总值增长", "Real GRP growth", "2023",
     "growth_yoy", "3.4", "%", "exact", "real", "derived", "medium", "yiyang_gov_heshan_2023",
     "(赫山)增速比全市高0.6个百分点",
     "DERIVED: Heshan growth 4.0 minus 0.6pp = 3.4 (an aggregator also gives 3.4)."),
    ("yy_hte_count_2020", "yiyang", "high_tech_enterprise_count", "高新技术企业数量",
     "Number of high-tech enterprises", "2020", "count", "311", "家", "exact", "", "final", "high",
     "yiyang_gov_15fyp_proposal", "高新技术企业数量由2020年的311家增加至2024年的745家", "City-wide count."),
    ("yy_hte_count_2024", "yiyang", "high_tech_enterprise_count", "高新技术企业数量",
     "Number of high-tech enterprises", "2024", "count", "745", "家", "exact", "", "final", "high",
     "yiyang_gov_15fyp_proposal", "高新技术企业数量由2020年的311家增加至2024年的745家", "City-wide count."),
    ("yy_gdp_2025", "yiyang", "gdp", "地区生产总值", "Gross regional product (end of 14th FYP)", "2025", "flow",
     "2300", "亿元", "more_than", "", "preliminary", "high", "yiyang_gov_15fyp_proposal", "地区生产总值突破2300亿元",
     "Lower bound (突破) reached by the end of the 14th FYP, stated 2025-12-06 before year-end; Yiyang 2024 figures not found."),
    ("yy_gpb_revenue_2025", "yiyang", "local_gpb_revenue", "地方一般公共预算收入",
     "Local general public budget revenue (end of 14th FYP)", "2025", "flow", "110", "亿元", "more_than", "",
     "preliminary", "high", "yiyang_gov_15fyp_proposal", "地方一般公共预算收入突破110亿元",
     "Lower bound (突破) reached by the end of the 14th FYP, stated before year-end."),
    ("yy_gdp_2025h1", "yiyang", "gdp", "地区生产总值", "Gross regional product", "2025H1", "flow", "1105.9", "亿元",
     "exact", "", "unverified", "low", "shhssh_yiyang_2025h1", "益阳地区生产总值达到1105.9亿元…同比增长6.1%",
     "LOW-TRUST aggregator; verify with 益阳市统计局."),
    ("yy_gdp_growth_2025h1", "yiyang", "gdp_real_growth", "地区生产总值增长", "Real GRP growth", "2025H1",
     "growth_yoy", "6.1", "%", "exact", "real", "unverified", "low", "shhssh_yiyang_2025h1",
     "益阳地区生产总值达到1105.9亿元…同比增长6.1%",
     "LOW-TRUST aggregator; verify with 益阳市统计局. Nominal growth 7.07% per the same page."),
    ("yy_capacitor_capacity_2025", "yiyang", "aluminium_capacitor_capacity", "铝电解电容器年产能",
     "Annual aluminium electrolytic capacitor capacity", "2025", "stock", "400", "亿支", "more_than", "", "final",
     "medium", "ywvideo_capacitor_2025", "年产能超400亿支,占据全国铝电解电容器35%以上的市场份额",
     "Capacity (超); goal '世界电容器之都'."),
    ("yy_capacitor_share_2025", "yiyang", "aluminium_capacitor_national_share", "铝电解电容器全国市场份额",
     "National market share, aluminium electrolytic capacitors", "2025", "ratio", "35", "%", "at_least", "",
     "final", "medium", "ywvideo_capacitor_2025", "年产能超400亿支,占据全国铝电解电容器35%以上的市场份额",
     "Lower bound (以上)."),
    # ---- Heshan district ---------------------------------------------------
    ("heshan_gdp_2020", "heshan", "gdp", "地区生产总值", "Gross regional product", "2020", "flow", "408.35", "亿元",
     "exact", "", "unverified", "medium", "hongheiku_heshan_2020", "全区实现地区生产总值408.35亿元,比上年增长4.0%",
     "Mirror of the communiqué; scope relative to the zone not stated."),
    ("heshan_gdp_growth_2020", "heshan", "gdp_real_growth", "地区生产总值增长", "Real GRP growth", "2020",
     "growth_yoy", "4.0", "%", "exact", "real", "unverified", "medium", "hongheiku_heshan_2020",
     "全区实现地区生产总值408.35亿元,比上年增长4.0%", "Mirror of the communiqué; scope relative to the zone not stated."),
    ("heshan_gdp_2023", "heshan", "gdp", "地区生产总值", "Gross regional product", "2023", "flow", "479.5", "亿元",
     "exact", "", "final", "high", "yiyang_gov_heshan_2023", "全区实现地区生产总值479.5亿元,同比增长4.0%",
     "Scope explicitly excludes 朝阳街道 and 高新区."),
    ("heshan_gdp_growth_2023", "heshan", "gdp_real_growth", "地区生产总值增长", "Real GRP growth", "2023",
     "growth_yoy", "4.0", "%", "exact", "real", "final", "high", "yiyang_gov_heshan_2023",
     "全区实现地区生产总值479.5亿元,同比增长4.0%", "Scope excludes 朝阳街道 and 高新区; 0.6pp above the city."),
    ("heshan_iva_growth_target_2024", "heshan", "iva_above_scale_growth", "规模工业增加值增长目标",
     "Above-scale industrial value added growth target", "2024", "target_growth", "7", "%", "exact", "real",
     "target", "high", "hnhs_heshan_2024_actions", "规模工业增加值增长7%", "District target ('八大行动' plan)."),
]

# ---------------------------------------------------------------------------
# block 2: long annual growth series
# ---------------------------------------------------------------------------

SERIES: dict[str, dict[str, str]] = {
    "CN_GDP_REAL_GROWTH": dict(
        region="china", indicator="gdp_real_growth", label_zh="国内生产总值增长(不变价)",
        label_en="Real GDP growth", basis="real",
        note="Real GDP growth at constant prices; latest vintage found (first releases are a separate "
             "research series, not included)."),
    "CN_GPB_REVENUE_GROWTH": dict(
        region="china", indicator="gpb_revenue_growth", label_zh="全国一般公共预算收入增长",
        label_en="National general public budget revenue growth", basis="nominal",
        note="Nominal headline growth of national general public budget revenue (国家财政收入)."),
    "CN_IVA_ABOVE_SCALE_GROWTH": dict(
        region="china", indicator="iva_above_scale_growth", label_zh="规模以上工业增加值增长",
        label_en="Above-scale industrial value added growth", basis="real",
        note="Comparable-price growth on a like-for-like sample; 2005 missing."),
    "HN_GDP_REAL_GROWTH": dict(
        region="hunan", indicator="gdp_real_growth", label_zh="地区生产总值增长(不变价)",
        label_en="Real GRP growth", basis="real",
        note="Hunan real GRP growth at constant prices."),
    "HN_GPB_REVENUE_GROWTH_DERIVED": dict(
        region="hunan", indicator="local_gpb_revenue_growth", label_zh="地方一般公共预算收入增长(由水平值推算)",
        label_en="Local general public budget revenue growth, derived from levels", basis="nominal",
        note="DERIVED, not an official rate: (L_t / L_t-1 - 1) x 100 from consecutive levels of Hunan "
             "local general budget revenue; nominal; may differ from the published 同口径 growth."),
    "HN_IVA_ABOVE_SCALE_GROWTH": dict(
        region="hunan", indicator="iva_above_scale_growth", label_zh="规模工业增加值增长",
        label_en="Above-scale industrial value added growth", basis="real",
        note="Comparable prices; sparse series (2016, 2018, 2020, 2022-2025), too short for AR(1) on its own."),
}

NBS_DB = "NBS database mirror (vintage ~2020); re-check on data.stats.gov.cn."


def _iva_scope(year: int) -> str:
    if year <= 2006:
        return "Scope: SOEs plus non-state firms with sales >= 5m yuan (1998-2006)."
    if year <= 2010:
        return "Scope: all firms with sales >= 5m yuan (2007-2010)."
    return "Scope: firms with revenue >= 20m yuan (from 2011)."


# (series, year) -> (excerpt, row note). Rows not listed get no excerpt and only the series note.
SERIES_ROWS: dict[tuple[str, int], tuple[str, str]] = {
    ("CN_GDP_REAL_GROWTH", 2017): ("", "Revised back and forth: 6.9 first, 6.8 at final verification, 6.9 after the 4th census."),
    ("CN_GDP_REAL_GROWTH", 2020): ("In 2020, the Chinese economy registered a growth of 2.2%",
                                   "Final verification (first release 2.3); low-trust host, also on pledgetimes.com."),
    ("CN_GDP_REAL_GROWTH", 2021): ("slowdown from 8.4 percent in 2021", "Final verification (first release 8.1)."),
    ("CN_GDP_REAL_GROWTH", 2022): ("", "Final verification = first release; post-5th-census revisions not checked."),
    ("CN_GDP_REAL_GROWTH", 2023): ("", "First release; the 2023 level was raised 2.7% by the 5th economic census, revised growth not seen."),
    ("CN_GDP_REAL_GROWTH", 2024): ("", "Final verification: growth unchanged, level cut by 101.8 bn yuan."),
    ("CN_GDP_REAL_GROWTH", 2025): ("", "First release."),
    ("CN_GPB_REVENUE_GROWTH", 2011): ("", "STRUCTURAL BREAK: inflated by bringing extra-budgetary funds into the budget."),
    ("CN_GPB_REVENUE_GROWTH", 2020): ("", "MOF January release (budget execution, not final accounts); COVID year."),
    ("CN_GPB_REVENUE_GROWTH", 2021): ("全国一般公共预算收入20.25万亿元 比上年增长10.7%",
                                      "MOF January release (budget execution, not final accounts)."),
    ("CN_GPB_REVENUE_GROWTH", 2022): ("", "Headline; +9.1% excluding VAT credit refunds (comparable basis). MOF January release."),
    ("CN_GPB_REVENUE_GROWTH", 2023): ("", "MOF January release (budget execution, not final accounts)."),
    ("CN_GPB_REVENUE_GROWTH", 2024): ("", "MOF January release (budget execution, not final accounts)."),
    ("CN_GPB_REVENUE_GROWTH", 2025): ("", "First annual decline since 2020; MOF January release."),
    ("CN_IVA_ABOVE_SCALE_GROWTH", 2001): ("with annual sales revenue over 5 million yuan", ""),
    ("CN_IVA_ABOVE_SCALE_GROWTH", 2002): ("12.6 per cent recorded for the whole of 2002", ""),
    ("CN_IVA_ABOVE_SCALE_GROWTH", 2003): ("value-added industrial output ... rising 17 percent", "One copy says 'more than 17%'."),
    ("CN_IVA_ABOVE_SCALE_GROWTH", 2006): ("a 16.6 percent increase for all of 2006", ""),
    ("CN_IVA_ABOVE_SCALE_GROWTH", 2007): ("jumped 18.5 percent last year", "1.9pp more than 2006 (consistent with 16.6)."),
    ("CN_IVA_ABOVE_SCALE_GROWTH", 2008): ("1.9 percentage points lower than 2008",
                                          "DERIVED: 2009 growth 11.0 was 1.9pp lower, so 12.9. Low-trust mirror of a china.org.cn page."),
    ("CN_IVA_ABOVE_SCALE_GROWTH", 2009): ("rose 11 percent in 2009", "Low-trust mirror of a china.org.cn page; verify."),
    ("CN_IVA_ABOVE_SCALE_GROWTH", 2010): ("Factory output rose by an average 15.7 per cent in 2010",
                                          "NBS January release; this series is not normally revised."),
    ("CN_IVA_ABOVE_SCALE_GROWTH", 2011): ("down 3.9 percentage points from 2011",
                                          "DERIVED: 2012 growth 10.0 was 3.9pp lower, so 13.9. Threshold raised to 20m yuan this year."),
    ("CN_IVA_ABOVE_SCALE_GROWTH", 2012): ("up by 10 percent at comparable prices", ""),
    ("CN_IVA_ABOVE_SCALE_GROWTH", 2013): ("down from the 9.7 percent growth seen in 2013", ""),
    ("CN_IVA_ABOVE_SCALE_GROWTH", 2015): ("Year-on-year growth for 2015 was 6.1 percent", ""),
    ("CN_IVA_ABOVE_SCALE_GROWTH", 2018): ("slowing from the 6.2-percent growth in 2018", ""),
    ("CN_IVA_ABOVE_SCALE_GROWTH", 2019): ("Value-added industrial output ... expanded 5.7 percent", ""),
    ("CN_IVA_ABOVE_SCALE_GROWTH", 2021): ("grew 9.6 percent", ""),
    ("CN_IVA_ABOVE_SCALE_GROWTH", 2023): ("went up 4.6 percent year on year in 2023", ""),
    ("CN_IVA_ABOVE_SCALE_GROWTH", 2024): ("全国规模以上工业增加值比上年增长5.8%", ""),
    ("CN_IVA_ABOVE_SCALE_GROWTH", 2025): ("grew by 5.9%", "First release."),
    ("HN_GDP_REAL_GROWTH", 2008): ("", "First release 12.8 (before the census revision)."),
    ("HN_GDP_REAL_GROWTH", 2009): ("", "First release 13.6."),
    ("HN_GDP_REAL_GROWTH", 2010): ("", "First release 14.5."),
    ("HN_GDP_REAL_GROWTH", 2012): ("", "First release 11.3."),
    ("HN_GDP_REAL_GROWTH", 2016): ("", "First release 7.9."),
    ("HN_GDP_REAL_GROWTH", 2020): ("根据地区生产总值统一核算结果 41781.49亿元 同比增长3.8%", ""),
    ("HN_GDP_REAL_GROWTH", 2021): ("统一核算 46063.09亿元 按不变价格计算同比增长7.7%", ""),
    ("HN_GDP_REAL_GROWTH", 2022): ("", "Low-trust spam mirror of the hunan.gov.cn 2022 communiqué; verify on hunan.gov.cn."),
    ("HN_GDP_REAL_GROWTH", 2023): ("统一核算 50012.85亿元 按不变价格计算同比增长4.6%", ""),
    ("HN_GDP_REAL_GROWTH", 2024): ("53230.99亿元 按不变价格计算同比增长4.8%", ""),
    ("HN_GDP_REAL_GROWTH", 2025): ("2025年地区生产总值55308.65亿元,同比增长4.8%", ""),
    ("HN_GPB_REVENUE_GROWTH_DERIVED", 2008): ("", "The communiqué gave 18.2% (level 717.0 vs final accounts 722.7)."),
    ("HN_GPB_REVENUE_GROWTH_DERIVED", 2011): ("", "STRUCTURAL BREAK: inflated by bringing extra-budgetary funds into the budget."),
    ("HN_GPB_REVENUE_GROWTH_DERIVED", 2020): ("", "Levels 3008.7 (2020, Hunan DRC) vs 3007.1 (2019, NBS database) = +0.05%, shown as 0.1."),
    ("HN_IVA_ABOVE_SCALE_GROWTH", 2016): ("全省规模工业增加值增长6.9%", ""),
    ("HN_IVA_ABOVE_SCALE_GROWTH", 2018): ("0.4 percentage points faster than last year",
                                          "DERIVED: Jan-Feb 2019 growth 7.8 was 0.4pp faster than 2018, so 7.4."),
    ("HN_IVA_ABOVE_SCALE_GROWTH", 2020): ("全省规模以上工业增加值增长4.8%", ""),
    ("HN_IVA_ABOVE_SCALE_GROWTH", 2022): ("scale industrial added value increased by 7.2%",
                                          "GWR estimate before final data; low-trust repost."),
    ("HN_IVA_ABOVE_SCALE_GROWTH", 2023): ("全省规模工业增加值增长5.1%", ""),
    ("HN_IVA_ABOVE_SCALE_GROWTH", 2024): ("湖南规模工业增加值增长7.3%, 比上一年快2.2个百分点", ""),
    ("HN_IVA_ABOVE_SCALE_GROWTH", 2025): ("规模工业增加值增长6.2%", ""),
}


def _row_note(series: str, year: int, extra: str) -> str:
    parts = [SERIES[series]["note"]]
    if series == "CN_IVA_ABOVE_SCALE_GROWTH":
        parts.append(_iva_scope(year))
    if series in ("CN_GDP_REAL_GROWTH", "CN_GPB_REVENUE_GROWTH", "HN_GDP_REAL_GROWTH",
                  "HN_GPB_REVENUE_GROWTH_DERIVED") and year <= 2019:
        parts.append(NBS_DB)
    if series == "CN_GDP_REAL_GROWTH" and year <= 2019:
        parts.append("Includes census revisions up to the 4th economic census.")
    if series == "HN_GDP_REAL_GROWTH" and year <= 2019:
        parts.append("May differ from the first-release communiqué.")
    if series == "HN_GDP_REAL_GROWTH" and year >= 2020:
        parts.append("First release (统一核算); final verification may revise by ~0.1-0.3pp.")
    if extra:
        parts.append(extra)
    return " ".join(parts)


# ---------------------------------------------------------------------------
# building and checking
# ---------------------------------------------------------------------------

def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def series_rows(sources: list[dict[str, str]]) -> list[dict[str, str]]:
    """One context row per series-year of the selected research series."""
    by_url = {s["url"]: s for s in sources if s["url"]}
    research = [r for r in _read_csv(SERIES_CSV) if r["series_id"] in SERIES]
    research.sort(key=lambda r: (r["series_id"], int(r["year"])))
    rows = []
    for r in research:
        sid, year = r["series_id"], int(r["year"])
        spec = SERIES[sid]
        src = by_url.get(r["source_url"])
        if src is None:
            raise SystemExit(f"{sid} {year}: source URL not in sources.csv: {r['source_url']}")
        excerpt, extra = SERIES_ROWS.get((sid, year), ("", ""))
        status = "derived" if sid.endswith("_DERIVED") else r["status"]
        rows.append(dict(
            id=f"s_{sid.lower()}_{year}", series=sid, region=spec["region"], indicator=spec["indicator"],
            label_zh=spec["label_zh"], label_en=spec["label_en"], period=str(year), measure="growth_yoy",
            value=r["value"], unit="%", qualifier="exact", basis=spec["basis"], status=status,
            trust=src["trust"], source_id=src["source_id"], source_date=r["source_date"], excerpt=excerpt,
            note=_row_note(sid, year, extra)))
    return rows


def curated_rows(sources: list[dict[str, str]]) -> list[dict[str, str]]:
    """The hand-picked rows, with source_date filled from sources.csv unless given."""
    dates = {s["source_id"]: s["date"] for s in sources}
    rows = []
    for t in CURATED:
        (id_, region, indicator, zh, en, period, measure, value, unit, qualifier, basis, status, trust,
         source_id, excerpt, note) = t[:16]
        if source_id not in dates:
            raise SystemExit(f"{id_}: unknown source_id {source_id!r}")
        rows.append(dict(
            id=id_, series="", region=region, indicator=indicator, label_zh=zh, label_en=en, period=period,
            measure=measure, value=value, unit=unit, qualifier=qualifier, basis=basis, status=status, trust=trust,
            source_id=source_id, source_date=t[16] if len(t) > 16 else dates[source_id], excerpt=excerpt, note=note))
    return rows


def check(rows: list[dict[str, str]], sources: list[dict[str, str]]) -> None:
    """Stop on duplicate ids, overlong excerpts, multi-line fields or unused sources."""
    ids = [r["id"] for r in rows]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise SystemExit(f"duplicate ids: {dupes}")
    for r in rows:
        if not re.fullmatch(r"[a-z0-9_]+", r["id"]):
            raise SystemExit(f"bad id {r['id']!r}")
        if len(r["excerpt"]) > 60:
            raise SystemExit(f"{r['id']}: excerpt longer than 60 characters")
        if any("\n" in v or "\r" in v for v in r.values()):
            raise SystemExit(f"{r['id']}: field contains a line break")
    used = {r["source_id"] for r in rows} | {"article"}
    unused = [s["source_id"] for s in sources if s["source_id"] not in used]
    if unused:
        raise SystemExit(f"sources.csv lists unused sources: {unused}")


def render() -> str:
    sources = _read_csv(SOURCES_CSV)
    rows = curated_rows(sources) + series_rows(sources)
    check(rows, sources)
    buf = io.StringIO(newline="")
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        current = CONTEXT_CSV.read_bytes() if CONTEXT_CSV.exists() else None
        if current != text.encode("utf-8"):
            print(f"{CONTEXT_CSV} is out of date; run python tools/curate_context.py")
            return 1
        print(f"{CONTEXT_CSV} is current")
        return 0
    CONTEXT_CSV.write_bytes(text.encode("utf-8"))
    print(f"wrote {CONTEXT_CSV} ({text.count(chr(10)) - 1} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
