"""Aligning two versions by content: each kind of change, in every language, and on the demo history."""

import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from policy.build import Project
from policy.changes.change import Kind, compare, summary
from policy.i18n.locale import load_locale
from policy.model.clause import parse_document
from policy.model.version import load_policy

ROOT = Path(__file__).resolve().parent.parent

BASE = {
    "ru": ["Пользователь предоставляет данные.", "Администрация хранит данные в тайне.",
           "Данные передаются курьерам.", "Споры решаются в суде Республики Казахстан."],
    "kk": ["Пайдаланушы деректерді ұсынады.", "Сайт әкімшілігі деректерді құпия сақтайды.",
           "Деректер курьерлерге беріледі.", "Даулар Қазақстан Республикасының сотында шешіледі."],
    "en": ["The User provides data.", "The Site Administration keeps data confidential.",
           "Data is passed to couriers.", "Disputes are settled in the courts of the Republic of Kazakhstan."],
}
NEW = {"ru": "Пользователь может удалить свои данные.", "kk": "Пайдаланушы өз деректерін жоя алады.",
       "en": "The User may delete their data."}


def document(clauses):
    body = "## 1. SECTION\n\n" + "\n\n".join(f"1.{i}. {text}" for i, text in enumerate(clauses, start=1))
    return parse_document(body)


def kinds(old, new):
    return [(c.kind, c.old and c.old.number, c.new and c.new.number) for c in summary(compare(old, new))]


LANGS = pytest.mark.parametrize("lang", ["ru", "kk", "en"])


@LANGS
def test_unchanged(lang):
    assert kinds(document(BASE[lang]), document(BASE[lang])) == []


@LANGS
def test_words_changed_inside_a_clause(lang):
    clauses = list(BASE[lang])
    clauses[2] = clauses[2].replace(clauses[2].split()[0], clauses[2].split()[0] + " также", 1)
    assert kinds(document(BASE[lang]), document(clauses)) == [(Kind.CHANGED, "1.3", "1.3")]


@LANGS
def test_inserted_clause_renumbers_the_rest(lang):
    clauses = BASE[lang][:1] + [NEW[lang]] + BASE[lang][1:]
    assert kinds(document(BASE[lang]), document(clauses)) == [
        (Kind.ADDED, None, "1.2"), (Kind.RENUMBERED, "1.2", "1.3"),
        (Kind.RENUMBERED, "1.3", "1.4"), (Kind.RENUMBERED, "1.4", "1.5")]
    assert not any(c.text_changed for c in summary(compare(document(BASE[lang]), document(clauses)))[1:])


@LANGS
def test_removed_clause(lang):
    clauses = BASE[lang][:2] + BASE[lang][3:]
    assert kinds(document(BASE[lang]), document(clauses)) == [
        (Kind.REMOVED, "1.3", None), (Kind.RENUMBERED, "1.4", "1.3")]


@LANGS
def test_renumbered_and_changed(lang):
    clauses = [NEW[lang]] + BASE[lang][:3] + [BASE[lang][3].replace(".", ", и т.д.")]
    changes = summary(compare(document(BASE[lang]), document(clauses)))
    last = changes[-1]
    assert (last.kind, last.old.number, last.new.number, last.text_changed) == (Kind.RENUMBERED_AND_CHANGED, "1.4", "1.5", True)


@LANGS
def test_rewritten_in_place_is_changed_not_removed_and_added(lang):
    clauses = list(BASE[lang])
    clauses[1] = NEW[lang]
    assert kinds(document(BASE[lang]), document(clauses)) == [(Kind.CHANGED, "1.2", "1.2")]


def test_new_section():
    old = document(BASE["en"])
    new = parse_document("## 1. SECTION\n\n" + "\n\n".join(f"1.{i}. {t}" for i, t in enumerate(BASE["en"], 1))
                         + "\n\n## 2. TRANSFERS\n\n2.1. Data may cross borders.")
    assert kinds(old, new) == [(Kind.ADDED, None, "2"), (Kind.ADDED, None, "2.1")]


clause_texts = st.lists(st.sampled_from(BASE["ru"] + BASE["kk"] + [NEW["ru"], NEW["kk"], "Коротко.", "Иначе."]),
                        max_size=8)


@settings(max_examples=200, deadline=None)
@given(clause_texts, clause_texts)
def test_alignment_never_pairs_a_unit_twice_and_loses_none(old_texts, new_texts):
    old, new = document(old_texts), document(new_texts)
    changes = compare(old, new)
    olds = [id(c.old) for c in changes if c.old]
    news = [id(c.new) for c in changes if c.new]
    assert len(olds) == len(set(olds)) == len(old.all_units)
    assert len(news) == len(set(news)) == len(new.all_units)
    assert [c.new for c in changes if c.new] == list(new.all_units)


@settings(max_examples=100, deadline=None)
@given(clause_texts)
def test_identical_versions_have_no_change(texts):
    assert summary(compare(document(texts), document(texts))) == []


DEMO_EXPECTED = {
    ("2024-01-15", "2025-03-01"): [("changed", "1.1.1", "1.1.1"), ("changed", "8.2", "8.2")],
    ("2025-09-01", "2026-06-01"): (
        [("added", None, "4.1.5")]
        + [("renumbered", f"4.1.{n}", f"4.1.{n + 1}") for n in range(5, 13)]
        + [("removed", "5.4", None), ("renumbered", "5.5", "5.4"), ("renumbered", "5.6", "5.5"),
           ("changed", "7.1", "7.1"), ("added", None, "7.2"), ("renumbered", "7.2", "7.3")]
        + [("renumbered", f"7.2.{n}", f"7.3.{n}") for n in (1, 2, 3)]),
    ("2026-06-01", "2030-01-01"): [("added", None, "10"), ("added", None, "10.1"), ("added", None, "10.2")],
}


def test_the_demo_correction_changes_only_the_kazakh_translation():
    policy, _ = load_policy(ROOT / "examples" / "demo" / "content")
    old, new = datetime.date(2025, 3, 1), datetime.date(2025, 9, 1)
    for lang, expected in {"ru": [], "en": [], "kk": [("changed", "8.1"), ("changed", "8.2")]}.items():
        changes = summary(compare(policy.get(lang, old).document, policy.get(lang, new).document))
        assert [(c.kind.value, c.number) for c in changes] == expected
        assert policy.get(lang, new).corrects == ("kk",)


@LANGS
def test_demo_history_has_exactly_the_changes_it_was_written_with(lang):
    policy, problems = load_policy(ROOT / "examples" / "demo" / "content")
    assert problems == []
    for (old, new), expected in DEMO_EXPECTED.items():
        changes = summary(compare(policy.get(lang, datetime.date.fromisoformat(old)).document,
                                  policy.get(lang, datetime.date.fromisoformat(new)).document))
        assert [(c.kind.value, c.old and c.old.number, c.new and c.new.number) for c in changes] == expected


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_every_change_status_is_said_in_the_language(lang):
    """One list of statuses, each said through the catalogs: a status added to `Kind` without its
    words in a catalog would reach the pages, the check's messages and `diff` in English."""
    locale, _ = load_locale(Project().locales, lang)
    for kind in Kind:
        for said in (kind.describe("1.2"),) + ((kind.done("1.2"),) if kind is not Kind.REMOVED else ()):
            assert locale.gettext(said.template) != said.template, (kind, said.template)
