"""The stylesheet trimmed to what the pages use: rules no page can match go, the others stay as
they were, and custom properties nothing reads go."""

from __future__ import annotations

from pathlib import Path

import material as materials

from policy.site.render import KEYBOARD_FOCUS
from policy.site.site import OWN_STYLESHEETS
from policy.site.stylesheet import minify, trim, used_names
from tests.conftest import ROOT

PAGE = ('<html><body dir="ltr"><header class="md-header md-header--shadow"><a href="#p-1">1</a></header>'
        '<main><p class="note">text</p><input type="checkbox" id="__search" data-md-toggle="search"></main></body></html>')


def trimmed(css: str, script: str = "") -> str:
    return trim(css, used_names([PAGE], [script]))


def test_a_rule_stays_when_its_classes_and_elements_are_on_a_page():
    css = ".md-header{color:red}.md-header main p.note{color:blue}.md-footer{color:green}.md-header table{margin:0}"
    assert trimmed(css) == ".md-header{color:red}.md-header main p.note{color:blue}"


def test_a_class_a_script_may_add_keeps_its_rules():
    css = ".md-header__title--active a{opacity:0}.md-search-result__item{margin:0}"
    assert trimmed(css, 'title.classList.toggle("md-header__title--active", active)') == \
        ".md-header__title--active a{opacity:0}"


def test_only_the_selectors_that_may_match_stay_in_a_list():
    assert trimmed(".md-footer,.md-header,kbd,a:hover{color:red}") == ".md-header,a:hover{color:red}"


def test_what_a_selector_excludes_or_offers_as_alternatives_is_not_required():
    css = ".md-header:not(.md-footer){color:red}:is(.missing,.note) a{color:blue}:where(table) main{color:green}"
    assert trimmed(css) == css


def test_exact_attribute_values_must_occur_and_other_attribute_tests_are_kept():
    css = ('[dir=rtl] .md-header{left:0}[dir=ltr] .md-header{right:0}[data-md-toggle=search]:checked~main{opacity:1}'
           '[data-md-scrolllock]{position:fixed}a[href^="#p-"]{color:inherit}[data-md-color-primary=teal]{--x:1}')
    assert trimmed(css) == ('[dir=ltr] .md-header{right:0}[data-md-toggle=search]:checked~main{opacity:1}'
                            '[data-md-scrolllock]{position:fixed}a[href^="#p-"]{color:inherit}')


def test_at_rules_left_empty_go_and_those_without_rules_stay_whole():
    css = ('@charset "UTF-8";@media screen{.md-footer{color:red}}@media print{.md-header{display:none}}'
           '@keyframes spin{0%{transform:none}to{transform:rotate(1turn)}}')
    assert trimmed(css) == ('@charset "UTF-8";@media print{.md-header{display:none}}'
                            '@keyframes spin{0%{transform:none}to{transform:rotate(1turn)}}')


def test_custom_properties_nothing_reads_go_also_when_only_unread_ones_read_them():
    css = (":root{--used:red;--icon:url(\"data:image/svg+xml;charset=utf-8,<svg a='{;}'/>\");--unread:var(--chained);"
           "--chained:blue}.md-header{color:var(--used);mask-image:var(--icon)}.md-footer{color:var(--gone)}:root{--gone:1}")
    assert trimmed(css) == (":root{--used:red;--icon:url(\"data:image/svg+xml;charset=utf-8,<svg a='{;}'/>\")}"
                            ".md-header{color:var(--used);mask-image:var(--icon)}")


def test_comments_go_and_strings_with_braces_stay_intact():
    css = '/* a { b } */.md-header:after{content:"}{;,"}/* c */.md-footer:after{content:"x"}'
    assert trimmed(css) == '.md-header:after{content:"}{;,"}'


def test_minified_css_keeps_strings_and_the_space_that_separates():
    css = """/* note */
.a  .b ,
.c > .d {
  content: "x ;  { /* y */ ,";
  margin: 0  auto;
}
@media (min-width: 60em) { .e { color: red } }
"""
    assert minify(css) == '.a .b,.c > .d{content: "x ;  { /* y */ ,";margin: 0 auto;}@media (min-width: 60em){.e{color: red}}'


def built_stylesheet(site) -> str:
    [path] = (site.root / "assets" / "stylesheets").glob("main.*.min.css")
    return path.read_text(encoding="utf-8")


def test_the_built_stylesheet_keeps_every_rule_the_pages_can_use(demo_site, real_site):
    """It is trimmed for specimens of every kind of page, not for the pages themselves: trimmed for
    the pages of two sites that link it (every language's; not the chooser's), Material's whole
    stylesheet and the built one keep the same rules."""
    material = Path(materials.__file__).parent / "templates" / "assets" / "stylesheets"
    whole = KEYBOARD_FOCUS.sub(":focus-visible", "".join(
        path.read_text(encoding="utf-8") for path in sorted(material.glob("*.min.css"))))
    whole += "".join(minify((ROOT / "theme" / "assets" / name).read_text(encoding="utf-8")) for name in OWN_STYLESHEETS)
    for site in (demo_site, real_site):
        names = used_names((path.read_text(encoding="utf-8") for path in site.root.glob("*/**/*.html")),
                           (path.read_text(encoding="utf-8") for path in (site.root / "assets").glob("*.js")))
        assert trim(built_stylesheet(site), names) == trim(whole, names)


def test_the_stylesheet_depends_on_the_theme_not_on_the_content(demo_site, real_site):
    assert built_stylesheet(demo_site) == built_stylesheet(real_site)
