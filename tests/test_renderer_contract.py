"""The renderer contract (docs/architecture.md): a page is a finished HTML body with its metadata,
and a renderer only wraps it. A stand-in renderer, plain Jinja and no MkDocs, wraps every page of
the demo: each page's main content is byte for byte what the MkDocs build shows, and MkDocs parses
no page as Markdown."""

from __future__ import annotations

import re

import jinja2
import markdown
import pytest

from policy.i18n.locale import load_locale
from policy.i18n.language import LANGUAGES
from policy.site.pages import PageMaker
from policy.build import Project
from policy.site.render import read_site_url
from policy.site.site import Site, SiteInputs
from policy.model.version import load_policy
from tests.conftest import BUILD_DATE, DEMO

STAND_IN = jinja2.Environment(autoescape=True).from_string("""<!doctype html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<title>{{ page.title }}</title>
<meta name="description" content="{{ page.description }}">
{% if not page.indexed %}<meta name="robots" content="noindex">{% endif %}
{% for hreflang, href in page.alternates %}<link rel="alternate" hreflang="{{ hreflang }}" href="{{ href }}">
{% endfor %}
</head>
<body>
<nav><ul>{% for entry in page.contents recursive %}
<li><a href="#{{ entry.anchor }}">{{ entry.title }}</a>
{%- if entry.children %}<ul>{{ loop(entry.children) }}</ul>{% endif %}</li>
{%- endfor %}</ul></nav>
<main>{{ page.body | safe }}</main>
</body>
</html>
""")
"""A whole renderer: what it needs of a page is in the page."""
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)


@pytest.fixture(scope="module")
def pages():
    """Every page of the demo in every language, made as the build makes them."""
    policy, _ = load_policy(DEMO)
    site_url = read_site_url(Project().config)
    made = {}
    for lang in LANGUAGES:
        locale, _ = load_locale(Project().locales, lang)
        maker = PageMaker(policy, locale, BUILD_DATE, Project().theme / "pages", site_url)
        made.update({(lang, page.url): page for page in maker.pages()})
    return made


def test_every_page_wrapped_by_a_stand_in_shows_what_the_mkdocs_build_shows(pages, demo_site, tmp_path):
    built = {path.relative_to(demo_site.root).as_posix() for path in demo_site.root.glob("*/**/index.html")}
    assert {f"{lang}/{url}index.html" for lang, url in pages} == built
    for (lang, url), page in pages.items():
        written = tmp_path / lang / url / "index.html"
        written.parent.mkdir(parents=True, exist_ok=True)
        written.write_text(STAND_IN.render(lang=lang, page=page), encoding="utf-8")
        main = re.search(r"<main>(.*)</main>", written.read_text(encoding="utf-8"), re.S).group(1)
        [article] = ARTICLE.findall(demo_site.path(f"{lang}/{url}").read_text(encoding="utf-8"))
        assert article.strip() == main.strip(), (lang, url)
        assert main == page.body


def test_the_mkdocs_build_carries_each_pages_metadata(pages, demo_site):
    for (lang, url), page in pages.items():
        shown = demo_site.page(f"{lang}/{url}")
        assert shown.title.get_text().startswith(page.title), (lang, url)
        description = shown.select_one("meta[name=description]")["content"]
        assert description.endswith(page.description), (lang, url)  # after the title, but on the home page
        assert (shown.select_one("meta[name=robots][content=noindex]") is None) == page.indexed, (lang, url)
        toc = [link["href"] for link in shown.select(".md-sidebar--secondary .md-nav__link[href^='#']")]
        top = page.contents[0].children if page.contents and page.contents[0].level == 1 else page.contents
        expected = []
        for entry in top:
            expected += [f"#{entry.anchor}"] + [f"#{child.anchor}" for child in entry.children]
        assert toc == expected, (lang, url)


def test_no_page_is_parsed_as_markdown(pages, monkeypatch, tmp_path):
    """Content becomes HTML when pages are made (the dialect's own parser, then the sanitizer);
    wrapping them, MkDocs converts nothing."""
    policy, _ = load_policy(DEMO)
    project = Project()
    locales = {lang: load_locale(project.locales, lang)[0] for lang in LANGUAGES}
    site = Site(SiteInputs(policy, locales, BUILD_DATE, read_site_url(project.config), project.theme, project.config),
                tmp_path / "config")

    def refuse(*args, **kwargs):
        raise AssertionError("a page was parsed as Markdown")

    monkeypatch.setattr(markdown.Markdown, "convert", refuse)
    for (lang, url), page in pages.items():
        assert page.body in site.renderers[lang].wrap(page)


def test_pages_hold_no_renderer_syntax(pages):
    """No heading attributes (`{#…}`), admonition marks (`!!!`), links to Markdown pages or search
    plugin attributes: what a page says is HTML, for any renderer."""
    for (lang, url), page in pages.items():
        assert "{#" not in page.body and "!!!" not in page.body and "data-search" not in page.body, (lang, url)
        links = re.findall(r'<a href="([^"]*)"( type="text/markdown")?', page.body)
        assert [href for href, source in links if href.endswith(".md") and not source] == [], (lang, url)
