"""Figures of notebook 06: the scenario paths and the joint Monte Carlo fan (model results).

The tables, shared labels and :data:`~.scenario_tables.Model` are in :mod:`.scenario_tables`; the
words in ``meta/scenario_figures.yml``. Projections are dashed on a shaded background with a note.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .. import scenarios as sc
from ..scenarios import ScenarioAnalysis, as_analysis, as_scenario_set
from ..scenarios.row_ids import (PATH_CONTEXT, PATH_INDICATORS, PATH_SOURCES, RATIO_CONTEXT, RATIO_SOURCES,
                                 TARGET_CONTEXT, TARGET_SOURCES)
from . import exhibit, words
from .scenario_tables import NOTEBOOK, SCENARIO_COLOURS, THEME, Model, basis_label, price_label, probability_text

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["fan_figure", "scenario_paths_figure"]

DATA_INPUTS = ("context.csv", "indicators.csv", "scenarios.toml")  # the model reads all three (cite lines)
_text, _fill = partial(words.text, "scenario_figures"), partial(words.fill, "scenario_figures")


def _figure(spec, lang: str, draw, footer_in: float = 0.7) -> tuple[Figure, object]:
    """One panel per indicator in two columns, projection years shaded, filled by ``draw(ax, first, name)``,
    and a footer row ``footer_in`` inches tall across the figure with one legend (each label once), kept off
    the panels' corner notes; returns the figure and the footer's axes (for notes under the legend).

    Fixed y-ticks keep the same tick objects through every layout pass (no stale label under the source line).
    """
    from matplotlib.ticker import MaxNLocator

    from .style import PAGE_WIDTH_IN, add_projection_note, new_figure, unit_axis_label

    n = len(spec.indicators)
    nrows, ncols = (-(-n // 2), 2) if n > 1 else (1, 1)
    fig, first = new_figure((PAGE_WIDTH_IN, 2.9 * nrows + footer_in + 0.8))
    first.remove()
    grid = fig.add_gridspec(nrows + 1, ncols, height_ratios=[2.9] * nrows + [footer_in])
    axes = [fig.add_subplot(grid[r, c]) for r in range(nrows) for c in range(ncols)]
    for k, (ax, (name, ind)) in enumerate(zip(axes, spec.indicators.items(), strict=False)):
        ax.axvspan(sc.BASE_YEAR - 0.5, spec.last_year + 0.5, color="#eeeeee", zorder=0)
        draw(ax, k == 0, name)
        ax.set_title(ind.label(lang), fontsize=10)
        ax.set_ylabel(price_label(unit_axis_label(ind.unit, lang), ind.price_basis, lang))
        ax.set_xticks(range(sc.BASE_YEAR - 2, spec.last_year + 1))
        low, high = ax.get_ylim()
        ticks = MaxNLocator(nbins=6).tick_values(low, high)
        ax.set_yticks(ticks[(ticks >= low) & (ticks <= high)])
        ax.set_ylim(low, high)
        add_projection_note(ax, words.text(THEME, "projection_tag", lang))
    for ax in axes[n:]:
        ax.set_visible(False)
    footer = fig.add_subplot(grid[nrows, :])
    footer.axis("off")
    labels, handles = _handles(axes[:n])
    footer.legend(handles, labels, loc="upper center", ncol=3, fontsize=8, borderaxespad=0)
    return fig, footer


def _handles(axes) -> tuple[list, list]:
    """Labels and handles of every axes, each label once, in drawing order."""
    seen: dict[str, object] = {}
    for ax in axes:
        for h, label in zip(*ax.get_legend_handles_labels(), strict=True):
            seen.setdefault(label, h)
    return list(seen), list(seen.values())


def _draw_history(ax, j: pd.DataFrame, lang: str, *, label: bool) -> None:
    """Printed and implied levels as markers; the 2025 jump-off as a diamond with its range."""
    hist = j[~j["is_projection"]]
    if not hist.empty:
        ax.plot(hist["year"], hist["value"], color="#333333", linewidth=1.4, zorder=3)
        for r in hist.itertuples(index=False):
            filled = r.basis in (sc.BASIS_REPORTED, sc.BASIS_OUTTURN)
            ax.plot(r.year, r.value, marker="o", markersize=6, color="#333333",
                    markerfacecolor="#333333" if filled else "white", zorder=4,
                    label=basis_label(r.basis, lang) if label else None)
    for r in j[(j["year"] == sc.BASE_YEAR) & j["is_projection"]].itertuples(index=False):
        ax.errorbar(r.year, r.value, yerr=[[r.value - r.low], [r.high - r.value]], fmt="D", markersize=6,
                    color="#6b6b6b", markerfacecolor="white", capsize=3, zorder=5,
                    label=_text("jumpoff", lang) if label else None)


@exhibit("fig-scenario-paths", kind="figure", notebook=NOTEBOOK,
         sources=PATH_SOURCES, indicators=PATH_INDICATORS, context=PATH_CONTEXT, is_projection=True)
def scenario_paths_figure(lang: str = "zh", model: Model = None) -> Figure:
    """One panel per indicator: history markers, the 2025 range, one dashed line per scenario."""
    from .style import PALETTE, PROJECTION_STYLE

    spec = as_scenario_set(model)
    projection = model.projection if isinstance(model, ScenarioAnalysis) else spec.project()

    def draw(ax, first: bool, iname: str) -> None:
        _draw_history(ax, spec.jumpoff[spec.jumpoff["indicator"] == iname], lang, label=first)
        for c, (sname, scen) in enumerate(spec.scenarios.items()):
            p = projection[(projection["scenario"] == sname) & (projection["indicator"] == iname)
                           & (projection["year"] >= sc.BASE_YEAR)]
            ax.plot(p["year"], p["value"], color=SCENARIO_COLOURS.get(sname, PALETTE[c % len(PALETTE)]),
                    linewidth=1.8, label=scen.label(lang) if first else None, **PROJECTION_STYLE)

    fig, _ = _figure(spec, lang, draw)
    fig.suptitle(_text("paths_title", lang))
    return fig


@exhibit("fig-scenario-fan", kind="figure", notebook=NOTEBOOK,
         sources=tuple(sorted({*PATH_SOURCES, *RATIO_SOURCES, *TARGET_SOURCES})), indicators=PATH_INDICATORS,
         context=tuple(sorted({*PATH_CONTEXT, *RATIO_CONTEXT, *TARGET_CONTEXT})), is_projection=True)
def fan_figure(lang: str = "zh", model: Model = None) -> Figure:
    """One panel per indicator: the fan of the base scenario from the 2025 jump-off to the last year.

    The deflated indicator (gross output) also shows its current-price median, the series its
    nominal targets are judged against. Targets given as a level or a multiple of 2025 are marked
    with their status and probability; one built on a context row (the national pace) is left to
    ``tab-required-growth``. The title says what the model leaves out."""
    from .style import PROJECTION_STYLE

    m = as_analysis(model)
    sname = m.fan_scenario
    colour = SCENARIO_COLOURS.get(sname, "#1f5fa8")
    nominal_prices = _fill("nominal_target", lang, prices=words.group(THEME, "price_basis", lang)["nominal"])
    marked = m.targets[(m.targets["year"] <= m.spec.last_year) & m.targets["kind"].isin(["value", "multiple_of_2025"])]

    def draw(ax, first: bool, iname: str) -> None:
        f = m.fan.fan(sname, iname)
        for band, alpha, (lo, hi) in (("band_90", 0.15, ("p05", "p95")), ("band_50", 0.30, ("p25", "p75"))):
            ax.fill_between(f.index.to_numpy(), f[lo], f[hi], color=colour, alpha=alpha, linewidth=0,
                            label=_text(band, lang) if first else None)
        ax.plot(f.index.to_numpy(), f["p50"], color=colour, linewidth=1.8,
                label=_text("median", lang) if first else None, **PROJECTION_STYLE)
        nominal = f"{iname}_nominal"
        if nominal in m.fan.series:
            fn = m.fan.fan(sname, nominal)
            ax.plot(fn.index, fn["p50"], color="#d9822b", linewidth=1.2, linestyle=":",
                    label=price_label(_text("median", lang), "nominal", lang))
        _draw_history(ax, m.spec.jumpoff[m.spec.jumpoff["indicator"] == iname], lang, label=first)
        for t in marked[marked["indicator"] == iname].itertuples():   # the star here; what it is and its probability under the legend
            ax.plot(t.year, t.target_value, marker="*", markersize=11, color="#d9822b", zorder=6)
            notes.append(_fill("target", lang, label=m.spec.indicators[iname].label(lang), value=t.target_value,
                               year=t.year, prices=nominal_prices if t.nominal else "",
                               status=words.text(THEME, f"target_status.{t.status}", lang),
                               probability=probability_text(m, t.target, sname, lang)))

    notes: list[str] = []
    fig, footer = _figure(m.spec, lang, draw, footer_in=0.7 + 0.3 * len(marked))
    footer.text(0.0, 0.0, "\n".join(notes), transform=footer.transAxes, ha="left", va="bottom", fontsize=8,
                color="#8a4a0f", linespacing=1.3)
    title = _fill("fan_title", lang, scenario=m.spec.scenarios[sname].label(lang), n_paths=m.fan.n_paths)
    fig.suptitle(f"{title}\n{words.text(THEME, 'left_out', lang)}", fontsize=9.5)
    return fig
