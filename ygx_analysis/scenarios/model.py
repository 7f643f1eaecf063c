"""The scenario model: a checked config and the data rows it rests on → paths, targets and a Monte Carlo fan.

:func:`load_scenarios` reads ``data/scenarios.toml`` (or another file) into a
:class:`~ygx_analysis.scenarios.ScenarioConfig`, checks the data rows it names
and returns a :class:`ScenarioModel`. The model loads the data frames of its
data folder once and computes its jump-off (history and 2025 levels) once; its
methods give the deterministic paths, the plan-period summary, target levels and
required growth, and a seeded Monte Carlo fan (:class:`~ygx_analysis.scenarios.FanResult`),
in the manner of statsmodels: config, model and results are separate types.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..arithmetic import growth
from ..data.files import DataError, Problem, display_path
from ..data.tables import default_data_dir, load_context, load_indicators
from . import calibration, montecarlo, paths, targets
from .parameters import ParameterRanges
from .config import BASE_YEAR, Assumption, PathSpec, ScenarioConfig, read_config
from .results import FanResult
from .row_ids import check_row_ids

__all__ = ["ScenarioModel", "default_scenarios_path", "load_scenarios"]

def _path_arg(value: Any, name: str) -> Path | None:
    if value is not None and not isinstance(value, (str, os.PathLike)):
        raise TypeError(f"{name}: expected a path or None, got {type(value).__name__}")
    return None if value is None else Path(value)


def default_scenarios_path(data_dir: str | os.PathLike[str] | None = None) -> Path:
    """``scenarios.toml`` in ``data_dir`` (default: :func:`~ygx_analysis.data.tables.default_data_dir`)."""
    folder = _path_arg(data_dir, "data_dir")
    return (default_data_dir() if folder is None else folder) / "scenarios.toml"


def _checked(name: str, value: Any, known: Mapping[str, Any]) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name}: expected a string, got {type(value).__name__}")
    if value not in known:
        raise ValueError(f"{name}: unknown {name} {value!r}; expected one of {', '.join(known)}")
    return value


@dataclass(frozen=True, eq=False)
class ScenarioModel:
    """The model of the 十五五 scenarios: a :class:`~ygx_analysis.scenarios.ScenarioConfig` and its data rows.

    Build one with :func:`load_scenarios`. ``source`` is the file as shown in
    messages, ``data_dir`` the folder of the data rows (None: the package's). The
    data frames, the jump-off and the AR(1) fits are computed once, on first use.
    """

    config: ScenarioConfig
    source: str
    data_dir: Path | None = None

    indicators = property(lambda self: self.config.indicators, doc="Indicators by name, in file order.")
    scenarios = property(lambda self: self.config.scenarios, doc="Scenarios by name, in file order.")
    targets = property(lambda self: self.config.targets, doc="The targets, in file order.")
    model = property(lambda self: self.config.model, doc="``[model]``: every indicator's role (or None).")
    deflator = property(lambda self: self.config.deflator, doc="``[deflator]`` (or None).")
    pipeline = property(lambda self: self.config.pipeline, doc="``[pipeline]`` (or None).")
    last_year = property(lambda self: self.config.meta.last_year, doc="The last projected year.")

    @cached_property
    def data(self) -> pd.DataFrame:
        """``indicators.csv`` of :attr:`data_dir`, loaded once."""
        return load_indicators(None if self.data_dir is None else self.data_dir / "indicators.csv")

    @cached_property
    def context(self) -> pd.DataFrame:
        """``context.csv`` of :attr:`data_dir`, loaded once."""
        return load_context(None if self.data_dir is None else self.data_dir / "context.csv")

    def _with(self, config: ScenarioConfig) -> ScenarioModel:
        """A model of ``config`` that keeps the data, jump-off and fits of this one (they do not depend on paths)."""
        new = ScenarioModel(config, self.source, self.data_dir)
        for name in ("data", "context", "jumpoff", "series_fits"):
            if name in self.__dict__:
                new.__dict__[name] = self.__dict__[name]
        return new

    @property
    def years(self) -> tuple[int, ...]:
        """The projected years, ``BASE_YEAR + 1`` … ``last_year``."""
        return tuple(range(BASE_YEAR + 1, self.last_year + 1))

    def check_indicator(self, indicator: str) -> str:
        """Return ``indicator`` or raise ``TypeError``/``ValueError`` naming it."""
        return _checked("indicator", indicator, self.indicators)

    def scenario_names(self, scenarios: Sequence[str] | str | None = None) -> list[str]:
        """The checked scenario names, in file order (``["high", "low"]`` → ``['low', 'high']``); all for None."""
        if scenarios is None:
            return list(self.scenarios)
        if isinstance(scenarios, str):
            scenarios = [scenarios]
        if not isinstance(scenarios, Sequence):
            raise TypeError(f"scenarios: expected a name or a sequence of names, got {type(scenarios).__name__}")
        names = [_checked("scenario", s, self.scenarios) for s in scenarios]
        return [s for s in self.scenarios if s in names]

    def path(self, scenario: str, indicator: str) -> PathSpec:
        """The path of one indicator under one scenario."""
        return self.scenarios[_checked("scenario", scenario, self.scenarios)].paths[self.check_indicator(indicator)]

    def with_growth(self, indicator: str, growth_pct: Mapping[str, tuple[float, float]]) -> ScenarioModel:
        """A copy with new (start, end) growth of ``indicator`` in the scenarios named in ``growth_pct``, checked.

        A constant glide with two different rates becomes linear ('constant' means start equals end).

        Examples
        --------
        >>> m = load_scenarios().with_growth("value_added", {"base": (7.5, 7.5)})
        >>> m.path("base", "value_added").end_growth_pct, m.path("low", "value_added").end_growth_pct
        (7.5, 3.5)
        """
        scenarios = dict(self.scenarios)
        for sname, (start, end) in growth_pct.items():
            scen = scenarios[sname]
            p = scen.paths[self.check_indicator(indicator)]
            glide = "linear" if p.glide == "constant" and start != end else p.glide
            new = PathSpec.model_validate({**p.model_dump(), "start_growth_pct": float(start),
                                           "end_growth_pct": float(end), "glide": glide, "refs": list(p.refs)})
            scenarios[sname] = scen.model_copy(update={"paths": {**scen.paths, indicator: new}})
        return self._with(self.config.model_copy(update={"scenarios": scenarios}))

    def with_pipeline(self, enabled: bool = True) -> ScenarioModel:
        """A copy with the 2024 investment pipeline switched on (or off); ``ValueError`` without a ``[pipeline]``."""
        if self.pipeline is None:
            raise ValueError(f"enabled: {self.source} has no [pipeline] to switch on")
        if self.pipeline.enabled == enabled:
            return self
        pipeline = self.pipeline.model_copy(update={"enabled": enabled})
        return self._with(self.config.model_copy(update={"pipeline": pipeline}))

    def assumptions_table(self) -> pd.DataFrame:
        """Every scenario assumption in one table: start, end, glide, rationale and refs.

        Examples
        --------
        >>> a = load_scenarios().assumptions_table().set_index(["scenario", "indicator"])
        >>> row = a.loc[("base", "value_added")]
        >>> float(row["start_growth_pct"]), float(row["end_growth_pct"]), row["glide"]
        (7.5, 6.0, 'linear')
        """
        return pd.DataFrame([{"scenario": s, "indicator": i, "start_growth_pct": p.start_growth_pct,
                              "end_growth_pct": p.end_growth_pct, "glide": p.glide, "rationale": p.rationale,
                              "refs": ";".join(p.refs)}
                             for s, scen in self.scenarios.items() for i, p in scen.paths.items()])

    def h1_rule(self, kind: str) -> growth.HalfYearRule:
        """The package's H1-to-year rule of ``kind`` on this model's ``context.csv``."""
        return growth.half_year_rule(kind, self.context)

    def assumption(self, indicator: str) -> Assumption:
        """The 2025 assumption of ``indicator``: its growth range, or the H1 share range of its rule.

        When 2025 is history (a full-year 2025 row, :func:`.paths.outturn_2025`) it is a point: the
        growth over 2024, or the January–June share of the year, that the row implies, so no 2025 draw.
        """
        s = self.indicators[self.check_indicator(indicator)]
        j = self.jumpoff
        at = j[(j["indicator"] == indicator) & (j["year"] == BASE_YEAR)].iloc[0]
        if not at["is_projection"]:
            base = float(self.data.set_index("id").loc[s.level_row or s.h1_row, "value"])
            point = growth.yoy_pct(float(at["value"]), base) if s.method == "grow_2024" else base / at["value"]
            return Assumption.model_construct(default=point, low=point, high=point)
        if s.method == "grow_2024":
            return s.estimate_2025.growth_pct
        rule = self.h1_rule(s.h1_rule)
        return Assumption.model_construct(default=rule.central, low=rule.low, high=rule.high)

    def jumpoff_assumptions(self) -> pd.DataFrame:
        """The assumption behind each 2025 level: name, default, range and rationale.

        For a January–June level the assumption is the H1 share of the package's
        one rule (:func:`~ygx_analysis.arithmetic.growth.half_year_rule`): its median, lowest
        and highest share among the seasonality rows of ``context.csv``.

        Examples
        --------
        >>> a = load_scenarios().jumpoff_assumptions().set_index("indicator")
        >>> row = a.loc["gross_output"]
        >>> row["assumption"], float(row["default"]), float(row["low"]), float(row["high"])
        ('h1_share', 0.465, 0.452, 0.48)
        """
        rows = []
        for name, s in self.indicators.items():
            a = self.assumption(name)
            rows.append({"indicator": name, "method": s.method,
                         "assumption": "growth_pct" if s.method == "grow_2024" else "h1_share",
                         "default": a.default, "low": a.low, "high": a.high, "rationale": s.estimate_2025.rationale,
                         "refs": ";".join(s.estimate_2025.refs)})
        return pd.DataFrame(rows)

    @cached_property
    def jumpoff(self) -> pd.DataFrame:
        """History and the 2025 jump-off level of every indicator (:func:`~ygx_analysis.scenarios.paths.jumpoff_frame`).

        Computed once and shared: copy it before changing it.

        Examples
        --------
        >>> j = load_scenarios().jumpoff.set_index(["indicator", "year"])
        >>> round(float(j.loc[("gross_output", 2025), "value"]), 2)   # 201.69 over the median H1 share 0.465
        433.74
        """
        kinds = {s.h1_rule for s in self.indicators.values() if s.h1_rule}
        return paths.jumpoff_frame(self.indicators, self.data, {k: self.h1_rule(k) for k in sorted(kinds)},
                                   self.context)

    def outturns(self) -> pd.DataFrame:
        """The indicators whose 2025 is history: ``indicator, row_id, replaces`` (``estimate_h1`` or
        ``projection_2025``, the jump-off the row replaces). Empty without a full-year 2025 row.

        Examples
        --------
        >>> load_scenarios().outturns().empty    # the article prints no full-year 2025 figure
        True
        """
        j = self.jumpoff
        seen = j[(j["year"] == BASE_YEAR) & (j["basis"] == paths.BASIS_OUTTURN)]
        return pd.DataFrame({"indicator": seen["indicator"], "row_id": seen["row_ids"].str.split(";").str[-1],
                             "replaces": ["projection_2025" if self.indicators[i].method == "grow_2024"
                                          else "estimate_h1" for i in seen["indicator"]]}).reset_index(drop=True)

    def level_2025(self, indicator: str) -> float:
        """The 2025 level of one indicator under the default assumption."""
        name, j = self.check_indicator(indicator), self.jumpoff
        return float(j.loc[(j["indicator"] == name) & (j["year"] == BASE_YEAR), "value"].item())

    def growth_rates(self, scenarios: Sequence[str] | str | None = None) -> pd.DataFrame:
        """The deterministic growth rate (``scenario, indicator, year, growth_pct``) of every projected year."""
        return paths.growth_rate_frame({s: self.scenarios[s] for s in self.scenario_names(scenarios)}, self.years)

    def project(self, scenarios: Sequence[str] | str | None = None) -> pd.DataFrame:
        """Deterministic scenario paths with their history, as one tidy frame.

        ``scenarios`` (all by default) keep file order; the frame is that of
        :func:`~ygx_analysis.scenarios.paths.project_paths`. With the pipeline on
        (:meth:`with_pipeline`), its output is added to its indicator in the
        projected years, and each share of that indicator (value added of gross
        output) gains its central share of it; ``growth_pct`` stays the scenario's rate.

        Examples
        --------
        >>> p = load_scenarios().project("base")
        >>> va = p[p["indicator"] == "value_added"].set_index("year")
        >>> round(float(va.loc[2026, "value"] / va.loc[2025, "value"]), 6)   # base starts at 7.5 %
        1.075
        """
        names = self.scenario_names(scenarios)
        frame = paths.project_paths(self.jumpoff, {s: self.scenarios[s] for s in names}, self.years)
        add = self.pipeline_additions()
        if add is None or not add.any():
            return frame
        whole = self.pipeline.indicator
        roles = self.model.roles.values() if self.model is not None else []
        parts = [r.indicator for r in roles if r.role == "share" and r.of == whole]
        proj = frame["basis"] == paths.BASIS_SCENARIO
        for sname in names:
            at = proj & (frame["scenario"] == sname)
            w = at & (frame["indicator"] == whole)
            before = frame.loc[w, "value"].to_numpy()
            for part in parts:
                sel = at & (frame["indicator"] == part)
                frame.loc[sel, "value"] += frame.loc[sel, "value"].to_numpy() / before * add
            frame.loc[w, "value"] = before + add
        return frame

    def pipeline_additions(self) -> np.ndarray | None:
        """The pipeline's addition to its indicator in each projected year (defaults), or None when it is off.

        Examples
        --------
        >>> spec = load_scenarios()
        >>> spec.pipeline_additions() is None
        True
        >>> spec.with_pipeline().pipeline_additions().tolist()   # 165 × 0.5 × 1.0 from 2026 (2024 + 2 years)
        [82.5, 82.5, 82.5, 82.5, 82.5]
        """
        p = self.pipeline
        if p is None or not p.enabled:
            return None
        capital = float(self.data.set_index("id").loc[p.capital_row, "value"])
        return paths.pipeline_additions(capital, p.arrival_share.default, int(p.years_to_stream.default),
                                        p.output_per_investment.default, self.years)

    def plan_period_summary(self, scenarios: Sequence[str] | str | None = None) -> pd.DataFrame:
        """End level, CAGR, cumulative total and multiple of 2025 (:func:`.paths.plan_period_summary`).

        Examples
        --------
        >>> s = load_scenarios().plan_period_summary().set_index(["scenario", "indicator"])
        >>> round(float(s.loc[("high", "fiscal_revenue_total"), "cagr_pct"]), 6)   # constant 6.5 % a year
        6.5
        """
        return paths.plan_period_summary(self.project(scenarios))

    def required_growth(self, indicator: str, target: Any, year: Any) -> float | np.ndarray:
        """The constant annual growth (per cent) from :meth:`level_2025` to ``target`` by ``year``.

        Examples
        --------
        A 1000亿 gross output by 2030 from the 2025 estimate, 201.69 annualised by the
        H1 rule's median share (0.465):

        >>> round(load_scenarios().required_growth("gross_output", 1000, 2030), 2)
        18.18
        """
        return targets.required_growth(self.level_2025(indicator), target, year)

    def target_levels(self) -> pd.DataFrame:
        """Every target as a level, with the growth needed to reach it from 2025, its status and price basis.

        :func:`~ygx_analysis.scenarios.targets.target_levels`; the range is the
        required growth from the ends of the 2025 range (for a January–June
        estimate, the H1 rule's range).
        """
        j = self.jumpoff[self.jumpoff["year"] == BASE_YEAR].set_index("indicator")
        ranges = {name: (float(r["low"]), float(r["high"])) for name, r in j.iterrows()}
        return targets.target_levels(self.targets, j["value"], pd.concat([self.data, self.context]), ranges)

    def _model(self) -> Any:
        if self.model is None:
            raise ValueError(f"model: {self.source} has no [model] table; the fan needs one")
        return self.model

    @cached_property
    def series_fits(self) -> dict[str, calibration.AR1Fit]:
        """The AR(1) fit of every series ``[model]`` names and of the comparison series, fitted once
        (statsmodels, linear detrending; :func:`~ygx_analysis.scenarios.calibration.fit_benchmark`)."""
        names = [r.series for r in self._model().roles.values() if r.series]
        names += [n for n in calibration.COMPARISON_SERIES if (self.context["series"] == n).any()]
        detrend = calibration.DEFAULT_DETREND
        return {n: calibration.fit_benchmark(n, detrend, self.context) for n in dict.fromkeys(names)}

    def calibrate(self, vol_scale: float | None = None, elasticity: float | None = None,
                  fits: Mapping[str, calibration.AR1Fit] | None = None) -> calibration.ModelCalibration:
        """The shocks of the joint model: every growth indicator's AR(1) fit, scaled to the zone by ``vol_scale``.

        ``vol_scale`` and ``elasticity`` (output surprises to revenue) default to the file's; ``fits`` (by
        series) replace the fits of :attr:`series_fits` (another window, say).

        Examples
        --------
        >>> cal = load_scenarios().calibrate()
        >>> round(cal.phi("gross_output"), 3), round(cal.phi("fiscal_revenue_total"), 3)
        (0.469, 0.221)
        """
        m = self._model()
        growth_roles = [r for r in m.roles.values() if r.role == "growth"]
        el = {r.indicator: r.elasticity.default if elasticity is None else elasticity for r in growth_roles if r.driver}
        return calibration.calibrate_model({r.indicator: r.series for r in growth_roles},
                                           {r.indicator: r.driver for r in growth_roles if r.driver}, el,
                                           m.vol_scale.default if vol_scale is None else vol_scale,
                                           self.context, {**self.series_fits, **(fits or {})})

    def parameter_ranges(self, cal: calibration.ModelCalibration, phi: float | None = None) -> ParameterRanges:
        """The ranges each path draws its parameters from: ``[model]``'s volatility scale and elasticity, each
        fitted φ ± ``phi_range_se`` standard errors; a value of ``cal`` (or ``phi``) other than the file's is fixed."""
        m, inds = self._model(), tuple(self.indicators)
        v, roles = m.vol_scale, [m.roles[i] for i in inds]
        e = next((r.elasticity for r in roles if r.driver), None)
        e_used = next((cal.elasticity[r.indicator] for r in roles if r.driver), 0.0)
        grows = [r.role == "growth" for r in roles]
        fixed = phi is not None
        return ParameterRanges.from_fits(
            (v.low, v.default, v.high) if cal.vol_scale == v.default else (cal.vol_scale,) * 3,
            (0.0,) * 3 if e is None else (e.low, e.default, e.high) if e_used == e.default else (e_used,) * 3,
            [(phi if fixed else cal.phi(i)) if g else np.nan for i, g in zip(inds, grows, strict=True)],
            [0.0 if fixed or not g else float(cal.fits[i].bse["phi"]) for i, g in zip(inds, grows, strict=True)],
            [cal.fits[i].stationary_sd if g else 0.0 for i, g in zip(inds, grows, strict=True)], m.phi_range_se)

    def fan_inputs(self, scenarios: Sequence[str] | str | None = None, *,
                   cal: calibration.ModelCalibration | None = None, t_df: Any = "file",
                   phi: float | None = None, parameter_uncertainty: bool = True) -> montecarlo.FanInputs:
        """The arrays :func:`~ygx_analysis.scenarios.montecarlo.simulate_fan` works on.

        ``cal`` defaults to :meth:`calibrate`; ``t_df`` to the file's (None: normal
        shocks); ``phi``, when given, replaces the persistence of every growth shock.
        With ``parameter_uncertainty`` each path draws its parameters (:meth:`parameter_ranges`).
        """
        m = self._model()
        cal = self.calibrate() if cal is None else cal
        if not isinstance(cal, calibration.ModelCalibration):
            raise TypeError(f"cal: expected a ModelCalibration, got {type(cal).__name__}")
        phi = None if phi is None else montecarlo.check_phi(phi)
        names, inds = tuple(self.scenario_names(scenarios)), tuple(self.indicators)
        mean = np.array([[paths.glide_path(p.start_growth_pct, p.end_growth_pct, len(self.years), p.glide)
                          for p in (self.scenarios[s].paths[i] for i in inds)] for s in names])
        rows, j = self.data.set_index("id"), self.jumpoff
        start = j[j["year"] == BASE_YEAR].set_index("indicator")["value"]
        specs, roles = [self.indicators[i] for i in inds], [m.roles[i] for i in inds]
        assumptions = [self.assumption(i) for i in inds]
        grows = [r.role == "growth" for r in roles]
        extra: dict[str, Any] = {}
        if self.deflator is not None:
            d = self.deflator
            extra.update(deflator=inds.index(d.indicator),
                         deflator_start=(d.start_pct.low, d.start_pct.default, d.start_pct.high),
                         deflator_end=(d.end_pct.low, d.end_pct.default, d.end_pct.high))
        add = self.pipeline_additions()
        if add is not None:
            extra.update(addition=inds.index(self.pipeline.indicator), additions=add)
        if parameter_uncertainty:
            extra.update(parameters=self.parameter_ranges(cal, phi))
        at_2025 = j[j["year"] == BASE_YEAR].set_index("indicator").loc[list(inds)]
        return montecarlo.FanInputs(
            scenarios=names, indicators=inds, years=self.years, mean_pct=mean, roles=tuple(r.role for r in roles),
            phi=np.array([(cal.phi(r.indicator) if phi is None else phi) if g else r.phi
                          for r, g in zip(roles, grows, strict=True)], dtype=float),
            shock_sd=np.array([cal.shock_sd(r.indicator) if g else r.sd_logit
                               for r, g in zip(roles, grows, strict=True)], dtype=float),
            driver=np.array([inds.index(r.driver) if r.driver else -1 for r in roles]),
            elasticity=np.array([cal.elasticity.get(r.indicator, 0.0) for r in roles], dtype=float),
            whole=np.array([inds.index(r.of) if r.of else -1 for r in roles]),
            level_2025=start.loc[list(inds)].to_numpy(dtype=float), methods=tuple(s.method for s in specs),
            base_levels=np.array([float(rows.loc[s.level_row if s.method == "grow_2024" else s.h1_row, "value"])
                                  for s in specs]),
            assumption_default=np.array([a.default for a in assumptions]),
            assumption_low=np.array([a.low for a in assumptions]),
            assumption_high=np.array([a.high for a in assumptions]), targets=self.target_levels(),
            range_2025=at_2025[["low", "high"]].to_numpy(dtype=float),
            t_df=m.t_df if isinstance(t_df, str) and t_df == "file" else t_df, **extra)

    def simulate(self, n_paths: int = montecarlo.DEFAULT_PATHS, seed: int = montecarlo.DEFAULT_SEED, *,
                 scenarios: Sequence[str] | str | None = None, vol_scale: float | None = None,
                 t_df: Any = "file", phi: float | None = None, elasticity: float | None = None,
                 cal: calibration.ModelCalibration | None = None, jumpoff_uncertainty: bool = True,
                 parameter_uncertainty: bool = True, measures: Sequence[str] = ("level",),
                 keep_paths: bool = False) -> FanResult:
        """A seeded joint Monte Carlo fan around every scenario (see :mod:`~ygx_analysis.scenarios.montecarlo`).

        ``n_paths`` paths per scenario from ``numpy.random.default_rng(seed)``: the
        same seed gives the same result, and the shocks do not depend on which
        ``scenarios`` are run. ``vol_scale`` and ``elasticity`` override the file's
        (:meth:`calibrate`), or ``cal`` gives a calibration; ``t_df`` is the Student-t
        degrees of freedom (None: normal shocks; default the file's); ``phi`` the
        persistence of every growth shock instead of the fitted ones. With ``parameter_uncertainty`` each path
        draws the parameters the call does not fix (:meth:`parameter_ranges`). The other
        arguments are those of :func:`~ygx_analysis.scenarios.montecarlo.simulate_fan`.

        Examples
        --------
        >>> r = load_scenarios().simulate(2000, seed=1, scenarios="base")
        >>> f = r.fan("base", "value_added")
        >>> bool((f["p05"] < f["p50"]).all() and (f["p50"] < f["p95"]).all())
        True
        """
        cal = self.calibrate(vol_scale, elasticity) if cal is None else cal
        inputs = self.fan_inputs(scenarios, cal=cal, t_df=t_df, phi=phi, parameter_uncertainty=parameter_uncertainty)
        return montecarlo.simulate_fan(inputs, n_paths=n_paths,
                                       seed=seed, jumpoff_uncertainty=jumpoff_uncertainty, measures=measures,
                                       keep_paths=keep_paths)


def load_scenarios(path: str | os.PathLike[str] | None = None,
                   data_dir: str | os.PathLike[str] | None = None, *, check_rows: bool = True) -> ScenarioModel:
    """Read and check a scenario file (default: ``scenarios.toml`` of ``data_dir``) into a :class:`ScenarioModel`.

    ``data_dir`` is the folder of the ``indicators.csv`` and ``context.csv`` the
    row ids refer to (default: :func:`~ygx_analysis.data.tables.default_data_dir`);
    with ``check_rows`` every row id must exist there (:func:`.row_ids.check_row_ids`),
    else the data files are read only when a result needs them. A bad file raises
    a :class:`~ygx_analysis.data.files.DataError` of one line naming the file and the
    key (``data/scenarios.toml: scenarios.base.value_added.glide: unknown value …``).

    Examples
    --------
    >>> spec = load_scenarios()
    >>> list(spec.scenarios), spec.years
    (['low', 'base', 'high'], (2026, 2027, 2028, 2029, 2030))
    >>> list(spec.indicators)
    ['fiscal_revenue_total', 'general_budget_revenue', 'value_added', 'gross_output']
    """
    folder = _path_arg(data_dir, "data_dir")
    file, shown = (f := _path_arg(path, "path") or default_scenarios_path(folder)), display_path(f)
    model = ScenarioModel(read_config(file, shown), shown, folder)
    if check_rows:
        try:
            data, context = model.data, model.context
        except DataError as exc:
            raise DataError([Problem(shown, None, None, f"cannot check row ids: {exc}")]) from None
        check_row_ids(model.config, shown, data, context)
    return model
