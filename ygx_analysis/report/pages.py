"""The report's HTML pages: ``index.html`` from ``templates/index.html.j2``, notebook pages from nbconvert.

A notebook page goes through ``templates/ygx_lab``, which extends nbconvert's ``lab`` template (images embedded)
with ``notebook.css`` and a link back to ``index.html``. Every page declares the bundled CJK fonts with
``@font-face`` (:func:`font_face_css`), copied into the build's ``assets/`` (:func:`write_assets`), so Chinese shows
on a machine without CJK system fonts.
"""

from __future__ import annotations

import copy
import html
import importlib.util
import re
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .manifest import build_stamp, how_to_cite

__all__ = ["ASSETS", "FONT_STACK", "MONO_STACK", "PAGE_FONTS", "TEMPLATES", "WIDGET_VIEW", "FontAsset",
           "anchor_exhibits", "font_assets", "font_face_css", "index_html", "missing_glyphs", "notebook_page",
           "page_text", "static_widgets", "write_assets", "write_notebook"]

TEMPLATES = Path(__file__).resolve().parent / "templates"
"""The folder of the page templates."""

ASSETS = "assets"
"""The build's folder of files the pages load (the fonts), relative to the build."""

PAGE_FONTS = (("YGX", "NotoSansSC-YGXUsed.ttf"), ("YGX GB2312", "NotoSansSC-GB2312.ttf"))
"""(CSS family, bundled file) of the fonts every page embeds: the package's own characters, then GB2312."""

FONT_STACK = ('"YGX", "YGX GB2312", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", system-ui, '
              '"DejaVu Sans", sans-serif')
"""The font-family of every page: the embedded fonts, then system fonts."""

MONO_STACK = ('"DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace, "YGX", "YGX GB2312", '
              '"Noto Sans SC"')
"""The font-family of code: a monospace font for Latin, the embedded fonts for Chinese."""


@dataclass(frozen=True)
class FontAsset:
    """One embedded font: its CSS family, the bundled TTF, and its file name in ``assets/``."""

    family: str
    source: Path
    name: str
    format: str


def font_assets(woff2: bool | None = None) -> list[FontAsset]:
    """The fonts the pages embed, as WOFF2 when ``woff2`` (default: brotli is importable), else TTF.

    Examples
    --------
    >>> [(f.family, f.name, f.format) for f in font_assets(woff2=False)][0]
    ('YGX', 'NotoSansSC-YGXUsed.ttf', 'truetype')
    >>> font_assets(woff2=True)[1].name
    'NotoSansSC-GB2312.woff2'
    """
    from ..exhibits.style import FONT_PATH

    if woff2 is None:
        woff2 = importlib.util.find_spec("brotli") is not None
    return [FontAsset(family, FONT_PATH.parent / file, Path(file).stem + ".woff2" if woff2 else file,
                      "woff2" if woff2 else "truetype") for family, file in PAGE_FONTS]


def write_assets(root: str | Path, woff2: bool | None = None) -> list[Path]:
    """Copy (or compress to WOFF2) the embedded fonts and their licence into ``root/assets``; return the paths."""
    folder = Path(root) / ASSETS
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for font in font_assets(woff2):
        target = folder / font.name
        if font.format == "woff2":
            from fontTools.ttLib import woff2 as _woff2

            _woff2.compress(str(font.source), str(target))
        else:
            shutil.copyfile(font.source, target)
        paths.append(target)
    licence = font_assets(False)[0].source.with_name("OFL.txt")
    if licence.is_file():
        paths.append(Path(shutil.copyfile(licence, folder / "OFL.txt")))
    return paths


def font_face_css(prefix: str = "", woff2: bool | None = None) -> str:
    """``@font-face`` rules for the embedded fonts (URLs relative to the page: ``prefix``) and the font stacks.

    Examples
    --------
    >>> css = font_face_css("../", woff2=False)
    >>> '@font-face{font-family:"YGX";src:url("../assets/NotoSansSC-YGXUsed.ttf") format("truetype")' in css
    True
    """
    rules = [f'@font-face{{font-family:"{f.family}";src:url("{prefix}{ASSETS}/{f.name}") format("{f.format}");'
             f"font-display:block}}" for f in font_assets(woff2)]
    return "\n".join(rules + [f":root{{--ygx-font:{FONT_STACK};--ygx-mono:{MONO_STACK}}}"])


def page_text(page: str) -> str:
    """The text a reader sees on an HTML page (no scripts, styles or tags).

    Examples
    --------
    >>> page_text("<p>财政 <b>收入</b> &amp;</p><style>p{}</style><script>x=1</script>")
    '财政 收入 &'
    """
    return html.unescape(re.sub(r"<(script|style)\b.*?</\1\s*>|<[^>]*>", "", page, flags=re.S | re.I))


@lru_cache(maxsize=1)
def _covered() -> frozenset[int]:
    """The code points the embedded fonts hold."""
    from fontTools.ttLib import TTFont

    codes: set[int] = set()
    for font in font_assets(False):
        with TTFont(font.source, lazy=True) as ttf:
            codes.update(ttf.getBestCmap())
    return frozenset(codes)


def missing_glyphs(text: str) -> list[str]:
    """The CJK characters (U+2E80 and above) of ``text`` that no embedded font holds, sorted (tofu without CJK fonts).

    Examples
    --------
    >>> missing_glyphs("财政收入 revenue"), missing_glyphs("\u9fff")
    ([], ['\u9fff'])
    """
    return sorted({ch for ch in text if ord(ch) >= 0x2E80 and ord(ch) not in _covered()})


@lru_cache(maxsize=1)
def _environment() -> Any:
    import jinja2

    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                              undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
                              trim_blocks=True, lstrip_blocks=True)


def index_html(manifest: Mapping[str, Any], lang: str = "zh") -> str:
    """index.html: thumbnails of every figure, every table and notebook, and how to cite.

    Examples
    --------
    >>> m = {"version": "0.1.0", "git_commit": None, "exhibits": [], "datasets": [], "notebooks": [],
    ...      "data": [{"path": "data/a.csv", "sha256": "00ff"}]}
    >>> page = index_html(m, "en")
    >>> '<html lang="en">' in page, "<td>data/a.csv</td><td><code>00ff</code></td>" in page
    (True, True)
    """
    figures = [dict(r, png=next(f["path"] for f in r["files"] if f["path"].endswith(".png")))
               for r in manifest["exhibits"] if r["kind"] == "figure"]
    tables = [r for r in manifest["exhibits"] if r["kind"] == "table"]
    example = figures[0] if figures else (tables[0] if tables else None)
    return _environment().get_template("index.html.j2").render(
        m=manifest, zh=lang == "zh", figures=figures, tables=tables, font_css=font_face_css(""),
        build=build_stamp(manifest), example=how_to_cite(example, manifest, lang) if example is not None else None)


@lru_cache(maxsize=1)
def _exporter() -> Any:
    """nbconvert's HTML exporter (``ygx_lab`` template over ``lab``, embedded images)."""
    from nbconvert import HTMLExporter

    return HTMLExporter(template_name="ygx_lab", extra_template_basedirs=[str(TEMPLATES)], embed_images=True)


_CAPTION = re.compile(r"^\*\*((?:fig|tab)-[a-z0-9-]+)\*\* · ")


def anchor_exhibits(nb: Any) -> Any:
    """A copy of ``nb`` whose exhibit captions (``**<id>** · …``, from ``show()``) start with an anchor ``<id>``.

    Examples
    --------
    >>> import nbformat
    >>> out = nbformat.v4.new_output("display_data", {"text/markdown": "**fig-x** · 标题", "text/plain": "<M>"})
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("show()", outputs=[out])])
    >>> anchor_exhibits(nb).cells[0].outputs[0].data["text/markdown"]
    '<a id="fig-x"></a>**fig-x** · 标题'
    >>> nb.cells[0].outputs[0].data["text/markdown"]
    '**fig-x** · 标题'
    """
    nb = copy.deepcopy(nb)
    seen: set[str] = set()
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            text = output.get("data", {}).get("text/markdown")
            match = _CAPTION.match(text) if isinstance(text, str) else None
            if match and match.group(1) not in seen:
                seen.add(match.group(1))
                output["data"]["text/markdown"] = f'<a id="{html.escape(match.group(1))}"></a>{text}'
    return nb


def notebook_page(nb: Any, title: str) -> str:
    """An executed notebook as one standalone HTML page (nbconvert) in ``notebooks/``, fonts from ``../assets/``."""
    css = font_face_css("../") + "\n" + (TEMPLATES / "notebook.css").read_text(encoding="utf-8")
    zh = bool(re.search(r"[\u4e00-\u9fff]", "".join(c.source for c in nb.cells if c.cell_type == "markdown")))
    resources = {"metadata": {"name": title}, "ygx": {"css": css, "index": "../index.html",
                                                      "home": "← 返回目录 index.html" if zh else "← Back to index.html"}}
    return _exporter().from_notebook_node(static_widgets(anchor_exhibits(nb)), resources=resources)[0]


WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def static_widgets(nb: Any) -> Any:
    """``nb`` (changed in place) with the widget state dropped and a widget output holding an image reduced to it.

    Examples
    --------
    >>> import nbformat
    >>> out = nbformat.v4.new_output("display_data", {WIDGET_VIEW: {"model_id": "m"}, "image/png": "iVBOR",
    ...                                               "text/plain": "[panel]"})
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("panel", outputs=[out])])
    >>> nb.metadata["widgets"] = {"state": {}}
    >>> sorted(static_widgets(nb).cells[0].outputs[0].data)
    ['image/png', 'text/plain']
    >>> "widgets" in nb.metadata
    False
    """
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET_VIEW in data and any(key.startswith("image/") for key in data):
                del data[WIDGET_VIEW]
    return nb


def write_notebook(nb: Any, out_dir: Path, stem: str) -> list[Path]:
    """Write an executed notebook as ``stem.ipynb`` and ``stem.html``; return both paths."""
    import nbformat

    ipynb, page = Path(out_dir) / f"{stem}.ipynb", Path(out_dir) / f"{stem}.html"
    nb = static_widgets(copy.deepcopy(nb))  # widget model ids are random: a build keeps the static fallback
    nbformat.write(nb, ipynb)
    page.write_text(notebook_page(nb, stem), encoding="utf-8")
    return [ipynb, page]
