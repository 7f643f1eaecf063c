"""Exhibits of the audit (shown in notebook 01): every check with its value, bounds and status."""

from __future__ import annotations

import pandas as pd

from ..audit import CONTEXT_IDS, INDICATOR_IDS, SOURCE_IDS, audit
from . import check_lang, exhibit, pick, tr

__all__ = [
    "DIGITS",
    "NOTEBOOK",
    "STATUS_LABELS",
    "audit_exhibit",
    "audit_notes_exhibit",
    "audit_notes_table",
    "audit_status_counts",
    "audit_status_counts_exhibit",
    "audit_table",
]

NOTEBOOK = "01_reported_figures.ipynb"

STATUS_LABELS = {
    "reproduced": ("复算", "reproduced"),
    "consistent": ("一致", "consistent"),
    "flag": ("存疑", "flag"),
    "not_comparable": ("不可比", "not comparable"),
}
"""Status word → (Chinese, English) label."""

DIGITS = 3
"""Decimals shown for value, low and high."""


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
    check_lang(lang)
    a = audit(lang=lang) if frame is None else frame
    table = pd.DataFrame({
        "check": a["check_id"],
        "description": a[f"description_{lang}"],
        "value": a["value"].round(DIGITS),
        "low": a["low"].round(DIGITS),
        "high": a["high"].round(DIGITS),
        "reported": a["reported"],
        "status": [pick(STATUS_LABELS, s, lang) for s in a["status"]],
    })
    if lang == "zh":
        table = table.rename(columns={"check": "检查", "description": "内容", "value": "数值", "low": "下限",
                                      "high": "上限", "reported": "原文数字", "status": "结论"})
    return table


def audit_notes_table(lang: str = "zh", frame: pd.DataFrame | None = None) -> pd.DataFrame:
    """The reading of each check: its status and the note, in ``lang``.

    Examples
    --------
    >>> t = audit_notes_table("en")
    >>> t.set_index("check").loc["fiscal_2018_vs_2024_splice", "status"]
    'not comparable'
    """
    check_lang(lang)
    a = audit(lang=lang) if frame is None else frame
    table = pd.DataFrame({
        "check": a["check_id"],
        "status": [pick(STATUS_LABELS, s, lang) for s in a["status"]],
        "note": a["note"],
    })
    if lang == "zh":
        table = table.rename(columns={"check": "检查", "status": "结论", "note": "说明"})
    return table


def audit_status_counts(lang: str = "zh", frame: pd.DataFrame | None = None) -> pd.DataFrame:
    """Number of checks per status, every status of :data:`STATUS_LABELS` in its order (0 where none).

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
        One row per status; the counts sum to the number of checks.

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
    a = audit(lang=lang) if frame is None else frame
    if not isinstance(a, pd.DataFrame):
        raise TypeError(f"frame: expected a DataFrame, got {type(a).__name__}")
    unknown = sorted(set(a["status"]) - set(STATUS_LABELS))
    if unknown:
        raise ValueError(f"frame: unknown status(es) {unknown}; expected one of {list(STATUS_LABELS)}")
    counts = a["status"].value_counts().reindex(list(STATUS_LABELS), fill_value=0)
    return pd.DataFrame({
        tr("结论", "status", lang): [pick(STATUS_LABELS, s, lang) for s in counts.index],
        tr("检查项数", "checks", lang): counts.to_numpy(),
    })


@exhibit("tab-audit", kind="table", notebook=NOTEBOOK,
         caption_zh="文中数字的机器核验：反推值、按印刷精度的上下限与结论",
         caption_en="A machine audit of the article's figures: derived values, bounds from the printing, "
                    "and status",
         sources=SOURCE_IDS, indicators=INDICATOR_IDS, context=CONTEXT_IDS)
def audit_exhibit(lang: str = "zh") -> pd.DataFrame:
    """The registered table of :func:`audit_table`."""
    return audit_table(lang)


@exhibit("tab-audit-notes", kind="table", notebook=NOTEBOOK,
         caption_zh="核验的解读：每项检查的结论与理由",
         caption_en="Reading the audit: each check's status and the reason",
         sources=SOURCE_IDS, indicators=INDICATOR_IDS, context=CONTEXT_IDS)
def audit_notes_exhibit(lang: str = "zh") -> pd.DataFrame:
    """The registered table of :func:`audit_notes_table`."""
    return audit_notes_table(lang)


@exhibit("tab-audit-status-counts", kind="table", notebook=NOTEBOOK,
         caption_zh="核验结论的分布：每类结论的检查项数",
         caption_en="The audit in brief: number of checks per status",
         sources=SOURCE_IDS, indicators=INDICATOR_IDS, context=CONTEXT_IDS)
def audit_status_counts_exhibit(lang: str = "zh") -> pd.DataFrame:
    """The registered table of :func:`audit_status_counts`."""
    return audit_status_counts(lang)
