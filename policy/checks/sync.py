"""Translation sync: a new version must change the same units in every language."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import lru_cache

from ..changes.change import Change, Kind, compare
from ..i18n.language import LANGUAGES, ORIGINAL
from ..i18n.message import Message, message
from ..model.version import Policy, Version


@dataclass(frozen=True)
class Story:
    """What happened to one unit of the new version: its status and the number it had before."""

    kind: Kind
    was: str | None

    def words(self) -> Message:
        return self.kind.describe(self.was)

    def done(self) -> Message:
        return self.kind.done(self.was)


@dataclass(frozen=True)
class Mismatch:
    """A unit of the new version that one translation treats differently from the original."""

    lang: str
    number: str
    old_date: datetime.date
    new_date: datetime.date
    story: Story
    original: Story
    line: int

    def message(self) -> Message:
        """The mismatch in words, e.g. "kk: 5.2 is unchanged from A to B while ru changed it"."""
        unit = self.number or message("the preamble")
        return message("%(lang)s: %(unit)s is %(story)s from %(old)s to %(new)s while %(original)s %(done)s; "
                       "make the same change in every language", lang=self.lang, unit=unit,
                       story=self.story.words(), old=self.old_date, new=self.new_date, original=ORIGINAL,
                       done=self.original.done())


def stories(changes: tuple[Change, ...]) -> dict[str, tuple[Story, Change]]:
    """Each unit of the new version by its number, with what happened to it.

    Every language has the same numbers in each version (the `same-units` rule), so one real
    divergence is one key: how a translation paired its units cannot multiply the messages."""
    return {change.new.number: (Story(change.kind, change.was), change)
            for change in changes if change.new is not None}


def mismatches(policy: Policy, old_date: datetime.date, new_date: datetime.date) -> tuple[Mismatch, ...]:
    """Units whose change from `old_date` to `new_date` differs between a translation and the original."""
    return _mismatches(tuple((policy.get(lang, old_date), policy.get(lang, new_date)) for lang in LANGUAGES))


@lru_cache(maxsize=4096)
def _mismatches(pairs: tuple[tuple[Version, Version], ...]) -> tuple[Mismatch, ...]:
    """The mismatches of one step of the history, given as (old, new) in every language; cached,
    since a version read again from the same bytes is the same."""
    story = {new.lang: stories(compare(old.document, new.document)) for old, new in pairs}
    found = []
    for old, new in pairs:
        if new.lang == ORIGINAL:
            continue
        for number, (told, change) in story[new.lang].items():
            expected = story[ORIGINAL].get(number, (Story(Kind.UNCHANGED, number), None))[0]
            if told != expected:
                found.append(Mismatch(new.lang, number, old.date, new.date, told, expected, change.new.line))
    return tuple(found)
