"""The citable report: every notebook, figure and table built into one folder.

``ygx-analysis report [--out build] [--lang zh|en] [--jobs N]`` calls :func:`build`.
The exhibits come from the registry (:func:`ygx_analysis.exhibits.all_exhibits`)
and the notebooks from ``PROJECT/notebooks/*.ipynb``, so exhibits and notebooks
added later appear without changes here.

Modules:

- :mod:`~ygx_analysis.report.build`: the build into a temporary folder and the swap into ``OUT``;
- :mod:`~ygx_analysis.report.safety`: what may be replaced, the lock, stale temporary folders, the swap,
  SIGINT/SIGTERM;
- :mod:`~ygx_analysis.report.notebooks`: notebooks executed with nbclient, parameters injected by papermill;
- :mod:`~ygx_analysis.report.export`: figures (``Figure.savefig``) and tables (CSV, XlsxWriter);
- :mod:`~ygx_analysis.report.manifest`: provenance, how to cite, ``EXHIBITS.md``;
- :mod:`~ygx_analysis.report.pages`: ``index.html`` (jinja2 template) and notebook pages (nbconvert).
"""

from __future__ import annotations

from .build import BuildResult, build
from .export import BuildError, export_exhibit, export_table
from .notebooks import execute_notebooks

__all__ = ["BuildError", "BuildResult", "build", "execute_notebooks", "export_exhibit", "export_table"]
