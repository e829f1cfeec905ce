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


def correction(date: str, declared: str, **titles: str) -> Mutation:
    """A second version, `date`, that declares `corrects: [declared]` and fixes a word of the Kazakh
    text; `titles` gives a language a new title."""
    def mutate(tree: Path) -> None:
        for lang in LANGS:
            text = (tree / version_file(lang)).read_text(encoding="utf-8")
            text = text.replace("\nsummary:", f"\ncorrects: [{declared}]\nsummary:", 1)
            text = text.replace("30 күнтізбелік", "отыз күнтізбелік") if lang == "kk" else text
            if lang in titles:
                text = "\n".join([text.split("\n")[0], f"title: {titles[lang]}", *text.split("\n")[2:]])
            (tree / lang / f"{date}.md").write_text(text, encoding="utf-8")
    return mutate


def in_every_language(relative: str) -> Mutation:
    """The fixture's version under another file name (`relative` to each language's folder)."""
    def mutate(tree: Path) -> None:
        for lang in LANGS:
            shutil.copy(tree / version_file(lang), tree / lang / relative)
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
         (RU, SUMMARY, "front-matter")),
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
    case("quadratic-links-in-a-clause", EN, in_clause("en", "9.1.", "[x](" * 20_000), (EN, C91, "file-size")),
    case("quadratic-links-in-the-title", EN, front("en", "title", "'" + "[x](" * 20_000 + "'"), (EN, TITLE, "file-size")),
    case("list-150-levels-by-indentation", EN, after_clause("en", "9.1.", nested_list(150)), (EN, C91 + 5, "nesting")),
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
    case("file-of-150-KB", RU, recode("ru", lambda text: (text + "\n9.5. " + "слово " * 12_000).encode("utf-8")),
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

BYTES_RESAVED = [
    case("byte-order-mark", RU, recode("ru", lambda text: b"\xef\xbb\xbf" + text.encode("utf-8")), (RU, 1, "encoding")),
    case("crlf-line-endings", KK, recode("kk", lambda text: text.replace("\n", "\r\n").encode("utf-8")),
         (KK, 1, "line-endings")),
    case("cr-line-endings", EN, recode("en", lambda text: text.replace("\n", "\r").encode("utf-8")),
         (EN, 1, "line-endings")),
    case("one-crlf-before-a-clause", EN, recode("en", lambda text: text.replace("\n9.1. ", "\r\n9.1. ").encode("utf-8")),
         (EN, C91 - 1, "line-endings")),
]

DECODED = [
    case("right-to-left-override-as-a-reference", EN, in_clause("en", "9.1.", "&#x202E;esu ton od"), (EN, C91, "markup")),
    case("zero-width-space-as-a-reference", RU, replace("ru", "\n9.4. ", "\n9.&#8203;4. "), (RU, C94, "markup")),
    case("named-entity", EN, in_clause("en", "9.1.", "the&nbsp;Site"), (EN, C91, "markup")),
    case("entities-as-markup", EN, in_clause("en", "9.1.", "&lt;script&gt;alert(1)&lt;/script&gt;"), (EN, C91, "markup")),
    case("entity-encoded-attribute-list", EN, in_clause("en", "9.1.", "*x*&#123;: onclick=\"alert(1)\" &#125;"),
         (EN, C91, "markup")),
    case("reference-hidden-by-an-entity", RU, in_clause("ru", "9.1.", "Согласно п.&#32;12.7"),
         (RU, C91, "markup"), (RU, C91, "reference")),
    case("reference-hidden-by-emphasis", RU, in_clause("ru", "9.1.", "Согласно п. **12**.7"), (RU, C91, "reference")),
    case("reference-hidden-by-an-escape", RU, in_clause("ru", "9.1.", "Согласно п\\. 12.7"), (RU, C91, "reference")),
    case("kazakh-reference-hidden-by-emphasis", KK, in_clause("kk", "9.1.", "*12.7*-тармағына сәйкес"),
         (KK, C91, "reference")),
    case("reference-hidden-on-a-list-line", EN, after_clause("en", "9.1.", "\n\n- first\n- see clause *12.7*"),
         (EN, C91 + 3, "reference")),
    case("title-escape-right-to-left-override", EN, front("en", "title", '"Policy \\u202E ycilop"'),
         (EN, TITLE, "invisible-character")),
    case("title-escape-clears-the-screen", EN, front("en", "title", '"Policy \\e[2J"'), (EN, TITLE, "invisible-character")),
    case("summary-escape-delete", EN, front("en", "summary", '"First\\x7f version"'), (EN, SUMMARY, "invisible-character")),
    case("summary-escape-next-line", EN, front("en", "summary", '"First\\N version"'), (EN, SUMMARY, "invisible-character")),
    case("summary-escape-line-separator", EN, front("en", "summary", '"First\\L version"'),
         (EN, SUMMARY, "invisible-character")),
    case("title-escape-zero-width-space", RU, front("ru", "title", '"Политика\\u200b конфиденциальности"'),
         (RU, TITLE, "invisible-character")),
    case("title-entity", EN, front("en", "title", "Policy &#x202E;"), (EN, TITLE, "markup")),
    case("summary-reference-to-a-missing-clause", RU, front("ru", "summary", "Изменён п. 12.7."), (RU, SUMMARY, "reference")),
    case("c1-control-in-a-clause", EN, in_clause("en", "9.1.", "a\x85b"), (EN, C91, "invisible-character")),
    case("delete-in-a-clause", EN, in_clause("en", "9.1.", "a\x7fb"), (EN, C91, "invisible-character")),
]

YAML_HIDDEN = [
    case("title-tag", EN, front("en", "title", "!foo Policy"), (EN, TITLE, "front-matter")),
    case("summary-str-tag", EN, front("en", "summary", "!!str First version"), (EN, SUMMARY, "front-matter")),
    case("title-anchor", EN, front("en", "title", "&name Policy"), (EN, TITLE, "front-matter")),
    case("comment-after-the-title", EN, front("en", "title", "Policy # and a word the page drops"), (EN, TITLE, "front-matter")),
    case("comment-line", EN, front_matter("en", "title: Policy\n# a note nobody sees\nsummary: First"), (EN, 3, "front-matter")),
    case("summary-folded-block", EN, front("en", "summary", ">\n  First\n  version"), (EN, SUMMARY, "front-matter")),
    case("blank-title", EN, front("en", "title", '"   "'), (EN, TITLE, "front-matter")),
    case("blank-summary", RU, front("ru", "summary", "''"), (RU, SUMMARY, "front-matter")),
    case("key-that-clears-the-screen", EN, front_matter("en", 'title: A\nsummary: S\n"\\e[2J\\e[32mOK": x'),
         (EN, 4, "front-matter")),
    case("front-matter-of-80-KB", EN, front("en", "title", "'" + "word " * 16_000 + "'"), (EN, TITLE, "file-size")),
    case("version-of-1001-clauses", EN, every(*(after_clause(lang, "9.4.", "".join(f"\n\n9.{n}. x" for n in range(5, 934)))
                                                for lang in LANGS)), (EN, C94 + 2 * 929, "file-size")),
]

NOT_SHOWN = [
    case("list-starting-at-3", EN, after_clause("en", "9.1.", "\n\n3. first\n4. second"), (EN, C91 + 2, "markup")),
    case("list-skipping-a-number", EN, after_clause("en", "9.1.", "\n\n1. first\n3. second"), (EN, C91 + 3, "markup")),
    case("numbered-item-in-a-bulleted-list", EN, after_clause("en", "9.1.", "\n\n- first\n2. second"),
         (EN, C91 + 3, "markup")),
    case("list-run-into-the-paragraph", EN, after_clause("en", "9.1.", "\n- first\n- second"), (EN, C91 + 1, "markup")),
    case("hard-line-break", EN, after_clause("en", "9.1.", "  \nand a second line"), (EN, C91, "markup")),
    case("link-target-across-lines", EN, in_clause("en", "9.1.", "[site](https://allurauto.kz/\npolicy)"),
         (EN, C91, "link")),
    case("link-title", EN, in_clause("en", "9.1.", '[site](https://allurauto.kz "a title shown nowhere")'),
         (EN, C91, "link")),
    case("link-without-words", EN, in_clause("en", "9.1.", "[](https://allurauto.kz)"), (EN, C91, "link")),
    case("link-definition-with-a-title", EN, after_clause("en", "9.1.", '\n\n[e]: https://allurauto.kz "T"'),
         (EN, C91 + 2, "markup")),
    case("correction-changing-the-russian-title", "ru/2026-11-25.md",
         correction("2026-11-25", "kk", ru="Другая политика"), ("ru/2026-11-25.md", TITLE, "correction")),
]

TERMINAL = [
    case("file-name-that-clears-the-screen", "ru/\x1b[2J\x1b[32mOK.md", write("ru/\x1b[2J\x1b[32mOK.md", "x")),
    case("file-name-writing-the-clipboard", "ru/\x1b]52;c;ZXZpbA==\x07.md", write("ru/\x1b]52;c;ZXZpbA==\x07.md", "x")),
    case("file-name-right-to-left", "ru/2026-11-25\u202edm.md", write("ru/2026-11-25\u202edm.md", "x")),
    case("file-name-not-utf8", os.fsdecode(b"ru/\xff\x1b[2J.md"), write(os.fsdecode(b"ru/\xff\x1b[2J.md"), "x")),
    case("glossary-saved-with-crlf", "GLOSSARY.md", write("GLOSSARY.md", "# Glossary\r\n"), ("GLOSSARY.md", 1, "line-endings")),
    case("readme-with-a-bom", "README.md", write("README.md", b"\xef\xbb\xbf# Content\n"), ("README.md", 1, "encoding")),
]

DATES = [
    case("year-1", "ru/0001-01-01.md", in_every_language("0001-01-01.md")),
    case("year-1999", "kk/1999-12-31.md", in_every_language("1999-12-31.md")),
    case("year-2101", "en/2101-01-01.md", in_every_language("2101-01-01.md")),
    case("year-9999", "ru/9999-12-31.md", in_every_language("9999-12-31.md")),
]

SLOW = [
    case("angle-bracket-and-80000-spaces", EN, in_clause("en", "9.1.", "<" + " " * 80_000 + "1"), (EN, C91, "file-size")),
    case("angle-bracket-and-spaces-in-the-title", EN, front("en", "title", "'<" + " " * 4_900 + "b c'"),
         (EN, TITLE, "markup")),
    case("kazakh-number-list", KK, in_clause("kk", "9.1.", "1, " * 20_000), (KK, C91, "file-size")),
]

REFUSED = (ATTRIBUTE_LISTS + LINKS + RAW_HTML + PICTURES + STRUCTURE + LAYOUT + BYTES + FRONT_MATTER + CHARACTERS
           + BYTES_RESAVED + DECODED + YAML_HIDDEN + NOT_SHOWN + TERMINAL + DATES + SLOW)

WARNED = [
    case("cyrillic-es-in-clause-reference", EN, replace("en", "specified in clause 4 ", "specified in \u0441lause 12.7 "),
         (EN, C621, "mixed-script")),
    case("cyrillic-a-in-a-domain", EN, in_clause("en", "9.1.", "[site](https://\u0430llurauto.kz)"), (EN, C91, "mixed-script")),
]

CLI_SAMPLE = ["clause-attribute-list-handler", "link-entity-j", "script", "title-5000-brackets-yaml-flow",
              "nul-in-title", "symlinked-language-folder", "windows-1251", "duplicate-key", "zero-width-space-in-number",
              "empty-content-folder", "fifo", "quadratic-links-in-a-clause", "crlf-line-endings", "title-tag",
              "reference-hidden-by-an-entity", "title-escape-clears-the-screen", "list-starting-at-3", "year-1",
              "file-name-that-clears-the-screen", "key-that-clears-the-screen", "angle-bracket-and-80000-spaces"]
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
    Accepted("escapes-are-text", in_clause("en", "9.1.", "\\*not emphasis\\* and \\[y\\]\\(javascript:alert(1)\\) "
                                           "and 1.0 & more, AT&T"),
             ("*not emphasis* and [y](javascript:alert(1))", "AT&T")),
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
                                                  '[javascript:alert(1)](https://allurauto.kz/"onmouseover="alert(1))'),
             ("onclick=alert(1)", "javascript:alert(1) here")),
    Accepted("new-version-changing-the-introduction", new_version("2026-11-25", "\n\n## 1. ",
                                                                         "\n\nAdded 1 < 2 words.\n\n## 1. "),
             ()),
    Accepted("reference-three-brackets-deep", in_clause("ru", "9.1.", "[[[см. п. 8.2]]]"),
             ("[[[см. п. 8.2]]] Администрация сайта вправе",), lang="ru"),
    Accepted("quoted-front-matter-and-escaped-quotes", every(
        front("ru", "title", '"Политика конфиденциальности: \\"Allurauto\\""'),
        front("en", "summary", "'It''s the first version: see clause 9.2 & 1 < 2 > 0, \"quoted\" 🙂'")), lang="ru"),
    Accepted("list-counting-from-1-with-nesting", after_clause("en", "9.1.", "\n\n1. one\n    1. one.one\n    2. "
                                                                       "one.two\n2. two\n    - bullet"),
             ("one.two", "bullet")),
    Accepted("correction-with-its-own-summaries", correction("2026-11-25", "kk")),
]
