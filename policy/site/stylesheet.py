"""A stylesheet trimmed to what a site uses.

Material's stylesheet styles every component Material offers (138 KB, 23 KB compressed); the
policy's pages use a few of them. A rule stays when one of its selectors may match: every class,
element and exact attribute value it requires occurs in some page, or as a word in a script that
may add it. Then every custom property that nothing reads any more goes. What a selector requires
inside `:not()`, `:is()` and the like is not checked, so a rule goes only when it cannot apply.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Callable, Iterable

NESTED = ("@media", "@supports", "@layer", "@container")
"""At-rules that hold rules, trimmed inside; any other (@keyframes, @font-face) is kept whole."""

_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'|/\*.*?\*/|[{}()\[\];,]|[^"\'{}()\[\];,/]+|/', re.S)
_ATTRIBUTE = re.compile(r'\[\s*([\w-]+)\s*(?:([~|^$*]?=)\s*("[^"]*"|\'[^\']*\'|[^\]\s]+)\s*[is]?\s*)?\]')
_ARGUMENTS = re.compile(r"\([^()]*\)")
_PSEUDO = re.compile(r"::?[\w-]+")
_CLASS = re.compile(r"\.([\w-]+)")
_ID = re.compile(r"#[\w-]+")
_COMBINATOR = re.compile(r"[\s>+~]+")
_READ = re.compile(r"var\(\s*(--[\w-]+)")
_SEPARATORS = ("{", "}", ";", ",")
_START_TAG = re.compile(r"""<[a-zA-Z](?:[^>"']|"[^"]*"|'[^']*')*>""")


@dataclass
class Names:
    """What the pages hold (classes, elements, `name=value` attributes) and the words of the
    scripts, any of which a script may turn into a class, an element or an attribute's value."""

    classes: set[str] = field(default_factory=set)
    elements: set[str] = field(default_factory=set)
    attributes: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)


class _Collector(HTMLParser):
    def __init__(self, names: Names):
        super().__init__()
        self.names = names

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.names.elements.add(tag)
        for name, value in attrs:
            self.names.attributes.add(f"{name}={value or ''}")
            if name == "class" and value:
                self.names.classes.update(value.split())


def used_names(pages: Iterable[str], scripts: Iterable[str]) -> Names:
    """The names in these HTML pages and scripts. Pages of one site repeat their tags: each
    distinct start tag is parsed once, on its own (after `<script>` a parser reads text)."""
    names = Names()
    for tag in sorted({tag for page in pages for tag in _START_TAG.findall(page)}):
        collector = _Collector(names)
        collector.feed(tag)
        collector.close()
    for script in scripts:
        names.words.update(re.findall(r"[\w-]+", script))
    return names


def trim(css: str, names: Names) -> str:
    """`css` without the rules no page can match and the custom properties nothing reads."""
    def matching(prelude: str, block: str) -> str:
        selectors = [selector for selector in _parts(prelude, ",") if _may_match(selector, names)]
        return _rule(",".join(selectors), [block] if selectors else [])

    css = _each_style_rule(css, matching)
    while True:
        read = set(_READ.findall(css))
        trimmed = _each_style_rule(css, lambda prelude, block: _rule(prelude, [
            part for part in _parts(block, ";")
            if part.strip() and (not part.strip().startswith("--") or part.split(":", 1)[0].strip() in read)]))
        if trimmed == css:
            return css
        css = trimmed


def minify(css: str) -> str:
    """`css` without its comments and the spaces that say nothing: runs of white space become one
    space, and none is left beside `{`, `}`, `;` and `,`. Strings stay as they are."""
    tokens = [token if token[0] in "\"'" else re.sub(r"\s+", " ", token) for token in _tokens(css)]
    kept = []
    for index, token in enumerate(tokens):
        if token[0] not in "\"'" and token not in _SEPARATORS:
            if index == 0 or tokens[index - 1] in _SEPARATORS:
                token = token.lstrip()
            if index == len(tokens) - 1 or tokens[index + 1] in _SEPARATORS:
                token = token.rstrip()
        kept.append(token)
    return "".join(kept)


def _tokens(text: str) -> list[str]:
    """Strings, punctuation and the text between them; comments left out."""
    return [token for token in _TOKEN.findall(text) if not token.startswith("/*")]


def _rules(css: str) -> list[tuple[str, str | None]]:
    """The top-level rules of `css` as (prelude, block), and statements (`@charset …;`) as (text, None)."""
    rules, prelude, block, depth = [], [], [], 0
    for token in _tokens(css):
        if token == "{":
            depth += 1
            if depth == 1:
                continue
        elif token == "}":
            depth -= 1
            if depth == 0:
                rules.append(("".join(prelude).strip(), "".join(block)))
                prelude, block = [], []
                continue
        elif token == ";" and depth == 0:
            rules.append(("".join(prelude).strip(), None))
            prelude = []
            continue
        (block if depth else prelude).append(token)
    return rules


def _parts(text: str, separator: str) -> list[str]:
    """`text` split at `separator` where it stands outside strings and brackets."""
    parts, current, depth = [], [], 0
    for token in _tokens(text):
        depth += (token in "([{") - (token in ")]}")
        if token == separator and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(token)
    return parts + ["".join(current)]


def _may_match(selector: str, names: Names) -> bool:
    """Whether every class, element and exact attribute value the selector requires is there."""
    for name, operator, value in _ATTRIBUTE.findall(selector):
        value = value.strip("\"'")
        if operator == "=" and f"{name}={value}" not in names.attributes and value not in names.words:
            return False
    rest = _ATTRIBUTE.sub("", selector)
    while _ARGUMENTS.search(rest):
        rest = _ARGUMENTS.sub("", rest)
    rest = _PSEUDO.sub("", rest)
    if any(name not in names.classes and name not in names.words for name in _CLASS.findall(rest)):
        return False
    rest = _ID.sub("", _CLASS.sub("", rest))
    elements = [compound.lower() for compound in _COMBINATOR.split(rest) if compound and compound != "*"]
    return all(element in names.elements or element in names.words for element in elements)


def _rule(prelude: str, declarations: list[str]) -> str:
    """A style rule, or nothing if it has nothing to declare."""
    return prelude + "{" + ";".join(declarations) + "}" if declarations else ""


def _each_style_rule(css: str, rewrite: Callable[[str, str], str]) -> str:
    """`css` with each style rule, in @media and the like too, as `rewrite(prelude, block)` makes
    it; an at-rule left empty goes, and one that holds no rules (@keyframes) stays as it is."""
    kept = []
    for prelude, block in _rules(css):
        if block is None:
            kept.append(prelude + ";")
        elif prelude.startswith(NESTED):
            inner = _each_style_rule(block, rewrite)
            if inner:
                kept.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@"):
            kept.append(f"{prelude}{{{block}}}")
        else:
            kept.append(rewrite(prelude, block))
    return "".join(kept)
