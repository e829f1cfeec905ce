"""Inputs made to be slow grow the check's work about as much as they grow: never with the square.

Each shape is put into the frozen policy at sizes n, 2n and 4n. The alignment of two versions
counts its own work (the words its budget spent); the passes over text are timed (this process's
CPU time, the best of a few runs), and only their ratio is compared, generously: four times the
input may take at most ten times as long (a quadratic pass takes sixteen). Absolute times are the
benchmark's (benchmarks/adversarial.py), never a test's.
"""

from __future__ import annotations

import datetime
import sys
import time
from pathlib import Path

import pytest

from policy.changes.change import Budget, Kind, compare
from policy.checks.check import check_policy
from policy.model.clause import parse_document
from policy.model.source import MAX_BYTES, read_source
from policy.model.version import Policy, Version
from tests.hostile_cases import FIXTURE, FIRST

TODAY = datetime.date(2026, 11, 25)
GROWTH = 10
"""The most that four times the input may multiply the time by: 4 for a linear pass, 16 for a
quadratic one."""
FLOOR = 0.01
"""Seconds below which a time is noise: a shape that adds less is compared as if it added this."""


def checked(folder: Path, lang: str, text: str) -> None:
    """Read one version file and run every rule on it, as the check does."""
    path = folder / lang / FIRST
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    source, _ = read_source(path)
    if source is not None:
        check_policy(Policy({"ru": {}, "kk": {}, "en": {}} | {lang: {TODAY: Version(lang, TODAY, source)}}), TODAY)


def forget() -> None:
    """Empty every cache of the engine, so that each run does all its work again."""
    for module in list(sys.modules.values()):
        if module.__name__.startswith("policy."):
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def best_time(function, *args) -> float:
    """The least CPU time this process spent on a few runs: other processes on the machine (the
    tests run on every core) do not count in it, as they would in the time on the clock."""
    times = []
    for _ in range(5):
        forget()
        start = time.process_time()
        function(*args)
        times.append(time.process_time() - start)
    return min(times)


def in_clause(lang: str, payload: str) -> str:
    """The fixture with `payload` at the start of clause 9.1."""
    return (FIXTURE / lang / FIRST).read_text(encoding="utf-8").replace("\n9.1. ", f"\n9.1. {payload} ", 1)


def in_blocks(lang: str, block: str) -> str:
    """The fixture with twelve paragraphs of `block` after clause 9.1."""
    text = (FIXTURE / lang / FIRST).read_text(encoding="utf-8")
    return text.replace("\n9.2. ", "".join(f"\n{block}\n" for _ in range(12)) + "\n9.2. ", 1)


SHAPES = {
    "angle bracket and spaces": ("en", lambda n: in_clause("en", "<" + " " * (18_000 * n) + "1")),
    "angle brackets each with spaces": ("en", lambda n: in_clause("en", ("<" + " " * 50 + "1") * (350 * n))),
    "Kazakh number list": ("kk", lambda n: in_clause("kk", "1, " * (6_000 * n))),
    "Kazakh number lists within the limits": ("kk", lambda n: in_blocks("kk", "1, " * (400 * n))),
    "Russian references within the limits": ("ru", lambda n: in_blocks("ru", "п. " + "1, " * (400 * n))),
    "opened links": ("en", lambda n: in_clause("en", "[x](" * (4_500 * n))),
    "brackets": ("en", lambda n: in_blocks("en", "[" * 3 + "x](" * (400 * n))),
    "character references": ("en", lambda n: in_clause("en", "&a" * (9_000 * n))),
    "one long word": ("ru", lambda n: in_clause("ru", "щ" * (9_000 * n))),
    "dotted number": ("en", lambda n: in_clause("en", "1." * (9_000 * n))),
    "list markers": ("en", lambda n: in_blocks("en", "\n".join(["- x"] * (300 * n)))),
    "spaces before line ends": ("en", lambda n: in_clause("en", "a  \n" * (4_500 * n))),
}


@pytest.mark.parametrize("shape", SHAPES)
def test_each_pass_over_the_text_grows_linearly(shape, tmp_path):
    """The time the shape adds to the fixture's own: four times the shape, at most ten times the time."""
    lang, make = SHAPES[shape]
    texts = {n: make(n) for n in (0, 1, 4)}
    assert len(texts[4].encode("utf-8")) <= MAX_BYTES, "the shape must be within the limits to be read at all"
    times = {n: best_time(checked, tmp_path / f"{shape}-{n}", lang, texts[n]) for n in texts}
    added = {n: max(times[n] - times[0], FLOOR) for n in (1, 4)}
    assert added[4] < GROWTH * added[1], f"{shape}: {added[1]:.3f} s, then {added[4]:.3f} s for 4 times the input"


def clauses(count: int, word: str) -> str:
    """A section of `count` clauses, all alike but for their number and `word`."""
    return "## 1. SECTION\n\n" + "\n\n".join(
        f"1.{i}. The Site Administration keeps the {word} data of the User no longer than {i % 7 + 1} years "
        f"and deletes it when the User asks." for i in range(1, count + 1))


def work(old: str, new: str) -> tuple[int, tuple]:
    """The words the alignment of two texts compared, and its changes."""
    spent = []
    original = Budget.spend

    def spend(self, words):
        allowed = original(self, words)
        spent.append(words if allowed else 0)
        return allowed

    Budget.spend = spend
    compare.cache_clear()
    try:
        changes = compare(parse_document(old), parse_document(new))
    finally:
        Budget.spend = original
    return sum(spent), changes


@pytest.mark.parametrize("count", [100, 200, 400])
def test_aligning_hundreds_of_similar_changed_clauses_grows_linearly(count):
    """Every clause changed the same way: each is still paired with itself, and twice the clauses
    cost at most two and a half times the work (all pairs would cost four)."""
    once, changes = work(clauses(count, "personal"), clauses(count, "private"))
    twice, _ = work(clauses(2 * count, "personal"), clauses(2 * count, "private"))
    assert twice <= 2.5 * once, (once, twice)
    assert [(c.kind, c.old.number) for c in changes if c.old and c.new and c.kind is Kind.CHANGED] == [
        (Kind.CHANGED, c.new.number) for c in changes if c.new and c.new.number.startswith("1.")]


@pytest.mark.parametrize("count", [200, 400])
def test_aligning_hundreds_of_identical_clauses_grows_linearly(count):
    """Clauses with the same words (a repeated "Deleted.") and one inserted at the top: anchoring
    on the units found once cannot use them, and the alignment still costs about their number."""
    def document(total: int, inserted: bool) -> str:
        units = ["1.1. A new clause on top."] if inserted else []
        units += [f"1.{i + (2 if inserted else 1)}. Deleted." for i in range(total)]
        return "## 1. SECTION\n\n" + "\n\n".join(units)

    once, changes = work(document(count, False), document(count, True))
    twice, _ = work(document(2 * count, False), document(2 * count, True))
    assert twice <= 2.5 * once, (once, twice)
    assert [c.kind for c in changes].count(Kind.ADDED) == 1


def test_the_alignment_stops_at_its_budget_and_loses_no_unit():
    """Beyond the budget the rest is paired by number only: the work is bounded, every unit of both
    versions is still in the changes once, in order."""
    old, new = clauses(3_000, "personal"), clauses(3_000, "private")
    spent, changes = work(old, new)
    assert spent <= Budget.WORDS
    assert [c.new.number for c in changes if c.new] == [u.number for u in parse_document(new).all_units]
    assert len([c for c in changes if c.old]) == len(parse_document(old).all_units)
