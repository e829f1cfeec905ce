"""A built site served by Debian's nginx with the shipped configuration (deploy/nginx/run), on a free
port of 127.0.0.1, for the tests: as the shop's server will serve it, under /policy/."""

from __future__ import annotations

import contextlib
import http.client
import os
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import IO, Iterator

ROOT = Path(__file__).resolve().parent.parent
RUN = ROOT / "deploy" / "nginx" / "run"
NGINX = "/usr/sbin/nginx"
"""Debian's nginx, as deploy/nginx/run starts it."""
MODULES = Path("/usr/lib/nginx/modules")
JS_MODULE = MODULES / "ngx_http_js_module.so"
BROTLI_MODULE = MODULES / "ngx_http_brotli_static_module.so"


class NginxError(Exception):
    """nginx did not start, or did not answer in time; the message holds what it printed."""


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
def nginx(site: Path, unprivileged: bool = False, timeout: float = 15) -> Iterator[str]:
    """Serve `site` until the block ends; yields the base URL, `http://127.0.0.1:PORT/policy/`.
    `unprivileged`: as nobody when this runs as root (`site` must be readable by all). nginx runs
    in its own process group, which is stopped at the end whatever happens."""
    with tempfile.TemporaryFile(mode="w+") as log:  # not a pipe: nginx would block once it is full
        process, port = _start(site, unprivileged, log, timeout)
        try:
            yield f"http://127.0.0.1:{port}/policy/"
        finally:
            _stop(process)
        log.seek(0)
        output = log.read()
    if "[emerg]" in output or "[alert]" in output:
        raise NginxError(output)


def _start(site: Path, unprivileged: bool, log: IO[str], timeout: float) -> tuple[subprocess.Popen, int]:
    """deploy/nginx/run on a free port, once it answers; again on another port if that one was
    taken before nginx could bind it."""
    for _ in range(3):
        log.seek(0)
        log.truncate()
        port = free_port()
        command = [str(RUN), str(site), str(port)]
        if unprivileged and os.geteuid() == 0:
            command = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", *command]
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
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
    """SIGTERM to the run script, which stops nginx and removes its prefix; its group if it hangs."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
