"""How fast the change engine is on the real policy (prints figures; the tests never time anything).

Cases: the whole Russian text against itself with a few edits (what a real new version looks
like), against a complete rewrite (every word different), and the full comparison of two versions
(alignment of 72 units plus a redline of each changed one)."""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy.changes.change import compare, summary  # noqa: E402
from policy.model.clause import parse_document  # noqa: E402
from policy.changes.redline import redline, tokenize  # noqa: E402
from policy.model.source import read_source  # noqa: E402


def timed(function, repeat: int = 7) -> float:
    """The median of `repeat` runs, in milliseconds."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def edited(text: str) -> str:
    """A new version: a few words changed, a clause inserted, one removed."""
    text = text.replace("30 календарных дней", "15 календарных дней").replace("ТОО «_____»", "ТОО «Аллюравто»")
    text = text.replace("5.4. При утрате", "5.4. При любой утрате")
    return text.replace("4.1.5. ", "4.1.5. Подбора автозапчастей по VIN-номеру.\n\n4.1.6. ", 1)


def rewritten(text: str) -> str:
    """Every word replaced by another of the same length: nothing in common but punctuation."""
    rng = random.Random(1)
    letters = "абвгдеёжзийклмнопрстуфхцчшщыэюя"
    return "".join("".join(rng.choice(letters) for _ in token.rstrip()) + token[len(token.rstrip()):]
                   for token in tokenize(text))


def main() -> None:
    source, _ = read_source(ROOT / "content" / "ru" / "2026-11-24.md")
    old = source.body
    cases = {"a few edits": edited(old), "complete rewrite": rewritten(old)}
    print(f"policy text: {len(old):,} characters, {len(tokenize(old)):,} word tokens")
    for name, new in cases.items():
        print(f"redline of the whole text, {name}: {timed(lambda: redline(old, new)):.1f} ms")
        old_doc, new_doc = parse_document(old), parse_document(new)
        compared = timed(lambda: [redline(c.old.text if c.old else "", c.new.text if c.new else "")
                                  for c in summary(compare.__wrapped__(old_doc, new_doc))])  # not the build's caches
        print(f"align 72 units and redline each change, {name}: {compared:.1f} ms")
    print("growth with the text's length (the policy repeated k times), complete rewrite:")
    for copies in (1, 2, 4, 8):
        text = "\n\n".join([old] * copies)
        other = rewritten(text)
        print(f"  k={copies}: {timed(lambda: redline(text, other), 3):.1f} ms")


if __name__ == "__main__":
    main()
