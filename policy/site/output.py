"""Where a build may write, and how the new site replaces the old one with no moment without a site.

`--out` is replaced whole by every build, so it must be a folder the build made before (it holds
a marker file), an empty folder, or a new one: never the project, the content, or anything else
that happens to be there. The new site is built beside `out` and exchanged with the old one in
a single rename; a build killed at any moment leaves one complete site, and the next build
removes what a killed one left behind.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterator

from ..i18n.message import message

MARKER = ".policy-site"
"""A file at the top of every built site: the folder is a site that the next build may replace."""
STAGING = ".policy-build"
"""A file at the top of every staging folder a build makes beside `out`: the next build removes
the folders that a killed build left, and only those; a folder that merely has a like name is
someone else's."""
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


class OutputError(Exception):
    """The output folder may not be written to; the message says why, in one line."""


def checked_output(out: Path, project: Path, content: Path) -> Path:
    """`out` as an absolute path, or OutputError when replacing it could destroy something."""
    out = Path(os.path.abspath(out))
    if out.is_symlink():
        raise OutputError(message("%(out)s is a symbolic link; give the folder itself as --out", out=out))
    real = out.resolve()
    for folder in (project.resolve(), content.resolve()):
        if real == folder or folder.is_relative_to(real):
            raise OutputError(message("%(out)s holds %(folder)s: a build replaces its output folder, so choose "
                                      "another", out=out, folder=folder))
    for folder in (content.resolve(), project.resolve() / ".git"):
        if real.is_relative_to(folder):
            raise OutputError(message("%(out)s is inside %(folder)s; choose a folder outside it", out=out,
                                      folder=folder))
    if out.exists() and not out.is_dir():
        raise OutputError(message("%(out)s is a file, not a folder; choose another --out", out=out))
    if out.is_dir() and ((out / ".git").exists() or (out / "content").exists()):  # even with a marker
        raise OutputError(message("%(out)s holds a project (.git or content/); choose another --out", out=out))
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise OutputError(message("%(out)s is not empty and is not a site built here (it has no %(marker)s "
                                  "file); remove it or choose another --out", out=out, marker=MARKER))
    return out


@contextlib.contextmanager
def workspace(out: Path) -> Iterator[Path]:
    """A scratch folder beside `out`, on the same file system so that the exchange is one rename,
    marked as this build's. Builds into the same parent take turns, and each first removes the
    marked folders that killed builds left."""
    out.parent.mkdir(parents=True, exist_ok=True)
    prefix = f".{out.name}-build-"
    descriptor = os.open(out.parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        for stale in out.parent.iterdir():  # not glob: the name may hold [ ] * ?
            if stale.name.startswith(prefix) and stale.is_dir() and not stale.is_symlink():
                _remove_staging(stale)
        work = Path(tempfile.mkdtemp(dir=out.parent, prefix=prefix))  # killed here, it is left empty
        try:
            (work / STAGING).write_text("A staging folder of build.py: a build that was killed left it, and the "
                                        "next build removes it.\n", encoding="utf-8")
            yield work
        finally:
            _remove_staging(work)
    finally:
        os.close(descriptor)


def _remove_staging(folder: Path) -> None:
    """Remove a staging folder that a build made: one that holds the marker file, or is empty (a
    build killed as it made it). The marker goes last, so a build killed while removing the folder
    leaves it marked still. Any other folder is left alone."""
    marker = folder / STAGING
    if not marker.is_file() or marker.is_symlink():
        with contextlib.suppress(OSError):
            folder.rmdir()  # only when empty
        return
    for child in folder.iterdir():
        if child != marker:
            shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
    marker.unlink()
    folder.rmdir()


def swap_in(site: Path, out: Path) -> None:
    """Put the complete `site` at `out` in one step; the old site, if any, ends up at `site`."""
    (site / MARKER).write_text("A site built by build.py: the next build replaces this folder.\n",
                               encoding="utf-8")
    if not out.exists():
        site.rename(out)
    elif not _exchange(site, out):
        _swap_in_two_steps(site, out)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders atomically with Linux's renameat2; False where the system cannot."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def _swap_in_two_steps(site: Path, out: Path) -> None:
    """Where no atomic exchange exists: for a moment there is no site at `out`."""
    old = site.with_name(site.name + "-old")
    out.rename(old)
    site.rename(out)
    old.rename(site)
