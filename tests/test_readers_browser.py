"""The readers' tools in Chromium, served by nginx with the production Content-Security-Policy: the
history's date field with JavaScript on and off and its ?on= link, and pages printed to PDF."""

from __future__ import annotations

import io
import json
import re

import pytest


pytestmark = pytest.mark.browser

SITE_URL = "https://allurauto.kz/policy/"


@pytest.fixture
def open_page(browser):
    """Open a page in a fresh context (JavaScript on unless told otherwise); every context is closed
    at the end, and nothing the Content-Security-Policy blocked or that failed is allowed."""
    contexts, errors = [], []

    def opened(url: str, javascript: bool = True):
        context = browser.new_context(java_script_enabled=javascript, viewport={"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        page.goto(url)
        page.wait_for_load_state("networkidle")
        return page

    yield opened
    for context in contexts:
        context.close()
    assert errors == []


def versions(demo_site) -> dict[str, dict]:
    data = json.loads((demo_site.root / "versions.json").read_text(encoding="utf-8"))
    return {entry["date"]: entry for entry in data["versions"]}


def listed_period(page, date: str) -> str:
    """A version's period in force as the history list gives it (the answer with JavaScript off)."""
    return page.locator(f"#v-{date} + p").inner_text()


def answer(page) -> str:
    return " ".join(page.locator("#in-force-answer").inner_text().split())


def choose(page, day: str) -> None:
    page.fill("#in-force-date", day)
    page.locator("#in-force-date").dispatch_event("change")


@pytest.mark.parametrize("day, expected, future", [
    ("2023-12-31", None, False),            # before the first version
    ("2025-03-01", "2025-03-01", False),    # on an effective date
    ("2025-05-03", "2025-03-01", False),    # between two versions
    ("2026-05-31", "2025-09-01", False),    # the last day of a version
    ("2027-02-03", "2026-06-01", True),     # still to come, before the upcoming version
    ("2031-02-03", "2030-01-01", True),     # still to come, the upcoming version
])
def test_the_date_field_answers_which_version_was_in_force(open_page, served, day, expected, future):
    page = open_page(f"{served}en/history/")
    assert page.locator("label[for=in-force-date]").is_visible()
    choose(page, day)
    text = answer(page)
    assert page.url == f"{served}en/history/?on={day}", "the address shares the answer"
    if expected is None:
        assert text == "No version of the policy was in force before 15 January 2024."
        assert page.locator("#in-force-answer a").count() == 0
        return
    links = page.eval_on_selector_all("#in-force-answer a", "links => links.map(a => a.href)")
    assert links == [f"{served}en/versions/{expected}/", f"{served}en/changes/{expected}/"]
    label = page.locator("#in-force-answer a").first.inner_text()
    assert " ".join(label.split()) == " ".join(f"Version of {page.locator(f'#v-{expected}').inner_text().strip('¶ ')}".split())
    assert ("still to come" in text) == future
    page.click("#in-force-answer a >> nth=0")
    assert page.url == f"{served}en/versions/{expected}/"


@pytest.mark.parametrize("lang, period", [
    ("ru", "Действовала с 1 марта 2025 г. по 31 августа 2025 г. включительно"),
    ("kk", "2025 жылғы 1 наурыздан бастап 2025 жылғы 31 тамызды қоса алғанда күшінде болды"),
    ("en", "In force from 1 March 2025 to 31 August 2025 inclusive"),
])
def test_an_on_link_opens_with_the_answer_in_the_pages_language(open_page, served, lang, period):
    page = open_page(f"{served}{lang}/history/?on=2025-05-03")
    assert page.input_value("#in-force-date") == "2025-05-03"
    assert period in answer(page)
    assert page.locator("#in-force-answer a").first.get_attribute("href") == "../versions/2025-03-01/"


def test_a_malformed_on_link_shows_no_answer(open_page, served):
    page = open_page(f"{served}ru/history/?on=2025-02-30")
    assert page.locator("#in-force-date").is_visible() and page.locator(".in-force-without-script").is_hidden()
    assert page.input_value("#in-force-date") == "" and answer(page) == ""


def test_the_answer_gives_the_period_the_list_gives(open_page, served):
    """The version in force, with a version still to come: its end date too."""
    page = open_page(f"{served}en/history/")
    choose(page, "2027-02-03")
    listed = " ".join(listed_period(page, "2026-06-01").split())
    assert listed == "In force now: from 1 June 2026 to 31 December 2029 inclusive"
    assert "In force from 1 June 2026 to 31 December 2029 inclusive" in answer(page)


def test_without_javascript_the_list_answers(open_page, served, demo_site):
    """The field needs the script, so a sentence stands in its place and says that the list answers;
    every version's period in force is listed."""
    page = open_page(f"{served}en/history/?on=2025-05-03", javascript=False)
    assert not page.locator("#in-force-date").is_visible()
    assert page.locator(".in-force-without-script").inner_text().startswith("Finding a date needs JavaScript")
    assert " ".join(listed_period(page, "2025-03-01").split()) == "In force from 1 March 2025 to 31 August 2025 inclusive"
    assert " ".join(listed_period(page, "2030-01-01").split()).startswith("Upcoming: takes effect on 1 January 2030")
    assert len(page.locator("article h2").all()) == len(versions(demo_site))


def pdf_text(page) -> str:
    """The page printed (print media, A4) to PDF, its text as extracted, without white space: lines
    broken anywhere still match."""
    from pypdf import PdfReader

    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    return re.sub(r"\s+", "", "".join(sheet.extract_text() for sheet in reader.pages))


@pytest.mark.parametrize("url, address, files", [
    ("ru/versions/2025-03-01/", "ru/versions/2025-03-01/", [("ru", "2025-03-01")]),
    ("kk/", "kk/versions/2026-06-01/", [("kk", "2026-06-01")]),
    ("en/changes/2026-06-01/", "en/changes/2026-06-01/", [("en", "2026-06-01"), ("en", "2025-09-01")]),
    ("ru/parallel/2024-01-15/", "ru/parallel/2024-01-15/", [(code, "2024-01-15") for code in ("ru", "kk", "en")]),
])
def test_a_printed_page_gives_its_address_and_the_sha256_of_its_files(open_page, served, demo_site, url, address,
                                                                        files):
    page = open_page(served + url)
    text = pdf_text(page)
    assert f"{SITE_URL}{address}" in text
    for lang, date in files:
        item = versions(demo_site)[date]["languages"][lang]
        assert item["sha256"] in text and item["source_url"] in text
    assert "Allurauto·" not in text, "no header or navigation (they hold the site's name)"
    if "/changes/" in url:
        older, newer = text.index("Olderversion"), text.index("Newerversion")
        assert older < text.index(files[1][1]) < newer < text.index(files[0][1] + ".md"), "each file under its label"


REDLINE = """(element) => { const style = getComputedStyle(element); return {
  line: style.textDecorationLine, style: style.textDecorationStyle, border: style.borderTopStyle,
  width: element.getBoundingClientRect().width, colour: style.color, background: style.backgroundColor}; }"""


def test_redlines_read_without_colour_and_not_like_links(open_page, served):
    """Removed: struck through in a dashed box; added: underlined twice in a solid one; a link:
    one line, no box. A removed blank (the placeholder's underscores) still shows."""
    page = open_page(f"{served}ru/changes/2025-03-01/")
    removed = page.eval_on_selector("#p-1-1-1 + .redline del", REDLINE)
    added = page.eval_on_selector("#p-1-1-1 + .redline ins", REDLINE)
    link = page.eval_on_selector("article p a[href*='versions/']", REDLINE)
    assert "_____" in page.inner_text("#p-1-1-1 + .redline del")
    assert (removed["line"], removed["border"]) == ("line-through", "dashed") and removed["width"] > 20
    assert (added["line"], added["style"], added["border"]) == ("underline", "double", "solid")
    assert (link["line"], link["style"], link["border"]) == ("underline", "solid", "none")
    page.emulate_media(color_scheme="dark")
    dark = page.eval_on_selector("#p-1-1-1 + .redline del", REDLINE)
    assert dark["background"] != removed["background"] and dark["colour"] != removed["colour"]


def test_printed_redlines_read_in_black_and_white_and_headings_stay_with_their_text(open_page, served):
    page = open_page(f"{served}ru/changes/2026-06-01/")
    style = "(element, name) => getComputedStyle(element)[name]"
    assert page.eval_on_selector(".print-only", style, "display") == "none", "on screen, no print header"
    page.emulate_media(media="print", color_scheme="dark")  # a dark screen still prints black on white
    assert page.eval_on_selector(".print-only", style, "display") == "block"
    assert page.eval_on_selector("body", style, "backgroundColor") == "rgb(255, 255, 255)"
    assert page.eval_on_selector("#p-7-1", style, "breakAfter") == "avoid"
    for mark, line, border in (("del", "line-through", "dashed"), ("ins", "underline", "solid")):
        selector = f"#p-7-1 + .redline {mark}"
        assert page.eval_on_selector(selector, style, "textDecorationLine") == line
        assert page.eval_on_selector(selector, style, "borderTopStyle") == border
        assert page.eval_on_selector(selector, style, "borderTopColor") == "rgb(0, 0, 0)"
        assert page.eval_on_selector(selector, style, "color") == "rgb(0, 0, 0)"
        assert page.eval_on_selector(selector, style, "backgroundColor") == "rgba(0, 0, 0, 0)"
    assert page.eval_on_selector(".other-languages", style, "display") == "none"
