"""Provenance and citation: the library versions, how to cite an exhibit, EXHIBITS.md.

The citation texts come from :mod:`ygx_analysis.data.citation`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

import pandas as pd

from ..data.provenance import Provenance, data_files

__all__ = ["LIBRARIES", "build_stamp", "changes_markdown", "data_files", "exhibits_markdown", "how_to_cite",
           "library_versions"]

LIBRARIES = ("numpy", "pandas", "matplotlib", "statsmodels", "fonttools", "pillow", "nbformat", "nbclient",
             "nbconvert", "papermill", "jinja2", "xlsxwriter", "ipykernel", "jupyter_client", "ipython")
"""Distributions whose versions the manifest records."""


def library_versions(names: Sequence[str] = LIBRARIES) -> dict[str, str | None]:
    """Installed version of each distribution (None when absent)."""
    versions: dict[str, str | None] = {}
    for name in names:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def build_stamp(manifest: Mapping[str, Any], inputs: Sequence[str] | None = None) -> str:
    """The build named in a citation: :meth:`~ygx_analysis.data.provenance.Provenance.stamp` for the data files
    ``inputs`` (every file when None); a manifest without provenance gives version and commit.

    Examples
    --------
    >>> build_stamp({"version": "0.1.0", "git_commit": "0123456789abcdef"})
    'ygx_analysis 0.1.0 (commit 0123456)'
    >>> p = Provenance("0.1.0", "0123456789abcdef", False, ("scenarios.toml",), "89abcdef", "2026-11-29")
    >>> build_stamp({"version": "0.1.0", "provenance": p.to_dict()}, ["scenarios.toml", "sources.csv"])
    'ygx_analysis 0.1.0 (commit 0123456+modified, data 89abcdef, 2026-11-29)'
    """
    if manifest.get("provenance"):
        return Provenance.from_dict(manifest["provenance"]).stamp(inputs)
    build = f"ygx_analysis {manifest['version']}"
    if manifest.get("git_commit"):
        build += f" (commit {manifest['git_commit'][:7]})"
    return build


def how_to_cite(record: Mapping[str, Any], manifest: Mapping[str, Any], lang: str = "zh") -> str:
    """A ready-to-paste citation of one exhibit from the manifest.

    Examples
    --------
    >>> m = {"version": "0.1.0", "git_commit": "0123456789abcdef"}
    >>> r = {"id": "fig-x", "caption": "Cap", "source_line": "Source: S [article]"}
    >>> how_to_cite(r, m, "en")
    'ygx_analysis 0.1.0 (commit 0123456), exhibit fig-x: Cap. Source: S [article]'
    """
    build = build_stamp(manifest, record.get("data_inputs"))
    word, sep, end = ("图表", "：", "。") if lang == "zh" else ("exhibit", ": ", ". ")
    return f"{build}, {word} {record['id']}{sep}{record['caption']}{end}{record['source_line']}".rstrip()


def changes_markdown(manifest: Mapping[str, Any]) -> list[str]:
    """The lines of EXHIBITS.md's header that name the values set for this build (none when nothing was set).

    Examples
    --------
    >>> changes_markdown({"overrides": [], "configs": {}})
    []
    >>> m = {"overrides": ["savings.annual_saving=2"],
    ...      "configs": {"scenarios.toml": {"file": "mine.toml", "sha256": "ab" * 32}}}
    >>> print("\\n".join(changes_markdown(m)))
    Set for this build only (the project's `data/` is not changed; the exhibits reading these files cite `+modified`):
    <BLANKLINE>
    - `scenarios.toml` replaced by `mine.toml` (`--scenarios-config`, sha256 `abababababab…`)
    - `--set savings.annual_saving=2`
    <BLANKLINE>
    """
    from .overrides import CONFIG_OPTIONS

    configs = manifest.get("configs") or {}
    overrides = manifest.get("overrides") or []
    if not configs and not overrides:
        return []
    lines = ["Set for this build only (the project's `data/` is not changed; the exhibits reading these files "
             "cite `+modified`):", ""]
    lines += [f"- `{name}` replaced by `{rec['file']}` (`{CONFIG_OPTIONS.get(name, 'config')}`, "
              f"sha256 `{rec['sha256'][:12]}…`)" for name, rec in sorted(configs.items())]
    lines += [f"- `--set {text}`" for text in overrides]
    return [*lines, ""]


def exhibits_markdown(manifest: Mapping[str, Any], sources: pd.DataFrame | None, lang: str = "zh") -> str:
    """EXHIBITS.md (``templates/EXHIBITS.md.j2``): for each exhibit its caption, files, full citations and notebook."""
    import jinja2

    from ..exhibits import full_citation

    by_id = {} if sources is None else {r["source_id"]: r for r in sources.to_dict("records")}
    prov = Provenance.from_dict(manifest["provenance"]) if manifest.get("provenance") else None
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(Path(__file__).parent / "templates")),
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    text = env.get_template("EXHIBITS.md.j2").render(
        m=manifest, prov=prov, changes=changes_markdown(manifest),
        changed=", ".join(f"`{name}`" for name in prov.changed_data) or "none" if prov else "",
        ticks=lambda ids: ", ".join(f"`{i}`" for i in ids), how_to_cite=lambda rec: how_to_cite(rec, manifest, lang),
        cite=lambda sid: full_citation(by_id[sid], lang) if sid in by_id else f"[{sid}] (not in sources.csv)")
    return text.rstrip("\n") + "\n"  # the last block without its blank line
