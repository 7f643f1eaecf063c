"""Exhibits of notebook 01: the article's printed figures with their provenance."""

from __future__ import annotations

import pandas as pd

from ..data.tables import load_indicators
from ..arithmetic.reported import Reported
from . import exhibit, words
from .growth_rates import period_label
from .innovation import printed_label

__all__ = ["NOTEBOOK", "QUALIFIERS", "SECTIONS", "figures_by_qualifier", "indicator_table",
           "printed_forms", "qualifier_counts", "section_counts"]

NOTEBOOK = "01_reported_figures.ipynb"

SECTIONS = ("innovation", "industry", "economy", "reform", "business_environment")
"""The article's sections, in the order the tables show them (labels in ``meta/reported_figures.yml``)."""

QUALIFIERS = ("exact", "more_than", "at_least", "approx_more")
"""The qualifiers of ``indicators.csv``, in the order the tables show them."""


def _words(key: str, lang: str) -> dict[str, str]:
    return words.group("reported_figures", key, lang)


def printed_forms(indicators: pd.DataFrame) -> list[str]:
    """Each row's figure as the article prints it, qualifier kept: 30多家, 1.3亿元以上, 超20万平方米.

    The qualifier word stands where the article puts it (超 before the number,
    多/余 between number and unit, 以上 after the unit); ``approx_more`` is written
    余 when the row's excerpt prints 余 (:func:`~ygx_analysis.exhibits.innovation.printed_label`).
    A rate printed as a count (万人有效发明专利达到110件, unit 件/万人) is shown as
    printed, 110件; the label says what it counts per.

    Examples
    --------
    >>> rows = pd.DataFrame({"value_printed": ["30", "1.3", "200"], "qualifier": ["approx_more", "at_least",
    ...                      "approx_more"], "unit": ["家", "亿元", "万平方米"],
    ...                      "excerpt": ["达30多家", "成本1.3亿元以上", "厂房200余万平方米"]})
    >>> printed_forms(rows)
    ['30多家', '1.3亿元以上', '200余万平方米']
    >>> printed_forms(pd.DataFrame({"value_printed": ["110"], "qualifier": ["exact"], "unit": ["件/万人"],
    ...                             "excerpt": ["万人有效发明专利达到110件"]}))
    ['110件']
    """
    if not isinstance(indicators, pd.DataFrame):
        raise TypeError(f"indicators: expected a DataFrame, got {type(indicators).__name__}")
    forms = []
    for text, qualifier, unit, excerpt in zip(indicators["value_printed"], indicators["qualifier"],
                                              indicators["unit"], indicators["excerpt"], strict=True):
        form = printed_label(Reported(str(text), qualifier, unit), "zh", str(excerpt))
        if "/" in unit and form not in str(excerpt):  # 万人有效发明专利达到110件: the rate's unit is the label's
            numerator = printed_label(Reported(str(text), qualifier, unit.split("/")[0]), "zh", str(excerpt))
            form = numerator if numerator in str(excerpt) else form
        forms.append(form)
    return forms


@exhibit("tab-reported-figures", kind="table", notebook=NOTEBOOK, indicators=("*",))
def indicator_table(lang: str = "zh", indicators: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every printed figure with its period, qualifier, interval and excerpt.

    Periods are shown in words (:func:`~ygx_analysis.exhibits.growth_rates.period_label`):
    2024年, 2025年1-6月, 文章时点（现有）for a stock at the article's date, 每年 for a
    yearly amount. Column names are Chinese in the Chinese table (``数据行`` for the row id).

    Parameters
    ----------
    lang : {'zh', 'en'}
        Language of the labels and column names.
    indicators : DataFrame, optional
        Output of :func:`~ygx_analysis.data.tables.load_indicators`; loaded when omitted.

    Examples
    --------
    >>> t = indicator_table("en")
    >>> row = t[t["id"] == "above_scale_electronics_current"]
    >>> row["printed"].item(), row["interval"].item()
    ('30多家', '(30, 40)')
    >>> zh = indicator_table("zh").set_index("数据行")
    >>> zh.loc["hr_cost_saving_annual", "时期"], zh.loc["incubators_national_current", "时期"]
    ('每年', '文章时点（现有）')
    """
    ind = load_indicators() if indicators is None else indicators
    order = {s: i for i, s in enumerate(SECTIONS)}
    ind = ind.assign(_order=ind["section"].map(order)).sort_values(["_order", "line"], kind="stable")
    sections, qualifiers = _words("sections", lang), _words("qualifiers", lang)
    table = pd.DataFrame({"id": ind["id"], "section": ind["section"].map(sections), "figure": ind[f"label_{lang}"],
                          "period": [period_label(p, lang) for p in ind["period"]], "printed": printed_forms(ind),
                          "qualifier": ind["qualifier"].map(qualifiers), "interval": ind["interval"],
                          "excerpt": ind["excerpt"]}).reset_index(drop=True)
    return table.rename(columns=_words("columns", lang))


@exhibit("tab-figures-per-section", kind="table", notebook=NOTEBOOK, indicators=("*",))
def section_counts(lang: str = "zh", indicators: pd.DataFrame | None = None) -> pd.DataFrame:
    """Number of printed figures per section, the sections in the order the data first has them.

    Parameters
    ----------
    lang : {'zh', 'en'}
        Language of the section labels and the column names (``板块``, ``数字个数`` in Chinese;
        ``section``, ``figures`` in English).
    indicators : DataFrame, optional
        Output of :func:`~ygx_analysis.data.tables.load_indicators`; loaded when omitted.

    Returns
    -------
    DataFrame
        One row per section that has figures; the counts sum to the number of rows.

    Examples
    --------
    >>> t = section_counts("en").set_index("section")
    >>> int(t.loc["Industry and investment", "figures"]), int(t["figures"].sum())
    (12, 45)
    >>> section_counts("zh").columns.tolist()
    ['板块', '数字个数']
    """
    ind = load_indicators() if indicators is None else indicators
    if not isinstance(ind, pd.DataFrame):
        raise TypeError(f"indicators: expected a DataFrame, got {type(ind).__name__}")
    unknown = sorted(set(ind["section"]) - set(SECTIONS))
    if unknown:
        raise ValueError(f"indicators: unknown section(s) {unknown}; expected one of {list(SECTIONS)}")
    counts = ind.groupby("section", sort=False).size()
    sections = _words("sections", lang)
    table = pd.DataFrame({"section": [sections[s] for s in counts.index], "figures": counts.to_numpy()})
    return table.rename(columns=_words("columns", lang))


def qualifier_counts(indicators: pd.DataFrame | None = None) -> pd.DataFrame:
    """Number of printed figures per section and qualifier (sections × qualifiers).

    Examples
    --------
    >>> counts = qualifier_counts()
    >>> int(counts.loc["industry", "approx_more"])
    4
    """
    ind = load_indicators() if indicators is None else indicators
    counts = pd.crosstab(ind["section"], ind["qualifier"])
    counts = counts.reindex(index=list(SECTIONS), columns=list(QUALIFIERS), fill_value=0)
    return counts.rename_axis(index="section", columns="qualifier")


@exhibit("fig-figures-by-qualifier", kind="figure", notebook=NOTEBOOK, indicators=("*",))
def figures_by_qualifier(lang: str = "zh"):
    """Stacked horizontal bars: how many figures each section prints, and how exactly."""
    from .style import PAGE_WIDTH_IN, PALETTE, new_figure

    counts = qualifier_counts()
    fig, ax = new_figure((PAGE_WIDTH_IN, 3.9))
    left = pd.Series(0, index=counts.index)
    sections, legend = _words("sections", lang), _words("qualifier_legend", lang)
    ylabels = [sections[s] for s in counts.index]
    for colour, qualifier in zip(PALETTE, counts.columns, strict=False):
        values = counts[qualifier]
        ax.barh(ylabels, values, left=left, color=colour, label=legend[qualifier])
        left = left + values
    for y, total in enumerate(left):
        ax.annotate(str(int(total)), (total, y), xytext=(4, 0), textcoords="offset points", va="center", fontsize=9)
    ax.set_xlim(0, float(left.max()) * 1.08)  # room for the longest bar's total inside the axes
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", visible=True)
    ax.set_xlabel(words.text("reported_figures", "exhibits.fig-figures-by-qualifier.xlabel", lang))
    ax.set_title(words.text("reported_figures", "exhibits.fig-figures-by-qualifier.title", lang))
    ax.legend(loc="lower right")
    return fig
