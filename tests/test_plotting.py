"""The bundled CJK font draws every Chinese label; a missing glyph fails; figure files carry no stamps."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import warnings

import pytest

from ygx_analysis import exhibits
from ygx_analysis.exhibits import style as plotting
from ygx_analysis.data.tables import load_indicators


def test_bundled_fonts_are_registered_first_in_fallback_order():
    family = plotting.use_chinese_font()
    import matplotlib

    assert family == "Noto Sans SC GB2312"
    expected = ["Noto Sans SC YGX Used", family, "DejaVu Sans"]
    assert matplotlib.rcParams["font.family"] == expected == matplotlib.rcParams["font.sans-serif"]
    assert plotting.FONT_PATH.stat().st_size < 4_000_000
    assert plotting.USED_FONT_PATH.stat().st_size < 400_000
    assert (plotting.FONT_PATH.parent / "OFL.txt").read_text(encoding="utf-8").startswith(
        "This Font Software is licensed under the SIL Open Font License")


def test_font_covers_every_label_in_the_data():
    ind = load_indicators()
    texts = list(ind["label_zh"]) + list(ind["excerpt"]) + list(ind["unit"])
    assert plotting.missing_glyphs(texts) == []


def test_font_covers_every_character_of_the_data_files():
    # source titles quote some traditional characters; tools/make_font_subset.py adds them
    from .conftest import DATA

    texts = [p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.csv")) + sorted(DATA.glob("*.toml"))]
    assert plotting.missing_glyphs(texts) == []


def test_missing_glyph_is_detected_in_the_font_check():
    # U+20000 is outside GB2312 and outside the subset
    assert plotting.missing_glyphs(["益阳𠀀"]) == ["𠀀"]


def test_drawing_a_missing_glyph_warns():
    fig, ax = plotting.new_figure()
    ax.set_title("𠀀")
    with pytest.warns(UserWarning, match="missing from font"):
        fig.canvas.draw()


SAVE_IN_A_PROCESS = """
import sys
from pathlib import Path
from ygx_analysis.exhibits import style as plotting
from ygx_analysis.report.export import freeze_layout
with plotting.house_style():
    fig, ax = plotting.new_figure(figsize=(4, 3))
    ax.bar(["财政总收入", "税收"], [62.08, 40.5])
    ax.set_title("益阳高新区 2024年")
    plotting.add_source_line(fig, "资料来源 / Source: 中国高新技术产业导报, 2025; ygx_analysis [article]")
    freeze_layout(fig, 200)
    plotting.save_figure(fig, Path(sys.argv[1]) / "fig", dpi=200)
"""


def test_saved_files_are_the_same_bytes_in_two_processes_without_stamps(tmp_path):
    procs = []
    for run in ("a", "b"):  # two processes at once
        (tmp_path / run).mkdir()
        procs.append(subprocess.Popen([sys.executable, "-c", SAVE_IN_A_PROCESS, str(tmp_path / run)],
                                      env={**os.environ, "MPLBACKEND": "Agg"}))
    assert [p.wait() for p in procs] == [0, 0]
    for suffix in ("png", "svg", "pdf"):
        first, second = (tmp_path / run / f"fig.{suffix}" for run in ("a", "b"))
        assert first.read_bytes() == second.read_bytes(), suffix
    png, svg, pdf = ((tmp_path / "a" / f"fig.{s}").read_bytes() for s in ("png", "svg", "pdf"))
    assert b"Software" not in png and b"matplotlib" not in png
    assert b"<dc:date>" not in svg and b"Matplotlib" not in svg
    assert b"/CreationDate" not in pdf and b"/Producer" not in pdf and b"/FontFile2" in pdf


def test_unknown_format_is_named(tmp_path):
    fig, _ = plotting.new_figure()
    with pytest.raises(ValueError, match="format: unknown figure format 'bmp'"):
        plotting.save_figure(fig, tmp_path / "x", formats=("bmp",))


FIGURE_IDS = [e.id for e in exhibits.all_exhibits() if e.kind == "figure"]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("exhibit_id", FIGURE_IDS)
def test_every_figure_has_a_source_line_that_overlaps_nothing(exhibit_id, lang, rendered_exhibits):
    from matplotlib.text import Text

    fig = rendered_exhibits[exhibit_id, lang]  # rendered and drawn once per session, warnings as errors
    renderer = fig.canvas.get_renderer()
    source = fig.texts[-1]
    assert source.get_text().replace("\n", "") == exhibits.source_line(exhibits.get(exhibit_id).sources, lang)
    box = source.get_window_extent(renderer)
    assert box.x1 <= fig.bbox.width and box.y0 >= 0
    others = [t for t in fig.findobj(Text) if t is not source and t.get_text() and t.get_visible()]
    assert not [t.get_text() for t in others if t.get_window_extent(renderer).overlaps(box)]
    assert not [ax for ax in fig.axes if ax.get_tightbbox(renderer).overlaps(box)]
    assert not [lg for lg in fig.legends if lg.get_window_extent(renderer).overlaps(box)]
    assert plotting.missing_glyphs([t.get_text() for t in fig.findobj(Text)]) == []


def test_small_font_has_every_character_of_the_data_and_the_package():
    # what the report's figures draw comes from data/ and from the package's own strings;
    # a character missing here still draws (from the GB2312 font), only slower in PDF.
    # Fix: python tools/make_font_subset.py --used
    from fontTools.ttLib import TTFont

    from .conftest import DATA, REPO

    with TTFont(plotting.USED_FONT_PATH, lazy=True) as font:
        small = set(font.getBestCmap())
    big = {ord(c) for c in plotting.bundled_font_characters()}
    files = (sorted(DATA.glob("*.csv")) + sorted(DATA.glob("*.toml")) + sorted((REPO / "ygx_analysis").rglob("*.py"))
             + sorted((REPO / "ygx_analysis").rglob("*.yml")))
    wanted = {ord(c) for p in files for c in p.read_text(encoding="utf-8")} & big
    assert sorted(chr(c) for c in wanted - small) == []
    assert small <= big


def test_pdf_embeds_the_small_font_and_falls_back_to_the_gb2312_one(tmp_path):
    import re

    from fontTools.ttLib import TTFont

    from ygx_analysis.report.export import freeze_layout

    with plotting.house_style():
        fig = exhibits.render("fig-growth-rates", "zh")
        freeze_layout(fig, 200)
        plotting.save_figure(fig, tmp_path / "a", formats=("pdf",))
        fig, ax = plotting.new_figure()
        rare = "龟鳖"  # in GB2312, used nowhere in the package, so not in the small font
        with TTFont(plotting.USED_FONT_PATH, lazy=True) as small:
            assert not {ord(c) for c in rare} & set(small.getBestCmap())
        ax.set_title("益阳 " + rare)
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # no missing-glyph warning: the GB2312 font draws them
            plotting.save_figure(fig, tmp_path / "b", formats=("pdf", "png"))
    fonts = {name: sorted(set(re.findall(rb"/BaseFont /[A-Z]{6}\+([A-Za-z0-9-]+)", (tmp_path / f"{name}.pdf").read_bytes())))
             for name in ("a", "b")}
    assert fonts == {"a": [b"NotoSansSC-YGXUsed"], "b": [b"NotoSansSC-GB2312", b"NotoSansSC-YGXUsed"]}


# ---------------------------------------------------------------------------
# figure polish: what a reader would notice (issue 12, item 8)
# ---------------------------------------------------------------------------

HAN = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
# the scenario figures of notebook 06 are outside this sweep (their module is reworked separately)
POLISHED = [e.id for e in exhibits.all_exhibits() if e.kind == "figure" and not e.notebook.startswith("06_")]


def _text_boxes(fig):
    renderer = fig.canvas.get_renderer()
    return renderer, [(ax, t, t.get_window_extent(renderer)) for ax in fig.axes for t in ax.texts
                      if t.get_text() and t.get_visible()]


def _error_bar_boxes(ax):
    """Display boxes of every error-bar segment and cap of an axes (1 px of slack)."""
    import numpy as np
    from matplotlib.collections import LineCollection
    from matplotlib.transforms import Bbox

    boxes = []
    for c in ax.collections:
        if isinstance(c, LineCollection):
            for seg in c.get_segments():
                pts = c.get_transform().transform(np.asarray(seg))
                boxes.append(Bbox([pts.min(0) - 1, pts.max(0) + 1]))
    for line in ax.lines:
        if line.get_marker() in ("_", "|"):
            half = line.get_markersize() / 2 * ax.figure.dpi / 72
            for x, y in line.get_transform().transform(line.get_xydata()):
                dx, dy = (half, 1) if line.get_marker() == "_" else (1, half)
                boxes.append(Bbox([[x - dx, y - dy], [x + dx, y + dy]]))
    return boxes


@pytest.mark.parametrize("exhibit_id", POLISHED)
def test_english_figures_have_no_chinese_words(exhibit_id, rendered_exhibits):
    from matplotlib.text import Text

    fig = rendered_exhibits[exhibit_id, "en"]
    source = fig.texts[-1]  # the source line quotes Chinese titles of sources, as cited
    assert [t.get_text() for t in fig.findobj(Text) if t is not source and HAN.search(t.get_text())] == []


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("exhibit_id", POLISHED)
def test_value_labels_sit_inside_the_axes_clear_of_bars_and_error_bars(exhibit_id, lang, rendered_exhibits):
    from matplotlib.patches import Rectangle

    fig = rendered_exhibits[exhibit_id, lang]
    renderer, texts = _text_boxes(fig)
    problems = []
    for ax, text, box in texts:
        if not ax.axison:
            continue
        frame = ax.get_window_extent(renderer)
        if not (frame.x0 - 1 <= box.x0 and box.x1 <= frame.x1 + 1
                and frame.y0 - 1 <= box.y0 and box.y1 <= frame.y1 + 1):
            problems.append(("outside the axes", text.get_text()))
        bars = [p.get_window_extent(renderer) for p in ax.patches if isinstance(p, Rectangle)
                and p.get_width() and p.get_height()]
        bars = [b for b in bars if b.height < 0.95 * frame.height]  # a shaded span is background, not a bar
        if any(box.overlaps(b) for b in bars):
            problems.append(("on a bar", text.get_text()))
        if any(box.overlaps(b) for b in _error_bar_boxes(ax)):
            problems.append(("struck by an error bar", text.get_text()))
    assert problems == []


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("exhibit_id", FIGURE_IDS)
def test_no_legend_sits_above_or_on_a_title_or_off_the_figure(exhibit_id, lang, rendered_exhibits):
    fig = rendered_exhibits[exhibit_id, lang]
    renderer = fig.canvas.get_renderer()
    suptitle = [fig._suptitle] if fig._suptitle else []
    every_title = [ax.title for ax in fig.axes if ax.get_title()] + suptitle
    for title in every_title:  # no title cut at the figure's edge
        tbox = title.get_window_extent(renderer)
        assert tbox.x0 >= 0 and tbox.x1 <= fig.bbox.width, title.get_text()
    # a figure legend against every title; an axes legend against its own title and the suptitle
    pairs = [(legend, every_title) for legend in fig.legends]
    pairs += [(ax.get_legend(), ([ax.title] if ax.get_title() else []) + suptitle)
              for ax in fig.axes if ax.get_legend()]
    for legend, titles in pairs:
        lbox = legend.get_window_extent(renderer)
        assert lbox.x0 >= 0 and lbox.x1 <= fig.bbox.width, "legend cut at the figure's edge"
        for title in titles:
            tbox = title.get_window_extent(renderer)
            if lbox.x1 > tbox.x0 and tbox.x1 > lbox.x0:  # one above the other
                assert lbox.y1 <= tbox.y0 + 0.5, (legend.get_texts()[0].get_text(), title.get_text())


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_savings_chart_shades_every_model_year_and_its_bars_match_the_legend(lang, rendered_exhibits):
    from matplotlib.colors import to_rgba

    from ygx_analysis import savings

    fig = rendered_exhibits["fig-savings-cumulative", lang]
    ax = fig.axes[0]
    years = savings.savings_path(savings.SavingsAssumptions.from_data())["year"]
    # every year drawn is a model result (README): the shading spans all of them
    spans = [p for p in ax.patches if p.get_x() <= years.min() - 0.5 and p.get_x() + p.get_width() >= years.max() + 0.5]
    assert len(spans) == 1
    bars = [p for p in ax.patches if p not in spans]
    assert len(bars) == len(years)
    legend = ax.get_legend()
    swatch = [h for h, t in zip(legend.legend_handles, legend.get_texts(), strict=True)
              if t.get_text() in ("每年节约（名义）", "Saving per year (nominal)")]
    assert len(swatch) == 1
    # opaque bars look the same on the shading as their swatch on white
    assert {to_rgba(b.get_facecolor()) for b in bars} == {to_rgba(swatch[0].get_facecolor())}
    assert all(b.get_facecolor()[3] == 1.0 for b in bars)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_investment_axis_mixes_units_and_every_bar_names_its_own(lang, rendered_exhibits):
    from ygx_analysis.data.tables import load_indicators, reported
    from ygx_analysis.exhibits import industry

    fig = rendered_exhibits["fig-investment-2024", lang]
    ax = fig.axes[0]
    ind = load_indicators()
    counted = [r for r in industry.INVESTMENT_ROWS if reported(r, ind).unit != "亿元"]
    words = {"场": "events", "个": "projects", "家": "firms"}
    labels = [t.get_text() for t in ax.texts if t.get_text() and not t.get_bbox_patch()]
    # the article's rows: 4场, 2场, 48个, 2个, 12家 (data/indicators.csv)
    expected = [f"{reported(r, ind).text} {reported(r, ind).unit if lang == 'zh' else words[reported(r, ind).unit]}"
                for r in counted]
    assert labels == expected
    named = ("场", "个", "家") if lang == "zh" else ("events", "projects", "firms")
    assert all(w in ax.get_xlabel() for w in named)
    assert len(ax.get_legend().legend_handles) == 2


def test_unit_axis_label_has_no_chinese_in_english():
    assert plotting.unit_axis_label("亿元", "en") == "100 million yuan"
    assert plotting.unit_axis_label("万平方米", "zh") == "万平方米"
    assert not [u for u, words in plotting.UNIT_AXIS_EN.items() if HAN.search(words)]
    with pytest.raises(ValueError, match=r"^lang: "):
        plotting.unit_axis_label("亿元", "fr")


# ---------------------------------------------------------------------------
# contact sheet
# ---------------------------------------------------------------------------

def _small_figures(n):
    figures = []
    for i in range(n):
        fig, ax = plotting.new_figure((4.0, 2.0 + i))  # different heights: rows follow the tallest
        ax.bar([0, 1], [1, i + 1])
        figures.append((f"fig-{i} · en", fig))
    return figures


def test_contact_sheet_places_every_figure_with_its_label_in_rows():
    sheet = plotting.contact_sheet(_small_figures(5), columns=2, cell_width=3.0)
    assert [ax.get_title(loc="left") for ax in sheet.axes] == [f"fig-{i} · en" for i in range(5)]
    renderer = sheet.canvas.get_renderer()
    boxes = [ax.get_window_extent(renderer) for ax in sheet.axes]
    # two per row, left to right, rows top to bottom; no two cells overlap
    assert boxes[0].x0 < boxes[1].x0 and abs(boxes[0].y1 - boxes[1].y1) < 1 and boxes[2].y1 < boxes[0].y0
    assert not [(i, j) for i in range(5) for j in range(i + 1, 5) if boxes[i].overlaps(boxes[j])]
    # each thumbnail keeps its figure's aspect ratio (4 wide, 2 + i high)
    for i, ax in enumerate(sheet.axes):
        height, width = ax.get_images()[0].get_array().shape[:2]
        assert height / width == pytest.approx((2.0 + i) / 4.0, rel=0.03)


def test_contact_sheet_needs_a_figure():
    with pytest.raises(ValueError, match=r"^figures: nothing to show"):
        plotting.contact_sheet([])


def test_contact_sheet_tool_writes_one_png(tmp_path, monkeypatch):
    import importlib.util

    from .conftest import REPO

    spec = importlib.util.spec_from_file_location("contact_sheet_tool", REPO / "tools" / "contact_sheet.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    monkeypatch.setattr(tool, "sheet_figures", lambda: _small_figures(3))
    out = tool.main(["--out", str(tmp_path / "sheet.png"), "--columns", "2"])
    assert out == tmp_path / "sheet.png" and out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with pytest.raises(SystemExit):
        tool.main(["--out", str(tmp_path / "sheet.pdf")])


def test_contact_sheet_lists_every_figure_in_both_languages(monkeypatch):
    import importlib.util

    from .conftest import REPO

    spec = importlib.util.spec_from_file_location("contact_sheet_tool", REPO / "tools" / "contact_sheet.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    monkeypatch.setattr(tool.exhibits, "render", lambda exhibit_id, lang: (exhibit_id, lang))
    pairs = tool.sheet_figures()
    assert [label for label, _ in pairs] == [f"{i} · {lang}" for i in FIGURE_IDS for lang in ("zh", "en")]
    assert [drawn for _, drawn in pairs] == [(i, lang) for i in FIGURE_IDS for lang in ("zh", "en")]
