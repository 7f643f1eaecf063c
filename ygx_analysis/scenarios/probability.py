"""Honest probabilities from a Monte Carlo fan: the share of paths, its standard error, and one way to print it.

A probability read off ``n`` simulated paths is an estimate with a Monte Carlo
standard error ``sqrt(p (1 - p) / n)``, and it holds only under the model's
assumptions, which rest on judgement. So no table or figure prints "0.0%" or
"100.0%": under one in a thousand the text is "低于0.1%（在模型假设下）" /
"below 0.1 % under the model's assumptions", above 999 in a thousand
"高于99.9%（在模型假设下）" / "above 99.9 % under the model's assumptions", and
anything in between is printed with its standard error.
:func:`format_probability` is the one function every exhibit, table and the
command line use.
"""

from __future__ import annotations

import math
from numbers import Real
from typing import Any

from .montecarlo import check_n_paths

__all__ = ["PROBABILITY_FLOOR", "format_probability", "mc_standard_error"]

PROBABILITY_FLOOR = 0.001
"""Below this (and above ``1 - PROBABILITY_FLOOR``) a probability is printed as a bound, not a number."""


def _check(p: Any, n_paths: Any) -> tuple[float, int]:
    if isinstance(p, bool) or not isinstance(p, Real):
        raise TypeError(f"p: expected a number, got {type(p).__name__}")
    n = check_n_paths(n_paths)
    if not math.isnan(p) and not 0 <= p <= 1:
        raise ValueError(f"p: must be a probability in [0, 1], got {p}")
    return float(p), n


def mc_standard_error(p: float, n_paths: int) -> float:
    """The Monte Carlo standard error of a share ``p`` of ``n_paths`` paths: ``sqrt(p (1 - p) / n)``.

    Examples
    --------
    >>> mc_standard_error(0.5, 10_000)
    0.005
    """
    p, n = _check(p, n_paths)
    return math.sqrt(p * (1 - p) / n)


def format_probability(p: float, n_paths: int, lang: str = "zh") -> str:
    """A probability from ``n_paths`` paths as text, with its Monte Carlo standard error or as a bound.

    Parameters
    ----------
    p : float
        The share of paths (NaN: no probability, printed as "—").
    n_paths : int
        Paths it was read from.
    lang : {'zh', 'en'}

    Examples
    --------
    >>> format_probability(0.0, 20_000, "en")
    "below 0.1 % under the model's assumptions"
    >>> format_probability(0.0, 20_000)
    '低于0.1%（在模型假设下）'
    >>> format_probability(1.0, 20_000)
    '高于99.9%（在模型假设下）'
    >>> format_probability(0.25, 20_000, "en")
    '25.0 % (MC s.e. 0.31 pp)'
    >>> format_probability(0.25, 20_000)
    '25.0%（模拟标准误0.31个百分点）'
    """
    if lang not in ("zh", "en"):
        raise ValueError(f"lang: expected 'zh' or 'en', got {lang!r}")
    p, n = _check(p, n_paths)
    if math.isnan(p):
        return "—"
    if p < PROBABILITY_FLOOR:
        return "低于0.1%（在模型假设下）" if lang == "zh" else "below 0.1 % under the model's assumptions"
    if p > 1 - PROBABILITY_FLOOR:
        return "高于99.9%（在模型假设下）" if lang == "zh" else "above 99.9 % under the model's assumptions"
    se = 100 * math.sqrt(p * (1 - p) / n)
    if lang == "zh":
        return f"{100 * p:.1f}%（模拟标准误{se:.2f}个百分点）"
    return f"{100 * p:.1f} % (MC s.e. {se:.2f} pp)"
