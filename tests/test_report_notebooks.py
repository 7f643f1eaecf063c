"""Notebooks in the report: papermill parameters, kernels started costliest first, stopping, --lang en,
safety of OUT. Small temporary projects keep these quick on 2 cores; the tests that start kernels are
marked slow."""

from __future__ import annotations

import json
import os
import re
import shutil
import threading
import time
from pathlib import Path

import nbformat
import pytest

from ygx_analysis import cli, exhibits, report
from ygx_analysis.exhibits import style as plotting
from ygx_analysis.exhibits import Exhibit
from ygx_analysis.report import notebooks, safety

from .conftest import DATA, NOTEBOOKS, REPO, tree

CJK = re.compile(r"[\u3400-\u9fff]")
KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}


def small_registry(monkeypatch, *entries: Exhibit) -> None:
    """Restrict the registry to the given exhibits for this test."""
    exhibits.all_exhibits()
    monkeypatch.setattr(exhibits, "_REGISTRY", {e.id: e for e in entries})
    monkeypatch.setattr(exhibits, "load_all", lambda: None)


def previous_build(folder: Path) -> dict[str, bytes]:
    """A folder that looks like an earlier build (with the build marker); its files."""
    (folder / "figures").mkdir(parents=True)
    (folder / safety.MARKER).write_bytes(safety.marker_bytes())
    (folder / "manifest.json").write_text('{"version": "earlier"}\n', encoding="utf-8")
    (folder / "figures" / "fig-old.png").write_bytes(b"\x89PNG old")
    return tree(folder)


def test_parameters_are_injected_by_papermill_after_the_parameters_cell():
    nb = nbformat.read(NOTEBOOKS / "06_scenarios_2026_2030.ipynb", as_version=4)
    where = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
    new, done = notebooks.parameterise(nb, {"LANG": "en"})
    assert done and len(new.cells) == len(nb.cells) + 1
    injected = new.cells[where + 1]
    assert injected.metadata["tags"] == ["injected-parameters"] and injected.id == "injected-parameters"
    assert injected.source == '# Parameters\nLANG = "en"\n'
    assert new.metadata["papermill"]["parameters"] == {"LANG": "en"}
    again, _ = notebooks.parameterise(new, {"LANG": "zh"})  # an injected cell is replaced, not added
    assert len(again.cells) == len(new.cells) and again.cells[where + 1].source.endswith('LANG = "zh"\n')
    assert "injected-parameters" not in json.dumps(nb)  # the notebook read is left alone


@pytest.mark.slow  # starts kernels
def test_lang_en_gives_english_labels_and_passes_lang_to_parameterised_notebooks(tmp_path, monkeypatch, capsys):
    figure, table = exhibits.get("fig-figures-by-qualifier"), exhibits.get("tab-reported-figures")
    small_registry(monkeypatch, figure, table)
    project = tmp_path / "project"
    shutil.copytree(DATA, project / "data")
    (project / "notebooks").mkdir()
    with_parameters = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell('LANG = "zh"', metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("print(LANG)")])
    as_stored = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        'LANG = "zh"\nprint(LANG)\nfrom ygx_analysis import exhibits\nexhibits.show("tab-reported-figures", LANG)')])
    for name, nb in (("a_parameters.ipynb", with_parameters), ("b_stored.ipynb", as_stored)):
        nb.metadata["kernelspec"] = KERNELSPEC
        nbformat.write(nb, project / "notebooks" / name)
    stored = tree(project / "notebooks")
    out = tmp_path / "build"

    status = cli.main(["report", "--project", str(project), "--out", str(out), "--lang", "en", "--jobs", "2"])

    printed = capsys.readouterr().out.strip().splitlines()
    assert status == 0
    assert Path(printed[-1]).resolve() == (out / "index.html").resolve()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["lang"] == "en"
    fig_rec, tab_rec = manifest["exhibits"]
    # b_stored showed the table in Chinese: the English build exports it again, in English
    assert fig_rec["caption"] == figure.caption_en and tab_rec["caption"] == table.caption_en
    assert fig_rec["source_line"].startswith("Source: ")
    assert not CJK.search(fig_rec["title"]), fig_rec["title"]
    header = (out / "tables" / "tab-reported-figures.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert not CJK.search(header), header
    assert '<html lang="en">' in (out / "index.html").read_text(encoding="utf-8")
    outputs = {}
    for stem in ("a_parameters", "b_stored"):
        nb = nbformat.read(out / "notebooks" / f"{stem}.ipynb", as_version=4)
        outputs[stem] = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert outputs == {"a_parameters": "en\n", "b_stored": "zh\n"}
    assert [n["parameters"] for n in manifest["notebooks"]] == [{"LANG": "en"}, {}]
    assert tree(project / "notebooks") == stored


@pytest.mark.slow  # starts kernels
def test_failing_notebook_keeps_previous_build_and_names_the_cell(tmp_path, monkeypatch, capsys):
    name = "01_reported_figures.ipynb"
    small_registry(monkeypatch, *[ex for ex in exhibits.all_exhibits() if ex.notebook == name][:1])
    project = tmp_path / "project"
    shutil.copytree(DATA, project / "data")
    (project / "notebooks").mkdir()
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    nb.cells.insert(2, nbformat.v4.new_code_cell('raise RuntimeError("made to fail")'))
    nbformat.write(nb, project / "notebooks" / name)
    out = tmp_path / "build"
    before = previous_build(out)

    status = cli.main(["report", "--project", str(project), "--out", str(out), "--jobs", "2"])

    err = capsys.readouterr().err
    assert status != 0
    run, _ = notebooks.parameterise(nb, {"LANG": "zh"})  # as run: with LANG injected if it has a parameters cell
    where = next(i for i, c in enumerate(run.cells) if "made to fail" in c.source) + 1
    assert f"notebook {name}: cell {where} of {len(run.cells)}" in err and "RuntimeError: made to fail" in err
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build", "project"]


def test_missing_cjk_glyph_fails_the_build_and_keeps_previous(tmp_path, monkeypatch):
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
    before = previous_build(out)
    with pytest.raises(report.BuildError, match=r"fig-missing-glyph.*𠀀 \(U\+20000\)"):
        report.build(out, project, log=None)
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build", "project"]


def test_refuses_to_replace_a_folder_that_is_not_a_build(tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "thesis.docx").write_text("keep me")
    with pytest.raises(ValueError, match=r"^out: .*not a ygx_analysis build"):
        report.build(out, log=None)
    assert (out / "thesis.docx").read_text() == "keep me"


def test_refuses_to_build_into_the_notebooks_or_the_project():
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


def test_the_costliest_notebooks_start_first():
    # 06 (statsmodels fits, Monte Carlo) shows the most exhibits, so it starts first
    costs = {p.name: notebooks.notebook_cost(p) for p in NOTEBOOKS.glob("*.ipynb")}
    assert max(costs, key=costs.get) == "06_scenarios_2026_2030.ipynb"
    assert notebooks.notebook_cost(NOTEBOOKS / "06_scenarios_2026_2030.ipynb") == sum(
        1 for ex in exhibits.all_exhibits() if ex.notebook == "06_scenarios_2026_2030.ipynb")


@pytest.mark.slow  # starts kernels
def test_kernels_start_in_the_given_order_and_results_keep_the_notebooks_order(tmp_path):
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
    runs = report.execute_notebooks(paths, out, jobs=1,
                                    cost=lambda p: {"a_light.ipynb": 1, "b_heavy.ipynb": 2}[p.name])
    assert (out / "order.txt").read_text().splitlines() == ["b_heavy", "a_light"]
    assert [r.name for r in runs] == ["a_light.ipynb", "b_heavy.ipynb"]
    assert [r.nb.cells[0].outputs[0]["text"] for r in runs] == ["a_light\n", "b_heavy\n"]


@pytest.mark.slow  # starts kernels
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
    runs = report.execute_notebooks(paths, out, jobs=2, cancel=stop)
    watcher.join()
    assert [r.error for r in runs] == ["notebook a.ipynb: cancelled", "notebook b.ipynb: cancelled",
                                       "notebook c.ipynb: cancelled before it started"]
    assert sorted(p.name for p in out.iterdir()) == ["a.pid", "b.pid"]  # no cell went on or started
    for name in ("a", "b"):
        pid = int((out / f"{name}.pid").read_text())
        with pytest.raises(ProcessLookupError):  # gone and reaped: not even a zombie is left
            os.kill(pid, 0)


@pytest.mark.slow  # starts kernels
def test_a_notebook_naming_an_unregistered_kernel_runs_in_the_builds_python(tmp_path):
    # The notebooks name the "ygx-analysis" kernel that `make lab` registers; a machine without it
    # (CI, a fresh clone) must still build, in the Python that runs the build.
    import sys

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import sys\nprint(sys.executable)")])
    nb.metadata["kernelspec"] = {"name": "no-such-kernel-here", "display_name": "x", "language": "python"}
    path = tmp_path / "k.ipynb"
    nbformat.write(nb, path)
    out = tmp_path / "out"
    out.mkdir()
    runs = report.execute_notebooks([path], out, jobs=1)
    assert Path(runs[0].nb.cells[0].outputs[0]["text"].strip()).resolve() == Path(sys.executable).resolve()


@pytest.mark.slow  # starts kernels
def test_a_report_kernel_shuts_down_normally_and_loses_no_file_left_open(tmp_path):
    # Python's own teardown flushes a file the notebook never closed; the process is gone and reaped.
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import os\nopen('pid.txt', 'w').write(str(os.getpid()))\n"
        "left_open = open('left-open.txt', 'w', buffering=1 << 20)\nleft_open.write('still in the buffer')")])
    nb.metadata["kernelspec"] = KERNELSPEC
    path = tmp_path / "a.ipynb"
    nbformat.write(nb, path)
    out, root = tmp_path / "out", tmp_path / "root"
    out.mkdir()
    root.mkdir()
    runs = report.execute_notebooks([path], out, jobs=1, export_root=root)
    assert runs[0].ok, runs[0].error
    assert (out / "left-open.txt").read_text() == "still in the buffer"
    with pytest.raises(ProcessLookupError):
        os.kill(int((out / "pid.txt").read_text()), 0)
    assert [c.source for c in runs[0].nb.cells] == [nb.cells[0].source]  # the hook ran outside the cells
