"""What a first visit to a page transfers: every response Chromium receives before the visitor does
anything, redirects included, each with its size as sent (headers and body, gzip), for the weight
test and the benchmark."""

from __future__ import annotations

import contextlib
import datetime
from typing import Iterator

BUDGET = 40 * 1024
"""Bytes, gzip, headers included, of all the responses of a first visit together (issue 11)."""
NO_LANGUAGE = "de"
"""An Accept-Language the site does not have: the server shows the language chooser itself."""


@contextlib.contextmanager
def first_visit(browser, url: str, language: str = "en-US") -> Iterator[tuple[object, dict[str, int]]]:
    """Open `url` in a fresh context (a phone's screen, gzip the only encoding accepted, `language`
    the one the browser prefers) and wait until the network is idle; yields the page and each URL
    it fetched with the bytes sent for it (status line and headers, and the body as sent). What the
    visitor then makes the page fetch is added as it arrives."""
    context = browser.new_context(extra_http_headers={"Accept-Encoding": "gzip", "Accept-Language": language},
                                  viewport={"width": 360, "height": 800})
    page = context.new_page()
    sizes: dict[str, int] = {}

    def finished(request) -> None:
        while request is not None:
            sent = request.sizes()
            sizes[request.url] = sent["responseHeadersSize"] + sent["responseBodySize"]
            request = request.redirected_from

    page.on("requestfinished", finished)
    try:
        page.goto(url)
        page.wait_for_load_state("networkidle")
        yield page, sizes
    finally:
        context.close()


def page_kinds(dates: list[datetime.date], today: datetime.date) -> dict[str, tuple[str, str]]:
    """A page of every kind of a site whose versions take effect on `dates`, built for `today`: a
    name for it, its path under the site's address and the language a visitor's browser prefers."""
    current = max(date for date in dates if date <= today)
    oldest, newest = dates[0], dates[-1]
    return {"language chooser": ("", NO_LANGUAGE), "current text (ru)": ("ru/", "ru"),
            "history (kk)": ("kk/history/", "kk"), "changes (en)": (f"en/changes/{current}/", "en"),
            "archived text (ru)": (f"ru/versions/{oldest}/", "ru"),
            "upcoming text (kk)": (f"kk/versions/{newest}/", "kk"),
            "changes since the oldest (kk)": (f"kk/since/{oldest}/", "kk"),
            "three languages (ru)": (f"ru/parallel/{current}/", "ru"), "not found (en)": ("en/nope", "en")}
