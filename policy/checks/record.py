"""The site is a record nobody can quietly rewrite: a version in force at the base revision of the
git repository is immutable, compared byte for byte (by git blob id), and a new version is not
backdated before it."""

from __future__ import annotations

import datetime
import hashlib
import os
import shlex
import subprocess
from pathlib import Path

from ..i18n.message import message
from ..model.source import first_difference
from ..model.version import Policy, version_date
from ..problem import Problem, error, warning
from ..rules import BACKDATED, PUBLISHED

_GIT_SECONDS = 120
"""A local git command takes milliseconds; one that hangs must not hang the check."""


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=_GIT_SECONDS)
    except FileNotFoundError:  # no git on this machine: as good as no repository
        return subprocess.CompletedProcess(args, 127, b"", b"git is not installed")
    except subprocess.TimeoutExpired:
        return subprocess.CompletedProcess(args, 124, b"", b"git did not answer in time")


def default_base(repo: Path) -> str:
    """`origin/main` when the repository has it (as on CI), else the last commit."""
    has_origin = _git(repo, "rev-parse", "--verify", "-q", "origin/main^{commit}").returncode == 0
    return "origin/main" if has_origin else "HEAD"


def check_record(content: Path, policy: Policy, today: datetime.date, base: str | None) -> list[Problem]:
    """Every version file at `base` that is in force on `today` must be unchanged in the work tree
    (uncommitted changes included): not edited, renamed or deleted; and once one is, a version
    that is new since `base` may not be dated before `today`."""
    top = _git(content, "rev-parse", "--show-toplevel") if content.is_dir() else None
    if top is None or top.returncode != 0:
        report = error if base else warning  # a revision asked for by name must exist
        return [report(content, 1, PUBLISHED, message("not in a git repository: published versions were not "
                                                        "checked for changes"))]
    repo = Path(top.stdout.decode(errors="surrogateescape").strip())
    chosen = base or default_base(repo)
    listed = _git(repo, "ls-tree", "-r", "-z", chosen, "--", str(content.resolve().relative_to(repo.resolve())))
    if listed.returncode != 0:
        report = error if base else warning  # a revision asked for by name must exist
        return [report(content, 1, PUBLISHED, message("cannot read revision '%(base)s', so published versions "
                                                        "were not checked for changes: %(reason)s", base=chosen,
                                                        reason=listed.stderr.decode(errors="replace").strip()))]
    blobs = _blobs(listed.stdout)
    in_base = {name: version_date(Path(name)) for name in blobs}
    published = {name: date for name, date in in_base.items() if date is not None and date <= today}
    problems = [problem for name, date in published.items() if not _same_blob(repo / name, blobs[name])
                for problem in _compare(repo, chosen, name, date)]
    return problems + (_backdated(repo, policy, set(in_base), today) if published else [])


def _backdated(repo: Path, policy: Policy, in_base: set[str], today: datetime.date) -> list[Problem]:
    """Once versions are published, history only grows forward: a new version starts today or later."""
    return [error(version.path, 1, BACKDATED,
                  "version %(date)s (%(lang)s) is new but dated before today (%(today)s): a version takes effect "
                  "when it is published (clause 9.2), so it cannot start in the past. Rename the files of this "
                  "version in every language to %(today)s.md or a later date", date=date, lang=lang, today=today)
            for lang, versions in policy.versions.items() for date, version in versions.items()
            if date < today and _name(repo, version.path) not in in_base]


def _name(repo: Path, path: Path) -> str:
    """A file's path as git names it: relative to the top of the repository, with slashes."""
    return path.resolve().relative_to(repo.resolve()).as_posix()


def _blobs(listing: bytes) -> dict[str, str]:
    """Each file that `git ls-tree -r -z` lists, with its blob id."""
    files = {}
    for entry in filter(None, listing.decode(errors="surrogateescape").split("\0")):
        info, name = entry.split("\t", 1)
        files[name] = info.split()[2]
    return files


def _same_blob(path: Path, blob: str) -> bool:
    """Whether a file holds exactly the bytes of a git blob: no `git show` for a file untouched."""
    try:
        data = path.read_bytes()
    except OSError:
        return False
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest() == blob  # noqa: S324 - git's own name


def _compare(repo: Path, base: str, name: str, date: datetime.date) -> list[Problem]:
    """Where a published file differs from its blob at `base`, byte for byte, and how to undo it."""
    path = repo / name
    undo = f"git checkout {shlex.quote(base)} -- {shlex.quote(os.path.relpath(path))}"
    if not path.is_file():
        return [error(path, 1, PUBLISHED, "version %(date)s (%(lang)s) has been in force since %(date)s and is "
                      "published: it must not be deleted or renamed; put it back with: %(undo)s. To change the "
                      "policy, make a new version instead: make new-version DATE=YYYY-MM-DD", date=date,
                      lang=path.parent.name, undo=undo)]
    old, new = _git(repo, "show", f"{base}:{name}").stdout.split(b"\n"), path.read_bytes().split(b"\n")
    line = first_difference(old, new) + 1
    return [error(path, line, PUBLISHED, "version %(date)s (%(lang)s) has been in force since %(date)s and is "
                  "published: not a byte of it may change, not even its line endings or encoding (an editor that "
                  "saves it again can change them); put it back with: %(undo)s. To change the policy, make a new "
                  "version instead: make new-version DATE=YYYY-MM-DD", date=date, lang=path.parent.name,
                  undo=undo)]
