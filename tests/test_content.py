"""The policy's text as the tests hold it: the frozen copy of the first version (tests/fixtures/policy)
is the original word for word, translated whole and with one rendering per term; the demo history
keeps to the same. The live content/ is the legal editors' and is checked by `make check` (CI runs
it on every pull request); here only its first version is read, which the demo starts from, so
that a new version in content/ can never break a test."""

from __future__ import annotations

import re

import pytest

from policy.i18n.language import LANGUAGES, ORIGINAL
from policy.model.source import parse_source
from policy.model.version import load_policy
from tests.conftest import DEMO, POLICY, ROOT

SEED = ROOT / "tests" / "fixtures" / "seed" / "policy-original-ru.txt"
KAZAKH_LETTERS = re.compile("[әғқңөұүһі]", re.IGNORECASE)
TREES = {"fixture": POLICY, "demo": DEMO}


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


@pytest.fixture(scope="module", params=TREES)
def policy(request):
    policy, problems = load_policy(TREES[request.param])
    assert problems == []
    return policy


def versions(policy):
    """Each version as its three languages' texts, the original first."""
    return [{lang: policy.get(lang, date) for lang in LANGUAGES} for date in policy.dates]


@pytest.mark.parametrize("tree", TREES)
def test_every_file_is_clean_utf8_with_valid_front_matter(tree):
    for path in sorted(TREES[tree].glob("*/*.md")):
        data = path.read_bytes()
        assert not data.startswith(b"\xef\xbb\xbf") and b"\r" not in data and data.endswith(b"\n"), path
        source, problems = parse_source(path, data.decode("utf-8"))
        assert problems == [] and set(source.meta) <= {"title", "summary", "corrects"}, path


def test_the_fixtures_russian_text_is_the_seed_word_for_word():
    seed = re.sub(r"(?m)^\s*- ", "", SEED.read_text(encoding="utf-8"))
    [path] = (POLICY / ORIGINAL).glob("*.md")
    source, _ = parse_source(path, path.read_text(encoding="utf-8"))
    body = re.sub(r"(?m)^(#+|-) ", "", source.body)
    assert words(body) == words(seed)


def test_the_fixture_has_the_seeds_72_numbered_units_in_every_language():
    policy, _ = load_policy(POLICY)
    [date] = policy.dates
    numbers = {lang: [unit.number for unit in policy.get(lang, date).document.units] for lang in LANGUAGES}
    assert len(numbers["ru"]) == 72 and sum("." not in number for number in numbers["ru"]) == 9
    assert numbers["ru"][0] == "1" and numbers["ru"][-1] == "9.4"
    assert numbers["kk"] == numbers["en"] == numbers["ru"]


def test_no_translated_unit_is_left_in_russian(policy):
    for version in versions(policy):
        for unit in version["en"].document.all_units:
            assert not re.search("[А-яЁё]", unit.text), (version["en"].path, unit.number)
        for unit, russian in zip(version["kk"].document.all_units, version["ru"].document.all_units):
            shared = set(words(unit.text.lower())) & set(words(russian.text.lower()))
            assert KAZAKH_LETTERS.search(unit.text) or len(shared) < len(set(words(unit.text))) / 2, \
                (version["kk"].path, unit.number)


GLOSSARY = [  # (ru stem, kk, en): where the original says the first, the translation says the others
    ("Пользовател", "Пайдаланушы", "User"),
    ("Администраци", "әкімшілі", "Site Administration"),
    ("персональных данных", "дербес дерек", "Personal Data"),
    ("Республики Казахстан", "Қазақстан Республикасы", "Republic of Kazakhstan"),
    ("Товар", "Тауар", "Goods"),
]
"""A few terms of content/GLOSSARY.md, held in every version of both trees."""


@pytest.mark.parametrize("ru, kk, en", GLOSSARY)
def test_glossary_terms_are_used_consistently(policy, ru, kk, en):
    for version in versions(policy):
        for number, unit in version["ru"].document.by_number.items():
            if ru.lower() in unit.text.lower():
                for lang, term in (("kk", kk), ("en", en)):
                    assert term.lower() in version[lang].document.by_number[number].text.lower(), \
                        (version[lang].path, number, term)


def test_demo_history_is_marked_and_reaches_the_future():
    policy, problems = load_policy(DEMO)
    assert problems == []
    assert len(policy.dates) >= 4 and policy.dates[-1].year >= 2030
    for lang in LANGUAGES:
        for date in policy.dates:
            assert policy.get(lang, date).summary.startswith(("Демо:", "Demo:")), (lang, date)


def test_the_demo_starts_from_the_reviewed_first_version():
    """As examples/demo/README.md says: its first version is the policy's first version, but for
    the summaries and the Kazakh mistranslation in 8.1 and 8.2 that its correction fixes."""
    real, _ = load_policy(ROOT / "content")
    demo, _ = load_policy(DEMO)
    first = real.dates[0]
    for lang in LANGUAGES:
        ours = {unit.number: unit.text for unit in demo.get(lang, demo.dates[0]).document.all_units}
        theirs = {unit.number: unit.text for unit in real.get(lang, first).document.all_units}
        differ = sorted(number for number in ours if ours[number] != theirs.get(number))
        assert differ == (["8.1", "8.2"] if lang == "kk" else []), lang
    assert "талап-арыз" in demo.get("kk", demo.dates[0]).document.by_number["8.1"].text.lower()
