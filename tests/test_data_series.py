"""Data that grows: a full-year 2025 row of the zone, from its own source, becomes the scenario jump-off.

End to end on a copy of data/: the rows added here are hypothetical outturns (the gross output is the 440.5亿元
of issue #21's example, the revenue a round 64.2亿元), each citing a source row added with it; removing them
gives the outputs of the package's data byte for byte.
"""

from __future__ import annotations

import csv
import io
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pandas as pd
import pytest

from ygx_analysis import exhibits
from ygx_analysis.cli import main
from ygx_analysis.data.fields import CONTEXT_COLUMNS, SOURCE_COLUMNS
from ygx_analysis.data.provenance import collect
from ygx_analysis.data.series import latest_observation
from ygx_analysis.data.tables import DATA_DIR_ENV, load_context, load_indicators
from ygx_analysis.scenarios import load_scenarios

from .conftest import DATA, REPO

SOURCE = {"source_id": "zone_bulletin_2025", "kind": "web", "title": "益阳高新区2025年统计公报（测试）",
          "title_status": "printed", "authors_status": "not applicable", "publisher": "益阳高新区管委会",
          "publisher_status": "printed", "section_status": "not applicable", "date": "2026-03-01",
          "date_status": "printed", "url": "https://example.org/zone_bulletin_2025", "url_status": "printed",
          "trust": "high", "note": "A source made up for this test."}
GROSS_OUTPUT = {"id": "zone_gross_output_2025", "region": "zone", "indicator": "above_scale_gross_output",
                "label_zh": "规模工业总产值", "label_en": "Gross output of above-scale industry", "period": "2025",
                "measure": "flow", "value": "440.5", "unit": "亿元", "qualifier": "exact", "status": "final",
                "trust": "high", "source_id": "zone_bulletin_2025", "source_date": "2026-03-01",
                "excerpt": "全年规模工业总产值440.5亿元", "note": "Hypothetical full-year 2025 outturn (test row)."}
REVENUE = {**GROSS_OUTPUT, "id": "zone_fiscal_revenue_total_2025", "indicator": "fiscal_revenue_total",
           "label_zh": "财政总收入", "label_en": "Total fiscal revenue", "value": "64.2", "basis": "nominal",
           "excerpt": "财政总收入64.2亿元"}


def append(path: Path, columns, *rows: dict[str, str]) -> None:
    with path.open("a", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(columns), lineterminator="\n", restval="")
        writer.writerows(rows)


def add_outturns(folder: Path, *rows: dict[str, str]) -> None:
    append(folder / "sources.csv", SOURCE_COLUMNS, SOURCE)
    append(folder / "context.csv", CONTEXT_COLUMNS, *(rows or (GROSS_OUTPUT, REVENUE)))


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


SCENARIO_RUNS = (("scenarios", "--format", "csv", "--paths", "2000", "--seed", "3"),
                 ("scenarios", "--format", "csv", "--required", "gross_output=1000@2030",
                  "--required", "fiscal_revenue_total=80@2030"))


def outputs(monkeypatch, folder: Path) -> list[str]:
    monkeypatch.setenv(DATA_DIR_ENV, str(folder))
    return [cli(*argv)[1] for argv in SCENARIO_RUNS]


def test_the_latest_observation_of_the_zones_gross_output_is_the_articles_half_year():
    rows = pd.concat([load_indicators(), load_context().query("region == 'zone'")], ignore_index=True)
    # context.csv holds the zone's 2021 level and growth under the same indicator name (one series, one name)
    assert set(rows[rows["indicator"] == "above_scale_gross_output"]["period"]) == {"2021", "2025H1"}
    assert latest_observation(rows, "above_scale_gross_output")["id"] == "gross_output_2025h1"
    assert latest_observation(rows, "above_scale_gross_output", "growth_yoy")["id"] == "gross_output_yoy_2025h1"
    assert latest_observation(rows, "above_scale_gross_output", until="2024")["id"] == "zone_gross_output_2021"


def test_full_year_rows_become_the_jumpoff_with_no_range(data_copy):
    add_outturns(data_copy)
    spec = load_scenarios(data_dir=data_copy)
    j = spec.jumpoff.set_index(["indicator", "year"])
    for name, value, row in (("gross_output", 440.5, "zone_gross_output_2025"),
                             ("fiscal_revenue_total", 64.2, "zone_fiscal_revenue_total_2025")):
        r = j.loc[(name, 2025)]
        assert (r["value"], r["low"], r["high"]) == (value, value, value)
        assert not r["is_projection"] and r["basis"] == "outturn (later source)"
        assert r["row_ids"].split(";")[-1] == row
    assert j.loc[("fiscal_revenue_total", 2025), "growth_pct"] == pytest.approx(100 * (64.2 / 62.08 - 1))
    assert j.loc[("fiscal_revenue_total", 2024), "value"] == 62.08        # the article's rows stay
    assert j.loc[("value_added", 2025), "is_projection"]                  # no 2025 row: still the H1 estimate
    assert spec.required_growth("gross_output", 1000, 2030) == pytest.approx(100 * ((1000 / 440.5) ** 0.2 - 1))
    p = spec.project("base").set_index(["indicator", "year"])
    assert p.loc[("gross_output", 2026), "value"] == pytest.approx(440.5 * 1.075)   # base starts at 7.5 %
    assert not p.loc[("gross_output", 2025), "is_projection"]
    assert list(spec.outturns()["replaces"]) == ["projection_2025", "estimate_h1"]
    a = spec.jumpoff_assumptions().set_index("indicator").loc["gross_output"]
    assert a["low"] == a["default"] == a["high"] == pytest.approx(201.69 / 440.5)   # the share the row implies


def test_scenarios_cli_gives_the_outturn_for_2025_and_the_required_growth_from_it(data_copy, monkeypatch):
    before = outputs(monkeypatch, data_copy)
    add_outturns(data_copy, GROSS_OUTPUT)
    paths, required = outputs(monkeypatch, data_copy)
    frame = pd.read_csv(io.StringIO(paths))
    at = frame[(frame["indicator"] == "gross_output") & (frame["year"] == 2025)]
    assert len(at) == 3 and (at["value"] == 440.5).all() and not at["is_projection"].any()
    assert (at["p05"] == 440.5).all() and (at["p95"] == 440.5).all()               # no range
    t = pd.read_csv(io.StringIO(required)).set_index("indicator")
    hand = round(100 * ((1000 / 440.5) ** (1 / 5) - 1), 4)                          # 17.8178
    assert t.loc["gross_output", "required_cagr_pct"] == hand
    assert t.loc["gross_output", "required_cagr_low_pct"] == t.loc["gross_output", "required_cagr_high_pct"] == hand
    assert [paths, required] != before
    (data_copy / "context.csv").write_bytes((DATA / "context.csv").read_bytes())   # remove the row again
    (data_copy / "sources.csv").write_bytes((DATA / "sources.csv").read_bytes())
    assert outputs(monkeypatch, data_copy) == before == outputs(monkeypatch, DATA)


@pytest.mark.parametrize("lang, line", [
    ("en", "zone_gross_output_2025: replaces the H1 estimate as the scenario jump-off (gross_output); the paths, "
           "the fan and the required growth start from it"),
    ("zh", "zone_gross_output_2025：取代由上半年数估算的2025年数，作为情景起点（gross_output）；情景路径、蒙特卡洛扇形图和"
           "所需增速均由此起算"),
])
def test_validate_names_what_a_new_row_feeds(data_copy, lang, line):
    assert not any("replaces" in s or "取代" in s for s in cli("validate", str(data_copy), "--lang", lang)[1:])
    add_outturns(data_copy)
    code, out, err = cli("validate", str(data_copy), "--lang", lang)
    assert code == 0 and err == ""
    assert line in out.splitlines()
    assert sum("zone_fiscal_revenue_total_2025" in s for s in out.splitlines()) == 1


def test_validate_rejects_a_2025_row_in_another_unit_naming_both_rows(data_copy):
    add_outturns(data_copy, {**GROSS_OUTPUT, "value": "4405000", "unit": "万元",
                             "excerpt": "全年规模工业总产值4405000万元"})
    code, _, err = cli("validate", str(data_copy))
    lines = err.splitlines()
    assert code == 1 and len(lines) == 2 and lines[1] == "1 problem(s) in " + str(data_copy)
    assert lines[0].startswith(f"{data_copy / 'context.csv'}:")
    for word in ("unit", "zone_gross_output_2025", "万元", "gross_output_2025h1", "亿元", "indicators.csv:35"):
        assert word in lines[0]
    with pytest.raises(ValueError, match="the full-year 2025 jump-off, is in 万元; expected 亿元"):
        load_scenarios(data_dir=data_copy)


def test_validate_refuses_an_article_row_for_a_period_the_article_cannot_print(data_copy):
    row = {**GROSS_OUTPUT, "source_id": "article"}
    append(data_copy / "context.csv", CONTEXT_COLUMNS, row)
    code, _, err = cli("validate", str(data_copy))
    assert code == 1 and len(err.splitlines()) == 2
    assert "source_id: row 'zone_gross_output_2025' claims source 'article' for 2025" in err
    ind = (DATA / "indicators.csv").read_text(encoding="utf-8").splitlines()
    line = next(s for s in ind if s.startswith("gross_output_2025h1,"))
    (data_copy / "context.csv").write_bytes((DATA / "context.csv").read_bytes())
    with (data_copy / "indicators.csv").open("a", encoding="utf-8") as f:   # the row, in the article's file
        f.write(line.replace("gross_output_2025h1,", "gross_output_2025,").replace(",2025H1,", ",2025,") + "\n")
    code, _, err = cli("validate", str(data_copy))
    assert code == 1 and "indicators.csv:47: source_id: row 'gross_output_2025' claims source 'article'" in err


def test_validate_rejects_a_level_of_another_measure(data_copy):
    add_outturns(data_copy, {**GROSS_OUTPUT, "measure": "stock"})
    code, _, err = cli("validate", str(data_copy))
    assert code == 1 and "measure: row 'zone_gross_output_2025' is stock, unlike row 'gross_output_2025h1' (flow)" in err


def test_exhibits_reading_the_rows_cite_modified_and_say_a_later_figure_was_used(data_copy):
    clean = collect(REPO, DATA)
    add_outturns(data_copy)
    edited = collect(REPO, data_copy)
    assert "context.csv" in edited.changed_data and "context.csv" not in clean.changed_data
    for exhibit_id in ("tab-scenario-jumpoff", "fig-scenario-paths", "fig-scenario-fan", "tab-required-growth"):
        assert "+modified" in edited.stamp(exhibits.get(exhibit_id).data_inputs), exhibit_id
    table = exhibits.get("tab-scenario-jumpoff").func(lang="en", model=load_scenarios(data_dir=data_copy))
    row = table[(table["year"] == 2025) & table["data rows"].str.endswith("zone_gross_output_2025")].iloc[0]
    assert row["2025 range"] == "" and row["value (亿元)"] == 440.5
    assert row["assumption"].startswith("the full-year 2025 figure of a later source (zone_gross_output_2025)")
    assert row["basis"] == "full-year 2025 outturn (later source)"


def test_output_per_firm_divides_the_full_year_row_when_one_exists(data_copy):
    table = exhibits.get("tab-output-per-firm").func
    before = table("en")
    add_outturns(data_copy)
    after = table("en", load_indicators(data_copy / "indicators.csv"), load_context(data_copy / "context.csv"))
    firms = float(load_indicators().set_index("id").loc["above_scale_enterprises_current", "value"])
    row = after.iloc[0]
    assert row.iloc[1] == round(440.5 / firms, 3) and "zone_gross_output_2025" in row.iloc[-2]
    assert "zone_gross_output_2025" in row.iloc[-1] and "not estimated" in row.iloc[-1]
    assert after.iloc[1].equals(before.iloc[1])        # no value-added row for 2025: the estimate stays


def test_fiscal_reconciliation_divides_by_the_full_year_row_and_names_it(data_copy):
    table = exhibits.get("tab-fiscal-reconciliation").func
    before = table("en")
    add_outturns(data_copy)
    after = table("en", load_indicators(data_copy / "indicators.csv"), load_context(data_copy / "context.csv"))
    budget = float(load_indicators().set_index("id").loc["general_budget_revenue_2024", "value"])
    changed = after[after.iloc[:, -1] == "general_budget_revenue_2024, zone_gross_output_2025"]
    assert len(changed) == 1 and changed.iloc[0, 1] == round(100 * budget / 440.5, 3)
    assert "(a later source: zone_gross_output_2025)" in changed.iloc[0, 0]
    assert len(after) == len(before) and (after.iloc[:, 0] != before.iloc[:, 0]).sum() == 1


def test_validate_rejects_a_second_article_row_for_one_period(data_copy):
    ind = (DATA / "indicators.csv").read_text(encoding="utf-8").splitlines()
    line = next(s for s in ind if s.startswith("gross_output_2025h1,"))
    with (data_copy / "indicators.csv").open("a", encoding="utf-8") as f:
        f.write(line.replace("gross_output_2025h1,", "gross_output_2025h1_again,") + "\n")
    code, _, err = cli("validate", str(data_copy))
    assert code == 1 and len(err.splitlines()) == 2
    assert ("period: row 'gross_output_2025h1_again' repeats period 2025H1 of row 'gross_output_2025h1' of its "
            "series above_scale_gross_output") in err
