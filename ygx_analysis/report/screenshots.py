"""Look at a built report as a reader's browser does: headless Chromium screenshots and page checks.

:func:`check_build` loads each page with :data:`CHECK_SCRIPT` added, in one Chromium run that takes a screenshot
and dumps the DOM; the script writes the fonts loaded, the page's width and the texts without the embedded fonts.
:meth:`PageCheck.problems` gives one line per problem; ``make screenshots`` exits with status 1 when a page has one.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .pages import missing_glyphs, page_text

__all__ = ["CHROMIUM", "CHECK_ID", "CHECK_SCRIPT", "PageCheck", "check_build", "check_page", "chromium_command",
           "find_chromium", "main", "parse_check"]

CHROMIUM = "/usr/bin/chromium"
"""Where Debian's chromium package puts the browser."""

CHECK_ID = "ygx-page-check"
"""The id of the element into which :data:`CHECK_SCRIPT` writes its findings."""

CHECK_SCRIPT = ("<script>\n" + (Path(__file__).resolve().parent / "templates" / "page_check.js").read_text(
    encoding="utf-8") + "</script>")
"""Appended to a copy of each page: waits for the fonts, then writes its findings as JSON."""


def find_chromium(path: str | os.PathLike[str] | None = None) -> Path | None:
    """The Chromium executable: ``path``, :data:`CHROMIUM`, or ``chromium`` on PATH; None when absent."""
    for candidate in ([path] if path else []) + [CHROMIUM, shutil.which("chromium")]:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return Path(candidate)
    return None


def chromium_command(chromium: str | os.PathLike[str], profile: str | os.PathLike[str], *args: str,
                     size: tuple[int, int] = (1280, 2000)) -> list[str]:
    """The headless Chromium command line, with a throw-away profile and no background network.

    Examples
    --------
    >>> cmd = chromium_command("/usr/bin/chromium", "/tmp/p", "--dump-dom", "file:///x.html")
    >>> cmd[:3], cmd[-2:], "--window-size=1280,2000" in cmd
    (['/usr/bin/chromium', '--headless', '--no-sandbox'], ['--dump-dom', 'file:///x.html'], True)
    """
    return [str(chromium), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
            f"--user-data-dir={profile}", f"--window-size={size[0]},{size[1]}", *args]


def parse_check(dom: str) -> dict[str, Any] | None:
    """The findings :data:`CHECK_SCRIPT` wrote into a dumped DOM, or None when it did not run.

    Examples
    --------
    >>> parse_check('<pre id="ygx-page-check" hidden="">{&quot;ygx&quot;: true}</pre>')
    {'ygx': True}
    >>> parse_check('<pre id="ygx-page-check">{}</pre>')
    {}
    >>> parse_check("<html></html>") is None
    True
    """
    match = re.search(r'<pre id="%s"[^>]*>(.*?)</pre>' % CHECK_ID, dom, re.S)
    return json.loads(html.unescape(match.group(1))) if match else None


@dataclass
class PageCheck:
    """What a browser shows of one page: screenshot, fonts, overflow, and characters no font holds."""

    page: str
    screenshot: Path | None = None
    findings: dict[str, Any] | None = None
    missing: list[str] = field(default_factory=list)
    error: str | None = None

    def problems(self) -> list[str]:
        """One line per problem; empty when the page renders as it should.

        Examples
        --------
        >>> PageCheck("a.html", findings={"ygx": True, "loaded": ["YGX"], "failed": [], "scrollWidth": 1280,
        ...           "innerWidth": 1280, "wide": []}).problems()
        []
        >>> PageCheck("a.html", findings={"ygx": False, "loaded": [], "failed": ["YGX"], "scrollWidth": 1500,
        ...           "innerWidth": 1280, "wide": ["table"]}, missing=["億"]).problems()[0]
        'a.html: the bundled font YGX did not load'
        """
        if self.error:
            return [f"{self.page}: {self.error}"]
        if (found := self.findings) is None:
            return [f"{self.page}: the page check did not run (no result in the DOM)"]
        lines = []
        if not found.get("ygx") or "YGX" not in found.get("loaded", []):
            lines.append(f"{self.page}: the bundled font YGX did not load")
        if found.get("noFont"):
            lines.append(f"{self.page}: {found['noFont']} Chinese texts are set in a font list without the "
                         f"embedded fonts (tofu without CJK system fonts): {'; '.join(found.get('noFontSamples', []))}")
        if found.get("failed"):
            lines.append(f"{self.page}: fonts failed to load: {', '.join(found['failed'])}")
        if found.get("scrollWidth", 0) > found.get("innerWidth", 0):
            lines.append(f"{self.page}: the page is {found['scrollWidth']} px wide in a {found['innerWidth']} px "
                         f"window; sticking out: {', '.join(found.get('wide', [])) or '?'}")
        if self.missing:
            codes = " ".join(f"{c} U+{ord(c):04X}" for c in self.missing)
            lines.append(f"{self.page}: {len(self.missing)} characters no embedded font holds (tofu): {codes}")
        return lines


def check_page(page: str | os.PathLike[str], out_dir: str | os.PathLike[str], *, chromium: str | os.PathLike[str],
               timeout: int = 120) -> PageCheck:
    """Screenshot one page into ``out_dir/<stem>.png`` and check it (see the module docstring)."""
    page, out_dir = Path(page).resolve(), Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    result = PageCheck(page.name)
    text = page.read_text(encoding="utf-8")
    result.missing = missing_glyphs(page_text(text))
    probe = page.with_name(f".{page.stem}.check.html")  # beside the page: the same relative fonts
    probe.write_text(text.replace("</body>", CHECK_SCRIPT + "\n</body>", 1), encoding="utf-8")
    try:
        # one browser run: the screenshot and the DOM (with the findings) of the same load
        shot = out_dir / f"{page.stem}.png"
        shot.unlink(missing_ok=True)
        with tempfile.TemporaryDirectory(prefix="ygx-chromium-") as profile:
            done = subprocess.run(chromium_command(chromium, profile, "--run-all-compositor-stages-before-draw",
                                                   "--virtual-time-budget=15000", f"--screenshot={shot}",
                                                   "--dump-dom", probe.as_uri()),
                                  capture_output=True, text=True, timeout=timeout, check=False)
        if done.returncode != 0 or not shot.is_file():
            result.error = f"chromium --screenshot failed ({done.returncode}): {done.stderr.strip()[-300:]}"
            return result
        result.screenshot = shot
        result.findings = parse_check(done.stdout)
    except subprocess.TimeoutExpired:
        result.error = f"chromium took longer than {timeout} s"
    finally:
        probe.unlink(missing_ok=True)
    return result


def check_build(build: str | os.PathLike[str], out_dir: str | os.PathLike[str], *,
                chromium: str | os.PathLike[str] | None = None) -> list[PageCheck]:
    """Check ``index.html`` and every ``notebooks/*.html`` of a build; screenshots go to ``out_dir``.

    Raises
    ------
    FileNotFoundError
        When Chromium is not installed (naming where it was looked for).
    ValueError
        When ``build`` holds no ``index.html``.
    """
    build = Path(build)
    if not (build / "index.html").is_file():
        raise ValueError(f"build: {build} holds no index.html; run `ygx-analysis report` first")
    browser = find_chromium(chromium)
    if browser is None:
        raise FileNotFoundError(f"chromium: not found at {chromium or CHROMIUM} nor on PATH; "
                                "install it with `apt-get install chromium`")
    pages = [build / "index.html"] + sorted((build / "notebooks").glob("*.html"))
    return [check_page(p, out_dir, chromium=browser) for p in pages]


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m ygx_analysis.report.screenshots BUILD [--out DIR]``: 0 when every page is fine."""
    parser = argparse.ArgumentParser(prog="python -m ygx_analysis.report.screenshots",
                                     description="Screenshot and check a built report in headless Chromium.")
    parser.add_argument("build", nargs="?", default="build", help="the report folder (default: build)")
    parser.add_argument("--out", default="build/screenshots", help="where the PNGs go (default: build/screenshots)")
    parser.add_argument("--chromium", default=None, help=f"the browser (default: {CHROMIUM})")
    args = parser.parse_args(argv)
    try:
        checks = check_build(args.build, args.out, chromium=args.chromium)
    except (FileNotFoundError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    bad = 0
    for check in checks:
        bad += bool(problems := check.problems())
        found = check.findings or {}
        print(f"{'FAIL' if problems else 'ok  '} {check.page}: fonts loaded {found.get('loaded')}, "
              f"width {found.get('scrollWidth')}/{found.get('innerWidth')} px, screenshot {check.screenshot}")
        for line in problems:
            print(f"     {line}")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
