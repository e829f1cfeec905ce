"""The check on broken content trees: the exact file, line and rule of each error, and a failed
build leaving the previous site untouched."""

import datetime
import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest

from policy.site import feeds
from policy.checks.check import check_content
from policy.problem import ContentError
from policy.build import build_site
from tests.conftest import POLICY

ROOT = Path(__file__).resolve().parent.parent
TODAY = datetime.date(2026, 11, 25)
FIRST = "2026-11-24.md"


@pytest.fixture
def content(tmp_path):
    tree = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "policy", tree)
    return tree


def snapshot(folder):
    return {path.relative_to(folder): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def found(tree, base=None, today=TODAY):
    """(file relative to the tree, line, severity, rule) of every problem."""
    _, problems = check_content(tree, today, base)
    return {(str(p.path.relative_to(tree)) if p.path.is_relative_to(tree) else str(p.path), p.line,
             p.severity, p.rule) for p in problems}


@pytest.fixture(scope="module")
def previous_site(tmp_path_factory):
    """A site built from the real content: every failed build below must leave it as it is."""
    out = tmp_path_factory.mktemp("previous") / "site"
    build_site(POLICY, out, TODAY, compress=False)
    return out, snapshot(out)


@pytest.fixture
def errors(previous_site):
    """The errors found in a tree; a tree with errors must also fail to build, changing nothing."""
    def find(tree, **kwargs):
        problems = {problem for problem in found(tree, **kwargs) if problem[2] == "error"}
        if problems:
            out, before = previous_site
            with pytest.raises(ContentError):
                build_site(tree, out, kwargs.get("today", TODAY), kwargs.get("base"))
            assert snapshot(out) == before
        return problems
    return find


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path, start):
    """The line number of the first line of `path` that starts with `start`."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(number for number, line in enumerate(lines, start=1) if line.startswith(start))


def add_version(tree, date, change=None):
    """A copy of the first version under `date`, with `change(lang, text) -> text` applied."""
    for lang in ("ru", "kk", "en"):
        text = (tree / lang / FIRST).read_text(encoding="utf-8")
        (tree / lang / f"{date}.md").write_text(change(lang, text) if change else text, encoding="utf-8")


def test_the_real_content_passes_with_only_the_placeholder_warnings(content):
    problems = found(content)
    assert {p for p in problems if p[2] == "error"} == set()
    assert {(f, line, rule) for f, line, _, rule in problems if rule == "placeholder"} == {
        (f"{lang}/{FIRST}", 14, "placeholder") for lang in ("ru", "kk", "en")}


def test_windows_1251_file(content, errors):
    path = content / "ru" / FIRST
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1251", errors="replace"))
    assert errors(content) == {(f"ru/{FIRST}", 2, "error", "encoding")}
    _, problems = check_content(content, TODAY)
    [problem] = [p for p in problems if p.rule == "encoding"]
    assert (problem.path, problem.line) == (path, 2)
    assert "Windows-1251" in problem.message and "UTF-8" in problem.message


@pytest.mark.parametrize("resave, line, rule", [
    (lambda data: b"\xef\xbb\xbf" + data, 1, "encoding"),
    (lambda data: data.replace(b"\n", b"\r\n"), 1, "line-endings"),
    (lambda data: data.replace(b"\n", b"\r"), 1, "line-endings"),
    (lambda data: data.replace(b"\n9.1. ", b"\r\n9.1. ", 1), "9.1. ", "line-endings"),
], ids=["bom", "crlf", "cr", "one-crlf"])
def test_bom_and_cr_are_refused_where_they_start(content, errors, resave, line, rule):
    """The bytes are the record: a re-save that changes only the line endings or adds a BOM
    changes the published file and its SHA-256, so it is refused at the first line it touches."""
    path = content / "kk" / FIRST
    line = line if isinstance(line, int) else line_of(path, line) - 1
    path.write_bytes(resave(path.read_bytes()))
    assert errors(content) == {(f"kk/{FIRST}", line, "error", rule)}


def test_the_sha256_and_the_published_source_are_the_files_bytes(content):
    """The SHA-256 is of the file's bytes as read, not of the text the check decodes (here it
    refuses them: a BOM and CRLF)."""
    path = content / "kk" / FIRST
    data = b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n")
    path.write_bytes(data)
    policy, _ = check_content(content, TODAY)
    date = datetime.date.fromisoformat(FIRST.removesuffix(".md"))
    assert policy.get("kk", date).sha256 == hashlib.sha256(data).hexdigest()
    assert feeds.source_files(policy, "kk") == {f"versions/{FIRST}": data}


def test_raw_script(content, errors):
    edit(content / "ru" / FIRST, "включая доставку Товара.", "включая доставку Товара.<script>alert(1)</script>")
    assert errors(content) == {(f"ru/{FIRST}", 101, "error", "markup")}


@pytest.mark.parametrize("markup, rule", [('<iframe src="x">', "markup"), ("<style>", "markup"),
                                          ('<img src=x onerror="y">', "markup"), ("<!-- x -->", "markup"),
                                          ("{: onclick=\"alert(1)\" }", "markup"), ("[x](javascript:alert(1))", "link")])
def test_any_raw_html_or_attributes(content, markup, rule, errors):
    edit(content / "en" / FIRST, "9.1. ", f"9.1. {markup} ")
    assert {(f, rule) for f, _, _, rule in errors(content)} == {(f"en/{FIRST}", rule)}


def test_autolinks_and_emails_are_not_html(content, errors):
    assert "<https://www.allurauto.kz/>" in (content / "ru" / FIRST).read_text(encoding="utf-8")
    assert errors(content) == set()


def test_missing_kazakh_file(content, errors):
    (content / "kk" / FIRST).unlink()
    assert errors(content) == {(f"kk/{FIRST}", 1, "error", "missing-translation")}


def test_renumbering_gap(content, errors):
    for lang in ("ru", "kk", "en"):
        edit(content / lang / FIRST, "\n4.1.12. ", "\n4.1.13. ")
    line = line_of(content / "ru" / FIRST, "4.1.13. ")
    assert errors(content) == {(f"{lang}/{FIRST}", line, "error", "numbering") for lang in ("ru", "kk", "en")}


@pytest.mark.parametrize("old, new, message", [("5.3. ", "5.2. ", "5.2 appears twice"),
                                               ("5.6. ", "5.4. ", "5.4 comes after 5.5: numbers must go up")])
def test_duplicate_and_backwards_numbers(content, old, new, message):
    line = line_of(content / "ru" / FIRST, old)
    for lang in ("ru", "kk", "en"):
        edit(content / lang / FIRST, "\n" + old, "\n" + new)
    _, problems = check_content(content, TODAY)
    numbering = [(p.path.parent.name, p.line, p.message.split(";")[0]) for p in problems if p.rule == "numbering"]
    assert ("ru", line, f"ru 2026-11-24: clause {message}") in numbering


def test_translation_missing_a_clause(content, errors):
    path = content / "kk" / FIRST
    line = line_of(path, "8.4. ")
    lines = path.read_text(encoding="utf-8").split("\n")
    del lines[line - 1:line + 1]  # clause 8.4 and the blank line after it
    path.write_text("\n".join(lines), encoding="utf-8")
    assert errors(content) == {(f"kk/{FIRST}", line, "error", "same-units")}


def test_dangling_cross_reference(content, errors):
    edit(content / "ru" / FIRST, "указанных в п. 4 настоящей", "указанных в п. 14 настоящей")
    assert errors(content) == {(f"ru/{FIRST}", 121, "error", "reference")}


def test_translation_that_did_not_follow_a_change(content, errors):
    def change(lang, text):
        return text.replace("30 календарных дней", "15 календарных дней") if lang == "ru" else text

    add_version(content, "2027-03-01", change)
    assert errors(content) == {(f"{lang}/2027-03-01.md", 145, "error", "translation-sync") for lang in ("kk", "en")}
    _, problems = check_content(content, TODAY)
    messages = {p.message for p in problems if p.rule == "translation-sync"}
    assert "kk: 8.2 is unchanged from 2026-11-24 to 2027-03-01 while ru changed it; make the same change in every language" in messages


@pytest.mark.parametrize("front, line, rule", [
    ("---\ntitle: T\n---\n", 1, "front-matter"),
    ("---\ntitle: T\nsummary: S\nauthor: X\n---\n", 4, "front-matter"),
    ("---\ntitle: T\nsummary: Демо: x\n---\n", 3, "front-matter"),
    ("title: T\n", 1, "front-matter"),
])
def test_front_matter(content, front, line, rule, errors):
    path = content / "en" / FIRST
    body = path.read_text(encoding="utf-8").split("---\n", 2)[2]
    path.write_text(front + body, encoding="utf-8")
    assert errors(content) == {(f"en/{FIRST}", line, "error", rule)}


@pytest.mark.parametrize("name", ["notes.txt", "2026-02-30.md", "draft.md"])
def test_only_version_files_in_a_language_folder(content, name, errors):
    (content / "ru" / name).write_text("x", encoding="utf-8")
    assert errors(content) == {(f"ru/{name}", 1, "error", "layout")}


def git(tree, *args):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=tree, check=True,
                   capture_output=True, timeout=60)


@pytest.fixture
def repository(content):
    """The content tree inside a git repository, committed, as in the project."""
    git(content.parent, "init", "-q")
    git(content.parent, "add", ".")
    git(content.parent, "commit", "-qm", "first")
    return content


def test_edit_to_a_version_in_force(repository, errors):
    edit(repository / "ru" / FIRST, "30 календарных дней", "15 календарных дней")
    assert errors(repository) == {(f"ru/{FIRST}", 145, "error", "published")}


def test_renaming_or_deleting_a_version_in_force(repository, errors):
    (repository / "en" / FIRST).rename(repository / "en" / "2026-11-23.md")
    assert (f"en/{FIRST}", 1, "error", "published") in errors(repository)


def test_an_upcoming_version_may_be_corrected(repository, errors):
    add_version(repository, "2030-01-01")
    git(repository, "add", ".")
    git(repository, "commit", "-qm", "upcoming")
    edit(repository / "ru" / "2030-01-01.md", "title: ", "title: Исправленная ")
    assert errors(repository) == set()
    assert ("ru/2030-01-01.md", 2, "error", "published") in errors(repository, today=datetime.date(2030, 1, 1))


def test_outside_git_immutability_is_reported_as_not_checked(content):
    _, problems = check_content(content, TODAY)
    assert any(p.rule == "published" and p.severity == "warning" and "not checked" in p.message for p in problems)


def test_failed_builds_leave_the_previous_site_untouched(content, tmp_path):
    out = tmp_path / "site"
    build_site(content, out, TODAY, compress=False)
    before = snapshot(out)
    assert (out / "ru" / "index.html").is_file()
    breakages = [
        lambda: (content / "kk" / FIRST).write_bytes("мәтін".encode("utf-16")),
        lambda: edit(content / "ru" / FIRST, "9.1. ", "9.1. <script>x</script> "),
        lambda: (content / "en" / FIRST).unlink(),
    ]
    for breakage in breakages:
        backup = tmp_path / "backup"
        shutil.copytree(content, backup)
        breakage()
        with pytest.raises(ContentError):
            build_site(content, out, TODAY)
        assert snapshot(out) == before
        shutil.rmtree(content)
        backup.rename(content)


@pytest.mark.parametrize("key, line", [("title", 2), ("summary", 3)])
def test_raw_html_in_the_front_matter(content, errors, key, line):
    edit(content / "ru" / FIRST, f"\n{key}: ", f"\n{key}: <script>alert(1)</script> ")
    assert errors(content) == {(f"ru/{FIRST}", line, "error", "markup")}


def test_a_base_revision_asked_for_must_exist(repository, errors):
    assert errors(repository, base="no-such-branch") == {(".", 1, "error", "published")}


def test_a_translation_that_put_a_new_clause_elsewhere_gets_one_message_per_unit_in_the_new_file(content):
    """ru inserts 9.2 and renumbers the rest; kk adds the new clause at the end instead: every
    message names a unit of the new kk file, once, at its own line there."""
    def change(lang, text):
        if lang == "kk":
            return text + "\n9.5. Жаңа тармақ: тапсырыс туралы хабарлама.\n"
        for number in ("9.4", "9.3", "9.2"):
            text = text.replace(f"\n{number}. ", f"\n9.{int(number[-1]) + 1}. ")
        new = {"ru": "Новый пункт: уведомление о заказе.", "en": "A new clause: notice of the order."}[lang]
        return text.replace("\n9.3. ", f"\n9.2. {new}\n\n9.3. ", 1)

    add_version(content, "2027-03-01", change)
    _, problems = check_content(content, TODAY)
    sync = [p for p in problems if p.rule == "translation-sync"]
    kk = (content / "kk" / "2027-03-01.md").read_text(encoding="utf-8").split("\n")
    numbers = [p.message.split()[1] for p in sync]
    assert sync and all(p.path.name == "2027-03-01.md" and p.path.parent.name == "kk" for p in sync)
    assert len(numbers) == len(set(numbers)), numbers
    for problem, number in zip(sync, numbers):
        assert kk[problem.line - 1].startswith(number), (problem.line, number)
    assert not any("removed" in p.message for p in sync)
