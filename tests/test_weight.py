"""The weight of the pages: one copy of the theme's assets and no source maps in the built site; a
first visit of every kind of page within the budget in Chromium through nginx, everything it
fetches before the visitor does anything counted, and no search code or index among it; the
search loading when opened and finding words then; and the trimmed stylesheet styling every element
in every state of the pages exactly as Material's whole stylesheet does."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import material
import pytest

from policy.i18n.language import LANGUAGES
from policy.site.render import KEYBOARD_FOCUS
from policy.site.site import OWN_STYLESHEETS
from tests.conftest import ROOT
from tools.browser import serve
from tools.weight import BUDGET, first_visit

SEARCH = ("/assets/search.js", "/search/search_index.json")
"""What the search fetches when it is opened, and not before."""
QUERIES = {"ru": "политика", "kk": "саясат", "en": "policy"}


def test_one_copy_of_the_theme_assets_and_no_source_maps(demo_site):
    root = demo_site.root
    assert list(root.rglob("*.map")) == []
    assert [path for path in root.rglob("assets") if path != root / "assets"] == []
    assert list(root.rglob("bundle.*")) == [] and list(root.rglob("lunr*")) == []
    [stylesheet] = (root / "assets" / "stylesheets").glob("*.css")
    digest = hashlib.sha256(stylesheet.read_bytes()).hexdigest()[:8]
    assert stylesheet.name == f"main.{digest}.min.css", "named by its content: cached for a year"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_links_the_shared_assets(demo_site, lang):
    """Relative links from pages at any depth, and the 404 page's from the site's path."""
    for page in (demo_site.root / lang).rglob("*.html"):
        address = "https://allurauto.kz/policy/" + str(page.relative_to(demo_site.root))
        html = page.read_text(encoding="utf-8")
        links = re.findall(r'<(?:link rel="(?:stylesheet|icon)" href|script src)="([^"]+)"', html)
        assert {link.rsplit("/", 1)[1] for link in links} >= {"favicon.png", "theme.js", "policy.js"}
        [sheet] = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
        assert re.search(r"/assets/stylesheets/main\.[0-9a-f]{8}\.min\.css$", sheet), "one stylesheet"
        for link in links:
            path = urlsplit(urljoin(address, link)).path.removeprefix("/policy/")
            assert path.startswith("assets/") and (demo_site.root / path).is_file(), (page, link)


@pytest.mark.browser
@pytest.mark.parametrize("path", ["", "ru/", "kk/history/", "en/changes/2026-06-01/", "ru/versions/2024-01-15/",
                                  "kk/versions/2030-01-01/", "kk/since/2024-01-15/", "ru/parallel/2026-06-01/",
                                  "en/nope"])
def test_a_first_visit_stays_within_the_budget_and_fetches_no_search(browser, served, path):
    with first_visit(browser, served + path) as (page, sizes):
        assert sum(sizes.values()) <= BUDGET, sizes
        assert [url for url in sizes if url.endswith(SEARCH)] == []


@pytest.mark.browser
@pytest.mark.parametrize("lang, query, found, mark", [
    ("ru", "курьерская служба", ["ru/#p-5", "ru/#p-7", "ru/history/#v-2026-06-01"], "курьерских"),
    ("kk", "кінәрат", ["kk/#p-8", "kk/history/#v-2025-09-01"], "кінәрат"),
])
def test_the_search_loads_when_opened_and_finds_other_forms_of_a_word(browser, served, lang, query, found, mark):
    with first_visit(browser, f"{served}{lang}/") as (page, sizes):
        page.click("button[data-md-toggle-for=__search]")
        page.fill(".md-search__input", query)
        page.wait_for_selector(".md-search-result__item")
        assert sorted(url for url in sizes if url.endswith(SEARCH)) == \
            [f"{served}assets/search.js", f"{served}{lang}/search/search_index.json"]
        hrefs = page.eval_on_selector_all(".md-search-result__link", "links => links.map(link => link.href)")
        assert {served + href for href in found} <= set(hrefs)
        assert all(href.startswith(f"{served}{lang}/") for href in hrefs)
        assert mark in page.eval_on_selector_all("mark", "marks => marks.map(mark => mark.textContent.toLowerCase())")
        page.press(".md-search__input", "Enter")  # the best result, in view once the search has closed
        page.wait_for_function("!document.getElementById('__search').checked")
        assert page.url in hrefs
        page.wait_for_function("!document.body.hasAttribute('data-md-scrolllock')")
        assert 0 <= page.evaluate("document.getElementById(location.hash.slice(1)).getBoundingClientRect().top") < 800


def material_stylesheet() -> bytes:
    """Material's whole stylesheets, as the build reads them before trimming, and the project's own
    as written (the build writes them minified)."""
    folder = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    css = "".join(path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.min.css")))
    own = "".join((ROOT / "theme" / "assets" / name).read_text(encoding="utf-8") for name in OWN_STYLESHEETS)
    return (KEYBOARD_FOCUS.sub(":focus-visible", css) + own).encode()


STYLES = """() => [...document.querySelectorAll("*")].flatMap(element => [null, "::before", "::after"].map(pseudo => {
  const style = getComputedStyle(element, pseudo);
  const text = [...style].filter(name => !name.startsWith("--")).map(name => style.getPropertyValue(name)).join(";");
  return [...text].reduce((hash, char) => Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0, 2166136261);
}))"""
"""A digest of every element's computed style and its ::before's and ::after's (custom properties
aside: the trimming drops those nothing reads)."""
STILL = "*, ::before, ::after { transition: none !important; animation: none !important }"


def park(page) -> None:
    """The mouse off the page, so that nothing is hovered: Chromium styles what lies under the mouse,
    and after a change of layout only once the mouse moves again, so a state compared with the mouse
    anywhere on the page would depend on where it was left and on when the layout changed."""
    page.mouse.move(-1, -1)


def styles(browser, url: str, width: int, stylesheet: bytes | None) -> dict[str, list[int]]:
    """The styles of a page at its top, with the language menu open, with a link and a search result
    hovered, with the drawer open (on a phone) and searching, transitions left out; with Material's
    whole stylesheet if given. The mouse is parked off the page but where a state hovers on purpose."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    if stylesheet:
        page.route("**/assets/stylesheets/main.*.min.css", lambda route: route.fulfill(body=stylesheet,
                                                                                        content_type="text/css"))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.add_style_tag(content=STILL)
    park(page)
    states = {"top": page.evaluate(STYLES)}
    page.hover(".md-header__option .md-select button")
    states["language menu"] = page.evaluate(STYLES)
    park(page)
    page.hover("article p a[href]")
    states["link hovered"] = page.evaluate(STYLES)
    park(page)
    page.evaluate("scrollTo(0, 0)")
    if width < 1220:
        page.click("button[data-md-toggle-for=__drawer]")
        park(page)
        states["drawer"] = page.evaluate(STYLES)
        page.evaluate("document.getElementById('__drawer').click()")
    page.click("button[data-md-toggle-for=__search]" if width < 960 else ".md-search__input")
    park(page)
    page.fill(".md-search__input", QUERIES[page.evaluate("document.documentElement.lang")])
    page.wait_for_selector(".md-search-result__item")
    if width < 960:  # on a phone the search covers the page, which it holds still a moment later
        page.wait_for_selector("body[data-md-scrolllock]", state="attached")
    states["search"] = page.evaluate(STYLES)
    page.hover(".md-search-result__link")
    states["search result hovered"] = page.evaluate(STYLES)
    context.close()
    return states


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 360])
def test_the_trimmed_stylesheet_styles_every_element_as_materials_whole_one(browser, demo_site, width):
    with serve(demo_site.root) as base:
        for path in ("ru/", "kk/history/", "en/changes/2026-06-01/"):
            trimmed, whole = (styles(browser, base + path, width, stylesheet) for stylesheet in (None, material_stylesheet()))
            for state in whole:
                assert trimmed[state] == whole[state], (path, state)
