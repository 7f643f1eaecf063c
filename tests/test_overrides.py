"""One-build overrides of the assumption files: ``report --set FILE.KEY=VALUE`` and the config options (issue #12)."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import shutil
import time
import tomllib
from pathlib import Path

import pandas as pd
import pytest

from matplotlib.text import Text

from ygx_analysis import exhibits, report, savings
from ygx_analysis.data import citation
from ygx_analysis.data import provenance
from ygx_analysis.cli import main
from ygx_analysis.data.tables import DATA_DIR_ENV
from ygx_analysis.report.overrides import OVERRIDE_NOTE, SCENARIO_TABLES, apply_overrides, parse_override
from ygx_analysis.savings import SavingsAssumptions
from ygx_analysis.scenarios import load_scenarios

from .conftest import DATA, NOTEBOOKS, REPO, fingerprint_by_hand, git

SAVINGS_NOTEBOOK = "05_reform_savings.ipynb"
BAD_RATE = ("--set savings.discount_rate_pct=abc: savings.toml: assumptions.discount_rate_pct.default: "
            "must be a number (per cent), got 'abc'")


def hashes(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def toml(path: Path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def comment_lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")]


# ---------------------------------------------------------------------------
# parse_override
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, key", [
    ("savings.annual_saving=2", ("assumptions", "annual_saving", "default")),
    ("savings.assumptions.annual_saving.default=2", ("assumptions", "annual_saving", "default")),
    ("savings.wage_growth_pct.low=2", ("assumptions", "wage_growth_pct", "low")),
    ("savings.discount_rate_pct.high=2", ("assumptions", "discount_rate_pct", "high")),
    ("savings.meta.title_en=2", ("meta", "title_en")),
    ("scenarios.base.value_added.end_growth_pct=2", ("scenarios", "base", "value_added", "end_growth_pct")),
    ("scenarios.scenarios.base.value_added.end_growth_pct=2", ("scenarios", "base", "value_added", "end_growth_pct")),
    ("scenarios.model.vol_scale=2", ("model", "vol_scale")),
    ("scenarios.deflator.end_pct=2", ("deflator", "end_pct")),
    ("scenarios.pipeline.arrival_share.high=2", ("pipeline", "arrival_share", "high")),
])
def test_parse_resolves_the_shorthands_to_the_key_path_in_the_file(text, key):
    override = parse_override(text)
    assert override.key == key and override.value == 2 and override.text == text
    assert override.file == text.split(".")[0] + ".toml"


@pytest.mark.parametrize("raw, value", [
    ("2", 2), ("2.5", 2.5), ("-0.5", -0.5), ("1e2", 100.0), ("true", True), ("false", False),
    ('"end"', "end"), ("'mid'", "mid"), ("mid", "mid"), ("unknown", "unknown"), ("back_loaded", "back_loaded"),
    ('"1.3"', "1.3"), ("[1, 2]", [1, 2]), ('["a", "b"]', ["a", "b"]), (" 2 ", 2),
])
def test_the_value_is_toml_and_a_bare_word_is_text(raw, value):
    parsed = parse_override(f"savings.timing={raw}").value
    assert parsed == value and type(parsed) is type(value)


def test_scenario_tables_are_the_top_level_tables_of_scenarios_toml():
    assert set(SCENARIO_TABLES) == set(toml(DATA / "scenarios.toml"))


@pytest.mark.parametrize("text, message", [
    ("budget.x=1", "--set budget.x=1: unknown file 'budget'; expected savings or scenarios (the TOML files of data/)"),
    ("savings.toml.annual_saving=1", "unknown assumption 'toml'"),
    ("savings.anual_saving=2", "--set savings.anual_saving=2: savings.toml: unknown assumption 'anual_saving'; "
                               "nearest: annual_saving"),
    ("savings.discount_rate=2", "nearest: discount_rate_pct"),
    ("savings.nope=1", "unknown assumption 'nope'; expected one of annual_saving, first_year, through_year"),
    ("savings.annual_saving", "--set savings.annual_saving: expected FILE.KEY=VALUE"),
    ("savings=2", "give a key after savings."),
    ("savings.a..b=1", "key part '': expected letters, digits, _ or -"),
    ("savings.annual saving=1", "key part 'annual saving'"),
    ("savings.annual_saving.default.x=1", "too many parts"),
    ("savings.annual_saving=", "'' is not a TOML value"),
    ("savings.timing=mid year", "'mid year' is not a TOML value; write text with spaces or symbols as a TOML string"),
    ("savings.annual_saving=[1,", "'[1,' is not a TOML value"),
    ("savings.annual_saving=2\nx=1", "--set 'savings.annual_saving=2\\nx=1': the value must be on one line"),
])
def test_a_bad_override_is_one_line_naming_it(text, message):
    with pytest.raises(ValueError) as info:
        parse_override(text)
    assert message in str(info.value) and "\n" not in str(info.value)
    assert str(info.value).startswith("--set ")


# ---------------------------------------------------------------------------
# apply_overrides on a copy of data/
# ---------------------------------------------------------------------------

def test_an_override_edits_the_copy_keeps_its_comments_and_the_loader_reads_it(data_copy):
    original = hashes(DATA)
    before = toml(data_copy / "savings.toml")

    applied = apply_overrides(data_copy, ["savings.annual_saving=2"])

    assert applied == ["savings.annual_saving=2"]
    path = data_copy / "savings.toml"
    assert comment_lines(path) == comment_lines(DATA / "savings.toml")  # every comment kept, in order
    assert 'default = 2  # --set for this build (was default_row = "hr_cost_saving_annual")' in \
        path.read_text(encoding="utf-8").splitlines()
    after = toml(path)
    table = after["assumptions"]["annual_saving"]
    assert table["default"] == 2 and "default_row" not in table
    # nothing else changed: the same document once the table is put back
    expected = {k: v for k, v in before["assumptions"]["annual_saving"].items() if k != "default_row"}
    assert table == {**expected, "default": 2}
    after["assumptions"]["annual_saving"] = before["assumptions"]["annual_saving"]
    assert after == before
    # the loader: 2.0 from the copy, everything else as in data/
    edited, committed = SavingsAssumptions.from_data(data_copy), SavingsAssumptions.from_data(DATA)
    assert edited.annual_saving == 2.0 and committed.annual_saving == 1.3
    assert {**edited.to_dict(), "annual_saving": 1.3} == committed.to_dict()
    assert hashes(DATA) == original  # the project's data/ is untouched


def test_range_ends_replace_their_rows_and_later_overrides_win(data_copy):
    apply_overrides(data_copy, ["savings.discount_rate_pct.low=1.5", "savings.timing=mid", "savings.timing=end",
                                "savings.transferred_cost=0.25", "savings.include_group=true"])
    table = toml(data_copy / "savings.toml")["assumptions"]
    assert table["discount_rate_pct"]["low"] == 1.5 and "low_row" not in table["discount_rate_pct"]
    assert table["discount_rate_pct"]["high_row"] == "cn_lgb_issue_rate_2024"  # the other end is left alone
    a = SavingsAssumptions.from_data(data_copy)
    assert (a.timing, a.transferred_cost, a.include_group) == ("end", 0.25, True)
    assert a.config.ranges["discount_rate_pct"] == (1.5, 2.29)  # 2.29: row cn_lgb_issue_rate_2024
    assert (data_copy / "savings.toml").read_text(encoding="utf-8").count(OVERRIDE_NOTE) == 4


def test_a_scenario_override_changes_the_projection(data_copy):
    apply_overrides(data_copy, ["scenarios.base.value_added.end_growth_pct=5", "scenarios.model.vol_scale=2"])
    spec = load_scenarios(None, data_copy)
    assert spec.scenarios["base"].paths["value_added"].end_growth_pct == 5
    assert spec.model.vol_scale.default == 2  # a table holding default: its default is set
    assert toml(data_copy / "scenarios.toml")["model"]["vol_scale"] == {"default": 2, "low": 0.7, "high": 2.0}
    path = spec.project(["base"])
    growth = path[(path["indicator"] == "value_added") & (path["year"] >= 2026)]["growth_pct"].round(6).tolist()
    assert growth == [7.5, 6.875, 6.25, 5.625, 5.0]  # linear from 7.5 (2026) to 5 (2030), by hand
    assert comment_lines(data_copy / "scenarios.toml") == comment_lines(DATA / "scenarios.toml")


def test_a_bad_value_is_exactly_one_line_naming_override_file_and_key(data_copy):
    original = hashes(DATA)
    with pytest.raises(ValueError) as info:
        apply_overrides(data_copy, ["savings.annual_saving=2", "savings.discount_rate_pct=abc"])
    assert str(info.value) == BAD_RATE
    with pytest.raises(ValueError) as info:
        apply_overrides(data_copy, ["scenarios.base.value_added.glide=wobbly"])
    assert str(info.value) == ("--set scenarios.base.value_added.glide=wobbly: scenarios.toml: "
                               "scenarios.base.value_added.glide: unknown value 'wobbly'; expected one of linear, "
                               "front_loaded, back_loaded, constant")
    assert hashes(DATA) == original


@pytest.mark.parametrize("text, message", [
    ("scenarios.base.value_added.end_pct=5", "--set scenarios.base.value_added.end_pct=5: scenarios.toml: unknown key "
                                             "scenarios.base.value_added.end_pct; nearest: "
                                             "scenarios.base.value_added.end_growth_pct"),
    ("scenarios.bse.value_added.end_growth_pct=5", "unknown key scenarios.bse; nearest: scenarios.base"),
    ("scenarios.zzz.x=5", "unknown key scenarios.zzz; expected one of: scenarios.low, scenarios.base, "
                          "scenarios.high"),
    ("scenarios.targets.value=1", "targets is an array of tables; it cannot be set with --set (give a whole file "
                                  "with --scenarios-config)"),
    ("scenarios.model=1", "scenarios.toml: model is a table; set one of its keys: model.t_df"),
    ("scenarios.base.value_added.glide.x=1", "scenarios.base.value_added.glide is a value, not a table"),
    ("savings.valuation_year.low=2024", "unknown key assumptions.valuation_year.low; expected one of: "
                                        "assumptions.valuation_year.default, "),
    ("savings.meta.titl=x", "unknown key meta.titl; nearest: meta.title_zh, meta.title_en"),
])
def test_only_existing_keys_can_be_set(data_copy, text, message):
    before = hashes(data_copy)
    with pytest.raises(ValueError) as info:
        apply_overrides(data_copy, [text])
    assert message in str(info.value) and "\n" not in str(info.value)
    assert hashes(data_copy) == before  # refused before the file is written


def test_a_config_file_replaces_the_copy_first_and_is_checked(data_copy, tmp_path):
    mine = tmp_path / "my_savings.toml"
    mine.write_text((DATA / "savings.toml").read_text(encoding="utf-8").replace("high = 1.4", "high = 1.8"),
                    encoding="utf-8")
    assert apply_overrides(data_copy, ["savings.annual_saving=1.5"], configs={"savings.toml": mine}) == \
        ["savings.annual_saving=1.5"]
    a = SavingsAssumptions.from_data(data_copy)
    assert a.annual_saving == 1.5 and a.config.ranges["annual_saving"] == (1.3, 1.8)
    bad = tmp_path / "bad.toml"
    bad.write_text((DATA / "savings.toml").read_text(encoding="utf-8").replace('default = "end"', 'default = "noon"'),
                   encoding="utf-8")
    with pytest.raises(ValueError) as info:
        apply_overrides(data_copy, [], configs={"savings.toml": bad})
    assert str(info.value).startswith(f"--savings-config {bad}: savings.toml: assumptions.timing.default: "
                                      "must be one of 'end', 'mid', got 'noon'")
    with pytest.raises(ValueError, match=r"^--scenarios-config: .*nowhere.toml: file not found$"):
        apply_overrides(data_copy, [], configs={"scenarios.toml": tmp_path / "nowhere.toml"})
    with pytest.raises(ValueError, match=r"^configs: unknown file 'indicators.csv'"):
        apply_overrides(data_copy, [], configs={"indicators.csv": mine})
    with pytest.raises(ValueError, match=r"^data_dir: "):
        apply_overrides(tmp_path / "nowhere", [])


# ---------------------------------------------------------------------------
# provenance: exactly the exhibits reading savings.toml cite +modified
# ---------------------------------------------------------------------------

def test_an_override_makes_exactly_the_savings_cite_lines_modified(committed_project, tmp_path):
    project = committed_project
    commit = git(project, "rev-parse", "HEAD")
    copy = tmp_path / "snapshot"
    shutil.copytree(project / "data", copy)
    clean = provenance.collect(project, copy)
    assert clean.changed_data == () and not clean.code_modified

    apply_overrides(copy, ["savings.annual_saving=2"])

    edited = provenance.collect(project, copy)
    assert edited.changed_data == ("savings.toml",) and edited.data_verified
    assert edited.data_fingerprint == fingerprint_by_hand(copy) != clean.data_fingerprint
    assert git(project, "status", "--porcelain") == ""  # the project's data/ was not written
    readers = {ex.id for ex in exhibits.all_exhibits() if ex.notebook == SAVINGS_NOTEBOOK}
    assert readers and readers == {ex.id for ex in exhibits.all_exhibits() if "savings.toml" in ex.data_inputs}
    for ex in exhibits.all_exhibits():
        before = exhibits.source_line(ex.sources, "zh", stamp=clean.stamp(ex.data_inputs))
        after = exhibits.source_line(ex.sources, "zh", stamp=edited.stamp(ex.data_inputs))
        if ex.id in readers:
            assert after != before
            assert f"(commit {commit[:7]}+modified, data {edited.data_fingerprint}, {edited.build_date})" in after
        else:
            assert after == before and f"(commit {commit[:7]})" in after


def test_the_savings_exhibits_of_the_overridden_copy_show_the_value_set(data_copy, monkeypatch):
    apply_overrides(data_copy, ["savings.annual_saving=2"])
    monkeypatch.setenv(DATA_DIR_ENV, str(data_copy))
    en = exhibits.render("tab-savings-revenue-share", "en")
    zh = exhibits.render("tab-savings-revenue-share", "zh")
    assert en.iloc[0, 0] == "Zone's annual HR-cost saving: 2亿元 a year (set; printed 1.3亿元以上)"
    assert en.iloc[0]["amount (亿元)"] == 2.0 and en.iloc[0]["kind"] == "assumption"
    assert "每年2亿元（设定值；原文为1.3亿元以上）" in zh.iloc[0, 0]
    text = en.to_csv() + zh.to_csv()
    assert "printed lower bound" not in text and "printed (lower bound)" not in text and "原文下限" not in text
    table = exhibits.render("tab-savings-assumptions", "en").set_index("assumption")
    assert table.loc["annual_saving", "value"] == "2"
    path = exhibits.render("tab-savings-path", "en")
    years = path["year"].tolist()
    saving = path.filter(like="zone saving").iloc[:, 0].tolist()
    rate = SavingsAssumptions.from_data(DATA).wage_growth_pct
    assert saving == pytest.approx([2.0 * (1 + rate / 100) ** (y - 2025) for y in years], rel=1e-12)  # by hand
    monkeypatch.setenv(DATA_DIR_ENV, str(DATA))
    assert "printed lower bound" in exhibits.render("tab-savings-revenue-share", "en").iloc[0, 0]


def test_set_annual_saving_2_centres_the_tornado_on_2_and_no_caption_says_default(data_copy, monkeypatch):
    apply_overrides(data_copy, ["savings.annual_saving=2", "savings.timing=mid"])
    monkeypatch.setenv(DATA_DIR_ENV, str(data_copy))
    a = SavingsAssumptions.from_data(data_copy)
    assert a.annual_saving == 2.0 and a.plausible_ranges()["annual_saving"] == (1.3, 1.4)  # the file's range kept
    fig = exhibits.render("fig-savings-tornado", "zh")
    for ax, measure in zip(fig.axes, ("cumulative_nominal", "npv"), strict=True):
        table = savings.run_savings(a).sensitivity[measure].set_index("assumption")
        low, high = table.loc["annual_saving", ["low_value", "high_value"]]
        assert (low, high) == (1.3, 2.0)  # the range drawn holds the value used
        base = float(table["result_base"].iloc[0])
        bars = [p for p in ax.patches if p.get_width() != 0]
        lefts = [min(p.get_x(), p.get_x() + p.get_width()) for p in bars]
        rights = [max(p.get_x(), p.get_x() + p.get_width()) for p in bars]
        assert ax.lines[0].get_xdata()[0] == base  # the centre line at the result of the values used
        assert min(lefts) < base and max(rights) > base  # bars on both sides of the base
        ticks = [t.get_text() for t in ax.get_yticklabels()]
        assert "所用值2超出合理范围1.3–1.4" in next(t for t in ticks if t.startswith("高新区每年减少"))
    en = exhibits.render("fig-savings-tornado", "en")
    assert any("used 2, outside range 1.3–1.4" in t.get_text() for t in en.axes[0].get_yticklabels())
    # the cumulative figure names the timing set; no caption of any exhibit says 默认 / default
    texts = [t.get_text() for t in exhibits.render("fig-savings-cumulative", "zh").findobj(Text)]
    assert any("每年节约按年中发生" in t.replace("\n", "") for t in texts)  # the note is broken to fit the axes
    assert any("mid-year flows" in t.get_text().replace("\n", " ")
               for t in exhibits.render("fig-savings-cumulative", "en").findobj(Text))
    for ex in exhibits.all_exhibits():
        assert "默认" not in ex.caption("zh") and "default" not in ex.caption("en").lower(), ex.id


# ---------------------------------------------------------------------------
# the build and the command line
# ---------------------------------------------------------------------------

def only_exhibits(monkeypatch, ids) -> None:
    """Restrict the registry to some exhibits for this test (exported in this process: no notebook)."""
    registry = {ex.id: ex for ex in exhibits.all_exhibits() if ex.id in ids}
    monkeypatch.setattr(exhibits, "_REGISTRY", registry)
    monkeypatch.setattr(exhibits, "load_all", lambda: None)


def run_cli(argv: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, err.getvalue()


def test_cli_unknown_key_exits_2_with_one_line_and_creates_nothing(tmp_path):
    code, err = run_cli(["report", "--set", "savings.nope=1", "--out", str(tmp_path / "build")])
    assert code == 2 and len(err.splitlines()) == 1 and "Traceback" not in err
    assert err.startswith("ygx-analysis: error: --set savings.nope=1: savings.toml: unknown assumption 'nope'")
    assert list(tmp_path.iterdir()) == []


def test_cli_bad_value_and_missing_config_leave_the_previous_build(committed_project, tmp_path):
    out = tmp_path / "build"
    project = str(committed_project)
    for argv, expected in (
            (["--set", "savings.discount_rate_pct=abc"], f"ygx-analysis: error: {BAD_RATE}"),
            (["--scenarios-config", str(tmp_path / "nowhere.toml")], "ygx-analysis: error: --scenarios-config: "),
            (["--savings-config", ""], "ygx-analysis: error: --savings-config: expected a file path, got ''")):
        code, err = run_cli(["report", "--project", project, "--out", str(out), *argv])
        assert code == 2 and len(err.splitlines()) == 1 and err.startswith(expected), err
        assert sorted(p.name for p in tmp_path.iterdir()) == ["project"]
    assert git(committed_project, "status", "--porcelain") == ""


def test_a_build_with_overrides_records_them_and_cites_modified(committed_project, tmp_path, monkeypatch):
    ids = ("tab-savings-revenue-share", "tab-savings-windows", "tab-reported-figures")
    only_exhibits(monkeypatch, ids)
    mine = tmp_path / "mine.toml"
    shutil.copy(DATA / "scenarios.toml", mine)
    out = tmp_path / "build"
    result = report.build(out, committed_project, lang="en", jobs=1, log=None,
                          overrides=["savings.annual_saving=2"], configs={"scenarios.toml": mine})
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["overrides"] == ["savings.annual_saving=2"] == result.manifest["overrides"]
    assert manifest["configs"] == {"scenarios.toml": {"file": "mine.toml",
                                                      "sha256": hashlib.sha256(mine.read_bytes()).hexdigest()}}
    assert manifest["provenance"]["changed_data"] == ["savings.toml"]  # the same scenarios.toml: not changed
    sha = {d["path"]: d["sha256"] for d in manifest["data"]}
    assert sha["data/savings.toml"] != hashlib.sha256((DATA / "savings.toml").read_bytes()).hexdigest()
    fingerprint = manifest["provenance"]["data_fingerprint"]
    for rec in manifest["exhibits"]:
        modified = f"+modified, data {fingerprint}, " in rec["source_line"]
        assert modified == (rec["id"] != "tab-reported-figures"), rec["source_line"]
    share = pd.read_csv(out / "tables" / "tab-savings-revenue-share.csv", encoding="utf-8-sig")
    assert share.iloc[0, 0] == "Zone's annual HR-cost saving: 2亿元 a year (set; printed 1.3亿元以上)"
    markdown = (out / "EXHIBITS.md").read_text(encoding="utf-8")
    header = markdown[:markdown.index("## ")]
    assert "- `--set savings.annual_saving=2`" in header
    assert "- `scenarios.toml` replaced by `mine.toml` (`--scenarios-config`" in header
    assert git(committed_project, "status", "--porcelain") == ""


@pytest.mark.slow
def test_end_to_end_build_of_notebook_05_with_an_override(tmp_path, monkeypatch):
    """One real build of notebook 05: its kernel reads the overridden snapshot. The registry of this process
    is cut to notebook 05's exhibits (the kernel exports only those), so that the build does not also export
    the other 39 here; the full registry is built by the session build of test_report_build.py."""
    from ygx_analysis import exhibits

    own = {e.id: e for e in exhibits.all_exhibits() if e.notebook == SAVINGS_NOTEBOOK}
    monkeypatch.setattr(exhibits, "_REGISTRY", own)
    monkeypatch.setattr(exhibits, "load_all", lambda: None)
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    shutil.copy(NOTEBOOKS / SAVINGS_NOTEBOOK, notebooks)
    savings_before = (REPO / "data" / "savings.toml").read_bytes()
    out = tmp_path / "build"
    lines: list[str] = []
    started = time.perf_counter()
    result = report.build(out, lang="zh", jobs=2, notebooks_dir=notebooks, log=lines.append,
                          overrides=["savings.annual_saving=2"])
    seconds = time.perf_counter() - started
    print(f"end-to-end build with an override: {seconds:.1f} s")
    assert (REPO / "data" / "savings.toml").read_bytes() == savings_before
    manifest = result.manifest
    assert manifest["overrides"] == ["savings.annual_saving=2"] and manifest["configs"] == {}
    assert [n["name"] for n in manifest["notebooks"]] == [SAVINGS_NOTEBOOK]
    assert "savings.toml" in manifest["provenance"]["changed_data"]
    fingerprint = manifest["provenance"]["data_fingerprint"]
    readers = [r for r in manifest["exhibits"] if r["notebook"] == SAVINGS_NOTEBOOK]
    assert sorted(r["id"] for r in readers) == sorted(own)
    assert readers and all(f"+modified, data {fingerprint}, " in r["source_line"] for r in readers)
    share = pd.read_csv(out / "tables" / "tab-savings-revenue-share.csv", encoding="utf-8-sig")
    assert share.iloc[0, 0].endswith("：每年2亿元（设定值；原文为1.3亿元以上）")
    assumptions = pd.read_csv(out / "tables" / "tab-savings-assumptions.csv", encoding="utf-8-sig")
    assert assumptions.set_index("参数").loc["annual_saving", "取值"] == "2"
    meta = json.loads((out / "tables" / "tab-savings-revenue-share.csv-metadata.json").read_text(encoding="utf-8"))
    assert f"+modified, data {fingerprint}, " in json.dumps(meta, ensure_ascii=False)
    executed = json.loads((out / "notebooks" / "05_reform_savings.ipynb").read_text(encoding="utf-8"))
    outputs = json.dumps([c.get("outputs", []) for c in executed["cells"]], ensure_ascii=False)
    assert "每年2亿元（设定值" in outputs and "原文下限" not in outputs  # what the kernel printed and drew
    assert "- `--set savings.annual_saving=2`" in (out / "EXHIBITS.md").read_text(encoding="utf-8")
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "本次构建修改了假设" in index and "<code>--set savings.annual_saving=2</code>" in index
    assert any(line.startswith("overrides savings.annual_saving=2") for line in lines)
