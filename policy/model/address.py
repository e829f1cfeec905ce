"""Every address of the site, derived in one place: the site's public address (`site_url`), each
page's path under a language's root, its public URL, the link from one page to another, and the
anchor of a unit of the text. Canonical URLs, alternates, the sitemap, the feeds, versions.json,
the links between pages and the 404 pages' links all come from here.

The policy lives under a path of the shop's own site (https://allurauto.kz/policy/), beside pages
the shop already has; or, on GitHub Pages, on a host of its own (https://policy.allurauto.kz/).
Only a host of its own gets the files that speak for a whole host: CNAME and robots.txt.
"""

from __future__ import annotations

import datetime
import posixpath
import re
from functools import lru_cache
from urllib.parse import urlsplit

from ..i18n.language import LANGUAGES, ORIGINAL

SHOP_HOSTS = ("allurauto.kz", "www.allurauto.kz")
"""The shop's own host: its DNS and its robots.txt are the shop's, never the policy build's."""
HOME, HISTORY = "", "history/"
"""The paths of the version in force and of the history, under a language's root."""
PREAMBLE_ANCHOR = "preamble"
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


def version_path(date: datetime.date) -> str:
    """A version's full text: its permanent address."""
    return f"versions/{date}/"


def source_path(date: datetime.date) -> str:
    """Where a version's Markdown file is published as it is, beside its page: `versions/<date>.md`."""
    return f"versions/{date}.md"


def changes_path(date: datetime.date) -> str:
    """What a version changed against the one before it."""
    return f"changes/{date}/"


def since_path(date: datetime.date) -> str:
    """What changed from an archived version to the one in force."""
    return f"since/{date}/"


def parallel_path(date: datetime.date) -> str:
    """A version in every language side by side."""
    return f"parallel/{date}/"


def public_url(site_url: str, lang: str, path: str) -> str:
    """The full address of the file or page at `path` under the root of `lang`."""
    return f"{site_url}{lang}/{path}"


def alternates(site_url: str, path: str) -> tuple[tuple[str, str], ...]:
    """The page at `path` in every language; `x-default` is the language chooser for the home pages
    and the Russian original for the others."""
    found = tuple((lang, public_url(site_url, lang, path)) for lang in LANGUAGES)
    return found + (("x-default", site_url if path == HOME else public_url(site_url, ORIGINAL, path)),)


@lru_cache(maxsize=4096)
def relative(target: str, start: str) -> str:
    """A link from one page to another (`target` and `start` are paths under the language's root):
    the same few pairs come up on every page."""
    link = posixpath.relpath(target or ".", start or ".")
    return link + "/" if target.endswith("/") or target == HOME else link


def unit_anchor(number: str) -> str:
    """The id of a unit on a version's page, and so of every link to it: `p-5-2` for 5.2; the
    preamble's for no number."""
    return "p-" + number.replace(".", "-") if number else PREAMBLE_ANCHOR
