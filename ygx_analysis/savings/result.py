"""The savings model as one call: :func:`run_savings` returns a :class:`SavingsResult`.

Part of :mod:`ygx_analysis.savings`.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .assumptions import UNIT, SavingsAssumptions
from .model import savings_path, window_summary

__all__ = ["WINDOW_NAMES", "SavingsResult", "run_savings"]

WINDOW_NAMES = {
    "plan14_rest": ("“十四五”剩余年份", "rest of the 14th plan"),
    "plan15": ("“十五五”", "15th plan"),
    "horizon": ("全部计入期", "whole horizon"),
}
"""Window id of :func:`~ygx_analysis.savings.plan_windows` → (Chinese, English) name."""


@dataclass(frozen=True)
class SavingsResult:
    """The yearly path and the window sums of one set of assumptions, with what they must say.

    Attributes
    ----------
    assumptions : SavingsAssumptions
    path : DataFrame
        :func:`~ygx_analysis.savings.savings_path`.
    windows : DataFrame
        :func:`~ygx_analysis.savings.window_summary` of the path.
    """

    assumptions: SavingsAssumptions
    path: pd.DataFrame
    windows: pd.DataFrame

    def notes(self, lang: str = "en") -> list[str]:
        """Model result, gross savings, the group's line and the valuation date (see :meth:`SavingsAssumptions.notes`)."""
        return self.assumptions.notes(lang)

    def to_frame(self) -> pd.DataFrame:
        """The yearly path (a copy)."""
        return self.path.copy()

    def summary(self, lang: str = "en") -> str:
        """The window sums as text, followed by the notes.

        Examples
        --------
        >>> text = run_savings().summary()
        >>> text.splitlines()[0]
        'Savings of the 2024 reform, 亿元 (present values at the end of 2025)'
        >>> "Gross savings to the zone" in text and "Group line" in text
        True
        """
        if lang not in ("zh", "en"):
            raise ValueError(f"lang: unknown language {lang!r}; expected 'zh' or 'en'")
        a = self.assumptions
        title = (f"2024年改革的节约，{UNIT}（现值折算到{a.valuation_year}年末）" if lang == "zh"
                 else f"Savings of the 2024 reform, {UNIT} (present values at the end of {a.valuation_year})")
        lines = [title]
        for row in self.windows.itertuples(index=False):
            name = WINDOW_NAMES.get(row.window, (row.window, row.window))[0 if lang == "zh" else 1]
            net = "" if pd.isna(row.net_nominal) else (
                f"；净额 {row.net_nominal:.2f}（现值 {row.net_npv:.2f}）" if lang == "zh"
                else f"; net {row.net_nominal:.2f} (present value {row.net_npv:.2f})")
            if lang == "zh":
                lines.append(f"  {name} {row.start}–{row.end}：名义 {row.cumulative_nominal:.2f}，"
                             f"现值 {row.npv:.2f}{net}")
            else:
                lines.append(f"  {name} {row.start}–{row.end}: nominal {row.cumulative_nominal:.2f}, "
                             f"present value {row.npv:.2f}{net}")
        lines += [f"- {note}" for note in self.notes(lang)]
        return "\n".join(lines)


def run_savings(assumptions: SavingsAssumptions | None = None) -> SavingsResult:
    """Run the savings model: the path and the plan windows of one set of assumptions.

    Parameters
    ----------
    assumptions : SavingsAssumptions, optional
        Defaults to ``SavingsAssumptions.from_data()`` (``data/savings.toml``).

    Examples
    --------
    >>> r = run_savings()
    >>> list(r.windows["window"])
    ['plan14_rest', 'plan15', 'horizon']
    """
    a = SavingsAssumptions.from_data() if assumptions is None else assumptions
    if not isinstance(a, SavingsAssumptions):
        raise TypeError(f"assumptions: must be a SavingsAssumptions, got {type(a).__name__}")
    path = savings_path(a)
    return SavingsResult(a, path, window_summary(path))
