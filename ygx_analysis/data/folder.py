"""The data folder: where the loaders read, and the ``DATA_DIR`` parameter of the notebooks.

The loaders (:mod:`ygx_analysis.data.tables`, the savings and scenario files) and the
exhibits read their files from :func:`default_data_dir`, which honours the
environment variable ``$YGX_DATA_DIR`` (:data:`DATA_DIR_ENV`). :func:`use_data_dir`
sets that variable for the running process, so one call in a notebook's setup cell
makes every later library call read the chosen copy of ``data/``. The loaders' cache
is keyed by resolved path and file hash, so switching folders never serves a
stale table.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["DATA_DIR_ENV", "default_data_dir", "package_data_dir", "use_data_dir"]

DATA_DIR_ENV = "YGX_DATA_DIR"
"""Environment variable that points the loaders at another data folder."""


def default_data_dir() -> Path:
    """The data folder: ``$YGX_DATA_DIR``, the repository's ``data/``, or the packaged copy."""
    env = os.environ.get(DATA_DIR_ENV)
    return Path(env) if env else package_data_dir()


def package_data_dir() -> Path:
    """The package's own data folder: the repository's ``data/``, or the packaged copy (``DATA_DIR = None``)."""
    repo = Path(__file__).resolve().parents[2] / "data"
    return repo if repo.is_dir() else Path(__file__).resolve().parents[1] / "_data"


def use_data_dir(data_dir: str | os.PathLike[str] | None = None) -> Path:
    """Make ``data_dir`` (a copy of ``data/``) the data folder of this process and return the folder in use.

    None changes nothing: the folder stays the one :func:`default_data_dir` gives (``$YGX_DATA_DIR`` when
    set, as in a report build, else the package's ``data/``). A folder that is empty, missing or holds no
    ``indicators.csv`` is a ValueError; anything but a path, a string or None a TypeError.

    Examples
    --------
    >>> use_data_dir(None) == default_data_dir()
    True
    >>> use_data_dir(3)
    Traceback (most recent call last):
    ...
    TypeError: data_dir: expected a path, a string or None, got int
    >>> use_data_dir("")
    Traceback (most recent call last):
    ...
    ValueError: data_dir: must not be empty
    """
    if data_dir is None:
        return default_data_dir()
    if not isinstance(data_dir, (str, os.PathLike)):
        raise TypeError(f"data_dir: expected a path, a string or None, got {type(data_dir).__name__}")
    if not str(os.fspath(data_dir)).strip():
        raise ValueError("data_dir: must not be empty")
    folder = Path(data_dir).expanduser().resolve()
    if not folder.is_dir():
        raise ValueError(f"data_dir: {folder} is not a folder")
    if not (folder / "indicators.csv").is_file():
        raise ValueError(f"data_dir: {folder} holds no indicators.csv (expected a copy of data/)")
    os.environ[DATA_DIR_ENV] = str(folder)
    return folder
