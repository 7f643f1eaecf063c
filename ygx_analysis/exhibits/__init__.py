"""The registry of exhibits: every figure and table that a notebook shows.

An exhibit is a library function registered with :func:`exhibit` under a stable id (``fig-…`` or
``tab-…``), with its captions, source ids, data-row ids and notebook. Notebooks call :func:`show`; the
report calls :func:`render` on every entry of :func:`all_exhibits` and sees what notebooks show through
a hook (:func:`on_show`), so this package never imports the report. Each theme is a module of this
package; :func:`all_exhibits` imports them all, so a new theme module appears everywhere.

An exhibit's function receives ``lang`` and any keyword inputs given to :func:`render` or :func:`show`
(such as a model object; every exhibit also works with none). A figure exhibit returns a
:class:`matplotlib.figure.Figure`, to which :func:`render` adds the source line
(:mod:`ygx_analysis.data.citation`); a table exhibit returns a :class:`pandas.DataFrame`, with the
caption and source line put in ``DataFrame.attrs``.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..data.citation import source_line
from . import words

__all__ = ["KINDS", "LANGS", "Exhibit", "FigureImage", "ShowHook", "all_exhibits", "check_lang", "exhibit",
           "get", "load_all", "on_show", "render", "show", "source_line"]

LANGS = ("zh", "en")
KINDS = ("figure", "table")

ShowHook = Callable[["Exhibit", str, Any], Any]
"""A function ``hook(exhibit, lang, rendered)`` that :func:`show` calls (see :func:`on_show`)."""


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

    @property
    def data_inputs(self) -> tuple[str, ...]:
        """The files of ``data/`` this exhibit reads, sorted: ``sources.csv``, the tables it uses rows of, and
        its theme module's ``DATA_INPUTS`` (a cite line marks it ``+modified`` when one differs from the commit).

        Examples
        --------
        >>> get("tab-reported-figures").data_inputs
        ('indicators.csv', 'sources.csv')
        """
        import sys

        files = {"sources.csv"}
        if self.indicators:
            files.add("indicators.csv")
        if self.context:
            files.add("context.csv")
        module = sys.modules.get(getattr(self.func, "__module__", ""))
        files.update(getattr(module, "DATA_INPUTS", ()))
        return tuple(sorted(files))

    def to_record(self) -> dict[str, Any]:
        """A plain record for manifests and listings."""
        return {"id": self.id, "kind": self.kind, "caption_zh": self.caption_zh, "caption_en": self.caption_en,
                "notebook": self.notebook, "sources": list(self.sources), "indicators": list(self.indicators),
                "context": list(self.context), "is_projection": self.is_projection,
                "data_inputs": list(self.data_inputs)}


_REGISTRY: dict[str, Exhibit] = {}


def check_lang(lang: str) -> None:
    """Raise ``ValueError`` naming ``lang`` unless it is 'zh' or 'en'."""
    if lang not in LANGS:
        raise ValueError(f"lang: unknown language {lang!r}; expected 'zh' or 'en'")


def exhibit(id: str, *, kind: str, notebook: str, sources: Sequence[str] = ("article",),
            indicators: Sequence[str] = (), context: Sequence[str] = (),
            is_projection: bool = False) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register the decorated function as an exhibit.

    ``id`` is stable, ``fig-…`` for a figure and ``tab-…`` for a table (``kind``); the captions are read
    from the theme's metadata file, ``meta/<module>.yml`` under ``exhibits.<id>.caption`` (:mod:`.words`).
    ``notebook`` is the file name of the notebook that shows it, ``sources`` the source ids of
    ``data/sources.csv``, ``indicators`` and ``context`` the row ids of ``indicators.csv`` and
    ``context.csv`` it uses; ``is_projection`` is True when it shows projected values.
    """
    if kind not in KINDS:
        raise ValueError(f"kind: unknown exhibit kind {kind!r}")
    prefix = "fig-" if kind == "figure" else "tab-"
    if not id.startswith(prefix):
        raise ValueError(f"id: exhibit id {id!r} of kind {kind!r} must start with {prefix!r}")

    def register(func: Callable[..., Any]) -> Callable[..., Any]:
        if id in _REGISTRY and _REGISTRY[id].func.__qualname__ != func.__qualname__:
            raise ValueError(f"id: exhibit {id!r} is registered twice")
        theme = func.__module__.rsplit(".", 1)[-1]
        zh, en = (words.text(theme, f"exhibits.{id}.caption", lang) for lang in LANGS)
        _REGISTRY[id] = Exhibit(id, kind, zh, en, notebook, tuple(sources),
                                tuple(indicators), tuple(context), is_projection, func)
        return func

    return register


NOT_THEMES = frozenset({"style", "panels", "words"})  # modules of this package that hold no exhibit


def load_all() -> None:
    """Import every theme module in this package (all but :data:`NOT_THEMES`) so that all exhibits register."""
    for module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
        if module not in NOT_THEMES:
            importlib.import_module(f"{__name__}.{module}")


def all_exhibits() -> list[Exhibit]:
    """Every registered exhibit, sorted by notebook then id."""
    load_all()
    return sorted(_REGISTRY.values(), key=lambda e: (e.notebook, e.id))


def get(exhibit_id: str) -> Exhibit:
    """The exhibit with this id; ``KeyError`` naming the id if there is none."""
    load_all()
    if exhibit_id not in _REGISTRY:
        raise KeyError(f"no exhibit with id {exhibit_id!r}")
    return _REGISTRY[exhibit_id]


def render(exhibit_id: str, lang: str = "zh", *, stamp: str | None = None, with_source: bool = True,
           **inputs: Any) -> Any:
    """Draw a figure in the house style, with its source line, or build a table (caption and source in attrs).

    ``stamp`` names the build in the source line instead of ``ygx_analysis <version>``
    (:func:`~ygx_analysis.data.citation.source_line`); ``with_source=False`` draws a figure without it (for a
    page that prints the source line as text); ``inputs`` go to the exhibit function (such as a model).

    Examples
    --------
    >>> table = render("tab-reported-figures", "en")
    >>> table.attrs["source"].startswith("Source: ")
    True
    """
    check_lang(lang)
    ex = get(exhibit_id)
    line = source_line(ex.sources, lang, stamp=stamp)
    if ex.kind == "figure":
        from .style import add_source_line, house_style

        with house_style():
            result = ex.func(lang=lang, **inputs)
            if with_source:
                add_source_line(result, line)
        return result
    result = ex.func(lang=lang, **inputs)
    if not isinstance(result, pd.DataFrame):
        raise TypeError(f"table exhibit {exhibit_id!r} did not return a DataFrame")
    result.attrs["caption"] = ex.caption(lang)
    result.attrs["source"] = line
    return result


class FigureImage:
    """A rendered figure for Jupyter under any backend: PNG for the eye, a stable one-line text for diffing."""

    def __init__(self, fig: Any, label: str, dpi: int = 110):
        import io

        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
        self.png, self.label, self.width = buffer.getvalue(), label, None

    @classmethod
    def from_png(cls, png: bytes, label: str, width: int | None = None) -> FigureImage:
        """An image already drawn (such as the report's exported PNG), shown ``width`` pixels wide."""
        image = cls.__new__(cls)
        image.png, image.label, image.width = png, label, width
        return image

    def _repr_png_(self) -> Any:
        return self.png if self.width is None else (self.png, {"width": self.width})

    def __repr__(self) -> str:
        return f"[figure {self.label}]"


_HOOK: list[tuple[ShowHook, Callable[[Exhibit], str | None] | None]] = []  # on_show's hook (at most one), stamp


def on_show(hook: ShowHook | None, *, stamp: Callable[[Exhibit], str | None] | None = None) -> None:
    """Install ``hook(exhibit, lang, rendered)`` to be called by :func:`show`; None removes it.

    What the hook returns for a figure (such as a :class:`FigureImage` of an exported PNG) is
    displayed instead; ``stamp(exhibit)`` names the build in a figure's source line. ``ygx-analysis
    report`` installs a hook in each of its kernels to export what the notebook shows.

    Examples
    --------
    >>> on_show(lambda ex, lang, obj: None)
    >>> on_show(None)
    >>> on_show("export")
    Traceback (most recent call last):
    ...
    TypeError: hook: expected a callable or None, got str
    """
    if hook is not None and not callable(hook):
        raise TypeError(f"hook: expected a callable or None, got {type(hook).__name__}")
    _HOOK.clear()
    if hook is not None:
        _HOOK.append((hook, stamp))


def show(exhibit_id: str, lang: str = "zh", **inputs: Any) -> None:
    """Display an exhibit in Jupyter: its caption, the figure (or a hook's replacement) or whole table, its source.

    The source line names the package version only (commit, ``+modified`` and the data
    fingerprint go into exported files), so a notebook prints the same text on any checkout.
    """
    from IPython.display import Markdown, display

    ex = get(exhibit_id)
    hook, stamp = _HOOK[0] if _HOOK else (None, None)
    result = render(exhibit_id, lang, stamp=stamp(ex) if stamp is not None and ex.kind == "figure" else None,
                    **inputs)
    replacement = hook(ex, lang, result) if hook is not None else None
    display(Markdown(f"**{ex.id}** · {ex.caption(lang)}"))
    if ex.kind == "figure":
        display(replacement if replacement is not None else FigureImage(result, ex.id))
    else:
        with pd.option_context("display.max_colwidth", None):  # ids and texts are never cut with "..."
            display(result)
        display(Markdown(f"<small>{result.attrs['source']}</small>"))
