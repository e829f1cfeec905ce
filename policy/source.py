"""Reading one version file: its encoding, line endings, front matter and body."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .problem import Problem, error

FRONT_MATTER_KEYS = ("title", "summary")
_FENCE = "---"
_BOM = b"\xef\xbb\xbf"
_CYRILLIC = re.compile("[А-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")


@dataclass(frozen=True)
class Source:
    """A version file's text, normalised to UTF-8 with LF line endings and no BOM.

    The SHA-256 published for a version is of this text, so a copy re-saved with CRLF line
    endings or a BOM still verifies.
    """

    path: Path
    text: str
    meta: dict
    body: str
    body_line: int
    """The line number of the body's first line in the file."""

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def meta_line(self, key: str) -> int:
        """The line of the front matter where `key` is set."""
        return _key_line(self.text.split("\n")[1:self.body_line - 2], key)


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


def _not_utf8(data: bytes) -> str:
    guess = data.decode("cp1251", errors="replace")
    if len(_CYRILLIC.findall(guess)) > len(guess) // 10:
        return ("the file is not UTF-8: it looks like Windows-1251 (Cyrillic). Open it in your editor "
                "and save it again with the encoding \"UTF-8\"")
    return "the file is not UTF-8 text; save it again with the encoding \"UTF-8\""


def read_source(path: Path) -> tuple[Source | None, list[Problem]]:
    """Read a version file; on any problem return None and the problems."""
    text, problems = decode(path, path.read_bytes())
    if text is None:
        return None, problems
    return parse_source(path, text)


def parse_source(path: Path, text: str) -> tuple[Source | None, list[Problem]]:
    """Split normalised text into front matter and body, and validate the front matter."""
    lines = text.split("\n")
    if lines[0].strip() != _FENCE:
        return None, [error(path, 1, "front-matter",
                            "the file must start with front matter: a line '---', then 'title:' and "
                            "'summary:', then a line '---'")]
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == _FENCE), None)
    if end is None:
        return None, [error(path, 1, "front-matter", "the front matter is not closed by a line '---'")]
    meta, problems = _parse_meta(path, lines[1:end])
    if problems:
        return None, problems
    body = "\n".join(lines[end + 1:])
    return Source(path, text, meta, body, end + 2), []


def _parse_meta(path: Path, lines: list[str]) -> tuple[dict, list[Problem]]:
    try:
        meta = yaml.safe_load("\n".join(lines))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        reason = getattr(exc, "problem", None) or "it is not valid"
        return {}, [error(path, line, "front-matter", f"the front matter is not valid YAML ({reason}); "
                          "a value that contains ': ' must be in double quotes")]
    if not isinstance(meta, dict):
        return {}, [error(path, 2, "front-matter", "the front matter must be lines of the form 'key: value'")]
    problems = [error(path, _key_line(lines, key), "front-matter",
                      f"unknown front matter key '{key}'; only {' and '.join(FRONT_MATTER_KEYS)} are allowed")
                for key in meta if key not in FRONT_MATTER_KEYS]
    problems += [error(path, 1, "front-matter", f"the front matter has no '{key}:' (or it is empty)")
                 for key in FRONT_MATTER_KEYS if not isinstance(meta.get(key), str) or not meta[key].strip()]
    return meta, problems


def _key_line(lines: list[str], key: object) -> int:
    for number, line in enumerate(lines, start=2):
        if line.startswith(f"{key}:"):
            return number
    return 1
