"""No page moves once painted, and none scrolls sideways, in Chromium: every page of the demo and the
history of 20 versions, on a phone of 320 px with JavaScript on and off and on a desktop of 1280 px.
The layout shifts Chromium reports (those no input caused) add up to less than 0.05 on each page,
counted until the page has loaded, its fonts are ready and two frames have been painted; and the
page is no wider than the screen."""

from __future__ import annotations

import pytest

from tests.test_accessibility import page_urls, served_under_policy

pytestmark = pytest.mark.browser

SHIFTS = """() => new Promise(resolve => {
  let total = 0;
  const add = entries => entries.forEach(entry => { if (!entry.hadRecentInput) total += entry.value; });
  const observer = new PerformanceObserver(list => add(list.getEntries()));
  observer.observe({type: "layout-shift", buffered: true});
  document.fonts.ready.then(() => requestAnimationFrame(() => requestAnimationFrame(() => {
    add(observer.takeRecords());
    observer.disconnect();
    resolve(total);
  })));
})"""
"""The sum of the page's layout shifts so far: at least its CLS (which counts the worst burst)."""
WIDER = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
"""How far the page scrolls sideways."""
BUDGET = 0.05

SCREENS = {
    "phone": {"viewport": {"width": 320, "height": 640}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2},
    "phone without JavaScript": {"viewport": {"width": 320, "height": 640}, "is_mobile": True, "has_touch": True,
                                 "device_scale_factor": 2, "java_script_enabled": False},
    "desktop": {"viewport": {"width": 1280, "height": 800}},
}


def measure(browser, base: str, urls: list[str], screen: str) -> dict[str, tuple[float, int]]:
    """Each page's shifts and sideways scroll on `screen`, loaded in a context of its own."""
    found = {}
    context = browser.new_context(**SCREENS[screen])
    page = context.new_page()
    for url in urls:
        page.goto(base + url, wait_until="load")
        found[url] = (page.evaluate(SHIFTS) if screen != "phone without JavaScript" else 0.0, page.evaluate(WIDER))
    context.close()
    return found


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("site_name", ["demo_site", "long_history_site"])
def test_no_page_moves_or_scrolls_sideways(browser, request, site_name, screen):
    site = request.getfixturevalue(site_name)
    urls = page_urls(site) if site_name == "demo_site" else ["ru/history/", "kk/history/", "en/"]
    with served_under_policy(site) as base:
        found = measure(browser, base, urls, screen)
    assert len(found) == len(urls)
    assert {url: shift for url, (shift, _) in found.items() if shift >= BUDGET} == {}
    assert {url: wider for url, (_, wider) in found.items() if wider > 0} == {}


def test_the_measures_see_a_shift_and_a_page_too_wide(browser):
    """Text that a heading added after the first paint pushes down, and a block wider than the screen
    (in a page at an address: Chromium reports no shift on about:blank)."""
    page = browser.new_page(viewport={"width": 320, "height": 640})
    page.route("http://shifts.test/", lambda route: route.fulfill(content_type="text/html", body=(
        '<p>text</p><div style="width:400px">wide</div><script>setTimeout(() =>'
        ' document.body.insertAdjacentHTML("afterbegin", "<h1 style=height:300px>new</h1>"), 200)</script>')))
    page.goto("http://shifts.test/")
    page.wait_for_function("document.querySelector('h1')")
    assert page.evaluate(SHIFTS) > BUDGET
    assert page.evaluate(WIDER) > 0
    page.close()
