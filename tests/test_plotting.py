"""The bundled CJK font draws every Chinese label; a missing glyph fails."""

from __future__ import annotations

import warnings

import pytest

from ygx_analysis import exhibits, plotting
from ygx_analysis.data import load_indicators


def test_bundled_font_is_registered_first():
    family = plotting.use_chinese_font()
    import matplotlib

    assert family == "Noto Sans SC GB2312"
    assert matplotlib.rcParams["font.sans-serif"][:2] == [family, "DejaVu Sans"]
    assert plotting.FONT_PATH.stat().st_size < 4_000_000
    assert (plotting.FONT_PATH.parent / "OFL.txt").read_text(encoding="utf-8").startswith(
        "This Font Software is licensed under the SIL Open Font License")


def test_font_covers_every_label_in_the_data():
    ind = load_indicators()
    texts = list(ind["label_zh"]) + list(ind["excerpt"]) + list(ind["unit"])
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
