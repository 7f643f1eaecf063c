"""The bundled CJK font draws every Chinese label; a missing glyph fails."""

from __future__ import annotations

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


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_registered_figure_renders_without_missing_glyphs(lang):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns "Glyph … missing from font(s)"
        fig = exhibits.render("fig-figures-by-qualifier", lang)
        fig.canvas.draw()
    texts = plotting.figure_texts(fig)
    assert plotting.missing_glyphs(texts) == []
    assert any(t.startswith("资料来源 / Source:" if lang == "zh" else "Source:") for t in texts)


def test_drawing_a_missing_glyph_warns():
    fig, ax = plotting.new_figure()
    ax.set_title("𠀀")
    with pytest.warns(UserWarning, match="missing from font"):
        fig.canvas.draw()


def test_saved_files_are_deterministic(tmp_path):
    paths = []
    for run in ("a", "b"):
        fig = exhibits.render("fig-figures-by-qualifier", "zh")
        paths.append(plotting.save_figure(fig, tmp_path / run / "fig", dpi=100) if
                     (tmp_path / run).mkdir() is None else None)
    for first, second in zip(*paths, strict=True):
        assert first.read_bytes() == second.read_bytes(), first.suffix


def test_unknown_format_is_named(tmp_path):
    fig, _ = plotting.new_figure()
    with pytest.raises(ValueError, match="format: unknown figure format 'bmp'"):
        plotting.save_figure(fig, tmp_path / "x", formats=("bmp",))


FIGURE_IDS = [e.id for e in exhibits.all_exhibits() if e.kind == "figure"]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("exhibit_id", FIGURE_IDS)
def test_every_figure_has_a_source_line_that_overlaps_nothing(exhibit_id, lang):
    from matplotlib.text import Text

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = exhibits.render(exhibit_id, lang)
        fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    source = fig.texts[-1]
    assert source.get_text().startswith("资料来源 / Source:" if lang == "zh" else "Source:")
    assert "ygx_analysis" in source.get_text()
    box = source.get_window_extent(renderer)
    assert box.x1 <= fig.bbox.width and box.y0 >= 0
    others = [t for t in fig.findobj(Text) if t is not source and t.get_text() and t.get_visible()]
    assert not [t.get_text() for t in others if t.get_window_extent(renderer).overlaps(box)]
    assert not [ax for ax in fig.axes if ax.get_tightbbox(renderer).overlaps(box)]
    assert not [lg for lg in fig.legends if lg.get_window_extent(renderer).overlaps(box)]
    assert plotting.missing_glyphs(plotting.figure_texts(fig)) == []


@pytest.mark.parametrize("exhibit_id", ["fig-growth-rates", "fig-scenario-paths"])
def test_png_has_the_pixels_matplotlib_would_write(exhibit_id, tmp_path):
    # a second encoder: matplotlib's own PNG (through Pillow) decodes to the same pixels
    import io

    import numpy as np
    from PIL import Image

    from ygx_analysis import report

    with report.house_style():
        fig = exhibits.render(exhibit_id, "zh")
        report.freeze_layout(fig, 200)
        ours = Image.open(io.BytesIO(plotting.figure_png(fig, 200)))
        theirs_file = io.BytesIO()
        fig.savefig(theirs_file, format="png", dpi=200)
    theirs = Image.open(theirs_file)
    assert ours.size == theirs.size and ours.mode == "RGB"  # opaque: stored without alpha
    assert np.array_equal(np.asarray(ours), np.asarray(theirs.convert("RGB")))
    assert np.asarray(theirs)[..., 3].min() == 255
    assert round(ours.info["dpi"][0]) == 200


def test_png_keeps_transparency_when_there_is_any():
    import io

    import numpy as np
    from PIL import Image

    pixels = np.zeros((2, 3, 4), dtype=np.uint8)
    pixels[..., 0] = 200
    pixels[..., 3] = [[255, 128, 0], [255, 255, 255]]
    image = Image.open(io.BytesIO(plotting.encode_png(pixels, dpi=72)))
    assert image.mode == "RGBA" and np.array_equal(np.asarray(image), pixels)
    with pytest.raises(ValueError, match="rgba"):
        plotting.encode_png(pixels[..., :3], dpi=72)


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

    from ygx_analysis import report

    with report.house_style():
        fig = exhibits.render("fig-growth-rates", "zh")
        report.freeze_layout(fig, 200)
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
