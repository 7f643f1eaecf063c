"""Figures for the page (issue 22, item 2): drawn at most 16 cm wide, text at least 8 pt at that size (the source
line at least 7 pt); the page figure (for the briefing) leaves the source line out, the exported files keep it."""

from __future__ import annotations

import io

import numpy as np
import pytest

from ygx_analysis import exhibits
from ygx_analysis.data.citation import SOURCE_LINE_HEADS
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
    assert texts and not [t for t in texts if t.startswith(SOURCE_LINE_HEADS[lang])]
    assert not [t for t in fig.texts if t.get_gid() == SOURCE_LINE_GID]


def test_the_page_png_is_the_figure_without_its_source_line_by_either_route(tmp_path):
    exhibit_id = "fig-savings-tornado"
    page = export.page_figure_png(exhibit_id, "zh")
    with house_style():
        fig = exhibits.render(exhibit_id, "zh")
    # a figure shown with its source line gives the same pixels once the line is hidden and its band given back
    assert export.page_figure_png(exhibit_id, "zh", rendered=fig) == page
    assert fig.texts[-1].get_visible() and fig.texts[-1].get_text().startswith(SOURCE_LINE_HEADS["zh"])
    # ... and its export is unchanged by that
    _, exported = export.export_exhibit(exhibit_id, tmp_path / "a", "zh", rendered=fig)
    _, plain = export.export_exhibit(exhibit_id, tmp_path / "b", "zh")
    assert exported == plain
    # once exported (layout frozen), the page image is the exported PNG cut above the source line, pixel for pixel
    cut = _pixels(export.page_figure_png(exhibit_id, "zh", rendered=fig))
    full = _pixels(exported)
    assert cut.shape[1] == full.shape[1] and full.shape[0] - 60 < cut.shape[0] < full.shape[0]
    assert np.array_equal(cut, full[:cut.shape[0]])
    # what was cut off holds the source line: not blank
    assert (full[cut.shape[0]:, :, :3] < 0.8).any()


def test_a_table_has_no_page_figure():
    with pytest.raises(BuildError, match="^exhibit tab-reported-figures: a table has no page figure"):
        export.page_figure_png("tab-reported-figures")
