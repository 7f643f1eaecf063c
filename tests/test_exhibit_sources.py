"""Every exhibit credits the sources of the rows it rests on (the manifest and source lines read them).

The expected rows are worked out here from the files themselves (``data/savings.toml``,
``data/scenarios.toml`` and ``context.csv``), not from the package's tuples.
"""

from __future__ import annotations

import tomllib

import pytest

from ygx_analysis import exhibits
from ygx_analysis.data.folder import default_data_dir
from ygx_analysis.data.tables import load_context, load_indicators


def _refs(node) -> set[str]:
    """Every row id a TOML table names: ``refs`` lists and ``*_row`` values, at any depth."""
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "refs":
                found.update(value)
            elif key.endswith("_row") and isinstance(value, str):
                found.add(value)
            else:
                found |= _refs(value)
    elif isinstance(node, list):
        for item in node:
            found |= _refs(item)
    return found


@pytest.fixture(scope="module")
def rows():
    return load_indicators().set_index("id"), load_context().set_index("id")


@pytest.mark.parametrize("ex", exhibits.all_exhibits(), ids=lambda e: e.id)
def test_declared_rows_bring_their_sources(ex, rows):
    ind, ctx = rows
    indicators = [] if ex.indicators == ("*",) else list(ex.indicators)
    needed = set(ctx.loc[list(ex.context), "source_id"]) | set(ind.loc[indicators, "source_id"])
    assert needed <= set(ex.sources), sorted(needed - set(ex.sources))


def _toml(name: str) -> dict:
    with open(default_data_dir() / name, "rb") as fh:
        return tomllib.load(fh)


SAVINGS_PROJECTIONS = ("fig-savings-cumulative", "fig-savings-tornado", "tab-savings-path",
                       "tab-savings-windows", "tab-savings-revenue-share", "tab-savings-sensitivity",
                       "tab-savings-assumptions")


@pytest.mark.parametrize("exhibit_id", SAVINGS_PROJECTIONS)
def test_savings_exhibits_cite_every_context_row_of_the_assumptions(exhibit_id, rows):
    _, ctx = rows
    used = {r for r in _refs(_toml("savings.toml")) if r in ctx.index}
    assert used, "savings.toml names context rows (wage growth, discount rate)"
    ex = exhibits.get(exhibit_id)
    assert used <= set(ex.context), sorted(used - set(ex.context))


SCENARIO_PROJECTIONS = {"fig-scenario-paths": False, "fig-scenario-fan": True, "tab-plan-period-summary": False,
                        "tab-required-growth": True, "tab-fan-sensitivity": False}
"""Projection exhibits of notebook 06, and whether they also read the targets."""


@pytest.mark.parametrize("exhibit_id", SCENARIO_PROJECTIONS)
def test_scenario_projections_cite_every_context_row_of_the_paths(exhibit_id, rows):
    """The paths rest on every row scenarios.toml names outside [targets] (indicators, rationales, links, deflator,
    pipeline) and on the H1-share rows of the jump-off; the fan and the required growth also read [targets]."""
    from ygx_analysis.arithmetic.growth import H1_SHARE_ROWS

    _, ctx = rows
    doc = _toml("scenarios.toml")
    sections = [k for k in doc if k != "targets" or SCENARIO_PROJECTIONS[exhibit_id]]
    used = {r for k in sections for r in _refs(doc[k]) if r in ctx.index} | set(H1_SHARE_ROWS["output"])
    ex = exhibits.get(exhibit_id)
    assert used <= set(ex.context), sorted(used - set(ex.context))
    if not SCENARIO_PROJECTIONS[exhibit_id]:
        targets_only = {r for r in _refs(doc["targets"]) if r in ctx.index} - used
        assert not targets_only & set(ex.context), "the paths do not read the targets"


def test_fan_cites_the_calibration_series(rows):
    _, ctx = rows
    series = set(ctx.index[ctx["series"].notna() & (ctx["series"] != "")])
    ex = exhibits.get("fig-scenario-fan")
    calibration = exhibits.get("tab-mc-calibration")
    assert set(calibration.context) <= set(ex.context)
    assert set(calibration.context) <= series
