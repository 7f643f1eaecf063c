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
   Sorted by series then year. Their ``source_id`` and ``trust`` are looked
   up by URL in ``data/sources.csv``, which must list every source URL used
   (the script stops if one is missing or unused).
3. Evidence on peers, fiscal definitions, seasonality and macro anchors
   (``EVIDENCE``), chosen from ``shared/research/peer_fiscal_seasonality.csv``.
   Each row names its research row; the script checks that the printed value
   is on it and takes the row's trust and source URL from it.
4. Derived rows (``DERIVED``: shares, ratios, a count), computed here from the
   rows above with the formula written into ``note``; status ``derived``.
   ``IDENTITIES`` lists totals that must equal the sum of their parts
   (全口径 = 地方 + 上划中央 + 上划省级); the script stops if one does not.

``data/sources.csv`` is kept by hand except for the sources of block 3
(``EVIDENCE_SOURCES``), which this script writes after the hand-kept rows from
the research file's title, date and URL.

Usage (from the repository root)::

    python tools/curate_context.py          # rewrite data/context.csv and data/sources.csv
    python tools/curate_context.py --check  # only report whether they are current

Output: UTF-8 without BOM, comma separated, minimal quoting, LF line ends.
Running the script twice gives the same bytes.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from decimal import ROUND_HALF_UP, Decimal
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
    ("cn_wage_nonprivate_growth_2024", "china", "avg_wage_urban_nonprivate_growth",
     "城镇非私营单位就业人员年平均工资名义增长", "Average annual wage in urban non-private units, nominal growth",
     "2024", "growth_yoy", "2.8", "%", "exact", "nominal", "final", "medium", "eastmoney_cn_wage_2024",
     "全国城镇非私营单位就业人员年平均工资为124110元,名义增长2.8%",
     "NBS release of 2025-05-16 as reported by 经济日报. Non-private units include state-owned units, "
     "government bodies and public institutions; 2.6 on a comparable basis (prices and the coverage change "
     "after the 5th economic census). The savings model's default pay drift."),
    ("cn_wage_nonprivate_growth_2023", "china", "avg_wage_urban_nonprivate_growth",
     "城镇非私营单位就业人员年平均工资名义增长", "Average annual wage in urban non-private units, nominal growth",
     "2023", "growth_yoy", "5.8", "%", "exact", "nominal", "final", "low", "wxredian_cn_wage_2023",
     "全国城镇非私营单位就业人员年平均工资为120698元,比上年增加6669元,名义增长5.8%",
     "From 中国统计年鉴2024 via a WeChat repost; verify in the yearbook. Real growth 5.5."),
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
# block 3: peers, fiscal definitions, seasonality and macro anchors
# ---------------------------------------------------------------------------
# Rows chosen from shared/research/peer_fiscal_seasonality.csv (see its notes file).
# Each EVIDENCE row names its research row by 0-based index; the script checks that the
# printed value (or the excerpt) is on that research row, takes the row's trust and
# finds its source by URL. URLs not yet in sources.csv get a source row from
# EVIDENCE_SOURCES (title and date from the research row). DERIVED rows are computed
# here from other context rows, with the formula written into ``note``.

RESEARCH_CSV = SERIES_CSV.with_name("peer_fiscal_seasonality.csv")

HTZ_RANKS = "科技部 national HTZ evaluation; ranks of one system only (see also the 工信部 and provincial lists)."
PROVINCIAL_EVAL = ("湖南省高新区创新发展绩效评价 (湖南省科学技术信息研究所), a provincial ranking among Hunan's "
                   "national HTZs; not the national evaluation.")
AREA = "Areas mix planned, managed and merged-district areas; not comparable across zones."
FULL_SCOPE = ("全口径: 一般公共预算收入 including the shares passed up to the central and provincial "
              "governments (上划中央/省级); a different measure from 地方一般公共预算收入.")
SCOPE_UNSTATED = "Revenue measure as worded by the source; its scope (全口径 or 地方级) is not stated."
SEASON = "Current-price levels; the H1 share of the year is derived in the rows *_h1_share_*."
LGB = "财政部 issuance data via wire copy; issuance-weighted average coupon of local-government bonds."
SPAM = "Repost on a low-trust host; cite the original wire copy before publishing."

# source_id -> (research row whose URL, title and date it takes, publisher, trust, note)
EVIDENCE_SOURCES: dict[str, tuple[int, str, str, str]] = {
    "tech_nx_htz_upgrade_2022": (0, "长沙晚报", "low", "Repost of 长沙晚报 on the 宁乡 upgrade (国务院批复)."),
    "zzlib_zz_htz_rank_2024": (1, "株洲日报", "medium", "株洲日报 e-paper in the 株洲 library archive."),
    "dameitall_hy_htz_eval_2021": (6, "中国衡阳新闻网", "low", "Repost of 中国衡阳新闻网."),
    "behrens_hn_park_plan_2021": (8, "湖南省人民政府", "low", "Text repost of the Hunan 14th-FYP industrial park plan."),
    "scholarmate_xt_htz_30th": (11, "scholarmate", "low", "Journal abstract on the 30th anniversary of 湘潭高新区."),
    "newton_hy_htz_wiki": (13, "newton.com.tw", "low", "Encyclopedia page, not official."),
    "hbzq_cz_htz_citiao": (14, "hbzqbyyxgs.com", "low", "Directory page; pinyin annotations removed from quotes."),
    "szokow_cz_htz_2015": (15, "szokow.com", "low", "Repost of a 2015 郴州 meeting report."),
    "kfd_cs_htz_wiki": (16, "Wikipedia (mirror)", "low", "Wikipedia mirror; old figures (2016, 预计)."),
    "jiangsulong_hh_htz_2020": (19, "jiangsulong.com", "low", "Repost listing Hunan's 8 national HTZs."),
    "rednet_hn_parks_2023": (20, "红网", "medium", "红网 citing the Hunan statistics bureau."),
    "enghunan_hn_2024h1": (25, "湖南省人民政府 (enghunan.gov.cn) via 红网", "medium",
                           "English release on Hunan's first half of 2024."),
    "voc_zone_2025_meeting": (26, "湖南日报·新湖南", "medium", "Report of the zone's 2025 economic work meeting."),
    "rednet_yj_parks_2023": (27, "红网益阳", "medium", "沅江 2023 park work meeting (targets)."),
    "enghunan_cs_htz_2015": (28, "湖南省人民政府 (enghunan.gov.cn)", "high", "Provincial English portal."),
    "cryer_zz_htz_wiki": (29, "Wikipedia (mirror)", "low", "Wikipedia mirror."),
    "profilpelajar_xt_htz_wiki": (30, "Wikipedia (mirror)", "low", "Wikipedia mirror."),
    "csx_cs_etdz_2018": (31, "长沙县人民政府 (English portal)", "high", "长沙县 English portal."),
    "changde_cd_etdz_2021": (32, "常德市人民政府 (English portal)", "high", "常德 English government portal."),
    "royaume_hh_htz_2022": (34, "royaume-de-dieu.net", "low", "Repost of the 怀化高新区 2022 work meeting."),
    "hnkjb_hn_htz_eval_2020": (39, "湖南科技报", "high", "湖南科技报 e-paper."),
    "cadz_hn_htz_2021": (43, "中国开发区协会", "medium", "Analysis of the 2020年度 national HTZ evaluation; "
                                                    "only the opening was readable."),
    "rednet_zz_htz_srdi_2024": (45, "红网", "medium", "红网 on the 专精特新 ranking of HTZs."),
    "rednet_hn_htz_count_2021": (46, "红网", "medium", "红网."),
    "zjjtravel_hn_fiscal_2013": (50, "zhangjiajietravel.com", "low", "Translation of a Hunan portal release."),
    "enghunan_hn_fiscal_2017": (52, "湖南省人民政府 (enghunan.gov.cn)", "high", "Provincial English portal."),
    "enghunan_hn_fiscal_2017h1": (53, "湖南省人民政府 (enghunan.gov.cn)", "high", "Provincial English portal."),
    "yaliqi_hy_fiscal_2024q1": (55, "yaliqi.com", "low", "Table of 衡阳 county-level revenue citing 衡阳市统计局."),
    "yiyang_gov_longling_2022": (56, "中国益阳门户网", "high", "Yiyang government portal."),
    "hunantoday_yy_etdz_2025": (58, "湖南日报·新湖南", "medium", "Deputy's proposal on the 岳阳经开区."),
    "changde_czj_fiscal": (59, "常德市财政局", "high",
                           "常德 finance bureau page; the year of the January-May figures is not shown."),
    "yueyang_gov_hn_2024h1": (64, "人民网 (repost on the 岳阳 government portal)", "high",
                              "Hunan first half of 2024."),
    "verygif_cn_2024h1": (71, "verygif.com", "low", "Repost of the NBS first-half 2024 release. " + SPAM),
    "qntz_cn_2023h1": (72, "qntz.me", "low", "Repost of the NBS first-half 2023 press conference. " + SPAM),
    "scol_cn_2022h1": (73, "川观新闻", "medium", "NBS first-half 2022 release via 川观新闻."),
    "chaxiaohao_cn_2024": (77, "chaxiaohao.com", "low", "Summary page of China's 2024 GDP. " + SPAM),
    "people_en_cn_ppi_2025_06": (78, "新华社 via People's Daily Online", "medium", "English Xinhua wire."),
    "chempricehub_cn_ppi_2025": (80, "chempricehub.com", "low", "Translation of the NBS 2026-01-09 release."),
    "reportify_cn_ppi_2025": (81, "reportify.ai", "low", "Aggregator summary of the NBS release."),
    "hkcna_cn_lgb_2024": (83, "香港中通社", "medium", "Citing 财政部, 2025-01-24."),
    "golangjump_cn_lgb_2024_01": (85, "中新社 (repost)", "low", SPAM),
    "tuiwangpu_cn_lgb_2024_11": (87, "证券日报 (repost)", "low", SPAM),
    "lgjyuntun_cn_lgb_2025": (88, "中新社 (repost)", "low", SPAM + " Verify at 财政部 预算司."),
    "qzwb_cn_lgb_2025_11": (91, "泉州晚报", "medium", "Newspaper e-paper (中新)."),
    "meiducn_cn_lgb_2025_08": (92, "中新社 (repost)", "low", SPAM),
    "people_en_cn_fiscal_2022": (100, "新华社 via People's Daily Online", "medium", "English Xinhua wire."),
    "en4hw_cn_fiscal_2018": (101, "en.4hw.com.cn", "low", "Translation of the MOF 2018 release."),
    "ch0735_hn_parks_2025": (103, "郴州发布 (repost)", "medium", "The 2025 五好园区 evaluation."),
}

# (research row, id, region, indicator, label_zh, label_en, period, measure, value, unit,
#  qualifier, basis, status, excerpt, note[, trust])
EVIDENCE: list[tuple[object, ...]] = [
    # ---- fiscal definitions: 全口径 = 地方 + 上划中央 + 上划省级 --------------------
    (59, "city_changde_gpb_revenue_full_scope_m01_m05", "hunan_city", "gpb_revenue_full_scope",
     "常德市一般公共预算收入(全口径)", "Changde general public budget revenue, full scope", "undated", "flow",
     "126.05", "亿元", "exact", "", "final", "全市累计完成一般公共预算收入126.05亿元",
     "January-May of a year the page does not show (c.2019-2024). DEFINITION: the unprefixed "
     "一般公共预算收入 is the full scope = 80.18 + 37.78 + 8.09. " + FULL_SCOPE),
    (59, "city_changde_local_revenue_m01_m05", "hunan_city", "local_gpb_revenue", "常德市地方财政收入",
     "Changde local revenue", "undated", "flow", "80.18", "亿元", "exact", "", "final",
     "其中:地方财政收入完成80.18亿元", "January-May, year not shown; local level (地方)."),
    (59, "city_changde_central_shared_revenue_m01_m05", "hunan_city", "central_shared_revenue",
     "常德市上划中央收入", "Changde revenue passed up to the central government", "undated", "flow", "37.78",
     "亿元", "exact", "", "final", "上划中央收入完成37.78亿元", "January-May, year not shown."),
    (59, "city_changde_provincial_shared_revenue_m01_m05", "hunan_city", "provincial_shared_revenue",
     "常德市上划省级收入", "Changde revenue passed up to the provincial government", "undated", "flow", "8.09",
     "亿元", "exact", "", "final", "上划省级收入完成8.09亿元", "January-May, year not shown."),
    (50, "hn_gpb_revenue_full_scope_2013", "hunan", "gpb_revenue_full_scope", "一般公共预算收入(全口径)",
     "General public budget revenue, full scope", "2013", "flow", "3307.29", "亿元", "exact", "", "final",
     "increased by 36.934 billion yuan to 330.729 billion yuan",
     "Includes 上划中央 1283.68. Translation on a low-trust host. " + FULL_SCOPE),
    (50, "hn_central_shared_revenue_2013", "hunan", "central_shared_revenue", "上划中央收入",
     "Revenue passed up to the central government", "2013", "flow", "1283.68", "亿元", "exact", "", "final", "",
     "Figure from the research notes; not in the quoted excerpt."),
    (51, "hn_local_revenue_2013", "hunan", "local_gpb_revenue", "地方财政收入", "Local revenue", "2013", "flow",
     "2023.61", "亿元", "exact", "", "final", "the local financial revenue reached 202.361 billion yuan",
     "Local level (地方); growth 13.55%."),
    (52, "hn_gpb_revenue_full_scope_2017", "hunan", "gpb_revenue_full_scope", "一般公共预算收入(全口径)",
     "General public budget revenue, full scope", "2017", "flow", "4560", "亿元", "exact", "", "final",
     "", "Headline 456 bn yuan (+7.38%) in the page title. The research table's central share "
     "(1800) does not add up (2750 + 1800 = 4550), so it is not stored. " + FULL_SCOPE),
    (52, "hn_local_gpb_revenue_2017", "hunan", "local_gpb_revenue", "地方一般公共预算收入",
     "Local general public budget revenue", "2017", "flow", "2750", "亿元", "exact", "", "final",
     "Local fiscal revenue was 275 billion CNY, up 4.88%", "Local level; non-tax share 36.2%."),
    (53, "hn_gpb_revenue_full_scope_2017h1", "hunan", "gpb_revenue_full_scope", "一般公共预算收入(全口径)",
     "General public budget revenue, full scope", "2017H1", "flow", "2448.7", "亿元", "exact", "", "final", "",
     "First half-year; = local 1524.6 + central 924.1. " + FULL_SCOPE),
    (53, "hn_local_gpb_revenue_2017h1", "hunan", "local_gpb_revenue", "地方一般公共预算收入",
     "Local general public budget revenue", "2017H1", "flow", "1524.6", "亿元", "exact", "", "final",
     "152.46 billion yuan was generated by local governments", "First half-year; local level."),
    (53, "hn_central_shared_revenue_2017h1", "hunan", "central_shared_revenue", "上划中央收入",
     "Revenue passed up to the central government", "2017H1", "flow", "924.1", "亿元", "exact", "", "final", "",
     "First half-year; figure from the research table, not in the quoted excerpt."),
    (100, "cn_gpb_revenue_2022", "china", "gpb_revenue_national", "全国一般公共预算收入",
     "National general public budget revenue", "2022", "flow", "20.37", "万亿元", "approx", "", "final",
     "to around 20.37 trillion yuan", "= central 9.49 + local 10.88 (万亿元); headline +0.6%."),
    (100, "cn_local_gpb_revenue_2022", "china", "local_gpb_revenue", "地方一般公共预算本级收入",
     "Local general public budget revenue (all local governments)", "2022", "flow", "10.88", "万亿元", "exact",
     "", "final", "", "Figure from the research notes (-2.1%); not in the quoted excerpt."),
    (100, "cn_central_gpb_revenue_2022", "china", "central_gpb_revenue", "中央一般公共预算收入",
     "Central general public budget revenue", "2022", "flow", "9.49", "万亿元", "exact", "", "final", "",
     "Figure from the research notes (+3.8%); not in the quoted excerpt."),
    (101, "cn_gpb_revenue_2018", "china", "gpb_revenue_national", "全国一般公共预算收入",
     "National general public budget revenue", "2018", "flow", "183352", "亿元", "exact", "", "final",
     "general public budget revenue was 18335.2 billion yuan", "= central 85447 + local 97905; +6.2%."),
    (101, "cn_local_gpb_revenue_2018", "china", "local_gpb_revenue", "地方一般公共预算本级收入",
     "Local general public budget revenue (all local governments)", "2018", "flow", "97905", "亿元", "exact",
     "", "final", "", "Figure from the research table (+7.0%); not in the quoted excerpt."),
    (101, "cn_central_gpb_revenue_2018", "china", "central_gpb_revenue", "中央一般公共预算收入",
     "Central general public budget revenue", "2018", "flow", "85447", "亿元", "exact", "", "final", "",
     "Figure from the research table (+5.3%); not in the quoted excerpt."),
    # ---- Yiyang city revenue -------------------------------------------------
    (61, "yy_tax_share_of_local_revenue_2020", "yiyang", "tax_share_of_local_gpb_revenue",
     "税收收入占地方一般公共预算收入比重", "Tax share of local general public budget revenue", "2020", "ratio",
     "69.6", "%", "exact", "", "final", "税收收入占地方一般公共预算收入比重为69.6%",
     "Local level; up 12.4pp on 2015. City levels for 2023-2024 and 财政总收入 were not found."),
    # ---- peer parks: revenue and output, each with its scope ----------------
    (31, "park_cs_etdz_gross_output_2017", "hunan_park", "gross_output_above_scale", "长沙经开区规模工业总产值",
     "Changsha ETDZ gross output of above-scale industry", "2017", "flow", "2348.5", "亿元", "exact", "",
     "final", "", "National ETDZ (peer, not an HTZ); +20.3%. Figure from the research table."),
    (31, "park_cs_etdz_fiscal_revenue_2017", "hunan_park", "fiscal_revenue_scope_unstated", "长沙经开区财政收入",
     "Changsha ETDZ fiscal revenue", "2017", "flow", "155.7", "亿元", "exact", "", "final",
     "15.57 billion yuan in fiscal revenue",
     "Likely 财政总收入 (full scope). " + SCOPE_UNSTATED),
    (32, "park_cd_etdz_gpb_revenue_m01_m07_2021", "hunan_park", "gpb_revenue_scope_unstated",
     "常德经开区一般公共预算收入", "Changde ETDZ general public budget revenue", "2021M01-M07", "flow", "14.51",
     "亿元", "exact", "", "final", "general public budget reached 1.451 billion yuan",
     "January-July; +39.03%. " + SCOPE_UNSTATED),
    (32, "park_cd_etdz_gross_output_m01_m07_2021", "hunan_park", "gross_output_above_scale",
     "常德经开区规模工业总产值", "Changde ETDZ gross output of above-scale industry", "2021M01-M07", "flow",
     "289.3", "亿元", "exact", "", "final", "", "January-July; +16.4%. Figure from the research table."),
    (56, "park_longling_fiscal_tax_revenue_2021", "hunan_park", "fiscal_tax_revenue", "龙岭产业开发区财税收入",
     "Longling industrial park fiscal and tax revenue", "2021", "flow", "17.33", "亿元", "exact", "", "final",
     "实现财税收入17.33亿元,同比增长38.64%",
     "Yiyang park in 赫山区 (possibly part of the zone after 2024, unconfirmed). 财税收入: scope not stated."),
    (56, "park_longling_gross_output_2021", "hunan_park", "gross_output_above_scale", "龙岭产业开发区规模工业总产值",
     "Longling industrial park gross output of above-scale industry", "2021", "flow", "738.7", "亿元", "exact",
     "", "final", "", "+14.2%; figure from the research table, same page."),
    (56, "park_longling_iva_2021", "hunan_park", "iva_above_scale", "龙岭产业开发区规模工业增加值",
     "Longling industrial park above-scale industrial value added", "2021", "flow", "154.3", "亿元", "exact", "",
     "final", "", "+11.6%; figure from the research table, same page."),
    (16, "park_cs_htz_enterprise_revenue_2016", "hunan_park", "enterprise_total_revenue", "长沙高新区企业总收入",
     "Changsha HTZ total enterprise revenue", "2016", "flow", "2800", "亿元", "exact", "", "preliminary",
     "2016年,預計實現企業總收入2800億元", "预计 (estimate). 红网 later gave 2816 for the 麓谷 park."),
    (17, "park_cs_htz_fiscal_revenue_total_2016", "hunan_park", "fiscal_revenue_total", "长沙高新区财政总收入",
     "Changsha HTZ total fiscal revenue", "2016", "flow", "90", "亿元", "exact", "", "preliminary",
     "完成財政總收入90億元", "财政总收入 (full scope, incl. the central share); 预计."),
    (16, "park_cs_htz_gross_output_2016", "hunan_park", "gross_output_above_scale", "长沙高新区规模工业总产值",
     "Changsha HTZ gross output of above-scale industry", "2016", "flow", "1400", "亿元", "exact", "",
     "preliminary", "", "预计; figure from the research table. 红网 later gave 1353 for the 麓谷 park."),
    (55, "park_hy_htz_local_gpb_revenue_2024q1", "hunan_park", "local_gpb_revenue", "衡阳高新区一般公共预算收入(地方)",
     "Hengyang HTZ local general public budget revenue", "2024Q1", "flow", "1.43", "亿元", "exact", "", "final",
     "高新区(1.43亿元 5.5%)", "Local level in a county-level ranking table; +5.5%. A national HTZ's local revenue."),
    (58, "park_yy_etdz_local_gpb_revenue_2025", "hunan_park", "local_gpb_revenue", "岳阳经开区地方一般公共预算收入",
     "Yueyang ETDZ local general public budget revenue (end of 14th FYP)", "2025", "flow", "10", "亿元",
     "more_than", "", "preliminary", "地方一般公共预算收入突破10亿元",
     "Lower bound (突破) reached during the 14th FYP, stated before year-end; the park's GDP passed 400亿."),
    (27, "park_yj_htz_gross_output_target_2023", "hunan_park", "gross_output", "沅江高新区工业总产值目标",
     "Yuanjiang HTZ gross industrial output target", "2023", "flow", "435", "亿元", "exact", "", "target",
     "确保完成工业总产值435亿元", "Target; provincial HTZ in Yiyang; +15% or more."),
    (27, "park_yj_htz_industrial_tax_target_2023", "hunan_park", "industrial_tax_paid", "沅江高新区上缴工业税收目标",
     "Yuanjiang HTZ industrial taxes paid, target", "2023", "flow", "5.5", "亿元", "exact", "", "target",
     "上缴工业税收5.5亿元", "Target; taxes paid by industrial firms (all levels of government)."),
    (15, "park_cz_htz_tech_industry_trade_revenue_2014", "hunan_park", "tech_industry_trade_revenue",
     "郴州高新区技工贸收入", "Chenzhou HTZ technology-industry-trade revenue", "2014", "flow", "1081.8", "亿元",
     "exact", "", "final", "2014年,郴州高新區完成技工貿收入1081.8億元",
     "技工贸收入, the usual 千亿园区 measure; before the national upgrade."),
    (8, "hn_parks_over_100bn_count_2020", "hunan", "parks_over_100bn_revenue", "技工贸收入突破1000亿元的园区",
     "Hunan parks with technology-industry-trade revenue over 100 bn yuan", "2020", "count", "14", "家", "exact",
     "", "final", "长沙经开区等14家园区技工贸收入突破1000亿元", "千亿园区 measured by 技工贸收入, not gross output."),
    (9, "hn_parks_taxes_paid_2020", "hunan", "parks_taxes_paid", "园区上交税金", "Taxes paid by Hunan's parks",
     "2020", "flow", "1734.1", "亿元", "exact", "", "final", "上交税金由2015年的1054.8亿元增加到2020年的1734.1亿元",
     "Taxes paid by park firms to all levels of government; all parks except bonded zones."),
    (10, "hn_parks_iva_share_2020", "hunan", "parks_iva_share", "园区规模工业增加值占全省比重",
     "Parks' share of Hunan's above-scale industrial value added", "2020", "ratio", "70", "%", "approx", "",
     "final", "产出了约34.5% 的GDP、70%的规模工业增加值", "All parks; the 约 may cover both figures."),
    (20, "hn_parks_iva_growth_2023", "hunan", "parks_iva_above_scale_growth", "省级及以上产业园区规模工业增加值增长",
     "Above-scale industrial value added growth of Hunan's provincial and national parks", "2023", "growth_yoy",
     "9.0", "%", "exact", "real", "final", "省级及以上产业园区规模工业增加值比上年增长9.0%",
     "Comparable prices; the province grew 5.1 (hn_iva_growth_2023). Benchmark for a park's growth."),
    (21, "hn_parks_iva_share_2023", "hunan", "parks_iva_share", "园区规模工业增加值占全省比重",
     "Parks' share of Hunan's above-scale industrial value added", "2023", "ratio", "71.2", "%", "exact", "",
     "final", "增加值占全部规模工业的71.2%", "Provincial and national parks."),
    (26, "zone_key_projects_2025", "zone", "key_projects", "重点建设项目", "Key construction projects planned",
     "2025", "count", "128", "个", "exact", "", "target", "今年共谋划重点建设项目128个",
     "Plan for 2025 of the post-2024-reform zone."),
    (26, "zone_key_projects_investment_2025", "zone", "key_projects_total_investment", "重点建设项目总投资",
     "Total investment of the key projects planned", "2025", "stock", "679.59", "亿元", "exact", "", "target",
     "总投资679.59亿元", "Total (multi-year) investment of the 128 projects; plan."),
    (26, "zone_key_projects_investment_planned_2025", "zone", "key_projects_planned_investment",
     "重点建设项目年度计划投资", "Investment planned for 2025 in the key projects", "2025", "flow", "70.68", "亿元",
     "exact", "", "target", "计划投资70.68亿元", "Plan for 2025."),
    # ---- seasonality: first-half and full-year levels ------------------------
    (65, "hn_gdp_2024h1", "hunan", "gdp", "地区生产总值", "Gross regional product", "2024H1", "flow", "24545.20",
     "亿元", "exact", "", "final", "上半年全省地区生产总值24545.20亿元,同比增长4.5%", SEASON),
    (64, "hn_industry_va_2024h1", "hunan", "industry_va", "工业增加值(全部工业)", "Industrial value added, all industry",
     "2024H1", "flow", "7049.42", "亿元", "exact", "", "final", "上半年,全省工业增加值7049.42亿元,增长6.3%",
     "All industry, not 规模工业. " + SEASON),
    ((64, "sgpjbg_hn_2024_communique"), "hn_industry_va_share_of_gdp_2024", "hunan", "industry_va_share_of_gdp",
     "工业增加值占地区生产总值比重", "Industry's share of GRP", "2024", "ratio", "29.3", "%", "exact", "", "final", "",
     "From the 2024 communiqué as given by the research table; not in a quoted excerpt.", "medium"),
    (75, "hn_secondary_va_2024h1", "hunan", "secondary_industry_va", "第二产业增加值", "Secondary-industry value added",
     "2024H1", "flow", "8844.91", "亿元", "exact", "", "final", "884.491 billion CNY for the secondary industry",
     SEASON),
    ((75, "sgpjbg_hn_2024_communique"), "hn_secondary_va_2024", "hunan", "secondary_industry_va", "第二产业增加值", "Secondary-industry value added",
     "2024", "flow", "19534.6", "亿元", "exact", "", "final", "",
     "From the 2024 communiqué as given by the research notes; not in a quoted excerpt. " + SEASON),
    (67, "hn_secondary_va_2025h1", "hunan", "secondary_industry_va", "第二产业增加值", "Secondary-industry value added",
     "2025H1", "flow", "9307.50", "亿元", "exact", "", "final", "第二產業增加值9307.50億元,增長6.2%", SEASON),
    (68, "hn_secondary_va_2025", "hunan", "secondary_industry_va", "第二产业增加值", "Secondary-industry value added",
     "2025", "flow", "19915.46", "亿元", "exact", "", "final", "第二產業增加值19915.46億元、增長4.1%",
     "First release; repost of 中新网. " + SEASON),
    (25, "hn_iva_growth_2024h1", "hunan", "iva_above_scale_growth", "规模工业增加值增长",
     "Above-scale industrial value added growth", "2024H1", "growth_yoy", "6.8", "%", "exact", "real", "final",
     "The value-added industrial output rose by 6.8%",
     "Comparable prices; the year ended at 7.3 (hn_iva_growth_2024), while 2025 went from 8.2 in H1 to 6.2."),
    (49, "hn_gpb_revenue_2024h1", "hunan", "local_gpb_revenue", "地方一般公共预算收入",
     "Local general public budget revenue", "2024H1", "flow", "1866.6", "亿元", "exact", "", "final",
     "collected 186.66 billion CNY in fiscal revenue",
     "English wording 'fiscal revenue'; local level by comparison with hn_gpb_revenue_2025h1; +5.6%."),
    (74, "cn_gdp_2024h1", "china", "gdp", "国内生产总值", "Gross domestic product", "2024H1", "flow", "616836",
     "亿元", "exact", "", "final", "上半年國內生產總值616836億元", SEASON + " " + SPAM),
    (71, "cn_secondary_va_2024h1", "china", "secondary_industry_va", "第二产业增加值", "Secondary-industry value added",
     "2024H1", "flow", "236530", "亿元", "exact", "", "final", "第二產業增加值236530億元,增長5.8%", SEASON),
    (77, "cn_secondary_va_share_of_gdp_2024", "china", "secondary_industry_va_share_of_gdp",
     "第二产业增加值占国内生产总值比重", "Secondary industry's share of GDP", "2024", "ratio", "36.5", "%", "exact", "",
     "final", "三次产业占比分别为6.8%、36.5%和56.7%", "Rounded share; the NBS level (492087) was not found."),
    # ---- industrial producer prices -----------------------------------------
    (78, "cn_ppi_2025h1", "china", "ppi_yoy", "工业生产者出厂价格同比", "Producer price index, change on a year earlier",
     "2025H1", "growth_yoy", "-2.8", "%", "exact", "", "final",
     "In the first half of 2025, the PPI dropped by 2.8 percent",
     "January-June cumulative. 2023 and 2024 PPI were not in the research."),
    (79, "cn_ppi_2025m06", "china", "ppi_yoy", "工业生产者出厂价格同比", "Producer price index, change on a year earlier",
     "2025M06-M06", "growth_yoy", "-3.6", "%", "exact", "", "final", "went down 3.6 percent year on year in June",
     "June alone."),
    (80, "cn_ppi_2025", "china", "ppi_yoy", "工业生产者出厂价格同比", "Producer price index, change on a year earlier",
     "2025", "growth_yoy", "-2.6", "%", "exact", "", "final",
     "For the full year of 2025, the PPI decreased by 2.6%", "Full year; December alone -1.9."),
    (81, "cn_ppirm_2025", "china", "ppirm_yoy", "工业生产者购进价格同比",
     "Producer purchase price index, change on a year earlier", "2025", "growth_yoy", "-3.0", "%", "exact", "",
     "final", "the purchase price index decreased by 3.0%", "Full year."),
    # ---- local-government bond rates ------------------------------------------
    (83, "cn_lgb_issue_rate_2024", "china", "lgb_issue_rate", "地方政府债券平均发行利率",
     "Average issue rate of local-government bonds", "2024", "ratio", "2.29", "%", "exact", "", "final",
     "地方政府債券平均發行利率2.29%", LGB + " Average term 14.4 years."),
    (85, "cn_lgb_issue_rate_2024m01", "china", "lgb_issue_rate", "地方政府债券平均发行利率",
     "Average issue rate of local-government bonds", "2024M01-M01", "ratio", "2.60", "%", "exact", "", "final",
     "地方政府债券平均发行利率2.60%,其中一般债券2.58%", LGB + " January 2024 alone; average term 8.7 years."),
    (87, "cn_lgb_issue_rate_2024m11", "china", "lgb_issue_rate", "地方政府债券平均发行利率",
     "Average issue rate of local-government bonds", "2024M11-M11", "ratio", "2.23", "%", "exact", "", "final",
     "地方政府债券平均发行利率2.23%,其中一般债券2.09%", LGB + " November 2024 alone; average term 17.0 years."),
    (92, "cn_lgb_issue_rate_2025m01_m08", "china", "lgb_issue_rate", "地方政府债券平均发行利率",
     "Average issue rate of local-government bonds", "2025M01-M08", "ratio", "1.92", "%", "exact", "", "final",
     "平均发行利率1.92%,其中一般债券1.77%,专项债券1.97%", LGB + " January-August."),
    (91, "cn_lgb_issue_rate_2025m01_m11", "china", "lgb_issue_rate", "地方政府债券平均发行利率",
     "Average issue rate of local-government bonds", "2025M01-M11", "ratio", "1.97", "%", "exact", "", "final",
     "地方政府债券平均发行利率1.97%,其中一般债券1.82%", LGB + " January-November; average term 15.5 years."),
    (88, "cn_lgb_issue_rate_2025", "china", "lgb_issue_rate", "地方政府债券平均发行利率",
     "Average issue rate of local-government bonds", "2025", "ratio", "1.97", "%", "exact", "", "final",
     "地方政府债券平均发行利率1.97%", LGB + " Average term 15.4 years."),
    (88, "cn_lgb_general_issue_rate_2025", "china", "lgb_general_issue_rate", "一般债券平均发行利率",
     "Average issue rate of general-purpose local-government bonds", "2025", "ratio", "1.83", "%", "exact", "",
     "final", "其中一般债券1.83%", LGB),
    (89, "cn_lgb_special_issue_rate_2025", "china", "lgb_special_issue_rate", "专项债券平均发行利率",
     "Average issue rate of special-purpose local-government bonds", "2025", "ratio", "2.02", "%", "exact", "",
     "final", "专项债券2.02%", LGB + " Average term 17.6 years: the longest-term proxy; no separate long-term series."),
    (90, "cn_lgb_stock_rate_2025", "china", "lgb_stock_rate", "地方政府债券存量平均利率",
     "Average rate on outstanding local-government bonds", "2025-end", "ratio", "2.83", "%", "exact", "", "final",
     "平均利率2.83%", "Outstanding stock at end-2025 (3.27 at end-January 2024); remaining life 10.5 years."),
    # ---- Hunan's national high-tech zones and their ranks ---------------------
    (43, "hn_national_htz_count_2020", "hunan", "national_htz_count", "国家高新区数量", "Number of national HTZs in Hunan",
     "2020", "count", "8", "家", "exact", "", "final", "湖南省共有8家国家高新区,数量位居全国第6位",
     "End of the 13th FYP: 长沙, 株洲, 湘潭, 益阳, 衡阳, 郴州, 常德, 怀化; 6th nationally."),
    (46, "hn_htz_count_2021", "hunan_htz", "htz_count", "高新技术产业开发区数量", "Number of HTZs in Hunan",
     "2021", "count", "48", "家", "exact", "", "final", "我省共有高新技术产业开发区48家",
     "As of April 2021: 8 national + 40 provincial."),
    (1, "park_zz_htz_rank_2024", "hunan_park", "htz_evaluation_rank", "株洲高新区国家高新区综合评价排名",
     "Zhuzhou HTZ, national HTZ evaluation rank", "2024", "rank", "35", "位", "exact", "", "final",
     "株洲高新区入选2024年国家高新区综合评价前50名名单,排名第35名",
     "First 工信部 evaluation; only the top 50 of 178 were published. No evidence that 益阳 is in the top 50."),
    (5, "park_cs_htz_rank_2015", "hunan_park", "htz_evaluation_rank", "长沙高新区国家高新区评价排名",
     "Changsha HTZ, national HTZ evaluation rank", "2015", "rank", "16", "位", "exact", "", "unverified",
     "长沙高新区排名第16名", "Year inferred (digits stripped in the repost). " + HTZ_RANKS),
    (5, "park_zz_htz_rank_2015", "hunan_park", "htz_evaluation_rank", "株洲高新区国家高新区评价排名",
     "Zhuzhou HTZ, national HTZ evaluation rank", "2015", "rank", "28", "位", "exact", "", "unverified",
     "株洲第28名", "Year inferred (digits stripped in the repost). " + HTZ_RANKS),
    (5, "park_xt_htz_rank_2015", "hunan_park", "htz_evaluation_rank", "湘潭高新区国家高新区评价排名",
     "Xiangtan HTZ, national HTZ evaluation rank", "2015", "rank", "80", "位", "exact", "", "unverified",
     "湘潭第80名", "Year inferred (digits stripped in the repost). " + HTZ_RANKS),
    (5, "park_hy_htz_rank_2015", "hunan_park", "htz_evaluation_rank", "衡阳高新区国家高新区评价排名",
     "Hengyang HTZ, national HTZ evaluation rank", "2015", "rank", "99", "位", "exact", "", "unverified",
     "衡阳第99名", "Year inferred (digits stripped in the repost); the zone was 69th (zone_htz_rank_2015). "
     + HTZ_RANKS),
    (39, "zone_hn_htz_eval_rank_2020", "zone", "hn_htz_evaluation_rank", "湖南省高新区创新发展绩效评价排名",
     "Rank among Hunan's national HTZs, provincial evaluation", "2020", "rank", "3", "位", "exact", "", "final",
     "排名前三的国家高新区分别为长沙高新区、株洲高新区、益阳高新区",
     "Report of 2020 (2019 data), 3rd of 8; the 2021 and 2022 reports name 长沙, 株洲, 衡阳 as the top 3. "
     + PROVINCIAL_EVAL + " " + ZONE),
    (6, "park_hy_htz_hn_eval_rank_2021", "hunan_park", "hn_htz_evaluation_rank", "衡阳高新区湖南省高新区绩效评价排名",
     "Hengyang HTZ, rank among Hunan's national HTZs, provincial evaluation", "2021", "rank", "3", "位", "exact",
     "", "final", "衡阳国家高新区在全省8个国家级高新区中综合排名位列第三", "Report of 2021. " + PROVINCIAL_EVAL),
    (28, "park_cs_htz_planned_area_2015", "hunan_park", "planned_area", "长沙高新区规划面积",
     "Changsha HTZ planned area", "2015", "stock", "140", "km²", "exact", "", "final",
     "It has a planned area of 140 square kilometers", "Planned area. " + AREA),
    (29, "park_zz_htz_area", "hunan_park", "area", "株洲高新区面积", "Zhuzhou HTZ area", "undated", "stock", "328",
     "km²", "exact", "", "unverified", "It covers an area of 328km2",
     "c.2014-2020; the merged 高新区/天元区 administrative area. " + AREA),
    (30, "park_xt_htz_area", "hunan_park", "area", "湘潭高新区面积", "Xiangtan HTZ area", "undated", "stock", "46.79",
     "km²", "exact", "", "unverified", "It covers an area of 46.79-square-kilometre", "Managed area. " + AREA),
    (13, "park_hy_htz_area", "hunan_park", "area", "衡阳高新区总面积", "Hengyang HTZ total area", "undated", "stock",
     "137.35", "km²", "exact", "", "unverified", "總面積137.35平方公里",
     "c.2019-2021; managed area with 5 streets and 390,000 residents. " + AREA),
    (14, "park_cz_htz_area", "hunan_park", "area", "郴州高新区辖区面积", "Chenzhou HTZ administrative area", "undated",
     "stock", "125", "km²", "exact", "", "unverified", "轄區面積125平方公里",
     "c.2015; includes the 托管 白露塘镇. " + AREA),
    (19, "park_hh_htz_area", "hunan_park", "area", "怀化高新区面积", "Huaihua HTZ area", "undated", "stock", "72",
     "km²", "exact", "", "unverified", "面积72平方公里", "Upgraded to national HTZ 2018-02-28. " + AREA),
    (0, "park_nx_htz_planned_area_2022", "hunan_park", "planned_area", "宁乡高新区规划面积",
     "Ningxiang HTZ planned area", "2022", "stock", "14.3607", "km²", "exact", "", "final",
     "升级后规划面积为14.3607平方公里,共设2个区块",
     "Approved on the upgrade to a national HTZ (Dec 2022), Hunan's 9th. " + AREA),
    (11, "park_xt_htz_hte_cultivated_2022", "hunan_park", "high_tech_enterprises_cultivated",
     "湘潭高新区培育高新技术企业", "Xiangtan HTZ high-tech enterprises cultivated", "2022", "count", "189", "家",
     "exact", "", "unverified", "培育高新技术企业189家、科技型中小企业226家",
     "c.2022 (30th anniversary); cumulative 培育, not a current stock."),
    (45, "park_zz_htz_srdi_firms_2023", "hunan_park", "srdi_enterprises_provincial", "株洲高新区省级以上专精特新企业",
     "Zhuzhou HTZ provincial-level or higher SRDI enterprises", "2023-end", "count", "146", "家", "exact", "",
     "final", "全区拥有省级以上专精特新企业146家", "Approximate date (c. end-2023); 30 national 小巨人."),
    (34, "park_hh_htz_above_scale_firms_2021", "hunan_park", "above_scale_enterprises", "怀化高新区规模以上企业",
     "Huaihua HTZ above-scale enterprises", "2021-end", "count", "62", "家", "exact", "", "final",
     "目前園區規模以上企業數已達62家", "Sectors not stated; 20 added in 2021."),
    (102, "hn_parks_count_2020", "hunan", "provincial_parks_count", "省级及以上产业园区数量",
     "Number of provincial and national industrial parks in Hunan", "2020", "count", "143", "家", "exact", "",
     "final", "全省共有省级及以上产业园区143家(含洪江市和洪江区)",
     "A likely denominator family for park rankings; the business-environment evaluation's own count was not found."),
    (103, "hn_parks_evaluated_count_2025", "hunan", "parks_evaluated_count", "五好园区综合评价参评园区数",
     "Parks evaluated in the 2025 五好园区 evaluation", "2025", "count", "122", "家", "exact", "", "final",
     "在全省122家参评园区中", "五好园区 evaluation, not the business-environment evaluation."),
]

# Derived rows: (id, region, indicator, label_zh, label_en, period, source row or source_id, trust,
#                operands (context ids or literal numbers), formula text, decimals, research value or "", note)
# The value is (first operand) / (product of the rest) x 100, rounded half up; a literal
# operand that is a fraction stands in for a printed percentage share. Operands that
# start with "sum" add up the rest instead (a count in 家).
DERIVED: list[tuple[object, ...]] = [
    ("city_changde_local_share_m01_m05", "hunan_city", "local_share_of_full_scope_revenue",
     "地方财政收入占一般公共预算收入(全口径)比重", "Local share of full-scope revenue, Changde", "undated", 59, "high",
     ("city_changde_local_revenue_m01_m05", "city_changde_gpb_revenue_full_scope_m01_m05"), 1, "63.6",
     "January-May, year not shown."),
    ("hn_local_share_2013", "hunan", "local_share_of_full_scope_revenue", "地方收入占一般公共预算收入(全口径)比重",
     "Local share of full-scope revenue", "2013", 50, "low",
     ("hn_local_revenue_2013", "hn_gpb_revenue_full_scope_2013"), 1, "61.2", ""),
    ("hn_local_share_2017", "hunan", "local_share_of_full_scope_revenue", "地方收入占一般公共预算收入(全口径)比重",
     "Local share of full-scope revenue", "2017", 52, "high",
     ("hn_local_gpb_revenue_2017", "hn_gpb_revenue_full_scope_2017"), 1, "60.3", ""),
    ("hn_local_share_2017h1", "hunan", "local_share_of_full_scope_revenue", "地方收入占一般公共预算收入(全口径)比重",
     "Local share of full-scope revenue", "2017H1", 53, "high",
     ("hn_local_gpb_revenue_2017h1", "hn_gpb_revenue_full_scope_2017h1"), 1, "62.3", ""),
    ("cn_local_share_2018", "china", "local_share_of_national_revenue", "地方本级收入占全国一般公共预算收入比重",
     "Local share of national general public budget revenue", "2018", 101, "low",
     ("cn_local_gpb_revenue_2018", "cn_gpb_revenue_2018"), 1, "", ""),
    ("cn_local_share_2022", "china", "local_share_of_national_revenue", "地方本级收入占全国一般公共预算收入比重",
     "Local share of national general public budget revenue", "2022", 100, "medium",
     ("cn_local_gpb_revenue_2022", "cn_gpb_revenue_2022"), 1, "", "The total is printed as 'around' (约)."),
    # revenue-to-output ratios of peer parks (scopes differ; never average them blindly)
    ("park_cs_etdz_revenue_to_output_2017", "hunan_park", "revenue_to_gross_output",
     "长沙经开区财政收入与规模工业总产值之比", "Changsha ETDZ fiscal revenue / gross output", "2017", 31, "high",
     ("park_cs_etdz_fiscal_revenue_2017", "park_cs_etdz_gross_output_2017"), 2, "",
     "Revenue scope likely 财政总收入 (full scope)."),
    ("park_cd_etdz_revenue_to_output_m01_m07_2021", "hunan_park", "revenue_to_gross_output",
     "常德经开区一般公共预算收入与规模工业总产值之比", "Changde ETDZ budget revenue / gross output", "2021M01-M07", 32,
     "high", ("park_cd_etdz_gpb_revenue_m01_m07_2021", "park_cd_etdz_gross_output_m01_m07_2021"), 2, "",
     "January-July; revenue scope not stated."),
    ("park_longling_revenue_to_output_2021", "hunan_park", "revenue_to_gross_output",
     "龙岭产业开发区财税收入与规模工业总产值之比", "Longling fiscal and tax revenue / gross output", "2021", 56, "high",
     ("park_longling_fiscal_tax_revenue_2021", "park_longling_gross_output_2021"), 2, "2.35",
     "财税收入, scope not stated."),
    ("park_longling_revenue_to_va_2021", "hunan_park", "revenue_to_value_added",
     "龙岭产业开发区财税收入与规模工业增加值之比", "Longling fiscal and tax revenue / value added", "2021", 56, "high",
     ("park_longling_fiscal_tax_revenue_2021", "park_longling_iva_2021"), 2, "", "财税收入, scope not stated."),
    ("park_cs_htz_revenue_to_output_2016", "hunan_park", "revenue_to_gross_output",
     "长沙高新区财政总收入与规模工业总产值之比", "Changsha HTZ total fiscal revenue / gross output", "2016", 17, "low",
     ("park_cs_htz_fiscal_revenue_total_2016", "park_cs_htz_gross_output_2016"), 2, "",
     "Both 预计 (estimates); 财政总收入 (full scope)."),
    ("park_yj_htz_tax_to_output_target_2023", "hunan_park", "tax_to_gross_output",
     "沅江高新区上缴工业税收与工业总产值之比(目标)", "Yuanjiang HTZ industrial taxes / gross output, targets", "2023",
     27, "medium", ("park_yj_htz_industrial_tax_target_2023", "park_yj_htz_gross_output_target_2023"), 2, "",
     "Ratio of two targets; taxes paid to all levels of government."),
    # H1 as a share of the year
    ("hn_gdp_h1_share_2024", "hunan", "gdp_h1_share", "上半年地区生产总值占全年比重", "H1 share of the year's GRP",
     "2024", 65, "high", ("hn_gdp_2024h1", "hn_gdp_2024"), 1, "46.1", "Current prices."),
    ("hn_gdp_h1_share_2025", "hunan", "gdp_h1_share", "上半年地区生产总值占全年比重", "H1 share of the year's GRP",
     "2025", "people_hn_2025h1", "medium", ("hn_gdp_2025h1", "hn_gdp_2025"), 1, "47.3",
     "Current prices; full year from the first release."),
    ("hn_industry_va_h1_share_2024", "hunan", "industry_va_h1_share", "上半年工业增加值占全年比重",
     "H1 share of the year's industrial value added", "2024", 64, "medium",
     ("hn_industry_va_2024h1", "0.293", "hn_gdp_2024"), 1, "45.2",
     "Full year = 29.3% x GRP (hn_industry_va_share_of_gdp_2024); the rounded share moves it by about 0.1pp."),
    ("hn_secondary_va_h1_share_2024", "hunan", "secondary_industry_va_h1_share", "上半年第二产业增加值占全年比重",
     "H1 share of the year's secondary-industry value added", "2024", 75, "medium",
     ("hn_secondary_va_2024h1", "hn_secondary_va_2024"), 1, "45.3", "Current prices."),
    ("hn_secondary_va_h1_share_2025", "hunan", "secondary_industry_va_h1_share", "上半年第二产业增加值占全年比重",
     "H1 share of the year's secondary-industry value added", "2025", 67, "medium",
     ("hn_secondary_va_2025h1", "hn_secondary_va_2025"), 1, "46.7",
     "Current prices; growth slowed from 6.2 (H1) to 4.1 (year), so this share follows a slowdown."),
    ("cn_gdp_h1_share_2022", "china", "gdp_h1_share", "上半年国内生产总值占全年比重", "H1 share of the year's GDP",
     "2022", 73, "low", ("562642", "1210207"), 1, "46.5",
     "Levels from the research notes (H1 562642, year 1210207), not in the quoted excerpt."),
    ("cn_gdp_h1_share_2023", "china", "gdp_h1_share", "上半年国内生产总值占全年比重", "H1 share of the year's GDP",
     "2023", 72, "low", ("593034", "1260582"), 1, "47.0",
     "Levels from the research notes (H1 593034, year 1260582), not in the quoted excerpt."),
    ("cn_gdp_h1_share_2024", "china", "gdp_h1_share", "上半年国内生产总值占全年比重", "H1 share of the year's GDP",
     "2024", 74, "low", ("cn_gdp_2024h1", "1349084"), 1, "45.7",
     "Full-year level 1349084 from the research notes (URL not recorded)."),
    ("cn_secondary_va_h1_share_2024", "china", "secondary_industry_va_h1_share", "上半年第二产业增加值占全年比重",
     "H1 share of the year's secondary-industry value added", "2024", 71, "low",
     ("cn_secondary_va_2024h1", "0.365", "1349084"), 1, "48.0",
     "Full year = 36.5% x GDP 1349084 (cn_secondary_va_share_of_gdp_2024); the rounded share moves it by about 0.2pp."),
    ("hn_gpb_revenue_h1_share_2017", "hunan", "gpb_revenue_full_scope_h1_share", "上半年一般公共预算收入(全口径)占全年比重",
     "H1 share of the year's full-scope revenue", "2017", 53, "high",
     ("hn_gpb_revenue_full_scope_2017h1", "hn_gpb_revenue_full_scope_2017"), 1, "",
     "Fiscal revenue is front-loaded: its H1 share is above that of output."),
    ("hn_local_gpb_revenue_h1_share_2017", "hunan", "local_gpb_revenue_h1_share", "上半年地方一般公共预算收入占全年比重",
     "H1 share of the year's local revenue", "2017", 53, "high",
     ("hn_local_gpb_revenue_2017h1", "hn_local_gpb_revenue_2017"), 1, "", ""),
    ("hn_local_gpb_revenue_h1_share_2025", "hunan", "local_gpb_revenue_h1_share", "上半年地方一般公共预算收入占全年比重",
     "H1 share of the year's local revenue", "2025", "people_hn_2025h1", "medium",
     ("hn_gpb_revenue_2025h1", "hn_gpb_revenue_2025"), 1, "", ""),
    # counts
    ("hn_national_htz_count_2022", "hunan", "national_htz_count", "国家高新区数量", "Number of national HTZs in Hunan",
     "2022-end", 44, "low", ("sum", "hn_national_htz_count_2020", "1"), 0, "9",
     "8 at the end of 2020 (hn_national_htz_count_2020) + 宁乡 (upgraded Dec 2022): 长沙, 株洲, 湘潭, 益阳, 衡阳, "
     "郴州, 常德, 怀化, 宁乡. 岳阳 is not a national HTZ."),
]

# Totals that must equal the sum of their parts exactly (checked on every run).
IDENTITIES: list[tuple[str, tuple[str, ...]]] = [
    ("city_changde_gpb_revenue_full_scope_m01_m05", ("city_changde_local_revenue_m01_m05",
                                                     "city_changde_central_shared_revenue_m01_m05",
                                                     "city_changde_provincial_shared_revenue_m01_m05")),
    ("hn_gpb_revenue_full_scope_2013", ("hn_local_revenue_2013", "hn_central_shared_revenue_2013")),
    ("hn_gpb_revenue_full_scope_2017h1", ("hn_local_gpb_revenue_2017h1", "hn_central_shared_revenue_2017h1")),
    ("cn_gpb_revenue_2018", ("cn_local_gpb_revenue_2018", "cn_central_gpb_revenue_2018")),
    ("cn_gpb_revenue_2022", ("cn_local_gpb_revenue_2022", "cn_central_gpb_revenue_2022")),
]


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


def _research_rows() -> list[dict[str, str]]:
    return _read_csv(RESEARCH_CSV)


def _research_text(row: dict[str, str]) -> str:
    """Every field of a research row that may hold a figure, without thousands separators."""
    fields = ("value", "growth_pct", "quote", "scope_note", "notes", "indicator")
    return " ".join(row[f] for f in fields).replace(",", "")


def evidence_sources(existing: list[dict[str, str]]) -> list[dict[str, str]]:
    """Source rows for the research URLs that ``sources.csv`` does not list by hand."""
    research = _research_rows()
    known = {s["url"] for s in existing if s["source_id"] not in EVIDENCE_SOURCES}
    rows = []
    for source_id, (index, publisher, trust, note) in EVIDENCE_SOURCES.items():
        r = research[index]
        if r["source_url"] in known:
            raise SystemExit(f"{source_id}: URL already in sources.csv: {r['source_url']}")
        dated = re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["source_date"]) is not None
        rows.append(dict(
            source_id=source_id, kind="web", title=r["source_title"], title_status="printed", authors="",
            authors_status="not applicable", publisher=publisher, publisher_status="inferred", section="",
            section_status="not applicable", date=r["source_date"], date_status="printed" if dated else "inferred",
            url=r["source_url"], url_status="printed", trust=trust,
            note=f"{note} Found by the peer/fiscal/seasonality research (row {index + 2} of peer_fiscal_seasonality.csv)."))
    return rows


def _source_for(spec: object, research: list[dict[str, str]], by_url: dict[str, dict[str, str]],
                by_id: dict[str, dict[str, str]]) -> tuple[int | None, dict[str, str]]:
    """(research index, source row) for a research index, an (index, source_id) pair or a source_id."""
    if isinstance(spec, tuple):
        index, source_id = spec
        return index, by_id[source_id]
    if isinstance(spec, str):
        return None, by_id[spec]
    assert isinstance(spec, int)
    url = research[spec]["source_url"]
    if url not in by_url:
        raise SystemExit(f"research row {spec}: URL not in sources.csv or EVIDENCE_SOURCES: {url}")
    return spec, by_url[url]


def evidence_rows(sources: list[dict[str, str]]) -> list[dict[str, str]]:
    """The rows of EVIDENCE, each checked against its research row."""
    research = _research_rows()
    by_url = {s["url"]: s for s in sources if s["url"]}
    by_id = {s["source_id"]: s for s in sources}
    rows = []
    for t in EVIDENCE:
        (spec, id_, region, indicator, zh, en, period, measure, value, unit, qualifier, basis, status,
         excerpt, note) = t[:15]
        index, src = _source_for(spec, research, by_url, by_id)
        assert index is not None
        r = research[index]
        if str(value).lstrip("-") not in _research_text(r) and (not excerpt or excerpt not in r["quote"]):
            raise SystemExit(f"{id_}: value {value} not found on research row {index}")
        rows.append(dict(
            id=id_, series="", region=region, indicator=indicator, label_zh=zh, label_en=en, period=period,
            measure=measure, value=value, unit=unit, qualifier=qualifier, basis=basis, status=status,
            trust=t[15] if len(t) > 15 else r["trust"], source_id=src["source_id"], source_date=src["date"],
            excerpt=excerpt, note=note))
    return rows


def _decimal(operand: str, values: dict[str, str]) -> Decimal:
    return Decimal(values[operand]) if operand in values else Decimal(operand)


def derived_rows(sources: list[dict[str, str]], earlier: list[dict[str, str]]) -> list[dict[str, str]]:
    """The rows of DERIVED, computed from ``earlier`` rows (or literal numbers)."""
    research = _research_rows()
    by_url = {s["url"]: s for s in sources if s["url"]}
    by_id = {s["source_id"]: s for s in sources}
    values = {r["id"]: r["value"] for r in earlier}
    rows = []
    for (id_, region, indicator, zh, en, period, spec, trust, operands, decimals, expected,
         extra) in DERIVED:
        _, src = _source_for(spec, research, by_url, by_id)
        if operands[0] == "sum":
            terms = operands[1:]
            value = sum((_decimal(o, values) for o in terms), Decimal(0))
            formula = " + ".join(f"{o} ({values[o]})" if o in values else str(o) for o in terms)
            measure, unit = "count", "家"
        else:
            numerator, *rest = operands
            denominator = Decimal(1)
            for o in rest:
                denominator *= _decimal(o, values)
            value = _decimal(numerator, values) / denominator * 100
            shown = [f"{o} ({values[o]})" if o in values else str(o) for o in operands]
            formula = f"{shown[0]} / ({' x '.join(shown[1:])}) x 100"
            measure, unit = "ratio", "%"
        text = str(value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))
        if expected and text != expected:
            raise SystemExit(f"{id_}: computed {text}, the research gives {expected}")
        note = f"DERIVED: {formula} = {text}." + (f" {extra}" if extra else "")
        rows.append(dict(
            id=id_, series="", region=region, indicator=indicator, label_zh=zh, label_en=en, period=period,
            measure=measure, value=text, unit=unit, qualifier="exact", basis="", status="derived", trust=trust,
            source_id=src["source_id"], source_date=src["date"], excerpt="", note=note))
    return rows


def check_identities(rows: list[dict[str, str]]) -> None:
    """Stop unless every total in IDENTITIES equals the sum of its parts (same unit)."""
    by_id = {r["id"]: r for r in rows}
    for total, parts in IDENTITIES:
        units = {by_id[p]["unit"] for p in (total, *parts)}
        if len(units) != 1:
            raise SystemExit(f"{total}: parts in different units {sorted(units)}")
        if Decimal(by_id[total]["value"]) != sum(Decimal(by_id[p]["value"]) for p in parts):
            raise SystemExit(f"{total}: not the sum of {', '.join(parts)}")


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


def _write_csv(rows: list[dict[str, str]], columns: tuple[str, ...] | list[str]) -> str:
    buf = io.StringIO(newline="")
    writer = csv.DictWriter(buf, fieldnames=list(columns), lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def render() -> tuple[str, str]:
    """The text of ``context.csv`` and of ``sources.csv``."""
    hand_sources = [s for s in _read_csv(SOURCES_CSV) if s["source_id"] not in EVIDENCE_SOURCES]
    sources = hand_sources + evidence_sources(hand_sources)
    rows = curated_rows(sources) + series_rows(sources) + evidence_rows(sources)
    rows += derived_rows(sources, rows)
    check(rows, sources)
    check_identities(rows)
    with SOURCES_CSV.open(encoding="utf-8", newline="") as fh:
        source_columns = next(csv.reader(fh))
    return _write_csv(rows, COLUMNS), _write_csv(sources, source_columns)


def main(argv: list[str]) -> int:
    context_text, sources_text = render()
    outputs = ((CONTEXT_CSV, context_text), (SOURCES_CSV, sources_text))
    if "--check" in argv:
        stale = [path for path, text in outputs
                 if not path.exists() or path.read_bytes() != text.encode("utf-8")]
        for path in stale:
            print(f"{path} is out of date; run python tools/curate_context.py")
        if not stale:
            print(f"{CONTEXT_CSV} and {SOURCES_CSV} are current")
        return 1 if stale else 0
    for path, text in outputs:
        path.write_bytes(text.encode("utf-8"))
        print(f"wrote {path} ({text.count(chr(10)) - 1} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
