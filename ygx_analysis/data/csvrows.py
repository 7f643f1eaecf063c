"""The data rows of a CSV file of ``data/`` (read by :func:`~ygx_analysis.data.files.read_text`, parsed strictly).

The header holds each expected column once and no other; each row has as many fields as the header, one
line and fields within :data:`CSV_FIELD_MAX`. What the fields say is checked by :mod:`ygx_analysis.data.fields`.
"""

from __future__ import annotations

import csv
import io
import os
from collections import Counter
from collections.abc import Sequence

from .files import DataError, Problem, display_path, read_text, shown_field

__all__ = ["CSV_FIELD_MAX", "Rows", "read_csv_rows"]

CSV_FIELD_MAX = 131_072
"""Longest CSV field, in characters: the :mod:`csv` default, enforced here whatever another library sets."""

Rows = list[tuple[int, dict[str, str]]]
"""Data rows: the line number of each and its fields by column."""


def read_csv_rows(path: str | os.PathLike[str], columns: Sequence[str]) -> tuple[Rows, list[Problem]]:
    """The data rows of a UTF-8 CSV file with exactly ``columns`` (in any order), and its file-level problems.

    Rows are ``(line, {column: field})``, blank rows skipped; the problems are those of the file, its header
    or a row's shape (none for the field values).

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     p = Path(tmp, "t.csv")
    ...     _ = p.write_text("id,value\\na,1\\n\\nb,2,3\\n", encoding="utf-8")
    ...     rows, problems = read_csv_rows(p, ("id", "value"))
    >>> rows
    [(2, {'id': 'a', 'value': '1'})]
    >>> [f"{q.line}: {q.message}" for q in problems]
    ['4: row has 3 fields, header has 2']
    """
    shown = display_path(path)
    try:
        text = read_text(path, what="CSV")
    except DataError as exc:
        return [], exc.problems
    if not text.strip():
        return [], [Problem(shown, None, None, "file is empty")]
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [h.strip() for h in next(reader)]
    except csv.Error as exc:
        return [], [Problem(shown, 1, "header", f"malformed CSV: {exc}")]
    present = Counter(header)
    missing = [c for c in columns if c not in present]
    if missing:
        return [], [Problem(shown, 1, "header", f"missing column {name!r}") for name in missing]
    extra = [h for h in present if h not in columns]
    dupes = sorted(h for h, n in present.items() if n > 1)
    problems = [Problem(shown, 1, "header", f"{what} column {shown_field(names[0])}")
                for what, names in (("unknown", extra), ("duplicate", dupes)) if names]
    if problems:
        return [], problems
    rows: Rows = []
    line_start = reader.line_num + 1
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(Problem(shown, reader.line_num, None, f"malformed CSV: {exc}"))
            break
        line, line_start = line_start, reader.line_num + 1
        if not fields or all(not f.strip() for f in fields):
            continue
        if len(fields) != len(header):
            message = f"row has {len(fields)} fields, header has {len(header)}"
        elif reader.line_num != line:
            message = "a field spans several lines; keep each row on one line"
        elif max(map(len, fields)) > CSV_FIELD_MAX:
            message = f"malformed CSV: field larger than field limit ({CSV_FIELD_MAX})"
        else:
            rows.append((line, dict(zip(header, fields, strict=True))))
            continue
        problems.append(Problem(shown, line, None, message))
    if not rows and not problems:
        problems.append(Problem(shown, None, None, "no data rows"))
    return rows, problems
