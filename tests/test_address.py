"""Where the site lives: under the shop's /policy/ by default, anywhere with --site-url, and the
files that speak for a whole host (CNAME, robots.txt) only on a host of its own."""

from __future__ import annotations

import datetime
import subprocess
import sys

import pytest

from policy.build import build_site
from policy.model import address
from tests.conftest import DEMO, OWN_HOST, ROOT

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("url, expected", [
    ("https://allurauto.kz/policy/", "https://allurauto.kz/policy/"),
    ("https://allurauto.kz/policy", "https://allurauto.kz/policy/"),
    ("https://policy.allurauto.kz", "https://policy.allurauto.kz/"),
    ("http://127.0.0.1:8000/a/b/", "http://127.0.0.1:8000/a/b/"),
])
def test_site_url_is_normalized_to_a_folder(url, expected):
    assert address.site_url(url) == expected


@pytest.mark.parametrize("url", ["allurauto.kz/policy/", "ftp://allurauto.kz/", "https:///policy/",
                                 "https://allurauto.kz/policy/?x=1", "https://allurauto.kz/#top",
                                 "https://user@allurauto.kz/", "http://allurauto.kz/policy/",
                                 "https://x.example/\"><script>alert(1)</script>", "https://x.example/a b/",
                                 "https://x.example/a'b/", "https://x.example/a%22b/", "https://x.example/a&b/",
                                 "https://x.example//evil.example/", "https://x.example/../", "https://x.example/./a/",
                                 "https://x.example\\@evil.example/", "https://x.example/\u202e/",
                                 "https://x.example/\n/", "https://аllurauto.kz/", "javascript://x.example/%0a",
                                 "https://x.example:99999999/", "https://127.0.0.1/", "http://localhost:8000/",
                                 "https://x.example/a\x00/", "https://x.example/a/ ", " https://x.example/"])
def test_site_url_refuses_what_is_not_a_site_address(url):
    with pytest.raises(ValueError):
        address.site_url(url)


@pytest.mark.parametrize("url, own", [
    ("https://allurauto.kz/policy/", False), ("https://allurauto.kz/", False),
    ("https://www.allurauto.kz/", False), ("https://policy.allurauto.kz/", True),
    ("https://policy.allurauto.kz/old/", False)])
def test_only_a_host_of_its_own_that_is_not_the_shop(url, own):
    assert address.own_host(url) is own


def test_own_host_build_has_cname_robots_and_root_addresses(own_host_site):
    assert (own_host_site.root / "CNAME").read_text() == "policy.example\n"
    robots = (own_host_site.root / "robots.txt").read_text()
    assert f"Sitemap: {OWN_HOST}sitemap.xml" in robots
    canonical = own_host_site.page("kk/versions/2024-01-15/").select_one("link[rel=canonical]")["href"]
    assert canonical == f"{OWN_HOST}kk/versions/2024-01-15/"
    assert own_host_site.page("ru/404.html").select_one('article a[href="/ru/"]')
    assert own_host_site.page("404.html").select_one('link[rel=stylesheet]')["href"] == "/assets/root.css"


def build(tmp_path, *options):
    return subprocess.run([sys.executable, str(ROOT / "build.py"), "build", "--content", str(DEMO), "--out",
                           str(tmp_path / "site"), "--date", "2026-11-25", *options], capture_output=True,
                          text=True, cwd=ROOT, timeout=300)


def test_build_site_url_option_moves_the_site(tmp_path):
    result = build(tmp_path, "--site-url", "https://example.org/docs/privacy")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    assert '"url": "https://example.org/docs/privacy/ru/versions/2024-01-15/"' in (
        site / "versions.json").read_text(encoding="utf-8")
    assert 'href="/docs/privacy/en/"' in (site / "404.html").read_text(encoding="utf-8")
    assert not (site / "CNAME").exists()


@pytest.mark.parametrize("url", ["allurauto.kz/policy", "https://x.example/\"><script>alert(1)</script>",
                                 "https://x.example/\x1b[2J"])
def test_build_refuses_a_bad_site_url(tmp_path, url):
    result = build(tmp_path, "--site-url", url)
    assert result.returncode == 2
    assert "--site-url" in result.stderr and "\x1b" not in result.stderr
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("url", ["javascript:alert(1)", "https://x.example/\"><script>alert(1)</script>"])
def test_build_site_refuses_a_bad_site_url_from_python_too(tmp_path, url):
    with pytest.raises(address.AddressError):
        build_site(DEMO, tmp_path / "site", datetime.date(2026, 11, 25), site_url=url, compress=False)
    assert not (tmp_path / "site").exists()
