"""Precompressed copies of the site's text files, for nginx to send as they are (`gzip_static`,
`brotli_static`), and a cache of them that builds share.

The settings come from a curve of size against CPU time measured on a site of 100 versions
(benchmarks/compression.py prints it): brotli's quality 10 makes files 13 % smaller than quality 5
for 20 times the CPU, and quality 11 another 1 % for 3 times more; gzip's level 9 saves 0.5 % on
level 6 for 1.5 times the CPU. So what every visit starts from (the assets, the text in force,
the history, the search index, the 404 pages) gets brotli 10 and gzip 9, and the versions' own
pages (their texts, changes, "since" and parallel pages: nineteen twentieths of the bytes, each
seldom fetched) brotli 5 and gzip 6. Brotli goes only to what browsers fetch (they ask for `br`
over HTTPS); feeds, sitemaps, version files and JSON for programs get gzip, which every client takes.

The bytes depend only on the input and the settings: gzip without a file name and with time 0,
brotli at fixed parameters; so two builds of the same content are identical, compressed files
included. The cache is content-addressed (the SHA-256 of the input, the settings and the
compressor's version), so a build compresses only what no earlier build did; CI keeps it
between runs (`.cache/compressed`).
"""

from __future__ import annotations

import gzip
import hashlib
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import brotli

TEXT = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".md")
"""The kinds of file worth compressing; images and fonts are compressed already."""
FOR_BROWSERS = (".html", ".css", ".js", ".json", ".svg")
"""What browsers fetch, and so may get brotli: the pages, their assets, the search index."""
FOR_PROGRAMS = ("versions.json",)
"""JSON that only programs fetch."""
MIN_SIZE = 512
"""Below this many bytes a file fits in a packet or two anyway."""
KEEP_DAYS = 30
"""A cached copy no build has used for this long goes."""


@dataclass(frozen=True)
class Encoding:
    """A content coding with fixed settings; `name` says them, and keys the cache."""

    suffix: str
    name: str
    compress: Callable[[bytes], bytes]
    decompress: Callable[[bytes], bytes]


def _gzip(level: int) -> Encoding:
    return Encoding(".gz", f"gzip-{level}-zlib-{gzip.zlib.ZLIB_VERSION}",
                    lambda data: gzip.compress(data, compresslevel=level, mtime=0), gzip.decompress)


def _brotli(quality: int) -> Encoding:
    return Encoding(".br", f"brotli-{quality}-{brotli.version}", lambda data: brotli.compress(data, quality=quality),
                    brotli.decompress)


OFTEN = (_gzip(9), _brotli(10))
"""For what every visit starts from: the assets, the text in force, the history."""
RARELY = (_gzip(6), _brotli(5))
"""For the versions' own pages, each seldom fetched."""


def encodings(path: Path, often: bool = True) -> tuple[Encoding, ...]:
    """The compressed copies a file gets; `often`: one that visitors fetch often."""
    if path.suffix not in TEXT:
        return ()
    gzipped, brotlied = OFTEN if often else RARELY
    if path.suffix in FOR_BROWSERS and path.name not in FOR_PROGRAMS:
        return gzipped, brotlied
    return (gzipped,)


class Cache:
    """Compressed copies by the SHA-256 of what they compress and the encoding's settings, in
    `folder`. A copy found is used only if it decompresses to the file's
    bytes: one cut short (by a build killed while writing it, or by two builds writing it at once)
    is compressed again, and a cache restored from elsewhere (CI's) cannot put other words in a
    visitor's page."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.entries = {path.name for path in folder.glob("*/*")}
        """The entries there were when the build began: a file looked for in vain costs as much as
        one found."""
        self.folders: set[str] = set()

    def compressed(self, data: bytes, encoding: Encoding) -> bytes:
        key = hashlib.sha256(encoding.name.encode() + b"\0" + data).hexdigest()
        entry = self.folder / key[:2] / f"{key}{encoding.suffix}"
        if entry.name in self.entries:
            try:
                packed = entry.read_bytes()
                if encoding.decompress(packed) == data:
                    os.utime(entry)
                    return packed
            except (OSError, EOFError, brotli.error, gzip.BadGzipFile, gzip.zlib.error):
                pass
        packed = encoding.compress(data)
        if key[:2] not in self.folders:
            entry.parent.mkdir(parents=True, exist_ok=True)
            self.folders.add(key[:2])
        entry.write_bytes(packed)  # a build killed meanwhile leaves a part, which the check above refuses
        self.entries.add(entry.name)
        return packed

    def prune(self, days: int = KEEP_DAYS) -> None:
        """Remove the entries no build has used for `days` days."""
        if not self.folder.is_dir():
            return
        limit = time.time() - days * 86400
        for entry in self.folder.glob("*/*"):
            if entry.stat().st_mtime < limit:
                entry.unlink(missing_ok=True)


def compress_file(path: Path, data: bytes, cache: Cache, often: bool = True) -> None:
    """Write the compressed copies of `path` (whose bytes are `data`) that make it smaller. `often`:
    a file visitors fetch often (see `encodings`)."""
    if len(data) < MIN_SIZE:
        return
    for encoding in encodings(path, often):
        packed = cache.compressed(data, encoding)
        if len(packed) < len(data):
            path.with_name(path.name + encoding.suffix).write_bytes(packed)


def compress_tree(paths: list[Path], cache: Cache) -> None:
    """`compress_file` for each text file of `paths` (read from disk)."""
    for path in paths:
        if path.suffix in TEXT and path.is_file():
            compress_file(path, path.read_bytes(), cache)
