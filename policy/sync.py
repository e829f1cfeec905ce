"""Translation sync: a new version must change the same units in every language."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .change import Change, Kind, compare
from .language import LANGUAGES, ORIGINAL
from .version import Policy


@dataclass(frozen=True)
class Mismatch:
    """A unit that one translation treats differently from the original between two versions."""

    lang: str
    number: str
    old_date: datetime.date
    new_date: datetime.date
    status: str
    original_status: str
    line: int

    def message(self) -> str:
        """The mismatch in words, e.g. "kk: 5.2 is unchanged from A to B while ru changed it"."""
        span = f"from {self.old_date} to {self.new_date}"
        unit = self.number or "the preamble"
        if self.original_status == UNCHANGED:
            return f"{self.lang}: {unit} is {self.status} {span} while {ORIGINAL} left it unchanged"
        return f"{self.lang}: {unit} is {self.status} {span} while {ORIGINAL} {self.original_status} it"


UNCHANGED = Kind.UNCHANGED.value


def _by_unit(changes: list[Change]) -> dict[tuple[str, str], tuple[str, Change]]:
    """Each change keyed by the unit's old and new numbers, so languages can be laid side by side."""
    return {(c.old.number if c.old else "+", c.new.number if c.new else "-"): (c.status, c) for c in changes}


def mismatches(policy: Policy, old_date: datetime.date, new_date: datetime.date) -> list[Mismatch]:
    """Units whose change from `old_date` to `new_date` differs between a translation and the original."""
    def changes(lang: str) -> dict[tuple[str, str], tuple[str, Change]]:
        return _by_unit(compare(policy.get(lang, old_date).document, policy.get(lang, new_date).document))

    original = changes(ORIGINAL)
    found = []
    for lang in LANGUAGES:
        if lang == ORIGINAL:
            continue
        translation = changes(lang)
        for key in sorted(set(original) | set(translation), key=lambda k: _order(original, translation, k)):
            status, change = translation.get(key, (UNCHANGED, None))
            original_status, original_change = original.get(key, (UNCHANGED, None))
            if status != original_status:
                unit = (change or original_change).unit
                line = change.unit.line if change else _line_in(policy, lang, new_date, unit.number)
                found.append(Mismatch(lang, unit.number, old_date, new_date, status, original_status, line))
    return found


def _order(original: dict, translation: dict, key: tuple[str, str]) -> tuple[int, ...]:
    _, change = original.get(key) or translation[key]
    return change.unit.parts


def _line_in(policy: Policy, lang: str, date: datetime.date, number: str) -> int:
    unit = policy.get(lang, date).document.by_number.get(number)
    return unit.line if unit else 1
