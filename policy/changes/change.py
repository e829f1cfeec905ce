"""What changed between two versions: units aligned by content, not by number.

Inserting clause 4.1.5 is then one added clause and the later ones renumbered (4.1.5 → 4.1.6),
not a cascade of changed clauses. Units the same in both versions anchor the alignment first;
only the stretches between anchors are compared word by word, near where each unit stood, within
a budget: a long, repetitive document costs about its length.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum
from functools import lru_cache

from ..i18n.message import Message, message
from ..model.clause import Document, Unit
from .redline import Segment, cached_redline, tokenize

SIMILAR = 0.5
"""Two units whose words are at least this alike are one unit that changed."""


class Kind(StrEnum):
    """How a unit differs between two versions: the one list of change statuses, and the one place
    that says each in words (translated through the catalogs) for pages, editors and the terminal."""

    UNCHANGED = "unchanged"
    CHANGED = "changed"
    ADDED = "added"
    REMOVED = "removed"
    RENUMBERED = "renumbered"
    RENUMBERED_AND_CHANGED = "renumbered and changed"

    def describe(self, was: str | None) -> Message:
        """The status in words: `changed`, `renumbered (was 4.1.5)` ..."""
        if self is Kind.RENUMBERED:
            return message("renumbered (was %(was)s)", was=was)
        if self is Kind.RENUMBERED_AND_CHANGED:
            return message("renumbered (was %(was)s) and changed", was=was)
        return {Kind.CHANGED: message("changed"), Kind.ADDED: message("added"), Kind.REMOVED: message("removed"),
                Kind.UNCHANGED: message("unchanged")}[self]

    def done(self, was: str | None) -> Message:
        """What the original did to a unit of its new version, in a sync message: `changed it`,
        `renumbered it (was 1.3)`, `left it unchanged` ... (never `removed`: the unit is there)."""
        if self is Kind.RENUMBERED:
            return message("renumbered it (was %(was)s)", was=was)
        if self is Kind.RENUMBERED_AND_CHANGED:
            return message("renumbered and changed it (was %(was)s)", was=was)
        return {Kind.CHANGED: message("changed it"), Kind.ADDED: message("added it"),
                Kind.UNCHANGED: message("left it unchanged")}[self]


@dataclass(frozen=True)
class Change:
    """One unit of the old version, the new one, or both, and how they differ."""

    old: Unit | None
    new: Unit | None

    @property
    def kind(self) -> Kind:
        """Added, removed, renumbered (by number) and perhaps changed (by words), or unchanged."""
        if self.old is None:
            return Kind.ADDED
        if self.new is None:
            return Kind.REMOVED
        if self.old.number != self.new.number:
            return Kind.RENUMBERED_AND_CHANGED if self.text_changed else Kind.RENUMBERED
        return Kind.CHANGED if self.text_changed else Kind.UNCHANGED

    @property
    def was(self) -> str | None:
        """The unit's number in the old version, if it had one there."""
        return self.old.number if self.old else None

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


@lru_cache(maxsize=4096)
def compare(old: Document, new: Document) -> tuple[Change, ...]:
    """Every unit of both versions, paired where they are the same unit, in document order.
    Cached: each build compares every version with the one before it, and most never change."""
    a, b = old.all_units, new.all_units
    budget = Budget()
    changes: list[Change] = []
    i = j = 0
    for p, q in _anchors([_key(u) for u in a], [_key(u) for u in b]) + [(len(a), len(b))]:
        changes += _align_gap(a[i:p], b[j:q], budget)
        if p < len(a):
            changes.append(Change(a[p], b[q]))
        i, j = p + 1, q + 1
    return tuple(changes)


def summary(changes: tuple[Change, ...]) -> list[Change]:
    """The changes a reader needs to see: everything but unchanged units."""
    return [change for change in changes if change.kind is not Kind.UNCHANGED]


def _key(unit: Unit) -> tuple[bool, str]:
    return unit.is_section, unit.body


class Budget:
    """How many more words the alignment may compare: enough for any real change many times over,
    and a bound on an input made to be slow. Once spent, units are paired by their numbers only."""

    WORDS = 3_000_000

    def __init__(self) -> None:
        self.left = self.WORDS
        self.spent = 0

    def spend(self, words: int) -> bool:
        """Take `words` from what is left; False (and nothing taken) when not that many are left."""
        if words > self.left:
            self.left = 0
            return False
        self.left -= words
        self.spent += words
        return True


def _anchors(a: list, b: list) -> list[tuple[int, int]]:
    """Pairs (i, j) of units that are the same in both versions and certainly one unit: the same
    run at the start and at the end, and between them the units found exactly once in each version
    (the longest chain of them that keeps their order, as patience diff takes it), each extended
    over the equal units beside it. Linear but for the chain, n log n."""
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    middle_a, middle_b = a[start:len(a) - end], b[start:len(b) - end]
    once_a, once_b = Counter(middle_a), Counter(middle_b)
    where = {key: j for j, key in enumerate(middle_b, start) if once_b[key] == 1}
    chain = _longest_chain([(i, where[key]) for i, key in enumerate(middle_a, start)
                            if once_a[key] == 1 and key in where])
    pairs = [(k, k) for k in range(start)]
    for index, (i, j) in enumerate(chain):
        low = pairs[-1] if pairs else (-1, -1)
        before = []
        while i - len(before) - 1 > low[0] and j - len(before) - 1 > low[1] and a[i - len(before) - 1] == b[
                j - len(before) - 1]:
            before.append((i - len(before) - 1, j - len(before) - 1))
        pairs += before[::-1] + [(i, j)]
        high = chain[index + 1] if index + 1 < len(chain) else (len(a) - end, len(b) - end)
        while pairs[-1][0] + 1 < high[0] and pairs[-1][1] + 1 < high[1] and a[pairs[-1][0] + 1] == b[pairs[-1][1] + 1]:
            pairs.append((pairs[-1][0] + 1, pairs[-1][1] + 1))
    return pairs + [(len(a) - k, len(b) - k) for k in range(end, 0, -1)]


def _longest_chain(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest sub-list of `pairs` (in order of i) whose j go up too: patience sorting."""
    tops: list[int] = []
    ends: list[int] = []
    back: list[int] = []
    for index, (_, j) in enumerate(pairs):
        pile = bisect_left(tops, j)
        back.append(ends[pile - 1] if pile else -1)
        if pile == len(tops):
            tops.append(j)
            ends.append(index)
        else:
            tops[pile], ends[pile] = j, index
    chain, index = [], ends[-1] if ends else -1
    while index >= 0:
        chain.append(pairs[index])
        index = back[index]
    return chain[::-1]


def _align_gap(old: tuple[Unit, ...], new: tuple[Unit, ...], budget: Budget) -> list[Change]:
    """Pair the units of a stretch where the versions differ: the most alike first, then those
    that kept their number; pairs never cross, so document order holds."""
    pairs = _Pairs()
    for _, i, j in sorted(_similar_pairs(old, new, budget), reverse=True):
        pairs.add(i, j)
    numbers = {unit.number: j for j, unit in enumerate(new)}
    for i, unit in enumerate(old):
        j = numbers.get(unit.number)
        if j is not None and unit.is_section == new[j].is_section:
            pairs.add(i, j)
    return _merge(old, new, list(zip(pairs.old, pairs.new)))


WINDOW = 10
"""In a long stretch of changed units, each is compared with the units of the other version at
most this many places from where it would stand: the work grows with the stretch, not its square."""
ALL_PAIRS = 400
"""A stretch with at most this many pairs of units has every pair compared word by word."""
CLOSEST = 3
"""In a longer stretch, the units most alike by their words in any order, of those near a unit,
are compared word by word; the others only by their words in any order."""
RATIO_WORDS = 10_000
"""Two units whose word counts multiply to more are compared as bags of words (linear); exact
matching of word sequences can take that product."""


def _similar_pairs(old: tuple[Unit, ...], new: tuple[Unit, ...], budget: Budget) -> list[tuple[float, int, int]]:
    """(likeness, i, j) for each pair of units alike enough to be one unit that changed. Counting
    the words alike in any order (`quick_ratio`) is linear and rules most pairs out; the words'
    order is compared for the closest few."""
    words = [[t.rstrip() for t in tokenize(u.body)] for u in old]
    new_words = [[t.rstrip() for t in tokenize(u.body)] for u in new]
    closest = None if len(old) * len(new) <= ALL_PAIRS else CLOSEST
    found = []
    for i, unit in enumerate(old):
        near = []
        for j in _neighbours(i, len(old), len(new)):
            if new[j].is_section == unit.is_section:
                if not budget.spend(len(words[i]) + len(new_words[j])):
                    return found
                matcher = SequenceMatcher(None, words[i], new_words[j], autojunk=False)
                if matcher.real_quick_ratio() >= SIMILAR and (quick := matcher.quick_ratio()) >= SIMILAR:
                    near.append((quick, j, matcher))
        for quick, j, matcher in sorted(near, key=lambda candidate: candidate[0], reverse=True)[:closest]:
            score = _in_order(matcher, budget) if len(matcher.a) * len(matcher.b) <= RATIO_WORDS else quick
            if score is None:
                return found
            if score >= SIMILAR:
                found.append((score, i, j))
    return found


def _neighbours(i: int, old: int, new: int) -> range:
    """The units of the new version that the old one's `i`th unit is compared with."""
    if old * new <= ALL_PAIRS:
        return range(new)
    centre = i * new // old
    return range(max(centre - WINDOW, 0), min(centre + WINDOW + 1, new))


def _in_order(matcher: SequenceMatcher, budget: Budget) -> float | None:
    """How alike the words are in their order, from 0 to 1; None once the budget is spent."""
    return matcher.ratio() if budget.spend(len(matcher.a) * len(matcher.b)) else None


class _Pairs:
    """Pairs of units that never cross: each unit in one pair at most, in document order in both."""

    def __init__(self) -> None:
        self.old: list[int] = []
        self.new: list[int] = []

    def add(self, i: int, j: int) -> None:
        """Add the pair unless one of its units is paired already or it would cross another pair."""
        at = bisect_left(self.old, i)
        if at < len(self.old) and (self.old[at] == i or self.new[at] <= j) or at and self.new[at - 1] >= j:
            return
        self.old.insert(at, i)
        self.new.insert(at, j)


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
