"""The size/CPU curve of gzip and brotli on a built site's text files, which policy/site/compress.py
chose its settings from: for what every visit starts from (the assets, the text in force, the
history) and for the versions' own pages. `python benchmarks/compression.py SITE` prints it;
`make benchmark` prints it for a history of 100 versions."""

from __future__ import annotations

import brotli
import gzip
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy.site.compress import MIN_SIZE, TEXT  # noqa: E402

SETTINGS = {**{f"gzip {level}": (lambda data, level=level: gzip.compress(data, level, mtime=0)) for level in (6, 9)},
            **{f"brotli {quality}": (lambda data, quality=quality: brotli.compress(data, quality=quality))
               for quality in (4, 5, 6, 8, 9, 10, 11)}}
RARELY_FETCHED = ("versions", "changes", "since", "parallel")
"""The versions' own pages, each seldom fetched."""


def samples(site: Path, every: int) -> dict[str, list[bytes]]:
    """Every `every`-th text file of the site, grouped as compress.py groups them."""
    groups: dict[str, list[bytes]] = {"fetched often": [], "fetched rarely": []}
    files = sorted(path for path in site.rglob("*") if path.suffix in TEXT and path.is_file()
                   and path.stat().st_size >= MIN_SIZE and path.suffix not in (".md", ".xml"))
    for path in files[::every]:
        parts = path.relative_to(site).parts
        group = "fetched rarely" if len(parts) > 2 and parts[1] in RARELY_FETCHED else "fetched often"
        groups[group].append(path.read_bytes())
    return groups


def curve(site: Path, every: int = 4) -> None:
    for group, data in samples(site, every).items():
        raw = sum(map(len, data))
        print(f"  {group}: {len(data)} files, {raw / 1e6:.1f} MB (every {every}th file of the site)")
        for name, compress in SETTINGS.items():
            start = time.process_time()
            packed = sum(len(compress(each)) for each in data)
            spent = time.process_time() - start
            print(f"    {name:10s} {packed / raw:6.1%} of the bytes  {spent:6.2f} s CPU  {raw / 1e6 / spent:6.1f} MB/s",
                  flush=True)


if __name__ == "__main__":
    curve(Path(sys.argv[1]))
