"""Machine-readable files: versions.json, each language's Atom feed and version sources, sitemap.xml
and robots.txt."""

from __future__ import annotations

import datetime
import json
import xml.etree.ElementTree as ET

from ..i18n.language import LANGUAGES
from ..i18n.locale import Locale
from ..model.address import HISTORY, HOME, alternates, changes_path, public_url, source_path, version_path
from ..model.dates import OFFSET
from ..model.version import Policy

ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


def versions_json(policy: Policy, site_url: str, today: datetime.date) -> str:
    """Every version with its date, status, and per language its title, summary, URLs (page, changes,
    source) and the SHA-256 of the source."""
    current = policy.in_force(today)
    entries = []
    for date in policy.dates:
        languages = {}
        for lang in LANGUAGES:
            version = policy.get(lang, date)
            languages[lang] = {
                "title": version.title, "summary": version.summary, "sha256": version.sha256,
                "url": public_url(site_url, lang, version_path(date)),
                "source_url": public_url(site_url, lang, source_path(date)),
                "changes_url": public_url(site_url, lang, changes_path(date)),
            }
        entries.append({"date": date.isoformat(), "status": policy.status(date, today), "languages": languages})
    return json.dumps({"generated_for": today.isoformat(), "current": current and current.isoformat(),
                       "versions": entries}, ensure_ascii=False, indent=2) + "\n"


def source_files(policy: Policy, lang: str) -> dict[str, bytes]:
    """Each version's file in `lang`, byte for byte as read and checked, by its address under the
    language's root: what the SHA-256 on the pages is of."""
    return {source_path(date): policy.get(lang, date).source.data for date in policy.dates}


def _text(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    element.text = text
    return element


def atom_feed(policy: Policy, locale: Locale, site_url: str) -> str:
    """One entry per version, newest first, each linking to what that version changed."""
    lang = locale.lang
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": lang})
    home = public_url(site_url, lang, HOME)
    _text(feed, f"{{{ATOM}}}title", policy.get(lang, policy.dates[-1]).title)
    _text(feed, f"{{{ATOM}}}id", public_url(site_url, lang, "feed.xml"))
    _text(feed, f"{{{ATOM}}}updated", f"{policy.dates[-1]}T00:00:00{OFFSET}")
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": public_url(site_url, lang, "feed.xml")})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "href": home})
    _text(ET.SubElement(feed, f"{{{ATOM}}}author"), f"{{{ATOM}}}name", "Allurauto")
    for date in reversed(policy.dates):
        version = policy.get(lang, date)
        link = public_url(site_url, lang, changes_path(date))
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        title = locale.format("Version of %(date)s", date=date)
        _text(entry, f"{{{ATOM}}}title", title)
        _text(entry, f"{{{ATOM}}}id", link)
        _text(entry, f"{{{ATOM}}}updated", f"{date}T00:00:00{OFFSET}")
        ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "href": link})
        _text(entry, f"{{{ATOM}}}summary", version.summary)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def last_changes(policy: Policy, today: datetime.date) -> dict[str, datetime.date]:
    """When each page that may be indexed last changed, by its address under a language's root: the
    effective date of the last version, among those it shows, that has taken effect on `today`.
    The current text and the history change when a version takes effect (their notice of a
    version still to come is left out: when it was posted, the content does not say); a change
    page, when its version takes effect ("what will change" becomes "what changed"), and a version
    still to come gives its change page no date yet."""
    current = policy.in_force(today)
    changed = {changes_path(date): date for date in policy.dates if date <= today}
    if current:
        changed.update({HOME: current, HISTORY: current})
    return changed


def sitemap(site_url: str, urls: list[str], changed: dict[str, datetime.date]) -> str:
    """The pages at `urls` (relative to a language's root) in every language, each with `hreflang`
    links to all its languages (`address.alternates`) and, where `changed` knows it, the date it last
    changed (`lastmod`)."""
    ET.register_namespace("", SITEMAP)
    ET.register_namespace("xhtml", XHTML)
    root = ET.Element(f"{{{SITEMAP}}}urlset")
    for url in urls:
        links = alternates(site_url, url)
        for location in dict.fromkeys(href for _, href in links):
            element = ET.SubElement(root, f"{{{SITEMAP}}}url")
            _text(element, f"{{{SITEMAP}}}loc", location)
            if url in changed:
                _text(element, f"{{{SITEMAP}}}lastmod", changed[url].isoformat())
            for lang, href in links:
                ET.SubElement(element, f"{{{XHTML}}}link", {"rel": "alternate", "hreflang": lang, "href": href})
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def robots(site_url: str) -> str:
    """For a site that is a host of its own: everything may be crawled; the sitemap says what
    should be indexed (the other pages carry noindex)."""
    return f"User-agent: *\nAllow: /\nSitemap: {site_url}sitemap.xml\n"
