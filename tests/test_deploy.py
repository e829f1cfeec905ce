"""deploy/release and deploy/rollback against a local target served by nginx: a release is switched
to in one step while pages are being read, the previous one comes back with a rollback, five
are kept, and the same scripts work over ssh."""

from __future__ import annotations

import datetime
import http.client
import json
import os
import shutil
import subprocess
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from policy.publish import build_site
from tests.conftest import DEMO, ROOT, require_nginx, require_tool
from tools.nginx import nginx

RELEASE, ROLLBACK = ROOT / "deploy" / "release", ROOT / "deploy" / "rollback"
IN_FORCE = {"Действует с 1\xa0июня 2026": "2026-06-01", "Действует с 1\xa0января 2030": "2030-01-01"}
"""What /ru/ says is in force, for each of the two releases (built for 2026-11-25 and 2030-01-02),
and what their versions.json calls current: a page and the data tell which release sent them."""


@pytest.fixture(autouse=True)
def tools():
    require_tool("rsync")


@pytest.fixture(scope="module")
def later_site(tmp_path_factory) -> Path:
    """The demo built for 2030-01-02, when the version of 2030-01-01 is in force."""
    out = tmp_path_factory.mktemp("later") / "site"
    build_site(DEMO, out, datetime.date(2030, 1, 2))
    return out


def run(script: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(script), *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})})


def release(site: Path, target: str, **options) -> str:
    result = run(RELEASE, str(site), target, **options)
    assert result.returncode == 0, result.stderr
    return result.stdout


class Reader(threading.Thread):
    """Reads /ru/, versions.json and /ru/ again, over and over (at most `limit` times or `seconds`),
    recording which release each answer came from, and every request that failed."""

    def __init__(self, base: str, limit: int = 200_000, seconds: float = 60):
        super().__init__(daemon=True)
        self.url, self.limit, self.seconds = urlsplit(base), limit, seconds
        self.rounds: list[tuple[str | None, str | None, str | None]] = []
        self.failures: list[str] = []
        self.stopped = threading.Event()

    def get(self, connection: http.client.HTTPConnection, path: str) -> bytes | None:
        connection.request("GET", self.url.path + path)
        response = connection.getresponse()
        body = response.read()
        if response.status != 200:
            self.failures.append(f"{path}: {response.status}")
            return None
        return body

    def page(self, body: bytes | None) -> str | None:
        text = body.decode() if body else ""
        return next((date for sentence, date in IN_FORCE.items() if sentence in text), None)

    def data(self, body: bytes | None) -> str | None:
        return json.loads(body)["current"] if body else None

    def run(self) -> None:
        connection = http.client.HTTPConnection(self.url.hostname, self.url.port, timeout=10)
        deadline = time.monotonic() + self.seconds
        while not self.stopped.is_set() and len(self.rounds) < self.limit and time.monotonic() < deadline:
            try:
                before = self.page(self.get(connection, "ru/"))
                data = self.data(self.get(connection, "versions.json"))
                self.rounds.append((before, data, self.page(self.get(connection, "ru/"))))
            except (OSError, http.client.HTTPException, ValueError) as exc:
                self.failures.append(repr(exc))
                connection.close()
        connection.close()

    def wait_for(self, release: str | tuple, count: int = 20, timeout: float = 30) -> None:
        """Until `count` rounds were `release` (all three answers from it, or the triple given)."""
        expected = release if isinstance(release, tuple) else (release,) * 3
        deadline = time.monotonic() + timeout
        while sum(round == expected for round in self.rounds) < count:
            assert time.monotonic() < deadline and self.is_alive(), f"{expected} was not seen"
            time.sleep(0.01)

    def finish(self) -> None:
        self.stopped.set()
        self.join(timeout=30)

    def mixed(self) -> list[tuple]:
        """Rounds whose data came from another release than the pages read before and after it.
        Releases only move forward here, so such a round means a moment when the site served
        was a mix of two releases. (A round whose two pages differ was cut by the switch: its data
        may come from either.)"""
        return [round for round in self.rounds if round[0] == round[2] != round[1]]


def test_a_release_switches_in_one_step_while_pages_are_read(tmp_path, demo_site, later_site):
    require_nginx()
    target = tmp_path / "target"
    release(demo_site.root, str(target))
    with nginx(target / "current") as base:
        reader = Reader(base)
        reader.start()
        try:
            reader.wait_for("2026-06-01")
            before = len(reader.rounds)
            release(later_site, str(target))
            assert len(reader.rounds) > before + 100, "pages were read while the release was made"
            reader.wait_for("2030-01-01")
        finally:
            reader.finish()
        assert reader.failures == [] and None not in {value for round in reader.rounds for value in round}
        assert reader.mixed() == []
        assert reader.rounds[0] == ("2026-06-01",) * 3 and reader.rounds[-1] == ("2030-01-01",) * 3

        result = run(ROLLBACK, str(target))
        assert result.returncode == 0, result.stderr
        connection = http.client.HTTPConnection("127.0.0.1", urlsplit(base).port, timeout=10)
        connection.request("GET", "/policy/versions.json")
        assert json.loads(connection.getresponse().read())["current"] == "2026-06-01"
        connection.close()


def test_the_reader_catches_a_deploy_that_is_not_atomic(tmp_path, demo_site, later_site):
    """The check above is not vacuous: copying a new site over the old file by file, as a naive
    deploy does, is seen as rounds mixing two releases."""
    require_nginx()
    live = tmp_path / "live"
    shutil.copytree(demo_site.root, live)
    with nginx(live) as base:
        reader = Reader(base)
        reader.start()
        try:
            reader.wait_for("2026-06-01")
            shutil.copyfile(later_site / "ru" / "index.html", live / "ru" / "index.html")  # the pages first
            reader.wait_for(("2030-01-01", "2026-06-01", "2030-01-01"), count=1)
            shutil.copyfile(later_site / "versions.json", live / "versions.json")  # the data a moment later
            reader.wait_for("2030-01-01")
        finally:
            reader.finish()
    assert ("2030-01-01", "2026-06-01", "2030-01-01") in reader.mixed()


def releases(target: Path) -> list[str]:
    return sorted(path.name for path in (target / "releases").iterdir())


def test_five_releases_are_kept_and_unchanged_files_are_shared(tmp_path, demo_site, later_site):
    target = tmp_path / "target"
    for site in (demo_site.root, demo_site.root, later_site, later_site, demo_site.root, later_site, demo_site.root):
        release(site, str(target))
    kept = releases(target)
    assert len(kept) == 5
    assert os.readlink(target / "current") == f"releases/{kept[-1]}"
    first, second = (target / "releases" / name / "assets" / "policy.css" for name in kept[:2])
    assert first.stat().st_ino == second.stat().st_ino, "hard links: the same file, date and ETag"
    assert kept[-1].split("-")[-1] == kept[-3].split("-")[-1], "the id ends with a digest of the files"


def test_rollback_goes_back_one_release_at_a_time_and_stops_at_the_oldest(tmp_path, demo_site, later_site):
    target = tmp_path / "target"
    release(demo_site.root, str(target))
    release(later_site, str(target))
    oldest, newest = releases(target)
    assert run(ROLLBACK, str(target)).returncode == 0
    assert os.readlink(target / "current") == f"releases/{oldest}"
    result = run(ROLLBACK, str(target))
    assert result.returncode == 1 and "nothing to roll back to" in result.stderr
    release(later_site, str(target))  # the next release is current again, and nothing is lost
    assert len(releases(target)) == 3 and newest in releases(target)


def test_release_refuses_what_is_not_a_built_site_and_changes_nothing(tmp_path, demo_site):
    target = tmp_path / "target"
    release(demo_site.root, str(target))
    before = releases(target)
    (tmp_path / "empty").mkdir()
    result = run(RELEASE, str(tmp_path / "empty"), str(target))
    assert result.returncode == 1 and "not a site built by build.py" in result.stderr
    assert releases(target) == before
    result = run(RELEASE, str(demo_site.root), str(tmp_path / "a target; rm -rf ~"))
    assert result.returncode == 2 and "letters, digits" in result.stderr
    result = run(RELEASE, str(demo_site.root), f"-oProxyCommand=touch {tmp_path}/pwned:{target}")
    assert result.returncode == 2 and "not a user@host" in result.stderr
    assert releases(target) == before and not (tmp_path / "pwned").exists()


def test_release_and_rollback_over_ssh(tmp_path, demo_site, later_site):
    """TARGET user@host:path: rsync and every command go through the remote shell ($RSYNC_RSH),
    here a stand-in for ssh that runs the command on this machine and logs it."""
    log = tmp_path / "ssh.log"
    ssh = tmp_path / "ssh"
    ssh.write_text('#!/bin/sh\n# a stand-in for ssh: [options] host command...\n'
                   'while [ "${1#-}" != "$1" ]; do case $1 in -l|-i|-o|-p) shift 2;; *) shift;; esac; done\n'
                   f'echo "$1" >> {log}\nshift\nexec sh -c "$*"\n', encoding="utf-8")
    ssh.chmod(0o755)
    remote = tmp_path / "remote"
    env = {"RSYNC_RSH": str(ssh)}
    release(demo_site.root, f"deploy@shop.invalid:{remote}", env=env)
    release(later_site, f"deploy@shop.invalid:{remote}", env=env)
    assert json.loads((remote / "current" / "versions.json").read_text())["current"] == "2030-01-01"
    assert run(ROLLBACK, f"deploy@shop.invalid:{remote}", env=env).returncode == 0
    assert json.loads((remote / "current" / "versions.json").read_text())["current"] == "2026-06-01"
    hosts = log.read_text().split()
    assert len(hosts) >= 8 and set(hosts) <= {"shop.invalid", "deploy@shop.invalid"}
