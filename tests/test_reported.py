"""Reported values and intervals: the examples of the data conventions, worked by hand."""

from __future__ import annotations

import importlib
import math
import re

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ygx_analysis.data.tables import context_reported, load_context
from ygx_analysis.arithmetic.reported import (
    Interval,
    Reported,
    approx_more_step,
    approx_step,
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
        ("7.2", "approx", "%", 7.1, 7.3, True, True),             # 7.2%左右: one unit either side
        ("30", "approx", "家", 29, 31, True, True),               # 约30家: the unit is 1
        ("2.4", "approx", "万亿元", 2.3, 2.5, True, True),        # 约2.4万亿元 (nhtz_profit_2024)
        ("67.07", "approx", "km²", 67.06, 67.08, True, True),     # 约67.07平方公里
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


@given(st.integers(min_value=0, max_value=10**7), st.integers(min_value=0, max_value=3))
def test_exact_printed_value_sits_in_an_interval_one_printed_unit_wide(mantissa, decimals):
    text = f"{mantissa / 10**decimals:.{decimals}f}"
    iv = interval_from_printed(text, "exact", "亿元")
    assert iv.contains(float(text))
    assert iv.width == pytest.approx(10.0 ** -decimals, rel=1e-9, abs=1e-9)
    assert iv.low_closed and not iv.high_closed


# ---------------------------------------------------------------------------
# 约 / 左右: one unit of the last printed digit either side
# ---------------------------------------------------------------------------

def test_approx_7_2_contains_the_final_7_3():
    # Hunan 2024 above-scale value-added growth: the January 2025 work report printed
    # "7.2%左右"; the statistics bureau and the 2025 plan gave 7.3.
    iv = interval_from_printed("7.2", "approx", "%")
    assert iv.contains(7.3) and iv.contains(7.1)
    assert not iv.contains(7.31) and not iv.contains(7.09)


def test_approx_interval_holds_the_final_figure_in_the_context_data():
    ctx = load_context()
    prelim = context_reported("hn_iva_growth_2024_prelim", ctx)
    assert (prelim.text, prelim.qualifier) == ("7.2", "approx")
    for final_id in ("hn_iva_growth_2024", "s_hn_iva_above_scale_growth_2024"):
        final = context_reported(final_id, ctx)
        assert final.qualifier == "exact" and final.value == 7.3
        assert prelim.interval.contains(final.value), final_id
        # an exact print of 7.2 would have excluded it
        assert not Reported("7.2", unit="%").interval.contains(final.value)


@given(st.integers(min_value=-10**6, max_value=10**7), st.integers(min_value=0, max_value=3))
def test_approx_interval_is_one_printed_unit_either_side_and_closed(mantissa, decimals):
    text = f"{mantissa / 10**decimals:.{decimals}f}"
    unit = 10.0 ** -decimals
    iv = interval_from_printed(text, "approx", "%")
    assert iv.low_closed and iv.high_closed
    assert iv.low == pytest.approx(float(text) - unit, rel=1e-12, abs=1e-9)
    assert iv.high == pytest.approx(float(text) + unit, rel=1e-12, abs=1e-9)
    # strictly wider than the exact print's rounding interval on both sides
    exact = interval_from_printed(text, "exact", "%")
    assert iv.low < exact.low and iv.high > exact.high


def test_approx_step_is_the_unit_of_the_last_printed_digit():
    assert [approx_step(t) for t in ("7.2", "30", "2.40", "0.05")] == [0.1, 1.0, 0.01, 0.01]


def test_reported_approx_prints_zuoyou_and_keeps_the_interval():
    r = Reported("7.2", "approx", "%", id="hn_iva_growth_2024_prelim")
    assert str(r) == "7.2左右%"
    assert (r.low, r.high) == (7.1, 7.3)
    assert r.to_dict()["interval"] == "[7.1, 7.3]"


# ---------------------------------------------------------------------------
# wrong types and values name the argument
# ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: interval_from_printed(7.2), TypeError, "text must be a str, not float"),
        (lambda: interval_from_printed("7.2", None), TypeError, "qualifier must be a str, not NoneType"),
        (lambda: interval_from_printed("7.2", "exact", 5), TypeError, "unit must be a str, not int"),
        (lambda: interval_from_printed("7.2", "roughly"), ValueError, "qualifier: unknown qualifier 'roughly'"),
        (lambda: interval_from_printed("NaN"), ValueError, "text: not a finite printed number"),
        (lambda: printed_decimals(None), TypeError, "text must be a str"),
        (lambda: printed_decimals("seven"), ValueError, "text: not a printed number"),
        (lambda: approx_more_step("abc"), ValueError, "text: not a printed number"),
        (lambda: approx_more_step("0"), ValueError, "text: 多/余 after zero"),
        (lambda: approx_step(b"7.2"), TypeError, "text must be a str, not bytes"),
        (lambda: Reported(6.6), TypeError, "text must be a str, not float"),
        (lambda: Reported("6.6", unit="%", id=3), TypeError, "id must be a str, not int"),
        (lambda: Interval("1", 2), TypeError, "low must be a real number, not str"),
        (lambda: Interval(1, None), TypeError, "high must be a real number, not NoneType"),
        (lambda: Interval(True, 2), TypeError, "low must be a real number, not bool"),
        (lambda: Interval(math.nan, 2), ValueError, "low is NaN"),
        (lambda: Interval(1, 2, "yes"), TypeError, "low_closed must be a bool, not str"),
        (lambda: Interval(1, 2, True, 0), TypeError, "high_closed must be a bool, not int"),
        (lambda: Interval(2, 1), ValueError, "low: interval low 2 is above high 1"),
        (lambda: Interval(1, 2).notation(0), ValueError, "digits must be at least 1"),
        (lambda: Interval(1, 2).notation(2.5), TypeError, "digits must be an int, not float"),
        (lambda: Interval(1, 2).contains("1.5"), TypeError, "x must be a real number, not str"),
    ],
)
def test_bad_arguments_raise_naming_the_argument(call, error, message):
    with pytest.raises(error, match=f"^{re.escape(message)}"):
        call()


def test_numpy_flags_and_numbers_are_accepted():
    iv = Interval(np.float64(6.55), np.float64(6.65), np.True_, np.False_)
    assert iv.low_closed is True and iv.high_closed is False
    assert iv.contains(np.float64(6.6)) and not iv.contains(np.float64(6.65))


def test_module_declares_its_public_names():
    reported_module = importlib.import_module("ygx_analysis.arithmetic.reported")
    public = {name for name, obj in vars(reported_module).items()
              if not name.startswith("_") and getattr(obj, "__module__", None) == reported_module.__name__}
    assert public <= set(reported_module.__all__)
    assert {"QUALIFIERS", "COUNT_UNITS"} <= set(reported_module.__all__)
    assert all(hasattr(reported_module, name) for name in reported_module.__all__)
