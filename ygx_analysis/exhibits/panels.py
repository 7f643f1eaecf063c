"""Interactive panels for Jupyter: sliders for the main assumptions that redraw an exhibit live.

Two panels, each a :class:`Panel`: :func:`savings_panel` (annual saving, discount rate and wage
growth over the plausible ranges of ``data/savings.toml``, redrawing ``fig-savings-cumulative``) and
:func:`scenario_panel` (each scenario's start and end growth for one indicator and, with a fan, the
volatility scale, redrawing ``fig-scenario-paths`` or ``fig-scenario-fan``). ``ipywidgets`` and
``matplotlib`` are imported inside the functions that need them.

A panel draws with :func:`ygx_analysis.exhibits.render`, never with :func:`~ygx_analysis.exhibits.show`,
so the report's show-hook exports nothing from a panel. It shows as the widget in Jupyter and, where no
widget can run (a static page), as the PNG of its current drawing. Tag its cell ``nbval-ignore-output``
(widget ids differ from run to run)::

    explore.scenario_panel(model, lang=LANG)
    explore.savings_panel(assumptions, lang=LANG)
"""

from __future__ import annotations

import base64
import dataclasses
import math
from collections.abc import Callable, Mapping
from typing import Any

from . import FigureImage, check_lang, render

__all__ = ["GROWTH_RANGE", "Panel", "SAVINGS_FIELDS", "savings_panel", "scenario_panel"]

SAVINGS_FIELDS = ("annual_saving", "discount_rate_pct", "wage_growth_pct")
"""The savings assumptions :func:`savings_panel` offers as sliders, in order."""

GROWTH_RANGE = (-5.0, 20.0)
"""Default slider range of a scenario's growth rate, per cent a year."""

def _check_range(bounds: Any, name: str) -> tuple[float, float]:
    if not isinstance(bounds, tuple) or len(bounds) != 2 or not all(
            isinstance(b, (int, float)) and not isinstance(b, bool) for b in bounds):
        raise TypeError(f"{name}: expected a (low, high) tuple of numbers, got {bounds!r}")
    low, high = float(bounds[0]), float(bounds[1])
    if not (math.isfinite(low) and math.isfinite(high) and low < high):
        raise ValueError(f"{name}: expected finite low < high, got {bounds!r}")
    return low, high


def _slider(description: str, value: float, low: float, high: float, step: float):
    import ipywidgets as w

    return w.FloatSlider(value=value, min=min(low, value), max=max(high, value), step=step,
                         description=description, continuous_update=False, readout_format=".2f",
                         style={"description_width": "initial"}, layout=w.Layout(width="460px"))


class Panel:
    """Sliders (``sliders``, name → ``ipywidgets.FloatSlider``) and the exhibit ``exhibit_id`` they redraw.

    Build one with :func:`savings_panel` or :func:`scenario_panel`. Moving a slider (or :meth:`set`)
    redraws the exhibit with :func:`~ygx_analysis.exhibits.render`; ``inputs`` holds the keyword inputs
    of the last drawing (``result=`` or ``model=``), ``figure`` the drawing, and ``widget`` what Jupyter
    shows (the controls above an ``Output`` holding the figure).
    """

    def __init__(self, exhibit_id: str, lang: str, sliders: Mapping[str, Any],
                 build: Callable[[dict[str, float]], dict[str, Any]], extra: tuple[Any, ...] = (),
                 changes: Mapping[str, Any] | None = None) -> None:
        import ipywidgets as w

        self.exhibit_id, self.lang, self.sliders, self._build = exhibit_id, lang, dict(sliders), build
        self._changes = dict(changes or {})  # what the starting values already changed (a notebook's parameters)
        self.start = {name: s.value for name, s in self.sliders.items()}
        self.output = w.Output()
        self.widget = w.VBox([*extra, *self.sliders.values(), self.output])
        self.inputs: dict[str, Any] = {}
        self.figure = None
        self.redraw()
        for s in self.sliders.values():
            s.observe(lambda change: self.redraw(), names="value")

    @property
    def values(self) -> dict[str, float]:
        """The current slider values by name."""
        return {name: s.value for name, s in self.sliders.items()}

    def set(self, **values: float) -> None:
        """Move sliders by name (each move redraws, as in Jupyter); TypeError or ValueError before any move for a
        wrong name, a value that is not a number or one outside the slider's range."""
        for name, value in values.items():
            if name not in self.sliders:
                raise TypeError(f"{name}: unknown slider; expected one of {', '.join(self.sliders)}")
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise TypeError(f"{name}: expected a number, got {type(value).__name__}")
            s = self.sliders[name]
            if not s.min <= value <= s.max:
                raise ValueError(f"{name}: must be between {s.min:g} and {s.max:g}, got {value:g}")
        for name, value in values.items():
            self.sliders[name].value = float(value)

    @property
    def moved(self) -> dict[str, float]:
        """The sliders moved off their start values (:attr:`start`), by name: the drawing's source line names them
        (with ``+modified``), so a figure copied from the panel cannot pass for the published one."""
        return {name: value for name, value in self.values.items() if value != self.start[name]}

    def redraw(self) -> None:
        """Draw the exhibit for the current slider values and show it in :attr:`output`."""
        self.inputs = self._build(self.values)
        self.figure = render(self.exhibit_id, self.lang, parameters={**self._changes, **self.moved}, **self.inputs)
        image = FigureImage(self.figure, self.exhibit_id)
        self.output.outputs = ({"output_type": "display_data", "metadata": {},
                                "data": {"image/png": base64.b64encode(image.png).decode("ascii"),
                                         "text/plain": self._text()}},)

    def _text(self) -> str:
        return f"[panel {self.exhibit_id}: {', '.join(f'{k}={v:g}' for k, v in self.values.items())}]"

    def __repr__(self) -> str:
        return self._text()

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        bundle = dict(self.widget._repr_mimebundle_(include=include, exclude=exclude) or {})
        bundle["image/png"] = self.output.outputs[0]["data"]["image/png"]
        bundle["text/plain"] = self._text()
        return bundle


def savings_panel(assumptions: Any = None, lang: str = "zh", *,
                  exhibit_id: str = "fig-savings-cumulative") -> Panel:
    """Sliders for the annual saving, the discount rate and wage growth, redrawing a savings exhibit.

    Parameters
    ----------
    assumptions : SavingsAssumptions, optional
        The starting values (default: ``SavingsAssumptions.from_data()``); each
        slider spans that assumption's plausible range in ``savings.toml``
        (widened to hold the starting value).
    lang : {'zh', 'en'}
    exhibit_id : str, default 'fig-savings-cumulative'
        A figure exhibit that takes ``result``.

    Returns
    -------
    Panel
        Its sliders are named as the assumptions (:data:`SAVINGS_FIELDS`) and described
        by their labels; ``panel.inputs["result"]`` is the result drawn.

    Raises
    ------
    TypeError or ValueError
        If ``assumptions`` is not a ``SavingsAssumptions`` or None, or ``lang`` is not 'zh' or 'en'.

    Examples
    --------
    >>> panel = savings_panel(lang="en")
    >>> panel.set(discount_rate_pct=2.2)
    >>> panel.inputs["result"].assumptions.discount_rate_pct
    2.2
    >>> panel
    [panel fig-savings-cumulative: annual_saving=1.3, discount_rate_pct=2.2, wage_growth_pct=2.8]
    >>> panel.sliders["discount_rate_pct"].description
    'Discount rate (nominal) (% a year)'
    >>> panel.set(discount_rate_pct=9)
    Traceback (most recent call last):
    ...
    ValueError: discount_rate_pct: must be between 1.83 and 2.29, got 9
    """
    from ..savings import SavingsAssumptions, run_savings
    from . import words
    from .reform_savings import THEME, label, unit

    check_lang(lang)
    assumptions = SavingsAssumptions.from_data() if assumptions is None else assumptions
    if not isinstance(assumptions, SavingsAssumptions):
        raise TypeError(f"assumptions: expected a SavingsAssumptions or None, got {type(assumptions).__name__}")
    ranges = assumptions.plausible_ranges()
    sliders = {}
    for name in SAVINGS_FIELDS:
        low, high = (float(x) for x in ranges[name])
        description = words.fill(THEME, "slider", lang, label=label(name, lang), unit=unit(name, lang))
        sliders[name] = _slider(description, float(getattr(assumptions, name)), low, high, 0.01)
    return Panel(exhibit_id, lang, sliders,
                 lambda values: {"result": run_savings(dataclasses.replace(assumptions, **values))})


def scenario_panel(model: Any = None, lang: str = "zh", *, indicator: str = "gross_output",
                   fan_paths: int = 0, growth_range: tuple[float, float] = GROWTH_RANGE) -> Panel:
    """Sliders for each scenario's start and end growth of one indicator, redrawing the scenario figure.

    Parameters
    ----------
    model : ScenarioAnalysis, ScenarioSet or None
        The starting assumptions (None: ``data/scenarios.toml``).
    lang : {'zh', 'en'}
    indicator : str, default 'gross_output'
        The indicator whose growth the sliders set; a dropdown switches it.
    fan_paths : int, default 0
        0 redraws ``fig-scenario-paths`` (deterministic paths, quick). A positive
        number redraws ``fig-scenario-fan`` with that many joint paths per
        scenario (same seed as ``model``, or the default), and adds a slider for
        the volatility scale over its range in the file.
    growth_range : (float, float), default :data:`GROWTH_RANGE`
        Range of the growth sliders, per cent a year (widened to hold the file's values).

    Returns
    -------
    Panel
        Sliders named ``"<scenario>.start"`` and ``"<scenario>.end"`` (and
        ``"vol_scale"``); ``panel.inputs["model"]`` is the scenario set or
        analysis drawn.

    Raises
    ------
    TypeError or ValueError
        For a ``model`` of another type, an unknown indicator or language, or ``fan_paths`` not an integer 0 or more.

    Examples
    --------
    >>> scenario_panel(indicator="patents")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: indicator: unknown indicator 'patents'; expected one of fiscal_revenue_total, ...
    """
    import ipywidgets as w

    from ..scenarios import ScenarioAnalysis, as_scenario_set
    from ..scenarios.paths import plan_period_summary
    from . import words
    from .scenario_tables import THEME

    def label(key: str, scenario: str | None = None) -> str:  # the tables' label; a widget's starts with a capital
        text = words.text(THEME, f"labels.{key}", lang)
        if scenario is not None:
            return words.fill(THEME, "scenario_slider", lang, scenario=scenario, name=text)
        return text[:1].upper() + text[1:]

    check_lang(lang)
    spec = as_scenario_set(model)
    spec.check_indicator(indicator)
    if isinstance(fan_paths, bool) or not isinstance(fan_paths, int):
        raise TypeError(f"fan_paths: expected an integer, got {type(fan_paths).__name__}")
    if fan_paths < 0:
        raise ValueError(f"fan_paths: must be 0 (paths only) or a number of paths, got {fan_paths}")
    low, high = _check_range(growth_range, "growth_range")
    seed = model.seed if isinstance(model, ScenarioAnalysis) else None
    t_df = model.t_df if isinstance(model, ScenarioAnalysis) else "file"
    state = {"spec": spec, "indicator": indicator}
    sliders = {}
    for sname, scen in spec.scenarios.items():
        p = scen.paths[indicator]
        sliders[f"{sname}.start"] = _slider(label("start_growth", scen.label(lang)), p.start_growth_pct, low, high, 0.1)
        sliders[f"{sname}.end"] = _slider(label("end_growth", scen.label(lang)), p.end_growth_pct, low, high, 0.1)
    if fan_paths:
        v = spec.model.vol_scale
        default = model.calibration.vol_scale if isinstance(model, ScenarioAnalysis) else v.default
        sliders["vol_scale"] = _slider(label("vol_scale"), default, v.low, v.high, 0.05)
    calibrations: dict[float, Any] = {}

    def build(values: dict[str, float]) -> dict[str, Any]:
        growth = {s: (values[f"{s}.start"], values[f"{s}.end"]) for s in spec.scenarios}
        state["spec"] = state["spec"].with_growth(state["indicator"], growth)
        if not fan_paths:
            return {"model": state["spec"]}
        new, scale = state["spec"], values["vol_scale"]
        if scale not in calibrations:
            calibrations[scale] = new.calibrate(scale)
        used_df = new.model.t_df if isinstance(t_df, str) else t_df
        fan = new.simulate(fan_paths, cal=calibrations[scale], t_df=used_df, **({} if seed is None else {"seed": seed}))
        projection = new.project()
        return {"model": ScenarioAnalysis(config=None, spec=new, calibration=calibrations[scale], t_df=used_df,
                                          fan=fan, projection=projection, plan_summary=plan_period_summary(projection),
                                          targets=new.target_levels())}

    chooser = w.Dropdown(options=[(ind.label(lang), name) for name, ind in spec.indicators.items()],
                         value=indicator, description=label("indicator"))
    panel = Panel("fig-scenario-fan" if fan_paths else "fig-scenario-paths", lang, sliders, build, (chooser,),
                  changes=model.changed() if isinstance(model, ScenarioAnalysis) else None)

    def switch(change: Any) -> None:
        # growth set for the indicator left stays in the paths drawn, so it stays in the source line
        panel._changes.update({f"{change['old']}.{name}": value for name, value in panel.moved.items()})
        state["indicator"] = change["new"]
        with panel.widget.hold_trait_notifications():
            for sname, scen in state["spec"].scenarios.items():
                p = scen.paths[state["indicator"]]
                for end, value in (("start", p.start_growth_pct), ("end", p.end_growth_pct)):
                    s = panel.sliders[f"{sname}.{end}"]
                    s.min, s.max = min(low, value), max(high, value)
                    s.unobserve_all("value")
                    s.value = panel.start[f"{sname}.{end}"] = value
                    s.observe(lambda ch: panel.redraw(), names="value")
        panel.redraw()

    chooser.observe(switch, names="value")
    panel.chooser = chooser
    return panel
