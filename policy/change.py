"""What changed between two versions: units aligned by content, not by number.

Inserting clause 4.1.5 is then one added clause and the later ones renumbered (4.1.5 → 4.1.6),
not a cascade of changed clauses.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from enum import Enum

from .clause import Document, Unit
from .message import Message, message
from .redline import Segment, cached_redline, tokenize

SIMILAR = 0.5
"""Two units whose words are at least this alike are one unit that changed."""


class Kind(str, Enum):
    """How a unit differs between two versions."""
    UNCHANGED = "unchanged"
    CHANGED = "changed"
    ADDED = "added"
    REMOVED = "removed"
    RENUMBERED = "renumbered"


@dataclass(frozen=True)
class Change:
    """One unit of the old version, the new one, or both, and how they differ."""

    old: Unit | None
    new: Unit | None

    @property
    def kind(self) -> Kind:
        """Added, removed, renumbered (by number), changed (by words) or unchanged."""
        if self.old is None:
            return Kind.ADDED
        if self.new is None:
            return Kind.REMOVED
        if self.old.number != self.new.number:
            return Kind.RENUMBERED
        return Kind.CHANGED if self.text_changed else Kind.UNCHANGED

    @property
    def status(self) -> str:
        """What happened to the unit, in words: `changed`, `renumbered and changed`, `added` ..."""
        if self.kind is Kind.RENUMBERED and self.text_changed:
            return "renumbered and changed"
        return self.kind.value

    @property
    def text_changed(self) -> bool:
        """Whether the words changed, apart from the unit's own number."""
        return self.old is None or self.new is None or self.old.body != self.new.body

    @property
    def unit(self) -> Unit:
        """The unit as it stands after the change (as it stood, for a removed one)."""
        return self.new or self.old

    @property
    def number(self) -> str:
        return self.unit.number

    def segments(self) -> tuple[Segment, ...]:
        """The word-level redline from the old text to the new one (computed once per pair of texts)."""
        return cached_redline(self.old.text if self.old else "", self.new.text if self.new else "")


def describe(status: str, was: str | None) -> Message:
    """A change's status in words to translate: `changed`, `renumbered (was 4.1.5)` ..."""
    if status == "renumbered":
        return message("renumbered (was %(was)s)", was=was)
    if status == "renumbered and changed":
        return message("renumbered and changed (was %(was)s)", was=was)
    return {"changed": message("changed"), "added": message("added"), "removed": message("removed"),
            "unchanged": message("unchanged")}[status]


@lru_cache(maxsize=4096)
def compare(old: Document, new: Document) -> tuple[Change, ...]:
    """Every unit of both versions, paired where they are the same unit, in document order.
    Cached: each build compares every version with the one before it, and most never change."""
    a, b = old.all_units, new.all_units
    matcher = SequenceMatcher(None, [_key(u) for u in a], [_key(u) for u in b], autojunk=False)
    changes: list[Change] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            changes += [Change(x, y) for x, y in zip(a[i1:i2], b[j1:j2])]
        else:
            changes += _align_gap(a[i1:i2], b[j1:j2])
    return tuple(changes)


def summary(changes: tuple[Change, ...]) -> list[Change]:
    """The changes a reader needs to see: everything but unchanged units."""
    return [change for change in changes if change.kind is not Kind.UNCHANGED]


def _key(unit: Unit) -> tuple[bool, str]:
    return unit.is_section, unit.body


def _align_gap(old: tuple[Unit, ...], new: tuple[Unit, ...]) -> list[Change]:
    """Pair the units of a stretch where the versions differ: the most alike first, then those
    that kept their number; pairs never cross, so document order holds."""
    pairs: list[tuple[int, int]] = []
    for _, i, j in sorted(_similar_pairs(old, new), reverse=True):
        _accept(pairs, i, j)
    numbers = {unit.number: j for j, unit in enumerate(new)}
    for i, unit in enumerate(old):
        j = numbers.get(unit.number)
        if j is not None and unit.is_section == new[j].is_section:
            _accept(pairs, i, j)
    return _merge(old, new, sorted(pairs))


def _similar_pairs(old: tuple[Unit, ...], new: tuple[Unit, ...]) -> list[tuple[float, int, int]]:
    new_tokens = [[t.rstrip() for t in tokenize(u.body)] for u in new]
    found = []
    for i, unit in enumerate(old):
        matcher = SequenceMatcher(None, autojunk=False)
        matcher.set_seq2([t.rstrip() for t in tokenize(unit.body)])
        for j, tokens in enumerate(new_tokens):
            if new[j].is_section != unit.is_section:
                continue
            matcher.set_seq1(tokens)
            if matcher.real_quick_ratio() >= SIMILAR and matcher.quick_ratio() >= SIMILAR:
                score = matcher.ratio()
                if score >= SIMILAR:
                    found.append((score, i, j))
    return found


def _accept(pairs: list[tuple[int, int]], i: int, j: int) -> None:
    """Add the pair unless one of its units is paired already or it would cross another pair."""
    if all(i != p and j != q and (i < p) == (j < q) for p, q in pairs):
        pairs.append((i, j))


def _merge(old: tuple[Unit, ...], new: tuple[Unit, ...], pairs: list[tuple[int, int]]) -> list[Change]:
    changes: list[Change] = []
    i = j = 0
    for p, q in pairs + [(len(old), len(new))]:
        changes += [Change(unit, None) for unit in old[i:p]]
        changes += [Change(None, unit) for unit in new[j:q]]
        if p < len(old):
            changes.append(Change(old[p], new[q]))
        i, j = p + 1, q + 1
    return changes
