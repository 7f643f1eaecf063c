"""Which exact inputs made a build: package version, commit, local changes, data fingerprint.

A cite line must tell two different numbers apart. :func:`collect` looks once per
build at the project and its data folder and returns a :class:`Provenance`:

- ``commit``: the commit checked out (``git rev-parse HEAD``), or None when git or
  the repository is not there ("commit unknown");
- ``code_modified``: True when ``git status --porcelain`` shows uncommitted changes
  to tracked files that make the exhibits (the package, the notebooks,
  ``pyproject.toml``; :data:`CODE_PATHS`). The data folder is judged file by file:
- ``changed_data``: the data files whose bytes differ from ``git show HEAD:data/<name>``
  (their bytes compared), plus files added or removed. Without git there is nothing
  to compare with, so every data file counts as changed and the fingerprint is always
  shown: a build from an unpacked wheel or a copied folder cannot prove its data are
  the committed ones;
- ``data_fingerprint``: the first 8 hex digits of a sha256 over the sorted data files'
  names and bytes (:func:`data_fingerprint`);
- ``build_date``: the day of the build (``$SOURCE_DATE_EPOCH`` when set, for
  reproducible builds).

:meth:`Provenance.stamp` writes the part of a cite line that names the build, for
one exhibit: ``ygx_analysis 0.1.0 (commit 1a2b3c4+modified, data 89ab12cd, 2026-11-29)``.
An exhibit is ``+modified`` when the code is, or when one of the data files it reads
changed; only then are the fingerprint and the date given. The build computes this
once in the parent and hands it to each notebook kernel in ``$YGX_PROVENANCE``
(:meth:`Provenance.to_environ`, :func:`from_environ`).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .files import source_date_epoch

__all__ = ["CODE_PATHS", "PROVENANCE_ENV", "Provenance", "changed_data_files", "collect", "data_files",
           "data_fingerprint", "differs_from_package", "from_environ"]

PROVENANCE_ENV = "YGX_PROVENANCE"
"""Environment variable through which a build passes its :class:`Provenance` (JSON) to kernels."""

CODE_PATHS = ("ygx_analysis", "notebooks", "pyproject.toml")
"""Tracked paths whose uncommitted changes make a build ``+modified`` (the data are judged per file)."""


def data_files(data_dir: str | os.PathLike[str]) -> list[Path]:
    """Every file in a data folder that the analyses read, sorted.

    Hidden files, caches and ``curation/`` (the inputs of ``tools/curate_context.py``,
    which writes ``context.csv`` and ``sources.csv``; no analysis reads them) are skipped.

    Examples
    --------
    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> for name in ("b.csv", "a.toml", ".hidden", "__pycache__/x.pyc", "curation/rows.csv"):
    ...     (d / name).parent.mkdir(exist_ok=True); _ = (d / name).write_text("x")
    >>> [p.name for p in data_files(d)]
    ['a.toml', 'b.csv']
    """
    data_dir = Path(data_dir)
    return sorted(p for p in data_dir.rglob("*") if p.is_file() and not _skipped(p.relative_to(data_dir).parts))


def _skipped(parts: Iterable[str]) -> bool:
    return any(part.startswith(".") or part in ("__pycache__", "curation") for part in parts)


def data_fingerprint(data_dir: str | os.PathLike[str]) -> str:
    """First 8 hex digits of a sha256 over the data files' relative names and bytes, in name order.

    Each file adds its POSIX relative name, a NUL byte, its size in decimal, a NUL
    byte and its bytes, so that moving bytes between files changes the result.

    Examples
    --------
    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "a.csv").write_bytes(b"x,y\\n")
    >>> expected = hashlib.sha256(b"a.csv\\x004\\x00x,y\\n").hexdigest()[:8]
    >>> data_fingerprint(d) == expected
    True
    """
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise ValueError(f"data_dir: {data_dir} is not a folder")
    digest = hashlib.sha256()
    for path in data_files(data_dir):
        content = path.read_bytes()
        digest.update(path.relative_to(data_dir).as_posix().encode("utf-8") + b"\0")
        digest.update(str(len(content)).encode("ascii") + b"\0" + content)
    return digest.hexdigest()[:8]


def differs_from_package(data_dir: str | os.PathLike[str], inputs: Iterable[str]) -> list[str]:
    """The files of ``inputs`` whose bytes in ``data_dir`` differ from the package's own data folder, sorted.

    How a notebook run outside a build (``DATA_DIR`` set to an edited copy) knows that its numbers are not
    the package's: a file missing on one side counts as changed; the package's folder itself never differs.

    Examples
    --------
    >>> import shutil, tempfile
    >>> from ygx_analysis.data.folder import package_data_dir
    >>> copy = Path(tempfile.mkdtemp()) / "data"
    >>> _ = shutil.copytree(package_data_dir(), copy)
    >>> differs_from_package(copy, ["indicators.csv", "savings.toml"])
    []
    >>> _ = (copy / "savings.toml").write_bytes(b"# edited")
    >>> differs_from_package(copy, ["indicators.csv", "savings.toml"])
    ['savings.toml']
    """
    from .folder import package_data_dir

    here, package = Path(data_dir).resolve(), package_data_dir().resolve()
    if here == package:
        return []

    def content(path: Path) -> bytes | None:
        return path.read_bytes() if path.is_file() else None

    return sorted(name for name in set(inputs) if content(here / name) != content(package / name))


def _git(project: Path, *args: str) -> bytes | None:
    """Output of ``git -C project args``, or None when git is missing or fails."""
    try:
        done = subprocess.run(["git", "-C", str(project), *args], capture_output=True, timeout=20,
                              check=False, env={**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"})
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def _commit_id(project: Path) -> str | None:
    """The full commit id checked out in ``project``, or None without git or a repository."""
    out = _git(project, "rev-parse", "--verify", "--quiet", "HEAD")
    return (out or b"").decode("ascii", "replace").strip() or None


def changed_data_files(project: str | os.PathLike[str], data_dir: str | os.PathLike[str]) -> list[str] | None:
    """Data files (relative names) whose bytes differ from ``HEAD:data/<name>``; None without git.

    A file in ``data_dir`` that the commit does not hold, and a committed file that
    ``data_dir`` lacks, count as changed. ``data_dir`` may be any folder (such as an
    edited copy); it is compared with the project's committed ``data/``.
    """
    project, data_dir = Path(project), Path(data_dir)
    listing = _git(project, "ls-tree", "-r", "-z", "--name-only", "HEAD", "--", "data/")
    if listing is None:
        return None
    in_commit = {name[5:] for name in listing.decode("utf-8").split("\0")
                 if name.startswith("data/") and not _skipped(name[5:].split("/"))}
    here = {p.relative_to(data_dir).as_posix(): p for p in data_files(data_dir)}
    changed = [name for name in in_commit & set(here)
               if _git(project, "show", f"HEAD:data/{name}") != here[name].read_bytes()]
    return sorted([*(in_commit ^ set(here)), *changed])


@dataclass(frozen=True)
class Provenance:
    """The inputs of one build, as cite lines name them (see the module docstring).

    Examples
    --------
    >>> p = Provenance("0.1.0", "0123456789abcdef", False, ("scenarios.toml",), "89abcdef", "2026-11-29")
    >>> p.stamp(["indicators.csv"])
    'ygx_analysis 0.1.0 (commit 0123456)'
    >>> p.stamp(["scenarios.toml"])
    'ygx_analysis 0.1.0 (commit 0123456+modified, data 89abcdef, 2026-11-29)'
    >>> Provenance("0.1.0", None, False, (), "89abcdef", "2026-11-29").stamp()
    'ygx_analysis 0.1.0 (commit unknown)'
    """

    version: str
    commit: str | None
    code_modified: bool
    changed_data: tuple[str, ...]
    data_fingerprint: str
    build_date: str
    data_verified: bool = True
    package: str = "ygx_analysis"

    def __post_init__(self) -> None:
        for name in ("version", "commit", "data_fingerprint", "build_date", "package"):
            if not isinstance(getattr(self, name), str) and (name != "commit" or self.commit is not None):
                raise TypeError(f"{name}: expected a str, got {type(getattr(self, name)).__name__}")
        if isinstance(self.changed_data, str):
            raise TypeError("changed_data: expected a sequence of file names, got one str")
        object.__setattr__(self, "changed_data", tuple(self.changed_data))

    def data_changed(self, inputs: Iterable[str] | None = None) -> bool:
        """True when one of ``inputs`` (data file names; all files when None) differs from the commit."""
        return not self.data_verified or bool(self.changed_data if inputs is None
                                              else set(inputs) & set(self.changed_data))

    def modified(self, inputs: Iterable[str] | None = None) -> bool:
        """True when the code, or one of ``inputs``, differs from the commit."""
        return self.code_modified or self.data_changed(inputs)

    def stamp(self, inputs: Iterable[str] | None = None) -> str:
        """The build part of a cite line, for an exhibit reading the data files ``inputs``.

        ``inputs`` None means every data file (the build as a whole).
        """
        inputs = None if inputs is None else tuple(inputs)
        commit = f"commit {self.commit[:7]}" if self.commit else "commit unknown"
        if self.commit and self.modified(inputs):
            commit += "+modified"
        parts = [commit]
        if self.data_changed(inputs):
            parts += [f"data {self.data_fingerprint}", self.build_date]
        return f"{self.package} {self.version} ({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready record (for the manifest and the kernels)."""
        return {**asdict(self), "changed_data": list(self.changed_data)}

    @classmethod
    def from_dict(cls, record: Mapping[str, Any]) -> Provenance:
        """The inverse of :meth:`to_dict`.

        Examples
        --------
        >>> p = Provenance("0.1.0", None, True, ("a.csv",), "00ff00ff", "2026-01-01", False)
        >>> Provenance.from_dict(p.to_dict()) == p
        True
        """
        return cls(**record)  # __post_init__ makes changed_data a tuple

    def to_environ(self) -> dict[str, str]:
        """``{PROVENANCE_ENV: json}``, to add to a kernel's environment."""
        return {PROVENANCE_ENV: json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)}


def from_environ(environ: Mapping[str, str] | None = None) -> Provenance | None:
    """The :class:`Provenance` a build passed in ``$YGX_PROVENANCE``, or None outside a build.

    Examples
    --------
    >>> p = Provenance("0.1.0", "abc", False, (), "00ff00ff", "2026-01-01")
    >>> from_environ(p.to_environ()) == p, from_environ({})
    (True, None)
    """
    environ = os.environ if environ is None else environ
    text = environ.get(PROVENANCE_ENV, "").strip()
    if not text:
        return None
    try:
        return Provenance.from_dict(json.loads(text))
    except (ValueError, TypeError) as exc:
        raise ValueError(f"{PROVENANCE_ENV}: not a provenance record: {exc}") from None


def _build_date(environ: Mapping[str, str] | None) -> str:
    """The day of the build: ``$SOURCE_DATE_EPOCH`` (:func:`~ygx_analysis.data.files.source_date_epoch`) or today."""
    epoch = source_date_epoch(environ)
    moment = _dt.datetime.now(_dt.UTC) if epoch is None else _dt.datetime.fromtimestamp(epoch, tz=_dt.UTC)
    return moment.date().isoformat()


def collect(project: str | os.PathLike[str], data_dir: str | os.PathLike[str] | None = None, *,
            version: str | None = None, environ: Mapping[str, str] | None = None) -> Provenance:
    """Look once at ``project`` (a git work tree or not) and the data it reads; see the module docstring.

    ``data_dir`` (default ``project/data``) is compared with the committed ``data/``; ``version`` defaults
    to the installed one, ``environ`` (where ``$SOURCE_DATE_EPOCH`` is read) to ``os.environ``.
    """
    project = Path(project)
    if not project.is_dir():
        raise ValueError(f"project: {project} is not a folder")
    data = Path(data_dir) if data_dir is not None else project / "data"
    fingerprint = data_fingerprint(data)  # refuses a data_dir that is not a folder
    if version is None:
        from .. import __version__ as version
    commit = _commit_id(project)
    changed = changed_data_files(project, data) if commit else None
    status = _git(project, "status", "--porcelain", "--untracked-files=no", "--", *CODE_PATHS) if commit else None
    verified = changed is not None
    if changed is None:  # nothing to compare with: every data file counts as changed
        changed = [p.relative_to(data).as_posix() for p in data_files(data)]
    return Provenance(version, commit, bool(status and status.strip()), tuple(changed), fingerprint,
                      _build_date(environ), data_verified=verified)
