"""Words as data: every metadata file is complete in both languages and every template fills."""

from __future__ import annotations

import pytest

from ygx_analysis.exhibits import words


@pytest.mark.parametrize("theme", words.themes())
def test_every_label_has_chinese_and_english(theme):
    bad = [key for key, leaf in words.leaves(theme)
           if not (isinstance(leaf.get("zh"), str) and leaf["zh"].strip()
                   and isinstance(leaf.get("en"), str) and leaf["en"].strip())]
    assert bad == [], f"meta/{theme}.yml: labels without both zh and en: {bad}"


@pytest.mark.parametrize("theme", words.themes())
def test_a_template_asks_for_the_same_values_in_both_languages(theme):
    bad = [key for key, leaf in words.leaves(theme)
           if isinstance(leaf.get("en"), str) and words.placeholders(leaf["zh"]) != words.placeholders(leaf["en"])]
    assert bad == []


def test_english_labels_hold_no_chinese_characters_unless_quoting():
    # an English label may quote a Chinese word in parentheses (超, 以上); nothing else
    import re
    bad = []
    for theme in words.themes():
        for key, leaf in words.leaves(theme):
            en = leaf.get("en") or ""
            if re.search(r"[\u4e00-\u9fff]", re.sub(r"[（(][^)）]*[)）]", "", en)):
                bad.append(f"{theme}:{key}")
    assert bad == []


def test_fill_refuses_a_missing_or_an_unused_value():
    assert words.fill("common", "range", "en", low=1, high=2.25, digits=1) == "1.0–2.2"
    with pytest.raises(words.MetaError, match=r"common.yml: range \(en\): missing values \['digits'\]"):
        words.fill("common", "range", "en", low=1, high=2)
    with pytest.raises(words.MetaError, match=r"unused values \['x'\]"):
        words.fill("common", "range", "en", low=1, high=2, digits=0, x=3)


def test_a_missing_key_names_the_file_and_key():
    with pytest.raises(words.MetaError, match=r"meta/common.yml: no key 'status.nope'"):
        words.text("common", "status.nope", "zh")
    with pytest.raises(ValueError, match="lang"):
        words.text("common", "lang_name", "fr")
