"""The hostile corpus: content trees an attacker could send in a pull request, one broken thing each.

Every case starts from a copy of the frozen policy (`tests/fixtures/policy`, one version,
2026-11-24), applies one mutation, and names the errors that must be among those the check
reports: `(file relative to the tree, line, rule)`; the tree itself is `"."`. `WARNED` cases
are accepted with a warning; `ACCEPTED` trees are legal but look like attacks, and their site is
scanned for anything executable (see test_hostile.py).

Line numbers are looked up in the fixture, so a correction to its wording does not break them;
all three languages have their numbered units on the same lines.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "policy"
FIRST = "2026-11-24.md"
LANGS = ("ru", "kk", "en")

Mutation = Callable[[Path], None]
Expected = tuple[str, int, str]


def version_file(lang: str) -> str:
    return f"{lang}/{FIRST}"


def _text(lang: str) -> str:
    return (FIXTURE / lang / FIRST).read_text(encoding="utf-8")


def line_of(lang: str, start: str) -> int:
    """The number of the fixture's first line of `lang` that starts with `start`."""
    lines = _text(lang).split("\n")
    return next(number for number, line in enumerate(lines, start=1) if line.startswith(start))


TITLE, SUMMARY = 2, 3
"""Front matter lines of every fixture file."""
HEADING = line_of("en", "# ")
"""The body's `# title`."""
INTRO = HEADING + 2
SECTION_9 = line_of("en", "## 9. ")
C81, C91, C93, C94 = (line_of("en", f"{n} ") for n in ("8.1.", "9.1.", "9.3.", "9.4."))
C621 = line_of("en", "6.2.1. ")


# Mutations: each returns a function that edits a tree in place.

def replace(lang: str, old: str, new: str) -> Mutation:
    """Replace the first `old` in the language's version file."""
    def mutate(tree: Path) -> None:
        path = tree / version_file(lang)
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {path}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return mutate


def in_clause(lang: str, number: str, payload: str) -> Mutation:
    """Put `payload` right after a clause's number: `9.1. <payload> The Site ...`."""
    return replace(lang, f"\n{number} ", f"\n{number} {payload} ")


def after_clause(lang: str, number: str, extra: str) -> Mutation:
    """Append `extra` to the end of a clause's line (it may start new lines or blocks)."""
    def mutate(tree: Path) -> None:
        path = tree / version_file(lang)
        lines = path.read_text(encoding="utf-8").split("\n")
        index = next(i for i, line in enumerate(lines) if line.startswith(f"{number} "))
        lines[index] += extra
        path.write_text("\n".join(lines), encoding="utf-8")
    return mutate


def front(lang: str, key: str, value: str) -> Mutation:
    """Set a front matter line to `key: value` (the value as written, YAML syntax and all)."""
    def mutate(tree: Path) -> None:
        path = tree / version_file(lang)
        lines = path.read_text(encoding="utf-8").split("\n")
        index = next(i for i, line in enumerate(lines) if line.startswith(f"{key}: "))
        lines[index] = f"{key}: {value}" if value else key + ":"
        path.write_text("\n".join(lines), encoding="utf-8")
    return mutate


def front_matter(lang: str, block: str) -> Mutation:
    """Replace the whole front matter (between and without the `---` lines) by `block`."""
    def mutate(tree: Path) -> None:
        path = tree / version_file(lang)
        body = path.read_text(encoding="utf-8").split("---\n", 2)[2]
        path.write_text(f"---\n{block}\n---\n{body}", encoding="utf-8")
    return mutate


def write(relative: str, data: str | bytes) -> Mutation:
    def mutate(tree: Path) -> None:
        path = tree / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return mutate


def recode(lang: str, transform: Callable[[str], bytes]) -> Mutation:
    def mutate(tree: Path) -> None:
        path = tree / version_file(lang)
        path.write_bytes(transform(path.read_text(encoding="utf-8")))
    return mutate


def mkdir(relative: str, with_file: str | None = None) -> Mutation:
    def mutate(tree: Path) -> None:
        (tree / relative).mkdir(parents=True)
        if with_file:
            shutil.copy(tree / version_file("ru"), tree / relative / with_file)
    return mutate


def symlink(relative: str, target: str, replace_it: bool = False) -> Mutation:
    """A symbolic link at `relative` to `target` (relative to the link's folder)."""
    def mutate(tree: Path) -> None:
        path = tree / relative
        if replace_it:
            shutil.rmtree(path) if path.is_dir() else path.unlink()
        os.symlink(target, path)
    return mutate


def mkfifo(relative: str) -> Mutation:
    return lambda tree: os.mkfifo(tree / relative)


def remove(relative: str) -> Mutation:
    def mutate(tree: Path) -> None:
        path = tree / relative
        shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()
    return mutate


def empty_tree(tree: Path) -> None:
    for child in tree.iterdir():
        shutil.rmtree(child)


def new_version(date: str, old: str, new: str) -> Mutation:
    """A second version, `date`, in every language: the first with `old` replaced by `new`."""
    def mutate(tree: Path) -> None:
        for lang in LANGS:
            text = (tree / version_file(lang)).read_text(encoding="utf-8")
            assert old in text
            (tree / lang / f"{date}.md").write_text(text.replace(old, new, 1), encoding="utf-8")
    return mutate


def every(*mutations: Mutation) -> Mutation:
    def mutate(tree: Path) -> None:
        for mutation in mutations:
            mutation(tree)
    return mutate


def nested_list(depth: int) -> str:
    """A list nested `depth` levels deep by indentation, starting on a new block."""
    return "\n\n" + "\n".join(" " * (4 * level) + f"- level {level}" for level in range(depth))


# The cases.

@dataclass(frozen=True)
class Case:
    name: str
    file: str
    """The file the mutation is about, relative to the tree."""
    mutate: Mutation
    expected: tuple[Expected, ...]
    """Each must be among the check's errors (for WARNED: among its warnings)."""

    def __str__(self) -> str:
        return self.name


def case(name: str, file: str, mutate: Mutation, *expected: Expected) -> Case:
    return Case(name, file, mutate, expected or ((file, 1, "layout"),))


RU, KK, EN = (version_file(lang) for lang in LANGS)
HANDLER = '**п. 8.2**{tabindex=1 autofocus onfocus="alert(1)"}'

ATTRIBUTE_LISTS = [
    case("summary-attribute-list-handler", RU, front("ru", "summary", f"Первая редакция {HANDLER}"),
         (RU, SUMMARY, "markup")),
    case("clause-attribute-list-handler", RU, in_clause("ru", "8.1.", HANDLER), (RU, C81, "markup")),
    case("emphasis-onclick", EN, in_clause("en", "9.1.", "*x*{onclick=alert(1)}"), (EN, C91, "markup")),
    case("link-href-attribute", EN, in_clause("en", "9.1.", '[x](#p-9-2){href="javascript:alert(1)"}'),
         (EN, C91, "markup")),
    case("style-attribute", EN, in_clause("en", "9.1.", '**x**{style="position:fixed;inset:0"}'),
         (EN, C91, "markup")),
    case("inline-id", EN, in_clause("en", "9.1.", "*x*{: #p-9-2 }"), (EN, C91, "markup")),
    case("section-heading-attribute-list", EN,
         replace("en", "## 9. ADDITIONAL TERMS", "## 9. ADDITIONAL TERMS {: #evil onclick=alert(1) }"),
         (EN, SECTION_9, "markup")),
    case("title-heading-attribute-list", EN, replace("en", "\n# Public Offer", "\n# {: onclick=alert(1) } Public Offer"),
         (EN, HEADING, "markup")),
    case("link-attribute-list", EN, in_clause("en", "9.1.", "[x](https://allurauto.kz){: .md-button onclick=alert(1) }"),
         (EN, C91, "markup")),
    case("block-attribute-list-line", EN, after_clause("en", "9.1.", '\n{: onmouseover="alert(1)" }'),
         (EN, C91 + 1, "markup")),
    case("front-matter-title-attribute-list", EN, front("en", "title", "Policy{onmouseover=alert(1)}"),
         (EN, TITLE, "markup")),
]

LINKS = [
    case("link-entity-j", EN, in_clause("en", "9.1.", "[x](&#106;avascript:alert(1))"), (EN, C91, "link")),
    case("link-hex-entity-j", EN, in_clause("en", "9.1.", "[x](&#x6A;avascript:alert(1))"), (EN, C91, "link")),
    case("link-tab-entity", EN, in_clause("en", "9.1.", "[x](java&#9;script:alert(1))"), (EN, C91, "link")),
    case("link-colon-entity", EN, in_clause("en", "9.1.", "[x](javascript&colon;alert(1))"), (EN, C91, "link")),
    case("link-control-prefix", EN, in_clause("en", "9.1.", "[x](\x01javascript:alert(1))"),
         (EN, C91, "link"), (EN, C91, "invisible-character")),
    case("link-upper-case", EN, in_clause("en", "9.1.", "[x](JAVASCRIPT:alert(1))"), (EN, C91, "link")),
    case("link-vbscript", EN, in_clause("en", "9.1.", "[x](vbscript:msgbox(1))"), (EN, C91, "link")),
    case("link-data-html", EN, in_clause("en", "9.1.", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"),
         (EN, C91, "link")),
    case("link-protocol-relative", EN, in_clause("en", "9.1.", "[x](//evil.example)"), (EN, C91, "link")),
    case("link-http", EN, in_clause("en", "9.1.", "[x](http://evil.example)"), (EN, C91, "link")),
    case("link-https-without-slashes", EN, in_clause("en", "9.1.", "[x](https:evil.example)"), (EN, C91, "link")),
    case("link-relative-file", EN, in_clause("en", "9.1.", "[x](nothing.md)"), (EN, C91, "link")),
    case("link-missing-clause", EN, in_clause("en", "9.1.", "[x](#p-99)"), (EN, C91, "link")),
    case("link-entity-hash-missing-clause", EN, in_clause("en", "9.1.", "[x](&#35;p-99)"), (EN, C91, "link")),
    case("link-anchor-breaking-out", EN, in_clause("en", "9.1.", '[x](#p-9-2" onclick="alert(1))'), (EN, C91, "link")),
    case("link-split-over-lines", EN, in_clause("en", "9.1.", "[x](java\nscript:alert(1))"), (EN, C91, "link")),
    case("reference-definition-used", EN, after_clause("en", "9.1.", " [click][e]\n[e]: javascript:alert(1)"),
         (EN, C91 + 1, "link")),
    case("reference-definition-unused", EN, after_clause("en", "9.1.", "\n\n[e]: javascript:alert(1)"),
         (EN, C91 + 2, "link")),
    case("reference-definition-angle-brackets", EN, after_clause("en", "9.1.", "\n\n[e]: <javascript:alert(1)>"),
         (EN, C91 + 2, "link")),
    case("autolink-javascript", EN, in_clause("en", "9.1.", "<javascript:alert(1)>"), (EN, C91, "link")),
    case("autolink-mixed-case", EN, in_clause("en", "9.1.", "<JaVaScRiPt:alert(1)>"), (EN, C91, "link")),
    case("autolink-http", EN, in_clause("en", "9.1.", "<http://evil.example>"), (EN, C91, "link")),
    case("link-in-summary", EN, front("en", "summary", "See [this](javascript:alert(1))"), (EN, SUMMARY, "plain-text")),
    case("link-in-section-heading", EN, replace("en", "## 9. ADDITIONAL TERMS", "## 9. [TERMS](javascript:alert(1))"),
         (EN, SECTION_9, "plain-text")),
]

RAW_HTML = [
    case("script", EN, in_clause("en", "9.1.", "<script>alert(1)</script>"), (EN, C91, "markup")),
    case("img-onerror", EN, in_clause("en", "9.1.", "<img src=x onerror=alert(1)>"), (EN, C91, "markup")),
    case("svg-onload", EN, in_clause("en", "9.1.", "<svg onload=alert(1)>"), (EN, C91, "markup")),
    case("iframe", EN, in_clause("en", "9.1.", '<iframe src="https://evil.example"></iframe>'), (EN, C91, "markup")),
    case("comment", EN, in_clause("en", "9.1.", "<!-- hidden from the reviewer -->"), (EN, C91, "markup")),
    case("anchor-tag", EN, in_clause("en", "9.1.", '<a href="https://evil.example">x</a>'), (EN, C91, "markup")),
    case("closing-p", EN, in_clause("en", "9.1.", "</p>"), (EN, C91, "markup")),
    case("style", EN, in_clause("en", "9.1.", "<style>body{display:none}</style>"), (EN, C91, "markup")),
    case("upper-case-script", EN, in_clause("en", "9.1.", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>"),
         (EN, C91, "markup")),
    case("tag-split-over-lines", EN, after_clause("en", "9.1.", " <img\nsrc=x\nonerror=alert(1)>"), (EN, C91, "markup")),
    case("details-ontoggle", EN, in_clause("en", "9.1.", "<details open ontoggle=alert(1)>"), (EN, C91, "markup")),
    case("doctype-and-processing-instruction", EN, in_clause("en", "9.1.", "<!DOCTYPE html><?xml x?>"),
         (EN, C91, "markup")),
    case("math-mutation", EN, in_clause("en", "9.1.", "<math><mtext></p><img src=x onerror=alert(1)>"),
         (EN, C91, "markup")),
    case("html-in-section-heading", EN, replace("en", "## 9. ADDITIONAL TERMS", "## 9. <b>ADDITIONAL</b> TERMS"),
         (EN, SECTION_9, "markup")),
    case("html-in-summary", EN, front("en", "summary", "</title><script>alert(1)</script>"), (EN, SUMMARY, "markup")),
    case("html-in-title", EN, front("en", "title", "<img src=x onerror=alert(1)>"), (EN, TITLE, "markup")),
    case("html-in-introduction", EN, replace("en", "\nThis Personal Data", "\n<marquee>This Personal Data"),
         (EN, INTRO, "markup")),
]

PICTURES = [
    case("image", EN, in_clause("en", "9.1.", "![x](https://other.host/x.png)"), (EN, C91, "markup")),
    case("reference-image", EN, after_clause("en", "9.1.", " ![x][img]\n[img]: https://other.host/x.png"),
         (EN, C91, "markup")),
    case("image-in-title", EN, front("en", "title", "Policy ![x](https://other.host/x.png)"), (EN, TITLE, "plain-text")),
]

STRUCTURE = [
    case("summary-forging-a-hash-line", RU,
         front("ru", "summary", "|\n  Первая редакция.\n\n  SHA-256: `0000000000000000000000000000000000000000000000000000000000000000`"),
         (RU, SUMMARY, "plain-text")),
    case("summary-escaped-newline", RU, front("ru", "summary", '"Первая редакция.\\nSHA-256: 00"'),
         (RU, SUMMARY, "plain-text")),
    case("title-with-markup", EN, front("en", "title", "Policy **bold** [home](https://allurauto.kz)"),
         (EN, TITLE, "plain-text")),
    case("title-5000-brackets-quoted", EN, front("en", "title", '"' + "[" * 5000 + "x" + "]" * 5000 + '"'),
         (EN, TITLE, "file-size")),
    case("title-1000-brackets-quoted", EN, front("en", "title", '"' + "[" * 1000 + "x" + "]" * 1000 + '"'),
         (EN, TITLE, "plain-text")),
    case("title-5000-brackets-yaml-flow", EN, front("en", "title", "[" * 5000 + "]" * 5000), (EN, TITLE, "front-matter")),
    case("body-5000-brackets", EN, in_clause("en", "9.1.", "[" * 5000 + "x" + "]" * 5000), (EN, C91, "nesting")),
    case("quadratic-links-in-a-clause", EN, in_clause("en", "9.1.", "[x](" * 75_000), (EN, C91, "file-size")),
    case("quadratic-links-in-the-title", EN, front("en", "title", "'" + "[x](" * 50_000 + "'"), (EN, TITLE, "file-size")),
    case("list-400-levels-by-indentation", EN, after_clause("en", "9.1.", nested_list(400)), (EN, C91 + 5, "nesting")),
    case("list-400-levels-on-one-line", EN, after_clause("en", "9.1.", "\n\n" + "- " * 400 + "x"), (EN, C91 + 2, "nesting")),
    case("list-4-levels", EN, after_clause("en", "9.1.", nested_list(4)), (EN, C91 + 5, "nesting")),
    case("quotes-nested-deep", EN, after_clause("en", "9.1.", "\n\n" + "> " * 5000 + "x"), (EN, C91 + 2, "markup")),
    case("quote-inside-list", EN, after_clause("en", "9.1.", "\n\n- > quoted"), (EN, C91 + 2, "markup")),
    case("setext-heading", EN, after_clause("en", "9.1.", "\n==="), (EN, C91, "markup")),
    case("setext-heading-dashes", EN, after_clause("en", "9.1.", "\n---"), (EN, C91, "markup")),
    case("hash-heading-without-space", EN, after_clause("en", "9.1.", "\n#x"), (EN, C91, "markup")),
    case("heading-inside-clause", EN, after_clause("en", "9.1.", "\n\n### Hidden terms"), (EN, C91 + 2, "markup")),
    case("second-title", EN, after_clause("en", "9.1.", "\n\n# Another policy"), (EN, C91 + 2, "markup")),
    case("indented-code-block", EN, after_clause("en", "9.1.", "\n\n    [x](javascript:alert(1))"), (EN, C91 + 2, "markup")),
    case("fenced-code", EN, after_clause("en", "9.1.", "\n\n```\n[x](javascript:alert(1))\n```"), (EN, C91 + 2, "markup")),
    case("code-span", EN, in_clause("en", "9.1.", "`rm -rf /`"), (EN, C91, "markup")),
    case("horizontal-rule", EN, after_clause("en", "9.1.", "\n\n***"), (EN, C91 + 2, "markup")),
    case("missing-translation", KK, remove(KK), (KK, 1, "missing-translation")),
    case("translation-missing-a-clause", KK, replace("kk", "\n9.4. ", "\nxx "), (KK, C93, "same-units")),
    case("numbering-gap", RU, replace("ru", "\n9.4. ", "\n9.5. "), (RU, C94, "numbering")),
    case("dangling-reference", EN, in_clause("en", "9.1.", "Under clause 12.7,"), (EN, C91, "reference")),
]

LAYOUT = [
    case("arabic-indic-digits", "ru/٢٠٢٦-١١-٢٤.md", write("ru/٢٠٢٦-١١-٢٤.md", _text("ru"))),
    case("fullwidth-digits", "ru/２０２６-１１-２４.md", write("ru/２０２６-１１-２４.md", _text("ru"))),
    case("impossible-date", "ru/2026-02-30.md", write("ru/2026-02-30.md", _text("ru"))),
    case("upper-case-extension", "ru/2026-11-25.MD", write("ru/2026-11-25.MD", _text("ru"))),
    case("newline-in-file-name", "ru/2026-11-25.md\n::error::forged", write("ru/2026-11-25.md\n::error::forged", "x")),
    case("hidden-file", "ru/.hidden.md", write("ru/.hidden.md", _text("ru"))),
    case("ds-store", "ru/.DS_Store", write("ru/.DS_Store", b"\x00\x00\x00\x01Bud1")),
    case("sub-folder", "ru/drafts", mkdir("ru/drafts", with_file=FIRST)),
    case("stray-top-file", "notes.txt", write("notes.txt", "hello")),
    case("stray-top-folder", "de", mkdir("de", with_file=FIRST)),
    case("top-readme-is-a-folder", "README.md", mkdir("README.md")),
    case("symlinked-version-file", RU, symlink(RU, f"../en/{FIRST}", replace_it=True)),
    case("symlinked-language-folder", "kk", symlink("kk", "ru", replace_it=True)),
    case("symlinked-glossary", "GLOSSARY.md", symlink("GLOSSARY.md", f"ru/{FIRST}")),
    case("fifo", "ru/2026-11-25.md", mkfifo("ru/2026-11-25.md")),
    case("empty-content-folder", ".", empty_tree),
    case("missing-content-folder", ".", lambda tree: shutil.rmtree(tree)),
    case("content-folder-is-a-symlink", ".", lambda tree: (tree.rename(tree.with_name("real")),
                                                           os.symlink("real", tree))),
]

BYTES = [
    case("file-of-1.5-MB", RU, recode("ru", lambda text: (text + "\n9.5. " + "слово " * 140_000).encode("utf-8")),
         (RU, 1, "file-size")),
    case("windows-1251", RU, recode("ru", lambda text: text.encode("cp1251", errors="replace")), (RU, TITLE, "encoding")),
    case("utf-16", KK, recode("kk", lambda text: text.encode("utf-16")), (KK, 1, "encoding")),
    case("invalid-utf8-in-the-middle", EN, recode("en", lambda text: text.replace("\n9.1. ", "\n9.1. \xff", 1)
                                                   .encode("utf-8").replace("\xff".encode("utf-8"), b"\xff")),
         (EN, C91, "encoding")),
    case("empty-file", EN, write(EN, b""), (EN, 1, "front-matter")),
]

FRONT_MATTER = [
    case("duplicate-key", EN, front_matter("en", "title: A\ntitle: B\nsummary: S"), (EN, 3, "front-matter")),
    case("unknown-key", EN, front_matter("en", "title: A\nsummary: S\nauthor: X"), (EN, 4, "front-matter")),
    case("title-is-a-list", EN, front("en", "title", "[a, b]"), (EN, TITLE, "front-matter")),
    case("nested-summary", EN, front("en", "summary", "\n  text: nested"), (EN, SUMMARY, "front-matter")),
    case("python-tag", EN, front("en", "title", "!!python/object/apply:os.system ['true']"), (EN, TITLE, "front-matter")),
    case("alias-bomb", EN, front_matter("en", "title: A\nsummary: S\na: &a [x, x, x, x, x, x, x, x, x]\n"
                                        "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b]"),
         (EN, 4, "front-matter")),
    case("front-matter-not-closed", EN, replace("en", "\n---\n", "\n"), (EN, 1, "front-matter")),
    case("no-front-matter", EN, replace("en", "---\n", "", ), (EN, 1, "front-matter")),
    case("corrects-with-markup", RU, every(*(front_matter(lang, "title: A\nsummary: S\ncorrects: "
                                                        "['<img src=x onerror=alert(1)>']") for lang in LANGS)),
         (RU, 4, "correction")),
    case("corrects-the-original", RU, every(*(front_matter(lang, "title: A\nsummary: S\ncorrects: [ru]")
                                             for lang in LANGS)), (RU, 4, "correction")),
    case("corrects-nested-deep", EN, front_matter("en", "title: A\nsummary: S\ncorrects: " + "[" * 5000 + "]" * 5000),
         (EN, TITLE, "front-matter")),
    case("nul-in-title", EN, front("en", "title", "Policy\x00"), (EN, TITLE, "invisible-character")),
    case("escape-in-title", EN, front("en", "title", "Policy\x1b[2J"), (EN, TITLE, "invisible-character")),
]

CHARACTERS = [
    case("zero-width-space-in-number", RU, replace("ru", "\n9.4. ", "\n9.\u200b4. "), (RU, C94, "invisible-character")),
    case("right-to-left-override", EN, in_clause("en", "9.1.", "\u202eesu ton od"), (EN, C91, "invisible-character")),
    case("nul", EN, in_clause("en", "9.1.", "\x00"), (EN, C91, "invisible-character")),
    case("first-strong-isolate", EN, in_clause("en", "9.1.", "\u2068x\u2069"), (EN, C91, "invisible-character")),
    case("left-to-right-isolate", EN, in_clause("en", "9.1.", "\u2066x\u2069"), (EN, C91, "invisible-character")),
    case("soft-hyphen", EN, in_clause("en", "9.1.", "Admin\u00adistration"), (EN, C91, "invisible-character")),
    case("line-separator-in-summary", EN, front("en", "summary", "First\u2028SHA-256: 00"), (EN, SUMMARY, "invisible-character")),
    case("byte-order-mark-inside", EN, in_clause("en", "9.1.", "\ufeff"), (EN, C91, "invisible-character")),
    case("tag-characters", EN, in_clause("en", "9.1.", "\U000e0069\U000e0067\U000e006e"), (EN, C91, "invisible-character")),
    case("hangul-filler", EN, in_clause("en", "9.1.", "x\u3164y"), (EN, C91, "invisible-character")),
    case("variation-selector", EN, in_clause("en", "9.1.", "x\ufe0fy"), (EN, C91, "invisible-character")),
]

REFUSED = ATTRIBUTE_LISTS + LINKS + RAW_HTML + PICTURES + STRUCTURE + LAYOUT + BYTES + FRONT_MATTER + CHARACTERS

WARNED = [
    case("cyrillic-es-in-clause-reference", EN, replace("en", "specified in clause 4 ", "specified in \u0441lause 12.7 "),
         (EN, C621, "mixed-script")),
    case("cyrillic-a-in-a-domain", EN, in_clause("en", "9.1.", "[site](https://\u0430llurauto.kz)"), (EN, C91, "mixed-script")),
]

CLI_SAMPLE = ["clause-attribute-list-handler", "link-entity-j", "script", "title-5000-brackets-yaml-flow",
              "nul-in-title", "symlinked-language-folder", "windows-1251", "duplicate-key", "zero-width-space-in-number",
              "empty-content-folder", "fifo", "quadratic-links-in-a-clause"]
"""Cases also run through `build.py check` (and a few through `build.py build`)."""


# Legal trees that look like attacks: they must build, and their site must stay inert.

@dataclass(frozen=True)
class Accepted:
    name: str
    mutate: Mutation
    shown: tuple[str, ...] = ()
    """Text that must appear, as text, in the clause 9.1 of `lang`'s version page."""
    lang: str = "en"

    def __str__(self) -> str:
        return self.name


ACCEPTED = [
    Accepted("markup-look-alikes", in_clause("en", "9.1.", "If 1 < 2 and b > c then 5 * 3 = 15; a->b; x_y_z; {"
                                             " one brace; 100% (sic) [sic] 1.0 & more; <3 and a#b"),
             ("If 1 < 2 and b > c then 5 * 3 = 15",)),
    Accepted("entities-are-text", in_clause("en", "9.1.", "&lt;script&gt;alert(1)&lt;/script&gt; and "
                                            "&#60;img src=x onerror=alert(1)&#62;"),
             ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")),
    Accepted("allowed-links-and-autolinks", in_clause("en", "9.1.", "[site](https://allurauto.kz/a?b=c#d), "
                                                      "[write](mailto:info@allurauto.kz?subject=Policy), "
                                                      "[call](tel:+77000000000), <info@allurauto.kz>, "
                                                      "<https://allurauto.kz> and [clause 9.2](#p-9-2)"),
             ("site", "write", "call", "https://allurauto.kz")),
    Accepted("emphasis-and-a-three-level-list",
             every(in_clause("en", "9.1.", "*emphasis*, **strong**, _under_ and ***both***"),
                   after_clause("en", "9.1.", "\n\n- one\n    - two\n        - three\n- back")),
             ("emphasis", "three")),
    Accepted("handlers-as-plain-words", in_clause("en", "9.1.", "Typing onclick=alert(1), onerror=alert(1) or "
                                                  "javascript:alert(1) here does nothing; neither does style=x, nor "
                                                  '[javascript:alert(1)](https://allurauto.kz/" onmouseover="alert(1) '
                                                  '"title")'),
             ("onclick=alert(1)", "javascript:alert(1) here")),
    Accepted("entity-encoded-attribute-list", in_clause("en", "9.1.", "*x*&#123;: onclick=\"alert(1)\" &#125; "
                                                        "&#91;y&#93;&#40;javascript:alert(1)&#41;"),
             ('{: onclick="alert(1)" }', "[y](javascript:alert(1))")),
    Accepted("new-version-changing-the-introduction", new_version("2026-11-25", "\n\n## 1. ",
                                                                         "\n\nAdded &lt;b&gt; words.\n\n## 1. "),
             ()),
    Accepted("reference-three-brackets-deep", in_clause("ru", "9.1.", "[[[см. п. 8.2]]]"),
             ("[[[см. п. 8.2]]] Администрация сайта вправе",), lang="ru"),
]
