"""Figures of notebook 06: the scenario paths and the joint Monte Carlo fan (model results).

The tables of the same notebook, their labels and their row lists are in
:mod:`ygx_analysis.exhibits.scenario_tables`; both take the model they draw as
``model`` (see :data:`~ygx_analysis.exhibits.scenario_tables.Model`). Both figures are
registered with ``is_projection=True``, draw projections dashed on a shaded
background and say so in a corner note; the fan's title says what the model
leaves out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .. import scenarios as sc
from ..scenarios import ScenarioAnalysis, as_analysis, as_scenario_set, format_probability
from ..scenarios.row_ids import CALIBRATION_CONTEXT, LEVEL_INDICATORS
from . import check_lang, exhibit, tr
from .scenario_tables import (
    BASIS_LABELS,
    LEFT_OUT,
    NOTEBOOK,
    PROJECTION_TAG,
    SCENARIO_COLOURS,
    STATUS_LABELS,
    Model,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["fan_figure", "scenario_paths_figure"]

DATA_INPUTS = ("scenarios.toml",)  # the assumptions file these figures read (cite lines)


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
    from .style import unit_axis_label

    basis = {"nominal": ("现价", "current prices"), "real (2025 prices)": ("2025年价格", "2025 prices")}
    extra = basis.get(ind.price_basis)
    unit = unit_axis_label(ind.unit, lang)   # English figures say "100 million yuan", not 亿元
    if not extra:
        return unit
    return unit + (f"（{extra[0]}）" if lang == "zh" else f" ({extra[1]})")


@exhibit("fig-scenario-paths", kind="figure", notebook=NOTEBOOK,
         caption_zh="各指标的起点与三种情景路径（2026—2030年为情景预测，虚线；模型结果，非原文数字）",
         caption_en="Each indicator's starting point and the scenario paths (2026–2030 are scenario projections, "
                    "dashed; model results, not printed figures)",
         sources=("article",), indicators=LEVEL_INDICATORS, is_projection=True)
def scenario_paths_figure(lang: str = "zh", model: Model = None) -> Figure:
    """One panel per indicator: history markers, the 2025 range, one dashed line per scenario."""
    from .style import PALETTE, PROJECTION_STYLE, add_projection_note, new_figure

    check_lang(lang)
    spec = as_scenario_set(model)
    projection = model.projection if isinstance(model, ScenarioAnalysis) else spec.project()
    n = len(spec.indicators)
    ncols = 2 if n > 1 else 1
    nrows = -(-n // ncols)
    fig, axes = new_figure((10.0, 3.6 * nrows + 0.6), nrows=nrows, ncols=ncols)
    axes = _axes_list(axes)
    history = spec.jumpoff
    for k, (ax, (iname, ind)) in enumerate(zip(axes, spec.indicators.items(), strict=False)):
        _shade_projection(ax, spec.last_year)
        j = history[history["indicator"] == iname]
        _draw_history(ax, j, lang, label=(k == 0))
        for c, (sname, scen) in enumerate(spec.scenarios.items()):
            p = projection[(projection["scenario"] == sname) & (projection["indicator"] == iname)
                           & (projection["year"] >= sc.BASE_YEAR)]
            ax.plot(p["year"], p["value"], color=SCENARIO_COLOURS.get(sname, PALETTE[c % len(PALETTE)]),
                    linewidth=1.8, label=scen.label(lang) if k == 0 else None, **PROJECTION_STYLE)
        ax.set_title(ind.label(lang))
        ax.set_ylabel(_ylabel(ind, lang))
        ax.set_xticks(range(sc.BASE_YEAR - 2, spec.last_year + 1))
        _fix_y_ticks(ax)
        add_projection_note(ax, tr(*PROJECTION_TAG, lang))
    for ax in axes[n:]:
        ax.set_visible(False)
    axes[0].legend(loc="upper left", bbox_to_anchor=(0.0, 0.93), fontsize=7)
    fig.suptitle(tr("益阳高新区“十五五”情景：起点与路径", "Yiyang High-tech Zone, 15th plan scenarios: start and paths",
                    lang))
    return fig


@exhibit("fig-scenario-fan", kind="figure", notebook=NOTEBOOK,
         caption_zh="基准情景的联合蒙特卡洛扇形图：P5—P95与P25—P75区间、中位数、现价总产值与目标（目标均为示意；"
                    "冲击见tab-mc-calibration；模型结果，非原文数字）",
         caption_en="Joint Monte Carlo fan of the base scenario: P5–P95 and P25–P75 bands, median, gross output at "
                    "current prices and the targets (illustrative; shocks from tab-mc-calibration; model results, "
                    "not printed figures)",
         sources=("article",), indicators=LEVEL_INDICATORS, context=CALIBRATION_CONTEXT, is_projection=True)
def fan_figure(lang: str = "zh", model: Model = None) -> Figure:
    """One panel per indicator: the fan of the base scenario from the 2025 jump-off to the last year.

    The deflated indicator (gross output) also shows its current-price median, the
    series its nominal targets are judged against. Targets given as a level or a
    multiple of 2025 are marked with their status and probability; a target built
    on a context row (the national pace) is left to ``tab-required-growth``. The
    figure note says what the model leaves out (:data:`LEFT_OUT`).
    """
    from .style import PROJECTION_STYLE, add_projection_note, new_figure

    check_lang(lang)
    m = as_analysis(model)
    sname = m.fan_scenario
    colour = SCENARIO_COLOURS.get(sname, "#1f5fa8")
    n = len(m.spec.indicators)
    ncols = 2 if n > 1 else 1
    nrows = -(-n // ncols)
    fig, axes = new_figure((10.0, 3.6 * nrows + 0.9), nrows=nrows, ncols=ncols)
    axes = _axes_list(axes)
    history = m.spec.jumpoff
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
        nominal = f"{iname}_nominal"
        if nominal in m.fan.series:
            fn = m.fan.fan(sname, nominal)
            ax.plot(fn.index, fn["p50"], color="#d9822b", linewidth=1.2, linestyle=":",
                    label=tr("中位数（现价）", "median (current prices)", lang))
            ax.legend(loc="lower right", fontsize=7)
        _draw_history(ax, history[history["indicator"] == iname], lang, label=(k == 0))
        shown = m.targets[(m.targets["indicator"] == iname) & (m.targets["year"] <= m.spec.last_year)
                          & m.targets["kind"].isin(["value", "multiple_of_2025"])]
        for t in shown.itertuples():
            pr = probs[(probs["target"] == t.target) & (probs["scenario"] == sname)]["probability"].item()
            word = tr(*STATUS_LABELS[t.status], lang)
            ax.plot(t.year, t.target_value, marker="*", markersize=11, color="#d9822b", zorder=6)
            ax.annotate(tr(f"目标{t.target_value:.0f}（{word}{'，现价' if t.nominal else ''}）\n"
                           f"达标概率{format_probability(pr, m.n_paths, 'zh')}",
                           f"target {t.target_value:.0f} ({word}{', current prices' if t.nominal else ''})\n"
                           f"P = {format_probability(pr, m.n_paths, 'en')}", lang),
                        (t.year, t.target_value), textcoords="offset points", xytext=(-9, -3), ha="right",
                        va="top", fontsize=6.5, color="#8a4a0f")
        ax.set_title(ind.label(lang))
        ax.set_ylabel(_ylabel(ind, lang))
        ax.set_xticks(range(sc.BASE_YEAR - 2, m.spec.last_year + 1))
        _fix_y_ticks(ax)
        add_projection_note(ax, tr(*PROJECTION_TAG, lang))
    for ax in axes[n:]:
        ax.set_visible(False)
    axes[0].legend(loc="upper left", bbox_to_anchor=(0.0, 0.93), fontsize=7)
    label = m.spec.scenarios[sname].label(lang)
    title = tr(f"{label}的不确定性：{m.fan.n_paths}条联合路径",
               f"Uncertainty around the {label} scenario: {m.fan.n_paths} joint paths", lang)
    fig.suptitle(f"{title}\n{tr(*LEFT_OUT, lang)}", fontsize=9.5)
    return fig
