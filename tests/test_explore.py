"""The interactive panels (ygx_analysis.exhibits.panels): built without a browser, driven by setting slider values.

Each redraw is checked against values worked out here by hand: the savings sums as
geometric series, a scenario's first projected year as the 2025 level times one
plus the growth set on the slider.
"""

from __future__ import annotations

import numpy as np
import pytest

from ygx_analysis import exhibits
from ygx_analysis.exhibits import panels as explore
from ygx_analysis.exhibits.scenario_tables import SCENARIO_COLOURS
from ygx_analysis.savings import SavingsAssumptions
from ygx_analysis.scenarios import ScenarioAnalysis, load_scenarios


def _line(fig, label: str):
    return next(line for line in fig.axes[0].lines if line.get_label() == label)


def _base_line(fig, title: str):
    """The base scenario's dashed line in the panel titled ``title``."""
    ax = next(a for a in fig.axes if a.get_title() == title)
    colour = SCENARIO_COLOURS["base"]
    from matplotlib.colors import to_hex

    return next(line for line in ax.lines if to_hex(line.get_color()) == colour)


@pytest.fixture(scope="module")
def savings():
    return explore.savings_panel(SavingsAssumptions.from_data(), lang="en")


def test_savings_panel_starts_from_the_file_and_spans_its_ranges(savings):
    a = SavingsAssumptions.from_data()
    assert savings.values == {"annual_saving": a.annual_saving, "discount_rate_pct": a.discount_rate_pct,
                              "wage_growth_pct": a.wage_growth_pct}
    low, high = a.plausible_ranges()["discount_rate_pct"]
    assert (savings.sliders["discount_rate_pct"].min, savings.sliders["discount_rate_pct"].max) == (low, high)
    assert savings.exhibit_id == "fig-savings-cumulative"


def test_savings_redraw_uses_the_new_discount_rate(savings):
    savings.set(discount_rate_pct=2.2, wage_growth_pct=2.8, annual_saving=1.3)
    # six end-of-year flows 2025..2030, valued at the end of 2025: 1.3 × Σ (1.028 / 1.022)^k, k = 0..5
    pv = 1.3 * sum((1.028 / 1.022) ** k for k in range(6))
    nominal = 1.3 * (1.028 ** 6 - 1) / 0.028
    assert _line(savings.figure, "Cumulative (present value)").get_ydata()[-1] == pytest.approx(pv, rel=1e-12)
    assert _line(savings.figure, "Cumulative (nominal)").get_ydata()[-1] == pytest.approx(nominal, rel=1e-12)
    assert savings.inputs["result"].assumptions.discount_rate_pct == 2.2


def test_savings_redraw_uses_the_new_wage_growth_and_saving(savings):
    savings.set(wage_growth_pct=0.0, annual_saving=1.4)
    assert _line(savings.figure, "Cumulative (nominal)").get_ydata()[-1] == pytest.approx(1.4 * 6)
    assert savings.inputs["result"].assumptions.annual_saving == 1.4
    assert "annual_saving=1.4" in repr(savings)


def test_moving_a_slider_widget_redraws(savings):
    savings.sliders["annual_saving"].value = 1.35  # what a user's drag does
    assert savings.inputs["result"].assumptions.annual_saving == 1.35
    bars = [p.get_height() for p in savings.figure.axes[0].containers[0]]
    assert bars[0] == pytest.approx(1.35)  # the 2025 bar: the saving itself


@pytest.mark.parametrize(("values", "error", "word"), [
    ({"discount": 2.0}, TypeError, "discount: unknown slider"),
    ({"discount_rate_pct": "2"}, TypeError, "discount_rate_pct: expected a number"),
    ({"discount_rate_pct": 9.0}, ValueError, "discount_rate_pct: must be between"),
])
def test_savings_panel_refuses_wrong_values(savings, values, error, word):
    before = savings.values
    with pytest.raises(error, match=word):
        savings.set(**values)
    assert savings.values == before


def test_savings_panel_refuses_wrong_arguments():
    with pytest.raises(TypeError, match="assumptions"):
        explore.savings_panel({"annual_saving": 1.3})
    with pytest.raises(ValueError, match="lang"):
        explore.savings_panel(lang="fr")


def test_panel_shows_a_widget_and_a_static_image(savings):
    bundle = savings._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["image/png"] == savings.output.outputs[0]["data"]["image/png"]
    assert bundle["text/plain"].startswith("[panel fig-savings-cumulative:")


@pytest.fixture(scope="module")
def paths_panel():
    return explore.scenario_panel(load_scenarios(), lang="en")


def test_scenario_panel_has_a_start_and_end_slider_per_scenario(paths_panel):
    spec = load_scenarios()
    assert set(paths_panel.sliders) == {f"{s}.{e}" for s in spec.scenarios for e in ("start", "end")}
    assert paths_panel.values["base.start"] == spec.path("base", "gross_output").start_growth_pct
    assert paths_panel.exhibit_id == "fig-scenario-paths"


def test_scenario_redraw_uses_the_new_start_growth(paths_panel):
    spec = load_scenarios()
    level_2025 = spec.level_2025("gross_output")
    paths_panel.set(**{"base.start": 12.0})
    line = _base_line(paths_panel.figure, spec.indicators["gross_output"].label("en"))
    years, values = np.asarray(line.get_xdata()), np.asarray(line.get_ydata())
    assert values[years == 2026][0] == pytest.approx(level_2025 * 1.12)
    drawn = paths_panel.inputs["model"].path("base", "gross_output")
    assert (drawn.start_growth_pct, drawn.end_growth_pct) == (12.0, spec.path("base", "gross_output").end_growth_pct)
    # the other scenarios and indicators are untouched
    assert paths_panel.inputs["model"].path("low", "gross_output") == spec.path("low", "gross_output")
    assert paths_panel.inputs["model"].path("base", "value_added") == spec.path("base", "value_added")


def test_a_constant_glide_with_two_rates_becomes_linear(paths_panel):
    spec = load_scenarios()
    assert spec.path("high", "fiscal_revenue_total").glide == "constant"
    paths_panel.chooser.value = "fiscal_revenue_total"
    assert paths_panel.values["high.start"] == spec.path("high", "fiscal_revenue_total").start_growth_pct
    paths_panel.set(**{"high.end": 3.0})
    drawn = paths_panel.inputs["model"].path("high", "fiscal_revenue_total")
    assert (drawn.glide, drawn.end_growth_pct) == ("linear", 3.0)
    projection = paths_panel.inputs["model"].project("high")
    last = projection[(projection["indicator"] == "fiscal_revenue_total") & (projection["year"] >= 2029)]
    assert last["value"].iloc[1] / last["value"].iloc[0] == pytest.approx(1.03)


def test_a_panel_never_calls_show():
    seen = []
    exhibits.on_show(lambda ex, lang, obj: seen.append(ex.id))
    try:
        panel = explore.scenario_panel(lang="zh")
        panel.set(**{"low.end": 1.0})
    finally:
        exhibits.on_show(None)
    assert seen == []


@pytest.mark.parametrize(("kwargs", "error", "word"), [
    ({"model": "data/scenarios.toml"}, TypeError, "model"),
    ({"indicator": "patents"}, ValueError, "patents"),
    ({"fan_paths": 1.5}, TypeError, "fan_paths"),
    ({"fan_paths": -1}, ValueError, "fan_paths"),
    ({"growth_range": (20.0, -5.0)}, ValueError, "growth_range"),
    ({"growth_range": [0, 1]}, TypeError, "growth_range"),
    ({"lang": "de"}, ValueError, "lang"),
])
def test_scenario_panel_refuses_wrong_arguments(kwargs, error, word):
    with pytest.raises(error, match=word):
        explore.scenario_panel(**kwargs)


def test_fan_panel_redraws_with_the_new_volatility_scale():
    model = ScenarioAnalysis.load(n_paths=300, seed=7)
    panel = explore.scenario_panel(model, lang="en", fan_paths=300)
    assert panel.exhibit_id == "fig-scenario-fan" and panel.values["vol_scale"] == load_scenarios().model.vol_scale.default

    def width() -> float:
        q = panel.inputs["model"].fan.quantiles
        end = q[(q["measure"] == "level") & (q["year"] == 2030) & (q["scenario"] == "base")
                & (q["indicator"] == "gross_output")]
        return float((end["p95"] - end["p05"]).iloc[0])

    narrow = width()
    panel.set(vol_scale=2.0)
    assert panel.inputs["model"].calibration.vol_scale == 2.0
    assert panel.inputs["model"].seed == 7 and panel.inputs["model"].n_paths == 300
    assert width() > narrow * 1.15  # same seed, shocks a third larger


# ---------------------------------------------------------------------------
# notebook 06 in Chinese: the scenario tables' Chinese text (rationale_zh, source_zh)
# ---------------------------------------------------------------------------

def test_shipped_scenarios_give_every_rationale_and_target_source_in_chinese():
    import re

    spec = load_scenarios()
    han = re.compile(r"[\u4e00-\u9fff]")
    for scen in spec.scenarios.values():
        for p in scen.paths.values():
            assert p.rationale_zh and han.search(p.rationale_zh), (p.scenario, p.indicator)
            assert any(r in p.rationale_zh for r in p.refs), (p.scenario, p.indicator)  # cites as the English does
    for t in spec.targets:
        assert t.source_zh and han.search(t.source_zh) and t.source_zh.startswith(("示意", "推算")), t.id


def _edited_copy(tmp_path, old: str, new: str, count: int = 1):
    from ygx_analysis.data.tables import default_data_dir

    text = (default_data_dir() / "scenarios.toml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "scenarios.toml"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return path


def test_loader_refuses_a_rationale_zh_without_chinese(tmp_path):
    from ygx_analysis.data.files import DataError

    spec = load_scenarios()
    first = spec.path("low", "fiscal_revenue_total").rationale_zh
    path = _edited_copy(tmp_path, f'rationale_zh = "{first}"', 'rationale_zh = "Full scope follows the tax base"')
    message = r"scenarios\.low\.fiscal_revenue_total\.rationale_zh: must be Chinese text"
    with pytest.raises(DataError, match=message):
        load_scenarios(path)
    path = _edited_copy(tmp_path, f'source_zh = "{spec.targets[2].source_zh}"', 'source_zh = "a round multiple"')
    with pytest.raises(DataError, match=r"targets\[2\]\.source_zh: must be Chinese text"):
        load_scenarios(path)


def test_chinese_tables_fall_back_to_the_marked_english_text(tmp_path):
    import re

    text_path = _edited_copy(tmp_path, "x", "x")
    text = re.sub(r"^(rationale_zh|source_zh) = .*\n", "", text_path.read_text(encoding="utf-8"), flags=re.M)
    text_path.write_text(text, encoding="utf-8")
    spec = load_scenarios(text_path)
    zh = exhibits.render("tab-scenario-assumptions", "zh", model=spec)
    assert zh["理由"].iloc[0] == "（英文）" + spec.path("low", "fiscal_revenue_total").rationale


@pytest.fixture(scope="module")
def small_model():
    return ScenarioAnalysis.load(n_paths=300, seed=5)


def test_chinese_scenario_tables_have_chinese_columns_and_rationales(small_model):
    import re

    spec = small_model.spec
    zh = exhibits.render("tab-scenario-assumptions", "zh", model=small_model)
    assert list(zh.columns) == ["情景", "指标", "起始增速（%）", "末年增速（%）", "过渡方式", "理由", "依据数据行"]
    row = zh[(zh["情景"] == "基准情景") & (zh["指标"] == "规模工业总产值")].iloc[0]
    assert row["理由"] == spec.path("base", "gross_output").rationale_zh
    en = exhibits.render("tab-scenario-assumptions", "en", model=small_model)
    assert en["rationale"].iloc[0] == spec.path("low", "fiscal_revenue_total").rationale
    req = exhibits.render("tab-required-growth", "zh", model=small_model)
    assert req["出处"].tolist() == [t.source_zh for t in spec.targets]
    links = exhibits.render("tab-mc-links", "zh", model=small_model)
    assert list(links.columns) == ["项目", "取值", "依据数据行"]  # the file's English rationales are left out
    # no table of notebook 06 has a column name with a Latin word (P5 / P95 / φ are symbols)
    word = re.compile(r"[A-Za-z]{2,}")
    for ex in exhibits.all_exhibits():
        if ex.notebook == "06_scenarios_2026_2030.ipynb" and ex.kind == "table":
            columns = exhibits.render(ex.id, "zh", model=small_model).columns
            assert not [c for c in columns if word.search(str(c))], ex.id


def test_a_panel_moved_off_its_start_cites_the_moved_sliders_and_back_home_it_does_not():
    panel = explore.savings_panel(lang="zh")
    assert "+modified" not in panel.figure.texts[-1].get_text()
    panel.set(discount_rate_pct=2.2)
    line = panel.figure.texts[-1].get_text().replace("\n", "")
    assert "(+modified)" in line and line.endswith("；参数：DISCOUNT_RATE_PCT=2.2")
    panel.set(discount_rate_pct=panel.start["discount_rate_pct"])
    assert "+modified" not in panel.figure.texts[-1].get_text()
    # a scenario slider has no assumption object to say so: the panel names it
    paths = explore.scenario_panel(lang="en")
    paths.set(**{"base.start": 9.0})
    line = paths.figure.texts[-1].get_text().replace("\n", "")
    assert "(+modified)" in line and line.endswith("; parameters: BASE.START=9")


def test_the_annual_saving_slider_holds_a_value_set_outside_the_plausible_range(data_copy, monkeypatch):
    from ygx_analysis.data.tables import DATA_DIR_ENV
    from ygx_analysis.report.overrides import apply_overrides

    apply_overrides(data_copy, ["savings.annual_saving=2"])  # report --set savings.annual_saving=2
    monkeypatch.setenv(DATA_DIR_ENV, str(data_copy))
    panel = explore.savings_panel(SavingsAssumptions.from_data(data_copy), lang="en")
    slider = panel.sliders["annual_saving"]
    assert (slider.min, slider.value, slider.max) == (1.3, 2.0, 2.0)  # the file's 1.3–1.4, widened to the value
    assert "+modified" in panel.figure.texts[-1].get_text()  # the data copy differs from the package's
