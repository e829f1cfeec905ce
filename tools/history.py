"""Long histories made from the frozen policy (tests/fixtures/policy), for the tests and the
benchmarks: each version gives clause 8.2 one more day to answer a claim, and says so in its
summary."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "policy"
DAYS = {"ru": "30 календарных дней", "kk": "30 күнтізбелік", "en": "30 calendar days"}
"""Clause 8.2's time to answer a claim, in each language of the frozen policy."""


def history(folder: Path, count: int, start: datetime.date = datetime.date(2020, 1, 1)) -> Path:
    """`count` versions in `folder`, 30 days apart from `start`: the frozen policy, then one more day
    in clause 8.2 each. Returns `folder`."""
    for lang, days in DAYS.items():
        text = (FIXTURE / lang / "2026-11-24.md").read_text(encoding="utf-8")
        (folder / lang).mkdir(parents=True)
        for index in range(count):
            date = start + datetime.timedelta(days=30 * index)
            version = text.replace(days, days.replace("30", str(30 + index)))
            if index:
                version = re.sub(r"(?m)^summary: .*$", f'summary: "{index + 1}. 8.2 — {30 + index}"', version, count=1)
            (folder / lang / f"{date}.md").write_text(version, encoding="utf-8")
    return folder
