"""The data files load, are complete, and every kind of malformed input gets a one-line error."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from ygx_analysis.data import tables as d
from ygx_analysis.data import fields, validation
from ygx_analysis.cli import main

from .conftest import DATA

LINE_ERROR = re.compile(r"^\S+\.csv(:\d+)?: ")


def test_indicators_load_with_types():
    ind = d.load_indicators()
    assert len(ind) == 45  # the README states this count
    assert ind["id"].is_unique
    assert str(ind["value"].dtype) == "float64"
    assert set(ind["section"]) == set(d.SECTIONS)
    row = ind.set_index("id").loc["general_budget_revenue_yoy_2024"]
    assert (row["value_printed"], row["unit"], row["measure"]) == ("6.6", "%", "growth_yoy")
    assert (row["low"], row["high"]) == (6.55, 6.65)


def test_every_section_of_the_article_is_covered():
    ind = d.load_indicators()
    counts = ind.groupby("section").size().to_dict()
    # counted by hand in the article: 15 innovation (incubators, platforms, patents),
    # 12 industry (6 investment attraction, factory floor, 5 enterprise counts), 10 fiscal/output,
    # 7 reform (一镇两街道 as two rows), 1 business-environment rank
    assert counts == {"innovation": 15, "industry": 12, "economy": 10, "reform": 7,
                      "business_environment": 1}


def test_qualifiers_match_the_printed_words():
    ind = d.load_indicators().set_index("id")
    assert ind.loc["incubated_firms_current", "qualifier"] == "more_than"      # 超200家
    assert ind.loc["hr_cost_saving_annual", "qualifier"] == "at_least"         # 1.3亿元以上
    assert ind.loc["factory_floor_area_current", "qualifier"] == "approx_more" # 200余万平方米
    assert ind.loc["above_scale_new_energy_current", "qualifier"] == "approx_more"  # 10多家


def test_value_text_appears_in_its_excerpt():
    """The printed number is in its own excerpt (一镇两街道 prints 1 and 2 as Chinese numerals)."""
    assert validation.check_excerpts() == []
    ind = d.load_indicators().set_index("id")
    assert ind.loc["towns_transferred_2024", "excerpt"] == "托管‘一镇两街道’"
    assert validation.value_in_excerpt("1", "托管‘一镇两街道’") and validation.value_in_excerpt("2", "托管‘一镇两街道’")
    assert not validation.value_in_excerpt("3", "托管‘一镇两街道’")
    # a whole number, not a piece of a longer one
    assert validation.value_in_excerpt("62.08", "财政总收入62.08亿元")
    assert not validation.value_in_excerpt("2.08", "财政总收入62.08亿元")
    assert not validation.value_in_excerpt("62.0", "财政总收入62.08亿元")
    assert not validation.value_in_excerpt("62", "财政总收入62.08亿元")


def test_an_edited_value_that_leaves_its_excerpt_fails_validate(data_copy: Path, capsys):
    line = _replace_field(data_copy / "indicators.csv", "fiscal_revenue_total_2024", "value", "62.10")
    assert d.load_indicators(data_copy / "indicators.csv") is not None  # the loader still reads it
    code, err = _validate(data_copy, capsys)
    assert code == 1
    assert err[0].endswith(f"indicators.csv:{line}: value: '62.10' does not occur in its excerpt "
                           "'财政总收入62.08亿元'; correct the value or the excerpt"), err
    assert err[-1].startswith("1 problem(s)")


def test_context_and_sources_load():
    ctx = d.load_context()
    src = d.load_sources()
    assert set(ctx["source_id"]) <= set(src["source_id"])
    assert ctx["id"].is_unique
    article = src.set_index("source_id").loc["article"]
    assert article["publisher"] == "中国高新技术产业导报"
    assert article["publisher_status"] == "inferred"
    assert article["date_status"] == "not confirmed"
    assert article["authors_status"] == "printed"


def test_context_series_have_one_definition_each():
    ctx = d.load_context()
    series = ctx[ctx["series"] != ""]
    assert {"CN_IVA_ABOVE_SCALE_GROWTH", "HN_GDP_REAL_GROWTH"} <= set(series["series"])
    for name, group in series.groupby("series"):
        assert group[["indicator", "region", "unit", "basis"]].drop_duplicates().shape[0] == 1, name
        assert group["period"].is_unique, name


def test_lookup_returns_reported():
    r = d.reported("above_scale_electronics_current")
    assert (r.text, r.qualifier, r.unit, r.id) == ("30", "approx_more", "家", "above_scale_electronics_current")
    with pytest.raises(KeyError, match="no indicators.csv row"):
        d.reported("nope")


def test_every_id_looked_up_is_the_row_of_the_frame():
    """reported()/context_reported() find a row in one pass and build each Reported once; a second method
    (a pandas mask on the frame) finds the same row."""
    for frame, lookup, what in ((d.load_indicators(), d.reported, "indicators.csv"),
                                (d.load_context(), d.context_reported, "context.csv")):
        for row_id in frame["id"]:
            found = lookup(row_id)
            row = frame[frame["id"] == row_id].iloc[0]
            assert (found.text, found.qualifier, found.unit, found.id) == \
                   (row["value_printed"], row["qualifier"], row["unit"], row_id)
            assert lookup(row_id, frame) is lookup(row_id) is found  # built once
    with pytest.raises(KeyError, match="no context.csv row with id 'nope'"):
        d.context_reported("nope")
    with pytest.raises(KeyError, match="no indicators.csv row"):
        d.reported(["not", "an", "id"])


def test_a_lookup_follows_an_edited_data_folder(data_copy: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(d.DATA_DIR_ENV, str(data_copy))
    assert d.reported("fiscal_revenue_total_2024").text == "62.08"
    path = data_copy / "indicators.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",62.08,", ",62.09,"), encoding="utf-8")
    assert d.reported("fiscal_revenue_total_2024").text == "62.09"
    ctx = data_copy / "context.csv"
    row = d.load_context(ctx).set_index("id").loc["hn_iva_growth_2025h1"]
    ctx.write_text(ctx.read_text(encoding="utf-8").replace(
        "hn_iva_growth_2025h1,", "hn_iva_growth_2025h1_renamed,", 1), encoding="utf-8")
    with pytest.raises(KeyError, match="hn_iva_growth_2025h1"):
        d.context_reported("hn_iva_growth_2025h1")
    assert d.context_reported("hn_iva_growth_2025h1_renamed").text == row["value_printed"]


def test_a_loaded_file_is_read_again_once_edited_and_each_caller_gets_its_own_copy(data_copy: Path):
    path = data_copy / "indicators.csv"
    first = d.load_indicators(path)
    assert first.set_index("id").loc["fiscal_revenue_total_2024", "value"] == 62.08
    first.loc[:, "value"] = 0.0  # a caller changing its frame changes nothing else
    assert d.load_indicators(path).set_index("id").loc["fiscal_revenue_total_2024", "value"] == 62.08
    # the same size, written at once: read again because the bytes differ
    path.write_text(path.read_text(encoding="utf-8").replace(",62.08,", ",62.09,"), encoding="utf-8")
    assert d.load_indicators(path).set_index("id").loc["fiscal_revenue_total_2024", "value"] == 62.09
    # a broken file raises every time, and loads again once repaired
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace(",62.09,", ",sixty,"), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(d.DataError, match=r"indicators\.csv:\d+: value"):
            d.load_indicators(path)
    path.write_text(good, encoding="utf-8")
    assert d.load_indicators(path).set_index("id").loc["fiscal_revenue_total_2024", "value"] == 62.09
    # the sources file takes part: an id removed from it is caught in a cached indicators file
    sources = data_copy / "sources.csv"
    sources.write_text("\n".join(line for line in sources.read_text(encoding="utf-8").splitlines()
                                 if not line.startswith("article,")) + "\n", encoding="utf-8")
    with pytest.raises(d.DataError, match="unknown source 'article'"):
        d.load_indicators(path)


def _replace_field(path: Path, row_id: str, column: str, new: str) -> int:
    """Set one field of the row with ``row_id``; return that row's line number."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    header = rows[0]
    for i, row in enumerate(rows):
        if row and row[0] == row_id:
            row[header.index(column)] = new
            out = io.StringIO()
            csv.writer(out, lineterminator="\n").writerows(rows)
            path.write_text(out.getvalue(), encoding="utf-8")
            return i + 1
    raise AssertionError(row_id)


def _validate(data_dir: Path, capsys) -> tuple[int, list[str]]:
    code = main(["validate", str(data_dir)])
    err = capsys.readouterr().err.strip().splitlines()
    return code, err


BREAKAGES = {
    "unknown unit": ("indicators.csv", "unit", "furlongs", "unit: unknown unit 'furlongs'"),
    "non-numeric value": ("indicators.csv", "value", "62,08", "value: not a number"),
    "unknown qualifier": ("indicators.csv", "qualifier", "roughly", "qualifier: unknown qualifier"),
    "unknown measure": ("indicators.csv", "measure", "vibe", "measure: unknown measure"),
    "bad period": ("indicators.csv", "period", "last year", "period: period 'last year'"),
    "unknown source": ("indicators.csv", "source_id", "blog", "source_id: unknown source 'blog'"),
    "growth at -100%": ("indicators.csv", "value", "-100", "value: growth rate -100% is at or below -100%"),
    "long excerpt": ("indicators.csv", "excerpt", "益" * 31, "excerpt: is 31 characters"),
    "unknown section": ("indicators.csv", "section", "sports", "section: unknown section"),
    "bad id": ("indicators.csv", "id", "Bad Id", "id: id 'Bad Id'"),
    "unknown status": ("context.csv", "status", "rumour", "status: unknown status 'rumour'"),
    "unknown region": ("context.csv", "region", "mars", "region: unknown region 'mars'"),
    "bad status word": ("sources.csv", "date_status", "maybe", "date_status: unknown status word"),
}


@pytest.mark.parametrize("case", sorted(BREAKAGES))
def test_field_breakage_gives_one_line_naming_file_line_field(case, data_copy: Path, capsys):
    filename, column, new, expected = BREAKAGES[case]
    path = data_copy / filename
    row_id = {"indicators.csv": "fiscal_revenue_total_yoy_2024", "context.csv": "hn_iva_growth_2024",
              "sources.csv": "article"}[filename]
    line = _replace_field(path, row_id, column, new)
    code, err = _validate(data_copy, capsys)
    assert code == 1
    assert any(e.startswith(f"{path}:{line}: ") or e.endswith(f"{filename}:{line}: {expected}")
               or f"{filename}:{line}: {expected}" in e for e in err), err
    assert not any("Traceback" in e for e in err)


def test_negative_level_is_rejected(data_copy: Path, capsys):
    line = _replace_field(data_copy / "indicators.csv", "fiscal_revenue_total_2024", "value", "-62.08")
    code, err = _validate(data_copy, capsys)
    assert code == 1 and any(f"indicators.csv:{line}: value: negative value" in e for e in err)


def test_duplicate_id(data_copy: Path, capsys):
    path = data_copy / "indicators.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines + [lines[5]]), encoding="utf-8")
    code, err = _validate(data_copy, capsys)
    assert code == 1
    assert any(f"indicators.csv:{len(lines) + 1}: id: duplicate id" in e and "first on line 6" in e for e in err)


def test_missing_column(data_copy: Path, capsys):
    path = data_copy / "indicators.csv"
    text = path.read_text(encoding="utf-8").replace(",unit,", ",units,", 1)
    path.write_text(text, encoding="utf-8")
    code, err = _validate(data_copy, capsys)
    assert code == 1 and any("indicators.csv:1: header: missing column 'unit'" in e for e in err)


def test_ragged_row(data_copy: Path, capsys):
    path = data_copy / "indicators.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[3] = lines[3].rstrip("\n") + ",extra\n"
    path.write_text("".join(lines), encoding="utf-8")
    code, err = _validate(data_copy, capsys)
    assert code == 1 and any("indicators.csv:4: row has 15 fields, header has 14" in e for e in err)


def test_empty_file(data_copy: Path, capsys):
    (data_copy / "context.csv").write_bytes(b"")
    code, err = _validate(data_copy, capsys)
    assert code == 1 and any(e.endswith("context.csv: file is empty") for e in err)


def test_binary_file(data_copy: Path, capsys):
    (data_copy / "indicators.csv").write_bytes(b"PK\x03\x04\x00\x00binary")
    code, err = _validate(data_copy, capsys)
    assert code == 1 and any("indicators.csv: binary content" in e for e in err)


def test_not_utf8(data_copy: Path, capsys):
    path = data_copy / "indicators.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    code, err = _validate(data_copy, capsys)
    assert code == 1 and any("indicators.csv:" in e and "not valid UTF-8" in e for e in err)


def test_series_mixing_definitions(data_copy: Path, capsys):
    ctx = d.load_context(data_copy / "context.csv")
    first = ctx[ctx["series"] == "CN_IVA_ABOVE_SCALE_GROWTH"].iloc[0]
    line = _replace_field(data_copy / "context.csv", first["id"], "basis", "nominal")
    code, err = _validate(data_copy, capsys)
    assert code == 1 and any("context.csv:" in e and "mixes definitions" in e for e in err), (line, err)


def test_missing_file_and_folder(tmp_path: Path, capsys):
    code, err = _validate(tmp_path / "nowhere", capsys)
    assert code == 1 and err[0].endswith("nowhere: folder not found")
    (tmp_path / "empty").mkdir()
    code, err = _validate(tmp_path / "empty", capsys)
    assert code == 1 and any(e.endswith("indicators.csv: file not found") for e in err)


def test_every_error_line_names_a_file(data_copy: Path, capsys):
    _replace_field(data_copy / "indicators.csv", "fiscal_revenue_total_2024", "unit", "furlongs")
    _replace_field(data_copy / "context.csv", "hn_iva_growth_2024", "trust", "dunno")
    code, err = _validate(data_copy, capsys)
    assert code == 1
    assert all(LINE_ERROR.match(e) for e in err[:-1]), err
    assert err[-1].startswith("2 problem(s)")


def test_loader_raises_data_error_with_one_line(data_copy: Path):
    line = _replace_field(data_copy / "indicators.csv", "fiscal_revenue_total_2024", "unit", "furlongs")
    with pytest.raises(d.DataError) as info:
        d.load_indicators(data_copy / "indicators.csv")
    message = str(info.value)
    assert "\n" not in message
    assert message.endswith(f"indicators.csv:{line}: unit: unknown unit 'furlongs'; expected one of "
                            + ", ".join(repr(u) for u in fields.INDICATOR_UNITS))


def test_validate_command_in_a_subprocess_has_no_traceback(data_copy: Path):
    _replace_field(data_copy / "indicators.csv", "fiscal_revenue_total_2024", "unit", "furlongs")
    proc = subprocess.run([sys.executable, "-m", "ygx_analysis", "validate", str(data_copy)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert "unit: unknown unit 'furlongs'" in proc.stderr


def test_validate_clean_data(capsys):
    assert main(["validate", str(DATA)]) == 0
    out = capsys.readouterr().out
    assert "indicators.csv: 45 rows" in out and out.strip().endswith("valid")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_figures_per_section_exhibit_counts_the_rows_of_the_csv(lang):
    """tab-figures-per-section against a count of data/indicators.csv read with the csv module."""
    import csv

    from ygx_analysis import exhibits

    with (DATA / "indicators.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    by_hand: dict[str, int] = {}
    for row in rows:  # a dict keeps the order in which the sections first appear
        by_hand[row["section"]] = by_hand.get(row["section"], 0) + 1
    labels = {"innovation": ("科技创新", "Innovation"), "industry": ("产业与招商", "Industry and investment"),
              "economy": ("财政与工业经济", "Fiscal and industrial economy"),
              "reform": ("管理体制改革", "Administrative reform"),
              "business_environment": ("营商环境", "Business environment")}
    table = exhibits.render("tab-figures-per-section", lang)
    assert table.columns.tolist() == (["板块", "数字个数"] if lang == "zh" else ["section", "figures"])
    assert table.iloc[:, 0].tolist() == [labels[s][lang == "en"] for s in by_hand]
    assert table.iloc[:, 1].tolist() == list(by_hand.values())
    assert int(table.iloc[:, 1].sum()) == len(rows)
    assert table.attrs["caption"] == exhibits.get("tab-figures-per-section").caption(lang)
    assert exhibits.get("tab-figures-per-section").data_inputs == ("indicators.csv", "sources.csv")


def test_section_counts_refuses_wrong_inputs():
    from ygx_analysis.exhibits.reported_figures import section_counts

    with pytest.raises(TypeError, match="indicators"):
        section_counts("en", indicators=[{"section": "industry"}])
    bad = d.load_indicators().assign(section="tourism")
    with pytest.raises(ValueError, match=r"indicators: unknown section.*tourism"):
        section_counts("en", indicators=bad)
    with pytest.raises(ValueError, match="lang"):
        section_counts("fr")
