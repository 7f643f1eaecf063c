"""What a report kernel does: export the exhibits its notebook shows (:class:`ShowExporter`), and record them.

The hook is installed silently before the first cell (:func:`hook_source`), with the build's provenance from
``$YGX_PROVENANCE``; the build reads the records (:func:`read_records`).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from .export import DISPLAY_DPI, FIGURE_DPI, export_exhibit

__all__ = ["ShowExporter", "hook_source", "read_records", "records_path"]


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
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    return list({rec["id"]: rec for rec in map(json.loads, filter(str.strip, lines))}.values())


class ShowExporter:
    """The :func:`~ygx_analysis.exhibits.on_show` hook of a report kernel: ``hook(exhibit, lang, rendered)``.

    An exhibit of ``notebook`` is exported into ``root`` from the object shown, its record appended to ``records``
    (JSON lines); a figure's PNG is returned as a :class:`~ygx_analysis.exhibits.FigureImage` at :data:`DISPLAY_DPI`.
    A failed export raises, so the notebook's cell fails naming the exhibit.
    """

    def __init__(self, root: str | os.PathLike[str], notebook: str, records: str | os.PathLike[str],
                 provenance: Any = None) -> None:
        self.root, self.notebook, self.records, self.provenance = Path(root), notebook, Path(records), provenance

    def stamp(self, exhibit: Any) -> str | None:
        """The build named in ``exhibit``'s source line (None outside a build: the version only)."""
        return self.provenance.stamp(exhibit.data_inputs) if self.provenance is not None else None

    def __call__(self, exhibit: Any, lang: str, rendered: Any) -> Any:
        if exhibit.notebook != self.notebook:
            return None
        rec, png = export_exhibit(exhibit.id, self.root, lang, rendered=rendered, provenance=self.provenance)
        with open(self.records, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        if png is None:
            return None
        from ..exhibits import FigureImage

        width = int.from_bytes(png[16:20], "big")  # the IHDR chunk
        return FigureImage.from_png(png, exhibit.id, width=round(width * DISPLAY_DPI / FIGURE_DPI))


def records_path(export_root: Path, notebook: str) -> Path:
    """The JSON-lines file in which a notebook's kernel records the exhibits it exported.

    Examples
    --------
    >>> records_path(Path("/b"), "02_growth.ipynb").as_posix()
    '/b/.records/02_growth.jsonl'
    """
    return Path(export_root) / ".records" / f"{Path(notebook).stem}.jsonl"


def hook_source(notebook: str, root: Path, records: Path) -> str:
    """Code run silently in a kernel before the first cell: install the report's show hook."""
    return ("from ygx_analysis import exhibits as _ygx_exhibits\n"
            "from ygx_analysis.data.provenance import from_environ as _ygx_provenance\n"
            "from ygx_analysis.report.kernel import ShowExporter as _ygx_exporter\n"
            f"_ygx_hook = _ygx_exporter({str(root)!r}, {notebook!r}, {str(records)!r}, _ygx_provenance())\n"
            "_ygx_exhibits.on_show(_ygx_hook, stamp=_ygx_hook.stamp)\n"
            "del _ygx_exhibits, _ygx_exporter, _ygx_provenance, _ygx_hook\n")
