"""Reading one version file: its size, encoding, line endings, characters, front matter and body.

The file's bytes are the record: the site publishes them beside the version's page with their
SHA-256, and a published version is compared with its git blob. So a file is UTF-8 without a
byte-order mark, with LF line endings, and a re-save that changes only those is an error too.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from ..i18n.message import Message, message
from ..problem import Problem, error
from ..rules import ENCODING, FILE_SIZE, FRONT_MATTER, LINE_ENDINGS
from .characters import check_characters
from .front_matter import parse_front_matter

MAX_BYTES = 100_000
"""A version file is far smaller (the policy is about 25 KB); a larger one is a mistake or an attack.
The limit keeps the check and the build of any file within it to a few times the real policy's
(see benchmarks/adversarial.py)."""
_FENCE = "---"
_BOM = b"\xef\xbb\xbf"
_CYRILLIC = re.compile("[А-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")


@dataclass(frozen=True, eq=False)
class Source:
    """A version file's bytes, and its text as UTF-8.

    The site publishes the bytes as they are, beside the version's page, and the SHA-256 it
    shows is of them: `sha256sum` of the downloaded file gives the same digest. Two sources are
    equal when their path and bytes are, so what is worked out from a source is cached by its
    content (and a file read again with the same bytes is the same Source, see `read_source`).
    """

    path: Path
    data: bytes
    text: str
    meta: dict[str, str | list[str]]
    meta_lines: dict[str, int]
    """The line of the file where each front matter key is set."""
    body: str
    body_line: int
    """The line number of the body's first line in the file."""

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Source) and (self.path, self.data) == (other.path, other.data)

    def __hash__(self) -> int:
        return hash((self.path, self.data))


def decode(path: Path, data: bytes) -> tuple[str | None, list[Problem]]:
    """Decode a file as UTF-8. A byte-order mark or a carriage return is an error; the text is read
    as if it were not there, so that the other rules still speak."""
    problems = []
    if data.startswith(_BOM):
        problems.append(error(path, 1, ENCODING, "the file starts with a byte-order mark (BOM): it changes the "
                              "file's bytes and its SHA-256 without changing a letter. Save it again with the "
                              "encoding \"UTF-8\" (not \"UTF-8 with BOM\")"))
        data = data[len(_BOM):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [error(path, line, ENCODING, _not_utf8(data))]
    if "\r" in text:
        at = text.index("\r")
        problems.append(error(path, text.count("\n", 0, at) + 1, LINE_ENDINGS, "this line ends with %(ending)s, "
                              "not LF: the site publishes the file's bytes, so every file keeps LF line endings. "
                              "In your editor choose the line endings \"LF\" and save again",
                              ending="CRLF" if text.startswith("\r\n", at) else "CR"))
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, problems


def _not_utf8(data: bytes) -> Message:
    guess = data.decode("cp1251", errors="replace")
    if len(_CYRILLIC.findall(guess)) > len(guess) // 10:
        return message("the file is not UTF-8: it looks like Windows-1251 (Cyrillic). Open it in your editor "
                       "and save it again with the encoding \"UTF-8\"")
    return message("the file is not UTF-8 text; save it again with the encoding \"UTF-8\"")


def read_bytes(path: Path) -> bytes | None:
    """A regular file's bytes, never through a symbolic link; None when it is larger than MAX_BYTES."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    with os.fdopen(descriptor, "rb") as file:
        data = file.read(MAX_BYTES + 1)
    return None if len(data) > MAX_BYTES else data


def read_source(path: Path) -> tuple[Source | None, list[Problem]]:
    """Read a version file; on a problem that stops it being read, return None and the problems."""
    data = read_bytes(path)
    if data is None:
        return None, [too_large(path)]
    source, problems = _understood(path, data)
    return source, list(problems)


def too_large(path: Path) -> Problem:
    return error(path, 1, FILE_SIZE, "the file is larger than %(most)s KB; a version of the policy is far smaller: "
                 "check that it holds only the policy text", most=MAX_BYTES // 1000)


@lru_cache(maxsize=4096)
def _understood(path: Path, data: bytes) -> tuple[Source | None, tuple[Problem, ...]]:
    """A file's bytes as a source: the same bytes at the same path give the same Source, so a
    preview that rebuilds after every save works again only on what was saved."""
    text, problems = decode(path, data)
    if text is None:
        return None, tuple(problems)
    source, found = parse_source(path, text, data)
    return source, tuple(problems + check_characters(path, text) + found)


def parse_source(path: Path, text: str, data: bytes | None = None) -> tuple[Source | None, list[Problem]]:
    """Split normalised text into front matter and body, and validate the front matter; `data`
    is the file's bytes (by default the text's UTF-8)."""
    lines = text.split("\n")
    if lines[0].strip() != _FENCE:
        return None, [error(path, 1, FRONT_MATTER,
                            "the file must start with front matter: a line '---', then 'title:' and "
                            "'summary:', then a line '---'")]
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == _FENCE), None)
    if end is None:
        return None, [error(path, 1, FRONT_MATTER, "the front matter is not closed by a line '---'")]
    meta, meta_lines, problems = parse_front_matter(path, "\n".join(lines[1:end]))
    if problems:
        return None, problems
    body = "\n".join(lines[end + 1:])
    data = text.encode("utf-8") if data is None else data
    return Source(path, data, text, meta, meta_lines, body, end + 2), []


def first_difference(old: Sequence, new: Sequence) -> int:
    """The index of the first line that differs between two texts split into lines (the shorter's
    length when one is the start of the other): where a message about an edit points."""
    return next((i for i, (a, b) in enumerate(zip(old, new)) if a != b), min(len(old), len(new)))
