"""Word-level redlines: what a reader sees struck out and inserted in a changed unit.

Tokens are whole words with the punctuation and white space that follow them, so a change never
cuts a word in half (Cyrillic and Kazakh letters are word characters like Latin ones); a word
keeps its inner hyphens and dots, so "Интернет-магазин" and clause numbers like "7.2" stay whole.
Tokens are compared without their trailing white space, so re-wrapping a line is no change.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import groupby
from operator import itemgetter
from typing import Sequence

EQUAL, INSERT, DELETE = "equal", "insert", "delete"
_LINE = re.compile(r"(?<=\n)(?=[^\n])")
_TOKEN = re.compile(r"\w+(?:[-.,'’/]\w+)*[^\w\s]*\s*|[^\w\s]+\s*|\s+")


@dataclass(frozen=True)
class Segment:
    """A run of text that is kept, inserted or deleted."""

    op: str
    text: str


def tokenize(text: str) -> list[str]:
    """Split text into word tokens; joined back together they are exactly `text`."""
    return _TOKEN.findall(text)


def redline(old: str, new: str) -> list[Segment]:
    """The segments that turn `old` into `new`: kept and deleted ones spell `old`, kept and
    inserted ones spell `new`.

    Lines (each with the blank lines after it) are matched first and words only within changed
    lines, so a long text costs about its length: a word diff of a whole document at once grows
    with the square of it."""
    a, b = _LINE.split(old), _LINE.split(new)
    pieces: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == EQUAL:
            pieces.append((EQUAL, "".join(a[i1:i2])))
        elif op == "replace" and i2 - i1 == j2 - j1:
            for old_line, new_line in zip(a[i1:i2], b[j1:j2]):
                _word_redline(pieces, old_line, new_line)
        else:
            _word_redline(pieces, "".join(a[i1:i2]), "".join(b[j1:j2]))
    merged = (Segment(op, "".join(text for _, text in group)) for op, group in groupby(pieces, key=itemgetter(0)))
    return [segment for segment in merged if segment.text]


@lru_cache(maxsize=65536)
def cached_redline(old: str, new: str) -> tuple[Segment, ...]:
    """`redline(old, new)`, computed once per pair of texts: a clause's change shows on its change
    page in three languages, and a clause that kept its wording since an archived version shows
    the same redline on the "since" page of every version before."""
    return tuple(redline(old, new))


def _word_redline(pieces: list[tuple[str, str]], old: str, new: str) -> None:
    a, b = tokenize(old), tokenize(new)
    matcher = SequenceMatcher(None, [t.rstrip() for t in a], [t.rstrip() for t in b], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == EQUAL:
            for old_token, new_token in zip(a[i1:i2], b[j1:j2]):
                _keep(pieces, old_token, new_token)
        else:
            _replace(pieces, "".join(a[i1:i2]), "".join(b[j1:j2]))


def _replace(pieces: list[tuple[str, str]], deleted: str, inserted: str) -> None:
    """Delete and insert, keeping white space that both sides end with out of the change."""
    tail = deleted[len(deleted.rstrip()):]
    if not deleted or not inserted or tail != inserted[len(inserted.rstrip()):]:
        tail = ""
    pieces += [(DELETE, deleted[:len(deleted) - len(tail)]), (INSERT, inserted[:len(inserted) - len(tail)]),
               (EQUAL, tail)]


def _keep(pieces: list[tuple[str, str]], old_token: str, new_token: str) -> None:
    word = old_token.rstrip()
    old_space, new_space = old_token[len(word):], new_token[len(word):]
    if old_space == new_space:
        pieces.append((EQUAL, old_token))
    else:
        pieces += [(EQUAL, word), (DELETE, old_space), (INSERT, new_space)]


def old_side(segments: list[Segment]) -> str:
    """The text before the change: kept and deleted segments."""
    return "".join(s.text for s in segments if s.op != INSERT)


def new_side(segments: list[Segment]) -> str:
    """The text after the change: kept and inserted segments."""
    return "".join(s.text for s in segments if s.op != DELETE)


def to_html(segments: Sequence[Segment], added: str, removed: str, lang: str = "") -> str:
    """HTML with `<ins>`/`<del>`; each starts with visually hidden text (`added`, `removed`, in the
    page's language, `lang` when the text is in another) so a screen reader says what the colour
    shows. A change of white space alone is shown as the new white space."""
    hidden = {INSERT: added, DELETE: removed}
    attribute = f' lang="{html.escape(lang)}"' if lang else ""
    return _marked(segments, html.escape, lambda op, text: (
        f'<{_TAGS[op]}><span class="visually-hidden"{attribute}>{html.escape(hidden[op])} </span>{text}'
        f'</{_TAGS[op]}>'))


def to_markdown(segments: Sequence[Segment]) -> str:
    """GitHub Markdown for a pull request's summary: `<del>`/`<ins>` (struck through, underlined)
    on one line, the words escaped so that content cannot format or link anything there."""
    return _marked(segments, _markdown_text, lambda op, text: f"<{_TAGS[op]}>{text}</{_TAGS[op]}>")


_TAGS = {INSERT: "ins", DELETE: "del"}
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
"""ASCII punctuation: any of it may be backslash-escaped in CommonMark."""


def _markdown_text(text: str) -> str:
    return _PUNCTUATION.sub(r"\\\1", text).replace("\n", "<br>")


def _marked(segments: Sequence[Segment], escape, mark) -> str:
    """Kept text escaped, inserted and removed text escaped and marked; a change of white space
    alone is shown as the new white space. A removal and an insertion that touch get a space
    between them, or the struck and the underlined word read as one ("7.2.7.3.")."""
    out = []
    touching = False
    for segment in segments:
        text = escape(segment.text)
        if segment.op == EQUAL or (segment.op == INSERT and not segment.text.strip()):
            out.append(text)
            touching = False
        elif segment.text.strip():
            if touching and not segment.text[0].isspace():
                out.append(" ")
            out.append(mark(segment.op, text))
            touching = not segment.text[-1].isspace()
    return "".join(out)


_ANSI = {INSERT: ("\x1b[4;32m", "\x1b[0m"), DELETE: ("\x1b[9;31m", "\x1b[0m")}
_PLAIN = {INSERT: ("{+", "+}"), DELETE: ("[-", "-]")}


def to_text(segments: Sequence[Segment], color: bool = False) -> str:
    """Text for a terminal: coloured (red struck out, green underlined) or, for a file or a log,
    with wdiff's `[-removed-]{+added+}` marks."""
    marks = _ANSI if color else _PLAIN
    out = []
    for segment in segments:
        if segment.op == EQUAL:
            out.append(segment.text)
            continue
        text = segment.text
        word = text.strip()
        if word:
            start, end = marks[segment.op]
            lead = text[:len(text) - len(text.lstrip())]
            out.append(lead + start + word + end + text[len(lead) + len(word):])
        elif segment.op == INSERT:
            out.append(text)
    return "".join(out)
