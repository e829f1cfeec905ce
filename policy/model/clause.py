"""The numbered units of a version: sections (`5.`), clauses (`5.2`) and sub-clauses (`4.1.7.`).

A unit starts at a heading or paragraph that begins with its number and runs until the next one,
so a clause keeps the lists and paragraphs that follow it. Text before the first unit is the
preamble (the title and the introduction).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from .address import unit_anchor

NUMBER = r"[0-9]+(?:\.[0-9]+)*"
r"""A clause number: ASCII digits only (`\d` would take Arabic-Indic or fullwidth digits too)."""
_HEADING = re.compile(r"#{1,6}\s+")
_LIST_ITEM = re.compile(r"\s*(?:[-*+]|[0-9]+\.)\s")
_SECTION_START = re.compile(rf"#{{1,6}}\s+({NUMBER})\.?\s+\S")
_CLAUSE_START = re.compile(rf"({NUMBER}\.[0-9]+)\.?\s+\S")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Block:
    """A heading, paragraph or list as written in the file, with the line it starts on."""

    kind: str
    source: str
    line: int

    @property
    def marks(self) -> int:
        """How many characters a heading's marks take (`## `), the one reading of them; 0 for other blocks."""
        return _HEADING.match(self.source).end() if self.kind == "heading" else 0

    @property
    def level(self) -> int:
        """A heading's level, its number of `#`; 0 for other blocks."""
        return self.source[:self.marks].count("#")

    @property
    def text(self) -> str:
        """The block with Markdown heading marks dropped and runs of white space made one space;
        list items stay one per line."""
        if self.kind == "heading":
            return _SPACE.sub(" ", self.source[self.marks:]).strip()
        if self.kind == "list":
            return "\n".join(_SPACE.sub(" ", line).strip() for line in self.source.split("\n"))
        return _SPACE.sub(" ", self.source).strip()


@dataclass(frozen=True)
class Unit:
    """One numbered unit (or the preamble, whose number is empty) and the blocks it holds."""

    number: str
    blocks: tuple[Block, ...]

    @property
    def line(self) -> int:
        return self.blocks[0].line

    @property
    def anchor(self) -> str:
        """The id of the unit on every page: `p-5-2` for 5.2, the same in every language and version."""
        return unit_anchor(self.number)

    @property
    def parts(self) -> tuple[int, ...]:
        return tuple(int(part) for part in self.number.split(".")) if self.number else ()

    @property
    def is_section(self) -> bool:
        return self.blocks[0].kind == "heading" and len(self.parts) == 1

    @cached_property
    def text(self) -> str:
        """The unit's words, blocks separated by a line break; what redlines compare."""
        return "\n".join(block.text for block in self.blocks)

    @cached_property
    def label(self) -> str:
        """The number as written at the start of the unit, e.g. `5.2.` or `1.1`."""
        if not self.number:
            return ""
        return self.text.split(None, 1)[0]

    @cached_property
    def body(self) -> str:
        """The text without its number, so that a renumbered unit still matches its old self."""
        return self.text[len(self.label):].lstrip()


@dataclass(frozen=True)
class Document:
    """A version's text as its preamble and its numbered units, in order. Two documents are equal
    when they were parsed from the same text at the same line: what caches key on (the units are
    worked out from it, and not compared again)."""

    body: str
    first_line: int
    preamble: Unit | None = field(compare=False)
    units: tuple[Unit, ...] = field(compare=False)

    @property
    def all_units(self) -> tuple[Unit, ...]:
        """The preamble (when there is one) and the numbered units: everything a change can touch."""
        return ((self.preamble,) if self.preamble else ()) + self.units

    @cached_property
    def by_number(self) -> dict[str, Unit]:
        return {unit.number: unit for unit in self.units}


def split_blocks(body: str, first_line: int = 1) -> list[Block]:
    """Split Markdown into blocks separated by blank lines; a heading is always a block of its own."""
    blocks: list[Block] = []
    current: list[str] = []
    start = first_line

    def close() -> None:
        if current:
            kind = "list" if _LIST_ITEM.match(current[0]) else "paragraph"
            blocks.append(Block(kind, "\n".join(current), start))
            current.clear()

    for number, line in enumerate(body.split("\n"), start=first_line):
        if not line.strip():
            close()
        elif _HEADING.match(line):
            close()
            blocks.append(Block("heading", line.rstrip(), number))
        else:
            if not current:
                start = number
            current.append(line.rstrip())
    close()
    return blocks


def unit_number(block: Block) -> str | None:
    """The number a block starts a unit with, or None when the block continues the current unit."""
    pattern = _SECTION_START if block.kind == "heading" else _CLAUSE_START
    match = pattern.match(block.source) if block.kind != "list" else None
    return match.group(1) if match else None


@lru_cache(maxsize=4096)
def parse_document(body: str, first_line: int = 1) -> Document:
    """Parse a version's Markdown body into its preamble and numbered units. The same text gives
    the same Document, whose units keep what they have worked out (see `change.compare`)."""
    groups: list[tuple[str, list[Block]]] = [("", [])]
    for block in split_blocks(body, first_line):
        number = unit_number(block)
        if number is not None:
            groups.append((number, []))
        groups[-1][1].append(block)
    preamble_blocks = groups[0][1]
    preamble = Unit("", tuple(preamble_blocks)) if preamble_blocks else None
    return Document(body, first_line, preamble, tuple(Unit(number, tuple(blocks)) for number, blocks in groups[1:]))
