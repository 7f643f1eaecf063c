"""`ygx-analysis scenarios`: rows and columns, byte-identical seeded output, --required, one-line errors."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr, redirect_stdout

import pandas as pd
import pytest

from ygx_analysis.cli import main

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
                         "--format", "csv")
    assert code == 0 and err == ""
    frame = pd.read_csv(io.StringIO(out)).set_index("indicator")
    # 2025 gross output = gross_output_2025h1 / default H1 share of data/scenarios.toml (0.47)
    start = 201.69 / 0.47
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
    sd_at = text.index("sd_pct = ", anchor)
    line_end = text.index("\n", sd_at)
    path = tmp_path / "bad.toml"
    path.write_text(text[:sd_at] + "sd_pct = -2.0" + text[line_end:], encoding="utf-8")
    code, out, err = run("--config", str(path), "--paths", "10")
    assert code == 2 and out == ""
    assert err.count("\n") == 1
    assert err.strip().endswith("bad.toml: scenarios.base.value_added.sd_pct: must not be negative")
    path.write_text(text.replace("[meta]", "[meta", 1), encoding="utf-8")
    code, _, err = run("--config", str(path))
    assert code == 2 and err.count("\n") == 1 and "bad.toml:" in err and ": invalid TOML: " in err
