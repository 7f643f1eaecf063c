"""Tables of notebook 06: 十五五 (2026–2030) scenarios, the joint Monte Carlo fan and its calibration.

The two figures are in :mod:`ygx_analysis.exhibits.scenario_figures`, which uses the
labels and the :data:`Model` type defined here.

Every exhibit here except the calibration tables shows **model results** built
on the assumptions in ``data/scenarios.toml``; they are registered with
``is_projection=True``, draw projections dashed on a shaded background and say so
in a corner note.

Every exhibit takes the model it draws as ``model``: a
:class:`~ygx_analysis.scenarios.ScenarioAnalysis` (the scenario set, its
calibration and its fan, which notebook 06 builds from its parameters and passes
to each ``show``), a :class:`~ygx_analysis.scenarios.ScenarioSet` (run with the
default paths and seed), or None for the default file of ``data/``.

Probabilities are printed by one function,
:func:`~ygx_analysis.scenarios.format_probability`: with their Monte Carlo
standard error, and as "below 0.1 % / above 99.9 % under the model's
assumptions" at the ends, never "0.0%" or "100.0%". Every target label carries
its status (示意 / illustrative, 推算 / derived).

Sources. Tables cite the sources of every data row they use. Figures cite the
rows whose values they draw; the shocks of the fan come from the AR(1) fits in
``tab-mc-calibration``, whose rows (about a hundred years of national series
from some forty sources) are listed in the figure's ``context`` but left out of
its printed source line, which would otherwise not fit under a chart.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import scenarios as sc
from ..scenarios import ScenarioAnalysis, ScenarioModel as ScenarioSet, as_analysis, as_scenario_set, format_probability
from ..scenarios.row_ids import (
    ASSUMPTION_CONTEXT,
    ASSUMPTION_INDICATORS,
    ASSUMPTION_SOURCES,
    CALIBRATION_CONTEXT,
    CALIBRATION_SOURCES,
    JUMPOFF_CONTEXT,
    JUMPOFF_SOURCES,
    LEVEL_INDICATORS,
    LIMITS_CONTEXT,
    LIMITS_INDICATORS,
    LIMITS_SOURCES,
    LINKS_CONTEXT,
    LINKS_INDICATORS,
    LINKS_SOURCES,
    TARGET_CONTEXT,
    TARGET_SOURCES,
)
from . import check_lang, exhibit, tr

__all__ = [
    "ASSUMPTION_CONTEXT", "ASSUMPTION_INDICATORS", "ASSUMPTION_NAMES", "ASSUMPTION_SOURCES", "BASIS_LABELS",
    "CALIBRATION_CONTEXT", "CALIBRATION_SOURCES", "GLIDE_LABELS", "JUMPOFF_CONTEXT", "JUMPOFF_SOURCES",
    "LEFT_OUT", "LEVEL_INDICATORS", "LIMITS_CONTEXT", "LIMITS_INDICATORS", "LIMITS_SOURCES", "LINKS_CONTEXT",
    "LINKS_INDICATORS", "LINKS_SOURCES", "Model", "NOTEBOOK", "PROJECTION_TAG", "SCENARIO_COLOURS",
    "SENSITIVITY_PATHS", "STATUS_LABELS", "TARGET_CONTEXT", "TARGET_SOURCES",
    "assumptions_table", "calibration_table", "jumpoff_table", "limits_reading", "limits_table",
    "links_table", "plan_summary_table", "required_growth_table", "sensitivity_table",
]

Model = ScenarioAnalysis | ScenarioSet | None
"""What the ``model`` argument of every exhibit here accepts."""

NOTEBOOK = "06_scenarios_2026_2030.ipynb"
DATA_INPUTS = ("scenarios.toml",)  # the assumptions file these exhibits read (cite lines)


PROJECTION_TAG = ("模型结果，非原文数字；虚线与阴影为预测", "Model result, not printed figures; dashed and shaded = projection")

LEFT_OUT = ("模型未计入：区划与管理范围调整（如2024年改革移出“一镇两街道”）、大型企业进入或退出、统计口径变化；\n"
            "概率仅在模型假设下成立",
            "Not in the model: boundary changes (the 2024 reform moved one town and two subdistricts out),\n"
            "large plants arriving or leaving, changes of statistical scope; probabilities hold only under the "
            "model's assumptions")
"""What the fan leaves out: the figure note under its title, two lines (the limits table says it at length)."""

BASIS_LABELS = {
    sc.BASIS_IMPLIED: ("由2024年数值与增速推算", "implied from 2024 level and growth"),
    sc.BASIS_REPORTED: ("原文数字", "printed in the article"),
    sc.BASIS_ESTIMATE_H1: ("由2025年1-6月数估算", "estimate from 2025H1"),
    sc.BASIS_PROJECTION_2025: ("预测（无2025年数字）", "projection (no 2025 print)"),
    sc.BASIS_SCENARIO: ("情景预测", "scenario projection"),
}
"""The ``basis`` words of :meth:`ygx_analysis.scenarios.ScenarioSet.project` → (zh, en)."""

GLIDE_LABELS = {"linear": ("线性", "linear"), "front_loaded": ("前快后慢", "front-loaded"),
                "back_loaded": ("前慢后快", "back-loaded"), "constant": ("不变", "constant")}

ASSUMPTION_NAMES = {"growth_pct": ("2025年增速（%）", "2025 growth (%)"),
                    "h1_share": ("上半年占全年比重（H1规则）", "H1 share of the year (H1 rule)")}

STATUS_LABELS = {"official": ("官方", "official"), "derived": ("推算", "derived"),
                 "illustrative": ("示意", "illustrative")}

SCENARIO_COLOURS = {"low": "#b0413e", "base": "#1f5fa8", "high": "#3a9a5b"}


def _series_label(m: ScenarioAnalysis | ScenarioSet, name: str, lang: str) -> str:
    """The label of an indicator, or of its current-price series."""
    spec = m.spec if isinstance(m, ScenarioAnalysis) else m
    if name in spec.indicators:
        return spec.indicators[name].label(lang)
    base = name.removesuffix("_nominal")
    return tr(f"{spec.indicators[base].label('zh')}（现价）", f"{spec.indicators[base].label('en')} (current prices)",
              lang)


def _rationale(path: sc.PathSpec, lang: str) -> str:
    """A path's rationale in ``lang``: ``rationale_zh`` of the file in Chinese, else the English one, marked."""
    if lang == "en":
        return path.rationale
    return path.rationale_zh or f"（英文）{path.rationale}"


def _target_source(target: sc.Target, lang: str) -> str:
    """A target's source note in ``lang``: ``source_zh`` of the file in Chinese, else the English one, marked."""
    if lang == "en":
        return target.source
    return target.source_zh or f"（英文）{target.source}"


def _fmt_range(default: float, low: float, high: float, name: str, lang: str = "en") -> str:
    """``default (low–high)``; in Chinese with full-width brackets and a long dash."""
    fmt = "{:.3f}" if name == "h1_share" else "{:.1f}"
    d, lo, hi = fmt.format(default), fmt.format(low), fmt.format(high)
    return f"{d}（{lo}—{hi}）" if lang == "zh" else f"{d} ({lo}–{hi})"


@exhibit("tab-scenario-jumpoff", kind="table", notebook=NOTEBOOK,
         caption_zh="起点：2023—2024年（原文及推算）与2025年（预测或由上半年估算），及2025年假设与范围",
         caption_en="The starting point: 2023–2024 (printed and implied) and 2025 (projected or estimated from "
                    "January–June), with the 2025 assumption and its range",
         sources=JUMPOFF_SOURCES, indicators=LEVEL_INDICATORS, context=JUMPOFF_CONTEXT, is_projection=True)
def jumpoff_table(lang: str = "zh", model: Model = None) -> pd.DataFrame:
    """History and the 2025 jump-off level of each indicator, with the basis of every value."""
    check_lang(lang)
    spec = as_scenario_set(model)
    a = spec.jumpoff_assumptions().set_index("indicator")
    rows = []
    for r in spec.jumpoff.itertuples(index=False):
        ind = spec.indicators[r.indicator]
        is_2025 = r.year == sc.BASE_YEAR
        rows.append({
            "indicator": ind.label(lang), "year": r.year, "value": round(r.value, 2),
            "range_2025": f"{r.low:.2f}–{r.high:.2f}" if is_2025 else "",
            "basis": tr(*BASIS_LABELS[r.basis], lang),
            "assumption": (f"{tr(*ASSUMPTION_NAMES[a.loc[r.indicator, 'assumption']], lang)}{tr('：', ': ', lang)}"
                           + _fmt_range(a.loc[r.indicator, "default"], a.loc[r.indicator, "low"],
                                        a.loc[r.indicator, "high"], a.loc[r.indicator, "assumption"], lang))
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
         caption_zh="情景假设：各指标起止增速、过渡方式、理由与依据数据行（data/scenarios.toml）",
         caption_en="Scenario assumptions: start and end growth, glide, rationale and the data rows it rests on "
                    "(data/scenarios.toml)",
         sources=ASSUMPTION_SOURCES, indicators=ASSUMPTION_INDICATORS, context=ASSUMPTION_CONTEXT,
         is_projection=True)
def assumptions_table(lang: str = "zh", model: Model = None) -> pd.DataFrame:
    """Every scenario assumption, one row per scenario and indicator."""
    check_lang(lang)
    spec = as_scenario_set(model)
    a = spec.assumptions_table()
    table = pd.DataFrame({
        "scenario": [spec.scenarios[s].label(lang) for s in a["scenario"]],
        "indicator": [spec.indicators[i].label(lang) for i in a["indicator"]],
        "start_growth_pct": a["start_growth_pct"], "end_growth_pct": a["end_growth_pct"],
        "glide": [tr(*GLIDE_LABELS[g], lang) for g in a["glide"]],
        "rationale": [_rationale(spec.path(s, i), lang) for s, i in zip(a["scenario"], a["indicator"], strict=True)],
        "refs": a["refs"],
    })
    if lang == "zh":
        table = table.rename(columns={"scenario": "情景", "indicator": "指标", "start_growth_pct": "起始增速（%）",
                                      "end_growth_pct": "末年增速（%）", "glide": "过渡方式", "rationale": "理由",
                                      "refs": "依据数据行"})
    else:
        table = table.rename(columns={"start_growth_pct": "start growth (%)", "end_growth_pct": "end growth (%)",
                                      "refs": "data rows"})
    return table


@exhibit("tab-plan-period-summary", kind="table", notebook=NOTEBOOK,
         caption_zh="“十五五”期间小结：2030年水平、2025—2030年年均增速、2026—2030年累计、相当于2025年的倍数，"
                    "及蒙特卡洛2030年P5—P95（模型结果，非原文数字）",
         caption_en="The plan period at a glance: 2030 level, 2025–2030 CAGR, 2026–2030 cumulative total, multiple "
                    "of 2025, and the Monte Carlo P5–P95 for 2030 (model results, not printed figures)",
         sources=("article",), indicators=LEVEL_INDICATORS, context=CALIBRATION_CONTEXT, is_projection=True)
def plan_summary_table(lang: str = "zh", model: Model = None) -> pd.DataFrame:
    """:meth:`~ygx_analysis.scenarios.ScenarioSet.plan_period_summary` with the fan's range in the last year, rounded."""
    check_lang(lang)
    m = as_analysis(model)
    s = m.plan_summary
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
         caption_zh="达到各目标所需的年均增速（自2025年起），及各情景下的达标概率（附模拟标准误；目标均标明性质：示意或推算）",
         caption_en="Growth a year needed from 2025 to reach each target, and the probability of reaching it under "
                    "each scenario (with its Monte Carlo standard error; every target marked illustrative or derived)",
         sources=("article",) + TARGET_SOURCES, indicators=LEVEL_INDICATORS,
         context=TARGET_CONTEXT + CALIBRATION_CONTEXT, is_projection=True)
def required_growth_table(lang: str = "zh", model: Model = None) -> pd.DataFrame:
    """One row per target: status, level, the required CAGR and the probability per scenario, as text."""
    check_lang(lang)
    m = as_analysis(model)
    t = m.targets
    probs = m.fan.target_probabilities.set_index(["target", "scenario"])
    table = pd.DataFrame({
        "target": t["label_zh"] if lang == "zh" else t["label_en"],
        "status": [tr(*STATUS_LABELS[x], lang) for x in t["status"]],
        "prices": [tr("现价", "current", lang) if n else tr("同目标指标", "as the indicator", lang)
                   for n in t["nominal"]],
        "year": t["year"],
        "target_value": t["target_value"].round(2),
        "level_2025": t["level_2025"].round(2),
        "required_cagr_pct": t["required_cagr_pct"].round(2),
        "required_range": [f"{lo:.2f}–{hi:.2f}" for lo, hi in zip(t["required_cagr_low_pct"],
                                                                  t["required_cagr_high_pct"], strict=True)],
    })
    for s in m.spec.scenarios:
        label = m.spec.scenarios[s].label(lang)
        table[tr(f"达标概率·{label}", f"P(reach) {label}", lang)] = [
            format_probability(float(probs.loc[(k, s), "probability"]), m.n_paths, lang) for k in t["target"]]
    notes = m.fan.target_probabilities.drop_duplicates("target").set_index("target")["note"]
    table["note"] = [tr("超出模拟年份" if notes[k] else "", notes[k], lang) for k in t["target"]]
    by_id = {x.id: x for x in m.spec.targets}
    table["source"] = [_target_source(by_id[k], lang) for k in t["target"]]
    if lang == "zh":
        table = table.rename(columns={"target": "目标", "status": "性质", "prices": "价格口径", "year": "年份",
                                      "target_value": "目标值（亿元）", "level_2025": "2025年（亿元）",
                                      "required_cagr_pct": "所需年均增速（%）",
                                      "required_range": "所需增速范围（随2025年水平，%）", "note": "说明",
                                      "source": "出处"})
    else:
        table = table.rename(columns={"target_value": "target (亿元)", "level_2025": "2025 (亿元)",
                                      "required_cagr_pct": "required CAGR (%)",
                                      "required_range": "range with the 2025 level (%)"})
    return table


@exhibit("tab-mc-calibration", kind="table", notebook=NOTEBOOK,
         caption_zh="蒙特卡洛校准：各增长指标冲击的AR(1)拟合（全国长序列，去线性趋势）、标准误、波动放大倍数与所用冲击；"
                    "湖南与全国GDP增速一行为波动倍数的对照",
         caption_en="Monte Carlo calibration: AR(1) fits of each growth indicator's shock (long national series, "
                    "linear detrending), standard errors, the volatility scale and the shock in use; Hunan's and "
                    "China's GDP growth shown for the volatility ratio",
         sources=CALIBRATION_SOURCES, context=CALIBRATION_CONTEXT)
def calibration_table(lang: str = "zh", model: Model = None) -> pd.DataFrame:
    """:meth:`~ygx_analysis.scenarios.ModelCalibration.to_frame`, with the comparison fits, rounded.

    A cell that does not apply shows "—": the comparison series drive no indicator (no
    volatility scale, elasticity or shock in use), and only revenue has an elasticity to
    output. The shock in use is the volatility scale times the stationary sd; for
    revenue, the part not already carried by output's shock through the elasticity.
    """
    check_lang(lang)
    m = model if isinstance(model, ScenarioAnalysis) else None
    spec = as_scenario_set(model)
    cal = m.calibration if m is not None else spec.calibrate()
    c = cal.to_frame()
    labels = [spec.indicators[i].label(lang) for i in c["indicator"]]
    for name, f in cal.comparison.items():
        labels.append(tr("对照：湖南GDP" if name.startswith("HN") else "对照：全国GDP",
                         "comparison: Hunan GDP" if name.startswith("HN") else "comparison: China GDP", lang))
        c.loc[len(c)] = {"indicator": "", "series": name, "years": f"{f.first_year}–{f.last_year}",
                         "n_obs": f.n_obs, "phi": f.phi, "phi_se": float(f.bse["phi"]), "sigma": f.sigma,
                         "sigma_se": float(f.bse["sigma2"]) / (2 * f.sigma), "stationary_sd": f.stationary_sd,
                         "vol_scale": np.nan, "driver": "", "elasticity": np.nan, "shock_sd": np.nan}
    table = pd.DataFrame({
        "indicator": labels, "series": c["series"], "years": c["years"], "n_obs": c["n_obs"].astype("int64"),
        "phi": c["phi"].round(3), "phi_se": c["phi_se"].round(3), "sigma": c["sigma"].round(3),
        "sigma_se": c["sigma_se"].round(3), "stationary_sd": c["stationary_sd"].round(3),
        "vol_scale": c["vol_scale"].round(2), "elasticity": c["elasticity"].round(2),
        "shock_sd": c["shock_sd"].round(3),
    })
    for column in ("vol_scale", "elasticity", "shock_sd"):  # not applicable: "—", not NaN, in a pasted table
        table[column] = table[column].astype(object).where(table[column].notna(), "—")
    if lang == "zh":
        table = table.rename(columns={"indicator": "指标", "series": "序列", "years": "年份", "n_obs": "观测数",
                                      "phi": "φ", "phi_se": "φ标准误", "sigma": "新息标准差（百分点）",
                                      "sigma_se": "其标准误", "stationary_sd": "平稳标准差（百分点）",
                                      "vol_scale": "波动倍数", "elasticity": "对产出弹性",
                                      "shock_sd": "所用冲击标准差（百分点）"})
    else:
        table = table.rename(columns={"phi": "φ", "phi_se": "φ s.e.", "sigma": "innovation sd (pp)",
                                      "sigma_se": "its s.e.", "stationary_sd": "stationary sd (pp)",
                                      "vol_scale": "volatility scale", "elasticity": "elasticity to output",
                                      "shock_sd": "shock sd in use (pp)"})
    return table


@exhibit("tab-mc-links", kind="table", notebook=NOTEBOOK,
         caption_zh="联合模型的关联与其他假设：各指标的角色、份额参数、产出弹性、波动倍数、t分布自由度、价格（PPI）路径与投资项目",
         caption_en="The joint model's links and other assumptions: each indicator's role, share parameters, the "
                    "elasticity to output, volatility scale, Student-t degrees of freedom, the price (PPI) path and "
                    "the investment pipeline",
         sources=LINKS_SOURCES, indicators=LINKS_INDICATORS, context=LINKS_CONTEXT)
def links_table(lang: str = "zh", model: Model = None) -> pd.DataFrame:
    """One row per assumption of ``[model]``, ``[deflator]`` and ``[pipeline]``: value, range, rationale, rows.

    The file gives these rationales in English only, so the Chinese table leaves
    them out (notebook 06 describes each link in Chinese above the table).
    """
    check_lang(lang)
    spec = as_scenario_set(model)
    m = spec.model
    rows = []

    def add(item: tuple[str, str], value: str, rationale: str, refs: tuple[str, ...]) -> None:
        rows.append({"item": tr(*item, lang), "value": value, "rationale": rationale, "refs": ";".join(refs)})

    for r in m.roles.values():
        label = spec.indicators[r.indicator].label(lang)
        if r.role == "share":
            whole = spec.indicators[r.of].label(lang)
            add((f"{label}＝份额×{whole}", f"{label} = share × {whole}"),
                tr(f"φ={r.phi:g}，对数几率标准差{r.sd_logit:g}", f"φ={r.phi:g}, sd(logit)={r.sd_logit:g}", lang),
                r.rationale, r.refs)
        elif r.driver:
            e = r.elasticity
            add((f"{label}：增长冲击，并随产出变动", f"{label}: growth shock, driven by output"),
                tr(f"{r.series}；弹性{e.default:g}（{e.low:g}—{e.high:g}）",
                   f"{r.series}; elasticity {e.default:g} ({e.low:g}–{e.high:g})", lang), r.rationale, r.refs)
        else:
            add((f"{label}：增长冲击", f"{label}: growth shock"), r.series, r.rationale, r.refs)
    v = m.vol_scale
    add(("波动倍数（相对全国序列）", "volatility scale (× the national series)"),
        tr(f"{v.default:g}（{v.low:g}—{v.high:g}）", f"{v.default:g} ({v.low:g}–{v.high:g})", lang),
        m.vol_scale_rationale, m.refs)
    add(("冲击分布", "shock distribution"),
        tr(f"t分布，自由度{m.t_df:g}", f"Student-t, {m.t_df:g} degrees of freedom", lang) if m.t_df
        else tr("正态", "normal", lang), m.t_df_rationale, m.refs)
    if spec.deflator is not None:
        d = spec.deflator
        add((f"价格（PPI）：{spec.indicators[d.indicator].label('zh')}",
             f"prices (PPI): {spec.indicators[d.indicator].label('en')}"),
            tr(f"2026年{d.start_pct.default:g}%（{d.start_pct.low:g}至{d.start_pct.high:g}），"
               f"{spec.last_year}年{d.end_pct.default:g}%（{d.end_pct.low:g}至{d.end_pct.high:g}）",
               f"2026 {d.start_pct.default:g} % ({d.start_pct.low:g} to {d.start_pct.high:g}), {spec.last_year} "
               f"{d.end_pct.default:g} % ({d.end_pct.low:g} to {d.end_pct.high:g})", lang), d.rationale, d.refs)
    if spec.pipeline is not None:
        p = spec.pipeline
        state = tr("开启" if p.enabled else "关闭（默认）", "on" if p.enabled else "off (default)", lang)
        a, y, o = p.arrival_share, p.years_to_stream, p.output_per_investment
        add(("2024年签约项目", "2024 investment pipeline"),
            tr(f"{state}；到位比例{a.default:g}（{a.low:g}—{a.high:g}），投产需{y.default:g}年（{y.low:g}—{y.high:g}），"
               f"单位投资年产出{o.default:g}（{o.low:g}—{o.high:g}）",
               f"{state}; share arriving {a.default:g} ({a.low:g}–{a.high:g}), years to stream {y.default:g} "
               f"({y.low:g}–{y.high:g}), yearly output per unit invested {o.default:g} ({o.low:g}–{o.high:g})",
               lang), p.rationale, (*p.refs, p.capital_row))
    table = pd.DataFrame(rows)
    if lang == "zh":  # the file's rationales of [model], [deflator] and [pipeline] are English: not shown in zh
        table = table.drop(columns="rationale").rename(columns={"item": "项目", "value": "取值", "refs": "依据数据行"})
    else:
        table = table.rename(columns={"refs": "data rows"})
    return table


SENSITIVITY_PATHS = 10_000
"""Paths per run of the sensitivity table (five runs of one scenario)."""


@exhibit("tab-fan-sensitivity", kind="table", notebook=NOTEBOOK,
         caption_zh="假设有多重要：基准情景2030年P5—P95区间宽度（相对中位数），波动倍数取1、1.5、2，正态冲击，φ=0，"
                    "及收入对产出弹性取其范围两端（模型结果，非原文数字）",
         caption_en="How much the assumptions matter: width of the base scenario's 2030 P5–P95 range relative to its "
                    "median, for volatility scales 1, 1.5 and 2, normal shocks, φ = 0, and the ends of the revenue "
                    "elasticity's range (model results, not printed figures)",
         sources=("article",) + CALIBRATION_SOURCES, indicators=LEVEL_INDICATORS, context=CALIBRATION_CONTEXT,
         is_projection=True)
def sensitivity_table(lang: str = "zh", model: Model = None) -> pd.DataFrame:
    """(P95 − P5) / P50 in the last year under several settings, same seed (common random numbers)."""
    check_lang(lang)
    m = as_analysis(model)
    v = m.spec.model.vol_scale
    runs = {}
    for scale in sorted({v.low, v.default, v.high}):
        runs[tr(f"波动倍数{scale:g}", f"volatility × {scale:g}", lang)] = dict(vol_scale=scale, t_df=m.t_df)
    runs[tr("正态冲击", "normal shocks", lang)] = dict(vol_scale=m.calibration.vol_scale, t_df=None)
    runs[tr("φ=0（各年独立）", "φ = 0 (independent years)", lang)] = dict(vol_scale=m.calibration.vol_scale,
                                                                       t_df=m.t_df, phi=0.0)
    driven = [r.elasticity for r in m.spec.model.roles.values() if r.elasticity is not None]
    for e in sorted({driven[0].low, driven[0].high}) if driven else ():
        runs[tr(f"收入弹性{e:g}", f"revenue elasticity {e:g}", lang)] = dict(vol_scale=m.calibration.vol_scale,
                                                                          t_df=m.t_df, elasticity=e)
    columns = {}
    for name, kwargs in runs.items():
        r = m.spec.simulate(SENSITIVITY_PATHS, m.seed, scenarios=m.fan_scenario, **kwargs)
        q = r.quantiles
        end = q[(q["measure"] == "level") & (q["year"] == m.spec.last_year)].set_index("indicator")
        columns[name] = ((end["p95"] - end["p05"]) / end["p50"] * 100).round(1)
    table = pd.DataFrame(columns)
    table.index = [_series_label(m, i, lang) for i in table.index]
    table.index.name = tr("指标（P95−P5占P50的%）", "indicator ((P95 − P5) as % of P50)", lang)
    return table.reset_index()


def limits_reading(lang: str = "zh", model: Model = None) -> pd.DataFrame:
    """A plain reading of what the projections cannot carry, with the numbers taken from the data and fit."""
    check_lang(lang)
    spec = as_scenario_set(model)
    cal = model.calibration if isinstance(model, ScenarioAnalysis) else spec.calibrate()
    j = spec.jumpoff
    a = spec.jumpoff_assumptions().set_index("indicator")
    n_fiscal = int((~j[j["indicator"] == "fiscal_revenue_total"]["is_projection"]).sum()) \
        if "fiscal_revenue_total" in spec.indicators else 0
    go = j[(j["indicator"] == "gross_output") & (j["year"] == sc.BASE_YEAR)] \
        if "gross_output" in spec.indicators else None
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
                      (f"财政收入的2025年水平是预测（原文没有2025年数字）；工业的2025年水平由上半年数按全书统一的上半年—全年规则估算，"
                       f"上半年占比取{share['default']:.3f}（范围{share['low']:.3f}—{share['high']:.3f}），"
                       f"仅此一项就使2025年规模工业总产值在{lo:.0f}亿元至{hi:.0f}亿元之间变动。",
                       f"The 2025 fiscal levels are projections (the article prints no 2025 figure); the 2025 "
                       f"industrial levels are January–June annualised by the package's one H1 rule, a share of "
                       f"{share['default']:.3f} (range {share['low']:.3f}–{share['high']:.3f}), which alone moves "
                       f"2025 gross output between {lo:.0f} and {hi:.0f}亿元.")))
    out = cal.fits.get("gross_output")
    ratio = cal.province_to_nation_ratio
    items += [
        (("模型未计入的变化", "What the model leaves out"),
         ("区划与管理范围调整（2024年改革移交了“一镇两街道”，towns_transferred_2024、subdistricts_transferred_2024）、"
          "大型企业进入或退出、统计口径变化，都会使实际数字跳离所有路径；扇形图只反映类似全国长序列的“正常”波动。"
          "较早的高新区数字（2018年“财税收入”zone_fiscal_tax_revenue_2018、2021年规模工业总产值zone_gross_output_2021）"
          "口径不同，不与这些路径相接。",
          "Boundary changes (the 2024 reform handed over one town and two subdistricts, towns_transferred_2024, "
          "subdistricts_transferred_2024), large plants arriving or leaving and changes of statistical scope would "
          "move the real figures off every path; the fan carries only 'ordinary' volatility like that of the "
          "national series. Earlier zone figures (the 2018 财税收入, zone_fiscal_tax_revenue_2018; the 2021 gross "
          "output, zone_gross_output_2021) are on other scopes and are not joined to these paths.")),
        (("价格口径", "Prices"),
         ("增加值与总产值路径按可比价，为2025年价格；财政收入为名义值。千亿元目标是现价，因此与总产值乘以PPI价格路径后的"
          "现价序列比较（tab-mc-links）；原文未说明其总产值增速的价格口径。",
          "Value added and gross output paths are real, in 2025 prices; fiscal revenue is nominal. The 1000亿元 "
          "target is in current prices, so it is compared with gross output carried to current prices by the PPI "
          "path (tab-mc-links); the article does not say how its gross-output growth is measured.")),
        (("校准", "Calibration"),
         (f"冲击的持续性与大小来自全国长序列（总产值φ={out.phi:.2f}，标准误{float(out.bse['phi']):.2f}），不是高新区"
          f"自己的数据；波动倍数{cal.vol_scale:g}是判断（湖南与全国GDP增速的平稳标准差之比为{ratio:.2f}），"
          "敏感性见tab-fan-sensitivity。" if out is not None else "冲击来自全国长序列。",
          f"The persistence and size of the shocks come from long national series (gross output φ = {out.phi:.2f}, "
          f"standard error {float(out.bse['phi']):.2f}), not from the zone; the volatility scale {cal.vol_scale:g} "
          f"is a judgement (Hunan's real GDP growth moves {ratio:.2f} times as much as China's); see "
          "tab-fan-sensitivity." if out is not None else "The shocks come from long national series.")),
        (("会计关系", "Accounting links"),
         ("一般预算收入是财政总收入的份额、增加值是总产值的比率，均在(0,1)内，故任何模拟路径都不会违反会计关系；"
          "财政收入随名义产出变动。仍未建模的是项目投产对税收的时滞。",
          "General budget revenue is a share of total fiscal revenue and value added a rate of gross output, both "
          "inside (0, 1), so no simulated path breaks an accounting identity; revenue moves with nominal output. "
          "The lag between new plants and their taxes is not modelled.")),
        (("目标", "Targets"),
         ("未找到高新区、益阳市或湖南省“十五五”的数值目标；表中目标均非官方：千亿元与翻番为示意（“千亿园区”常以技工贸总收入"
          "或营业收入计，而非规模工业总产值），“全国人均翻番所需增速”为推算（把全国人均GDP的增速套用到高新区工业增加值）。",
          "No numeric 15th-plan targets were found for the zone, Yiyang or Hunan; no target here is official: the "
          "1000亿 and doubling targets are illustrative (a '千亿园区' is often measured by 技工贸总收入 or revenue, not "
          "gross output), and the national per-capita doubling pace is derived (a national per-capita GDP rate "
          "applied to the zone's industrial value added).")),
    ]
    return pd.DataFrame({tr("局限", "limit", lang): [tr(*t, lang) for t, _ in items],
                         tr("说明", "reading", lang): [tr(*r, lang) for _, r in items]})


@exhibit("tab-scenario-limits", kind="table", notebook=NOTEBOOK,
         caption_zh="这些预测不能说明什么：数据点少、模型未计入的变化、价格口径、校准、会计关系与目标",
         caption_en="What these projections cannot tell: few data points, what the model leaves out, prices, "
                    "calibration, accounting links and targets",
         sources=LIMITS_SOURCES, indicators=LIMITS_INDICATORS, context=LIMITS_CONTEXT)
def limits_table(lang: str = "zh", model: Model = None) -> pd.DataFrame:
    """The registered table of :func:`limits_reading`."""
    return limits_reading(lang, model)
