"""The arithmetic of printed figures: pure functions, no file access.

- :mod:`.interval`: ``Interval``, the values a figure allows, and interval arithmetic.
- :mod:`.reported`: ``Reported``, a figure as printed, and the interval its printing allows.
- :mod:`.operands`: how a formula takes numbers, intervals and printed figures alike.
- :mod:`.growth`: growth rates, implied prior levels, CAGR, shares and percentage-point gaps.
- :mod:`.halfyear`: from a January–June figure to a full year (the H1 share rule).
- :mod:`.projection`: compounding a level along a path of growth rates.
- :mod:`.composition`: sums, remainders and shares of parts of a whole.
"""
