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

EQUAL, INSERT, DELETE = "equal", "insert", "delete"
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
    inserted ones spell `new`."""
    a, b = tokenize(old), tokenize(new)
    matcher = SequenceMatcher(None, [t.rstrip() for t in a], [t.rstrip() for t in b], autojunk=False)
    segments: list[Segment] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == EQUAL:
            for old_token, new_token in zip(a[i1:i2], b[j1:j2]):
                _keep(segments, old_token, new_token)
        else:
            _replace(segments, "".join(a[i1:i2]), "".join(b[j1:j2]))
    return segments


def _replace(segments: list[Segment], deleted: str, inserted: str) -> None:
    """Delete and insert, keeping white space that both sides end with out of the change."""
    tail = deleted[len(deleted.rstrip()):]
    if not deleted or not inserted or tail != inserted[len(inserted.rstrip()):]:
        tail = ""
    _add(segments, DELETE, deleted[:len(deleted) - len(tail)])
    _add(segments, INSERT, inserted[:len(inserted) - len(tail)])
    _add(segments, EQUAL, tail)


def _keep(segments: list[Segment], old_token: str, new_token: str) -> None:
    word = old_token.rstrip()
    _add(segments, EQUAL, word)
    old_space, new_space = old_token[len(word):], new_token[len(word):]
    if old_space == new_space:
        _add(segments, EQUAL, old_space)
    else:
        _add(segments, DELETE, old_space)
        _add(segments, INSERT, new_space)


def _add(segments: list[Segment], op: str, text: str) -> None:
    if not text:
        return
    if segments and segments[-1].op == op:
        segments[-1] = Segment(op, segments[-1].text + text)
    else:
        segments.append(Segment(op, text))


def old_side(segments: list[Segment]) -> str:
    return "".join(s.text for s in segments if s.op != INSERT)


def new_side(segments: list[Segment]) -> str:
    return "".join(s.text for s in segments if s.op != DELETE)


def to_html(segments: list[Segment], added: str, removed: str) -> str:
    """HTML with `<ins>`/`<del>`; each starts with visually hidden text (`added`, `removed`, in the
    page's language) so a screen reader says what the colour shows. A change of white space alone
    is shown as the new white space."""
    out = []
    for segment in segments:
        text = html.escape(segment.text)
        if segment.op == EQUAL or (segment.op == INSERT and not segment.text.strip()):
            out.append(text)
        elif segment.op == INSERT:
            out.append(f'<ins><span class="visually-hidden">{html.escape(added)} </span>{text}</ins>')
        elif segment.text.strip():
            out.append(f'<del><span class="visually-hidden">{html.escape(removed)} </span>{text}</del>')
    return "".join(out)


_ANSI = {INSERT: ("\x1b[4;32m", "\x1b[0m"), DELETE: ("\x1b[9;31m", "\x1b[0m")}
_PLAIN = {INSERT: ("{+", "+}"), DELETE: ("[-", "-]")}


def to_text(segments: list[Segment], color: bool = False) -> str:
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
