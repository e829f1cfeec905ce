"""Building the whole site: check the content, make every language's pages, render them, add the
machine-readable files, compress, and only then replace the previous site."""

from __future__ import annotations

import datetime
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import jinja2

from . import address, feeds
from .check import check
from .compress import compress_site
from .i18n import Locale, load_locale
from .language import LANGUAGES, NAMES, ORIGINAL
from .pages import PageMaker
from .output import checked_output, publish, workspace
from .problem import ContentError, Problem
from .render import read_site_url, render_language, share_assets
from .version import Policy

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
               project: Project = Project(), site_url: str | None = None, compress: bool = True) -> list[Problem]:
    """Build `content` into `out` for the day `today`, at `site_url` (default: mkdocs.yml's); without
    `compress`, no .gz and .br files (the preview's server does not send them). On any error raise
    ContentError (or the renderer's or the output's error) and leave `out` as it was; return the warnings."""
    out = checked_output(out, project.root, content)
    policy, problems = check(content, today, base)
    locales, catalog_problems = load_locales(project)
    problems += catalog_problems
    if any(problem.is_error for problem in problems):
        raise ContentError(problems)
    with workspace(out) as work:
        staging = work / "site"
        _render(policy, locales, today, project, site_url or read_site_url(project.config), work, staging)
        if compress:
            compress_site(staging)
        publish(staging, out)
    return problems


def _theme_strings(locale: Locale) -> dict[str, str]:
    """The few words the theme itself shows, in the locale's language."""
    title = locale.gettext("Privacy policy")
    return {"site_name": f"Allurauto · {title}", "policy_title": title,
            "not_found": locale.gettext("This page does not exist.")}


def _render(policy: Policy, locales: dict[str, Locale], today: datetime.date, project: Project, site_url: str,
            work: Path, staging: Path) -> None:
    for lang in LANGUAGES:
        pages = PageMaker(policy, locales[lang], today, project.theme / "pages").pages()
        files = {"feed.xml": feeds.atom_feed(policy, locales[lang], site_url)}
        render_language(lang, site_url, _theme_strings(locales[lang]), pages, files, work / "pages",
                        staging / lang, project.config, project.theme)
    share_assets(staging, LANGUAGES)
    indexed = [page.url for page in pages if page.searchable]  # the same in every language; the rest is noindex
    _write_root(staging, policy, locales, today, project, site_url, indexed)


def _write_root(staging: Path, policy: Policy, locales: dict[str, Locale], today: datetime.date, project: Project,
                site_url: str, indexed: list[str]) -> None:
    """The files at the site's root: the language chooser, 404, their assets, versions.json and the
    sitemap; and, on a host of its own, robots.txt and CNAME (GitHub Pages' custom domain)."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(project.theme / "root"), autoescape=True)
    languages = [{"code": lang, "name": NAMES[lang], **_theme_strings(locales[lang])} for lang in NAMES]
    context = {"languages": languages, "default": ORIGINAL, "site_url": site_url, "root": address.path(site_url)}
    for name in ("index.html", "404.html"):
        (staging / name).write_text(env.get_template(name).render(context), encoding="utf-8")
    shutil.copytree(project.theme / "root" / "assets", staging / "assets", dirs_exist_ok=True)
    (staging / "versions.json").write_text(feeds.versions_json(policy, site_url, today), encoding="utf-8")
    (staging / "sitemap.xml").write_text(feeds.sitemap(site_url, indexed, today), encoding="utf-8")
    if address.own_host(site_url):
        (staging / "robots.txt").write_text(feeds.robots(site_url), encoding="utf-8")
        (staging / "CNAME").write_text(urlsplit(site_url).hostname + "\n", encoding="utf-8")

