"""The preview's site: after a save only the pages whose Markdown changed are rendered again, and
the result is the same site a full build makes."""

from __future__ import annotations

import re
import shutil

import pytest

from policy.publish import LiveSite, Project, build_site
from tests.conftest import BUILD_DATE, DEMO, ROOT

pytestmark = pytest.mark.slow


FINGERPRINTED = re.compile(rb"main\.[0-9a-f]{8}\.min\.css")


def html_times(root):
    return {path.relative_to(root): path.stat().st_mtime_ns for path in root.rglob("*.html")}


def files(root):
    """Every file of a site, but the stylesheet, which the preview leaves whole (a build trims it
    and links it by its digest: `main.1a2b3c4d.min.css`)."""
    return {path.relative_to(root): FINGERPRINTED.sub(b"main.css", path.read_bytes()) for path in root.rglob("*")
            if path.is_file() and path.name != ".policy-site" and path.parent.name != "stylesheets"}


@pytest.fixture
def content(tmp_path):
    shutil.copytree(DEMO, tmp_path / "content")
    return tmp_path / "content"


@pytest.fixture
def live(content, tmp_path):
    site = LiveSite(content, tmp_path / "live", BUILD_DATE)
    site.build()
    yield site
    site.close()


def edit(content, lang, date, old, new):
    path = content / lang / f"{date}.md"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_save_renders_again_only_the_pages_it_changed(live, content, tmp_path):
    before = html_times(live.out)
    edit(content, "en", "2030-01-01", 'summary: "Demo: adds', 'summary: "Draft: adds')
    live.build()
    after = html_times(live.out)
    rendered = {str(path) for path in after if after[path] != before.get(path)}
    assert "en/versions/2030-01-01/index.html" in rendered
    assert "Draft: adds" in (live.out / "en/versions/2030-01-01/index.html").read_text(encoding="utf-8")
    elsewhere = {path.split("/", 1)[1] for path in rendered if path.startswith(("ru/", "kk/"))}
    assert elsewhere <= {"parallel/2030-01-01/index.html",  # it shows the English text too
                         "index.html", "history/index.html", "404.html"}  # always, where a language renders
    assert not any("2024-01-15" in path or "2025-03-01" in path for path in rendered)
    assert "en/index.html" not in rendered  # so its search entries are the previous build's
    assert 'href="../../../assets/stylesheets/main.css"' in (live.out / "en/versions/2030-01-01/index.html").read_text(
        encoding="utf-8") and (live.out / "assets/stylesheets/main.css").is_file()
    build_site(content, tmp_path / "full", BUILD_DATE, compress=False)
    assert files(live.out) == files(tmp_path / "full")


def test_the_live_site_is_the_site_a_full_build_makes(live, content, tmp_path):
    for date in ("2030-01-01", "2026-06-01"):  # the upcoming version, and the one in force
        for lang, old, new in (("ru", "Политика", "Новая политика"), ("kk", "саясаты", "жаңа саясаты"),
                               ("en", "Personal Data", "New")):
            edit(content, lang, date, old, new)
    live.build()
    build_site(content, tmp_path / "full", BUILD_DATE, compress=False)
    assert files(live.out) == files(tmp_path / "full")


def test_a_removed_version_leaves_the_live_site(live, content, tmp_path):
    for lang in ("ru", "kk", "en"):
        (content / lang / "2030-01-01.md").unlink()
    live.build()
    assert not (live.out / "en/versions/2030-01-01/index.html").exists()
    build_site(content, tmp_path / "full", BUILD_DATE, compress=False)
    assert files(live.out) == files(tmp_path / "full")


def test_a_change_to_the_theme_renders_everything_again(content, tmp_path):
    project = Project(tmp_path / "project")
    shutil.copytree(ROOT / "theme", project.theme)
    shutil.copy(ROOT / "mkdocs.yml", project.config)
    site = LiveSite(content, tmp_path / "live", BUILD_DATE, project)
    site.build()
    before = html_times(site.out)
    css = project.theme / "assets" / "policy.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n/* changed */\n", encoding="utf-8")
    template = project.theme / "pages" / "parallel.md"
    template.write_text(template.read_text(encoding="utf-8") + "\nA new line of the template.\n", encoding="utf-8")
    site.build()
    site.close()
    after = html_times(site.out)
    assert all(after[path] != before[path] for path in before)
    assert "/* changed */" in (site.out / "assets/policy.css").read_text(encoding="utf-8")
    assert "A new line of the template." in (site.out / "kk/parallel/2024-01-15/index.html").read_text(encoding="utf-8")
