"""`build.py serve`: rebuilds on every save, reloads the browser, and shows refused edits as errors."""

from __future__ import annotations

import hashlib
import queue
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import POLICY, ROOT, require_tool
from tools.history import accumulating

pytestmark = pytest.mark.server

TIMEOUT = 60


class Server:
    """`build.py serve` in a subprocess, its output read line by line without ever blocking a test,
    and its build events (`/__preview/events`) followed from the start."""

    def __init__(self, content, build=ROOT / "build.py", date="2026-11-25"):
        self.process = subprocess.Popen(
            [sys.executable, "-u", str(build), "serve", "--content", str(content),
             "--port", "0", "--date", date],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT)
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=lambda: [self.lines.put(line) for line in self.process.stdout], daemon=True).start()
        self.url = self.wait_for("preview at ").split()[2]
        self.events = urllib.request.urlopen(self.url + "__preview/events", timeout=TIMEOUT)

    def wait_for(self, start: str) -> str:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=1)
            except queue.Empty:
                assert self.process.poll() is None, "the preview stopped"
                continue
            if line.startswith(start):
                return line
        raise AssertionError(f"no line starting {start!r} within {TIMEOUT} s")

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=TIMEOUT) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def next_build(self, deadline: float) -> None:
        """Wait for the end of the next build (the preview sends `event: build`, whether it failed or not)."""
        while not self.events.readline().startswith(b"event: build"):  # a blank line, or ": still here"
            assert time.monotonic() < deadline and self.process.poll() is None, "no build ended"

    def until(self, condition, path: str) -> tuple[int, str]:
        """Ask for `path` now and after each build, until the answer meets `condition(status, page)`."""
        deadline = time.monotonic() + TIMEOUT
        while not condition(*(answer := self.get(path))):
            assert time.monotonic() < deadline, f"{path} never changed as expected"
            self.next_build(deadline)
        return answer

    def stop(self):
        self.events.close()
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def content(tmp_path):
    shutil.copytree(POLICY, tmp_path / "content")
    return tmp_path / "content"


@pytest.fixture
def server(content, tmp_path):
    server = Server(content)
    yield server
    server.stop()


def edit(content, old, new, lang="en"):
    path = content / lang / "2026-11-24.md"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_pages_carry_the_reload_script_and_events_announce_a_build(server, content):
    status, page = server.get("en/")
    assert status == 200 and '<script src="/__preview/reload.js"></script></body>' in page
    events = urllib.request.urlopen(server.url + "__preview/events", timeout=TIMEOUT)
    edit(content, "# Public Offer", "# Preview Offer")
    assert events.readline().decode().startswith("event: build")
    assert "Preview Offer" in server.get("en/")[1]


def test_a_refused_edit_shows_its_errors_in_the_browser_until_it_is_fixed(server, content):
    edit(content, "9.1. ", "9.1. <b>bold</b> ")
    status, page = server.until(lambda status, _: status == 500, "en/history/")
    assert "en/2026-11-24.md:" in page and "HTML is not allowed" in page and "&lt;b" in page and "<b>" not in page
    edit(content, "9.1. <b>bold</b> ", "9.1. ")
    server.until(lambda status, _: status == 200, "en/history/")


def test_a_vanishing_temporary_file_does_not_stop_the_preview(server, content):
    for number in range(20):
        temporary = content / "en" / f".~lock.{number}#"
        temporary.write_text("x", encoding="utf-8")
        temporary.unlink()
    edit(content, "# Public Offer", "# Still Here")
    server.until(lambda _, page: "Still Here" in page, "en/")


@pytest.mark.browser
def test_the_browser_reloads_by_itself_after_a_save(server, content):
    from tools.browser import CHROMIUM, chromium

    require_tool(CHROMIUM)
    with chromium() as browser:
        page = browser.new_page()
        page.goto(server.url + "en/")
        edit(content, "# Public Offer", "# Reloaded Offer")
        page.wait_for_function("document.querySelector('h1').textContent.includes('Reloaded Offer')",
                               timeout=TIMEOUT * 1000)


def running(program) -> list[int]:
    """The processes running `program` (/proc)."""
    found = []
    for process in Path("/proc").iterdir():
        try:
            if process.name.isdigit() and str(program).encode() in (process / "cmdline").read_bytes():
                found.append(int(process.name))
        except OSError:
            continue
    return found


def digests(root):
    return {path.relative_to(root): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in root.rglob("*") if path.is_file()}


def test_a_preview_killed_mid_render_leaves_the_built_site_whole(tmp_path):
    """`serve` renders into a folder of its own under .cache/, never site/: killed while it renders,
    it leaves the last `make site` build as it was, the next build works, and the next preview
    removes what the killed one left."""
    project = tmp_path / "project"
    for name in ("policy", "theme"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("build.py", "mkdocs.yml"):
        shutil.copy(ROOT / name, project / name)
    content = accumulating(POLICY, 6, tmp_path / "content")

    def build():
        return subprocess.run([sys.executable, str(project / "build.py"), "build", "--content", str(content),
                               "--date", "2020-06-01"], capture_output=True, text=True, timeout=300)

    assert build().returncode == 0
    site = digests(project / "site")
    serve = subprocess.Popen([sys.executable, str(project / "build.py"), "serve", "--content", str(content),
                              "--date", "2020-06-01", "--port", "0"], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    folder = project / ".cache" / "preview" / str(serve.pid)
    deadline = time.monotonic() + TIMEOUT
    while not list(folder.glob("next/*/*/*/index.html")):
        assert time.monotonic() < deadline and serve.poll() is None, "the preview never started rendering"
        time.sleep(0.02)
    serve.kill()
    serve.wait(timeout=10)
    deadline = time.monotonic() + 10
    while left := running(project / "build.py"):  # its workers end with it, releasing what it held
        assert time.monotonic() < deadline, f"processes of the killed preview still run: {left}"
        time.sleep(0.1)
    assert digests(project / "site") == site
    again = build()
    assert again.returncode == 0, again.stderr
    assert digests(project / "site") == site
    second = Server(content, project / "build.py", "2020-06-01")
    try:
        assert not folder.exists()
    finally:
        second.stop()
