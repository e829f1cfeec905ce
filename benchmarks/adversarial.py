"""How long check and build take on inputs made to be slow, next to their budget: ten times what the
real policy's own check and build take (prints figures; the tests never time anything, they count).

Each case is a content tree made from the frozen policy in tests/fixtures, at the size limits:
files up to MAX_BYTES, paragraphs up to dialect.MAX_LENGTH, versions up to check.MAX_UNITS clauses,
the front matter up to its own limit.
Each runs as an editor runs it, `build.py check` then `build.py build` in new processes (the
processor time of both); a refused tree is checked and its build refused. The budget is ten times the same
for the real policy, measured first (the best of two runs): as one version for the cases of one
version, and with a second version that edits it for the cases of two, since a second version
adds its pages (what it changed, since when) to any site.

    python benchmarks/adversarial.py [WORD ...]    only the cases whose name holds a WORD
"""

from __future__ import annotations

import re
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy.checks.check import MAX_UNITS  # noqa: E402
from policy.i18n.language import LANGUAGES  # noqa: E402
from policy.model.dialect import MAX_LENGTH  # noqa: E402
from policy.model.front_matter import MAX_CHARACTERS  # noqa: E402
from policy.model.source import MAX_BYTES  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "policy"
FIRST, SECOND = "2026-11-24", "2026-11-25"
TODAY = "2026-11-25"
TIMES = 10
"""The budget: this many times the real policy's own check and build."""
CLAUSE = {"ru": "9.1. ", "kk": "9.1. ", "en": "9.1. "}


def text(lang: str) -> str:
    return (FIXTURE / lang / f"{FIRST}.md").read_text(encoding="utf-8")


def filled(lang: str, paragraph: str) -> str:
    """The policy with paragraphs of `paragraph` after clause 9.1, up to the file size limit."""
    base = text(lang)
    room = MAX_BYTES - len(base.encode("utf-8")) - 1000
    count = room // (len(paragraph.encode("utf-8")) + 2)
    return base.replace("\n9.2. ", "".join(f"\n{paragraph}\n" for _ in range(count)) + "\n9.2. ", 1)


def clauses(lang: str, count: int, word: str) -> str:
    """The policy with a section 10 of `count` clauses, all alike but for their number and `word`."""
    words = {"ru": "Администрация сайта хранит {} данные Пользователя не дольше {} лет и удаляет их по его просьбе.",
             "kk": "Сайт әкімшілігі Пайдаланушының {} деректерін {} жылдан аспай сақтайды және оның өтініші "
                   "бойынша жояды.",
             "en": "The Site Administration keeps the {} data of the User no longer than {} years and deletes it "
                   "when the User asks."}[lang]
    section = {"ru": "ДОПОЛНЕНИЕ", "kk": "ҚОСЫМША", "en": "ADDITION"}[lang]
    units = "".join(f"\n10.{i}. {words.format(word, i % 7 + 1)}\n" for i in range(1, count + 1))
    return text(lang).rstrip("\n") + f"\n\n## 10. {section}\n{units}"


def one_version(make: Callable[[str], str]) -> Callable[[Path], None]:
    def write(content: Path) -> None:
        for lang in LANGUAGES:
            (content / lang / f"{FIRST}.md").write_text(make(lang), encoding="utf-8")
    return write


def two_versions(make: Callable[[str, str], str]) -> Callable[[Path], None]:
    """A first version and a second that changes it, `make(lang, which)` with which "old" or "new"."""
    def write(content: Path) -> None:
        for lang in LANGUAGES:
            (content / lang / f"{FIRST}.md").write_text(make(lang, "old"), encoding="utf-8")
            (content / lang / f"{SECOND}.md").write_text(make(lang, "new"), encoding="utf-8")
    return write


def edited(lang: str, which: str) -> str:
    """The real policy, and a new version with a few words changed and a clause added."""
    if which == "old":
        return text(lang)
    return text(lang).replace("30 ", "15 ").replace("\n9.4. ", "\n9.4. (1)\n\n9.5. ", 1)


def inserted(lang: str, which: str) -> str:
    """`COUNT` identical clauses, and a new version with one more on top: all the others renumbered."""
    document = clauses(lang, COUNT, SIMILAR[lang][0]).replace(SIMILAR[lang][0] + " ", "", COUNT)
    document = re.sub(r"(?m)^10\.([0-9]+)\. .*$", lambda match: f"10.{match.group(1)}. Deleted.", document)
    if which == "old":
        return document
    document = re.sub(r"(?m)^10\.([0-9]+)\. ", lambda match: f"10.{int(match.group(1)) + 1}. ", document)
    return document.replace("\n10.2. ", "\n10.1. A new clause on top.\n\n10.2. ", 1)


SHORT = MAX_UNITS - 73
"""As many clauses of a few words as a version may have (the policy has 72, and section 10 is one)."""


def short(lang: str, which: str) -> str:
    """`SHORT` clauses of a few words, and a new version that changes every one."""
    units = "".join(f"\n10.{i}. {i + (which == 'new')}\n" for i in range(1, SHORT + 1))
    return text(lang).rstrip("\n") + f"\n\n## 10. X\n{units}"


def front(lang: str, title: str) -> str:
    return re.sub(r"(?m)^title: .*$", lambda _: f"title: {title}", text(lang), count=1)


SIMILAR = {"ru": ("личные", "персональные"), "kk": ("жеке", "дербес"), "en": ("personal", "private")}
COUNT = (MAX_BYTES - 30_000) // 300
"""As many similar clauses as fit in a file (a Kazakh one takes about 250 bytes)."""

BASELINES = {1: ("the real policy", one_version(text)),
             2: ("the real policy and a version that edits it", two_versions(edited))}
CASES: dict[str, Callable[[Path], None]] = {
    "a line of '<' and spaces, at the limit": one_version(lambda lang: text(lang).replace(
        "\n9.1. ", "\n9.1. <" + " " * (MAX_BYTES - 40_000) + "\n\n9.1. ", 1) if lang == "en" else text(lang)),
    "'<' and spaces in paragraphs, at the limit": one_version(lambda lang: filled(lang, "< " * (MAX_LENGTH // 2 - 2) + "x")),
    "Kazakh number lists, at the limit": one_version(lambda lang: filled(lang, "1, " * (MAX_LENGTH // 3 - 3) + "x-тармақ")),
    "Russian references, at the limit": one_version(lambda lang: filled(lang, "п. " + "1, " * (MAX_LENGTH // 3 - 3) + "1")),
    "brackets three deep, at the limit": one_version(lambda lang: filled(lang, "[[[x]]] " * (MAX_LENGTH // 9))),
    "opened links, at the limit": one_version(lambda lang: filled(lang, "[x](" * (MAX_LENGTH // 4 - 1))),
    "unclosed emphasis marks, at the limit": one_version(lambda lang: filled(lang, "*a " * (MAX_LENGTH // 3 - 1))),
    "emphasis, at the limit": one_version(lambda lang: filled(lang, "*a* " * (MAX_LENGTH // 4 - 1))),
    "links to clauses, at the limit": one_version(lambda lang: filled(lang, "[a](#p-9-1) " * (MAX_LENGTH // 12))),
    "list markers, at the limit": one_version(lambda lang: filled(lang, "\n".join(["- x"] * (MAX_LENGTH // 4)))),
    "one long word, at the limit": one_version(lambda lang: filled(lang, "щ" * (MAX_LENGTH - 10))),
    "plain words, at the limit": one_version(lambda lang: filled(lang, "слово текст " * (MAX_LENGTH // 12))),
    "a title of brackets at the limit": one_version(lambda lang: front(lang, '"' + "[" * (MAX_LENGTH // 2 - 1)
                                                                       + "]" * (MAX_LENGTH // 2 - 1) + '"')),
    "a front matter of spaces at the limit": one_version(lambda lang: front(lang, "'x" + " " * (MAX_CHARACTERS - 200)
                                                                            + "y'")),
    f"{COUNT} similar clauses, each changed": two_versions(
        lambda lang, which: clauses(lang, COUNT, SIMILAR[lang][which == "new"])),
    f"{COUNT} identical clauses, one inserted on top": two_versions(inserted),
    f"{SHORT} short clauses, each changed": two_versions(short),
}
VERSIONS = {name: 2 if write.__qualname__.startswith("two_versions") else 1 for name, write in CASES.items()}


def run(*args: str) -> tuple[float, int]:
    """The processor time of one command of build.py (its own and its children's: the machine may
    be busy with other work, which the wall clock would count), and its exit status."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), *args, "--date", TODAY, "--lang", "en"],
                            capture_output=True, text=True, cwd=ROOT, timeout=3600)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if "Traceback" in result.stderr:
        raise SystemExit(result.stderr)
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, result.returncode


def check_and_build(content: Path, out: Path) -> tuple[float, str]:
    check, status = run("check", "--content", str(content))
    build, built = run("build", "--content", str(content), "--out", str(out))
    return check + build, "built" if built == 0 else "refused" if status else "check passed, build failed"


def measured(folder: Path, write: Callable[[Path], None]) -> tuple[float, str, int]:
    """Check and build a tree made by `write`: seconds, outcome and the bytes of its files."""
    content = folder / "content"
    shutil.rmtree(content, ignore_errors=True)
    shutil.copytree(FIXTURE, content)
    write(content)
    size = sum(path.stat().st_size for path in content.rglob("*.md"))
    seconds, outcome = check_and_build(content, folder / "site")
    shutil.rmtree(folder / "site", ignore_errors=True)
    return seconds, outcome, size


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        budgets = {}
        for versions, (name, write) in BASELINES.items():
            seconds = min(measured(folder, write)[0] for _ in range(2))
            budgets[versions] = TIMES * seconds
            print(f"{name}: check and build {seconds:.1f} s; budget of the cases of {versions} version(s): "
                  f"{budgets[versions]:.1f} s ({TIMES} times)")
        chosen = sys.argv[1:]
        for name, write in CASES.items():
            if chosen and not any(word in name for word in chosen):
                continue
            seconds, outcome, size = measured(folder, write)
            budget = budgets[VERSIONS[name]]
            flag = "" if seconds <= budget else "  OVER BUDGET"
            print(f"{name} ({size / 1000:.0f} KB, {outcome}): {seconds:.1f} s (budget {budget:.1f} s){flag}")


if __name__ == "__main__":
    main()
