"""A version's text as pages show it: its units as HTML, each with its anchor, its number linking
to it and its cross-references linked.

Content reaches a page only as sanitized HTML (see `dialect`) or as escaped plain text in a
heading; the anchors are added here, by code, so content never needs attribute lists.
"""

from __future__ import annotations

from functools import lru_cache

from markupsafe import Markup, escape

from ..model import dialect
from ..model.clause import Block, Document, Unit
from ..model.reference import link_references
from ..model.version import Version
from ..rules import NESTING
from . import outline


@lru_cache(maxsize=16384)
def unit_html(unit: Unit, lang: str, permalink: str | None = None) -> str:
    """A unit as a page shows it: its number linking to its anchor, cross-references linked.

    With `permalink` (the title of a heading's permalink, on a version's page) the unit carries its
    anchor: on its heading, with the permalink, or on its first paragraph. Without (a cell of the
    parallel page, whose row carries the anchor) its heading is one level down, below the page's.
    Cached: most units keep their wording from one version to the next."""
    blocks = []
    for index, block in enumerate(unit.blocks):
        if block.kind == "heading":
            level = block.level
            if permalink is not None and index == 0 and unit.number:
                blocks.append(outline.heading(level, unit.anchor, block.text, permalink))
            else:
                level = level if permalink is not None else min(level + 1, 6)
                blocks.append(f"<h{level}>{escape(block.text)}</h{level}>")
        elif index == 0 and unit.number:
            rest = _linked(block.source[len(unit.label):], lang)
            fragment = dialect.convert(f"[{unit.label}](#{unit.anchor}){rest}")
            blocks.append(fragment.replace("<p>", f'<p id="{unit.anchor}">', 1) if permalink is not None else fragment)
        else:
            blocks.append(dialect.convert(_linked(block.source, lang)))
    return ("\n\n" if permalink is not None else "\n").join(blocks)


@lru_cache(maxsize=1024)
def text_html(document: Document, preamble: tuple[Block, ...], lang: str, permalink: str) -> str:
    """A version's text as its pages show it: the introduction (`preamble`, its title taken out)
    and every unit. Cached: a history's archived texts never change, and each is on several pages."""
    intro = [dialect.convert(_linked(block.source, lang)) for block in preamble]
    if document.preamble:  # the changes pages link to it when the title or introduction changed
        intro.insert(0, f'<div id="{document.preamble.anchor}"></div>')
    return "\n\n".join(intro + [unit_html(unit, lang, permalink) for unit in document.units])


def _linked(markdown: str, lang: str) -> str:
    """Cross-references made links. A link is a level of square brackets more than the check saw: where
    that is too deep for the dialect, which would show nothing, the references stay plain text."""
    linked = link_references(markdown, lang, lambda reference: f"#{reference.anchor}")
    too_deep = any(finding.rule is NESTING for finding in dialect.analyse(linked).findings)
    return markdown if too_deep else linked


@lru_cache(maxsize=256)
def parallel_rows(versions: tuple[Version, ...]) -> list[tuple[str, list[Markup]]]:
    """The units of one version in every language (`versions`, the original first), matched by number,
    which every language shares (the `same-units` rule): each row's anchor and cells. Cached: the
    parallel page of a version is made in every language."""
    def cell(version: Version, unit: Unit) -> Markup:
        document = version.document
        same = document.by_number.get(unit.number) if unit.number else document.preamble
        return Markup(unit_html(same, version.lang) if same else "")

    return [(unit.anchor, [cell(version, unit) for version in versions]) for unit in versions[0].document.all_units]
