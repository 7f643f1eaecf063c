"""`ygx-analysis scenarios`: rows and columns, byte-identical seeded output, --required, --targets,
--dump-paths, one-line errors."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr, redirect_stdout

import pandas as pd
import pytest

from ygx_analysis.cli import main
from ygx_analysis.scenarios.targets import parse_required

from .conftest import DATA

COLUMNS = ["scenario", "indicator", "year", "value", "p05", "p50", "p95", "is_projection"]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["scenarios", *argv])
    return code, out.getvalue(), err.getvalue()


def test_csv_has_2026_2030_rows_for_every_scenario_and_indicator():
    code, out, err = run("--format", "csv", "--paths", "2000", "--seed", "1")
    assert code == 0 and err == ""
    frame = pd.read_csv(io.StringIO(out))
    assert list(frame.columns) == COLUMNS
    projected = frame[frame["year"].between(2026, 2030)]
    counts = projected.groupby(["scenario", "indicator"]).size()
    assert len(counts) == 3 * 4 and (counts == 5).all()
    assert projected["is_projection"].all()
    assert projected[["p05", "p50", "p95"]].notna().all().all()
    assert (projected["p05"] < projected["p50"]).all() and (projected["p50"] < projected["p95"]).all()
    history = frame[~frame["is_projection"]]
    assert set(history["year"]) == {2023, 2024}
    assert history[["p05", "p50", "p95"]].isna().all().all()
    # the printed 2024 level, unchanged: fiscal_revenue_total_2024
    fiscal_2024 = frame[(frame["indicator"] == "fiscal_revenue_total") & (frame["year"] == 2024)]["value"]
    assert (fiscal_2024 == 62.08).all()


def test_same_seed_gives_byte_identical_output():
    first = run("--format", "csv", "--paths", "20000", "--seed", "7")
    second = run("--format", "csv", "--paths", "20000", "--seed", "7")
    assert first[0] == 0
    assert first[1].encode("utf-8") == second[1].encode("utf-8")
    other = run("--format", "csv", "--paths", "20000", "--seed", "8")
    assert other[1] != first[1]


def test_scenario_selection_and_formats():
    code, out, _ = run("--scenario", "base", "high", "--paths", "500", "--phi", "0.3", "--format", "json")
    assert code == 0
    records = json.loads(out)
    assert {r["scenario"] for r in records} == {"base", "high"}
    assert set(records[0]) == set(COLUMNS)
    code, out, _ = run("--scenario", "low", "--paths", "0")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == COLUMNS and "NaN" in lines[-1]


def test_required_prints_the_needed_cagr():
    code, out, err = run("--required", "gross_output=1000@2030", "--required", "value_added=x2@2035",
                         "--format", "csv", "--lang", "en")
    assert code == 0 and err == ""
    frame = pd.read_csv(io.StringIO(out)).set_index("indicator")
    # 2025 gross output = gross_output_2025h1 annualised by the H1 rule's median share (0.465)
    start = 201.69 / 0.465
    assert frame.loc["gross_output", "required_cagr_pct"] == pytest.approx(
        100 * ((1000 / start) ** (1 / 5) - 1), abs=1e-4)
    assert frame.loc["value_added", "required_cagr_pct"] == pytest.approx(100 * (2 ** 0.1 - 1), abs=1e-4)
    assert frame.loc["gross_output", "basis_2025"] == "estimate from 2025H1"


@pytest.mark.parametrize("argv, expected", [
    (["--required", "patents=10@2030"], "indicator: unknown indicator 'patents'"),
    (["--required", "gross_output=1000"], "required: expected INDICATOR=TARGET@YEAR"),
    (["--required", "gross_output=1000@2040"], "year: must be between 2026 and 2035"),
    (["--paths", "-5"], "paths: must not be negative"),
    (["--scenario", "extreme", "--paths", "10"], "scenario: unknown scenario 'extreme'"),
    (["--phi", "1.5", "--paths", "10"], "phi: must be in (-1, 1)"),
])
def test_bad_arguments_give_one_line(argv, expected):
    code, out, err = run(*argv)
    assert code == 2 and out == ""
    assert err.count("\n") == 1
    assert err.startswith("ygx-analysis: error: ") and expected in err


def test_malformed_config_gives_one_line_naming_the_key(tmp_path):
    text = (DATA / "scenarios.toml").read_text(encoding="utf-8")
    anchor = text.index("[scenarios.base.value_added]")
    at = text.index("glide = ", anchor)
    line_end = text.index("\n", at)
    path = tmp_path / "bad.toml"
    path.write_text(text[:at] + 'glide = "wavy"' + text[line_end:], encoding="utf-8")
    code, out, err = run("--config", str(path), "--paths", "10")
    assert code == 2 and out == ""
    assert err.count("\n") == 1
    assert err.strip().endswith("bad.toml: scenarios.base.value_added.glide: unknown value 'wavy'; expected one "
                                "of linear, front_loaded, back_loaded, constant")
    path.write_text(text.replace("[meta]", "[meta", 1), encoding="utf-8")
    code, _, err = run("--config", str(path))
    assert code == 2 and err.count("\n") == 1 and "bad.toml:" in err and ": invalid TOML: " in err


def test_parse_required():
    assert parse_required("gross_output=1000@2030") == {
        "indicator": "gross_output", "target": 1000.0, "multiple": False, "year": 2030}
    assert parse_required(" value_added = x1.5 @ 2035 ")["multiple"] is True
    for bad in ("gross_output=1000", "gross_output@2030", "=1@2030", "gross_output=-1@2030",
                "gross_output=abc@2030"):
        with pytest.raises(ValueError, match="^required: "):
            parse_required(bad)
    with pytest.raises(TypeError, match="^required: "):
        parse_required(1000)


def test_table_values_are_the_model_rounded():
    """The printed 2026 level is the hand-compounded one, and the fan columns come from the same seed."""
    from ygx_analysis.scenarios import load_scenarios

    code, out, _ = run("--scenario", "base", "--paths", "300", "--seed", "5", "--phi", "0.2", "--format", "csv")
    assert code == 0
    frame = pd.read_csv(io.StringIO(out)).set_index(["indicator", "year"])
    assert frame.loc[("value_added", 2026), "value"] == round(47.83 / 0.465 * 1.075, 4)   # base starts at 7.5 %
    fan = load_scenarios().simulate(300, 5, scenarios="base", phi=0.2).fan("base", "value_added")
    assert frame.loc[("value_added", 2030), "p95"] == round(fan.loc[2030, "p95"], 4)


def test_dump_paths_writes_every_simulated_path(tmp_path):
    """Every path of every scenario, series and year, as (scenario, path, indicator, year, value); identities hold."""
    from ygx_analysis.scenarios import load_scenarios

    file = tmp_path / "paths.csv"
    code, out, err = run("--paths", "50", "--seed", "3", "--dump-paths", str(file), "--format", "csv")
    assert code == 0 and err == "" and out
    frame = pd.read_csv(file)
    assert list(frame.columns) == ["scenario", "path", "indicator", "year", "value"]
    assert len(frame) == 3 * 50 * 5 * 6          # scenarios × paths × (4 indicators + nominal gross output) × years
    assert set(frame["year"]) == set(range(2025, 2031))
    wide = frame.pivot_table(index=["scenario", "path", "year"], columns="indicator", values="value")
    assert (wide["general_budget_revenue"] <= wide["fiscal_revenue_total"]).all()
    assert (wide["value_added"] <= wide["gross_output"]).all()
    kept = load_scenarios().simulate(50, 3, keep_paths=True).paths_frame()
    pd.testing.assert_frame_equal(frame, kept, check_exact=False, rtol=1e-15)
    again = tmp_path / "again.csv"
    run("--paths", "50", "--seed", "3", "--dump-paths", str(again))
    assert again.read_bytes() == file.read_bytes()


def test_dump_paths_parquet_needs_pyarrow(tmp_path):
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        code, out, err = run("--paths", "10", "--dump-paths", str(tmp_path / "p.parquet"))
        assert code == 2 and out == "" and err.count("\n") == 1
        assert "needs pyarrow, which is not installed; give a .csv file instead" in err
    else:
        code, _, err = run("--paths", "10", "--dump-paths", str(tmp_path / "p.parquet"))
        assert code == 0 and pd.read_parquet(tmp_path / "p.parquet").shape == (3 * 10 * 5 * 6, 5)


def test_targets_print_probabilities_with_their_standard_error():
    """No "0.0%" or "100.0%": a share under 1 in 1,000 reads as a bound, under the model's assumptions."""
    import re

    code, out, err = run("--targets", "--paths", "2000", "--seed", "4", "--format", "csv", "--lang", "en")
    assert code == 0 and err == ""
    frame = pd.read_csv(io.StringIO(out), keep_default_na=False).set_index(["target", "scenario"])
    assert frame.loc[("gross_output_1000_2030", "low"), "probability"] == "below 0.1 % under the model's assumptions"
    assert frame.loc[("value_added_national_pace_2030", "base"), "status"] == "derived"
    assert re.search(r"^\d+\.\d % \(MC s\.e\. \d+\.\d\d pp\)$",
                     frame.loc[("value_added_national_pace_2030", "base"), "probability"])
    assert not re.search(r"(?<![\d.])0\.0 ?%|100\.0 ?%", out)


def test_pipeline_and_volatility_scale_options():
    code, out, err = run("--scenario", "base", "--paths", "0", "--pipeline", "--format", "csv")
    assert code == 0 and err == ""
    frame = pd.read_csv(io.StringIO(out)).set_index(["indicator", "year"])
    # 2025 estimate grown 7.5 %, plus 165亿元 × 0.5 arriving × 1.0 output per unit from 2026
    assert frame.loc[("gross_output", 2026), "value"] == round(201.69 / 0.465 * 1.075 + 82.5, 4)
    narrow = pd.read_csv(io.StringIO(run("--scenario", "base", "--paths", "2000", "--vol-scale", "1",
                                         "--format", "csv")[1])).set_index(["indicator", "year"])
    wide = pd.read_csv(io.StringIO(run("--scenario", "base", "--paths", "2000", "--vol-scale", "2",
                                       "--format", "csv")[1])).set_index(["indicator", "year"])
    key = ("gross_output", 2030)
    assert wide.loc[key, "p95"] - wide.loc[key, "p05"] > narrow.loc[key, "p95"] - narrow.loc[key, "p05"]
    code, out, err = run("--vol-scale", "-1", "--paths", "10")
    assert code == 2 and out == "" and err.startswith("ygx-analysis: error: vol_scale: ")


def test_required_growth_is_a_range_from_the_h1_rule():
    """The 2025 gross output is a range (H1 shares 0.452–0.480), so the growth a 1000亿 target needs is one too."""
    code, out, _ = run("--required", "gross_output=1000@2030", "--required", "value_added=x2@2030", "--format", "csv")
    assert code == 0
    frame = pd.read_csv(io.StringIO(out)).set_index("indicator")
    go = frame.loc["gross_output"]
    assert go["required_cagr_low_pct"] == pytest.approx(100 * ((1000 / (201.69 / 0.452)) ** 0.2 - 1), abs=1e-4)
    assert go["required_cagr_high_pct"] == pytest.approx(100 * ((1000 / (201.69 / 0.480)) ** 0.2 - 1), abs=1e-4)
    assert go["required_cagr_low_pct"] < go["required_cagr_pct"] < go["required_cagr_high_pct"]
    va = frame.loc["value_added"]                   # a multiple of 2025 needs the same rate from any level
    assert va["required_cagr_low_pct"] == va["required_cagr_pct"] == va["required_cagr_high_pct"]
