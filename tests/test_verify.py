"""deploy/verify URL against real servers: a site built with `build.py build --date` for today
(Kazakhstan's date) passes, the same site built for yesterday fails with one line saying so, and
so does a site whose page shows another version, whose stylesheet is gone, or that is not there."""

from __future__ import annotations

import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from policy.model.dates import today
from tests.conftest import DEMO, ROOT, require_nginx
from tools.browser import serve
from tools.nginx import free_port, nginx

pytestmark = pytest.mark.server

VERIFY = ROOT / "deploy" / "verify"


def verify(url: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(VERIFY), url], capture_output=True, text=True, timeout=120)


def built(day: datetime.date, folder: Path) -> Path:
    out = folder / day.isoformat()
    result = subprocess.run([sys.executable, "build.py", "build", "--content", str(DEMO), "--out", str(out),
                             "--date", day.isoformat()], cwd=ROOT, capture_output=True, text=True, timeout=300,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def sites():
    """The demo built for today and for yesterday, in a folder all may read (nginx's workers run
    as nobody); again if Kazakhstan's midnight passed while they were built."""
    with tempfile.TemporaryDirectory() as folder:
        os.chmod(folder, 0o755)
        for _ in range(2):
            day = today()
            result = {"today": built(day, Path(folder)), "yesterday": built(day - datetime.timedelta(days=1),
                                                                            Path(folder))}
            if today() == day:
                break
        yield result


def test_a_site_built_for_today_passes_and_one_built_for_yesterday_fails(sites):
    require_nginx()
    with nginx(sites["today"], unprivileged=True) as base:
        result = verify(base)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"ok: {base} is built for today, {today()}") and result.stderr == ""
    with nginx(sites["yesterday"], unprivileged=True) as base:
        result = verify(base.removesuffix("/"))
    yesterday = today() - datetime.timedelta(days=1)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and f"is built for {yesterday}, not for today, {today()}" in result.stderr


@pytest.mark.parametrize("damage, reason", [
    ("ru/index.html", "does not show the version in force today, {current}"),
    ("assets/stylesheets", "answers 404"),
    ("versions.json", "answers 404"),
])
def test_a_damaged_site_fails_with_its_reason(sites, tmp_path, damage, reason):
    site = tmp_path / "site"
    shutil.copytree(sites["today"], site)
    if damage == "ru/index.html":  # the page of an archived version where the current one should be
        shutil.copy(site / "ru" / "versions" / "2024-01-15" / "index.html", site / damage)
    elif damage == "assets/stylesheets":
        shutil.rmtree(site / damage)
    else:
        (site / damage).unlink()
    with serve(site) as base:
        result = verify(base)
    current = json.loads((sites["today"] / "versions.json").read_text(encoding="utf-8"))["current"]
    assert result.returncode == 1 and reason.format(current=current) in result.stderr
    assert result.stderr.count("\n") == 1


def test_no_server_and_no_url_fail_plainly():
    result = verify(f"http://127.0.0.1:{free_port()}/policy/")
    assert result.returncode == 1 and "cannot be read" in result.stderr and "Traceback" not in result.stderr
    result = verify("allurauto.kz/policy/")
    assert result.returncode == 2 and "usage" in result.stderr
