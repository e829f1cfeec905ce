"""The sanitizer alone, in a real browser: with the check's dialect rules switched off, content full
of event handlers, script URLs and scripts is built, served and opened in Chromium, every element
focused, hovered and clicked, and nothing may run. And the preview's page of errors, on a tree
made to drive a terminal and to inject markup: shown escaped, nothing runs.

Each payload adds its own number to `window.__pwned` (or calls alert, which a dialog handler
records), so a failure names every payload that got through. The check refuses all of these (see
test_hostile.py); this is the second line of defence, for a bug in the check or in the parser.
"""

from __future__ import annotations

import contextlib
import datetime
import inspect
import json
import queue
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import policy.checks.check
from policy.i18n.message import printable
from policy.build import build_site
from tools.browser import serve

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "policy"
OLD, NEW = "2026-11-24", "2026-11-25"
TODAY = datetime.date(2026, 11, 25)
FAST = {"compress": False} if "compress" in inspect.signature(build_site).parameters else {}


def pwn(number: int) -> str:
    return f"(window.__pwned=window.__pwned||[]).push({number})"


CLAUSE_PAYLOADS = [
    f'<img src=x onerror="{pwn(1)}">',
    f'<svg onload="{pwn(2)}"></svg>',
    f'**x**{{onfocus="{pwn(3)}" autofocus tabindex=1}}',
    f"[click](javascript:{pwn(4)})",
    f"<script>{pwn(5)}</script>",
    f"<details open ontoggle=\"{pwn(6)}\">",
    f'<a href="javascript:{pwn(7)}">a</a>',
    f"[w](&#106;avascript:{pwn(8)})",
    f'<iframe src="javascript:(parent.__pwned=parent.__pwned||[]).push(9)"></iframe>',
    f'<input autofocus onfocus="{pwn(10)}">',
    f'<math><mtext></p><img src=x onerror="{pwn(11)}">',
    f'<noscript><p title="</noscript><img src=x onerror={pwn(12)}>">',
    f"<javascript:{pwn(13)}>",
    f'[t](https://allurauto.kz "t"){{: onclick="{pwn(14)}" }}',
    f'*e*{{: onmouseover="{pwn(15)}" }}',
    f"![p](x){{: onerror=\"{pwn(16)}\" }}",
    "<svg><animate onbegin=alert(17) attributeName=x dur=1s>",
]
BLOCK_PAYLOADS = [
    f'\n\n    *code*{{: autofocus tabindex=1 onfocus="{pwn(20)}"}}',
    f"\n\n    [code](javascript:{pwn(21)})",
    f'\n\nsetext &#123;: onmouseover="{pwn(22)}" &#125;\n===',
    f'\n\n```\n*fenced*{{: onmouseover="{pwn(23)}"}}\n```',
    f'\n\n> *quoted*{{: onmouseover="{pwn(24)}"}}',
    f'\n\n### *heading*{{: onmouseover="{pwn(25)}"}}',
    f'\n\n<div onmouseover="{pwn(26)}">block</div>',
    f"\n\n[r]: javascript:{pwn(27)}\n\n[reference][r]",
    f'\n\n!!! note "x"\n    *admonition*{{: onmouseover="{pwn(28)}"}}',
]
TITLE = f'<img src=x onerror="{pwn(30)}"> Policy'
SUMMARY = f'<svg onload="{pwn(31)}"></svg> **b**{{onfocus="{pwn(32)}" autofocus tabindex=1}}'
HEADING = f'# <img src=x onerror="{pwn(33)}"> *Title*{{: onmouseover="{pwn(34)}"}}'
SECTION = f'## 9. <img src=x onerror="{pwn(35)}"> TERMS {{: onmouseover="{pwn(36)}"}}'


def hostile(text: str) -> str:
    """A version's text with a payload in the title, summary, headings and every clause of section 9."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if line.startswith("title: "):
            lines[index] = f"title: {TITLE}"
        elif line.startswith("summary: "):
            lines[index] = f"summary: {SUMMARY}"
        elif line.startswith("# "):
            lines[index] = HEADING
        elif line.startswith("## 9. "):
            lines[index] = SECTION
        elif line.startswith(("9.1. ", "9.2. ", "9.3. ", "9.4. ")):
            lines[index] = f"{line[:5]}{' '.join(CLAUSE_PAYLOADS)} {line[5:]}"
    lines[-1] += "".join(BLOCK_PAYLOADS)
    return "\n".join(lines)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The fixture's version, and a new one carrying every payload, built with no dialect rules."""
    content = tmp_path_factory.mktemp("hostile") / "content"
    shutil.copytree(FIXTURE, content)
    for lang in ("ru", "kk", "en"):
        text = (content / lang / f"{OLD}.md").read_text(encoding="utf-8")
        (content / lang / f"{NEW}.md").write_text(hostile(text), encoding="utf-8")
    out = content.parent / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(policy.checks.check, "_dialect", lambda version: [])
        build_site(content, out, TODAY, **FAST)
    return out


@pytest.fixture(scope="module")
def base(site):
    with serve(site) as url:
        yield url


PROVOKE = """() => {
  const types = ["focus", "focusin", "blur", "mouseover", "mouseenter", "mousemove", "mousedown", "mouseup",
                 "click", "dblclick", "pointerdown", "pointerover", "keydown", "toggle", "animationstart",
                 "animationend", "transitionend", "load", "error", "begin"];
  for (const element of document.querySelectorAll("body *")) {
    if (typeof element.focus === "function") element.focus();
    for (const type of types) element.dispatchEvent(new Event(type, {bubbles: true, cancelable: true}));
  }
  for (const link of document.querySelectorAll("a")) {
    if (link.protocol === "javascript:") link.click();
  }
}"""
SETTLED = """() => new Promise(resolve => {
  const canary = new Image();
  canary.addEventListener("error", () => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  canary.src = "canary-" + Math.random() + ".png";
})"""
"""Resolves once everything provoked before it has had its turn: a missing image's error event comes
after the tasks queued before it (a payload's own error event, a javascript: link's navigation),
and two frames after that, the focus, animation and transition events of the page."""
LIVE_HANDLERS = """() => [...document.querySelectorAll("*")].flatMap(element =>
  [...element.attributes].filter(a => a.name.toLowerCase().startsWith("on")
      || /^\\s*(javascript|vbscript|data):/i.test(a.value) && ["href", "src", "action", "formaction", "data"].includes(a.name))
    .map(a => `<${element.localName} ${a.name}="${a.value}">`))"""


PAGES = [f"ru/{path}" for path in ("", "history/", f"versions/{NEW}/", f"versions/{OLD}/", f"changes/{NEW}/")]
PAGES += ["en/", f"en/changes/{NEW}/"]
"""The current version, the history, the new version and the archived one at their addresses, and
what the new one changed."""


@pytest.mark.parametrize("path", PAGES)
def test_no_payload_runs(browser, base, path):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    response = page.goto(f"{base}{path}")
    assert response.status == 200
    page.wait_for_load_state("networkidle")
    if not path.endswith(f"versions/{OLD}/"):
        assert "__pwned" in page.inner_text("article"), "the payloads reached the page, as text"
    for _ in range(30):
        page.keyboard.press("Tab")
    page.evaluate(PROVOKE)
    page.mouse.move(10, 10)
    page.mouse.move(640, 450, steps=5)
    page.evaluate(SETTLED)
    ran = {"payloads": page.evaluate("window.__pwned || []"), "dialogs": dialogs,
           "handlers and script URLs in the page": page.evaluate(LIVE_HANDLERS)}
    assert ran == {"payloads": [], "dialogs": [], "handlers and script URLs in the page": []}
    context.close()


def test_search_results_show_payloads_as_text(browser, base):
    """Search results are rendered from the search index as HTML: the payloads there stay text."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{base}en/")
    page.wait_for_load_state("networkidle")
    page.click(".md-search__input")
    page.fill(".md-search__input", "onerror")
    page.dispatch_event(".md-search__input", "keyup")  # Material reads the query on keyup
    page.wait_for_selector(".md-search-result__item")
    assert "__pwned" in page.inner_text(".md-search-result"), "the payloads were found, as text"
    page.evaluate(PROVOKE)
    page.evaluate(SETTLED)
    found = page.evaluate("document.querySelectorAll('.md-search-result :is(img, svg, script, iframe, input, "
                          "details:not(.md-search-result__more))')"
                          ".length")
    ran = {"payloads": page.evaluate("window.__pwned || []"), "dialogs": dialogs,
           "handlers and script URLs in the page": page.evaluate(LIVE_HANDLERS), "elements": found}
    assert ran == {"payloads": [], "dialogs": [], "handlers and script URLs in the page": [], "elements": 0}
    context.close()


class Preview:
    """`build.py serve` on a content tree, in a subprocess of its own: the URL it prints."""

    def __init__(self, content: Path, lang: str):
        self.process = subprocess.Popen(
            [sys.executable, "-u", str(ROOT / "build.py"), "serve", "--content", str(content),
             "--port", "0", "--date", str(TODAY), "--lang", lang], stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True, cwd=content.parent)
        self.output: list[str] = []
        lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=lambda: [lines.put(line) for line in self.process.stdout], daemon=True).start()
        deadline = time.monotonic() + 120
        while not any(line.startswith("preview at ") for line in self.output):
            assert time.monotonic() < deadline and self.process.poll() is None, "".join(self.output)
            with contextlib.suppress(queue.Empty):
                self.output.append(lines.get(timeout=1))
        self.url = self.output[-1].split()[2]

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


REFUSED_NAME = "ru/\x1b[2J\x1b]52;c;ZXZpbA==\x07\u202eOK.md"
REFUSED_KEY = "\x1b[31m<img src=x onerror=alert(40)>"


@pytest.mark.server
def test_a_refused_edit_is_shown_escaped_on_the_previews_error_page(browser, tmp_path):
    """The preview of a tree an attacker wrote: a file name that would clear a terminal, write to its
    clipboard and turn its line around, a front matter key and a clause that hold markup and script.
    Chromium shows every error with its file and line, in the editor's language (Russian), the
    control and direction characters as escapes and the markup as text; nothing runs."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    (content / REFUSED_NAME).write_text("x", encoding="utf-8")
    english = (content / "en" / f"{OLD}.md").read_text(encoding="utf-8")
    key = json.dumps(REFUSED_KEY)  # YAML reads JSON strings: \u001b and all
    english = english.replace("\nsummary:", f"\n{key}: x\nsummary:", 1)
    (content / "en" / f"{OLD}.md").write_text(english, encoding="utf-8")
    kazakh = (content / "kk" / f"{OLD}.md").read_text(encoding="utf-8")
    kazakh = kazakh.replace("\n9.1. ", f"\n9.1. <img src=x onerror=\"{pwn(41)}\"> [x](javascript:{pwn(42)}) ", 1)
    (content / "kk" / f"{OLD}.md").write_text(kazakh, encoding="utf-8")
    preview = Preview(content, "ru")
    try:
        context = browser.new_context()
        page = context.new_page()
        dialogs = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        response = page.goto(preview.url)
        assert response.status == 500
        page.wait_for_load_state("networkidle")
        shown = page.inner_text("body")
        assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", shown), ascii(shown)
        assert "content/" + printable(REFUSED_NAME) + ":1: error: " in shown
        assert printable(REFUSED_KEY) in shown and f'onerror="{pwn(41)}"' not in shown
        assert "<img" in shown and f"javascript:{pwn(42)}" in shown
        assert "только файлы редакций" in shown and "неизвестное поле шапки" in shown
        elements = page.evaluate("[...document.querySelectorAll('img, svg, iframe, a[href], script:not([src])')]"
                                 ".map(e => e.outerHTML)")
        page.evaluate(PROVOKE)
        page.evaluate(SETTLED)
        assert {"elements": elements, "dialogs": dialogs, "payloads": page.evaluate("window.__pwned || []")} == {
            "elements": [], "dialogs": [], "payloads": []}
        context.close()
    finally:
        preview.close()
