"""The site with a keyboard, in Chromium: every Tab stop of every kind of page, at a phone's, a
tablet's and a desktop's width, is on the screen, not hidden under anything, and ringed at 3:1
against what surrounds the ring; the drawer, the search and the language menu open from their
buttons, say so (aria-expanded), and Escape closes them and gives the focus back."""

from __future__ import annotations

import pytest

from tests.test_accessibility import served_under_policy

pytestmark = pytest.mark.browser

PAGES = ["", "ru/", "kk/history/", "en/changes/2026-06-01/", "ru/versions/2024-01-15/", "kk/since/2025-03-01/",
         "en/parallel/2026-06-01/", "ru/404.html", "404.html"]
"""Every kind of page: the chooser, the current text, the history, a change, an archived version,
what changed since it, three languages side by side, a language's 404 and the top's."""
WIDTHS = [360, 1024, 1280]
STOPS = 60
"""Tab stops followed on each page: the header's, the navigation's and the text's first links (the
parallel page has hundreds, each like the others)."""

COLOURS = """
const parse = value => {
  const found = value.match(/rgba?\\(([^)]*)\\)/);
  if (!found) return null;
  const parts = found[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
  return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
};
const over = (top, bottom) => [0, 1, 2].map(i => top[i] * top[3] + bottom[i] * (1 - top[3])).concat([1]);
const behind = element => {  // the colour an element shows: its background over its ancestors'
  const layers = [];
  for (let node = element; node && node.nodeType === 1; node = node.parentElement) {
    const colour = parse(getComputedStyle(node).backgroundColor);
    if (colour && colour[3] > 0) layers.push(colour);
    if (colour && colour[3] >= 1) break;
  }
  return layers.reverse().reduce((bottom, top) => over(top, bottom), [255, 255, 255, 1]);
};
const luminance = colour => {
  const [r, g, b] = colour.slice(0, 3).map(value => {
    value /= 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const ratio = (one, two) => {
  const [light, dark] = [luminance(one), luminance(two)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
};
"""
"""Colours as computed styles give them, what an element shows, and WCAG's contrast ratio."""

FOCUSED = "() => {" + COLOURS + """
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const box = element.getBoundingClientRect(), style = getComputedStyle(element);
  const name = (element.tagName.toLowerCase() + " " + (element.getAttribute("aria-label") || element.textContent)
    .replace(/\\s+/g, " ").trim().slice(0, 40) + " " + (element.getAttribute("href") || "")).trim();
  // Shown: what is at the middle of one of its boxes (a link broken over two lines has two) is it.
  const middles = [...element.getClientRects()].map(rect => [rect.left + rect.width / 2, rect.top + rect.height / 2])
    .filter(([x, y]) => x >= 0 && x < innerWidth && y >= 0 && y < innerHeight);
  const shown = middles.some(([x, y]) => {
    const top = document.elementFromPoint(x, y);
    return !!top && (top === element || element.contains(top));
  });
  const y = middles.length ? middles[0][1] : box.top + box.height / 2;
  let opacity = 1, visibility = style.visibility;
  for (let node = element; node && node.nodeType === 1; node = node.parentElement)
    opacity *= Number(getComputedStyle(node).opacity);
  // The ring: outside the element (its surroundings there), or inside it (then over its own colour).
  const width = parseFloat(style.outlineWidth), offset = parseFloat(style.outlineOffset);
  let under = element;
  if (offset >= 0) {
    const gap = offset + width / 2;
    const side = box.left - gap >= 0 ? box.left - gap : box.right + gap;
    under = document.elementsFromPoint(side, y).find(node => node !== element && !element.contains(node)) || element;
  }
  const ring = parse(style.outlineColor);
  return {name, box: [box.left, box.top, box.right, box.bottom], width: innerWidth, height: innerHeight,
          shown, visibility, opacity,
          outline: style.outlineStyle, thickness: width,
          contrast: ring ? ratio(over(ring, behind(under)), behind(under)) : 0};
}"""
"""The focused element: where it is, whether it is what shows at its centre, and its ring."""

STILL = "() => document.getAnimations().every(animation => animation.playState !== 'running')"
"""No transition is running: what a transition shows is the state it leads to."""


def problems(report: dict) -> list[str]:
    """What is wrong with a focused element, as FOCUSED reports it."""
    left, top, right, bottom = report["box"]
    found = []
    if right - left < 1 or bottom - top < 1 or left < -1 or right > report["width"] + 1 or bottom <= 0 \
            or top >= report["height"]:
        found.append(f"off screen {report['box']}")
    if not report["shown"] or report["visibility"] != "visible" or report["opacity"] < 0.9:
        found.append("hidden")
    if report["outline"] in ("none", "auto") or report["thickness"] < 2:
        found.append(f"no ring ({report['outline']} {report['thickness']}px)")
    elif report["contrast"] < 3:
        found.append(f"ring at {report['contrast']:.2f}:1")
    return found


def focus_next(page, key: str = "Tab") -> dict | None:
    """Press `key`; the focused element as FOCUSED reports it, once no transition runs."""
    page.keyboard.press(key)
    return page.wait_for_function(f"() => ({STILL})() && [({FOCUSED})()]").json_value()[0]


def tab_through(page, stops: int = STOPS) -> list[tuple[str, list[str]]]:
    """Each Tab stop from the top of the page with what is wrong with it, until the focus leaves the
    page or `stops` are seen."""
    seen = []
    for _ in range(stops):
        report = focus_next(page)
        if report is None:
            break
        seen.append((report["name"], problems(report)))
    return seen


@pytest.fixture(scope="module")
def base(demo_site):
    with served_under_policy(demo_site) as url:
        yield url


def opened(browser, url: str, width: int, **options):
    context = browser.new_context(viewport={"width": width, "height": 800}, **options)
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_tab_stop_is_on_screen_and_ringed(browser, base, width, scheme):
    bad = {}
    for path in PAGES:
        page = opened(browser, base + path, width, color_scheme=scheme)
        stops = tab_through(page)
        assert len(stops) >= 3, (path, stops)
        bad.update({(path, index, name): found for index, (name, found) in enumerate(stops) if found})
        page.context.close()
    assert bad == {}


def test_the_check_sees_a_hidden_stop_and_a_missing_ring(browser):
    """What the test above would have found before: a link off screen, one without a ring, a
    faint ring."""
    page = browser.new_page(viewport={"width": 400, "height": 300})
    page.set_content('<a href="#a" style="position:absolute;left:-300px">a</a><a href="#b" style="outline:none">b</a>'
                     '<a href="#c" style="outline:2px solid #ddd">c</a><a href="#d" style="outline:2px solid #333">d</a>')
    found = [problems for _, problems in tab_through(page, 4)]
    assert [" ".join(each).split(" ")[0] for each in found] == ["off", "no", "ring", ""]
    page.close()


def expanded(page, selector: str) -> str | None:
    return page.get_attribute(selector, "aria-expanded")


def test_the_drawer_opens_from_a_button_and_escape_closes_it(browser, base):
    page = opened(browser, base + "ru/", 360)
    button = "button[data-md-toggle-for=__drawer]"
    assert expanded(page, button) == "false"
    assert page.evaluate("document.querySelector('.md-sidebar--primary a').checkVisibility({visibilityProperty: true})") \
        is False, "closed: its links are not focusable"
    while (report := focus_next(page))["name"] != "button Навигация":
        assert report
    page.keyboard.press("Enter")
    page.wait_for_function(STILL)
    assert expanded(page, button) == "true"
    report = page.evaluate(FOCUSED)
    assert page.evaluate("document.querySelector('.md-sidebar--primary').contains(document.activeElement)")
    assert problems(report) == [], report
    stops = tab_through(page, 5)
    assert [found for _, found in stops] == [[]] * 5, stops
    page.keyboard.press("Escape")
    page.wait_for_function(STILL)
    assert expanded(page, button) == "false"
    assert page.evaluate(FOCUSED)["name"] == "button Навигация"
    page.context.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_the_search_opens_by_keyboard_and_escape_closes_it(browser, base, width):
    page = opened(browser, base + "en/", width)
    if width < 960:
        page.focus("button[data-md-toggle-for=__search]")
        page.keyboard.press("Enter")
    else:
        page.focus(".md-search__input")
    page.wait_for_function("document.getElementById('__search').checked")
    page.wait_for_function(STILL)
    report = page.evaluate(FOCUSED)
    assert report["name"].startswith("input") and problems(report) == [], report
    page.keyboard.type("claim")
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("ArrowDown")
    page.wait_for_function(STILL)
    report = page.evaluate(FOCUSED)
    assert "md-search-result__link" in page.evaluate("document.activeElement.className") and problems(report) == []
    page.keyboard.press("Escape")
    page.wait_for_function("!document.getElementById('__search').checked")
    page.wait_for_function(STILL)
    if width < 960:
        assert page.evaluate(FOCUSED)["name"] == "button Search"
        assert expanded(page, "button[data-md-toggle-for=__search]") == "false"
    else:
        assert page.evaluate("document.activeElement.className") == "md-search__input"
        assert page.is_hidden(".md-search__output .md-search-result__link >> nth=0")
    page.context.close()


def test_the_language_menu_opens_by_keyboard_and_escape_closes_it(browser, base):
    page = opened(browser, base + "kk/history/", 1280)
    button = ".md-select > button"
    page.focus(button)
    page.wait_for_function(STILL)
    assert expanded(page, button) == "false" and page.is_hidden(".md-select__link >> nth=0"), "focus alone"
    page.keyboard.press("Enter")
    assert expanded(page, button) == "true"
    report = focus_next(page, "ArrowDown")
    assert report["name"].startswith("a Қазақша") and problems(report) == [], report
    report = focus_next(page, "Tab")
    assert report["name"].startswith("a Русский") and problems(report) == [], report
    page.keyboard.press("Escape")
    page.wait_for_function(STILL)
    assert expanded(page, button) == "false" and page.evaluate(FOCUSED)["name"].startswith("button")
    page.context.close()
