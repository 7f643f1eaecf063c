"""Tables of notebook 06: 十五五 (2026–2030) scenarios, the joint Monte Carlo fan and its calibration.

The figures are in :mod:`.scenario_figures`; the words in ``meta/scenario_tables.yml`` (sentences with
numbers are templates filled from the model's results). Each exhibit takes ``model`` (:data:`Model`):
a :class:`~ygx_analysis.scenarios.ScenarioAnalysis`, a :class:`~ygx_analysis.scenarios.ScenarioSet`
(default paths and seed) or None (the default file). All but the calibration tables show model results
(``is_projection=True``). Probabilities come from :func:`~ygx_analysis.scenarios.format_probability`,
with their Monte Carlo standard error, never "0.0%" or "100.0%"; every target label carries its status
(示意 / 推算). Tables cite every data row they use; the fan's shock rows are in its ``context`` only.
"""

from __future__ import annotations

from functools import partial

import numpy as np
import pandas as pd

from .. import scenarios as sc
from ..scenarios import ScenarioAnalysis, ScenarioModel as ScenarioSet, as_analysis, as_scenario_set, format_probability
from ..scenarios.row_ids import (
    ASSUMPTION_CONTEXT, ASSUMPTION_INDICATORS, ASSUMPTION_SOURCES, CALIBRATION_CONTEXT, CALIBRATION_SOURCES,
    JUMPOFF_CONTEXT, JUMPOFF_SOURCES, LEVEL_INDICATORS, LIMITS_CONTEXT, LIMITS_INDICATORS, LIMITS_SOURCES,
    LINKS_CONTEXT, LINKS_INDICATORS, LINKS_SOURCES, PATH_CONTEXT, PATH_INDICATORS, PATH_SOURCES, RATIO_CONTEXT,
    RATIO_SOURCES, TARGET_CONTEXT, TARGET_SOURCES,
)
from . import exhibit, words

__all__ = ["BASIS_KEYS", "Model", "NOTEBOOK", "SCENARIO_COLOURS", "THEME", "assumptions_table",
           "basis_label", "calibration_table", "jumpoff_table", "limits_table", "links_table", "plan_summary_table",
           "price_label", "probability_text", "required_growth_table", "sensitivity_table"]

Model = ScenarioAnalysis | ScenarioSet | None
"""What the ``model`` argument of every exhibit here accepts."""

NOTEBOOK = "06_scenarios_2026_2030.ipynb"
DATA_INPUTS = ("context.csv", "indicators.csv", "scenarios.toml")  # the model reads all three (cite lines)
THEME = "scenario_tables"
_text, _fill = partial(words.text, THEME), partial(words.fill, THEME)

BASIS_KEYS = {sc.BASIS_IMPLIED: "implied", sc.BASIS_REPORTED: "reported", sc.BASIS_OUTTURN: "outturn",
              sc.BASIS_ESTIMATE_H1: "estimate_h1",
              sc.BASIS_PROJECTION_2025: "projection_2025", sc.BASIS_SCENARIO: "scenario"}
"""The ``basis`` words of :meth:`ygx_analysis.scenarios.ScenarioSet.project` → their key under ``basis``."""

SCENARIO_COLOURS = {"low": "#b0413e", "base": "#1f5fa8", "high": "#3a9a5b"}


def basis_label(basis: str, lang: str) -> str:
    """The label of a value's basis.

    >>> basis_label(sc.BASIS_REPORTED, "en")
    'printed in the article'
    """
    return _text(f"basis.{BASIS_KEYS[basis]}", lang)


def price_label(label: str, price_basis: str, lang: str) -> str:
    """``label`` qualified by a price basis of the file (none for a basis without words).

    >>> price_label("亿元", "nominal", "zh"), price_label("median", "nominal", "en")
    ('亿元（现价）', 'median (current prices)')
    """
    qualifier = words.group(THEME, "price_basis", lang).get(price_basis)
    return _fill("qualified", lang, label=label, qualifier=qualifier) if qualifier else label


def _columns(table: pd.DataFrame, key: str, lang: str, **values: object) -> pd.DataFrame:
    """``table`` with the headers of ``<key>.columns``, their placeholders filled from ``values``."""
    names = words.group(THEME, f"{key}.columns", lang)
    return table.rename(columns={k: v.format(**values) for k, v in names.items()})


PLAN_SUMMARY_DECIMALS = {"level_2025": 1, "level_end": 1, "cagr_pct": 1, "cumulative": 0, "multiple_of_2025": 2,
                         "p05_end": 1, "p95_end": 1}
"""Decimals shown of the plan-period summary: levels to 0.1亿元 and rates to 0.1 pp, as the inputs carry (a
2025 level rests on a half-year print and a share range); the CSV keeps every digit."""
FULL = 6
"""Decimals kept in a table's frame and CSV where fewer are shown: every digit that means something, without
the float noise of the last place (10.000000000000009)."""


def _shown_to(table: pd.DataFrame, decimals: dict[str, int], key: str, lang: str, **values: object) -> pd.DataFrame:
    """``table`` with ``attrs["display_decimals"]``: the decimals shown per column (headers of ``<key>.columns``).

    :func:`~ygx_analysis.exhibits.show` displays the table rounded so; the frame and its CSV keep full precision.
    """
    names = words.group(THEME, f"{key}.columns", lang)
    table.attrs["display_decimals"] = {names[k].format(**values): d for k, d in decimals.items()}
    return table


def probability_text(m: ScenarioAnalysis, target: str, scenario: str, lang: str) -> str:
    """A target probability of the fan with its Monte Carlo error and its range over the parameter settings.

    The range is the lowest and highest probability with every parameter fixed, at its default or one at a
    time at an end of its range (:attr:`~ygx_analysis.scenarios.ScenarioAnalysis.probability_ranges`)."""
    p = m.fan.target_probabilities.set_index(["target", "scenario"]).loc[(target, scenario), "probability"]
    text = format_probability(float(p), m.n_paths, lang)
    r = m.probability_ranges.set_index(["target", "scenario"]).loc[(target, scenario)]
    if np.isnan(p):
        return text
    low, high = (_text("bound_below", lang) if x < sc.PROBABILITY_FLOOR else _text("bound_above", lang)
                 if x > 1 - sc.PROBABILITY_FLOOR else f"{100 * x:.1f}" for x in (r["low"], r["high"]))
    ends = dict(low=low, high=high) if low != high else dict(low=low)
    return _fill("probability_range" if low != high else "probability_same", lang, probability=text,
                 n=int(r["settings"]), **ends)


def _zh_or_marked(zh: str | None, en: str, lang: str) -> str:
    """The file's Chinese text in Chinese, else its English text (marked as English in a Chinese table)."""
    return zh if lang == "zh" and zh else _fill("from_english", lang, text=en)


@exhibit("tab-scenario-jumpoff", kind="table", notebook=NOTEBOOK,
         sources=JUMPOFF_SOURCES, indicators=LEVEL_INDICATORS, context=JUMPOFF_CONTEXT, is_projection=True)
def jumpoff_table(lang: str = "zh", model: Model = None) -> pd.DataFrame:
    """History and the 2025 jump-off level of each indicator, with the basis of every value."""
    spec = as_scenario_set(model)
    a = spec.jumpoff_assumptions().set_index("indicator")
    rows = []
    for r in spec.jumpoff.itertuples(index=False):
        x, is_2025 = a.loc[r.indicator], r.year == sc.BASE_YEAR and r.is_projection
        seen = r.year == sc.BASE_YEAR and not r.is_projection   # a later full-year row: say which
        rows.append({
            "indicator": spec.indicators[r.indicator].label(lang), "year": r.year, "value": round(r.value, 2),
            "range_2025": words.fill("common", "range", lang, low=r.low, high=r.high, digits=2) if is_2025 else "",
            "basis": basis_label(r.basis, lang),
            "assumption": _fill("jumpoff.assumption", lang, name=_text(f"jumpoff.{x['assumption']}", lang),
                                value=x["default"], low=x["low"], high=x["high"],
                                digits=3 if x["assumption"] == "h1_share" else 1) if is_2025
            else _fill("jumpoff.outturn", lang, row=r.row_ids.split(";")[-1]) if seen else "",
            "rows": r.row_ids})
    return _columns(pd.DataFrame(rows), "jumpoff", lang, base=sc.BASE_YEAR)


@exhibit("tab-scenario-assumptions", kind="table", notebook=NOTEBOOK,
         sources=ASSUMPTION_SOURCES, indicators=ASSUMPTION_INDICATORS, context=ASSUMPTION_CONTEXT,
         is_projection=True)
def assumptions_table(lang: str = "zh", model: Model = None) -> pd.DataFrame:
    """Every scenario assumption, one row per scenario and indicator."""
    spec = as_scenario_set(model)
    a = spec.assumptions_table()
    paths = [spec.path(s, i) for s, i in zip(a["scenario"], a["indicator"], strict=True)]
    table = pd.DataFrame({"scenario": [spec.scenarios[s].label(lang) for s in a["scenario"]],
        "indicator": [spec.indicators[i].label(lang) for i in a["indicator"]],
        "start_growth_pct": a["start_growth_pct"], "end_growth_pct": a["end_growth_pct"],
        "glide": [_text(f"glide.{g}", lang) for g in a["glide"]],
        "rationale": [_zh_or_marked(p.rationale_zh, p.rationale, lang) for p in paths],
        "refs": a["refs"]})
    return _columns(table, "assumptions", lang)


@exhibit("tab-plan-period-summary", kind="table", notebook=NOTEBOOK,
         sources=tuple(sorted({*PATH_SOURCES, *CALIBRATION_SOURCES})), indicators=PATH_INDICATORS,
         context=tuple(sorted({*PATH_CONTEXT, *CALIBRATION_CONTEXT})), is_projection=True)
def plan_summary_table(lang: str = "zh", model: Model = None) -> pd.DataFrame:
    """:meth:`~ygx_analysis.scenarios.ScenarioSet.plan_period_summary` with the fan's last-year range, rounded."""
    m = as_analysis(model)
    s = m.plan_summary
    q = m.fan.quantiles
    end = q[(q["measure"] == "level") & (q["year"] == m.spec.last_year)].set_index(["scenario", "indicator"])
    key = list(zip(s["scenario"], s["indicator"], strict=True))
    prices = words.group(THEME, "price_basis", lang)
    table = pd.DataFrame({
        "scenario": [m.spec.scenarios[k].label(lang) for k in s["scenario"]],
        "indicator": [m.spec.indicators[k].label(lang) for k in s["indicator"]],
        "prices": [prices[m.spec.indicators[k].price_basis] for k in s["indicator"]],
        **{c: s[c].round(FULL) for c in ("level_2025", "level_end", "cagr_pct", "cumulative", "multiple_of_2025")},
        "p05_end": end.loc[key, "p05"].round(FULL).to_numpy(), "p95_end": end.loc[key, "p95"].round(FULL).to_numpy()})
    return _shown_to(_columns(table, "plan_summary", lang, base=sc.BASE_YEAR, first=m.spec.years[0],
                              last=m.spec.last_year), PLAN_SUMMARY_DECIMALS, "plan_summary", lang,
                     base=sc.BASE_YEAR, first=m.spec.years[0], last=m.spec.last_year)


@exhibit("tab-required-growth", kind="table", notebook=NOTEBOOK,
         sources=tuple(sorted({*PATH_SOURCES, *TARGET_SOURCES, *CALIBRATION_SOURCES})), indicators=PATH_INDICATORS,
         context=tuple(sorted({*PATH_CONTEXT, *TARGET_CONTEXT, *CALIBRATION_CONTEXT})), is_projection=True)
def required_growth_table(lang: str = "zh", model: Model = None) -> pd.DataFrame:
    """One row per target: status, level, the required CAGR and the probability per scenario, as text."""
    m = as_analysis(model)
    t = m.targets
    table = pd.DataFrame({
        "target": t["label_zh"] if lang == "zh" else t["label_en"],
        "status": [_text(f"target_status.{x}", lang) for x in t["status"]],
        "prices": [_text("required.current" if n else "required.as_indicator", lang) for n in t["nominal"]],
        "year": t["year"], "target_value": t["target_value"].round(FULL), "level_2025": t["level_2025"].round(FULL),
        "required_cagr_pct": t["required_cagr_pct"].round(FULL),
        "required_range": [words.fill("common", "range", lang, low=lo, high=hi, digits=1)
                           for lo, hi in zip(t["required_cagr_low_pct"], t["required_cagr_high_pct"], strict=True)]})
    for s in m.spec.scenarios:
        table[_fill("required.probability", lang, scenario=m.spec.scenarios[s].label(lang))] = [
            probability_text(m, k, s, lang) for k in t["target"]]
    beyond = _fill("required.beyond_years", lang, last=m.spec.last_year)
    table["note"] = [beyond if y > m.spec.last_year else "" for y in t["year"]]
    by_id = {x.id: x for x in m.spec.targets}
    table["source"] = [_zh_or_marked(by_id[k].source_zh, by_id[k].source, lang) for k in t["target"]]
    return _shown_to(_columns(table, "required", lang, base=sc.BASE_YEAR),
                     {"target_value": 1, "level_2025": 1, "required_cagr_pct": 1}, "required", lang, base=sc.BASE_YEAR)


@exhibit("tab-mc-calibration", kind="table", notebook=NOTEBOOK,
         sources=CALIBRATION_SOURCES, context=CALIBRATION_CONTEXT)
def calibration_table(lang: str = "zh", model: Model = None) -> pd.DataFrame:
    """:meth:`~ygx_analysis.scenarios.ModelCalibration.to_frame`, with the comparison fits, rounded.

    A cell that does not apply shows "—": the comparison series drive no indicator (no
    volatility scale, elasticity or shock in use), and only revenue has an elasticity to
    output. The shock in use is the volatility scale times the stationary sd; for
    revenue, the part not already carried by output's shock through the elasticity.
    """
    m = model if isinstance(model, ScenarioAnalysis) else None
    spec = as_scenario_set(model)
    cal = m.calibration if m is not None else spec.calibrate()
    c = cal.to_frame()
    labels = [spec.indicators[i].label(lang) for i in c["indicator"]]
    for name, f in cal.comparison.items():
        labels.append(_text("calibration.comparison_hunan" if name.startswith("HN") else
                            "calibration.comparison_china", lang))
        c.loc[len(c)] = {"indicator": "", "series": name, "years": f"{f.first_year}–{f.last_year}",
                         "n_obs": f.n_obs, "phi": f.phi, "phi_se": float(f.bse["phi"]), "sigma": f.sigma,
                         "sigma_se": float(f.bse["sigma2"]) / (2 * f.sigma), "stationary_sd": f.stationary_sd,
                         "vol_scale": np.nan, "driver": "", "elasticity": np.nan, "shock_sd": np.nan}
    table = pd.DataFrame({"indicator": labels, "series": c["series"], "years": c["years"],
                          "n_obs": c["n_obs"].astype("int64")})
    for column, digits in (("phi", 3), ("phi_se", 3), ("sigma", 3), ("sigma_se", 3), ("stationary_sd", 3),
                           ("vol_scale", 2), ("elasticity", 2), ("shock_sd", 3)):
        table[column] = c[column].round(digits)
    for column in ("vol_scale", "elasticity", "shock_sd"):  # not applicable: "—", not NaN, in a pasted table
        table[column] = table[column].astype(object).where(table[column].notna(), "—")
    return _columns(table, "calibration", lang)


@exhibit("tab-mc-links", kind="table", notebook=NOTEBOOK,
         sources=tuple(dict.fromkeys(LINKS_SOURCES + RATIO_SOURCES)), indicators=LINKS_INDICATORS,
         context=tuple(dict.fromkeys(LINKS_CONTEXT + RATIO_CONTEXT)))
def links_table(lang: str = "zh", model: Model = None) -> pd.DataFrame:
    """One row per assumption of ``[model]``, ``[deflator]`` and ``[pipeline]``: value, range, rationale, rows.

    The file gives these rationales in English only: the Chinese table leaves them out
    (notebook 06 describes each link in Chinese above the table)."""
    spec = as_scenario_set(model)
    m = spec.model
    rows = []

    def add(item: str, value: str, rationale: str, refs: tuple[str, ...]) -> None:
        rows.append({"item": item, "value": value, "rationale": rationale, "refs": ";".join(refs)})

    for r in m.roles.values():
        label = spec.indicators[r.indicator].label(lang)
        if r.role == "share":
            add(_fill("links.share", lang, label=label, whole=spec.indicators[r.of].label(lang)),
                _fill("links.share_value", lang, phi=r.phi, sd=r.sd_logit), r.rationale, r.refs)
        elif r.driver:
            add(_fill("links.driven", lang, label=label),
                _fill("links.driven_value", lang, series=r.series, e=r.elasticity), r.rationale, r.refs)
        else:
            add(_fill("links.shock", lang, label=label), r.series, r.rationale, r.refs)
    ratios = sc.volatility_ratios(spec.context)
    add(_text("links.vol_scale", lang), _fill("links.vol_scale_value", lang, x=m.vol_scale, **ratios),
        m.vol_scale_rationale, m.refs)
    add(_text("links.parameters", lang), _fill("links.parameters_value", lang, se=m.phi_range_se),
        m.parameters_rationale, m.series_breaks)
    add(_text("links.shocks", lang), _fill("links.student_t", lang, df=m.t_df) if m.t_df
        else _text("links.normal", lang), m.t_df_rationale, m.refs)
    if spec.deflator is not None:
        d = spec.deflator
        add(_fill("links.deflator", lang, label=spec.indicators[d.indicator].label(lang)),
            _fill("links.deflator_value", lang, first=spec.years[0], last=spec.last_year, start=d.start_pct,
                  end=d.end_pct), d.rationale, d.refs)
    if spec.pipeline is not None:
        p = spec.pipeline
        state = _text("links.pipeline_on" if p.enabled else "links.pipeline_off", lang)
        add(_text("links.pipeline", lang),
            _fill("links.pipeline_value", lang, state=state, a=p.arrival_share, y=p.years_to_stream,
                  o=p.output_per_investment), p.rationale, (*p.refs, p.capital_row))
    table = pd.DataFrame(rows)
    if lang == "zh":  # the file's rationales of [model], [deflator] and [pipeline] are English: not shown in zh
        table = table.drop(columns="rationale")
    return _columns(table, "links", lang)


@exhibit("tab-fan-sensitivity", kind="table", notebook=NOTEBOOK,
         sources=tuple(sorted({*PATH_SOURCES, *CALIBRATION_SOURCES})), indicators=PATH_INDICATORS,
         context=tuple(sorted({*PATH_CONTEXT, *CALIBRATION_CONTEXT})), is_projection=True)
def sensitivity_table(lang: str = "zh", model: Model = None) -> pd.DataFrame:
    """(P95 − P5) / P50 in the last year of the fan scenario, one row per setting: the fan shown (parameters drawn),
    every parameter fixed (at its defaults, then one at a time at each end of its range), then normal shocks,
    φ = 0, a later calibration window and the revenue series without its breaks (parameters drawn). Every row has
    the fan's paths and seed (common random numbers); the first row is the fan itself."""
    m = as_analysis(model)
    spec, cal, ranges = m.spec, m.calibration, m.spec.fan_inputs(cal=m.calibration).parameters
    d, mod = spec.deflator, spec.model
    ends = {"vol_scale": ranges.vol_scale, "elasticity": ranges.elasticity}
    first, last = spec.years[0], spec.last_year
    labels = {"fan": _text("sensitivity.fan", lang), "defaults": _text("sensitivity.defaults", lang)}
    for name, end, k in ((n, e, 0 if e == "low" else 2) for n in sc.PARAMETERS for e in ("low", "high")):
        values = dict(x=ends[name][k]) if name in ends else dict(se=mod.phi_range_se) if name == "phi" else dict(
            first=first, last=last, start=(d.start_pct.low, d.start_pct.high)[k // 2],
            end=(d.end_pct.low, d.end_pct.high)[k // 2])
        labels[f"{name}_{end}"] = _fill(f"sensitivity.{name}_{end}", lang, **values)
    labels |= {"normal": _text("sensitivity.normal", lang), "phi_zero": _text("sensitivity.phi_zero", lang)}
    growth = [i for i, r in mod.roles.items() if r.role == "growth"]
    if "window" in m.settings:
        refit = sc.window_fits([mod.roles[i].series for i in growth], spec.context, mod.window_first_year)
        labels["window"] = _fill("sensitivity.window", lang, year=mod.window_first_year, fits=_text(
            "sensitivity.sep", lang).join(
            _fill("sensitivity.window_fit", lang, label=spec.indicators[i].label(lang),
                  sd=refit[mod.roles[i].series].stationary_sd, full=cal.fits[i].stationary_sd) for i in growth))
    if "breaks" in m.settings:
        years = spec.context.set_index("id").loc[list(mod.series_breaks), "period"]
        labels["breaks"] = _fill("sensitivity.breaks", lang, years=_text("sensitivity.and", lang).join(years))
    runs = {"fan": m.fan, **m.settings}
    rows = []
    for key, label in labels.items():
        q = runs[key].quantiles
        end = q[(q["measure"] == "level") & (q["year"] == last) & (q["scenario"] == m.fan_scenario)]
        width = ((end["p95"] - end["p05"]) / end["p50"] * 100).round(1).to_numpy()
        rows.append({"setting": label, **dict(zip(end["indicator"], width, strict=True)), "paths": m.n_paths})
    table = pd.DataFrame(rows)
    ind = spec.indicators  # a series ``<indicator>_nominal`` is that indicator at current prices
    names = {i: ind[i].label(lang) if i in ind else price_label(ind[i.removesuffix("_nominal")].label(lang),
                                                                 "nominal", lang) for i in table.columns[1:-1]}
    return table.rename(columns={**names, "setting": _fill("sensitivity.index", lang, last=last),
                                 "paths": _fill("sensitivity.paths", lang, seed=m.seed)})


@exhibit("tab-scenario-limits", kind="table", notebook=NOTEBOOK,
         sources=LIMITS_SOURCES, indicators=LIMITS_INDICATORS, context=LIMITS_CONTEXT)
def limits_table(lang: str = "zh", model: Model = None) -> pd.DataFrame:
    """A plain reading of what the projections cannot carry, with the numbers taken from the data and fit."""
    spec = as_scenario_set(model)
    cal = model.calibration if isinstance(model, ScenarioAnalysis) else spec.calibrate()
    j = spec.jumpoff
    a = spec.jumpoff_assumptions().set_index("indicator")
    n_fiscal = int((~j[j["indicator"] == "fiscal_revenue_total"]["is_projection"]).sum()) \
        if "fiscal_revenue_total" in spec.indicators else 0
    go = j[(j["indicator"] == "gross_output") & (j["year"] == sc.BASE_YEAR)] \
        if "gross_output" in spec.indicators else None
    items = {"few_points": {"n_fiscal": n_fiscal}}
    if go is not None and not go.empty and "gross_output" in a.index:
        share = a.loc["gross_output"]
        items["not_observed"] = {"share": share["default"], "share_low": share["low"], "share_high": share["high"],
                                 "low": float(go["low"].iloc[0]), "high": float(go["high"].iloc[0])}
    out, ratios = cal.fits.get("gross_output"), sc.volatility_ratios(spec.context)
    items |= {"fiscal_scope": {}, "left_out": {}, "prices": {}, "calibration": None if out is None else {
        "phi": out.phi, "phi_se": float(out.bse["phi"]), "vol_scale": cal.vol_scale,
        "ratios": ratios.min(), "ratios_high": ratios.max()}, "accounting": {}, "targets": {}}
    rows = [(_text(f"limits.{k}.title", lang), _text(f"limits.{k}.national", lang) if v is None
             else _fill(f"limits.{k}.reading", lang, **v)) for k, v in items.items()]
    return pd.DataFrame(rows, columns=[_text("limits.columns.limit", lang), _text("limits.columns.reading", lang)])
