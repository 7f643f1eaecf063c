"""Each excerpt is found in the article (when the article is available beside the repository)."""

from __future__ import annotations

import re

import pytest

from ygx_analysis.data.tables import load_indicators

from .conftest import ARTICLE


def _squash(text: str) -> str:
    """The article is typeset with line breaks and spaces inside numbers; drop all whitespace."""
    return re.sub(r"\s+", "", text)


@pytest.mark.skipif(not ARTICLE.exists(),
                    reason=f"article text not present at {ARTICLE} (it is not part of the repository)")
def test_every_excerpt_is_in_the_article():
    article = _squash(ARTICLE.read_text(encoding="utf-8"))
    ind = load_indicators()
    missing = [row.id for row in ind.itertuples() if _squash(row.excerpt) not in article]
    assert missing == []


@pytest.mark.skipif(not ARTICLE.exists(), reason=f"article text not present at {ARTICLE}")
def test_no_excerpt_reproduces_a_whole_sentence():
    ind = load_indicators()
    assert ind["excerpt"].str.len().max() <= 30
