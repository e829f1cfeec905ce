"""A version file's front matter: `title:` and `summary:` (and `corrects: [kk]`), read as YAML
that is only ever text, and exactly the text it shows.

YAML can show one thing and mean another: `!foo bar` is "bar", `title: A # B` is "A", an escape
in double quotes (`"\\u202e"`, `"\\e[2J"`) is a character the file does not show. The values are
published (in every page's title, versions.json, the feeds), so only plain and quoted scalars
are read, without tags, anchors, aliases or comments, and the invisible-character rule runs on
each decoded value as well as on the file.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..problem import Problem, error
from ..rules import FILE_SIZE, FRONT_MATTER, INVISIBLE_CHARACTER
from .characters import hidden_characters

KEYS = ("title", "summary")
CORRECTS = "corrects"
"""The optional key of a version that only corrects translations: `corrects: [kk]`."""
MAX_CHARACTERS = 12_000
"""The front matter is read only up to this size: a title and a summary of at most 5,000
characters each (dialect.MAX_LENGTH), their keys and quotes. YAML is parsed in Python, and a
longer front matter is a mistake or an attack."""
FIRST_LINE = 2
"""The file line of the front matter's first line, after the opening `---`."""
_QUOTED = ("'", '"')


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
    if len(text) > MAX_CHARACTERS:
        return {}, {}, [error(path, text.count("\n", 0, MAX_CHARACTERS) + FIRST_LINE, FILE_SIZE,
                              "the front matter is longer than %(most)s characters: it holds only 'title:' "
                              "and 'summary:', each one paragraph", most=f"{MAX_CHARACTERS:,}")]
    node, meta, problems = _compose(path, text)
    if problems:
        return {}, {}, problems
    if not isinstance(meta, dict) or not isinstance(node, yaml.MappingNode):
        return {}, {}, [error(path, FIRST_LINE, FRONT_MATTER, "the front matter must be lines of the form "
                              "'key: value'")]
    lines = {key.value: key.start_mark.line + FIRST_LINE for key, _ in node.value}
    problems = _shape(path, meta, lines) + _written(path, text)
    problems += [problem for key, value in node.value if key.value in KEYS and isinstance(value, yaml.ScalarNode)
                 for problem in _value(path, key.value, value, text)]
    return meta, lines, problems


def _compose(path: Path, text: str) -> tuple[yaml.Node | None, object, list[Problem]]:
    """The YAML node and its value, or the problem that stops it being read."""
    loader = None
    try:
        loader = _Loader(text)  # its reader refuses control characters at once
        node = loader.get_single_node()
        return node, loader.construct_document(node) if node else None, []
    except _TwiceError as exc:
        return None, None, [error(path, exc.problem_mark.line + FIRST_LINE, FRONT_MATTER,
                                  "the key '%(key)s' is given twice; keep one", key=exc.key)]
    except yaml.YAMLError as exc:
        mark, position = getattr(exc, "problem_mark", None), getattr(exc, "position", None)
        line = (mark.line + FIRST_LINE if mark else text.count("\n", 0, position) + FIRST_LINE
                if position is not None else 1)
        reason = getattr(exc, "problem", None) or getattr(exc, "reason", None) or "it is not valid"
        return None, None, [error(path, line, FRONT_MATTER, "the front matter is not valid (%(reason)s); "
                                  "write one 'key: value' a line, and put a value that contains ': ' in double "
                                  "quotes", reason=reason)]
    except RecursionError:  # brackets or braces nested thousands deep: YAML reads nesting recursively
        return None, None, [error(path, FIRST_LINE, FRONT_MATTER, "the front matter is nested too deeply to "
                                  "read; write one 'key: value' a line, with plain text as the value")]
    finally:
        if loader is not None:
            loader.dispose()


def _shape(path: Path, meta: dict, lines: dict[str, int]) -> list[Problem]:
    """Only the known keys, each with a value of its kind, title and summary not blank."""
    problems = [error(path, lines[key], FRONT_MATTER,
                      "unknown front matter key '%(key)s'; only title and summary are allowed (and "
                      "'corrects: [kk]' for a version that only corrects translations): remove it", key=key)
                for key in meta if key not in (*KEYS, CORRECTS)]
    if CORRECTS in meta and not (isinstance(meta[CORRECTS], list) and meta[CORRECTS]
                                 and all(isinstance(lang, str) for lang in meta[CORRECTS])):
        problems.append(error(path, lines[CORRECTS], FRONT_MATTER,
                              "'corrects:' lists the corrected languages in square brackets, like [kk] or [kk, en]"))
    problems += [error(path, lines[key], FRONT_MATTER,
                       "'%(key)s:' must be text on the same line, not a list or nested keys", key=key)
                 for key in KEYS if key in meta and not isinstance(meta[key], str)]
    problems += [error(path, lines.get(key, 1), FRONT_MATTER, "the front matter has no '%(key)s:' (or it is "
                       "empty); add it", key=key)
                 for key in KEYS if not isinstance(meta.get(key, ""), str) or not meta.get(key, "").strip()]
    return problems


def _written(path: Path, text: str) -> list[Problem]:
    """What YAML reads but never shows: tags, anchors, aliases, directives and comments."""
    problems, end = [], 0
    for token in yaml.scan(text, Loader=_Loader):
        start = token.start_mark.index
        if "#" in text[end:start]:  # between tokens there is only white space, and comments
            line = text.count("\n", 0, text.index("#", end, start)) + FIRST_LINE
            problems.append(error(path, line, FRONT_MATTER, "a comment ('# …') in the front matter is "
                                  "published in the file but shown nowhere: remove it (put a value that "
                                  "contains ' #' in double quotes)"))
        if isinstance(token, (yaml.TagToken, yaml.AnchorToken, yaml.AliasToken, yaml.DirectiveToken)):
            problems.append(error(path, token.start_mark.line + FIRST_LINE, FRONT_MATTER,
                                  "'%(found)s' is YAML syntax that changes or repeats a value instead of showing "
                                  "it (a tag, an anchor or an alias): write the value itself as plain text",
                                  found=text[start:token.end_mark.index][:40]))
        end = max(end, token.end_mark.index)
    return problems


def _value(path: Path, key: str, node: yaml.ScalarNode, text: str) -> list[Problem]:
    """A title or summary is a plain or quoted scalar, and what its escapes decode to is visible."""
    line, column = node.start_mark.line + FIRST_LINE, node.start_mark.column + 1
    if node.style not in (None, *_QUOTED):
        return [error(path, line, FRONT_MATTER, "'%(key)s:' is written as a block ('|' or '>'): write the "
                      "text on the line of '%(key)s:', in double quotes when it contains ': '", key=key)]
    written = text[node.start_mark.index:node.end_mark.index]
    return [error(path, line, INVISIBLE_CHARACTER, "an escape in '%(key)s:' makes an invisible character, "
                  "%(name)s: it would change what the title or summary means without showing it. Delete it",
                  column, key=key, name=hidden.name)
            for hidden in hidden_characters(node.value) if hidden.char not in written]
