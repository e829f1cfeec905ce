"""The rules every content change must pass before anything is built or published."""

from __future__ import annotations

import datetime
import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..i18n.language import LANGUAGES, ORIGINAL
from ..i18n.message import Message, message
from ..model import dialect
from ..model.characters import MIXED, mixed_words
from ..model.clause import Block, Unit
from ..model.reference import find_references
from ..model.version import Policy, Version, load_policy
from ..problem import Problem, error, warning
from ..rules import (FILE_SIZE, IN_FORCE, MARKUP, MISSING_TRANSLATION, MIXED_SCRIPT, NUMBERING, PLACEHOLDER, REFERENCE,
                     SAME_UNITS, TRANSLATION_SYNC)
from .correction import check_corrections, corrected
from .record import check_record
from .sync import mismatches

_PLACEHOLDER = re.compile(r"_{3,}")
MAX_UNITS = 1_000
"""A version has at most this many numbered units (the policy has 72): every unit is a part of
each page that shows the version or what changed in it, so this bounds the build as the file
size limit bounds the check (see benchmarks/adversarial.py)."""


def check_content(content: Path, today: datetime.date, base: str | None = None) -> tuple[Policy, list[Problem]]:
    """The content's versions and every problem in them, errors and warnings, in file and line order."""
    policy, problems = load_policy(content)
    problems += check_policy(policy, today)
    problems += check_record(content, policy, today, base)
    return policy, sorted(set(problems))


def check_policy(policy: Policy, today: datetime.date) -> list[Problem]:
    """The rules on the versions themselves: languages, numbering, markup, references, sync, a version in force."""
    problems = _missing_languages(policy)
    for lang in LANGUAGES:
        for version in policy.versions[lang].values():
            problems += [*_version_problems(version), *_front_matter_references(policy, version)]
    unit_problems = {date: _unit_mismatches(tuple(policy.get(lang, date) for lang in LANGUAGES))
                     for date in policy.dates}
    problems += [problem for found in unit_problems.values() for problem in found]
    problems += check_corrections(policy)
    in_step = [date for date in policy.dates if not unit_problems[date]]
    for old, new in zip(in_step, in_step[1:]):
        if policy.previous(new) == old and not corrected(policy, new):
            problems += [error(policy.get(m.lang, new).path, m.line, TRANSLATION_SYNC, m.message())
                         for m in mismatches(policy, old, new)]
    if policy.dates and policy.in_force(today) is None:
        first = policy.get(ORIGINAL, policy.dates[0])
        problems.append(warning(first.path, 1, IN_FORCE, "no version is in force yet on %(today)s: the site "
                                "shows the first one as upcoming, from %(date)s", today=today, date=first.date))
    return problems


@lru_cache(maxsize=4096)
def _version_problems(version: Version) -> tuple[Problem, ...]:
    """The rules on one version's own text; cached, since a version read again from the same bytes
    is the same (see `source.read_source`)."""
    return tuple(_numbering(version) + _dialect(version) + _references(version) + _mixed_words(version)
                 + _placeholders(version))


def _where(version: Version, unit: Unit) -> Message:
    if unit.number:
        return message("%(lang)s %(date)s: clause %(number)s", lang=version.lang, date=version.date, number=unit.number)
    return message("%(lang)s %(date)s: the preamble", lang=version.lang, date=version.date)


def _missing_languages(policy: Policy) -> list[Problem]:
    problems = []
    every = sorted(set().union(*(policy.versions[lang] for lang in LANGUAGES)))
    for date in every:
        present = [lang for lang in LANGUAGES if date in policy.versions[lang]]
        for lang in set(LANGUAGES) - set(present):
            other = policy.get(present[0], date)
            path = other.path.parent.parent / lang / other.path.name
            if path.exists():
                continue  # there but unreadable: reported by the rule that could not read it
            problems.append(error(path, 1, MISSING_TRANSLATION,
                                  "the %(lang)s text of version %(date)s is missing: every version needs "
                                  "%(needed)s (found %(found)s); create this file", lang=lang, date=date,
                                  needed=", ".join(LANGUAGES), found=", ".join(present)))
    return problems


def _numbering(version: Version) -> list[Problem]:
    """Numbers go 1, 1.1, 1.1.1, 1.1.2, 1.2, 2 ...: each the first child, or the next at some level."""
    units = version.document.units
    problems = [error(version.path, units[MAX_UNITS].line, FILE_SIZE, "%(lang)s %(date)s has more than %(most)s "
                      "numbered clauses; a version of the policy has far fewer: check that the file holds only the "
                      "policy text", lang=version.lang, date=version.date, most=f"{MAX_UNITS:,}")
                ] if len(units) > MAX_UNITS else []
    previous = ()
    for unit in version.document.units:
        parts = unit.parts
        allowed = {previous + (1,)} | {previous[:k] + (previous[k] + 1,) for k in range(len(previous))}
        if parts not in allowed:
            problems.append(error(version.path, unit.line, NUMBERING,
                                  _misnumbered(parts, previous, _where(version, unit))))
        previous = parts
    return problems


def _misnumbered(parts: tuple[int, ...], previous: tuple[int, ...], where: Message) -> Message:
    shown = ".".join(map(str, previous))
    if parts == previous:
        return message("%(where)s appears twice; renumber the clauses in order", where=where)
    if parts < previous:
        return message("%(where)s comes after %(previous)s: numbers must go up; renumber the clauses in order",
                       where=where, previous=shown)
    if previous:
        return message("%(where)s follows %(previous)s: numbering has a gap; renumber the clauses in order",
                       where=where, previous=shown)
    return message("%(where)s comes first: numbering starts at 1", where=where)


@lru_cache(maxsize=4096)
def _unit_mismatches(versions: tuple[Version, ...]) -> tuple[Problem, ...]:
    """Translations must have the original's numbered units, in the same order. `versions` are
    one date's, in every language. Numbers that go up (the numbering rule) are compared as two
    sorted lists, in one pass; a version numbered otherwise gets its numbering errors first."""
    original = next(version for version in versions if version.lang == ORIGINAL).document.units
    if not _increasing(original):
        return ()
    problems = []
    for version in versions:
        lang, date, units = version.lang, version.date, version.document.units
        if not _increasing(units):
            continue
        for missing, extra, at in _differences(original, units):
            if missing:
                problems.append(error(version.path, at, SAME_UNITS,
                                      "%(lang)s %(date)s: clause %(number)s is missing; the %(original)s text "
                                      "has it at line %(at)s: translate it here", lang=lang, date=date,
                                      number=missing.number, original=ORIGINAL, at=missing.line))
            else:
                problems.append(error(version.path, extra.line, SAME_UNITS,
                                      "%(where)s is not in the %(original)s text: remove it, or add it there "
                                      "too", where=_where(version, extra), original=ORIGINAL))
    return tuple(problems)


def _increasing(units: tuple[Unit, ...]) -> bool:
    return all(_order(a) < _order(b) for a, b in zip(units, units[1:]))


def _order(unit: Unit) -> tuple[tuple[int, ...], str]:
    return unit.parts, unit.number


def _differences(original: tuple[Unit, ...], units: tuple[Unit, ...]) -> Iterator[tuple[Unit | None, Unit | None, int]]:
    """Each unit of the original that the translation lacks (with the line of the translation where
    it belongs) and each unit that only the translation has: a merge of two increasing lists."""
    i = j = 0
    while i < len(original) or j < len(units):
        if i < len(original) and j < len(units) and original[i].number == units[j].number:
            i, j = i + 1, j + 1
        elif j == len(units) or i < len(original) and _order(original[i]) < _order(units[j]):
            yield original[i], None, units[j].line if j < len(units) else units[-1].line if units else 1
            i += 1
        else:
            yield None, units[j], units[j].line
            j += 1


def _found(unit: Unit, find: Callable[[str], Iterable[tuple[int, str]]]) -> Iterator[tuple[str, int]]:
    """Each (offset, text) that `find` reports in the unit's Markdown, as (text, file line)."""
    for block in unit.blocks:
        for start, text in find(block.source):
            yield text, block.line + block.source.count("\n", 0, start)


def _shown(unit: Unit, find: Callable[[str], Iterable[tuple[int, str]]]) -> Iterator[tuple[str, int]]:
    """Each (offset, text) that `find` reports in the words a reader sees of the unit, as (text,
    file line); see `_shown_in`."""
    for block in unit.blocks:
        yield from _shown_in(block, find)


def _shown_in(block: Block, find: Callable[[str], Iterable[tuple[int, str]]]) -> Iterator[tuple[str, int]]:
    """Each (offset, text) that `find` reports in the words a reader sees of the block, after
    Markdown has decoded emphasis and escapes, as (text, file line). A heading is plain text, and
    a block too long to parse is refused anyway: both are read as written."""
    plain = block.kind == "heading" or len(block.source) > dialect.MAX_LENGTH
    text = block.source if plain else dialect.analyse(block.source).text
    last, line, counted = block.source.count("\n"), 0, 0
    for start, found in find(text):  # in order: the lines are counted once
        line, counted = line + text.count("\n", counted, start), start
        yield found, block.line + min(line, last)


def _matches(pattern: re.Pattern) -> Callable[[str], Iterable[tuple[int, str]]]:
    return lambda text: ((match.start(), match.group()) for match in pattern.finditer(text))


def _front_matter(version: Version) -> Iterator[tuple[str, str, int]]:
    """The title and summary, with the line each is on: they are shown on the site too."""
    for key in ("title", "summary"):
        yield key, version.source.meta[key], version.source.meta_lines[key]


def _at(version: Version, block: Block, finding: dialect.Finding) -> Problem:
    """A finding in a block as a problem at its file line and column."""
    before = block.source[:finding.offset]
    line = block.line + before.count("\n")
    column = finding.offset - (before.rfind("\n") + 1) + 1
    return error(version.path, line, finding.rule, finding.wording, column)


def _dialect(version: Version) -> list[Problem]:
    """Only the content dialect (see policy/model/dialect.py): anything else could put code on the site."""
    anchors = {unit.anchor for unit in version.document.all_units}
    problems = []
    for unit in version.document.all_units:
        for index, block in enumerate(unit.blocks):
            if block.kind != "heading":
                problems += [_at(version, block, f) for f in dialect.check_fragment(block.source, anchors)]
            elif _is_format_heading(unit, index, block):
                problems += [_at(version, block, replace(f, offset=f.offset + block.marks))
                             for f in dialect.plain_text_findings(block.source[block.marks:])]
            else:
                problems.append(error(version.path, block.line, MARKUP, dialect.HEADING_MESSAGE))
    problems += [error(version.path, line, finding.rule, "the %(key)s: %(problem)s", key=key, problem=finding.wording)
                 for key, value, line in _front_matter(version) for finding in dialect.plain_text_findings(value)]
    body = version.source.body
    for finding in dialect.hard_breaks(body):
        start = body.rfind("\n", 0, finding.offset) + 1
        problems.append(error(version.path, version.source.body_line + body.count("\n", 0, finding.offset),
                              finding.rule, finding.wording, finding.offset - start + 1))
    return problems


def _is_format_heading(unit: Unit, index: int, block: Block) -> bool:
    """The title (`# …`, the first block) and each section's own heading (`## 5. …`)."""
    if not unit.number:
        return block.level == 1 and index == 0
    return block.level == 2 and index == 0 and unit.is_section


def _references(version: Version) -> list[Problem]:
    """References in the text as a reader sees it: `п. **12**.7` names 12.7 too."""
    numbers = version.document.by_number

    def unresolved(text: str) -> Iterable[tuple[int, str]]:
        return ((ref.start, ref.number) for ref in find_references(text, version.lang) if ref.number not in numbers)

    return [error(version.path, line, REFERENCE, "%(where)s refers to %(number)s, which does not exist in "
                  "this version; correct the number", where=_where(version, unit), number=number)
            for unit in version.document.all_units for number, line in _shown(unit, unresolved)]


def _front_matter_references(policy: Policy, version: Version) -> list[Problem]:
    """A reference in the title or summary names a clause of this version, or of the version before
    (a summary says what was removed)."""
    numbers = set(version.document.by_number)
    previous = policy.previous(version.date)
    if previous is not None:
        numbers |= set(policy.get(version.lang, previous).document.by_number)
    return [error(version.path, line, REFERENCE, "'%(key)s:' refers to %(number)s, which is neither in this "
                  "version nor in the one before; correct the number", key=key, number=reference.number)
            for key, value, line in _front_matter(version) for reference in find_references(value, version.lang)
            if reference.number not in numbers]


def _mixed_words(version: Version) -> list[Problem]:
    """Words that mix alphabets once Markdown is read (`с**lause**`); those written so in the file
    are found with its characters (see `source.read_source`)."""
    return [warning(version.path, line, MIXED_SCRIPT, MIXED, word=word)
            for unit in version.document.all_units for block in unit.blocks
            for word, line in _shown_in(block, mixed_words) if word not in block.source]


def _placeholders(version: Version) -> list[Problem]:
    problems = [warning(version.path, line, PLACEHOLDER, "%(where)s has an unfilled placeholder '%(text)s'; "
                        "write the text", where=_where(version, unit), text=text)
                for unit in version.document.all_units for text, line in _found(unit, _matches(_PLACEHOLDER))]
    problems += [warning(version.path, line, PLACEHOLDER, "%(lang)s %(date)s: the %(key)s is still a "
                         "placeholder; write it", lang=version.lang, date=version.date, key=key)
                 for key, value, line in _front_matter(version) if _PLACEHOLDER.search(value)]
    return problems
