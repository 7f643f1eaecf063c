"""The report's documents: source lines and full citations, how to cite, EXHIBITS.md, index.html."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from ygx_analysis import __version__, exhibits
from ygx_analysis.data import citation
from ygx_analysis.data.tables import load_sources
from ygx_analysis.report import manifest as provenance
from ygx_analysis.report import pages


def _record(ex, lang="zh"):
    files = ([{"path": f"figures/{ex.id}.{s}", "sha256": "0" * 64} for s in ("png", "svg", "pdf")]
             if ex.kind == "figure" else [{"path": f"tables/{ex.id}.{s}", "sha256": "0" * 64} for s in ("csv", "xlsx")])
    rec = ex.to_record()
    rec.update(caption=ex.caption(lang), source_line=exhibits.source_line(ex.sources, lang), files=files,
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
    # publisher, date and title of the article row; the publisher is inferred, the date not confirmed
    expected = (f"Source: {row['publisher']} (inferred), {row['date']} (not confirmed), {row['title']}; "
                f"ygx_analysis {__version__} [article]")
    assert (row["publisher_status"], row["date_status"]) == ("inferred", "not confirmed")
    assert exhibits.source_line(["article"], "en") == expected
    assert exhibits.source_line(["article"], "zh") == (
        f"资料来源：{row['publisher']}（推断），{row['date']}（未核实），{row['title']}；"
        f"ygx_analysis {__version__}（来源标识：article）")
    with pytest.raises(KeyError, match="nope"):
        exhibits.source_line(["nope"], "en")
    with pytest.raises(ValueError, match=r"^lang: "):
        exhibits.source_line(["article"], "fr")
    with pytest.raises(TypeError, match=r"^source_ids: "):
        exhibits.source_line("article", "en")
    with pytest.raises(TypeError, match=r"^words: "):
        citation.source_line(["article"], "en")


def test_full_citation_marks_unconfirmed_fields():
    row = load_sources().set_index("source_id").loc["article"].to_dict() | {"source_id": "article"}
    text = exhibits.full_citation(row, "en")
    # authors, publisher (inferred), date (not confirmed), title (inferred), section, then trust and id
    assert text == (f"{row['authors']}. {row['publisher']} (inferred). {row['date']} (not confirmed). "
                    f"{row['title']} (inferred). {row['section']}. Trust: {row['trust']}. [article]")
    # one language: the Chinese citation words the statuses and the trust in Chinese
    assert exhibits.full_citation(row, "zh") == (
        f"{row['authors']}。{row['publisher']}（推断）。{row['date']}（未核实）。{row['title']}（推断）。"
        f"{row['section']}。可信度：高。[article]")


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
    assert "  - " + exhibits.full_citation(load_sources().set_index("source_id").loc["article"].to_dict()
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


# ---------------------------------------------------------------------------
# pages that render everywhere: embedded fonts, anchors, links back, whole cells
# ---------------------------------------------------------------------------

def test_the_bundled_fonts_are_copied_into_assets_and_declared_relative_to_each_page(tmp_path):
    from ygx_analysis.exhibits.style import FONT_PATH

    written = pages.write_assets(tmp_path, woff2=False)
    assert [p.relative_to(tmp_path).as_posix() for p in written] == [
        "assets/NotoSansSC-YGXUsed.ttf", "assets/NotoSansSC-GB2312.ttf", "assets/OFL.txt"]
    assert written[1].read_bytes() == FONT_PATH.read_bytes()
    assert written[0].read_bytes() == (FONT_PATH.parent / "NotoSansSC-YGXUsed.ttf").read_bytes()
    css = pages.font_face_css("../", woff2=False)
    urls = re.findall(r'url\("([^"]+)"\)', css)
    # from a notebook page in notebooks/, each URL reaches a written font
    assert urls and all((tmp_path / "notebooks" / u).resolve() in {p.resolve() for p in written} for u in urls)
    assert 'font-family:"YGX"' in css and "--ygx-font:" in css


def test_woff2_fonts_when_brotli_is_there(tmp_path):
    pytest.importorskip("brotli")
    from fontTools.ttLib import TTFont

    written = pages.write_assets(tmp_path, woff2=True)
    assert written[0].name == "NotoSansSC-YGXUsed.woff2" and written[0].read_bytes()[:4] == b"wOF2"
    assert TTFont(written[0]).getBestCmap() == TTFont(pages.font_assets(False)[0].source).getBestCmap()


def test_index_embeds_the_fonts_and_links_each_exhibit_to_its_notebook_cell(small_manifest):
    for rec in small_manifest["exhibits"]:
        rec["notebook_html"] = "notebooks/01_reported_figures.html"
    small_manifest["notebooks"] = [{"name": "01_reported_figures.ipynb", "html": "notebooks/01_reported_figures.html",
                                    "ipynb": "notebooks/01_reported_figures.ipynb",
                                    "exhibits": ["tab-reported-figures"]}]
    page = pages.index_html(small_manifest, "zh")
    assert '@font-face{font-family:"YGX";src:url("assets/NotoSansSC-YGX' in page and "&#34;" not in page
    for rec in small_manifest["exhibits"]:
        assert f'href="notebooks/01_reported_figures.html#{rec["id"]}"' in page and f'id="{rec["id"]}"' in page
    assert 'class="scroll"' in page


def test_notebook_page_anchors_each_exhibit_links_home_and_lets_tables_scroll():
    import nbformat

    caption = nbformat.v4.new_output("display_data", {"text/markdown": "**tab-x** · 财政表", "text/plain": "<M>"})
    again = nbformat.v4.new_output("display_data", {"text/markdown": "**tab-x** · 财政表", "text/plain": "<M>"})
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("## 财政"),
                                         nbformat.v4.new_code_cell("show()", execution_count=1, outputs=[caption]),
                                         nbformat.v4.new_code_cell("show()", execution_count=2, outputs=[again])])
    page = pages.notebook_page(nb, "demo")
    assert page.count('<a id="tab-x"></a>') == 1  # one anchor per exhibit, at its first showing
    assert '<a href="../index.html">← 返回目录 index.html</a>' in page
    assert 'src:url("../assets/NotoSansSC-YGX' in page and ".jp-OutputArea-output{overflow-x:auto" in page
    # the page's CSS comes after nbconvert's theme, so that the font variables win
    assert page.index("--ygx-font:") > page.index("--jp-content-font-family")
    assert nb.cells[1].outputs[0].data["text/markdown"] == "**tab-x** · 财政表"  # the notebook is left alone


def test_missing_glyphs_agree_with_the_font_tables():
    from fontTools.ttLib import TTFont

    codes = set()
    for font in pages.font_assets(False):
        codes |= set(TTFont(font.source).getBestCmap())
    held = next(c for c in "财政收入" if ord(c) in codes)
    absent = next(chr(c) for c in range(0x4E00, 0xA000) if c not in codes)
    assert pages.missing_glyphs(f"{held} revenue {absent}") == [absent]
    assert pages.page_text("<p>財<script>億</script></p>") == "財"


def test_show_displays_every_table_cell_whole(monkeypatch):
    displayed = []
    monkeypatch.setattr("IPython.display.display", lambda obj: displayed.append(
        obj._repr_html_() if isinstance(obj, pd.DataFrame) else obj))
    exhibits.show("tab-two-plus-one", "zh")
    table = exhibits.render("tab-two-plus-one", "zh")
    longest = max((str(v) for v in table.to_numpy().ravel()), key=len)
    assert len(longest) > 50  # longer than pandas' default display.max_colwidth
    html = next(d for d in displayed if isinstance(d, str))
    assert longest in html and "...</td>" not in html


def test_index_says_which_assumptions_a_build_changed(small_manifest):
    changed = dict(small_manifest, overrides=["savings.annual_saving=2", "savings.timing=mid"],
                   configs={"scenarios.toml": {"file": "mine.toml", "sha256": "0123456789ab" + "0" * 52}})
    for lang, head in (("zh", "本次构建修改了假设"), ("en", "This build changed assumptions")):
        page = pages.index_html(changed, lang)
        notice = page[page.index('<div class="changed"'):page.index('<h2 id="cite">')]
        assert head in notice
        assert notice.count("<li>") == 3
        assert "<code>--set savings.annual_saving=2</code>" in notice and "<code>--set savings.timing=mid</code>" in notice
        assert "<code>mine.toml</code> (sha256 <code>0123456789ab</code>)" in notice
        plain = pages.index_html(dict(small_manifest, overrides=[], configs={}), lang)
        assert '<div class="changed"' not in plain and head not in plain
