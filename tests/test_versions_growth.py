"""Work and bytes grow linearly with the number of versions: counted on histories of 8, 16 and 32
versions, never timed (`make benchmark` times them). Each version changes one more clause and
keeps the earlier changes; they go round the first four clauses, so that a late version differs
from an early one in as many clauses as it ever will, and what may still grow is what grows with
the number of versions."""

from __future__ import annotations

import pytest

from policy.changes import change, redline

from policy.site import pages, text
from policy.build import build_site
from tests.conftest import POLICY
from tools.history import accumulating, dates

pytestmark = pytest.mark.slow

COUNTS = (8, 16, 32)


def measured(tmp_path, count: int) -> dict[str, int]:
    """What a cold build of `count` versions made: pages, comparisons of two versions, redlines,
    and the bytes of the site; in one process, with empty caches."""
    for cache in (change.compare, redline.cached_redline, text.unit_html, text.text_html):
        cache.cache_clear()
    made = pages.MADE.made
    content = accumulating(POLICY, count, tmp_path / f"content-{count}", clauses=4)
    today = dates(count)[-3]  # two upcoming versions, the others archived but the one in force
    build_site(content, tmp_path / f"site-{count}", today, compress=False, jobs=1)
    site = tmp_path / f"site-{count}"
    return {"pages": pages.MADE.made - made, "comparisons": change.compare.cache_info().misses,
            "redlines": redline.cached_redline.cache_info().misses,
            "bytes": sum(path.stat().st_size for path in site.rglob("*") if path.is_file()),
            "since bytes": sum(path.stat().st_size for path in site.glob("*/since/*/index.html"))}


@pytest.fixture(scope="module")
def growth(tmp_path_factory):
    folder = tmp_path_factory.mktemp("growth")
    return {count: measured(folder, count) for count in COUNTS}


@pytest.mark.parametrize("what", ["pages", "comparisons", "redlines", "bytes", "since bytes"])
def test_the_next_versions_cost_what_the_earlier_ones_did(growth, what):
    """From 16 to 32 versions the work and bytes grow by about twice what they grew from 8 to 16,
    as a linear cost does (4 times for a quadratic one)."""
    small, middle, large = (growth[count][what] for count in COUNTS)
    assert 0 < small < middle < large
    assert large - middle <= 2.3 * (middle - small), (what, small, middle, large)


def test_each_redline_is_computed_once(growth):
    """A changed clause's redline is on its change page in three languages, and the same pair of
    wordings on many "since" pages: still one computation each."""
    large = growth[COUNTS[-1]]
    assert large["redlines"] <= 3 * 2 * COUNTS[-1], large

