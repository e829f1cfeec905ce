"""Precompressed files and reproducible bytes: the same content and date give the same site, byte
for byte, compressed files included, whatever the number of processes and whatever the cache of
compressed copies holds."""

from __future__ import annotations

import datetime
import gzip
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import brotli
import pytest

from policy.site.compress import FOR_BROWSERS, FOR_PROGRAMS, MIN_SIZE, TEXT
from policy.model.dates import KAZAKHSTAN
from policy.build import Project, build_site
from tests.conftest import BUILD_DATE, DEMO, ROOT

pytestmark = pytest.mark.slow


def digests(root: Path) -> dict[str, str]:
    return {str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(root.rglob("*")) if path.is_file()}


def test_every_text_file_has_its_compressed_copies(compressed_demo_site):
    """gzip for every text file; brotli, which only browsers ask for, for what they fetch."""
    compressed = 0
    for path in compressed_demo_site.root.rglob("*"):
        if path.suffix not in TEXT or path.stat().st_size < MIN_SIZE:
            continue
        data = path.read_bytes()
        packed = path.with_name(path.name + ".gz").read_bytes()
        assert gzip.decompress(packed) == data, path
        assert len(packed) < len(data)
        br = path.with_name(path.name + ".br")
        for_browsers = path.suffix in FOR_BROWSERS and path.name not in FOR_PROGRAMS
        assert br.is_file() == for_browsers, path
        assert not for_browsers or brotli.decompress(br.read_bytes()) == data, path
        compressed += 1
    assert compressed > 50  # 15 files per language, the top's and the assets
    for name in ("ru/index.html", "assets/theme.js", "ru/search/search_index.json", "versions.json",
                 "sitemap.xml", "ru/feed.xml", "ru/versions/2026-06-01.md"):
        assert (compressed_demo_site.root / f"{name}.gz").is_file(), name
    assert not list(compressed_demo_site.root.rglob("*.png.gz")), "images are compressed already"


def test_gzip_files_have_no_name_and_no_time(compressed_demo_site):
    """The gzip header holds neither the file's name (FNAME flag, byte 3) nor a time (bytes 4-7)."""
    header = (compressed_demo_site.root / "ru" / "index.html.gz").read_bytes()[:10]
    assert header[3] & 0x08 == 0
    assert header[4:8] == b"\0\0\0\0"


def test_two_builds_of_the_same_content_are_byte_identical(compressed_demo_site, tmp_path):
    """A build in another process and folder, with the day from SOURCE_DATE_EPOCH (2026-11-25 in
    Kazakhstan), gives the same files as the test run's own build with --date."""
    epoch = datetime.datetime.combine(BUILD_DATE, datetime.time(), KAZAKHSTAN).timestamp()
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(int(epoch)), "POLICY_CACHE": str(tmp_path / "cache")}
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "build", "--content", str(DEMO), "--out",
                             str(tmp_path / "site")], capture_output=True, text=True, env=env, cwd=ROOT,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    assert "for 2026-11-25" in result.stdout
    again, first = digests(tmp_path / "site"), digests(compressed_demo_site.root)
    assert again.keys() == first.keys()
    assert [name for name in first if again[name] != first[name]] == []
    assert any(name.endswith(".br") for name in first)


def test_one_process_or_two_make_the_same_site(tmp_path):
    for jobs in (1, 2):
        build_site(DEMO, tmp_path / str(jobs), BUILD_DATE, jobs=jobs, project=cached(tmp_path / "cache"))
    assert digests(tmp_path / "1") == digests(tmp_path / "2")


def cached(folder: Path) -> Project:
    """The project, with its cache of compressed copies in `folder`."""
    class Cached(Project):
        @property
        def cache(self) -> Path:
            return folder
    return Cached()


def entries(folder: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in (folder / "compressed").glob("*/*")}


def test_the_cache_of_compressed_copies_is_filled_once_and_never_trusted_blindly(tmp_path):
    """A build with an empty cache fills it; another build compresses nothing new and makes the same
    bytes; a cached copy that does not decompress to the file it stands for is not used."""
    project = cached(tmp_path / "cache")
    build_site(DEMO, tmp_path / "first", BUILD_DATE, project=project)
    kept = entries(tmp_path / "cache")
    assert len(kept) > 100
    build_site(DEMO, tmp_path / "second", BUILD_DATE, project=project)
    assert entries(tmp_path / "cache") == kept
    assert digests(tmp_path / "first") == digests(tmp_path / "second")
    page = (tmp_path / "first" / "ru" / "index.html").read_bytes()
    forged = brotli.compress(page.replace("Политика".encode(), "Подделка".encode()))
    for entry, packed in kept.items():
        if entry.suffix == ".br" and brotli.decompress(packed) == page:
            entry.write_bytes(forged)
    build_site(DEMO, tmp_path / "third", BUILD_DATE, project=project)
    assert brotli.decompress((tmp_path / "third" / "ru" / "index.html.br").read_bytes()) == page
    assert digests(tmp_path / "first") == digests(tmp_path / "third")
