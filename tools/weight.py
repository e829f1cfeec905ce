"""What a first visit to a page transfers: every response Chromium receives before the visitor does
anything, each with its size as sent (gzip), for the weight test and the benchmark."""

from __future__ import annotations

import contextlib
from typing import Iterator

BUDGET = 40 * 1024
"""Bytes, gzip, of all the responses of a first visit together (issue 11)."""


@contextlib.contextmanager
def first_visit(browser, url: str) -> Iterator[tuple[object, dict[str, int]]]:
    """Open `url` in a fresh context (a phone's screen, gzip the only encoding accepted) and wait
    until the network is idle; yields the page and each URL it fetched with the size of the body as
    sent. What the visitor then makes the page fetch is added as it arrives."""
    context = browser.new_context(extra_http_headers={"Accept-Encoding": "gzip"},
                                  viewport={"width": 360, "height": 800})
    page = context.new_page()
    sizes: dict[str, int] = {}
    page.on("requestfinished", lambda request: sizes.update({request.url: request.sizes()["responseBodySize"]}))
    try:
        page.goto(url)
        page.wait_for_load_state("networkidle")
        yield page, sizes
    finally:
        context.close()
