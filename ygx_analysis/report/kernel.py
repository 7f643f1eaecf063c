"""What a report kernel does: export the exhibits its notebook shows, and record them in a file.

``ygx-analysis report`` installs :class:`ShowExporter` in each kernel as the
:func:`ygx_analysis.exhibits.on_show` hook (before the first cell, silently), and
runs :func:`export_notebook_exhibits` after the last cell. Both append one JSON
line per exported exhibit to the notebook's records file, which the build reads
(:func:`read_records`): no marker lines on stdout. The one input read from the
environment is the build's :class:`~ygx_analysis.data.provenance.Provenance`
(``$YGX_PROVENANCE``, :func:`ygx_analysis.data.provenance.from_environ`), read once by
the code that installs the hook and passed on from there.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .export import DISPLAY_DPI, FIGURE_DPI, export_exhibit

__all__ = ["ShowExporter", "export_cell_source", "export_notebook_exhibits", "flush_open_files", "hook_source",
           "read_records", "records_path"]


def read_records(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """The exhibit records in a JSON-lines file, the last one of each id kept, in file order.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "r.jsonl"
    >>> _ = p.write_text('{"id": "a", "n": 1}\\n{"id": "b"}\\n{"id": "a", "n": 2}\\n')
    >>> read_records(p)
    [{'id': 'a', 'n': 2}, {'id': 'b'}]
    >>> read_records(p.with_name("none.jsonl"))
    []
    """
    path = Path(path)
    if not path.is_file():
        return []
    records: dict[str, dict[str, Any]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            records[rec["id"]] = rec
    return list(records.values())


def _append_record(path: Path, rec: Mapping[str, Any]) -> None:
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


class ShowExporter:
    """The :func:`~ygx_analysis.exhibits.on_show` hook of a report kernel.

    Called as ``hook(exhibit, lang, rendered)``: an exhibit of ``notebook`` shown in
    the report's ``lang`` is exported into ``root`` from the object shown (drawn
    once), and its record is appended to ``records`` (JSON lines). For a figure, the
    exported PNG is returned as a :class:`~ygx_analysis.exhibits.FigureImage` shown
    at :data:`DISPLAY_DPI`. Anything else, and a failed export, returns None: ``show``
    then displays as usual, and :func:`export_notebook_exhibits` after the last cell
    exports it again and reports the failure, naming the exhibit.
    """

    def __init__(self, root: str | os.PathLike[str], lang: str, notebook: str,
                 records: str | os.PathLike[str], provenance: Any = None) -> None:
        self.root, self.lang, self.notebook, self.records = Path(root), lang, notebook, Path(records)
        self.provenance = provenance  # names the build in the exported files' source lines

    def __call__(self, exhibit: Any, lang: str, rendered: Any) -> Any:
        if lang != self.lang or exhibit.notebook != self.notebook:
            return None
        try:
            rec = export_exhibit(exhibit.id, self.root, lang, rendered=rendered, provenance=self.provenance)
        except Exception:  # noqa: BLE001 - reported by the export after the last cell, naming the exhibit
            return None
        _append_record(self.records, rec)
        if exhibit.kind != "figure":
            return None
        from ..exhibits import FigureImage

        png = (self.root / next(f["path"] for f in rec["files"] if f["path"].endswith(".png"))).read_bytes()
        width = int.from_bytes(png[16:20], "big")  # the IHDR chunk
        return FigureImage.from_png(png, exhibit.id, width=round(width * DISPLAY_DPI / FIGURE_DPI))


def export_notebook_exhibits(notebook: str, root: str | os.PathLike[str], lang: str,
                             records: str | os.PathLike[str], provenance: Any = None) -> list[dict[str, Any]]:
    """Export every registered exhibit of ``notebook`` not yet in ``records``; return all its records.

    Run in a report kernel after the notebook's last cell: what the notebook
    showed was exported already (:class:`ShowExporter`), the rest is exported here
    and appended to ``records``.
    """
    from ..exhibits import all_exhibits

    records = Path(records)
    done = {rec["id"] for rec in read_records(records)}
    for ex in all_exhibits():
        if ex.notebook == notebook and ex.id not in done:
            _append_record(records, export_exhibit(ex.id, root, lang, provenance=provenance))
    return read_records(records)


def records_path(export_root: Path, notebook: str) -> Path:
    """The JSON-lines file in which a notebook's kernel records the exhibits it exported.

    Examples
    --------
    >>> records_path(Path("/b"), "02_growth.ipynb").as_posix()
    '/b/.records/02_growth.jsonl'
    """
    return Path(export_root) / ".records" / f"{Path(notebook).stem}.jsonl"


def hook_source(notebook: str, root: Path, lang: str, records: Path) -> str:
    """Code run silently in a kernel before the first cell: install the report's show hook."""
    return ("from ygx_analysis import exhibits as _ygx_exhibits\n"
            "from ygx_analysis.data.provenance import from_environ as _ygx_provenance\n"
            "from ygx_analysis.report.kernel import ShowExporter as _ygx_exporter\n"
            f"_ygx_exhibits.on_show(_ygx_exporter({str(root)!r}, {lang!r}, {notebook!r}, {str(records)!r}, "
            "_ygx_provenance()))\n"
            "del _ygx_exhibits, _ygx_exporter, _ygx_provenance\n")


def export_cell_source(notebook: str, root: Path, lang: str, records: Path) -> str:
    """Code run in a notebook's kernel after its last cell: export the exhibits not shown, flush open files.

    The build stops the kernel at once after this cell (no teardown), so the
    files the notebook left open are flushed here (:func:`flush_open_files`).
    """
    return ("from ygx_analysis.data.provenance import from_environ as _ygx_provenance\n"
            "from ygx_analysis.report.kernel import export_notebook_exhibits as _ygx_export\n"
            "from ygx_analysis.report.kernel import flush_open_files as _ygx_flush\n"
            f"_ = _ygx_export({notebook!r}, {str(root)!r}, {lang!r}, {str(records)!r}, _ygx_provenance())\n"
            "_ = _ygx_flush()\n"
            "del _ygx_export, _ygx_provenance, _ygx_flush\n")


def flush_open_files() -> int:
    """Flush every file object of this process that is open for writing; return how many were flushed.

    A report kernel is stopped without Python's teardown once its notebook's cells
    have run, and the teardown is what would flush a file the notebook opened and
    never closed. Objects that refuse (a closed stream, a pipe whose reader left)
    are skipped. Only true file objects (subclasses of ``io.IOBase``) are asked.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "left-open.txt"
    >>> fh = open(path, "w", encoding="utf-8")
    >>> _ = fh.write("written but not closed")
    >>> path.read_text(encoding="utf-8")
    ''
    >>> flush_open_files() >= 1
    True
    >>> path.read_text(encoding="utf-8")
    'written but not closed'
    >>> fh.close()
    """
    import gc
    import io

    flushed = 0
    for obj in gc.get_objects():
        try:
            # type() first: isinstance() may ask an odd object (a lazy proxy) for __class__, which can raise
            if issubclass(type(obj), io.IOBase) and not obj.closed and obj.writable():
                obj.flush()
                flushed += 1
        except Exception:  # noqa: BLE001 - a stream that refuses is skipped, whatever it raises
            continue
    return flushed
