"""Citations that cannot mislead: short source lines, the build named in exported files, printed qualifiers kept."""

from __future__ import annotations

import json
import re
import shutil

import pandas as pd
import pytest

from ygx_analysis import __version__, exhibits
from ygx_analysis.data import citation
from ygx_analysis.data import provenance
from ygx_analysis.data.tables import load_indicators, load_sources
from ygx_analysis.data.provenance import Provenance

from .conftest import DATA, fingerprint_by_hand, git

HEAD = {lang: exhibits.source_line_head(lang) for lang in exhibits.LANGS}


def shown_source_line(obj, lang: str) -> str:
    """The source line a rendered exhibit carries: the figure's text (unwrapped) or the table's attrs."""
    if isinstance(obj, pd.DataFrame):
        return obj.attrs["source"]
    texts = [t.get_text() for t in obj.texts if t.get_text().startswith(HEAD[lang])]
    assert len(texts) == 1
    return texts[0].replace("\n", "")


# ---------------------------------------------------------------------------
# source lines that paste
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("exhibit_id", [ex.id for ex in exhibits.all_exhibits()])
def test_no_figure_or_table_source_line_is_longer_than_250_characters(exhibit_id, rendered_exhibits):
    lengths = {lang: len(shown_source_line(rendered_exhibits[exhibit_id, lang], lang)) for lang in exhibits.LANGS}
    assert max(lengths.values()) <= 250, lengths


def test_the_longest_source_lists_are_the_ones_that_had_to_be_shortened():
    # 40 and more sources: cited in full, such a line would run to thousands of characters
    longest = max(exhibits.all_exhibits(), key=lambda ex: len(ex.sources))
    assert len(longest.sources) >= 40
    assert len(", ".join(longest.sources)) > 250


def test_a_long_source_list_is_summarised_and_points_to_exhibits_md():
    ex = max(exhibits.all_exhibits(), key=lambda e: len(e.sources))
    sources = load_sources().set_index("source_id")
    first = sources.loc[ex.sources[0]]
    for lang, count in (("zh", f"等 {len(ex.sources)} 项，详见 EXHIBITS.md"),
                        ("en", f"and others: {len(ex.sources)} sources, all in EXHIBITS.md")):
        line = exhibits.source_line(ex.sources, lang)
        assert len(line) <= citation.SOURCE_LINE_LIMIT
        # the first source in full, the count of all of them, the version, the first ids then "…"
        assert line.startswith(f"{HEAD[lang]}{first['publisher']}")
        assert first["title"] in line and count in line
        opening, closing = {"zh": ("（来源标识：", "）"), "en": (" [", "]")}[lang]
        assert f"ygx_analysis {__version__}{opening}{ex.sources[0]}, " in line and line.endswith(", …" + closing)
        shown_ids = line[line.rindex(opening) + len(opening):-1].split(", ")[:-1]
        assert shown_ids == list(ex.sources[:len(shown_ids)])
    # within the limit, every source and id is cited in full
    full = exhibits.source_line(ex.sources, "en", limit=100_000)
    assert full.endswith(f"[{', '.join(ex.sources)}]")
    assert all(str(sources.loc[sid, "title"]) in full for sid in ex.sources)


def test_source_line_limit_is_checked():
    with pytest.raises(ValueError, match=r"^limit: "):
        exhibits.source_line(["article"], "en", limit=10)
    with pytest.raises(TypeError, match=r"^limit: "):
        exhibits.source_line(["article"], "en", limit="200")
    with pytest.raises(ValueError, match=r"^source_ids: "):
        exhibits.source_line([], "en")


# ---------------------------------------------------------------------------
# provenance: commit, +modified, data fingerprint
# ---------------------------------------------------------------------------

def cite_lines(prov: Provenance, lang: str = "zh") -> dict[str, str]:
    """Every exhibit's source line as an exported file carries it."""
    return {ex.id: exhibits.source_line(ex.sources, lang, stamp=prov.stamp(ex.data_inputs))
            for ex in exhibits.all_exhibits()}


def test_an_edited_scenarios_toml_changes_exactly_the_cite_lines_that_read_it(committed_project):
    project = committed_project
    commit = git(project, "rev-parse", "HEAD")
    clean = provenance.collect(project)
    assert (clean.commit, clean.code_modified, clean.changed_data, clean.data_verified) == (commit, False, (), True)
    before = cite_lines(clean)
    assert all(f"；ygx_analysis {__version__} (commit {commit[:7]})（来源标识：" in line for line in before.values())

    toml = project / "data" / "scenarios.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + "\n# an analyst's edit\n", encoding="utf-8")
    edited = provenance.collect(project)
    assert edited.changed_data == ("scenarios.toml",) and not edited.code_modified
    assert edited.data_fingerprint == fingerprint_by_hand(project / "data") != clean.data_fingerprint
    after = cite_lines(edited)
    readers = {ex.id for ex in exhibits.all_exhibits() if "scenarios.toml" in ex.data_inputs}
    assert readers and readers == {ex.id for ex in exhibits.all_exhibits()
                                   if ex.notebook == "06_scenarios_2026_2030.ipynb"}
    for exhibit_id, line in after.items():
        if exhibit_id in readers:
            assert line != before[exhibit_id]
            assert (f"(commit {commit[:7]}+modified, data {edited.data_fingerprint}, {edited.build_date})"
                    in line), line
            assert len(line) <= citation.SOURCE_LINE_LIMIT
        else:  # the reported figures, growth, innovation, industry and savings exhibits keep their line
            assert line == before[exhibit_id]


def test_a_changed_code_file_marks_every_line_but_adds_no_data_fingerprint(committed_project):
    (committed_project / "ygx_analysis" / "model.py").write_text("RATE = 2\n")
    prov = provenance.collect(committed_project)
    assert prov.code_modified and prov.changed_data == ()
    stamp = prov.stamp(exhibits.get("tab-reported-figures").data_inputs)
    assert stamp == f"ygx_analysis {__version__} (commit {prov.commit[:7]}+modified)"
    # an untracked file is no change to the commit's code
    (committed_project / "ygx_analysis" / "model.py").write_text("RATE = 1\n")
    (committed_project / "ygx_analysis" / "scratch.py").write_text("x = 1\n")
    assert not provenance.collect(committed_project).code_modified


def test_an_edited_copy_of_data_is_compared_with_the_committed_data(committed_project, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(committed_project / "data", copy)
    assert provenance.collect(committed_project, copy).changed_data == ()
    (copy / "indicators.csv").write_bytes((copy / "indicators.csv").read_bytes().replace(b"62.08", b"62.09"))
    (copy / "extra.csv").write_text("a\n1\n")
    prov = provenance.collect(committed_project, copy)
    assert prov.changed_data == ("extra.csv", "indicators.csv")
    assert "data " + fingerprint_by_hand(copy) in prov.stamp(["indicators.csv"])


def test_without_git_the_commit_is_unknown_and_the_fingerprint_always_shown(tmp_path):
    shutil.copytree(DATA, tmp_path / "data")
    prov = provenance.collect(tmp_path, environ={"SOURCE_DATE_EPOCH": "1735689600"})
    assert prov.commit is None and not prov.data_verified and prov.build_date == "2025-01-01"
    assert prov.stamp(["sources.csv"]) == (f"ygx_analysis {__version__} (commit unknown, "
                                           f"data {fingerprint_by_hand(tmp_path / 'data')}, 2025-01-01)")


def test_provenance_travels_to_kernels_as_json():
    prov = Provenance(__version__, "f" * 40, True, ("scenarios.toml",), "0badcafe", "2026-11-29")
    env = prov.to_environ()
    assert json.loads(env[provenance.PROVENANCE_ENV])["changed_data"] == ["scenarios.toml"]
    assert provenance.from_environ(env) == prov
    with pytest.raises(ValueError, match=r"^YGX_PROVENANCE: "):
        provenance.from_environ({provenance.PROVENANCE_ENV: "{nope"})
    with pytest.raises(TypeError, match=r"^commit: "):
        Provenance(__version__, 7, False, (), "0badcafe", "2026-11-29")


# ---------------------------------------------------------------------------
# 原文数值 keeps the qualifier
# ---------------------------------------------------------------------------

WORDS_ONLY = {"towns_transferred_2024", "subdistricts_transferred_2024"}
"""Rows whose excerpt prints the number in words ("托管‘一镇两街道’"): no digits to match."""


def printed_value_tables(rendered_exhibits):
    """(id, lang, table, id column, printed column) for every table that shows printed values."""
    for (exhibit_id, lang), obj in rendered_exhibits.items(kind="table"):
        id_col = next((c for c in ("数据行", "id", "row") if c in obj.columns), None)
        printed_col = next((c for c in ("原文数值", "printed") if c in obj.columns), None)
        if id_col and printed_col:
            yield exhibit_id, lang, obj, id_col, printed_col


def test_printed_values_keep_the_qualifier_exactly_as_in_the_excerpt(rendered_exhibits):
    ind = load_indicators().set_index("id")
    squeeze = lambda text: re.sub(r"\s+", "", str(text))  # noqa: E731
    checked = set()
    for exhibit_id, lang, table, id_col, printed_col in printed_value_tables(rendered_exhibits):
        for rid, shown in zip(table[id_col], table[printed_col], strict=True):
            if rid not in ind.index or not str(shown) or lang == "en" and not re.search(r"[\u4e00-\u9fff]", shown):
                continue  # derived rows, and English tables that spell the figure out in words
            excerpt = ind.loc[rid, "excerpt"]
            if rid in WORDS_ONLY:
                assert not re.search(r"\d", excerpt)
                continue
            assert squeeze(shown) in squeeze(excerpt), (exhibit_id, lang, rid, shown, excerpt)
            checked.add((exhibit_id, rid))
    by_row = {rid for _, rid in checked}
    # the qualified figures the issue names, and every 超/以上/多/余 row, were checked
    assert {"above_scale_electronics_current", "hr_cost_saving_annual", "incubation_floor_area_current",
            "factory_floor_area_current"} <= by_row
    assert set(ind.index[ind["qualifier"] != "exact"]) <= by_row
    assert {"tab-reported-figures", "tab-incubation-capacity"} <= {e for e, _ in checked}


def test_the_reported_figures_table_shows_the_printed_qualifiers_by_hand():
    table = exhibits.render("tab-reported-figures", "zh").set_index("数据行")["原文数值"]
    assert table["above_scale_electronics_current"] == "30多家"
    assert table["hr_cost_saving_annual"] == "1.3亿元以上"
    assert table["incubation_floor_area_current"] == "超20万平方米"
    assert table["factory_floor_area_current"] == "200余万平方米"
    assert table["fiscal_revenue_total_2024"] == "62.08亿元"


# ---------------------------------------------------------------------------
# one language per line
# ---------------------------------------------------------------------------

ENGLISH_WORDS = re.compile(r"\b(Source|inferred|not confirmed|Trust|and others|sources|all in)\b")
HAN_CHARS = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]")


def _without_names(line: str, source_ids) -> str:
    """``line`` without the cited sources' own names (publisher, title, section: data, in their language)."""
    rows = load_sources().set_index("source_id")
    for sid in source_ids:
        for field in ("title", "publisher", "section"):
            name = str(rows.loc[sid, field]) if pd.notna(rows.loc[sid, field]) else ""
            line = line.replace(name, "") if name else line
    return re.sub(r"\([^()]*\)|（[^（）]*）", "", line)  # and what stands in parentheses


def test_a_chinese_source_line_holds_no_english_words_and_an_english_one_no_chinese():
    rows = load_sources().set_index("source_id")
    for ex in exhibits.all_exhibits():
        zh, en = (exhibits.source_line(ex.sources, lang, parameters="RATE=3") for lang in ("zh", "en"))
        assert zh.startswith("资料来源：") and "参数：RATE=3" in zh
        assert not ENGLISH_WORDS.search(_without_names(zh, ex.sources)), zh
        assert not HAN_CHARS.search(_without_names(en, ex.sources)), en
    # the article's date is not confirmed: said so in the language of the line, once
    article = exhibits.source_line(["article"], "zh")
    assert f"，{rows.loc['article', 'date']}（未核实），" in article and "confirmed" not in article
    for sid in rows.index:  # every full citation (EXHIBITS.md) words status and trust in its language
        row = rows.loc[sid].to_dict() | {"source_id": sid}
        zh = exhibits.full_citation(row, "zh")
        assert not re.search(r"\((inferred|not confirmed)\)|Trust:", zh), zh
        assert f"可信度：{ {'high': '高', 'medium': '中', 'low': '低'}[row['trust']] }" in zh


def test_notebook_06_parameters_away_from_their_defaults_are_named_in_its_source_lines():
    from ygx_analysis.scenarios import ScenarioAnalysis
    from ygx_analysis.scenarios.montecarlo import DEFAULT_PATHS, DEFAULT_SEED

    assert ScenarioAnalysis.load(n_paths=DEFAULT_PATHS, seed=DEFAULT_SEED).changed() == {}  # notebook 06's defaults
    model = ScenarioAnalysis.load(n_paths=500, seed=7, pipeline=True)
    assert model.changed() == {"n_paths": 500, "seed": 7, "pipeline": True}
    line = exhibits.render("tab-plan-period-summary", "en", model=model).attrs["source"]
    assert line.endswith("; parameters: N_PATHS=500, SEED=7, PIPELINE=True") and "(+modified)" in line
    fewer = exhibits.render("tab-plan-period-summary", "en", model=ScenarioAnalysis.load(n_paths=500))
    assert fewer.attrs["source"].endswith("; parameters: N_PATHS=500")
