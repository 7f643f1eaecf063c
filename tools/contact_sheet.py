"""Draw every registered figure, in Chinese and in English, onto one contact sheet PNG.

A reviewer sees all figures at once: each exhibit's Chinese thumbnail beside its
English one, labelled with the exhibit id and language, in the registry's order
(notebook, then id). The figures are drawn by the registry
(:func:`ygx_analysis.exhibits.render`, with their source lines) and placed by
:func:`ygx_analysis.exhibits.style.contact_sheet`.

Usage::

    python tools/contact_sheet.py [--out build-review/contact-sheet.png] [--columns 4]

The default folder is not ``build/``: a report build replaces that folder whole, and
refuses to replace it when it holds files of its own making.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ygx_analysis import exhibits
from ygx_analysis.exhibits.style import contact_sheet, house_style, save_figure

ROOT = Path(__file__).resolve().parents[1]


def sheet_figures() -> list[tuple[str, object]]:
    """``(label, Figure)`` for every figure exhibit in both languages, Chinese first."""
    return [(f"{ex.id} · {lang}", exhibits.render(ex.id, lang))
            for ex in exhibits.all_exhibits() if ex.kind == "figure" for lang in exhibits.LANGS]


def main(argv: list[str] | None = None) -> Path:
    """Write the contact sheet and return its path."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build-review" / "contact-sheet.png",
                        help="PNG file to write (default: build-review/contact-sheet.png)")
    parser.add_argument("--columns", type=int, default=4, help="thumbnails per row (default: 4)")
    args = parser.parse_args(argv)
    if args.out.suffix.lower() != ".png":
        parser.error("--out: must name a .png file")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with house_style():
        sheet = contact_sheet(sheet_figures(), columns=args.columns)
        save_figure(sheet, args.out.with_suffix(""), formats=("png",), dpi=100)
    print(args.out)
    return args.out


if __name__ == "__main__":
    main()
