"""Cross-references in each language."""

import pytest

from policy.model.reference import find_references, link_references


@pytest.mark.parametrize("lang, text, numbers", [
    ("ru", "указанных в п. 4 настоящей", ["4"]),
    ("ru", "предусмотренных в п.п. 5.2. и 5.3. настоящей", ["5.2", "5.3"]),
    ("ru", "п.п. 5.2., 5.3. и 7.2. настоящей", ["5.2", "5.3", "7.2"]),
    ("ru", "см. пп. 5.2, 5.3", ["5.2", "5.3"]),
    ("kk", "осы Саясаттың 5.2-тармағында", ["5.2"]),
    ("kk", "5.2 және 5.3-тармақтарында көзделген", ["5.2", "5.3"]),
    ("kk", "5.2, 5.3 және 7.2-тармақтарында", ["5.2", "5.3", "7.2"]),
    ("kk", "4-бөлімде", ["4"]),
    ("en", "set out in clause 4 of this Policy", ["4"]),
    ("en", "clauses 5.2 and 5.3", ["5.2", "5.3"]),
    ("en", "Sections 5.2 and 5.3", ["5.2", "5.3"]),
    ("en", "clauses 5.2, 5.3 and 7.2", ["5.2", "5.3", "7.2"]),
])
def test_references_in_every_language(lang, text, numbers):
    assert [r.number for r in find_references(text, lang)] == numbers


@pytest.mark.parametrize("lang, text", [
    ("ru", "в течение 30 календарных дней"),
    ("ru", "5.2. Пользователь соглашается"),
    ("kk", "30 күнтізбелік күн ішінде"),
    ("en", "within 30 calendar days"),
])
def test_plain_numbers_are_not_references(lang, text):
    assert find_references(text, lang) == []


def test_links_keep_the_text_and_point_at_anchors():
    text = "кроме п.п. 5.2. и 5.3. настоящей"
    linked = link_references(text, "ru", lambda r: f"#{r.anchor}")
    assert linked == "кроме п.п. [5.2.](#p-5-2) и [5.3.](#p-5-3) настоящей"


def test_unresolved_references_are_left_as_text():
    linked = link_references("clauses 5.2 and 9.9", "en", lambda r: None if r.number == "9.9" else "#x")
    assert linked == "clauses [5.2](#x) and 9.9"


@pytest.mark.parametrize("lang, text, numbers", [
    ("ru", "в пунктах 5.2 и 5.3", ["5.2", "5.3"]),
    ("ru", "согласно подпункту 4.1.5", ["4.1.5"]),
    ("ru", "указанных в разделе 4", ["4"]),
    ("ru", "в разделе Оформление заказа", []),
    ("en", "the items 3.2.1 and 3.2.2", ["3.2.1", "3.2.2"]),
])
def test_spelled_out_reference_words(lang, text, numbers):
    assert [r.number for r in find_references(text, lang)] == numbers


def test_a_reference_overlapping_the_clauses_own_number_is_linked_once_and_correctly():
    from bs4 import BeautifulSoup

    from policy.model.clause import parse_document
    from policy.site.text import unit_html

    unit = parse_document("5.1 және 5.2-тармақтарда көзделген шаралар қолданылады.").units[0]
    links = BeautifulSoup(unit_html(unit, "kk", "¶"), "html.parser").find_all("a")
    assert [(link.get_text(), link["href"]) for link in links] == [("5.1", "#p-5-1"), ("5.2", "#p-5-2")]
