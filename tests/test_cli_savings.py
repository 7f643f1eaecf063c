"""Tests of `ygx-analysis savings` (called through cli.main with argv)."""

from __future__ import annotations

import io
import json

import numpy as np
import numpy_financial as npf
import pandas as pd
import pytest

from ygx_analysis.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(["savings", *argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_must_show_json_npv_matches_numpy_financial(capsys):
    status, out, err = run(capsys, "--format", "json", "--discount-rate", "3", "--wage-growth", "4",
                           "--through", "2030")
    assert status == 0 and err == ""
    result = json.loads(out)
    # cash flows worked out independently: 1.3亿元 (row hr_cost_saving_annual) in 2025, growing 4 % a
    # year to 2030; the group's 2024 cut (row group_hr_cost_cut_2024) does not recur by default.
    flows = np.array([1.3 * 1.04**k for k in range(6)])  # 2025 … 2030
    # numpy_financial.npv discounts values[0] at t=0. Our t=0 is the end of 2024 and 2025's saving
    # arrives at the end of 2025 (t=1), so one zero goes in front. The 15th-plan window (2026-2030)
    # keeps the same t=0, so 2026 sits at t=2: two zeros in front.
    horizon_npv = npf.npv(0.03, np.concatenate([[0.0], flows]))
    plan15_npv = npf.npv(0.03, np.concatenate([[0.0, 0.0], flows[1:]]))
    windows = result["windows"]
    assert windows["horizon"]["npv"] == pytest.approx(horizon_npv, rel=1e-9)
    assert windows["plan15"]["npv"] == pytest.approx(plan15_npv, rel=1e-9)
    assert windows["horizon"]["cumulative_nominal"] == pytest.approx(flows.sum(), rel=1e-9)
    assert windows["plan15"]["cumulative_nominal"] == pytest.approx(flows[1:].sum(), rel=1e-9)
    assert (windows["plan15"]["start"], windows["plan15"]["end"]) == (2026, 2030)
    assert (windows["horizon"]["start"], windows["horizon"]["end"]) == (2025, 2030)
    assert result["assumptions"]["wage_growth_pct"] == 4.0
    assert result["assumptions"]["discount_rate_pct"] == 3.0
    assert result["model_result"] is True
    assert "t=0 is the end of the year before first_year" in result["convention"]
    assert [row["year"] for row in result["path"]] == list(range(2025, 2031))


def test_group_recurs_flag(capsys):
    _, out_off, _ = run(capsys, "--format", "json", "--discount-rate", "0")
    _, out_on, _ = run(capsys, "--format", "json", "--discount-rate", "0", "--group-recurs")
    _, out_no, _ = run(capsys, "--format", "json", "--discount-rate", "0", "--no-group-recurs")
    off, on, no = (json.loads(o)["windows"]["plan15"] for o in (out_off, out_on, out_no))
    assert off == no
    # 3.3亿元 (row group_hr_cost_cut_2024) recurring in each of the 5 years 2026-2030
    assert on["cumulative_nominal"] - off["cumulative_nominal"] == pytest.approx(3.3 * 5)
    assert on["npv"] == pytest.approx(on["cumulative_nominal"])  # zero discount rate


def test_annual_saving_and_first_year_options(capsys):
    _, out, _ = run(capsys, "--format", "json", "--annual-saving", "2", "--first-year", "2026",
                    "--through", "2027", "--discount-rate", "10")
    result = json.loads(out)
    assert "plan14_rest" not in result["windows"]
    assert result["windows"]["horizon"]["npv"] == pytest.approx(2 / 1.1 + 2 / 1.1**2, rel=1e-12)
    assert result["windows"]["plan15"]["complete"] is False


def test_csv_and_table_formats(capsys):
    status, out, _ = run(capsys, "--format", "csv")
    assert status == 0
    frame = pd.read_csv(io.StringIO(out))
    assert frame["year"].tolist() == list(range(2025, 2031))
    assert frame["cumulative_nominal"].iloc[-1] == pytest.approx(1.3 * 6)
    status, out, _ = run(capsys)
    assert status == 0
    assert out.startswith("# Model result")
    assert "plan15" in out and "cumulative_present_value" in out


@pytest.mark.parametrize(("argv", "name"), [
    (["--through", "2020"], "through_year"),
    (["--first-year", "2027", "--through", "2026"], "through_year"),
    (["--discount-rate", "-100"], "discount_rate_pct"),
    (["--wage-growth", "-120"], "wage_growth_pct"),
    (["--annual-saving", "-1"], "annual_saving"),
    (["--first-year", "2020"], "first_year"),
])
def test_bad_arguments_print_one_line_and_exit_2(capsys, argv, name):
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"ygx-analysis: error: {name}: ")


def test_unparsable_argument_is_a_usage_error(capsys):
    status, _, err = run(capsys, "--through", "soon")
    assert status == 2
    assert err.count("\n") == 1 and "--through" in err
