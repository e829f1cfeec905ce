"""The site in a real browser: Debian's Chromium driven by Playwright, pages served on 127.0.0.1."""

from __future__ import annotations

import shutil
from urllib.parse import urlsplit

import pytest

from tools.browser import serve

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def base(demo_site):
    with serve(demo_site.root) as url:
        yield url


def visit(browser, url, **context):
    """Open `url` in a fresh context; return the page and every request it made, with statuses."""
    context = browser.new_context(**context)
    page = context.new_page()
    requests = []
    page.on("requestfinished", lambda request: requests.append((request.url, request.response().status)))
    page.on("requestfailed", lambda request: requests.append((request.url, "failed")))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page, requests


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
@pytest.mark.parametrize("path", ["", "history/", "changes/2026-06-01/"])
def test_no_request_leaves_the_site(browser, base, lang, path):
    page, requests = visit(browser, f"{base}{lang}/{path}")
    assert requests, "the page loaded its styles and scripts"
    for url, status in requests:
        assert urlsplit(url).netloc == urlsplit(base).netloc, url
        assert status != "failed" and status < 400, (url, status)
    assert page.evaluate("document.documentElement.lang") == lang
    page.context.close()


def switch_to(page, lang):
    page.hover(".md-header__option .md-select button")
    page.click(f"a.md-select__link[hreflang={lang}]")
    page.wait_for_load_state()


def test_switching_language_from_a_clause_link_lands_on_the_same_clause(browser, base):
    page, _ = visit(browser, f"{base}ru/", viewport={"width": 1280, "height": 900})
    page.click("#p-6-2-1 a[href='#p-4']")
    assert page.url.endswith("/ru/#p-4")
    switch_to(page, "kk")
    assert page.url == f"{base}kk/#p-4"
    assert page.locator("#p-4").is_visible()
    assert "МАҚСАТТАРЫ" in page.locator("#p-4").inner_text().upper()
    page.context.close()


def test_switching_language_on_a_change_page_keeps_the_page_and_the_anchor(browser, base):
    page, _ = visit(browser, f"{base}en/changes/2026-06-01/#p-7-1", viewport={"width": 1280, "height": 900})
    switch_to(page, "ru")
    assert page.url == f"{base}ru/changes/2026-06-01/#p-7-1"
    assert page.locator("#p-7-1 + .redline del").count() == 1
    page.context.close()


def test_first_visit_goes_to_the_browser_language_then_the_chooser_stays(browser, base):
    page, _ = visit(browser, base, locale="kk-KZ")
    assert page.url == f"{base}kk/"
    page.goto(base)
    page.wait_for_load_state()
    assert page.url == base, "a returning visitor sees the chooser"
    page.context.close()


def test_chooser_is_a_plain_list_without_javascript(browser, base):
    page, _ = visit(browser, base, locale="en-US", java_script_enabled=False)
    assert page.url == base
    assert page.locator("ul a").all_inner_texts()[0].startswith("Қазақша")
    page.click("a[hreflang=en]")
    assert page.url == f"{base}en/"
    page.context.close()


def test_site_works_under_a_sub_path(browser, demo_site, tmp_path):
    shutil.copytree(demo_site.root, tmp_path / "policy")
    with serve(tmp_path) as root:
        page, requests = visit(browser, f"{root}policy/ru/versions/2024-01-15/")
        assert all(status == 200 for _, status in requests), requests
        page.click(".admonition a")
        assert page.url == f"{root}policy/ru/"
        page.context.close()


def test_search_finds_the_current_text_only(browser, base):
    page, _ = visit(browser, f"{base}ru/", viewport={"width": 1280, "height": 900})
    page.click(".md-search__input")
    page.fill(".md-search__input", "курьерским")
    page.dispatch_event(".md-search__input", "keyup")  # Material reads the query on keyup; fill() types none
    page.wait_for_selector(".md-search-result__item")
    hrefs = page.eval_on_selector_all(".md-search-result__item a", "links => links.map(a => a.href)")
    assert hrefs and all("/versions/" not in href and "/changes/" not in href for href in hrefs)
    page.context.close()


def test_coming_back_to_a_page_finds_the_drawer_closed(browser, base):
    """The browser restores the drawer's checkbox on going back; assets/policy.js closes it again."""
    page, _ = visit(browser, f"{base}ru/", viewport={"width": 360, "height": 700})
    page.click("button[data-md-toggle-for=__drawer]")
    page.click("nav.md-nav--primary a[href='history/']")
    page.wait_for_load_state()
    page.go_back()
    page.wait_for_load_state()
    assert page.evaluate("performance.getEntriesByType('navigation')[0].type") == "back_forward"
    page.wait_for_function("!document.getElementById('__drawer').checked")
    assert page.locator(".md-sidebar--primary").bounding_box()["x"] < 0, "the drawer is off the screen"
    page.context.close()


def test_the_header_and_the_contents_follow_the_reading_and_a_jump_closes_the_drawer(browser, base):
    """What the theme's script does in place of Material's bundle.js."""
    page, _ = visit(browser, f"{base}ru/", viewport={"width": 1280, "height": 900})
    title = page.locator(".md-header__title")
    assert "md-header__title--active" not in title.get_attribute("class")
    page.evaluate("scrollTo(0, document.getElementById('p-5').getBoundingClientRect().top + scrollY - 40)")
    page.wait_for_function("document.querySelector('.md-header__title').matches('.md-header__title--active')")
    links = ".md-sidebar--secondary .md-nav__link"
    assert page.eval_on_selector_all(f"{links}--active", "links => links.map(a => a.hash)") == ["#p-5"]
    assert page.eval_on_selector_all(f"{links}--passed", "links => links.map(a => a.hash)") == \
        ["#p-1", "#p-2", "#p-3", "#p-4", "#p-5"]
    height = page.eval_on_selector(".md-sidebar--secondary .md-sidebar__scrollwrap", "wrap => wrap.offsetHeight")
    assert 0 < height < 900, "the table of contents scrolls on its own"
    page.set_viewport_size({"width": 360, "height": 800})
    page.click("button[data-md-toggle-for=__drawer]")
    page.click(".md-sidebar--primary .md-nav--secondary a[href='#p-7']")
    page.wait_for_function("!document.getElementById('__drawer').checked")
    assert page.url.endswith("#p-7")
    page.context.close()


def test_the_drawer_the_switcher_and_links_work_without_javascript(browser, base):
    page, requests = visit(browser, f"{base}kk/", viewport={"width": 360, "height": 800}, java_script_enabled=False)
    assert page.locator("button[data-md-toggle-for=__search]").is_hidden(), "the search needs JavaScript"
    page.click(".md-header__button[for=__drawer]")
    page.click(".md-sidebar--primary a.md-nav__link[href='history/']")
    assert page.url == f"{base}kk/history/"
    switch_to(page, "en")
    assert page.url == f"{base}en/history/"
    page.click("a[href='../versions/2024-01-15/']")
    assert page.url == f"{base}en/versions/2024-01-15/"
    page.context.close()


def test_switching_language_keeps_the_historys_day_and_the_parallel_pages_row(browser, base):
    page, _ = visit(browser, f"{base}en/history/?on=2025-05-03", viewport={"width": 1280, "height": 900})
    switch_to(page, "kk")
    assert page.url == f"{base}kk/history/?on=2025-05-03"
    page.wait_for_selector("#in-force-answer a")
    page.goto(f"{base}en/parallel/2026-06-01/")
    page.evaluate("scrollTo(0, document.getElementById('p-8-1').getBoundingClientRect().top + scrollY - 60)")
    switch_to(page, "ru")
    assert page.url == f"{base}ru/parallel/2026-06-01/#p-8-1"
    assert 0 < page.evaluate("document.getElementById('p-8-1').getBoundingClientRect().top") < 200
    page.context.close()


DARK = "getComputedStyle(document.body).backgroundColor !== 'rgb(255, 255, 255)'"


def test_the_scheme_switch_works_without_javascript_and_follows_the_system_again(browser, base):
    """Without JavaScript the switch is a checkbox: it darkens this page; the next page follows the
    system again, as nothing remembers the choice."""
    page, _ = visit(browser, f"{base}ru/", viewport={"width": 360, "height": 800}, java_script_enabled=False)
    assert not page.evaluate(DARK) and page.is_hidden("label.md-scheme--light")
    page.click("label.md-scheme--dark")
    assert page.evaluate(DARK)
    page.click("article a[href='history/']")
    assert not page.evaluate(DARK)
    page.context.close()


@pytest.mark.parametrize("system, switch", [("light", "dark"), ("dark", "light")])
def test_the_scheme_chosen_is_remembered_until_switched_back(browser, base, system, switch):
    page, _ = visit(browser, f"{base}kk/", viewport={"width": 1280, "height": 800}, color_scheme=system)
    assert page.evaluate(DARK) == (system == "dark")
    page.click(f"label.md-scheme--{switch}")
    assert page.get_attribute(f"#__{switch}", "role") == "switch" and page.is_checked(f"#__{switch}")
    assert page.evaluate(DARK) == (switch == "dark")
    page.click("a.md-nav__link[href='history/']")
    page.wait_for_load_state()
    assert page.evaluate(DARK) == (switch == "dark"), "the next page keeps the choice"
    assert page.is_checked(f"#__{switch}")
    page.click(f"label.md-scheme--{switch}")
    page.goto(f"{base}kk/")
    assert page.evaluate(DARK) == (system == "dark"), "switched back: the system's again"
    page.context.close()
