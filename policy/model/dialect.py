"""The content dialect: the Markdown a version file may use, and the one way it becomes HTML.

Anyone can open a pull request, so content is held to what a policy needs: paragraphs, lists
up to three levels deep, emphasis, and links to clauses (`#p-5-2`) or to `https:`, `mailto:` and
`tel:` addresses. Headings are the format's own (the title and the sections) and plain text.
Everything else (raw HTML, attribute lists, images, quotes, code, other link schemes) is refused
by the check at its line, and the HTML made from content also passes an allow-list sanitizer, so
that a bug in the Markdown parser cannot reach a visitor either.
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Collection, Iterator

import markdown
import nh3

from ..i18n.message import Message, message
from ..rules import FILE_SIZE, LINK, MARKUP, NESTING, PLAIN_TEXT, Rule

ALLOWED_TAGS = frozenset({"p", "ul", "ol", "li", "em", "strong", "a", "br"})
SCHEMES = ("https", "mailto", "tel")
MAX_DEPTH = 3
"""Lists nest at most this deep; brackets too."""
MAX_LENGTH = 5_000
"""A paragraph or list has at most this many characters (a clause has a few hundred): the Markdown
parser's time grows with the square of a fragment's length, so a longer one is refused unparsed."""
_BARE_TEXT_TAGS = {"script", "style", "pre", "h1", "h2", "h3", "h4", "h5", "h6"}
"""Elements removed with their text: anything else the sanitizer removes leaves its text inside a
paragraph or list item, but the text of these would be left bare, outside any element."""
_INDENT = 4
"""Python-Markdown nests a list four spaces (or a tab) deeper."""

_RAW_HTML = re.compile(r"<\s*+(?:/\s*+)?[A-Za-z][\w-]*+(?=[\s/>])|<!--|<!\w|<\?")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*+:[^\s<>]*+)>")
_ATTRIBUTES = re.compile(r"\{[^{}\n]*+\}")
_QUOTE = re.compile(r"^ {0,3}>", re.MULTILINE)
_LEADING_SPACE = re.compile(r"^[ \t]*+", re.MULTILINE)
_REFERENCE = re.compile(r"&(?:#[0-9]++;?|#[xX][0-9A-Fa-f]++;?|[A-Za-z0-9]++;)")
"""A character reference or entity: `&#x202E;`, `&#8203;`, `&nbsp;`; the page would show another
character than the file, which every rule on the text would have to decode first."""
_DEFINITION = re.compile(r"^ {0,3}\[[^\[\]\n]*+\]:", re.MULTILINE)
_ITEM = re.compile(r"^ *+(?:([-*+])|([0-9]++)\.) ", re.MULTILINE)
"""A line that starts a list item, bulleted or numbered."""
_HARD_BREAK = re.compile(r"\S {2,}\n(?=[^\n]*\S)")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*+):")
_IGNORED_IN_URLS = re.compile(r"[\x00-\x20\x7f]")
"""Browsers drop tabs and line breaks anywhere in a URL and controls and spaces around it."""
_LINK_TEXT = re.compile(r"\[[^\[\]\n]*+\]\([^()\[\]\n]*+\)")
"""Every pattern here runs on unparsed text, before its length is known to be within the limits, so
none can backtrack: quantifiers are possessive (`*+`) or stop at their own delimiter."""

_TAG_MESSAGES = {
    "img": message("pictures are not part of the policy (they would be loaded from another site); "
                   "describe it in words"),
    "blockquote": message("quotes (lines starting with '>') are not part of the policy format; "
                          "write a plain paragraph"),
    "pre": message("code blocks are not part of the policy format; a line indented by four spaces makes one: "
                   "remove the indent"),
    "code": message("code (text between `backticks`) is not part of the policy format; remove the backticks"),
    "hr": message("horizontal lines (---, ***) are not part of the policy format; remove the line"),
}
HEADING_MESSAGE = message("headings are only the title ('# …') and the sections ('## 1. …'); a line "
                          "underlined with === or --- makes one too: write a numbered clause instead")


@dataclass(frozen=True)
class Finding:
    """Something outside the dialect, at a character offset of the Markdown it was found in."""

    rule: Rule
    wording: Message
    offset: int = 0

    @property
    def message(self) -> str:
        return self.wording.text()


@dataclass(frozen=True)
class Analysis:
    """A Markdown fragment as the site shows it, what is outside the dialect, and its link targets."""

    html: str
    findings: tuple[Finding, ...]
    links: tuple[tuple[str, int], ...]
    """Each link target as a browser reads it, with its offset in the Markdown."""
    text: str = ""
    """The words a reader sees, with the fragment's line breaks: what the reference and
    mixed-alphabet rules read, after Markdown has decoded and dropped what it does."""


def _markdown() -> markdown.Markdown:
    """Python-Markdown without raw HTML: `<b>` stays text. No extensions: no attribute lists."""
    parser = markdown.Markdown(output_format="html")
    parser.preprocessors.deregister("html_block")
    parser.inlinePatterns.deregister("html")
    return parser


_PARSER = _markdown()


def _keep_attribute(element: str, attribute: str, value: str) -> str | None:
    return value if element == "a" and attribute == "href" and link_problem(value, None) is None else None


def sanitize(fragment: str) -> str:
    """Keep only the dialect's elements and links: the last defence between content and a visitor."""
    return nh3.clean(fragment, tags=set(ALLOWED_TAGS), clean_content_tags=_BARE_TEXT_TAGS,
                     attributes={"a": {"href"}}, url_schemes=set(SCHEMES), attribute_filter=_keep_attribute,
                     link_rel=None, strip_comments=True)


@functools.lru_cache(maxsize=65536)
def analyse(source: str) -> Analysis:
    """Parse a fragment once for both the check and the site (most fragments repeat across versions)."""
    findings = list(_source_findings(source))
    if any(finding.rule is NESTING for finding in findings):
        return Analysis("", tuple(findings), ())  # too deep for the parser to be asked
    _PARSER.reset()
    try:
        rendered = _PARSER.convert(source)
    except RecursionError:
        deep = Finding(NESTING, message("this text is nested too deeply to read; simplify it"))
        return Analysis("", (*findings, deep), ())
    elements = _Elements.read(rendered)
    findings += elements.findings(source) + _list_findings(source, elements.items)
    hrefs = elements.hrefs + [href for href, _ in _PARSER.references.values()]
    links = tuple((browser_url(href), _offset(source, href)) for href in hrefs)
    shown = sanitize(rendered).replace("\n\n", "\n")
    return Analysis(shown, tuple(findings), links, _Text.read(shown))


def check_fragment(source: str, anchors: Collection[str]) -> list[Finding]:
    """Everything in a fragment of a version's Markdown that the dialect does not allow."""
    if len(source) > MAX_LENGTH:
        findings = [*_source_findings(source), _too_long(source)]
        return sorted(dict.fromkeys(findings), key=lambda finding: finding.offset)
    analysis = analyse(source)
    links = [Finding(LINK, problem, offset) for url, offset in analysis.links
             if (problem := link_problem(url, anchors))]
    return sorted(dict.fromkeys([*analysis.findings, *links]), key=lambda finding: finding.offset)


def convert(source: str) -> str:
    """A fragment of a version's Markdown as sanitized HTML."""
    return analyse(source).html


def plain_text_findings(text: str) -> list[Finding]:
    """The title, the summary and headings are plain text: shown as typed, never as markup.

    Only inline markup is looked for ("x " keeps `1. …` from being read as a list)."""
    findings = [finding for finding in _source_findings(text) if finding.rule is MARKUP]
    if len(text) > MAX_LENGTH:
        findings.append(_too_long(text))
    elif "\n" in text.strip():
        findings.append(Finding(PLAIN_TEXT, message("write it as one paragraph, without blank lines")))
    elif not findings and analyse(f"x {text.strip()}").html != f"<p>x {html.escape(text.strip(), quote=False)}</p>":
        findings.append(Finding(PLAIN_TEXT, message("this is plain text, shown exactly as typed: Markdown "
                                                      "(**bold**, [links](…), lists) does not work here; write plain words")))
    return findings


def browser_url(href: str) -> str:
    """A link target as a browser follows it: character references decoded, ignored characters dropped."""
    return _IGNORED_IN_URLS.sub("", html.unescape(href))


def link_problem(url: str, anchors: Collection[str] | None) -> Message | None:
    """Why a link target is refused, or None. `anchors` are the clause anchors it may point to
    (None: any `#p-…` anchor, for the sanitizer, which knows no version)."""
    if url.startswith("#"):
        if anchors is None or url[1:] in anchors:
            return None
        return message("the link '%(url)s' points to a clause that this version does not have; correct the "
                       "number after #p-", url=url)
    scheme = _SCHEME.match(url)
    if scheme and scheme.group(1).lower() in SCHEMES:
        if scheme.group(1).lower() != "https" or url[len("https:"):].startswith("//"):
            return None
    return message("the link '%(url)s' is not allowed: a link goes to a clause ('#p-5-2') or to an address "
                   "starting with %(schemes)s", url=url[:80], schemes=", ".join(s + ":" for s in SCHEMES))


def written_links(text: str) -> Iterator[tuple[int, int]]:
    """The spans of `[text](target)` links already written in Markdown."""
    return (match.span() for match in _LINK_TEXT.finditer(text))


def _too_long(source: str) -> Finding:
    return Finding(FILE_SIZE, message("this text has %(length)s characters; a paragraph or list may have at most "
                                        "%(most)s: split it into clauses", length=f"{len(source):,}",
                                        most=f"{MAX_LENGTH:,}"))


def _offset(source: str, href: str) -> int:
    """Where a link target is written; the fragment's start when it was disguised beyond finding."""
    return max(source.find(href), 0)


def _source_findings(source: str) -> Iterator[Finding]:
    """What is refused as written, before any parsing: markup that could carry code, and nesting."""
    for match in _RAW_HTML.finditer(source):
        yield Finding(MARKUP, message("HTML is not allowed in the policy (found '%(found)s'); write plain text",
                                        found=match.group()), match.start())
    for match in _AUTOLINK.finditer(source):
        if problem := link_problem(browser_url(match.group(1)), None):
            yield Finding(LINK, problem, match.start())
    for match in _ATTRIBUTES.finditer(source):
        yield Finding(MARKUP, message("curly braces are not allowed (found '%(found)s'): they would set "
                                        "attributes of the text; use round brackets", found=match.group()[:40]),
                      match.start())
    for match in _QUOTE.finditer(source):
        yield Finding(MARKUP, _TAG_MESSAGES["blockquote"], match.start())
    for match in _REFERENCE.finditer(source):
        yield Finding(MARKUP, message("'%(found)s' is a character reference: the page would show another character "
                                        "than the file does; type the character itself (or the words)",
                                        found=match.group()[:20]), match.start())
    for match in _DEFINITION.finditer(source):
        yield Finding(MARKUP, message("a link definition ('[name]: address') is shown nowhere on the page; write "
                                        "the address in the link itself: [words](address)"), match.start())
    yield from _broken_link_targets(source)
    for match in _LEADING_SPACE.finditer(source):
        if len(match.group().expandtabs(_INDENT)) >= _INDENT * MAX_DEPTH:
            yield Finding(NESTING, message("lists nest at most %(most)s levels deep (four spaces a level); "
                                             "indent this line less", most=MAX_DEPTH), match.start())
    yield from _bracket_depth(source)


def _broken_link_targets(source: str) -> Iterator[Finding]:
    """A link whose address goes on to the next line: the page would link somewhere else, or not at all."""
    offset = 0
    for line in source.split("\n"):
        opened = line.rfind("](")
        if opened >= 0 and ")" not in line[opened:]:
            yield Finding(LINK, message("the address of this link goes on to the next line; write the whole "
                                          "address on one line, right after '](', and close it with ')'"),
                          offset + opened)
        offset += len(line) + 1


def hard_breaks(text: str) -> Iterator[Finding]:
    """Lines that end in two spaces inside a paragraph: a line break in Markdown, which the site's
    text (one line per paragraph) would drop. The whole body is given: blocks are read without
    the spaces at their lines' ends."""
    for match in _HARD_BREAK.finditer(text):
        yield Finding(MARKUP, message("this line ends in spaces, which in Markdown break the line here; the "
                                        "site does not show such breaks: delete the spaces at the end of the line "
                                        "(or leave an empty line to start a new paragraph)"), match.start() + 1)


def _list_findings(source: str, items: list[tuple[str, int]]) -> list[Finding]:
    """List items the page would show otherwise than written: numbered from another number than
    the page counts (a list always counts 1, 2, 3 … there), bulleted inside a numbered list or the
    other way round, or a line that starts like an item but is shown in the paragraph above."""
    markers = list(_ITEM.finditer(source))
    if len(markers) != len(items):
        where = markers[len(items)].start() if len(markers) > len(items) else 0
        return [Finding(MARKUP, message("this line starts like a list item, but the page shows it as part of the "
                                          "text above: leave an empty line before a list"), where)]
    findings = []
    for marker, (kind, position) in zip(markers, items):
        bullet, number = marker.groups()
        if (kind == "ul") != (bullet is not None):
            findings.append(Finding(MARKUP, message("a list is either bulleted ('- ') or numbered ('1. '): "
                                                      "the page shows this item like the first of its list"),
                                    marker.start()))
        elif number is not None and int(number) != position:
            findings.append(Finding(MARKUP, message("this item is numbered %(written)s, but the page numbers it "
                                                      "%(shown)s: a numbered list counts 1, 2, 3 … from its first "
                                                      "item", written=number, shown=position), marker.start()))
    return findings


def _bracket_depth(source: str) -> Iterator[Finding]:
    depth = 0
    for offset, char in enumerate(source):
        depth = depth + 1 if char == "[" else max(depth - 1, 0) if char in "]\n" else depth
        if depth > MAX_DEPTH:
            yield Finding(NESTING, message("square brackets nest more than %(most)s deep here; remove some",
                                             most=MAX_DEPTH), offset)
            return


class _Elements(HTMLParser):
    """Reads the HTML Python-Markdown made of a fragment: its elements, their depth and links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.tags: list[tuple[str, int]] = []
        self.hrefs: list[str] = []
        self.lists: list[list] = []
        """The open lists, each as [its tag, the number of items so far]."""
        self.items: list[tuple[str, int]] = []
        """Each list item, in order: its list's tag and its position in that list, from 1."""
        self.titled: list[str] = []
        self.empty_links: list[str] = []
        self.link_text: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("ul", "ol"):
            self.lists.append([tag, 0])
        elif tag == "li" and self.lists:
            self.lists[-1][1] += 1
            self.items.append((self.lists[-1][0], self.lists[-1][1]))
        self.tags.append((tag, len(self.lists)))
        href = next((value for name, value in attrs if name == "href" and value is not None), None)
        self.hrefs += [href] if href is not None else []
        if tag == "a":
            self.link_text = ""
            self.titled += [href or ""] if any(name == "title" for name, _ in attrs) else []

    def handle_data(self, data: str) -> None:
        if self.link_text is not None:
            self.link_text += data

    def handle_charref(self, name: str) -> None:  # Python-Markdown writes e-mail addresses as references
        self.handle_data(html.unescape(f"&#{name};"))

    def handle_entityref(self, name: str) -> None:
        self.handle_data(html.unescape(f"&{name};"))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        elif tag == "a" and self.link_text is not None:
            self.empty_links += [self.hrefs[-1] if self.hrefs else ""] if not self.link_text.strip() else []
            self.link_text = None

    @classmethod
    def read(cls, fragment: str) -> _Elements:
        parser = cls()
        parser.feed(fragment)
        parser.close()
        return parser

    def findings(self, source: str) -> list[Finding]:
        """Elements outside the dialect; `source` is the Markdown, to place a picture."""
        findings = []
        for tag, depth in self.tags:
            if depth > MAX_DEPTH:
                findings.append(Finding(NESTING, message("lists nest at most %(most)s levels deep; indent less",
                                                           most=MAX_DEPTH)))
            if tag in ALLOWED_TAGS or (tag == "code" and ("pre", depth) in self.tags):
                continue
            wording = HEADING_MESSAGE if re.fullmatch(r"h[1-6]", tag) else _TAG_MESSAGES.get(tag) or message(
                "this markup ('<%(tag)s>') is not part of the policy format; write plain text", tag=tag)
            findings.append(Finding(MARKUP, wording, max(source.find("!["), 0) if tag == "img" else 0))
        findings += [Finding(LINK, message("this link has a title (the words in quotes after its address), "
                                             "which the page shows nowhere; remove it"), _offset(source, href))
                     for href in self.titled]
        findings += [Finding(LINK, message("this link has no words to click, so the page shows nothing here; "
                                             "write them between the square brackets"), _offset(source, href))
                     for href in self.empty_links]
        return findings


class _Text(HTMLParser):
    """The text of sanitized HTML as a reader sees it, keeping the fragment's lines: a list item
    starts a line, and the line breaks between a list's tags are not the reader's."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.open.append(tag)
        if tag == "li" and self.pieces and not self.pieces[-1].endswith("\n"):
            self.pieces.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag):]

    def handle_data(self, data: str) -> None:
        if not (data.isspace() and self.open and self.open[-1] in ("ul", "ol", "li")):
            self.pieces.append(data)

    @classmethod
    def read(cls, fragment: str) -> str:
        parser = cls()
        parser.feed(fragment)
        parser.close()
        return "".join(parser.pieces).strip("\n")
