"""A built site served by Debian's nginx on a free port of 127.0.0.1, for the tests and benchmarks:
included into a shop's server (tests/fixtures/shop/nginx.conf) with the shipped files, as
allurauto.kz will serve it, or alone with deploy/nginx/run, as an administrator looks at a build."""

from __future__ import annotations

import contextlib
import http.client
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Callable, Iterator

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "deploy" / "nginx"
RUN = SHIPPED / "run"
SHOP = ROOT / "tests" / "fixtures" / "shop"
NGINX = "/usr/sbin/nginx"
"""Debian's nginx, as deploy/nginx/run starts it."""
MODULES = Path("/usr/lib/nginx/modules")
JS_MODULE = MODULES / "ngx_http_js_module.so"
BROTLI_MODULE = MODULES / "ngx_http_brotli_static_module.so"


class NginxError(Exception):
    """nginx did not start, or did not answer in time; the message holds what it printed."""


@dataclass
class Shop:
    """The shop's server while it runs: its root, the policy's base URL under it, and the access
    log, whose lines are `URI lang=$lang` (the shop's own variable, as the shop's log shows it)."""

    root: str
    base: str
    log: Path

    def logged_language(self, uri: str, timeout: float = 10) -> str | None:
        """The shop's $lang as its log wrote it for the last request of `uri`. nginx logs a request
        once it has answered it: the line may come a moment after the answer."""
        deadline = time.monotonic() + timeout
        while True:
            lines = self.log.read_text(encoding="utf-8").splitlines()
            logged = dict(line.rsplit(" lang=", 1) for line in lines)
            if uri in logged or time.monotonic() > deadline:
                return logged.get(uri)
            time.sleep(0.01)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _answers(port: int) -> bool:
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
        connection.request("HEAD", "/policy/")
        connection.getresponse().read()
        connection.close()
        return True
    except OSError:
        return False


@contextlib.contextmanager
def shop(site: Path, unprivileged: bool = False, timeout: float = 15) -> Iterator[Shop]:
    """Serve `site` at /policy/ of the shop's server until the block ends. `unprivileged`: nginx's
    workers run as nobody when this runs as root (`site` must be readable by all), as www-data
    would on the shop's server."""
    with tempfile.TemporaryDirectory() as folder:
        prefix = Path(folder)
        prefix.chmod(0o755)
        shutil.copytree(SHOP / "html", prefix / "html")
        _install_shipped_files(prefix / "policy")
        user = ("user nobody nogroup;" if unprivileged else "user root;") if os.geteuid() == 0 else ""

        def command(port: int) -> list[str]:
            config = (SHOP / "nginx.conf").read_text(encoding="utf-8")
            for name, value in (("MODULES", _load_modules()), ("USER", user), ("PREFIX", str(prefix)),
                                ("PORT", str(port)), ("SITE", str(site.absolute()))):
                config = config.replace(f"@{name}@", value)
            (prefix / "nginx.conf").write_text(config, encoding="utf-8")
            return [NGINX, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-g", "daemon off;"]

        with _running(command, timeout) as port:
            yield Shop(f"http://127.0.0.1:{port}/", f"http://127.0.0.1:{port}/policy/", prefix / "access.log")


@contextlib.contextmanager
def nginx(site: Path, unprivileged: bool = False, timeout: float = 15) -> Iterator[str]:
    """`site` in the shop's server (shop()); yields the base URL, `http://127.0.0.1:PORT/policy/`."""
    with shop(site, unprivileged, timeout) as server:
        yield server.base


@contextlib.contextmanager
def standalone(site: Path, timeout: float = 15) -> Iterator[str]:
    """`site` served by deploy/nginx/run; yields the base URL, `http://127.0.0.1:PORT/policy/`."""
    with _running(lambda port: [str(RUN), str(site), str(port)], timeout) as port:
        yield f"http://127.0.0.1:{port}/policy/"


def _install_shipped_files(folder: Path) -> None:
    """The shipped files as the administrator copies them to /etc/nginx/policy/, with brotli
    enabled when its module is installed (README.md)."""
    shutil.copytree(SHIPPED, folder, ignore=shutil.ignore_patterns("run"))
    (folder / "enabled").mkdir()
    if BROTLI_MODULE.exists():
        (folder / "enabled" / "brotli.conf").symlink_to("../brotli.conf")


def _load_modules() -> str:
    modules = [JS_MODULE] + [BROTLI_MODULE] * BROTLI_MODULE.exists()
    return "\n".join(f"load_module {module};" for module in modules)


@contextlib.contextmanager
def _running(command: Callable[[int], list[str]], timeout: float) -> Iterator[int]:
    """The server started by `command(port)` until the block ends; yields its port. It runs in its
    own process group, stopped at the end whatever happens; what it logged as [emerg] or [alert]
    is an error."""
    with tempfile.TemporaryFile(mode="w+") as log:  # not a pipe: nginx would block once it is full
        process, port = _start(command, log, timeout)
        try:
            yield port
        finally:
            _stop(process)
        log.seek(0)
        output = log.read()
    if "[emerg]" in output or "[alert]" in output:
        raise NginxError(output)


def _start(command: Callable[[int], list[str]], log: IO[str], timeout: float) -> tuple[subprocess.Popen, int]:
    """The server on a free port, once it answers; again on another port if that one was taken
    before nginx could bind it."""
    for _ in range(3):
        log.seek(0)
        log.truncate()
        port = free_port()
        process = subprocess.Popen(command(port), stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        if _started(process, port, timeout):
            return process, port
        _stop(process)
    log.seek(0)
    raise NginxError(f"nginx did not start:\n{log.read()}")


def _started(process: subprocess.Popen, port: int, timeout: float) -> bool:
    """Whether nginx answers on `port` before it exits or `timeout` seconds pass."""
    deadline = time.monotonic() + timeout
    while not _answers(port):
        if process.poll() is not None or time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def _stop(process: subprocess.Popen) -> None:
    """SIGTERM (nginx's fast shutdown; the run script passes it on); its group if it hangs."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
