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
    assert {r.name for r in package.resources} == {"indicators", "context", "sources", "scenarios"}


def test_frictionless_catches_a_bad_unit(data_copy):
    from frictionless import Package

    path = data_copy / "indicators.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",亿元,", ",furlongs,", 1), encoding="utf-8")
    report = Package(str(data_copy / "datapackage.json")).validate()
    assert not report.valid
    assert any(err.type == "constraint-error" for task in report.tasks for err in task.errors)
