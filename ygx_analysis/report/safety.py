"""What keeps a report build from losing, mixing or leaving anything.

A build into ``OUT``: :func:`resolve_out` and :func:`check_out` (a missing or empty folder, or an earlier build
holding :data:`MARKER`); :func:`out_lock` (``OUT.lock``, one build at a time); :func:`remove_stale` (the
``OUT.tmp<pid>`` folders of builds that died); the build into ``OUT.tmp<pid>`` (:func:`make_temporary`), kernels'
connection files inside it; :func:`swap_in`, with SIGINT and SIGTERM held back (:class:`SignalGuard`).
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import re
import shutil
import signal
import stat
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import FrameType

from ..data.files import DataError, display_path, read_bytes
from .export import BuildError

__all__ = ["MARKER", "MARKER_FORMAT", "OWNER", "BuildInterrupted", "OutLocked", "SignalGuard",
           "check_out", "is_build", "make_temporary", "marker_bytes", "out_lock", "process_started",
           "remove_stale", "resolve_out", "swap_in", "temporary_path"]

MARKER = ".ygx-report.json"
"""The file every build writes into its folder; only a folder holding it is replaced."""

MARKER_FORMAT = 1
"""Version of the build folder's layout, written into :data:`MARKER`."""

OWNER = ".ygx-owner.json"
"""The file in a temporary build folder naming the process that writes it (pid and start time)."""

Log = Callable[[str], None]


def marker_bytes() -> bytes:
    """The content of :data:`MARKER`: the package name and :data:`MARKER_FORMAT`.

    Examples
    --------
    >>> marker_bytes()
    b'{"package": "ygx_analysis", "format": 1}\\n'
    """
    return (json.dumps({"package": "ygx_analysis", "format": MARKER_FORMAT}) + "\n").encode("ascii")


def _json_object(path: Path) -> dict | None:
    try:
        doc = json.loads(read_bytes(path, limit=1_000_000))
    except (DataError, ValueError):
        return None
    return doc if isinstance(doc, dict) else None


def is_build(folder: str | os.PathLike[str]) -> bool:
    """Whether ``folder`` holds a report build: its :data:`MARKER`, naming this package.

    Examples
    --------
    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "manifest.json").write_text('{"package": "ygx_analysis"}')
    >>> is_build(d)
    False
    >>> _ = (d / MARKER).write_bytes(marker_bytes())
    >>> is_build(d)
    True
    """
    marker = _json_object(Path(folder) / MARKER)
    return marker is not None and marker.get("package") == "ygx_analysis" and isinstance(marker.get("format"), int)


def resolve_out(out: str | os.PathLike[str]) -> Path:
    """``--out`` as an absolute path with symbolic links followed: a linked folder's target is what is built.

    Raises
    ------
    ValueError
        One line starting ``out:``: empty, a NUL character, a symbolic link loop,
        a part of the path that is a file, or a path too long.

    Examples
    --------
    >>> resolve_out("/etc/hostname/build")
    Traceback (most recent call last):
    ...
    ValueError: out: /etc/hostname/build: /etc/hostname is a file, not a folder
    """
    text = os.fspath(out)
    if not str(text).strip():
        raise ValueError("out: is empty; give a folder")
    shown = display_path(text) if "\x00" not in str(text) else repr(text)
    try:
        os.stat(text)
    except FileNotFoundError:
        pass
    except ValueError:
        raise ValueError(f"out: {shown}: not a valid path (NUL character)") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ValueError(f"out: {shown}: symbolic link loop; point the link at a folder") from None
        if exc.errno == errno.ENOTDIR:
            blocker = next((p for p in reversed(Path(text).parents) if p.exists() and not p.is_dir()), None)
            what = f"{display_path(blocker)} is a file, not a folder" if blocker else "a part of it is not a folder"
            raise ValueError(f"out: {shown}: {what}") from None
        if exc.errno == errno.ENAMETOOLONG:
            raise ValueError(f"out: {shown}: path is too long") from None
        if exc.errno not in (errno.EACCES, errno.EPERM):
            raise ValueError(f"out: {shown}: {exc.strerror}") from None
    return Path(os.path.realpath(text))


def check_out(out: Path, protected: Sequence[Path]) -> None:
    """Raise ``ValueError`` (one line naming ``out``) unless a build may replace ``out``.

    ``out`` (:func:`resolve_out`) must not be, contain, or sit inside a ``protected`` folder, nor be the root or the
    home folder, and must be missing, an empty folder, or a build (:func:`is_build`).
    """
    if out == Path(out.anchor) or out == Path.home().resolve():
        raise ValueError(f"out: refusing to replace {out}")
    for keep in protected:
        keep_r = keep.resolve()
        if out == keep_r or out in keep_r.parents or keep_r in out.parents:
            raise ValueError(f"out: {display_path(out)} would overwrite or sit inside {display_path(keep)}; "
                             "choose another folder")
    try:
        mode = os.lstat(out).st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISDIR(mode):
        raise ValueError(f"out: {display_path(out)} exists and is not a folder; nothing was changed")
    try:
        empty = not any(out.iterdir())
        if not empty and not is_build(out):
            raise ValueError(f"out: {display_path(out)} is not empty and is not a ygx_analysis build (no {MARKER}); "
                             "nothing was changed; choose a new or empty folder")
    except PermissionError:
        raise ValueError(f"out: {display_path(out)}: permission denied; nothing was changed") from None


class OutLocked(BuildError):
    """Another build into the same ``OUT`` holds its lock."""


def _holder(fd: int) -> str:
    """The pid written in a lock file."""
    text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    return text if text.isdigit() else "unknown"


@contextlib.contextmanager
def out_lock(out: Path) -> Iterator[Path]:
    """Hold ``OUT.lock`` (``fcntl.flock``, holding this pid) for one build into ``out``; yield its path.

    A second build fails at once with :class:`OutLocked`. The file is removed on release; a waiter holding the
    lock of a removed file tries again.
    """
    path = out.with_name(out.name + ".lock")
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            os.close(fd)
            raise OutLocked(f"out: another build into {display_path(out)} is running (pid {holder}); "
                            "wait for it or choose another folder") from None
        except BaseException:
            os.close(fd)
            raise
        try:
            if os.path.samestat(os.stat(path), os.fstat(fd)):
                break
        except FileNotFoundError:
            pass
        os.close(fd)
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield path
    finally:
        with contextlib.suppress(OSError):
            os.unlink(path)
        os.close(fd)


def process_started(pid: int) -> float | None:
    """The start time of process ``pid`` (seconds since 1970, psutil), None when it is gone, -1 when not known."""
    import psutil

    try:
        return psutil.Process(pid).create_time()
    except psutil.NoSuchProcess:
        return None
    except psutil.Error:  # another user's process: it exists
        return -1.0


def temporary_path(out: Path) -> Path:
    """``OUT.tmp<pid>``: the temporary folder of this process's build into ``out``."""
    return out.with_name(f"{out.name}.tmp{os.getpid()}")


def make_temporary(out: Path) -> Path:
    """Create :func:`temporary_path` beside ``out``, holding :data:`OWNER` (this pid and its start time)."""
    tmp = temporary_path(out)
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir()
    owner = {"pid": os.getpid(), "started": process_started(os.getpid())}
    (tmp / OWNER).write_text(json.dumps(owner) + "\n", encoding="ascii")
    return tmp


def remove_stale(out: Path, say: Log) -> list[Path]:
    """Remove the temporary folders ``OUT.tmp<pid>[-old]`` of builds whose process is gone; one line each.

    Call it holding :func:`out_lock`. A build moved aside by an unfinished swap is put back when ``out`` is missing.
    """
    pattern = re.compile(re.escape(out.name) + r"\.tmp(\d+)(-old)?")
    removed = []
    for path in sorted(out.parent.iterdir()):
        match = pattern.fullmatch(path.name)
        if not match or path.is_symlink() or not path.is_dir():
            continue
        pid, old = int(match.group(1)), bool(match.group(2))
        owner = None if old else _json_object(path / OWNER)
        started = owner.get("started") if owner else None
        now = process_started(pid)
        if pid == os.getpid() or (now is not None and (not isinstance(started, float) or now < 0
                                                        or abs(now - started) < 0.01)):
            continue  # its process runs (the same pid and start time, or a start time not known)
        if old and not os.path.lexists(out) and is_build(path):
            path.rename(out)
            say(f"restored {display_path(out)} from {path.name}, left by build process {pid}, which is gone")
            continue
        try:
            shutil.rmtree(path)
        except OSError as exc:
            say(f"could not remove {display_path(path)}, left by build process {pid}: {exc.strerror}")
            continue
        removed.append(path)
        say(f"removed {display_path(path)}, left by build process {pid}, which is gone")
    return removed


class BuildInterrupted(BaseException):
    """SIGINT or SIGTERM stopped a build; ``exit_status`` is 128 plus the signal number, ``swapped`` whether the new
    build was in place already."""

    def __init__(self, signum: int, swapped: bool = False) -> None:
        self.signum, self.swapped = signum, swapped
        super().__init__(f"stopped by {signal.Signals(signum).name}")

    @property
    def exit_status(self) -> int:
        return 128 + self.signum


class SignalGuard:
    """SIGINT and SIGTERM as :class:`BuildInterrupted` in the main thread, once; held back in :meth:`held`.

    A context manager; outside the main thread it does nothing. A second signal is ignored, not to interrupt clean-up.
    """

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self) -> None:
        self.received: int | None = None
        self._held = 0
        self._previous: dict[int, object] = {}

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.received is not None:
            return
        self.received = signum
        if not self._held:
            raise BuildInterrupted(signum)

    def __enter__(self) -> SignalGuard:
        if threading.current_thread() is threading.main_thread():
            for signum in self.SIGNALS:
                self._previous[signum] = signal.signal(signum, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]
        self._previous.clear()

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """Hold signals back while the block runs; raise for one received before or during it, after it."""
        if self.received is not None:
            raise BuildInterrupted(self.received)
        self._held += 1
        try:
            yield
        finally:
            self._held -= 1


def swap_in(tmp: Path, out: Path) -> None:
    """Replace ``out`` by ``tmp``: rename ``out`` aside, rename ``tmp`` in (or the old one back), remove the old one."""
    old = out.with_name(f"{out.name}.tmp{os.getpid()}-old")
    if old.exists():
        shutil.rmtree(old)
    if moved := os.path.lexists(out):
        out.rename(old)
    try:
        tmp.rename(out)
    except BaseException:
        if moved:
            old.rename(out)
        raise
    if moved:
        shutil.rmtree(old, ignore_errors=True)
