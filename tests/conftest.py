"""Shared fixtures: the demo history, a frozen copy of the policy and a history of 20 versions, each
built once per test run; the demo served by nginx with the shipped configuration."""

from __future__ import annotations

import contextlib
import datetime
import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterator

import pytest
from bs4 import BeautifulSoup

from policy.publish import build_site
from tools.browser import CHROMIUM, chromium
from tools.history import history
from tools.nginx import JS_MODULE, NGINX, nginx

os.environ["POLICY_LANG"] = "en"
"""Tests read the check's messages in English; the tests of the editors' languages ask for theirs."""

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "examples" / "demo" / "content"
CONTENT = ROOT / "content"
POLICY = ROOT / "tests" / "fixtures" / "policy"
"""A frozen copy of the policy's first version: what the engine, site and CLI tests run on."""
BUILD_DATE = datetime.date(2026, 11, 25)
"""The demo is built for this day: 2026-06-01 is in force, 2030-01-01 is upcoming."""
OWN_HOST = "https://policy.example/"
"""A site_url at a host's root, as on GitHub Pages with a subdomain."""


class Site:
    """A built site on disk, with its pages parsed."""

    def __init__(self, root: Path):
        self.root = root

    def path(self, url: str) -> Path:
        path = self.root / url
        return path / "index.html" if url.endswith("/") or url == "" else path

    def page(self, url: str) -> BeautifulSoup:
        return BeautifulSoup(self.path(url).read_text(encoding="utf-8"), "html.parser")

    def html_files(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))


def _built(tmp_path_factory, content: Path, name: str, **options) -> Site:
    out = tmp_path_factory.mktemp(name) / "site"
    build_site(content, out, BUILD_DATE, **options)
    return Site(out)


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> Site:
    return _built(tmp_path_factory, DEMO, "demo")


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Site:
    return _built(tmp_path_factory, POLICY, "real")


@pytest.fixture(scope="session")
def long_history_site(tmp_path_factory) -> Site:
    """A history of 20 versions, built for BUILD_DATE, when all of them have taken effect."""
    return _built(tmp_path_factory, history(tmp_path_factory.mktemp("long") / "content", 20), "long")


@pytest.fixture(scope="session")
def own_host_site(tmp_path_factory) -> Site:
    """The demo built for a host of its own, to be served at a domain's root."""
    return _built(tmp_path_factory, DEMO, "own-host", site_url=OWN_HOST)


@contextlib.contextmanager
def served_by_nginx(site: Site) -> Iterator[str]:
    """A site served by nginx as the shop will serve it, by an unprivileged user (nobody, when the
    tests run as root), from a copy all may read: the base URL, http://127.0.0.1:PORT/policy/."""
    require_nginx()
    with tempfile.TemporaryDirectory() as folder:
        os.chmod(folder, 0o755)
        shutil.copytree(site.root, Path(folder) / "site")
        with nginx(Path(folder) / "site", unprivileged=True) as base:
            yield base


@pytest.fixture(scope="session")
def served(demo_site):
    """The demo served by nginx (see `served_by_nginx`)."""
    with served_by_nginx(demo_site) as base:
        yield base


def require_nginx() -> None:
    """nginx and its njs module (Debian's nginx and libnginx-mod-http-js)."""
    require_tool(NGINX)
    require_tool(str(JS_MODULE))


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, driven by Playwright, for the tests of one module."""
    require_tool(CHROMIUM)
    with chromium() as browser:
        yield browser


def require_tool(path: str) -> None:
    """Skip a test whose tool is missing, except on CI, where a missing tool is a failure."""
    if shutil.which(path) is None and not os.path.exists(path):
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is required on CI (install it in .ci/run)")
        pytest.skip(f"{path} is not installed")
