"""Packaging: environment.yml equals pyproject.toml, constraints pin everything, imports stay light."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib

from packaging.requirements import Requirement

import ygx_analysis

from .conftest import REPO


def _pyproject() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pyproject_requirements() -> dict[str, str]:
    """Runtime and every extra, with self-references (ygx_analysis[report]) expanded away."""
    project = _pyproject()["project"]
    reqs = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        reqs += [r for r in extra if not r.startswith("ygx_analysis")]
    out: dict[str, str] = {}
    for r in reqs:
        req = Requirement(r)
        out[_normal(req.name)] = str(req.specifier)
    return out


def _environment_requirements() -> tuple[dict[str, str], list[str]]:
    """Conda dependencies of environment.yml (name → specifier) and its pip lines."""
    conda: dict[str, str] = {}
    pip: list[str] = []
    section = None
    for raw in (REPO / "environment.yml").read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line:
            continue
        if not line.startswith(" "):
            section = line.rstrip(":")
            continue
        if section != "dependencies":
            continue
        item = line.strip()[2:].strip()
        indent = len(line) - len(line.lstrip())
        if indent > 2:
            pip.append(item)
            continue
        if item.split()[0] == "python" or item in ("pip", "pip:"):  # python-docx is a package
            continue
        m = re.match(r"^([A-Za-z0-9_.\-]+)\s*(.*)$", item)
        assert m, item
        conda[_normal(m.group(1))] = m.group(2).replace(" ", "")
    return conda, pip


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    conda, pip = _environment_requirements()
    expected = _pyproject_requirements()
    assert conda == {k: v.replace(" ", "") for k, v in expected.items()}
    assert pip == ["-e ."]


def test_environment_yml_python_matches_requires_python():
    text = (REPO / "environment.yml").read_text(encoding="utf-8")
    assert f"python {_pyproject()['project']['requires-python']}" in text


def test_constraints_pin_every_dependency_exactly():
    pins = {}
    for line in (REPO / "requirements" / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            req = Requirement(line)
            spec = str(req.specifier)
            assert spec.startswith("=="), line
            pins[_normal(req.name)] = spec[2:]
    for name, specifier in _pyproject_requirements().items():
        assert name in pins, name
        from packaging.specifiers import SpecifierSet

        assert pins[name] in SpecifierSet(specifier), (name, pins[name], specifier)


def test_citation_version_matches_package():
    text = (REPO / "CITATION.cff").read_text(encoding="utf-8")
    assert f'version: "{ygx_analysis.__version__}"' in text
    assert _pyproject()["project"]["version"] == ygx_analysis.__version__


def test_jupyterlab_is_not_in_the_test_extra():
    extras = _pyproject()["project"]["optional-dependencies"]
    assert not any(r.startswith("jupyterlab") for r in extras["test"])


def test_import_loads_neither_matplotlib_nor_statsmodels():
    code = ("import sys, ygx_analysis, ygx_analysis.data.tables, ygx_analysis.arithmetic.reported, ygx_analysis.arithmetic.growth, ygx_analysis.savings, ygx_analysis.audit, ygx_analysis.scenarios, ygx_analysis.arithmetic.composition; "
            "heavy = [m for m in ('matplotlib', 'statsmodels', 'scipy') if m in sys.modules]; "
            "print(','.join(heavy))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == ""


def test_report_extra_uses_the_well_kept_writers():
    report = {_normal(Requirement(r).name) for r in _pyproject()["project"]["optional-dependencies"]["report"]}
    assert {"xlsxwriter", "nbconvert", "papermill", "nbclient"} <= report
    assert not {"mistune", "pygments"} & report  # nbconvert brings them; the package no longer uses them
    assert "openpyxl" in {_normal(Requirement(r).name) for r in _pyproject()["project"]["optional-dependencies"]["test"]}
    assert not (REPO / "ygx_analysis" / "xlsx.py").exists() and not (REPO / "ygx_analysis" / "notebook_html.py").exists()
