"""Reading one version file: its size, encoding, line endings, characters, front matter and body."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .characters import check_characters
from .message import Message, message
from .problem import Problem, error

FRONT_MATTER_KEYS = ("title", "summary")
CORRECTS = "corrects"
"""The optional key of a version that only corrects translations: `corrects: [kk]`."""
MAX_BYTES = 1_000_000
"""A version file is far smaller (the policy is about 25 KB); a larger one is a mistake or an attack."""
_FENCE = "---"
_BOM = b"\xef\xbb\xbf"
_CYRILLIC = re.compile("[А-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")


@dataclass(frozen=True, eq=False)
class Source:
    """A version file's bytes, and its text normalised to UTF-8 with LF line endings and no BOM.

    The site publishes the bytes as they are, beside the version's page, and the SHA-256 it
    shows is of them: `sha256sum` of the downloaded file gives the same digest. A file read again
    with the same bytes gives the same Source (see `read_source`), so what is worked out from a
    source can be cached by its identity.
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


def decode(path: Path, data: bytes) -> tuple[str | None, list[Problem]]:
    """Decode a file as UTF-8, dropping a BOM and turning CRLF into LF."""
    if data.startswith(_BOM):
        data = data[len(_BOM):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [error(path, line, "encoding", _not_utf8(data))]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


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
        return None, [error(path, 1, "file-size", "the file is larger than %(most)s KB; a version of the policy "
                            "is far smaller: check that it holds only the policy text", most=MAX_BYTES // 1000)]
    source, problems = _understood(path, data)
    return source, list(problems)


@lru_cache(maxsize=4096)
def _understood(path: Path, data: bytes) -> tuple[Source | None, tuple[Problem, ...]]:
    """A file's bytes as a source: the same bytes at the same path give the same Source, so a
    preview that rebuilds after every save works again only on what was saved."""
    text, problems = decode(path, data)
    if text is None:
        return None, tuple(problems)
    source, found = parse_source(path, text, data)
    return source, tuple(check_characters(path, text) + found)


def parse_source(path: Path, text: str, data: bytes | None = None) -> tuple[Source | None, list[Problem]]:
    """Split normalised text into front matter and body, and validate the front matter; `data`
    is the file's bytes (by default the text's UTF-8)."""
    lines = text.split("\n")
    if lines[0].strip() != _FENCE:
        return None, [error(path, 1, "front-matter",
                            "the file must start with front matter: a line '---', then 'title:' and "
                            "'summary:', then a line '---'")]
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == _FENCE), None)
    if end is None:
        return None, [error(path, 1, "front-matter", "the front matter is not closed by a line '---'")]
    meta, meta_lines, problems = parse_front_matter(path, "\n".join(lines[1:end]))
    if problems:
        return None, problems
    body = "\n".join(lines[end + 1:])
    data = text.encode("utf-8") if data is None else data
    return Source(path, data, text, meta, meta_lines, body, end + 2), []


class _TwiceError(yaml.MarkedYAMLError):
    """A key given twice: YAML would keep the last silently."""

    def __init__(self, key: str, mark: yaml.Mark) -> None:
        super().__init__(problem_mark=mark)
        self.key = key


class _Loader(yaml.BaseLoader):
    """YAML without type guessing (every value is text) that refuses a key given twice."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: dict[str, int] = {}
        for key_node, _ in node.value:
            key = self.construct_scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if key in seen:
                raise _TwiceError(key, key_node.start_mark)
            if key is not None:
                seen[key] = key_node.start_mark.line
        return super().construct_mapping(node, deep)


def parse_front_matter(path: Path, text: str) -> tuple[dict, dict[str, int], list[Problem]]:
    """The front matter's keys and text values, the line of each key, and what is wrong with it."""
    loader = None
    try:
        loader = _Loader(text)  # its reader refuses control characters at once
        node = loader.get_single_node()
        meta = loader.construct_document(node) if node else None
    except _TwiceError as exc:
        return {}, {}, [error(path, exc.problem_mark.line + 2, "front-matter",
                              "the key '%(key)s' is given twice; keep one", key=exc.key)]
    except yaml.YAMLError as exc:
        mark, position = getattr(exc, "problem_mark", None), getattr(exc, "position", None)
        line = mark.line + 2 if mark else text.count("\n", 0, position) + 2 if position is not None else 1
        reason = getattr(exc, "problem", None) or getattr(exc, "reason", None) or "it is not valid"
        return {}, {}, [error(path, line, "front-matter", "the front matter is not valid (%(reason)s); write one "
                              "'key: value' a line, and put a value that contains ': ' in double quotes",
                              reason=reason)]
    except RecursionError:  # brackets or braces nested thousands deep: YAML reads nesting recursively
        return {}, {}, [error(path, 2, "front-matter", "the front matter is nested too deeply to read; write "
                              "one 'key: value' a line, with plain text as the value")]
    finally:
        if loader is not None:
            loader.dispose()
    if not isinstance(meta, dict) or not isinstance(node, yaml.MappingNode):
        return {}, {}, [error(path, 2, "front-matter", "the front matter must be lines of the form 'key: value'")]
    lines = {key.value: key.start_mark.line + 2 for key, _ in node.value}
    problems = [error(path, lines[key], "front-matter",
                      "unknown front matter key '%(key)s'; only title and summary are allowed (and "
                      "'corrects: [kk]' for a version that only corrects translations): remove it", key=key)
                for key in meta if key not in (*FRONT_MATTER_KEYS, CORRECTS)]
    if CORRECTS in meta and not (isinstance(meta[CORRECTS], list) and meta[CORRECTS]
                                 and all(isinstance(lang, str) for lang in meta[CORRECTS])):
        problems.append(error(path, lines[CORRECTS], "front-matter",
                              "'corrects:' lists the corrected languages in square brackets, like [kk] or [kk, en]"))
    problems += [error(path, lines[key], "front-matter",
                       "'%(key)s:' must be text on the same line, not a list or nested keys", key=key)
                 for key in FRONT_MATTER_KEYS if key in meta and not isinstance(meta[key], str)]
    problems += [error(path, 1, "front-matter", "the front matter has no '%(key)s:' (or it is empty); add it",
                       key=key)
                 for key in FRONT_MATTER_KEYS if key not in meta or meta[key] == ""]
    return meta, lines, problems
