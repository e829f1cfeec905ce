"""The site's public address, `site_url`: canonical URLs, the sitemap, the feeds, versions.json and
the links of the 404 pages all derive from it.

The policy lives under a path of the shop's own site (https://allurauto.kz/policy/), beside pages
the shop already has; or, on GitHub Pages, on a host of its own (https://policy.allurauto.kz/).
Only a host of its own gets the files that speak for a whole host: CNAME and robots.txt.
"""

from __future__ import annotations

from urllib.parse import urlsplit

SHOP_HOSTS = ("allurauto.kz", "www.allurauto.kz")
"""The shop's own host: its DNS and its robots.txt are the shop's, never the policy build's."""


def site_url(url: str) -> str:
    """`url` as the site's address, ending with a slash; ValueError when it is not an http(s)
    address of a folder (no query, fragment or user)."""
    parts = urlsplit(url)
    if (parts.scheme not in ("https", "http") or not parts.hostname or parts.query or parts.fragment
            or parts.username or parts.password):
        raise ValueError(f"{url!r} is not a site address like https://allurauto.kz/policy/")
    return url.rstrip("/") + "/"


def path(url: str) -> str:
    """The site's path on its host (`/policy/`), where server-relative links start."""
    return urlsplit(url).path


def own_host(url: str) -> bool:
    """Whether the site is a whole host: at its root, and not the shop's domain."""
    parts = urlsplit(url)
    return parts.path == "/" and parts.hostname not in SHOP_HOSTS
