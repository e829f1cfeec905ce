"""The site's pages for one language, made from the Jinja templates in `theme/pages/`: finished HTML
bodies and what a renderer needs to know of them (the renderer contract, docs/architecture.md).

Content reaches a page only as sanitized HTML (`dialect.convert`, through `text`) or as text the
templates escape (autoescape); anchors, permalinks and the links between pages are written by
code, as addresses relative to the page. Nothing here is Markdown or belongs to a renderer.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Callable

import jinja2
from jinja2 import meta
from markupsafe import Markup, escape

from ..changes.change import Change, Kind, compare, summary
from ..changes.redline import DELETE, INSERT, Segment, to_html
from ..i18n.language import LANGUAGES, NAMES, ORIGINAL
from ..i18n.locale import Locale
from ..model import dialect
from ..model.address import (HISTORY, HOME, alternates, changes_path, parallel_path, public_url, relative, since_path,
                             source_path, version_path)
from ..model.version import Policy, Status, Version
from . import outline
from .compiled import COMPILED
from .text import parallel_rows, text_html

FULL_HISTORY = 24
"""Versions the history lists in full, newest first (two years of monthly changes); older archived
ones are listed in short, so that a first visit of the history of 200 versions stays within 40 KB."""


@dataclass(frozen=True)
class Page:
    """A page of one language: its address under the language's root (`versions/2026-11-24/`), its
    title (plain text), its body (finished HTML), what search results and link previews say of it
    (plain text; empty: the site's description), whether the site's search finds it, whether search
    engines may index it, and its addresses in every language (`hreflang`, address). The site's
    search finds only the text in force and the history; search engines also index what each
    version changed, which nothing else on the web says."""

    url: str
    title: str
    body: str
    description: str = ""
    searchable: bool = False
    indexed: bool = False
    alternates: tuple[tuple[str, str], ...] = ()

    @cached_property
    def contents(self) -> tuple[outline.Entry, ...]:
        """The table of contents: the page's headings."""
        return outline.contents(self.body)

    @cached_property
    def sections(self) -> tuple[outline.Section, ...]:
        """What the site's search finds of the page (nothing, unless it is searchable)."""
        return outline.sections(self.body, self.title) if self.searchable else ()


def _oneline(text: str) -> str:
    """Text on one line: what a summary says in a paragraph, a search result or a link preview."""
    return " ".join(text.split())


class _Made:
    """Pages made before, by everything they were made from: the preview makes every page again
    after each save, and most of them from the same versions as the time before."""

    LIMIT = 20_000

    def __init__(self) -> None:
        self.pages: dict[tuple, Page] = {}
        self.made = 0
        """How many pages were made, not found: the work the tests count."""

    def get(self, key: tuple, make: Callable[[], Page]) -> Page:
        page = self.pages.get(key)
        if page is None:
            if len(self.pages) >= self.LIMIT:
                self.pages.clear()
            page = self.pages[key] = make()
            self.made += 1
        return page


MADE = _Made()


class PageMaker:
    """Makes the pages of one language for a build date."""

    def __init__(self, policy: Policy, locale: Locale, today: datetime.date, templates: Path, site_url: str):
        self.policy, self.locale, self.today, self.site_url = policy, locale, today, site_url
        self.lang = locale.lang
        self.current = policy.in_force(today)
        self.permalink = locale.gettext("Permanent link")
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(templates), undefined=jinja2.StrictUndefined,
                                      autoescape=True, extensions=["jinja2.ext.i18n"], keep_trailing_newline=True,
                                      trim_blocks=True, lstrip_blocks=True, bytecode_cache=COMPILED)
        self.env.install_gettext_translations(locale.translations, newstyle=True)
        self.env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}  # `tojson` escapes <>&'
        self.env.globals["gettext"] = self._say
        self.env.filters.update(date=locale.date, oneline=_oneline)
        self.made_with = (locale, templates, site_url, self.current)
        """What every page depends on besides its own versions and template; with them, the key of a
        page made before."""
        sources = {path.name: path.read_text(encoding="utf-8") for path in templates.glob("*.html")}
        self.template_texts = {name: _with_referenced(sources, name) for name in sources}
        """Each template's text with the texts of those it imports or includes: a page's key holds its
        template's, so that an edit of one template makes only its pages again."""
        self.env.globals.update(version_path=version_path, changes_path=changes_path, since_path=since_path,
                                parallel_path=parallel_path, source_path=source_path, HOME=HOME, HISTORY=HISTORY,
                                correction=self.correction, version_of=lambda date: policy.get(self.lang, date),
                                address=self.address, source_address=self.source_address,
                                language=locale.language(self.lang), heading=self.heading, code=_code,
                                nowrap=_nowrap, Status=Status)

    def _say(self, template: str, **values: object) -> str:
        """`_()` in a template: the translation, a date in its sentence's case (`Locale.format`). A
        value that is markup (`code(…)`) stays markup; the rest is text, escaped where it is shown."""
        marked = {name: value for name, value in values.items() if isinstance(value, Markup)}
        if not marked:
            return self.locale.format(template, **values)
        keys = {name: f"\ue000{index}\ue000" for index, name in enumerate(marked)}
        text = str(escape(self.locale.format(template, **{**values, **keys})))
        for name, key in keys.items():
            text = text.replace(key, marked[name])
        return Markup(text)

    def heading(self, level: int, anchor: str, text: str) -> Markup:
        """A heading with its anchor and permalink, in the one shape every page's headings have."""
        return outline.heading(level, anchor, text, self.permalink)

    def address(self, path: str) -> str:
        """The full address of this language's page at `path`, as a printed page gives it."""
        return public_url(self.site_url, self.lang, path)

    def source_address(self, version: Version) -> str:
        """The full address of a version's published source file."""
        return public_url(self.site_url, version.lang, source_path(version.date))

    def correction(self, version: Version) -> str:
        """What a translation correction says on the history and change pages; empty otherwise."""
        if not version.corrects:
            return ""
        return self.locale.gettext("This version corrects the translation (%(languages)s). The original text "
                                   "(%(original)s) is unchanged.") % {
            "languages": self.locale.languages(version.corrects), "original": self.locale.language(ORIGINAL)}

    def urls(self) -> list[str]:
        """Every page's address: the home page, the history, and each version's pages; linear in the
        number of versions."""
        return [HOME, HISTORY] + [url for date in self.policy.dates for url in self.urls_of(date)]

    def urls_of(self, date: datetime.date) -> list[str]:
        """A version's pages: its text, its changes, what changed since it (once archived) and its
        three languages side by side."""
        since = [since_path(date)] if self.current and date < self.current else []
        return [version_path(date), changes_path(date), *since, parallel_path(date)]

    def indexed(self, url: str) -> bool:
        """Whether search engines may index the page at `url` (the others carry noindex): the text in
        force, the history, and what each version changed (not the first version's change page,
        which has nothing to compare)."""
        return url in (HOME, HISTORY) or url.startswith("changes/") and url != changes_path(self.policy.dates[0])

    def pages(self) -> list[Page]:
        return [self.page(url) for url in self.urls()]

    def page(self, url: str) -> Page:
        """The page at `url`, one of `urls()`."""
        if url in (HOME, HISTORY):
            return self.home() if url == HOME else self.history()
        kind, date = url.split("/")[:2]
        make = {"versions": self.version, "changes": self.changes, "since": self.since, "parallel": self.parallel}
        return make[kind](datetime.date.fromisoformat(date))

    def _page(self, url: str, page_title: str, template: str, description: str = "", searchable: bool = False,
              **context: object) -> Page:
        def href(target: str, anchor: str = "") -> str:
            link = relative(target, url)
            return f"{link}#{anchor}" if anchor else link

        body = self.env.get_template(template).render(href=href, current=self.current, **context)
        return Page(url, page_title, body, description, searchable, self.indexed(url), alternates(self.site_url, url))

    def _versions(self, date: datetime.date | None) -> tuple[Version, ...]:
        """The version of `date` in every language (none for no date): what a page of it may show."""
        return tuple(self.policy.get(lang, date) for lang in LANGUAGES) if date else ()

    def _made(self, kind: str, date: datetime.date, make: Callable[[], Page], *inputs: object) -> Page:
        """The page of `kind` for `date`, made by `make` unless it was made before from the same
        inputs (the versions it shows) and templates, and with `date` standing where it stands on
        the build date: an edit of one template makes only its pages again."""
        return MADE.get((self.made_with, self.template_texts[f"{kind}.html"], kind, date, tuple(self._state(date).values()),
                         inputs), make)

    def _state(self, date: datetime.date) -> dict:
        """When a version is or was in force, relative to the build date."""
        following = self.policy.next(date)
        return {"date": date, "status": self.policy.status(date, self.today),
                "until": following - datetime.timedelta(days=1) if following else None}

    def _version_page(self, url: str, dated: bool, version: Version, searchable: bool) -> Page:
        """A version's text; its title is its heading, the one name the page gives it, with its date
        when `dated`."""
        document = version.document
        preamble = list(document.preamble.blocks) if document.preamble else []
        heading = version.title
        if preamble and preamble[0].level == 1:
            heading = preamble.pop(0).text
        title = f"{heading} · {self.locale.date(version.date)}" if dated else heading
        text = Markup(text_html(document, tuple(preamble), self.lang, self.permalink))
        upcoming = self.policy.next(self.current) if self.current else None
        return self._page(url, title, "version.html", version.summary, searchable,
                          version=version, heading_text=heading, text=text, state=self._state(version.date),
                          upcoming=upcoming, has_changes=self.policy.previous(version.date) is not None)

    def home(self) -> Page:
        """The version in force on the build date; before the first takes effect, that first one."""
        version = self.policy.get(self.lang, self.current or self.policy.dates[0])
        return self._version_page(HOME, False, version, searchable=True)

    def version(self, date: datetime.date) -> Page:
        """A version at its permanent address, with a banner unless it is the one in force; its title
        names its date, so that the versions' titles differ."""
        version = self.policy.get(self.lang, date)
        return self._made("version", date, lambda: self._version_page(
            version_path(date), True, version, searchable=False),
            version, self.policy.previous(date) is not None)

    def history(self) -> Page:
        """Every version, newest first."""
        versions = [(self.policy.get(self.lang, date), self._state(date)) for date in reversed(self.policy.dates)]
        title = self.locale.gettext("Version history")
        return self._page(HISTORY, title, "history.html", searchable=True, title=title,
                          versions=versions, today=self.today, full=FULL_HISTORY)

    def changes(self, date: datetime.date) -> Page:
        """The summary and the redlines of what the version of `date` changed, each changed unit also
        in the other languages."""
        previous = self.policy.previous(date)
        return self._made("changes", date, lambda: self._changes_page(date), self._versions(date),
                          self._versions(previous))

    def _changes_page(self, date: datetime.date) -> Page:
        version = self.policy.get(self.lang, date)
        previous = self.policy.previous(date)
        title = self.locale.format("Changes in the version of %(date)s", date=date)
        return self._page(changes_path(date), title, "changes.html", version.summary,
                          title=title, version=version, previous=previous, state=self._state(date),
                          changes=self._changes(previous, date, others=True) if previous else [])

    def since(self, date: datetime.date) -> Page:
        """What changed from the archived version of `date` to the version in force, in this language."""
        return self._made("since", date, lambda: self._since_page(date), self.policy.get(self.lang, date),
                          self.policy.get(self.lang, self.current))

    def _since_page(self, date: datetime.date) -> Page:
        title = self.locale.format("Changes since the version of %(date)s", date=date)
        return self._page(since_path(date), title, "since.html", title=title, version=self.policy.get(self.lang, date),
                          changes=self._changes(date, self.current, others=False), state=self._state(date))

    def parallel(self, date: datetime.date) -> Page:
        """The version of `date` in every language, unit by unit in rows, the original first: units
        are matched by number, which every language shares (the `same-units` rule)."""
        return self._made("parallel", date, lambda: self._parallel_page(date), self._versions(date))

    def _parallel_page(self, date: datetime.date) -> Page:
        title = self.locale.format("Version of %(date)s in three languages", date=date)
        return self._page(parallel_path(date), title, "parallel.html", title=title,
                          rows=parallel_rows(self._versions(date)),
                          languages=[(lang, NAMES[lang]) for lang in LANGUAGES],
                          version=self.policy.get(self.lang, date), versions=list(self._versions(date)),
                          original=self.locale.language(ORIGINAL))

    def _changes(self, old: datetime.date, new: datetime.date, others: bool) -> list[dict]:
        """What the templates show of each change from the version of `old` to that of `new`; with
        `others`, the same unit's change in the other languages, found by its number, as the sync
        rule matches units (every language changes the same ones)."""
        def changes(lang: str) -> list[Change]:
            return summary(compare(self.policy.get(lang, old).document, self.policy.get(lang, new).document))

        found = {lang: {_same_unit(change): change for change in changes(lang)}
                 for lang in LANGUAGES if others and lang != self.lang}
        return [self._change(change, {lang: by_unit.get(_same_unit(change)) for lang, by_unit in found.items()})
                for change in changes(self.lang)]

    def _change(self, change: Change, others: dict[str, Change | None]) -> dict:
        """What the templates show of one change: its id, label and redline, and the redline of each
        other language given (None where that language's wording did not change)."""
        unit = change.unit
        label = unit.number or self.locale.gettext("Preamble")
        anchor = f"removed-{unit.anchor}" if change.kind is Kind.REMOVED else unit.anchor
        return {"words": change.kind.describe(change.was).text(self.locale.gettext),
                "text_changed": change.text_changed, "label": label,
                "anchor": anchor, "old": change.old, "new": change.new, "redline": self._redline(change),
                "others": [{"lang": lang, "name": NAMES[lang], "redline": self._redline(other, lang)}
                           for lang, other in others.items()]}

    def _redline(self, change: Change | None, lang: str = "") -> Markup | None:
        """A change's redline as HTML, its marks' hidden words in the page's language (`lang`: the
        language of the text, when it is another)."""
        if change is None or not change.text_changed:
            return None
        gettext = self.locale.gettext
        hidden = self.lang if lang else ""
        marked = to_html(change.segments(), gettext("added:"), gettext("removed:"), hidden)
        return Markup(marked.replace("\n", "<br>\n"))


def _with_referenced(sources: dict[str, str], name: str) -> tuple[tuple[str, str], ...]:
    """A template's text and the texts of those it imports or includes, and so on."""
    found, waiting = {}, [name]
    while waiting:
        each = waiting.pop()
        if each not in found:
            found[each] = sources[each]
            waiting += _referenced(found[each])
    return tuple(sorted(found.items()))


@lru_cache(maxsize=64)
def _referenced(source: str) -> list[str]:
    """The templates a template imports or includes (every language's maker asks)."""
    return list(meta.find_referenced_templates(jinja2.Environment(extensions=["jinja2.ext.i18n"]).parse(source)))


def possible_markup(templates: Path) -> list[str]:
    """Every start tag a page's body may hold, whatever its content and day: those the templates
    write, the headings, anchors and redlines code writes, and content's own elements."""
    written = [path.read_text(encoding="utf-8") for path in sorted(templates.glob("*.html"))]
    coded = [outline.heading(level, "x", "x", "x") + f'<h{level}>' for level in range(1, 7)]
    coded += [f"<{tag}>" for tag in dialect.ALLOWED_TAGS] + ['<p id="x">', '<div id="x">', _code("x")]
    marks = [Segment(INSERT, "x"), Segment(DELETE, "y")]
    coded += [to_html(marks, "added", "removed"), to_html(marks, "added", "removed", "kk")]
    return written + coded


def _code(text: str) -> Markup:
    """Text shown as code: a command to type."""
    return Markup(f"<code>{escape(text)}</code>")


def _nowrap(text: str) -> Markup:
    """Text a line never breaks inside (`SHA-256` at its hyphen)."""
    return Markup(f'<span class="nowrap">{escape(text)}</span>')


def _same_unit(change: Change) -> tuple[str, str]:
    """What identifies a change's unit in every language: its new number, or its old one if removed."""
    return ("new", change.new.number) if change.new else ("old", change.old.number)
