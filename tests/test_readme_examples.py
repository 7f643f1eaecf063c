"""The READMEs' papermill and nbconvert examples run as written, right after setup (``make report``).

Setting up ``.venv/`` registers the kernel the notebooks name ("ygx-analysis") inside ``.venv/`` (Makefile,
``KERNEL_INSTALL``), so the examples need no ``-k``. The commands are read from README.md and README.zh.md
themselves, so an example that drifts from what works fails here.
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO

READMES = ("README.md", "README.zh.md")


def examples(prefix: str) -> list[str]:
    """The distinct command lines of both READMEs that start with ``prefix`` (first README first)."""
    found: list[str] = []
    for name in READMES:
        for line in (REPO / name).read_text(encoding="utf-8").splitlines():
            if line.startswith(prefix) and line not in found:
                found.append(line)
    return found


def test_both_readmes_link_each_other_on_their_first_line_and_show_the_same_examples():
    first = {name: (REPO / name).read_text(encoding="utf-8").splitlines()[0] for name in READMES}
    assert "(README.zh.md)" in first["README.md"] and "(README.md)" in first["README.zh.md"]
    for prefix in (".venv/bin/papermill ", ".venv/bin/jupyter nbconvert ", ".venv/bin/ygx-analysis report --set"):
        per_file = [[line for line in (REPO / name).read_text(encoding="utf-8").splitlines() if line.startswith(prefix)]
                    for name in READMES]
        assert per_file[0] and per_file[0] == per_file[1], prefix
    zh = (REPO / "README.zh.md").read_text(encoding="utf-8")
    assert "## 添加数据或新时期" in zh and "build/briefing.docx" in zh and "--lang en" in zh


@pytest.mark.slow
def test_the_papermill_and_nbconvert_examples_run_as_written(tmp_path):
    bin_dir = Path(sys.executable).parent
    (tmp_path / "notebooks").symlink_to(REPO / "notebooks")  # the examples name notebooks/ relative to the clone
    papermill = next(c for c in examples(".venv/bin/papermill ") if "05_reform_savings" in c)
    nbconvert = examples(".venv/bin/jupyter nbconvert ")[0]
    for command in (papermill, nbconvert):
        argv = shlex.split(command)
        argv[0] = str(bin_dir / Path(argv[0]).name)
        done = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True, timeout=600,
                              env={"PATH": f"{bin_dir}:/usr/bin:/bin", "MPLBACKEND": "Agg", "HOME": str(tmp_path)})
        assert done.returncode == 0, done.stderr[-2000:]
    out = json.loads((tmp_path / "out.ipynb").read_text(encoding="utf-8"))
    assert out["metadata"]["kernelspec"]["name"] == "ygx-analysis"  # the kernel named, found without -k
    text = json.dumps(out, ensure_ascii=False)
    assert "参数：DISCOUNT_RATE_PCT=3" in text
    html = (tmp_path / "out" / "01_reported_figures.html").read_text(encoding="utf-8")
    assert re.search(r"fiscal_revenue_total_2024", html)
