"""data/datapackage.json is current and the data validate against it with frictionless."""

from __future__ import annotations

import subprocess
import sys

from .conftest import DATA, REPO


def test_descriptor_is_generated_from_the_package_enumerations():
    proc = subprocess.run([sys.executable, str(REPO / "tools" / "make_datapackage.py"), "--check"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr


def test_frictionless_validates_the_package():
    from frictionless import Package

    package = Package(str(DATA / "datapackage.json"))
    report = package.validate()
    errors = [f"{task.name}: {err.message}" for task in report.tasks for err in task.errors]
    errors += [err.message for err in report.errors]
    assert report.valid, errors[:5]
    assert {r.name for r in package.resources} == {"indicators", "context", "sources", "scenarios", "savings"}


def test_frictionless_catches_a_bad_unit(data_copy):
    from frictionless import Package

    path = data_copy / "indicators.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",亿元,", ",furlongs,", 1), encoding="utf-8")
    report = Package(str(data_copy / "datapackage.json")).validate()
    assert not report.valid
    assert any(err.type == "constraint-error" for task in report.tasks for err in task.errors)


def test_own_check_of_the_real_descriptor_is_clean():
    from ygx_analysis.data.datapackage import check_descriptor

    import json

    listed = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))["resources"]
    assert check_descriptor(DATA) == (len(listed), [])


def test_own_check_works_without_frictionless(data_copy, monkeypatch):
    """Blocking the frictionless import leaves the structural check; the schema check needs frictionless."""
    from ygx_analysis.data.datapackage import check_descriptor, check_with_frictionless

    path = data_copy / "datapackage.json"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"maxLength": 30', '"maxLength": 3', 1), encoding="utf-8")
    n, problems = check_descriptor(data_copy)
    lines = [str(p) for p in problems]
    # the first data row of indicators.csv (line 2: frictionless counts the header) has a longer excerpt
    assert n == 5 and lines[0] == (f"{data_copy / 'indicators.csv'}:2: excerpt: frictionless: constraint error: "
                                   'constraint "maxLength" is "3"')
    monkeypatch.setitem(sys.modules, "frictionless", None)  # import frictionless now raises ImportError
    assert check_with_frictionless(data_copy) == []
    assert check_descriptor(data_copy) == (5, [])
    path.write_text(text.replace('"name": "label_en"', '"name": "label_english"', 1), encoding="utf-8")
    n, problems = check_descriptor(data_copy)
    assert [str(p) for p in problems] == [
        f"{path}: resources.indicators.schema.fields: names differ from the header of indicators.csv at column 4 "
        "(14 fields, 14 columns); regenerate the descriptor with tools/make_datapackage.py"]


def test_descriptor_must_list_savings_toml(data_copy):
    """savings.toml is a data file (the reform-savings assumptions): a descriptor without it is refused."""
    import json

    from ygx_analysis.data.datapackage import LISTED_FILES, check_descriptor

    assert "savings.toml" in LISTED_FILES
    path = data_copy / "datapackage.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["resources"] = [r for r in doc["resources"] if r["path"] != "savings.toml"]
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    n, problems = check_descriptor(data_copy, deep=False)
    assert n == 4
    assert [p.message for p in problems] == ["savings.toml is not listed; regenerate the descriptor with "
                                             "tools/make_datapackage.py"]


def test_blank_lines_an_editor_leaves_at_the_end_are_accepted_and_a_blank_row_inside_is_not(data_copy):
    from ygx_analysis.data.datapackage import check_with_frictionless
    from ygx_analysis.data.validation import validate_data_dir

    for name in ("indicators.csv", "context.csv"):
        with (data_copy / name).open("a", encoding="utf-8", newline="") as fh:
            fh.write("\n\n")
    assert check_with_frictionless(data_copy) == []
    counts, problems = validate_data_dir(data_copy)
    shipped = validate_data_dir(DATA)[0]
    assert problems == [] and counts == shipped  # as many rows as the shipped files: the blank lines are not rows

    lines = (data_copy / "indicators.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (data_copy / "indicators.csv").write_text("".join(lines[:9] + ["\n"] + lines[9:]), encoding="utf-8")
    problems = check_with_frictionless(data_copy)
    assert [(p.line, p.message.split(":")[1].strip()) for p in problems] == [(10, "blank row"), (10, "primarykey error")]
