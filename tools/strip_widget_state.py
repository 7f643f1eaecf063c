"""Drop the widget state that executing a notebook with an ipywidgets panel stores.

``jupyter nbconvert --execute`` saves every widget model of a run in the notebook's
``metadata.widgets`` (hundreds of kB, with random model ids), so each re-recording
would change the file although no output that nbval compares changed. The panels'
static fallback (a PNG and a text line) stays in the cell's output.

Usage::

    python tools/strip_widget_state.py notebooks/*.ipynb notebooks/en/*.ipynb
"""

from __future__ import annotations

import sys

import nbformat


def main(paths: list[str]) -> int:
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        if nb.metadata.pop("widgets", None) is not None:
            nbformat.write(nb, path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
