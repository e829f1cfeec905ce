"""Long histories made from one version of the policy, for the tests and the benchmarks.

Version k changes one more clause than version k - 1, in every language, keeps every earlier change
and says so in its own summary: the changes accumulate, as they will in a real history, so a late
version differs from an early one in many clauses (after the last clause, the first is changed
again), and no two versions' pages share a description.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from policy.i18n.language import LANGUAGES

START = datetime.date(2020, 1, 1)
STEP = datetime.timedelta(days=30)
_CLAUSE = re.compile(r"^([0-9]+(?:\.[0-9]+)+)\.? ", re.M)
_SUMMARY = re.compile(r"^summary: .*$", re.M)


def dates(count: int) -> list[datetime.date]:
    """The versions' effective dates, 30 days apart from 2020-01-01."""
    return [START + STEP * index for index in range(count)]


def clause_lines(text: str) -> list[int]:
    """The lines (0-based) that start a numbered clause, in order."""
    lines = text.split("\n")
    return [index for index, line in enumerate(lines) if _CLAUSE.match(line)]


def accumulating(source: Path, count: int, content: Path, date: str = "2026-11-24", clauses: int | None = None) -> Path:
    """`count` versions of `source/<lang>/<date>.md` in `content/<lang>/`: version k (from 0) adds
    ` (k)` to the end of one more clause, the same clause in every language, and its summary names
    that clause; only the first `clauses` clauses change, if given (a short policy). Returns
    `content`."""
    for lang in LANGUAGES:
        lines = (source / lang / f"{date}.md").read_text(encoding="utf-8").split("\n")
        changing = clause_lines("\n".join(lines))[:clauses]
        (content / lang).mkdir(parents=True, exist_ok=True)
        for index, day in enumerate(dates(count)):
            text = "\n".join(lines)
            if index:
                line = changing[(index - 1) % len(changing)]
                lines[line] += f" ({index})"
                number = _CLAUSE.match(lines[line]).group(1)
                text = _SUMMARY.sub(f"summary: Version {index + 1} changes {number}", "\n".join(lines), count=1)
            (content / lang / f"{day}.md").write_text(text, encoding="utf-8")
    return content
