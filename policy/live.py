"""The preview's site (`make serve`): in a folder of its own under the project's cache, never
`site/`, and after each save rendered again only where its pages changed.

A save makes every page again (most come from the caches of `pages`, made before from the same
versions) and writes those that differ from what was written, the pages being viewed first, so
that the browser can reload before the rest is written: so after an edit of a page template or
of a catalog, too. A change to the rest of the theme, to `mkdocs.yml` or to the theme's own words
in a catalog wraps everything again, in parallel processes, into a new folder that replaces the
served one in one exchange: every address answers meanwhile, from the old site.
"""

from __future__ import annotations

import contextlib
import datetime
import os
import shutil
from pathlib import Path
from typing import Callable, Iterable

from .build import Project, checked_content, theme_state
from .i18n.language import LANGUAGES
from .problem import Problem
from .site.output import swap_in
from .site.pages import Page
from .site.render import read_site_url, replace_file
from .site.site import Site, SiteInputs, chrome

PREVIEWS = "preview"
"""The previews' folders, one per running preview (named by its process id), under the cache."""


class LiveSite:
    """The preview's site for `content` on the day `today`, in `self.out`."""

    def __init__(self, content: Path, today: datetime.date, project: Project = Project(),
                 site_url: str | None = None):
        self.content, self.today, self.project = content, today, project
        self.site_url = site_url or read_site_url(project.config)
        self.root = _own_folder(project.cache / PREVIEWS)
        self.out = self.root / "site"
        self.site: Site | None = None
        self.theme: tuple | None = None
        """The state of the theme and config, and the theme's words, that the pages were wrapped with."""
        self.pages: dict[tuple[str, str], Page] = {}
        """Each page as written, by language and address."""
        self.files: dict[str, bytes] = {}
        """Every other file as written (but the assets), by its path in the site."""

    def build(self, viewed: Iterable[str] = (), ready: Callable[[], None] = lambda: None,
              pending: Callable[[], bool] = lambda: False) -> list[Problem]:
        """Check the content and render what changed; on an error raise it, as `build_site` does.
        `viewed` are the paths of the pages open in a browser: they are written first, then
        `ready()` is called (when none of them is a page, the caller announces the build at its
        end); the rest stops early when `pending()` says that another save came (the next build
        goes on from there)."""
        policy, locales, problems = checked_content(self.content, self.today, None, self.project)
        theme = (theme_state(self.project), chrome(locales))
        inputs = SiteInputs(policy, locales, self.today, self.site_url, self.project.theme, self.project.config)
        if self.site is None or theme != self.theme:
            self._write_all(Site(inputs, self.root / "config"), ready, pending)
            self.theme = theme
        else:
            self._update(Site(inputs, renderers=self.site.renderers), viewed, ready, pending)
        return problems

    def _write_all(self, site: Site, ready: Callable[[], None], pending: Callable[[], bool]) -> None:
        """Every page made, wrapped and written by parallel processes into a new folder, which then
        replaces the served one; then, once the browser may reload, every page made again here, so
        that the next save finds them in this process's caches and knows what was written."""
        staging = self.root / "next"
        shutil.rmtree(staging, ignore_errors=True)
        self.files = site.write(staging, trim=False)
        swap_in(staging, self.out)
        self.site, self.pages = site, {}
        ready()
        shutil.rmtree(staging, ignore_errors=True)
        for lang in LANGUAGES:
            for url in site.makers[lang].urls():
                if pending():
                    return  # the pages not made yet are written again by the next build
                self.pages[(lang, url)] = site.page(lang, url)

    def _update(self, site: Site, viewed: Iterable[str], ready: Callable[[], None],
                pending: Callable[[], bool]) -> None:
        urls = [(lang, url) for lang in LANGUAGES for url in site.makers[lang].urls()]
        known = set(urls)
        first = [key for key in map(_page_key, viewed) if key in known]
        for key in first:
            self._write(site, key)
        if first:
            ready()
        for key in urls:
            if pending():
                return
            self._write(site, key)
        for lang, url in set(self.pages) - known:
            (self.out / lang / url / "index.html").unlink(missing_ok=True)
            with contextlib.suppress(OSError):  # its folder, unless something else is in it
                (self.out / lang / url).rmdir()
            del self.pages[(lang, url)]
        files = site.files()
        for name, data in files.items():
            if self.files.get(name) != data:
                replace_file(self.out / name, data)
        for name in set(self.files) - set(files):
            (self.out / name).unlink(missing_ok=True)
        self.files, self.site = files, site

    def _write(self, site: Site, key: tuple[str, str]) -> None:
        page = site.page(*key)
        if self.pages.get(key) != page:
            site.write_page(self.out, key[0], page, replace=True)
            self.pages[key] = page

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def _page_key(path: str) -> tuple[str, str]:
    """A page's language and address from the path a browser shows: `/kk/versions/2026-11-24/`."""
    lang, _, url = path.lstrip("/").partition("/")
    url = url.removesuffix("index.html")
    return lang, url if not url or url.endswith("/") else url + "/"


def _own_folder(previews: Path) -> Path:
    """A folder for this preview, after removing those of previews no longer running (a killed
    preview leaves its own)."""
    previews.mkdir(parents=True, exist_ok=True)
    for folder in previews.iterdir():
        if folder.name.isdigit() and not _running(int(folder.name)):
            shutil.rmtree(folder, ignore_errors=True)
    own = previews / str(os.getpid())
    shutil.rmtree(own, ignore_errors=True)
    own.mkdir()
    return own


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        pass
    return True
