"""The policy inside a shop: the shipped files included into a shop-like server
(tests/fixtures/shop/nginx.conf: its own `location /`, a regex location for static files with a
long expiry, its own map of $lang, a cache of open files, HSTS and expiry for the whole server,
its own 404 page). Every kind of policy file keeps the policy's headers, the shop keeps its own,
errors are the project's pages; deploy/nginx/run serves the same files alone."""

from __future__ import annotations

import os
import re
import shutil
import socket
import tempfile
from pathlib import Path

import pytest

from tests.conftest import require_nginx, require_tool
from tests.test_nginx import REVALIDATE, YEAR, csp, fetch
from tools.nginx import BROTLI_MODULE, shop, standalone

pytestmark = pytest.mark.server

SHOP_HSTS = "max-age=63072000; includeSubDomains"
"""What the fixture's shop sends for its own pages and sets as $policy_hsts."""


@pytest.fixture(scope="module")
def shop_site(compressed_demo_site):
    """A copy of the demo that all may read, with a file nginx cannot open (a socket: a 500)."""
    require_nginx()
    with tempfile.TemporaryDirectory() as folder:
        os.chmod(folder, 0o755)
        site = Path(folder) / "site"
        shutil.copytree(compressed_demo_site.root, site)
        with socket.socket(socket.AF_UNIX) as unopenable:
            unopenable.bind(str(site / "ru" / "broken.html"))
            yield site


@pytest.fixture(scope="module")
def server(shop_site):
    with shop(shop_site, unprivileged=True) as running:
        yield running


def kinds(site: Path) -> list[str]:
    """One file of each kind (by its suffix) of the built site, and every asset."""
    files: dict[str, str] = {}
    for path in sorted(site.rglob("*")):
        name = str(path.relative_to(site))
        if path.is_file() and not path.name.startswith(".") and path.suffix not in (".gz", ".br"):
            files.setdefault(name if name.startswith("assets/") else path.suffix, name)
    return sorted(files.values())


def test_every_kind_of_policy_file_keeps_the_policys_headers(server, compressed_demo_site):
    """The shop's regex location for .css, .js, .png, .json and .xml takes none of them (^~): each is
    served with the CSP, the shop's HSTS (through $policy_hsts) and the policy's own caching, in
    each encoding, and nothing of the shop's (its header, its 30 days' expiry)."""
    files = kinds(compressed_demo_site.root)
    assert {".html", ".css", ".js", ".json", ".xml", ".png", ".md"} <= {Path(name).suffix for name in files}
    for name in files:
        for encoding in ("identity", "gzip", "br"):
            response = fetch(server.base, name, {"Accept-Encoding": encoding, "Cookie": "policy_language=ru"})
            assert response.status == 200, name
            assert csp(response)["default-src"] == ["'none'"], name
            assert response.header("Strict-Transport-Security") == SHOP_HSTS, name
            assert response.header("X-Shop") == "" and response.header("Expires") == "", name
            expected = YEAR if re.search(r"\.[0-9a-f]{8}\.min\.css$", name) else REVALIDATE
            assert response.header("Cache-Control") == expected, name


def test_the_shops_pages_and_headers_are_its_own(server):
    page = fetch(server.root, "/", {"Accept-Language": "kk"})
    assert page.status == 200 and b"Allurauto: the shop" in page.body
    assert page.header("Content-Language") == "kk" and page.header("Strict-Transport-Security") == SHOP_HSTS
    assert page.header("Content-Security-Policy") == ""
    static = fetch(server.root, "/shop.css")
    assert static.header("Cache-Control") == "max-age=2592000" and static.header("X-Shop") == "static"
    missing = fetch(server.root, "/nope")
    assert missing.status == 404 and b"The shop has no such page" in missing.body


@pytest.mark.parametrize("path", ["", "ru/", "en/history/", "kk/nope", "ru/versions/2024-01-15.md",
                                  "assets/theme.js"])
@pytest.mark.parametrize("accept, lang", [("ru-RU,ru;q=0.9", "ru"), ("kk", "kk"), ("de", "en")])
def test_the_shops_lang_keeps_its_value_under_policy(server, path, accept, lang):
    """The shop's `map $http_accept_language $lang`, as its access log writes it: the policy's maps
    and captures (all policy_…) leave it alone, whatever page of which language is asked for."""
    uri = f"/policy/{path}?visit={accept}"
    fetch(server.root, uri, {"Accept-Language": accept, "Cookie": "policy_language=en"})
    assert server.logged_language(uri) == lang


def test_a_method_other_than_get_is_the_projects_405_page(server):
    for path in ("ru/", "versions.json", ""):
        response = fetch(server.base, path, method="POST")
        assert response.status == 405, path
        assert b"<h1>405</h1>" in response.body and b'href="/policy/kk/"' in response.body
        assert csp(response)["default-src"] == ["'none'"]


def test_a_failure_of_the_server_is_the_projects_500_page(server):
    response = fetch(server.base, "ru/broken.html")
    assert response.status == 500
    assert b"<h1>500</h1>" in response.body and b'href="/policy/en/"' in response.body
    assert csp(response)["default-src"] == ["'none'"]


def test_precompressed_files_also_through_a_proxy(server, compressed_demo_site):
    """A request that came through a proxy (Via), even over HTTP/1.0 as nginx's own proxy speaks,
    gets the build's .gz file (and .br with the module, for what browsers fetch: not versions.json),
    with Vary for the caches between."""
    paths = {"gzip": ("ru/", "versions.json", "assets/theme.js"), "br": ("ru/", "assets/theme.js")}
    for encoding in ["gzip"] + ["br"] * BROTLI_MODULE.exists():
        for path in paths[encoding]:
            response = fetch(server.base, path, {"Accept-Encoding": encoding, "Via": "1.0 front"}, http10=True)
            suffix = ".gz" if encoding == "gzip" else ".br"
            assert response.header("Content-Encoding") == encoding, (path, encoding)
            assert response.body == compressed_demo_site.path(path).with_name(compressed_demo_site.path(path).name + suffix).read_bytes()
            assert "Accept-Encoding" in response.header("Vary")


def test_brotli_is_enabled_under_policy_only(server):
    require_tool(str(BROTLI_MODULE))
    assert fetch(server.base, "ru/", {"Accept-Encoding": "br"}).header("Content-Encoding") == "br"
    assert fetch(server.root, "/index.html", {"Accept-Encoding": "br"}).header("Content-Encoding") == ""


def test_the_standalone_server_serves_the_same_files(shop_site):
    """deploy/nginx/run, for a look before a release: the same headers; no HSTS (no $policy_hsts)."""
    with standalone(shop_site) as base:
        response = fetch(base, "ru/", {"Accept-Encoding": "gzip"})
        assert response.status == 200 and response.header("Content-Encoding") == "gzip"
        assert csp(response)["default-src"] == ["'none'"] and response.header("Strict-Transport-Security") == ""
        assert fetch(base, "", {"Accept-Language": "en"}).header("Location") == "/policy/en/"
