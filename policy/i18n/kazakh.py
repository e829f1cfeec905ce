"""Kazakh dates in running text: "2026 жылғы 1 маусымнан бастап", "2025 жылғы 1 наурыздағы редакция".

Babel writes a Kazakh date in the nominative ("2026 ж. 1 маусым"), but in a sentence the month
takes the case the sentence needs. The month names are Babel's; the ending is built by the rules
of Kazakh: vowel harmony (the word's last vowel, back or front, decides the suffix's vowel and its
ғ/қ or г/к) and the word's final sound (which decides the suffix's first consonant).
"""

from __future__ import annotations

import datetime

from babel.dates import get_month_names

LANG = "kk"
NOMINATIVE = "nominative"
CASES = (NOMINATIVE, "genitive", "dative", "accusative", "locative", "ablative", "instrumental", "attributive")
"""The forms a date takes in a sentence. The attributive ("маусымдағы", locative + -ғы/-гі) ties a
date to the noun after it: "1 наурыздағы редакция"."""

YEAR = "жылғы"
"""The year before the day and month, as an attribute: "2026 жылғы 1 маусым"."""

_BACK, _FRONT = "аоұы", "әеөүі"
_FRONTED = str.maketrans("аығқ", "еігк")
"""A back suffix made front: маусымға, but шілдеге."""

_ENDS = ("аәеоөұүыі", "мнң", "лрйуи", "жз")
"""What a word ends in: a vowel, a nasal, another sonorant, a voiced consonant; anything else is
voiceless (к, қ, п, т, с, ш …, and б, в, г, д, which sound voiceless at the end of a word)."""

_SUFFIXES = {
    "genitive": ("ннддт", "ың"),
    "accusative": ("ндддт", "ы"),
    "dative": ("ғғғғқ", "а"),
    "locative": ("ддддт", "а"),
    "ablative": ("днддт", "ан"),
    "instrumental": ("мммбп", "ен"),
}
"""Each case's suffix in its back form: its first consonant after each kind of ending in `_ENDS`
(then after a voiceless sound), and the rest. The instrumental's -мен/-бен/-пен has no back form."""


def _final(word: str) -> int:
    """Which of `_ENDS` the word ends in; `len(_ENDS)` for a voiceless sound."""
    return next((index for index, sounds in enumerate(_ENDS) if word[-1] in sounds), len(_ENDS))


def _front(word: str) -> bool:
    """Whether the word's last vowel is a front one (ә е ө ү і)."""
    return next((letter in _FRONT for letter in reversed(word) if letter in _BACK + _FRONT), False)


def inflect(word: str, case: str) -> str:
    """A noun in a case: `маусым` → `маусымнан` (ablative), `қыркүйек` → `қыркүйектегі` (attributive)."""
    if case not in CASES:
        raise ValueError(f"unknown case {case!r}: one of {', '.join(CASES)}")
    if case == NOMINATIVE:
        return word
    if case == "attributive":
        return inflect(word, "locative") + ("гі" if _front(word) else "ғы")
    consonants, rest = _SUFFIXES[case]
    suffix = consonants[_final(word)] + rest
    return word + (suffix.translate(_FRONTED) if _front(word) else suffix)


def _forms(case: str) -> tuple[set[str], set[str]]:
    """A case's ending in every form, back and front, after any final sound: -дан, -нан, -тан and
    -ден, -нен, -тен."""
    if case == "attributive":
        back, front = _forms("locative")
        return {form + "ғы" for form in back}, {form + "гі" for form in front}
    consonants, rest = _SUFFIXES[case]
    back = {consonant + rest for consonant in consonants}
    return back, {form.translate(_FRONTED) for form in back}


ENDINGS = {"": NOMINATIVE} | {form: case for case in CASES[1:] for forms in _forms(case) for form in forms}
"""Each ending a translator may write after a date, in any of its forms, and its case: a Kazakh
msgstr writes `%(date)sнан бастап`, and the date's month takes the form of that ending that fits it."""
EXAMPLES = tuple(inflect("қараша", case).removeprefix("қараша") for case in CASES[1:])
"""One form of each case's ending, to name them in messages: -ның, -ға, -ны, -да, -дан, -мен, -дағы."""


def running_date(date: datetime.date, case: str = NOMINATIVE) -> str:
    """A date as a Kazakh sentence writes it, its month in `case`: `2026 жылғы 1 маусымнан`."""
    month = get_month_names("wide", "format", locale=LANG)[date.month]
    return f"{date.year} {YEAR} {date.day} {inflect(month, case)}"
