"""The version model: every version of the policy in every language, read from `content/`."""

from __future__ import annotations

import datetime
import re
from bisect import bisect_right
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from pathlib import Path

from ..i18n.language import LANGUAGES
from ..problem import Problem, error
from ..rules import LAYOUT
from .clause import Document, parse_document
from .dates import YEARS
from .front_matter import CORRECTS
from .source import Source, decode, read_bytes, read_source, too_large

_FILE_NAME = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})\.md")
TOP_FILES = ("GLOSSARY.md", "README.md")
"""Files that may sit beside the language folders: they document the content and are not published."""


class Status(StrEnum):
    """Where a version stands on a day. Its values are the words versions.json gives; templates
    compare with the members (`Status.CURRENT`), a Jinja global."""

    UPCOMING = "upcoming"
    CURRENT = "current"
    ARCHIVED = "archived"


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
        """Plain text on one line, as every page, feed and file shows it."""
        return " ".join(self.source.meta["title"].split())

    @property
    def summary(self) -> str:
        """Plain text on one line: one sentence on what the version changes."""
        return " ".join(self.source.meta["summary"].split())

    @property
    def corrects(self) -> tuple[str, ...]:
        """The languages whose translation this version corrects, when that is all it does."""
        return tuple(self.source.meta.get(CORRECTS, ()))

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

    def status(self, date: datetime.date, today: datetime.date) -> Status:
        """Where the version of `date` stands on `today`."""
        if date > today:
            return Status.UPCOMING
        return Status.CURRENT if date == self.in_force(today) else Status.ARCHIVED

    def previous(self, date: datetime.date) -> datetime.date | None:
        """The date of the version before, or None for the first."""
        return self.in_force(date - datetime.timedelta(days=1))

    def next(self, date: datetime.date) -> datetime.date | None:
        """The date of the version after, or None for the latest."""
        index = bisect_right(self.dates, date)
        return self.dates[index] if index < len(self.dates) else None


def version_date(path: Path) -> datetime.date | None:
    """The effective date a version file's name gives, or None when it is not `YYYY-MM-DD.md` with a
    real date in `dates.YEARS`."""
    match = _FILE_NAME.fullmatch(path.name)
    if not match:
        return None
    try:
        date = datetime.date(*map(int, match.groups()))
    except ValueError:
        return None
    return date if date.year in YEARS else None


def load_policy(content: Path) -> tuple[Policy, list[Problem]]:
    """Read every version file under `content/<lang>/`; files that cannot be read are left out
    and reported, and so is anything else in the tree."""
    versions: dict[str, dict[datetime.date, Version]] = {lang: {} for lang in LANGUAGES}
    if content.is_symlink() or not content.is_dir():
        return Policy(versions), [error(content, 1, LAYOUT, "the content folder %(folder)s does not exist",
                                                   folder=content)]
    problems = [problem for path in sorted(content.iterdir()) for problem in _top_entry(path)]
    for lang in LANGUAGES:
        folder = content / lang
        if folder.is_symlink() or not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            version, found = _load_version(lang, path)
            problems += found
            if version:
                versions[lang][version.date] = version
    if not any(versions.values()) and not problems:
        problems.append(error(content, 1, LAYOUT, "the content folder %(folder)s has no version of the policy: "
                              "it needs %(files)s", folder=content,
                              files=", ".join(f"{lang}/YYYY-MM-DD.md" for lang in LANGUAGES)))
    return Policy(versions), problems


def _top_entry(path: Path) -> list[Problem]:
    """Beside the language folders, only the documented files."""
    if path.is_symlink():
        return [_symlink(path)]
    if path.is_dir() and path.name in LANGUAGES:
        return []
    if path.is_file() and path.name in TOP_FILES:
        return _text_file(path)
    return [error(path, 1, LAYOUT, "'%(name)s' does not belong in the content folder: it holds only the "
                  "folders %(folders)s and %(files)s; remove it", name=path.name, folders=", ".join(LANGUAGES),
                  files=" and ".join(TOP_FILES))]


def _text_file(path: Path) -> list[Problem]:
    """A documenting file is held to the bytes rules of a version file: UTF-8, no BOM, LF."""
    data = read_bytes(path)
    return [too_large(path)] if data is None else decode(path, data)[1]


def _symlink(path: Path) -> Problem:
    return error(path, 1, LAYOUT, "'%(name)s' is a symbolic link: content must be real files and folders, "
                 "so that what is published is what was reviewed; put the file itself here", name=path.name)


def _load_version(lang: str, path: Path) -> tuple[Version | None, list[Problem]]:
    if path.is_symlink():
        return None, [_symlink(path)]
    date = version_date(path)
    if not path.is_file() or date is None:
        return None, [error(path, 1, LAYOUT,
                            "only version files may be in content/%(lang)s/: name it after its effective date, "
                            "like 2027-03-01.md (a real date from %(first)s to %(last)s, year-month-day, in digits "
                            "0-9)", lang=lang, first=YEARS[0], last=YEARS[-1])]
    source, problems = read_source(path)
    return (Version(lang, date, source) if source else None), problems
