"""Where `build.py build --out` may write, and how the new site replaces the old one.

Everything runs through the command line, on a copy of the project (build.py, policy/, theme/,
mkdocs.yml and a content tree, committed in its own git repository), so that `--out .` really is
a project root with `.git` and `content/`. A refused --out must exit 1 with one `error: ...` line,
no traceback, and leave every byte where it was; a build killed at any moment must leave exactly
the old site or exactly the new one.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from policy.site.output import MARKER, STAGING
from tests.conftest import DEMO, POLICY, ROOT

pytestmark = pytest.mark.slow

DATE = "2026-11-25"
TIMEOUT = 120


def environment(**extra: str) -> dict[str, str]:
    """The caller's environment without what changes the output: no bytecode written into the
    copied project (it would change the snapshots), no annotations, no fixed date."""
    env = {key: value for key, value in os.environ.items()
           if key not in ("GITHUB_ACTIONS", "SOURCE_DATE_EPOCH")}
    env.update(PYTHONDONTWRITEBYTECODE="1", NO_COLOR="1", **extra)
    return env


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=cwd, check=True,
                   capture_output=True, timeout=TIMEOUT)


def snapshot(root: Path) -> dict[str, object] | None:
    """Every entry under `root`, without following links: folders, links (their targets) and files
    (their bytes); None when `root` does not exist."""
    if not os.path.lexists(root):
        return None
    if root.is_symlink():
        return {".": ("link", os.readlink(root))}
    if root.is_file():
        return {".": ("file", root.read_bytes())}
    entries: dict[str, object] = {".": ("dir",)}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder, name)
            key = path.relative_to(root).as_posix()
            if path.is_symlink():
                entries[key] = ("link", os.readlink(path))
            elif path.is_dir():
                entries[key] = ("dir",)
            else:
                entries[key] = ("file", path.read_bytes())
    return entries


def difference(one: dict | None, other: dict | None) -> list[str]:
    """The entries that differ, for failure messages."""
    if one is None or other is None:
        return ["(missing)"]
    return sorted(key for key in one.keys() | other.keys() if one.get(key) != other.get(key))[:20]


def build(cwd: Path, content: Path | str, out: Path | str, *extra: str, env: dict | None = None,
          command: str = "build") -> subprocess.CompletedProcess:
    args = [sys.executable, "build.py", command, "--content", str(content)]
    if command == "build":
        args += ["--out", str(out)]
    return subprocess.run([*args, *extra], cwd=cwd, timeout=TIMEOUT, capture_output=True, text=True,
                          env=env or environment())


def one_line_error(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "built " not in result.stdout and "content OK" not in result.stdout


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the project in its own repository: tmp_path/project, with the one-version content."""
    root = tmp_path / "project"
    root.mkdir()
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copy2(ROOT / "build.py", root)
    shutil.copy2(ROOT / "mkdocs.yml", root)
    shutil.copytree(ROOT / "policy", root / "policy", ignore=ignore)
    shutil.copytree(ROOT / "theme", root / "theme", ignore=ignore)
    shutil.copytree(POLICY, root / "content")
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "project")
    return root


def _user_folder(project: Path) -> str:
    folder = project.parent / "notes"
    folder.mkdir()
    (folder / "mine.txt").write_text("a user's file\n", encoding="utf-8")
    return str(folder)


def _repository(project: Path) -> str:
    folder = project.parent / "other"
    folder.mkdir()
    git(folder, "init", "-q")
    return str(folder)


def _symlink_to_site(project: Path) -> str:
    out = project.parent / "previous"
    assert build(project, "content", out, "--date", DATE).returncode == 0
    (project.parent / "link").symlink_to(out, target_is_directory=True)
    return str(project.parent / "link")


def _site_made_a_repository(project: Path) -> str:
    """A previous build in which someone ran `git init` (to push it by hand): the marker does not
    make the repository replaceable."""
    out = project.parent / "published"
    assert build(project, "content", out, "--date", DATE).returncode == 0
    git(out, "init", "-q")
    return str(out)


def _ancestor_marked_as_a_site(project: Path) -> str:
    """The project inside a folder that holds the marker, as if it were a site: still its ancestor."""
    (project.parent / MARKER).write_text("", encoding="utf-8")
    return ".."


REFUSED = {
    "the content folder": lambda project: "content",
    "the project root": lambda project: ".",
    "the project's parent": lambda project: "..",
    "the file system root": lambda project: "/",
    "an ancestor with a marker": _ancestor_marked_as_a_site,
    "a language folder": lambda project: "content/ru",
    "inside .git": lambda project: ".git/x",
    "the content through ..": lambda project: "content/ru/..",
    "an existing file": lambda project: "mkdocs.yml",
    "a folder with a user's file": _user_folder,
    "a folder holding .git": _repository,
    "a symlink to a previous site": _symlink_to_site,
    "a previous site made a repository": _site_made_a_repository,
}


@pytest.mark.parametrize("case", REFUSED)
def test_a_dangerous_out_is_refused_and_nothing_changes(project, case):
    out = REFUSED[case](project)
    everything, top = snapshot(project.parent), sorted(os.listdir("/"))
    result = build(project, "content", out, "--date", DATE)
    one_line_error(result)
    assert snapshot(project.parent) == everything, difference(snapshot(project.parent), everything)
    assert sorted(os.listdir("/")) == top
    assert not [name for name in os.listdir(project.parent) if "-build-" in name]


@pytest.mark.parametrize("case", ["a new folder", "an empty folder", "a previous build"])
def test_a_safe_out_is_accepted(project, case):
    out = project.parent / "new" / "deeper" / "site"
    if case == "an empty folder":
        out.mkdir(parents=True)
    if case == "a previous build":
        assert build(project, "content", out, "--date", DATE).returncode == 0
        before = json.loads((out / "versions.json").read_text(encoding="utf-8"))
        assert before["current"] == "2026-11-24"
    result = build(project, DEMO, out, "--date", DATE)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert f"built {out} for {DATE}" in result.stdout
    assert (out / MARKER).is_file() and (out / "ru" / "index.html").is_file()
    assert json.loads((out / "versions.json").read_text(encoding="utf-8"))["current"] == "2026-06-01"
    assert sorted(os.listdir(out.parent)) == ["site"]  # no staging folder left beside it


@pytest.mark.parametrize("name", ["site", "site[1]", "s*te?"])
def test_a_build_removes_what_killed_builds_of_the_same_out_left_and_nothing_else(project, name):
    """A killed build leaves its staging folder `.<name>-build-*`, marked, beside `out`; the next
    build into the same `out` removes it, whatever characters the name holds, and leaves other
    folders alone: those of other outs, and those with the same kind of name that no build marked
    (someone's own folder, or one whose marker is a link to elsewhere)."""
    parent = project.parent / "public"
    stale = parent / f".{name}-build-killed"
    (stale / "site" / "ru").mkdir(parents=True)
    (stale / "site" / "ru" / "index.html").write_text("half a page", encoding="utf-8")
    (stale / STAGING).write_text("marked\n", encoding="utf-8")
    others = [parent / ".site1-build-other", parent / ".sXte-build-other", parent / f".{name}x-notes",
              parent / f".{name}-build-mine", parent / f".{name}-build-linked"]
    for other in others:
        other.mkdir()
        (other / "keep.txt").write_text("not this build's\n", encoding="utf-8")
    (others[0] / STAGING).write_text("marked, but for another out\n", encoding="utf-8")
    os.symlink(stale / STAGING, others[-1] / STAGING)
    result = build(project, "content", parent / name, "--date", DATE)
    assert result.returncode == 0, result.stderr
    assert sorted(os.listdir(parent)) == sorted([name] + [other.name for other in others])
    assert all((other / "keep.txt").is_file() for other in others)


def test_a_killed_build_leaves_a_marked_staging_folder_that_the_next_build_removes(project):
    """Killed while rendering: its staging folder is marked as a build's, and the next build
    removes it and leaves no folder of its own."""
    out = project.parent / "site"
    killed = subprocess.run([sys.executable, "-c", KILLED, "rendering", *site_command(Path("content"), out)[2:]],
                            cwd=project, timeout=TIMEOUT, capture_output=True, text=True, env=environment())
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    [staging] = [name for name in os.listdir(project.parent) if name.startswith(".site-build-")]
    assert (project.parent / staging / STAGING).is_file()
    result = build(project, "content", out, "--date", DATE)
    assert result.returncode == 0, result.stderr
    assert not any(name.startswith(".site-build-") for name in os.listdir(project.parent))


@pytest.mark.parametrize("command", ["build", "check"])
def test_a_missing_content_folder_is_an_error(project, command):
    out = project.parent / "site"
    result = build(project, project.parent / "no-such-content", out, "--date", DATE, command=command)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "content OK" not in result.stdout and "built" not in result.stdout
    assert "does not exist" in result.stderr and "[layout]" in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("out", ["/proc/x", "/proc/x/y"])
def test_an_unwritable_out_is_a_one_line_error(project, out):
    one_line_error(build(project, "content", out, "--date", DATE))
    assert not os.path.lexists(out)


@pytest.mark.parametrize("value", ['"https://x.example/\\"><script>alert(1)</script>"', "[1, 2]", '"http://x.example/"'])
def test_a_site_url_in_mkdocs_yml_that_is_not_a_plain_https_address_is_a_one_line_error(project, value):
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^site_url: .*$", lambda _: f"site_url: {value}", config.read_text(encoding="utf-8")),
                      encoding="utf-8")
    out = project.parent / "site"
    result = build(project, "content", out, "--date", DATE)
    one_line_error(result)
    assert "site_url" in result.stderr and not out.exists()


def test_a_mkdocs_yml_without_site_url_is_a_one_line_error_naming_it(project):
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^site_url: .*\n", "", config.read_text(encoding="utf-8")), encoding="utf-8")
    out = project.parent / "site"
    result = build(project, "content", out, "--date", DATE)
    one_line_error(result)
    assert "mkdocs.yml" in result.stderr and "site_url" in result.stderr and not out.exists()


@pytest.mark.parametrize("command", ["build", "check"])
def test_a_malformed_source_date_epoch_is_a_one_line_error(project, command):
    out = project.parent / "site"
    result = build(project, "content", out, env=environment(SOURCE_DATE_EPOCH="abc"), command=command)
    one_line_error(result)
    assert "SOURCE_DATE_EPOCH" in result.stderr
    assert not out.exists()


def epoch(*moment: int) -> str:
    return str(int(datetime.datetime(*moment, tzinfo=datetime.timezone.utc).timestamp()))


def test_source_date_epoch_is_read_as_kazakhstans_date(project):
    out = project.parent / "site"
    evening = environment(SOURCE_DATE_EPOCH=epoch(2026, 11, 25, 19, 30))  # 00:30 on the 26th in Almaty
    result = build(project, "content", out, env=evening)
    assert result.returncode == 0, result.stderr
    assert f"built {out} for 2026-11-26" in result.stdout
    assert json.loads((out / "versions.json").read_text(encoding="utf-8"))["generated_for"] == "2026-11-26"
    before_midnight = environment(SOURCE_DATE_EPOCH=epoch(2026, 11, 25, 18, 59, 59))
    result = build(project, "content", out, env=before_midnight, command="check")
    assert result.returncode == 0 and "content OK for 2026-11-25" in result.stdout, result.stderr


# The atomic switch: a build killed at any moment leaves the old site or the new one.

def site_command(content: Path, out: Path) -> list[str]:
    return [sys.executable, "build.py", "build", "--content", str(content), "--out", str(out), "--date", DATE]


KILLED = """
import gzip, os, pathlib, shutil, signal, sys
sys.path.insert(0, os.getcwd())
import policy.site.output, policy.site.render

step, argv = sys.argv[1], sys.argv[2:]
exchange, wrap, compress, rmtree = (policy.site.output._exchange, policy.site.render.Renderer.wrap, gzip.compress,
                                    shutil.rmtree)
calls = {"render": 0, "compress": 0, "exchanged": 0}
the_build = os.getpid()

def die(at):
    if step == at:
        os.kill(the_build, signal.SIGKILL)  # from one of its workers too

def rendering(*args, **kwargs):
    calls["render"] += 1
    die("rendering" if calls["render"] == 20 else "")
    return wrap(*args, **kwargs)

def compressing(*args, **kwargs):
    calls["compress"] += 1
    die("compressing" if calls["compress"] == 20 else "")
    return compress(*args, **kwargs)

def exchanging(first, second):
    die("exchanging")
    done = exchange(first, second)
    calls["exchanged"] += 1
    die("exchanged")
    return done

def cleaning(path, *args, **kwargs):
    if calls["exchanged"]:
        files = sorted(each for each in pathlib.Path(path).rglob("*") if each.is_file())
        for each in files[:len(files) // 2]:
            each.unlink()
        die("cleaning")
    return rmtree(path, *args, **kwargs)

policy.site.render.Renderer.wrap, gzip.compress, policy.site.output._exchange, shutil.rmtree = (
    rendering, compressing, exchanging, cleaning)
import build
sys.exit(build.main(argv))
"""
"""build.py, killed with SIGKILL at a step of the build named on its command line: while rendering
(by one of its workers, the 20th page it wraps), while compressing, just before the new site and
the old one are exchanged, just after, and halfway through removing the old one."""
STEPS = {"rendering": "old", "compressing": "old", "exchanging": "old", "exchanged": "new", "cleaning": "new"}
"""Each step at which a build is killed, and the site `out` must then hold."""


def test_a_build_killed_at_any_step_leaves_the_old_or_the_new_site(tmp_path):
    """Kills at every step of a build, each starting from the old site: `out` holds the old site
    until the one exchange, then the new one, whole, and never anything else; what a killed build
    leaves beside it goes with the next build."""
    out, reference, keep = tmp_path / "parent" / "out", tmp_path / "reference", tmp_path / "old-copy"
    run = dict(cwd=ROOT, timeout=TIMEOUT, capture_output=True, text=True, env=environment())
    assert subprocess.run(site_command(POLICY, out), **run).returncode == 0
    old = snapshot(out)
    shutil.copytree(out, keep, symlinks=True)
    assert subprocess.run(site_command(DEMO, reference), **run).returncode == 0
    new = snapshot(reference)
    assert old != new and old[MARKER] == new[MARKER]
    sites = {"old": old, "new": new}
    for step, expected in STEPS.items():
        if snapshot(out) != old:
            shutil.rmtree(out)
            shutil.copytree(keep, out, symlinks=True)
        cold = {**run, "env": {**run["env"], "POLICY_CACHE": str(tmp_path / f"cache-{step}")}}  # it compresses
        killed = subprocess.run([sys.executable, "-c", KILLED, step, *site_command(DEMO, out)[2:]], **cold)
        assert killed.returncode == -signal.SIGKILL, (step, killed.stderr)
        assert snapshot(out) == sites[expected], (step, difference(snapshot(out), sites[expected]))
        assert [name for name in os.listdir(out.parent) if name.startswith(".out-build-")], \
            f"a build killed while {step} left no staging folder: the clean-up is not exercised"
    result = subprocess.run(site_command(DEMO, out), **run)
    assert result.returncode == 0, result.stderr
    assert snapshot(out) == new, difference(snapshot(out), new)
    assert os.listdir(out.parent) == ["out"], os.listdir(out.parent)
