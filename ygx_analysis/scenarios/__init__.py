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
accounting identity), :mod:`~ygx_analysis.scenarios.parameters` (the ranges each
path draws its parameters from), :mod:`~ygx_analysis.scenarios.results` (:class:`FanResult`
and the tables of the command line), :mod:`~ygx_analysis.scenarios.probability`
(one way to print a probability) and :mod:`~ygx_analysis.scenarios.analysis`
(:class:`ScenarioAnalysis`, one run for a notebook). Importing the package loads
neither matplotlib nor statsmodels.
"""

from . import analysis, calibration, config, model, montecarlo, parameters, paths, probability, results
from .analysis import *  # noqa: F403 - the package re-exports the public names of its modules
from .calibration import *  # noqa: F403
from .config import *  # noqa: F403
from .model import *  # noqa: F403
from .montecarlo import *  # noqa: F403
from .parameters import *  # noqa: F403
from .paths import *  # noqa: F403
from .probability import *  # noqa: F403
from .results import *  # noqa: F403

__all__ = [name for module in (analysis, calibration, config, model, montecarlo, parameters, paths, probability,
                             results)
           for name in module.__all__]
