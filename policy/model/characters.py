"""Characters a reader cannot see, and words that mix alphabets.

A zero-width space inside `9.4.` merges two clauses, a right-to-left override reverses what a
reader sees, and a Cyrillic «с» in `clause 12.7` hides a reference from the check. The text must
mean what it shows, so such characters are errors, and look-alike letters are worth a warning.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..i18n.message import N_
from ..problem import Problem, error, warning
from ..rules import INVISIBLE_CHARACTER, MIXED_SCRIPT

_VISIBLE_CONTROLS = {"\n", "\t"}
_HIDDEN_CATEGORIES = {"Cc", "Cf", "Co", "Cn", "Zl", "Zp"}
"""Controls, format characters (zero-width, direction marks and overrides, soft hyphen), private
use, unassigned, and line or paragraph separators."""
_BLANK_LETTERS = {"\u034f", "\u115f", "\u1160", "\u2800", "\u3164", "\uffa0"}
"""Letters and marks that render as nothing: combining grapheme joiner, Hangul fillers, blank Braille."""
_BLANK = re.compile("[" + "".join(sorted(_BLANK_LETTERS)) + "\ufe00-\ufe0f\U000e0100-\U000e01ef]")
"""The invisible characters that `str.isprintable` accepts: the letters above, variation selectors."""
MIXED = N_("the word '%(word)s' mixes Latin and Cyrillic letters that look alike; retype it in one alphabet")
_MIXED = re.compile(r"\b(?=\w*[A-Za-z])(?=\w*[\u0400-\u04ff])\w+")
"""A word with both a Latin and a Cyrillic letter."""


@dataclass(frozen=True)
class Hidden:
    """One invisible character and where it is: line and column count from 1."""

    char: str
    line: int
    column: int

    @property
    def name(self) -> str:
        code = f"U+{ord(self.char):04X}"
        kind = "control character" if unicodedata.category(self.char) == "Cc" else "unnamed character"
        return f"{unicodedata.name(self.char, kind)} ({code})"


def is_hidden(char: str) -> bool:
    """Whether a character shows nothing, or changes how the text around it is shown."""
    if char in _VISIBLE_CONTROLS:
        return False
    return (unicodedata.category(char) in _HIDDEN_CATEGORIES or char in _BLANK_LETTERS
            or _BLANK.match(char) is not None)


def hidden_characters(text: str) -> Iterator[Hidden]:
    """Every invisible character of `text`, in order."""
    for line_number, line in enumerate(text.split("\n"), start=1):
        if line.isprintable() and not _BLANK.search(line):
            continue  # the common case, decided in C: no control, format or odd space character
        for column, char in enumerate(line, start=1):
            if is_hidden(char):
                yield Hidden(char, line_number, column)


def mixed_words(text: str) -> Iterator[tuple[int, str]]:
    """Each word that mixes Latin and Cyrillic letters, with its offset in `text`."""
    return ((match.start(), match.group()) for match in _MIXED.finditer(text))


def check_characters(path: Path, text: str) -> list[Problem]:
    """Errors for invisible characters and warnings for mixed-alphabet words, at line and column."""
    problems = [error(path, hidden.line, INVISIBLE_CHARACTER,
                      "an invisible character, %(name)s, is here: it can change what the text means "
                      "without showing it. Delete it (retype the words around it if you cannot see it)",
                      hidden.column, name=hidden.name)
                for hidden in hidden_characters(text)]
    line, line_start = 1, 0
    for offset, word in mixed_words(text):  # in order: the lines are counted once
        line += text.count("\n", line_start, offset)
        line_start = text.rfind("\n", 0, offset) + 1
        problems.append(warning(path, line, MIXED_SCRIPT, MIXED, offset - line_start + 1, word=word))
    return problems
