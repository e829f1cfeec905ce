"""The built site, checked on its parsed HTML and data files: the demo history and the real content."""

from __future__ import annotations

import datetime
import hashlib
import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import urljoin, urlsplit

import pytest

from policy.build import build_site
from policy.model.version import load_policy
from tests.conftest import DEMO, POLICY

LANGS = ("ru", "kk", "en")
DEMO_DATES = ("2024-01-15", "2025-03-01", "2025-09-01", "2026-06-01", "2030-01-01")
SITE_URL = "https://allurauto.kz/policy/"
each_lang = pytest.mark.parametrize("lang", LANGS)


def text(element) -> str:
    return re.sub(r"\s+", " ", element.get_text(" ").replace("\u202f", " ").replace("\xa0", " "))


ARCHIVED = DEMO_DATES[:3]
"""The demo's versions before the one in force on the build date, 2026-06-01."""


def page_urls(dates):
    return (["", "history/"] + [f"versions/{d}/" for d in dates] + [f"changes/{d}/" for d in dates]
            + [f"since/{d}/" for d in ARCHIVED] + [f"parallel/{d}/" for d in dates])


def test_every_page_and_file_exists(demo_site):
    for lang in LANGS:
        for url in page_urls(DEMO_DATES) + ["404.html", "feed.xml", "search/search_index.json"]:
            assert demo_site.path(f"{lang}/{url}").is_file(), f"{lang}/{url}"
    for name in ("index.html", "404.html", "versions.json", "sitemap.xml", "assets/root.css", "assets/chooser.js"):
        assert (demo_site.root / name).is_file()


def test_one_sitemap_and_nothing_that_speaks_for_the_shops_host(demo_site):
    """Under a path of allurauto.kz: no CNAME (it would point the shop's domain at GitHub Pages),
    no robots.txt (crawlers read only the host's own), no sitemap per language, nothing of the
    theme's root/ inside a language."""
    for name in ("CNAME", "robots.txt"):
        assert not (demo_site.root / name).exists()
    for lang in LANGS:
        for name in ("sitemap.xml", "sitemap.xml.gz", "root"):
            assert not (demo_site.root / lang / name).exists()
        page = demo_site.page(f"{lang}/")
        assert page.select_one('link[rel~="alternate"][type="application/atom+xml"]')["href"] == "feed.xml"


def test_every_address_of_the_site_is_under_the_shops_policy_path(demo_site):
    """Canonical links, the chooser's alternates, feeds, versions.json and the sitemap all start
    with https://allurauto.kz/policy/; the only other address of the shop is the content's own
    link to the shop's home page (www)."""
    found = set()
    for path in demo_site.root.rglob("*"):
        if path.suffix in (".html", ".xml", ".json") and "assets" not in path.parts:
            found |= set(re.findall(r"https://(?:www\.)?allurauto\.kz/[^\s\"'<>)]*", path.read_text(encoding="utf-8")))
    ours = {url for url in found if url.startswith("https://allurauto.kz/")}
    assert len(ours) > 30 and all(url.startswith(SITE_URL) for url in ours), sorted(ours)[:5]
    assert found - ours == {"https://www.allurauto.kz/"}


def test_html_lang_is_right_on_every_page(demo_site):
    for path in demo_site.html_files():
        relative = path.relative_to(demo_site.root)
        expected = relative.parts[0] if len(relative.parts) > 1 else "ru"
        html = demo_site.page(str(relative)).html
        assert html["lang"] == expected, relative


@pytest.mark.parametrize("lang, in_force, upcoming", [
    ("ru", "Действует с 1 июня 2026 г. по 31 декабря 2029 г. включительно", "Новая редакция вступает в силу 1 января 2030 г."),
    ("kk", "2026 жылғы 1 маусымнан бастап 2029 жылғы 31 желтоқсанды қоса алғанда күшінде",
     "Жаңа редакция 2030 жылғы 1 қаңтарда күшіне енеді"),
    ("en", "In force from 1 June 2026 to 31 December 2029 inclusive", "A new version takes effect on 1 January 2030"),
])
def test_current_page_dates_and_upcoming_notice(demo_site, lang, in_force, upcoming):
    page = demo_site.page(f"{lang}/")
    assert in_force in text(page.select_one("article"))
    notice = page.select_one(".admonition")
    assert upcoming in text(notice)
    assert notice.select_one('a[href="changes/2030-01-01/"]')
    assert page.select_one('a[href="changes/2026-06-01/"]'), "link to this version's changes"
    assert page.select_one('a[href="history/"]')


@pytest.mark.parametrize("lang, date", [("ru", "24 ноября 2026 г."), ("kk", "2026 жылғы 24 қарашадан бастап"),
                                        ("en", "24 November 2026")])
def test_real_current_page(real_site, lang, date):
    page = real_site.page(f"{lang}/")
    assert date in text(page.select_one("article"))
    assert page.select_one(".admonition") is None, "no upcoming version, no notice"


def unit_anchors(page):
    return [element["id"] for element in page.select("article [id^=p-]")]


def test_anchors_identical_across_languages_and_match_the_content(real_site):
    policy, _ = load_policy(POLICY)
    expected = [unit.anchor for unit in policy.get("ru", policy.dates[0]).document.units]
    assert len(expected) == 72
    for lang in LANGS:
        assert unit_anchors(real_site.page(f"{lang}/")) == expected


@each_lang
def test_cross_references_link_to_existing_clauses(real_site, lang):
    page = real_site.page(f"{lang}/")
    ids = {element["id"] for element in page.select("[id]")}
    clause = page.select_one("#p-6-2-1")
    assert clause.select_one('a[href="#p-4"]'), "6.2.1 refers to section 4"
    assert {a["href"] for a in page.select_one("#p-7-1").select('a[href^="#p-"]')} == {
        "#p-7-1", "#p-5-2", "#p-5-3", "#p-7-2"}
    for link in page.select('article a[href^="#"]'):
        assert link["href"][1:] in ids


def redline_after(page, anchor):
    heading = page.find(id=anchor)
    assert heading is not None and heading.name == "h3", anchor
    return heading.find_next_sibling("div", class_="redline")


@each_lang
def test_redlines_mark_the_changed_words(demo_site, lang):
    page = demo_site.page(f"{lang}/changes/2025-03-01/")
    redline = redline_after(page, "p-8-2")
    assert [d.get_text() for d in redline.select("del")][0].endswith("30")
    assert [i.get_text() for i in redline.select("ins")][0].endswith("15")
    assert redline.select_one("del .visually-hidden") and redline.select_one("ins .visually-hidden")
    assert {h["id"] for h in page.select("article h3")} == {"p-1-1-1", "p-8-2"}


@each_lang
def test_change_page_shows_each_kind_of_change(demo_site, lang):
    page = demo_site.page(f"{lang}/changes/2026-06-01/")
    assert {h["id"] for h in page.select("article h3")} == {"p-4-1-5", "removed-p-5-4", "p-7-1", "p-7-2"}
    added, removed = redline_after(page, "p-4-1-5"), redline_after(page, "removed-p-5-4")
    assert added.select("ins") and not added.select("del")
    assert removed.select("del") and not removed.select("ins")
    reference = redline_after(page, "p-7-1")
    assert "7.2" in reference.select_one("del").get_text() and "7.3" in reference.select_one("ins").get_text()
    summary = page.select_one("#summary").find_next_sibling("ul")
    assert summary.select_one('a[href="../../versions/2026-06-01/#p-4-1-6"]'), "renumbered, shown as such"
    assert "4.1.5 → 4.1.6" in text(summary)
    assert not page.select("article h3#p-4-1-6"), "unchanged wording is not repeated"


@each_lang
def test_changed_since_an_archived_version_is_its_redline_against_the_version_in_force(demo_site, lang):
    """Three versions' changes at once, aligned and renumbered as on a change page: 4.1.5 added and
    the later ones renumbered, 5.4 removed, 8.2's 30 days now 15; in Kazakh also 8.1, whose
    translation 2025-09-01 corrected."""
    page = demo_site.page(f"{lang}/since/2024-01-15/")
    corrected = {"p-8-1"} if lang == "kk" else set()
    assert {h["id"] for h in page.select("article h3")} == {
        "p-1-1-1", "p-4-1-5", "removed-p-5-4", "p-7-1", "p-7-2", "p-8-2"} | corrected
    redline = redline_after(page, "p-8-2")
    assert any(d.get_text().endswith("30") for d in redline.select("del"))
    assert any(i.get_text().endswith("15") for i in redline.select("ins"))
    summary = page.select_one("#summary").find_next_sibling("ul")
    assert "4.1.5 → 4.1.6" in text(summary)
    assert summary.select_one('a[href="../../versions/2026-06-01/#p-4-1-6"]'), "renumbered, in the version in force"
    links = {a["href"] for a in page.select("article a")}
    assert {"../../versions/2024-01-15/", "../../", "../../versions/2024-01-15/#p-8-2",
            "../../versions/2026-06-01/#p-8-2"} <= links


@each_lang
def test_changed_since_the_previous_version_is_what_the_current_one_changed(demo_site, lang):
    def changed(url):
        headings = demo_site.page(url).select("article h3")
        return [(h["id"], str(h.find_next_sibling("div", class_="redline"))) for h in headings]

    assert changed(f"{lang}/since/2025-09-01/") == changed(f"{lang}/changes/2026-06-01/")


def other_languages(page, anchor):
    details = page.find(id=anchor).find_next_sibling("details")
    assert "other-languages" in details["class"]
    return details


@each_lang
def test_a_changed_unit_offers_its_redline_in_the_other_languages(demo_site, lang):
    """Each block in another language says so (lang), and so do the marks' hidden words, in the page's language."""
    page = demo_site.page(f"{lang}/changes/2026-06-01/")
    others = [code for code in LANGS if code != lang]
    for anchor in ("p-4-1-5", "removed-p-5-4", "p-7-1", "p-7-2"):
        blocks = other_languages(page, anchor).select("div.redline")
        assert [block["lang"] for block in blocks] == others, anchor
        for mark in (m for block in blocks for m in block.select(".visually-hidden")):
            assert mark["lang"] == lang
    for block in other_languages(page, "p-7-1").select("div.redline"):
        assert "7.2" in block.select_one("del").get_text() and "7.3" in block.select_one("ins").get_text()
    assert [b.select("del") != [] for b in other_languages(page, "removed-p-5-4").select("div.redline")] == [True, True]


def test_a_corrected_translation_shows_the_other_languages_unchanged(demo_site):
    page = demo_site.page("kk/changes/2025-09-01/")
    details = other_languages(page, "p-8-2")
    assert not details.select("div.redline")
    assert [span["lang"] for span in details.select("p > span[lang]")] == ["ru", "en"]
    assert "мәтіні өзгерген жоқ" in text(details)


@each_lang
def test_only_archived_versions_link_to_what_changed_since(demo_site, lang):
    for date in DEMO_DATES:
        link = demo_site.page(f"{lang}/versions/{date}/").select_one(f'a[href="../../since/{date}/"]')
        assert (link is not None) == (date in ARCHIVED), date
        assert demo_site.path(f"{lang}/since/{date}/").is_file() == (date in ARCHIVED), date


@each_lang
def test_parallel_page_has_every_unit_in_the_three_languages_original_first(real_site, lang):
    policy, _ = load_policy(POLICY)
    date = policy.dates[0]
    page = real_site.page(f"{lang}/parallel/{date}/")
    rows = page.select("article .parallel-row[id]")
    assert [row["id"] for row in rows] == ["preamble"] + [u.anchor for u in policy.get("ru", date).document.units]
    for row in rows:
        cells = row.select(":scope > .parallel-cell")
        assert [cell["lang"] for cell in cells] == list(LANGS), row["id"]
        original = cells[0].select_one(".parallel-language span")
        assert original["lang"] == lang and not cells[1].select(".parallel-language span")
    for lang_code, cell in zip(LANGS, page.select_one("#p-8-2").select(".parallel-cell")):
        unit = policy.get(lang_code, date).document.by_number["8.2"]
        assert text(cell).strip().endswith(" ".join(unit.text.split()))
        assert cell.select_one('a[href="#p-8-2"]').get_text() == unit.label
    ids = {element["id"] for element in page.select("[id]")}
    references = [a["href"] for a in page.select('.parallel-cell a[href^="#"]')]
    clauses = [u for u in policy.get("ru", date).document.units if not u.is_section]
    assert len(references) > 3 * len(clauses) and all(href[1:] in ids for href in references)
    assert "#p-4" in [a["href"] for a in page.select_one("#p-6-2-1").select("[lang=kk] a")], "kk's own references"


@each_lang
def test_every_version_links_to_its_three_languages(demo_site, lang):
    for date in DEMO_DATES:
        assert demo_site.page(f"{lang}/versions/{date}/").select_one(f'a[href="../../parallel/{date}/"]')
        assert demo_site.page(f"{lang}/parallel/{date}/").select_one(f'a[href="../../versions/{date}/"]')


@pytest.mark.parametrize("url, address, files", [
    ("", "versions/2026-06-01/", [("{lang}", "2026-06-01")]),
    ("versions/2024-01-15/", "versions/2024-01-15/", [("{lang}", "2024-01-15")]),
    ("changes/2026-06-01/", "changes/2026-06-01/", [("{lang}", "2026-06-01"), ("{lang}", "2025-09-01")]),
    ("since/2025-03-01/", "since/2025-03-01/", [("{lang}", "2025-03-01"), ("{lang}", "2026-06-01")]),
    ("parallel/2030-01-01/", "parallel/2030-01-01/", [(code, "2030-01-01") for code in LANGS]),
])
@each_lang
def test_a_printed_page_says_what_it_is_where_it_lives_and_the_hash_of_its_files(demo_site, lang, url, address, files):
    """The print-only header: title, language, effective date, the page's permanent address, and
    each version file it shows with its SHA-256, as versions.json gives them."""
    data = json.loads((demo_site.root / "versions.json").read_text(encoding="utf-8"))
    entries = {(code, v["date"]): item for v in data["versions"] for code, item in v["languages"].items()}
    page = demo_site.page(f"{lang}/{url}")
    header = page.select_one("article > .print-only")
    assert header is page.select_one("article > *"), "at the top"
    lines = text(header)
    assert f"{SITE_URL}{lang}/{address}" in lines
    assert header.select_one("strong").get_text() == page.select_one("article h1").get_text().removesuffix("¶")
    for code, date in files:
        item = entries[(code.format(lang=lang), date)]
        assert f"{item['source_url']} SHA-256: {item['sha256']}" in lines
    assert len(header.select("p")) == 2 + len(files)


@each_lang
def test_first_version_has_nothing_to_compare(demo_site, lang):
    page = demo_site.page(f"{lang}/changes/2024-01-15/")
    assert not page.select(".redline")
    assert page.select_one('article a[href="../../versions/2024-01-15/"]')


@each_lang
def test_banners_on_archived_and_upcoming_versions(demo_site, lang):
    archived = demo_site.page(f"{lang}/versions/2024-01-15/").select_one(".admonition.warning")
    assert archived and archived.select_one('a[href="../../"]')
    assert demo_site.page(f"{lang}/versions/2030-01-01/").select_one(".admonition.info")
    current = demo_site.page(f"{lang}/versions/2026-06-01/")
    assert not current.select(".admonition.warning")


def test_archived_banner_dates(demo_site):
    banner = text(demo_site.page("ru/versions/2025-03-01/").select_one(".admonition"))
    assert "с 1 марта 2025 г. по 31 августа 2025 г." in banner


@each_lang
def test_history_lists_every_version_newest_first(demo_site, lang):
    page = demo_site.page(f"{lang}/history/")
    assert [h["id"] for h in page.select("article h2")] == [f"v-{d}" for d in reversed(DEMO_DATES)]
    policy, _ = load_policy(DEMO)
    body = text(page.select_one("article"))
    for date in policy.dates:
        version = policy.get(lang, date)
        assert version.summary in body
        assert hashlib.sha256(version.path.read_bytes()).hexdigest() in body
        assert page.select_one(f'a[href="../versions/{date}/"]') and page.select_one(f'a[href="../changes/{date}/"]')


@each_lang
def test_history_carries_the_date_fields_answers_in_its_language(demo_site, lang):
    """The field has its label (and a sentence for a browser without JavaScript); the answers are
    data in the page: each version's date, name, period as its own page says it, and links; the
    script is a file, deferred."""
    page = demo_site.page(f"{lang}/history/")
    box = page.select_one("article .in-force:not([hidden])")
    assert box.select_one(".in-force-without-script").get_text(strip=True)
    assert box.select_one("label")["for"] == "in-force-date" and box.select_one("input#in-force-date[type=date]")
    assert box.select_one("#in-force-answer")["role"] == "status"
    data = json.loads(page.select_one("script#in-force-data[type='application/json']").string)
    assert [version["date"] for version in data["versions"]] == list(DEMO_DATES) and data["today"] == "2026-11-25"
    for version in data["versions"]:
        date = version["date"]
        assert urljoin(f"{lang}/history/", version["page"]) == f"{lang}/versions/{date}/"
        assert urljoin(f"{lang}/history/", version["changes"]) == f"{lang}/changes/{date}/"
        own_page = demo_site.page(f"{lang}/versions/{date}/").select_one("article")
        assert " ".join(version["period"].split()) in text(own_page)
    assert page.select_one('script[src="../../assets/in-force.js"][defer]')
    assert demo_site.path("assets/in-force.js").is_file()


@pytest.mark.parametrize("url", ["", "history/", "versions/2024-01-15/", "changes/2026-06-01/", "404.html"])
def test_switcher_leads_to_the_same_page_in_each_language(demo_site, url):
    for lang in LANGS:
        page_url = f"https://example.test/policy/{lang}/{url}"
        links = demo_site.page(f"{lang}/{url}").select("a.md-select__link")
        targets = {link["hreflang"]: urljoin(page_url, link["href"]) for link in links}
        expected_url = "" if url == "404.html" else url
        assert targets == {other: f"https://example.test/policy/{other}/{expected_url}" for other in ("kk", "ru", "en")}


def test_versions_json_matches_the_content(demo_site):
    data = json.loads((demo_site.root / "versions.json").read_text(encoding="utf-8"))
    policy, _ = load_policy(DEMO)
    assert [v["date"] for v in data["versions"]] == list(DEMO_DATES)
    assert data["current"] == "2026-06-01"
    assert [v["status"] for v in data["versions"]] == ["archived", "archived", "archived", "current", "upcoming"]
    for entry in data["versions"]:
        for lang in LANGS:
            version = policy.get(lang, datetime.date.fromisoformat(entry["date"]))
            item = entry["languages"][lang]
            assert item["sha256"] == hashlib.sha256(version.path.read_bytes()).hexdigest()
            assert (item["title"], item["summary"]) == (version.title, version.summary)
            for key in ("url", "changes_url", "source_url"):
                assert item[key].startswith(SITE_URL)
                assert demo_site.path(item[key][len(SITE_URL):]).is_file()
            assert demo_site.path(item["source_url"][len(SITE_URL):]).read_bytes() == version.path.read_bytes()


@each_lang
def test_atom_feed(demo_site, lang):
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = ET.parse(demo_site.root / lang / "feed.xml").getroot()
    entries = feed.findall("a:entry", ns)
    assert len(entries) == len(DEMO_DATES)
    links = [e.find("a:link", ns).get("href") for e in entries]
    assert links == [f"{SITE_URL}{lang}/changes/{d}/" for d in reversed(DEMO_DATES)]
    assert len({e.find("a:id", ns).text for e in entries}) == len(entries)
    assert all(e.find("a:updated", ns).text.startswith(d) for e, d in zip(entries, reversed(DEMO_DATES)))


def test_sitemap_has_every_indexed_page_with_its_alternates(demo_site):
    """Only the pages search engines may index: the chooser, each language's current text, history
    and what each version changed against the one before; the versions' own texts (the same words as
    the current text's, mostly), "changed since" and parallel pages, and the first version's change
    page (nothing to compare) carry noindex and stay out. lastmod: tests/test_page_chrome.py."""
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(demo_site.root / "sitemap.xml").getroot()
    listed = {}
    for url in root.findall("s:url", ns):
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)}
        listed[url.find("s:loc", ns).text] = alternates
        assert set(alternates) == {"ru", "kk", "en", "x-default"}
        for href in alternates.values():
            assert demo_site.path(href[len(SITE_URL):]).is_file()
    pages = ["", "history/"] + [f"changes/{date}/" for date in DEMO_DATES[1:]]
    expected = {f"{SITE_URL}{lang}/{url}" for lang in LANGS for url in pages} | {SITE_URL}
    assert set(listed) == expected
    assert listed[f"{SITE_URL}kk/history/"]["ru"] == f"{SITE_URL}ru/history/"
    assert listed[f"{SITE_URL}kk/history/"]["x-default"] == f"{SITE_URL}ru/history/"
    assert listed[f"{SITE_URL}en/"]["x-default"] == SITE_URL
    for loc in listed:
        assert demo_site.page(loc[len(SITE_URL):]).select_one("meta[name=robots]") is None, loc


LOADED = ("script[src]", "img[src]", "iframe[src]", "source[src]", "video[src]", "audio[src]", "embed[src]",
          "link[rel~=stylesheet]", "link[rel~=icon]", "link[rel~=preload]", "link[rel~=modulepreload]",
          "link[rel~=manifest]", "link[rel~=preconnect]", "link[rel~=dns-prefetch]")


def test_nothing_the_browser_loads_comes_from_another_host(demo_site, real_site):
    for site in (demo_site, real_site):
        for path in site.html_files():
            page = site.page(str(path.relative_to(site.root)))
            for element in page.select(", ".join(LOADED)):
                url = element.get("src") or element.get("href")
                assert not urlsplit(url).scheme and not url.startswith("//"), (path, url)
            assert "fonts.googleapis" not in str(page)


def test_links_are_relative_except_on_404_pages(demo_site):
    for path in demo_site.html_files():
        if path.name in ("404.html", "405.html", "500.html"):  # the server shows them at any address
            continue
        page = demo_site.page(str(path.relative_to(demo_site.root)))
        for element in page.select("[href], [src]"):
            url = element.get("href") or element.get("src")
            assert not url.startswith("/"), (path, url)


@each_lang
def test_search_finds_only_current_text(demo_site, lang):
    index = json.loads((demo_site.root / lang / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "" in locations
    assert not {loc for loc in locations if loc.startswith(("versions/", "changes/", "since/", "parallel/"))}
    assert not [doc for doc in index["docs"] if SITE_URL in doc["text"]], "the print-only header is not indexed"
    for url in ("versions/2024-01-15/", "since/2024-01-15/", "parallel/2026-06-01/"):
        assert demo_site.page(f"{lang}/{url}").select_one('meta[name=robots][content=noindex]')
    assert demo_site.page(f"{lang}/changes/2026-06-01/").select_one("meta[name=robots]") is None
    assert demo_site.page(f"{lang}/").select_one("meta[name=robots]") is None


def test_navigation_does_not_list_every_version(demo_site):
    page = demo_site.page("ru/versions/2024-01-15/")
    navigation = page.select_one("nav.md-nav--primary")
    assert not navigation.select('a[href*="versions/"], a[href*="changes/"]')
    assert len(navigation.select("a.md-nav__link")) <= 3


def test_canonical_urls_use_site_url(demo_site):
    canonical = demo_site.page("kk/versions/2024-01-15/").select_one("link[rel=canonical]")["href"]
    assert canonical == f"{SITE_URL}kk/versions/2024-01-15/"


def test_language_chooser(demo_site):
    page = demo_site.page("")
    links = page.select("ul a[hreflang]")
    assert [(a["hreflang"], a["href"]) for a in links] == [("kk", "kk/"), ("ru", "ru/"), ("en", "en/")]
    assert [a.contents[0].strip() for a in links] == ["Қазақша", "Русский", "English"]
    assert page.html["lang"] == "ru"
    assert [script.get("src") for script in page.select("script")] == ["assets/chooser.js"]
    assert "navigator.languages" in (demo_site.root / "assets" / "chooser.js").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang, placeholder, not_found", [
    ("kk", "Іздеу", "Мұндай бет жоқ."), ("ru", "Поиск", "Такой страницы нет."),
    ("en", "Search", "This page does not exist.")])
def test_interface_and_404_in_the_page_language(demo_site, lang, placeholder, not_found):
    assert demo_site.page(f"{lang}/").select_one("input.md-search__input")["placeholder"] == placeholder
    page = demo_site.page(f"{lang}/404.html")
    assert not_found in text(page.select_one("article"))
    assert page.select_one(f'article a[href="/policy/{lang}/"]')
    assert page.select_one('link[rel=stylesheet][href^="/policy/"]'), "styles load at any depth under /policy/"


def test_top_404_links_start_at_the_sites_path(demo_site):
    page = demo_site.page("404.html")
    assert [a["href"] for a in page.select("a")] == ["/policy/kk/", "/policy/ru/", "/policy/en/"]
    assert page.select_one("link[rel=stylesheet]")["href"] == "/policy/assets/root.css"


def test_no_inline_script_style_or_event_handler(demo_site):
    """The Content-Security-Policy (deploy/nginx) allows scripts and styles from files only:
    every script is a file or JSON data, and no element has a style or an on… attribute."""
    for path in demo_site.html_files():
        page = demo_site.page(str(path.relative_to(demo_site.root)))
        for script in page.select("script"):
            assert script.get("src") or script.get("type") == "application/json", (path, str(script)[:80])
        assert not page.select("style"), path
        for element in page.find_all(True):
            handlers = [name for name in element.attrs if name == "style" or name.startswith("on")]
            assert not handlers, (path, element.name, handlers)


@pytest.mark.slow
def test_a_go_live_day_changes_only_the_pages_whose_text_or_status_changed(tmp_path):
    """The day before 2026-06-01 takes effect and the day it does: the stylesheet keeps its name
    (it depends on the theme alone), and only what names the version in force, or says where a
    version stands, changes; every parallel page, every change page but the new version's, and the
    archived versions' texts stay byte for byte."""
    def built(day):
        build_site(DEMO, tmp_path / str(day), day, compress=False)
        root = tmp_path / str(day)
        return {path.relative_to(root).as_posix(): path.read_bytes() for path in root.rglob("*") if path.is_file()}

    before, after = built(datetime.date(2026, 5, 31)), built(datetime.date(2026, 6, 1))
    assert [name for name in before if "stylesheets/" in name] == [name for name in after if "stylesheets/" in name]
    changed = {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}
    expected = {"versions.json", "sitemap.xml"} | {f"{lang}/{name}" for lang in LANGS for name in (
        "index.html", "history/index.html", "search/search_index.json", "versions/2025-09-01/index.html",
        "versions/2026-06-01/index.html", "versions/2030-01-01/index.html", "changes/2026-06-01/index.html",
        *[f"since/{date}/index.html" for date in ARCHIVED])}
    assert changed == expected
    assert len(changed) / len(after) < 0.4


def test_a_long_history_lists_the_newest_versions_in_full_and_the_older_in_short(tmp_path):
    """Past the newest 24, an archived version is listed with its period, pages and source file (its
    summary and SHA-256 are on its pages): the history of 200 versions stays light. Every version
    keeps its anchor; the table of contents lists the full entries."""
    from bs4 import BeautifulSoup

    from policy.i18n.locale import load_locale
    from policy.site.pages import FULL_HISTORY, PageMaker
    from policy.build import Project
    from tools.history import accumulating, dates

    policy, _ = load_policy(accumulating(POLICY, FULL_HISTORY + 6, tmp_path / "content"))
    locale, _ = load_locale(Project().locales, "en")
    page = PageMaker(policy, locale, dates(FULL_HISTORY + 6)[-2], Project().theme / "pages", SITE_URL).history()
    body = BeautifulSoup(page.body, "html.parser")
    entries = body.select("h2[id^=v-]")
    assert [entry["id"] for entry in entries] == [f"v-{date}" for date in reversed(policy.dates)]
    for index, (entry, date) in enumerate(zip(entries, reversed(policy.dates))):
        shown = []
        for sibling in entry.find_next_siblings():
            if sibling.name == "h2":
                break
            shown.append(sibling)
        words = " ".join(text(element) for element in shown)
        version = policy.get("en", date)
        assert (version.sha256 in words) == (index < FULL_HISTORY), index
        assert (" ".join(version.summary.split()) in words) == (index < FULL_HISTORY), index
        links = {a["href"] for element in shown for a in element.select("a")}
        assert {f"../versions/{date}/", f"../changes/{date}/", f"../versions/{date}.md"} <= links, index
    assert [entry.anchor for entry in page.contents[0].children] == [f"v-{date}" for date in
                                                                     list(reversed(policy.dates))[:FULL_HISTORY]]
