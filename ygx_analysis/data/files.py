"""Read an input file safely: regular files only, bounded in size, TOML bounded in depth.

Every input the package reads (the CSV files, ``datapackage.json`` and the TOML
files of ``data/``, or a file given on the command line) goes through
:func:`read_bytes`. It opens the path without blocking (``O_NONBLOCK``) and looks
at the opened file before reading a byte, so a FIFO cannot hang a command and
``/dev/zero`` cannot fill the memory. Every refusal is a :class:`DataError`
whose message is one line naming the path::

    data/context.csv: file is 61.2 MB, over the 50 MB limit
    data/scenarios.toml: is a FIFO (named pipe), not a regular file
    data/indicators.csv: symbolic link loop; point the link at a real file
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["MAX_INPUT_BYTES", "MAX_TOML_DEPTH", "SOURCE_DATE_EPOCH_ENV", "SOURCE_DATE_EPOCH_MAX",
           "SOURCE_DATE_EPOCH_MIN", "DataError", "Problem", "check_folder", "display_path", "read_bytes",
           "read_text", "read_toml", "shown_field", "source_date_epoch", "toml_nesting_depth"]

MAX_INPUT_BYTES = 50_000_000
"""Largest input file read (50 MB, decimal megabytes): every ``data/*.csv``, JSON and TOML file."""

MAX_TOML_DEPTH = 20
"""Deepest nesting allowed in a TOML file: tables, arrays and inline tables counted together."""

SOURCE_DATE_EPOCH_ENV = "SOURCE_DATE_EPOCH"
"""Environment variable of reproducible builds: the build time as integer seconds since 1970."""

SOURCE_DATE_EPOCH_MIN = 315_532_800
"""1980-01-01T00:00:00Z, the earliest time a ZIP archive (XLSX) can store."""

SOURCE_DATE_EPOCH_MAX = 4_354_819_199
"""2107-12-31T23:59:59Z, the latest time a ZIP archive (XLSX) can store."""


@dataclass(frozen=True)
class Problem:
    """One problem in an input: where it is and what is wrong.

    Examples
    --------
    >>> str(Problem("data/indicators.csv", 17, "unit", "unknown unit 'furlongs'"))
    "data/indicators.csv:17: unit: unknown unit 'furlongs'"
    >>> str(Problem("data/context.csv", None, None, "file not found"))
    'data/context.csv: file not found'
    """

    path: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class DataError(ValueError):
    """A problem in an input file, printed as one line: ``file:line: field: message``.

    Attributes
    ----------
    problems : list of Problem
        Every problem found in the file; the message shows the first.

    Examples
    --------
    >>> err = DataError([Problem("data/sources.csv", 3, "kind", "unknown kind 'blog'")])
    >>> str(err)
    "data/sources.csv:3: kind: unknown kind 'blog'"
    """

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        super().__init__(str(self.problems[0]))


def display_path(path: str | os.PathLike[str]) -> str:
    """A path as the user would type it: relative to the working folder when inside it.

    Characters that would break the one-line message (a newline, a byte that is not
    UTF-8) are shown escaped.

    Examples
    --------
    >>> display_path("/no/such/folder/data.csv")
    '/no/such/folder/data.csv'
    >>> display_path("/tmp/a\\nb.csv")
    '/tmp/a\\\\nb.csv'
    """
    p = Path(path)
    try:
        text = str(p.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):
        text = str(p)
    return text if text.isprintable() else repr(text)[1:-1]


def shown_field(text: str) -> str:
    """``repr(text)``, cut to 40 characters so that a message stays one short line.

    Examples
    --------
    >>> shown_field("furlongs"), shown_field("x" * 50)[-4:]
    ("'furlongs'", "xx'…")
    """
    return repr(text) if len(text) <= 40 else repr(text[:40]) + "…"


def format_size(n_bytes: int) -> str:
    """A file size for a message: decimal megabytes from 100 kB up (``61.2 MB``, ``50 MB``), else bytes."""
    if n_bytes < 100_000:
        return f"{n_bytes} bytes"
    return f"{n_bytes / 1e6:.1f}".removesuffix(".0") + " MB"


_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
               | getattr(os, "O_CLOEXEC", 0))

_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"))


def _os_reason(exc: OSError, what: str) -> str:
    """What an ``OSError`` from opening or listing a path means for the user."""
    reasons = {errno.ENOENT: f"{what} not found", errno.ELOOP: f"symbolic link loop; point the link at a real {what}",
               errno.ENOTDIR: "not found: a part of the path is not a folder", errno.EACCES: "permission denied",
               errno.EPERM: "permission denied", errno.ENAMETOOLONG: "path is too long",
               errno.ENXIO: "is a socket or a device, not a regular file"}
    return reasons.get(exc.errno, exc.strerror or type(exc).__name__)


def _invalid_path(path: str | os.PathLike[str]) -> str:
    """Why ``os.open`` or ``os.stat`` raised ValueError for a path."""
    nul = "\x00" in os.fsdecode(path)
    return f"not a valid path ({'NUL character' if nul else 'characters the file system cannot encode'})"


def _refuse(path: str | os.PathLike[str], message: str, line: int | None = None) -> DataError:
    return DataError([Problem(display_path(path), line, None, message)])


def read_bytes(path: str | os.PathLike[str], *, limit: int = MAX_INPUT_BYTES, what: str = "") -> bytes:
    """The bytes of a regular file (links followed) of at most ``limit`` bytes, checked before and while reading.

    ``what`` names the kind of file expected in messages ("CSV" gives "not a CSV file"). A DataError of one
    line naming the path refuses a missing file, a folder, a FIFO, a device, a socket, a symbolic link loop,
    an unreadable file or one over the size limit.

    Examples
    --------
    >>> read_bytes("/dev/zero")
    Traceback (most recent call last):
    ...
    ygx_analysis.data.files.DataError: /dev/zero: is a character device, not a regular file
    >>> read_bytes("/no/such/file.csv", what="CSV")
    Traceback (most recent call last):
    ...
    ygx_analysis.data.files.DataError: /no/such/file.csv: file not found
    """
    kind = f"{what} file" if what else "regular file"
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise _refuse(path, _os_reason(exc, "file")) from None
    except ValueError:  # a NUL character, or a name the file system cannot encode
        raise _refuse(path, _invalid_path(path)) from None
    try:
        mode = os.fstat(fd)
        for test, name in _KINDS:
            if test(mode.st_mode):
                raise _refuse(path, f"is {name}, not a {kind}")
        if mode.st_size > limit:
            raise _refuse(path, f"file is {format_size(mode.st_size)}, over the {format_size(limit)} limit")
        handle = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with handle:
        try:
            content = handle.read(limit + 1)
        except OSError as exc:
            raise _refuse(path, f"cannot be read: {_os_reason(exc, 'file')}") from None
    if len(content) > limit:
        raise _refuse(path, f"file grew over the {format_size(limit)} limit while being read")
    return content


def read_text(path: str | os.PathLike[str], *, what: str = "") -> str:
    """The UTF-8 text of a regular file (a byte-order mark is dropped).

    Raises
    ------
    DataError
        As :func:`read_bytes`, or for NUL bytes (a binary file) and invalid UTF-8,
        naming the line of the first bad byte.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     p = Path(tmp, "a.csv")
    ...     _ = p.write_bytes("id,value\\n".encode("gb18030") + "益阳".encode("gb18030"))
    ...     read_text(p, what="CSV")
    Traceback (most recent call last):
    ...
    ygx_analysis.data.files.DataError: ...a.csv:2: not valid UTF-8 (byte 9); save the file as UTF-8
    """
    raw = read_bytes(path, what=what)
    if b"\x00" in raw:
        expected = f"UTF-8 {what} text" if what else "UTF-8 text"
        raise _refuse(path, f"binary content (NUL bytes); expected {expected}")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _refuse(path, f"not valid UTF-8 (byte {exc.start}); save the file as UTF-8", line) from None


_TOML_TOKEN = re.compile(
    r'#[^\n]*'                                  # a comment, to the end of its line
    r'|"""(?:[^"\\]|\\(?:.|\Z)|"(?!""))*(?:"""|\Z)'  # a multi-line basic string (escapes), or unclosed
    r"|'''(?:[^']|'(?!''))*(?:'''|\Z)"          # a multi-line literal string
    r'|"(?:[^"\\\n]|\\.)*"?'                    # a basic string, unclosed at its line's end
    r"|'[^'\n]*'?"                              # a literal string
    r"|[\[\]{}\n]",                             # what counts: brackets, braces and line ends
    re.DOTALL)


def toml_nesting_depth(text: str) -> tuple[int, int]:
    """The deepest nesting of ``[`` and ``{`` in TOML text, and the line where it is first reached.

    Brackets inside strings and comments do not count; a table header ``[a]``
    counts 1 and ``[[a]]`` counts 2. One regular-expression scan skips comments
    and strings whole (its alternatives never overlap, so it does not backtrack):
    linear and without recursion, so it can bound a file before :mod:`tomllib`
    (which recurses) parses it.

    Examples
    --------
    >>> toml_nesting_depth('a = [[1, 2], {b = "[[[["}]  # ]]]]\\n')
    (2, 1)
    >>> toml_nesting_depth("[t]\\nx = 1\\ny = [[[[0]]]]\\n")
    (4, 3)
    >>> toml_nesting_depth("s = '''\\n[[[\\n'''\\nt = [[0]]\\n")
    (2, 4)
    >>> toml_nesting_depth("")
    (0, 0)
    """
    depth = deepest = deepest_line = 0
    line = 1
    for match in _TOML_TOKEN.finditer(text):
        token = match.group()
        first = token[0]
        if first == "\n":
            line += 1
        elif first in "[{":
            depth += 1
            if depth > deepest:
                deepest, deepest_line = depth, line
        elif first in "]}":
            depth = max(0, depth - 1)
        else:  # a string (a comment holds no line end)
            line += token.count("\n")
    return deepest, deepest_line


def _structure_depth(doc: Any) -> int:
    """The nesting depth of parsed tables and arrays, walked without recursion."""
    deepest = 0
    stack = [(doc, 1)]
    while stack:
        node, level = stack.pop()
        deepest = max(deepest, level)
        children = node.values() if isinstance(node, Mapping) else node
        stack.extend((c, level + 1) for c in children if isinstance(c, (Mapping, list)))
    return deepest


_TOML_LINE = re.compile(r"\s*\(at line (\d+), column (\d+)\)")


def read_toml(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Parse a UTF-8 TOML file (a regular file, see :func:`read_bytes`) whose nesting is bounded before parsing.

    Tables, arrays and inline tables may nest :data:`MAX_TOML_DEPTH` deep, dotted keys included.

    Raises
    ------
    DataError
        One line naming the file (and the line, for a syntax error or deep nesting).

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     p = Path(tmp, "s.toml")
    ...     _ = p.write_text("[meta]\\nlast_year = 2025\\n", encoding="utf-8")
    ...     ok = read_toml(p)
    ...     _ = p.write_text("x = " + "[" * 500 + "]" * 500 + "\\n", encoding="utf-8")
    ...     try:
    ...         read_toml(p)
    ...     except DataError as exc:
    ...         print(str(exc).split(": ", 1)[1])
    nesting is 500 levels deep, over the limit of 20 ([ and { counted together)
    >>> ok
    {'meta': {'last_year': 2025}}
    """
    text, max_depth = read_text(path, what="TOML"), MAX_TOML_DEPTH
    depth, line = toml_nesting_depth(text)
    if depth > max_depth:
        raise _refuse(path, f"nesting is {depth} levels deep, over the limit of {max_depth} "
                            "([ and { counted together)", line)
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = _TOML_LINE.search(message)
        detail = _TOML_LINE.sub("", message).strip().rstrip(".")
        if match:
            detail = f"{detail} (column {match.group(2)})"
        raise _refuse(path, f"invalid TOML: {detail}", int(match.group(1)) if match else None) from None
    except RecursionError:  # pragma: no cover - the scan above bounds the nesting first
        raise _refuse(path, f"nesting is too deep to parse (limit {max_depth})") from None
    if _structure_depth(doc) > max_depth:
        raise _refuse(path, f"nesting of tables and dotted keys is over the limit of {max_depth} levels")
    return doc


def check_folder(path: str | os.PathLike[str]) -> Path:
    """``path`` as a :class:`~pathlib.Path` when it is an existing folder (links followed), else a DataError.

    Examples
    --------
    >>> check_folder("/")
    PosixPath('/')
    >>> check_folder("/dev/zero")
    Traceback (most recent call last):
    ...
    ygx_analysis.data.files.DataError: /dev/zero: not a folder
    """
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        raise _refuse(path, _os_reason(exc, "folder")) from None
    except ValueError:  # a NUL character, or a name the file system cannot encode
        raise _refuse(path, _invalid_path(path)) from None
    if not stat.S_ISDIR(mode):
        raise _refuse(path, "not a folder")
    return Path(path)


def source_date_epoch(environ: Mapping[str, str] | None = None) -> int | None:
    """The checked value of ``SOURCE_DATE_EPOCH`` in ``environ`` (:data:`os.environ`), or None when it is not set.

    Seconds since 1970-01-01 UTC, between 1980-01-01 and 2107-12-31 (the range a ZIP
    archive can store); anything else is a ValueError of one line naming the variable.
    A build calls this once, in the parent process, before it starts any worker.

    Examples
    --------
    >>> source_date_epoch({"SOURCE_DATE_EPOCH": "1735689600"})
    1735689600
    >>> source_date_epoch({}) is None
    True
    >>> source_date_epoch({"SOURCE_DATE_EPOCH": "yesterday"})
    Traceback (most recent call last):
    ...
    ValueError: SOURCE_DATE_EPOCH: 'yesterday' is not a whole number of seconds (ASCII digits only)
    >>> source_date_epoch({"SOURCE_DATE_EPOCH": "0"})
    Traceback (most recent call last):
    ...
    ValueError: SOURCE_DATE_EPOCH: 0 is out of range; expected 315532800 (1980-01-01) to 4354819199 (2107-12-31)
    """
    env = os.environ if environ is None else environ
    if not isinstance(env, Mapping):
        raise TypeError(f"environ: expected a mapping, got {type(env).__name__}")
    text = env.get(SOURCE_DATE_EPOCH_ENV)
    if text is None:
        return None
    if not re.fullmatch(r"[0-9]{1,20}", text, flags=re.ASCII):
        shown = repr(text) if len(text) <= 30 else repr(text[:30]) + "…"
        raise ValueError(f"{SOURCE_DATE_EPOCH_ENV}: {shown} is not a whole number of seconds (ASCII digits only)")
    value = int(text)
    if not SOURCE_DATE_EPOCH_MIN <= value <= SOURCE_DATE_EPOCH_MAX:
        raise ValueError(f"{SOURCE_DATE_EPOCH_ENV}: {value} is out of range; expected {SOURCE_DATE_EPOCH_MIN} "
                         f"(1980-01-01) to {SOURCE_DATE_EPOCH_MAX} (2107-12-31)")
    return value
