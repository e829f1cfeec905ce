"""What surrounds the policy's text on every page (the theme's chrome), on the parsed HTML of the built
sites: in the page's language only, titles and descriptions that say which page it is, an icon that
resolves, and the project's copies of Material's templates still Material's but for their fixes."""

from __future__ import annotations

import datetime
import json
import re
import shutil
import struct
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path
from urllib.parse import urljoin

import material
import pytest
from babel.dates import get_month_names
from bs4 import BeautifulSoup

import policy.checks.check
from policy.site import feeds
from policy.build import Project, build_site
from policy.model.version import load_policy
from tests.conftest import BUILD_DATE, DEMO, POLICY, ROOT

SITE_URL = "https://allurauto.kz/policy/"
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
UI_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")


def language_pages(site, lang: str) -> list[Path]:
    return [path for path in (site.root / lang).rglob("*.html") if "assets" not in path.parts]


def chrome_strings(page: BeautifulSoup) -> list[str]:
    """Every string of the interface a reader can see or hear: text outside the policy's text
    (`article`), the interface's attributes anywhere, the description, and the words Material's
    script shows (search messages). Elements in another language (the language switcher) are left out."""
    lang = page.html["lang"]
    for element in page.select("[lang]"):
        if not element.decomposed and element.name != "html" and element["lang"] != lang:
            element.decompose()
    strings = [value for element in page.find_all(True) for name, value in element.attrs.items()
               if name in UI_ATTRIBUTES]
    strings += [meta["content"] for meta in page.select("meta[name=description]")]
    config = page.select_one("script#__config")
    strings += json.loads(config.string)["translations"].values() if config else []
    for element in page.select("article, script, style"):
        element.decompose()
    return strings + [text for text in page.stripped_strings]


def content_words(lang: str) -> set[str]:
    """Latin words the content itself has (a domain, a term like VIN): the page shows them as written."""
    return {word for content in (DEMO, POLICY) for path in (content / lang).glob("*.md")
            for word in LATIN_WORD.findall(path.read_text(encoding="utf-8"))}


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_no_english_in_the_interface_of_russian_and_kazakh_pages(demo_site, real_site, lang):
    allowed = content_words(lang) | {"Allurauto"}
    for site in (demo_site, real_site):
        for path in language_pages(site, lang):
            page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            english = {word for string in chrome_strings(page) for word in LATIN_WORD.findall(string)} - allowed
            assert not english, (str(path.relative_to(site.root)), english)


def test_the_english_check_sees_the_interface():
    """The strings it reads include permalink titles, search messages and the footer's text."""
    page = BeautifulSoup('<html lang="ru"><body><article><h2>Раздел<a class="headerlink" title="Permanent link">¶</a>'
                         '</h2>Text</article><footer>Made with Material</footer><a lang="en">English</a>'
                         '<script id="__config" type="application/json">{"translations": {"a": "Searching"}}'
                         '</script></body></html>', "html.parser")
    assert sorted(chrome_strings(page)) == ["Made with Material", "Permanent link", "Searching"]


@pytest.mark.parametrize("lang, name", [("ru", "Действующая редакция"), ("kk", "Қолданыстағы редакция"),
                                        ("en", "Current version")])
def test_the_navigation_names_the_version_in_force(demo_site, lang, name):
    for url in ("", "history/", "versions/2024-01-15/"):
        links = demo_site.page(f"{lang}/{url}").select("nav.md-nav--primary > ul > li > a.md-nav__link")
        assert links[0].get_text(strip=True) == name
        assert urljoin(f"{SITE_URL}{lang}/{url}", links[0]["href"]) == f"{SITE_URL}{lang}/"


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_version_and_change_pages_have_titles_naming_their_date(demo_site, lang):
    """The year and the month's name, whatever case a sentence puts the date in; each title its own."""
    months = get_month_names("wide", locale=lang)
    titles = []
    for date in load_policy(DEMO)[0].dates:
        for kind in ("versions", "changes"):
            title = demo_site.page(f"{lang}/{kind}/{date}/").title.string
            assert str(date.year) in title and months[date.month] in title, (kind, date, title)
            titles.append(title)
    assert len(set(titles)) == len(titles)


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_every_page_describes_itself_in_its_own_words(demo_site, lang):
    """After its title, a version's pages by its summary, the others by the site's description; the
    current text by its version's summary alone. No two pages of a language alike."""
    demo, _ = load_policy(DEMO)
    described = {}
    for path in language_pages(demo_site, lang):
        url = path.relative_to(demo_site.root / lang).as_posix().removesuffix("index.html")
        page = demo_site.page(f"{lang}/{url}")
        [described[url]] = [meta["content"] for meta in page.select("meta[name=description]")]
        title = page.title.string.rsplit(" - ", 1)[0]
        assert url == "" or described[url].startswith(f"{title} — "), url
    assert len(set(described.values())) == len(described)
    site_description = described["history/"].split(" — ", 1)[1]
    assert "Allurauto" in site_description
    for date in demo.dates:
        summary = " ".join(demo.get(lang, date).summary.split())
        assert described[f"versions/{date}/"].endswith(summary) and described[f"changes/{date}/"].endswith(summary)
    assert described[""] == " ".join(demo.get(lang, demo.in_force(BUILD_DATE)).summary.split())
    assert described[f"parallel/{demo.dates[0]}/"].endswith(site_description)


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_a_page_names_the_document_as_its_heading_does(demo_site, lang):
    """The title, the header's and the shared link's name of a version's text are its heading (with
    its date, at its permanent address); so are those of every other page."""
    for url in ("", "versions/2025-03-01/", "history/", "changes/2026-06-01/", "parallel/2024-01-15/"):
        page = demo_site.page(f"{lang}/{url}")
        heading = page.select_one("article h1").get_text().removesuffix("¶").strip()
        title = page.title.string.rsplit(" - ", 1)[0]
        assert title == heading or url.startswith("versions/") and title.startswith(f"{heading} · "), (url, title)
        assert page.select_one("[data-md-component=header-topic]").get_text(strip=True) == title
        assert page.select_one("meta[property='og:title']")["content"] == title


@pytest.mark.parametrize("lang, words", [("ru", "Страница не найдена"), ("kk", "Бет табылмады"),
                                         ("en", "Page not found")])
def test_not_found_pages_say_so_in_their_title(demo_site, lang, words):
    page = demo_site.page(f"{lang}/404.html")
    assert page.title.string.startswith(f"{words} - ")
    assert page.select_one("meta[name=robots]")["content"] == "noindex"
    assert words in demo_site.page("404.html").title.string


def test_every_page_names_itself_in_every_language(demo_site):
    """hreflang links in the head of every page with an address of its own (not the 404, 405 and
    500 pages, shown at any address): each language's same page, and x-default, the chooser for the current text and
    the original's page for the others; every one a page of the site."""
    for path in demo_site.html_files():
        relative = path.relative_to(demo_site.root).as_posix()
        if path.name in ("404.html", "405.html", "500.html") or relative.startswith("assets/"):
            continue
        url = relative.split("/", 1)[1].removesuffix("index.html") if "/" in relative else ""
        links = demo_site.page(relative).head.select("link[rel=alternate][hreflang]")
        alternates = {link["hreflang"]: link["href"] for link in links}
        expected = {lang: f"{SITE_URL}{lang}/{url}" for lang in ("ru", "kk", "en")}
        expected["x-default"] = SITE_URL if url == "" else f"{SITE_URL}ru/{url}"
        assert alternates == expected and len(links) == 4, relative
        for href in alternates.values():
            assert demo_site.path(href.removeprefix(SITE_URL)).is_file()


def test_a_shared_link_shows_the_pages_title_description_and_picture(demo_site):
    """Open Graph and Twitter card tags: the page's own title, description and address, and the
    picture the build drew (a PNG of 400 × 400)."""
    for url in ("", "ru/", "kk/history/", "en/changes/2026-06-01/", "ru/versions/2024-01-15/"):
        page = demo_site.page(url)
        tags = {meta.get("property") or meta.get("name"): meta["content"] for meta in page.head.select("meta[content]")}
        assert tags["og:title"] == page.title.string.rsplit(" - ", 1)[0]
        assert tags["og:description"] == tags["description"]
        assert tags["og:url"] == page.select_one("link[rel=canonical]")["href"] == SITE_URL + url
        assert tags["og:image"] == f"{SITE_URL}assets/share.png" and tags["twitter:card"] == "summary"
        assert tags["og:type"] == "website" and tags["og:image:alt"]
    image = (demo_site.root / "assets" / "share.png").read_bytes()
    assert image.startswith(b"\x89PNG\r\n\x1a\n") and struct.unpack(">II", image[16:24]) == (400, 400)
    assert len(zlib.decompress(image[41:-16])) == 400 * (1 + 3 * 400) and len(image) < 10_000


def test_the_sitemap_dates_each_page_by_the_last_version_that_changed_it(demo_site):
    """The current texts and histories by the version in force, a change page by its version; one
    still to come gives its change page no date; no date after the build's."""
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(demo_site.root / "sitemap.xml").getroot()
    dated = {url.findtext("s:loc", namespaces=ns).removeprefix(SITE_URL): url.findtext("s:lastmod", namespaces=ns)
             for url in root.findall("s:url", ns)}
    assert dated[""] == dated["kk/"] == dated["en/history/"] == "2026-06-01"
    assert dated["ru/changes/2025-03-01/"] == "2025-03-01" and dated["kk/changes/2026-06-01/"] == "2026-06-01"
    assert dated["en/changes/2030-01-01/"] is None
    assert "ru/changes/2024-01-15/" not in dated, "the first version's changes: nothing to compare, noindex"
    assert demo_site.page("ru/changes/2024-01-15/").select_one("meta[name=robots]")["content"] == "noindex"


def test_no_page_is_dated_before_a_version_is_in_force():
    demo, _ = load_policy(DEMO)
    assert feeds.last_changes(demo, datetime.date(2020, 1, 1)) == {}
    assert feeds.last_changes(demo, datetime.date(2025, 3, 1)) == {
        "": datetime.date(2025, 3, 1), "history/": datetime.date(2025, 3, 1),
        "changes/2024-01-15/": datetime.date(2024, 1, 15), "changes/2025-03-01/": datetime.date(2025, 3, 1)}


def test_a_description_is_plain_text(tmp_path):
    """A summary is untrusted: in the description it stays text, whatever it holds."""
    content = tmp_path / "content"
    shutil.copytree(POLICY, content)
    summary = 'Quotes " and \' & <script>alert(1)</script> <b>bold</b>'
    for path in content.glob("*/*.md"):
        path.write_text(re.sub(r"(?m)^summary: .*$", "summary: " + json.dumps(summary), path.read_text("utf-8")),
                        encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(policy.checks.check, "_dialect", lambda version: [])  # the check would refuse the markup
        build_site(content, tmp_path / "site", datetime.date(2026, 11, 25), compress=False)
    page = BeautifulSoup((tmp_path / "site" / "en" / "index.html").read_text("utf-8"), "html.parser")
    assert [meta["content"] for meta in page.select("meta[name=description]")] == [summary]
    assert not page.head.select("script:not([src]):not([type]), b")


def test_every_page_has_an_icon_that_exists(demo_site):
    """One icon at the site's top: linked relatively from the pages, from the site's path on 404 pages."""
    for path in demo_site.html_files():
        url = SITE_URL + path.relative_to(demo_site.root).as_posix().removesuffix("index.html")
        icons = [urljoin(url, link["href"]) for link in demo_site.page(str(path.relative_to(demo_site.root)))
                 .select("link[rel=icon]")]
        assert icons == [f"{SITE_URL}assets/favicon.png"], (path, icons)
    assert (demo_site.root / "assets" / "favicon.png").read_bytes().startswith(b"\x89PNG")


OVERRIDES = {
    "base.html": [(' type="checkbox" id="__drawer" autocomplete="off">', ' type="checkbox" id="__drawer">'),
                  (' type="checkbox" id="__search" autocomplete="off">', ' type="checkbox" id="__search">'),
                  ('<html lang="{{ lang.t(\'language\') }}" class="no-js">', '<html lang="{{ lang.t(\'language\') }}">')],
    "partials/header.html": [
        ('    </label>\n    <div class="md-header__title"',
         '    </label>\n    <button type="button" class="md-header__button md-icon" data-md-toggle-for="__drawer"'
         ' aria-label="{{ lang.t(\'nav\') }}" aria-expanded="false">\n'
         '      {% include ".icons/" ~ icon ~ ".svg" %}\n    </button>\n    <div class="md-header__title"'),
        ('    {% if config.extra.alternate %}', '    {% include "partials/scheme.html" %}\n    {% if config.extra.alternate %}'),
        ('        <label class="md-header__button md-icon" for="__search">',
         '        <button type="button" class="md-header__button md-icon" data-md-toggle-for="__search"'
         ' aria-label="{{ lang.t(\'search\') }}" aria-haspopup="dialog" aria-expanded="false">'),
        ('        </label>\n        {% include "partials/search.html" %}',
         '        </button>\n        {% include "partials/search.html" %}')],
    "partials/search.html": [('role="dialog">', 'role="dialog" aria-label="{{ lang.t(\'search\') }}">')],
    "partials/toc.html": [('''    <label class="md-nav__title" for="__toc">
      <span class="md-nav__icon md-icon"></span>
      {{ title }}
    </label>''', '''    {% if page in nav.pages %}
      <label class="md-nav__title" for="__toc">
        <span class="md-nav__icon md-icon"></span>
        {{ title }}
      </label>
    {% else %}
      <div class="md-nav__title">{{ title }}</div>
    {% endif %}''')],
}
"""The theme's copies of Material's templates, and what each changes: nothing else may differ, so an
upgrade of Material that changes one of them fails here until the copy is made again."""


@pytest.mark.parametrize("name", OVERRIDES)
def test_copies_of_materials_templates_differ_only_by_their_fixes(name):
    original = (Path(material.__file__).parent / "templates" / name).read_text(encoding="utf-8")
    ours = (ROOT / "theme" / name).read_text(encoding="utf-8")
    expected = original.split("-#}\n", 1)[1]
    for old, new in OVERRIDES[name]:
        assert expected.count(old) == 1, old
        expected = expected.replace(old, new)
    assert ours.split("-#}\n", 1)[1] == expected
