"""The XLSX writer: read back by openpyxl and pandas, escaping, limits, fixed bytes."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from xml.etree import ElementTree

import numpy as np
import pandas as pd
import pytest
from openpyxl import Workbook, load_workbook

from ygx_analysis import report
from ygx_analysis.xlsx import Properties, Sheet, cell_xml, column_letter, workbook_bytes

WHEN = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)

ROWS = [
    ["指标", "value", "ok", "note"],
    ["财政总收入", 62.08, True, None],
    ["规上企业", 487, False, "  leading and trailing  "],
    ["a<b & c>d \"q\" 'x'", np.float64(1e-05), np.bool_(True), "tab\there\nnew line"],
    ["控制\x01字符", -0.5, None, "超200家"],
]


def read_back(data: bytes):
    return load_workbook(io.BytesIO(data))


def test_openpyxl_reads_back_every_value_type_and_text():
    data = workbook_bytes([Sheet("table", ROWS, [12, 8, 6, 30], header=True), Sheet("about", [["id", "tab-x"]])],
                          Properties(title="标题", subject="tab-x", description="来源"), WHEN)
    wb = read_back(data)
    assert wb.sheetnames == ["table", "about"]
    got = [list(r) for r in wb["table"].iter_rows(values_only=True)]
    assert got == [
        ["指标", "value", "ok", "note"],
        ["财政总收入", 62.08, True, None],
        ["规上企业", 487, False, "  leading and trailing  "],
        ["a<b & c>d \"q\" 'x'", 1e-05, True, "tab\there\nnew line"],
        ["控制\ufffd字符", -0.5, None, "超200家"],  # a character XML cannot hold becomes U+FFFD
    ]
    assert isinstance(got[2][1], int) and isinstance(got[1][1], float)
    ws = wb["table"]
    assert ws.freeze_panes == "A2"
    assert [ws.cell(1, c).font.b for c in range(1, 5)] == [True] * 4 and not ws.cell(2, 1).font.b
    assert [ws.column_dimensions[column_letter(i)].width for i in range(1, 5)] == [12, 8, 6, 30]
    props = wb.properties
    assert (props.title, props.subject, props.description, props.creator) == ("标题", "tab-x", "来源", "ygx_analysis")
    assert props.created == dt.datetime(2000, 1, 1) and props.modified == dt.datetime(2000, 1, 1)


def test_every_part_is_well_formed_xml_and_every_entry_has_the_fixed_time():
    data = workbook_bytes([Sheet("table", ROWS, header=True)], Properties(), WHEN)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for info in z.infolist():
            assert info.date_time == (2000, 1, 1, 0, 0, 0)
            ElementTree.fromstring(z.read(info.filename))  # raises on malformed XML


def test_same_values_as_a_workbook_written_by_openpyxl():
    # a second writer: openpyxl's own workbook of the same rows reads back identically
    wb = Workbook()
    ws = wb.active
    ws.title = "table"
    clean = [[None if isinstance(v, float) and np.isnan(v) else (v.item() if hasattr(v, "item") else v)
              for v in row] for row in ROWS]
    clean[4][0] = "控制\ufffd字符"  # openpyxl refuses the control character outright
    for row in clean:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    theirs = [list(r) for r in load_workbook(buf)["table"].iter_rows(values_only=True)]
    ours = [list(r) for r in read_back(workbook_bytes([Sheet("table", ROWS)], Properties(), WHEN))["table"]
            .iter_rows(values_only=True)]
    assert ours == theirs


def test_pandas_reads_the_report_table_with_chinese_and_infinity_as_text(tmp_path):
    frame = pd.DataFrame({"指标": ["超200家", "财政总收入"], "low": [200.0, 62.075], "high": [float("inf"), 62.085],
                          "n": pd.array([pd.NA, 3], dtype="Int64")})
    path = report.write_xlsx(frame, tmp_path / "t.xlsx", table_id="tab-t", caption="标题", source="来源", version="0.1")
    sheets = pd.read_excel(path, sheet_name=None)
    table = sheets["table"]
    assert list(table.columns) == ["指标", "low", "high", "n"]
    assert table["指标"].tolist() == ["超200家", "财政总收入"]
    # stored as the text "inf" (a cell cannot hold infinity); pandas reads that text back as infinity
    assert load_workbook(path)["table"]["C2"].value == "inf"
    assert table["high"].tolist() == [float("inf"), 62.085] and table["low"].tolist() == [200.0, 62.075]
    assert pd.isna(table["n"][0]) and table["n"][1] == 3
    about = dict(zip(sheets["about"].iloc[:, 0], sheets["about"].iloc[:, 1], strict=True))
    assert about == {"caption": "标题", "source": "来源", "package": "ygx_analysis 0.1"}  # "id" is the header row
    assert list(sheets["about"].columns) == ["id", "tab-t"]


def test_column_widths_count_a_cjk_character_as_two(tmp_path):
    frame = pd.DataFrame({"指标名称很长很长": ["x"], "v": [1]})  # 8 CJK characters: 16 + 2
    ws = load_workbook(report.write_xlsx(frame, tmp_path / "w.xlsx", table_id="tab-w"))["table"]
    assert ws.column_dimensions["A"].width == 18 and ws.column_dimensions["B"].width == 8


@pytest.mark.parametrize(("value", "message"), [
    (float("inf"), "cell B1: an infinite number"),
    ("x" * 32768, "cell B1: 32768 characters"),
    (dt.date(2024, 1, 1), "cell B1: cannot store a date"),
])
def test_a_value_a_cell_cannot_hold_is_named(value, message):
    with pytest.raises((ValueError, TypeError), match=message):
        workbook_bytes([Sheet("s", [["a", value]])], Properties(), WHEN)


def test_bad_workbooks_are_refused_with_the_reason():
    with pytest.raises(ValueError, match="sheet name"):
        Sheet("a/b", [])
    with pytest.raises(ValueError, match="sheet name"):
        Sheet("x" * 32, [])
    with pytest.raises(ValueError, match="same name"):
        workbook_bytes([Sheet("t", []), Sheet("T", [])], Properties(), WHEN)
    with pytest.raises(ValueError, match="at least one sheet"):
        workbook_bytes([], Properties(), WHEN)
    with pytest.raises(ValueError, match="before 1980"):
        workbook_bytes([Sheet("t", [])], Properties(), dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc))


def test_an_empty_sheet_is_a_valid_workbook():
    wb = read_back(workbook_bytes([Sheet("empty", [])], Properties(), WHEN))
    assert wb.sheetnames == ["empty"] and wb["empty"].max_row == 1 and wb["empty"]["A1"].value is None


def test_cell_xml_of_numpy_integers_and_column_letters():
    assert cell_xml("A1", np.int64(7)) == '<c r="A1"><v>7</v></c>'
    assert column_letter(16384) == "XFD"  # Excel's last column
    with pytest.raises(ValueError):
        column_letter(0)
