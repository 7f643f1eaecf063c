"""Words as data: captions, labels, column headers, notes and sentence templates.

Every word an exhibit, a panel or the command line shows lives in a metadata file
``ygx_analysis/exhibits/meta/<theme>.yml``, one per theme (as OWID's ``.meta.yml``). A leaf is a pair
``{zh: …, en: …}``; any other mapping groups leaves under a key. A translator edits the YAML and no Python.
A *template* is a leaf with named :meth:`str.format` placeholders (``"{rate:.1f}%"``); :func:`fill` fills
it and refuses a placeholder not given or a value no placeholder asks for.

Examples
--------
>>> text("common", "lang_name", "en")
'English'
>>> fill("common", "range", "zh", low=1.2, high=3.4, digits=1)
'1.2–3.4'
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["META_DIR", "MetaError", "fill", "group", "leaves", "load", "placeholders", "text", "themes"]

META_DIR = Path(__file__).resolve().parent / "meta"
LANGS = ("zh", "en")


class MetaError(KeyError):
    """A label, group or template that the metadata files do not hold, named with its file and key."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


def themes() -> list[str]:
    """The themes that have a metadata file, sorted."""
    return sorted(p.stem for p in META_DIR.glob("*.yml"))


@lru_cache(maxsize=None)
def load(theme: str) -> Mapping[str, Any]:
    """The parsed metadata file of ``theme`` (read once per process)."""
    import yaml

    path = META_DIR / f"{theme}.yml"
    if not path.is_file():
        raise MetaError(f"{path.name}: no metadata file for theme {theme!r}")
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    if not isinstance(data, dict):
        raise MetaError(f"{path.name}: expected a mapping at the top level")
    return data


def _is_leaf(node: Any) -> bool:
    return isinstance(node, dict) and set(node) == set(LANGS)


def _node(theme: str, key: str) -> Any:
    node: Any = load(theme)
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            raise MetaError(f"meta/{theme}.yml: no key {key!r}")
        node = node[part]
    return node


def _check(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"lang: unknown language {lang!r}; expected 'zh' or 'en'")


def text(theme: str, key: str, lang: str) -> str:
    """The ``lang`` text of the leaf at dotted ``key`` in the theme's file.

    Examples
    --------
    >>> text("common", "lang_name", "zh")
    '中文'
    """
    _check(lang)
    node = _node(theme, key)
    if not _is_leaf(node):
        raise MetaError(f"meta/{theme}.yml: {key!r} is a group, not a label with zh and en")
    return str(node[lang])


def group(theme: str, key: str, lang: str) -> dict[str, str]:
    """Every leaf directly under ``key`` as ``{name: text}``, in the file's order.

    Examples
    --------
    >>> group("common", "status", "en")["final"]
    'final'
    """
    _check(lang)
    node = _node(theme, key)
    if not isinstance(node, dict) or _is_leaf(node):
        raise MetaError(f"meta/{theme}.yml: {key!r} is not a group of labels")
    out = {}
    for name, leaf in node.items():
        if not _is_leaf(leaf):
            raise MetaError(f"meta/{theme}.yml: {key}.{name} is not a label with zh and en")
        out[str(name)] = str(leaf[lang])
    return out


def placeholders(template: str) -> set[str]:
    """The names of the placeholders of a template.

    Examples
    --------
    >>> sorted(placeholders("{a:.{digits}f} and {b}"))
    ['a', 'b', 'digits']
    """
    names: set[str] = set()
    for _, name, spec, _ in string.Formatter().parse(template):
        if name:
            names.add(name.split(".")[0].split("[")[0])
        if spec:
            names |= placeholders(spec)
    return names


def fill(theme: str, key: str, lang: str, /, **values: Any) -> str:
    """The template at ``key`` in ``lang``, filled from ``values``.

    Raises :class:`MetaError` naming the file and key when a placeholder has no
    value or a value has no placeholder, so a sentence never prints ``{rate}`` and
    a number never silently drops out of it.
    """
    template = text(theme, key, lang)
    wanted = placeholders(template)
    if wanted != set(values):
        missing, extra = sorted(wanted - set(values)), sorted(set(values) - wanted)
        raise MetaError(f"meta/{theme}.yml: {key} ({lang}): missing values {missing}, unused values {extra}")
    return template.format(**values)


def leaves(theme: str) -> list[tuple[str, dict[str, Any]]]:
    """Every leaf of the theme's file as ``(dotted key, {zh, en})``; for the completeness test."""
    out: list[tuple[str, dict[str, Any]]] = []

    def walk(node: Any, prefix: str) -> None:
        if _is_leaf(node):
            out.append((prefix, node))
        elif isinstance(node, dict):
            for k, v in node.items():
                walk(v, f"{prefix}.{k}" if prefix else str(k))
        else:
            out.append((prefix, {"zh": node, "en": None}))  # a bare value: the test reports it

    walk(load(theme), "")
    return out
