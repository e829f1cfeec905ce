"""What each command of build.py does, with the messages editors see."""

from __future__ import annotations

import datetime
import os
import sys
from pathlib import Path

import yaml

from .change import Kind, compare, summary
from .check import check as run_checks
from .language import LANGUAGES
from .problem import ContentError, Problem
from .publish import Project, build_site
from .redline import to_markdown, to_text
from .render import RenderError
from .version import load_policy

PLACEHOLDER = "_____"


def report(problems: list[Problem]) -> None:
    """Print problems for people, and as annotations on the pull request when run by GitHub Actions."""
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in problems:
        print(problem.annotation() if annotate else problem.format(), file=sys.stderr)
    errors = sum(problem.is_error for problem in problems)
    if problems:
        print(f"{errors} error(s), {len(problems) - errors} warning(s)", file=sys.stderr)


def check(content: Path, today: datetime.date, base: str | None) -> int:
    """Report every problem; exit status 1 when one is an error."""
    _, problems = run_checks(content, today, base)
    report(problems)
    if not any(problem.is_error for problem in problems):
        print(f"content OK for {today}")
        return 0
    return 1


def build(content: Path, out: Path, today: datetime.date, base: str | None) -> int:
    """Build the site, or report why not and leave `out` as it was."""
    try:
        warnings = build_site(content, out, today, base)
    except ContentError as exc:
        report(exc.problems)
        print(f"nothing was built: fix the errors above; {out} is unchanged", file=sys.stderr)
        return 1
    except RenderError as exc:
        print(f"error: {exc}\nnothing was built; {out} is unchanged", file=sys.stderr)
        return 1
    report(warnings)
    print(f"built {out} for {today}", flush=True)
    return 0


def new_version(content: Path, date: datetime.date) -> int:
    """Copy the latest version of every language to `date`, its summary left for the editor."""
    policy, problems = load_policy(content)
    if not policy.dates:
        report(problems)
        print("error: there is no complete version to start from", file=sys.stderr)
        return 1
    latest = policy.dates[-1]
    if date <= latest:
        print(f"error: the new version's date must be after the latest version, {latest}", file=sys.stderr)
        return 1
    existing = [path for lang in LANGUAGES if (path := content / lang / f"{date}.md").exists()]
    if existing:
        print(f"error: {', '.join(map(str, existing))} already exists; nothing was written (finish that "
              "file, or delete it to start again)", file=sys.stderr)
        return 1
    for lang in LANGUAGES:
        old = policy.get(lang, latest)
        meta = yaml.safe_dump({"title": old.title, "summary": PLACEHOLDER}, allow_unicode=True,
                              sort_keys=False, width=1000)
        path = old.path.with_name(f"{date}.md")
        path.write_text(f"---\n{meta}---\n{old.source.body}", encoding="utf-8")
        print(f"created {path}")
    print(f"now edit the three files: write the summary (replace {PLACEHOLDER}) and make the same change "
          "in every language; then run: python build.py check")
    return 0


def diff(content: Path, dates: list[datetime.date], lang: str | None, markdown: bool = False) -> int:
    """Print the redline of a version against the one before it, unit by unit, for a terminal or
    (`markdown`) for a pull request's summary. A file that cannot be read stops it: "the latest
    change" would otherwise be an older one."""
    policy, problems = load_policy(content)
    errors = [problem for problem in problems if problem.is_error]
    if errors:
        report(errors)
        print("error: the content cannot be read; fix the errors above", file=sys.stderr)
        return 1
    if len(policy.dates) < 2 and not dates:
        print("there is only one version: nothing to compare")
        return 0
    old, new = dates or policy.dates[-2:]
    color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    for language in [lang] if lang else LANGUAGES:
        try:
            changes = summary(compare(policy.get(language, old).document, policy.get(language, new).document))
        except KeyError:
            print(f"error: {language} has no version {old} or {new}", file=sys.stderr)
            return 1
        heading, unit = ("### {}\n", "**{}**: {}\n") if markdown else ("== {}", "\n-- {}: {}")
        print(heading.format(f"{language}: {old} → {new}: {len(changes)} change(s)"))
        for change in changes:
            was = f" (was {change.old.number})" if change.kind is Kind.RENUMBERED else ""
            print(unit.format(change.number or "preamble", change.status + was))
            if change.text_changed:
                segments = change.segments()
                print(to_markdown(segments) + "\n" if markdown else to_text(segments, color))
        print()
    return 0


def serve(content: Path, out: Path, today: datetime.date, port: int) -> int:
    """Preview the site on 127.0.0.1, rebuilding it whenever a file is saved."""
    from .preview import preview
    return preview(content, out, Project().theme, port, lambda: build(content, out, today, None))

