"""Make the bundled CJK font: a GB2312 subset of Noto Sans SC, as TrueType.

The source is the OFL-licensed ``NotoSansSC-Regular.otf`` (from Debian's
``fonts-noto-cjk`` or the PyPI wheel ``pylopdf-fonts-zh-cn``). The subset keeps
ASCII, Latin-1, general punctuation, CJK punctuation, full-width forms, every
character of GB2312 and every character used in ``data/`` (some source titles
quote traditional characters). CFF outlines are converted to TrueType quadratic outlines
so that matplotlib can embed the font as Type 42 in PDF output.

It also writes a second, small font: the characters the package itself draws
(every character of ``data/`` and of the package's source) taken from the GB2312
font. matplotlib draws with the small font first and falls back to the GB2312 one
for any other character, so a PDF of a report figure embeds a subset of a font of
about 800 glyphs rather than 7,900, which is several times faster.

Usage::

    python tools/make_font_subset.py PATH/TO/NotoSansSC-Regular.otf   # both fonts
    python tools/make_font_subset.py --used                           # the small font only

It writes ``ygx_analysis/fonts/NotoSansSC-GB2312.ttf`` and
``ygx_analysis/fonts/NotoSansSC-YGXUsed.ttf``. ``tests/test_plotting.py`` fails when
the small font lacks a character that ``data/`` or the package uses.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

OUT = Path(__file__).resolve().parents[1] / "ygx_analysis" / "fonts" / "NotoSansSC-GB2312.ttf"
USED_OUT = OUT.with_name("NotoSansSC-YGXUsed.ttf")
PACKAGE = OUT.parents[1]


def gb2312_characters() -> set[str]:
    """Every character encodable in GB2312 (two-byte rows 0xA1-0xF7)."""
    chars: set[str] = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return chars


DATA = Path(__file__).resolve().parents[1] / "data"


def data_characters() -> set[str]:
    """Every character used in the data files (source titles may quote traditional characters)."""
    chars: set[str] = set()
    for path in sorted(DATA.glob("*.csv")) + sorted(DATA.glob("*.toml")):
        chars.update(path.read_text(encoding="utf-8"))
    return chars


def package_characters() -> set[str]:
    """Every character of the package's source and words (labels, titles and notes the exhibits draw)."""
    chars: set[str] = set()
    for path in sorted(PACKAGE.rglob("*.py")) + sorted(PACKAGE.rglob("*.yml")):
        chars.update(path.read_text(encoding="utf-8"))
    return chars


def wanted_characters() -> set[str]:
    chars = gb2312_characters() | data_characters()
    ranges = [(0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x2190, 0x21FF),
              (0x2200, 0x22FF), (0x3000, 0x303F), (0xFF00, 0xFFEF)]
    for lo, hi in ranges:
        chars.update(chr(c) for c in range(lo, hi + 1))
    return chars


def used_characters() -> set[str]:
    """The small font's characters: printable ASCII, Latin-1, and all that data/ and the package use."""
    chars = {chr(c) for c in range(0x20, 0x7F)} | {chr(c) for c in range(0xA0, 0x100)}
    return chars | data_characters() | package_characters()


def cff_to_glyf(font: TTFont) -> None:
    """Replace CFF outlines with TrueType quadratic ones (max error 1 unit)."""
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = {}
    for name in glyph_order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    font["maxp"].tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                 "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
                 "maxComponentElements", "maxPoints", "maxContours",
                 "maxCompositePoints", "maxCompositeContours", "maxComponentDepth"):
        setattr(font["maxp"], attr, 0)
    font["maxp"].maxZones = 1
    font["head"].indexToLocFormat = 0
    font["head"].glyphDataFormat = 0
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    font.sfntVersion = "\x00\x01\x00\x00"
    font["post"].formatType = 3.0


FAMILY = "Noto Sans SC GB2312"
USED_FAMILY = "Noto Sans SC YGX Used"


def rename_family(font: TTFont, family: str = FAMILY, postscript: str = "NotoSansSC-GB2312") -> None:
    """Give the subset its own family name so it never shadows a full install."""
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 3, 4, 16):
            names.setName(family if record.nameID != 3 else family + " subset", record.nameID,
                          record.platformID, record.platEncID, record.langID)
        elif record.nameID == 6:
            names.setName(postscript, 6, record.platformID, record.platEncID, record.langID)


def make_used_font() -> None:
    """Subset the GB2312 font to :func:`used_characters` (those it has) as the small font."""
    options = subset.Options()
    options.layout_features = []
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    font = TTFont(OUT, recalcTimestamp=False)  # the same input gives the same bytes
    have = set(font.getBestCmap())
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(c for c in used_characters() if ord(c) in have)))
    subsetter.subset(font)
    rename_family(font, USED_FAMILY, "NotoSansSC-YGXUsed")
    font.save(USED_OUT)
    print(f"wrote {USED_OUT} ({USED_OUT.stat().st_size / 1e3:.0f} kB, {len(font.getGlyphOrder())} glyphs)")


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python tools/make_font_subset.py NotoSansSC-Regular.otf | --used", file=sys.stderr)
        return 2
    if argv[1] == "--used":
        make_used_font()
        return 0
    options = subset.Options()
    # matplotlib lays text out glyph by glyph and reads no OpenType layout tables;
    # without them, subsetting for PDF/PS embedding is about three times faster
    options.layout_features = []
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "vhea", "vmtx", "VORG"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.desubroutinize = True
    font = TTFont(argv[1])
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(wanted_characters())))
    subsetter.subset(font)
    cff_to_glyf(font)
    rename_family(font)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    font.save(OUT)
    print(f"wrote {OUT} ({OUT.stat().st_size / 1e6:.1f} MB)")
    make_used_font()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
