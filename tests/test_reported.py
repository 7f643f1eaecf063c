"""Reported values and intervals: the examples of the data conventions, worked by hand."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ygx_analysis.reported import (
    Interval,
    Reported,
    approx_more_step,
    interval_from_printed,
    printed_decimals,
)


@pytest.mark.parametrize(
    ("text", "qualifier", "unit", "low", "high", "low_closed", "high_closed"),
    [
        ("6.6", "exact", "%", 6.55, 6.65, True, False),          # 一般预算收入 +6.6%
        ("62.08", "exact", "亿元", 62.075, 62.085, True, False),  # 财政总收入
        ("6.33", "exact", "%", 6.325, 6.335, True, False),
        ("165", "exact", "亿元", 164.5, 165.5, True, False),      # an amount, not a count
        ("487", "exact", "家", 487, 487, True, True),             # a count is exact
        ("30", "approx_more", "家", 30, 40, False, False),        # 30多家
        ("200", "approx_more", "万平方米", 200, 300, False, False),  # 200余万平方米
        ("200", "more_than", "家", 200, math.inf, False, False),  # 超200家
        ("1.3", "at_least", "亿元", 1.3, math.inf, True, False),  # 1.3亿元以上
        ("7.2", "approx", "%", 7.15, 7.25, True, False),          # 7.2%左右
    ],
)
def test_interval_from_printed(text, qualifier, unit, low, high, low_closed, high_closed):
    iv = interval_from_printed(text, qualifier, unit)
    assert iv.low == pytest.approx(low, abs=1e-12)
    assert iv.high == pytest.approx(high, abs=1e-12) if math.isfinite(high) else math.isinf(iv.high)
    assert (iv.low_closed, iv.high_closed) == (low_closed, high_closed)


def test_rounding_edges_are_half_open():
    iv = Reported("6.6", unit="%").interval
    assert iv.contains(6.55) and iv.contains(6.649999)
    assert not iv.contains(6.65) and not iv.contains(6.549999)


def test_approx_more_excludes_both_ends():
    iv = Reported("30", "approx_more", "家").interval
    assert not iv.contains(30) and not iv.contains(40) and iv.contains(35)
    assert iv.integers() == Interval(31, 39)


def test_printed_decimals_and_step():
    assert [printed_decimals(t) for t in ("62.08", "7.0", "487", "0.5")] == [2, 1, 0, 1]
    assert approx_more_step("10") == 10.0
    assert approx_more_step("1.3") == pytest.approx(0.1)


def test_interval_arithmetic_cluster_remainder_by_hand():
    # 487 total, 86 equipment, then 30多 + 20多 + 10多 (rows above_scale_*_current)
    parts = [Reported("30", "approx_more", "家"), Reported("20", "approx_more", "家"),
             Reported("10", "approx_more", "家")]
    remainder = Reported("487", unit="家").interval - Reported("86", unit="家").interval
    for p in parts:
        remainder = remainder - p.interval
    # real numbers: 401 - (60, 90) = (311, 341)
    assert (remainder.low, remainder.high) == (311, 341)
    assert not remainder.low_closed and not remainder.high_closed
    # whole firms: tighten each part first, 401 - [31+21+11, 39+29+19] = [314, 338];
    # tightening only the result would give the looser [312, 340]
    whole = Reported("487", unit="家").interval - 86
    for p in parts:
        whole = whole - p.interval.integers()
    assert whole == Interval(314, 338)
    assert remainder.integers() == Interval(312, 340)


def test_division_of_intervals_follows_monotonicity():
    level = Reported("62.08", unit="亿元").interval
    factor = 1 + Reported("6.33", unit="%").interval / 100
    prior = level / factor
    assert prior.low == pytest.approx(62.075 / 1.06335)
    assert prior.high == pytest.approx(62.085 / 1.06325)


def test_str_shows_printed_form():
    assert str(Reported("30", "approx_more", "家")) == "30多家"
    assert str(Reported("200", "more_than", "家")) == "超200家"
    assert str(Reported("1.3", "at_least", "亿元")) == "1.3亿元以上"


@pytest.mark.parametrize("bad", ["abc", "", "1,000", "nan-ish"])
def test_bad_printed_number_is_a_value_error(bad):
    with pytest.raises(ValueError, match="printed number"):
        interval_from_printed(bad)


def test_unknown_qualifier_is_named():
    with pytest.raises(ValueError, match="unknown qualifier 'roughly'"):
        interval_from_printed("3", "roughly")


def test_interval_rejects_inverted_bounds():
    with pytest.raises(ValueError, match="above high"):
        Interval(2, 1)


@given(st.integers(min_value=0, max_value=10**7), st.integers(min_value=0, max_value=3))
def test_exact_printed_value_sits_in_an_interval_one_printed_unit_wide(mantissa, decimals):
    text = f"{mantissa / 10**decimals:.{decimals}f}"
    iv = interval_from_printed(text, "exact", "亿元")
    assert iv.contains(float(text))
    assert iv.width == pytest.approx(10.0 ** -decimals, rel=1e-9, abs=1e-9)
    assert iv.low_closed and not iv.high_closed
