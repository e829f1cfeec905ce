"""The policy's content: the first version in three languages, faithful to the original, and the demo."""

from __future__ import annotations

import datetime
import re

import pytest

from policy.source import parse_source
from policy.version import load_policy
from tests.conftest import CONTENT, DEMO, ROOT

SEED = ROOT / "tests" / "fixtures" / "seed" / "policy-original-ru.txt"
FIRST = datetime.date(2026, 11, 24)
KAZAKH_LETTERS = re.compile("[әғқңөұүһі]", re.IGNORECASE)
LANGS = ("ru", "kk", "en")


@pytest.mark.parametrize("lang", LANGS)
def test_first_version_files_are_clean_utf8_with_valid_front_matter(lang):
    path = CONTENT / lang / f"{FIRST}.md"
    data = path.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf") and b"\r" not in data and data.endswith(b"\n")
    source, problems = parse_source(path, data.decode("utf-8"))
    assert problems == [] and set(source.meta) == {"title", "summary"}


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def test_russian_text_has_the_seeds_words_in_order():
    seed = re.sub(r"(?m)^\s*- ", "", SEED.read_text(encoding="utf-8"))
    source, _ = parse_source(CONTENT / "ru" / f"{FIRST}.md",
                             (CONTENT / "ru" / f"{FIRST}.md").read_text(encoding="utf-8"))
    body = re.sub(r"(?m)^(#+|-) ", "", source.body)
    assert words(body) == words(seed)


@pytest.fixture(scope="module")
def policy():
    policy, problems = load_policy(CONTENT)
    assert problems == []
    return policy


def test_every_language_has_the_same_72_numbered_units(policy):
    numbers = {lang: [u.number for u in policy.get(lang, FIRST).document.units] for lang in LANGS}
    assert len(numbers["ru"]) == 72
    assert sum("." not in n for n in numbers["ru"]) == 9
    assert numbers["ru"][0] == "1" and numbers["ru"][-1] == "9.4"
    assert numbers["kk"] == numbers["en"] == numbers["ru"]


def test_no_translated_unit_is_left_in_russian(policy):
    for unit in policy.get("en", FIRST).document.all_units:
        assert not re.search("[А-яЁё]", unit.text), unit.number
    original = policy.get("ru", FIRST).document.all_units
    for unit, russian in zip(policy.get("kk", FIRST).document.all_units, original):
        shared = set(words(unit.text.lower())) & set(words(russian.text.lower()))
        assert KAZAKH_LETTERS.search(unit.text) or len(shared) < len(set(words(unit.text))) / 2, unit.number


GLOSSARY = [  # (ru stem, kk, en): where the original says the first, the translation says the others
    ("Пользовател", "Пайдаланушы", "User"),
    ("Администраци", "әкімшілі", "Site Administration"),
    ("персональных данных", "дербес дерек", "Personal Data"),
    ("Республики Казахстан", "Қазақстан Республикасы", "Republic of Kazakhstan"),
    ("Товар", "Тауар", "Goods"),
]


@pytest.mark.parametrize("ru, kk, en", GLOSSARY)
def test_glossary_terms_are_used_consistently(policy, ru, kk, en):
    translations = {lang: policy.get(lang, FIRST).document.by_number for lang in ("kk", "en")}
    for number, unit in policy.get("ru", FIRST).document.by_number.items():
        if ru.lower() in unit.text.lower():
            assert kk.lower() in translations["kk"][number].text.lower(), (number, kk)
            assert en.lower() in translations["en"][number].text.lower(), (number, en)
    glossary = (CONTENT / "GLOSSARY.md").read_text(encoding="utf-8")
    assert en.split()[-1] in glossary


def test_demo_history_is_marked_and_reaches_the_future():
    policy, problems = load_policy(DEMO)
    assert problems == []
    assert len(policy.dates) >= 4 and policy.dates[-1].year >= 2030
    for lang in LANGS:
        for date in policy.dates:
            assert policy.get(lang, date).summary.startswith(("Демо:", "Demo:")), (lang, date)
