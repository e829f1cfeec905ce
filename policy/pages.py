"""The site's pages for one language, as renderer-neutral Markdown generated from `theme/pages/`.

Pages link to each other by their Markdown paths (`../history.md`), which any static-site
renderer resolves. The dialect of these pages (see docs/architecture.md) is Markdown with
admonitions, heading anchors (`{#p-5}`) and HTML blocks; only code writes those: content arrives
as sanitized HTML or as escaped plain text.
"""

from __future__ import annotations

import datetime
import html
import posixpath
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

import jinja2

from . import dialect
from .change import Change, Kind, compare, summary
from .clause import Block, Document, Unit
from .compiled import COMPILED
from .i18n import Locale
from .language import LANGUAGES, NAMES, ORIGINAL
from .redline import to_html
from .reference import link_references
from .version import Policy, Version


@dataclass(frozen=True)
class Page:
    """A page of the site: where it goes, its title, its Markdown, whether the site's search finds
    it, whether search engines may index it, and what search results and link previews say of it
    (plain text; empty: the site's description). The site's search finds only the text in force;
    search engines also index what each version changed, which nothing else on the web says."""

    path: str
    title: str
    body: str
    searchable: bool = False
    description: str = ""
    indexed: bool = False

    @property
    def url(self) -> str:
        return page_url(self.path)


def page_url(path: str) -> str:
    """A page's address relative to its language's root, from its Markdown path:
    `versions/2026-11-24.md` is at `versions/2026-11-24/`."""
    stem = path.removesuffix(".md")
    return "" if stem == "index" else stem + "/"


HOME, HISTORY = "index.md", "history.md"


def version_path(date: datetime.date) -> str:
    """A version's full text: its permanent address is `versions/<date>/`."""
    return f"versions/{date}.md"


def source_url(date: datetime.date) -> str:
    """Where a version's Markdown file is published as it is, beside its page: `versions/<date>.md`.
    An address, not a page: the build copies the file there after rendering, since a `.md`
    file among the renderer's pages would become a page."""
    return f"versions/{date}.md"


def changes_path(date: datetime.date) -> str:
    """What a version changed against the one before it: `changes/<date>/`."""
    return f"changes/{date}.md"


def since_path(date: datetime.date) -> str:
    """What changed from an archived version to the one in force: `since/<date>/`."""
    return f"since/{date}.md"


def parallel_path(date: datetime.date) -> str:
    """A version in every language side by side: `parallel/<date>/`."""
    return f"parallel/{date}.md"


def unit_markdown(unit: Unit, lang: str) -> str:
    """A unit as a page shows it: its anchor, its number linking to itself, cross-references linked.

    Content reaches the page only as sanitized HTML (see `dialect`) or as escaped plain text in
    a heading; the anchors are added here, by code, so content never needs attribute lists."""
    return "\n\n".join(_unit_blocks(unit, lang, in_html=False))


def unit_html(unit: Unit, lang: str) -> str:
    """A unit as HTML, for a page that puts it in an element of its own carrying the anchor (the
    parallel page): its number links to that anchor, its headings are one level down, below the
    page's title."""
    return "\n".join(_unit_blocks(unit, lang, in_html=True))


def _unit_blocks(unit: Unit, lang: str, in_html: bool) -> list[str]:
    blocks = []
    for index, block in enumerate(unit.blocks):
        if block.kind == "heading":
            marks, text = block.source.split(None, 1)
            if in_html:
                level = min(len(marks) + 1, 6)
                blocks.append(f"<h{level}>{html.escape(block.text)}</h{level}>")
            else:
                anchor = f" {{#{unit.anchor}}}" if index == 0 and unit.number else ""
                blocks.append(f"{marks} {dialect.plain_markdown(text)}{anchor}")
        elif index == 0 and unit.number:
            rest = _linked(block.source[len(unit.label):], lang)
            fragment = dialect.render(f"[{unit.label}](#{unit.anchor}){rest}")
            blocks.append(fragment if in_html else fragment.replace("<p>", f'<p id="{unit.anchor}">', 1))
        else:
            blocks.append(dialect.render(_linked(block.source, lang)))
    return blocks


@lru_cache(maxsize=4096)
def _relative(target: str, start: str) -> str:
    """A link from one generated page to another: the same few pairs come up on every page."""
    return posixpath.relpath(target, start)


@lru_cache(maxsize=1024)
def _text_markdown(document: Document, preamble: tuple[Block, ...], lang: str) -> str:
    """A version's text as its pages show it: the introduction (`preamble`, its title taken out)
    and every unit. Cached: a history's archived texts never change, and each is on several pages."""
    intro = [dialect.render(_linked(block.source, lang)) for block in preamble]
    if document.preamble:  # the changes pages link to it when the title or introduction changed
        intro.insert(0, f'<div id="{document.preamble.anchor}"></div>')
    return "\n\n".join(intro + [unit_markdown(unit, lang) for unit in document.units])


def _linked(markdown: str, lang: str) -> str:
    """Cross-references made links. A link is a level of square brackets more than the check saw: where
    that is too deep for the dialect, which would show nothing, the references stay plain text."""
    linked = link_references(markdown, lang, lambda reference: f"#{reference.anchor}")
    too_deep = any(finding.rule == "nesting" for finding in dialect.analyse(linked).findings)
    return markdown if too_deep else linked


def _description(version: Version) -> str:
    """A version's summary on one line: what a search result or a link preview says of its pages."""
    return " ".join(version.summary.split())


class _Made:
    """Pages made before, by everything they were made from: the preview makes every page again
    after each save, and most of them from the same versions as the time before."""

    LIMIT = 20_000

    def __init__(self) -> None:
        self.pages: dict[tuple, Page] = {}

    def get(self, key: tuple, make: Callable[[], Page]) -> Page:
        page = self.pages.get(key)
        if page is None:
            if len(self.pages) >= self.LIMIT:
                self.pages.clear()
            page = self.pages[key] = make()
        return page


_MADE = _Made()


class PageMaker:
    """Makes every page of one language for a build date."""

    def __init__(self, policy: Policy, locale: Locale, today: datetime.date, templates: Path, site_url: str):
        self.policy, self.locale, self.today, self.site_url = policy, locale, today, site_url
        self.lang = locale.lang
        self.current = policy.in_force(today)
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(templates), undefined=jinja2.StrictUndefined,
                                      extensions=["jinja2.ext.i18n"], keep_trailing_newline=True,
                                      trim_blocks=True, lstrip_blocks=True, bytecode_cache=COMPILED)
        self.env.install_gettext_translations(locale.translations, newstyle=True)
        self.env.globals["gettext"] = locale.format  # `_()` hands its values over: a date takes its sentence's case
        self.env.filters["date"] = locale.date
        self.made_with = (locale, templates, site_url, self.current,
                          tuple(sorted((path.name, path.read_bytes()) for path in templates.glob("*.md"))))
        """What every page depends on besides its own versions; with them, the key of a page made before."""
        self.env.filters["plain"] = dialect.plain_markdown
        self.env.globals.update(version_path=version_path, changes_path=changes_path, since_path=since_path,
                                parallel_path=parallel_path, source_url=source_url, correction=self.correction,
                                version_of=lambda date: policy.get(self.lang, date), address=self.address,
                                source_address=self.source_address, language=locale.language(self.lang),
                                page_url=page_url)

    def address(self, path: str) -> str:
        """The full address of this language's page at `path`, as a printed page gives it."""
        return f"{self.site_url}{self.lang}/{page_url(path)}"

    def source_address(self, version: Version) -> str:
        """The full address of a version's published source file."""
        return f"{self.site_url}{version.lang}/{source_url(version.date)}"

    def correction(self, version: Version) -> str:
        """What a translation correction says on the history and change pages; empty otherwise."""
        if not version.corrects:
            return ""
        return self.locale.gettext("This version corrects the translation (%(languages)s). The original text "
                                   "(%(original)s) is unchanged.") % {
            "languages": self.locale.languages(version.corrects), "original": self.locale.language(ORIGINAL)}

    def pages(self) -> list[Page]:
        """The home page, the history, each version's text, changes and languages side by side, and
        what changed since each archived version: linear in the number of versions."""
        dates = self.policy.dates
        return ([self.home(), self.history()] + [self.version(date) for date in dates]
                + [self.changes(date) for date in dates] + [self.since(date) for date in self.archived]
                + [self.parallel(date) for date in dates])

    @property
    def archived(self) -> list[datetime.date]:
        """The versions that were in force before the one in force on the build date."""
        return [date for date in self.policy.dates if self.current and date < self.current]

    def _render(self, template: str, path: str, **context) -> str:
        def href(target: str, anchor: str = "") -> str:
            link = _relative(target, posixpath.dirname(path) or ".")
            return f"{link}#{anchor}" if anchor else link

        def url(target: str) -> str:
            """A link in HTML, which the renderer leaves as written: from this page's address to
            `target`, an address under the language's root (`versions/2026-11-24.md`, `history/`)."""
            link = posixpath.relpath(target, page_url(path) or ".")
            return link + "/" if target.endswith("/") else link

        return self.env.get_template(template).render(href=href, url=url, current=self.current, **context)

    def _versions(self, date: datetime.date | None) -> tuple[Version, ...]:
        """The version of `date` in every language (none for no date): what a page of it may show."""
        return tuple(self.policy.get(lang, date) for lang in LANGUAGES) if date else ()

    def _made(self, kind: str, date: datetime.date, make: Callable[[], Page], *inputs: object) -> Page:
        """The page of `kind` for `date`, made by `make` unless it was made before from the same
        inputs: the versions it shows, those of `inputs`, and where `date` stands on the build date."""
        key = (self.made_with, kind, date, tuple(self._state(date).values()), self._versions(date), inputs)
        return _MADE.get(key, make)

    def _state(self, date: datetime.date) -> dict:
        """When a version is or was in force, relative to the build date."""
        following = self.policy.next(date)
        return {"date": date, "status": self.policy.status(date, self.today),
                "until": following - datetime.timedelta(days=1) if following else None}

    def _version_page(self, path: str, dated: bool, version: Version, searchable: bool) -> Page:
        """A version's text; its title is its heading, the one name the page gives it, with its date
        when `dated`."""
        document = version.document
        preamble = list(document.preamble.blocks) if document.preamble else []
        heading = version.title
        if preamble and preamble[0].kind == "heading" and preamble[0].source.startswith("# "):
            heading = preamble.pop(0).text
        title = f"{heading} · {self.locale.date(version.date)}" if dated else heading
        text = _text_markdown(document, tuple(preamble), self.lang)
        upcoming = self.policy.next(self.current) if self.current else None
        body = self._render("version.md", path, version=version, heading=heading, text=text,
                            state=self._state(version.date), upcoming=upcoming,
                            has_changes=self.policy.previous(version.date) is not None)
        return Page(path, title, body, searchable, _description(version), indexed=searchable)

    def home(self) -> Page:
        """The version in force on the build date; before the first takes effect, that first one."""
        version = self.policy.get(self.lang, self.current or self.policy.dates[0])
        return self._version_page(HOME, False, version, searchable=True)

    def version(self, date: datetime.date) -> Page:
        """A version at its permanent address, with a banner unless it is the one in force; its title
        names its date, so that the versions' titles differ."""
        version = self.policy.get(self.lang, date)
        upcoming = self.policy.next(self.current) if self.current else None
        return self._made("version", date, lambda: self._version_page(
            version_path(date), True, version, searchable=False), upcoming, self.policy.previous(date))

    def history(self) -> Page:
        """Every version, newest first."""
        versions = [(self.policy.get(self.lang, date), self._state(date)) for date in reversed(self.policy.dates)]
        title = self.locale.gettext("Version history")
        return Page(HISTORY, title, self._render("history.md", HISTORY, title=title, versions=versions,
                                                 today=self.today), searchable=True, indexed=True)

    def changes(self, date: datetime.date) -> Page:
        """The summary and the redlines of what the version of `date` changed."""
        previous = self.policy.previous(date)
        return self._made("changes", date, lambda: self._changes_page(date), self._versions(previous))

    def _changes_page(self, date: datetime.date) -> Page:
        path = changes_path(date)
        version = self.policy.get(self.lang, date)
        previous = self.policy.previous(date)
        changes = self._changes(previous, date) if previous else []
        title = self.locale.format("Changes in the version of %(date)s", date=date)
        body = self._render("changes.md", path, title=title, version=version, previous=previous,
                            changes=changes, state=self._state(date))
        return Page(path, title, body, description=_description(version), indexed=previous is not None)

    def since(self, date: datetime.date) -> Page:
        """What changed from the archived version of `date` to the version in force, as a change page shows it."""
        return self._made("since", date, lambda: self._since_page(date), self._versions(self.current))

    def _since_page(self, date: datetime.date) -> Page:
        path = since_path(date)
        title = self.locale.format("Changes since the version of %(date)s", date=date)
        body = self._render("since.md", path, title=title, version=self.policy.get(self.lang, date),
                            changes=self._changes(date, self.current), state=self._state(date))
        return Page(path, title, body)

    def parallel(self, date: datetime.date) -> Page:
        """The version of `date` in every language, unit by unit in rows, the original first: units
        are matched by number, which every language shares (the `same-units` rule)."""
        return self._made("parallel", date, lambda: self._parallel_page(date))

    def _parallel_page(self, date: datetime.date) -> Page:
        path = parallel_path(date)
        documents = {lang: self.policy.get(lang, date).document for lang in LANGUAGES}
        rows = []
        for unit in documents[ORIGINAL].all_units:
            cells = []
            for lang, document in documents.items():
                same = document.by_number.get(unit.number) if unit.number else document.preamble
                cells.append({"lang": lang, "name": NAMES[lang], "html": unit_html(same, lang) if same else ""})
            rows.append({"anchor": unit.anchor, "cells": cells})
        title = self.locale.format("Version of %(date)s in three languages", date=date)
        body = self._render("parallel.md", path, title=title, version=self.policy.get(self.lang, date), rows=rows,
                            versions=[self.policy.get(lang, date) for lang in LANGUAGES],
                            original=self.locale.language(ORIGINAL))
        return Page(path, title, body)

    def _changes(self, old: datetime.date, new: datetime.date) -> list[dict]:
        """What the templates show of each change from the version of `old` to that of `new`, with
        the same unit's change in the other languages: found by its number, as the sync rule
        matches units (every language changes the same ones)."""
        def changes(lang: str) -> list[Change]:
            return summary(compare(self.policy.get(lang, old).document, self.policy.get(lang, new).document))

        others = {lang: {_same_unit(change): change for change in changes(lang)}
                  for lang in LANGUAGES if lang != self.lang}
        return [self._change(change, {lang: found.get(_same_unit(change)) for lang, found in others.items()})
                for change in changes(self.lang)]

    def _change(self, change: Change, others: dict[str, Change | None]) -> dict:
        """What the changes template shows of one change: its id, label and redline, and the redline
        of each other language (None where that language's wording did not change)."""
        unit = change.unit
        label = unit.number or self.locale.gettext("Preamble")
        anchor = f"removed-{unit.anchor}" if change.kind is Kind.REMOVED else unit.anchor
        return {"kind": change.kind.value, "text_changed": change.text_changed, "label": label,
                "anchor": anchor, "old": change.old, "new": change.new, "redline": self._redline(change),
                "others": [{"lang": lang, "name": NAMES[lang], "redline": self._redline(other, lang)}
                           for lang, other in others.items()]}

    def _redline(self, change: Change | None, lang: str = "") -> str | None:
        """A change's redline as HTML, its marks' hidden words in the page's language (`lang`: the
        language of the text, when it is another)."""
        if change is None or not change.text_changed:
            return None
        gettext = self.locale.gettext
        hidden = self.lang if lang else ""
        return to_html(change.segments(), gettext("added:"), gettext("removed:"), hidden).replace("\n", "<br>\n")


def _same_unit(change: Change) -> tuple[str, str]:
    """What identifies a change's unit in every language: its new number, or its old one if removed."""
    return ("new", change.new.number) if change.new else ("old", change.old.number)
