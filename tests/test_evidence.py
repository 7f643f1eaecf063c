"""Evidence lives in the repository: no text of ``data/`` points to a file or document that does not ship,
and the rows that quote one sentence carry one status and one trust."""

from __future__ import annotations

import csv
import os
import re
from pathlib import Path

from ygx_analysis.data.tables import load_context

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
URL = re.compile(r"(?:https?://|www\.)\S+")
FILE = re.compile(r"[\w./-]+\.(?:csv|md|txt|json|toml|xlsx|ipynb|py)\b")
DOCUMENT = re.compile(r"research (?:notes?|table|file|series)|context[ _](?:notes|figures|series)|quoted excerpt"
                      r"|\b(?:per|in|from|by) the research\b", re.IGNORECASE)
"""Names of documents that are not files of the repository: the research notes and tables behind ``data/``."""
URL_FIELDS = {"url", "source_url"}


def _shipped() -> set[str]:
    """Paths (relative to the repository) and names of the repository's files, build outputs and venvs aside."""
    found: set[str] = set()
    for root, dirs, files in os.walk(REPO):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d not in {"build", "build-review", "__pycache__"}]
        for name in files:
            found |= {name, (Path(root) / name).relative_to(REPO).as_posix()}
    return found


def unshipped(text: str, shipped: set[str]) -> list[str]:
    """The references in ``text`` to files that are not in ``shipped`` and to documents that never ship.

    Examples
    --------
    >>> unshipped("Found in a search (row 2 of peer_fiscal_seasonality.csv).", {"evidence.csv"})
    ['peer_fiscal_seasonality.csv']
    >>> unshipped("Quote in evidence row 2 (data/curation/evidence.csv); http://x.cn/a.csv", {"data/curation/evidence.csv"})
    []
    >>> unshipped("Figure from the research notes; not in the quoted excerpt.", set())
    ['from the research', 'quoted excerpt']
    """
    text = URL.sub(" ", text)
    files = [m for m in FILE.findall(text) if m not in shipped and Path(m).name not in shipped]
    return files + DOCUMENT.findall(text)


def _texts():
    """(file, row or line, field, text) for every text field of the CSV and TOML files of ``data/``."""
    for path in sorted(DATA.rglob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for line, row in enumerate(csv.DictReader(handle), start=2):
                for field, text in row.items():
                    if field not in URL_FIELDS and text:
                        yield path.relative_to(REPO).as_posix(), line, field, text
    for path in sorted(DATA.rglob("*.toml")):
        for line, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            yield path.relative_to(REPO).as_posix(), line, "", text


def test_the_scanner_finds_a_missing_file_and_passes_a_shipped_one():
    shipped = _shipped()
    assert "data/curation/evidence.csv" in shipped and "peer_fiscal_seasonality.csv" not in shipped
    assert unshipped("row 4 of peer_fiscal_seasonality.csv", shipped) == ["peer_fiscal_seasonality.csv"]
    assert unshipped("row 4 of data/curation/evidence.csv", shipped) == []


def test_no_text_in_data_points_to_a_file_outside_the_repository():
    shipped = _shipped()
    found = [f"{path}:{line}: {field}: {', '.join(refs)}" for path, line, field, text in _texts()
             if (refs := unshipped(text, shipped))]
    assert found == []


def test_one_sentence_one_status_and_trust():
    # issue #20, N10: 937.4 and 9.4 % come from one sentence of one page, so they share status and trust
    ctx = load_context()
    quoted = ctx[ctx["excerpt"] != ""]
    mixed = [f"{source}: {excerpt} ({', '.join(rows['id'])})"
             for (source, excerpt), rows in quoted.groupby(["source_id", "excerpt"])
             if len(rows[["status", "trust"]].drop_duplicates()) > 1]
    assert mixed == []
    pair = ctx.set_index("id").loc[["zone_gross_output_2021", "zone_gross_output_growth_2021"]]
    assert pair["excerpt"].nunique() == 1 and pair["status"].nunique() == 1 and pair["trust"].nunique() == 1


def test_the_zone_2021_output_growth_has_the_basis_its_sentence_gives():
    # "2021年完成规模工业总产值937.4亿元,同比增长9.4%" names no price basis: not stated, neither real nor nominal
    row = load_context().set_index("id").loc["zone_gross_output_growth_2021"]
    assert "937.4" in row["excerpt"] and "不变价" not in row["excerpt"] and "现价" not in row["excerpt"]
    assert row["basis"] == ""
