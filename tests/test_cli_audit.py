"""`ygx-analysis audit`: formats, languages, and one-line errors."""

from __future__ import annotations

import io
import json
import math

import pandas as pd
import pytest

from ygx_analysis.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(["audit", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_csv_lists_at_least_14_numeric_checks(capsys):
    status, out, err = run(capsys, "--format", "csv")
    assert status == 0 and err == ""
    frame = pd.read_csv(io.StringIO(out))
    assert list(frame.columns) == ["check_id", "description_zh", "description_en", "formula", "inputs",
                                   "value", "low", "high", "reported", "status", "note"]
    assert len(frame) >= 14
    for col in ("value", "low", "high"):
        assert pd.api.types.is_float_dtype(frame[col]) and not frame[col].isna().any(), col
    row = frame.set_index("check_id").loc["fiscal_total_2023_implied"]
    # fiscal_revenue_total_2024 / (1 + fiscal_revenue_total_yoy_2024 / 100)
    assert row["value"] == pytest.approx(62.08 / 1.0633)
    assert row["low"] == pytest.approx(62.075 / 1.06335)
    assert row["high"] == pytest.approx(62.085 / 1.06325)
    assert math.isinf(frame.set_index("check_id").loc["pre_reform_hr_cost", "high"])


def test_json_records(capsys):
    status, out, _ = run(capsys, "--format", "json", "--lang", "en")
    assert status == 0
    records = json.loads(out)
    assert len(records) >= 14
    by_id = {r["check_id"]: r for r in records}
    assert by_id["fiscal_2018_vs_2024_splice"]["status"] == "not_comparable"
    assert "must not be used" in by_id["fiscal_2018_vs_2024_splice"]["note"]
    assert by_id["pre_reform_hr_cost"]["high"] is None  # JSON has no infinity


def test_table_in_both_languages(capsys):
    status, out, _ = run(capsys)
    assert status == 0
    assert "fiscal_total_2023_implied" in out and "反推的2023年财政总收入" in out
    assert "58.3843" in out  # 62.08 / 1.0633, rounded to 4 places
    status, out, _ = run(capsys, "--lang", "en")
    assert status == 0 and "Implied 2023 total fiscal revenue" in out


@pytest.mark.parametrize("argv", [("--format", "xml"), ("--lang", "fr")])
def test_bad_arguments_are_one_line(capsys, argv):
    status, out, err = run(capsys, *argv)
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and "error" in err


def test_bad_data_is_one_line(capsys, data_copy, monkeypatch):
    (data_copy / "context.csv").write_text("id\n", encoding="utf-8")
    monkeypatch.setenv("YGX_DATA_DIR", str(data_copy))
    status, out, err = run(capsys, "--format", "csv")
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and "context.csv" in err
