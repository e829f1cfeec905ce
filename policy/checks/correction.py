"""Translation corrections: a version that fixes translations and leaves the original as it was.

A mistranslation in a version in force cannot be edited away (the version is published), and
a new version that changes one translation alone breaks the translation-sync rule. A version
that declares `corrects: [kk]` in all three files may do exactly that: the original and every
translation not named stay word for word as before, titles included, the named ones change. The
summaries say what the correction is, in every language.
"""

from __future__ import annotations

import datetime

from ..i18n.language import LANGUAGES, ORIGINAL
from ..i18n.message import Message, message
from ..model.front_matter import CORRECTS
from ..model.source import first_difference
from ..model.version import Policy, Version
from ..problem import Problem, error
from ..rules import CORRECTION


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
    problems = [_at(version, message("every language's file of this version must declare the same "
                                     "'corrects: [%(declared)s]' as the %(original)s file",
                                     declared=", ".join(declared), original=ORIGINAL))
                for version in versions.values() if version.corrects != declared]
    translations = [lang for lang in LANGUAGES if lang != ORIGINAL]
    problems += [_at(versions[ORIGINAL], message("'%(lang)s' cannot be corrected: name translations only "
                                                 "(%(translations)s)", lang=lang, translations=", ".join(translations)))
                 for lang in declared if lang not in translations]
    return problems


def _texts(policy: Policy, versions: dict[str, Version]) -> list[Problem]:
    """The original and the translations not named are word for word the previous version's; the
    named ones are not."""
    date = versions[ORIGINAL].date
    previous = policy.previous(date)
    if previous is None:
        return [_at(versions[ORIGINAL], message("the first version cannot be a correction: there is nothing to "
                                                "correct; remove the 'corrects:' line"))]
    problems = []
    for lang, version in versions.items():
        title = policy.get(lang, previous).source.meta["title"]
        if lang not in version.corrects and version.source.meta["title"] != title:
            problems.append(error(version.path, version.source.meta_lines["title"], CORRECTION,
                                  "this version only corrects %(corrected)s: the %(lang)s title must stay as in "
                                  "version %(previous)s (%(title)s)", corrected=", ".join(version.corrects),
                                  lang=lang, previous=previous, title=title))
        before = policy.get(lang, previous).source.body.split("\n")
        after = version.source.body.split("\n")
        if lang in version.corrects and before == after:
            problems.append(_at(version, message("the %(lang)s text is the same as in version %(previous)s: make "
                                                 "the correction, or remove %(lang)s from 'corrects:'",
                                                 lang=lang, previous=previous)))
        elif lang not in version.corrects and before != after:
            line = first_difference(before, after)
            problems.append(error(version.path, version.source.body_line + line, CORRECTION,
                                  "this version only corrects %(corrected)s: the %(lang)s text must stay as in "
                                  "version %(previous)s; make a new version to change it",
                                  corrected=", ".join(version.corrects), lang=lang, previous=previous))
    return problems


def _at(version: Version, wording: Message) -> Problem:
    return error(version.path, version.source.meta_lines.get(CORRECTS, 1), CORRECTION, wording)
