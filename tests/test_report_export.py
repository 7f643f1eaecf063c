"""Exporting exhibits: XLSX through XlsxWriter, figures through savefig, the show() hook of a report kernel."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import zipfile

import pandas as pd
import pytest

from ygx_analysis import exhibits, report
from ygx_analysis.exhibits import style as plotting
from ygx_analysis.exhibits import Exhibit
from ygx_analysis.report import export, kernel


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def small_registry(monkeypatch, *entries: Exhibit) -> None:
    """Restrict the registry to the given exhibits for this test."""
    exhibits.all_exhibits()
    monkeypatch.setattr(exhibits, "_REGISTRY", {e.id: e for e in entries})
    monkeypatch.setattr(exhibits, "load_all", lambda: None)


# ---------------------------------------------------------------------------
# XLSX
# ---------------------------------------------------------------------------

def test_xlsx_keeps_numbers_leaves_infinity_empty_and_says_so(tmp_path):
    from openpyxl import load_workbook

    frame = pd.DataFrame({"指标": ["超200家", "30多家"], "low": [200.0, 31.0], "high": [float("inf"), 39.0],
                          "n": pd.array([pd.NA, 3], dtype="Int64"), "ok": [True, False]})
    path = export.write_xlsx(frame, tmp_path / "t.xlsx", table_id="tab-t", caption="标题", source="来源",
                             version="0.1")
    book = load_workbook(path)
    sheet = book["table"]
    assert [list(r) for r in sheet.iter_rows(values_only=True)] == [
        ["标题", None, None, None, None], ["指标", "low", "high", "n", "ok"], ["超200家", 200, None, None, True],
        ["30多家", 31, 39, 3, False], ["来源", None, None, None, None]]
    assert isinstance(sheet["B3"].value, (int, float)) and sheet["B3"].data_type == "n"
    assert sheet["A2"].font.b and sheet.freeze_panes == "A3"
    assert sheet["C2"].comment is not None and "empty" in sheet["C2"].comment.text  # the infinity note
    assert sheet["B2"].comment is None
    assert sheet.column_dimensions["A"].width > sheet.column_dimensions["B"].width  # 超200家: CJK counts double
    about = {row[0]: row[1] for row in book["about"].iter_rows(values_only=True)}
    assert about == {"id": "tab-t", "caption": "标题", "source": "来源", "package": "ygx_analysis 0.1"}
    assert book.properties.title == "标题" and book.properties.subject == "tab-t"


def test_xlsx_for_people_has_caption_header_formats_ranges_source_and_print_setup(tmp_path):
    from openpyxl import load_workbook

    wide = {f"note {i}": ["一段较长的说明文字，用来占满列宽"] for i in range(4)}
    frame = pd.DataFrame({"id": ["fiscal_revenue_total_2024"], "growth_pct": [6.33],
                          "interval": ["[6.325, 6.335)"], "amount (亿元)": [62.08], **wide})
    path = export.write_xlsx(frame, tmp_path / "t.xlsx", table_id="tab-t", caption="Caption", source="Source: S",
                             lang="en")
    sheet = load_workbook(path)["table"]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0][0] == "Caption" and rows[-1][0] == "Source: S"
    assert rows[1][:4] == ["Growth (%)", "Interval: low", "Interval: high", "Amount (100m yuan)"]  # no id, no 亿元
    assert rows[2][:4] == [6.33, 6.325, 6.335, 62.08]  # the range as two numbers
    assert [sheet.cell(3, c).number_format for c in (1, 2, 4)] == ["0.00", "0.000", "0.00"]
    assert sheet.print_title_rows == "$2:$2"  # the header repeated on every page
    assert (sheet.page_setup.fitToWidth or 1) == 1 and sheet.page_setup.fitToHeight == 0  # absent means 1
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.paperSize == 9  # A4


XLSX_IN_A_PROCESS = """
import sys
import pandas as pd
from ygx_analysis.report.export import write_xlsx
frame = pd.DataFrame({"指标": ["超200家"], "low": [200.0], "high": [float("inf")]})
write_xlsx(frame, sys.argv[1], table_id="tab-x", caption="标题", source="来源", version="0.1")
"""


def test_xlsx_is_the_same_bytes_in_two_processes_with_fixed_times(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    procs = [subprocess.Popen([sys.executable, "-c", XLSX_IN_A_PROCESS, str(tmp_path / name)], env=env)
             for name in ("a.xlsx", "b.xlsx")]
    assert [p.wait() for p in procs] == [0, 0]
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()
    with zipfile.ZipFile(tmp_path / "a.xlsx") as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2000-01-01T00:00:00Z" in z.read("docProps/core.xml").decode()


def test_source_date_epoch_sets_the_created_date(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")  # 2025-01-01T00:00:00Z
    path = export.write_xlsx(pd.DataFrame({"a": [1]}), tmp_path / "t.xlsx", table_id="tab-t")
    with zipfile.ZipFile(path) as z:
        assert "2025-01-01T00:00:00Z" in z.read("docProps/core.xml").decode("utf-8")


# ---------------------------------------------------------------------------
# figures
# ---------------------------------------------------------------------------

def test_glyph_check_passes_the_bundled_labels_and_fails_a_missing_one():
    fig, ax = plotting.new_figure()
    ax.set_title("益阳高新区 2024年 6.6%")
    assert "益阳高新区 2024年 6.6%" in export.check_glyphs(fig, "fig-x")
    ax.set_xlabel("𠀀")
    with pytest.warns(UserWarning, match="missing from font"), pytest.raises(report.BuildError, match="U\\+20000"):
        export.check_glyphs(fig, "fig-x")


# ---------------------------------------------------------------------------
# the show() hook of a report kernel
# ---------------------------------------------------------------------------

@pytest.fixture
def no_hook():
    yield
    exhibits.on_show(None)


def test_shown_exhibits_are_exported_once_recorded_and_the_same_as_a_plain_export(tmp_path, monkeypatch, no_hook):
    figure, table = exhibits.get("fig-figures-by-qualifier"), exhibits.get("tab-reported-figures")
    small_registry(monkeypatch, figure, table)
    records = tmp_path / "records.jsonl"
    hook = kernel.ShowExporter(tmp_path, figure.notebook, records)
    exhibits.on_show(hook, stamp=hook.stamp)
    displayed = []
    monkeypatch.setattr("IPython.display.display", lambda obj: displayed.append(obj))
    real_read = type(tmp_path).read_bytes

    def no_read_back(path):
        assert path.suffix != ".png", "the exported PNG was read back from disk"
        return real_read(path)

    monkeypatch.setattr(type(tmp_path), "read_bytes", no_read_back)
    exhibits.show(figure.id, "zh")
    exhibits.show(table.id, "zh")
    monkeypatch.setattr(type(tmp_path), "read_bytes", real_read)

    image = displayed[1]
    png = (tmp_path / "figures" / f"{figure.id}.png").read_bytes()
    assert repr(image) == f"[figure {figure.id}]" and image._repr_png_() == (
        png, {"width": round(int.from_bytes(png[16:20], "big") * 110 / 200)})
    assert isinstance(displayed[3], pd.DataFrame)  # a table is displayed as it was
    shown = {p.relative_to(tmp_path).as_posix(): p.read_bytes() for p in tmp_path.rglob("*.*") if p != records and p.is_file()}
    assert sorted(shown) == [f".page-figures/{figure.id}.png"] + [f"figures/{figure.id}.{s}" for s in (
        "pdf", "png", "svg")] + [f"tables/{table.id}.{s}" for s in ("csv", "xlsx")]  # and the briefing's picture
    recs = kernel.read_records(records)
    assert [r["id"] for r in recs] == [figure.id, table.id]
    assert recs[0]["files"] == [{"path": f"figures/{figure.id}.{s}", "sha256": sha256(shown[f"figures/{figure.id}.{s}"])}
                                for s in ("png", "svg", "pdf")]
    assert recs[1]["rows"] == len(displayed[3]) and recs[0]["caption"] == figure.caption_zh
    # the same bytes as an export without show()
    plain = tmp_path / "plain"
    for ex in (figure, table):
        export.export_exhibit(ex.id, plain, "zh")
    assert {p.relative_to(plain).as_posix(): p.read_bytes() for p in plain.rglob("*.*") if p.is_file()} == shown


def test_the_hook_leaves_other_notebooks_alone(tmp_path, no_hook):
    figure = exhibits.get("fig-figures-by-qualifier")
    other = kernel.ShowExporter(tmp_path, "99_other.ipynb", tmp_path / "r.jsonl")
    assert other(figure, "zh", exhibits.render(figure.id, "zh")) is None
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_shown_figure_that_fails_to_export_fails_its_cell_naming_it(tmp_path, monkeypatch, no_hook):
    def bad_figure(lang="zh"):
        fig, ax = plotting.new_figure()
        ax.set_title("益阳𠀀")  # U+20000: not in the bundled font
        return fig

    bad = Exhibit("fig-missing-glyph", "figure", "缺字", "Missing glyph", "00_none.ipynb", ("article",),
                  func=bad_figure)
    small_registry(monkeypatch, bad)
    hook = kernel.ShowExporter(tmp_path, bad.notebook, tmp_path / "r.jsonl")
    exhibits.on_show(hook, stamp=hook.stamp)
    monkeypatch.setattr("IPython.display.display", lambda obj: None)
    with pytest.raises(report.BuildError, match=r"fig-missing-glyph.*𠀀 \(U\+20000\)"):
        exhibits.show(bad.id, "zh")
    assert kernel.read_records(tmp_path / "r.jsonl") == []


def test_exhibits_never_import_the_report():
    code = ("import sys; from ygx_analysis import exhibits; exhibits.all_exhibits(); "
            "exhibits.render('tab-reported-figures', 'en'); print('ygx_analysis.report' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip().splitlines()[-1] == "False"
    import ast

    from .conftest import REPO

    imported = set()
    for path in (REPO / "ygx_analysis" / "exhibits").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                imported |= {f"{'.' * node.level}{node.module or ''}.{a.name}" for a in node.names}
            elif isinstance(node, ast.Import):
                imported |= {a.name for a in node.names}
    assert ".style.house_style" in imported  # the scan sees the lazy imports inside functions
    assert not [name for name in imported if "report" in name.split(".")]


# ---------------------------------------------------------------------------
# the build named in exported files (provenance)
# ---------------------------------------------------------------------------

def modified_provenance():
    from ygx_analysis.data.provenance import Provenance

    return Provenance(exhibits_version(), "c0ffee" + "0" * 34, False, ("indicators.csv",), "1a2b3c4d", "2026-11-29")


def exhibits_version() -> str:
    from ygx_analysis import __version__

    return __version__


def test_an_exported_table_names_the_build_in_its_xlsx_about_sheet_and_csv_sidecar(tmp_path):
    import json

    from openpyxl import load_workbook

    prov = modified_provenance()
    rec, png = export.export_exhibit("tab-reported-figures", tmp_path, "zh", provenance=prov)
    assert png is None
    stamp = f"ygx_analysis {exhibits_version()} (commit c0ffee0+modified, data 1a2b3c4d, 2026-11-29)"
    assert rec["source_line"].endswith(f"；{stamp}（来源标识：article）")
    assert [f["path"] for f in rec["files"]] == ["tables/tab-reported-figures.csv", "tables/tab-reported-figures.xlsx",
                                                 "tables/tab-reported-figures.csv-metadata.json"]
    about = {row[0]: row[1] for row in load_workbook(tmp_path / "tables" / "tab-reported-figures.xlsx")["about"]
             .iter_rows(values_only=True)}
    assert about["id"] == "tab-reported-figures" and about["source"] == rec["source_line"]
    assert (about["commit"], about["modified"], about["data fingerprint"], about["build date"], about["build"]) == (
        prov.commit, "yes", "1a2b3c4d", "2026-11-29", stamp)
    assert about["caption"] == exhibits.get("tab-reported-figures").caption_zh
    # the CSV stays plain (its first line is the header, for Excel and pandas alike); the sidecar cites it
    csv_bytes = (tmp_path / "tables" / "tab-reported-figures.csv").read_bytes()
    assert csv_bytes.decode("utf-8-sig").splitlines()[0].startswith("数据行,板块,")
    assert list(pd.read_csv(tmp_path / "tables" / "tab-reported-figures.csv", encoding="utf-8-sig").columns)[:2] == [
        "数据行", "板块"]
    meta = json.loads((tmp_path / "tables" / "tab-reported-figures.csv-metadata.json").read_text("utf-8"))
    assert (meta["url"], meta["dc:identifier"], meta["dc:source"], meta["ygx:data_fingerprint"]) == (
        "tab-reported-figures.csv", "tab-reported-figures", rec["source_line"], "1a2b3c4d")


def test_a_comment_line_in_a_csv_would_break_a_plain_pandas_read(tmp_path):
    # why the cite line goes into a sidecar: pandas (and Excel) take "# …" for the header row
    path = export.write_csv(pd.DataFrame({"指标": ["财政总收入"], "value": [62.08]}), tmp_path / "t.csv")
    commented = tmp_path / "c.csv"
    commented.write_text("# 资料来源 / Source: 原文, ygx_analysis\n" + path.read_text("utf-8-sig"), encoding="utf-8")
    assert list(pd.read_csv(commented).columns) != ["指标", "value"]
    assert list(pd.read_csv(path, encoding="utf-8-sig").columns) == ["指标", "value"]


def test_an_exported_figure_carries_the_build_in_its_one_source_line(tmp_path, monkeypatch, no_hook):
    from ygx_analysis.exhibits import source_line_head
    from ygx_analysis.exhibits import style

    prov = modified_provenance()
    drawn = []
    real = style.add_source_line
    monkeypatch.setattr(style, "add_source_line", lambda fig, text, **kw: (drawn.append(text), real(fig, text, **kw)))
    # as in a report kernel: show() draws the figure with the build's stamp, the hook exports it
    hook = kernel.ShowExporter(tmp_path, "01_reported_figures.ipynb", tmp_path / "r.jsonl", prov)
    exhibits.on_show(hook, stamp=hook.stamp)
    shown = []
    monkeypatch.setattr("IPython.display.display", shown.append)
    exhibits.show("fig-figures-by-qualifier", "en")
    rec = kernel.read_records(tmp_path / "r.jsonl")[0]
    assert drawn == [rec["source_line"]]  # drawn once, naming the build
    assert "(commit c0ffee0+modified, data 1a2b3c4d, 2026-11-29)" in rec["source_line"]
    assert rec["source_line"].startswith(source_line_head("en"))
    # the build's own export draws the same line, once
    drawn.clear()
    again, png = export.export_exhibit("fig-figures-by-qualifier", tmp_path / "b", "en", provenance=prov)
    assert drawn == [again["source_line"]] == [rec["source_line"]] and png == shown[1].png
    # the notebook's own display keeps the version only
    shown_fig = exhibits.render("fig-figures-by-qualifier", "en")
    assert [t.get_text() for t in shown_fig.texts if t.get_text().startswith("Source:")][0].replace(
        "\n", " ").endswith(f"; ygx_analysis {exhibits_version()} [article]")


def test_the_kernel_hook_reads_the_build_provenance_from_its_environment(tmp_path, monkeypatch, no_hook):
    prov = modified_provenance()
    monkeypatch.setenv("YGX_PROVENANCE", prov.to_environ()["YGX_PROVENANCE"])
    code = kernel.hook_source("01_reported_figures.ipynb", tmp_path, tmp_path / "r.jsonl")
    exec(compile(code, "<hook>", "exec"), {})
    hook, stamp = exhibits._HOOK[0]
    assert isinstance(hook, kernel.ShowExporter) and hook.provenance == prov
    assert stamp(exhibits.get("fig-figures-by-qualifier")).endswith("+modified, data 1a2b3c4d, 2026-11-29)")
    monkeypatch.delenv("YGX_PROVENANCE")
    exec(compile(code, "<hook>", "exec"), {})
    assert exhibits._HOOK[0][0].provenance is None  # outside a build: the version only
    assert exhibits._HOOK[0][1](exhibits.get("fig-figures-by-qualifier")) is None


def test_xlsx_shows_the_display_decimals_and_keeps_full_precision(tmp_path):
    from openpyxl import load_workbook

    frame = pd.DataFrame({"金额（亿元）": [7.066817], "占比（%）": [11.648010], "年数": [5]})
    frame.attrs["display_decimals"] = {"金额（亿元）": 2, "占比（%）": 1}
    sheet = load_workbook(export.write_xlsx(frame, tmp_path / "t.xlsx", table_id="tab-t"))["table"]
    # row 1 the caption, row 2 the header, the table from row 3
    assert (sheet["A3"].value, sheet["A3"].number_format) == (7.066817, "0.00")
    assert (sheet["B3"].value, sheet["B3"].number_format) == (11.64801, "0.0")
    assert (sheet["C3"].value, sheet["C3"].number_format) == (5, "0")
