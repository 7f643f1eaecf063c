"""The registry of exhibits: every figure and table that a notebook shows.

An exhibit is a library function registered with :func:`exhibit` under a stable
id (``fig-…`` or ``tab-…``), captions in Chinese and English, the source ids and
data-row ids it uses, and the notebook that shows it. Notebooks call
:func:`show`; the report calls :func:`render` on every entry of
:func:`all_exhibits`. Each theme lives in its own module in this package
(``reported_figures``, ``growth``, …); :func:`all_exhibits` imports every module
here, so a new theme module appears everywhere without changes elsewhere.

A figure exhibit's function receives ``lang`` and returns a
:class:`matplotlib.figure.Figure`; :func:`render` adds the source line. A table
exhibit's function returns a :class:`pandas.DataFrame`; :func:`render` puts the
caption and source line in ``DataFrame.attrs``.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

LANGS = ("zh", "en")

REPORT_ENV = "YGX_REPORT_EXPORT"
"""Set only in the kernels of ``ygx-analysis report``: :func:`show` then hands what it
shows to the report's exporter, so each exhibit is built once (see ``report.export_shown_figure``)."""
KINDS = ("figure", "table")


@dataclass(frozen=True)
class Exhibit:
    """One registered figure or table."""

    id: str
    kind: str
    caption_zh: str
    caption_en: str
    notebook: str
    sources: tuple[str, ...]
    indicators: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    is_projection: bool = False
    func: Callable[..., Any] = field(repr=False, compare=False, default=lambda lang="zh": None)

    def caption(self, lang: str = "zh") -> str:
        """The caption in ``lang``."""
        check_lang(lang)
        return self.caption_zh if lang == "zh" else self.caption_en

    def to_record(self) -> dict[str, Any]:
        """A plain record for manifests and listings."""
        return {
            "id": self.id, "kind": self.kind, "caption_zh": self.caption_zh,
            "caption_en": self.caption_en, "notebook": self.notebook,
            "sources": list(self.sources), "indicators": list(self.indicators),
            "context": list(self.context), "is_projection": self.is_projection,
        }


_REGISTRY: dict[str, Exhibit] = {}


def tr(zh: str, en: str, lang: str) -> str:
    """The Chinese or the English text, by ``lang`` (checked).

    Examples
    --------
    >>> tr("孵化器", "incubators", "en")
    'incubators'
    """
    check_lang(lang)
    return zh if lang == "zh" else en


def pick(mapping: dict[str, tuple[str, str]], key: str, lang: str) -> str:
    """The ``lang`` label of ``key`` in a ``{key: (Chinese, English)}`` mapping."""
    zh, en = mapping[key]
    return tr(zh, en, lang)


def check_lang(lang: str) -> None:
    """Raise ``ValueError`` naming ``lang`` unless it is 'zh' or 'en'."""
    if lang not in LANGS:
        raise ValueError(f"lang: unknown language {lang!r}; expected 'zh' or 'en'")


def exhibit(id: str, *, kind: str, caption_zh: str, caption_en: str, notebook: str,
            sources: Sequence[str] = ("article",), indicators: Sequence[str] = (),
            context: Sequence[str] = (), is_projection: bool = False) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register the decorated function as an exhibit.

    Parameters
    ----------
    id : str
        Stable id, ``fig-…`` for figures and ``tab-…`` for tables.
    kind : {'figure', 'table'}
    caption_zh, caption_en : str
        Captions in both languages.
    notebook : str
        File name of the notebook that shows it, e.g. ``01_reported_figures.ipynb``.
    sources : sequence of str
        Source ids from ``data/sources.csv``.
    indicators, context : sequence of str
        Row ids from ``indicators.csv`` and ``context.csv`` that the exhibit uses.
    is_projection : bool
        True when the exhibit shows projected values.
    """
    if kind not in KINDS:
        raise ValueError(f"kind: unknown exhibit kind {kind!r}")
    prefix = "fig-" if kind == "figure" else "tab-"
    if not id.startswith(prefix):
        raise ValueError(f"id: exhibit id {id!r} of kind {kind!r} must start with {prefix!r}")

    def register(func: Callable[..., Any]) -> Callable[..., Any]:
        if id in _REGISTRY and _REGISTRY[id].func.__qualname__ != func.__qualname__:
            raise ValueError(f"id: exhibit {id!r} is registered twice")
        _REGISTRY[id] = Exhibit(id, kind, caption_zh, caption_en, notebook, tuple(sources),
                                tuple(indicators), tuple(context), is_projection, func)
        return func

    return register


def load_all() -> None:
    """Import every theme module in this package so that all exhibits register."""
    for module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
        importlib.import_module(f"{__name__}.{module}")


def all_exhibits() -> list[Exhibit]:
    """Every registered exhibit, sorted by notebook then id."""
    load_all()
    return sorted(_REGISTRY.values(), key=lambda e: (e.notebook, e.id))


def get(exhibit_id: str) -> Exhibit:
    """The exhibit with this id; ``KeyError`` naming the id if there is none."""
    load_all()
    try:
        return _REGISTRY[exhibit_id]
    except KeyError:
        raise KeyError(f"no exhibit with id {exhibit_id!r}") from None


def source_line(source_ids: Sequence[str], lang: str = "zh") -> str:
    """The line printed under a figure or table.

    Examples
    --------
    >>> source_line(["article"], "en")  # doctest: +ELLIPSIS
    'Source: 中国高新技术产业导报 (inferred), 2025, not confirmed, 益阳高新区如何在时代考卷上书写精彩答案; ygx_analysis 0.1.0...'
    """
    from .. import __version__
    from ..data import load_sources

    check_lang(lang)
    sources = load_sources().set_index("source_id")
    parts = []
    for sid in source_ids:
        if sid not in sources.index:
            raise KeyError(f"unknown source id {sid!r}")
        row = sources.loc[sid]
        publisher = row["publisher"] or ""
        if publisher and row["publisher_status"] == "inferred":
            publisher += " (inferred)" if lang == "en" else "（推断）"
        bits = [b for b in (publisher, row["date"], row["title"]) if b]
        parts.append(", ".join(bits))
    head = "资料来源 / Source: " if lang == "zh" else "Source: "
    return f"{head}{'; '.join(parts)}; ygx_analysis {__version__} [{', '.join(source_ids)}]"


def render(exhibit_id: str, lang: str = "zh") -> Any:
    """Draw a figure (with its source line) or build a table (caption and source in attrs)."""
    check_lang(lang)
    ex = get(exhibit_id)
    result = ex.func(lang=lang)
    line = source_line(ex.sources, lang)
    if ex.kind == "figure":
        from ..plotting import add_source_line

        add_source_line(result, line)
        return result
    if not isinstance(result, pd.DataFrame):
        raise TypeError(f"table exhibit {exhibit_id!r} did not return a DataFrame")
    result.attrs["caption"] = ex.caption(lang)
    result.attrs["source"] = line
    return result


class FigureImage:
    """A rendered figure for Jupyter: PNG for the eye, a stable one-line text for diffing.

    Displaying this instead of the Figure itself works under any matplotlib backend
    (no ``%matplotlib inline`` needed) and keeps notebook text outputs stable.
    """

    def __init__(self, fig: Any, label: str, dpi: int = 110):
        import io

        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
        self.png = buffer.getvalue()
        self.label = label
        self.width: int | None = None

    @classmethod
    def from_png(cls, png: bytes, label: str, width: int | None = None) -> FigureImage:
        """An image already drawn (such as the report's exported PNG), shown ``width`` pixels wide."""
        image = cls.__new__(cls)
        image.png, image.label, image.width = png, label, width
        return image

    def _repr_png_(self) -> Any:
        if self.width is None:
            return self.png
        return self.png, {"width": self.width}

    def __repr__(self) -> str:
        return f"[figure {self.label}]"


def show(exhibit_id: str, lang: str = "zh") -> None:
    """Display an exhibit in Jupyter: its caption, the figure or table, and its source.

    Inside a kernel of ``ygx-analysis report`` (see
    :func:`ygx_analysis.report.export_shown_figure`), a figure of the notebook being
    built is exported here, once, and its exported PNG is displayed; the text
    form stays ``[figure <id>]``. A table of that notebook is exported from the
    frame shown (:func:`ygx_analysis.report.export_shown_table`).
    """
    from IPython.display import Markdown, display

    ex = get(exhibit_id)
    in_report = bool(os.environ.get(REPORT_ENV))  # only a report kernel consults the report module
    image = None
    if ex.kind == "figure" and in_report:
        from ..report import export_shown_figure

        image = export_shown_figure(ex.id, lang)
    result = render(exhibit_id, lang) if image is None else None
    if ex.kind == "table" and in_report:
        from ..report import export_shown_table

        export_shown_table(ex.id, lang, result)
    display(Markdown(f"**{ex.id}** · {ex.caption(lang)}"))
    if ex.kind == "figure":
        display(image if image is not None else FigureImage(result, ex.id))
    else:
        display(result)
        display(Markdown(f"<small>{result.attrs['source']}</small>"))
