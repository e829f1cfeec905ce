"""The version model: every version of the policy in every language, read from `content/`."""

from __future__ import annotations

import datetime
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .clause import Document, parse_document
from .language import LANGUAGES
from .problem import Problem, error
from .source import Source, read_source

_FILE_NAME = re.compile(r"(\d{4})-(\d{2})-(\d{2})\.md")


@dataclass(frozen=True)
class Version:
    """One language's text of the policy as in force from its effective date."""

    lang: str
    date: datetime.date
    source: Source

    @property
    def path(self) -> Path:
        return self.source.path

    @property
    def title(self) -> str:
        return self.source.meta["title"].strip()

    @property
    def summary(self) -> str:
        return self.source.meta["summary"].strip()

    @property
    def sha256(self) -> str:
        return self.source.sha256

    @cached_property
    def document(self) -> Document:
        return parse_document(self.source.body, self.source.body_line)


@dataclass(frozen=True)
class Policy:
    """All versions, by language and effective date, and which one is in force when."""

    versions: dict[str, dict[datetime.date, Version]]

    @cached_property
    def dates(self) -> list[datetime.date]:
        """Effective dates that every language has, oldest first."""
        common = set.intersection(*(set(self.versions.get(lang, {})) for lang in LANGUAGES))
        return sorted(common)

    def get(self, lang: str, date: datetime.date) -> Version:
        """The version of `date` in `lang`."""
        return self.versions[lang][date]

    def in_force(self, today: datetime.date) -> datetime.date | None:
        """The effective date of the version in force on `today`: the latest that is not in the future."""
        index = bisect_right(self.dates, today)
        return self.dates[index - 1] if index else None

    def status(self, date: datetime.date, today: datetime.date) -> str:
        """`current`, `upcoming` or `archived`: where the version of `date` stands on `today`."""
        if date > today:
            return "upcoming"
        return "current" if date == self.in_force(today) else "archived"

    def previous(self, date: datetime.date) -> datetime.date | None:
        """The date of the version before, or None for the first."""
        return self.in_force(date - datetime.timedelta(days=1))

    def next(self, date: datetime.date) -> datetime.date | None:
        """The date of the version after, or None for the latest."""
        index = bisect_right(self.dates, date)
        return self.dates[index] if index < len(self.dates) else None


def version_date(path: Path) -> datetime.date | None:
    """The effective date a version file's name gives, or None when it is not `YYYY-MM-DD.md`."""
    match = _FILE_NAME.fullmatch(path.name)
    if not match:
        return None
    try:
        return datetime.date(*map(int, match.groups()))
    except ValueError:
        return None


def load_policy(content: Path) -> tuple[Policy, list[Problem]]:
    """Read every version file under `content/<lang>/`; files that cannot be read are left out
    and reported."""
    versions: dict[str, dict[datetime.date, Version]] = {lang: {} for lang in LANGUAGES}
    problems: list[Problem] = []
    for path in sorted(content.iterdir()) if content.is_dir() else []:
        if path.is_dir() and path.name not in LANGUAGES and not path.name.startswith("."):
            problems.append(error(path, 1, "layout",
                                  f"'{path.name}' is not a language of the policy ({', '.join(LANGUAGES)})"))
    for lang in LANGUAGES:
        folder = content / lang
        for path in sorted(folder.iterdir()) if folder.is_dir() else []:
            version, found = _load_version(lang, path)
            problems += found
            if version:
                versions[lang][version.date] = version
    return Policy(versions), problems


def _load_version(lang: str, path: Path) -> tuple[Version | None, list[Problem]]:
    if path.name.startswith("."):
        return None, []
    date = version_date(path)
    if path.is_dir() or date is None:
        return None, [error(path, 1, "layout",
                            f"only version files may be in content/{lang}/: name it after its effective "
                            "date, like 2027-03-01.md (a real date, year-month-day)")]
    source, problems = read_source(path)
    return (Version(lang, date, source) if source else None), problems
