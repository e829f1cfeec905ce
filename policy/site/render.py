"""The renderer: finished pages wrapped in Material for MkDocs.

This is the only module that knows MkDocs. It receives each language's pages as the renderer
contract gives them (docs/architecture.md): a finished HTML body and its metadata (title,
description, table of contents, search sections, alternates, whether search engines may index
it). MkDocs reads no file and converts no Markdown: it gives Material's templates their
configuration, navigation and page objects, and `main.html` wraps each body. Moving to another
renderer means rewriting this module (tests/test_renderer_contract.py holds a stand-in that wraps
the same pages).
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from ..i18n.language import NAMES
from ..model import address
from ..model.address import HISTORY, HOME, public_url
from .compiled import COMPILED
from .outline import Entry
from .pages import Page

WHOLE_STYLESHEET = "stylesheets/main.css"
"""Where the preview puts Material's whole stylesheet, under the site's `assets/`."""
KEYBOARD_FOCUS = re.compile(r"(?<![\w-])\.focus-visible(?![\w-])")
"""The class Material's bundle.js sets on an element focused by keyboard: the browser's own
`:focus-visible` does the same without it."""


class RenderError(Exception):
    """The theme could not wrap a page (a template error), or its configuration is wrong."""


def read_site_url(config: Path) -> str:
    """The site's public address from the top `mkdocs.yml`, ending with a slash; AddressError, naming
    the file, when it has none or one that is not an address."""
    with config.open(encoding="utf-8") as file:
        settings = yaml.safe_load(file)
    try:
        return address.site_url(settings.get("site_url") if isinstance(settings, dict) else None)
    except address.AddressError as error:
        raise address.AddressError(f"{config}: {error}") from None


def source_name(url: str) -> str:
    """The name MkDocs knows a page by: `versions/2026-11-24.md` for `versions/2026-11-24/`."""
    return "index.md" if url == HOME else url.rstrip("/") + ".md"


def write_config(folder: Path, lang: str, config: Path, theme: Path, site_url: str, strings: dict[str, str]) -> Path:
    """A language's `mkdocs.yml`, inheriting the project's and adding what differs per language: the
    words of the theme and the navigation in the language."""
    settings = {
        "INHERIT": os.path.relpath(config.resolve(), folder.resolve()),
        "site_name": strings["site_name"],
        "site_description": strings["description"],
        "site_url": public_url(site_url, lang, HOME),
        "docs_dir": "docs",  # empty: MkDocs reads nothing, the pages come from `Renderer.wrap`
        "theme": {"language": lang, "custom_dir": str(theme.resolve())},
        "nav": [{html.escape(strings["current"]): source_name(HOME)},
                {html.escape(strings["history"]): source_name(HISTORY)}],
        "extra": {"alternate": [{"name": name, "lang": code, "link": f"../{code}/"} for code, name in NAMES.items()],
                  "site_url": site_url, "words": strings, "stylesheet": WHOLE_STYLESHEET},
    }
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


class Renderer:
    """One language's MkDocs configuration, navigation and Material's compiled templates, made once:
    wrapping a page is then one template render. `stylesheet` is the name, under the site's
    `assets/`, that every page links."""

    def __init__(self, config_file: Path):
        os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
        from mkdocs.config import load_config
        from mkdocs.exceptions import MkDocsException
        from mkdocs.structure.files import Files
        from mkdocs.structure.nav import get_navigation

        try:
            self.config = load_config(str(config_file))
        except (MkDocsException, SystemExit) as exc:
            raise RenderError(f"MkDocs could not read {config_file}: {exc}") from exc
        self.env = self.config.theme.get_env()
        self.env.bytecode_cache = COMPILED
        self.files = Files([self._file(url) for url in (HOME, HISTORY)])
        self.nav = get_navigation(self.files, self.config)

    def _file(self, url: str):
        """What MkDocs knows of a page: where it goes. No file is read."""
        from mkdocs.structure.files import File
        return File(source_name(url), src_dir=None, dest_dir=self.config.site_dir, use_directory_urls=True)

    @property
    def stylesheet(self) -> str:
        return self.config.extra["stylesheet"]

    @stylesheet.setter
    def stylesheet(self, name: str) -> None:
        self.config.extra["stylesheet"] = name

    def wrap(self, page: Page) -> str:
        """The page as a whole HTML document in Material's theme."""
        from mkdocs.commands.build import get_context
        from mkdocs.structure.pages import Page as MkDocsPage
        from mkdocs.structure.toc import get_toc

        nav_file = self.files.get_file_from_path(source_name(page.url))
        held = nav_file.page if nav_file else MkDocsPage(None, self._file(page.url), self.config)
        if not nav_file:
            held.title = html.escape(page.title)  # MkDocs' templates print it as it is: it is plain text
        held.meta = {"title": html.escape(page.title), "description": page.description,
                     "alternates": [{"lang": lang, "href": href} for lang, href in page.alternates]}
        if not page.indexed:
            held.meta["robots"] = "noindex"
        held.content = page.body
        held.toc = get_toc([_token(entry) for entry in page.contents])
        held.active = True
        try:
            return self._fill("main.html", get_context(self.nav, self.files, self.config, held))
        finally:
            held.active = False

    def not_found(self) -> str:
        """The language's 404 page, which the server shows at any depth: its links start at the
        path of the site's address."""
        from mkdocs.commands.build import get_context
        base = urlsplit(self.config.site_url or "/").path
        return self._fill("404.html", get_context(self.nav, self.files, self.config, base_url=base))

    def _fill(self, template: str, context: dict) -> str:
        import jinja2
        try:
            return self.env.get_template(template).render(context)
        except jinja2.TemplateError as exc:
            raise RenderError(f"{template}: {exc}") from exc

    def theme_files(self) -> list[Path]:
        """The theme's folders, the project's own (custom_dir) first, then Material's."""
        return [Path(folder) for folder in self.config.theme.dirs]


def _token(entry: Entry) -> dict:
    """An entry of the table of contents as MkDocs' `get_toc` takes it."""
    return {"level": entry.level, "id": entry.anchor, "name": entry.title,
            "children": [_token(child) for child in entry.children]}


def search_index(pages: list[Page], lang: str) -> str:
    """The search index of a language (search/search_index.json, which theme/assets/search.js reads):
    each section of each searchable page, its paragraphs as HTML."""
    docs = [{"location": page.url + (f"#{section.anchor}" if section.anchor else ""),
             "title": html.escape(section.title, quote=False),
             "text": " ".join(f"<p>{html.escape(paragraph, quote=False)}</p>" for paragraph in section.paragraphs)}
            for page in pages for section in page.sections]
    return json.dumps({"config": {"lang": [lang]}, "docs": docs}, ensure_ascii=False, separators=(",", ":"))


def write_page(site_dir: Path, url: str, text: str, replace: bool = False) -> bytes:
    """Write a page's HTML where its address leads (`<url>index.html`); its bytes. `replace`: in one
    rename, so that a server reading it meanwhile gets the old page or the new one."""
    data = text.encode("utf-8", errors="xmlcharrefreplace")
    (replace_file if replace else write_file)(site_dir / url / "index.html", data)
    return data


def write_file(path: Path, data: bytes) -> None:
    """Write a file, making its folder if need be (a site has a folder per page: trying first is
    cheaper than asking)."""
    try:
        path.write_bytes(data)
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def replace_file(path: Path, data: bytes) -> None:
    """Write a file in one rename: whoever reads it meanwhile gets the old bytes or the new."""
    partial = path.with_name(f".{path.name}.partial")
    write_file(partial, data)
    partial.rename(path)


def material_stylesheet(renderer: Renderer) -> str:
    """Material's stylesheets (main, palette) as one text; its `.focus-visible` class, which its
    bundle set, the browser's own `:focus-visible`."""
    folder = next(folder / "assets" / "stylesheets" for folder in renderer.theme_files()
                  if (folder / "assets" / "stylesheets").is_dir())
    css = "".join(path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.min.css")))
    return KEYBOARD_FOCUS.sub(":focus-visible", css)


def copy_theme_assets(renderer: Renderer, assets: Path, leave_out: tuple[str, ...]) -> None:
    """The project's own assets (theme/assets/) but those named in `leave_out`: one copy for every
    language, at the site's top. Material's scripts are not used (theme.js and search.js replace
    its bundle)."""
    shutil.copytree(renderer.theme_files()[0] / "assets", assets, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns(*leave_out))
