"""The report build: every file, byte-identical rebuilds, safe failures, glyph check, --lang en.

Two full builds of the repository are shared by the module (the ``built`` fixture);
the other tests use small temporary projects so that they stay quick on 2 cores.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import os
import shutil
import threading
import time
import zipfile
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from ygx_analysis import __version__, cli, exhibits, plotting, report
from ygx_analysis.exhibits import Exhibit

from .conftest import DATA, REPO

NOTEBOOKS = REPO / "notebooks"
CJK = re.compile(r"[\u3400-\u9fff]")


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (relative POSIX path → bytes)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Two builds of the repository into the same folder, and what they wrote."""
    root = tmp_path_factory.mktemp("report")
    out = root / "build"
    notebooks_before = tree(NOTEBOOKS)
    lines: list[str] = []
    first = report.build(out, lang="zh", jobs=2, log=lines.append)
    first_tree = tree(out)
    second = report.build(out, lang="zh", jobs=2, log=None)
    return {"out": out, "root": root, "first": first, "first_tree": first_tree, "second": second,
            "second_tree": tree(out), "lines": lines, "notebooks_before": notebooks_before,
            "notebooks_after": tree(NOTEBOOKS)}


# ---------------------------------------------------------------------------
# every expected file
# ---------------------------------------------------------------------------

def test_every_registered_exhibit_has_its_files(built):
    files = set(built["first_tree"])
    registered = exhibits.all_exhibits()
    assert registered, "the registry is empty"
    for ex in registered:
        suffixes = (".png", ".svg", ".pdf") if ex.kind == "figure" else (".csv", ".xlsx")
        folder = "figures" if ex.kind == "figure" else "tables"
        for suffix in suffixes:
            assert f"{folder}/{ex.id}{suffix}" in files, f"{ex.id}{suffix} missing"


def test_every_notebook_is_executed_into_the_build_and_left_alone(built):
    files = set(built["first_tree"])
    stems = [p.stem for p in sorted(NOTEBOOKS.glob("*.ipynb"))]
    assert stems
    for stem in stems:
        assert f"notebooks/{stem}.ipynb" in files
        assert f"notebooks/{stem}.html" in files
        executed = nbformat.reads(built["first_tree"][f"notebooks/{stem}.ipynb"].decode("utf-8"), as_version=4)
        code = [c for c in executed.cells if c.cell_type == "code"]
        assert code and all(c.execution_count is not None for c in code), stem
        assert "YGX-REPORT-EXPORT" not in json.dumps(executed)  # the export cell is not kept
        # the page shows every figure and every table the executed notebook holds, and its code
        page = built["first_tree"][f"notebooks/{stem}.html"].decode("utf-8")
        outputs = [o for c in code for o in c.outputs]
        pngs = [o for o in outputs if "image/png" in o.get("data", {})]
        tables = [o for o in outputs if "<table" in o.get("data", {}).get("text/html", "")]
        assert page.count("<img ") == len(pngs) > 0, stem
        assert page.count('<table border="1" class="dataframe') == len(tables) > 0, stem
        assert page.count('<div class="prompt">In [') == len(code), stem
    # notebooks/ is byte-for-byte what it was, with no new files
    assert built["notebooks_after"] == built["notebooks_before"]


def test_top_level_files_and_no_leftovers(built):
    out = built["out"]
    for name in ("index.html", "EXHIBITS.md", "manifest.json"):
        assert (out / name).is_file()
    siblings = sorted(p.name for p in built["root"].iterdir())
    assert siblings == ["build"]  # no temporary or old build left next to OUT


def test_progress_line_per_notebook_and_exhibit_group(built):
    lines = built["lines"]
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        assert sum(line.startswith(f"notebook  {path.name}: ok") for line in lines) == 1, path.name
    for notebook in {ex.notebook for ex in exhibits.all_exhibits()}:
        assert sum(line.startswith(f"exhibits  {notebook}:") for line in lines) == 1, notebook


def test_png_is_print_resolution_without_software_stamp(built):
    from PIL import Image

    figures = [ex for ex in exhibits.all_exhibits() if ex.kind == "figure"]
    for ex in figures:
        data = built["first_tree"][f"figures/{ex.id}.png"]
        image = Image.open(io.BytesIO(data))
        assert round(image.info["dpi"][0]) >= 200, ex.id
        assert b"Software" not in data and b"matplotlib version" not in data, ex.id


def test_pdf_embeds_truetype_fonts(built):
    for ex in exhibits.all_exhibits():
        if ex.kind != "figure":
            continue
        data = built["first_tree"][f"figures/{ex.id}.pdf"]
        assert b"/FontFile2" in data, ex.id          # fonttype 42: TrueType embedded
        assert b"/Subtype /Type3" not in data, ex.id  # not Type 3 bitmaps
        assert b"/CreationDate" not in data, ex.id


def test_csv_has_bom_and_matches_the_exhibit(built):
    ex = next(ex for ex in exhibits.all_exhibits() if ex.kind == "table")
    data = built["first_tree"][f"tables/{ex.id}.csv"]
    assert data.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    expected = exhibits.render(ex.id, "zh")
    assert list(frame.columns) == [str(c) for c in expected.columns]
    assert len(frame) == len(expected)


def test_indicator_table_is_the_data_as_loaded_with_intervals(built):
    from ygx_analysis.data import load_indicators

    data = built["first_tree"]["tables/data-indicators.csv"]
    frame = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    loaded = load_indicators()
    assert list(frame["id"]) == list(loaded["id"])
    row = frame.set_index("id").loc["fiscal_revenue_total_2024"]
    # printed 62.08 (亿元) allows [62.075, 62.085)
    assert (row["value_printed"], row["interval"]) == ("62.08", "[62.075, 62.085)")
    assert "tables/data-indicators.xlsx" in built["first_tree"]


def test_xlsx_has_fixed_properties_and_zip_times(built):
    for name, data in built["first_tree"].items():
        if not name.endswith(".xlsx"):
            continue
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            assert {i.date_time for i in z.infolist()} == {(2000, 1, 1, 0, 0, 0)}, name
            core = z.read("docProps/core.xml").decode("utf-8")
        assert "2000-01-01T00:00:00Z" in core and "ygx_analysis" in core, name


def test_xlsx_reads_back_with_chinese_intact(built):
    ex = next(ex for ex in exhibits.all_exhibits() if ex.kind == "table")
    sheet = pd.read_excel(io.BytesIO(built["first_tree"][f"tables/{ex.id}.xlsx"]), sheet_name=None)
    assert set(sheet) == {"table", "about"}
    expected = exhibits.render(ex.id, "zh")
    assert list(sheet["table"].columns) == [str(c) for c in expected.columns]
    about = dict(zip(sheet["about"].iloc[:, 0], sheet["about"].iloc[:, 1], strict=True))
    assert about["caption"] == ex.caption_zh
    assert about["source"].startswith("资料来源 / Source:")


def test_manifest_ties_outputs_to_code_and_data(built):
    manifest = built["first"].manifest
    on_disk = json.loads(built["first_tree"]["manifest.json"])
    assert on_disk == manifest
    assert manifest["version"] == __version__
    assert "git_commit" in manifest
    assert manifest["git_commit"] is None or re.fullmatch(r"[0-9a-f]{40}", manifest["git_commit"])
    assert re.fullmatch(r"\d+\.\d+\.\d+.*", manifest["python"])
    assert manifest["libraries"]["pandas"] == pd.__version__
    # sha256 of every data file, computed here independently
    expected = {f"data/{p.relative_to(DATA).as_posix()}": sha256(p.read_bytes())
                for p in sorted(DATA.rglob("*")) if p.is_file() and not p.name.startswith(".")}
    assert {d["path"]: d["sha256"] for d in manifest["data"]} == expected
    # every exhibit with its files, captions, sources and notebook
    registered = {ex.id: ex for ex in exhibits.all_exhibits()}
    assert [r["id"] for r in manifest["exhibits"]] == list(registered)
    for rec in manifest["exhibits"]:
        ex = registered[rec["id"]]
        assert (rec["caption_zh"], rec["caption_en"], rec["notebook"]) == (ex.caption_zh, ex.caption_en, ex.notebook)
        assert rec["sources"] == list(ex.sources)
        assert rec["source_line"] == exhibits.source_line(ex.sources, "zh")
        for f in rec["files"]:
            assert sha256(built["first_tree"][f["path"]]) == f["sha256"]
    for name, digest in manifest["files"].items():
        assert sha256(built["first_tree"][name]) == digest


def test_exhibit_map_and_index_list_everything(built):
    md = built["first_tree"]["EXHIBITS.md"].decode("utf-8")
    page = built["first_tree"]["index.html"].decode("utf-8")
    assert "如何引用 / How to cite" in page
    for ex in exhibits.all_exhibits():
        assert f"## {ex.id}\n" in md
        assert ex.caption_zh in md and ex.notebook in md
        if ex.kind == "figure":
            assert f'<img src="figures/{ex.id}.png"' in page  # thumbnail
        assert f'href="{"figures" if ex.kind == "figure" else "tables"}/{ex.id}.' in page
    for path in NOTEBOOKS.glob("*.ipynb"):
        assert f'href="notebooks/{path.stem}.html"' in page
    assert "article" in md and "[article]" in md  # full citation of the article source


# ---------------------------------------------------------------------------
# determinism
# ---------------------------------------------------------------------------

def test_second_build_is_byte_identical_except_build_time(built):
    first, second = dict(built["first_tree"]), dict(built["second_tree"])
    assert set(first) == set(second)
    m1, m2 = json.loads(first.pop("manifest.json")), json.loads(second.pop("manifest.json"))
    different = sorted(name for name in first if first[name] != second[name])
    assert different == []
    assert m1.pop("build_time") and m2.pop("build_time")
    assert m1 == m2


# ---------------------------------------------------------------------------
# small temporary projects
# ---------------------------------------------------------------------------

def small_registry(monkeypatch, *entries: Exhibit) -> None:
    """Restrict the registry to the given exhibits for this test."""
    exhibits.all_exhibits()
    monkeypatch.setattr(exhibits, "_REGISTRY", {e.id: e for e in entries})
    monkeypatch.setattr(exhibits, "load_all", lambda: None)


def test_failing_notebook_keeps_previous_build_and_names_the_cell(built, tmp_path, capsys):
    project = tmp_path / "project"
    shutil.copytree(DATA, project / "data")
    shutil.copytree(NOTEBOOKS, project / "notebooks")
    target = sorted((project / "notebooks").glob("*.ipynb"))[0]
    nb = nbformat.read(target, as_version=4)
    nb.cells.insert(2, nbformat.v4.new_code_cell('raise RuntimeError("made to fail")'))
    nbformat.write(nb, target)
    out = tmp_path / "build"
    shutil.copytree(built["out"], out)  # the previous, good build
    before = tree(out)

    status = cli.main(["report", "--project", str(project), "--out", str(out), "--jobs", "2"])

    err = capsys.readouterr().err
    assert status != 0
    assert target.name in err
    assert f"cell 3 of {len(nb.cells)}" in err and "RuntimeError: made to fail" in err
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build", "project"]


def test_missing_cjk_glyph_fails_the_build_and_keeps_previous(built, tmp_path, monkeypatch):
    def bad_figure(lang="zh"):
        fig, ax = plotting.new_figure()
        ax.plot([0, 1], [0, 1])
        ax.set_title("益阳𠀀")  # U+20000: outside GB2312, not in the bundled font
        return fig

    small_registry(monkeypatch, Exhibit("fig-missing-glyph", "figure", "缺字", "Missing glyph",
                                        "00_none.ipynb", ("article",), func=bad_figure))
    project = tmp_path / "project"
    shutil.copytree(DATA, project / "data")
    out = tmp_path / "build"
    shutil.copytree(built["out"], out)
    before = tree(out)
    with pytest.raises(report.BuildError, match=r"fig-missing-glyph.*𠀀 \(U\+20000\)"):
        report.build(out, project, log=None)
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build", "project"]


def test_glyph_check_passes_the_bundled_labels_and_fails_a_missing_one():
    fig, ax = plotting.new_figure()
    ax.set_title("益阳高新区 2024年 6.6%")
    assert "益阳高新区 2024年 6.6%" in report.check_glyphs(fig, "fig-x")
    ax.set_xlabel("𠀀")
    with pytest.warns(UserWarning, match="missing from font"), pytest.raises(report.BuildError, match="U\\+20000"):
        report.check_glyphs(fig, "fig-x")


def test_lang_en_gives_english_labels_and_passes_lang_to_parameterised_notebooks(tmp_path, monkeypatch, capsys):
    figure, table = exhibits.get("fig-figures-by-qualifier"), exhibits.get("tab-reported-figures")
    small_registry(monkeypatch, figure, table)
    project = tmp_path / "project"
    shutil.copytree(DATA, project / "data")
    (project / "notebooks").mkdir()
    with_parameters = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell('LANG = "zh"', metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("print(LANG)")])
    as_stored = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('LANG = "zh"\nprint(LANG)')])
    for name, nb in (("a_parameters.ipynb", with_parameters), ("b_stored.ipynb", as_stored)):
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(nb, project / "notebooks" / name)
    stored = tree(project / "notebooks")
    out = tmp_path / "build"

    status = cli.main(["report", "--project", str(project), "--out", str(out), "--lang", "en", "--jobs", "2"])

    printed = capsys.readouterr().out.strip().splitlines()
    assert status == 0
    assert printed[-1].endswith("index.html") and Path(printed[-1]).resolve() == (out / "index.html").resolve()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["lang"] == "en"
    fig_rec, tab_rec = manifest["exhibits"]
    assert fig_rec["caption"] == figure.caption_en and tab_rec["caption"] == table.caption_en
    assert fig_rec["source_line"].startswith("Source: ")
    assert not CJK.search(fig_rec["title"]), fig_rec["title"]
    header = (out / "tables" / "tab-reported-figures.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert not CJK.search(header), header
    assert '<html lang="en">' in (out / "index.html").read_text(encoding="utf-8")
    # the notebook with a parameters cell gets LANG; the other runs as stored
    outputs = {}
    for stem in ("a_parameters", "b_stored"):
        nb = nbformat.read(out / "notebooks" / f"{stem}.ipynb", as_version=4)
        outputs[stem] = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert outputs == {"a_parameters": "en\n", "b_stored": "zh\n"}
    assert [n["parameters"] for n in manifest["notebooks"]] == [{"LANG": "en"}, {}]
    assert tree(project / "notebooks") == stored


# ---------------------------------------------------------------------------
# safety of OUT and small helpers
# ---------------------------------------------------------------------------

def test_refuses_to_replace_a_folder_that_is_not_a_build(tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "thesis.docx").write_text("keep me")
    with pytest.raises(ValueError, match=r"^out: .*not a ygx_analysis build"):
        report.build(out, log=None)
    assert (out / "thesis.docx").read_text() == "keep me"


def test_refuses_to_build_into_the_notebooks_or_the_project(tmp_path):
    with pytest.raises(ValueError, match=r"^out: "):
        report.build(NOTEBOOKS, log=None)
    with pytest.raises(ValueError, match=r"^out: "):
        report.build(REPO, log=None)


@pytest.mark.parametrize("jobs", [0, -1, True, 1.5])
def test_bad_jobs_is_named(jobs, tmp_path):
    with pytest.raises(ValueError, match=r"^jobs: "):
        report.build(tmp_path / "b", jobs=jobs, log=None)


def test_cli_reports_a_bad_language_in_one_line(capsys):
    assert cli.main(["report", "--lang", "fr"]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_write_xlsx_is_deterministic_and_keeps_infinity_as_text(tmp_path):
    frame = pd.DataFrame({"指标": ["超200家"], "low": [200.0], "high": [float("inf")], "n": [pd.NA]})
    a = report.write_xlsx(frame, tmp_path / "a.xlsx", table_id="tab-x", caption="标题", source="来源")
    b = report.write_xlsx(frame, tmp_path / "b.xlsx", table_id="tab-x", caption="标题", source="来源")
    assert a.read_bytes() == b.read_bytes()
    from openpyxl import load_workbook

    rows = list(load_workbook(a)["table"].iter_rows(values_only=True))
    assert rows == [("指标", "low", "high", "n"), ("超200家", 200, "inf", None)]


def test_source_date_epoch_sets_the_file_times(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")  # 2025-01-01T00:00:00Z
    path = report.write_xlsx(pd.DataFrame({"a": [1]}), tmp_path / "t.xlsx", table_id="tab-t")
    with zipfile.ZipFile(path) as z:
        assert {i.date_time for i in z.infolist()} == {(2025, 1, 1, 0, 0, 0)}
        assert "2025-01-01T00:00:00Z" in z.read("docProps/core.xml").decode("utf-8")


# ---------------------------------------------------------------------------
# speed: figures exported once, by show(); the costliest notebooks first
# ---------------------------------------------------------------------------

def test_built_notebooks_display_the_exported_png_with_the_stable_text(built):
    import base64

    figures = {ex.id for ex in exhibits.all_exhibits() if ex.kind == "figure" and (NOTEBOOKS / ex.notebook).is_file()}
    seen = set()
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        nb = nbformat.reads(built["first_tree"][f"notebooks/{path.stem}.ipynb"].decode("utf-8"), as_version=4)
        for cell in nb.cells:
            for out in cell.get("outputs", []):
                data = out.get("data", {})
                if "image/png" not in data:
                    continue
                label = re.fullmatch(r"\[figure (fig-[\w-]+)\]", data["text/plain"])
                assert label, data["text/plain"]
                fig_id = label.group(1)
                # the very bytes of the exported 200-dpi file, shown at 110 dpi
                assert base64.b64decode(data["image/png"]) == built["first_tree"][f"figures/{fig_id}.png"], fig_id
                width = int.from_bytes(built["first_tree"][f"figures/{fig_id}.png"][16:20], "big")
                assert out["metadata"]["image/png"]["width"] == round(width * 110 / 200), fig_id
                seen.add(fig_id)
    assert seen == figures


def report_kernel(monkeypatch, root: Path, lang: str, notebook: str) -> None:
    """Make this process look like a report kernel of ``notebook``."""
    monkeypatch.setenv(report.REPORT_ENV, json.dumps({"root": str(root), "lang": lang, "notebook": notebook}))
    monkeypatch.setattr(report, "_SHOWN", {})


def test_shown_figure_is_exported_once_and_reused(tmp_path, monkeypatch):
    figure, table = exhibits.get("fig-figures-by-qualifier"), exhibits.get("tab-reported-figures")
    small_registry(monkeypatch, figure, table)
    report_kernel(monkeypatch, tmp_path, "zh", figure.notebook)

    image = report.export_shown_figure(figure.id, "zh")

    assert repr(image) == f"[figure {figure.id}]"
    assert image._repr_png_()[0] == (tmp_path / "figures" / f"{figure.id}.png").read_bytes()
    assert {p.name for p in (tmp_path / "figures").iterdir()} == {f"{figure.id}.{s}" for s in ("png", "svg", "pdf")}
    expected = {p.name: p.read_bytes() for p in (tmp_path / "figures").iterdir()}
    shown_table = exhibits.render(table.id, "zh")
    assert report.export_shown_table(table.id, "zh", shown_table)
    expected_tables = {p.name: p.read_bytes() for p in (tmp_path / "tables").iterdir()}
    assert set(expected_tables) == {f"{table.id}.csv", f"{table.id}.xlsx"}

    def no_second_drawing(*args, **kwargs):
        raise AssertionError("the exhibit was drawn or built again")

    monkeypatch.setattr(report, "export_figure", no_second_drawing)
    monkeypatch.setattr(exhibits, "render", no_second_drawing)
    records = report.export_notebook_exhibits(figure.notebook, tmp_path, "zh")
    assert [r["id"] for r in records] == [figure.id, table.id]
    assert (records[1]["rows"], records[1]["columns"]) == (len(shown_table), [str(c) for c in shown_table.columns])
    assert records[0]["files"] == [{"path": f"figures/{figure.id}.{s}", "sha256": sha256(expected[f"{figure.id}.{s}"])}
                                   for s in ("png", "svg", "pdf")]
    assert records[0]["caption"] == figure.caption_zh and records[0]["title"]
    # the same bytes as an export without show()
    monkeypatch.undo()
    other = tmp_path / "plain"
    other.mkdir()
    report.export_exhibit(figure.id, other, "zh")
    report.export_exhibit(table.id, other, "zh")
    assert {p.name: p.read_bytes() for p in (other / "figures").iterdir()} == expected
    assert {p.name: p.read_bytes() for p in (other / "tables").iterdir()} == expected_tables


def test_shown_figure_is_not_exported_outside_its_report_kernel(tmp_path, monkeypatch):
    figure = exhibits.get("fig-figures-by-qualifier")
    monkeypatch.delenv(report.REPORT_ENV, raising=False)
    table = exhibits.render("tab-reported-figures", "zh")
    assert report.export_shown_figure(figure.id, "zh") is None  # not a report kernel
    assert report.export_shown_table("tab-reported-figures", "zh", table) is False
    report_kernel(monkeypatch, tmp_path, "zh", figure.notebook)
    assert report.export_shown_figure(figure.id, "en") is None  # another language than the report's
    assert report.export_shown_table("tab-reported-figures", "en", table) is False
    assert report.export_shown_figure("tab-reported-figures", "zh") is None  # a table
    assert report.export_shown_table(figure.id, "zh", table) is False  # a figure
    report_kernel(monkeypatch, tmp_path, "zh", "99_other.ipynb")
    assert report.export_shown_figure(figure.id, "zh") is None  # another notebook's figure
    assert report.export_shown_table("tab-reported-figures", "zh", table) is False  # another notebook's table
    assert not (tmp_path / "figures").exists() and not (tmp_path / "tables").exists()


def test_shown_figure_that_fails_is_reported_by_the_export_naming_it(tmp_path, monkeypatch):
    def bad_figure(lang="zh"):
        fig, ax = plotting.new_figure()
        ax.set_title("益阳𠀀")  # U+20000: not in the bundled font
        return fig

    bad = Exhibit("fig-missing-glyph", "figure", "缺字", "Missing glyph", "00_none.ipynb", ("article",),
                  func=bad_figure)
    small_registry(monkeypatch, bad)
    report_kernel(monkeypatch, tmp_path, "zh", bad.notebook)
    assert report.export_shown_figure(bad.id, "zh") is None  # show() then draws it as usual
    with pytest.raises(report.BuildError, match=r"fig-missing-glyph.*𠀀 \(U\+20000\)"):
        report.export_notebook_exhibits(bad.notebook, tmp_path, "zh")


def test_the_costliest_notebooks_start_first_and_results_keep_their_order(tmp_path):
    given = {"a": 1, "b": 3, "c": 1}
    assert report.start_order([Path("a"), Path("b"), Path("c")], lambda p: given[p.name]) == [1, 0, 2]
    assert report.start_order([Path("a"), Path("b")]) == [0, 1]
    # 06 (statsmodels fits, Monte Carlo) shows the most exhibits, so it starts first
    costs = {p.name: report.notebook_cost(p) for p in NOTEBOOKS.glob("*.ipynb")}
    assert max(costs, key=costs.get) == "06_scenarios_2026_2030.ipynb"
    assert report.notebook_cost(NOTEBOOKS / "06_scenarios_2026_2030.ipynb") == sum(
        1 for ex in exhibits.all_exhibits() if ex.notebook == "06_scenarios_2026_2030.ipynb")
    # one kernel at a time: each notebook appends its name to a file in the working directory
    folder = tmp_path / "nbs"
    folder.mkdir()
    paths = []
    for name in ("a_light", "b_heavy"):
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
            f"with open('order.txt', 'a') as fh:\n    fh.write('{name}\\n')\nprint('{name}')")])
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(nb, folder / f"{name}.ipynb")
        paths.append(folder / f"{name}.ipynb")
    out = tmp_path / "out"
    out.mkdir()
    runs = report.execute_notebooks(paths, out, jobs=1, write=False,
                                    cost=lambda p: {"a_light.ipynb": 1, "b_heavy.ipynb": 2}[p.name])
    assert (out / "order.txt").read_text().splitlines() == ["b_heavy", "a_light"]
    assert [r.name for r in runs] == ["a_light.ipynb", "b_heavy.ipynb"]
    assert [r.nb.cells[0].outputs[0]["text"] for r in runs] == ["a_light\n", "b_heavy\n"]


def test_stopping_interrupts_a_running_cell_starts_nothing_more_and_reaps_every_kernel(tmp_path):
    # Each notebook writes its kernel's pid, then sleeps for a minute in small steps. The
    # stop is set as soon as both running kernels have written their pid.
    folder = tmp_path / "nbs"
    folder.mkdir()
    paths = []
    for name in ("a", "b", "c"):
        nb = nbformat.v4.new_notebook(cells=[
            nbformat.v4.new_code_cell(f"import os, time\nopen('{name}.pid', 'w').write(str(os.getpid()))\n"
                                      "for _ in range(1200):\n    time.sleep(0.05)\nopen('{name}.slept', 'w')"),
            nbformat.v4.new_code_cell(f"open('{name}.second', 'w')")])
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(nb, folder / f"{name}.ipynb")
        paths.append(folder / f"{name}.ipynb")
    out = tmp_path / "out"
    out.mkdir()
    stop = threading.Event()

    def stop_when_both_run() -> None:
        while not ((out / "a.pid").is_file() and (out / "b.pid").is_file()):
            time.sleep(0.05)
        time.sleep(0.2)
        stop.set()

    watcher = threading.Thread(target=stop_when_both_run, daemon=True)
    watcher.start()
    runs = report.execute_notebooks(paths, out, jobs=2, write=False, cancel=stop)
    watcher.join()
    assert [r.error for r in runs] == ["notebook a.ipynb: cancelled", "notebook b.ipynb: cancelled",
                                       "notebook c.ipynb: cancelled before it started"]
    assert sorted(p.name for p in out.iterdir()) == ["a.pid", "b.pid"]  # no cell went on or started
    for name in ("a", "b"):
        pid = int((out / f"{name}.pid").read_text())
        with pytest.raises(ProcessLookupError):  # gone and reaped: not even a zombie is left
            os.kill(pid, 0)
