"""Texts fitted to a figure drawn at the page width: titles broken to their room, axes widened for bar labels.

A figure is drawn as wide as it is printed (:data:`~.style.PAGE_WIDTH_IN`), so a title or a label that fitted a
wider figure may not; these helpers measure texts as drawn, against the axes as laid out. :func:`fit_titles` is
applied to every figure by :func:`~ygx_analysis.exhibits.render`. matplotlib is imported inside the functions.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

__all__ = ["fit_titles", "widen_for_labels", "wrap_text"]

MISSING_GLYPH = r"Glyph \d+ .*missing from font"
"""The warning of a glyph the font lacks; measuring leaves it to the export's glyph check, which names the exhibit."""


def _laid_out(fig: Figure) -> None:
    """Run the figure's layout engine once, so that axes are where they will be drawn."""
    engine = fig.get_layout_engine()
    if engine is not None:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=MISSING_GLYPH, category=UserWarning)
            engine.execute(fig)


def _text_width_px(fig: Figure, text: str, fontsize: float) -> float:
    """How wide ``text`` is drawn at ``fontsize`` points on ``fig``, in pixels."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    props = FontProperties(size=fontsize)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=MISSING_GLYPH, category=UserWarning)
        return text_to_path.get_text_width_height_descent(text, props, ismath=False)[0] * fig.dpi / 72.0


def _fill_lines(fig: Figure, pieces: Sequence[str], fontsize: float, width_px: float) -> list[str]:
    """Join ``pieces`` into as few lines as fit ``width_px``, a piece never broken."""
    lines, current = [], ""
    for piece in pieces:
        if current.strip() and _text_width_px(fig, (current + piece).rstrip(), fontsize) > width_px:
            lines.append(current.rstrip())
            current = piece.lstrip()
        else:
            current += piece
    lines.append(current.rstrip())
    return lines


_BREAKS = re.compile(r"[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+[\s]*|[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"
                     r"[\u3001\u3002\uff0c\uff1a\uff1b\uff09\u201d]*\s*|\s+")
"""Where a title may break: after a word and its spaces, or after a Chinese character (with the closing
punctuation that follows it: 、。，：；）”)."""


def wrap_text(fig: Figure, text: str, fontsize: float, width_in: float) -> str:
    """Break ``text`` between words or Chinese characters so that each line fits ``width_in`` inches.

    Examples
    --------
    >>> from ygx_analysis.exhibits.style import new_figure
    >>> fig, _ = new_figure((3.0, 2.0))
    >>> wrap_text(fig, "of which inventions", 9, 0.9)
    'of which\\ninventions'
    """
    return "\n".join("\n".join(_fill_lines(fig, _BREAKS.findall(line), fontsize, width_in * fig.dpi))
                     for line in text.split("\n"))


def fit_titles(fig: Figure) -> None:
    """Break every title that is wider than its room, as the figure is laid out: a suptitle at the figure's
    width, an axes title centred on its axes within the figure and its own column of the grid.

    Each line of a title is broken on its own, between words or Chinese characters (:data:`_BREAKS`).

    Examples
    --------
    >>> from ygx_analysis.exhibits.style import new_figure
    >>> fig, ax = new_figure((3.0, 2.0))
    >>> _ = ax.set_title("Above-scale enterprises: the four named clusters of the zone")
    >>> fit_titles(fig)
    >>> ax.get_title().count("\\n") >= 1
    True
    """
    _laid_out(fig)
    titles = [(fig._suptitle, 0.96)] if fig._suptitle is not None else []
    span = fig.subplotpars.right - fig.subplotpars.left
    for ax in fig.axes:
        if ax.get_title() and ax.get_visible():
            box, spec = ax.get_position(), ax.get_subplotspec()
            column = 1.0 if spec is None else spec.get_position(fig).width / span
            titles.append((ax.title, 0.97 * min(1.0 - abs(box.x0 + box.x1 - 1.0), column)))
    for title, share in titles:
        title.set_text(wrap_text(fig, title.get_text(), title.get_fontsize(), share * fig.get_figwidth()))


def widen_for_labels(ax, texts: Sequence[object], pad_px: float = 3.0) -> None:
    """Extend an axes' x-axis to the right until every text (labels at the ends of bars) ends inside it.

    The figure is laid out first, so the texts are measured against the axes as drawn.

    Examples
    --------
    >>> from ygx_analysis.exhibits.style import new_figure
    >>> fig, ax = new_figure((3.0, 2.0))
    >>> _ = ax.barh([0], [10])
    >>> label = ax.text(10, 0, "a label at the end", va="center")
    >>> widen_for_labels(ax, [label])
    >>> r = fig.canvas.get_renderer()
    >>> bool(label.get_window_extent(r).x1 <= ax.get_window_extent(r).x1)
    True
    """
    fig = ax.get_figure()
    _laid_out(fig)
    renderer = fig.canvas.get_renderer()
    for _ in range(8):  # each pass moves the texts' left ends; their widths stay: a few passes converge
        frame = ax.get_window_extent(renderer)
        right = max(t.get_window_extent(renderer).x1 for t in texts)
        if right <= frame.x1 - pad_px:
            return
        low, high = ax.get_xlim()
        ax.set_xlim(low, low + (high - low) * (right - frame.x0) / (frame.width - pad_px))
