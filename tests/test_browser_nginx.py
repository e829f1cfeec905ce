"""The site in Chromium through nginx with the shipped configuration: every kind of page loads under
the Content-Security-Policy with nothing blocked and no error; search, the language switcher,
clause links and the remembered language work; and a page under /policy/ looks exactly like the
same page of a site built for, and served at, a domain's root."""

from __future__ import annotations

import hashlib

import pytest

from tools.browser import serve

pytestmark = pytest.mark.browser

LANGS = ("ru", "kk", "en")
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => window.__violations.push(
  `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`));
"""
"""Runs before any script of each page: collects what the Content-Security-Policy blocked."""


class Visit:
    """A page opened in a fresh context, with its console errors and blocked requests."""

    def __init__(self, browser, url: str, locale: str = "de-DE", width: int = 1280, height: int = 900):
        self.context = browser.new_context(locale=locale, viewport={"width": width, "height": height})
        self.context.add_init_script(WATCH)
        self.page = self.context.new_page()
        self.errors, self.failed = [], []
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(
            (message.text, message.location.get("url"))))
        self.page.on("pageerror", lambda error: self.errors.append((str(error), "")))
        self.page.on("requestfailed", lambda request: self.failed.append(request.url))
        self.response = self.page.goto(url)
        self.page.wait_for_load_state("networkidle")

    def violations(self) -> list[str]:
        return self.page.evaluate("window.__violations")

    def close(self) -> None:
        self.context.close()


def page_kinds():
    """Every kind of page in every language, and the top's two; the 404s at made-up addresses."""
    kinds = [("", 200), ("nope/deeper/", 404)]
    for lang in LANGS:
        kinds += [(f"{lang}/{path}", 200) for path in ("", "history/", "versions/2024-01-15/",
                                                       "versions/2030-01-01/", "changes/2026-06-01/",
                                                       "history/?on=2025-05-03", "since/2024-01-15/",
                                                       "parallel/2026-06-01/")]
        kinds.append((f"{lang}/versions/2099-01-01/", 404))
    return kinds


@pytest.mark.parametrize("path, status", page_kinds())
def test_every_page_loads_under_the_csp_without_errors(browser, served, path, status):
    visit = Visit(browser, served + path)
    assert visit.response.status == status
    assert "default-src 'none'" in visit.response.headers["content-security-policy"]
    assert visit.violations() == []
    own_404 = ("Failed to load resource: the server responded with a status of 404 (Not Found)", served + path)
    assert [error for error in visit.errors if status != 404 or error != own_404] == []
    assert visit.failed == []
    if path.startswith(LANGS):  # the theme's styles and script ran: the header is styled, its menu a disclosure
        assert visit.page.eval_on_selector(".md-header", "header => getComputedStyle(header).position") == "sticky"
        assert visit.page.get_attribute(".md-select > button", "aria-expanded") == "false"
    else:
        assert visit.page.eval_on_selector("body", "body => getComputedStyle(body).maxWidth") != "none"
    visit.close()


def test_search_works_under_the_csp(browser, served):
    """The search loads its script when first opened, and it fetches the index: script-src and
    connect-src allow them."""
    visit = Visit(browser, f"{served}ru/")
    page = visit.page
    page.click(".md-search__input")
    page.fill(".md-search__input", "курьерским")
    page.dispatch_event(".md-search__input", "keyup")  # Material reads the query on keyup; fill() types none
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    hrefs = page.eval_on_selector_all(".md-search-result__item a", "links => links.map(a => a.href)")
    assert hrefs and all(href.startswith(f"{served}ru/") for href in hrefs)
    page.press(".md-search__input", "Enter")
    page.wait_for_load_state("networkidle")
    assert visit.violations() == [] and visit.errors == []
    visit.close()


def switch_to(page, lang):
    page.hover(".md-header__option .md-select button")
    page.click(f"a.md-select__link[hreflang={lang}]")
    page.wait_for_load_state("networkidle")


def test_clause_links_and_the_switcher_under_policy(browser, served):
    visit = Visit(browser, f"{served}ru/")
    page = visit.page
    page.click("#p-6-2-1 a[href='#p-4']")
    assert page.url == f"{served}ru/#p-4"
    switch_to(page, "kk")
    assert page.url == f"{served}kk/#p-4"
    assert "МАҚСАТТАРЫ" in page.locator("#p-4").inner_text().upper()
    assert visit.violations() == [] and visit.errors == []
    visit.close()


def test_the_server_remembers_the_language_picked_last(browser, served):
    """A first visit goes to the browser's language (the server's redirect); a language picked in
    the switcher is remembered by the server's cookie and wins over the browser's language."""
    visit = Visit(browser, served, locale="kk-KZ")
    page = visit.page
    assert page.url == f"{served}kk/"
    assert visit.response.request.redirected_from.url == served, "redirected by the server"
    switch_to(page, "en")
    page.goto(served)
    assert page.url == f"{served}en/"
    visit.close()


def test_the_chooser_remembers_the_language_picked_there_without_javascript(browser, served):
    context = browser.new_context(locale="de-DE", java_script_enabled=False)
    page = context.new_page()
    page.goto(served)
    page.click("a[hreflang=ru]")
    assert page.url == f"{served}ru/"
    page.goto(served)
    assert page.url == f"{served}ru/"
    context.close()


SAME_PAGES = [("", ""), ("ru/", "ru/"), ("kk/history/", "kk/history/"), ("en/versions/2024-01-15/",) * 2,
              ("ru/changes/2026-06-01/",) * 2, ("ru/nope", "ru/404.html"), ("nope", "404.html")]
"""Pages under /policy/ (nginx) and the same at a domain's root (python's server, which does not
serve 404 pages for missing addresses: the 404 page itself)."""

def screenshots(browser, url: str, width: int) -> list[str]:
    """The top of the page and its end as the visitor sees them, as digests of the PNG files.
    (Full-page screenshots resize the viewport, and Material's layout then moves for a while.)"""
    visit = Visit(browser, url, width=width, height=900)
    images = [visit.page.screenshot(animations="disabled")]
    visit.page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    images.append(visit.page.screenshot(animations="disabled"))
    visit.close()
    return [hashlib.sha256(image).hexdigest() for image in images]


@pytest.mark.parametrize("width", [1280, 390])
def test_a_page_under_policy_looks_exactly_like_at_a_domain_root(browser, served, own_host_site, width):
    """Tolerance: none. The screenshots are the same PNG files, so every pixel is the same."""
    with serve(own_host_site.root) as root:
        for under_policy, at_root in SAME_PAGES:
            assert screenshots(browser, served + under_policy, width) == screenshots(browser, root + at_root, width), \
                under_policy
