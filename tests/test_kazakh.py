"""Kazakh dates in running text: every month in every case, the catalog's case endings checked at load,
and every sentence with a date on the demo site's Kazakh pages; Russian and English as Babel writes
them (English in British order)."""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from policy.i18n.locale import catalog_path, load_locale
from policy.i18n.kazakh import CASES, ENDINGS, inflect, running_date
from policy.i18n.language import LANGUAGES
from policy.site.pages import PageMaker
from policy.model.version import load_policy
from tests.conftest import DEMO, ROOT
from tests.test_i18n import LOCALES, entry, locales  # noqa: F401 - locales: a fixture (a copy of the catalogs)
from tests.test_site import text

FORMS = {
    1: "қаңтар қаңтардың қаңтарға қаңтарды қаңтарда қаңтардан қаңтармен қаңтардағы",
    2: "ақпан ақпанның ақпанға ақпанды ақпанда ақпаннан ақпанмен ақпандағы",
    3: "наурыз наурыздың наурызға наурызды наурызда наурыздан наурызбен наурыздағы",
    4: "сәуір сәуірдің сәуірге сәуірді сәуірде сәуірден сәуірмен сәуірдегі",
    5: "мамыр мамырдың мамырға мамырды мамырда мамырдан мамырмен мамырдағы",
    6: "маусым маусымның маусымға маусымды маусымда маусымнан маусыммен маусымдағы",
    7: "шілде шілденің шілдеге шілдені шілдеде шілдеден шілдемен шілдедегі",
    8: "тамыз тамыздың тамызға тамызды тамызда тамыздан тамызбен тамыздағы",
    9: "қыркүйек қыркүйектің қыркүйекке қыркүйекті қыркүйекте қыркүйектен қыркүйекпен қыркүйектегі",
    10: "қазан қазанның қазанға қазанды қазанда қазаннан қазанмен қазандағы",
    11: "қараша қарашаның қарашаға қарашаны қарашада қарашадан қарашамен қарашадағы",
    12: "желтоқсан желтоқсанның желтоқсанға желтоқсанды желтоқсанда желтоқсаннан желтоқсанмен желтоқсандағы",
}
"""Each month, written out by hand, in the nominative, genitive, dative, accusative, locative,
ablative, instrumental and attributive."""
ORDER = ("nominative", "genitive", "dative", "accusative", "locative", "ablative", "instrumental", "attributive")
MONTHS = "|".join(forms.split()[0] for forms in FORMS.values())


@pytest.mark.parametrize("month", FORMS)
@pytest.mark.parametrize("case", ORDER)
def test_every_month_in_every_case(month, case):
    expected = FORMS[month].split()[ORDER.index(case)]
    assert running_date(datetime.date(2026, month, 1), case) == f"2026 жылғы 1 {expected}"


def test_the_cases_are_the_ones_translators_name():
    assert set(CASES) == set(ORDER)


def test_day_and_year_are_numerals():
    assert running_date(datetime.date(2029, 12, 31), "dative") == "2029 жылғы 31 желтоқсанға"
    assert running_date(datetime.date(2025, 3, 1), "attributive") == "2025 жылғы 1 наурыздағы"
    assert running_date(datetime.date(2026, 11, 25)) == "2026 жылғы 25 қараша"


@pytest.mark.parametrize("word, case, expected", [
    ("су", "dative", "суға"), ("су", "accusative", "суды"), ("кітап", "locative", "кітапта"),
    ("клуб", "dative", "клубқа"), ("таң", "ablative", "таңнан"), ("жол", "instrumental", "жолмен"),
    ("қағаз", "instrumental", "қағазбен"), ("көл", "genitive", "көлдің"), ("үй", "attributive", "үйдегі"),
])
def test_the_rules_hold_beyond_the_months(word, case, expected):
    """The endings come from the word's last vowel and final sound, not from a list of months."""
    assert inflect(word, case) == expected


def test_an_unknown_case_is_refused():
    with pytest.raises(ValueError, match="ablativ"):
        inflect("маусым", "ablativ")


@pytest.mark.parametrize("month", FORMS)
@pytest.mark.parametrize("case", ORDER)
def test_any_form_of_an_ending_names_its_case(month, case):
    """A translator writes the ending in any of its forms (-дан, -ден, -тан, -нан …): each names one case."""
    ending = FORMS[month].split()[ORDER.index(case)].removeprefix(FORMS[month].split()[0])
    assert ENDINGS[ending] == case


@pytest.fixture(scope="module")
def loaded():
    return {lang: load_locale(LOCALES, lang)[0] for lang in LANGUAGES}


@pytest.mark.parametrize("lang, since, heading", [
    ("ru", "с 25\xa0ноября 2026\u202fг.", "25\xa0ноября 2026\u202fг."),  # Babel: a narrow no-break space
    ("en", "since 25\xa0November 2026", "25\xa0November 2026"),  # the day kept with its month
    ("kk", "2026 жылғы 25\xa0қарашадан бастап", "2026 жылғы 25\xa0қараша"),
])
def test_locale_formats_a_date_for_its_sentence(loaded, lang, since, heading):
    date = datetime.date(2026, 11, 25)
    assert loaded[lang].format("since %(date)s", date=date) == since
    assert loaded[lang].date(date) == heading


def test_only_a_date_takes_an_ending(loaded):
    with pytest.raises(ValueError, match="only a date takes an ending"):
        loaded["kk"].format("since %(date)s", date="2026-06-01")


def replace_msgstr(locales, lang, msgid, msgstr):
    """Give `msgid` another translation; the line of its `msgid`."""
    path = catalog_path(locales, lang)
    line = entry(path, msgid)
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[line] = f'msgstr "{msgstr}"'
    path.write_text("\n".join(lines), encoding="utf-8")
    return path, line


@pytest.mark.parametrize("lang, msgstr, says", [
    ("kk", "%(date)sнaн бастап", ['%(date)sн: "н" is not the ending of a case']),  # a Latin "a" in the ending
    ("kk", "%(date)sдын бастап", ['%(date)sдын: "дын" is not the ending of a case']),
    ("kk", "%(when)sнан бастап", ["leaves out %(date)s", "%(when)s, which the original does not have"]),
    ("kk", "бастап", ["leaves out %(date)s"]),
    ("ru", "с %(date)sа", ["%(date)sа: only a Kazakh date takes an ending"]),
    ("kk", "%(date:ablative)s бастап", ["leaves out %(date)s", "%(date:ablative)s, which the original does not"]),
])
def test_a_msgstr_with_a_wrong_field_is_refused_at_its_line(locales, lang, msgstr, says):
    """At load, not when a page is rendered: the build names the catalog and the line."""
    path, line = replace_msgstr(locales, lang, "since %(date)s", msgstr)
    locale, problems = load_locale(locales, lang)
    assert locale is None
    places = [(problem.path, problem.line, problem.rule) for problem in problems]
    assert places == [(path, line, "translation")] * len(says)
    for problem, phrase in zip(problems, says):
        assert phrase in problem.message and '"since %(date)s"' in problem.message


def articles(site, lang):
    """Each page of a language: its address and its article's text."""
    pages = sorted((site.root / lang).rglob("index.html"))
    return {str(path.parent.relative_to(site.root)): text(BeautifulSoup(path.read_text(encoding="utf-8"),
                                                                        "html.parser").select_one("article"))
            for path in pages if path.parent.name != "search"}


SENTENCES = {
    "kk": [
        ("kk", "2026 жылғы 1 маусымнан бастап 2029 жылғы 31 желтоқсанды қоса алғанда күшінде"),
        ("kk", "Жаңа редакция 2030 жылғы 1 қаңтарда күшіне енеді"),
        ("kk/history", "Алдағы : 2030 жылғы 1 қаңтарда күшіне енеді"),
        ("kk/history", "Қазір күшінде : 2026 жылғы 1 маусымнан бастап 2029 жылғы 31 желтоқсанды қоса алғанда"),
        ("kk/history", "2025 жылғы 1 қыркүйектен бастап 2026 жылғы 31 мамырды қоса алғанда күшінде болды"),
        ("kk/history", "2024 жылғы 15 қаңтардан бастап 2025 жылғы 28 ақпанды қоса алғанда күшінде болды"),
        ("kk/history", "2025 жылғы 1 наурыз"),
        ("kk/versions/2025-03-01",
         "Бұл редакция 2025 жылғы 1 наурыздан бастап 2025 жылғы 31 тамызды қоса алғанда күшінде болды."),
        ("kk/versions/2025-03-01", "2025 жылғы 1 наурыздан бастап 2025 жылғы 31 тамызды қоса алғанда күшінде болды ·"),
        ("kk/versions/2030-01-01",
         "Бұл редакция 2030 жылғы 1 қаңтарда күшіне енеді. Оған дейін 2026 жылғы 1 маусымдағы редакция күшінде."),
        ("kk/versions/2030-01-01", "¶ 2030 жылғы 1 қаңтарда күшіне енеді ·"),
        ("kk/changes/2030-01-01", "2030 жылғы 1 қаңтардағы редакция енгізген өзгерістер ¶"),
        ("kk/changes/2030-01-01",
         "2026 жылғы 1 маусымдағы редакциямен салыстырғанда 2030 жылғы 1 қаңтардан бастап не өзгереді"),
        ("kk/changes/2025-03-01",
         "2024 жылғы 15 қаңтардағы редакциямен салыстырғанда 2025 жылғы 1 наурыздан бастап не өзгерді"),
    ],
    "ru": [
        ("ru", "Действует с 1 июня 2026 г. по 31 декабря 2029 г. включительно"),
        ("ru/history", "Действует сейчас : с 1 июня 2026 г. по 31 декабря 2029 г. включительно"),
        ("ru/history", "Действовала с 15 января 2024 г. по 28 февраля 2025 г. включительно"),
        ("ru/versions/2025-03-01", "Эта редакция действовала с 1 марта 2025 г. по 31 августа 2025 г. включительно."),
        ("ru/versions/2030-01-01",
         "Эта редакция вступает в силу 1 января 2030 г. До этого действует редакция от 1 июня 2026 г."),
        ("ru/changes/2030-01-01", "Изменения в редакции от 1 января 2030 г. ¶"),
        ("ru/changes/2025-03-01", "Что изменилось с 1 марта 2025 г. по сравнению с редакцией от 15 января 2024 г."),
    ],
    "en": [
        ("en/history", "In force from 15 January 2024 to 28 February 2025 inclusive"),
        ("en/history", "In force now : from 1 June 2026 to 31 December 2029 inclusive"),
        ("en/versions/2025-03-01", "This version was in force from 1 March 2025 to 31 August 2025 inclusive."),
        ("en/versions/2030-01-01",
         "This version takes effect on 1 January 2030. Until then the version of 1 June 2026 is in force."),
        ("en/changes/2030-01-01",
         "What will change on 1 January 2030, against the version of 1 June 2026"),
    ],
}
"""Every sentence with a date that the templates write, on the demo built for 2026-11-25; an end date
is inclusive in every language."""


@pytest.mark.parametrize("lang", SENTENCES)
def test_every_sentence_with_a_date_on_the_demo_site(demo_site, lang):
    pages = articles(demo_site, lang)
    missing = [(url, sentence) for url, sentence in SENTENCES[lang] if sentence not in pages[url]]
    assert missing == []


def test_no_kazakh_page_leaves_a_date_in_the_nominative_before_a_word_that_needs_a_case(demo_site):
    """Babel's form ("2026 ж. 1 маусым") nowhere, and no month in the nominative before бастап,
    дейін, қоса алғанда, күшіне or редакция, on any Kazakh page."""
    pages = articles(demo_site, "kk")
    assert {"kk", "kk/history", "kk/changes/2030-01-01", "kk/since/2024-01-15",
            "kk/parallel/2030-01-01"} <= set(pages)
    uninflected = re.compile(rf"\d{{4}} ж\.|\b({MONTHS}) (бастап|дейін|қоса|күшіне|редакция)")
    assert [(url, match[0]) for url, body in pages.items() for match in uninflected.finditer(body)] == []


def test_kazakh_feed_titles(demo_site):
    feed = ET.parse(demo_site.root / "kk" / "feed.xml").getroot()
    titles = [entry.findtext("{http://www.w3.org/2005/Atom}title") for entry in
              feed.findall("{http://www.w3.org/2005/Atom}entry")]
    assert titles[-2:] == ["2025 жылғы 1\xa0наурыздағы редакция", "2024 жылғы 15\xa0қаңтардағы редакция"]


def test_upcoming_first_version_before_any_is_in_force(loaded):
    """Before the first version takes effect, its page says only when (no version is in force to name)."""
    policy, _ = load_policy(DEMO)
    pages = PageMaker(policy, loaded["kk"], datetime.date(2023, 12, 1), ROOT / "theme" / "pages",
                      "https://allurauto.kz/policy/").pages()
    body = next(page.body for page in pages if page.url == "versions/2024-01-15/")
    assert "Бұл редакция 2024 жылғы 15\xa0қаңтарда күшіне енеді." in body
