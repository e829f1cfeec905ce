"""How fast the build and the preview are, and what a first visit weighs, each figure next to its
budget (prints them; the tests count work, never time it).

Histories of 10, 100 and 200 versions are made from the frozen policy in tests/fixtures: each
version changes one more clause in all three languages and keeps the earlier changes
(tools/history.py). For each:

- the cold build (`build.py build` in a new process, with an empty cache of compressed copies),
  and plain `mkdocs build` (Material, the same Markdown extensions, the search plugin) of the
  same prose laid out as this project's pages, in interleaved rounds: CPU time of the process and
  its children, and wall time; the ratio next to its budget, and the share of compression;
- the bytes of the site and of its "changed since" pages;
- the share of files that stay identical when a version takes effect (the day before, the day of);
- at 200 versions, the first visit of a page of every kind, through nginx in Chromium: every
  response, headers included, gzip;
- at 100 versions, the preview: from a save (a new text every time) to the page loaded in
  Chromium, for the upcoming draft and the version in force (each edited in the three languages,
  in turn), a page template and a catalog; and whether any page answered anything but 200 while
  the preview rendered again.
"""

from __future__ import annotations

import datetime
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy.i18n.language import LANGUAGES  # noqa: E402
from tools.history import accumulating, dates  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "policy"
COUNTS = (10, 100, 200)
ROUNDS = {10: 3, 100: 3, 200: 1}
CPU_BUDGET = 1.25
"""A cold build's CPU time, compression included, against plain `mkdocs build` of the same prose."""
PREVIEW_BUDGET = 1.0
"""Seconds from a save of a version to the page loaded again, median (issue 18)."""
THEME_BUDGET = 10.0
"""Seconds from a save of a template or catalog to the page loaded again."""
WEIGHT_VERSIONS = 200
PREVIEW_VERSIONS = 100


def build_day(count: int) -> datetime.date:
    """The build date: all but the last tenth of the versions have taken effect (11 of 100 upcoming)."""
    return dates(count)[count - count // 10 - 1 if count > 1 else 0]


def run(command: list[str], **options) -> tuple[float, float]:
    """Run a command; its CPU time (itself and its children) and its wall time, in seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, timeout=3600, **options)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, wall


def ours(content: Path, out: Path, day: datetime.date, cache: Path | None,
         compress: bool = True) -> tuple[float, float]:
    """A build of `content` in a new process, with the compression cache in `cache` (new: cold)."""
    shutil.rmtree(out, ignore_errors=True)
    code = ("import datetime, sys; from pathlib import Path; from policy.build import build_site; "
            f"build_site(Path(sys.argv[1]), Path(sys.argv[2]), datetime.date.fromisoformat(sys.argv[3]), "
            f"compress={compress})")
    env = {**os.environ, "POLICY_CACHE": str(cache or out.with_name(out.name + "-cache"))}
    if cache is None:
        shutil.rmtree(env["POLICY_CACHE"], ignore_errors=True)
    return run([sys.executable, "-c", code, str(content), str(out), str(day)], cwd=ROOT, env=env)


def plain_mkdocs(docs: Path) -> tuple[float, float]:
    shutil.rmtree(docs / "site", ignore_errors=True)
    return run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(docs / "mkdocs.yml")],
               env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def the_same_prose(content: Path, folder: Path, day: datetime.date) -> Path:
    """This project's pages as plain Markdown for plain MkDocs, in one build: per language the text in
    force, the history, and for each version its text, its changes (each changed clause before and
    after, in the three languages), what changed since it (archived ones, in its language) and its
    three texts side by side."""
    from policy.changes.change import compare, summary
    from policy.model.version import load_policy

    policy, _ = load_policy(content)
    current = policy.in_force(day)
    docs = folder / "docs"

    def write(path: str, text: str) -> None:
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text, encoding="utf-8")

    def changed(lang: str, old: datetime.date, new: datetime.date) -> str:
        units = summary(compare(policy.get(lang, old).document, policy.get(lang, new).document))
        return "\n".join(f"### {change.number or 'preamble'}\n\n{change.old.text if change.old else ''}\n\n"
                         f"{change.new.text if change.new else ''}\n" for change in units)

    for lang in LANGUAGES:
        write(f"{lang}/index.md", policy.get(lang, current).source.body)
        write(f"{lang}/history.md", "# History\n\n" + "\n\n".join(
            f"## {date}\n\n{policy.get(lang, date).summary}\n\n"
            f"[text](versions/{date}.md) · [changes](changes/{date}.md)"
            for date in reversed(policy.dates)))
        for date in policy.dates:
            previous = policy.previous(date)
            changes = "\n".join(changed(other, previous, date) for other in LANGUAGES) if previous else ""
            write(f"{lang}/versions/{date}.md", policy.get(lang, date).source.body)
            write(f"{lang}/changes/{date}.md", f"# Changes {date}\n\n{policy.get(lang, date).summary}\n\n{changes}")
            if date < current:
                write(f"{lang}/since/{date}.md", f"# Since {date}\n\n{changed(lang, date, current)}")
            write(f"{lang}/parallel/{date}.md", f"# {date}\n\n" + "\n\n".join(
                policy.get(other, date).source.body for other in LANGUAGES))
    nav = "".join(f"  - {lang}/{page}.md\n" for lang in LANGUAGES for page in ("index", "history"))
    (folder / "mkdocs.yml").write_text(
        "site_name: Plain\nsite_url: https://allurauto.kz/policy/\nuse_directory_urls: true\n"
        "theme:\n  name: material\n  font: false\n"
        "markdown_extensions:\n  admonition:\n  attr_list:\n  toc:\n    permalink: true\n"
        f"plugins:\n  - search\nnav:\n{nav}", encoding="utf-8")
    return folder


def size(folder: Path, pattern: str = "**/*") -> int:
    return sum(path.stat().st_size for path in folder.glob(pattern) if path.is_file())


def builds(scratch: Path) -> None:
    """Cold builds against plain MkDocs, in interleaved rounds; what warm caches and compression change."""
    print(f"Cold builds (CPU of the process and its children; budget {CPU_BUDGET:.2f}x plain mkdocs build):")
    for count in COUNTS:
        day = build_day(count)
        content = accumulating(FIXTURE, count, scratch / f"content-{count}")
        plain = the_same_prose(content, scratch / f"plain-{count}", day)
        site = scratch / f"site-{count}"
        cold, baseline = [], []
        for _ in range(ROUNDS[count]):
            cold.append(ours(content, site, day, None))
            baseline.append(plain_mkdocs(plain))
        bare = ours(content, scratch / "bare", day, None, compress=False)
        warm = ours(content, scratch / "warm", day, site.with_name(site.name + "-cache"))
        ratios = [ours_cpu / plain_cpu for (ours_cpu, _), (plain_cpu, _) in zip(cold, baseline)]
        share = 1 - bare[0] / statistics.median(cpu for cpu, _ in cold)
        print(f"  {count:>3} versions: ours {figures(cold)}; plain mkdocs {figures(baseline)}; "
              f"ratio {' '.join(f'{ratio:.2f}' for ratio in ratios)} (budget {CPU_BUDGET:.2f})")
        print(f"       without compression {bare[0]:.1f} s CPU (compression {share:.0%} of the cold build); "
              f"with the cache of compressed copies kept (CI) {warm[0]:.1f} s CPU, {warm[1]:.1f} s wall")
        print(f"       site {size(site) / 1e6:.1f} MB ({size(site, '*/*/*/index.html') / 1e6:.1f} MB of version "
              f"pages, of which since {size(site, '*/since/*/index.html') / 1e6:.1f} MB); plain mkdocs' "
              f"{size(plain / 'site') / 1e6:.1f} MB", flush=True)


def figures(runs: list[tuple[float, float]]) -> str:
    cpu, wall = (" ".join(f"{run[index]:.1f}" for run in runs) for index in (0, 1))
    return f"{cpu} s CPU ({wall} s wall)"


def go_live(scratch: Path) -> None:
    """The files identical between the builds of the day before a version takes effect and of that day."""
    count = PREVIEW_VERSIONS
    content = scratch / f"content-{count}"
    day = build_day(count) + datetime.timedelta(days=30)  # the day the next version takes effect
    sites = [scratch / "eve", scratch / "day"]
    for site, date in zip(sites, (day - datetime.timedelta(days=1), day)):
        ours(content, site, date, scratch / "site-100-cache")
    files = [{path.relative_to(site): path.read_bytes() for path in site.rglob("*") if path.is_file()}
             for site in sites]
    same = sum(files[0].get(name) == data for name, data in files[1].items())
    stylesheets = [sorted(str(name) for name in each if "stylesheets" in name.parts) for each in files]
    print(f"A go-live day ({count} versions): {same} of {len(files[1])} files identical ({same / len(files[1]):.0%}, "
          f"budget: most); stylesheet name {'kept' if stylesheets[0] == stylesheets[1] else 'CHANGED'}", flush=True)


def weights(scratch: Path) -> None:
    """A first visit of a page of every kind, at 200 versions, through nginx in Chromium."""
    from tools.browser import CHROMIUM, chromium
    from tools.nginx import JS_MODULE, NGINX, nginx
    from tools.weight import BUDGET, first_visit, page_kinds

    count = WEIGHT_VERSIONS
    if not all(os.path.exists(tool) for tool in (NGINX, str(JS_MODULE), CHROMIUM)):
        print(f"First visits: not measured (needs {NGINX}, its njs module and {CHROMIUM})")
        return
    print(f"First visit at {count} versions (every response, headers included, gzip; budget {BUDGET / 1024:.0f} KB):")
    site = scratch / f"site-{count}"
    served = scratch / "served"
    shutil.copytree(site, served)
    os.chmod(served, 0o755)
    with nginx(served) as base, chromium() as browser:
        for name, (path, language) in page_kinds(dates(count), build_day(count)).items():
            with first_visit(browser, base + path, language) as (_, sizes):
                weight = sum(sizes.values())
            print(f"  {name:32s} {weight / 1024:5.1f} KB in {len(sizes)} responses"
                  f"{'' if weight <= BUDGET else '  OVER BUDGET'}", flush=True)
    shutil.rmtree(served)


def main() -> None:
    load = os.getloadavg()
    print(f"{os.cpu_count()} cores; load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} at the start")
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        builds(scratch)
        from benchmarks.compression import curve
        print(f"Compression of the site of {PREVIEW_VERSIONS} versions (policy/site/compress.py chose from it):")
        curve(scratch / f"site-{PREVIEW_VERSIONS}")
        go_live(scratch)
        weights(scratch)
        from benchmarks.preview import previews
        previews(scratch / f"content-{PREVIEW_VERSIONS}", build_day(PREVIEW_VERSIONS), scratch, PREVIEW_BUDGET,
                 THEME_BUDGET)
    load = os.getloadavg()
    print(f"load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} at the end")


if __name__ == "__main__":
    main()
