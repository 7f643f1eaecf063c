"""Exhibits of notebook 06: 十五五 (2026–2030) scenarios, the Monte Carlo fan and its calibration.

Every exhibit here except the history table shows **model results** built on the
assumptions in ``data/scenarios.toml``; they are registered with
``is_projection=True``, draw projections dashed on a shaded background and say so
in a corner note.

The notebook's parameters (scenario file, number of paths, seed) reach the
exhibits through :func:`configure`; the report renders them with the defaults.

Sources. Tables cite the sources of every data row they use. Figures cite the
rows whose values they draw; the persistence ``phi`` of the fan comes from the
AR(1) fit shown in ``tab-mc-calibration``, whose rows (25 years of national
growth from 22 sources) are listed in the figure's ``context`` but left out of
its printed source line, which would otherwise not fit under a chart.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .. import montecarlo as mc
from .. import scenarios as sc
from . import check_lang, exhibit, tr

NOTEBOOK = "06_scenarios_2026_2030.ipynb"

LEVEL_INDICATORS = ("fiscal_revenue_total_2024", "fiscal_revenue_total_yoy_2024", "general_budget_revenue_2024",
                    "general_budget_revenue_yoy_2024", "value_added_2025h1", "gross_output_2025h1")
"""Article rows the jump-off levels come from."""

ASSUMPTION_INDICATORS = ("domestic_capital_2024", "fiscal_revenue_total_yoy_2024", "general_budget_revenue_yoy_2024",
                         "gross_output_2025h1", "gross_output_yoy_2025h1", "industrial_value_added_yoy_2024",
                         "signed_projects_2024", "value_added_2025h1", "value_added_yoy_2025h1")
"""Article rows cited in the rationales of data/scenarios.toml."""

ASSUMPTION_CONTEXT = ("cn_gdp_growth_target_2026_high", "cn_gdp_growth_target_2026_low",
                      "cn_gdp_pc_doubling_target_2035", "cn_gdp_pc_growth_implied_2021_2035",
                      "cn_potential_growth_2026_2030", "cn_potential_growth_2031_2035", "hn_gdp_2025", "hn_gdp_2025h1",
                      "hn_gpb_revenue_growth_2025", "hn_gpb_revenue_growth_2025h1", "hn_gpb_revenue_growth_like_2025",
                      "hn_iva_growth_2024", "hn_iva_growth_2025", "hn_iva_growth_2025h1",
                      "nhtz_gross_output_growth_2024", "s_cn_gpb_revenue_growth_2025", "zone_gross_output_2021")
"""Context rows cited in data/scenarios.toml (a test checks this against the file)."""

ASSUMPTION_SOURCES = ("article", "am730_cn_15fyp", "cnyes_cn_gwr_2026", "feifmx_baichongen_2020",
                      "hlunet_hn_gwr_2026", "lygmedia_nhtz_2024", "people_en_cn_fiscal_2026_01_30",
                      "people_hn_2025h1", "shushuxiu_hn_2025", "yiyang_gov_zone_projects_2022",
                      "zjjnews_hn_2025_plan")
"""Sources of those rows."""

JUMPOFF_CONTEXT = ("hn_gdp_2025", "hn_gdp_2025h1", "hn_gpb_revenue_growth_2025", "hn_gpb_revenue_growth_2025h1",
                   "hn_gpb_revenue_growth_like_2025")
JUMPOFF_SOURCES = ("article", "hlunet_hn_gwr_2026", "people_hn_2025h1", "shushuxiu_hn_2025")
"""Rows and sources behind the 2025 jump-off assumptions."""

TARGET_CONTEXT = ("cn_gdp_pc_doubling_target_2035", "cn_gdp_pc_growth_implied_2021_2035", "zone_gross_output_2021")
TARGET_SOURCES = ("am730_cn_15fyp", "yiyang_gov_zone_projects_2022")
"""Rows and sources the targets cite (one national growth rate enters a target level)."""

CALIBRATION_CONTEXT = tuple(f"s_cn_iva_above_scale_growth_{year}" for year in range(2000, 2026) if year != 2005)
"""The benchmark series of the AR(1) fit: China's above-scale industrial value added growth (no 2005 row)."""

CALIBRATION_SOURCES = ("brecorder_cn_2004_01_21", "ccpit_cn_industry_2009", "chinadaily_cn_iva_2008_01_24",
                       "chinadaily_cn_iva_2015_01_20", "chinaorg_cn_in_figures_2002", "chinaorg_cn_iva_2001_01",
                       "chinaorg_cn_iva_2003_02", "domainb_cn_2011_01_20", "ecns_cn_iva_2016_01_19",
                       "ecns_cn_iva_2018_01_18", "globaltimes_cn_iva_2017_01_20", "govcn_en_cn_2020_01_17",
                       "jctrans_cn_iva_2007_03_15", "keyanhelp_cn_iva_2010_01_21", "nationthailand_cn_2022_01_17",
                       "people_en_cn_2013_01_18", "people_en_cn_2025_01_17", "people_en_cn_iva_2023_01_17",
                       "scio_en_cn_iva_2021_01_18", "tradingeconomics_cn_2013_01_18", "ttm_cn_2026_01_26",
                       "ukranews_cn_2024_01_17")
"""Sources of the benchmark series."""

LIMITS_INDICATORS = LEVEL_INDICATORS + ("towns_transferred_2024", "subdistricts_transferred_2024")
LIMITS_CONTEXT = ("zone_fiscal_tax_revenue_2018", "zone_gross_output_2021") + CALIBRATION_CONTEXT
LIMITS_SOURCES = ("article", "m5051903_zone_profile", "yiyang_gov_zone_projects_2022") + CALIBRATION_SOURCES

PROJECTION_TAG = ("模型结果，非原文数字；虚线与阴影为预测", "Model result, not printed figures; dashed and shaded = projection")

BASIS_LABELS = {
    sc.BASIS_IMPLIED: ("由2024年数值与增速推算", "implied from 2024 level and growth"),
    sc.BASIS_REPORTED: ("原文数字", "printed in the article"),
    sc.BASIS_ESTIMATE_H1: ("由2025年1-6月数估算", "estimate from 2025H1"),
    sc.BASIS_PROJECTION_2025: ("预测（无2025年数字）", "projection (no 2025 print)"),
    sc.BASIS_SCENARIO: ("情景预测", "scenario projection"),
}
"""The ``basis`` words of :func:`ygx_analysis.scenarios.project` → (zh, en)."""

GLIDE_LABELS = {"linear": ("线性", "linear"), "front_loaded": ("前快后慢", "front-loaded"),
                "back_loaded": ("前慢后快", "back-loaded"), "constant": ("不变", "constant")}

ASSUMPTION_NAMES = {"growth_pct": ("2025年增速（%）", "2025 growth (%)"),
                    "h1_share": ("上半年占全年比重", "H1 share of the year")}

SCENARIO_COLOURS = {"low": "#b0413e", "base": "#1f5fa8", "high": "#3a9a5b"}






# ---------------------------------------------------------------------------
# settings from the notebook's parameters, and the cached model run
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class FanSettings:
    """What the notebook's parameters set: scenario file, paths and seed."""

    config: str | None = None
    n_paths: int = mc.DEFAULT_PATHS
    seed: int = mc.DEFAULT_SEED


_current = [FanSettings()]


def configure(config: str | os.PathLike[str] | None = None, n_paths: int = mc.DEFAULT_PATHS,
              seed: int = mc.DEFAULT_SEED) -> FanSettings:
    """Set the scenario file, number of paths and seed the exhibits of this module use.

    The file is checked at once, so a bad file fails here with its one-line message.
    """
    if isinstance(n_paths, bool) or not isinstance(n_paths, (int, np.integer)) or n_paths < 1:
        raise ValueError("n_paths: must be a whole number of at least 1")
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError("seed: must be a non-negative whole number")
    settings = FanSettings(None if config is None else str(config), int(n_paths), int(seed))
    sc.load_scenarios(settings.config)
    _current[0] = settings
    return settings


def current_settings() -> FanSettings:
    """The settings in use."""
    return _current[0]


@dataclass(frozen=True)
class Model:
    """One cached run: the scenario file, the deterministic paths, the AR(1) fit and the fan."""

    settings: FanSettings
    spec: sc.ScenarioSet
    projection: pd.DataFrame
    summary: pd.DataFrame
    targets: pd.DataFrame
    fit: mc.AR1Fit
    fan: mc.MonteCarloResult

    @property
    def fan_scenario(self) -> str:
        """The scenario the fan chart shows: 'base' when there is one, else the first."""
        return "base" if "base" in self.spec.scenarios else next(iter(self.spec.scenarios))


def _file_key(config: str | None) -> tuple[str, int]:
    path = Path(config) if config is not None else sc.default_scenarios_path()
    return str(path.resolve()), path.stat().st_mtime_ns if path.exists() else 0


@lru_cache(maxsize=1)
def _benchmark_fit() -> mc.AR1Fit:
    return mc.fit_benchmark()


@lru_cache(maxsize=4)
def _model_for(settings: FanSettings, file_key: tuple[str, int]) -> Model:
    spec = sc.load_scenarios(settings.config)
    projection = sc.project(spec)
    fit = _benchmark_fit()
    fan = mc.simulate(spec, fit=fit, n_paths=settings.n_paths, seed=settings.seed)
    return Model(settings, spec, projection, sc.plan_period_summary(projection), sc.target_levels(spec), fit, fan)


def model() -> Model:
    """The run for the current settings (computed once per settings and file version)."""
    settings = current_settings()
    return _model_for(settings, _file_key(settings.config))


# ---------------------------------------------------------------------------
# tables
# ---------------------------------------------------------------------------

def _fmt_range(default: float, low: float, high: float, name: str) -> str:
    fmt = "{:.2f}" if name == "h1_share" else "{:.1f}"
    return f"{fmt.format(default)} ({fmt.format(low)}–{fmt.format(high)})"


@exhibit("tab-scenario-jumpoff", kind="table", notebook=NOTEBOOK,
         caption_zh="起点：2023—2024年（原文及推算）与2025年（预测或由上半年估算），及2025年假设与范围",
         caption_en="The starting point: 2023–2024 (printed and implied) and 2025 (projected or estimated from "
                    "January–June), with the 2025 assumption and its range",
         sources=JUMPOFF_SOURCES, indicators=LEVEL_INDICATORS, context=JUMPOFF_CONTEXT, is_projection=True)
def jumpoff_table(lang: str = "zh") -> pd.DataFrame:
    """History and the 2025 jump-off level of each indicator, with the basis of every value."""
    check_lang(lang)
    m = model()
    j = sc.jumpoff(m.spec)
    a = sc.jumpoff_assumptions(m.spec).set_index("indicator")
    rows = []
    for r in j.itertuples(index=False):
        ind = m.spec.indicators[r.indicator]
        is_2025 = r.year == sc.BASE_YEAR
        rows.append({
            "indicator": ind.label(lang), "year": r.year, "value": round(r.value, 2),
            "range_2025": f"{r.low:.2f}–{r.high:.2f}" if is_2025 else "",
            "basis": tr(*BASIS_LABELS[r.basis], lang),
            "assumption": (f"{tr(*ASSUMPTION_NAMES[a.loc[r.indicator, 'assumption']], lang)}: "
                           + _fmt_range(a.loc[r.indicator, "default"], a.loc[r.indicator, "low"],
                                        a.loc[r.indicator, "high"], a.loc[r.indicator, "assumption"]))
            if is_2025 else "",
            "rows": r.row_ids,
        })
    table = pd.DataFrame(rows)
    if lang == "zh":
        table = table.rename(columns={"indicator": "指标", "year": "年份", "value": "数值（亿元）",
                                      "range_2025": "2025年范围", "basis": "依据", "assumption": "假设",
                                      "rows": "数据行"})
    else:
        table = table.rename(columns={"value": "value (亿元)", "range_2025": "2025 range", "rows": "data rows"})
    return table


@exhibit("tab-scenario-assumptions", kind="table", notebook=NOTEBOOK,
         caption_zh="情景假设：各指标起止增速、过渡方式、年增速标准差、理由与依据数据行（data/scenarios.toml）",
         caption_en="Scenario assumptions: start and end growth, glide, sd of a year's growth, rationale and the data "
                    "rows it rests on (data/scenarios.toml)",
         sources=ASSUMPTION_SOURCES, indicators=ASSUMPTION_INDICATORS, context=ASSUMPTION_CONTEXT,
         is_projection=True)
def assumptions_table(lang: str = "zh") -> pd.DataFrame:
    """Every scenario assumption, one row per scenario and indicator."""
    check_lang(lang)
    m = model()
    a = sc.assumptions_table(m.spec)
    table = pd.DataFrame({
        "scenario": [m.spec.scenarios[s].label(lang) for s in a["scenario"]],
        "indicator": [m.spec.indicators[i].label(lang) for i in a["indicator"]],
        "start_growth_pct": a["start_growth_pct"], "end_growth_pct": a["end_growth_pct"],
        "glide": [tr(*GLIDE_LABELS[g], lang) for g in a["glide"]], "sd_pct": a["sd_pct"],
        "rationale": a["rationale"], "refs": a["refs"],
    })
    if lang == "zh":
        table = table.rename(columns={"scenario": "情景", "indicator": "指标", "start_growth_pct": "起始增速（%）",
                                      "end_growth_pct": "末年增速（%）", "glide": "过渡方式",
                                      "sd_pct": "年增速标准差（百分点）", "rationale": "理由（英文）",
                                      "refs": "依据数据行"})
    else:
        table = table.rename(columns={"start_growth_pct": "start growth (%)", "end_growth_pct": "end growth (%)",
                                      "sd_pct": "sd (pp)", "refs": "data rows"})
    return table


@exhibit("tab-plan-period-summary", kind="table", notebook=NOTEBOOK,
         caption_zh="“十五五”期间小结：2030年水平、2025—2030年年均增速、2026—2030年累计、相当于2025年的倍数，"
                    "及蒙特卡洛2030年P5—P95（模型结果，非原文数字）",
         caption_en="The plan period at a glance: 2030 level, 2025–2030 CAGR, 2026–2030 cumulative total, multiple "
                    "of 2025, and the Monte Carlo P5–P95 for 2030 (model results, not printed figures)",
         sources=("article",), indicators=LEVEL_INDICATORS, context=CALIBRATION_CONTEXT, is_projection=True)
def plan_summary_table(lang: str = "zh") -> pd.DataFrame:
    """:func:`~ygx_analysis.scenarios.plan_period_summary` with the fan's range in the last year, rounded."""
    check_lang(lang)
    m = model()
    s = m.summary
    q = m.fan.quantiles
    end = q[(q["measure"] == "level") & (q["year"] == m.spec.last_year)].set_index(["scenario", "indicator"])
    key = list(zip(s["scenario"], s["indicator"], strict=True))
    table = pd.DataFrame({
        "scenario": [m.spec.scenarios[k].label(lang) for k in s["scenario"]],
        "indicator": [m.spec.indicators[k].label(lang) for k in s["indicator"]],
        "level_2025": s["level_2025"].round(2),
        "level_end": s["level_end"].round(2),
        "cagr_pct": s["cagr_pct"].round(2),
        "cumulative": s["cumulative"].round(1),
        "multiple_of_2025": s["multiple_of_2025"].round(3),
        "p05_end": end.loc[key, "p05"].round(2).to_numpy(),
        "p95_end": end.loc[key, "p95"].round(2).to_numpy(),
    })
    first, last = m.spec.years[0], m.spec.last_year
    if lang == "zh":
        names = {"scenario": "情景", "indicator": "指标", "level_2025": "2025年（亿元）",
                 "level_end": f"{last}年（亿元）", "cagr_pct": f"2025—{last}年年均增速（%）",
                 "cumulative": f"{first}—{last}年累计（亿元）", "multiple_of_2025": "为2025年的倍数",
                 "p05_end": f"{last}年P5", "p95_end": f"{last}年P95"}
    else:
        names = {"level_2025": "2025 (亿元)", "level_end": f"{last} (亿元)", "cagr_pct": f"CAGR 2025–{last} (%)",
                 "cumulative": f"cumulative {first}–{last} (亿元)", "multiple_of_2025": "multiple of 2025",
                 "p05_end": f"{last} P5", "p95_end": f"{last} P95"}
    return table.rename(columns=names)


@exhibit("tab-required-growth", kind="table", notebook=NOTEBOOK,
         caption_zh="达到各目标所需的年均增速（自2025年起），及各情景下蒙特卡洛达标概率（目标多为示意）",
         caption_en="Growth a year needed from 2025 to reach each target, and the Monte Carlo probability of reaching "
                    "it under each scenario (most targets are illustrative)",
         sources=("article",) + TARGET_SOURCES, indicators=LEVEL_INDICATORS,
         context=TARGET_CONTEXT + CALIBRATION_CONTEXT, is_projection=True)
def required_growth_table(lang: str = "zh") -> pd.DataFrame:
    """One row per target: its level, the required CAGR and the probability per scenario."""
    check_lang(lang)
    m = model()
    t = m.targets
    p = m.fan.target_probabilities.pivot(index="target", columns="scenario", values="probability")
    table = pd.DataFrame({
        "target": t["label_zh"] if lang == "zh" else t["label_en"],
        "year": t["year"],
        "target_value": t["target_value"].round(2),
        "level_2025": t["level_2025"].round(2),
        "required_cagr_pct": t["required_cagr_pct"].round(2),
    })
    for s in m.spec.scenarios:
        values = p.loc[t["target"], s].to_numpy() * 100
        label = m.spec.scenarios[s].label(lang)
        table[tr(f"达标概率·{label}（%）", f"P(reach) {label} (%)", lang)] = np.round(values, 1)
    notes = m.fan.target_probabilities.drop_duplicates("target").set_index("target")["note"]
    table["note"] = [tr("超出模拟年份" if notes[k] else "", notes[k], lang) for k in t["target"]]
    table["source"] = t["source"]
    if lang == "zh":
        table = table.rename(columns={"target": "目标", "year": "年份", "target_value": "目标值（亿元）",
                                      "level_2025": "2025年（亿元）", "required_cagr_pct": "所需年均增速（%）",
                                      "note": "说明", "source": "出处（英文）"})
    else:
        table = table.rename(columns={"target_value": "target (亿元)", "level_2025": "2025 (亿元)",
                                      "required_cagr_pct": "required CAGR (%)"})
    return table


@exhibit("tab-mc-calibration", kind="table", notebook=NOTEBOOK,
         caption_zh="蒙特卡洛校准：全国规模以上工业增加值增速偏差的AR(1)拟合（去线性趋势为所用设定，去均值为对照）",
         caption_en="Monte Carlo calibration: AR(1) fits to deviations of China's above-scale industrial value added "
                    "growth (linear detrending is used; the mean is shown for comparison)",
         sources=CALIBRATION_SOURCES, context=CALIBRATION_CONTEXT)
def calibration_table(lang: str = "zh") -> pd.DataFrame:
    """:func:`~ygx_analysis.montecarlo.calibration_table` with the fit in use marked."""
    check_lang(lang)
    m = model()
    c = mc.calibration_table()
    used = c["detrend"] == m.fit.detrend
    table = pd.DataFrame({
        "detrend": [tr({"linear": "去线性趋势", "mean": "去均值"}[d], d, lang) for d in c["detrend"]],
        "years": [f"{a}–{b}" for a, b in zip(c["first_year"], c["last_year"], strict=True)],
        "n_obs": c["n_obs"], "n_missing": c["n_missing"],
        "phi": c["phi"].round(3), "phi_se": c["phi_se"].round(3),
        "sigma": c["sigma"].round(3), "stationary_sd": c["stationary_sd"].round(3), "aic": c["aic"].round(2),
        "used": [tr("是" if u else "否", "yes" if u else "no", lang) for u in used],
    })
    if lang == "zh":
        table = table.rename(columns={"detrend": "去趋势方式", "years": "年份", "n_obs": "观测数",
                                      "n_missing": "缺失年数", "phi": "φ", "phi_se": "φ标准误",
                                      "sigma": "新息标准差（百分点）", "stationary_sd": "平稳标准差（百分点）",
                                      "aic": "AIC", "used": "采用"})
    else:
        table = table.rename(columns={"phi": "φ", "phi_se": "φ s.e.", "sigma": "innovation sd (pp)",
                                      "stationary_sd": "stationary sd (pp)", "aic": "AIC"})
    return table


@exhibit("tab-mc-ar1-params", kind="table", notebook=NOTEBOOK,
         caption_zh="所用AR(1)拟合的参数、标准误与95%区间（statsmodels ARIMA，卡尔曼滤波跳过缺失年份）",
         caption_en="Parameters of the AR(1) fit in use, with standard errors and 95% intervals (statsmodels ARIMA; "
                    "the Kalman filter skips the missing year)",
         sources=CALIBRATION_SOURCES, context=CALIBRATION_CONTEXT)
def ar1_params_table(lang: str = "zh") -> pd.DataFrame:
    """:meth:`~ygx_analysis.montecarlo.AR1Fit.to_frame` of the fit in use, rounded."""
    check_lang(lang)
    f = model().fit.to_frame()
    labels = {"intercept": ("截距（末年趋势值，%）", "intercept (trend in last year, %)"),
              "trend": ("趋势（百分点/年）", "trend (pp a year)"), "phi": ("φ（持续性）", "φ (persistence)"),
              "sigma2": ("新息方差", "innovation variance")}
    table = pd.DataFrame({"parameter": [tr(*labels[p], lang) for p in f["parameter"]],
                          "estimate": f["estimate"].round(4), "std_err": f["std_err"].round(4),
                          "ci_low": f["ci_low"].round(4), "ci_high": f["ci_high"].round(4)})
    if lang == "zh":
        table = table.rename(columns={"parameter": "参数", "estimate": "估计值", "std_err": "标准误",
                                      "ci_low": "95%下限", "ci_high": "95%上限"})
    return table


PHI_SENSITIVITY_PATHS = 10_000
"""Paths per run of the φ sensitivity table (five runs of one scenario)."""


@exhibit("tab-fan-phi-sensitivity", kind="table", notebook=NOTEBOOK,
         caption_zh="φ有多重要：基准情景2030年P5—P95区间宽度（相对中位数），φ取0、拟合值及其95%区间两端"
                    "（模型结果，非原文数字）",
         caption_en="How much φ matters: width of the base scenario's 2030 P5–P95 range relative to its median, for "
                    "φ = 0, the fitted value and the ends of its 95% interval (model results, not printed figures)",
         sources=("article",) + CALIBRATION_SOURCES, indicators=LEVEL_INDICATORS, context=CALIBRATION_CONTEXT,
         is_projection=True)
def phi_sensitivity_table(lang: str = "zh") -> pd.DataFrame:
    """(P95 − P5) / P50 in the last year for several φ, same seed (common random numbers)."""
    check_lang(lang)
    m = model()
    fit = m.fit.to_frame().set_index("parameter")
    phis = {"0": 0.0, "ci_low": float(fit.loc["phi", "ci_low"]), "fitted": m.fit.phi,
            "ci_high": float(fit.loc["phi", "ci_high"])}
    phis = {k: float(np.clip(v, -0.99, 0.99)) for k, v in phis.items()}   # keep inside (-1, 1)
    inputs = mc.fan_inputs(m.spec, scenarios=m.fan_scenario)
    rows = {}
    for key, phi in phis.items():
        r = mc.simulate(inputs=inputs, phi=phi, n_paths=PHI_SENSITIVITY_PATHS, seed=m.settings.seed)
        q = r.quantiles
        end = q[(q["measure"] == "level") & (q["year"] == m.spec.last_year)].set_index("indicator")
        rows[key] = ((end["p95"] - end["p05"]) / end["p50"] * 100).round(1)
    names = {"0": tr("φ=0（各年独立）", "φ = 0 (independent years)", lang),
             "ci_low": tr(f"φ={phis['ci_low']:.2f}（95%下限）", f"φ = {phis['ci_low']:.2f} (95% low)", lang),
             "fitted": tr(f"φ={phis['fitted']:.2f}（拟合值）", f"φ = {phis['fitted']:.2f} (fitted)", lang),
             "ci_high": tr(f"φ={phis['ci_high']:.2f}（95%上限）", f"φ = {phis['ci_high']:.2f} (95% high)", lang)}
    table = pd.DataFrame({names[k]: v for k, v in rows.items()})
    table.index = [m.spec.indicators[i].label(lang) for i in table.index]
    table.index.name = tr("指标（P95−P5占P50的%）", "indicator ((P95 − P5) as % of P50)", lang)
    return table.reset_index()


def limits_reading(lang: str = "zh") -> pd.DataFrame:
    """A plain reading of what the projections cannot carry, with the numbers taken from the data and fit."""
    check_lang(lang)
    m = model()
    j = sc.jumpoff(m.spec)
    a = sc.jumpoff_assumptions(m.spec).set_index("indicator")
    n_fiscal = int((~j[j["indicator"] == "fiscal_revenue_total"]["is_projection"]).sum()) \
        if "fiscal_revenue_total" in m.spec.indicators else 0
    go = j[(j["indicator"] == "gross_output") & (j["year"] == sc.BASE_YEAR)] \
        if "gross_output" in m.spec.indicators else None
    fit = m.fit.to_frame().set_index("parameter")
    items = [
        (("数据点很少", "Few data points"),
         (f"高新区财政收入只有{n_fiscal}个年度水平（2023年为推算，2024年为原文）；规模工业总产值和增加值只有2025年1-6月"
          "一个半年数。所有路径都从一个点出发，情景增速是以湖南省和全国数字为锚的判断，而不是用高新区自身历史估计出来的。",
          f"The zone's fiscal revenue has {n_fiscal} annual levels (2023 implied, 2024 printed); gross output and "
          "value added have a single half-year print (Jan–Jun 2025). Every path starts from one point, and the "
          "scenario growth rates are judgements anchored on Hunan and national figures, not estimates from the "
          "zone's own history.")),
    ]
    if go is not None and not go.empty and "gross_output" in a.index:
        share = a.loc["gross_output"]
        lo, hi = float(go["low"].iloc[0]), float(go["high"].iloc[0])
        items.append((("2025年并非观测值", "2025 is not observed"),
                      (f"财政收入的2025年水平是预测（原文没有2025年数字）；工业的2025年水平由上半年数除以上半年占比估算，"
                       f"占比取{share['default']:.2f}（范围{share['low']:.2f}—{share['high']:.2f}），"
                       f"仅此一项就使2025年规模工业总产值在{lo:.0f}亿元至{hi:.0f}亿元之间变动。",
                       f"The 2025 fiscal levels are projections (the article prints no 2025 figure); the 2025 "
                       f"industrial levels are January–June divided by an assumed H1 share of {share['default']:.2f} "
                       f"(range {share['low']:.2f}–{share['high']:.2f}), which alone moves 2025 gross output "
                       f"between {lo:.0f} and {hi:.0f}亿元.")))
    items += [
        (("口径断点", "Definitional breaks"),
         ("较早的高新区数字不与这些路径相接：2018年“财税收入”（zone_fiscal_tax_revenue_2018）与“财政总收入”不是同一口径；"
          "2021年规模工业总产值（zone_gross_output_2021）是改革前的范围；2024年改革移交了“一镇两街道”"
          "（towns_transferred_2024、subdistricts_transferred_2024）。因此路径只从2023—2025年起算。",
          "Earlier zone figures are not joined to these paths: the 2018 财税收入 (zone_fiscal_tax_revenue_2018) is "
          "not the same measure as 财政总收入; the 2021 gross output (zone_gross_output_2021) is on the pre-reform "
          "scope; the 2024 reform handed over one town and two subdistricts (towns_transferred_2024, "
          "subdistricts_transferred_2024). The paths therefore start in 2023–2025 only.")),
        (("价格口径", "Prices"),
         ("增加值按可比价增速推算，路径为2025年价格；财政收入为名义值；原文未说明总产值增速是现价还是可比价。"
          "以亿元表示的目标只能与同一口径的路径比较。",
          "Value added grows at real (comparable-price) rates, so its path is in 2025 prices; fiscal revenue is "
          "nominal; the article does not say whether gross-output growth is at current or comparable prices. A "
          "target in 亿元 compares only with a path on the same basis.")),
        (("校准", "Calibration"),
         (f"持续性φ={m.fit.phi:.2f}（标准误{float(fit.loc['phi', 'std_err']):.2f}，95%区间"
          f"{float(fit.loc['phi', 'ci_low']):.2f}至{float(fit.loc['phi', 'ci_high']):.2f}）来自全国规模以上工业"
          f"{m.fit.first_year}—{m.fit.last_year}年的{m.fit.n_obs}个年度增速（缺{m.fit.n_missing}年），不是高新区自己的数据；"
          "每年增速的标准差是data/scenarios.toml中的判断。",
          f"The persistence φ = {m.fit.phi:.2f} (standard error {float(fit.loc['phi', 'std_err']):.2f}, 95% "
          f"interval {float(fit.loc['phi', 'ci_low']):.2f} to {float(fit.loc['phi', 'ci_high']):.2f}) comes from "
          f"{m.fit.n_obs} years of national above-scale industrial growth ({m.fit.first_year}–{m.fit.last_year}, "
          f"{m.fit.n_missing} missing), not from the zone; the sd of each year's growth is a judgement in "
          "data/scenarios.toml.")),
        (("指标之间相互独立", "Indicators drawn independently"),
         ("模拟中各指标的冲击相互独立，现实中财政收入与工业产出同向变动；不要把不同指标的分位数相加。",
          "Each indicator gets its own shocks in the simulation, whereas in reality revenue and output move "
          "together; do not add quantiles across indicators.")),
        (("目标", "Targets"),
         ("未找到高新区、益阳市或湖南省“十五五”的数值目标；国家“十五五”规划对经济增速逐年提出、不设五年数值。"
          "因此除“全国人均翻番所需增速”一项外，表中目标均为示意。",
          "No numeric 15th-plan targets were found for the zone, Yiyang or Hunan; the national plan sets growth "
          "year by year, with no five-year number. Apart from the national per-capita doubling pace, the targets "
          "are therefore illustrative.")),
    ]
    return pd.DataFrame({tr("局限", "limit", lang): [tr(*t, lang) for t, _ in items],
                         tr("说明", "reading", lang): [tr(*r, lang) for _, r in items]})


@exhibit("tab-scenario-limits", kind="table", notebook=NOTEBOOK,
         caption_zh="这些预测不能说明什么：数据点少、口径断点、价格口径、校准与目标",
         caption_en="What these projections cannot tell: few data points, definitional breaks, prices, calibration "
                    "and targets",
         sources=LIMITS_SOURCES, indicators=LIMITS_INDICATORS, context=LIMITS_CONTEXT)
def limits_table(lang: str = "zh") -> pd.DataFrame:
    """The registered table of :func:`limits_reading`."""
    return limits_reading(lang)


# ---------------------------------------------------------------------------
# figures
# ---------------------------------------------------------------------------

def _axes_list(axes) -> list:
    return list(np.asarray(axes).ravel())


def _draw_history(ax, j: pd.DataFrame, lang: str, *, label: bool) -> None:
    """Printed and implied levels as markers; the 2025 jump-off as a diamond with its range."""
    hist = j[~j["is_projection"]]
    if not hist.empty:
        ax.plot(hist["year"], hist["value"], color="#333333", linewidth=1.4, zorder=3)
        for r in hist.itertuples(index=False):
            filled = r.basis == sc.BASIS_REPORTED
            ax.plot(r.year, r.value, marker="o", markersize=6, color="#333333",
                    markerfacecolor="#333333" if filled else "white", zorder=4,
                    label=(tr(*BASIS_LABELS[r.basis], lang) if label else None))
    start = j[j["year"] == sc.BASE_YEAR]
    for r in start.itertuples(index=False):
        ax.errorbar(r.year, r.value, yerr=[[r.value - r.low], [r.high - r.value]], fmt="D", markersize=6,
                    color="#6b6b6b", markerfacecolor="white", capsize=3, zorder=5,
                    label=(tr("2025年（预测或估算，含范围）", "2025 (projected or estimated, with range)", lang)
                           if label else None))


def _fix_y_ticks(ax) -> None:
    """Freeze the current y-limits and the ticks inside them.

    Fixed ticks keep the same tick objects through every layout pass, so no tick
    label left over from an earlier pass sits, undrawn, under the source line.
    """
    from matplotlib.ticker import MaxNLocator

    low, high = ax.get_ylim()
    ticks = MaxNLocator(nbins=6).tick_values(low, high)
    ax.set_yticks(ticks[(ticks >= low) & (ticks <= high)])
    ax.set_ylim(low, high)


def _shade_projection(ax, last_year: int) -> None:
    ax.axvspan(sc.BASE_YEAR - 0.5, last_year + 0.5, color="#eeeeee", zorder=0)


def _ylabel(ind: sc.IndicatorSpec, lang: str) -> str:
    basis = {"nominal": ("现价", "current prices"), "real (2025 prices)": ("2025年价格", "2025 prices")}
    extra = basis.get(ind.price_basis)
    unit = ind.unit + (f"（{extra[0]}）" if lang == "zh" else f" ({extra[1]})") if extra else ind.unit
    return unit


@exhibit("fig-scenario-paths", kind="figure", notebook=NOTEBOOK,
         caption_zh="各指标的起点与三种情景路径（2026—2030年为情景预测，虚线；模型结果，非原文数字）",
         caption_en="Each indicator's starting point and the scenario paths (2026–2030 are scenario projections, "
                    "dashed; model results, not printed figures)",
         sources=("article",), indicators=LEVEL_INDICATORS, is_projection=True)
def scenario_paths_figure(lang: str = "zh"):
    """One panel per indicator: history markers, the 2025 range, one dashed line per scenario."""
    from ..plotting import PALETTE, PROJECTION_STYLE, add_projection_note, new_figure

    check_lang(lang)
    m = model()
    n = len(m.spec.indicators)
    ncols = 2 if n > 1 else 1
    nrows = -(-n // ncols)
    fig, axes = new_figure((10.0, 3.6 * nrows + 0.6), nrows=nrows, ncols=ncols)
    axes = _axes_list(axes)
    history = sc.jumpoff(m.spec)
    for k, (ax, (iname, ind)) in enumerate(zip(axes, m.spec.indicators.items(), strict=False)):
        _shade_projection(ax, m.spec.last_year)
        j = history[history["indicator"] == iname]
        _draw_history(ax, j, lang, label=(k == 0))
        for c, (sname, scen) in enumerate(m.spec.scenarios.items()):
            p = m.projection[(m.projection["scenario"] == sname) & (m.projection["indicator"] == iname)
                             & (m.projection["year"] >= sc.BASE_YEAR)]
            ax.plot(p["year"], p["value"], color=SCENARIO_COLOURS.get(sname, PALETTE[c % len(PALETTE)]),
                    linewidth=1.8, label=scen.label(lang) if k == 0 else None, **PROJECTION_STYLE)
        ax.set_title(ind.label(lang))
        ax.set_ylabel(_ylabel(ind, lang))
        ax.set_xticks(range(sc.BASE_YEAR - 2, m.spec.last_year + 1))
        _fix_y_ticks(ax)
        add_projection_note(ax, tr(*PROJECTION_TAG, lang))
    for ax in axes[n:]:
        ax.set_visible(False)
    axes[0].legend(loc="upper left", bbox_to_anchor=(0.0, 0.93), fontsize=7)
    fig.suptitle(tr("益阳高新区“十五五”情景：起点与路径", "Yiyang High-tech Zone, 15th plan scenarios: start and paths",
                    lang))
    return fig


@exhibit("fig-scenario-fan", kind="figure", notebook=NOTEBOOK,
         caption_zh="基准情景的蒙特卡洛扇形图：P5—P95与P25—P75区间、中位数与目标（φ见tab-mc-calibration；"
                    "模型结果，非原文数字）",
         caption_en="Monte Carlo fan of the base scenario: P5–P95 and P25–P75 bands, median and targets (φ from "
                    "tab-mc-calibration; model results, not printed figures)",
         sources=("article",), indicators=LEVEL_INDICATORS, context=CALIBRATION_CONTEXT, is_projection=True)
def fan_figure(lang: str = "zh"):
    """One panel per indicator: the fan of the base scenario from the 2025 jump-off to the last year.

    Targets given as a level or a multiple of 2025 are marked with their probability; a target
    built on a context row (the national pace) is left to ``tab-required-growth``, which cites it.
    """
    from ..plotting import PROJECTION_STYLE, add_projection_note, new_figure

    check_lang(lang)
    m = model()
    sname = m.fan_scenario
    colour = SCENARIO_COLOURS.get(sname, "#1f5fa8")
    n = len(m.spec.indicators)
    ncols = 2 if n > 1 else 1
    nrows = -(-n // ncols)
    fig, axes = new_figure((10.0, 3.6 * nrows + 0.6), nrows=nrows, ncols=ncols)
    axes = _axes_list(axes)
    history = sc.jumpoff(m.spec)
    probs = m.fan.target_probabilities
    for k, (ax, (iname, ind)) in enumerate(zip(axes, m.spec.indicators.items(), strict=False)):
        _shade_projection(ax, m.spec.last_year)
        f = m.fan.fan(sname, iname)
        years = f.index.to_numpy()
        ax.fill_between(years, f["p05"], f["p95"], color=colour, alpha=0.15, linewidth=0,
                        label="P5–P95" if k == 0 else None)
        ax.fill_between(years, f["p25"], f["p75"], color=colour, alpha=0.30, linewidth=0,
                        label="P25–P75" if k == 0 else None)
        ax.plot(years, f["p50"], color=colour, linewidth=1.8, label=tr("中位数", "median", lang) if k == 0 else None,
                **PROJECTION_STYLE)
        _draw_history(ax, history[history["indicator"] == iname], lang, label=(k == 0))
        shown = m.targets[(m.targets["indicator"] == iname) & (m.targets["year"] <= m.spec.last_year)
                          & m.targets["kind"].isin(["value", "multiple_of_2025"])]
        for t in shown.itertuples():
            pr = probs[(probs["target"] == t.target) & (probs["scenario"] == sname)]["probability"].item()
            ax.plot(t.year, t.target_value, marker="*", markersize=11, color="#d9822b", zorder=6)
            ax.annotate(tr(f"目标 {t.target_value:.0f}，达标概率{pr * 100:.1f}%",
                           f"target {t.target_value:.0f}, P = {pr * 100:.1f}%", lang),
                        (t.year, t.target_value), textcoords="offset points", xytext=(-9, -3), ha="right",
                        va="top", fontsize=7, color="#8a4a0f")
        ax.set_title(ind.label(lang))
        ax.set_ylabel(_ylabel(ind, lang))
        ax.set_xticks(range(sc.BASE_YEAR - 2, m.spec.last_year + 1))
        _fix_y_ticks(ax)
        add_projection_note(ax, tr(*PROJECTION_TAG, lang))
    for ax in axes[n:]:
        ax.set_visible(False)
    axes[0].legend(loc="upper left", bbox_to_anchor=(0.0, 0.93), fontsize=7)
    label = m.spec.scenarios[sname].label(lang)
    fig.suptitle(tr(f"{label}的不确定性：{m.fan.n_paths}条路径，φ={m.fan.phi:.2f}",
                    f"Uncertainty around the {label} scenario: {m.fan.n_paths} paths, φ = {m.fan.phi:.2f}", lang))
    return fig
