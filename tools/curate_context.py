"""Write ``data/context.csv`` and ``data/sources.csv`` from the curation files in ``data/curation/``.

``context.csv`` holds figures from public sources other than the article. This step
loads the curation files, derives what they imply and saves the two tables; it
reads nothing outside the repository. Its inputs, all in ``data/curation/``:

``figures.csv``, ``research_figures.csv``
    Hand-picked figures with the columns of ``context.csv`` (less ``series``) plus
    ``research_row`` and ``sum_of``. A blank ``source_date`` is the source's date.
    A row with a ``research_row`` rests on that row of ``evidence.csv``: its printed
    value (or its excerpt) must be on it, and a blank ``trust`` or ``source_id`` is
    the evidence's trust or the source of the evidence's URL. ``sum_of`` lists the
    rows (space separated) whose values this total must equal, in the same unit
    (全口径 = 地方 + 上划中央 + 上划省级). ``figures.csv`` comes before the series in
    ``context.csv``, ``research_figures.csv`` after them.
``series.toml``, ``series.csv``
    Long annual growth series: one table per series (region, indicator, labels,
    basis, note and ``year_notes``, sentences for a range of years), one row per
    series-year (value, status, source URL and date, excerpt, the year's own note).
    Sorted by series then year; source and trust come from ``sources.csv`` by URL.
``evidence.csv``
    The rows of the peer, fiscal and seasonality research that figures rest on:
    quote, source URL, title, date, trust and the research's own notes.
``evidence_sources.csv``
    Sources written from an evidence row's title, date and URL, with publisher,
    trust and note; they follow the hand-kept sources in ``sources.csv``.
``derived.csv``
    Figures computed from other rows, status ``derived``: ``ratio`` is the first
    operand / (product of the rest) x 100, ``sum`` adds the operands (a count in
    家); an operand is a row id or a literal number, rounded half up to
    ``decimals``; ``expected`` (if given) must be the result. The formula goes into
    the note.
``sources.csv``
    The hand-kept sources (the article first), in the columns of ``data/sources.csv``.

Every source and every evidence row must be used (the article by ``indicators.csv``),
and ids are unique. A bad input stops the step with one line naming file, row and field (exit 2).

Usage (from the repository root)::

    python tools/curate_context.py          # rewrite data/context.csv and data/sources.csv
    python tools/curate_context.py --check  # exit 1 naming the first difference, writing nothing

Output: UTF-8 without BOM, comma separated, minimal quoting, LF line ends; the same
inputs give the same bytes.
"""


import argparse
import csv
import io
import re
import sys
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from ygx_analysis.data.csvrows import read_csv_rows
from ygx_analysis.data.files import DataError, Problem, display_path, read_toml

DATA = Path(__file__).resolve().parents[1] / "data"

COLUMNS = ("id", "series", "region", "indicator", "label_zh", "label_en", "period", "measure",
           "value", "unit", "qualifier", "basis", "status", "trust", "source_id", "source_date",
           "excerpt", "note")
SOURCE_COLUMNS = ("source_id", "kind", "title", "title_status", "authors", "authors_status", "publisher",
                  "publisher_status", "section", "section_status", "date", "date_status", "url", "url_status",
                  "trust", "note")
FIGURE_COLUMNS = tuple(c for c in COLUMNS if c != "series") + ("research_row", "sum_of")
SERIES_COLUMNS = ("series", "year", "value", "status", "source_url", "source_date", "excerpt", "note")
EVIDENCE_COLUMNS = ("research_row", "source_url", "source_title", "source_date", "trust", "indicator", "value",
                    "growth_pct", "scope_note", "quote", "notes")
EVIDENCE_SOURCE_COLUMNS = ("source_id", "research_row", "publisher", "trust", "note")
DERIVED_COLUMNS = ("id", "region", "indicator", "label_zh", "label_en", "period", "source_id", "trust",
                   "operation", "operands", "decimals", "expected", "note")
FIGURE_REQUIRED = ("id", "region", "indicator", "label_zh", "label_en", "period", "measure", "value", "unit",
                   "qualifier", "status")
ID = re.compile(r"[a-z0-9_]+")
EXCERPT_MAX = 60

Record = dict[str, Any]
"""A row of a curation file, with ``_at`` = (shown path, line) for messages."""


class YearNote(BaseModel):
    """A sentence for the rows of a series from year ``first`` to ``last`` (both optional)."""

    model_config = ConfigDict(extra="forbid", strict=True)
    first: int | None = None
    last: int | None = None
    text: str


class Series(BaseModel):
    """One table of ``series.toml``: what every row of a series shares."""

    model_config = ConfigDict(extra="forbid", strict=True)
    region: str
    indicator: str
    label_zh: str
    label_en: str
    basis: str
    note: str
    year_notes: list[YearNote] = []


def fail(record: Record, field: str | None, message: str) -> DataError:
    """The one-line error for a field of a curation row."""
    path, line = record["_at"]
    return DataError([Problem(path, line, field, message)])


def _unique(records: list[Record], key: str) -> dict[str, Record]:
    """The records by ``key``, stopping at the second record with the same value."""
    found: dict[str, Record] = {}
    for r in records:
        if r[key] in found:
            path, line = found[r[key]]["_at"]
            raise fail(r, key, f"{r[key]!r} also at {path}:{line}")
        found[r[key]] = r
    return found


# ---------------------------------------------------------------------------
# load
# ---------------------------------------------------------------------------

def load_csv(path: Path, columns: tuple[str, ...]) -> list[Record]:
    """The rows of a curation CSV file with exactly ``columns``, each with its place ``_at``."""
    rows, problems = read_csv_rows(path, columns)
    if problems:
        raise DataError(problems)
    shown = display_path(path)
    return [dict(row, _at=(shown, line)) for line, row in rows]


def load_series(path: Path) -> dict[str, Series]:
    """The series definitions of ``series.toml``, checked against :class:`Series`."""
    doc = read_toml(path)
    specs = {}
    for name, table in doc.items():
        try:
            specs[name] = Series.model_validate(table)
        except ValidationError as exc:
            err = exc.errors()[0]
            key = ".".join(str(part) for part in (name, *err["loc"]))
            raise DataError([Problem(display_path(path), None, key, err["msg"])]) from None
    return specs


def load(data: Path) -> dict[str, Any]:
    """Every curation input of ``data/curation/``, by name."""
    folder = data / "curation"
    return dict(
        figures=load_csv(folder / "figures.csv", FIGURE_COLUMNS),
        series_specs=load_series(folder / "series.toml"),
        series=load_csv(folder / "series.csv", SERIES_COLUMNS),
        research_figures=load_csv(folder / "research_figures.csv", FIGURE_COLUMNS),
        evidence=load_csv(folder / "evidence.csv", EVIDENCE_COLUMNS),
        evidence_sources=load_csv(folder / "evidence_sources.csv", EVIDENCE_SOURCE_COLUMNS),
        derived=load_csv(folder / "derived.csv", DERIVED_COLUMNS),
        sources=load_csv(folder / "sources.csv", SOURCE_COLUMNS),
    )


# ---------------------------------------------------------------------------
# process
# ---------------------------------------------------------------------------

def _number(record: Record, field: str, text: str, what: str = "a number") -> Decimal:
    try:
        return Decimal(text)
    except InvalidOperation:
        raise fail(record, field, f"{text!r} is not {what}") from None


def _evidence_of(record: Record, evidence: dict[str, Record]) -> Record | None:
    key = record["research_row"]
    if key and key not in evidence:
        raise fail(record, "research_row", f"no row {key} in evidence.csv")
    return evidence.get(key)


def evidence_sources(records: list[Record], evidence: dict[str, Record],
                     hand: list[Record]) -> list[Record]:
    """Source rows written from evidence rows, for URLs the hand-kept sources do not list."""
    known = {s["url"] for s in hand}
    rows = []
    for s in records:
        e = _evidence_of(s, evidence)
        if e is None:
            raise fail(s, "research_row", "empty; name the evidence row the source comes from")
        if e["source_url"] in known:
            raise fail(s, "research_row", f"URL already in sources.csv: {e['source_url']}")
        dated = re.fullmatch(r"\d{4}-\d{2}-\d{2}", e["source_date"]) is not None
        rows.append(dict(
            _at=s["_at"], source_id=s["source_id"], kind="web", title=e["source_title"], title_status="printed",
            authors="", authors_status="not applicable", publisher=s["publisher"], publisher_status="inferred",
            section="", section_status="not applicable", date=e["source_date"],
            date_status="printed" if dated else "inferred", url=e["source_url"], url_status="printed",
            trust=s["trust"], note=s["note"]))
    return rows


def _on_evidence(record: Record, e: Record) -> bool:
    """Whether the printed value (or the excerpt) is on the evidence row, thousands separators aside."""
    text = " ".join(e[f] for f in ("value", "growth_pct", "quote", "scope_note", "notes", "indicator"))
    excerpt = record["excerpt"]
    return record["value"].lstrip("-") in text.replace(",", "") or bool(excerpt and excerpt in e["quote"])


def figure_rows(records: list[Record], evidence: dict[str, Record], by_id: dict[str, Record],
                by_url: dict[str, Record]) -> list[Record]:
    """Context rows of hand-picked figures, their blanks filled from evidence and source."""
    rows = []
    for f in records:
        for field in FIGURE_REQUIRED:
            if not f[field]:
                raise fail(f, field, "empty")
        _number(f, "value", f["value"])
        e = _evidence_of(f, evidence)
        if e is not None and not _on_evidence(f, e):
            raise fail(f, "value", f"{f['value']} is not on row {f['research_row']} of evidence.csv")
        if f["source_id"]:
            source = by_id.get(f["source_id"])
            if source is None:
                raise fail(f, "source_id", f"unknown source {f['source_id']!r}")
        elif e is not None and e["source_url"] in by_url:
            source = by_url[e["source_url"]]
        else:
            raise fail(f, "source_id", "empty, and no source has the URL of its evidence")
        trust = f["trust"] or (e["trust"] if e is not None else "")
        if not trust:
            raise fail(f, "trust", "empty")
        rows.append(dict({c: f[c] for c in COLUMNS if c in f}, _at=f["_at"], series="", trust=trust,
                         source_id=source["source_id"], source_date=f["source_date"] or source["date"]))
    return rows


def _year_note(spec: Series, year: int, own: str) -> str:
    parts = [spec.note] + [n.text for n in spec.year_notes
                           if (n.first is None or n.first <= year) and (n.last is None or year <= n.last)]
    return " ".join(parts + ([own] if own else []))


def series_rows(records: list[Record], specs: dict[str, Series], by_url: dict[str, Record]) -> list[Record]:
    """One context row per series-year, sorted by series then year."""
    rows = []
    for r in records:
        spec = specs.get(r["series"])
        if spec is None:
            raise fail(r, "series", f"{r['series']!r} has no table in series.toml")
        if not r["year"].isdigit():
            raise fail(r, "year", f"{r['year']!r} is not a year")
        _number(r, "value", r["value"])
        source = by_url.get(r["source_url"])
        if source is None:
            raise fail(r, "source_url", f"not the URL of a source in sources.csv: {r['source_url']}")
        year = int(r["year"])
        rows.append(dict(
            _at=r["_at"], id=f"s_{r['series'].lower()}_{year}", series=r["series"], region=spec.region,
            indicator=spec.indicator, label_zh=spec.label_zh, label_en=spec.label_en, period=str(year),
            measure="growth_yoy", value=r["value"], unit="%", qualifier="exact", basis=spec.basis,
            status=r["status"], trust=source["trust"], source_id=source["source_id"],
            source_date=r["source_date"], excerpt=r["excerpt"], note=_year_note(spec, year, r["note"])))
    return sorted(rows, key=lambda row: (row["series"], int(row["period"])))


def derived_rows(records: list[Record], earlier: list[Record], by_id: dict[str, Record]) -> list[Record]:
    """Context rows computed from ``earlier`` rows, with the formula in the note."""
    values = {r["id"]: r["value"] for r in earlier}
    rows = []
    for d in records:
        operands = d["operands"].split()
        if not d["decimals"].isdigit():
            raise fail(d, "decimals", f"{d['decimals']!r} is not a whole number")
        if d["source_id"] not in by_id:
            raise fail(d, "source_id", f"unknown source {d['source_id']!r}")
        numbers = [_number(d, "operands", values.get(o, o), "a row id or a number") for o in operands]
        shown = [f"{o} ({values[o]})" if o in values else o for o in operands]
        if d["operation"] == "sum" and operands:
            value, formula, measure, unit = sum(numbers, Decimal(0)), " + ".join(shown), "count", "家"
        elif d["operation"] == "ratio" and len(operands) >= 2:
            denominator = Decimal(1)
            for n in numbers[1:]:
                denominator *= n
            value = numbers[0] / denominator * 100
            formula, measure, unit = f"{shown[0]} / ({' x '.join(shown[1:])}) x 100", "ratio", "%"
        else:
            raise fail(d, "operation", f"{d['operation']!r} with {len(operands)} operands; use ratio (two or "
                                       "more) or sum (one or more)")
        text = str(value.quantize(Decimal(1).scaleb(-int(d["decimals"])), rounding=ROUND_HALF_UP))
        if d["expected"] and text != d["expected"]:
            raise fail(d, "expected", f"computed {text}, expected {d['expected']}")
        source = by_id[d["source_id"]]
        rows.append(dict(
            _at=d["_at"], id=d["id"], series="", region=d["region"], indicator=d["indicator"],
            label_zh=d["label_zh"], label_en=d["label_en"], period=d["period"], measure=measure, value=text,
            unit=unit, qualifier="exact", basis="", status="derived", trust=d["trust"],
            source_id=source["source_id"], source_date=source["date"], excerpt="",
            note=f"DERIVED: {formula} = {text}." + (f" {d['note']}" if d["note"] else "")))
    return rows


def check_sums(records: list[Record], rows: list[Record]) -> None:
    """Stop unless every total with ``sum_of`` equals the sum of its parts, all in one unit."""
    by_id = {r["id"]: r for r in rows}
    for total in (r for r in records if r["sum_of"]):
        parts = total["sum_of"].split()
        missing = [p for p in parts if p not in by_id]
        if missing:
            raise fail(total, "sum_of", f"unknown row {missing[0]!r}")
        units = {by_id[p]["unit"] for p in parts} | {total["unit"]}
        if len(units) != 1:
            raise fail(total, "sum_of", f"parts in different units {sorted(units)}")
        if Decimal(total["value"]) != sum(Decimal(by_id[p]["value"]) for p in parts):
            raise fail(total, "sum_of", f"{total['value']} is not the sum of {', '.join(parts)}")


def check(rows: list[Record], sources: list[Record]) -> None:
    """Stop on a bad or duplicate id, an overlong excerpt, a line break in a field or an unused source."""
    for r in rows:
        if not ID.fullmatch(r["id"]):
            raise fail(r, "id", f"{r['id']!r} is not lower-case letters, digits and _")
        if len(r["excerpt"]) > EXCERPT_MAX:
            raise fail(r, "excerpt", f"longer than {EXCERPT_MAX} characters")
        broken = [c for c in COLUMNS if "\n" in r[c] or "\r" in r[c]]
        if broken:
            raise fail(r, broken[0], "contains a line break")
    _unique(rows, "id")
    used = {r["source_id"] for r in rows} | {"article"}
    for s in sources:
        if s["source_id"] not in used:
            raise fail(s, "source_id", f"{s['source_id']!r} is used by no row")


def process(inputs: dict[str, Any]) -> tuple[list[Record], list[Record]]:
    """The rows of ``context.csv`` and of ``sources.csv`` from the curation inputs."""
    evidence = _unique(inputs["evidence"], "research_row")
    sources = inputs["sources"] + evidence_sources(inputs["evidence_sources"], evidence, inputs["sources"])
    by_id = _unique(sources, "source_id")
    by_url = {s["url"]: s for s in sources if s["url"]}
    rows = (figure_rows(inputs["figures"], evidence, by_id, by_url)
            + series_rows(inputs["series"], inputs["series_specs"], by_url)
            + figure_rows(inputs["research_figures"], evidence, by_id, by_url))
    rows += derived_rows(inputs["derived"], rows, by_id)
    cited = {r["research_row"] for name in ("figures", "research_figures", "evidence_sources")
             for r in inputs[name]}
    for e in inputs["evidence"]:
        if e["research_row"] not in cited:
            raise fail(e, "research_row", f"row {e['research_row']} is the evidence of no figure or source")
    check_sums(inputs["figures"] + inputs["research_figures"], rows)
    check(rows, sources)
    return rows, sources


# ---------------------------------------------------------------------------
# save
# ---------------------------------------------------------------------------

def render(rows: list[Record], columns: tuple[str, ...]) -> bytes:
    """The CSV bytes of ``rows`` in ``columns``: UTF-8, minimal quoting, LF line ends."""
    buf = io.StringIO(newline="")
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


def first_difference(path: Path, expected: bytes) -> str | None:
    """Where the file first differs from ``expected`` (line and row id), or None if it does not."""
    if not path.is_file():
        return "missing"
    found = path.read_bytes()
    if found == expected:
        return None
    old, new = found.split(b"\n"), expected.split(b"\n")
    line = next((i for i, (a, b) in enumerate(zip(old, new)) if a != b), min(len(old), len(new)))
    row = (new[line] if line < len(new) else old[line]).split(b",")[0].decode("utf-8", "replace")
    return f"line {line + 1} (row {row or 'end of file'}) differs"


def save(outputs: dict[Path, bytes], check_only: bool) -> int:
    """Write the outputs, or with ``check_only`` name the first stale one and return 1."""
    for path, content in outputs.items():
        if check_only:
            difference = first_difference(path, content)
            if difference:
                print(f"{display_path(path)}: {difference}; run python tools/curate_context.py")
                return 1
        else:
            path.write_bytes(content)
            rows = content.count(b"\n") - 1
            print(f"wrote {display_path(path)} ({rows} rows)")
    if check_only:
        print(f"{' and '.join(display_path(p) for p in outputs)} are current")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the files, write nothing")
    parser.add_argument("--data", type=Path, default=DATA, help="the data folder (default: the repository's)")
    args = parser.parse_args(argv)
    try:
        rows, sources = process(load(args.data))
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 2
    outputs = {args.data / "context.csv": render(rows, COLUMNS),
               args.data / "sources.csv": render(sources, SOURCE_COLUMNS)}
    return save(outputs, args.check)


if __name__ == "__main__":
    sys.exit(main())
