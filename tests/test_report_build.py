"""The full report build: every file, what the notebooks showed, XLSX = CSV, byte-identical rebuilds, safe failures,
the pages in headless Chromium.

Every test here uses the session's one build of the repository (``built_report`` in
conftest.py) or builds the repository again; all are marked slow (``make test-fast``
skips them). Under ``--dist loadfile`` they run on one worker, so the repository is
built once per run.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import math
import re
import subprocess
import zipfile
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from ygx_analysis import __version__, exhibits, report
from ygx_analysis.data.provenance import Provenance
from ygx_analysis.report import screenshots

from .conftest import DATA, NOTEBOOKS, tree

pytestmark = pytest.mark.slow


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_every_registered_exhibit_has_its_files(built_report):
    files = set(built_report["tree"])
    registered = exhibits.all_exhibits()
    assert registered, "the registry is empty"
    for ex in registered:
        suffixes = (".png", ".svg", ".pdf") if ex.kind == "figure" else (".csv", ".xlsx")
        folder = "figures" if ex.kind == "figure" else "tables"
        for suffix in suffixes:
            assert f"{folder}/{ex.id}{suffix}" in files, f"{ex.id}{suffix} missing"


def test_every_notebook_is_executed_into_the_build_and_left_alone(built_report):
    files = built_report["tree"]
    stems = [p.stem for p in sorted(NOTEBOOKS.glob("*.ipynb"))]
    assert stems
    for stem in stems:
        executed = nbformat.reads(files[f"notebooks/{stem}.ipynb"].decode("utf-8"), as_version=4)
        stored = nbformat.read(NOTEBOOKS / f"{stem}.ipynb", as_version=4)
        code = [c for c in executed.cells if c.cell_type == "code"]
        # every code cell ran, counted from 1 (the report's hook took no count and is in no cell)
        assert [c.execution_count for c in code] == list(range(1, len(code) + 1)), stem
        injected = [c for c in executed.cells if "injected-parameters" in c.metadata.get("tags", [])]
        assert len(executed.cells) == len(stored.cells) + len(injected), stem
        assert "_ygx_" not in json.dumps(executed), stem
        # nbconvert's page shows every figure and table the executed notebook holds, and its code
        page = files[f"notebooks/{stem}.html"].decode("utf-8")
        outputs = [o for c in code for o in c.outputs]
        pngs = [o for o in outputs if "image/png" in o.get("data", {})]
        tables = [o for o in outputs if "<table" in o.get("data", {}).get("text/html", "")]
        assert page.count("<img ") == len(pngs) > 0, stem
        assert page.count('<table border="1" class="dataframe') == len(tables) > 0, stem
        assert len(re.findall(r'jp-InputPrompt jp-InputArea-prompt">In\xa0?\s?\[\d+\]:', page)) == len(code), stem
        assert f"<title>{stem}</title>" in page
    # no records, data snapshot or kernel runtime files left; the one hidden file is the build's marker
    assert [name for name in files if name.startswith(".") or "/." in name] == [".ygx-report.json"]
    assert built_report["notebooks_after"] == built_report["notebooks_before"]


def test_top_level_files_and_no_leftovers(built_report):
    out = built_report["out"]
    for name in ("index.html", "EXHIBITS.md", "manifest.json"):
        assert (out / name).is_file()
    assert sorted(p.name for p in built_report["root"].iterdir()) == ["build"]


def test_progress_line_per_notebook_and_exhibit_group(built_report):
    lines = built_report["lines"]
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        assert sum(line.startswith(f"notebook  {path.name}: ok") for line in lines) == 1, path.name
    for notebook in {ex.notebook for ex in exhibits.all_exhibits()}:
        assert sum(line.startswith(f"exhibits  {notebook}:") for line in lines) == 1, notebook


def test_built_notebooks_display_the_exported_png_with_the_stable_text(built_report):
    files = built_report["tree"]
    figures = {ex.id for ex in exhibits.all_exhibits() if ex.kind == "figure" and (NOTEBOOKS / ex.notebook).is_file()}
    seen = set()
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        nb = nbformat.reads(files[f"notebooks/{path.stem}.ipynb"].decode("utf-8"), as_version=4)
        for cell in nb.cells:
            for out in cell.get("outputs", []):
                data = out.get("data", {})
                if "image/png" not in data:
                    continue
                if data["text/plain"].startswith("[panel "):   # an explore panel's static fallback, not an exhibit
                    assert "application/vnd.jupyter.widget-view+json" not in data  # random model ids are dropped
                    continue
                label = re.fullmatch(r"\[figure (fig-[\w-]+)\]", data["text/plain"])
                assert label, data["text/plain"]
                fig_id = label.group(1)
                exported = files[f"figures/{fig_id}.png"]
                assert base64.b64decode(data["image/png"]) == exported, fig_id  # the exported file's bytes
                width = int.from_bytes(exported[16:20], "big")
                assert out["metadata"]["image/png"]["width"] == round(width * 110 / 200), fig_id
                seen.add(fig_id)
    assert seen == figures


def test_png_is_print_resolution_and_pdf_embeds_truetype_without_stamps(built_report):
    from PIL import Image

    for ex in exhibits.all_exhibits():
        if ex.kind != "figure":
            continue
        png = built_report["tree"][f"figures/{ex.id}.png"]
        assert round(Image.open(io.BytesIO(png)).info["dpi"][0]) >= 200, ex.id
        assert b"Software" not in png and b"matplotlib version" not in png, ex.id
        pdf = built_report["tree"][f"figures/{ex.id}.pdf"]
        assert b"/FontFile2" in pdf and b"/Subtype /Type3" not in pdf and b"/CreationDate" not in pdf, ex.id


def _xlsx_rows(data: bytes) -> list[list]:
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(data))["table"]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_every_xlsx_reads_back_with_the_values_of_its_csv_made_readable(built_report):
    from ygx_analysis.report.readable import readable

    files = built_report["tree"]
    names = sorted(n for n in files if n.endswith(".xlsx"))
    assert len(names) == sum(ex.kind == "table" for ex in exhibits.all_exhibits()) + 3
    infinite = 0
    for name in names:
        csv = pd.read_csv(io.BytesIO(files[name[:-5] + ".csv"]), encoding="utf-8-sig")
        table = readable(csv, "zh", drop_machine=not name.startswith("tables/data-")).frame
        rows = _xlsx_rows(files[name])
        assert rows[1] == list(table.columns), name  # the caption above, the source line below
        assert len(rows) - 3 == len(table), name
        for row, (_, expected) in zip(rows[2:-1], table.iterrows(), strict=True):
            for cell, value in zip(row, expected, strict=True):
                if isinstance(value, float) and not math.isfinite(value):
                    assert cell is None, (name, cell, value)
                    infinite += math.isinf(value)
                elif isinstance(value, float):
                    assert math.isclose(cell, value), (name, cell, value)
                else:
                    value = value.item() if hasattr(value, "item") else value
                    assert cell == (None if value == "" else value), (name, cell, value)  # empty text: empty cell
        with zipfile.ZipFile(io.BytesIO(files[name])) as z:
            assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}, name
            core = z.read("docProps/core.xml").decode("utf-8")
        assert "2000-01-01T00:00:00Z" in core and "ygx_analysis" in core, name
    assert infinite > 0  # the data tables hold open intervals: their bounds are empty cells


def test_indicator_table_is_the_data_as_loaded_with_intervals(built_report):
    from ygx_analysis.data.tables import load_indicators

    data = built_report["tree"]["tables/data-indicators.csv"]
    frame = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(frame["id"]) == list(load_indicators()["id"])
    row = frame.set_index("id").loc["fiscal_revenue_total_2024"]
    assert (row["value_printed"], row["interval"]) == ("62.08", "[62.075, 62.085)")  # printed 62.08 亿元


def test_manifest_ties_outputs_to_code_and_data(built_report):
    manifest = built_report["result"].manifest
    assert json.loads(built_report["tree"]["manifest.json"]) == manifest
    assert manifest["version"] == __version__
    assert manifest["git_commit"] is None or re.fullmatch(r"[0-9a-f]{40}", manifest["git_commit"])
    assert manifest["libraries"]["pandas"] == pd.__version__
    import xlsxwriter

    assert manifest["libraries"]["xlsxwriter"] == xlsxwriter.__version__
    assert "mistune" not in manifest["libraries"]
    expected = {f"data/{p.relative_to(DATA).as_posix()}": sha256(p.read_bytes())
                for p in sorted(DATA.rglob("*")) if p.is_file() and not p.name.startswith(".")
                and "curation" not in p.relative_to(DATA).parts}  # curate_context.py inputs, read by no analysis
    assert {d["path"]: d["sha256"] for d in manifest["data"]} == expected
    registered = {ex.id: ex for ex in exhibits.all_exhibits()}
    assert [r["id"] for r in manifest["exhibits"]] == list(registered)
    for rec in manifest["exhibits"]:
        ex = registered[rec["id"]]
        assert (rec["caption_zh"], rec["notebook"], rec["sources"]) == (ex.caption_zh, ex.notebook, list(ex.sources))
        # the exported line names the build: commit, +modified and data fingerprint for the exhibit's inputs
        stamp = Provenance.from_dict(manifest["provenance"]).stamp(ex.data_inputs)
        assert rec["source_line"] == exhibits.source_line(ex.sources, "zh", stamp=stamp)
        for f in rec["files"]:
            assert sha256(built_report["tree"][f["path"]]) == f["sha256"]
    for name, digest in manifest["files"].items():
        assert sha256(built_report["tree"][name]) == digest


def test_exhibit_map_and_index_list_everything(built_report):
    md = built_report["tree"]["EXHIBITS.md"].decode("utf-8")
    page = built_report["tree"]["index.html"].decode("utf-8")
    assert "如何引用 / How to cite" in page
    for ex in exhibits.all_exhibits():
        assert f"## {ex.id}\n" in md
        assert ex.caption_zh in md and ex.notebook in md
        if ex.kind == "figure":
            assert f'<img src="figures/{ex.id}.png"' in page
        assert f'href="{"figures" if ex.kind == "figure" else "tables"}/{ex.id}.' in page
    for path in NOTEBOOKS.glob("*.ipynb"):
        assert f'href="notebooks/{path.stem}.html"' in page
    assert "[article]" in md


def test_second_build_is_byte_identical_except_build_time(built_report, tmp_path):
    second = report.build(tmp_path / "again", lang="zh", jobs=2, log=None)
    first_tree, second_tree = dict(built_report["tree"]), tree(second.out)
    assert set(first_tree) == set(second_tree)
    m1, m2 = json.loads(first_tree.pop("manifest.json")), json.loads(second_tree.pop("manifest.json"))
    assert sorted(name for name in first_tree if first_tree[name] != second_tree[name]) == []
    assert m1.pop("build_time") and m2.pop("build_time")
    assert m1 == m2


@pytest.mark.skipif(screenshots.find_chromium() is None,
                    reason="headless Chromium is not installed at /usr/bin/chromium (apt-get install chromium)")
def test_every_page_renders_chinese_in_the_embedded_fonts_without_overflow(built_report, tmp_path):
    from PIL import Image

    checks = screenshots.check_build(built_report["out"], tmp_path / "shots")
    pages = [c.page for c in checks]
    assert pages[0] == "index.html" and len(pages) == 1 + len(built_report["result"].manifest["notebooks"])
    assert [line for c in checks for line in c.problems()] == []
    for check in checks:
        assert check.findings["loaded"][:1] == ["YGX"] and check.findings["cjkNodes"] > 0, check.page
        with Image.open(check.screenshot) as image:
            assert image.size == (1280, 2000)
    # what this proves depends on the machine: say whether it has CJK system fonts
    fonts = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True, check=False).stdout
    print(f"CJK system fonts: {fonts.strip() or 'none'}")


def shown_in_notebooks(notebooks: Path) -> list[str]:
    """The exhibit ids that the notebooks' cells pass to show(), notebook by notebook, in cell order."""
    ids = []
    for path in sorted(notebooks.glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "code":
                ids += [i for i in re.findall(r'show\(\s*"([\w-]+)"', cell.source) if i not in ids]
    return ids


def check_briefing(docx_bytes: bytes, manifest: dict, notebooks: Path) -> None:
    """briefing.docx numbers every exhibit in the order the notebooks show them, each with its source line."""
    from docx import Document
    from docx.shared import Cm

    from .test_briefing import _exhibit_blocks

    doc = Document(io.BytesIO(docx_bytes))
    by_id = {r["id"]: r for r in manifest["exhibits"]}
    order = shown_in_notebooks(notebooks)
    order += [r["id"] for r in manifest["exhibits"] if r["id"] not in order]  # those no notebook shows
    blocks = _exhibit_blocks(doc)
    assert [b[0] for b in blocks] == ["图" if i.startswith("fig-") else "表" for i in order]
    for name in ("图", "表"):
        assert [b[1] for b in blocks if b[0] == name] == list(range(1, 1 + sum(b[0] == name for b in blocks)))
    for block, exhibit_id in zip(blocks, order, strict=True):
        assert block[2].endswith(by_id[exhibit_id]["caption"]) and block[4].text == by_id[exhibit_id]["source_line"]
    assert len(doc.inline_shapes) == sum(i.startswith("fig-") for i in order)
    assert all(shape.width <= Cm(16) for shape in doc.inline_shapes)
    assert len(doc.tables) == sum(i.startswith("tab-") for i in order)


def test_the_briefing_numbers_every_exhibit_in_the_order_the_notebooks_show_them(built_report):
    manifest = built_report["result"].manifest
    assert "briefing.docx" in manifest["files"]
    check_briefing(built_report["tree"]["briefing.docx"], manifest, NOTEBOOKS)
    assert any(line.startswith("briefing  briefing.docx (") for line in built_report["lines"])
