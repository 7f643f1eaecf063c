"""House style, the bundled CJK font, source lines and deterministic figure files.

Figure files are written by matplotlib (``Figure.savefig``) with the metadata that
would change from build to build left out (:data:`SAVE_METADATA`).

matplotlib's default font has no Chinese glyphs, so the package ships a GB2312
subset of Noto Sans SC (SIL Open Font License, ``fonts/OFL.txt``), made by
``tools/make_font_subset.py``, and a small subset of that one holding just the
characters of ``data/`` and of the package (about 850 glyphs). :func:`use_chinese_font`
registers both and sets ``font.family`` to the fallback list small font → GB2312
font → DejaVu Sans: matplotlib draws each character with the first font that has
it, and a PDF embeds a subset of each font it used, which is several times faster
from the small font. Set the environment variable ``YGX_CJK_FONT`` to a font file
path (or an installed family name) to use another font.

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

__all__ = ["FONT_ENV", "FONT_FAMILY", "FONT_PATH", "PALETTE", "PDF_COMPRESSION", "PROJECTION_STYLE",
           "SAVE_METADATA", "STYLE", "USED_FONT_FAMILY", "USED_FONT_PATH", "add_projection_note",
           "add_source_line", "apply_fonts", "bundled_font_characters", "figure_texts", "font_families",
           "house_style", "missing_glyphs", "new_figure", "save_figure", "use_chinese_font"]

FONT_PATH = Path(__file__).resolve().parent / "fonts" / "NotoSansSC-GB2312.ttf"
FONT_FAMILY = "Noto Sans SC GB2312"
USED_FONT_PATH = FONT_PATH.with_name("NotoSansSC-YGXUsed.ttf")
USED_FONT_FAMILY = "Noto Sans SC YGX Used"
FONT_ENV = "YGX_CJK_FONT"

PALETTE = ("#1f5fa8", "#d9822b", "#3a9a5b", "#b0413e", "#7a5aa6", "#6b6b6b")
"""Series colours: blue, orange, green, red, purple, grey."""

PROJECTION_STYLE = {"linestyle": "--", "alpha": 0.9}
"""Line style for projected values, so a projection never looks like history."""

STYLE = {
    "figure.figsize": (8.0, 5.0),
    "figure.dpi": 100,
    "savefig.dpi": 200,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "grid.color": "#dddddd",
    "grid.linewidth": 0.6,
    "axes.titlesize": 12,
    "axes.labelsize": 10,
    "xtick.labelsize": 9,
    "ytick.labelsize": 9,
    "legend.fontsize": 9,
    "legend.frameon": False,
    "axes.unicode_minus": False,
    "pdf.fonttype": 42,
    "ps.fonttype": 42,
    "svg.fonttype": "path",
    "svg.hashsalt": "ygx_analysis",
    "path.simplify": True,
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


def apply_fonts(rc: object | None = None) -> None:
    """Set ``font.family`` (and ``font.sans-serif``) of ``rc`` (matplotlib's rcParams) to :func:`font_families`.

    A list in ``font.family`` is what makes matplotlib fall back from font to font.
    """
    import matplotlib

    rc = matplotlib.rcParams if rc is None else rc
    families = list(font_families())
    rc["font.family"] = families
    rc["font.sans-serif"] = families


@lru_cache(maxsize=None)
def use_chinese_font() -> str:
    """Register the CJK fonts and apply the house style; return the main CJK family's name.

    Safe to call many times. Honours ``$YGX_CJK_FONT`` (a font file or a family).

    Examples
    --------
    >>> use_chinese_font()
    'Noto Sans SC GB2312'
    """
    import matplotlib

    families = font_families()
    matplotlib.rcParams.update(STYLE)
    apply_fonts()
    return families[1] if len(families) == 3 else families[0]


@lru_cache(maxsize=None)
def bundled_font_characters() -> frozenset[str]:
    """Every character the bundled font has a glyph for (read by FreeType, as matplotlib draws)."""
    from matplotlib.ft2font import FT2Font

    return frozenset(chr(code) for code in FT2Font(str(FONT_PATH)).get_charmap())


def missing_glyphs(texts: Iterable[str]) -> list[str]:
    """Characters in ``texts`` that the bundled font cannot draw, sorted.

    Whitespace is ignored.

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
    """A figure in the house style, made without pyplot (no global state).

    Returns
    -------
    fig, axes
        ``axes`` is one Axes for a 1×1 grid, else an array.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    use_chinese_font()
    fig = Figure(figsize=figsize or STYLE["figure.figsize"], layout="constrained")
    FigureCanvasAgg(fig)  # a real canvas, so fig.canvas.draw() renders and checks glyphs
    axes = fig.subplots(nrows, ncols, squeeze=True)
    return fig, axes


def _wrap_to_width(fig: Figure, text: str, fontsize: float, width_px: float) -> str:
    """Break ``text`` at '; ' and ', ' so that each line fits ``width_px`` when drawn."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    props = FontProperties(size=fontsize)

    def width(s: str) -> float:
        # measured in points; converted to pixels at the figure's dpi
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


def add_source_line(fig: Figure, text: str, fontsize: float = 7.0) -> None:
    """Write the source line at the bottom-left of a figure and keep room for it.

    Long lines are broken at '; ' and ', ' to fit the figure width; the layout
    reserves exactly the height of the wrapped text, so it never overlaps the axes.
    """
    width_px = fig.get_figwidth() * fig.dpi * 0.98
    wrapped = _wrap_to_width(fig, text, fontsize, width_px)
    n_lines = wrapped.count("\n") + 1
    line_in = fontsize * 1.35 / 72.0  # one line of text, in inches
    band = min(0.45, (n_lines * line_in + 0.08) / fig.get_figheight())
    fig.text(0.01, 0.008, wrapped, ha="left", va="bottom", fontsize=fontsize, color="#555555",
             linespacing=1.25)
    engine = fig.get_layout_engine()
    if engine is not None and hasattr(engine, "set"):
        engine.set(rect=(0, band, 1, 1 - band))
    else:
        fig.subplots_adjust(bottom=max(fig.subplotpars.bottom, band + 0.08))


def add_projection_note(ax, text: str) -> None:
    """Mark an axes as showing projections (a note in its top-left corner)."""
    ax.text(0.01, 0.98, text, transform=ax.transAxes, ha="left", va="top", fontsize=8,
            color="#b0413e", style="italic")


SAVE_METADATA = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
    "pdf": {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None},
}
"""Metadata that would make files differ between builds is left out."""

PDF_COMPRESSION = 3
"""zlib level of PDF streams (matplotlib's ``pdf.compression``): measured on the report's figures,
files about 5 % larger than at the default level 6 and written 10-13 % faster."""


@contextlib.contextmanager
def house_style() -> Iterator[None]:
    """matplotlib's defaults plus the house style, whatever a notebook changed; restored after.

    Exhibits are drawn and exported inside this context, so a figure depends neither
    on a ``matplotlibrc`` nor on rcParams that a notebook set before.

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
        matplotlib.rcParams.update(STYLE)
        apply_fonts()
        yield


def save_figure(fig: Figure, stem: str | os.PathLike[str], formats: Sequence[str] = ("png", "svg", "pdf"),
                dpi: int = 200) -> list[Path]:
    """Save a figure as PNG, SVG and PDF with no timestamps or software stamps.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    stem : path-like
        Output path without suffix.
    formats : sequence of {'png', 'svg', 'pdf'}
    dpi : int
        Raster resolution for PNG (at least 200 for print).

    Returns
    -------
    list of Path
        The files written.
    """
    import matplotlib

    written = []
    stem = Path(stem)
    unknown = [fmt for fmt in formats if fmt not in SAVE_METADATA]
    if unknown:
        raise ValueError(f"format: unknown figure format {unknown[0]!r}; expected png, svg or pdf")
    with matplotlib.rc_context({"svg.hashsalt": STYLE["svg.hashsalt"], "pdf.fonttype": 42,
                                "pdf.compression": PDF_COMPRESSION}):
        for fmt in formats:
            path = stem.with_suffix("." + fmt)
            fig.savefig(path, format=fmt, dpi=dpi, metadata=SAVE_METADATA[fmt])
            written.append(path)
    return written
