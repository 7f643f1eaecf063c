"""Executed notebooks as HTML pages: every cell and output, escaped, balanced, in order."""

from __future__ import annotations

import base64
from html.parser import HTMLParser

import nbformat
import pytest

from ygx_analysis.notebook_html import cell_html, notebook_page, output_html, slug

VOID = {"meta", "img", "br", "hr", "link", "input", "col", "source", "wbr"}
PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n-not-a-real-image").decode("ascii")


class Balance(HTMLParser):
    """Fails on a closing tag that does not match the open one; records images and headings."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.images: list[dict[str, str | None]] = []
        self.ids: list[str | None] = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.images.append(dict(attrs))
        if tag in ("h1", "h2", "h3"):
            self.ids.append(dict(attrs).get("id"))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):  # <img ... /> is a void element too
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-5:])
        self.stack.pop()


def parse(page: str) -> Balance:
    parser = Balance()
    parser.feed(page)
    parser.close()
    assert parser.stack == []
    return parser


def sample_notebook():
    out = nbformat.v4.new_output
    cells = [
        nbformat.v4.new_markdown_cell("# 01 · 原文数字 / Figures\n\nA **bold** <small>note</small> with `code`.\n\n"
                                      "| a | b |\n|---|---|\n| 1 | 2 |\n\n![logo](attachment:logo.png)",
                                      attachments={"logo.png": {"image/png": PNG}}),
        nbformat.v4.new_code_cell("x = '<tag>' & 1\nprint(x)", execution_count=3, outputs=[
            out("stream", name="stdout", text="<tag> & done\n"),
            out("stream", name="stderr", text="a warning\n"),
            out("execute_result", {"text/plain": "'<tag>'", "text/html": "<b>raw html</b>"}, execution_count=3),
            out("display_data", {"image/png": PNG, "text/plain": "[figure fig-x]"},
                metadata={"image/png": {"width": 440}}),
            out("display_data", {"text/markdown": "**fig-x** · 标题", "text/plain": "<Markdown>"}),
            out("display_data", {"application/json": {"b": 1, "a": "中"}}),
            out("display_data", {"application/x-unknown": "?"}),
            out("error", ename="ValueError", evalue="bad", traceback=["\x1b[31mValueError\x1b[0m: bad"]),
        ]),
        nbformat.v4.new_code_cell("not run"),
        nbformat.v4.new_raw_cell("<p id='raw-html'>kept</p>", metadata={"raw_mimetype": "text/html"}),
        nbformat.v4.new_raw_cell("\\LaTeX only", metadata={"raw_mimetype": "text/latex"}),
    ]
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


def test_every_cell_and_output_is_on_the_page_escaped_and_balanced():
    page = notebook_page(sample_notebook(), "01_reported_figures", lang="en")
    parsed = parse(page)
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page
    assert "<title>01_reported_figures</title>" in page
    assert parsed.ids == ["01-原文数字-figures"]
    assert "<strong>bold</strong> <small>note</small> with <code>code</code>" in page
    assert "<td>1</td>" in page
    # the attachment and the PNG output are embedded; the output keeps its display width and text form
    assert parsed.images == [{"src": f"data:image/png;base64,{PNG}", "alt": "logo"},
                             {"src": f"data:image/png;base64,{PNG}", "alt": "[figure fig-x]", "width": "440"}]
    assert "&lt;tag&gt; &amp; done" in page and '<pre class="stderr">a warning' in page
    assert "<b>raw html</b>" in page and "<pre>'&lt;tag&gt;'</pre>" not in page  # HTML preferred to plain text
    assert '<div class="prompt">In [3]:</div>' in page and '<div class="prompt">Out[3]:</div>' in page
    assert "<p><strong>fig-x</strong> · 标题</p>" in page
    assert '"a": "中"' in page
    assert '<pre class="error">ValueError: bad</pre>' in page  # colour codes removed
    assert '<div class="prompt">In [ ]:</div>' in page  # a cell never run
    assert "<p id='raw-html'>kept</p>" in page and "LaTeX only" not in page
    assert "application/x-unknown" not in page


def test_code_is_highlighted_and_its_text_kept():
    html_code = cell_html(nbformat.v4.new_code_cell("total = 62.08  # 亿元"))
    assert '<span class="mf">62.08</span>' in html_code and "# 亿元" in html_code


@pytest.mark.parametrize(("heading", "expected"), [("财政 / Revenue", "财政-revenue"),
                                                    ("Step 2: the <em>rest</em>", "step-2-the-rest")])
def test_heading_ids(heading, expected):
    assert slug(heading) == expected


def test_same_notebook_same_page():
    assert notebook_page(sample_notebook(), "t") == notebook_page(sample_notebook(), "t")


def test_unknown_output_types_give_nothing():
    assert output_html({"output_type": "update_display_data", "data": {"text/plain": "x"}}) == ""
