"""Shared fixtures: the demo history, a frozen copy of the policy and a history of 20 versions, each
built once per test run; the demo served by nginx with the shipped configuration. Tests are marked
by what they need beyond Python (see pytest.ini), and the run ends by saying what was skipped for a
missing tool."""

from __future__ import annotations

import collections
import contextlib
import datetime
import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterator

import pytest
from bs4 import BeautifulSoup

from policy.build import build_site
from tools.browser import CHROMIUM, chromium
from tools.history import accumulating
from tools.nginx import JS_MODULE, NGINX, nginx

os.environ["POLICY_LANG"] = "en"
"""Tests read the check's messages in English; the tests of the editors' languages ask for theirs."""

ROOT = Path(__file__).resolve().parent.parent
_COPIES = tempfile.TemporaryDirectory(prefix="policy-test-trees-")
"""The content trees the tests build, copied outside the repository: the check compares a tree inside
git with the published history (origin/main, else HEAD), so that a branch or a clone that changes
the demo, or adds a version to it, would otherwise make every build of it fail."""


def _outside_git(tree: Path) -> Path:
    copy = Path(_COPIES.name) / tree.relative_to(ROOT)
    shutil.copytree(tree, copy)
    return copy


DEMO = _outside_git(ROOT / "examples" / "demo" / "content")
POLICY = _outside_git(ROOT / "tests" / "fixtures" / "policy")
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
    """A site as `build_site` makes it, without the .gz and .br copies (they take most of a build's
    time): `compressed_demo_site` has them."""
    out = tmp_path_factory.mktemp(name) / "site"
    build_site(content, out, BUILD_DATE, compress=False, **options)
    return Site(out)


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> Site:
    return _built(tmp_path_factory, DEMO, "demo")


@pytest.fixture(scope="session")
def compressed_demo_site(tmp_path_factory) -> Site:
    """The demo with every text file's .gz and .br copy, built as `make site` builds it (the copies
    come from the cache of compressed copies, .cache/compressed, after the first run)."""
    out = tmp_path_factory.mktemp("compressed") / "site"
    build_site(DEMO, out, BUILD_DATE)
    return Site(out)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Site:
    return _built(tmp_path_factory, POLICY, "real")


@pytest.fixture(scope="session")
def long_history(tmp_path_factory) -> Path:
    """The content of a history of 20 versions, all of them in effect on BUILD_DATE."""
    return accumulating(POLICY, 20, tmp_path_factory.mktemp("long") / "content")


@pytest.fixture(scope="session")
def long_history_site(tmp_path_factory, long_history) -> Site:
    return _built(tmp_path_factory, long_history, "long")


@pytest.fixture(scope="session")
def compressed_long_history_site(tmp_path_factory, long_history) -> Site:
    """The long history with its .gz and .br copies, as `make site` builds it."""
    out = tmp_path_factory.mktemp("compressed-long") / "site"
    build_site(long_history, out, BUILD_DATE)
    return Site(out)


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
def served(compressed_demo_site):
    """The demo served by nginx (see `served_by_nginx`)."""
    with served_by_nginx(compressed_demo_site) as base:
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
        pytest.skip(MISSING + (os.path.relpath(path, ROOT) if path.startswith(str(ROOT)) else path))


MISSING = "not installed: "
"""How a skip for a missing tool starts, so that the summary can list the tools."""
NEEDS = {"browser": "browser", "served": "server"}
"""The fixtures that mark a test by what they start: Chromium, nginx."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        for fixture, marker in NEEDS.items():
            if fixture in item.fixturenames:
                item.add_marker(marker)


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_terminal_summary(terminalreporter, config):
    """The last words of a run, after pytest's own summary: which tools were missing, so that their
    tests were skipped, and how many tests a marker expression left out (`make test-fast`)."""
    yield
    reasons = collections.Counter(report.longrepr[2].removeprefix("Skipped: ")
                                  for report in terminalreporter.stats.get("skipped", [])
                                  if isinstance(report.longrepr, tuple))
    if reasons:
        terminalreporter.write_sep("=", "not everything was tested", yellow=True)
        for reason, count in sorted(reasons.items()):
            tool = reason.removeprefix(MISSING)
            terminalreporter.write_line(f"{tool} is missing: {count} test(s) skipped" if tool != reason
                                        else f"{count} test(s) skipped: {reason}")
        if any(reason.startswith(MISSING) for reason in reasons):
            terminalreporter.write_line("Install what is missing (.ci/run lists it all) and run make test again; "
                                        "under CI=true a missing tool fails its tests.")
    if config.option.markexpr:
        left_out = len(terminalreporter.stats.get("deselected", []))  # none counted when xdist's workers collect
        terminalreporter.write_line(f"-m \"{config.option.markexpr}\" left out "
                                    f"{f'{left_out} ' if left_out else ''}tests: make test runs every test.")
