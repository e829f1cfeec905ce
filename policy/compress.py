"""Precompressed copies of the site's text files, for nginx to send as they are (`gzip_static`,
`brotli_static`): compressed once, at the highest level, instead of on every request.

The bytes depend only on the content: gzip without a file name and with time 0, brotli at a
fixed quality; so two builds of the same content are identical, compressed files included.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli

TEXT = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".md")
"""The kinds of file worth compressing; images and fonts are compressed already."""
MIN_SIZE = 512
"""Below this many bytes a file fits in a packet or two anyway."""


def compress_site(site: Path) -> None:
    """Write `name.gz` and `name.br` beside every text file of `site` that they make smaller."""
    for path in sorted(site.rglob("*")):
        if path.suffix not in TEXT or not path.is_file() or path.stat().st_size < MIN_SIZE:
            continue
        data = path.read_bytes()
        copies = (gzip.compress(data, compresslevel=9, mtime=0), brotli.compress(data, quality=11))
        for suffix, packed in zip((".gz", ".br"), copies):
            if len(packed) < len(data):
                path.with_name(path.name + suffix).write_bytes(packed)
