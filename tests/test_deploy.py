"""deploy/release and deploy/rollback against a target folder served by nginx inside a shop's server
(with its cache of open files): a release is switched to in one step while pages are read and
seen at once; an upload cut half-way changes nothing; rollback returns to the release live
before, never to one rolled back; earlier stylesheets stay served; one release at a time;
permissions hold under any umask; only complete builds are released."""

from __future__ import annotations

import datetime
import http.client
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from policy.build import build_site
from tests.conftest import DEMO, ROOT, require_nginx, require_tool
from tools.nginx import nginx

pytestmark = pytest.mark.slow

RELEASE, ROLLBACK = ROOT / "deploy" / "release", ROOT / "deploy" / "rollback"
SERVER = ROOT / "deploy" / "server" / "policy-deploy"
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


@pytest.fixture(scope="module")
def earlier_site(tmp_path_factory) -> Path:
    """The demo built for 2025-04-01, when the version of 2025-03-01 is in force."""
    out = tmp_path_factory.mktemp("earlier") / "site"
    build_site(DEMO, out, datetime.date(2025, 4, 1))
    return out


def run(script: Path, *args: str, env: dict[str, str] | None = None, umask: int = 0o022) -> subprocess.CompletedProcess:
    return subprocess.run([str(script), *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})}, preexec_fn=lambda: os.umask(umask))


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
        self.recorded = threading.Condition()
        """Notified after each round, for `wait_for`."""

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
                after = self.page(self.get(connection, "ru/"))
                with self.recorded:
                    self.rounds.append((before, data, after))
                    self.recorded.notify_all()
            except (OSError, http.client.HTTPException, ValueError) as exc:
                self.failures.append(repr(exc))
                connection.close()
        connection.close()
        with self.recorded:
            self.stopped.set()
            self.recorded.notify_all()

    def wait_for(self, release: str | tuple, count: int = 20, timeout: float = 30) -> None:
        """Until `count` rounds were `release` (all three answers from it, or the triple given)."""
        expected = release if isinstance(release, tuple) else (release,) * 3
        with self.recorded:
            seen = self.recorded.wait_for(lambda: sum(round == expected for round in self.rounds) >= count
                                          or self.stopped.is_set(), timeout)
        assert seen and sum(round == expected for round in self.rounds) >= count, f"{expected} was not seen"

    def finish(self) -> None:
        self.stopped.set()
        self.join(timeout=30)

    def mixed(self) -> list[tuple]:
        """Rounds whose data came from another release than the pages read before and after it.
        Releases only move forward here, so such a round means a moment when the site served
        was a mix of two releases. (A round whose two pages differ was cut by the switch: its data
        may come from either.)"""
        return [round for round in self.rounds if round[0] == round[2] != round[1]]


@pytest.mark.server
def test_a_release_switches_in_one_step_while_pages_are_read(tmp_path, demo_site, later_site):
    require_nginx()
    target = tmp_path / "target"
    release(demo_site.root, str(target))
    with nginx(target / "current") as base:
        reader = Reader(base)
        reader.start()
        try:
            reader.wait_for("2026-06-01")
            release(later_site, str(target))
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


@pytest.mark.server
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


def live(target: Path) -> str:
    return os.readlink(target / "current").removeprefix("releases/")


def in_force(target: Path) -> str:
    return json.loads((target / "current" / "versions.json").read_text(encoding="utf-8"))["current"]


def ssh_standin(tmp_path: Path, target: Path, cut_after: int | None = None, hold: Path | None = None) -> dict:
    """RSYNC_RSH for a stand-in of ssh to a server whose deploy key runs policy-deploy TARGET as its
    forced command: it passes the command as sshd does (SSH_ORIGINAL_COMMAND) and logs the host.
    `cut_after`: the connection of an upload drops after at most that many bytes from the client.
    `hold`: an upload waits (at most 60 s) until that file exists, after creating `hold`.waiting."""
    script = tmp_path / f"ssh-{cut_after}-{hold is not None}"
    cut = (f'if [ "$1" = rsync ]; then dd bs=4096 count={cut_after // 4096} status=none | run "$@"; exit 255; fi\n'
           if cut_after else "")  # dd passes each read on at once (head would hold it in its buffer)
    wait = (f'if [ "$1" = rsync ]; then touch {hold}.waiting; i=0; '
            f'while [ ! -e {hold} ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done; fi\n') if hold else ""
    script.write_text(
        '#!/bin/sh\n# ssh [options] host command...\n'
        'while [ "${1#-}" != "$1" ]; do case $1 in -l|-i|-o|-p) shift 2;; *) shift;; esac; done\n'
        f'echo "$1" >> {tmp_path}/ssh.log\nshift\n'
        f'run() {{ SSH_ORIGINAL_COMMAND="$*" python3 {SERVER} {target}; }}\n'
        f'{cut}{wait}run "$@"\n', encoding="utf-8")
    script.chmod(0o755)
    return {"RSYNC_RSH": str(script)}


def test_a_release_is_seen_at_once(tmp_path, demo_site, later_site):
    """The shop caches open files for a minute (open_file_cache); the policy's location does not,
    so the first request after a release is answered from it."""
    require_nginx()
    target = tmp_path / "target"
    release(demo_site.root, str(target))
    with nginx(target / "current") as base:
        for site, expected in ((later_site, "2030-01-01"), (demo_site.root, "2026-06-01")):
            connection = http.client.HTTPConnection("127.0.0.1", urlsplit(base).port, timeout=10)
            connection.request("GET", "/policy/versions.json")
            connection.getresponse().read()
            release(site, str(target))
            connection.request("GET", "/policy/versions.json")
            assert json.loads(connection.getresponse().read())["current"] == expected
            connection.close()


def test_five_releases_are_kept_and_unchanged_files_are_shared(tmp_path, demo_site, later_site):
    target = tmp_path / "target"
    for site in (demo_site.root, later_site) * 3 + (demo_site.root,):
        release(site, str(target))
    kept = releases(target)
    assert len(kept) == 5 and live(target) == kept[-1]
    first, second = (target / "releases" / name / "assets" / "theme.js" for name in kept[:2])
    assert first.stat().st_ino == second.stat().st_ino, "hard links: the same file, date and ETag"
    assert kept[-1].split("-")[-1] == kept[-3].split("-")[-1], "the id ends with a digest of the files"
    assert (target / "releases.log").read_text().count(" released ") == 7


def test_releasing_the_live_site_again_changes_nothing(tmp_path, demo_site):
    """The second run of the night (or a manual one) finds today's site live: nothing is sent."""
    target = tmp_path / "target"
    release(demo_site.root, str(target))
    before = (releases(target), (target / "releases.log").read_text())
    assert "already live" in release(demo_site.root, str(target))
    assert (releases(target), (target / "releases.log").read_text()) == before


def test_rollback_after_a_rollback_goes_further_back_never_forward(tmp_path, demo_site, later_site, earlier_site):
    target = tmp_path / "target"
    for site in (earlier_site, demo_site.root, later_site):
        release(site, str(target))
    first, second, third = releases(target)
    result = run(ROLLBACK, str(target))
    assert result.returncode == 0 and live(target) == second
    assert f"rolled back to {second}, the release live before {third}" in result.stdout
    result = run(ROLLBACK, str(target))
    assert result.returncode == 0 and live(target) == first, "back one more, not forward to the bad one"
    result = run(ROLLBACK, str(target))
    assert result.returncode == 1 and "nothing to roll back to" in result.stderr and live(target) == first


def test_rollback_after_a_new_release_skips_the_release_rolled_back(tmp_path, demo_site, later_site, earlier_site):
    """A, B (bad: rolled back to A), C (bad too): the rollback returns to A, live before C, never to B."""
    target = tmp_path / "target"
    release(demo_site.root, str(target))
    good = live(target)
    release(later_site, str(target))
    bad = live(target)
    assert run(ROLLBACK, str(target)).returncode == 0 and live(target) == good
    release(earlier_site, str(target))
    result = run(ROLLBACK, str(target))
    assert result.returncode == 0 and live(target) == good and bad not in result.stdout.split(",")[0]
    assert not (target / "releases" / bad).exists(), "a release rolled back as bad is not kept"


def test_a_cut_upload_changes_nothing_and_rollback_ignores_it(tmp_path, demo_site, later_site, earlier_site):
    """The connection drops half-way through the upload: the release fails, nothing of it stays,
    the site live is unchanged; after a good release, rollback returns to the complete release
    live before. Leftovers of an older deploy (a half-copied folder in releases/ that was never
    live, an upload whose lock process was killed) are ignored by rollback and pruned."""
    target = tmp_path / "remote"
    good = ssh_standin(tmp_path, target)
    release(demo_site.root, f"deploy@shop.invalid:{target}", env=good)
    complete = live(target)
    (target / "releases" / "20000101T000000.000Z-000000000000" / "ru").mkdir(parents=True)  # half-copied, never live
    (target / "incoming" / "20000101T000000.000Z-111111111111").mkdir()  # an upload whose lock was killed
    cut = run(RELEASE, str(later_site), f"deploy@shop.invalid:{target}", env=ssh_standin(tmp_path, target, 200_000))
    assert cut.returncode != 0
    assert live(target) == complete and in_force(target) == "2026-06-01"
    assert [name for name in os.listdir(target / "incoming") if not name.startswith("2000")] == []
    release(earlier_site, f"deploy@shop.invalid:{target}", env=good)
    assert in_force(target) == "2025-03-01"
    assert os.listdir(target / "incoming") == [] and "20000101T000000.000Z-000000000000" not in releases(target)
    result = run(ROLLBACK, f"deploy@shop.invalid:{target}", env=good)
    assert result.returncode == 0 and live(target) == complete and in_force(target) == "2026-06-01"


def fingerprinted_variant(site: Path, folder: Path) -> tuple[Path, str]:
    """A copy of `site` whose stylesheet has another content, so another fingerprint: a build of
    an earlier theme."""
    copy = folder / "variant"
    shutil.copytree(site, copy)
    [stylesheet] = (copy / "assets" / "stylesheets").glob("main.*.min.css")
    old, new = stylesheet.name, "main.0123abcd.min.css"
    for path in (copy / "assets" / "stylesheets").iterdir():
        path.rename(path.with_name(path.name.replace(old, new)))
    (copy / "assets" / "stylesheets" / new).write_text("/* an earlier theme */\n", encoding="utf-8")
    for page in copy.rglob("*.html"):
        page.write_text(page.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return copy, f"assets/stylesheets/{new}"


def test_the_previous_stylesheet_is_served_until_no_kept_release_names_it(tmp_path, demo_site, later_site):
    require_nginx()
    target = tmp_path / "target"
    variant, stylesheet = fingerprinted_variant(demo_site.root, tmp_path)
    release(variant, str(target))
    release(demo_site.root, str(target))
    with nginx(target / "current") as base:
        url = urlsplit(base)
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=10)

        def get(path: str) -> http.client.HTTPResponse:
            connection.request("GET", url.path + path)
            response = connection.getresponse()
            response.read()
            return response

        old = get(stylesheet)
        assert old.status == 200 and old.getheader("Cache-Control") == "public, max-age=31536000, immutable"
        for site in (later_site, demo_site.root, later_site):
            release(site, str(target))
            assert get(stylesheet).status == 200, "the variant is still kept"
        release(demo_site.root, str(target))  # the variant is the sixth release back: no longer kept
        assert get(stylesheet).status == 404
        connection.close()


def test_one_release_at_a_time(tmp_path, demo_site, later_site):
    """While a release uploads, a second one is refused and changes nothing; the first completes."""
    target = tmp_path / "remote"
    go = tmp_path / "go"
    first = subprocess.Popen([str(RELEASE), str(later_site), f"deploy@shop.invalid:{target}"], text=True,
                             env={**os.environ, **ssh_standin(tmp_path, target, hold=go)},
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while not go.with_name("go.waiting").exists():
            if time.monotonic() > deadline or first.poll() is not None:
                first.kill()
                pytest.fail(f"the first release never began its upload: {first.communicate(timeout=10)[1]}")
            time.sleep(0.05)
        second = run(RELEASE, str(demo_site.root), f"deploy@shop.invalid:{target}", env=ssh_standin(tmp_path, target))
        assert second.returncode == 1 and "another release is running" in second.stderr
        assert not (target / "current").exists()
        go.touch()
        out, err = first.communicate(timeout=120)
    finally:
        go.touch()
        first.wait(timeout=120)
    assert first.returncode == 0, err
    assert in_force(target) == "2030-01-01" and len(releases(target)) == 1


def test_permissions_hold_under_any_umask(demo_site):
    """A deploy user with umask 027: nginx's workers (nobody here, www-data on the server) still
    read every release."""
    require_nginx()
    with tempfile.TemporaryDirectory() as folder:
        os.chmod(folder, 0o755)
        target = Path(folder) / "target"
        result = run(RELEASE, str(demo_site.root), str(target), umask=0o027)
        assert result.returncode == 0, result.stderr
        for path in [target, target / "releases", *(target / "releases").rglob("*")]:
            assert path.stat().st_mode & 0o777 == (0o755 if path.is_dir() else 0o644), path
        with nginx(target / "current", unprivileged=True) as base:
            connection = http.client.HTTPConnection("127.0.0.1", urlsplit(base).port, timeout=10)
            connection.request("GET", "/policy/ru/")
            assert connection.getresponse().status == 200
            connection.close()


@pytest.mark.parametrize("remove", [None, "kk/index.html", "en/versions/2024-01-15.md", "versions.json"])
def test_release_refuses_what_is_not_a_complete_build_and_changes_nothing(tmp_path, demo_site, remove):
    target = tmp_path / "target"
    release(demo_site.root, str(target))
    before = releases(target)
    site = tmp_path / "site"
    if remove:
        shutil.copytree(demo_site.root, site)
        (site / remove).unlink()
    else:  # only the marker files
        site.mkdir()
        for name in (".policy-site", "versions.json"):
            shutil.copy(demo_site.root / name, site / name)
    result = run(RELEASE, str(site), str(target))
    assert result.returncode == 1 and "not a complete build" in result.stderr
    assert (remove or "kk/index.html") in result.stderr
    assert releases(target) == before


def test_release_refuses_a_target_that_could_run_commands(tmp_path, demo_site):
    target = tmp_path / "target"
    result = run(RELEASE, str(demo_site.root), str(tmp_path / "a target; rm -rf ~"))
    assert result.returncode == 2 and "letters, digits" in result.stderr
    result = run(RELEASE, str(demo_site.root), f"-oProxyCommand=touch {tmp_path}/pwned:{target}")
    assert result.returncode == 2 and "not a user@host" in result.stderr
    assert not (tmp_path / "pwned").exists() and not target.exists()


def test_release_and_rollback_over_ssh(tmp_path, demo_site, later_site):
    """TARGET user@host:path: rsync and every command go through the remote shell ($RSYNC_RSH) to
    the server's forced command."""
    remote = tmp_path / "remote"
    env = ssh_standin(tmp_path, remote)
    release(demo_site.root, f"deploy@shop.invalid:{remote}", env=env)
    release(later_site, f"deploy@shop.invalid:{remote}", env=env)
    assert in_force(remote) == "2030-01-01"
    assert run(ROLLBACK, f"deploy@shop.invalid:{remote}", env=env).returncode == 0
    assert in_force(remote) == "2026-06-01"
    hosts = (tmp_path / "ssh.log").read_text().split()
    assert len(hosts) == 7 and set(hosts) <= {"deploy@shop.invalid", "shop.invalid"}  # rsync passes -l deploy
