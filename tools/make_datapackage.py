"""Write data/datapackage.json, the Frictionless Data Package (v2) descriptor.

The field enumerations come from ``ygx_analysis.data.tables``, so the descriptor and the
package's own validation cannot drift apart; ``tests/test_datapackage.py`` checks
that the committed file equals what this script writes.

Usage::

    python tools/make_datapackage.py          # rewrite data/datapackage.json
    python tools/make_datapackage.py --check  # exit 1 if the file is stale
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ygx_analysis import __version__
from ygx_analysis.data import fields as d

OUT = Path(__file__).resolve().parents[1] / "data" / "datapackage.json"


def _string(name: str, description: str, *, required: bool = False, enum=None, pattern=None,
            unique: bool = False, max_length: int | None = None) -> dict:
    field: dict = {"name": name, "type": "string", "description": description}
    constraints: dict = {}
    if required:
        constraints["required"] = True
    if enum is not None:
        constraints["enum"] = list(enum)
    if pattern is not None:
        constraints["pattern"] = pattern
    if unique:
        constraints["unique"] = True
    if max_length is not None:
        constraints["maxLength"] = max_length
    if constraints:
        field["constraints"] = constraints
    return field


def _value(description: str) -> dict:
    return {"name": "value", "type": "number", "description": description,
            "constraints": {"required": True}}


def _slug_pattern() -> str:
    return d.SLUG.pattern.strip("^$")


def indicators_resource() -> dict:
    return {
        "name": "indicators",
        "path": "indicators.csv",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "title": "Figures printed in the article",
        "description": "One row per number printed in the newspaper feature on the Yiyang High-tech Zone. "
                       "`value` is written exactly as printed; its decimals are the printed precision.",
        "sources": [{"title": "益阳高新区如何在时代考卷上书写精彩答案 (中国高新技术产业导报, 2025, inferred)"}],
        "schema": {
            "fields": [
                _string("id", "Stable row id", required=True, pattern=_slug_pattern(), unique=True),
                _string("indicator", "Concept name; a level and its growth rate share it", required=True,
                        pattern=_slug_pattern()),
                _string("label_zh", "Label in Chinese, as the article words it", required=True),
                _string("label_en", "Label in English", required=True),
                _string("section", "Article section", required=True, enum=d.SECTIONS),
                _string("period", "2024, 2025H1, 'current' (stock at the article's date, none printed) "
                                  "or 'annual' (per year, no year printed)", required=True,
                        pattern=d.INDICATOR_PERIOD.pattern.strip("^$")),
                _string("measure", "flow, stock, growth_yoy (per cent), ratio or rank", required=True,
                        enum=d.INDICATOR_MEASURES),
                _value("The number as printed (亿元 amounts stay in 亿元)"),
                _string("unit", "Unit as printed; 亿 = 1e8, 万 = 1e4 (SDMX unit multipliers 8 and 4)",
                        required=True, enum=d.INDICATOR_UNITS),
                _string("qualifier", "exact; more_than (超/超过); at_least (以上); approx_more (多/余)",
                        required=True, enum=d.INDICATOR_QUALIFIERS),
                _string("excerpt", "The article's words around the number", required=True,
                        max_length=d.INDICATOR_EXCERPT_MAX),
                _string("source_id", "Source row in sources.csv", required=True),
                _string("note", "Period, scope and definitional remarks"),
                _string("note_zh", "The note in Chinese; given exactly when note is"),
            ],
            "primaryKey": ["id"],
            "foreignKeys": [{"fields": ["source_id"],
                             "reference": {"resource": "sources", "fields": ["source_id"]}}],
        },
    }


def context_resource() -> dict:
    return {
        "name": "context",
        "path": "context.csv",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "title": "Context figures from other public sources",
        "description": "Figures for the zone's earlier years, Yiyang, Hunan, China and the national high-tech "
                       "zones, each with its source, status and trust. Context never overwrites article "
                       "figures; rows of one `series` share one definition.",
        "schema": {
            "fields": [
                _string("id", "Stable row id", required=True, pattern=_slug_pattern(), unique=True),
                _string("series", "Long annual series id (one definition per series), or empty"),
                _string("region", "Geographic or administrative scope", required=True, enum=d.REGIONS),
                _string("indicator", "Concept name", required=True, pattern=_slug_pattern()),
                _string("label_zh", "Label in Chinese, as the source words it"),
                _string("label_en", "Label in English", required=True),
                _string("period", "Year, half, quarter span, month span, plan period or year end",
                        required=True, pattern=d.CONTEXT_PERIOD.pattern.strip("^$")),
                _string("measure", "flow, stock, growth_yoy, ratio, rank, target_growth or count",
                        required=True, enum=d.CONTEXT_MEASURES),
                _value("The number as the source prints it"),
                _string("unit", "Unit as printed", required=True, enum=d.CONTEXT_UNITS),
                _string("qualifier", "exact, more_than, at_least, approx_more or approx (约/左右)",
                        required=True, enum=d.QUALIFIERS),
                _string("basis", "real (comparable prices) or nominal, for growth rates",
                        enum=d.BASES),
                _string("status", "final, revised, preliminary, forecast, target, derived or unverified",
                        required=True, enum=d.STATUSES),
                _string("trust", "How far the row can be trusted", required=True, enum=d.TRUST_LEVELS),
                _string("source_id", "Source row in sources.csv", required=True),
                _string("source_date", "Date of the source as shown or inferred"),
                _string("excerpt", "The source's words around the number",
                        max_length=d.CONTEXT_EXCERPT_MAX),
                _string("note", "Definitional warnings and derivations"),
            ],
            "primaryKey": ["id"],
            "foreignKeys": [{"fields": ["source_id"],
                             "reference": {"resource": "sources", "fields": ["source_id"]}}],
        },
    }


def sources_resource() -> dict:
    status = {"enum": list(d.FIELD_STATUSES)}
    fields = [
        _string("source_id", "Stable source id", required=True, pattern=_slug_pattern(), unique=True),
        _string("kind", "article, web or dataset", required=True, enum=d.SOURCE_KINDS),
    ]
    for name, description in (("title", "Title"), ("authors", "Authors as printed"),
                              ("publisher", "Publisher or newspaper"),
                              ("section", "Section or page header"), ("date", "Publication date"),
                              ("url", "Address of the page")):
        fields.append(_string(name, description, required=name == "title"))
        fields.append({"name": f"{name}_status", "type": "string",
                       "description": f"Whether the {name} is printed, inferred or not confirmed",
                       "constraints": {"required": True, **status}})
    fields.append(_string("trust", "How far the source can be trusted", required=True, enum=d.TRUST_LEVELS))
    fields.append(_string("note", "Reposts, mirrors and what to cite instead"))
    return {
        "name": "sources",
        "path": "sources.csv",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "title": "Sources",
        "description": "The article and every source of context.csv, with a status word per field.",
        "schema": {"fields": fields, "primaryKey": ["source_id"]},
    }


def scenarios_resource() -> dict:
    return {
        "name": "scenarios",
        "path": "scenarios.toml",
        "type": "file",
        "format": "toml",
        "mediatype": "application/toml",
        "encoding": "utf-8",
        "title": "十五五 (2026–2030) scenario assumptions",
        "description": "Named scenarios (low, base, high) per projected indicator: start and end growth, glide "
                       "shape, uncertainty and a rationale citing context.csv rows; optional targets. "
                       "Projections, not data: validated by ygx_analysis.scenarios.load_scenarios.",
    }


def savings_resource() -> dict:
    return {
        "name": "savings",
        "path": "savings.toml",
        "type": "file",
        "format": "toml",
        "mediatype": "application/toml",
        "encoding": "utf-8",
        "title": "Reform-savings assumptions",
        "description": "Assumptions of the 2024 reform-savings model (annual saving, wage growth, discount rate, "
                       "years, valuation date, timing, the group's line, transferred cost), each with a default "
                       "(a number or a data row), a plausible range, a rationale and refs to data rows. "
                       "Assumptions, not data: validated by ygx_analysis.savings.load_savings.",
    }


def descriptor() -> dict:
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "ygx-analysis-data",
        "title": "Yiyang High-tech Zone (益阳高新区): figures of a 2025 newspaper feature, with context",
        "version": __version__,
        "description": "Every figure printed in the feature as a typed record with period, unit, qualifier, "
                       "printed precision and excerpt; context figures from other public sources with "
                       "status and trust; and the sources themselves.",
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
                      "title": "Creative Commons Attribution 4.0"}],
        "keywords": ["Yiyang", "益阳高新区", "high-tech zone", "Hunan", "regional economy"],
        "resources": [indicators_resource(), context_resource(), sources_resource(), scenarios_resource(),
                      savings_resource()],
    }


def render() -> str:
    return json.dumps(descriptor(), ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is stale; run python tools/make_datapackage.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
