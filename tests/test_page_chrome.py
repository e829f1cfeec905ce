"""What surrounds the policy's text on every page (the theme's chrome), on the parsed HTML of the built
sites: in the page's language only, titles and descriptions that say which page it is, an icon that
resolves, and the project's copies of Material's templates still Material's but for their fixes."""

from __future__ import annotations

import datetime
import json
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

import material
import pytest
from babel.dates import get_month_names
from bs4 import BeautifulSoup

import policy.check
from policy.publish import Project, build_site
from policy.version import load_policy
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
def test_every_page_describes_itself(demo_site, lang):
    """A version's pages by its summary, the others by the site's description in the language."""
    demo, _ = load_policy(DEMO)
    summaries = {}
    for date in demo.dates:
        summary = " ".join(demo.get(lang, date).summary.split())
        summaries[f"versions/{date}/"] = summaries[f"changes/{date}/"] = summary
    summaries[""] = summaries[f"versions/{demo.in_force(BUILD_DATE)}/"]
    site_description = demo_site.page(f"{lang}/history/").select_one("meta[name=description]")["content"]
    assert "Allurauto" in site_description and site_description not in summaries.values()
    for path in language_pages(demo_site, lang):
        url = path.relative_to(demo_site.root / lang).as_posix().removesuffix("index.html")
        descriptions = [meta["content"] for meta in demo_site.page(f"{lang}/{url}").select("meta[name=description]")]
        assert descriptions == [summaries.get(url, site_description)], url


def test_a_description_is_plain_text(tmp_path):
    """A summary is untrusted: in the description it stays text, whatever it holds."""
    content = tmp_path / "content"
    shutil.copytree(POLICY, content)
    summary = 'Quotes " and \' & <script>alert(1)</script> <b>bold</b>'
    for path in content.glob("*/*.md"):
        path.write_text(re.sub(r"(?m)^summary: .*$", "summary: " + json.dumps(summary), path.read_text("utf-8")),
                        encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(policy.check, "_dialect", lambda version: [])  # the check would refuse the markup
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
                  (' type="checkbox" id="__search" autocomplete="off">', ' type="checkbox" id="__search">')],
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
