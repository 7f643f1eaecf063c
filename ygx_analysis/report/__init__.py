"""The citable report: every notebook, figure and table built into one folder.

``ygx-analysis report [--out build] [--lang zh|en] [--jobs N]`` calls :func:`build`. The exhibits come from the
registry (:func:`ygx_analysis.exhibits.all_exhibits`) and the notebooks from ``PROJECT/notebooks/*.ipynb``, so
exhibits and notebooks added later appear without changes here.
"""

from __future__ import annotations

from .build import BuildResult, build
from .export import BuildError, export_exhibit, export_table
from .notebooks import execute_notebooks

__all__ = ["BuildError", "BuildResult", "build", "execute_notebooks", "export_exhibit", "export_table"]
