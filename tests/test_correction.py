"""Translation corrections: `corrects: [kk]` lets a version fix a translation and nothing else."""

from __future__ import annotations

import datetime
import shutil

import pytest
from bs4 import BeautifulSoup

from policy.checks.check import check_content
from policy.build import build_site
from tests.conftest import POLICY

TODAY = datetime.date(2027, 3, 5)
DATE = "2027-03-01"
WRONG, RIGHT = "30 күнтізбелік", "отыз күнтізбелік"


def correction(tmp_path, declared=("ru", "kk", "en"), value="[kk]", kk=True, ru=False):
    """The frozen policy and a version of DATE that corrects its Kazakh text."""
    tree = tmp_path / "content"
    shutil.copytree(POLICY, tree)
    for lang in ("ru", "kk", "en"):
        text = (tree / lang / "2026-11-24.md").read_text(encoding="utf-8")
        if lang in declared:
            text = text.replace("\nsummary:", f"\ncorrects: {value}\nsummary:", 1)
        if lang == "kk" and kk:
            text = text.replace(WRONG, RIGHT)
        if lang == "ru" and ru:
            text = text.replace("30 календарных", "тридцать календарных")
        (tree / lang / f"{DATE}.md").write_text(text, encoding="utf-8")
    return tree


def errors(tree):
    _, problems = check_content(tree, TODAY, None)
    return {(p.path.parent.name, p.line, p.rule) for p in problems if p.is_error}


def test_a_declared_correction_of_one_translation_passes(tmp_path):
    assert errors(correction(tmp_path)) == set()


def test_the_same_change_without_the_declaration_breaks_translation_sync(tmp_path):
    assert errors(correction(tmp_path, declared=())) == {("kk", 145, "translation-sync")}


def test_a_correction_may_not_touch_the_original(tmp_path):
    assert errors(correction(tmp_path, ru=True)) == {("ru", 146, "correction")}


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_a_correction_may_not_change_the_title_of_a_language_it_does_not_name(tmp_path, lang):
    tree = correction(tmp_path)
    path = tree / lang / f"{DATE}.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[1] = "title: A title the reviewers did not expect"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert errors(tree) == {(lang, 2, "correction")}


def test_a_correction_may_change_the_title_of_the_language_it_corrects(tmp_path):
    tree = correction(tmp_path)
    path = tree / "kk" / f"{DATE}.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[1] = "title: Дербес деректердің құпиялылық саясаты"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert errors(tree) == set()


def test_a_correction_must_correct_something(tmp_path):
    assert errors(correction(tmp_path, kk=False)) == {("kk", 3, "correction")}


@pytest.mark.parametrize("declared, value, expected", [
    (("ru",), "[kk]", {("kk", 1, "correction"), ("en", 1, "correction")}),
    (("ru", "kk", "en"), "[ru]", {("ru", 3, "correction")}),
    (("ru", "kk", "en"), "kk", {(lang, 3, "front-matter") for lang in ("ru", "kk", "en")}),
])
def test_the_declaration_is_the_same_everywhere_and_names_translations(tmp_path, declared, value, expected):
    assert errors(correction(tmp_path, declared=declared, value=value)) == expected


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("correction") / "site"
    build_site(correction(tmp_path_factory.mktemp("tree")), out, TODAY, compress=False)
    return out


def page(site, url):
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("lang, notice", [
    ("ru", "Эта редакция исправляет перевод (казахский). Текст оригинала (русский) не изменился."),
    ("kk", "Бұл редакция аударманы түзетеді (қазақ тілі). Түпнұсқа мәтіні (орыс тілі) өзгерген жоқ."),
    ("en", "This version corrects the translation (Kazakh). The original text (Russian) is unchanged."),
])
def test_history_and_change_pages_say_the_translation_was_corrected(site, lang, notice):
    for url in (f"{lang}/history", f"{lang}/changes/{DATE}"):
        assert notice in page(site, url).get_text(" ", strip=True), url
    assert notice not in page(site, f"{lang}/changes/2026-11-24").get_text(" ", strip=True)


def test_the_kazakh_change_page_shows_the_correction_and_the_russian_none(site):
    kk = page(site, f"kk/changes/{DATE}")
    assert [d.get_text() for d in kk.select(".redline del")] and kk.select(".redline ins")
    assert not page(site, f"ru/changes/{DATE}").select(".redline")
