"""The preview's latency, from a save to the page loaded again in Chromium (see benchmarks/build.py).

The preview runs from a copy of the project, so that the template and catalog edits leave the
project alone. Every save writes a new text: nothing can come from a cache of an earlier save.
"""

from __future__ import annotations

import datetime
import os
import queue
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy.i18n.language import LANGUAGES  # noqa: E402

SAVES = 9
"""Saves of each version, three in each language."""
THEME_SAVES = 3


class Preview:
    """`build.py serve` of a copy of the project, in a subprocess; its output read without blocking."""

    def __init__(self, project: Path, content: Path, day: datetime.date):
        self.process = subprocess.Popen([sys.executable, "-u", str(project / "build.py"), "serve", "--content",
                                         str(content), "--date", str(day), "--port", "0"],
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=lambda: [lines.put(line) for line in self.process.stdout], daemon=True).start()
        self.url = self._started(lines).split()[2]

    def _started(self, lines: queue.Queue[str], seconds: float = 600) -> str:
        """The line `preview at URL`, once the first build is done; AssertionError when the preview
        stops or takes longer than `seconds`."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                line = lines.get(timeout=1)
            except queue.Empty:
                assert self.process.poll() is None, "the preview stopped"
                continue
            if line.startswith("preview at "):
                return line
        raise AssertionError(f"the preview did not start within {seconds:.0f} s")

    def cpu(self) -> float:
        """Seconds of CPU the preview and its finished workers have used so far (/proc)."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return sum(int(value) for value in fields[11:15]) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


class Watch:
    """Asks for some pages again and again while it runs: every answer that is not 200."""

    def __init__(self, base: str, paths: list[str]):
        self.base, self.paths, self.failures, self.asked = base, paths, [], 0
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._ask)
        self.thread.start()

    def _ask(self) -> None:
        while not self.done.wait(0.05):
            for path in self.paths:
                try:
                    urllib.request.urlopen(self.base + path, timeout=30).read()
                except urllib.error.HTTPError as error:
                    self.failures.append((path, error.code))
                self.asked += 1

    def stop(self) -> None:
        self.done.set()
        self.thread.join()


def timed_save(page, url: str, save, marker: str) -> float:
    """Seconds from `save()` to the page at `url` loaded again with `marker` in it."""
    if page.url != url:
        page.goto(url)
    page.wait_for_function("document.documentElement.dataset.preview === 'connected'")
    start = time.perf_counter()
    with page.expect_navigation(wait_until="load", timeout=120_000):
        save()
    elapsed = time.perf_counter() - start
    if marker not in page.content():
        raise AssertionError(f"{url} reloaded without {marker!r}")
    return elapsed


def edit_line(path: Path, mark: str, number: int) -> str:
    """Write ` v<number>` after `mark`, in place of whatever followed it on its line; the new words."""
    text = path.read_text(encoding="utf-8")
    start = text.index(mark) + len(mark)
    end = text.index("\n", start)
    path.write_text(f"{text[:start]} v{number}{text[end:]}", encoding="utf-8")
    return f"{mark} v{number}"


def copy_project(folder: Path) -> Path:
    for name in ("policy", "theme"):
        shutil.copytree(ROOT / name, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("build.py", "mkdocs.yml"):
        shutil.copy(ROOT / name, folder / name)
    return folder


def previews(content: Path, day: datetime.date, scratch: Path, budget: float, theme_budget: float) -> None:
    from policy.model.version import load_policy
    from tools.browser import CHROMIUM, chromium

    if not Path(CHROMIUM).exists():
        print(f"Preview: not measured (needs {CHROMIUM})")
        return
    project = copy_project(scratch / "project")
    edited = scratch / "preview-content"
    shutil.copytree(content, edited)
    policy, _ = load_policy(edited)
    draft, in_force = policy.dates[-1], policy.in_force(day)
    preview = Preview(project, edited, day)
    print(f"Preview, {len(policy.dates)} versions, from a save (a new text each time) to the page loaded in Chromium:")
    try:
        with chromium() as browser:
            page = browser.new_page()
            # The draft's own change (the clause it changed); the version in force's summary (in the
            # page's description): a version between two others cannot change a clause in one
            # language alone (the sync rule).
            clause = f" ({policy.dates.index(draft)})"
            runs = [_save_version(page, preview.url + f"{LANGUAGES[number % len(LANGUAGES)]}/versions/{draft}/",
                                  edited / LANGUAGES[number % len(LANGUAGES)] / f"{draft}.md", clause, number)
                    for number in range(SAVES)]
            report("an edit of the upcoming draft's text (ru, kk, en in turn)", runs, budget)
            runs = [_save_version(page, preview.url + f"{LANGUAGES[number % len(LANGUAGES)]}/",
                                  edited / LANGUAGES[number % len(LANGUAGES)] / f"{in_force}.md",
                                  "summary: " + policy.get(LANGUAGES[number % len(LANGUAGES)], in_force).summary, number)
                    for number in range(SAVES)]
            report("an edit of the version in force's summary (ru, kk, en in turn)", runs, budget)
            watch = Watch(preview.url, ["ru/", "kk/history/", f"en/versions/{draft}/", f"ru/parallel/{in_force}/"])
            try:
                template = project / "theme" / "pages" / "version.html"
                spent = preview.cpu()
                runs = [_save_file(page, preview.url + "ru/", template, number, f"<!-- saved {number} -->")
                        for number in range(THEME_SAVES)]
                report("an edit of a page template (theme/pages/version.html)", runs, theme_budget,
                       (preview.cpu() - spent) / THEME_SAVES)
                main = project / "theme" / "main.html"
                spent = preview.cpu()
                runs = [_save_main(page, preview.url + "ru/", main, number) for number in range(THEME_SAVES)]
                report("an edit of the theme's main.html (every page wrapped again)", runs, theme_budget,
                       (preview.cpu() - spent) / THEME_SAVES)
                catalog = project / "theme" / "locales" / "ru" / "LC_MESSAGES" / "messages.po"
                for what, msgid, url in (("a catalog's word on pages (the history's \"Upcoming\")", "Upcoming",
                                          "ru/history/"),
                                         ("a catalog's word of the theme (the navigation's history; every page "
                                          "wrapped again)", "Version history", "ru/")):
                    spent = preview.cpu()
                    runs = [_save_catalog(page, preview.url + url, catalog, msgid, number)
                            for number in range(THEME_SAVES)]
                    report(f"an edit of {what}", runs, theme_budget, (preview.cpu() - spent) / THEME_SAVES)
            finally:
                watch.stop()
            print(f"  while the preview rendered everything again: {len(watch.failures)} answers other than 200 "
                  f"of {watch.asked} ({', '.join(map(str, watch.failures[:3]))})", flush=True)
    finally:
        preview.stop()


def _save_version(page, url: str, path: Path, mark: str, number: int) -> float:
    return timed_save(page, url, lambda: edit_line(path, mark, number), f"{mark.removeprefix('summary: ')} v{number}")


def _save_file(page, url: str, path: Path, number: int, marker: str) -> float:
    text = path.read_text(encoding="utf-8")
    return timed_save(page, url, lambda: path.write_text(text + marker + "\n", encoding="utf-8"), marker)


def _save_main(page, url: str, main: Path, number: int) -> float:
    """A comment in the footer block, which every page has (empty: no footer)."""
    text = main.read_text(encoding="utf-8")
    start = text.index("{% block footer %}") + len("{% block footer %}")
    end = text.index("{% endblock %}", start)
    marker = f"<!-- saved {number} -->"
    return timed_save(page, url, lambda: main.write_text(text[:start] + marker + text[end:], encoding="utf-8"), marker)


def _save_catalog(page, url: str, catalog: Path, msgid: str, number: int) -> float:
    """The msgstr of `msgid`, with ` <number>` at its end."""
    text = catalog.read_text(encoding="utf-8")
    start = text.index(f'msgid "{msgid}"\nmsgstr "') + len(f'msgid "{msgid}"\nmsgstr "')
    end = text.index('"', start)
    words = text[start:end].rsplit(" v", 1)[0] + f" v{number}"
    return timed_save(page, url, lambda: catalog.write_text(text[:start] + words + text[end:], encoding="utf-8"),
                      words)


def report(what: str, runs: list[float], budget: float, cpu: float | None = None) -> None:
    spent = f"; {cpu:.1f} s of CPU a save, over both cores" if cpu is not None else ""
    print(f"  {what}: {statistics.median(runs):.2f} s median (budget {budget:.1f} s); each: "
          + " ".join(f"{run:.2f}" for run in runs) + spent, flush=True)
