"""One-build changes to the assumption files of a copy of the data folder: ``report --set FILE.KEY=VALUE``.

``ygx-analysis report --set savings.annual_saving=2`` (or ``--savings-config FILE``, ``--scenarios-config FILE``)
changes an assumption for one build: :func:`apply_overrides` edits the TOML files of the build's copy of the data
folder (:func:`~ygx_analysis.report.build.snapshot_data`), never the project's ``data/``. The cite lines of the
exhibits reading a changed file say ``+modified`` with the data fingerprint (:mod:`ygx_analysis.data.provenance`).

The text of an override
-----------------------
``FILE.KEY=VALUE``, where

* ``FILE`` is ``savings`` or ``scenarios`` (``data/savings.toml``, ``data/scenarios.toml``);
* ``VALUE`` is a TOML value (``2``, ``2.5``, ``true``, ``"end"``, ``[1, 2]``); a bare word that is not TOML
  (letters, digits, ``_`` and ``-``, such as ``mid``) is a string, so ``--set savings.timing=mid`` needs no quotes;
* ``KEY`` is a key path inside the file, with these shorthands:

  - ``savings.NAME=V`` sets ``assumptions.NAME.default``; ``savings.NAME.low=V`` and ``savings.NAME.high=V`` set
    the range. A value given as ``default``, ``low`` or ``high`` replaces ``default_row``, ``low_row`` or
    ``high_row`` (and the other way round). The full path ``savings.assumptions.NAME.default=V`` works too.
  - ``scenarios.SCENARIO.INDICATOR.KEY=V`` (e.g. ``scenarios.base.value_added.end_growth_pct=5``): a first part
    that is not a top-level table (:data:`SCENARIO_TABLES`, e.g. ``scenarios.model.vol_scale=2``) is a scenario
    name, looked up under ``[scenarios]``.
  - A key naming a table that holds ``default`` (such as ``model.vol_scale``) sets its ``default``.

Only keys that exist can be set (plus the row/value twins above); an unknown key is refused with the nearest
known keys. Arrays of tables (``[[targets]]``) cannot be set: give a whole file with ``--scenarios-config``.
Each changed key carries the TOML comment :data:`OVERRIDE_NOTE` (tomlkit keeps the files' comments and layout);
the changed files are checked by the project's own loaders, and a bad value is one line naming the override, the
file and the key::

    --set savings.discount_rate_pct=abc: savings.toml: assumptions.discount_rate_pct.default: must be a number …
"""

from __future__ import annotations

import difflib
import hashlib
import os
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomlkit

from ..scenarios.config import TOP_LEVEL_TABLES

__all__ = ["CONFIG_OPTIONS", "FILES", "OVERRIDE_NOTE", "SCENARIO_TABLES", "Override", "apply_for_build",
           "apply_overrides", "parse_override"]

FILES = {"savings": "savings.toml", "scenarios": "scenarios.toml"}
"""The ``FILE`` of ``FILE.KEY=VALUE`` → the TOML file of the data folder it changes."""

CONFIG_OPTIONS = {"savings.toml": "--savings-config", "scenarios.toml": "--scenarios-config"}
"""The command-line option that gives a whole replacement for each file (named in messages)."""

SCENARIO_TABLES = TOP_LEVEL_TABLES
"""Top-level tables of ``scenarios.toml`` (the schema's); any other first key part is a scenario name."""

OVERRIDE_NOTE = "--set for this build"
"""The TOML comment written after every changed key."""

_ENDS = ("default", "low", "high")
_WORD = re.compile(r"[A-Za-z0-9_-]+")
"""A bare word VALUE taken as a string, and every part of KEY."""


@dataclass(frozen=True)
class Override:
    """One ``FILE.KEY=VALUE`` change for one build: the file (``"savings.toml"`` or ``"scenarios.toml"``), the key
    path with shorthands resolved (``("assumptions", "annual_saving", "default")``), the TOML value, and the text
    as given (for messages and the manifest)."""

    file: str
    key: tuple[str, ...]
    value: Any
    text: str

    @property
    def label(self) -> str:
        """The override as the command line takes it: ``--set TEXT`` (escaped when not printable)."""
        return _label(self.text)


def _label(text: str) -> str:
    """``--set TEXT`` for messages: one line, the text quoted when it holds a newline or control character."""
    return f"--set {text if text.isprintable() else repr(text)}"


def _toml_value(raw: str, text: str) -> Any:
    """A VALUE read as TOML; a bare word that is not TOML is a string."""
    if "\n" in raw or "\r" in raw:
        raise ValueError(f"{_label(text)}: the value must be on one line")
    try:
        parsed = tomllib.loads("v = " + raw)
    except tomllib.TOMLDecodeError:
        if _WORD.fullmatch(raw):
            return raw
        raise ValueError(f"{_label(text)}: {raw!r} is not a TOML value; write text with spaces or symbols "
                         "as a TOML string, e.g. scenarios.meta.title_en='\"A title\"'") from None
    return parsed["v"]


def _nearest(given: str, known: Iterable[str], choices: Iterable[str] = ()) -> str:
    """``; nearest: …`` (difflib), or ``; expected one of …`` (``choices``) when nothing is near."""
    close = difflib.get_close_matches(given, sorted(set(known)), n=3, cutoff=0.5)
    if close:
        return f"; nearest: {', '.join(close)}"
    choices = list(choices)
    return f"; expected one of {', '.join(choices)}" if choices else ""


def _savings_key(parts: list[str], text: str) -> tuple[str, ...]:
    """The full key path of a ``savings`` override (shorthand ``NAME[.KEY]`` → ``assumptions.NAME.KEY``)."""
    from ..savings import NAMES

    if parts[0] == "meta":
        return tuple(parts)
    if parts[0] == "assumptions":
        parts = parts[1:]
        if not parts:
            raise ValueError(f"{_label(text)}: savings.assumptions: give an assumption, e.g. "
                             "savings.assumptions.annual_saving.default=2")
    name = parts[0]
    if name not in NAMES:
        raise ValueError(f"{_label(text)}: savings.toml: unknown assumption {name!r}"
                         f"{_nearest(name, [*NAMES, 'meta'], NAMES)}")
    if len(parts) > 2:
        raise ValueError(f"{_label(text)}: savings.toml: assumptions.{'.'.join(parts)}: too many parts; "
                         f"expected savings.{name}, savings.{name}.low or savings.{name}.high")
    return ("assumptions", name, parts[1] if len(parts) == 2 else "default")


def parse_override(text: str) -> Override:
    """Read ``FILE.KEY=VALUE`` (see the module docstring for the shorthands).

    Parameters
    ----------
    text : str
        E.g. ``"savings.annual_saving=2"``, ``"savings.timing=mid"``,
        ``"scenarios.base.value_added.end_growth_pct=5"``.

    Returns
    -------
    Override

    Raises
    ------
    ValueError
        One line starting ``--set TEXT:``: no ``=``, an unknown FILE, an odd key part, a value that is not TOML,
        or an unknown assumption (with the nearest names).

    Examples
    --------
    >>> o = parse_override("savings.annual_saving=2")
    >>> o.file, o.key, o.value, o.label
    ('savings.toml', ('assumptions', 'annual_saving', 'default'), 2, '--set savings.annual_saving=2')
    >>> parse_override("savings.wage_growth_pct.high=4.5").key
    ('assumptions', 'wage_growth_pct', 'high')
    >>> parse_override("savings.timing=mid").value
    'mid'
    >>> o = parse_override("scenarios.base.value_added.end_growth_pct=5")
    >>> o.file, o.key
    ('scenarios.toml', ('scenarios', 'base', 'value_added', 'end_growth_pct'))
    >>> parse_override("scenarios.model.vol_scale=2").key
    ('model', 'vol_scale')
    >>> parse_override("budget.x=1")
    Traceback (most recent call last):
    ...
    ValueError: --set budget.x=1: unknown file 'budget'; expected savings or scenarios (the TOML files of data/)
    >>> parse_override("savings.anual_saving=2")
    Traceback (most recent call last):
    ...
    ValueError: --set savings.anual_saving=2: savings.toml: unknown assumption 'anual_saving'; nearest: annual_saving
    """
    target, sep, raw = text.partition("=")
    if not sep:
        raise ValueError(f"{_label(text)}: expected FILE.KEY=VALUE, e.g. savings.annual_saving=2")
    file, *parts = target.strip().split(".")
    if file not in FILES:
        raise ValueError(f"{_label(text)}: unknown file {file!r}; expected {' or '.join(FILES)} "
                         "(the TOML files of data/)")
    if not parts:
        raise ValueError(f"{_label(text)}: give a key after {file}., e.g. savings.annual_saving=2")
    for part in parts:
        if not _WORD.fullmatch(part):
            raise ValueError(f"{_label(text)}: key part {part!r}: expected letters, digits, _ or -")
    value = _toml_value(raw.strip(), text)
    if file == "savings":
        key = _savings_key(parts, text)
    else:
        key = tuple(parts) if parts[0] in SCENARIO_TABLES else ("scenarios", *parts)
    return Override(file=FILES[file], key=key, value=value, text=text)


# ---------------------------------------------------------------------------
# applying to a copy of the data folder
# ---------------------------------------------------------------------------

def _twin(file: str, key: str) -> str | None:
    """The key a value replaces in ``savings.toml`` (``default`` for ``default_row``, and back), or None."""
    if file == FILES["savings"] and key in _ENDS:
        return f"{key}_row"
    return key[:-4] if file == FILES["savings"] and key.endswith("_row") and key[:-4] in _ENDS else None


def _set(doc: Any, override: Override) -> tuple[str, ...]:
    """Set ``override`` in a tomlkit document; return the key path set."""
    key = override.key
    table = doc
    for depth, part in enumerate(key[:-1]):
        child = table.get(part)
        _refuse_array(child, override, key[:depth + 1])
        if not isinstance(child, Mapping):
            _unknown(doc, override, key)
        table = child
    last = key[-1]
    current = table.get(last)
    if isinstance(current, Mapping) and ("default" in current or "default_row" in current):
        table, last, key = current, "default", (*key, "default")  # an assumption table: set its default
        current = table.get(last)
    twin = _twin(override.file, last)
    _refuse_array(current, override, key)
    if isinstance(current, Mapping):
        raise ValueError(f"{override.label}: {override.file}: {'.'.join(key)} is a table; set one of its keys: "
                         f"{', '.join('.'.join((*key, k)) for k in current)}")
    note = OVERRIDE_NOTE
    if last not in table:
        if twin is None or twin not in table:
            _unknown(doc, override, key)
        note += f" (was {twin} = {tomlkit.item(table[twin]).as_string()})"
        del table[twin]
    item = tomlkit.item(override.value)
    item.comment(note)
    item.trivia.comment_ws = "  "
    table[last] = item
    return key


def _refuse_array(value: Any, override: Override, key: tuple[str, ...]) -> None:
    """Refuse to set inside an array of tables (``[[targets]]``)."""
    if isinstance(value, list) and value and all(isinstance(v, Mapping) for v in value):
        raise ValueError(f"{override.label}: {override.file}: {'.'.join(key)} is an array of tables; it cannot "
                         f"be set with --set (give a whole file with {CONFIG_OPTIONS[override.file]})")


def _unknown(doc: Any, override: Override, key: tuple[str, ...]) -> None:
    """Refuse an unknown key, naming the nearest keys of the deepest table that exists."""
    table, depth = doc, 0
    while depth < len(key) - 1 and isinstance(table.get(key[depth]), Mapping):
        table, depth = table[key[depth]], depth + 1
    prefix = "".join(f"{part}." for part in key[:depth])
    if key[depth] in table:
        raise ValueError(f"{override.label}: {override.file}: {prefix}{key[depth]} is a value, not a table; "
                         f"set {prefix}{key[depth]} itself")
    close = difflib.get_close_matches(key[depth], [str(k) for k in table], n=3, cutoff=0.5)
    hint = ", ".join(prefix + k for k in (close or table))
    raise ValueError(f"{override.label}: {override.file}: unknown key {prefix}{key[depth]}; "
                     f"{'nearest' if close else 'expected one of'}: {hint}")


def _check_configs(configs: Mapping[str, str | os.PathLike[str]] | None) -> dict[str, Path]:
    checked = {}
    for name, path in (configs or {}).items():
        if name not in CONFIG_OPTIONS:
            raise ValueError(f"configs: unknown file {name!r}; expected {' or '.join(CONFIG_OPTIONS)}")
        if not str(os.fspath(path)).strip():
            raise ValueError(f"{CONFIG_OPTIONS[name]}: expected a file path, got {path!r}")
        checked[name] = Path(path)
    return checked


def _validate(folder: Path, file: str, who: list[str], keys: list[tuple[str, tuple[str, ...]]]) -> None:
    """Check ``folder/file`` with the project's loader; one line naming the change, the file and the key."""
    from ..data.files import DataError, display_path
    from ..savings import SavingsAssumptions
    from ..scenarios import load_scenarios

    path = folder / file
    shown = display_path(path)
    try:
        if file == FILES["savings"]:
            SavingsAssumptions.from_toml(None, folder)
        else:
            load_scenarios(None, folder)
    except DataError as exc:
        first = str(exc.problems[0]) if getattr(exc, "problems", None) else str(exc)
        where = f"{file}{first[len(shown):]}" if first.startswith(shown + ":") else first
        field = where.split(": ", 2)[1] if where.startswith(file + ": ") and where.count(": ") >= 2 else ""
        named = [label for label, key in keys if field and (
            field == ".".join(key) or field.startswith(".".join(key) + ".") or ".".join(key).startswith(field + "."))]
        raise ValueError(f"{', '.join(named or who)}: {where}") from None


def apply_overrides(data_dir: str | os.PathLike[str], overrides: Iterable[Override | str], *,
                    configs: Mapping[str, str | os.PathLike[str]] | None = None) -> list[str]:
    """Change the assumption files of ``data_dir`` (a copy of the data folder, never ``data/``) for one build.

    Parameters
    ----------
    data_dir : path-like
        The build's copy of the data folder; its files are rewritten.
    overrides : iterable of Override or str
        Applied in order (a later one wins); texts are read by :func:`parse_override`.
    configs : mapping, optional
        ``"savings.toml"`` / ``"scenarios.toml"`` → a whole replacement file (a regular file of at most 50 MB),
        copied in first.

    Returns
    -------
    list of str
        The texts of the overrides applied (for the manifest).

    Raises
    ------
    ValueError
        One line naming the override, the file and the key: an unknown key (with the nearest known keys), a value
        the project's loader refuses, or an unreadable file. The copy may be left half changed: the build discards it.

    Examples
    --------
    >>> import shutil, tempfile
    >>> from ygx_analysis.data.tables import default_data_dir
    >>> copy = Path(tempfile.mkdtemp()) / "data"
    >>> _ = shutil.copytree(default_data_dir(), copy)
    >>> apply_overrides(copy, ["savings.annual_saving=2", "savings.timing=mid"])
    ['savings.annual_saving=2', 'savings.timing=mid']
    >>> from ygx_analysis.savings import SavingsAssumptions
    >>> a = SavingsAssumptions.from_data(copy)
    >>> a.annual_saving, a.timing
    (2.0, 'mid')
    >>> apply_overrides(copy, ["savings.first_year=1999"])
    Traceback (most recent call last):
    ...
    ValueError: --set savings.first_year=1999: savings.toml: assumptions.first_year.default: must be 2024 ... got 1999
    """
    from ..data.files import DataError, check_folder, display_path, read_bytes, read_text, read_toml

    try:
        folder = check_folder(data_dir)
    except ValueError as exc:
        raise ValueError(f"data_dir: {exc}") from None
    parsed = [o if isinstance(o, Override) else parse_override(o) for o in overrides]
    who: dict[str, list[str]] = {}
    for name, path in _check_configs(configs).items():
        try:
            (folder / name).write_bytes(read_bytes(path, what="TOML"))
        except DataError as exc:
            raise ValueError(f"{CONFIG_OPTIONS[name]}: {exc}") from None
        who.setdefault(name, []).append(f"{CONFIG_OPTIONS[name]} {display_path(path)}")
    keys: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for file in dict.fromkeys(o.file for o in parsed):
        path = folder / file
        read_toml(path)  # a regular file, bounded in size and depth, valid TOML
        doc = tomlkit.parse(read_text(path, what="TOML"))
        for override in (o for o in parsed if o.file == file):
            keys.setdefault(file, []).append((override.label, _set(doc, override)))
            who.setdefault(file, []).append(override.label)
        path.write_bytes(tomlkit.dumps(doc).encode("utf-8"))
    for file in sorted(who):
        _validate(folder, file, who[file], keys.get(file, []))
    return [o.text for o in parsed]


def apply_for_build(data_dir: str | os.PathLike[str], overrides: Sequence[Override | str],
                    configs: Mapping[str, str | os.PathLike[str]] | None = None,
                    say: Callable[[str], None] = lambda line: None) -> dict[str, Any]:
    """Replace, then override (:func:`apply_overrides`), the assumption files of a build's data copy; the record.

    The sha256 of a replacement file is taken from the copy. ``say`` gets one line per replaced file and one for
    the overrides.

    Returns
    -------
    dict
        ``{"overrides": [text, ...], "configs": {file: {"file": name given, "sha256": hex}}}``.

    Examples
    --------
    >>> import pathlib, shutil, tempfile
    >>> from ygx_analysis.data.tables import default_data_dir
    >>> copy = pathlib.Path(tempfile.mkdtemp()) / "data"
    >>> _ = shutil.copytree(default_data_dir(), copy)
    >>> apply_for_build(copy, ["savings.timing=mid"], say=print)
    overrides savings.timing=mid (this build only)
    {'overrides': ['savings.timing=mid'], 'configs': {}}
    """
    record: dict[str, Any] = {"overrides": [], "configs": {}}
    if configs:
        apply_overrides(data_dir, [], configs=configs)
        for name in sorted(configs):
            digest = hashlib.sha256((Path(data_dir) / name).read_bytes()).hexdigest()
            record["configs"][name] = {"file": Path(configs[name]).name, "sha256": digest}
            say(f"config    {CONFIG_OPTIONS[name]} {Path(configs[name]).name} (sha256 {digest[:12]})")
    if overrides:
        record["overrides"] = apply_overrides(data_dir, overrides)
        say(f"overrides {', '.join(record['overrides'])} (this build only)")
    return record
