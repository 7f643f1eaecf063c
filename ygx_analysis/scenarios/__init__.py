"""十五五 (2026–2030) scenarios: config → model → results (paths, targets and a Monte Carlo fan).

The assumptions live in ``data/scenarios.toml`` so that they can be read and
changed without code. :func:`load_scenarios` checks the file once against one
schema (:class:`ScenarioConfig`; every problem one line naming the key, raised as
:class:`~ygx_analysis.data.files.DataError`) and returns a :class:`ScenarioModel`,
whose methods give the results::

    spec = load_scenarios()
    spec.project()                                   # deterministic paths with their history
    spec.plan_period_summary()                       # end level, CAGR, cumulative, multiple of 2025
    spec.required_growth("gross_output", 1000, 2030)
    fan = spec.simulate(n_paths=20_000, seed=2026)   # FanResult: fan.summary(), fan.to_frame()
    fan = spec.simulate(20_000, keep_paths=True)     # fan.paths_frame(): every joint path

Modules: :mod:`~ygx_analysis.scenarios.config` (the file's schema),
:mod:`~ygx_analysis.scenarios.row_ids` (the data rows it names: checked, and cited),
:mod:`~ygx_analysis.scenarios.model` (:class:`ScenarioModel`, :func:`load_scenarios`),
:mod:`~ygx_analysis.scenarios.paths` (glide paths, projections, the plan-period summary),
:mod:`~ygx_analysis.scenarios.targets`, :mod:`~ygx_analysis.scenarios.calibration`
(the AR(1) fit, statsmodels imported inside), :mod:`~ygx_analysis.scenarios.montecarlo`
(the seeded joint fan: budget revenue a share of total revenue, value added a rate
of gross output, revenue driven by output, a PPI path; no path breaks an
accounting identity), :mod:`~ygx_analysis.scenarios.results` (:class:`FanResult`
and the tables of the command line), :mod:`~ygx_analysis.scenarios.probability`
(one way to print a probability) and :mod:`~ygx_analysis.scenarios.analysis`
(:class:`ScenarioAnalysis`, one run for a notebook). Importing the package loads
neither matplotlib nor statsmodels.
"""

from __future__ import annotations

from .analysis import ScenarioAnalysis, as_analysis, as_scenario_set
from .calibration import COMPARISON_SERIES, AR1Fit, ModelCalibration, benchmark_series, calibration_table
from .calibration import fit_ar1, fit_benchmark
from .config import BASE_YEAR, TARGET_STATUSES, IndicatorSpec, PathSpec, Scenario, ScenarioConfig, Target
from .config import read_config
from .model import ScenarioModel, default_scenarios_path, load_scenarios
from .montecarlo import DEFAULT_PATHS, DEFAULT_SEED, simulate_fan
from .paths import BASIS_ESTIMATE_H1, BASIS_IMPLIED, BASIS_PROJECTION_2025, BASIS_REPORTED, BASIS_SCENARIO
from .paths import glide_path
from .probability import format_probability, mc_standard_error
from .results import PATH_COLUMNS, QUANTILE_COLUMNS, QUANTILES, FanResult, write_paths

__all__ = [
    "BASE_YEAR", "BASIS_ESTIMATE_H1", "BASIS_IMPLIED", "BASIS_PROJECTION_2025", "BASIS_REPORTED", "BASIS_SCENARIO",
    "COMPARISON_SERIES", "DEFAULT_PATHS", "DEFAULT_SEED", "PATH_COLUMNS", "QUANTILES", "QUANTILE_COLUMNS",
    "TARGET_STATUSES", "AR1Fit", "FanResult", "IndicatorSpec", "ModelCalibration", "PathSpec", "Scenario",
    "ScenarioAnalysis", "ScenarioConfig", "ScenarioModel", "Target", "as_analysis", "as_scenario_set",
    "benchmark_series", "calibration_table", "default_scenarios_path", "fit_ar1", "fit_benchmark",
    "format_probability", "glide_path", "load_scenarios", "mc_standard_error", "read_config", "simulate_fan",
    "write_paths",
]
