"""Exhibits of the audit (shown in notebook 01): every check with its value, bounds and status.

The audit (:func:`ygx_analysis.audit.audit`) holds no prose; :func:`audit_frame` fills
each check's description and note from the templates of ``meta/audit.yml``.
"""

from __future__ import annotations

import pandas as pd

from ..arithmetic.halfyear import HalfYearRule
from ..audit import CONTEXT_IDS, INDICATOR_IDS, SOURCE_IDS, STATUSES, audit
from ..audit.checks import Note, Quote, Term
from . import check_lang, exhibit, words

__all__ = ["DIGITS", "NOTEBOOK", "TABLE_COLUMNS", "audit_frame",
           "audit_notes_table", "audit_status_counts", "audit_table", "fill_note"]

NOTEBOOK = "01_reported_figures.ipynb"

DIGITS = 3
"""Decimals shown for value, low and high."""

TABLE_COLUMNS = ("check_id", "description_zh", "description_en", "formula", "inputs", "value", "low", "high",
                 "reported", "status", "note")
"""Columns of :func:`audit_frame` (and of ``ygx-analysis audit --format csv``)."""


_ROWS = {"sources": SOURCE_IDS, "indicators": INDICATOR_IDS, "context": CONTEXT_IDS}


def _value(value: object, lang: str) -> object:
    """A named value as the reader sees it: words by key in ``lang``, a list of rows, a rule described."""
    if isinstance(value, Note):
        return fill_note(value, lang)
    if isinstance(value, Quote):
        return words.text("audit", f"quotes.{value}", "zh")
    if isinstance(value, Term):
        return words.text("audit", f"terms.{value}", lang)
    if isinstance(value, tuple):
        return words.text("audit", "terms.list_sep", lang).join(map(str, value))
    if isinstance(value, HalfYearRule):
        return value.describe(lang)
    return value


def fill_note(note: Note, lang: str) -> str:
    """The text of a check's note in ``lang`` (:class:`~ygx_analysis.audit.checks.Note`).

    Examples
    --------
    >>> fill_note(Note("notes.national_plus_provincial", {"national": "3", "provincial": "5"}), "zh")
    '国家级3个 + 省级5个。'
    """
    return words.fill("audit", note.template, lang, **{k: _value(v, lang) for k, v in note.values.items()})


def audit_frame(lang: str = "zh", frame: pd.DataFrame | None = None) -> pd.DataFrame:
    """The audit with its words: both descriptions and the note in ``lang`` (columns :data:`TABLE_COLUMNS`).

    Parameters
    ----------
    lang : {'zh', 'en'}
        Language of the ``note`` column (both descriptions are always present).
    frame : DataFrame, optional
        Output of :func:`~ygx_analysis.audit.audit`; computed when omitted.

    Examples
    --------
    >>> row = audit_frame("en").set_index("check_id").loc["fiscal_total_2023_implied"]
    >>> row["description_zh"], row["note"][:51]
    ('反推的2023年财政总收入（亿元）', '62.08 亿元 after growth of 6.33 % implies about 58.38')
    """
    check_lang(lang)
    a = audit() if frame is None else frame
    if not isinstance(a, pd.DataFrame):
        raise TypeError(f"frame: expected a DataFrame, got {type(a).__name__}")
    out = a.drop(columns=["note_template", "note_values", "description_values"])
    for i, code in enumerate(("zh", "en")):
        out.insert(1 + i, f"description_{code}", [
            fill_note(Note(f"checks.{c}.description", v), code) for c, v in zip(a["check_id"], a["description_values"],
                                                                                   strict=True)])
    out["note"] = [fill_note(Note(t, v), lang) for t, v in zip(a["note_template"], a["note_values"], strict=True)]
    return out[list(TABLE_COLUMNS)]


def _status(statuses: pd.Series, lang: str) -> list[str]:
    labels = words.group("article_audit", "status", lang)
    return [labels[s] for s in statuses]


def _headed(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    return table.rename(columns=words.group("article_audit", "columns", lang))


@exhibit("tab-audit", kind="table", notebook=NOTEBOOK, **_ROWS)
def audit_table(lang: str = "zh", frame: pd.DataFrame | None = None) -> pd.DataFrame:
    """The audit for display: check, description, value, bounds, printed figure and status.

    Parameters
    ----------
    lang : {'zh', 'en'}
        Language of the description, the status label and the column names.
    frame : DataFrame, optional
        Output of :func:`~ygx_analysis.audit.audit`; computed when omitted.

    Examples
    --------
    >>> t = audit_table("en")
    >>> t.set_index("check").loc["fiscal_total_2023_implied", ["value", "low", "high"]].tolist()
    [58.384, 58.377, 58.392]
    """
    a = audit_frame(lang, frame)
    return _headed(pd.DataFrame({"check": a["check_id"], "description": a[f"description_{lang}"],
                                 **{c: a[c].round(DIGITS) for c in ("value", "low", "high")},
                                 "reported": a["reported"], "status": _status(a["status"], lang)}), lang)


@exhibit("tab-audit-notes", kind="table", notebook=NOTEBOOK, **_ROWS)
def audit_notes_table(lang: str = "zh", frame: pd.DataFrame | None = None) -> pd.DataFrame:
    """The reading of each check: its status and the note, in ``lang``.

    Examples
    --------
    >>> t = audit_notes_table("en")
    >>> t.set_index("check").loc["fiscal_2018_vs_2024_splice", "status"]
    'not comparable'
    """
    a = audit_frame(lang, frame)
    return _headed(pd.DataFrame({"check": a["check_id"], "status": _status(a["status"], lang), "note": a["note"]}),
                   lang)


@exhibit("tab-audit-status-counts", kind="table", notebook=NOTEBOOK, **_ROWS)
def audit_status_counts(lang: str = "zh", frame: pd.DataFrame | None = None) -> pd.DataFrame:
    """Number of checks per status, every status of :data:`~ygx_analysis.audit.STATUSES` in its order.

    Parameters
    ----------
    lang : {'zh', 'en'}
        Language of the status labels and the column names (``结论``, ``检查项数`` in Chinese;
        ``status``, ``checks`` in English).
    frame : DataFrame, optional
        Output of :func:`~ygx_analysis.audit.audit`; computed when omitted.

    Returns
    -------
    DataFrame
        One row per status (0 where none); the counts sum to the number of checks.

    Examples
    --------
    >>> t = audit_status_counts("en")
    >>> t["status"].tolist()
    ['reproduced', 'consistent', 'flag', 'not comparable']
    >>> int(t["checks"].sum()) == len(audit())
    True
    >>> none = audit_status_counts("zh", audit().iloc[:0])
    >>> none.columns.tolist(), none["检查项数"].tolist()
    (['结论', '检查项数'], [0, 0, 0, 0])
    """
    check_lang(lang)
    a = audit() if frame is None else frame
    if not isinstance(a, pd.DataFrame):
        raise TypeError(f"frame: expected a DataFrame, got {type(a).__name__}")
    unknown = sorted(set(a["status"]) - set(STATUSES))
    if unknown:
        raise ValueError(f"frame: unknown status(es) {unknown}; expected one of {list(STATUSES)}")
    counts = a["status"].value_counts().reindex(list(STATUSES), fill_value=0)
    return _headed(pd.DataFrame({"status": _status(counts.index, lang), "checks": counts.to_numpy()}), lang)
