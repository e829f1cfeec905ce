"""The renderer: generated pages to HTML with MkDocs and Material for MkDocs.

This is the only module that knows MkDocs. Each language is its own MkDocs build, from plain
Markdown files and a generated `mkdocs.yml` that inherits the project's, so each has its own
`theme.language` and search index. Moving to another renderer means rewriting this module.
"""

from __future__ import annotations

import hashlib
import html
import logging
import os
import re
import shutil
from pathlib import Path
from typing import Sequence

import yaml

from . import address, stylesheet
from .language import NAMES
from .pages import HISTORY, HOME, Page

SEARCH_LANGUAGE = {"kk": "ru"}
"""The search plugin's language, where it differs: the plugin takes only lunr's languages, which
lack Kazakh. The index it writes does not depend on it; the theme's search.js reads it."""


STYLESHEET = re.compile(r'(<link rel="stylesheet" href="[^"<>]*assets/)stylesheets/main\.css"')
"""The link theme/main.html writes, to the stylesheet the build makes from Material's."""
KEYBOARD_FOCUS = re.compile(r"(?<![\w-])\.focus-visible(?![\w-])")
"""The class Material's bundle.js sets on an element focused by keyboard: the browser's own
`:focus-visible` does the same without it."""


class RenderError(Exception):
    """MkDocs could not build a language (a broken link, a missing page, a theme error)."""


def read_site_url(config: Path) -> str:
    """The site's public address from the top `mkdocs.yml`, ending with a slash."""
    with config.open(encoding="utf-8") as file:
        return address.site_url(yaml.safe_load(file)["site_url"])


def _front_matter(page: Page) -> str:
    """MkDocs' templates print the title without escaping it (in `<title>`, the header and the
    navigation), so it is escaped here: a title is plain text, never markup."""
    meta = {"title": html.escape(page.title)}
    if not page.searchable:
        meta["search"] = {"exclude": True}
        meta["robots"] = "noindex"
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n\n"


def write_pages(docs: Path, pages: list[Page], files: dict[str, str]) -> None:
    """Put the generated Markdown pages, and files copied as they are, into a docs folder."""
    for page in pages:
        path = docs / page.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_front_matter(page) + page.body, encoding="utf-8")
    for name, text in files.items():
        (docs / name).write_text(text, encoding="utf-8")


def write_config(folder: Path, lang: str, config: Path, theme: Path, site_dir: Path, site_url: str,
                 strings: dict[str, str], history_title: str) -> Path:
    """A language's `mkdocs.yml`, inheriting the project's and adding what differs per language."""
    settings = {
        "INHERIT": os.path.relpath(config.resolve(), folder.resolve()),
        "site_name": strings["site_name"],
        "site_url": f"{site_url}{lang}/",
        "docs_dir": "docs",
        "site_dir": str(site_dir.resolve()),
        "theme": {"language": lang, "custom_dir": str(theme.resolve())},
        "plugins": [{"search": {"lang": SEARCH_LANGUAGE.get(lang, lang)}}],
        "nav": [{html.escape(NAMES[lang]): HOME}, {html.escape(history_title): HISTORY}],
        "extra": {"alternate": [{"name": name, "lang": code, "link": f"../{code}/"}
                                for code, name in NAMES.items()],
                  "not_found": strings["not_found"], "policy_title": strings["policy_title"]},
    }
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings so that a failed build can say what was wrong."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def run_mkdocs(config_file: Path) -> None:
    """Build one language strictly: any warning (a broken link, a missing anchor) fails it."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    handler, logger = _Collect(), logging.getLogger("mkdocs")
    logger.addHandler(handler)
    propagate, logger.propagate = logger.propagate, False
    try:
        build(load_config(str(config_file), strict=True))
    except (MkDocsException, SystemExit) as exc:
        details = "\n".join(handler.messages) or str(exc)
        raise RenderError(f"MkDocs could not build {config_file}:\n{details}") from exc
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def render_language(lang: str, site_url: str, strings: dict[str, str], pages: list[Page], files: dict[str, str],
                    work: Path, site_dir: Path, config: Path, theme: Path) -> None:
    """Write one language's pages and config under `work/<lang>/` and build them into `site_dir`.

    `strings` are the theme's own words in this language: `site_name`, `not_found`, `policy_title`."""
    folder = work / lang
    write_pages(folder / "docs", pages, files)
    history = next(page.title for page in pages if page.path == HISTORY)
    run_mkdocs(write_config(folder, lang, config, theme, site_dir, site_url, strings, history))
    _remove_what_belongs_to_the_top(site_dir)


def _remove_what_belongs_to_the_top(site_dir: Path) -> None:
    """MkDocs writes a sitemap per language, and copies every file of the theme that is not a
    template into each language; the site's one sitemap and the theme's `root/` (the chooser's
    files) belong to the site's top, where the build puts them."""
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        (site_dir / name).unlink()
    shutil.rmtree(site_dir / "root")


def share_assets(site: Path, languages: Sequence[str]) -> None:
    """One copy of the theme's assets for every language, at the site's top, and only what the pages use.

    MkDocs copies the theme's files into each language; one copy moves to `site/assets/`, where
    every page links (theme/main.html, mkdocs.yml), and the others go. Material's scripts go too
    (its bundle, search worker and lunr: the theme's own theme.js and search.js replace them), and
    so do the source maps. Material's stylesheets become one, trimmed to the rules these pages use
    and named by its digest, so that browsers may keep it for a year."""
    top = site / "assets"
    (site / languages[0] / "assets").rename(top)
    for lang in languages[1:]:
        shutil.rmtree(site / lang / "assets")
    shutil.rmtree(top / "javascripts")
    pages = sorted(path for lang in languages for path in (site / lang).rglob("*.html"))
    name = _trimmed_stylesheet(top, pages)
    for page in pages:
        text = page.read_text(encoding="utf-8")
        page.write_text(STYLESHEET.sub(rf'\g<1>{name}"', text), encoding="utf-8")


def _trimmed_stylesheet(top: Path, pages: list[Path]) -> str:
    """Material's stylesheets (main, palette) as one, without what neither the pages nor the
    theme's scripts use; its path under `top`, which holds its digest."""
    material = top / "stylesheets"
    css = "".join(path.read_text(encoding="utf-8") for path in sorted(material.glob("*.min.css")))
    shutil.rmtree(material)
    names = stylesheet.used_names((page.read_text(encoding="utf-8") for page in pages),
                                  (script.read_text(encoding="utf-8") for script in sorted(top.glob("*.js"))))
    css = stylesheet.trim(KEYBOARD_FOCUS.sub(":focus-visible", css), names).encode()
    name = f"stylesheets/main.{hashlib.sha256(css).hexdigest()[:8]}.min.css"
    material.mkdir()
    (top / name).write_bytes(css)
    return name
