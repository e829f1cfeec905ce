"""The renderer: generated pages to HTML with MkDocs and Material for MkDocs.

This is the only module that knows MkDocs. Each language is its own MkDocs build, from plain
Markdown files and a generated `mkdocs.yml` that inherits the project's, so each has its own
`theme.language` and search index. Moving to another renderer means rewriting this module.
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import os
import re
import shutil
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import yaml

from . import address, stylesheet
from .compiled import COMPILED
from .language import NAMES, ORIGINAL
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


@lru_cache(maxsize=4096)
def _front_matter(title: str, description: str, searchable: bool, indexed: bool) -> str:
    """MkDocs' templates print the title without escaping it (in `<title>`, the header and the
    navigation), so it is escaped here: a title is plain text, never markup. The description is
    printed only by the project's own template, which escapes it."""
    meta = {"title": html.escape(title)}
    if description:
        meta["description"] = description
    if not searchable:
        meta["search"] = {"exclude": True}
    if not indexed:
        meta["robots"] = "noindex"
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n\n"


def write_pages(docs: Path, pages: list[Page], files: dict[str, str]) -> tuple[set[str], bool]:
    """Put the generated Markdown pages, and files copied as they are, into a docs folder, writing
    only what differs from what is there: MkDocs renders again (in a dirty build) just the files
    newer than their HTML. Return the paths written, and whether a page was removed."""
    wanted = {docs / page.path: _front_matter(page.title, page.description, page.searchable, page.indexed)
              + page.body
              for page in pages}
    wanted.update({docs / name: text for name, text in files.items()})
    written = set()
    for path, text in wanted.items():
        data = text.encode("utf-8")
        if path.is_file() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.add(path.relative_to(docs).as_posix())
    stale = [path for path in docs.rglob("*") if path.is_file() and path not in wanted] if docs.is_dir() else []
    for path in stale:
        path.unlink()
    return written, bool(stale)


def _search_index(site_dir: Path) -> Path:
    return site_dir / "search" / "search_index.json"


def _keep_in_search_index(index: Path, previous: str, pages: list[Page], written: set[str]) -> None:
    """A dirty build indexes only the pages it rendered: put back the previous entries of the
    searchable pages it did not, in the pages' order, as a full build writes them."""
    order = [page.url for page in pages if page.searchable]
    kept = [page.url for page in pages if page.searchable and page.path not in written]

    def page(entry: dict) -> str:
        return entry["location"].split("#", 1)[0]

    data = json.loads(index.read_text(encoding="utf-8"))
    entries = [entry for entry in json.loads(previous)["docs"] if page(entry) in kept] + data["docs"]
    data["docs"] = sorted(entries, key=lambda entry: order.index(page(entry)))
    index.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")


def write_config(folder: Path, lang: str, config: Path, theme: Path, site_dir: Path, site_url: str,
                 strings: dict[str, str], history_title: str) -> Path:
    """A language's `mkdocs.yml`, inheriting the project's and adding what differs per language: the
    words of the theme, the permalinks' title and the navigation in the language."""
    settings = {
        "INHERIT": os.path.relpath(config.resolve(), folder.resolve()),
        "site_name": strings["site_name"],
        "site_description": strings["description"],
        "site_url": f"{site_url}{lang}/",
        "docs_dir": "docs",
        "site_dir": str(site_dir.resolve()),
        "theme": {"language": lang, "custom_dir": str(theme.resolve())},
        "plugins": [{"search": {"lang": SEARCH_LANGUAGE.get(lang, lang)}}],
        "markdown_extensions": {"toc": {"permalink_title": strings["permalink"]}},
        "nav": [{html.escape(strings["current"]): HOME}, {html.escape(history_title): HISTORY}],
        "extra": {"alternate": [{"name": name, "lang": code, "link": f"../{code}/"}
                                for code, name in NAMES.items()],
                  "site_url": site_url, "original": ORIGINAL, "words": strings},
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


DIRTY_NOTICE = "A 'dirty' build is being performed"
"""How MkDocs' warning about a dirty build starts. It says that the navigation may be stale: here
the navigation is two pages that are always rendered again, so that warning alone fails nothing."""


def run_mkdocs(config_file: Path, dirty: bool = False) -> None:
    """Build one language strictly: any warning (a broken link, a missing anchor) fails it. A dirty
    build renders only the pages whose Markdown is newer than their HTML."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    handler, logger = _Collect(), logging.getLogger("mkdocs")
    logger.addHandler(handler)
    propagate, logger.propagate = logger.propagate, False
    try:
        config = load_config(str(config_file), strict=not dirty)
        config.plugins.events["env"].append(_with_compiled_templates)
        if dirty:
            config.plugins.events["files"].append(_only_the_docs)
        build(config, dirty=dirty)
        warnings = [text for text in handler.messages if not text.startswith(DIRTY_NOTICE)]
        if warnings:
            raise MkDocsException(f"{len(warnings)} warning(s)")
    except (MkDocsException, SystemExit) as exc:
        details = "\n".join(text for text in handler.messages if not text.startswith(DIRTY_NOTICE)) or str(exc)
        raise RenderError(f"MkDocs could not build {config_file}:\n{details}") from exc
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def _only_the_docs(files, config, **_):
    """A dirty build renders pages: the theme's files were shared at the site's top by the full
    build before it (see `share_assets`), and the theme has not changed since."""
    from mkdocs.structure.files import Files
    return Files([file for file in files if file.src_dir == config.docs_dir])


def _with_compiled_templates(env, **_):
    """MkDocs makes the theme's Jinja environment anew for every build; the compiled templates are
    shared, so the preview does not compile Material's templates again after every save."""
    env.bytecode_cache = COMPILED
    return env


def render_language(lang: str, site_url: str, strings: dict[str, str], pages: list[Page], files: dict[str, str],
                    work: Path, site_dir: Path, config: Path, theme: Path, dirty: bool = False) -> None:
    """Write one language's pages and config under `work/<lang>/` and build them into `site_dir`.

    `strings` are the theme's own words in this language: `site_name`, `description`, `policy_title`,
    `current` (the navigation's name of the version in force), `permalink` (a heading anchor's title),
    `not_found` and `not_found_title`, `dark` and `light` (the colour scheme switch's names). The
    theme's templates read them as `config.extra.words`, beside the site's address and its
    original language.
    `dirty`: `work` and `site_dir` hold this language's previous build, made with the same theme;
    only the pages that changed are rendered, and none when nothing did. Where a page was removed,
    everything is rendered again, so that its HTML goes too."""
    folder = work / lang
    written, removed = write_pages(folder / "docs", pages, files)
    if dirty and not written and not removed:
        return
    dirty = dirty and not removed
    previous = _search_index(site_dir).read_text(encoding="utf-8") if dirty else None
    history = next(page.title for page in pages if page.path == HISTORY)
    run_mkdocs(write_config(folder, lang, config, theme, site_dir, site_url, strings, history), dirty)
    if previous is not None:
        _keep_in_search_index(_search_index(site_dir), previous, pages, written)
    _remove_what_belongs_to_the_top(site_dir)


def _remove_what_belongs_to_the_top(site_dir: Path) -> None:
    """MkDocs writes a sitemap per language, and copies every file of the theme that is not a
    template into each language; the site's one sitemap and the theme's `root/` (the chooser's
    files) belong to the site's top, where the build puts them."""
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        (site_dir / name).unlink(missing_ok=True)
    shutil.rmtree(site_dir / "root", ignore_errors=True)


def share_assets(site: Path, languages: Sequence[str], trim: bool = True) -> None:
    """One copy of the theme's assets for every language, at the site's top, and only what the pages use.

    MkDocs copies the theme's files into each language; one copy moves to `site/assets/`, where
    every page links (theme/main.html, mkdocs.yml), and the others go. Material's scripts go too
    (its bundle, search worker and lunr: the theme's own theme.js and search.js replace them), and
    so do the source maps. Material's stylesheets become one, trimmed to the rules these pages use
    and named by its digest, so that browsers may keep it for a year. Without `trim` (the preview,
    which renders again only some pages and so could not rename the stylesheet in all of them) it
    is Material's whole stylesheet, at the name the pages link. Where the site's top has its
    assets already (a dirty build), the languages' new copies just go."""
    copies = [site / lang / "assets" for lang in languages if (site / lang / "assets").is_dir()]
    top = site / "assets"
    if (top / "stylesheets").is_dir():
        for copy in copies:
            shutil.rmtree(copy)
        return
    copies[0].rename(top)
    for copy in copies[1:]:
        shutil.rmtree(copy)
    shutil.rmtree(top / "javascripts")
    if not trim:
        _whole_stylesheet(top)
        return
    pages = sorted(path for lang in languages for path in (site / lang).rglob("*.html"))
    name = _trimmed_stylesheet(top, pages)
    for page in pages:
        text = page.read_text(encoding="utf-8")
        page.write_text(STYLESHEET.sub(rf'\g<1>{name}"', text), encoding="utf-8")


def _whole_stylesheet(top: Path) -> None:
    """Material's stylesheets as one, at `stylesheets/main.css`, untrimmed."""
    (top / "stylesheets" / "main.css").write_text(_material_css(top), encoding="utf-8")


def _material_css(top: Path) -> str:
    """Material's stylesheets (main, palette) as one text, their files (and source maps) gone;
    its `.focus-visible` class, which its bundle set, the browser's own `:focus-visible`."""
    material = top / "stylesheets"
    css = "".join(path.read_text(encoding="utf-8") for path in sorted(material.glob("*.min.css")))
    shutil.rmtree(material)
    material.mkdir()
    return KEYBOARD_FOCUS.sub(":focus-visible", css)


def _trimmed_stylesheet(top: Path, pages: list[Path]) -> str:
    """Material's stylesheets as one, without what neither the pages nor the theme's scripts use;
    its path under `top`, which holds its digest."""
    css = _material_css(top)
    names = stylesheet.used_names((page.read_text(encoding="utf-8") for page in pages),
                                  (script.read_text(encoding="utf-8") for script in sorted(top.glob("*.js"))))
    css = stylesheet.trim(css, names).encode()
    name = f"stylesheets/main.{hashlib.sha256(css).hexdigest()[:8]}.min.css"
    (top / name).write_bytes(css)
    return name
