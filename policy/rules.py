"""Every rule of the check, in one registry: the id a problem is reported under, how severe it is, and
where CONTRIBUTING.md explains it to the editors.

The id is what an editor sees in brackets (`[numbering]`) and looks up in CONTRIBUTING.md's table of
check messages; tests/test_rules.py holds that table to this registry, so neither can drift.
"""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
"""Stops the build: nothing is published from content with an error."""
WARNING = "warning"
"""Worth reading; the site is built."""


@dataclass(frozen=True)
class Rule:
    """One rule: `id` as problems name it, the `severity` of what it reports, what it holds (`about`,
    for developers; the editors read CONTRIBUTING.md)."""

    id: str
    severity: str
    about: str

    @property
    def anchor(self) -> str:
        """The id of the rule's row in CONTRIBUTING.md's table (`CONTRIBUTING.md#rule-numbering`)."""
        return f"rule-{self.id}"


ENCODING = Rule("encoding", ERROR, "a version file is UTF-8 without a byte-order mark")
LINE_ENDINGS = Rule("line-endings", ERROR, "a version file's lines end with LF only")
FRONT_MATTER = Rule("front-matter", ERROR, "the front matter is title and summary as plain or quoted scalars")
LAYOUT = Rule("layout", ERROR, "content/ holds the language folders of YYYY-MM-DD.md files and the documented files")
FILE_SIZE = Rule("file-size", ERROR, "files, front matter, blocks and the number of units stay within their limits")
INVISIBLE_CHARACTER = Rule("invisible-character", ERROR, "no invisible or direction-control character")
MIXED_SCRIPT = Rule("mixed-script", WARNING, "no word mixes Latin and Cyrillic letters that look alike")
MISSING_TRANSLATION = Rule("missing-translation", ERROR, "every version exists in every language")
NUMBERING = Rule("numbering", ERROR, "units are numbered in order, none skipped or repeated")
SAME_UNITS = Rule("same-units", ERROR, "a version has the same units in every language")
REFERENCE = Rule("reference", ERROR, "a cross-reference names a unit that exists")
TRANSLATION_SYNC = Rule("translation-sync", ERROR, "a new version changes the same units in every language")
MARKUP = Rule("markup", ERROR, "the text keeps to the dialect's Markdown")
LINK = Rule("link", ERROR, "a link goes to a unit of the version or to an https, mailto or tel address")
NESTING = Rule("nesting", ERROR, "lists and brackets nest no deeper than a reader (and the parser) can follow")
PLAIN_TEXT = Rule("plain-text", ERROR, "the title, the summary and headings are plain text on one paragraph")
PLACEHOLDER = Rule("placeholder", WARNING, "no unfilled placeholder (_____) is left")
PUBLISHED = Rule("published", ERROR, "a version in force at the base revision is unchanged, byte for byte "
                 "(a warning when there is no git history to compare with)")
BACKDATED = Rule("backdated", ERROR, "once versions are published, a new one starts today or later")
CORRECTION = Rule("correction", ERROR, "a version that corrects translations changes only those")
IN_FORCE = Rule("in-force", WARNING, "some version is in force on the build date")
TRANSLATION = Rule("translation", ERROR, "the site's own strings are translated, with the original's fields")

RULES = (ENCODING, LINE_ENDINGS, FRONT_MATTER, LAYOUT, FILE_SIZE, INVISIBLE_CHARACTER, MIXED_SCRIPT,
         MISSING_TRANSLATION, NUMBERING, SAME_UNITS, REFERENCE, TRANSLATION_SYNC, MARKUP, LINK, NESTING, PLAIN_TEXT,
         PLACEHOLDER, PUBLISHED, BACKDATED, CORRECTION, IN_FORCE, TRANSLATION)
"""Every rule, in the order of CONTRIBUTING.md's table."""
