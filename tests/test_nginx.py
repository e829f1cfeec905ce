"""The demo served by nginx with the shipped configuration (deploy/nginx) inside a shop's server
(tests/fixtures/shop), checked over HTTP: the language negotiation, 404, 405 and 500 pages,
precompressed files, caching, security headers, dotfiles."""

from __future__ import annotations

import gzip
import hashlib
import http.client
import json
import re
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urljoin, urlsplit

import brotli
import pytest

from tests.conftest import require_tool
from tools.nginx import BROTLI_MODULE

SITE_URL = "https://allurauto.kz/policy/"
YEAR = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"


@dataclass
class Response:
    status: int
    headers: Message
    body: bytes

    def header(self, name: str) -> str:
        return ", ".join(self.headers.get_all(name) or [])


class _HTTP10Connection(http.client.HTTPConnection):
    """Requests in HTTP/1.0, as nginx's own proxy_pass sends them by default."""

    _http_vsn, _http_vsn_str = 10, "HTTP/1.0"


def fetch(base: str, path: str, headers: dict[str, str] | None = None, method: str = "GET",
          http10: bool = False) -> Response:
    """One request to nginx, on a fresh connection, with no redirect followed."""
    url = urlsplit(urljoin(base, path))
    connection = (_HTTP10Connection if http10 else http.client.HTTPConnection)(url.hostname, url.port, timeout=10)
    try:
        target = f"{url.path}?{url.query}" if url.query else url.path
        connection.request(method, target, headers=headers or {})
        response = connection.getresponse()
        return Response(response.status, response.headers, response.read())
    finally:
        connection.close()


def fingerprinted(site, pattern: str) -> str:
    """The path of an asset whose name holds its hash, e.g. assets/stylesheets/main.*.min.css."""
    [path] = site.root.glob(pattern)
    return str(path.relative_to(site.root))


@pytest.mark.parametrize("accept, target", [
    (None, None), ("kk", "kk"), ("en-US,en;q=0.9", "en"), ("de", None), ("de-DE, ru;q=0.3", "ru"),
    ("en;q=0.5, kk;q=0.9", "kk"), ("kk;q=0, en", "en"), ("ru;q=0.8, en;q=0.8", "ru"), ("EN-gb", "en"),
    ("*", None), ("kk;q=0", None), ("kk;q=2, en;q=0.1", "en"),
])
def test_language_negotiation(served, accept, target):
    """The first language the browser accepts: the highest q wins, ties by order, q=0 (or a
    malformed q) is not acceptable; none of ours: the chooser, with 200."""
    response = fetch(served, "", {"Accept-Language": accept} if accept else {})
    assert {"Accept-Language", "Cookie"} <= set(re.split(r",\s*", response.header("Vary")))
    if target is None:
        assert response.status == 200
        assert b'hreflang="kk"' in response.body and b'hreflang="en"' in response.body
    else:
        assert response.status == 302
        assert response.header("Location") == f"/policy/{target}/"


@pytest.mark.parametrize("cookie, target", [("en", "en"), ("xx", "kk"), ("", "kk")])
def test_a_remembered_language_wins_over_the_header(served, cookie, target):
    response = fetch(served, "", {"Accept-Language": "kk", "Cookie": f"policy_language={cookie}"})
    assert response.status == 302 and response.header("Location") == f"/policy/{target}/"


def test_the_server_remembers_the_language_of_the_pages_visited(served, demo_site):
    """The chooser's and the switcher's links lead to a language's pages: the response to a page
    sets the cookie (no JavaScript), only when it changes, and never for assets or errors."""
    cookie = fetch(served, "en/history/", {"Cookie": "policy_language=kk"}).header("Set-Cookie")
    assert cookie.startswith("policy_language=en;")
    assert {"Path=/policy/", "HttpOnly", "SameSite=Lax", "Secure"} <= set(re.split(r";\s*", cookie))
    assert fetch(served, "", {"Accept-Language": "kk", "Cookie": "policy_language=en"}).header("Location") == \
        "/policy/en/"
    assert fetch(served, "en/", {"Cookie": "policy_language=en"}).header("Set-Cookie") == ""
    for path in ("assets/policy.js", "ru/nope", fingerprinted(demo_site, "assets/stylesheets/main.*.min.css")):
        assert fetch(served, path).header("Set-Cookie") == "", path


@pytest.mark.parametrize("path, lang", [("kk/nope", "kk"), ("ru/versions/2099-01-01/", "ru"), ("en/assets/", "en"),
                                        ("nope/deeper/", None), ("index.htm", None)])
def test_not_found_in_the_right_language_with_its_styles(served, path, lang):
    response = fetch(served, path)
    assert response.status == 404
    page = response.body.decode()
    if lang:
        assert f'<html lang="{lang}"' in page
    else:  # the top's 404 speaks every language
        assert all(f'hreflang="{code}"' in page for code in ("kk", "ru", "en"))
    stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', page)
    assert stylesheets
    for href in stylesheets:
        assert fetch(urljoin(served, path), href).status == 200, href


@pytest.mark.parametrize("path", ["ru/", "versions.json", "ru/search/search_index.json",
                                  "assets/stylesheets/main.*.min.css", "assets/theme.js"])
def test_precompressed_files_are_sent_as_they_are(served, compressed_demo_site, path):
    if "*" in path:
        path = fingerprinted(compressed_demo_site, path)
    file = compressed_demo_site.path(path)
    original = file.read_bytes()
    plain = fetch(served, path)
    assert plain.header("Content-Encoding") == "" and plain.body == original
    packed = fetch(served, path, {"Accept-Encoding": "gzip"})
    assert packed.header("Content-Encoding") == "gzip" and "Accept-Encoding" in packed.header("Vary")
    assert packed.body == file.with_name(file.name + ".gz").read_bytes()
    assert gzip.decompress(packed.body) == original


def test_brotli_when_the_module_is_installed(served, demo_site):
    require_tool(str(BROTLI_MODULE))
    response = fetch(served, "kk/history/", {"Accept-Encoding": "gzip, deflate, br"})
    assert response.header("Content-Encoding") == "br"
    assert brotli.decompress(response.body) == demo_site.path("kk/history/").read_bytes()


def test_transfer_size_of_a_first_visit(served, demo_site):
    """The current page and everything it loads: far smaller compressed."""
    page = demo_site.path("ru/").read_text(encoding="utf-8")
    files = ["ru/"] + [urljoin("ru/", link) for link in re.findall(r'(?:src|href)="(\.\./assets/[^"]+)"', page)]
    sizes = {encoding: sum(len(fetch(served, path, {"Accept-Encoding": encoding}).body) for path in files)
             for encoding in ("identity", "gzip")}
    assert sizes["gzip"] * 3 < sizes["identity"], sizes


def csp(response: Response) -> dict[str, list[str]]:
    directives = [part.split() for part in response.header("Content-Security-Policy").split(";") if part.strip()]
    return {name: values for name, *values in directives}


@pytest.mark.parametrize("path, headers, status", [
    ("", {}, 200), ("", {"Accept-Language": "en"}, 302), ("ru", {}, 301), ("/policy", {}, 301), ("ru/nope", {}, 404),
    (".policy-site", {}, 404),
    ("assets/theme.js", {}, 200), ("versions.json", {"Accept-Encoding": "gzip"}, 200)])
def test_security_headers_on_every_response(served, path, headers, status):
    response = fetch(served, path, headers)
    assert response.status == status
    policy = csp(response)
    assert policy["default-src"] == ["'none'"]
    assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"] and policy["base-uri"] == ["'none'"]
    assert "'unsafe-inline'" not in response.header("Content-Security-Policy")
    assert "'unsafe-eval'" not in response.header("Content-Security-Policy")
    assert response.header("X-Content-Type-Options") == "nosniff"
    assert response.header("Referrer-Policy") == "same-origin"
    assert "camera=()" in response.header("Permissions-Policy")
    assert response.header("Cross-Origin-Opener-Policy") == "same-origin"


def test_redirects_stay_on_the_host_the_visitor_used(served):
    """Relative redirects: behind the shop's TLS front, nginx's own scheme and port never leak."""
    assert fetch(served, "ru").header("Location") == "/policy/ru/"
    assert fetch(served, "/policy").header("Location") == "/policy/"


@pytest.mark.parametrize("path, expected", [
    ("assets/stylesheets/main.*.min.css", YEAR),
    ("ru/versions/2024-01-15/", REVALIDATE), ("kk/changes/2026-06-01/", REVALIDATE),
    ("en/versions/2030-01-01/index.html", REVALIDATE), ("ru/versions/2024-01-15.md", REVALIDATE),
    ("en/since/2024-01-15/", REVALIDATE), ("kk/parallel/2026-06-01/", REVALIDATE),
    ("ru/", REVALIDATE), ("ru/history/", REVALIDATE), ("ru/feed.xml", REVALIDATE), ("versions.json", REVALIDATE),
    ("", REVALIDATE), ("sitemap.xml", REVALIDATE), ("assets/policy.js", REVALIDATE),
    ("assets/search.js", REVALIDATE),
    ("ru/search/search_index.json", REVALIDATE), ("ru/nope", REVALIDATE)])
def test_cache_control_per_kind_of_file(served, demo_site, path, expected):
    if "*" in path:
        path = fingerprinted(demo_site, path)
    language = path[:2] if path[:3] in ("kk/", "ru/", "en/") else "kk"  # the cookie is set already
    response = fetch(served, path, {"Cookie": f"policy_language={language}"})
    assert response.header("Cache-Control") == expected and response.header("Expires") == ""


def test_no_html_is_kept_without_asking_again(served, demo_site):
    """Go-live day: a page's banner changes the moment a version takes effect, so every page (and
    every other file but the fingerprinted stylesheet) is revalidated with its ETag on every use;
    a response that sets the language cookie is stored by no cache at all."""
    for path in demo_site.html_files():
        address = str(path.relative_to(demo_site.root))
        for cookie in ("policy_language=kk", ""):
            response = fetch(served, address, {"Cookie": cookie} if cookie else {})
            control = set(re.split(r",\s*", response.header("Cache-Control")))
            assert response.header("Expires") == "", address
            if response.header("Set-Cookie"):
                assert {"private", "no-store"} <= control, address
            else:
                assert control == {"no-cache"} and response.header("ETag"), address


@pytest.mark.parametrize("path", ["ru/", "versions.json", "ru/feed.xml", ""])
def test_revalidated_files_answer_304_while_unchanged(served, path):
    for encoding in ("identity", "gzip"):
        first = fetch(served, path, {"Accept-Encoding": encoding})
        assert first.header("ETag") and first.header("Last-Modified")
        again = fetch(served, path, {"Accept-Encoding": encoding, "If-None-Match": first.header("ETag")})
        assert again.status == 304 and again.body == b""


@pytest.mark.parametrize("path", [".policy-site", "ru/.policy-site", ".git/config", "assets/.hidden.js"])
def test_dotfiles_are_not_served(served, path):
    response = fetch(served, path)
    assert response.status == 404
    assert b"next build replaces" not in response.body


def test_every_source_downloads_with_the_sha256_the_pages_and_versions_json_show(served):
    """Each version's Markdown file, fetched as a reader would (plain or gzip), is text/markdown in
    UTF-8 with the security headers, and its SHA-256 is the one of versions.json, of its version
    page and of the history page, which link to it."""
    versions = json.loads(fetch(served, "versions.json").body)["versions"]
    histories = {lang: fetch(served, f"{lang}/history/").body.decode() for lang in ("ru", "kk", "en")}
    for entry in versions:
        for lang, item in entry["languages"].items():
            path = item["source_url"].removeprefix(SITE_URL)
            assert path == f"{lang}/versions/{entry['date']}.md"
            plain, packed = fetch(served, path), fetch(served, path, {"Accept-Encoding": "gzip"})
            assert plain.status == packed.status == 200
            assert plain.header("Content-Type") == "text/markdown; charset=utf-8"
            assert plain.header("X-Content-Type-Options") == "nosniff" and csp(plain)["default-src"] == ["'none'"]
            assert hashlib.sha256(plain.body).hexdigest() == item["sha256"]
            assert gzip.decompress(packed.body) == plain.body
            page = fetch(served, item["url"].removeprefix(SITE_URL)).body.decode()
            name = f"{entry['date']}.md"
            for html, link in ((page, f"../{name}"), (histories[lang], f"../versions/{name}")):
                assert item["sha256"] in html and f'href="{link}"' in html


@pytest.mark.parametrize("path", ["ru/versions/2099-01-01.md", "kk/versions/2024-01-15.md/"])
def test_a_missing_source_is_the_languages_404(served, path):
    response = fetch(served, path)
    assert response.status == 404 and f'<html lang="{path[:2]}"' in response.body.decode()
