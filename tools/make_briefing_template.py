"""Make ygx_analysis/report/templates/briefing.docx, the template of the Word briefing (run it to regenerate).

python-docx's default document with: A4 pages and 2.5 cm margins (a 16 cm text column); body, heading, caption,
source-line and list-of-figures styles that name East Asian fonts a Chinese Windows and WPS have (宋体 for the
body, 黑体 for headings and captions; Times New Roman and Arial for Latin text); python-docx sets only the Latin
font, so ``w:eastAsia`` is written on each style's ``w:rFonts``. The figures use the bundled Noto Sans SC
(drawn into the images). The body holds nothing: :mod:`ygx_analysis.report.briefing` adds the content.

Usage: ``python tools/make_briefing_template.py``
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

OUT = Path(__file__).resolve().parents[1] / "ygx_analysis" / "report" / "templates" / "briefing.docx"
BODY, HEADING = ("Times New Roman", "宋体"), ("Arial", "黑体")

# name: (based on, fonts, size pt, bold, space before/after pt, alignment)
STYLES = {
    "Normal": (None, BODY, 10.5, False, (0, 6), None),
    "Title": ("Normal", HEADING, 18, True, (0, 12), WD_ALIGN_PARAGRAPH.CENTER),
    "Heading 1": ("Normal", HEADING, 14, True, (12, 6), None),
    "Heading 2": ("Normal", HEADING, 12, True, (10, 4), None),
    "Caption": ("Normal", HEADING, 10.5, True, (8, 4), WD_ALIGN_PARAGRAPH.CENTER),
    "Source Line": ("Normal", BODY, 9, False, (2, 10), None),
    "Table of Figures": ("Normal", BODY, 10.5, False, (0, 2), None),
    "Table Text": ("Normal", BODY, 8, False, (0, 0), None),
    "Figure": ("Normal", BODY, 10.5, False, (4, 0), WD_ALIGN_PARAGRAPH.CENTER),
    "List Bullet": ("Normal", BODY, 10.5, False, (0, 4), None),
}


def set_fonts(style, latin: str, east_asian: str) -> None:
    """Latin and East Asian fonts of a style (python-docx writes only w:ascii and w:hAnsi)."""
    style.font.name = latin
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):  # a theme font wins over a name
        fonts.attrib.pop(qn(theme), None)
    fonts.set(qn("w:eastAsia"), east_asian)
    fonts.set(qn("w:cs"), latin)


def main() -> Path:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin = section.bottom_margin = Cm(2.5)
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        defaults.find(qn("w:rFonts")).attrib.pop(qn(theme), None)
    defaults.find(qn("w:rFonts")).set(qn("w:eastAsia"), BODY[1])
    defaults.find(qn("w:lang")).set(qn("w:eastAsia"), "zh-CN")
    for name, (base, (latin, east), size, bold, (before, after), align) in STYLES.items():
        try:
            style = doc.styles[name]
        except KeyError:
            style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        if base is not None:
            style.base_style = doc.styles[base]
        set_fonts(style, latin, east)
        style.font.size, style.font.bold = Pt(size), bold
        style.font.italic = False
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.paragraph_format.space_before, style.paragraph_format.space_after = Pt(before), Pt(after)
        if align is not None:
            style.paragraph_format.alignment = align
    doc.styles["Caption"].paragraph_format.keep_with_next = True
    for name in ("Heading 1", "Heading 2"):
        doc.styles[name].paragraph_format.keep_with_next = True
    doc.core_properties.author = "ygx_analysis"
    for paragraph in list(doc.paragraphs):
        paragraph._element.getparent().remove(paragraph._element)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    doc.save(OUT)
    return OUT


if __name__ == "__main__":
    print(main())
