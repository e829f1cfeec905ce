"""The versions' pages made, wrapped, written and compressed in parallel processes.

The workers are forked from the build, so they start with everything it has loaded: the content,
the catalogs, the renderers with Material's compiled templates, and the caches of comparisons and
redlines. Each task is every page of a few consecutive versions in every language, so that a
redline shown on several pages (a change page shows it in three languages, since pages share the
clauses that kept their wording) is mostly computed in one process. Each page's bytes depend only
on what it shows: the site is the same whatever the number of processes.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from ..i18n.language import LANGUAGES
from .compress import Cache, compress_file, compress_tree

if TYPE_CHECKING:
    from .site import Site

_PR_SET_PDEATHSIG = 1
TASKS_PER_PROCESS = 4
"""Tasks per process: enough for a process that finishes early to take more."""

_job: tuple[Site, Path, Cache | None] | None = None
"""What the forked workers render: set before they start, inherited by them."""


def processes() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0))


def write_versions(site: Site, folder: Path, cache: Cache | None, jobs: int | None, compress: list[Path]) -> None:
    """Every version's pages of `site` into `folder`, and with `cache` the compressed copies of them
    and of the files in `compress`; in `jobs` processes (default: one per core)."""
    global _job
    jobs = jobs or processes()
    dates = site.inputs.policy.dates
    size = max(1, -(-len(dates) // (jobs * TASKS_PER_PROCESS)))
    batches = [dates[start:start + size] for start in range(0, len(dates), size)]
    tasks = [(_pages, batch) for batch in batches]
    if cache is not None:
        tasks += [(_compress, compress[index::jobs]) for index in range(jobs)]
    _job = (site, folder, cache)
    try:
        if jobs == 1:
            for function, argument in tasks:
                function(argument)
            return
        gc.freeze()  # the workers share the build's objects instead of copying them on their next collection
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"), initializer=_die_with,
                                 initargs=(os.getpid(),)) as pool:
            for future in [pool.submit(function, argument) for function, argument in tasks]:
                future.result()
    finally:
        gc.unfreeze()
        _job = None


def _die_with(build: int) -> None:
    """A worker ends when the build that forked it does, even killed: it holds what the build held
    (the output folder's lock), and waits for work that will never come."""
    ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != build:  # the build ended before the line above
        os._exit(1)


def _pages(dates: list) -> None:
    site, folder, cache = _job
    for lang in LANGUAGES:
        for url in site.urls(lang, dates):
            data = site.write_page(folder, lang, site.page(lang, url))
            if cache is not None:
                compress_file(folder / lang / url / "index.html", data, cache, often=False)


def _compress(paths: list[Path]) -> None:
    compress_tree(paths, _job[2])  # the assets and the pages every visit starts from: fetched often
