"""Check ``datapackage.json``, the Frictionless Data Package descriptor of a data folder.

:func:`check_descriptor` runs its own structural check (valid JSON, every data file
listed once as a resource, each resource path a regular file inside the folder, the
schema's field names equal to the CSV header), then, when asked for a deep check and
`frictionless <https://framework.frictionlessdata.io>`_ is importable (it is a test
dependency), validates every resource's data against its schema with it. Each
problem is one line naming the descriptor and the resource.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path, PurePosixPath
from typing import Any

from .files import DataError, Problem, display_path, read_text

__all__ = ["DESCRIPTOR", "FRICTIONLESS_MAX_PROBLEMS", "LISTED_FILES", "check_descriptor", "check_with_frictionless"]

DESCRIPTOR = "datapackage.json"
"""File name of the descriptor inside a data folder."""

LISTED_FILES = ("indicators.csv", "context.csv", "sources.csv", "scenarios.toml", "savings.toml")
"""Data files that the descriptor must list as resources (each one that the folder holds)."""

FRICTIONLESS_MAX_PROBLEMS = 20
"""Most frictionless errors reported, one line each; the rest are counted in one more line."""


def _resource_problems(data_dir: Path, shown: str, index: int, resource: Any) -> tuple[str | None, list[Problem]]:
    """The path a resource names (when usable) and the problems of that resource."""
    key = f"resources[{index}]"
    if not isinstance(resource, dict):
        return None, [Problem(shown, None, key, "must be an object")]
    name, path = resource.get("name"), resource.get("path")
    if not isinstance(name, str) or not name:
        return None, [Problem(shown, None, f"{key}.name", "must be a non-empty string")]
    key = f"resources.{name}" if name.isprintable() else key
    if not isinstance(path, str) or not path:
        return None, [Problem(shown, None, f"{key}.path", "must be a non-empty string (one file)")]
    pure = PurePosixPath(path)
    if "://" in path or pure.is_absolute() or ".." in pure.parts or "\\" in path:
        return None, [Problem(shown, None, f"{key}.path", f"{path[:80]!r} must be a file name inside the data folder")]
    try:
        text = read_text(data_dir / pure, what="CSV" if path.endswith(".csv") else "")
    except DataError as exc:
        return None, [Problem(shown, None, f"{key}.path", str(exc))]
    if not path.endswith(".csv"):
        return path, []
    schema = resource.get("schema")
    fields = schema.get("fields") if isinstance(schema, dict) else None
    if not isinstance(fields, list) or not all(isinstance(f, dict) for f in fields):
        return path, [Problem(shown, None, f"{key}.schema", "must be an inline object with a list of fields")]
    names = [f.get("name") for f in fields]
    try:
        header = [h.strip() for h in next(csv.reader(io.StringIO(text, newline="")), [])]
    except csv.Error:
        header = []  # the CSV check reports the malformed header
    if not header or names == header:
        return path, []
    differ = next((i for i, (a, b) in enumerate(zip(names, header, strict=False)) if a != b),
                  min(len(names), len(header)))
    return path, [Problem(shown, None, f"{key}.schema.fields",
                          f"names differ from the header of {path} at column {differ + 1} ({len(names)} fields, "
                          f"{len(header)} columns); regenerate the descriptor with tools/make_datapackage.py")]


def last_row_number(path: Path) -> int:
    """The number (header = 1) of a CSV file's last row that holds a value; blank lines after it are not rows.

    Examples
    --------
    >>> import tempfile
    >>> f = Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = f.write_text('id,note\\na,"two\\nlines"\\n\\n\\n', encoding="utf-8")
    >>> last_row_number(f)
    2
    """
    import csv

    with path.open(encoding="utf-8-sig", newline="") as fh:
        return max((i for i, row in enumerate(csv.reader(fh), start=1) if any(cell.strip() for cell in row)),
                   default=0)


def _after_last_row(path: Path, err: object) -> bool:
    """True for frictionless's blank-row and primary-key errors on the blank lines an editor leaves at the end."""
    row = getattr(err, "row_number", None)
    return (row is not None and getattr(err, "type", "") in ("blank-row", "primary-key") and path.is_file()
            and row > last_row_number(path))


def check_with_frictionless(data_dir: str | os.PathLike[str]) -> list[Problem]:
    """Errors frictionless finds in the data against the descriptor's schemas; empty when it is not installed.

    Only for a folder whose descriptor passed :func:`check_descriptor` (which reads every listed file safely
    first). Each problem names the data file, the row (the header is row 1) and the field.

    Examples
    --------
    >>> from ygx_analysis.data.tables import default_data_dir
    >>> check_with_frictionless(default_data_dir())
    []
    """
    descriptor = Path(data_dir) / DESCRIPTOR
    shown = display_path(descriptor)
    try:
        from frictionless import FrictionlessException, Package
    except ImportError:
        return []
    try:
        report = Package(str(descriptor)).validate()
    except FrictionlessException as exc:
        return [Problem(shown, None, None, f"frictionless: {exc.error.message}")]
    found = [(display_path(Path(data_dir) / task.place), err) for task in report.tasks
             for err in task.errors if not _after_last_row(Path(data_dir) / task.place, err)]
    found += [(shown, err) for err in report.errors]
    problems = [Problem(where, getattr(err, "row_number", None), getattr(err, "field_name", None),
                        f"frictionless: {err.title.lower()}: {' '.join(str(err.note).split())}")
                for where, err in found[:FRICTIONLESS_MAX_PROBLEMS]]
    if len(found) > FRICTIONLESS_MAX_PROBLEMS:
        problems.append(Problem(shown, None, None,
                                f"frictionless: {len(found) - FRICTIONLESS_MAX_PROBLEMS} more errors not shown"))
    return problems


def check_descriptor(data_dir: str | os.PathLike[str], *, deep: bool = True) -> tuple[int, list[Problem]]:
    """The number of resources listed (0 when unreadable) and the problems of a folder's ``datapackage.json``.

    ``deep``: when the structural check found nothing, also :func:`check_with_frictionless`.

    Examples
    --------
    >>> from ygx_analysis.data.tables import default_data_dir
    >>> n_resources, problems = check_descriptor(default_data_dir(), deep=False)
    >>> n_resources >= 4, problems
    (True, [])
    """
    folder = Path(data_dir)
    descriptor = folder / DESCRIPTOR
    shown = display_path(descriptor)
    try:
        doc = json.loads(read_text(descriptor, what="JSON"))
    except DataError as exc:
        return 0, exc.problems
    except json.JSONDecodeError as exc:
        return 0, [Problem(shown, exc.lineno, None, f"invalid JSON: {exc.msg} (column {exc.colno})")]
    except RecursionError:
        return 0, [Problem(shown, None, None, "invalid JSON: nested too deeply to read")]
    if not isinstance(doc, dict):
        return 0, [Problem(shown, None, None, "must be a JSON object")]
    resources = doc.get("resources")
    if not isinstance(resources, list) or not resources:
        return 0, [Problem(shown, None, "resources", "must be a non-empty list")]
    problems: list[Problem] = []
    listed: dict[str, int] = {}
    for index, resource in enumerate(resources):
        path, found = _resource_problems(folder, shown, index, resource)
        problems += found
        if path is not None and path in listed:
            problems.append(Problem(shown, None, f"resources[{index}].path",
                                    f"{path!r} is listed twice (first at resources[{listed[path]}])"))
        elif path is not None:
            listed[path] = index
    problems += [Problem(shown, None, "resources", f"{name} is not listed; regenerate the descriptor with "
                                                   "tools/make_datapackage.py")
                 for name in LISTED_FILES if name not in listed and (folder / name).exists()]
    if deep and not problems:
        problems += check_with_frictionless(folder)
    return len(resources), problems
