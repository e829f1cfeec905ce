"""The site's public address, `site_url`: canonical URLs, the sitemap, the feeds, versions.json and
the links of the 404 pages all derive from it.

The policy lives under a path of the shop's own site (https://allurauto.kz/policy/), beside pages
the shop already has; or, on GitHub Pages, on a host of its own (https://policy.allurauto.kz/).
Only a host of its own gets the files that speak for a whole host: CNAME and robots.txt.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

SHOP_HOSTS = ("allurauto.kz", "www.allurauto.kz")
"""The shop's own host: its DNS and its robots.txt are the shop's, never the policy build's."""
_SITE_URL = re.compile(r"(?:https://(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?|http://127\.0\.0\.1)"
                       r"(?::[0-9]{1,5})?(?:/[A-Za-z0-9._~-]+)*/?")
"""A site address of plain characters only: https and a host name (http only for this machine),
a port, and folders of letters, digits and `._~-`. It is written into every page's canonical
link, the 404 pages' links, the feeds and versions.json: with nothing to escape, no value can
end an attribute or a tag anywhere it goes."""


class AddressError(ValueError):
    """A site address that is not one (see `site_url`); the message says why, in one line."""


def site_url(url: object) -> str:
    """`url` as the site's address, ending with a slash; AddressError when it is not an absolute
    https address of a folder in plain characters (or http://127.0.0.1)."""
    if (not isinstance(url, str) or not _SITE_URL.fullmatch(url)
            or any(part in (".", "..") for part in urlsplit(url).path.split("/"))):
        raise AddressError(f"site_url {url!r} is not a site address like https://allurauto.kz/policy/ (https, a "
                           f"host name, folders of letters, digits and ._~-)")
    return url.rstrip("/") + "/"


def path(url: str) -> str:
    """The site's path on its host (`/policy/`), where server-relative links start."""
    return urlsplit(url).path


def own_host(url: str) -> bool:
    """Whether the site is a whole host: at its root, and not the shop's domain."""
    parts = urlsplit(url)
    return parts.path == "/" and parts.hostname not in SHOP_HOSTS
