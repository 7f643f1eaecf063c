"""The joint model's part of the scenario file: ``[model]``, ``[deflator]`` and ``[pipeline]``.

``[model]`` gives every indicator a role in the joint Monte Carlo model
(:mod:`~ygx_analysis.scenarios.montecarlo`):

* ``role = "growth"``: growth is the scenario's path plus an AR(1) shock whose
  persistence and size are fitted to a long national ``series`` of
  ``context.csv`` (the size multiplied by ``vol_scale``); with a ``driver``, a
  surprise in the driver's nominal growth passes through ``elasticity``;
* ``role = "share"``: the level is a share of the level ``of`` another
  indicator, the share an AR(1) on the logit scale (``phi``, ``sd_logit``), so
  it stays in (0, 1) and the part never exceeds the whole.

``[deflator]`` is the price path (PPI) that carries one indicator from 2025
prices to current prices; ``[pipeline]`` the 2024 investment pipeline, a
switchable addition to one indicator's level. Every problem is one line naming
the key, as in :mod:`~ygx_analysis.scenarios.schema`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .checks import Assumption, Checker

__all__ = ["DETREND", "ROLES", "DeflatorSpec", "ModelSpec", "PipelineSpec", "RoleSpec", "check_deflator",
           "check_model", "check_pipeline"]

ROLES = ("growth", "share")
"""How an indicator moves in the joint model (see the module notes)."""

DETREND = "linear"
"""The detrending of every calibration fit (see :mod:`~ygx_analysis.scenarios.calibration`)."""


@dataclass(frozen=True)
class RoleSpec:
    """One indicator's role in the joint model."""

    indicator: str
    role: str
    rationale: str
    refs: tuple[str, ...]
    series: str | None = None
    driver: str | None = None
    elasticity: Assumption | None = None
    of: str | None = None
    phi: float | None = None
    sd_logit: float | None = None


@dataclass(frozen=True)
class ModelSpec:
    """``[model]``: the zone's volatility scale, the shocks' degrees of freedom and every indicator's role."""

    vol_scale: Assumption
    t_df: float | None
    vol_scale_rationale: str
    t_df_rationale: str
    refs: tuple[str, ...]
    roles: Mapping[str, RoleSpec] = field(default_factory=dict)

    def growth_order(self) -> tuple[str, ...]:
        """Growth indicators, drivers first (the order the simulation needs)."""
        growth = [r for r in self.roles.values() if r.role == "growth"]
        return tuple([r.indicator for r in growth if r.driver is None]
                     + [r.indicator for r in growth if r.driver is not None])

    def shares(self) -> tuple[str, ...]:
        """Share indicators, in file order."""
        return tuple(r.indicator for r in self.roles.values() if r.role == "share")


@dataclass(frozen=True)
class DeflatorSpec:
    """``[deflator]``: the price path (per cent a year) of one indicator, start and end each a range."""

    indicator: str
    start_pct: Assumption
    end_pct: Assumption
    rationale: str
    refs: tuple[str, ...]


@dataclass(frozen=True)
class PipelineSpec:
    """``[pipeline]``: signed investment that adds to one indicator's level from the year it comes on stream."""

    enabled: bool
    indicator: str
    capital_row: str
    projects_row: str
    arrival_share: Assumption
    years_to_stream: Assumption
    output_per_investment: Assumption
    rationale: str
    refs: tuple[str, ...]


def _range(c: Checker, table: Mapping[str, Any], name: str, key: str, low: float, high: float,
           *, whole: bool = False, open_low: bool = False) -> Assumption | None:
    """A ``{default, low, high}`` table with every value in [low, high] (or (low, high] with ``open_low``)."""
    sub = c.table(table, name, key)
    if sub is None:
        return None
    c.known_keys(sub, ("default", "low", "high"), key)
    values = {}
    for part in ("default", "low", "high"):
        v = c.number(sub, part, f"{key}.{part}")
        if v is not None and whole and v != round(v):
            c.fail(f"{key}.{part}", "must be a whole number")
            v = None
        if v is not None and (v < low or v > high or (open_low and v == low)):
            c.fail(f"{key}.{part}", f"must be in {'(' if open_low else '['}{low:g}, {high:g}]")
            v = None
        values[part] = v
    if any(v is None for v in values.values()):
        return None
    if not values["low"] <= values["default"] <= values["high"]:
        c.fail(key, "must have low <= default <= high")
        return None
    return Assumption(name, values["default"], values["low"], values["high"])


_MODEL_KEYS = ("t_df", "t_df_rationale", "vol_scale", "vol_scale_rationale", "refs")
_GROWTH_KEYS = ("role", "series", "driver", "elasticity", "rationale", "refs")
_SHARE_KEYS = ("role", "of", "phi", "sd_logit", "rationale", "refs")


def _role(c: Checker, name: str, table: Any) -> RoleSpec | None:
    key = f"model.{name}"
    if not isinstance(table, dict):
        c.fail(key, "must be a table")
        return None
    role = c.string(table, "role", f"{key}.role", choices=ROLES)
    rationale = c.string(table, "rationale", f"{key}.rationale")
    refs = c.strings(table, "refs", f"{key}.refs", min_items=1)
    if role is None:
        return None
    parts: dict[str, Any] = {}
    if role == "growth":
        c.known_keys(table, _GROWTH_KEYS, key)
        parts["series"] = c.string(table, "series", f"{key}.series")
        if "driver" in table:
            parts["driver"] = c.string(table, "driver", f"{key}.driver")
            parts["elasticity"] = _range(c, table, "elasticity", f"{key}.elasticity", 0.0, 5.0)
            if parts["driver"] is None or parts["elasticity"] is None:
                return None
        elif "elasticity" in table:
            c.fail(f"{key}.elasticity", "needs a driver; remove it or add driver")
            return None
        if parts["series"] is None:
            return None
    else:
        c.known_keys(table, _SHARE_KEYS, key)
        parts["of"] = c.string(table, "of", f"{key}.of")
        phi = c.number(table, "phi", f"{key}.phi")
        if phi is not None and not -1 < phi < 1:
            c.fail(f"{key}.phi", "must be in (-1, 1)")
            phi = None
        sd = c.number(table, "sd_logit", f"{key}.sd_logit")
        if sd is not None and sd < 0:
            c.fail(f"{key}.sd_logit", "must not be negative")
            sd = None
        elif sd is not None and sd > 2:
            c.fail(f"{key}.sd_logit", "must be at most 2 (logit units a year)")
            sd = None
        parts.update(phi=phi, sd_logit=sd)
        if None in parts.values():
            return None
    if rationale is None or refs is None:
        return None
    return RoleSpec(name, role, rationale, refs, **parts)


def check_model(c: Checker, doc: Mapping[str, Any], indicators: Sequence[str]) -> ModelSpec | None:
    """Check ``[model]`` against the file's indicators: one role each, drivers and wholes that fit.

    Examples
    --------
    >>> from ygx_analysis.scenarios.schema import Checker
    >>> c = Checker("s.toml")
    >>> check_model(c, {"model": {"vol_scale": {"default": 1, "low": 1, "high": 1}}}, ["gross_output"])
    >>> c.problems[-1]
    's.toml: model.gross_output: is missing; every indicator needs a role'
    """
    table = c.table(doc, "model", "model")
    if table is None:
        return None
    c.known_keys(table, (*_MODEL_KEYS, *indicators), "model")
    vol = _range(c, table, "vol_scale", "model.vol_scale", 0.0, 10.0, open_low=True)
    t_df = None
    if "t_df" in table:
        t_df = c.number(table, "t_df", "model.t_df")
        if t_df is not None and t_df <= 2:
            c.fail("model.t_df", "must be above 2 (a finite variance); omit it for normal shocks")
            t_df = None
    rationale_df = c.string(table, "t_df_rationale", "model.t_df_rationale", required="t_df" in table) or ""
    rationale_vol = c.string(table, "vol_scale_rationale", "model.vol_scale_rationale")
    refs = c.strings(table, "refs", "model.refs", min_items=1)
    roles: dict[str, RoleSpec] = {}
    ok = True
    for name in indicators:
        if name not in table:
            c.fail(f"model.{name}", "is missing; every indicator needs a role")
            ok = False
            continue
        r = _role(c, name, table[name])
        if r is None:
            ok = False
        else:
            roles[name] = r
    for r in roles.values():
        key = f"model.{r.indicator}"
        if r.role == "growth" and r.driver is not None:
            d = roles.get(r.driver)
            if r.driver == r.indicator or d is None or d.role != "growth" or d.driver is not None:
                c.fail(f"{key}.driver", "must name another growth indicator that has no driver itself")
                ok = False
        if r.role == "share":
            w = roles.get(r.of)
            if r.of == r.indicator or w is None or w.role != "growth":
                c.fail(f"{key}.of", "must name a growth indicator of the file")
                ok = False
    if not ok or vol is None or rationale_vol is None or refs is None or ("t_df" in table and t_df is None):
        return None
    return ModelSpec(vol, t_df, rationale_vol, rationale_df, refs, roles)


def check_deflator(c: Checker, doc: Mapping[str, Any], indicators: Sequence[str]) -> DeflatorSpec | None:
    """Check ``[deflator]`` (optional): an indicator and a start and end price change, each a range."""
    table = c.table(doc, "deflator", "deflator", required=False)
    if table is None:
        return None
    c.known_keys(table, ("indicator", "start_pct", "end_pct", "rationale", "refs"), "deflator")
    ind = c.string(table, "indicator", "deflator.indicator", choices=tuple(indicators))
    start = _range(c, table, "start_pct", "deflator.start_pct", -50.0, 50.0)
    end = _range(c, table, "end_pct", "deflator.end_pct", -50.0, 50.0)
    rationale = c.string(table, "rationale", "deflator.rationale")
    refs = c.strings(table, "refs", "deflator.refs", min_items=1)
    if None in (ind, start, end, rationale, refs):
        return None
    return DeflatorSpec(ind, start, end, rationale, refs)


def check_pipeline(c: Checker, doc: Mapping[str, Any], indicators: Sequence[str]) -> PipelineSpec | None:
    """Check ``[pipeline]`` (optional): the switch, the rows and the three assumptions."""
    table = c.table(doc, "pipeline", "pipeline", required=False)
    if table is None:
        return None
    c.known_keys(table, ("enabled", "indicator", "capital_row", "projects_row", "arrival_share",
                         "years_to_stream", "output_per_investment", "rationale", "refs"), "pipeline")
    enabled = table.get("enabled")
    if not isinstance(enabled, bool):
        c.fail("pipeline.enabled", "must be true or false")
        enabled = None
    ind = c.string(table, "indicator", "pipeline.indicator", choices=tuple(indicators))
    rows = {k: c.string(table, k, f"pipeline.{k}") for k in ("capital_row", "projects_row")}
    arrival = _range(c, table, "arrival_share", "pipeline.arrival_share", 0.0, 1.0)
    lag = _range(c, table, "years_to_stream", "pipeline.years_to_stream", 0.0, 10.0, whole=True)
    ratio = _range(c, table, "output_per_investment", "pipeline.output_per_investment", 0.0, 20.0)
    rationale = c.string(table, "rationale", "pipeline.rationale")
    refs = c.strings(table, "refs", "pipeline.refs", min_items=1)
    if None in (enabled, ind, arrival, lag, ratio, rationale, refs) or None in rows.values():
        return None
    return PipelineSpec(enabled, ind, rows["capital_row"], rows["projects_row"], arrival, lag, ratio,
                        rationale, refs)
