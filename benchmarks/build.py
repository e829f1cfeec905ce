"""How long a build and a preview take on long histories, and what a first visit weighs (prints
figures next to their budgets).

Histories of 10 and 100 versions are made from the frozen policy in tests/fixtures: each version
changes clause 8.2 in all three languages. For each: a cold build (a new output folder), a warm
build (the same folder again), and, for the longest, the preview's latency: the time from saving a
file to the end of the rebuild that the browser reloads on (median of a few saves): for an edit of
the newest version while it is upcoming (the draft an editor works on: `new-version` with a date
still to come) and for an edit of the version in force, which every "changed since" page shows. And the weight
of a first visit of its current Russian page: every response Chromium fetches from nginx before
the visitor does anything, gzip, next to the policy text's own (its Markdown file, gzip).
"""

from __future__ import annotations

import datetime
import gzip
import os
import queue
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy.publish import build_site  # noqa: E402
from tools.browser import CHROMIUM, chromium  # noqa: E402
from tools.history import history  # noqa: E402
from tools.nginx import JS_MODULE, NGINX, nginx  # noqa: E402
from tools.weight import BUDGET, first_visit  # noqa: E402

TODAY = datetime.date(2027, 1, 1)
"""The build date: the 89th version of 100 is in force, the last 11 are upcoming."""
PREVIEW_BUDGET = 1.0
"""Seconds from a save to the reloaded page, median, on 100 versions (issue 9)."""


def timed(function) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def builds(content: Path, out: Path) -> tuple[float, float]:
    """A cold build into a new folder, then a warm one into the same folder."""
    cold = timed(lambda: build_site(content, out, TODAY))
    return cold, timed(lambda: build_site(content, out, TODAY))


def preview_latency(content: Path, out: Path, edited: datetime.date, saves: int = 5) -> float:
    """The median time from saving the Kazakh file of `edited` to the preview's `build` event."""
    server = subprocess.Popen([sys.executable, "-u", str(ROOT / "build.py"), "serve", "--content", str(content),
                               "--out", str(out), "--port", "0", "--date", str(TODAY)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in server.stdout], daemon=True).start()  # never full
    try:
        url = next(line for line in iter(lines.get, None) if line.startswith("preview at ")).split()[2]
        events = urllib.request.urlopen(url + "__preview/events", timeout=600)
        path = content / "kk" / f"{edited}.md"
        text = path.read_text(encoding="utf-8")
        runs = []
        for number in range(saves):
            start = time.perf_counter()
            title = "title: Дербес деректердің құпиялылық саясаты" + " (жоба)" * (number % 2)  # every check accepts it
            path.write_text(text.replace("title: Дербес деректердің құпиялылық саясаты", title, 1), encoding="utf-8")
            while not events.readline().startswith(b"event: build"):
                pass
            runs.append(time.perf_counter() - start)
        path.write_text(text, encoding="utf-8")
        return statistics.median(runs)
    finally:
        server.terminate()
        server.wait(timeout=30)


def first_visit_weight(content: Path, site: Path) -> str:
    """The weight of a first visit of the current Russian page, next to the budget and the text's."""
    text = len(gzip.compress(max((content / "ru").glob("*.md")).read_bytes(), compresslevel=9))
    if not all(os.path.exists(tool) for tool in (NGINX, str(JS_MODULE), CHROMIUM)):
        return f"first visit: not measured (needs {NGINX}, its njs module and {CHROMIUM})"
    with nginx(site) as base, chromium() as browser, first_visit(browser, f"{base}ru/") as (_, sizes):
        weight = sum(sizes.values())
    return (f"first visit of the current page (ru): {weight / 1024:.1f} KB gzip in {len(sizes)} responses "
            f"(budget {BUDGET / 1024:.0f} KB); the policy text itself: {text / 1024:.1f} KB gzip")


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for count in (10, 100):
            content = history(folder / f"content-{count}", count)
            cold, warm = builds(content, folder / f"site-{count}")
            print(f"{count:>3} versions: cold build {cold:6.1f} s, warm build {warm:6.1f} s")
        content = folder / "content-100"
        dates = sorted(datetime.date.fromisoformat(path.stem) for path in (content / "kk").iterdir())
        in_force = max(date for date in dates if date <= TODAY)
        for label, edited in (("the upcoming draft", dates[-1]), ("the version in force", in_force)):
            latency = preview_latency(content, folder / "preview", edited)
            print(f"preview, 100 versions, an edit of {label}: {latency:.1f} s from a save to the reload "
                  f"(budget {PREVIEW_BUDGET:.1f} s median)")
            shutil.rmtree(folder / "preview", ignore_errors=True)
        print(first_visit_weight(content, folder / "site-100"))


if __name__ == "__main__":
    main()
