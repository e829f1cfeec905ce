"""Take the README's screenshots from the demo history: the current policy, a change page, the
history answering which version was in force on a day, a version in three languages, and two pages
in the dark scheme."""

from __future__ import annotations

import datetime
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy.build import build_site  # noqa: E402
from tools.browser import chromium, serve  # noqa: E402

SHOTS = {"current-ru.png": ("ru/", 390, 844, "light"), "changes-ru.png": ("ru/changes/2026-06-01/", 1100, 1000, "light"),
         "changes-kk.png": ("kk/changes/2026-06-01/#p-7-1", 390, 844, "light"),
         "history-kk.png": ("kk/history/?on=2025-05-03", 390, 844, "light"),
         "parallel-ru.png": ("ru/parallel/2026-06-01/#p-8-1", 1280, 800, "light"),
         "current-kk-dark.png": ("kk/", 390, 844, "dark"),
         "changes-en-dark.png": ("en/changes/2025-03-01/#p-1-1-1", 1100, 800, "dark")}

STILL = """() => new Promise(requestAnimationFrame).then(() =>
  Promise.all(document.getAnimations().map(animation => animation.finished)))"""
"""Resolves once the transitions that the page's scripts start on their first frame have ended."""


def main() -> None:
    out_dir = ROOT / "docs" / "screenshots"
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        site = Path(work) / "site"
        build_site(ROOT / "examples" / "demo" / "content", site, datetime.date(2026, 11, 25))
        with serve(site) as base, chromium() as browser:
            for name, (path, width, height, scheme) in SHOTS.items():
                page = browser.new_page(viewport={"width": width, "height": height}, color_scheme=scheme,
                                        is_mobile=width < 600)
                page.goto(base + path)
                page.wait_for_load_state("networkidle")
                page.evaluate("document.fonts.ready")
                page.evaluate(STILL)  # the header's title fades from the site's name to the page's
                page.screenshot(path=out_dir / name)
                page.close()
                print(f"wrote docs/screenshots/{name}")


if __name__ == "__main__":
    main()
