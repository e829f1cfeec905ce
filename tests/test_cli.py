"""The command line as editors and CI use it: build.py check, build, new-version and diff."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import DEMO, POLICY, ROOT

EDIT = {"ru": "30 календарных дней", "kk": "30 күнтізбелік", "en": "30 calendar days"}


def run(*args, env=None):
    environment = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
    environment.update(NO_COLOR="1", **(env or {}))
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *args], capture_output=True, text=True,
                          env=environment, cwd=ROOT, timeout=180)


@pytest.fixture
def content(tmp_path):
    shutil.copytree(POLICY, tmp_path / "content")
    return tmp_path / "content"


def test_check_passes_on_the_real_content(content):
    result = run("check", "--content", str(content), "--date", "2026-11-25")
    assert result.returncode == 0, result.stderr
    assert "warning: ru 2026-11-24: clause 1.1.1 has an unfilled placeholder '_____'; write the text [placeholder]" in result.stderr


def test_check_reports_file_line_and_rule_and_exits_1(content):
    path = content / "kk" / "2026-11-24.md"
    path.write_text(path.read_text(encoding="utf-8").replace("9.1. ", "9.1. <b>x</b> "), encoding="utf-8")
    result = run("check", "--content", str(content), "--date", "2026-11-25")
    assert result.returncode == 1
    line = next(i for i, text in enumerate(path.read_text().split("\n"), 1) if text.startswith("9.1. "))
    assert f"content/kk/2026-11-24.md:{line}:6: error: HTML is not allowed" in result.stderr
    annotated = run("check", "--content", str(content), "--date", "2026-11-25", env={"GITHUB_ACTIONS": "true"})
    assert "::error file=" in annotated.stderr and f"kk/2026-11-24.md,line={line},title=markup,col=6::" in annotated.stderr


def test_messages_are_in_russian_by_default_and_in_the_language_asked_for(content):
    """The editors are Russian-speaking lawyers: Russian unless --lang or POLICY_LANG says otherwise,
    and the pull request's annotations too."""
    path = content / "kk" / "2026-11-24.md"
    path.write_text(path.read_text(encoding="utf-8").replace("9.1. ", "9.1. <b>x</b> "), encoding="utf-8")
    check = ("check", "--content", str(content), "--date", "2026-11-25")
    russian = run(*check, env={"POLICY_LANG": ""})
    assert "error: HTML в тексте политики не разрешён (найдено «<b»); пишите обычный текст [markup]" in russian.stderr
    assert "ошибок: 2, предупреждений: 4" in russian.stderr  # 3 placeholders, no git
    kazakh = run(*check, "--lang", "kk")
    assert "[markup]" in kazakh.stderr and "HTML" in kazakh.stderr
    assert not {line for line in kazakh.stderr.split("\n") if "[markup]" in line} & set(russian.stderr.split("\n"))
    annotated = run(*check, env={"POLICY_LANG": "", "GITHUB_ACTIONS": "true"})
    assert "::error file=" in annotated.stderr and "HTML в тексте политики не разрешён" in annotated.stderr
    assert "папки с текстом" in run("check", "--content", str(content / "none"), env={"POLICY_LANG": "ru"}).stderr


def edit_clause(content, date, langs):
    for lang in langs:
        path = content / lang / f"{date}.md"
        text = path.read_text(encoding="utf-8")
        assert EDIT[lang] in text
        text = text.replace(EDIT[lang], EDIT[lang].replace("30", "15")).replace("summary: _____", "summary: 15 days")
        path.write_text(text, encoding="utf-8")


@pytest.mark.slow
def test_new_version_edit_check_and_build_make_a_changes_page(content, tmp_path):
    assert run("new-version", "2026-12-01", "--content", str(content)).returncode == 0
    edit_clause(content, "2026-12-01", ("ru", "kk", "en"))
    assert run("check", "--content", str(content), "--date", "2026-12-01").returncode == 0
    out = tmp_path / "site"
    result = run("build", "--content", str(content), "--out", str(out), "--date", "2026-12-01")
    assert result.returncode == 0, result.stderr
    page = (out / "ru" / "changes" / "2026-12-01" / "index.html").read_text(encoding="utf-8")
    assert 'id="p-8-2"' in page and "<del>" in page and "15" in page
    assert json.loads((out / "versions.json").read_text())["current"] == "2026-12-01"


def test_the_same_edit_in_russian_alone_fails_translation_sync(content, tmp_path):
    run("new-version", "2026-12-01", "--content", str(content))
    edit_clause(content, "2026-12-01", ("ru",))
    result = run("build", "--content", str(content), "--out", str(tmp_path / "site"), "--date", "2026-12-01")
    assert result.returncode == 1
    assert "kk: 8.2 is unchanged from 2026-11-24 to 2026-12-01 while ru changed it; make the same change in every language [translation-sync]" in result.stderr
    assert not (tmp_path / "site").exists()


def test_new_version_refuses_a_date_not_after_the_latest(content):
    result = run("new-version", "2026-11-24", "--content", str(content))
    assert result.returncode == 1 and "must be after the latest version, 2026-11-24" in result.stderr
    assert sorted(p.name for p in (content / "ru").iterdir()) == ["2026-11-24.md"]


def test_new_version_never_overwrites_a_file_of_that_date(content):
    half_written = content / "kk" / "2027-01-01.md"
    half_written.write_text("---\ntitle: жоба\n", encoding="utf-8")
    result = run("new-version", "2027-01-01", "--content", str(content))
    assert result.returncode == 1 and "already exists; nothing was written" in result.stderr
    assert half_written.read_text(encoding="utf-8") == "---\ntitle: жоба\n"
    assert not (content / "ru" / "2027-01-01.md").exists()


def test_diff_refuses_a_tree_it_cannot_read_instead_of_showing_an_older_change(tmp_path):
    shutil.copytree(DEMO, tmp_path / "content")
    broken = tmp_path / "content" / "en" / "2030-01-01.md"
    broken.write_bytes(b"\xff\xfe not utf-8")
    result = run("diff", "--content", str(tmp_path / "content"))
    assert result.returncode == 1
    assert "2030-01-01.md:1: error:" in result.stderr and "==" not in result.stdout


def test_new_version_leaves_the_summary_for_the_editor(content):
    run("new-version", "2027-01-01", "--content", str(content))
    result = run("check", "--content", str(content), "--date", "2026-11-25")
    assert result.returncode == 0
    assert "ru 2027-01-01: the summary is still a placeholder; write it [placeholder]" in result.stderr


def test_diff_prints_the_redline_unit_by_unit():
    result = run("diff", "2025-03-01", "2026-06-01", "--only", "ru", "--content", str(DEMO))
    assert result.returncode == 0
    assert "== ru: 2025-03-01 → 2026-06-01" in result.stdout
    assert "-- 7.1: changed" in result.stdout and "[-7.2.-]{+7.3.+}" in result.stdout
    assert "-- 4.1.6: renumbered (was 4.1.5)" in result.stdout
    assert "\x1b[" not in result.stdout


def test_diff_says_its_messages_in_the_language_asked_for_whatever_the_text_shown():
    """--lang is the language of messages in every command; --only chooses the text's language."""
    result = run("diff", "2025-03-01", "2026-06-01", "--only", "kk", "--lang", "ru", "--content", str(DEMO))
    assert result.returncode == 0
    assert "== kk: 2025-03-01 → 2026-06-01: изменений: " in result.stdout and "== ru" not in result.stdout
    assert "-- 4.1.6: перенумеровано (прежний номер 4.1.5)" in result.stdout


def test_a_changed_preamble_is_named_as_on_the_pages_and_agrees_with_its_status(content):
    """Russian calls it «вступление» in messages as on the pages, and its status agrees: изменено."""
    run("new-version", "2027-01-01", "--content", str(content))
    for lang, old, new in (("ru", "Настоящая Политика", "Эта Политика"), ("kk", "Осы Дербес деректердің", "Бұл Дербес деректердің"),
                           ("en", "This Personal Data Privacy Policy", "The Personal Data Privacy Policy")):
        path = content / lang / "2027-01-01.md"
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = run("diff", "--only", "ru", "--lang", "ru", "--content", str(content))
    assert "-- вступление: изменено" in result.stdout


def test_diff_as_markdown_strikes_through_and_underlines_and_escapes_the_words():
    result = run("diff", "2025-03-01", "2026-06-01", "--only", "ru", "--markdown", "--content", str(DEMO))
    assert result.returncode == 0
    assert "### ru: 2025-03-01 → 2026-06-01" in result.stdout
    assert "**7.1**: changed" in result.stdout and "<del>7\\.2\\.</del> <ins>7\\.3\\.</ins>" in result.stdout
    assert "[-" not in result.stdout and "{+" not in result.stdout


def test_diff_defaults_to_the_latest_change_in_every_language():
    result = run("diff", "--content", str(DEMO))
    assert [line for line in result.stdout.split("\n") if line.startswith("==")] == [
        f"== {lang}: 2026-06-01 → 2030-01-01: 3 change(s)" for lang in ("ru", "kk", "en")]


@pytest.mark.slow
def test_build_date_comes_from_source_date_epoch(tmp_path):
    out = tmp_path / "site"
    result = run("build", "--content", str(DEMO), "--out", str(out), env={"SOURCE_DATE_EPOCH": "1893542400"})
    assert result.returncode == 0, result.stderr
    data = json.loads((out / "versions.json").read_text())
    assert (data["generated_for"], data["current"]) == ("2030-01-02", "2030-01-01")


@pytest.mark.slow
def test_before_the_first_version_takes_effect_the_home_page_announces_it(tmp_path):
    out = tmp_path / "site"
    result = run("build", "--content", str(DEMO), "--out", str(out), "--date", "2020-01-01")
    assert result.returncode == 0, result.stderr
    assert "no version is in force yet on 2020-01-01" in result.stderr
    home = (out / "ru" / "index.html").read_text(encoding="utf-8")
    assert "Эта редакция вступает в силу 15 января 2024" in home.replace("\u202f", " ").replace("\xa0", " ")
    assert json.loads((out / "versions.json").read_text())["current"] is None


@pytest.mark.parametrize("args", [["check", "--date", "0001-01-01"], ["build", "--date", "9999-12-31"],
                                  ["new-version", "2101-01-01"], ["diff", "1999-12-31", "2026-11-24"]])
def test_a_date_outside_2000_to_2100_is_refused_on_the_command_line(content, tmp_path, args):
    result = run(*args, "--content", str(content), *(["--out", str(tmp_path / "site")] if args[0] == "build" else []))
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert "invalid day value" in result.stderr
    assert not (tmp_path / "site").exists() and sorted(path.name for path in content.rglob("*.md")) == [
        "2026-11-24.md"] * 3


@pytest.mark.parametrize("epoch", ["0", "99999999999", "-99999999999999"])
def test_a_build_date_outside_2000_to_2100_from_source_date_epoch_is_a_one_line_error(content, epoch):
    result = run("check", "--content", str(content), env={"SOURCE_DATE_EPOCH": epoch, "POLICY_LANG": "en"})
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.startswith("error: SOURCE_DATE_EPOCH=") and len(result.stderr.splitlines()) == 1


def test_a_version_dated_in_year_1_in_every_language_is_refused_at_its_files_and_builds_nothing(content, tmp_path):
    for lang in ("ru", "kk", "en"):
        shutil.copy(content / lang / "2026-11-24.md", content / lang / "0001-01-01.md")
    result = run("build", "--content", str(content), "--out", str(tmp_path / "site"), "--date", "2026-11-25",
                 env={"POLICY_LANG": "en"})
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    for lang in ("ru", "kk", "en"):
        assert f"{content / lang / '0001-01-01.md'}:1: error: " in result.stderr
    assert not (tmp_path / "site").exists()
