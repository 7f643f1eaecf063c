"""Notebooks as parameterised analyses: ``DATA_DIR`` through :func:`ygx_analysis.use_data_dir`, and papermill.

The papermill runs (marked ``slow``) execute a notebook with ``-p LANG`` / ``-p DATA_DIR <copy>``
(and notebook 05's own assumptions) in a ``python3`` kernel, named explicitly because the
notebooks' kernelspec (``ygx-analysis``) exists only where ``make lab`` registered it. Each copy of
``data/`` has one edited value, and the test checks that the value, and a number computed from
it by hand, show in the outputs.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

import ygx_analysis as ygx
import ygx_analysis.exhibits
import ygx_analysis.savings
from ygx_analysis.data.provenance import data_fingerprint
from ygx_analysis.data.tables import DATA_DIR_ENV, default_data_dir

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = REPO / "notebooks"


@pytest.fixture
def clean_env(monkeypatch):
    """No data folder from the environment; restored after the test (use_data_dir sets it)."""
    # setenv first: monkeypatch then restores the variable (or its absence) at teardown even
    # though use_data_dir sets os.environ itself; delenv alone records nothing when it is unset
    monkeypatch.setenv(DATA_DIR_ENV, "")
    monkeypatch.delenv(DATA_DIR_ENV)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    return monkeypatch


def edited_copy(tmp_path: Path, file: str, old: str, new: str) -> Path:
    """A copy of data/ in which the one line of ``file`` that holds ``old`` holds ``new`` instead."""
    copy = tmp_path / "data"
    shutil.copytree(default_data_dir(), copy)
    path = copy / file
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    hits = [i for i, line in enumerate(lines) if old in line]
    assert len(hits) == 1, f"{old!r} is on {len(hits)} lines of {file}"
    lines[hits[0]] = lines[hits[0]].replace(old, new)
    path.write_text("".join(lines), encoding="utf-8")
    return copy


# ---------------------------------------------------------------------------
# use_data_dir
# ---------------------------------------------------------------------------

def test_use_data_dir_points_every_loader_at_the_copy(tmp_path, clean_env):
    copy = edited_copy(tmp_path, "indicators.csv", "62.08", "63.08")
    assert ygx.reported("fiscal_revenue_total_2024").value == 62.08
    assert ygx.use_data_dir(copy) == copy.resolve()
    assert default_data_dir() == copy.resolve()
    assert ygx.reported("fiscal_revenue_total_2024").value == 63.08
    assert ygx.reported("fiscal_revenue_total_2024").interval.notation() == "[63.075, 63.085)"


def test_use_data_dir_none_keeps_the_folder_in_use(tmp_path, clean_env):
    assert ygx.use_data_dir(None) == default_data_dir() == REPO / "data"
    copy = edited_copy(tmp_path, "indicators.csv", "62.08", "63.08")
    clean_env.setenv(DATA_DIR_ENV, str(copy))  # as a report build sets it for its kernels
    assert ygx.use_data_dir(None) == copy
    assert ygx.reported("fiscal_revenue_total_2024").value == 63.08


def test_use_data_dir_reaches_the_savings_assumptions(tmp_path, clean_env):
    copy = edited_copy(tmp_path, "indicators.csv", "1.3亿元以上", "1.35亿元以上")
    lines = (copy / "indicators.csv").read_text(encoding="utf-8").splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith("hr_cost_saving_annual,"))
    lines[row] = lines[row].replace(",1.3,", ",1.35,")
    (copy / "indicators.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    ygx.use_data_dir(copy)
    from ygx_analysis.savings import SavingsAssumptions

    assert SavingsAssumptions.from_data().annual_saving == 1.35


@pytest.mark.parametrize(("value", "error", "message"), [
    (3, TypeError, "data_dir: expected a path, a string or None, got int"),
    (" ", ValueError, "data_dir: must not be empty"),
])
def test_use_data_dir_rejects_bad_arguments(value, error, message, clean_env):
    with pytest.raises(error, match=f"^{message}$"):
        ygx.use_data_dir(value)


def test_use_data_dir_rejects_a_folder_that_is_not_a_data_copy(tmp_path, clean_env):
    with pytest.raises(ValueError, match="^data_dir: .* is not a folder$"):
        ygx.use_data_dir(tmp_path / "missing")
    with pytest.raises(ValueError, match="^data_dir: .* holds no indicators.csv"):
        ygx.use_data_dir(tmp_path)
    assert DATA_DIR_ENV not in __import__("os").environ  # a rejected folder changes nothing


# ---------------------------------------------------------------------------
# papermill
# ---------------------------------------------------------------------------

def _run(name: str, out: Path, parameters: dict) -> str:
    """Execute notebook ``name`` with papermill; every text output, joined."""
    import papermill

    papermill.execute_notebook(str(NOTEBOOKS / name), str(out), parameters=parameters, kernel_name="python3",
                               progress_bar=False, cwd=str(out.parent))
    nb = json.loads(out.read_text(encoding="utf-8"))
    texts = []
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            texts.append("".join(output.get("text", "")))
            for kind in ("text/plain", "text/markdown", "text/html"):
                texts.append("".join(output.get("data", {}).get(kind, "")))
    return "\n".join(texts)


@pytest.mark.slow
def test_papermill_runs_notebook_02_in_english_on_a_data_copy(tmp_path, clean_env):
    copy = edited_copy(tmp_path, "indicators.csv", "62.08", "63.08")
    text = _run("02_growth.ipynb", tmp_path / "02.ipynb", {"LANG": "en", "DATA_DIR": str(copy)})
    assert f"{63.08 / 1.0633:.4f}" in text  # the implied 2023 total fiscal revenue from the edited level
    assert f"{62.08 / 1.0633:.4f}" not in text
    assert "Growth rates printed in the article" in text or "tab-growth-rates" in text
    assert "2025年1-6月" not in text  # English period labels


@pytest.mark.slow
def test_papermill_runs_notebook_05_with_its_assumptions(tmp_path, clean_env):
    copy = edited_copy(tmp_path, "indicators.csv", "1.3亿元以上", "1.35亿元以上")
    lines = (copy / "indicators.csv").read_text(encoding="utf-8").splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith("hr_cost_saving_annual,"))
    lines[row] = lines[row].replace(",1.3,", ",1.35,")
    (copy / "indicators.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    text = _run("05_reform_savings.ipynb", tmp_path / "05.ipynb", {"DATA_DIR": str(copy), "DISCOUNT_RATE_PCT": 3})
    assert "每年1.35亿元以上（原文下限）" in text  # the edited printed saving, labelled as the lower bound
    assert "贴现率3%" in text  # the parameter, shown in the labels
    # 15th plan, nominal: 1.35 a year in 2025 money growing 2.8 % a year (savings.toml), 2026-2030
    nominal = sum(1.35 * 1.028 ** (year - 2025) for year in range(2026, 2031))
    assert f"累计毛节约{nominal:.2f}亿元（名义）" in text
    # every source line says that these are not the published numbers: the data copy and the parameter
    lines = source_lines(text)
    assert len(lines) == 5  # the five savings tables (the figures draw theirs into the image)
    stamp = f"ygx_analysis {ygx.__version__} (+modified, data {data_fingerprint(copy)})"
    assert all(stamp in line and line.endswith("；参数：DISCOUNT_RATE_PCT=3") for line in lines), lines


def source_lines(text: str) -> list[str]:
    """The Chinese source lines in a notebook's text outputs (a table's line is a Markdown ``<small>``)."""
    return re.findall(r"资料来源：[^<\n]*", text)


@pytest.mark.slow
def test_papermill_parameter_marks_every_source_line_and_the_default_run_does_not(tmp_path, clean_env):
    # the README's example: papermill -p DISCOUNT_RATE_PCT 3.0 (kernel python3, as a fresh clone has it)
    changed = source_lines(_run("05_reform_savings.ipynb", tmp_path / "changed.ipynb", {"DISCOUNT_RATE_PCT": 3.0}))
    default = source_lines(_run("05_reform_savings.ipynb", tmp_path / "default.ipynb", {}))
    assert len(changed) == len(default) == 5
    assert all(f"ygx_analysis {ygx.__version__} (+modified)（来源标识：" in line
               and line.endswith("；参数：DISCOUNT_RATE_PCT=3") for line in changed), changed
    assert all("+modified" not in line and "参数" not in line for line in default), default
    # the figures draw the same line (checked on the figure objects: a PNG holds no text to read)
    result = ygx.savings.run_savings(ygx.savings.SavingsAssumptions.from_data(discount_rate_pct=3.0))
    for exhibit_id in ("fig-savings-cumulative", "fig-savings-tornado"):
        drawn = ygx.exhibits.render(exhibit_id, "zh", result=result).texts[-1].get_text().replace("\n", "")
        assert drawn.endswith("；参数：DISCOUNT_RATE_PCT=3") and "(+modified)" in drawn


# ---------------------------------------------------------------------------
# the report picks the notebook set by language
# ---------------------------------------------------------------------------

@pytest.mark.slow
def test_report_builds_the_set_of_its_language(tmp_path, clean_env):
    import nbformat

    from ygx_analysis import exhibits, report

    from .test_report_notebooks import KERNELSPEC, small_registry

    small_registry(clean_env, exhibits.get("tab-reported-figures"))
    project = tmp_path / "project"
    shutil.copytree(default_data_dir(), project / "data")
    for lang, folder in (("zh", project / "notebooks"), ("en", project / "notebooks" / "en")):
        folder.mkdir(parents=True)
        nb = nbformat.v4.new_notebook(cells=[
            nbformat.v4.new_code_cell(f'LANG = "{lang}"', metadata={"tags": ["parameters"]}),
            nbformat.v4.new_code_cell('print("set", LANG)')], metadata={"kernelspec": KERNELSPEC})
        nbformat.write(nb, folder / "01_pair.ipynb")
    sources = {}
    for lang in ("zh", "en"):
        report.build(tmp_path / f"build-{lang}", project, lang=lang, jobs=1, log=None)
        manifest = json.loads((tmp_path / f"build-{lang}" / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["lang"] == lang
        sources[lang] = [n["source"] for n in manifest["notebooks"]]
        executed = nbformat.read(tmp_path / f"build-{lang}" / "notebooks" / "01_pair.ipynb", as_version=4)
        assert [o["text"] for c in executed.cells if c.cell_type == "code" for o in c.outputs] == [f"set {lang}\n"]
    assert sources == {"zh": ["notebooks/01_pair.ipynb"], "en": ["notebooks/en/01_pair.ipynb"]}
