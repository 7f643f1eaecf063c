"""A report build that loses nothing, mixes nothing and never hangs.

- ``--out``: only a missing or empty folder, or an earlier build (its marker), is replaced;
  a symbolic link's target is replaced; one build at a time (``OUT.lock``);
  stale temporary folders of dead builds are removed.
- The data folder is copied when the build starts; an edit made during the build shows nowhere.
- SIGINT and SIGTERM stop a real build: exit 130 or 143, one line, previous build kept,
  no temporary folder, no kernel left. A cell timeout is one line naming the cell and the limit.
- Errors from the file system are one line naming the path and what was kept.

Tests that start kernels are marked slow.
"""

from __future__ import annotations

import errno
import importlib
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import nbformat
import psutil
import pytest

from ygx_analysis import cli, exhibits, report
from ygx_analysis.report import safety

from .conftest import DATA, tree

build_module = importlib.import_module("ygx_analysis.report.build")  # the module, not the function
export_module = importlib.import_module("ygx_analysis.report.export")
KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}


def previous_build(folder: Path) -> dict[str, bytes]:
    """A folder that is an earlier build (marker, manifest, a figure); its files."""
    (folder / "figures").mkdir(parents=True)
    (folder / safety.MARKER).write_bytes(safety.marker_bytes())
    (folder / "manifest.json").write_text('{"package": "ygx_analysis", "version": "earlier"}\n', encoding="utf-8")
    (folder / "figures" / "fig-old.png").write_bytes(b"\x89PNG old")
    return tree(folder)


def neighbours(out: Path) -> list[str]:
    """Names beside ``out`` that a build may leave: its lock and temporary folders."""
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(out.name + "."))


def empty_registry(monkeypatch) -> None:
    exhibits.all_exhibits()
    monkeypatch.setattr(exhibits, "_REGISTRY", {})
    monkeypatch.setattr(exhibits, "load_all", lambda: None)


def project_with(tmp_path: Path, cells: list[str], name: str = "a.ipynb") -> Path:
    """A project: a copy of data/ and one notebook of the given code cells."""
    project = tmp_path / "project"
    shutil.copytree(DATA, project / "data")
    (project / "notebooks").mkdir()
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    nb.metadata["kernelspec"] = KERNELSPEC
    nbformat.write(nb, project / "notebooks" / name)
    return project


@pytest.fixture
def none(tmp_path_factory) -> Path:
    """An empty project folder (no notebooks: a quick build reads the repository's data/)."""
    return tmp_path_factory.mktemp("none")


def run_cli(argv: list[str], capsys) -> tuple[int, list[str]]:
    status = cli.main(argv)
    return status, capsys.readouterr().err.splitlines()


# ---------------------------------------------------------------------------
# --out
# ---------------------------------------------------------------------------

def test_a_folder_with_a_thesis_and_a_foreign_manifest_survives_byte_identical(tmp_path, capsys):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "thesis.docx").write_bytes(b"PK\x03\x04 my thesis")
    (out / "manifest.json").write_text('{"name": "my-app", "version": "2.0"}\n', encoding="utf-8")
    before = tree(out)

    status, err = run_cli(["report", "--out", str(out)], capsys)

    assert status == 2 and len(err) == 1, err
    assert err[0].startswith("ygx-analysis: error: out: ") and "not a ygx_analysis build" in err[0], err
    assert "nothing was changed" in err[0]
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine"]  # no lock, no temporary folder


def test_only_an_empty_folder_or_a_build_may_be_replaced(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    earlier = tmp_path / "earlier"
    previous_build(earlier)
    unmarked = tmp_path / "unmarked"  # a build's layout and manifest, but no marker
    (unmarked / "tables").mkdir(parents=True)
    (unmarked / "manifest.json").write_text('{"package": "ygx_analysis"}', encoding="utf-8")
    for folder in (empty, earlier, tmp_path / "missing"):
        safety.check_out(folder, [DATA])
    hidden = tmp_path / "hidden"
    hidden.mkdir()
    (hidden / ".git").mkdir()
    wrong_marker = tmp_path / "wrong"
    wrong_marker.mkdir()
    (wrong_marker / safety.MARKER).write_text('{"package": "other", "format": 1}', encoding="utf-8")
    for folder in (hidden, wrong_marker, unmarked):
        with pytest.raises(ValueError, match=r"^out: .*not a ygx_analysis build"):
            safety.check_out(folder, [DATA])


def test_a_symlinked_out_has_its_target_replaced_and_the_link_kept(tmp_path, monkeypatch, none):
    empty_registry(monkeypatch)
    target = tmp_path / "real"
    previous_build(target)
    link = tmp_path / "link"
    link.symlink_to(target)

    result = report.build(link, none, data_dir=DATA, log=None)

    assert link.is_symlink() and link.resolve() == target.resolve()
    assert json.loads((target / safety.MARKER).read_text()) == {"package": "ygx_analysis", "format": 1}
    assert not (target / "figures" / "fig-old.png").exists()
    assert (target / "tables" / "data-indicators.csv").is_file()
    assert result.manifest["files"][safety.MARKER] == hashlib.sha256(safety.marker_bytes()).hexdigest()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link", "real"]


def test_a_second_build_into_the_same_folder_fails_at_once_naming_the_pid(tmp_path, capsys, none):
    out = tmp_path / "build"
    before = previous_build(out)
    with safety.out_lock(out.resolve()) as lock:
        assert lock.read_text() == f"{os.getpid()}\n"
        started = time.perf_counter()
        status, err = run_cli(["report", "--out", str(out), "--project", str(none)], capsys)
        assert time.perf_counter() - started < 10
    assert status == 1 and len(err) == 1, err
    assert f"another build into {out} is running (pid {os.getpid()})" in err[0], err
    assert tree(out) == before
    assert neighbours(out) == []  # the lock file leaves with its holder


def test_a_lock_left_on_a_removed_lock_file_does_not_block_the_next_build(tmp_path):
    out = tmp_path / "build"
    first = safety.out_lock(out)
    first.__enter__()
    stale = os.open(out.with_name("build.lock"), os.O_RDWR)  # opened before the holder leaves
    first.__exit__(None, None, None)
    assert not out.with_name("build.lock").exists()
    import fcntl

    fcntl.flock(stale, fcntl.LOCK_EX | fcntl.LOCK_NB)  # a lock on the removed file: worth nothing
    try:
        with safety.out_lock(out) as path:  # so a new build takes a lock on a new file
            assert path.is_file() and os.fstat(stale).st_nlink == 0
    finally:
        os.close(stale)


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_stale_temporary_folders_of_dead_builds_are_removed_with_a_line(tmp_path):
    out = tmp_path / "build"
    previous_build(out)
    gone = dead_pid()
    # a live process whose pid the owner file records with another start time: the pid was reused
    # (a child of its own, not the parent: an orphaned run's parent is pid 1, used below)
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    folders = {
        "dead": (out.with_name(f"build.tmp{gone}"), {"pid": gone, "started": 1.0}),
        "reused pid": (out.with_name(f"build.tmp{alive.pid}"), {"pid": alive.pid, "started": 1.0}),
        "no owner file": (out.with_name(f"build.tmp{gone}-old"), None),
    }
    for folder, owner in folders.values():
        folder.mkdir()
        (folder / "figures").mkdir()
        if owner is not None:
            (folder / safety.OWNER).write_text(json.dumps(owner))
    running = tmp_path / "build.tmp1"  # pid 1 runs; its start time recorded: left alone
    running.mkdir()
    (running / safety.OWNER).write_text(json.dumps({"pid": 1, "started": psutil.Process(1).create_time()}))
    other = tmp_path / "build.tmpx"  # not a name a build uses
    other.mkdir()
    lines: list[str] = []

    try:
        removed = safety.remove_stale(out, lines.append)
    finally:
        alive.kill()
        alive.wait()

    assert sorted(removed) == sorted(folder for folder, _ in folders.values())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build", "build.tmp1", "build.tmpx"]
    assert len(lines) == 3 and all(line.startswith("removed ") and "which is gone" in line for line in lines)


def test_a_previous_build_left_aside_by_a_dead_swap_is_put_back(tmp_path):
    out = tmp_path / "build"
    aside = tmp_path / f"build.tmp{dead_pid()}-old"
    before = previous_build(aside)
    lines: list[str] = []
    safety.remove_stale(out, lines.append)
    assert tree(out) == before and not aside.exists()
    assert lines and lines[0].startswith("restored ")


def test_a_failed_swap_puts_the_previous_build_back(tmp_path, monkeypatch):
    out = tmp_path / "build"
    before = previous_build(out)
    new = tmp_path / "build.tmp1"
    new.mkdir()
    real_rename = Path.rename

    def rename(self, target):
        if self == new:
            raise OSError(errno.EXDEV, "Invalid cross-device link", str(self))
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    with pytest.raises(OSError):
        safety.swap_in(new, out)
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build", "build.tmp1"]


def test_disk_full_is_one_line_naming_the_path_and_the_previous_build_is_kept(tmp_path, monkeypatch, capsys,
                                                                                 none):
    empty_registry(monkeypatch)
    out = tmp_path / "build"
    before = previous_build(out)

    def full(frame, stem, **_):
        raise OSError(errno.ENOSPC, "No space left on device", str(Path(stem).with_suffix(".csv")))

    monkeypatch.setattr(export_module, "export_table", full)  # the data tables are the first written
    status, err = run_cli(["report", "--out", str(out), "--project", str(none)], capsys)

    assert status == 1 and len(err) == 1, err
    assert "previous build kept" in err[0] and "No space left on device" in err[0], err
    assert "data-indicators.csv" in err[0] and f"out: writing {out} failed" in err[0], err
    assert "Errno" not in err[0]
    assert tree(out) == before
    assert neighbours(out) == []


def test_a_path_under_a_file_names_out(tmp_path, capsys):
    readme = tmp_path / "README.md"
    readme.write_text("hello")
    status, err = run_cli(["report", "--out", str(readme / "sub")], capsys)
    assert status == 2 and err == [f"ygx-analysis: error: out: {readme / 'sub'}: {readme} is a file, not a folder"]
    assert readme.read_text() == "hello"


def test_snapshot_refuses_a_fifo_in_the_data_folder(tmp_path, monkeypatch, none):
    empty_registry(monkeypatch)
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    os.mkfifo(data / "extra.csv")
    out = tmp_path / "build"
    before = previous_build(out)
    with pytest.raises(ValueError, match=r"extra\.csv: is a FIFO \(named pipe\), not a regular file"):
        report.build(out, none, data_dir=data, log=None)
    assert tree(out) == before
    assert neighbours(out) == []


def test_a_signal_stops_at_once_but_waits_for_the_swap():
    previous = signal.getsignal(signal.SIGTERM)
    with pytest.raises(safety.BuildInterrupted) as info, safety.SignalGuard():
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(5)
    assert info.value.exit_status == 130 and not info.value.swapped
    with safety.SignalGuard() as guard:
        with guard.held():  # the swap: the signal is noted, the block runs to its end
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(0.2)
            finished = True
        assert finished and guard.received == signal.SIGTERM
        os.kill(os.getpid(), signal.SIGINT)  # a second signal while stopping: ignored
        time.sleep(0.2)
        with pytest.raises(safety.BuildInterrupted) as info, guard.held():
            pass
    assert info.value.exit_status == 143
    assert signal.getsignal(signal.SIGTERM) is previous


def test_kernels_get_the_checked_source_date_epoch_and_their_runtime_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "not checked")
    env = report.notebooks.kernel_env(tmp_path / "d", tmp_path / "r", 1735689600)
    assert env["SOURCE_DATE_EPOCH"] == "1735689600" and env["JUPYTER_RUNTIME_DIR"] == str(tmp_path / "r")
    assert "SOURCE_DATE_EPOCH" not in report.notebooks.kernel_env(tmp_path / "d")


# ---------------------------------------------------------------------------
# real builds: snapshot, timeout, signals
# ---------------------------------------------------------------------------

WAIT_FOR_EDIT = """import time
from pathlib import Path
edited = Path({path!r})
for _ in range(1200):
    if "99.99" in edited.read_text(encoding="utf-8"):
        break
    time.sleep(0.05)
print("edited" if "99.99" in edited.read_text(encoding="utf-8") else "not edited")"""


@pytest.mark.slow
def test_a_data_edit_during_the_build_shows_nowhere(tmp_path, monkeypatch):
    """The project's indicators.csv changes (62.08 → 99.99) once the kernel starts, and the notebook
    waits for the edit before it loads the data: every table and the manifest show the file as it was."""
    name = "01_reported_figures.ipynb"
    table = exhibits.get("tab-reported-figures")
    exhibits.all_exhibits()
    monkeypatch.setattr(exhibits, "_REGISTRY", {table.id: table})
    monkeypatch.setattr(exhibits, "load_all", lambda: None)
    project = tmp_path / "project"
    data_file = project / "data" / "indicators.csv"
    project = project_with(tmp_path, [
        WAIT_FOR_EDIT.format(path=str(data_file)),
        "from ygx_analysis.data.tables import load_indicators\n"
        "print(load_indicators().set_index('id').loc['fiscal_revenue_total_2024', 'value_printed'])",
        "from ygx_analysis import exhibits\nexhibits.show('tab-reported-figures')",
    ], name)
    original = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (project / "data").iterdir() if p.is_file()}
    out = tmp_path / "build"

    def edit_once_the_kernel_starts() -> None:
        for _ in range(1200):
            if list(tmp_path.glob("build.tmp*/.records")):
                break
            time.sleep(0.05)
        text = data_file.read_text(encoding="utf-8")
        assert text.count("62.08") == 2  # the value and its excerpt
        data_file.write_text(text.replace("62.08", "99.99"), encoding="utf-8")

    editor = threading.Thread(target=edit_once_the_kernel_starts, daemon=True)
    editor.start()
    result = report.build(out, project, log=None)
    editor.join()

    assert "99.99" in data_file.read_text(encoding="utf-8")  # the edit happened during the build
    manifest = result.manifest
    assert {d["path"]: d["sha256"] for d in manifest["data"]} == {f"data/{k}": v for k, v in original.items()}
    nb = nbformat.read(out / "notebooks" / "01_reported_figures.ipynb", as_version=4)
    printed = ["".join(o.get("text", "") for o in c.outputs) for c in nb.cells]
    assert printed[:2] == ["edited\n", "62.08\n"]
    for table_file in (out / "tables").glob("*.csv"):
        text = table_file.read_text(encoding="utf-8-sig")
        assert "99.99" not in text, table_file.name
    assert "62.08" in (out / "tables" / "data-indicators.csv").read_text(encoding="utf-8-sig")
    assert "62.08" in (out / "tables" / "tab-reported-figures.csv").read_text(encoding="utf-8-sig")
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == [safety.MARKER]
    assert neighbours(out) == []


# ``ygx-analysis report`` in a process of its own, with an empty registry: the build's own
# process then exports only the data tables, and the test's notebook is all the kernel work
CLI_WITHOUT_EXHIBITS = """import sys
from ygx_analysis import cli, exhibits
exhibits.all_exhibits()
exhibits._REGISTRY = {}
exhibits.load_all = lambda: None
sys.exit(cli.main(sys.argv[1:]))
"""


def start_build(project: Path, out: Path, *extra: str) -> subprocess.Popen:
    env = {**os.environ, "MPLBACKEND": "Agg", "OPENBLAS_NUM_THREADS": "1"}
    return subprocess.Popen([sys.executable, "-c", CLI_WITHOUT_EXHIBITS, "report", "--project", str(project),
                             "--out", str(out), *extra], cwd=out.parent, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def gone(pid: int) -> bool:
    """No such process, or only its exit status left (a zombie whose parent exited)."""
    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


SLEEPER = ("import os, time\nopen('kernel.pid', 'w').write(str(os.getpid()))\n"
           "for _ in range(2400):\n    time.sleep(0.05)")


@pytest.mark.slow
@pytest.mark.parametrize("signum, status", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_stops_a_real_build_and_keeps_the_previous_one(tmp_path, signum, status):
    project = project_with(tmp_path, [SLEEPER])
    out = tmp_path / "build"
    before = previous_build(out)
    proc = start_build(project, out)
    try:
        for _ in range(1200):  # until the kernel runs its cell
            found = list(tmp_path.glob("build.tmp*/notebooks/kernel.pid"))
            if found and found[0].read_text():
                break
            time.sleep(0.05)
        assert found, "the kernel did not start"
        kernel = int(found[0].read_text())
        runtime = list(tmp_path.glob("build.tmp*/.runtime/*"))
        assert any(p.name.startswith("kernel-") and p.suffix == ".json" for p in runtime), runtime
        proc.send_signal(signum)
        _, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    lines = err.splitlines()
    assert proc.returncode == status, err
    assert len(lines) == 1 and "Traceback" not in err, err
    assert lines[0] == (f"ygx-analysis: report stopped by {signal.Signals(signum).name}; kernels stopped, "
                        "temporary folder removed, previous build kept")
    assert tree(out) == before
    assert neighbours(out) == []
    assert gone(kernel)


@pytest.mark.slow
def test_a_cell_timeout_is_one_line_naming_the_notebook_the_cell_and_the_limit(tmp_path):
    project = project_with(tmp_path, ["x = 1", SLEEPER])
    out = tmp_path / "build"
    before = previous_build(out)
    proc = start_build(project, out, "--timeout", "3")
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 1, err
    assert err.splitlines() == ["ygx-analysis: report failed, previous build kept: notebook a.ipynb: cell 2 of 2 "
                                "(In [2]) `import os, time`: timed out after 3 s"], err
    assert tree(out) == before
    assert neighbours(out) == []


@pytest.mark.slow
def test_two_builds_with_source_date_epoch_are_byte_identical(tmp_path, monkeypatch):
    """The snapshot's and the runtime folder's paths (which hold the pid) show in no file;
    with SOURCE_DATE_EPOCH even the manifest's build time is the same."""
    table = exhibits.get("tab-reported-figures")
    exhibits.all_exhibits()
    monkeypatch.setattr(exhibits, "_REGISTRY", {table.id: table})
    monkeypatch.setattr(exhibits, "load_all", lambda: None)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")
    project = project_with(tmp_path, [
        "import os\nfrom ygx_analysis.data.tables import default_data_dir, load_indicators\n"
        "print(default_data_dir() == __import__('pathlib').Path(os.environ['YGX_DATA_DIR']))\n"
        "print(load_indicators().set_index('id').loc['fiscal_revenue_total_2024', 'value_printed'])"])
    first = report.build(tmp_path / "one", project, log=None)
    second = report.build(tmp_path / "two", project, log=None)
    assert tree(first.out) == tree(second.out)
    assert first.manifest["build_time"] == "2025-01-01T00:00:00+00:00"
    nb = nbformat.read(first.out / "notebooks" / "a.ipynb", as_version=4)
    assert nb.cells[0].outputs[0]["text"] == "True\n62.08\n"
    assert "snapshot" not in json.dumps(first.manifest) and "tmp" not in json.dumps(first.manifest["data"])
