"""The briefing's key sentences (要点), every number read from a table the build exported.

Each sentence is a template of ``exhibits/meta/briefing.yml`` (``points.*``) filled from one exhibit's machine copy
(``tables/<id>.csv``) and names that exhibit through a cross-reference: a placeholder ``{ref…}`` becomes a
:class:`Ref` to the exhibit, which :mod:`~ygx_analysis.report.briefing` writes as a Word ``REF`` field (图N / 表N).
No model runs again: the numbers are those the notebooks showed. A sentence whose exhibit the build did not
export is left out.

=============  ===========================  ================================================================
sentence       exhibit                      read
=============  ===========================  ================================================================
fiscal         tab-implied-prior-levels     row ``fiscal_revenue_total_2024``: printed level and growth,
                                            implied prior level and its rounding interval
audit          tab-audit-status-counts      every status and its number of checks
savings        tab-savings-windows          every plan period: years, nominal and present value
paths          tab-plan-period-summary      base scenario, total fiscal revenue: base-year and last-year
                                            level, average growth
fan            tab-plan-period-summary      the same row: P5 and P95 of the last year (with fig-scenario-fan)
=============  ===========================  ================================================================
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..exhibits import words
from .readable import parse_range

__all__ = ["KEY_POINTS", "KeyPoint", "Ref", "key_points"]

THEME = "briefing"
FISCAL_ROW = "fiscal_revenue_total_2024"
"""The row of ``tab-implied-prior-levels`` that the fiscal sentence reads."""
PLAN_ROW = ("base", "fiscal_revenue_total")
"""The scenario and indicator (ids of ``data/scenarios.toml``) of the plan-period sentences."""
PLAN_COLUMNS = {"scenario": "scenario", "indicator": "indicator", "start": "level_2025", "end": "level_end",
                "cagr": "cagr_pct", "p05": "p05_end", "p95": "p95_end"}
"""The sentence's names → the plan-period summary's column keys (``scenario_tables.yml``, ``plan_summary.columns``)."""
# the savings windows' first four columns, by position (the present-value header names the discount rate)
WINDOW_COLUMNS = {"window": 0, "years": 1, "nominal": 2, "pv": 3}


@dataclass(frozen=True)
class Ref:
    """A cross-reference to an exhibit in a sentence."""

    exhibit: str


@dataclass(frozen=True)
class KeyPoint:
    """One key sentence: text and :class:`Ref` parts in order, and the exhibits it reads."""

    name: str
    parts: tuple[str | Ref, ...]

    @property
    def text(self) -> str:
        """The sentence with each reference as its exhibit id (for logs and tests)."""
        return "".join(p if isinstance(p, str) else p.exhibit for p in self.parts)


def _sentence(name: str, lang: str, refs: Mapping[str, str], **values: object) -> KeyPoint:
    """Fill ``points.<name>``; each ``{ref…}`` placeholder becomes a :class:`Ref`."""
    marks = {key: f"\x00{exhibit}\x00" for key, exhibit in refs.items()}
    pieces = words.fill(THEME, f"points.{name}", lang, **values, **marks).split("\x00")
    return KeyPoint(name, tuple(Ref(p) if i % 2 else p for i, p in enumerate(pieces) if p))


def _fiscal(tables: Mapping[str, pd.DataFrame], lang: str, data: Path) -> KeyPoint:
    t = tables["tab-implied-prior-levels"]
    row = t[t.iloc[:, 0] == FISCAL_ROW].iloc[0]
    head = words.group("growth_rates", "columns.implied_prior", lang)
    low, high = parse_range(row[head["interval"]])
    level, growth = (_printed_number(row[head[k]]) for k in ("printed_level", "printed_growth"))
    return _sentence("fiscal", lang, {"ref": "tab-implied-prior-levels"}, level=level, growth=growth,
                     prior=float(row[head["implied_prior"]]), low=low, high=high)


def _printed_number(printed: object) -> str:
    """The number of a printed figure as printed, without its unit: ``62.08亿元`` → ``62.08``."""
    import re

    return re.match(r"[-+]?[\d.]+", str(printed)).group()


def _audit(tables: Mapping[str, pd.DataFrame], lang: str, data: Path) -> KeyPoint:
    t = tables["tab-audit-status-counts"]
    items = [words.fill(THEME, "points.audit_item", lang, status=s, count=int(n)) for s, n in t.itertuples(False)]
    return _sentence("audit", lang, {"ref": "tab-audit-status-counts"}, total=int(t.iloc[:, 1].sum()),
                     items=words.text(THEME, "list_sep", lang).join(items))


def _savings(tables: Mapping[str, pd.DataFrame], lang: str, data: Path) -> KeyPoint:
    t = tables["tab-savings-windows"]
    items = [words.fill(THEME, "points.savings_item", lang, window=r.iloc[WINDOW_COLUMNS["window"]],
                        years=r.iloc[WINDOW_COLUMNS["years"]], nominal=float(r.iloc[WINDOW_COLUMNS["nominal"]]),
                        pv=float(r.iloc[WINDOW_COLUMNS["pv"]])) for _, r in t.iterrows()]
    return _sentence("savings", lang, {"ref": "tab-savings-windows"}, items=words.text(THEME, "list_sep", lang)
                     .join(items))


def _plan_row(tables: Mapping[str, pd.DataFrame], lang: str, data: Path) -> tuple[dict[str, object], dict[str, object]]:
    """The plan-period summary's row of :data:`PLAN_ROW`, with its values under the sentence's names, and the
    labels and years of the sentences.

    The labels and the last year are those of ``scenarios.toml`` (which the build checked already); the
    columns are found by their headers, filled as the exhibit fills them (``2025年（亿元）``, ``2030年（亿元）``).
    """
    import tomllib

    from ..scenarios.config import BASE_YEAR

    config = tomllib.loads((data / "scenarios.toml").read_text(encoding="utf-8"))
    scenario, indicator = (config["scenarios"][PLAN_ROW[0]][f"label_{lang}"],
                           config["indicators"][PLAN_ROW[1]][f"label_{lang}"])
    last = int(config["meta"]["last_year"])
    heads = {k: v.format(base=BASE_YEAR, first=BASE_YEAR + 1, last=last)
             for k, v in words.group("scenario_tables", "plan_summary.columns", lang).items()}
    t = tables["tab-plan-period-summary"].rename(columns={v: k for k, v in heads.items()})
    row = t[(t["scenario"] == scenario) & (t["indicator"] == indicator)].iloc[0]
    values = {name: row[key] for name, key in PLAN_COLUMNS.items()}
    return values, {"indicator": indicator, "last": last, "scenario": scenario, "base": BASE_YEAR}


def _paths(tables: Mapping[str, pd.DataFrame], lang: str, data: Path) -> KeyPoint:
    row, named = _plan_row(tables, lang, data)
    return _sentence("paths", lang, {"ref": "tab-plan-period-summary"}, **named,
                     **{k: float(row[k]) for k in ("start", "end", "cagr")})


def _fan(tables: Mapping[str, pd.DataFrame], lang: str, data: Path) -> KeyPoint:
    row, named = _plan_row(tables, lang, data)
    return _sentence("fan", lang, {"ref": "tab-plan-period-summary", "ref_fig": "fig-scenario-fan"},
                     indicator=named["indicator"], last=named["last"],
                     **{k: float(row[k]) for k in ("p05", "p95")})


KEY_POINTS: tuple[tuple[str, tuple[str, ...], Callable[..., KeyPoint]], ...] = (
    ("fiscal", ("tab-implied-prior-levels",), _fiscal),
    ("audit", ("tab-audit-status-counts",), _audit),
    ("savings", ("tab-savings-windows",), _savings),
    ("paths", ("tab-plan-period-summary",), _paths),
    ("fan", ("tab-plan-period-summary", "fig-scenario-fan"), _fan),
)
"""Each sentence: its name, the exhibits it needs, and the function that fills it."""


def key_points(root: str | Path, exhibit_ids: set[str], lang: str, data: str | Path) -> list[KeyPoint]:
    """The key sentences of a build in ``root`` (its ``tables/<id>.csv``) whose exhibits are in ``exhibit_ids``.

    ``data`` is the data folder the build read (for the scenario labels and years of ``scenarios.toml``).
    """
    root, data = Path(root), Path(data)
    tables: dict[str, pd.DataFrame] = {}
    points = []
    for _name, needs, make in KEY_POINTS:
        if not set(needs) <= exhibit_ids:
            continue
        for exhibit in (n for n in needs if n.startswith("tab-") and n not in tables):
            tables[exhibit] = pd.read_csv(root / "tables" / f"{exhibit}.csv", encoding="utf-8-sig",
                                          keep_default_na=False)
        points.append(make(tables, lang, data))
    return points
