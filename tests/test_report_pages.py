"""The report's documents: source lines and full citations, how to cite, EXHIBITS.md, index.html."""

from __future__ import annotations

import pytest

from ygx_analysis import __version__, citation, exhibits
from ygx_analysis.data import load_sources
from ygx_analysis.report import manifest as provenance
from ygx_analysis.report import pages


def _record(ex, lang="zh"):
    files = ([{"path": f"figures/{ex.id}.{s}", "sha256": "0" * 64} for s in ("png", "svg", "pdf")]
             if ex.kind == "figure" else [{"path": f"tables/{ex.id}.{s}", "sha256": "0" * 64} for s in ("csv", "xlsx")])
    rec = ex.to_record()
    rec.update(caption=ex.caption(lang), source_line=citation.source_line(ex.sources, lang), files=files,
               notebook_html=None)
    return rec


@pytest.fixture
def small_manifest():
    figure, table = exhibits.get("fig-figures-by-qualifier"), exhibits.get("tab-reported-figures")
    return {"version": "9.9.9", "git_commit": "0123456789abcdef0123456789abcdef01234567", "lang": "zh",
            "exhibits": [_record(figure), _record(table)], "notebooks": [], "datasets": [],
            "data": [{"path": "data/indicators.csv", "sha256": "ab" * 32}]}


def test_source_line_cites_the_article_row_by_hand():
    row = load_sources().set_index("source_id").loc["article"]
    # publisher, date and title of the article row; the publisher is inferred
    expected = f"Source: {row['publisher']} (inferred), {row['date']}, {row['title']}; ygx_analysis {__version__} [article]"
    assert row["publisher_status"] == "inferred"
    assert citation.source_line(["article"], "en") == expected
    assert exhibits.source_line is citation.source_line  # one formatter for exhibits and report
    with pytest.raises(KeyError, match="nope"):
        citation.source_line(["nope"], "en")
    with pytest.raises(ValueError, match=r"^lang: "):
        citation.source_line(["article"], "fr")
    with pytest.raises(TypeError, match=r"^source_ids: "):
        citation.source_line("article", "en")


def test_full_citation_marks_unconfirmed_fields():
    row = load_sources().set_index("source_id").loc["article"].to_dict() | {"source_id": "article"}
    text = citation.full_citation(row, "en")
    # authors, publisher (inferred), date, title (inferred), section, then trust and id
    assert text == (f"{row['authors']}. {row['publisher']} (inferred). {row['date']}. {row['title']} (inferred). "
                    f"{row['section']}. Trust: {row['trust']}. [article]")
    assert citation.full_citation(row, "zh").startswith(f"{row['authors']}. {row['publisher']} (推断). ")


def test_how_to_cite_names_build_exhibit_caption_and_source(small_manifest):
    rec = small_manifest["exhibits"][0]
    zh = provenance.how_to_cite(rec, small_manifest, "zh")
    assert zh == f"ygx_analysis 9.9.9 (commit 0123456), 图表 {rec['id']}：{rec['caption']}。{rec['source_line']}"


def test_exhibits_markdown_lists_files_rows_and_full_citations(small_manifest):
    md = provenance.exhibits_markdown(small_manifest, load_sources(), "en")
    figure = small_manifest["exhibits"][0]
    assert f"## {figure['id']}\n" in md
    assert f"[`figures/{figure['id']}.svg`](figures/{figure['id']}.svg)" in md
    assert f"- **Notebook**: `{figure['notebook']}` (not in this build)" in md
    assert "  - " + citation.full_citation(load_sources().set_index("source_id").loc["article"].to_dict()
                                           | {"source_id": "article"}, "en") in md
    assert "Code: commit `0123456789abcdef0123456789abcdef01234567`." in md


def test_index_page_is_escaped_and_links_every_file(small_manifest):
    small_manifest["exhibits"][1]["caption"] = "<b>R&D</b>"
    page = pages.index_html(small_manifest, "zh")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="zh-CN">' in page
    assert "&lt;b&gt;R&amp;D&lt;/b&gt;" in page and "<b>R&D</b>" not in page
    for rec in small_manifest["exhibits"]:
        for f in rec["files"]:
            assert f'href="{f["path"]}"' in page
    assert '<img src="figures/fig-figures-by-qualifier.png"' in page
    assert "<pre>" + provenance.how_to_cite(small_manifest["exhibits"][0], small_manifest, "zh")
    assert "<td>data/indicators.csv</td><td><code>" + "ab" * 32 in page
    assert (pages.TEMPLATES / "index.html.j2").is_file()
    with pytest.raises(ValueError, match=r"^lang: "):
        pages.index_html(small_manifest, "fr")


def test_notebook_page_comes_from_nbconvert_with_images_embedded():
    import base64

    import nbformat

    png = base64.b64encode(b"\x89PNG\r\n\x1a\nfake").decode()
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("## 财政 / Revenue $x^2$"),
        nbformat.v4.new_code_cell("x = 1 < 2", execution_count=1, outputs=[
            nbformat.v4.new_output("display_data", {"image/png": png, "text/plain": "[figure fig-x]"})])])
    page = pages.notebook_page(nb, "demo")
    assert "<title>demo</title>" in page
    assert f'src="data:image/png;base64,{png}"' in page
    assert "财政 / Revenue" in page and "MathJax" in page
    assert pages.notebook_page(nb, "demo") == page
