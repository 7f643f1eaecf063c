"""Excel-ready command line: ``--output FILE`` (CSV with a BOM, or XLSX by extension) and ``--lang`` on every
command that prints a table, its errors one line with exit status 2."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from ygx_analysis.cli import main
from ygx_analysis.data.tables import load_indicators


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_figures_csv_output_starts_with_a_bom_and_reads_back_in_chinese(capsys, tmp_path):
    target = tmp_path / "x.csv"
    status, out, err = run(capsys, "figures", "--format", "csv", "--output", str(target))
    assert (status, out, err) == (0, "", "")
    assert target.read_bytes()[:3] == b"\xef\xbb\xbf"
    frame = pd.read_csv(target, encoding="utf-8-sig").set_index("id")
    ind = load_indicators().set_index("id")
    assert len(frame) == len(ind)  # every printed figure, one row each
    assert frame.loc["fiscal_revenue_total_2024", "label"] == ind.loc["fiscal_revenue_total_2024", "label_zh"]
    # standard output, as before, has no BOM: it is for pipes
    status, out, _ = run(capsys, "figures", "--format", "csv", "--lang", "en")
    assert status == 0 and out.startswith("id,section,label,")
    assert pd.read_csv(io.StringIO(out)).set_index("id").loc["fiscal_revenue_total_2024", "label"] == \
        ind.loc["fiscal_revenue_total_2024", "label_en"]


def test_audit_and_scenarios_write_xlsx_by_extension(capsys, tmp_path):
    status, _, err = run(capsys, "audit", "--lang", "en", "--output", str(tmp_path / "audit.xlsx"))
    assert status == 0 and err == ""
    table = pd.read_excel(tmp_path / "audit.xlsx", sheet_name="table", header=1)  # row 1: the caption
    expected = pd.read_csv(io.StringIO(run(capsys, "audit", "--lang", "en", "--format", "csv")[1]))
    assert table["check_id"].tolist() == expected["check_id"].tolist()
    status, _, err = run(capsys, "scenarios", "--paths", "200", "--output", str(tmp_path / "s.csv"))
    assert status == 0 and err == "" and (tmp_path / "s.csv").read_bytes()[:3] == b"\xef\xbb\xbf"


def test_scenarios_lang_words_the_probabilities_and_the_basis(capsys):
    _, zh, _ = run(capsys, "scenarios", "--targets", "--paths", "500", "--seed", "3", "--format", "csv")
    _, en, _ = run(capsys, "scenarios", "--targets", "--paths", "500", "--seed", "3", "--format", "csv",
                   "--lang", "en")
    assert "在模型假设下" in zh and "under the model's assumptions" in en and "在模型假设下" not in en
    _, zh, _ = run(capsys, "scenarios", "--required", "gross_output=1000@2030", "--format", "csv")
    assert "由2025年1-6月数估算" in zh


@pytest.mark.parametrize("command", [["figures"], ["audit"], ["savings"], ["scenarios", "--paths", "100"]])
def test_output_to_a_missing_folder_is_one_line_and_exit_2(capsys, tmp_path, command):
    status, out, err = run(capsys, *command, "--output", str(tmp_path / "nowhere" / "x.csv"))
    assert status == 2 and out == "" and len(err.splitlines()) == 1 and err.startswith("ygx-analysis: error: ")
    status, _, err = run(capsys, *command, "--lang", "fr")
    assert status == 2 and len(err.splitlines()) == 1


@pytest.mark.parametrize("name", ["x.xlsx", "x.csv", "x.json"])
def test_output_into_a_missing_folder_is_one_line_naming_the_file(capsys, tmp_path, name):
    target = tmp_path / "nowhere" / name
    status, out, err = run(capsys, "savings", "--output", str(target))
    assert status == 2 and out == "" and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert name in err and "No such file or directory" in err
