"""An executed notebook as one standalone HTML page.

The report turns every executed notebook into a page a reader can open without
Jupyter. The page shows each cell in order: markdown rendered with mistune (the
renderer nbconvert uses), code highlighted with Pygments, and each output in
the richest form a browser shows (HTML, SVG, PNG/JPEG, markdown, then plain
text), with ``In [n]:``/``Out[n]:`` prompts. Images stay embedded (base64), so
the page is one file. The same notebook gives the same bytes.

Examples
--------
>>> import nbformat
>>> nb = nbformat.v4.new_notebook(cells=[
...     nbformat.v4.new_markdown_cell("## 财政 / Revenue"),
...     nbformat.v4.new_code_cell("x = 1 < 2\\nx", execution_count=1,
...                               outputs=[nbformat.v4.new_output("execute_result", {"text/plain": "True"},
...                                                               execution_count=1)])])
>>> page = notebook_page(nb, "demo")
>>> '<h2 id="财政-revenue">财政 / Revenue</h2>' in page, "x = 1 &lt; 2" in _TAGS.sub("", page)
(True, True)
>>> '<div class="prompt">Out[1]:</div>' in page, "<pre>True</pre>" in page
(True, True)
"""

from __future__ import annotations

import base64
import html
import json
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

MIME_ORDER = ("text/html", "image/svg+xml", "image/png", "image/jpeg", "text/markdown", "text/latex",
              "application/json", "text/plain")
"""Output forms in the order the page prefers them (the first one an output has is shown)."""

_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
_TAGS = re.compile(r"<[^>]+>")

CSS = """
body { margin: 0; background: #fff; color: #1a1a1a;
  font: 15px/1.55 -apple-system, "Segoe UI", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 16px 64px; }
.cell { margin: 10px 0; }
.row { display: flex; align-items: flex-start; }
.prompt { flex: 0 0 72px; color: #888; font: 12px/1.8 ui-monospace, Menlo, Consolas, monospace;
  text-align: right; padding-right: 8px; }
.body { flex: 1 1 auto; min-width: 0; overflow-x: auto; }
.input .body { background: #f6f8fa; border: 1px solid #e1e4e8; border-radius: 3px; }
pre { margin: 0; padding: 6px 10px; font: 13px/1.45 ui-monospace, Menlo, Consolas, monospace;
  white-space: pre-wrap; word-break: break-word; }
.output .body > p:first-child { margin-top: 4px; }
pre.stderr { background: #fff5f5; }
pre.error { background: #fdecea; color: #7a1c1c; }
img { max-width: 100%; height: auto; }
table { border-collapse: collapse; margin: 6px 0; font-size: 13px; }
th, td { border-bottom: 1px solid #e1e4e8; padding: 4px 8px; text-align: right; vertical-align: top; }
thead th { border-bottom: 1px solid #888; }
tbody tr:nth-child(odd) { background: #f8f8f8; }
.markdown table th, .markdown table td { text-align: left; }
code { font: 0.92em ui-monospace, Menlo, Consolas, monospace; background: #f3f3f3; padding: 0 3px; }
pre code { background: none; padding: 0; }
h1, h2, h3 { line-height: 1.3; }
"""


@lru_cache(maxsize=1)
def _markdown_renderer() -> Any:
    import mistune

    class Renderer(mistune.HTMLRenderer):
        def heading(self, text: str, level: int, **attrs: Any) -> str:
            return f'<h{level} id="{html.escape(slug(text))}">{text}</h{level}>\n'

    return mistune.create_markdown(renderer=Renderer(escape=False), plugins=["table", "strikethrough"])


def slug(text: str) -> str:
    """The anchor id of a heading: its text without tags, lower case, spaces and slashes as dashes.

    Examples
    --------
    >>> slug("<code>01</code> 财政 / Revenue, 2024")
    '01-财政-revenue-2024'
    """
    plain = html.unescape(_TAGS.sub("", text)).strip().lower()
    return re.sub(r"[\s/]+", "-", re.sub(r"[^\w\s/-]", "", plain)).strip("-")


def markdown_html(text: str, attachments: Mapping[str, Any] | None = None) -> str:
    """Markdown (with raw HTML and tables) as HTML; ``attachment:`` images become embedded data.

    Examples
    --------
    >>> markdown_html("**超** 200 `家`").strip()
    '<p><strong>超</strong> 200 <code>家</code></p>'
    """
    if attachments:
        for name, bundle in attachments.items():
            mime = next((m for m in ("image/png", "image/jpeg", "image/gif", "image/svg+xml") if m in bundle), None)
            if mime is not None:
                data = _joined(bundle[mime])
                if mime == "image/svg+xml":
                    data = base64.b64encode(data.encode("utf-8")).decode("ascii")
                text = text.replace(f"attachment:{name}", f"data:{mime};base64,{data.strip()}")
    return _markdown_renderer()(text)


@lru_cache(maxsize=1)
def _python_highlighter() -> Any:
    from pygments.formatters.html import HtmlFormatter
    from pygments.lexers.python import PythonLexer

    return PythonLexer(), HtmlFormatter(nowrap=True)


def code_html(source: str, language: str = "python") -> str:
    """A code cell's source as a ``<pre>`` block, highlighted when it is Python.

    Examples
    --------
    >>> code_html("a < b", language="r")
    '<pre class="highlight">a &lt; b</pre>'
    """
    if language.lower().startswith("python"):
        from pygments import highlight

        lexer, formatter = _python_highlighter()
        body = highlight(source, lexer, formatter).rstrip("\n")
    else:
        body = html.escape(source)
    return f'<pre class="highlight">{body}</pre>'


def _joined(value: Any) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def _plain(text: str, css: str = "") -> str:
    klass = f' class="{css}"' if css else ""
    return f"<pre{klass}>{html.escape(_ANSI.sub('', text), quote=False)}</pre>"


def output_html(output: Mapping[str, Any]) -> str:
    """One cell output as HTML (without its prompt)."""
    kind = output.get("output_type")
    if kind == "stream":
        name = output.get("name", "stdout")
        return _plain(_joined(output.get("text", "")), name if name in ("stdout", "stderr") else "stdout")
    if kind == "error":
        trace = "\n".join(output.get("traceback") or [f"{output.get('ename', '')}: {output.get('evalue', '')}"])
        return _plain(trace, "error")
    if kind not in ("display_data", "execute_result"):
        return ""
    data = output.get("data", {})
    mime = next((m for m in MIME_ORDER if m in data), None)
    if mime is None:
        return ""
    value = data[mime]
    meta = output.get("metadata", {}).get(mime, {}) if isinstance(output.get("metadata"), Mapping) else {}
    if mime in ("text/html", "image/svg+xml"):
        return _joined(value)
    if mime in ("image/png", "image/jpeg"):
        size = "".join(f' {k}="{int(meta[k])}"' for k in ("width", "height") if isinstance(meta.get(k), (int, float)))
        alt = html.escape(_joined(data.get("text/plain", "")), quote=True)
        return f'<img src="data:{mime};base64,{_joined(value).strip()}" alt="{alt}"{size}>'
    if mime == "text/markdown":
        return markdown_html(_joined(value))
    if mime == "application/json":
        return _plain(json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True))
    return _plain(_joined(value))


def _row(prompt: str, body: str, kind: str) -> str:
    return f'<div class="row {kind}"><div class="prompt">{prompt}</div><div class="body">{body}</div></div>'


def cell_html(cell: Mapping[str, Any], language: str = "python") -> str:
    """One cell (markdown, code with its outputs, or raw) as HTML."""
    source = _joined(cell.get("source", ""))
    kind = cell.get("cell_type")
    if kind == "markdown":
        return f'<div class="cell markdown">{_row("", markdown_html(source, cell.get("attachments")), "text")}</div>'
    if kind == "raw":
        mime = cell.get("metadata", {}).get("raw_mimetype") or cell.get("metadata", {}).get("format", "")
        return f'<div class="cell raw">{source}</div>' if mime in ("text/html", "html") else ""
    if kind != "code":
        return ""
    count = cell.get("execution_count")
    number = str(count) if count is not None else " "
    parts = [_row(f"In [{number}]:", code_html(source, language), "input")]
    for output in cell.get("outputs", []):
        body = output_html(output)
        if not body:
            continue
        prompt = f"Out[{output.get('execution_count') or number}]:" if output.get("output_type") == "execute_result" else ""
        parts.append(_row(prompt, body, "output"))
    return f'<div class="cell code">{"".join(parts)}</div>'


def notebook_page(nb: Mapping[str, Any], title: str, lang: str = "zh") -> str:
    """A whole notebook as a standalone HTML page titled ``title``; ``lang`` is the page's language."""
    from pygments.formatters.html import HtmlFormatter

    meta = nb.get("metadata", {})
    language = (meta.get("language_info", {}).get("name") or meta.get("kernelspec", {}).get("language")
                or "python")
    page_lang = {"zh": "zh-Hans", "en": "en"}.get(lang, lang)
    cells = "\n".join(c for c in (cell_html(cell, language) for cell in nb.get("cells", [])) if c)
    style = CSS + HtmlFormatter(style="default").get_style_defs(".highlight")
    return ("<!DOCTYPE html>\n"
            f'<html lang="{html.escape(page_lang)}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(title)}</title>\n<style>{style}</style>\n</head>\n"
            f'<body>\n<main class="notebook">\n{cells}\n</main>\n</body>\n</html>\n')
