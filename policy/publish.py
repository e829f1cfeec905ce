"""Building the whole site: check the content, make every language's pages, render them, add the
machine-readable files, compress, and only then replace the previous site."""

from __future__ import annotations

import datetime
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import jinja2

from . import address, feeds, share_image
from .check import check
from .compress import compress_site
from .i18n import Locale, load_locale
from .language import LANGUAGES, NAMES, ORIGINAL
from .pages import PageMaker
from .output import MARKER, checked_output, publish, workspace
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
    `compress`, no .gz and .br files. On any error raise ContentError (or the renderer's or the
    output's error) and leave `out` as it was; return the warnings."""
    out = checked_output(out, project.root, content)
    policy, locales, problems = _checked(content, today, base, project)
    with workspace(out) as work:
        staging = work / "site"
        _render(policy, locales, today, project, site_url or read_site_url(project.config), work, staging)
        if compress:
            compress_site(staging)
        publish(staging, out)
    return problems


def _checked(content: Path, today: datetime.date, base: str | None,
             project: Project) -> tuple[Policy, dict[str, Locale], list[Problem]]:
    """The content and the catalogs, with their warnings; ContentError when anything is wrong."""
    policy, problems = check(content, today, base)
    locales, catalog_problems = load_locales(project)
    problems += catalog_problems
    if any(problem.is_error for problem in problems):
        raise ContentError(problems)
    return policy, locales, problems


class LiveSite:
    """The preview's site, built in place into `out` and, after each save, rendered again only
    where its generated pages changed (see `render_language`). A change to the theme, the
    catalogs or mkdocs.yml renders everything again."""

    def __init__(self, content: Path, out: Path, today: datetime.date, project: Project = Project(),
                 site_url: str | None = None):
        self.out = checked_output(out, project.root, content)
        self.content, self.today, self.project = content, today, project
        self.site_url = site_url or read_site_url(project.config)
        self.work = Path(tempfile.mkdtemp(prefix="policy-preview-"))
        self.rendered_with: tuple | None = None
        """The state of the theme and config that the site in `out` was rendered with; None before
        the first build, and after a failed one."""

    def build(self) -> list[Problem]:
        """Check and render what changed; on an error raise it, as `build_site` does."""
        policy, locales, problems = _checked(self.content, self.today, None, self.project)
        theme = _state_of(self.project)
        dirty, self.rendered_with = theme == self.rendered_with, None
        if not dirty:
            self.out.mkdir(parents=True, exist_ok=True)
            _empty(self.out)
            _empty(self.work)
        _render(policy, locales, self.today, self.project, self.site_url, self.work, self.out, dirty, live=True)
        (self.out / MARKER).write_text("A site built by build.py serve.\n", encoding="utf-8")
        self.rendered_with = theme
        return problems

    def close(self) -> None:
        shutil.rmtree(self.work, ignore_errors=True)


def _state_of(project: Project) -> tuple:
    """Every file of the theme and the config, with its size and time: what a full render depends on
    besides the content."""
    files = [project.config, *sorted(path for path in project.theme.rglob("*") if path.is_file())]
    return tuple((str(path), path.stat().st_mtime_ns, path.stat().st_size) for path in files)


def _empty(folder: Path) -> None:
    for path in folder.iterdir():
        shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()


def _theme_strings(locale: Locale) -> dict[str, str]:
    """The few words the theme itself shows, in the locale's language."""
    title = locale.gettext("Privacy policy")
    return {"site_name": f"Allurauto · {title}", "policy_title": title,
            "description": locale.gettext("Allurauto privacy policy: every version and every change"),
            "current": locale.gettext("Current version"), "permalink": locale.gettext("Permanent link"),
            "not_found": locale.gettext("This page does not exist."),
            "not_found_title": locale.gettext("Page not found"),
            "dark": locale.gettext("Dark theme"), "light": locale.gettext("Light theme")}


def _render(policy: Policy, locales: dict[str, Locale], today: datetime.date, project: Project, site_url: str,
            work: Path, staging: Path, dirty: bool = False, live: bool = False) -> None:
    """Every language's pages, rendered into `staging`, and the site's top. `dirty`: render only
    what changed since the previous render into `staging` (see `render_language`); `live`: for the
    preview, which links Material's whole stylesheet (see `share_assets`)."""
    for lang in LANGUAGES:
        pages = PageMaker(policy, locales[lang], today, project.theme / "pages", site_url).pages()
        files = {"feed.xml": feeds.atom_feed(policy, locales[lang], site_url)}
        render_language(lang, site_url, _theme_strings(locales[lang]), pages, files, work / "pages",
                        staging / lang, project.config, project.theme, dirty)
        for url, data in feeds.source_files(policy, lang).items():
            (staging / lang / url).write_bytes(data)
    share_assets(staging, LANGUAGES, trim=not live)
    indexed = [page.url for page in pages if page.indexed]  # the same in every language; the rest is noindex
    _write_root(staging, policy, locales, today, project, site_url, indexed)


def _write_root(staging: Path, policy: Policy, locales: dict[str, Locale], today: datetime.date, project: Project,
                site_url: str, indexed: list[str]) -> None:
    """The files at the site's root: the language chooser, 404, their assets, versions.json and the
    sitemap; and, on a host of its own, robots.txt and CNAME (GitHub Pages' custom domain)."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(project.theme / "root"), autoescape=True)
    languages = [{"code": lang, "name": NAMES[lang], **_theme_strings(locales[lang])} for lang in NAMES]
    context = {"languages": languages, "default": ORIGINAL, "site_url": site_url, "root": address.path(site_url)}
    for name in ("index.html", "404.html", "405.html", "500.html"):
        (staging / name).write_text(env.get_template(name).render(context), encoding="utf-8")
    shutil.copytree(project.theme / "root" / "assets", staging / "assets", dirs_exist_ok=True)
    (staging / "versions.json").write_text(feeds.versions_json(policy, site_url, today), encoding="utf-8")
    (staging / "sitemap.xml").write_text(feeds.sitemap(site_url, indexed, feeds.last_changes(policy, today)),
                                         encoding="utf-8")
    (staging / "assets" / "share.png").write_bytes(share_image.png())
    if address.own_host(site_url):
        (staging / "robots.txt").write_text(feeds.robots(site_url), encoding="utf-8")
        (staging / "CNAME").write_text(urlsplit(site_url).hostname + "\n", encoding="utf-8")

