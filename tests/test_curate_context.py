"""tools/curate_context.py writes data/context.csv and data/sources.csv from data/curation/: the shipped files
must be what it writes (its --check), an edit to them must be caught, and a bad curation row stops it with one
line naming file, row and field."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import DATA, REPO

TOOL = REPO / "tools" / "curate_context.py"


def load_tool():
    spec = importlib.util.spec_from_file_location("curate_context", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_tool(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(TOOL), *args], capture_output=True, text=True, cwd=REPO,
                          timeout=120)


def test_the_shipped_context_and_sources_are_what_the_tool_writes(capsys):
    tool = load_tool()
    assert tool.main(["--check"]) == 0
    assert capsys.readouterr().out.strip().endswith("are current")
    rows, sources = tool.process(tool.load(DATA))
    assert tool.render(rows, tool.COLUMNS) == (DATA / "context.csv").read_bytes()
    assert tool.render(sources, tool.SOURCE_COLUMNS) == (DATA / "sources.csv").read_bytes()


def test_an_edited_copy_is_reported_at_its_first_difference_and_nothing_is_written(data_copy, capsys):
    tool = load_tool()
    edited = data_copy / "context.csv"
    lines = edited.read_text(encoding="utf-8").splitlines(keepends=True)
    row_id = lines[5].split(",")[0]
    lines[5] = lines[5].replace(",", ", ", 1)
    edited.write_text("".join(lines), encoding="utf-8")
    before = {p.name: p.read_bytes() for p in data_copy.glob("*.csv")}
    assert tool.main(["--check", "--data", str(data_copy)]) == 1
    out = capsys.readouterr().out.strip()
    assert out.endswith(f"context.csv: line 6 (row {row_id}) differs; run python tools/curate_context.py")
    assert {p.name: p.read_bytes() for p in data_copy.glob("*.csv")} == before


def test_the_tool_rewrites_a_stale_copy_to_the_shipped_bytes(data_copy):
    (data_copy / "sources.csv").write_text("stale\n", encoding="utf-8")
    (data_copy / "context.csv").unlink()
    assert load_tool().main(["--data", str(data_copy)]) == 0
    for name in ("context.csv", "sources.csv"):
        assert (data_copy / name).read_bytes() == (DATA / name).read_bytes()


def _replace(path: Path, old: str, new: str) -> int:
    """Replace the first ``old`` with ``new``; the line number of the change."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[:text.index(old)].count("\n") + 1


@pytest.mark.parametrize(("name", "old", "new", "field"), [
    ("figures.csv", ",yueyang_gov_hn_gwr_2023,", ",no_such_source,", "source_id"),
    ("figures.csv", "hn_gdp_2024,hunan,gdp,", "hn_gdp_2024,,gdp,", "region"),
    ("figures.csv", ",3101.8,", ",31O1.8,", "value"),
    ("research_figures.csv", ",1283.68,", ",1283.69,", "value"),
    ("research_figures.csv", ",61,city_changde_local", ",999,city_changde_local", "research_row"),
    ("derived.csv", ",1,63.6,", ",x,63.6,", "decimals"),
    ("derived.csv", "hn_local_revenue_2013 ", "hn_local_revenue_2031 ", "operands"),
    ("series.csv", "CN_GDP_REAL_GROWTH,2000,", "CN_GDP_REAL_GROWTH,20x0,", "year"),
    ("evidence_sources.csv", "\nzzlib_zz_htz_rank_2024,", "\ntech_nx_htz_upgrade_2022,", "source_id"),
])
def test_a_malformed_curation_row_gives_one_line_naming_file_row_and_field(data_copy, name, old, new, field):
    path = data_copy / "curation" / name
    line = _replace(path, old, new) + old.startswith("\n")
    result = run_tool("--check", "--data", str(data_copy))
    assert result.returncode == 2, result.stderr
    assert result.stdout == "" and len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith(f"{path}:{line}: {field}: "), result.stderr


def test_a_total_that_is_not_the_sum_of_its_parts_is_named(data_copy):
    path = data_copy / "curation" / "research_figures.csv"
    line = _replace(path, " city_changde_provincial_shared_revenue_m01_m05", "")
    result = run_tool("--check", "--data", str(data_copy))
    assert result.returncode == 2
    assert result.stderr.startswith(f"{path}:{line}: sum_of: 126.05 is not the sum of "), result.stderr


def test_an_unused_source_is_named(data_copy):
    path = data_copy / "curation" / "sources.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines) + lines[-1].replace(lines[-1].split(",")[0], "unused_source", 1),
                    encoding="utf-8")
    result = run_tool("--check", "--data", str(data_copy))
    assert result.returncode == 2
    assert result.stderr == f"{path}:{len(lines) + 1}: source_id: 'unused_source' is used by no row\n"


def test_evidence_that_no_row_rests_on_is_named(data_copy):
    path = data_copy / "curation" / "evidence.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines) + "999" + lines[-1][lines[-1].index(","):], encoding="utf-8")
    result = run_tool("--check", "--data", str(data_copy))
    assert result.returncode == 2
    assert result.stderr == f"{path}:{len(lines) + 1}: research_row: row 999 is the evidence of no figure or source\n"


def test_a_bad_series_definition_names_the_file_and_key(data_copy):
    path = data_copy / "curation" / "series.toml"
    _replace(path, 'basis = "real"', "basis = 1")
    result = run_tool("--check", "--data", str(data_copy))
    assert result.returncode == 2
    assert result.stderr.startswith(f"{path}: CN_GDP_REAL_GROWTH.basis: "), result.stderr
