"""House style, the bundled CJK font, source lines and deterministic figure files.

Figure files are written by matplotlib (``Figure.savefig``) without the metadata that would change
from build to build (:data:`SAVE_METADATA`). matplotlib's default font has no Chinese glyphs, so the
package ships a GB2312 subset of Noto Sans SC (SIL Open Font License, ``fonts/OFL.txt``), made by
``tools/make_font_subset.py``, and a small subset of it with just the characters of ``data/`` and of
the package (about 850 glyphs). :func:`use_chinese_font` sets ``font.family`` to the fallback list
small font → GB2312 font → DejaVu Sans: each character is drawn with the first font that has it, and
a PDF embeds a subset of each font used, several times faster from the small font. The environment
variable ``YGX_CJK_FONT`` (a font file or an installed family) selects another font.
matplotlib is imported inside the functions, never at module import.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

__all__ = ["FONT_ENV", "FONT_FAMILY", "FONT_PATH", "PAGE_WIDTH_CM", "PALETTE", "PDF_COMPRESSION", "PROJECTION_STYLE", "SAVE_METADATA",
           "SOURCE_LINE_GID", "STYLE", "UNIT_AXIS_EN", "USED_FONT_FAMILY", "USED_FONT_PATH", "add_projection_note", "add_source_line",
           "bundled_font_characters", "contact_sheet", "figure_texts", "font_families", "house_style",
           "legend_below_title", "missing_glyphs", "new_figure", "save_figure", "unit_axis_label", "use_chinese_font",
           "without_source_line"]

FONT_PATH = Path(__file__).resolve().parents[1] / "fonts" / "NotoSansSC-GB2312.ttf"
FONT_FAMILY = "Noto Sans SC GB2312"
USED_FONT_PATH = FONT_PATH.with_name("NotoSansSC-YGXUsed.ttf")
USED_FONT_FAMILY = "Noto Sans SC YGX Used"
FONT_ENV = "YGX_CJK_FONT"

PAGE_WIDTH_CM = 16.0
"""The widest a figure is drawn: an A4 text column (15.5-16 cm), so it goes on the page at 100 %."""

PALETTE = ("#1f5fa8", "#d9822b", "#3a9a5b", "#b0413e", "#7a5aa6", "#6b6b6b")
"""Series colours: blue, orange, green, red, purple, grey."""

PROJECTION_STYLE = {"linestyle": "--", "alpha": 0.9}
"""Line style for projected values, so a projection never looks like history."""

STYLE = {
    "figure.figsize": (8.0, 5.0), "figure.dpi": 100, "savefig.dpi": 200,
    "axes.spines.top": False, "axes.spines.right": False, "axes.grid": True, "axes.grid.axis": "y",
    "axes.axisbelow": True,  # grid lines behind bars, never through them
    "grid.color": "#dddddd", "grid.linewidth": 0.6, "axes.titlesize": 12, "axes.labelsize": 10,
    "xtick.labelsize": 9, "ytick.labelsize": 9, "legend.fontsize": 9, "legend.frameon": False,
    "axes.unicode_minus": False, "pdf.fonttype": 42, "ps.fonttype": 42, "svg.fonttype": "path",
    "svg.hashsalt": "ygx_analysis", "path.simplify": True,
    # unhinted glyphs: at 200 dpi they look the same as auto-hinted ones, measure the
    # same as in PDF and SVG, and the 16 figures export about 10 % faster
    "text.hinting": "no_hinting",
}
"""rcParams of the house style; ``svg.hashsalt`` is fixed so SVG ids are stable."""


@lru_cache(maxsize=None)
def font_families() -> tuple[str, ...]:
    """The fonts figures are drawn with, in fallback order; registers the bundled ones.

    Examples
    --------
    >>> font_families()
    ('Noto Sans SC YGX Used', 'Noto Sans SC GB2312', 'DejaVu Sans')
    """
    from matplotlib import font_manager

    override = os.environ.get(FONT_ENV, "").strip()
    if override and Path(override).is_file():
        font_manager.fontManager.addfont(override)
        return (font_manager.FontProperties(fname=override).get_name(), "DejaVu Sans")
    if override:
        return (override, "DejaVu Sans")
    font_manager.fontManager.addfont(str(USED_FONT_PATH))
    font_manager.fontManager.addfont(str(FONT_PATH))
    return (USED_FONT_FAMILY, FONT_FAMILY, "DejaVu Sans")


def _apply_style() -> None:
    """Set rcParams to the house style, with ``font.family`` and ``font.sans-serif`` the fallback list of fonts."""
    import matplotlib

    families = list(font_families())
    matplotlib.rcParams.update({**STYLE, "font.family": families, "font.sans-serif": families})


@lru_cache(maxsize=None)
def use_chinese_font() -> str:
    """Register the CJK fonts (or ``$YGX_CJK_FONT``) and apply the house style; return the main CJK family.

    Examples
    --------
    >>> use_chinese_font()
    'Noto Sans SC GB2312'
    """
    families = font_families()
    _apply_style()
    return families[1] if len(families) == 3 else families[0]


@lru_cache(maxsize=None)
def bundled_font_characters() -> frozenset[str]:
    """Every character the bundled font has a glyph for (read by FreeType, as matplotlib draws)."""
    from matplotlib.ft2font import FT2Font

    return frozenset(chr(code) for code in FT2Font(str(FONT_PATH)).get_charmap())


def missing_glyphs(texts: Iterable[str]) -> list[str]:
    """Characters in ``texts`` that the bundled font cannot draw (whitespace ignored), sorted.

    Examples
    --------
    >>> missing_glyphs(["益阳高新区 2024年 6.6%"])
    []
    >>> missing_glyphs(["𠀀"])
    ['𠀀']
    """
    have = bundled_font_characters()
    return sorted({ch for text in texts for ch in text if not ch.isspace() and ch not in have})


def figure_texts(fig: Figure) -> list[str]:
    """Every text string drawn on a figure (titles, labels, ticks, legends, notes)."""
    from matplotlib.text import Text

    fig.canvas.draw_idle()
    return [t.get_text() for t in fig.findobj(Text) if t.get_text()]


def new_figure(figsize: Sequence[float] | None = None, nrows: int = 1, ncols: int = 1):
    """A figure in the house style, made without pyplot (no global state), and its Axes (an array unless 1×1)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    use_chinese_font()
    fig = Figure(figsize=figsize or STYLE["figure.figsize"], layout="constrained")
    FigureCanvasAgg(fig)  # a real canvas, so fig.canvas.draw() renders and checks glyphs
    return fig, fig.subplots(nrows, ncols, squeeze=True)


def _wrap_to_width(fig: Figure, text: str, fontsize: float, width_px: float) -> str:
    """Break ``text`` at '; ' and ', ' so that each line fits ``width_px`` when drawn."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    props = FontProperties(size=fontsize)

    def width(s: str) -> float:  # points, converted to pixels at the figure's dpi
        return text_to_path.get_text_width_height_descent(s, props, ismath=False)[0] * fig.dpi / 72.0

    pieces: list[str] = []
    for chunk in text.split("; "):
        parts = chunk.split(", ")
        pieces += [p + (", " if i < len(parts) - 1 else "; ") for i, p in enumerate(parts)]
    pieces[-1] = pieces[-1].rstrip("; ")
    lines, current = [], ""
    for piece in pieces:
        if current and width(current + piece) > width_px:
            lines.append(current.rstrip())
            current = piece
        else:
            current += piece
    lines.append(current.rstrip())
    return "\n".join(lines)


SOURCE_LINE_GID = "source-line"
"""The ``gid`` of the text :func:`add_source_line` draws (SVG keeps it as the element's id)."""


def add_source_line(fig: Figure, text: str, fontsize: float = 7.0) -> None:
    """Write the source line at the bottom-left of a figure, wrapped at '; ' and ', ' to its width, with room kept."""
    width_px = fig.get_figwidth() * fig.dpi * 0.98
    wrapped = _wrap_to_width(fig, text, fontsize, width_px)
    n_lines = wrapped.count("\n") + 1
    line_in = fontsize * 1.35 / 72.0  # one line of text, in inches
    band = min(0.45, (n_lines * line_in + 0.08) / fig.get_figheight())
    fig.text(0.01, 0.008, wrapped, ha="left", va="bottom", fontsize=fontsize, color="#555555",
             linespacing=1.25, gid=SOURCE_LINE_GID)
    engine = fig.get_layout_engine()
    if engine is not None and hasattr(engine, "set"):
        engine.set(rect=(0, band, 1, 1 - band))
    else:
        fig.subplots_adjust(bottom=max(fig.subplotpars.bottom, band + 0.08))


@contextlib.contextmanager
def without_source_line(fig: Figure, dpi: float) -> Iterator[object]:
    """Hide the source line of a figure (:func:`add_source_line`) while the block runs; restored after.

    Yields the ``bbox_inches`` to save with: None when the layout engine gives the source line's band
    back to the axes, or, for a figure whose layout was frozen, the figure without that band (its full
    width, cut at a whole pixel at ``dpi`` just above the line). A figure without a source line yields None.

    Examples
    --------
    >>> fig, ax = new_figure((4, 3))
    >>> add_source_line(fig, "Source: S")
    >>> with without_source_line(fig, 100) as crop:
    ...     [t.get_visible() for t in fig.texts], crop
    ([False], None)
    >>> fig.texts[0].get_visible(), bool(fig.get_layout_engine().get()["rect"][1] > 0)
    (True, True)
    """
    import math

    from matplotlib.transforms import Bbox

    lines = [t for t in fig.texts if t.get_gid() == SOURCE_LINE_GID and t.get_visible()]
    engine = fig.get_layout_engine()
    relayout = engine is not None and hasattr(engine, "set") and "rect" in engine.get()
    rect = engine.get()["rect"] if relayout else None
    crop = None
    if lines and not relayout:
        renderer = fig.canvas.get_renderer()
        top_in = max(t.get_window_extent(renderer).y1 for t in lines) / fig.dpi + 0.04
        top_in = math.ceil(top_in * dpi) / dpi
        crop = Bbox.from_extents(0, top_in, fig.get_figwidth(), fig.get_figheight())
    for t in lines:
        t.set_visible(False)
    if lines and relayout:
        engine.set(rect=(0, 0, 1, 1))
    try:
        yield crop
    finally:
        for t in lines:
            t.set_visible(True)
        if lines and relayout:
            engine.set(rect=rect)


UNIT_AXIS_EN = {"亿元": "100 million yuan", "万元": "10,000 yuan", "万平方米": "10,000 m²", "%": "%",
                "个": "number", "家": "firms", "件": "patents", "项": "items", "场": "events", "位": "rank",
                "件/万人": "per 10,000 people"}
"""Unit as printed → the English words of an axis label (no Chinese in English figures)."""


def unit_axis_label(unit: str, lang: str) -> str:
    """An axis label for a unit as printed: the unit itself in Chinese, its English words otherwise.

    Examples
    --------
    >>> unit_axis_label("亿元", "zh"), unit_axis_label("亿元", "en")
    ('亿元', '100 million yuan')
    >>> unit_axis_label("吨", "en")
    Traceback (most recent call last):
    ...
    ValueError: unit: no English axis label for '吨'
    """
    from . import check_lang

    check_lang(lang)
    if lang == "zh":
        return unit
    if unit not in UNIT_AXIS_EN:
        raise ValueError(f"unit: no English axis label for {unit!r}")
    return UNIT_AXIS_EN[unit]


def legend_below_title(ax, handles: Sequence[object], ncol: int | None = None) -> None:
    """A legend between an axes' title and the axes, in ``ncol`` columns (default one row; fewer if too wide).

    Unlike a figure legend "outside upper center", it belongs to the axes, so the layout makes room
    for it below any suptitle and off the source line; the title is raised above it. Call it after
    ``ax.set_title``.

    Examples
    --------
    >>> from matplotlib.patches import Patch
    >>> fig, ax = new_figure((4, 3))
    >>> _ = ax.set_title("T")
    >>> legend_below_title(ax, [Patch(color="k", label="a")])
    >>> fig.canvas.draw()
    >>> r = fig.canvas.get_renderer()
    >>> bool(ax.get_legend().get_window_extent(r).y1 < ax.title.get_window_extent(r).y0)
    True
    """
    fig = ax.get_figure()
    renderer = fig.canvas.get_renderer()
    ncol = ncol or len(handles)
    while True:  # as many columns as fit the axes' width, then more rows
        legend = ax.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=ncol,
                           borderaxespad=0.2)
        if ncol == 1 or legend.get_window_extent(renderer).width <= ax.get_window_extent(renderer).width:
            break
        ncol -= 1
    height_pt = legend.get_window_extent(renderer).height * 72.0 / fig.dpi
    ax.set_title(ax.get_title(), pad=height_pt + 6.0)


def add_projection_note(ax, text: str) -> None:
    """Mark an axes as showing projections: a note in its top-left corner, on white so no line strikes it through."""
    ax.text(0.01, 0.98, text, transform=ax.transAxes, ha="left", va="top", fontsize=8,
            color="#b0413e", style="italic", zorder=5,
            bbox={"boxstyle": "square,pad=0.15", "facecolor": "white", "edgecolor": "none"})


SAVE_METADATA = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None},
                 "pdf": {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None}}
"""Metadata that would make files differ between builds is left out."""

PDF_COMPRESSION = 3
"""zlib level of PDF streams (matplotlib's ``pdf.compression``): measured on the report's figures,
files about 5 % larger than at the default level 6 and written 10-13 % faster."""


@contextlib.contextmanager
def house_style() -> Iterator[None]:
    """matplotlib's defaults plus the house style, whatever a ``matplotlibrc`` or a notebook set; restored after.

    Examples
    --------
    >>> import matplotlib
    >>> with house_style():
    ...     matplotlib.rcParams["svg.hashsalt"]
    'ygx_analysis'
    """
    import matplotlib

    use_chinese_font()
    with matplotlib.rc_context():
        matplotlib.rcdefaults()
        _apply_style()
        yield


def save_figure(fig: Figure, stem: str | os.PathLike[str], formats: Sequence[str] = ("png", "svg", "pdf"),
                dpi: int = 200) -> list[Path]:
    """Save a figure as ``stem`` + ``.png``/``.svg``/``.pdf`` (PNG at ``dpi``, 200 for print) with no
    timestamps or software stamps; return the files written."""
    import matplotlib

    stem = Path(stem)
    unknown = [fmt for fmt in formats if fmt not in SAVE_METADATA]
    if unknown:
        raise ValueError(f"format: unknown figure format {unknown[0]!r}; expected png, svg or pdf")
    with matplotlib.rc_context({"svg.hashsalt": STYLE["svg.hashsalt"], "pdf.fonttype": 42,
                                "pdf.compression": PDF_COMPRESSION}):
        for fmt in formats:
            fig.savefig(stem.with_suffix("." + fmt), format=fmt, dpi=dpi, metadata=SAVE_METADATA[fmt])
    return [stem.with_suffix("." + fmt) for fmt in formats]


def contact_sheet(figures: Sequence[tuple[str, Figure]], columns: int = 4, thumb_dpi: float = 45.0,
                  cell_width: float = 4.0) -> Figure:
    """One figure showing every given figure as a labelled thumbnail, in a grid.

    ``figures`` are ``(label, Figure)`` pairs in reading order, ``columns`` to a row, each drawn at
    ``thumb_dpi`` into a cell ``cell_width`` inches wide (as tall as its row's tallest thumbnail's aspect
    ratio) under its label. The sheet has one Axes per thumbnail, titled with its label, without frame.

    Examples
    --------
    >>> fig, ax = new_figure((4, 3))
    >>> _ = ax.bar([1, 2], [3, 4])
    >>> sheet = contact_sheet([("a", fig), ("b", fig), ("c", fig)], columns=2)
    >>> [a.get_title(loc="left") for a in sheet.axes]
    ['a', 'b', 'c']
    """
    import io

    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure as MplFigure
    from matplotlib.image import imread

    from . import FigureImage

    items = list(figures)
    if not items:
        raise ValueError("figures: nothing to show")
    images = [imread(io.BytesIO(FigureImage(fig, "", dpi=thumb_dpi).png), format="png") for _, fig in items]
    rows = [images[i:i + columns] for i in range(0, len(images), columns)]
    title_in, gap_in = 0.28, 0.12
    # each row as tall as its tallest thumbnail at the cell width, plus its labels
    heights = [cell_width * max(im.shape[0] / im.shape[1] for im in row) for row in rows]
    width_in = columns * cell_width + (columns + 1) * gap_in
    height_in = sum(heights) + len(rows) * (title_in + gap_in) + gap_in
    sheet = MplFigure(figsize=(width_in, height_in), dpi=100)
    FigureCanvasAgg(sheet)
    top = height_in - gap_in
    for r, (row, height) in enumerate(zip(rows, heights, strict=True)):
        top -= title_in
        for c, image in enumerate(row):
            left = gap_in + c * (cell_width + gap_in)
            ax = sheet.add_axes((left / width_in, (top - height) / height_in, cell_width / width_in,
                                 height / height_in))
            ax.imshow(image, interpolation="antialiased")
            ax.set_anchor("N")
            ax.set_title(items[r * columns + c][0], fontsize=9, loc="left", pad=3)
            ax.set_axis_off()
        top -= height + gap_in
    return sheet
