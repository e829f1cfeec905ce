"""Property tests: whatever text content holds, what reaches a page is inert.

Text is built from the fragments attacks are made of (tags, brackets, entities, schemes, attribute
lists, quotes, escapes, control characters, line breaks) and used as a clause's text, a heading,
a title and a summary. No check runs first: these are the sanitizer's and the escaper's own
guarantees, which must hold even for text the check would refuse. A generated page's body is what
the browser gets: the renderer wraps it and parses nothing (docs/architecture.md).
"""

from __future__ import annotations

import dataclasses
import html
import datetime
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policy.model import dialect

from policy.site import outline
from policy.model.clause import parse_document
from policy.i18n.locale import load_locale
from policy.site.pages import PageMaker
from policy.site.text import unit_html
from policy.model.version import load_policy

ROOT = Path(__file__).resolve().parent.parent
FRAGMENTS = [
    "<", ">", "</", "<!--", "-->", "<?", "<!", "[", "]", "](", "(", ")", "![", "]:", "javascript:", "JaVaScRiPt:",
    "java\tscript:", "vbscript:", "data:text/html,", "&#106;", "&#x6A;", "&#X6a;", "&#58;", "&colon;", "&#9;",
    "&#123;", "&#125;", "&#91;", "&#93;", "&#40;", "&#41;", "&#60;", "&lt;", "&gt;", "&amp;", "&", ";", "{", "}",
    "{:", "{#", "{.", "on", "onclick", "onerror", "onfocus", "autofocus", "tabindex", "style", "=", '"', "'", "!",
    "*", "**", "_", "`", "```", "~", "\\", "#", "## ", "\n", "\n\n", "\n    ", "\n\n    ", "\n        ", " ", "  ",
    "    ",
    "\t", "\x00", "\x01", "\x02", "\x03", "\x0b", "\x0c", "\u200b", "\u202e", "a", "x", "img", "script", "svg",
    "src", "href", "//", "https:", "https://a.example", "mailto:", "tel:", "#p-1", "-", "- ", "1. ", "9.1. ",
    "> ", "---", "===", "***", "!!! note ", "[TOC]", "п. 8.2", "clause 1", "8.2-тармақ", "<https://a.example>",
    "<a@b.example>", "<x:y>", "wzxhzdk:0", "&para;", "\u00a0", "й",
]
URLS = ["javascript:x()", "JAVASCRIPT:x()", "&#106;avascript:x()", "&#x6A;avascript:x()", "java&#9;script:x()",
        "java\tscript:x()", "\x01javascript:x()", "javascript&colon;x()", " javascript:x()", "vbscript:x",
        "data:text/html,<script>x()</script>", "//evil.example", "http://evil.example", "https:evil.example",
        "https://a.example", "#p-1", "#p-9", "mailto:a@b.example", "tel:+7", "nothing.md", "<javascript:x()>"]
ATTRIBUTES = [': onclick="x()"', "onfocus=x() autofocus tabindex=1", ": #p-1", ".md-button", 'style="inset:0"',
              ': href="javascript:x()"', ' onmouseover="x()" ']
words = st.sampled_from(FRAGMENTS)
short = st.lists(st.one_of(words, st.text(max_size=2)), max_size=4).map("".join)
attribute_list = st.sampled_from(ATTRIBUTES).map(lambda attributes: "{" + attributes + "}")
structured = st.one_of(
    st.builds("[{}]({})".format, short, st.sampled_from(URLS)),
    st.builds("![{}]({})".format, short, st.sampled_from(URLS)),
    st.builds("\n\n[r]: {}\n\n[x][r] ![y][r]".format, st.sampled_from(URLS)),
    st.sampled_from(URLS).map("<{}>".format),
    st.builds("{}{}".format, st.sampled_from(["*x*", "**x**", "_x_", "[x](#p-1)", "x", "\n"]), attribute_list),
    st.builds("<{} {}>".format, st.sampled_from(["img", "svg", "script", "a", "iframe", "p", "details", "SCRIPT", "b"]),
              st.sampled_from(["src=x onerror=x()", "onload=x()", 'href="javascript:x()"', "open ontoggle=x()"])),
    st.sampled_from(["\n\n    ", "\n\n> ", "\n\n# ", "\n\n### ", "\n\n- ", "\n===\n", "\n---\n",
                     "\n\n```\n", "\n\n!!! note\n    ", "\n#"]),
)
"""Whole pieces of attacks: links to script URLs, attribute lists after emphasis, tags with handlers,
the starts of blocks the dialect refuses (code, quotes, headings, admonitions)."""
ENTITIES = {"[": "&#91;", "]": "&#93;", "(": "&#40;", ")": "&#41;", "{": "&#123;", "}": "&#125;", "<": "&#60;",
            ">": "&#62;", "j": "&#106;", ":": "&#58;"}
encoded = structured.map(lambda piece: "".join(ENTITIES.get(char, char) for char in piece))
texts = st.lists(st.one_of(words, st.text(max_size=3), structured, encoded), max_size=30).map("".join)
"""The fragments and pieces attacks are made of, in any order, with arbitrary characters between."""

HEADINGS = {f"h{level}" for level in range(1, 7)}
SAFE_URL = re.compile(r"^(#[\w-]*|https://[^\s]*|mailto:[^\s]*|tel:[^\s]*)$")


class Elements(HTMLParser):
    """Every element of an HTML fragment, with its attributes, as a browser would tokenize them."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def unsafe(html: str, tags: set[str], attributes: dict[str, set[str]], urls: re.Pattern = SAFE_URL) -> list[str]:
    """What in `html` is outside the elements and attributes given, a handler or a URL not matching `urls`."""
    found = []
    for tag, attrs in Elements(html).elements:
        if tag not in tags:
            found.append(f"<{tag}>")
        for name, value in attrs.items():
            if name.startswith("on") or name not in attributes.get(tag, set()):
                found.append(f"<{tag} {name}={value!r}>")
            if name == "href" and not urls.match(dialect.browser_url(value or "")):
                found.append(f"<{tag} href={value!r}>")
    return found


FRAGMENT_ATTRIBUTES = {"a": {"href"}}
PAGE_TAGS = set(dialect.ALLOWED_TAGS) | HEADINGS
PAGE_ATTRIBUTES = {"a": {"href", "class", "title"}, "p": {"id"}, **{h: {"id"} for h in HEADINGS}}
"""A generated clause: the dialect's elements, and the anchors and permalinks code adds."""


def without_empty_headings(text: str) -> str:
    """A line of only `#` marks makes a heading with no words: the check refuses it wherever the pages
    would show it (and text.unit_html cannot split it), so it is not part of these properties."""
    return re.sub(r"(?m)^(#{1,6})[^\S\n]*$", r"\1 x", text)


def clause_units(text: str):
    """The units a version would have with `text` as clause 9.1's words (it may start more blocks)."""
    text = without_empty_headings(text)
    document = parse_document(f"# Title\n\nIntro\n\n## 9. SECTION\n\n9.1. {text}\n\n9.2. End")
    return document.all_units


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_rendered_fragments_are_only_the_dialect(text):
    fragment = dialect.convert(text)
    assert unsafe(fragment, set(dialect.ALLOWED_TAGS), FRAGMENT_ATTRIBUTES) == [], (text, fragment)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.sampled_from(["ru", "kk", "en"]))
def test_clauses_stay_inert_through_the_renderer(text, lang):
    for unit in clause_units(text):
        for page in (unit_html(unit, lang, "¶"), unit_html(unit, lang)):
            assert unsafe(page, PAGE_TAGS, PAGE_ATTRIBUTES) == [], (text, page)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_a_heading_shows_its_text_exactly_as_typed(text):
    """Headings (a section's, a version's title), written by code around plain text: the words,
    never markup."""
    page = outline.heading(2, "p-1", text, "¶")
    assert unsafe(page, {"h2", "a"}, {"a": {"href", "class", "title"}, "h2": {"id"}}) == [], (text, page)
    words = page.removeprefix('<h2 id="p-1">').partition('<a class="headerlink"')[0]
    assert html.unescape(words) == text, page


@pytest.fixture(scope="module")
def maker():
    """Pages of the frozen policy, whose Russian text each example replaces."""
    policy, problems = load_policy(ROOT / "tests" / "fixtures" / "policy")
    assert not [problem for problem in problems if problem.is_error]
    locale, _ = load_locale(ROOT / "theme" / "locales", "ru")

    def pages(title: str, summary: str, heading: str, text: str):
        date = policy.dates[0]
        version = policy.get("ru", date)
        source = dataclasses.replace(
            version.source, meta={"title": title, "summary": summary},
            body=f"\n# {heading}\n\nIntro {text}\n\n## 1. {heading}\n\n1.1. {text}\n\n1.2. End\n")
        versions = {**policy.versions, "ru": {date: dataclasses.replace(version, source=source)}}
        return PageMaker(dataclasses.replace(policy, versions=versions), locale, datetime.date(2026, 11, 25),
                         ROOT / "theme" / "pages", "https://allurauto.kz/policy/").pages()
    return pages


PAGE_LINKS = re.compile(rf"{SAFE_URL.pattern}|^(\./|(\.\./)*([\w-]+/)*([\w-]+\.(md|xml))?)(#[\w-]+)?$")
"""The links the templates write between pages: addresses relative to the page."""
PAGE_LEVEL_TAGS = PAGE_TAGS | {"div", "span", "code", "ins", "del", "details", "summary", "label", "input",
                               "script"}
PAGE_LEVEL_ATTRIBUTES = {**PAGE_ATTRIBUTES, "div": {"class", "id", "lang", "hidden", "role"},
                         "span": {"class", "lang"}, "p": {"id", "class", "lang"},
                         "a": {"href", "class", "title", "type"}, "details": {"class"}, "label": {"for"},
                         "input": {"type", "id"}, "script": {"src", "type", "id", "defer"}}
TEMPLATE_CLASSES = {"admonition", "info", "warning", "note", "admonition-title", "redline", "visually-hidden",
                    "headerlink", "print-only", "other-languages", "redline-language", "in-force", "parallel",
                    "parallel-row", "parallel-head", "parallel-cell", "parallel-language", "nowrap",
                    "in-force-without-script"}
"""What the page templates and the renderer mark; content can add no class of its own."""
SCRIPTS = [{"type": "application/json", "id": "in-force-data"}, {"src": "../../assets/in-force.js", "defer": None}]
"""The history's date field: its script, a file, and its answers as JSON data."""
CODE = re.compile(r"[0-9a-f]{64}|(sha256sum|shasum -a 256|Get-FileHash) [0-9]{4}-[0-9]{2}-[0-9]{2}\.md")
"""What the templates show as code: a SHA-256, and the commands that check one."""


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(texts, min_size=3, max_size=3))
def test_whole_pages_stay_inert(maker, texts):
    """A title, a summary and a text (and the text on one line as headings) as the home page, the
    history, the version, its changes and its three languages side by side show them."""
    title, summary, text = texts[0], texts[1], without_empty_headings(texts[2])
    heading = " ".join(text.split()) or "x"
    for page in maker(" ".join(title.split()) or "x", " ".join(summary.split()) or "x", heading, text):
        shown = page.body
        assert unsafe(shown, PAGE_LEVEL_TAGS, PAGE_LEVEL_ATTRIBUTES, PAGE_LINKS) == [], (page.url, texts, shown)
        classes = {name for _, attrs in Elements(shown).elements for name in (attrs.get("class") or "").split()}
        assert classes <= TEMPLATE_CLASSES, (page.url, texts, classes - TEMPLATE_CLASSES)
        for code in re.findall(r"<code>(.*?)</code>", shown, re.S):
            assert CODE.fullmatch(code), (page.url, texts, code)
        scripts = [attrs for tag, attrs in Elements(shown).elements if tag == "script"]
        assert scripts in ([], SCRIPTS), (page.url, texts, scripts)
        for data in re.findall(r'<script type="application/json"[^>]*>(.*?)</script>', shown, re.S):
            assert "<" not in data and json.loads(data), (page.url, texts)
