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
                           "--through", "2030", "--lang", "en")
    assert status == 0 and err == ""
    result = json.loads(out)
    # cash flows worked out independently: 1.3亿元 (row hr_cost_saving_annual) in 2025, growing 4 % a
    # year to 2030; the group's 2024 cut (row group_hr_cost_cut_2024) is a separate line, not in the total.
    flows = np.array([1.3 * 1.04**k for k in range(6)])  # 2025 … 2030
    # numpy_financial.npv discounts values[0] at t=0. The valuation date is the end of 2025 (savings.toml)
    # and 2025's saving arrives then (t=0), so no zero goes in front. The 15th-plan window (2026-2030)
    # keeps the same date, so 2026 sits at t=1: one zero in front.
    horizon_npv = npf.npv(0.03, flows)
    plan15_npv = npf.npv(0.03, np.concatenate([[0.0], flows[1:]]))
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
    assert "present values at the end of 2025" in result["convention"]
    assert any(note.startswith("Gross savings to the zone") for note in result["notes"])
    assert result["windows"]["plan15"]["net_nominal"] is None   # transferred cost unknown
    assert [row["year"] for row in result["path"]] == list(range(2025, 2031))


def test_group_recurs_flag(capsys):
    base = ("--format", "json", "--discount-rate", "0", "--group-growth", "0")
    _, out_off, _ = run(capsys, *base)
    _, out_on, _ = run(capsys, *base, "--group-recurs")
    _, out_no, _ = run(capsys, *base, "--no-group-recurs")
    _, out_added, _ = run(capsys, *base, "--group-recurs", "--include-group")
    off, on, no, added = (json.loads(o)["windows"]["plan15"] for o in (out_off, out_on, out_no, out_added))
    assert off == no
    # the group's cut is a company's cost: recurring or not, it stays out of the fiscal total ...
    assert on["cumulative_nominal"] == off["cumulative_nominal"]
    # ... unless added: 3.3亿元 (row group_hr_cost_cut_2024) in each of the 5 years 2026-2030
    assert added["cumulative_nominal"] - off["cumulative_nominal"] == pytest.approx(3.3 * 5)
    assert added["npv"] == pytest.approx(added["cumulative_nominal"])  # zero discount rate
    path = json.loads(out_on)["path"]
    assert [row["group_saving"] for row in path] == [3.3] * 6


def test_annual_saving_and_first_year_options(capsys):
    _, out, _ = run(capsys, "--format", "json", "--annual-saving", "2", "--first-year", "2026",
                    "--through", "2027", "--discount-rate", "10", "--wage-growth", "0")
    result = json.loads(out)
    assert "plan14_rest" not in result["windows"]
    # valued at the end of 2025 whatever the first year: 2026 at t=1, 2027 at t=2
    assert result["windows"]["horizon"]["npv"] == pytest.approx(2 / 1.1 + 2 / 1.1**2, rel=1e-12)
    _, out, _ = run(capsys, "--format", "json", "--annual-saving", "2", "--first-year", "2026",
                    "--through", "2027", "--discount-rate", "10", "--wage-growth", "0", "--timing", "mid",
                    "--valuation-year", "2026", "--transferred-cost", "0.5")
    result = json.loads(out)
    assert result["windows"]["horizon"]["npv"] == pytest.approx(2 * 1.1**0.5 + 2 / 1.1**0.5, rel=1e-12)
    assert result["windows"]["horizon"]["net_nominal"] == pytest.approx(1.5 * 2)
    assert result["windows"]["plan15"]["complete"] is False


def test_csv_and_table_formats(capsys):
    status, out, err = run(capsys, "--format", "csv", "--wage-growth", "0")
    assert status == 0
    # standard output is the table alone, from its header; the assumptions used and the notes go to stderr
    assert out.startswith("year,t,zone_saving,")
    frame = pd.read_csv(io.StringIO(out))
    assert frame["year"].tolist() == list(range(2025, 2031))
    assert frame["cumulative_nominal"].iloc[-1] == pytest.approx(1.3 * 6)
    assumptions = next(line for line in err.splitlines() if line.startswith("# assumptions: "))
    used = json.loads(assumptions.removeprefix("# assumptions: "))
    assert used["wage_growth_pct"] == 0.0 and used["discount_rate_pct"] == 2.02 and used["transferred_cost"] is None
    assert err.startswith("# 模型结果：非原文数字。")  # the notes in the default language, Chinese
    status, out, _ = run(capsys, "--lang", "en")
    assert status == 0
    assert out.startswith("# Model result")
    assert "plan15" in out and "cumulative_present_value" in out


def test_lang_en_gives_english_notes_and_output_writes_excel_ready_files(capsys, tmp_path):
    status, out, err = run(capsys, "--lang", "en", "--format", "json")
    assert status == 0 and json.loads(out)["notes"][0].startswith("Model result: not a figure printed")
    status, out, _ = run(capsys, "--format", "json")
    assert json.loads(out)["notes"][0].startswith("模型结果：非原文数字")
    target = tmp_path / "savings.csv"
    status, out, err = run(capsys, "--wage-growth", "0", "--output", str(target), "--lang", "en")
    assert status == 0 and out == "" and err == ""
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfyear,t,")  # a BOM, then the header: Excel reads it as UTF-8
    assert pd.read_csv(target, encoding="utf-8-sig")["cumulative_nominal"].iloc[-1] == pytest.approx(1.3 * 6)
    sidecar = json.loads((tmp_path / "savings.csv-metadata.json").read_text(encoding="utf-8"))
    assert json.loads(sidecar["ygx:assumptions"])["wage_growth_pct"] == 0.0
    assert json.loads(sidecar["ygx:notes"])[0].startswith("Model result")
    status, _, _ = run(capsys, "--output", str(tmp_path / "savings.xlsx"))
    book = pd.read_excel(tmp_path / "savings.xlsx", sheet_name=None, header=1)  # row 1: the caption
    assert status == 0 and book["table"]["year"].tolist() == list(range(2025, 2031))
    status, out, err = run(capsys, "--output", str(tmp_path / "nowhere" / "x.csv"))
    assert status == 2 and out == "" and len(err.splitlines()) == 1 and "Traceback" not in err
    assert "nowhere" in err


def test_table_labels_show_the_value_used(capsys):
    _, out, _ = run(capsys, "--annual-saving", "2", "--lang", "en")
    assert "Annual saving 2亿元 (set by the user" in out
    assert "the printed lower bound" not in out
    _, out, _ = run(capsys, "--lang", "en")
    assert "Annual saving 1.3亿元 (the printed lower bound" in out
    _, out, _ = run(capsys, "--annual-saving", "2")
    assert "每年节约取2亿元（用户设定" in out


def test_config_file_is_read_and_flags_override_it(capsys, tmp_path):
    from ygx_analysis.data.tables import default_data_dir

    config = tmp_path / "savings.toml"
    text = (default_data_dir() / "savings.toml").read_text(encoding="utf-8")
    config.write_text(text.replace('default_row = "cn_lgb_special_issue_rate_2025m01_m11"', "default = 5.0"),
                      encoding="utf-8")
    _, out, _ = run(capsys, "--format", "json", "--config", str(config))
    assert json.loads(out)["assumptions"]["discount_rate_pct"] == 5.0
    _, out, _ = run(capsys, "--format", "json", "--config", str(config), "--discount-rate", "1")
    assert json.loads(out)["assumptions"]["discount_rate_pct"] == 1.0
    config.write_text(text.replace('[assumptions.timing]\ndefault = "end"', '[assumptions.timing]\ndefault = 3'),
                      encoding="utf-8")
    status, out, err = run(capsys, "--config", str(config))
    assert status == 2 and out == "" and err.count("\n") == 1
    assert "savings.toml: assumptions.timing.default: must be one of 'end', 'mid', got 3" in err


@pytest.mark.parametrize(("argv", "name"), [
    (["--through", "2020"], "through_year"),
    (["--first-year", "2027", "--through", "2026"], "through_year"),
    (["--discount-rate", "-100"], "discount_rate_pct"),
    (["--wage-growth", "-120"], "wage_growth_pct"),
    (["--annual-saving", "-1"], "annual_saving"),
    (["--first-year", "2020"], "first_year"),
    (["--valuation-year", "2200"], "valuation_year"),
    (["--transferred-cost", "-1"], "transferred_cost"),
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
