"""The Chinese notebooks (``notebooks/``) and their English twins (``notebooks/en/``) stay in step.

Checked for every pair found on disk:

* the same code cells, the ``LANG`` value of the parameters cell aside, with the same tags;
* the same exhibit calls (``exhibits.show("<id>", ...)``), each a registered exhibit;
* a first code cell tagged ``parameters`` that sets ``LANG`` (``"zh"`` / ``"en"``) and ``DATA_DIR = None``;
* the kernelspec ``ygx-analysis`` (``make lab`` registers it; nbval runs with ``--nbval-current-env``);
* the narrative's script, counted per markdown cell (thresholds below).

How the script is counted. Code spans, URLs and identifiers (``snake_case`` ids, file names,
dotted names) are removed first; what is left is counted as Latin letters and CJK characters.

* Chinese cell: Latin letters at most :data:`MAX_LATIN_SHARE` (15 %) of letters + CJK characters
  (room for names and units such as AA+, GN700, README), and no Latin letter in a heading.
* English cell: CJK characters at most :data:`MAX_CJK_SHARE` (15 %; notebook 01's list of what is
  not a figure quotes 18 characters of names in 179), and no run of more than :data:`MAX_CJK_RUN` (8) CJK
  characters: only the article's own terms quoted in its words
  (一般预算收入, 益阳投控集团, 超 / 以上 / 多 / 余) fit.

A test also checks that the measures tell the two sets apart (each set fails the other's check),
so the thresholds cannot pass everything.

A Chinese notebook whose twin is not written yet is listed in ``UNTRANSLATED`` (a strict xfail,
so the test fails as soon as the twin appears and the entry must go); today every notebook has one.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from ygx_analysis import exhibits

REPO = Path(__file__).resolve().parents[1]
ZH_DIR = REPO / "notebooks"
EN_DIR = ZH_DIR / "en"
UNTRANSLATED: dict[str, str] = {}
"""Chinese notebooks without an English twin yet, with the reason (a strict xfail each)."""

KERNEL_NAME = "ygx-analysis"
MAX_LATIN_SHARE = 0.15
MAX_CJK_SHARE = 0.15
MAX_CJK_RUN = 8

CODE_SPAN = re.compile(r"`[^`\n]*`")
URL = re.compile(r"https?://\S+")
IDENTIFIER = re.compile(r"\b[A-Za-z0-9]+(?:[_./][A-Za-z0-9]+)+\b")
LATIN = re.compile(r"[A-Za-z]")
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
SHOW_CALL = re.compile(r"exhibits\.show\(\s*[\"']([^\"']+)[\"']")
LANG_LINE = re.compile(r"^LANG\s*=\s*[\"'](zh|en)[\"']", re.MULTILINE)

ZH_NAMES = sorted(p.name for p in ZH_DIR.glob("[0-9][0-9]_*.ipynb"))
EN_NAMES = sorted(p.name for p in EN_DIR.glob("[0-9][0-9]_*.ipynb"))
PAIRS = [name for name in ZH_NAMES if name in EN_NAMES]


def _read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _cells(path: Path, kind: str) -> list[dict]:
    return [c for c in _read(path)["cells"] if c["cell_type"] == kind]


def _source(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def _prose(text: str) -> str:
    """Markdown without code spans, URLs and identifiers: what a reader reads as words."""
    return IDENTIFIER.sub(" ", URL.sub(" ", CODE_SPAN.sub(" ", text)))


def _counts(text: str) -> tuple[int, int]:
    prose = _prose(text)
    return len(LATIN.findall(prose)), len(CJK.findall(prose))


def chinese_problems(text: str) -> list[str]:
    """Why a markdown cell does not read as Chinese (empty when it does)."""
    latin, cjk = _counts(text)
    problems = []
    if cjk == 0 or latin / (latin + cjk) > MAX_LATIN_SHARE:
        problems.append(f"{latin} Latin letters against {cjk} CJK characters (max {MAX_LATIN_SHARE:.0%} Latin)")
    for line in text.splitlines():
        if line.startswith("#") and LATIN.search(_prose(line)):
            problems.append(f"heading with Latin letters: {line!r}")
    return problems


def english_problems(text: str) -> list[str]:
    """Why a markdown cell does not read as English (empty when it does)."""
    latin, cjk = _counts(text)
    problems = []
    if latin == 0 or cjk / (latin + cjk) > MAX_CJK_SHARE:
        problems.append(f"{cjk} CJK characters against {latin} Latin letters (max {MAX_CJK_SHARE:.0%} CJK)")
    long_runs = [run for run in CJK_RUN.findall(_prose(text)) if len(run) > MAX_CJK_RUN]
    if long_runs:
        problems.append(f"CJK runs longer than {MAX_CJK_RUN} characters: {long_runs}")
    return problems


def _neutral(source: str) -> str:
    """A code cell with the LANG value of the parameters cell replaced by a placeholder."""
    return LANG_LINE.sub('LANG = "<lang>"', source)


def _twin_param(name: str):
    if name in UNTRANSLATED:
        return pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=UNTRANSLATED[name]))
    return name


def test_the_pair_set_is_not_empty():
    assert len(PAIRS) >= 5 and all(name in ZH_NAMES for name in PAIRS)


@pytest.mark.parametrize("name", [_twin_param(n) for n in ZH_NAMES])
def test_every_chinese_notebook_has_an_english_twin(name):
    assert (EN_DIR / name).is_file(), f"notebooks/en/{name} is missing"


@pytest.mark.parametrize("name", EN_NAMES)
def test_every_english_notebook_has_a_chinese_original(name):
    assert (ZH_DIR / name).is_file()


@pytest.mark.parametrize("name", PAIRS)
def test_pair_has_the_same_code_cells(name):
    zh, en = _cells(ZH_DIR / name, "code"), _cells(EN_DIR / name, "code")
    assert [_neutral(_source(c)) for c in zh] == [_neutral(_source(c)) for c in en]
    assert [c["metadata"].get("tags", []) for c in zh] == [c["metadata"].get("tags", []) for c in en]


@pytest.mark.parametrize("name", PAIRS)
def test_pair_makes_the_same_registered_exhibit_calls(name):
    calls = {lang: [m for c in _cells(folder / name, "code") for m in SHOW_CALL.findall(_source(c))]
             for lang, folder in (("zh", ZH_DIR), ("en", EN_DIR))}
    assert calls["zh"] == calls["en"] and calls["zh"]
    registered = {ex.id for ex in exhibits.all_exhibits() if ex.notebook == name}
    assert set(calls["zh"]) <= registered  # every call names an exhibit of this notebook
    assert registered <= set(calls["zh"])  # and the notebook shows all of its exhibits


def _parameters(path: Path) -> dict:
    """The values the first code cell assigns; it must be tagged ``parameters`` and only assign constants."""
    first = _cells(path, "code")[0]
    assert "parameters" in first["metadata"].get("tags", [])
    values = {}
    for node in ast.parse(_source(first)).body:
        assert isinstance(node, ast.Assign) and len(node.targets) == 1, "a parameters cell only assigns"
        values[node.targets[0].id] = ast.literal_eval(node.value)
    return values


@pytest.mark.parametrize(("folder", "lang"), [(ZH_DIR, "zh"), (EN_DIR, "en")])
@pytest.mark.parametrize("name", PAIRS)
def test_first_code_cell_is_the_parameters_cell(name, folder, lang):
    values = _parameters(folder / name)
    assert values["LANG"] == lang
    assert values["DATA_DIR"] is None
    assert all(name.isupper() for name in values)  # papermill parameters are CONSTANT_CASE here


@pytest.mark.parametrize(("folder", "name"), [(ZH_DIR, n) for n in PAIRS] + [(EN_DIR, n) for n in PAIRS])
def test_kernelspec_names_the_project_kernel(folder, name):
    spec = _read(folder / name)["metadata"]["kernelspec"]
    assert spec == {"name": KERNEL_NAME, "display_name": "ygx-analysis (Python 3)", "language": "python"}


@pytest.mark.parametrize("name", PAIRS)
def test_chinese_narrative_is_chinese(name):
    problems = {i: chinese_problems(_source(c)) for i, c in enumerate(_cells(ZH_DIR / name, "markdown"))}
    assert not {i: p for i, p in problems.items() if p}


@pytest.mark.parametrize("name", PAIRS)
def test_english_narrative_is_english(name):
    problems = {i: english_problems(_source(c)) for i, c in enumerate(_cells(EN_DIR / name, "markdown"))}
    assert not {i: p for i, p in problems.items() if p}


@pytest.mark.parametrize("name", PAIRS)
def test_pair_has_one_markdown_cell_for_each(name):
    zh, en = _cells(ZH_DIR / name, "markdown"), _cells(EN_DIR / name, "markdown")
    assert len(zh) == len(en)
    assert [c["metadata"].get("tags", []) for c in zh] == [c["metadata"].get("tags", []) for c in en]


@pytest.mark.parametrize("name", PAIRS)
def test_the_script_checks_tell_the_two_sets_apart(name):
    # every English cell fails the Chinese check and every Chinese cell the English one
    assert all(chinese_problems(_source(c)) for c in _cells(EN_DIR / name, "markdown"))
    assert all(english_problems(_source(c)) for c in _cells(ZH_DIR / name, "markdown"))


def test_notebook_05_parameters_override_savings_assumptions():
    # None means "the value of data/savings.toml"; each name is an assumption of the savings model
    from dataclasses import fields

    from ygx_analysis.savings import SavingsAssumptions

    values = _parameters(ZH_DIR / "05_reform_savings.ipynb")
    overrides = {k: v for k, v in values.items() if k not in ("LANG", "DATA_DIR")}
    assert overrides == {"ANNUAL_SAVING": None, "DISCOUNT_RATE_PCT": None, "WAGE_GROWTH_PCT": None}
    assert {k.lower() for k in overrides} <= {f.name for f in fields(SavingsAssumptions)}
