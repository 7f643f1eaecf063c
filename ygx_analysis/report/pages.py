"""The report's HTML pages: ``index.html`` from a jinja2 template, notebook pages from nbconvert.

``index.html`` is rendered from ``templates/index.html.j2`` (with ``report.css``)
shipped in this package. Each executed notebook becomes one standalone page with
nbconvert's :class:`~nbconvert.HTMLExporter` (the ``lab`` template, images embedded),
so the pages keep MathJax, hidden-cell tags, widget output and sanitising.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from .manifest import how_to_cite

__all__ = ["TEMPLATES", "index_html", "notebook_page", "write_notebook"]

TEMPLATES = Path(__file__).resolve().parent / "templates"
"""The folder of the page templates."""

_EXPORTERS = threading.local()


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
    if lang not in ("zh", "en"):
        raise ValueError(f"lang: unknown language {lang!r}; expected 'zh' or 'en'")
    figures = [dict(r, png=next(f["path"] for f in r["files"] if f["path"].endswith(".png")))
               for r in manifest["exhibits"] if r["kind"] == "figure"]
    tables = [r for r in manifest["exhibits"] if r["kind"] == "table"]
    example = figures[0] if figures else (tables[0] if tables else None)
    return _environment().get_template("index.html.j2").render(
        m=manifest, zh=lang == "zh", figures=figures, tables=tables,
        example=how_to_cite(example, manifest, lang) if example is not None else None)


def _exporter() -> Any:
    """nbconvert's HTML exporter (lab template, embedded images), one per thread."""
    exporter = getattr(_EXPORTERS, "exporter", None)
    if exporter is None:
        from nbconvert import HTMLExporter

        exporter = HTMLExporter(template_name="lab", embed_images=True)
        _EXPORTERS.exporter = exporter
    return exporter


def notebook_page(nb: Any, title: str) -> str:
    """An executed notebook as one standalone HTML page (nbconvert, lab template, images embedded)."""
    body, _ = _exporter().from_notebook_node(nb, resources={"metadata": {"name": title}})
    return body


def write_notebook(nb: Any, out_dir: Path, stem: str) -> list[Path]:
    """Write an executed notebook as ``stem.ipynb`` and ``stem.html``; return both paths."""
    import nbformat

    ipynb, page = Path(out_dir) / f"{stem}.ipynb", Path(out_dir) / f"{stem}.html"
    nbformat.write(nb, ipynb)
    page.write_text(notebook_page(nb, stem), encoding="utf-8")
    return [ipynb, page]
