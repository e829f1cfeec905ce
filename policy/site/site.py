"""A whole site for one day, rendered into a folder: every language's pages, made and wrapped in
parallel processes (`workers`), then what the site's top and each language hold besides.

The same content, catalogs, theme and day give the same files, whatever the number of processes.
"""

from __future__ import annotations

import datetime
import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import jinja2

from ..i18n.language import LANGUAGES, NAMES, ORIGINAL
from ..i18n.locale import Locale
from ..model import address
from ..model.address import HISTORY, HOME, version_path
from ..model.version import Policy
from . import feeds, share_image, stylesheet, workers
from .compress import Cache
from .pages import Page, PageMaker, possible_markup
from .render import (WHOLE_STYLESHEET, Renderer, copy_theme_assets, material_stylesheet, search_index, write_config,
                     write_file, write_page)

OWN_STYLESHEETS = ("policy.css", "readers.css")
"""The project's stylesheets in theme/assets/, in the order they apply: written without comments after
Material's rules in the one stylesheet (a first visit fetches one file, not three)."""


def theme_strings(locale: Locale) -> dict[str, str]:
    """The few words the theme itself shows, in the locale's language (the navigation's are the names
    of the text in force and of the history)."""
    title = locale.gettext("Privacy policy")
    return {"site_name": f"Allurauto · {title}", "policy_title": title,
            "description": locale.gettext("Allurauto privacy policy: every version and every change"),
            "current": locale.gettext("Current version"), "history": locale.gettext("Version history"),
            "not_found": locale.gettext("This page does not exist."),
            "not_found_title": locale.gettext("Page not found"),
            "dark": locale.gettext("Dark theme"), "light": locale.gettext("Light theme")}


def chrome(locales: dict[str, Locale]) -> tuple:
    """Every language's words of the theme: what the renderers are made with besides the theme's
    files, so that an edit of a catalog that changes none of them wraps again only the pages whose
    words changed."""
    return tuple((lang, tuple(theme_strings(locales[lang]).items())) for lang in LANGUAGES)


@dataclass(frozen=True)
class SiteInputs:
    """What one build makes a site from: the content's versions, every language's catalog, the day
    it is built for, the site's public address, and the project's theme and mkdocs.yml."""

    policy: Policy
    locales: dict[str, Locale]
    today: datetime.date
    site_url: str
    theme: Path
    config: Path


class Site:
    """Every language's page maker and renderer for one build of `inputs`. `configs` is a scratch
    folder for the renderers' configuration, or `renderers` are those of an earlier Site with the
    same theme (the preview's)."""

    def __init__(self, inputs: SiteInputs, configs: Path | None = None, renderers: dict[str, Renderer] | None = None):
        self.inputs = inputs
        self.makers = {lang: PageMaker(inputs.policy, inputs.locales[lang], inputs.today, inputs.theme / "pages",
                                       inputs.site_url) for lang in LANGUAGES}
        self.renderers = renderers or {
            lang: Renderer(write_config(configs / lang, lang, inputs.config, inputs.theme, inputs.site_url,
                                        theme_strings(inputs.locales[lang])))
            for lang in LANGUAGES}
        self._top: dict[tuple[str, str], Page] = {}

    def write(self, folder: Path, trim: bool = True, cache: Cache | None = None,
               jobs: int | None = None) -> dict[str, bytes]:
        """Render the whole site into `folder` (which must not exist): with `trim`, the stylesheet
        holds only the rules the pages can use (else Material's whole one, for the preview); with
        `cache`, every text file gets its compressed copies. Returns `files()`, as written."""
        folder.mkdir(parents=True)
        written = self.write_assets(folder / "assets", trim)
        files = self.files()
        for name, data in files.items():
            write_file(folder / name, data)
            written.append(folder / name)
        for lang in LANGUAGES:
            for url in (HOME, HISTORY):
                self.write_page(folder, lang, self.page(lang, url))
                written.append(folder / lang / url / "index.html")
        workers.write_versions(self, folder, cache, jobs, compress=written)
        return files

    def page(self, lang: str, url: str) -> Page:
        """A page of `lang`. The text in force and the history, which the search index reads too,
        are made once per Site (one Site is one build's, or one preview save's, inputs)."""
        if url not in (HOME, HISTORY):
            return self.makers[lang].page(url)
        if (lang, url) not in self._top:
            self._top[(lang, url)] = self.makers[lang].page(url)
        return self._top[(lang, url)]

    def urls(self, lang: str, dates: list[datetime.date]) -> list[str]:
        """The pages of the versions of `dates` in `lang`: what a worker renders."""
        return [url for date in dates for url in self.makers[lang].urls_of(date)]

    def write_page(self, folder: Path, lang: str, page: Page, replace: bool = False) -> bytes:
        """Wrap a page in the theme and write it under its language's folder; its bytes. `replace`: in
        one rename (a folder being served)."""
        return write_page(folder / lang, page.url, self.renderers[lang].wrap(page), replace)

    def write_assets(self, assets: Path, trim: bool) -> list[Path]:
        """The theme's assets and the chooser's, and the one stylesheet every page links: Material's,
        whole or trimmed to the rules that a page can use, then the project's own; the paths written.
        The trimmed one is named by its digest and depends only on the theme, the page templates and
        what code writes into pages, never on the content or the day: its name changes only when its
        rules do, so a version taking effect changes only the pages it touches."""
        renderer = self.renderers[ORIGINAL]
        copy_theme_assets(renderer, assets, leave_out=OWN_STYLESHEETS)
        shutil.copytree(self.inputs.theme / "root" / "assets", assets, dirs_exist_ok=True)
        css = material_stylesheet(renderer)
        if trim:
            scripts = [path.read_text(encoding="utf-8") for path in sorted(assets.glob("*.js"))]
            css = stylesheet.trim(css, stylesheet.used_names(self._specimens(), scripts))
        css += "".join(stylesheet.minify((self.inputs.theme / "assets" / own).read_text(encoding="utf-8"))
                       for own in OWN_STYLESHEETS)
        name = f"stylesheets/main.{hashlib.sha256(css.encode()).hexdigest()[:8]}.min.css" if trim else WHOLE_STYLESHEET
        write_file(assets / name, css.encode())
        for each in self.renderers.values():
            each.stylesheet = name
        return sorted(path for path in assets.rglob("*") if path.is_file())

    def _specimens(self) -> list[str]:
        """Every kind of page of every language, wrapped around every start tag a page's body may hold:
        what the trimmed stylesheet must style."""
        body = "\n".join(possible_markup(self.inputs.theme / "pages"))
        specimens = []
        for lang, renderer in self.renderers.items():
            for url, searchable in ((HOME, True), (HISTORY, True), (version_path(self.inputs.today), False)):
                page = Page(url, "x", body, "x", searchable, searchable, (("x", "x"),))
                specimens.append(renderer.wrap(page))
            specimens.append(renderer.not_found())
        return specimens

    def files(self) -> dict[str, bytes]:
        """Every file but the pages and the assets, by its path in the site: at the top the language
        chooser, the pages the server shows for a status (404, 405, 500), versions.json, the
        sitemap, the picture a shared link shows (and, on a host of its own, robots.txt and CNAME, GitHub Pages' custom domain); in
        each language its 404 page, search index, feed and version files."""
        inputs = self.inputs
        root = inputs.theme / "root"
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(root), autoescape=True)
        languages = [{"code": lang, "name": NAMES[lang], **theme_strings(inputs.locales[lang])} for lang in NAMES]
        context = {"languages": languages, "default": ORIGINAL, "site_url": inputs.site_url,
                   "root": address.path(inputs.site_url)}
        files = {name: env.get_template(name).render(context) for name in ("index.html", "404.html", "405.html",
                                                                            "500.html")}
        files["versions.json"] = feeds.versions_json(inputs.policy, inputs.site_url, inputs.today)
        maker = self.makers[ORIGINAL]
        files["sitemap.xml"] = feeds.sitemap(inputs.site_url, [url for url in maker.urls() if maker.indexed(url)],
                                             feeds.last_changes(inputs.policy, inputs.today))  # the same in every language
        files["assets/share.png"] = share_image.png()
        if address.own_host(inputs.site_url):
            files["robots.txt"] = feeds.robots(inputs.site_url)
            files["CNAME"] = urlsplit(inputs.site_url).hostname + "\n"
        for lang in LANGUAGES:
            searchable = [self.page(lang, url) for url in (HOME, HISTORY)]
            files[f"{lang}/404.html"] = self.renderers[lang].not_found()
            files[f"{lang}/search/search_index.json"] = search_index(searchable, lang)
            files[f"{lang}/feed.xml"] = feeds.atom_feed(inputs.policy, inputs.locales[lang], inputs.site_url)
            files.update({f"{lang}/{name}": data for name, data in feeds.source_files(inputs.policy, lang).items()})
        return {name: data.encode("utf-8") if isinstance(data, str) else data for name, data in files.items()}
