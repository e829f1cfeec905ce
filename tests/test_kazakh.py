"""Kazakh dates in running text: every month in every case, and the catalog's cases checked at load."""

from __future__ import annotations

import datetime

import pytest

from policy.i18n import catalog_path, load_locale
from policy.kazakh import CASES, inflect, running_date
from tests.test_i18n import entry, locales  # noqa: F401 - locales: a fixture, the catalogs in a temporary folder

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


def replace_msgstr(locales, lang, msgid, msgstr):
    """Give `msgid` another translation; the line of its `msgid`."""
    path = catalog_path(locales, lang)
    line = entry(path, msgid)
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[line] = f'msgstr "{msgstr}"'
    path.write_text("\n".join(lines), encoding="utf-8")
    return path, line


@pytest.mark.parametrize("lang, msgstr, says", [
    ("kk", "%(date:ablativ)s бастап", ["%(date:ablativ)s, an unknown case"]),
    ("kk", "%(when:ablative)s бастап", ["leaves out %(date)s", "%(when:ablative)s, which the original does not have"]),
    ("kk", "бастап", ["leaves out %(date)s"]),
    ("ru", "с %(date:genitive)s", ["%(date:genitive)s: only a Kazakh date takes a case"]),
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
