"""The reform cost-savings model: from an annual saving to cumulative and discounted sums.

The article (section 改革破局) prints three figures about the 2024 reform:

* ``staff_reduction_rate_2024``: serving staff (incl. state-owned firms) cut by 71.1 %;
* ``hr_cost_saving_annual``: "每年减少人力资源成本1.3亿元以上", an annual saving of
  **at least** 1.3亿元 (a lower bound, not a point estimate);
* ``group_hr_cost_cut_2024``: the merged state-owned group 益阳投控集团 "2024年降低人力资源成本3.3亿元",
  a cut dated 2024 only.

Config → model → result: ``data/savings.toml`` (:func:`load_savings`, one schema)
gives :class:`SavingsAssumptions`; :func:`run_savings` runs the model once and
returns a :class:`SavingsResult` (the yearly path of :func:`savings_path`, its
windows, the revenue comparison and the sensitivity), which the exhibits draw.
Everything the path adds to the printed figures (wage drift, discounting,
recurrence, timing) is an assumption with a default, a rationale, source rows and a
plausible range in that file. Every number the path holds is a **model result**.
The package holds no prose: the words live in ``exhibits/meta/reform_savings.yml``.

What the figures are
--------------------
* **Gross savings to the zone.** The reform handed a town, two sub-districts and
  171 functions to the local governments, so part of the cost moved rather than
  vanished. ``transferred_cost`` (unknown by default) gives net savings.
* **The group's cut is a separate line**, a company's cost, not budget money:
  never added to the total unless ``include_group``.
* **Shares of revenue** divide by three bases: the article's 2024 一般预算收入,
  whose scope is not established (:data:`REVENUE_SCOPE`), and the zone budget
  entity's own 2025 local revenue and expenditure (:data:`ENTITY_IDS`).

Valuation convention
--------------------
* Present values are at a **fixed date**, the end of ``valuation_year`` (default
  :data:`VALUATION_YEAR`, 2025), whatever ``first_year`` is, so results of
  different runs are comparable.
* ``timing="end"``: year ``y``'s saving is one end-of-year flow at
  ``t = y - valuation_year``; ``timing="mid"``: at ``t = y - valuation_year - 0.5``.
  It is multiplied by ``(1 + r) ** -t`` (compounded forward when ``t < 0``).
* The annual saving is in :data:`SAVING_YEAR` money and grows with pay from there.
* The NPV of a window (e.g. the 15th plan, 2026–2030) sums that window's present
  values at the same date. ``numpy_financial.npv`` gives the same numbers with the
  flows placed at their periods (see the tests).

Modules: :mod:`~ygx_analysis.savings.assumptions` (rows, plan years, the schema and
:class:`SavingsAssumptions`), :mod:`~ygx_analysis.savings.model` (the formulas and the
path) and :mod:`~ygx_analysis.savings.result` (:func:`run_savings`).
"""

from . import assumptions, model, result
from .assumptions import *  # noqa: F403 - the package re-exports the public names of its three modules
from .model import *  # noqa: F403
from .result import *  # noqa: F403

__all__ = [*assumptions.__all__, *model.__all__, *result.__all__]
