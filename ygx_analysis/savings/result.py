"""The savings model as one call: :func:`run_savings` returns a :class:`SavingsResult`.

Config → model → result: :class:`~ygx_analysis.savings.SavingsAssumptions` (from
``savings.toml``) goes in, and the result holds everything the exhibits, the
panel and the command line show, so none of them runs the model again. Part of
:mod:`ygx_analysis.savings`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property

import pandas as pd

from .assumptions import PLAN15, SavingsAssumptions
from .model import SENSITIVITY_MEASURES, _assumptions, revenue_comparison, savings_path, sensitivity, \
    window_summary

__all__ = ["SavingsResult", "run_savings"]


@dataclass(frozen=True)
class SavingsResult:
    """The results of one set of assumptions (model results, gross savings to the zone).

    The path and its windows are computed with the result; the revenue comparison,
    the sensitivity and the group's recurring line on first use (each once).

    Attributes
    ----------
    assumptions : SavingsAssumptions
    path : DataFrame
        :func:`~ygx_analysis.savings.savings_path`.
    windows : DataFrame
        :func:`~ygx_analysis.savings.window_summary` of the path (rest of the 14th plan, 15th plan, horizon).
    """

    assumptions: SavingsAssumptions
    path: pd.DataFrame
    windows: pd.DataFrame

    @property
    def plan15(self) -> pd.Series:
        """The 15th-plan row of :attr:`windows`."""
        return self.windows.set_index("window").loc["plan15"]

    def changed(self) -> dict[str, object]:
        """:meth:`SavingsAssumptions.changed`: the assumptions set away from their file's defaults."""
        return self.assumptions.changed()

    @cached_property
    def revenue(self) -> pd.DataFrame:
        """:func:`~ygx_analysis.savings.revenue_comparison`."""
        return revenue_comparison(self.assumptions)

    @cached_property
    def sensitivity(self) -> dict[str, pd.DataFrame]:
        """Measure (``cumulative_nominal``, ``npv``) → :func:`~ygx_analysis.savings.sensitivity` over the 15th plan."""
        return {m: sensitivity(self.assumptions, measure=m) for m in SENSITIVITY_MEASURES}

    @cached_property
    def group_if_recurring(self) -> float:
        """The group's cut summed over the 15th plan if it recurred without growth (apart, never in the total)."""
        recurring = replace(self.assumptions, group_recurs=True, group_growth_pct=0.0, first_year=PLAN15[0],
                            through_year=PLAN15[1])
        return float(savings_path(recurring)["group_saving"].sum())


def run_savings(assumptions: SavingsAssumptions | None = None) -> SavingsResult:
    """Run the savings model once for one set of assumptions.

    Parameters
    ----------
    assumptions : SavingsAssumptions, optional
        Defaults to ``SavingsAssumptions.from_data()`` (``data/savings.toml``).

    Examples
    --------
    >>> r = run_savings()
    >>> list(r.windows["window"]), round(float(r.plan15["cumulative_nominal"]), 4), r.group_if_recurring
    (['plan14_rest', 'plan15', 'horizon'], 7.0668, 16.5)
    >>> r.sensitivity["npv"]["assumption"].tolist()
    ['wage_growth_pct', 'annual_saving', 'discount_rate_pct']
    """
    a = _assumptions(assumptions)
    path = savings_path(a)
    return SavingsResult(a, path, window_summary(path))
