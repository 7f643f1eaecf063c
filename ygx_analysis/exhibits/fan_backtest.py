"""The fan's backtest (notebook 06): coverage of the 50 % and 90 % bands on China's and Hunan's history.

The model is :func:`ygx_analysis.scenarios.backtest.backtest_fan`; the words are in
``meta/fan_backtest.yml``. Each exhibit takes ``backtest`` (a
:class:`~ygx_analysis.scenarios.backtest.BacktestResult`) or, without it, runs the backtest with the
fan's shocks (the ``t_df`` of ``model``, a :data:`~.scenario_tables.Model`). :func:`reading` fills the
sentence that states the coverage measured.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import pandas as pd

from ..scenarios import ScenarioAnalysis, as_scenario_set
from ..scenarios.backtest import BANDS, BacktestResult, backtest_fan
from ..scenarios.row_ids import CALIBRATION_SOURCES
from . import exhibit, words
from .scenario_tables import NOTEBOOK, Model

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["BACKTEST_CONTEXT", "BACKTEST_SOURCES", "THEME", "backtest_figure", "backtest_table", "reading",
           "run_backtest"]

THEME = "fan_backtest"
DATA_INPUTS = ("scenarios.toml",)  # the fan's t_df comes from the assumptions file (cite lines)
_text, _fill = partial(words.text, THEME), partial(words.fill, THEME)

BACKTEST_CONTEXT = (tuple(f"s_cn_gdp_real_growth_{y}" for y in range(2000, 2026))
                    + tuple(f"s_hn_gdp_real_growth_{y}" for y in range(2000, 2026))
                    + tuple(f"s_cn_iva_above_scale_growth_{y}" for y in range(2000, 2026) if y != 2005)
                    + tuple(f"s_hn_iva_above_scale_growth_{y}" for y in (2016, 2018, 2020, 2022, 2023, 2024, 2025))
                    + tuple(f"s_cn_gpb_revenue_growth_{y}" for y in range(2000, 2026))
                    + tuple(f"s_hn_gpb_revenue_growth_derived_{y}" for y in range(2001, 2021)))
"""The rows of :data:`~ygx_analysis.scenarios.backtest.BACKTEST_SERIES` (Hunan's above-scale value added
is too short to backtest; its years are counted)."""

BACKTEST_SOURCES = tuple(sorted(set(CALIBRATION_SOURCES) | {
    "breakinglatest_hn_gwr_2023", "enghunan_hn_iva_2019_03_21", "nbs_gh_hn_fiscal", "shijiejingji_hn_2017_01_25",
    "smehn_hn_2021_01_20"}))
"""Sources of those rows."""


def run_backtest(model: Model = None) -> BacktestResult:
    """:func:`~ygx_analysis.scenarios.backtest.backtest_fan` with the fan's shocks: the ``t_df`` of ``model``
    (a :class:`~ygx_analysis.scenarios.ScenarioAnalysis`), else of the scenario file's ``[model]``."""
    t_df = model.t_df if isinstance(model, ScenarioAnalysis) else as_scenario_set(model).model.t_df
    return backtest_fan(t_df=t_df)


def _pooled(result: BacktestResult, by: list[str]) -> pd.DataFrame:
    """The summary by ``by`` and, after it, all series pooled (series ``'all'``)."""
    s = result.summary(["series", *by]) if by else result.summary(["series"])
    everything = result.to_frame().assign(series="all")
    pooled = BacktestResult(everything, {}, result.settings).summary(["series", *by])
    return pd.concat([s, pooled], ignore_index=True)


@exhibit("tab-fan-backtest", kind="table", notebook=NOTEBOOK, sources=BACKTEST_SOURCES, context=BACKTEST_CONTEXT)
def backtest_table(lang: str = "zh", backtest: BacktestResult | None = None, model: Model = None) -> pd.DataFrame:
    """Coverage of the 50 % and 90 % bands by series over every origin and horizon, with the count of cases.

    A series too short to backtest shows its years and "—".
    """
    r = run_backtest(model) if backtest is None else backtest
    s = _pooled(r, [])
    f = r.to_frame()
    na = _text("not_applicable", lang)
    rows = []
    for x in s.itertuples(index=False):
        origins = f if x.series == "all" else f[f["series"] == x.series]
        row = {"series": _text(f"series.{x.series}", lang),
               "basis": _text(f"basis.{x.basis}", lang) if x.basis else na,
               "origins": _fill("origins", lang, first=int(origins["origin"].min()),
                                last=int(origins["origin"].max())),
               "n": x.n, "mean_error": round(x.mean_error, 1)}
        for b in BANDS:
            row |= {f"inside_{b}": getattr(x, f"inside_{b}"), f"coverage_{b}": round(getattr(x, f"coverage_{b}")),
                    f"interval_{b}": _fill("interval", lang, low=getattr(x, f"low_{b}"),
                                           high=getattr(x, f"high_{b}"))}
        rows.append(row)
    for name, years in r.skipped.items():
        rows.append({"series": _text(f"series.{name}", lang), "basis": na,
                     "origins": _fill("too_few", lang, years=years, min_years=r.settings["min_years"]),
                     "n": 0, "mean_error": na} | {f"{c}_{b}": na for b in BANDS for c in ("inside", "coverage",
                                                                                         "interval")})
    table = pd.DataFrame(rows)
    return table.rename(columns=words.group(THEME, "table.columns", lang))


def _shocks(result: BacktestResult, lang: str) -> str:
    df = result.settings["t_df"]
    return _text("figure.normal", lang) if df is None else _fill("figure.student_t", lang, df=df)


@exhibit("fig-fan-backtest", kind="figure", notebook=NOTEBOOK, sources=BACKTEST_SOURCES, context=BACKTEST_CONTEXT)
def backtest_figure(lang: str = "zh", backtest: BacktestResult | None = None, model: Model = None) -> Figure:
    """Coverage by years ahead, one panel per band, each series thin and all series pooled (its interval shaded),
    against the nominal coverage (dashed)."""
    from .style import PALETTE, new_figure

    r = run_backtest(model) if backtest is None else backtest
    s = _pooled(r, ["horizon"])
    fig, grid = new_figure((6.25, 4.6), nrows=2, ncols=len(BANDS))   # 15.9 cm wide
    for ax in grid[1]:                                    # the second row holds the key, below both panels
        ax.remove()
    layout = grid[0, 0].get_gridspec()
    layout.set_height_ratios([4.0, 1.0])
    key = fig.add_subplot(layout[1, :])
    key.axis("off")
    axes = grid[0]
    names = list(dict.fromkeys(s["series"]))
    for ax, b in zip(axes, BANDS, strict=True):
        for k, name in enumerate(names):
            g = s[s["series"] == name]
            pooled = name == "all"
            if pooled:
                ax.fill_between(g["horizon"], g[f"low_{b}"], g[f"high_{b}"], color="#cccccc", alpha=0.6, lw=0)
            ax.plot(g["horizon"], g[f"coverage_{b}"], marker="o", ms=3 if not pooled else 4,
                    lw=2.2 if pooled else 1.0, color="black" if pooled else PALETTE[k % len(PALETTE)],
                    label=_text(f"series.{name}", lang), zorder=3 if pooled else 2)
        ax.axhline(b, color="#555555", ls="--", lw=1.0, zorder=1)
        ax.annotate(_fill("nominal", lang, band=b), (r.settings["horizons"], b), xytext=(0, 3),
                    textcoords="offset points", ha="right", va="bottom", fontsize=8, color="#555555")
        ax.set_title(_fill("band", lang, band=b), fontsize=10)
        ax.set_ylim(0, 100)
        ax.set_xticks(range(1, r.settings["horizons"] + 1))
        ax.tick_params(labelsize=8)
        ax.set_xlabel(_text("figure.xlabel", lang), fontsize=8)
    axes[0].set_ylabel(_text("figure.ylabel", lang), fontsize=8)
    handles, labels = axes[0].get_legend_handles_labels()
    key.legend(handles, labels, loc="center", ncol=2, fontsize=8, frameon=False)
    axes[0].text(0.02, 0.98, _fill("figure.method", lang, shocks=_shocks(r, lang), vol_scale=r.settings["vol_scale"],
                                   n_paths=r.settings["n_paths"]), transform=axes[0].transAxes, ha="left", va="top",
                 fontsize=8, color="#555555")
    return fig


def reading(lang: str = "zh", backtest: BacktestResult | None = None, model: Model = None) -> str:
    """The sentence that states the coverage measured, every number from the result.

    The verdict is read on all series pooled: its 90 % band's 95 % interval wholly below 90 (too
    narrow), wholly above (too wide), or around it.
    """
    r = run_backtest(model) if backtest is None else backtest
    f = r.to_frame()
    pooled = _pooled(r, []).set_index("series").loc["all"]
    by_h = _pooled(r, ["horizon"]).query("series == 'all'").set_index("horizon")
    by_s = r.summary(["series"]).set_index("series")["coverage_90"]
    first, last = int(by_h.index.min()), int(by_h.index.max())
    verdict = ("narrow" if pooled["high_90"] < 90 else "wide" if pooled["low_90"] > 90 else "consistent")
    return _fill("reading", lang, n=int(pooled["n"]), n_series=f["series"].nunique(),
                 first=int(f["origin"].min()), last=int(f["origin"].max()),
                 **{f"{c}_{b}": float(pooled[f"{c}_{b}"]) for b in BANDS for c in ("coverage", "low", "high")},
                 coverage_90_first=float(by_h.loc[first, "coverage_90"]),
                 coverage_90_last=float(by_h.loc[last, "coverage_90"]), horizons=last,
                 lowest_90=float(by_s.min()), lowest=_text(f"series.{by_s.idxmin()}", lang),
                 highest_90=float(by_s.max()), highest=_text(f"series.{by_s.idxmax()}", lang),
                 mean_error_abs=abs(float(pooled["mean_error"])),
                 direction=_text("direction.below" if pooled["mean_error"] < 0 else "direction.above", lang),
                 verdict=_text(f"verdict.{verdict}", lang))
