"""The Word briefing, read back with python-docx: fields, numbers, order, sizes, tables, fonts, both languages.

The briefings are built from a few exhibits exported in this process (not a whole report build).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm

from ygx_analysis.exhibits import source_line_head
from ygx_analysis.report.briefing import write_briefing
from ygx_analysis.report.export import export_exhibit

from .conftest import REPO

# shown in this order by the notebooks (01, then 02): a table, a figure, a table, then 02's
EXHIBITS = {"01_reported_figures.ipynb": ["tab-audit-status-counts", "tab-reported-figures"],
            "02_growth.ipynb": ["tab-implied-prior-levels", "fig-implied-prior-intervals", "tab-h1-comparison",
                                "fig-h1-comparison", "tab-growth-rates"]}
CODE_NAME = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)+$")


def _build(root: Path, lang: str, exhibits: dict[str, list[str]], overrides=()) -> tuple[Path, dict]:
    records = [export_exhibit(i, root, lang)[0] for ids in exhibits.values() for i in ids]
    manifest = {"version": "0.1.0", "git_commit": "0123456789abcdef", "exhibits": records,
                "notebooks": [{"name": nb, "exhibits": ids} for nb, ids in exhibits.items()],
                "overrides": list(overrides), "configs": {}}
    return write_briefing(root, manifest, lang, data=REPO / "data"), manifest


@pytest.fixture(scope="module")
def zh(tmp_path_factory):
    path, manifest = _build(tmp_path_factory.mktemp("zh"), "zh", EXHIBITS, ["savings.annual_saving=2"])
    return path, manifest, Document(str(path))


@pytest.fixture(scope="module")
def en(tmp_path_factory):
    path, manifest = _build(tmp_path_factory.mktemp("en"), "en", EXHIBITS)
    return path, manifest, Document(str(path))


def _body(doc):
    """The body's paragraphs and tables in document order, as ("p", paragraph) / ("t", table)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:p"):
            yield "p", Paragraph(child, doc)
        elif child.tag == qn("w:tbl"):
            yield "t", Table(child, doc)


def _seq(paragraph):
    """(field name, stored number) of a caption's SEQ field, or None."""
    runs = paragraph._p.findall(qn("w:r"))
    for i, run in enumerate(runs):
        instr = run.find(qn("w:instrText"))
        if instr is not None and instr.text.strip().startswith("SEQ "):
            assert runs[i + 1].find(qn("w:fldChar")).get(qn("w:fldCharType")) == "separate"
            assert runs[i + 3].find(qn("w:fldChar")).get(qn("w:fldCharType")) == "end"
            return instr.text.split()[1], int(runs[i + 2].text)
    return None


def _exhibit_blocks(doc):
    """For each caption: (SEQ name, number, caption text, the next body item, the source paragraph)."""
    items = list(_body(doc))
    blocks = []
    for i, (kind, item) in enumerate(items):
        if kind == "p" and item.style.name == "Caption" and _seq(item):
            name, number = _seq(item)
            blocks.append((name, number, item.text, items[i + 1], items[i + 2][1]))
    return blocks


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_one_numbered_caption_per_exhibit_in_notebook_order_each_with_its_source_line(lang, request):
    _, manifest, doc = request.getfixturevalue(lang)
    blocks = _exhibit_blocks(doc)
    ids = [i for ids in EXHIBITS.values() for i in ids]
    assert [b[0] for b in blocks] == ["图" if i.startswith("fig-") else "表" for i in ids]
    assert [b[1] for b in blocks if b[0] == "表"] == [1, 2, 3, 4, 5]  # stored numbers, in notebook order
    assert [b[1] for b in blocks if b[0] == "图"] == [1, 2]
    by_id = {r["id"]: r for r in manifest["exhibits"]}
    label = {"zh": ("图", "表", "　"), "en": ("Figure ", "Table ", ": ")}[lang]
    for (name, number, text, (kind, _), source), exhibit_id in zip(blocks, ids, strict=True):
        word = label[0] if name == "图" else label[1]
        assert text == f"{word}{number}{label[2]}{by_id[exhibit_id]['caption']}"
        assert kind == ("p" if name == "图" else "t")  # the picture's paragraph, or the Word table
        assert source.style.name == "Source Line" and source.text == by_id[exhibit_id]["source_line"]
        assert source.text.startswith(source_line_head(lang))


def test_each_caption_holds_a_bookmark_on_its_label_and_number(zh):
    _, _, doc = zh
    captions = [p for p in doc.paragraphs if p.style.name == "Caption"]
    names = [p._p.find(qn("w:bookmarkStart")).get(qn("w:name")) for p in captions]
    assert names[0] == "_Ref_tab_audit_status_counts" and len(set(names)) == len(names) == 7
    for p in captions:  # the bookmark ends after the SEQ field: a REF to it reads 表N
        children = list(p._p)
        start = children.index(p._p.find(qn("w:bookmarkStart")))
        end = children.index(p._p.find(qn("w:bookmarkEnd")))
        inside = "".join(t.text or "" for c in children[start:end] for t in c.iter(qn("w:t")))
        assert inside == p.text.split("　")[0]


def test_every_picture_is_at_most_16_cm_wide_at_its_drawn_size(zh):
    _, _, doc = zh
    widths = [shape.width for shape in doc.inline_shapes]
    assert len(widths) == 2 and all(w <= Cm(16) for w in widths)
    assert min(widths) >= Cm(15.9)  # drawn for the page (15.98 cm), so placed at the size its text was set for


def test_pictures_are_the_figures_drawn_for_the_page_without_their_source_line(zh):
    from ygx_analysis.report.export import PAGE_FIGURES

    path, _, doc = zh
    images = [part.blob for part in doc.part.package.parts if part.partname.endswith(".png")]
    for exhibit_id in ("fig-implied-prior-intervals", "fig-h1-comparison"):
        page = (path.parent / PAGE_FIGURES / f"{exhibit_id}.png").read_bytes()
        assert page in images and page != (path.parent / "figures" / f"{exhibit_id}.png").read_bytes()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_tables_are_word_tables_without_machine_columns_and_with_a_repeated_header(lang, request):
    _, _, doc = request.getfixturevalue(lang)
    assert len(doc.tables) == 5
    for table in doc.tables:
        header = [c.text for c in table.rows[0].cells]
        assert not {"id", "数据行", "row", "检查", "check"} & set(header), header
        assert not any(CODE_NAME.match(h) for h in header), header
        assert table.rows[0]._tr.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
        if lang == "en":
            assert not any("亿元" in h or re.search(r"[\u4e00-\u9fff]", h) for h in header), header
    implied = doc.tables[2]  # tab-implied-prior-levels: its interval as two numbers, four decimals
    header = [c.text for c in implied.rows[0].cells]
    low = header.index("舍入区间下限" if lang == "zh" else "Interval: low")
    assert implied.rows[1].cells[low].text == "58.3768"  # 62.075 / 1.06335, by hand


def test_lists_of_figures_and_tables_are_toc_fields_with_their_entries_filled_in(zh):
    _, _, doc = zh
    codes = [i.text.strip() for i in doc.element.body.iter(qn("w:instrText")) if "TOC" in i.text]
    assert codes == ['TOC \\h \\z \\n \\c "图"', 'TOC \\h \\z \\n \\c "表"']
    entries = [p for p in doc.paragraphs if p.style.name == "Table of Figures"]
    texts = [p.text for p in entries]
    captions = [p.text for p in doc.paragraphs if p.style.name == "Caption"]
    assert texts == [c for c in captions if c.startswith("图")] + [c for c in captions if c.startswith("表")]
    bookmarks = {b.get(qn("w:name")) for b in doc.element.body.iter(qn("w:bookmarkStart"))}
    anchors = [h.get(qn("w:anchor")) for p in entries for h in p._p.findall(qn("w:hyperlink"))]
    assert len(anchors) == 7 and set(anchors) == bookmarks


def test_styles_name_east_asian_fonts_that_chinese_windows_has(zh):
    _, _, doc = zh
    fonts = {name: doc.styles[name].element.rPr.rFonts.get(qn("w:eastAsia"))
             for name in ("Normal", "Heading 1", "Caption", "Source Line", "Title")}
    assert fonts == {"Normal": "宋体", "Heading 1": "黑体", "Caption": "黑体", "Source Line": "宋体", "Title": "黑体"}
    theme = doc.styles["Heading 1"].element.rPr.rFonts.get(qn("w:eastAsiaTheme"))
    assert theme is None  # a theme font would win over the name


def test_title_block_cites_the_build_and_names_what_was_set(zh, en):
    zh_text = [p.text for p in zh[2].paragraphs[:3]]
    assert zh_text[0] == "益阳高新区分析简报" and "ygx_analysis 0.1.0 (commit 0123456)" in zh_text[1]
    assert "--set savings.annual_saving=2" in zh_text[2]
    assert "Nothing was set for this build" in en[2].paragraphs[2].text


def test_key_points_read_the_numbers_of_their_tables_and_refer_to_them(zh):
    _, _, doc = zh
    points = [p for p in doc.paragraphs if p.style.name == "List Bullet"]
    fiscal, audit = points[0].text, points[1].text
    # 62.08 / 1.0633 = 58.38; (62.075 / 1.06335, 62.085 / 1.06325) = (58.3768, 58.3917)
    assert fiscal.startswith("2024年财政总收入（原文口径，口径未确定）62.08亿元，同比增长6.33%；据此反推2023年约58.38亿元")
    assert "58.38—58.39亿元（表3）" in fiscal
    from ygx_analysis.audit import audit as run_audit

    assert audit.startswith(f"对文中数字共做{len(run_audit())}项核对：") and audit.endswith("（表1）。")
    refs = [i.text.strip() for i in points[0]._p.iter(qn("w:instrText"))]
    assert refs == ["REF _Ref_tab_implied_prior_levels \\h"]  # the 表3 is a cross-reference field


@pytest.mark.slow
def test_plan_period_sentences_read_the_base_scenario_row(tmp_path):
    import pandas as pd

    path, _ = _build(tmp_path, "zh", {"06_scenarios_2026_2030.ipynb": ["tab-plan-period-summary",
                                                                       "fig-scenario-fan"]})
    points = [p.text for p in Document(str(path)).paragraphs if p.style.name == "List Bullet"]
    table = pd.read_csv(tmp_path / "tables" / "tab-plan-period-summary.csv", encoding="utf-8-sig")
    row = table[(table["情景"] == "基准情景") & (table["指标"] == "财政总收入（原文口径）")].iloc[0]
    # to the precision the inputs carry: levels to 0.1亿元, rates to 0.1 pp
    assert points[0] == (f"基准情景下，财政总收入（原文口径）由2025年的{row['2025年（亿元）']:.1f}亿元增至2030年的"
                         f"{row['2030年（亿元）']:.1f}亿元，年均增长{row['2025—2030年年均增速（%）']:.1f}%（预测，表1）。")
    assert f"{row['2030年P5']:.1f}—{row['2030年P95']:.1f}亿元（预测，表1、图1）" in points[1]


def test_english_briefing_is_english(en):
    _, _, doc = en
    assert doc.paragraphs[0].text == "Yiyang High-tech Zone: analytical briefing"
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:2] == ["List of figures and tables", "Key points"]
    captions = [p.text for p in doc.paragraphs if p.style.name == "Caption"]
    assert captions[0].startswith("Table 1: ") and captions[3].startswith("Figure 1: ")
    assert not [c for c in captions if re.search(r"[\u4e00-\u9fff]", re.sub(r"[（(][^)）]*[)）]", "", c))]
    assert [p.text for p in doc.paragraphs if p.style.name == "List Bullet"][0].startswith(
        "Total fiscal revenue (the article's scope, not established) was 62.08")


def test_the_same_build_gives_the_same_bytes(tmp_path, zh):
    path, manifest, _ = zh
    again = write_briefing(path.parent, manifest, "zh", data=REPO / "data", out=tmp_path / "again.docx")
    assert again.read_bytes() == path.read_bytes()


@pytest.mark.slow
def test_libreoffice_converts_the_briefing_to_pdf_with_chinese_text(zh, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs libreoffice-writer")
    path = shutil.copy(zh[0], tmp_path / "briefing.docx")
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(path)], check=True, capture_output=True, timeout=300)
    pdf = tmp_path / "briefing.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "益阳高新区分析简报" in text and "表1" in text.replace(" ", "")
