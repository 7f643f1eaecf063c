"""One run of the scenario model for a notebook or a report: the set, its calibration, its fan and frames.

A notebook builds it from its parameters and passes it to every exhibit::

    model = ScenarioAnalysis.load(SCENARIO_FILE, n_paths=N_PATHS, seed=SEED, vol_scale=VOL_SCALE,
                                  t_df=T_DF, pipeline=PIPELINE)
    exhibits.show("fig-scenario-fan", lang=LANG, model=model)
"""

from __future__ import annotations

import os
from pathlib import Path
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import pandas as pd

from .calibration import ModelCalibration, window_fits
from .montecarlo import DEFAULT_PATHS, DEFAULT_SEED, check_n_paths, check_seed, parameter_setting, simulate_fan
from .parameters import PARAMETERS
from .paths import plan_period_summary
from .results import FanResult
from .model import ScenarioModel, load_scenarios

__all__ = ["PARAMETER_SETTINGS", "ScenarioAnalysis", "as_analysis", "as_scenario_set"]

PARAMETER_SETTINGS = ("defaults", *(f"{p}_{end}" for p in PARAMETERS for end in ("low", "high")))
"""The fixed parameter settings of :attr:`ScenarioAnalysis.settings`: all at their defaults, then each parameter
at the low and the high end of its range with the others at their defaults (one at a time)."""
MODEL_CHOICES = ("normal", "phi_zero", "window", "breaks")
"""The other runs of :attr:`ScenarioAnalysis.settings`, each with parameters drawn as in the fan: normal shocks,
φ = 0, the fit from ``[model] window_first_year``, and without the ``series_breaks`` rows."""


@dataclass(frozen=True, eq=False)
class ScenarioAnalysis:
    """A :class:`~ygx_analysis.scenarios.ScenarioModel` with its calibration, fan, projection, summary and targets.

    Build one with :meth:`load` (from a file) or :meth:`from_spec`; every
    frame is computed once, when it is built.

    Attributes
    ----------
    config : str or None
        The scenario file as given (None: the default file).
    spec : ScenarioModel
        With the pipeline switched on or off as asked.
    calibration : ModelCalibration
        The shocks of the growth indicators (AR(1) fits, volatility scale, sizes).
    t_df : float or None
        Degrees of freedom of the Student-t shocks in use (None: normal).
    fan : FanResult
        The joint fan of every scenario.
    projection, plan_summary, targets : DataFrame
        :meth:`ScenarioModel.project`, :meth:`ScenarioModel.plan_period_summary` and
        :meth:`ScenarioModel.target_levels`.
    """

    config: str | None
    spec: ScenarioModel = field(repr=False)
    calibration: ModelCalibration = field(repr=False)
    t_df: float | None = field(repr=False)
    fan: FanResult = field(repr=False)
    projection: pd.DataFrame = field(repr=False)
    plan_summary: pd.DataFrame = field(repr=False)
    targets: pd.DataFrame = field(repr=False)
    changes: dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def from_spec(cls, spec: ScenarioModel, *, n_paths: int = DEFAULT_PATHS, seed: int = DEFAULT_SEED,
                  vol_scale: float | None = None, t_df: Any = "file", pipeline: bool | None = None,
                  config: str | None = None) -> ScenarioAnalysis:
        """Calibrate, simulate ``n_paths`` joint paths with ``seed`` and build every frame.

        ``vol_scale`` and ``t_df`` override the file's (``t_df=None``: normal
        shocks); ``pipeline`` switches the 2024 investment pipeline on or off
        (None: as the file says).
        """
        if not isinstance(spec, ScenarioModel):
            raise TypeError(f"spec: expected a ScenarioModel, got {type(spec).__name__}")
        n_paths, seed = check_n_paths(n_paths), check_seed(seed)
        file_pipeline = bool(spec.pipeline is not None and spec.pipeline.enabled)
        changes = {"scenario_file": None if config is None else Path(config).name,
                   "n_paths": None if n_paths == DEFAULT_PATHS else n_paths,
                   "seed": None if seed == DEFAULT_SEED else seed,
                   "vol_scale": None if vol_scale is None or vol_scale == spec.model.vol_scale.default else vol_scale,
                   "t_df": None if isinstance(t_df, str) and t_df == "file" or t_df == spec.model.t_df else
                   "normal" if t_df is None else t_df,
                   "pipeline": None if pipeline is None or bool(pipeline) == file_pipeline else bool(pipeline)}
        if pipeline is not None:
            spec = spec.with_pipeline(pipeline)
        cal = spec.calibrate(vol_scale)
        used_df = spec.model.t_df if isinstance(t_df, str) and t_df == "file" else t_df
        fan = spec.simulate(n_paths, seed, cal=cal, t_df=used_df)
        projection = spec.project()
        return cls(config=config, spec=spec, calibration=cal, t_df=used_df, fan=fan, projection=projection,
                   plan_summary=plan_period_summary(projection), targets=spec.target_levels(),
                   changes={k: v for k, v in changes.items() if v is not None})

    @classmethod
    def load(cls, config: str | os.PathLike[str] | None = None, *, n_paths: int = DEFAULT_PATHS,
             seed: int = DEFAULT_SEED, vol_scale: float | None = None, t_df: Any = "file",
             pipeline: bool | None = None, data_dir: str | os.PathLike[str] | None = None) -> ScenarioAnalysis:
        """:func:`~ygx_analysis.scenarios.load_scenarios` (a bad file fails with its one-line message), then
        :meth:`from_spec`."""
        spec = load_scenarios(config, data_dir)
        return cls.from_spec(spec, n_paths=n_paths, seed=seed, vol_scale=vol_scale, t_df=t_df, pipeline=pipeline,
                             config=None if config is None else str(config))

    def changed(self) -> dict[str, Any]:
        """The inputs set away from their defaults (file, paths, seed, volatility, shocks, pipeline), for cite lines.

        Examples
        --------
        >>> ScenarioAnalysis.load(n_paths=500, seed=7).changed()
        {'n_paths': 500, 'seed': 7}
        """
        return dict(self.changes)

    n_paths = property(lambda self: self.fan.n_paths, doc="Paths per scenario of the fan.")
    seed = property(lambda self: self.fan.seed, doc="Seed of the fan.")
    pipeline_enabled = property(lambda self: bool(self.spec.pipeline is not None and self.spec.pipeline.enabled),
                                doc="Whether the 2024 investment pipeline adds to the paths.")
    fan_scenario = property(lambda self: "base" if "base" in self.spec.scenarios else next(iter(self.spec.scenarios)),
                            doc="The scenario the fan chart shows: 'base' when there is one, else the first.")

    @cached_property
    def settings(self) -> dict[str, FanResult]:
        """The fan again under each of :data:`PARAMETER_SETTINGS` and :data:`MODEL_CHOICES` (those the file
        allows), every scenario, with the fan's paths and seed (common random numbers), computed once."""
        spec, cal, n, seed = self.spec, self.calibration, self.n_paths, self.seed
        inputs = spec.fan_inputs(cal=cal, t_df=self.t_df)
        out = {k: simulate_fan(parameter_setting(inputs, *(k.rsplit("_", 1) if k != "defaults" else (None,))),
                               n_paths=n, seed=seed) for k in PARAMETER_SETTINGS}
        out["normal"] = spec.simulate(n, seed, cal=cal, t_df=None)
        out["phi_zero"] = spec.simulate(n, seed, cal=cal, t_df=self.t_df, phi=0.0)
        m, series = spec.model, [r.series for r in spec.model.roles.values() if r.series]
        for key, kwargs in (("window", {"first_year": m.window_first_year}), ("breaks", {"drop_rows": m.series_breaks})):
            if next(iter(kwargs.values())):
                fits = window_fits(series, spec.context, **kwargs)
                out[key] = spec.simulate(n, seed, cal=spec.calibrate(cal.vol_scale, fits=fits), t_df=self.t_df)
        return out

    @cached_property
    def probability_ranges(self) -> pd.DataFrame:
        """Each target probability's lowest and highest value over :data:`PARAMETER_SETTINGS`:
        ``target, scenario, low, high, settings`` (the number of settings)."""
        probs = pd.concat([self.settings[k].target_probabilities for k in PARAMETER_SETTINGS])
        ranges = probs.groupby(["target", "scenario"], sort=False)["probability"].agg(low="min", high="max")
        return ranges.reset_index().assign(settings=len(PARAMETER_SETTINGS))

    def __repr__(self) -> str:
        df = "normal" if self.t_df is None else f"{self.t_df:g}"
        return (f"ScenarioAnalysis(config={self.config!r}, n_paths={self.n_paths}, seed={self.seed}, "
                f"vol_scale={self.calibration.vol_scale:g}, t_df={df}, pipeline={self.pipeline_enabled})")


def as_scenario_set(model: ScenarioModel | ScenarioAnalysis | None) -> ScenarioModel:
    """The scenario set of ``model`` (a ScenarioModel, a ScenarioAnalysis, or None: the default file)."""
    if model is None:
        return load_scenarios()
    if isinstance(model, ScenarioAnalysis):
        return model.spec
    if isinstance(model, ScenarioModel):
        return model
    raise TypeError(f"model: expected a ScenarioModel, a ScenarioAnalysis or None, got {type(model).__name__}")


def as_analysis(model: Any) -> ScenarioAnalysis:
    """``model`` as a :class:`ScenarioAnalysis`: a ScenarioModel runs with the default paths and seed, None loads
    the default file, anything else is a ``TypeError``."""
    if isinstance(model, ScenarioAnalysis):
        return model
    if model is None:
        return ScenarioAnalysis.load()
    return ScenarioAnalysis.from_spec(as_scenario_set(model))
