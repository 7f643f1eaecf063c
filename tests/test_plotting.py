"""The bundled CJK font draws every Chinese label; a missing glyph fails; figure files carry no stamps."""

from __future__ import annotations

import os
import subprocess
import sys
import warnings

import pytest

from ygx_analysis import exhibits, plotting
from ygx_analysis.data import load_indicators


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
from ygx_analysis import plotting
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
    assert source.get_text().replace("\n", " ") == exhibits.source_line(exhibits.get(exhibit_id).sources, lang)
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
    files = sorted(DATA.glob("*.csv")) + sorted(DATA.glob("*.toml")) + sorted((REPO / "ygx_analysis").rglob("*.py"))
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
