"""Cross-references between clauses ("п.п. 5.2. и 5.3.", "5.2-тармақ", "clauses 5.2 and 5.3")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from .address import unit_anchor
from .clause import NUMBER as _NUMBER
from .dialect import written_links

_DOTTED = _NUMBER + r"\.?"


def _series(number: str, conjunction: str) -> str:
    return rf"{number}(?:(?:\s*,\s*(?:{conjunction}\s+)?|\s+{conjunction}\s+){number})*"


PATTERNS = {
    "ru": re.compile(rf"(?<!\w)(?:п\.\s*п\.|пп\.|п\.|подпункт\w*|пункт\w*|раздел\w*)\s*"
                     rf"(?P<numbers>{_series(_DOTTED, 'и')})", re.IGNORECASE),
    "kk": re.compile(rf"(?<![0-9.])(?P<numbers>{_series(_NUMBER, 'және')})"),
    "en": re.compile(rf"(?<!\w)(?:clauses?|sections?|paragraphs?|items?)\s+(?P<numbers>{_series(_NUMBER, 'and')})",
                     re.IGNORECASE),
}
"""Per language: a reference phrase, with the list of numbers it names in the group `numbers`.
Each ends with its list of numbers, so a match never gives back what the list took, and the
search goes on after it: the text is read once. Kazakh names the clause after the numbers."""
_AFTER = {"kk": re.compile(r"-(?:тарма[қғ]|бөлім)")}
"""What must follow the numbers: looked for once a whole list is found, not by the pattern, which
would try every shorter list again at every number of `1, 1, 1, …`."""

_NUMBER_IN_LIST = re.compile(_DOTTED)


@dataclass(frozen=True)
class Reference:
    """One clause number named by a cross-reference, and where it stands in the text."""

    number: str
    start: int
    end: int

    @property
    def anchor(self) -> str:
        return unit_anchor(self.number)


def find_references(text: str, lang: str) -> list[Reference]:
    """Every clause number that a cross-reference in `text` names, in order."""
    references, after = [], _AFTER.get(lang)
    for match in PATTERNS[lang].finditer(text):
        if after and not after.match(text, match.end()):
            continue
        offset = match.start("numbers")
        for number in _NUMBER_IN_LIST.finditer(match.group("numbers")):
            references.append(Reference(number.group().rstrip("."), offset + number.start(),
                                        offset + number.end()))
    return references


def link_references(text: str, lang: str, href: Callable[[Reference], str | None]) -> str:
    """Turn each referenced number into a Markdown link to `href(reference)`; None leaves it as is,
    and so does a number inside a link the text already has."""
    pieces, last = [], 0
    written = list(written_links(text))
    for reference in find_references(text, lang):
        target = href(reference)
        if target is None or any(start <= reference.start < end for start, end in written):
            continue
        pieces += [text[last:reference.start], f"[{text[reference.start:reference.end]}]({target})"]
        last = reference.end
    return "".join(pieces) + text[last:]
