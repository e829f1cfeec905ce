"""Translation corrections: a version that fixes translations and leaves the original as it was.

A mistranslation in a version in force cannot be edited away (the version is published), and
a new version that changes one translation alone breaks the translation-sync rule. A version
that declares `corrects: [kk]` in all three files may do exactly that: the original and every
translation not named stay word for word as before, the named ones change.
"""

from __future__ import annotations

import datetime

from .language import LANGUAGES, ORIGINAL
from .problem import Problem, error
from .source import CORRECTS
from .version import Policy, Version


def corrected(policy: Policy, date: datetime.date) -> tuple[str, ...]:
    """The languages the version of `date` corrects, as its original declares; empty for a version
    that changes the policy itself."""
    return policy.get(ORIGINAL, date).corrects


def check_corrections(policy: Policy) -> list[Problem]:
    """Every version that declares a correction keeps that promise."""
    problems = []
    for date in policy.dates:
        versions = {lang: policy.get(lang, date) for lang in LANGUAGES}
        if any(version.corrects for version in versions.values()):
            problems += _declaration(versions) or _texts(policy, versions)
    return problems


def _declaration(versions: dict[str, Version]) -> list[Problem]:
    """The same languages named in every file, each a translation."""
    declared = versions[ORIGINAL].corrects
    problems = [_at(version, f"every language's file of this version must declare the same "
                             f"'{CORRECTS}: [{', '.join(declared)}]' as the {ORIGINAL} file")
                for version in versions.values() if version.corrects != declared]
    translations = [lang for lang in LANGUAGES if lang != ORIGINAL]
    problems += [_at(versions[ORIGINAL], f"'{lang}' cannot be corrected: name translations only "
                                         f"({', '.join(translations)})")
                 for lang in declared if lang not in translations]
    return problems


def _texts(policy: Policy, versions: dict[str, Version]) -> list[Problem]:
    """The original and the translations not named are word for word the previous version's; the
    named ones are not."""
    date = versions[ORIGINAL].date
    previous = policy.previous(date)
    if previous is None:
        return [_at(versions[ORIGINAL], "the first version cannot be a correction: there is nothing to correct")]
    problems = []
    for lang, version in versions.items():
        before = policy.get(lang, previous).source.body.split("\n")
        after = version.source.body.split("\n")
        if lang in version.corrects and before == after:
            problems.append(_at(version, f"the {lang} text is the same as in version {previous}: make the "
                                         f"correction, or remove {lang} from '{CORRECTS}'"))
        elif lang not in version.corrects and before != after:
            line = next((i for i, (a, b) in enumerate(zip(before, after)) if a != b), min(len(before), len(after)))
            problems.append(error(version.path, version.source.body_line + line, "correction",
                                  f"this version only corrects {', '.join(version.corrects)}: the {lang} text "
                                  f"must stay as in version {previous}; make a new version to change it"))
    return problems


def _at(version: Version, message: str) -> Problem:
    return error(version.path, version.source.meta_lines.get(CORRECTS, 1), "correction", message)
