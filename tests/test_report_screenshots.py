"""The page check in headless Chromium: missing browser or build, and a bad page caught. The check of the
built pages is in test_report_build.py, which holds every test of the session's one build."""

from __future__ import annotations

import pytest

from ygx_analysis.report import screenshots

CHROMIUM_MISSING = screenshots.find_chromium() is None


def test_check_build_names_the_missing_browser_and_the_missing_build(tmp_path, monkeypatch):
    with pytest.raises(ValueError, match=r"^build: .* holds no index.html"):
        screenshots.check_build(tmp_path, tmp_path / "shots")
    (tmp_path / "index.html").write_text("<html></html>")
    monkeypatch.setattr(screenshots, "find_chromium", lambda path=None: None)
    with pytest.raises(FileNotFoundError, match=r"^chromium: not found"):
        screenshots.check_build(tmp_path, tmp_path / "shots")
    assert screenshots.main([str(tmp_path), "--out", str(tmp_path / "shots")]) == 2


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM_MISSING, reason="headless Chromium is not installed at /usr/bin/chromium")
def test_the_page_check_catches_tofu_and_overflow(tmp_path):
    page = tmp_path / "bad.html"
    page.write_text('<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{font-family:serif}</style>'
                    '</head><body><p>财政收入</p><div style="width:3000px">wide</div></body></html>', encoding="utf-8")
    check = screenshots.check_page(page, tmp_path / "shots", chromium=screenshots.find_chromium())
    problems = "\n".join(check.problems())
    assert "YGX did not load" in problems and "Chinese texts are set in a font list without" in problems
    assert "px wide in a 1280 px window" in problems


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM_MISSING, reason="headless Chromium is not installed at /usr/bin/chromium")
def test_one_browser_run_gives_the_screenshot_and_the_findings_and_the_findings_are_not_drawn(tmp_path):
    # The findings go into the DOM of the same load that is screenshot; drawn, their JSON line
    # would be the first dark pixels below the 400 px spacer of this page.
    import numpy as np
    from matplotlib import image

    page = tmp_path / "short.html"
    page.write_text('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">'
                    '<p style="margin:0">short</p><div style="height:400px"></div></body></html>', encoding="utf-8")
    check = screenshots.check_page(page, tmp_path / "shots", chromium=screenshots.find_chromium())
    assert check.error is None and check.findings is not None
    assert check.findings["innerWidth"] == 1280 and check.findings["cjkNodes"] == 0
    pixels = image.imread(check.screenshot)[..., :3]
    assert pixels.shape[:2] == (2000, 1280)
    assert (pixels[:40] < 0.5).any()  # the word "short" is drawn
    assert (pixels[420:] > 0.99).all()  # nothing under the spacer: the findings stay hidden
    assert not list(tmp_path.glob(".*.check.html"))  # the probe copy is removed
