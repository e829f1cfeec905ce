"""Problems found in the content, reported as `path:line: severity: message [rule]`."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .i18n.message import Message, Translate, message, printable
from .rules import ERROR, WARNING, Rule


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one place in one file.

    `rule` is the id of the rule that found it (`rules.RULES`), so an editor can look it up in
    CONTRIBUTING.md.
    """

    path: Path
    line: int
    severity: str
    rule: str
    wording: Message
    column: int = 0
    """The column on the line, counted from 1; 0 when the problem is the whole line."""

    @property
    def message(self) -> str:
        """The problem in English words."""
        return self.wording.text()

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def display_path(self) -> str:
        """The path relative to the working directory when it is below it, as editors see it,
        escaped: a file's name is content too."""
        path = Path(os.path.abspath(self.path))
        return printable(str(path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path))

    @property
    def place(self) -> str:
        """`path:line` or `path:line:column`."""
        column = f":{self.column}" if self.column else ""
        return f"{self.display_path()}:{self.line}{column}"

    def format(self, translate: Translate | None = None) -> str:
        """The problem as editors read it: `path:line: severity: message [rule]`, the message in the
        language of `translate` (English without it); severity and rule stay as tools read them."""
        return f"{self.place}: {self.severity}: {self.wording.text(translate)} [{self.rule}]"

    def annotation(self, translate: Translate | None = None) -> str:
        """The same problem as a GitHub Actions workflow command, shown on the pull request.

        Values are escaped by GitHub's rules, so a file name or message cannot end the command
        early and issue another."""
        properties = {"file": self.display_path(), "line": str(self.line), "title": self.rule}
        if self.column:
            properties["col"] = str(self.column)
        fields = ",".join(f"{key}={_escape(value, property=True)}" for key, value in properties.items())
        return f"::{self.severity} {fields}::{_escape(self.wording.text(translate))}"


def _escape(value: str, property: bool = False) -> str:
    """Escape a workflow command's message, or (with `property`) one of its properties."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if property else value


def error(path: Path, line: int, rule: Rule, template: str | Message, column: int = 0, **values: object) -> Problem:
    """A problem that stops the build: `template` with `values` (see `message`)."""
    return Problem(Path(path), line, ERROR, rule.id, _wording(template, values), column)


def warning(path: Path, line: int, rule: Rule, template: str | Message, column: int = 0, **values: object) -> Problem:
    """A problem worth reading that does not stop the build."""
    return Problem(Path(path), line, WARNING, rule.id, _wording(template, values), column)


def _wording(template: str | Message, values: dict[str, object]) -> Message:
    return template if isinstance(template, Message) else message(template, **values)


class ContentError(Exception):
    """Raised when the content has errors, so nothing may be built from it."""

    def __init__(self, problems: list[Problem]):
        errors = [problem.format() for problem in problems if problem.is_error]
        super().__init__("\n".join(errors) or "errors in the content")
        self.problems = problems
