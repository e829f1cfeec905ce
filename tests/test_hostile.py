"""Hostile content: what an attacker's pull request could put in `content/`, against the check,
the build and the command line (the cases are in tests/hostile_cases.py).

- Every refused tree gets its error at the right file and line; the build refuses it too, for
  the same errors, and leaves a site built before byte for byte as it was.
- A sample goes through `build.py check` (and `build.py build`): exit status 1, `file:line` on
  stderr, no traceback.
- Accepted trees that look like attacks build, and their site is scanned: no event handler
  attribute, no `javascript:` (or other script) URL, no script the plain policy's site does not
  have, nothing loaded from a host the plain policy's site does not load from.
"""

from __future__ import annotations

import datetime
import hashlib
import inspect
import json
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from policy.checks.check import check_content
from policy.i18n.message import printable
from policy.model.dialect import browser_url
from policy.problem import ContentError, Problem
from policy.build import build_site
from tests.hostile_cases import ACCEPTED, CLI_SAMPLE, FIXTURE, FIRST, REFUSED, WARNED, Accepted, Case

ROOT = Path(__file__).resolve().parent.parent
TODAY = datetime.date(2026, 11, 25)
FAST = {"compress": False} if "compress" in inspect.signature(build_site).parameters else {}
"""Compressed copies of the files change nothing that is checked here, and take most of a build's time."""
BY_NAME = {case.name: case for case in REFUSED}


def build(content: Path, out: Path) -> list[Problem]:
    return build_site(content, out, TODAY, **FAST)


def snapshot(folder: Path) -> dict[str, str]:
    return {str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def places(problems: list[Problem], tree: Path, severity: str) -> set[tuple[str, int, str]]:
    """(file relative to the tree, line, rule) of each problem of a severity; the tree itself is '.'."""
    def relative(path: Path) -> str:
        return str(path.relative_to(tree)) if path.is_relative_to(tree) else str(path)
    return {(relative(p.path), p.line, p.rule) for p in problems if p.severity == severity}


@pytest.fixture(scope="module")
def previous_site(tmp_path_factory):
    """The frozen policy's site, built once: no refused build may change a byte of it."""
    out = tmp_path_factory.mktemp("previous") / "site"
    build(FIXTURE, out)
    return out, snapshot(out)


@pytest.fixture
def tree(tmp_path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    return content


def test_the_corpus_is_large_and_its_names_unique():
    names = [case.name for case in REFUSED + WARNED] + [accepted.name for accepted in ACCEPTED]
    assert len(REFUSED) >= 60 and len(ACCEPTED) >= 8
    assert len(names) == len(set(names))
    assert set(CLI_SAMPLE) <= set(BY_NAME) and len(CLI_SAMPLE) >= 10


class Deadline(Exception):
    pass


def within_a_minute(function, *args):
    """`function(*args)`, failing the test after a minute instead of hanging: the parser's time can
    grow with the square of a paragraph's length (a 300 KB one took hours before the check refused
    long ones unparsed). The failure is raised outside the interrupted frames, which pytest cannot show."""
    def expired(*_):
        raise Deadline
    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(60)
    try:
        return function(*args)
    except Deadline:
        pass
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    pytest.fail(f"{function.__name__} took over a minute")


@pytest.mark.parametrize("case", REFUSED, ids=str)
def test_refused(case: Case, tree: Path, previous_site):
    case.mutate(tree)
    _, problems = within_a_minute(check_content, tree, TODAY)
    errors = places(problems, tree, "error")
    for expected in case.expected:
        assert expected in errors, f"{case.name}: {expected} not among {sorted(errors)}"
    for problem in problems:
        if problem.rule == "invisible-character":
            assert problem.column >= 1, problem
    out, before = previous_site
    with pytest.raises(ContentError) as refused:
        within_a_minute(build, tree, out)
    assert places(refused.value.problems, tree, "error") == errors, "the build refuses for the check's errors"
    assert snapshot(out) == before, "a refused build changed the previous site"


def test_invisible_character_is_reported_at_its_column(tree):
    BY_NAME["zero-width-space-in-number"].mutate(tree)
    _, problems = check_content(tree, TODAY)
    [hidden] = [p for p in problems if p.rule == "invisible-character"]
    assert (hidden.path, hidden.column) == (tree / "ru" / FIRST, 3)
    assert "U+200B" in hidden.message


@pytest.mark.parametrize("case", WARNED, ids=str)
def test_warned_but_built(case: Case, tree: Path, tmp_path: Path):
    """A look-alike letter hides a word from the check (here a reference to a clause that does not
    exist): it is only worth a warning, which must be given; check and build agree that it builds."""
    case.mutate(tree)
    _, problems = check_content(tree, TODAY)
    assert places(problems, tree, "error") == set()
    for expected in case.expected:
        assert expected in places(problems, tree, "warning")
    warnings = build(tree, tmp_path / "site")
    assert set(case.expected) <= places(warnings, tree, "warning")


def _cli(tree: Path, *args: str, annotate: bool = False) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("GITHUB_ACTIONS", None)  # plain `file:line` messages, not workflow annotations
    env.update({"GITHUB_ACTIONS": "true"} if annotate else {})
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *args, "--content", "content",
                           "--date", str(TODAY)], cwd=tree.parent, capture_output=True, encoding="utf-8",
                          errors="replace", env=env, timeout=120)


RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]")
"""What a terminal acts on or hides: controls but the line feed, and direction and zero-width marks."""


@pytest.mark.slow
@pytest.mark.parametrize("name", CLI_SAMPLE)
def test_cli_check_refuses(name: str, tree: Path):
    """Refused at its file and line, in the editor's language: each Russian and Kazakh line says in
    other words what the English one says."""
    case = BY_NAME[name]
    case.mutate(tree)
    said = {}
    for lang in ("en", "ru", "kk"):
        result = _cli(tree, "check", "--lang", lang)
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr, result.stderr
        assert not RAW.search(result.stdout + result.stderr), "a raw control character reached the terminal"
        for file, line, rule in case.expected:
            place = "content" if file == "." else printable(f"content/{file}")
            found = re.search(rf"^{re.escape(place)}:{line}(:\d+)?: error: .* \[{rule}\]$", result.stderr, re.M)
            assert found, result.stderr[-3000:]
            said[lang, file, line, rule] = found.group()
    for file, line, rule in case.expected:
        assert said["ru", file, line, rule] != said["en", file, line, rule] != said["kk", file, line, rule]


TERMINAL_CASES = ["file-name-that-clears-the-screen", "file-name-writing-the-clipboard", "file-name-right-to-left",
                  "file-name-not-utf8",
                  "key-that-clears-the-screen", "title-escape-clears-the-screen", "nul-in-title",
                  "right-to-left-override", "escape-in-title", "newline-in-file-name"]


@pytest.mark.slow
@pytest.mark.parametrize("name", TERMINAL_CASES)
def test_no_raw_control_sequence_reaches_a_terminal_or_the_log(name: str, tree: Path):
    """In every message language, as text and as workflow annotations, from check and build: file
    names, keys and excerpts are escaped (`\\x1b`, `\\u202e`), and each problem is one line that
    starts with its file."""
    BY_NAME[name].mutate(tree)
    for lang in ("ru", "kk", "en"):
        for annotate in (False, True):
            for command in (["check"], ["build", "--out", "site"]):
                result = _cli(tree, *command, "--lang", lang, annotate=annotate)
                output = result.stdout + result.stderr
                assert result.returncode == 1 and "Traceback" not in output, output
                assert not RAW.search(output), (lang, annotate, command, ascii(output[-2000:]))
                lines = result.stderr.splitlines()
                assert all(line.startswith(("::error file=content", "::warning file=content")) for line in lines
                           if line.startswith("::")), lines
                assert all(line.startswith("content") for line in lines if re.search(r": (error|warning): ", line))


def test_a_key_is_shown_escaped(tree: Path):
    BY_NAME["key-that-clears-the-screen"].mutate(tree)
    result = _cli(tree, "check", "--lang", "kk")
    assert "'\\x1b[2J\\x1b[32mOK'" in result.stderr, result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("name", ["script", "nul-in-title", "title-5000-brackets-yaml-flow"])
def test_cli_build_refuses_and_writes_nothing(name: str, tree: Path):
    BY_NAME[name].mutate(tree)
    result = _cli(tree, "build", "--out", "site")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "nothing was built" in result.stderr, result.stderr
    assert not (tree.parent / "site").exists()


# The accepted trees and the scan of their sites.

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "poster", "background", "codebase",
                  "cite", "longdesc", "ping", "manifest", "icon"}
LOADING = {"src", "srcset", "data", "poster", "background"}
"""Attributes that make the browser fetch something; `<link href>` too."""
FORBIDDEN_ELEMENTS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"}
SCRIPT_URL = re.compile(r"^(javascript|vbscript|data|livescript):", re.I)


def _elements(site: Path):
    for path in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for element in soup.find_all(True):
            yield path.relative_to(site), element


def _urls(element) -> list[tuple[str, str]]:
    """Every URL-valued attribute of an element, srcset split into its URLs."""
    urls = []
    for name, value in element.attrs.items():
        values = value if isinstance(value, list) else [value]
        if name == "srcset":
            urls += [(name, part.split()[0]) for part in ",".join(values).split(",") if part.strip()]
        elif name in URL_ATTRIBUTES:
            urls += [(name, " ".join(values))]
    return urls


def _hosts_loaded(site: Path) -> set[str]:
    hosts = set()
    for _, element in _elements(site):
        for name, url in _urls(element):
            if name in LOADING or (element.name == "link" and name == "href"):
                hosts.add(urlsplit(browser_url(url)).netloc.lower())
    return hosts


def _script(element) -> tuple:
    """What tells scripts apart: the file, the type and the code; JSON data, which never runs and
    follows the content (the history's date field), by its id."""
    data = element.get("type") == "application/json"
    return element.get("src"), element.get("type"), element.get("id") if data else element.string or ""


def _scripts(site: Path) -> set[tuple]:
    return {_script(element) for _, element in _elements(site) if element.name == "script"}


@pytest.fixture(scope="module")
def baseline(previous_site):
    """What the frozen policy's own site loads and runs: the scripts and the hosts."""
    out, _ = previous_site
    return _scripts(out), _hosts_loaded(out)


def _json(text: str | None) -> bool:
    try:
        json.loads(text or "")
        return True
    except ValueError:
        return False


def inert(site: Path, baseline) -> list[str]:
    """Everything in a built site that could run code or load something the plain policy does not."""
    scripts, hosts = baseline
    found = []
    for page, element in _elements(site):
        where = f"{page}: <{element.name}>"
        found += [f"{where} has the handler {name}" for name in element.attrs if name.lower().startswith("on")]
        found += [f"{where} {name}={url!r}" for name, url in _urls(element) if SCRIPT_URL.match(browser_url(url))]
        if element.name in FORBIDDEN_ELEMENTS:
            found.append(f"{where} is not allowed")
        if element.name == "meta" and str(element.get("http-equiv", "")).lower() == "refresh":
            found.append(f"{where} redirects")
        if element.name == "script" and _script(element) not in scripts:
            found.append(f"{where} is a script the policy's own site does not have: {str(element)[:200]}")
        if element.name == "script" and element.get("type") == "application/json" and not _json(element.string):
            found.append(f"{where} is not JSON data: {str(element)[:200]}")
        for name, url in _urls(element):
            loads = name in LOADING or (element.name == "link" and name == "href")
            if loads and urlsplit(browser_url(url)).netloc.lower() not in hosts:
                found.append(f"{where} loads {url!r} from another host")
            if element.name == "a" and name == "href" and urlsplit(browser_url(url)).scheme.lower() not in (
                    "", "https", "mailto", "tel"):
                found.append(f"{where} links to {url!r}")
    return found


def test_the_scan_finds_what_it_looks_for(previous_site, baseline, tmp_path):
    """The scan itself must be able to fail: a page of the plain site, clean as it is, with one bad
    thing of each kind added."""
    out, _ = previous_site
    page = out / "en" / "index.html"
    for bad in ["", '<p onmouseover="x()">', '<script type="application/json" id="__config">{</script>', '<a href="java&#9;script:x()">', "<script>x()</script>",
                '<img src="https://other.host/x.png">', '<img srcset="x.png 1x, //other.host/y.png 2x">',
                '<link rel="stylesheet" href="https://other.host/x.css">', '<iframe src="x"></iframe>',
                '<a href="vbscript:x">', '<form action="javascript:x()">', '<a href="http://allurauto.kz/">']:
        site = tmp_path / hashlib.sha256(bad.encode()).hexdigest()
        copy = site / "en" / "index.html"
        copy.parent.mkdir(parents=True)
        copy.write_text(page.read_text(encoding="utf-8").replace("</article>", bad + "</article>", 1), encoding="utf-8")
        assert bool(inert(site, baseline)) == bool(bad), bad


@pytest.mark.slow
@pytest.mark.parametrize("accepted", ACCEPTED, ids=str)
def test_accepted_tree_builds_an_inert_site(accepted: Accepted, tree: Path, tmp_path: Path, baseline):
    accepted.mutate(tree)
    _, problems = check_content(tree, TODAY)
    assert places(problems, tree, "error") == set(), "check and build agree: no error, so it builds"
    out = tmp_path / "site"
    build(tree, out)
    assert inert(out, baseline) == []
    for feed in out.rglob("*.xml"):
        ElementTree.parse(feed)  # every feed and the sitemap stay well-formed XML
    json.loads((out / "versions.json").read_text(encoding="utf-8"))
    page = BeautifulSoup((out / accepted.lang / "versions" / "2026-11-24" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    clause = page.find(id="p-9-1")
    assert clause is not None, "clause 9.1 is on the page"
    shown = " ".join(page.find("article").get_text(" ").split())
    for text in accepted.shown:
        assert text in shown, f"{text!r} is not shown as text"
