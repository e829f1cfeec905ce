"""What a finished page's HTML holds besides its text: its table of contents and its search sections.

Pages are written by the project's own templates, so their headings have one shape: an `id`, the
heading's text (escaped), and a permalink (`heading`). The renderer receives the outline with the
page (see docs/architecture.md, "The renderer contract") and never parses the page again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from markupsafe import Markup, escape

PERMALINK_CLASS = "headerlink"
PRINT_ONLY = "print-only"
"""The class of what only a printed page shows (its header): no search finds it."""
_HEADING = re.compile(rf'<h([1-6]) id="([^"<>]+)">(.*?)<a class="{PERMALINK_CLASS}"[^>]*>[^<]*</a></h\1>', re.S)
_TAG = re.compile(r"<[^>]*>")
_BLOCKS = {"p", "li", "div", "td", "th", "dt", "dd", "summary", "label"}
"""Elements whose text is a paragraph of a search section."""


def heading(level: int, anchor: str, text: str, permalink: str) -> Markup:
    """A heading with its anchor and permalink (`¶`, titled `permalink` in the page's language):
    the one shape every heading of a page has. `text` is plain text, or markup already escaped."""
    return Markup(f'<h{level} id="{escape(anchor)}">{escape(text)}<a class="{PERMALINK_CLASS}" '
                  f'href="#{escape(anchor)}" title="{escape(permalink)}">&para;</a></h{level}>')


@dataclass(frozen=True)
class Entry:
    """An entry of a table of contents: a heading's level, anchor and text (HTML), and those below it."""

    level: int
    anchor: str
    title: str
    children: tuple[Entry, ...] = ()


def contents(body: str) -> tuple[Entry, ...]:
    """The headings of a page as a tree: each holds the deeper ones that follow it."""
    found = [(int(level), anchor, _TAG.sub("", text).strip()) for level, anchor, text in _HEADING.findall(body)]

    def tree(start: int, end: int) -> tuple[Entry, ...]:
        entries, index = [], start
        while index < end:
            level, anchor, title = found[index]
            last = next((j for j in range(index + 1, end) if found[j][0] <= level), end)
            entries.append(Entry(level, anchor, title, tree(index + 1, last)))
            index = last
        return tuple(entries)

    return tree(0, len(found))


@dataclass(frozen=True)
class Section:
    """What the site's search finds: a part of a page from one heading to the next (`anchor` empty:
    before the first), its title and its paragraphs, as plain text."""

    anchor: str
    title: str
    paragraphs: tuple[str, ...]


@dataclass
class _Open:
    tag: str
    skipped: bool
    block: bool


class _Sections(HTMLParser):
    """Splits a page at its headings, leaving out what is not read on screen: the print-only header,
    hidden elements, scripts and permalinks."""

    def __init__(self, title: str):
        super().__init__(convert_charrefs=True)
        self.sections = [Section("", title, ())]
        self.stack: list[_Open] = []
        self.text: list[str] = []
        self.heading: tuple[str, list[str]] | None = None

    @property
    def skipping(self) -> bool:
        return any(element.skipped for element in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        skipped = (tag in ("script", "style") or "hidden" in values
                   or PRINT_ONLY in classes or PERMALINK_CLASS in classes)
        if tag in ("br", "input", "img", "hr", "meta", "link"):
            return
        if re.fullmatch(r"h[1-6]", tag) and values.get("id") and not self.skipping:
            self._paragraph()
            self.heading = (values["id"], [])
        block = tag in _BLOCKS and not self.skipping and not skipped
        if block:
            self._paragraph()
        self.stack.append(_Open(tag, skipped, block))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            element = self.stack.pop()
            if element.block:
                self._paragraph()
            if element.tag == tag:
                break
        if self.heading and re.fullmatch(r"h[1-6]", tag):
            anchor, words = self.heading
            self.sections.append(Section(anchor, " ".join("".join(words).split()), ()))
            self.heading = None

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        (self.heading[1] if self.heading else self.text).append(data)

    def _paragraph(self) -> None:
        words = " ".join("".join(self.text).split())
        self.text = []
        if words:
            last = self.sections[-1]
            self.sections[-1] = Section(last.anchor, last.title, last.paragraphs + (words,))

    def close(self) -> None:
        super().close()
        self._paragraph()


def sections(body: str, title: str) -> tuple[Section, ...]:
    """A page's search sections: the part before its first heading (titled `title`), then one per
    heading with an anchor."""
    parser = _Sections(title)
    parser.feed(body)
    parser.close()
    return tuple(section for section in parser.sections if section.paragraphs or section.anchor)
