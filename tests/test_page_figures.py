"""Figures for the page (issue 22, item 2): drawn at most 16 cm wide, text at least 8 pt at that size (the source
line at least 7 pt); the page figure (for the briefing) leaves the source line out, the exported files keep it."""

from __future__ import annotations

import io

import numpy as np
import pytest

from ygx_analysis import exhibits
from ygx_analysis.exhibits import source_line_head
from ygx_analysis.exhibits.style import SOURCE_LINE_GID, house_style
from ygx_analysis.report import BuildError, export

FIGURE_IDS = [e.id for e in exhibits.all_exhibits() if e.kind == "figure"]


def _pixels(png: bytes) -> np.ndarray:
    from matplotlib.image import imread

    return imread(io.BytesIO(png), format="png")


def _visible_texts(fig) -> list[str]:
    from matplotlib.text import Text

    return [t.get_text() for t in fig.findobj(Text) if t.get_text() and t.get_visible()]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_figure_drawn_without_its_source_line_has_none(lang):
    with house_style():
        fig = exhibits.render("fig-growth-rates", lang, with_source=False)
    texts = _visible_texts(fig)
    assert texts and not [t for t in texts if t.startswith(source_line_head(lang))]
    assert not [t for t in fig.texts if t.get_gid() == SOURCE_LINE_GID]


@pytest.mark.parametrize("exhibit_id", ["fig-scenario-paths"])  # its legend sits below the panels
def test_a_shown_figure_gives_the_same_page_png_as_one_drawn_without_its_source_line(exhibit_id, rendered_exhibits):
    with house_style():
        fig = exhibits.render(exhibit_id, "en", **rendered_exhibits._inputs(exhibits.get(exhibit_id)))
    shown, fresh = (_pixels(export.page_figure_png(exhibit_id, "en", **kw)) for kw in ({"rendered": fig}, {}))
    assert shown.shape == fresh.shape
    # the same picture: after the relayout a marker may land a sub-pixel apart (a handful of anti-aliased pixels)
    assert (shown != fresh).any(axis=2).sum() <= 1e-4 * shown.shape[0] * shown.shape[1]


def test_the_page_png_is_the_figure_without_its_source_line_by_either_route(tmp_path):
    exhibit_id = "fig-savings-tornado"
    page = export.page_figure_png(exhibit_id, "zh")
    with house_style():
        fig = exhibits.render(exhibit_id, "zh")
    # a figure shown with its source line gives the same pixels once the line is hidden and its band given back
    assert export.page_figure_png(exhibit_id, "zh", rendered=fig) == page
    assert fig.texts[-1].get_visible() and fig.texts[-1].get_text().startswith(source_line_head("zh"))
    # ... and its export is unchanged by that
    _, exported = export.export_exhibit(exhibit_id, tmp_path / "a", "zh", rendered=fig)
    _, plain = export.export_exhibit(exhibit_id, tmp_path / "b", "zh")
    assert exported == plain
    # once exported (layout frozen), the page image is the exported PNG cut above the source line, pixel for pixel
    cut = _pixels(export.page_figure_png(exhibit_id, "zh", rendered=fig))
    full = _pixels(exported)
    lines = fig.texts[-1].get_text().count("\n") + 1  # 7 pt lines, 1.25 apart, at 200 dpi: about 24 px each
    assert cut.shape[1] == full.shape[1] and 0 < full.shape[0] - cut.shape[0] <= 30 * lines + 20
    assert np.array_equal(cut, full[:cut.shape[0]])
    # what was cut off holds the source line: not blank
    assert (full[cut.shape[0]:, :, :3] < 0.8).any()


def test_a_table_has_no_page_figure():
    with pytest.raises(BuildError, match="^exhibit tab-reported-figures: a table has no page figure"):
        export.page_figure_png("tab-reported-figures")


# the numbers (issue 22, item 2), not the package's constants
PAGE_CM, TEXT_PT, SOURCE_PT = 16.0, 8.0, 7.0


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("exhibit_id", FIGURE_IDS)
def test_every_figure_is_drawn_at_most_16_cm_wide_with_text_of_at_least_8_pt(exhibit_id, lang, rendered_exhibits):
    from matplotlib.text import Text

    fig = rendered_exhibits[exhibit_id, lang]
    assert fig.get_size_inches()[0] * 2.54 <= PAGE_CM
    texts = [t for t in fig.findobj(Text) if t.get_text().strip() and t.get_visible()]
    source = [t for t in texts if t.get_gid() == SOURCE_LINE_GID]
    assert len(source) == 1 and source[0].get_text().startswith(source_line_head(lang))
    assert source[0].get_fontsize() >= SOURCE_PT
    assert [(t.get_text(), t.get_fontsize()) for t in texts if t not in source and t.get_fontsize() < TEXT_PT] == []


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("exhibit_id", FIGURE_IDS)
def test_every_page_figure_has_no_source_line_and_fits_the_page(exhibit_id, lang, rendered_exhibits):
    from matplotlib.text import Text

    fig = rendered_exhibits[exhibit_id, lang]  # with its source line
    seen = {}

    def savefig(*args, **kwargs):  # what is drawn into the page PNG
        seen["texts"] = [t.get_text() for t in fig.findobj(Text) if t.get_text() and t.get_visible()]
        return real(*args, **kwargs)

    real, fig.savefig = fig.savefig, savefig
    try:
        png = export.page_figure_png(exhibit_id, lang, rendered=fig)
    finally:
        del fig.savefig
        fig.canvas.draw()  # the session's shared figure, drawn again with its source line for the tests after
    assert seen["texts"] and not [t for t in seen["texts"] if t.startswith(source_line_head(lang))]
    assert fig.texts[-1].get_visible()  # shown again for the exported files
    width_px, dpi = int.from_bytes(png[16:20], "big"), export.FIGURE_DPI
    assert width_px / dpi * 2.54 <= PAGE_CM
