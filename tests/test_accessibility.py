"""Every page of the demo and of the real policy checked by tools nobody here wrote: axe-core in
Chromium at a desktop's and a phone's width, as loaded and in every state a visitor opens (search,
language menu, drawer, other languages, print), in the light and the dark scheme; and the Nu HTML
Checker; and the typography in a real browser: Kazakh headings in one font, headings that fit a
320 px screen with their words whole."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import tempfile
from pathlib import Path
from typing import Iterator

import pytest

from tests.conftest import ROOT, Site, require_tool
from tools.browser import serve

pytestmark = [pytest.mark.browser, pytest.mark.node]

NODE = ROOT / "tests" / "node" / "node_modules"
AXE = NODE / "axe-core" / "axe.min.js"
VNU = NODE / "vnu-jar" / "build" / "dist" / "vnu.jar"
SITES = ["demo_site", "real_site"]
WIDTHS = [1280, 360]


@contextlib.contextmanager
def served_under_policy(site: Site) -> Iterator[str]:
    """The site at http://127.0.0.1:PORT/policy/, the path its 404 pages link from."""
    with tempfile.TemporaryDirectory() as folder:
        os.symlink(site.root, Path(folder) / "policy")
        with serve(Path(folder)) as base:
            yield f"{base}policy/"


def page_urls(site: Site) -> list[str]:
    """Every page: the chooser and the top 404, and in each language the current text, the history,
    each version, each change page and the 404."""
    paths = [path.relative_to(site.root).as_posix() for path in site.html_files() if "assets" not in path.parts]
    return [path.removesuffix("index.html") for path in paths]


def axe_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate("""async () => (await axe.run(document)).violations.map(violation =>
        `${violation.id} (${violation.nodes.length}): ${violation.nodes[0].html.slice(0, 120)}`)""")


DARK = """() => {
  const parse = value => value.match(/[\\d.]+/g).map(Number);
  const [r, g, b] = parse(getComputedStyle(document.body).backgroundColor);
  return r + g + b < 3 * 64;
}"""
"""Whether the page's background is dark."""


@pytest.mark.parametrize("site_name, width, scheme", [(site, width, "light") for site in SITES for width in WIDTHS]
                         + [("demo_site", width, "dark") for width in WIDTHS])
def test_axe_finds_no_violation_on_any_page(browser, request, site_name, width, scheme):
    """Every page as it loads; in the dark scheme (prefers-color-scheme), every page is dark too."""
    require_tool(str(AXE))
    site = request.getfixturevalue(site_name)
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    found, light = {}, []
    with served_under_policy(site) as base:
        for url in page_urls(site):
            page.goto(base + url)
            found[url] = axe_violations(page)
            if page.evaluate(DARK) != (scheme == "dark"):
                light.append(url)
    context.close()
    assert len(found) > 15
    assert {url: violations for url, violations in found.items() if violations} == {}
    assert light == [], f"not in the {scheme} scheme"


QUERIES = {"ru": ("политика", "зюйдвестка"), "kk": ("саясат", "зюйдвестка"), "en": ("policy", "zeitgeist")}
"""Per language, a word the search finds and one it does not."""
STILL = "() => document.getAnimations().every(animation => animation.playState !== 'running')"


def search(page, words: str | None) -> None:
    """Open the search (its button on a phone, its field on a wider screen) and type `words`."""
    if page.is_visible("button[data-md-toggle-for=__search]"):
        page.click("button[data-md-toggle-for=__search]")
    else:
        page.click(".md-search__input")
    page.wait_for_function("document.getElementById('__search').checked")
    page.wait_for_selector(".md-search-result__meta:not(:empty)")
    if words is None:
        return
    page.keyboard.type(words)
    page.wait_for_function("""words => document.querySelector(".md-search-result__meta").textContent.trim() !==
        JSON.parse(document.getElementById("__config").textContent).translations["search.result.placeholder"]""", arg=words)


def open_languages(page) -> None:
    page.focus(".md-select > button")
    page.keyboard.press("Enter")
    page.keyboard.press("ArrowDown")


STATES = {
    "search open": lambda page, lang: search(page, None),
    "search found": lambda page, lang: (search(page, QUERIES[lang][0]), page.wait_for_selector(".md-search-result__item")),
    "search found nothing": lambda page, lang: search(page, QUERIES[lang][1]),
    "language menu": lambda page, lang: open_languages(page),
    "drawer": lambda page, lang: page.click("button[data-md-toggle-for=__drawer]"),
    "other languages": lambda page, lang: page.click("details.other-languages > summary >> nth=0"),
    "print": lambda page, lang: page.emulate_media(media="print"),
}
"""What a visitor opens on a page, beyond the page as it loads."""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_axe_finds_no_violation_in_any_state(browser, demo_site, lang, scheme):
    """Each state on a phone (the drawer exists only there) and the search's on a desktop too, where
    it drops down under the header; in the light and the dark scheme, once transitions are over."""
    require_tool(str(AXE))
    found = {}
    with served_under_policy(demo_site) as base:
        for width in (360, 1280):
            for state, make in STATES.items():
                if width > 360 and not state.startswith("search"):
                    continue
                context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
                page = context.new_page()
                page.goto(f"{base}{lang}/changes/2026-06-01/")
                page.wait_for_load_state("networkidle")
                make(page, lang)
                page.wait_for_function(STILL)
                found[(width, state)] = axe_violations(page)
                context.close()
    assert len(found) == 10
    assert {key: violations for key, violations in found.items() if violations} == {}


def test_axe_reports_what_it_finds(browser):
    require_tool(str(AXE))
    page = browser.new_page()
    page.set_content('<html><body><img src="data:,"><input type="checkbox"></body></html>')
    assert {line.split(" ")[0] for line in axe_violations(page)} >= {"image-alt", "label", "html-has-lang"}
    page.close()


@pytest.mark.java
def test_nu_html_checker_finds_no_error_on_any_page(demo_site, real_site, tmp_path):
    """One run over both sites (the checker is slow to start), with a broken page beside them to show
    that it read the files: its errors, and no other, are reported."""
    require_tool("java")
    require_tool(str(VNU))
    broken = tmp_path / "broken.html"
    broken.write_text('<!doctype html><html lang="en"><title>x</title><input type="checkbox" autocomplete="off">',
                      encoding="utf-8")
    result = subprocess.run(["java", "-jar", str(VNU), "--skip-non-html", "--errors-only", "--format", "json",
                             str(demo_site.root), str(real_site.root), str(broken)],
                            capture_output=True, text=True, timeout=600)
    errors = json.loads(result.stderr)["messages"]
    assert [error["message"] for error in errors if error["url"].endswith("/broken.html")], result.stderr[:500]
    assert [(error["url"], error["message"]) for error in errors if not error["url"].endswith("/broken.html")] == []


def test_kazakh_headings_use_one_font(browser, demo_site):
    """Each heading's letters, ң қ ұ ғ ө among them, come from one font, as Chromium reports them
    (the DevTools protocol): a face without those letters would take them from another."""
    with serve(demo_site.root) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        cdp = page.context.new_cdp_session(page)
        seen, mixed = "", {}
        for url in ("kk/", "kk/history/", "kk/changes/2026-06-01/"):
            page.goto(base + url)
            cdp.send("DOM.enable")
            cdp.send("CSS.enable")
            document = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
            headings = cdp.send("DOM.querySelectorAll", {"nodeId": document, "selector": "h1, h2, h3"})["nodeIds"]
            texts = page.eval_on_selector_all("h1, h2, h3", "headings => headings.map(h => h.textContent)")
            for node, text in zip(headings, texts):
                fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
                seen += text
                if len({font["postScriptName"] or font["familyName"] for font in fonts}) != 1:
                    mixed[text.strip()] = fonts
        page.close()
    assert set("ңқұғө") <= set(seen.lower())
    assert mixed == {}


WORDS_BROKEN_ACROSS_LINES = """() => [...document.querySelectorAll("article :is(h1, h2, h3)")].flatMap(heading => {
    const broken = [];
    const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
    for (let node; (node = walker.nextNode());) {
        for (const word of node.data.matchAll(/\\S+/g)) {
            const range = document.createRange();
            range.setStart(node, word.index);
            range.setEnd(node, word.index + word[0].length);
            const lines = new Set([...range.getClientRects()].map(rect => Math.round(rect.top)));
            if (lines.size > 1 || range.getBoundingClientRect().right > heading.getBoundingClientRect().right + 1)
                broken.push(word[0]);
        }
    }
    return broken;
})"""


@pytest.mark.parametrize("site_name", SITES)
def test_headings_fit_a_small_phone_with_their_words_whole(browser, request, site_name):
    """On a phone, whose scrollbars take no room."""
    site = request.getfixturevalue(site_name)
    page = browser.new_context(viewport={"width": 320, "height": 640}, is_mobile=True).new_page()
    broken = {}
    with served_under_policy(site) as base:
        for url in page_urls(site):
            page.goto(base + url)
            broken[url] = page.evaluate(WORDS_BROKEN_ACROSS_LINES)
    page.context.close()
    assert {url: words for url, words in broken.items() if words} == {}
