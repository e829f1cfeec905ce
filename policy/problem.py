"""Problems found in the content, reported as `path:line: severity: message [rule]`."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one place in one file.

    `rule` names the check that found it, so an editor can look it up in CONTRIBUTING.md.
    """

    path: Path
    line: int
    severity: str
    rule: str
    message: str

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def display_path(self) -> str:
        """The path relative to the working directory when it is below it, as editors see it."""
        try:
            return os.path.relpath(self.path)
        except ValueError:
            return str(self.path)

    def format(self) -> str:
        """The problem as editors read it: `path:line: severity: message [rule]`."""
        return f"{self.display_path()}:{self.line}: {self.severity}: {self.message} [{self.rule}]"

    def annotation(self) -> str:
        """The same problem as a GitHub Actions workflow command, shown on the pull request."""
        message = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{self.severity} file={self.display_path()},line={self.line},title={self.rule}::{message}"


def error(path: Path, line: int, rule: str, message: str) -> Problem:
    """A problem that stops the build."""
    return Problem(Path(path), line, ERROR, rule, message)


def warning(path: Path, line: int, rule: str, message: str) -> Problem:
    """A problem worth reading that does not stop the build."""
    return Problem(Path(path), line, WARNING, rule, message)


class ContentError(Exception):
    """Raised when the content has errors, so nothing may be built from it."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{sum(p.is_error for p in problems)} error(s) in the content")
        self.problems = problems
