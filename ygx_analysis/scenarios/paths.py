"""Deterministic scenario paths: glide paths, the jump-off history, projections and the plan-period summary.

History and projection are kept apart. For the fiscal indicators the article
prints the 2024 level and its growth, so the frame holds the implied 2023 level
(:func:`~ygx_analysis.arithmetic.growth.implied_prior_level`), the 2024 level as printed,
and a 2025 level that is itself a projection (there is no 2025 print). For gross
output and value added the article prints only January–June 2025; the annual
2025 level is an estimate: the half year annualised by the package's one
H1-to-year rule (:func:`~ygx_analysis.arithmetic.growth.half_year_rule`), a range of
first-half shares read from ``context.csv``, so the 2025 level is a range. The
``basis`` column says which is which; ``is_projection`` is True for every value
that was not printed or implied by printed figures. A full-year 2025 row of the
zone from a later source (:func:`outturn_2025`) makes 2025 history: that value,
with no range, basis ``'outturn (later source)'``.

The functions here work on the checked parts of a scenario file
(:mod:`~ygx_analysis.scenarios.config`) and on tidy frames; the model
:class:`~ygx_analysis.scenarios.ScenarioModel` calls them. All compounding is done
by :mod:`ygx_analysis.arithmetic.growth`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..arithmetic import growth
from ..data.series import full_year
from .config import BASE_YEAR, GLIDES, IndicatorSpec, Scenario

__all__ = ["BASES", "BASIS_ESTIMATE_H1", "BASIS_IMPLIED", "BASIS_OUTTURN", "BASIS_PROJECTION_2025", "BASIS_REPORTED",
           "BASIS_SCENARIO",
           "GROWTH_RATE_COLUMNS", "JUMPOFF_COLUMNS", "PROJECTION_COLUMNS", "SUMMARY_COLUMNS", "glide_path",
           "growth_rate_frame", "jumpoff_frame", "outturn_2025", "pipeline_additions", "plan_period_summary",
           "project_paths", "ratio_path"]

BASIS_IMPLIED = "implied from 2024 level and growth"
BASIS_REPORTED = "reported"
BASIS_OUTTURN = "outturn (later source)"
BASIS_ESTIMATE_H1 = "estimate from 2025H1"
BASIS_PROJECTION_2025 = "projection (no 2025 print)"
BASIS_SCENARIO = "scenario projection"
BASES = (BASIS_IMPLIED, BASIS_REPORTED, BASIS_OUTTURN, BASIS_ESTIMATE_H1, BASIS_PROJECTION_2025, BASIS_SCENARIO)
"""The words of the ``basis`` column, from most to least observed."""

JUMPOFF_COLUMNS = ("indicator", "year", "value", "low", "high", "is_projection", "basis", "growth_pct",
                   "unit", "row_ids")
PROJECTION_COLUMNS = ("scenario", "indicator", "year", "value", "is_projection", "basis",
                      "growth_pct", "unit", "row_ids")
GROWTH_RATE_COLUMNS = ("scenario", "indicator", "year", "growth_pct")
SUMMARY_COLUMNS = ("scenario", "indicator", "unit", "level_2025", "basis_2025", "end_year", "level_end",
                   "cagr_pct", "cumulative", "multiple_of_2025")


def glide_path(start_pct: Any, end_pct: Any, n_years: int, shape: str = "linear") -> np.ndarray:
    """Per-year growth rates that move from ``start_pct`` to ``end_pct`` over ``n_years``.

    ``rate_k = start + (end - start) * w_k`` for ``k = 0 … n-1``, with
    ``x = k / (n - 1)`` and weights ``w = x`` (linear), ``1 - (1 - x)**2``
    (front_loaded: most of the change early), ``x**2`` (back_loaded: most of it
    late) or ``0`` (constant: the start rate throughout). The first year gets the
    start rate and the last the end rate.

    Parameters
    ----------
    start_pct, end_pct : float or array_like
        Growth in the first and last year, per cent. Arrays broadcast; the years
        run along a new last axis.
    n_years : int
        Number of years (at least 1).
    shape : {'linear', 'front_loaded', 'back_loaded', 'constant'}

    Returns
    -------
    ndarray
        The rates, per cent, years along the last axis.

    Examples
    --------
    >>> glide_path(8.0, 6.0, 5)
    array([8. , 7.5, 7. , 6.5, 6. ])
    >>> glide_path(8.0, 6.0, 5, "back_loaded")
    array([8.   , 7.875, 7.5  , 6.875, 6.   ])
    >>> glide_path([8.0, 4.0], [6.0, 4.0], 3)
    array([[8., 7., 6.],
           [4., 4., 4.]])
    """
    if not isinstance(shape, str):
        raise TypeError(f"shape: expected a string, got {type(shape).__name__}")
    if shape not in GLIDES:
        raise ValueError(f"shape: unknown glide {shape!r}; expected one of {', '.join(GLIDES)}")
    if isinstance(n_years, bool) or not isinstance(n_years, (int, np.integer)):
        raise TypeError(f"n_years: expected a whole number, got {type(n_years).__name__}")
    if n_years < 1:
        raise ValueError("n_years: must be a whole number of at least 1")
    start = np.asarray(start_pct, dtype=float)[..., np.newaxis]
    end = np.asarray(end_pct, dtype=float)[..., np.newaxis]
    x = np.arange(n_years) / max(n_years - 1, 1)
    weights = {"linear": x, "front_loaded": 1 - (1 - x) ** 2, "back_loaded": x ** 2,
               "constant": np.zeros_like(x)}[shape]
    return start + (end - start) * weights


def pipeline_additions(capital: float, arrival_share: float, years_to_stream: int, output_per_investment: float,
                       years: Sequence[int], signed_year: int = BASE_YEAR - 1) -> np.ndarray:
    """Output added by signed investment in each year: ``capital × arrival_share × output_per_investment``.

    Every year from ``signed_year + years_to_stream`` on gets the full addition;
    earlier years get none.

    Parameters
    ----------
    capital : float
        Investment signed (亿元), e.g. the 165亿元 of domestic capital attracted in 2024.
    arrival_share : float
        Share of it that arrives, in [0, 1].
    years_to_stream : int
        Years from signing to output (not negative).
    output_per_investment : float
        Yearly output per unit of investment once on stream (not negative).
    years : sequence of int
        The years to return.
    signed_year : int
        The year of signing (2024).

    Examples
    --------
    165亿元, half of it arriving, on stream two years after 2024, yearly output equal to the investment:

    >>> pipeline_additions(165.0, 0.5, 2, 1.0, [2025, 2026, 2027]).tolist()
    [0.0, 82.5, 82.5]
    """
    on = np.asarray(years, dtype="int64") >= signed_year + years_to_stream
    return np.where(on, capital * arrival_share * output_per_investment, 0.0)


def ratio_path(ratio_start: float, part_rates_pct: Any, whole_rates_pct: Any) -> np.ndarray:
    """The ratio of a part to its whole after each year, when each grows at its own rates.

    ``ratio_start × cumprod((1 + part / 100) / (1 + whole / 100))`` along the last axis.

    Examples
    --------
    >>> ratio_path(0.5, [10.0, 10.0], [0.0, 10.0]).round(6).tolist()
    [0.55, 0.55]
    """
    part, whole = np.asarray(part_rates_pct, dtype=float), np.asarray(whole_rates_pct, dtype=float)
    return ratio_start * np.cumprod((1 + part / 100) / (1 + whole / 100), axis=-1)


def jumpoff_frame(indicators: Mapping[str, IndicatorSpec], rows: pd.DataFrame,
                  rules: Mapping[str, growth.HalfYearRule], context: pd.DataFrame | None = None) -> pd.DataFrame:
    """History and the 2025 jump-off level of every indicator, with the 2025 range.

    Parameters
    ----------
    indicators : mapping of str to IndicatorSpec
        The indicators of a scenario file, in order.
    rows : DataFrame
        ``indicators.csv`` (:func:`~ygx_analysis.data.tables.load_indicators`): the printed levels.
    rules : mapping of str to HalfYearRule
        The H1-to-year rule of each kind an indicator names
        (:func:`~ygx_analysis.arithmetic.growth.half_year_rule`).
    context : DataFrame, optional
        ``context.csv``: its rows of the zone may hold later observations (:func:`outturn_2025`).

    Returns
    -------
    DataFrame
        ``indicator, year, value, low, high, is_projection, basis, growth_pct,
        unit, row_ids``. Fiscal indicators: the implied 2023 level, the 2024 print
        and the 2025 projection (2024 grown at the assumed 2025 rate). Gross
        output and value added: the 2025 estimate from January–June by the H1
        rule (its median share; the range from its highest and lowest share).
        ``low`` and ``high`` carry the 2025 range (equal to ``value`` otherwise).
        When the series of the indicator's row holds a full-year 2025 observation
        (:func:`outturn_2025`), 2025 is that row: history, with no range.

    Examples
    --------
    >>> from ygx_analysis.data.tables import load_indicators
    >>> from ygx_analysis.arithmetic.growth import half_year_rule
    >>> from ygx_analysis.scenarios import load_scenarios
    >>> rules = {"output": half_year_rule("output")}
    >>> j = jumpoff_frame(load_scenarios().indicators, load_indicators(), rules).set_index(["indicator", "year"])
    >>> round(float(j.loc[("fiscal_revenue_total", 2023), "value"]), 4)   # 62.08 / 1.0633
    58.3843
    >>> round(float(j.loc[("gross_output", 2025), "value"]), 2)          # 201.69 divided by the median share 0.465
    433.74
    >>> [round(float(j.loc[("gross_output", 2025), k]), 2) for k in ("low", "high")]   # shares 0.48 and 0.452
    [420.19, 446.22]
    >>> j.loc[("gross_output", 2025), "basis"]
    'estimate from 2025H1'
    """
    ind = rows.set_index("id")
    out: list[dict[str, Any]] = []
    for name, s in indicators.items():
        a = s.estimate_2025.growth_pct
        seen = outturn_2025(rows, s.level_row if s.method == "grow_2024" else s.h1_row, context)
        if s.method == "grow_2024":
            level, yoy = float(ind.loc[s.level_row, "value"]), float(ind.loc[s.yoy_row, "value"])
            prior = growth.implied_prior_level(level, yoy)
            est = [growth.project(level, rate, 1) for rate in (a.default, a.low, a.high)]
            both = f"{s.level_row};{s.yoy_row}"
            out.append(dict(indicator=name, year=BASE_YEAR - 2, value=prior, low=prior, high=prior,
                            is_projection=False, basis=BASIS_IMPLIED, growth_pct=np.nan, row_ids=both))
            out.append(dict(indicator=name, year=BASE_YEAR - 1, value=level, low=level, high=level,
                            is_projection=False, basis=BASIS_REPORTED, growth_pct=yoy, row_ids=both))
            if seen is not None:
                v = float(seen["value"])
                out.append(dict(indicator=name, year=BASE_YEAR, value=v, low=v, high=v, is_projection=False,
                                basis=BASIS_OUTTURN, growth_pct=growth.yoy_pct(v, level),
                                row_ids=f"{s.level_row};{seen['id']}"))
            else:
                out.append(dict(indicator=name, year=BASE_YEAR, value=est[0], low=est[1], high=est[2],
                                is_projection=True, basis=BASIS_PROJECTION_2025, growth_pct=a.default,
                                row_ids=s.level_row))
        elif seen is not None:
            v = float(seen["value"])
            out.append(dict(indicator=name, year=BASE_YEAR, value=v, low=v, high=v, is_projection=False,
                            basis=BASIS_OUTTURN, growth_pct=np.nan, row_ids=seen["id"]))
        else:
            h1, rule = float(ind.loc[s.h1_row, "value"]), rules[s.h1_rule]
            est = growth.annualize_half_year(h1, [rule.central, rule.high, rule.low])
            out.append(dict(indicator=name, year=BASE_YEAR, value=est[0], low=est[1], high=est[2],
                            is_projection=True, basis=BASIS_ESTIMATE_H1, growth_pct=np.nan, row_ids=s.h1_row))
        for r in out:
            r.setdefault("unit", s.unit)
    frame = pd.DataFrame(out, columns=list(JUMPOFF_COLUMNS))
    frame["year"] = frame["year"].astype("int64")
    frame["is_projection"] = frame["is_projection"].astype(bool)
    return frame


def outturn_2025(rows: pd.DataFrame, row_id: str, context: pd.DataFrame | None = None) -> pd.Series | None:
    """The full-year 2025 observation of the series of ``row_id`` (same indicator and measure), or None.

    :func:`~ygx_analysis.data.series.full_year` of 2025 among ``rows``
    (``indicators.csv``) and the zone's rows of ``context``: when the latest is
    for the whole of 2025 it replaces the article's 2024 level or January–June
    figure as the jump-off.

    Examples
    --------
    >>> from ygx_analysis.data.tables import load_context, load_indicators
    >>> rows, context = load_indicators(), load_context()
    >>> outturn_2025(rows, "gross_output_2025h1", context) is None     # the article prints only January–June
    True
    >>> extra = context[context["region"] == "zone"].head(1).assign(
    ...     id="gross_output_2025", indicator="above_scale_gross_output", period="2025", value=440.5, status="final")
    >>> outturn_2025(rows, "gross_output_2025h1", pd.concat([context, extra]))["id"]
    'gross_output_2025'
    """
    return full_year(rows, row_id, BASE_YEAR, context)


def growth_rate_frame(scenarios: Mapping[str, Scenario], years: Sequence[int]) -> pd.DataFrame:
    """The deterministic growth rate of every scenario, indicator and projected year.

    Returns
    -------
    DataFrame
        ``scenario, indicator, year, growth_pct``.

    Examples
    --------
    >>> from ygx_analysis.scenarios import load_scenarios
    >>> spec = load_scenarios()
    >>> g = growth_rate_frame({"base": spec.scenarios["base"]}, spec.years)
    >>> g[g["indicator"] == "value_added"]["growth_pct"].tolist()
    [7.5, 7.125, 6.75, 6.375, 6.0]
    """
    years = list(years)
    rows = []
    for sname, scen in scenarios.items():
        for iname, p in scen.paths.items():
            rates = glide_path(p.start_growth_pct, p.end_growth_pct, len(years), p.glide)
            rows.extend((sname, iname, year, float(rate)) for year, rate in zip(years, rates, strict=True))
    frame = pd.DataFrame(rows, columns=list(GROWTH_RATE_COLUMNS))
    frame["year"] = frame["year"].astype("int64")
    return frame


def project_paths(jumpoff: pd.DataFrame, scenarios: Mapping[str, Scenario], years: Sequence[int]) -> pd.DataFrame:
    """Deterministic scenario paths with their history, as one tidy frame.

    Parameters
    ----------
    jumpoff : DataFrame
        Output of :func:`jumpoff_frame`.
    scenarios : mapping of str to Scenario
        The scenarios to project by name, in the order wanted.
    years : sequence of int
        The projected years, ``BASE_YEAR + 1`` onwards.

    Returns
    -------
    DataFrame
        ``scenario, indicator, year, value, is_projection, basis, growth_pct,
        unit, row_ids``. Each scenario repeats the history rows; projected years
        have basis ``'scenario projection'`` and the growth rate applied in that
        year.

    Examples
    --------
    >>> from ygx_analysis.scenarios import load_scenarios
    >>> spec = load_scenarios()
    >>> p = project_paths(spec.jumpoff, {"base": spec.scenarios["base"]}, spec.years)
    >>> va = p[p["indicator"] == "value_added"].set_index("year")
    >>> round(float(va.loc[2026, "value"]) * 0.465 / 1.075, 2)   # the 2025 level is 47.83 over the median share
    47.83
    >>> bool(va.loc[2026, "is_projection"]), va.loc[2026, "basis"]
    (True, 'scenario projection')
    """
    years = list(years)
    start = jumpoff[jumpoff["year"] == BASE_YEAR].set_index("indicator")["value"]
    frames = []
    for sname, scen in scenarios.items():
        for iname, p in scen.paths.items():
            hist = jumpoff[jumpoff["indicator"] == iname].drop(columns=["low", "high"])
            rates = glide_path(p.start_growth_pct, p.end_growth_pct, len(years), p.glide)
            levels = growth.project_path(float(start[iname]), rates)
            proj = pd.DataFrame({"indicator": iname, "year": years, "value": levels, "is_projection": True,
                                 "basis": BASIS_SCENARIO, "growth_pct": rates, "unit": hist["unit"].iloc[-1],
                                 "row_ids": hist["row_ids"].iloc[-1]})
            frames.append(pd.concat([hist, proj], ignore_index=True).assign(scenario=sname))
    if not frames:
        raise ValueError("scenarios: no scenario to project")
    frame = pd.concat(frames, ignore_index=True)[list(PROJECTION_COLUMNS)]
    frame["year"] = frame["year"].astype("int64")
    frame["is_projection"] = frame["is_projection"].astype(bool)
    return frame


def plan_period_summary(projection: pd.DataFrame) -> pd.DataFrame:
    """The plan period at a glance: end level, CAGR, cumulative total and multiple of 2025.

    Parameters
    ----------
    projection : DataFrame
        Output of :func:`project_paths` (or :meth:`ScenarioModel.project
        <ygx_analysis.scenarios.ScenarioModel.project>`).

    Returns
    -------
    DataFrame
        ``scenario, indicator, unit, level_2025, basis_2025, end_year, level_end,
        cagr_pct`` (2025 → end year, :func:`~ygx_analysis.arithmetic.growth.cagr`),
        ``cumulative`` (sum of the projected years 2026 … end year; all four
        indicators are annual flows) and ``multiple_of_2025``.

    Examples
    --------
    >>> from ygx_analysis.scenarios import load_scenarios
    >>> s = plan_period_summary(load_scenarios().project()).set_index(["scenario", "indicator"])
    >>> round(float(s.loc[("high", "fiscal_revenue_total"), "cagr_pct"]), 6)   # constant 6.5 % a year
    6.5
    """
    if not isinstance(projection, pd.DataFrame):
        raise TypeError(f"projection: expected a DataFrame, got {type(projection).__name__}")
    rows = []
    for (sname, iname), g in projection.groupby(["scenario", "indicator"], sort=False):
        base = g[g["year"] == BASE_YEAR].iloc[0]
        proj = g[(g["basis"] == BASIS_SCENARIO)].sort_values("year")
        end = proj.iloc[-1]
        years = int(end["year"]) - BASE_YEAR
        rows.append({"scenario": sname, "indicator": iname, "unit": base["unit"], "level_2025": base["value"],
                     "basis_2025": base["basis"], "end_year": int(end["year"]), "level_end": end["value"],
                     "cagr_pct": growth.cagr(base["value"], end["value"], years),
                     "cumulative": float(proj["value"].sum()), "multiple_of_2025": end["value"] / base["value"]})
    return pd.DataFrame(rows, columns=list(SUMMARY_COLUMNS))
