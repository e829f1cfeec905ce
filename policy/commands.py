"""What each command of build.py does, with the messages editors see."""

from __future__ import annotations

import datetime
import os
import sys
from pathlib import Path
from typing import Callable

import yaml

from .build import Project, build_site
from .changes.change import compare, summary
from .changes.redline import Segment, to_markdown, to_text
from .checks.check import check_content
from .i18n.language import LANGUAGES
from .i18n.locale import load_locale
from .i18n.message import Message, Translate, message, printable
from .model.version import load_policy
from .problem import ContentError, Problem
from .site.render import RenderError

PLACEHOLDER = "_____"
EDITORS_LANGUAGE = "ru"
"""The language of messages when neither --lang nor POLICY_LANG says otherwise: the legal editors'."""
_translate: Translate | None = None


def use_language(lang: str | None) -> None:
    """Say everything from now on in `lang` (else POLICY_LANG, else Russian); in English when that
    language's catalog is incomplete."""
    global _translate
    lang = lang or os.environ.get("POLICY_LANG") or EDITORS_LANGUAGE
    locale, _ = load_locale(Project().locales, lang if lang in LANGUAGES else EDITORS_LANGUAGE)
    _translate = locale.gettext if locale else None


def say(template: str | Message, **values: object) -> str:
    """A message in the editor's language."""
    return (template if isinstance(template, Message) else message(template, **values)).text(_translate)


def report(problems: list[Problem]) -> None:
    """Print problems for people, and as annotations on the pull request when run by GitHub Actions."""
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in problems:
        print(problem.annotation(_translate) if annotate else problem.format(_translate), file=sys.stderr)
    errors = sum(problem.is_error for problem in problems)
    if problems:
        print(say("%(errors)s error(s), %(warnings)s warning(s)", errors=errors, warnings=len(problems) - errors),
              file=sys.stderr)


def check(content: Path, today: datetime.date, base: str | None) -> int:
    """Report every problem; exit status 1 when one is an error."""
    _, problems = check_content(content, today, base)
    report(problems)
    if not any(problem.is_error for problem in problems):
        print(say("content OK for %(today)s", today=today))
        return 0
    return 1


def build(content: Path, out: Path, today: datetime.date, base: str | None, site_url: str | None = None) -> int:
    """Build the site, or report why not and leave `out` as it was."""
    if _build(lambda: build_site(content, out, today, base, site_url=site_url), out, today):
        print(say("nothing was built: fix the errors above; %(out)s is unchanged", out=out), file=sys.stderr)
        return 1
    return 0


def _build(make: Callable[[], list[Problem]], out: Path, today: datetime.date) -> list[str]:
    """Build with `make` and report; the errors of a failed build, one line each (none when it was built)."""
    try:
        warnings = make()
    except ContentError as exc:
        report(exc.problems)
        return [problem.format(_translate) for problem in exc.problems if problem.is_error]
    except RenderError as exc:
        reason = "\n".join(printable(line) for line in str(exc).split("\n"))
        print(f"error: {reason}", file=sys.stderr)
        return [f"error: {reason}"]
    report(warnings)
    print(say("built %(out)s for %(today)s", out=out, today=today), flush=True)
    return []


def new_version(content: Path, date: datetime.date) -> int:
    """Copy the latest version of every language to `date`, its summary left for the editor."""
    policy, problems = load_policy(content)
    if not policy.dates:
        report(problems)
        print(say("error: there is no complete version to start from"), file=sys.stderr)
        return 1
    latest = policy.dates[-1]
    if date <= latest:
        print(say("error: the new version's date must be after the latest version, %(latest)s", latest=latest),
              file=sys.stderr)
        return 1
    existing = [path for lang in LANGUAGES if (path := content / lang / f"{date}.md").exists()]
    if existing:
        print(say("error: %(files)s already exists; nothing was written (finish that file, or delete it to "
                  "start again)", files=", ".join(map(str, existing))), file=sys.stderr)
        return 1
    for lang in LANGUAGES:
        old = policy.get(lang, latest)
        meta = yaml.safe_dump({"title": old.title, "summary": PLACEHOLDER}, allow_unicode=True,
                              sort_keys=False, width=1000)
        path = old.path.with_name(f"{date}.md")
        path.write_text(f"---\n{meta}---\n{old.source.body}", encoding="utf-8", newline="\n")  # LF everywhere
        print(say("created %(path)s", path=path))
    print(say("now edit the three files: write the summary (replace %(placeholder)s) and make the same change "
              "in every language; then run: make check", placeholder=PLACEHOLDER))
    return 0


def diff(content: Path, dates: list[datetime.date], only: str | None, markdown: bool = False) -> int:
    """Print the redline of a version against the one before it, unit by unit, in every language or
    `only` one, for a terminal or (`markdown`) for a pull request's summary. A file that cannot be read stops it: "the latest
    change" would otherwise be an older one."""
    policy, problems = load_policy(content)
    errors = [problem for problem in problems if problem.is_error]
    if errors:
        report(errors)
        print(say("error: the content cannot be read; fix the errors above"), file=sys.stderr)
        return 1
    if len(policy.dates) < 2 and not dates:
        print(say("there is only one version: nothing to compare"))
        return 0
    old, new = dates or policy.dates[-2:]
    color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    for language in [only] if only else LANGUAGES:
        try:
            changes = summary(compare(policy.get(language, old).document, policy.get(language, new).document))
        except KeyError:
            print(say("error: %(lang)s has no version %(old)s or %(new)s", lang=language, old=old, new=new),
                  file=sys.stderr)
            return 1
        heading, unit = ("### {}\n", "**{}**: {}\n") if markdown else ("== {}", "\n-- {}: {}")
        print(heading.format(say("%(lang)s: %(old)s → %(new)s: %(count)s change(s)", lang=language, old=old,
                                 new=new, count=len(changes))))
        for change in changes:
            print(unit.format(change.number or say("preamble"), say(change.kind.describe(change.was))))
            if change.text_changed:
                segments = [Segment(s.op, "\n".join(map(printable, s.text.split("\n")))) for s in change.segments()]
                print(to_markdown(segments) + "\n" if markdown else to_text(segments, color))
        print()
    return 0


def serve(content: Path, today: datetime.date, port: int, site_url: str | None = None) -> int:
    """Preview the site on 127.0.0.1, rendering again what changed whenever a file is saved; a
    failed build shows its errors in the browser. The preview has a folder of its own (under
    .cache/): it never writes to, nor deletes, a site that `build` made."""
    from .live import LiveSite
    from .preview import preview
    site = LiveSite(content, today, site_url=site_url)

    def rebuild(viewed: list[str], ready: Callable[[], None], pending: Callable[[], bool]) -> list[str]:
        return _build(lambda: site.build(viewed, ready, pending), site.out, today)

    try:
        return preview(site.out, [content, Project().theme], port, rebuild)
    finally:
        site.close()
