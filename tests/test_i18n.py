"""The site's own strings: a catalog entry that is empty or fuzzy counts as untranslated."""

from __future__ import annotations

import datetime
import shutil
import subprocess

import pytest

from policy.i18n.locale import catalog_path, load_locale
from tests.conftest import ROOT, require_tool

LOCALES = ROOT / "theme" / "locales"


@pytest.fixture
def locales(tmp_path):
    shutil.copytree(LOCALES, tmp_path / "locales")
    return tmp_path / "locales"


def entry(path, msgid):
    """The line number of `msgid "…"` in a catalog."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(number for number, line in enumerate(lines, start=1) if line == f'msgid "{msgid}"')


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_every_catalog_is_complete(lang):
    locale, problems = load_locale(LOCALES, lang)
    assert problems == [] and locale.gettext("Version history")


def test_a_fuzzy_entry_is_untranslated(locales):
    path = catalog_path(locales, "kk")
    line = entry(path, "Version history")
    text = path.read_text(encoding="utf-8").split("\n")
    text.insert(line - 1, "#, fuzzy")
    path.write_text("\n".join(text), encoding="utf-8")
    locale, problems = load_locale(locales, "kk")
    assert locale is None
    assert [(p.line, p.rule) for p in problems] == [(line + 1, "translation")] and "fuzzy" in problems[0].message


def test_an_empty_entry_is_untranslated(locales):
    path = catalog_path(locales, "ru")
    line = entry(path, "Version history")
    text = path.read_text(encoding="utf-8").split("\n")
    assert text[line].startswith("msgstr ")
    text[line] = 'msgstr ""'
    path.write_text("\n".join(text), encoding="utf-8")
    locale, problems = load_locale(locales, "ru")
    assert locale is None and [(p.line, p.rule) for p in problems] == [(line, "translation")]


def test_a_sentence_ending_in_a_russian_date_has_one_full_stop(demo_site):
    """Babel's Russian date ends in `г.`; at the end of a sentence that one stop serves both."""
    for path in (demo_site.root / "ru").rglob("*.html"):
        text = demo_site.page(str(path.relative_to(demo_site.root))).get_text()
        assert "г.." not in text, path
    banner = demo_site.page("ru/versions/2030-01-01/").get_text(" ", strip=True)
    assert "вступает в силу 1\xa0января 2030\u202fг. До этого" in banner
    banner = demo_site.page("ru/versions/2024-01-15/").get_text(" ", strip=True)
    assert "по 28\xa0февраля 2025\u202fг. включительно. Читать" in banner


@pytest.mark.parametrize("lang, expected", [
    ("ru", "Редакция от 1 марта 2025 г. на трёх языках"),
    ("en", "Version of 1 March 2025 in three languages"),
])
def test_a_date_passed_to_a_message_is_written_in_its_language(lang, expected):
    locale, _ = load_locale(LOCALES, lang)
    assert locale.format("Version of %(date)s in three languages", date=datetime.date(2025, 3, 1)) \
        .replace("\u202f", " ").replace("\xa0", " ") == expected


def test_a_kazakh_message_with_a_case_ending_after_a_date_is_filled():
    """The ending after the field (`%(date)sдағы`) puts the date in that case, in the form the month needs."""
    locale, _ = load_locale(LOCALES, "kk")
    text = locale.format("Version of %(date)s in three languages", date=datetime.date(2025, 3, 1))
    assert text == "2025 жылғы 1\xa0наурыздағы редакция үш тілде"
    assert locale.format("Version of %(date)s in three languages", date=datetime.date(2025, 9, 1)) == \
        "2025 жылғы 1\xa0қыркүйектегі редакция үш тілде"


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_every_catalog_passes_msgfmt_check(lang):
    """GNU gettext's own check, as Poedit and Weblate make it: every msgstr has exactly its msgid's
    fields (a Kazakh case is an ending after the field, not part of it), the header is complete."""
    require_tool("msgfmt")
    result = subprocess.run(["msgfmt", "--check", "--output-file", "/dev/null", str(catalog_path(LOCALES, lang))],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_msgfmt_check_finds_a_field_the_translation_renamed(locales):
    """The check above can fail: msgfmt refuses a msgstr whose field is not the msgid's."""
    require_tool("msgfmt")
    path = catalog_path(locales, "kk")
    line = entry(path, "since %(date)s")
    text = path.read_text(encoding="utf-8").split("\n")
    text[line] = 'msgstr "%(date:ablative)s бастап"'
    path.write_text("\n".join(text), encoding="utf-8")
    result = subprocess.run(["msgfmt", "--check", "--output-file", "/dev/null", str(path)], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 1 and f"{path}:{line + 1}: " in result.stderr
