"""Building the whole site: check the content, make every language's pages, render them, add the
machine-readable files, compress, and only then replace the previous site."""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from pathlib import Path

from .checks.check import check_content
from .i18n.language import LANGUAGES
from .i18n.locale import Locale, load_locale
from .model import address
from .model.version import Policy
from .problem import ContentError, Problem
from .site.compress import Cache
from .site.output import checked_output, swap_in, workspace
from .site.render import read_site_url
from .site.site import Site, SiteInputs

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Project:
    """Where the parts of the build live; a test can point them at other trees."""

    root: Path = ROOT

    @property
    def config(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def theme(self) -> Path:
        return self.root / "theme"

    @property
    def locales(self) -> Path:
        return self.theme / "locales"

    @property
    def cache(self) -> Path:
        """Where builds keep what they may reuse: compressed copies, in `compressed/`. POLICY_CACHE
        moves it (CI keeps it between runs)."""
        return Path(os.environ.get("POLICY_CACHE") or self.root / ".cache")


def load_locales(project: Project) -> tuple[dict[str, Locale], list[Problem]]:
    """Every language's catalog, and the problems of those that are incomplete."""
    locales, problems = {}, []
    for lang in LANGUAGES:
        locale, found = load_locale(project.locales, lang)
        problems += found
        if locale:
            locales[lang] = locale
    return locales, problems


def build_site(content: Path, out: Path, today: datetime.date, base: str | None = None,
               project: Project = Project(), site_url: str | None = None, compress: bool = True,
               jobs: int | None = None) -> list[Problem]:
    """Build `content` into `out` for the day `today`, at `site_url` (default: mkdocs.yml's), in `jobs`
    processes (default: one per core); without `compress`, no .gz and .br files. On any error raise
    ContentError (or the address's, the renderer's or the output's error) and leave `out` as it was;
    return the warnings."""
    out = checked_output(out, project.root, content)
    policy, locales, problems = checked_content(content, today, base, project)
    with workspace(out) as work:
        url = read_site_url(project.config) if site_url is None else address.site_url(site_url)
        inputs = SiteInputs(policy, locales, today, url, project.theme, project.config)
        site = Site(inputs, work / "config")
        cache = Cache(project.cache / "compressed") if compress else None
        site.write(work / "site", cache=cache, jobs=jobs)
        if cache:
            cache.prune()
        swap_in(work / "site", out)
    return problems


def checked_content(content: Path, today: datetime.date, base: str | None,
                    project: Project) -> tuple[Policy, dict[str, Locale], list[Problem]]:
    """The content and the catalogs, with their warnings; ContentError when anything is wrong."""
    policy, problems = check_content(content, today, base)
    locales, catalog_problems = load_locales(project)
    problems += catalog_problems
    if any(problem.is_error for problem in problems):
        raise ContentError(problems)
    return policy, locales, problems


def theme_state(project: Project) -> tuple:
    """Every file of the theme (but the page templates and the catalogs, which pages are made from
    anew at every build) and the config, with its size and time: what wrapping every page depends
    on, with the theme's words (`site.chrome`)."""
    skipped = (project.theme / "pages", project.locales)
    files = [project.config, *sorted(path for path in project.theme.rglob("*")
                                     if path.is_file() and not any(path.is_relative_to(folder) for folder in skipped))]
    return tuple((str(path), path.stat().st_mtime_ns, path.stat().st_size) for path in files)
