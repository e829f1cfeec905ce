"""History only grows forward: compared with a base revision, published versions (dated on or
before today) never change, and once one exists a new version may not be dated before today.

Each test holds a copy of the one-version policy (2026-11-24) in its own git repository, made in
the content tree's parent folder as in the project."""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from policy.checks.check import check_content
from tests.conftest import POLICY, ROOT

FIRST = datetime.date(2026, 11, 24)
TODAY = datetime.date(2026, 12, 10)
"""Two weeks after the first version: it is published, and 'yesterday' is a free date."""
LANGS = ("ru", "kk", "en")
TIMEOUT = 120


def git(cwd: Path, *args: str) -> str:
    result = subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=cwd, check=True,
                            capture_output=True, text=True, timeout=TIMEOUT)
    return result.stdout.strip()


def commit(content: Path, message: str) -> str:
    git(content.parent, "add", "-A")
    git(content.parent, "commit", "-qm", message)
    return git(content.parent, "rev-parse", "HEAD")


def add_version(content: Path, date: datetime.date | str, source: datetime.date = FIRST) -> None:
    """A copy of the version `source` under `date`, in every language."""
    for lang in LANGS:
        shutil.copy2(content / lang / f"{source}.md", content / lang / f"{date}.md")


def problems(content: Path, today: datetime.date = TODAY, base: str | None = None) -> set[tuple[str, str, str]]:
    """(file relative to the content, severity, rule) of every problem, warnings about placeholders
    and the version in force left out."""
    _, found = check_content(content, today, base)
    return {(p.path.relative_to(content).as_posix() if p.path.is_relative_to(content) else str(p.path),
             p.severity, p.rule) for p in found if p.rule not in ("placeholder", "in-force")}


def errors(content: Path, **kwargs) -> set[tuple[str, str]]:
    return {(path, rule) for path, severity, rule in problems(content, **kwargs) if severity == "error"}


def every_language(date: datetime.date | str, rule: str) -> set[tuple[str, str]]:
    return {(f"{lang}/{date}.md", rule) for lang in LANGS}


@pytest.fixture
def content(tmp_path) -> Path:
    tree = tmp_path / "content"
    shutil.copytree(POLICY, tree)
    return tree


@pytest.fixture
def repository(content) -> Path:
    """The content committed: its version 2026-11-24 is published on TODAY."""
    git(content.parent, "init", "-q")
    commit(content, "first")
    return content


def test_the_repository_as_committed_passes(repository):
    assert problems(repository) == set()
    assert errors(repository, today=FIRST) == set()


@pytest.mark.parametrize("date", [TODAY - datetime.timedelta(days=1), FIRST + datetime.timedelta(days=1)],
                         ids=["yesterday", "the day after the first"])
def test_a_new_version_dated_before_today_is_backdated_in_every_language(repository, date):
    add_version(repository, date)
    assert errors(repository) == every_language(date, "backdated")
    _, found = check_content(repository, TODAY)
    message = next(p.message for p in found if p.rule == "backdated")
    assert str(date) in message and str(TODAY) in message


def test_a_new_version_dated_before_the_first_is_backdated(repository):
    add_version(repository, "2026-01-01")
    assert every_language("2026-01-01", "backdated") <= errors(repository)


@pytest.mark.parametrize("date", [TODAY, TODAY + datetime.timedelta(days=1), datetime.date(2030, 1, 1)],
                         ids=["today", "tomorrow", "years ahead"])
def test_a_new_version_dated_today_or_later_is_accepted(repository, date):
    add_version(repository, date)
    assert errors(repository) == set()


def test_a_backdated_version_committed_on_a_branch_is_still_new_against_the_base(repository):
    base = git(repository.parent, "rev-parse", "HEAD")
    add_version(repository, TODAY - datetime.timedelta(days=3))
    commit(repository, "backdated")
    assert errors(repository, base=base) == every_language(TODAY - datetime.timedelta(days=3), "backdated")


def test_without_a_published_version_in_the_base_a_past_date_is_not_backdated(content):
    """The base holds only an upcoming version: nothing is published yet, so nothing is backdated."""
    for lang in LANGS:
        (content / lang / f"{FIRST}.md").rename(content / lang / "2030-01-01.md")
    git(content.parent, "init", "-q")
    commit(content, "upcoming only")
    add_version(content, "2026-06-01", source=datetime.date(2030, 1, 1))
    assert not {rule for _, rule in errors(content)} & {"backdated", "published"}
    assert errors(content) == set()


def test_without_any_version_in_the_base_a_past_date_is_not_backdated(content, tmp_path):
    git(content.parent, "init", "-q")
    (tmp_path / "README").write_text("before the policy\n", encoding="utf-8")
    git(content.parent, "add", "README")
    git(content.parent, "commit", "-qm", "empty")
    assert errors(content) == set()  # the tree 2026-11-24 is new, and dated in the past


def test_a_version_upcoming_in_the_base_is_not_new_once_in_force(repository):
    add_version(repository, "2026-12-05")  # upcoming when committed on 2026-12-01
    assert errors(repository, today=datetime.date(2026, 12, 1)) == set()
    commit(repository, "upcoming")
    assert errors(repository) == set()  # in force on TODAY, not new: not backdated


def test_a_version_taking_effect_today_is_already_published(repository):
    """At midnight in Kazakhstan a version takes effect: from that day on it may not change."""
    add_version(repository, TODAY)
    commit(repository, "takes effect today")
    path = repository / "kk" / f"{TODAY}.md"
    path.write_bytes(path.read_bytes() + b"\n")
    assert errors(repository, today=TODAY - datetime.timedelta(days=1)) == set()  # still upcoming
    assert errors(repository) == {(f"kk/{TODAY}.md", "published")}


@pytest.mark.parametrize("lang", LANGS)
def test_editing_a_published_version_is_refused(repository, lang):
    path = repository / lang / f"{FIRST}.md"
    path.write_text(path.read_text(encoding="utf-8").replace("\n---\n", "\n---\n\n", 1), encoding="utf-8")
    assert errors(repository) == {(f"{lang}/{FIRST}.md", "published")}


def test_editing_a_published_version_in_bytes_only_is_refused(repository):
    path = repository / "en" / f"{FIRST}.md"
    path.write_bytes(path.read_bytes().rstrip(b"\n") + b"\n\n")
    assert errors(repository) == {(f"en/{FIRST}.md", "published")}


def test_renaming_a_published_version_is_refused(repository):
    for lang in LANGS:
        (repository / lang / f"{FIRST}.md").rename(repository / lang / "2030-01-01.md")
    assert errors(repository) == every_language(FIRST, "published")


def test_renaming_a_published_version_to_an_earlier_date_is_refused_and_backdated(repository):
    for lang in LANGS:
        (repository / lang / f"{FIRST}.md").rename(repository / lang / "2026-11-20.md")
    assert errors(repository) == every_language(FIRST, "published") | every_language("2026-11-20", "backdated")


@pytest.mark.parametrize("lang", LANGS)
def test_deleting_a_published_version_is_refused(repository, lang):
    (repository / lang / f"{FIRST}.md").unlink()
    assert (f"{lang}/{FIRST}.md", "published") in errors(repository)


def test_a_published_version_deleted_and_committed_is_refused_against_the_base(repository):
    base = git(repository.parent, "rev-parse", "HEAD")
    add_version(repository, TODAY)
    for lang in LANGS:
        (repository / lang / f"{FIRST}.md").unlink()
    commit(repository, "replace history")
    assert errors(repository, base=base) == every_language(FIRST, "published")
    assert errors(repository, base="HEAD") == set()


@pytest.mark.parametrize("base", ["no-such-branch", "0" * 40, "HEAD~5"])
def test_a_base_that_does_not_exist_is_an_error(repository, base):
    found = problems(repository, base=base)
    assert (".", "error", "published") in found
    _, listed = check_content(repository, TODAY, base)
    assert any(base in p.message for p in listed if p.rule == "published")


def cli(content: Path, *args: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in ("GITHUB_ACTIONS", "SOURCE_DATE_EPOCH")}
    return subprocess.run([sys.executable, str(ROOT / "build.py"), "check", "--content", str(content),
                           "--date", str(TODAY), *args], cwd=content.parent, capture_output=True, text=True,
                          timeout=TIMEOUT, env={**env, "NO_COLOR": "1", "PYTHONDONTWRITEBYTECODE": "1"})


def test_a_direct_push_editing_a_published_version_fails_against_the_previous_commit(repository):
    """Commit A publishes 2026-11-24; commit B, pushed straight to main, edits it. In B's checkout
    the check against A fails, the check against B itself passes (which is why CI passes --base)."""
    a = git(repository.parent, "rev-parse", "HEAD")
    path = repository / "ru" / f"{FIRST}.md"
    text = path.read_text(encoding="utf-8")
    assert "30 календарных дней" in text
    path.write_text(text.replace("30 календарных дней", "15 календарных дней"), encoding="utf-8")
    commit(repository, "B: edit the published version")
    assert git(repository.parent, "status", "--porcelain") == ""

    against_a = cli(repository, "--base", a)
    assert against_a.returncode == 1, against_a.stderr
    assert f"ru/{FIRST}.md:" in against_a.stderr and "[published]" in against_a.stderr
    assert "content OK" not in against_a.stdout and "Traceback" not in against_a.stderr

    against_head = cli(repository, "--base", "HEAD")
    assert against_head.returncode == 0, against_head.stderr
    assert f"content OK for {TODAY}" in against_head.stdout

    assert cli(repository).returncode == 0  # no origin/main: the default base is HEAD
    git(repository.parent, "update-ref", "refs/remotes/origin/main", a)
    by_default = cli(repository)  # as on CI, where origin/main is the last published commit
    assert by_default.returncode == 1 and "[published]" in by_default.stderr


def test_a_base_that_does_not_exist_fails_the_command(repository):
    result = cli(repository, "--base", "no-such-branch")
    assert result.returncode == 1
    assert "cannot read revision 'no-such-branch'" in result.stderr and "content OK" not in result.stdout


def test_a_base_asked_for_outside_a_repository_is_an_error(content):
    """Outside git no revision can be read: asked for by name, that fails the check; not asked
    for, it is only a warning (a copy of the content checked on its own)."""
    assert problems(content) == {(".", "warning", "published")}
    assert errors(content, base="origin/main") == {(".", "published")}
    result = cli(content, "--base", "origin/main")
    assert result.returncode == 1 and "content OK" not in result.stdout


RESAVES = {
    "crlf": lambda data: data.replace(b"\n", b"\r\n"),
    "cr": lambda data: data.replace(b"\n", b"\r"),
    "bom": lambda data: b"\xef\xbb\xbf" + data,
}
"""What an editor's "save" can do to a file without changing a letter of it."""


@pytest.mark.parametrize("how", RESAVES)
@pytest.mark.parametrize("committed", [False, True], ids=["in-the-work-tree", "committed-on-a-branch"])
def test_a_published_version_saved_again_is_refused_against_the_base(repository, how, committed):
    """The text reads the same, the bytes do not: the published file (and the SHA-256 the site
    shows of it) would change, so the check against the base refuses it, the error says how to put
    the file back, and after that the check passes."""
    base = git(repository.parent, "rev-parse", "HEAD")
    path = repository / "kk" / f"{FIRST}.md"
    published = path.read_bytes()
    path.write_bytes(RESAVES[how](published))
    if committed:
        git(repository.parent, "checkout", "-qb", "resaved")
        commit(repository, f"kk saved again ({how})")
    assert ("kk/2026-11-24.md", "published") in errors(repository, base=base)
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "check", "--content", "content", "--base", base,
                             "--date", str(TODAY), "--lang", "en"], cwd=repository.parent, capture_output=True,
                            text=True, timeout=TIMEOUT)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    [line] = [line for line in result.stderr.splitlines() if line.endswith("[published]")]
    assert line.startswith(f"content/kk/{FIRST}.md:1: error: ")
    undo = line.split("put it back with: ", 1)[1].split(". ", 1)[0]
    assert undo == f"git checkout {base} -- content/kk/{FIRST}.md"
    subprocess.run(undo.split(), cwd=repository.parent, check=True, capture_output=True, timeout=TIMEOUT)
    assert path.read_bytes() == published
    assert errors(repository, base=base) == set()


def test_a_checkout_that_converts_line_endings_leaves_content_as_committed(repository):
    """With the project's .gitattributes, a Windows checkout (core.autocrlf) writes a content file
    byte for byte as committed: its blob, and so its published bytes, stay the same."""
    shutil.copy2(ROOT / ".gitattributes", repository.parent / ".gitattributes")
    commit(repository, "attributes")
    git(repository.parent, "config", "core.autocrlf", "true")
    path = repository / "ru" / f"{FIRST}.md"
    published = path.read_bytes()
    path.unlink()
    git(repository.parent, "checkout", "--", "content")
    assert path.read_bytes() == published and b"\r" not in published
    assert errors(repository, base="HEAD") == set()
