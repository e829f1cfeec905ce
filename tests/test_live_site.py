"""The preview's site: in a folder of its own, never site/; after a save only the pages whose HTML
changed are written, those being viewed first; a change to the theme renders everything again
into a new folder swapped in whole, so that no page is missing meanwhile; and the result is
always the site a full build makes."""

from __future__ import annotations

import hashlib
import re
import shutil
import threading

import pytest

from policy.live import LiveSite
from policy.build import Project, build_site
from policy.site.render import WHOLE_STYLESHEET, Renderer
from tests.conftest import BUILD_DATE, DEMO, ROOT

pytestmark = pytest.mark.slow

FINGERPRINTED = re.compile(rb"main\.[0-9a-f]{8}\.min\.css")


def files(root):
    """Every file of a site but the stylesheet, which the preview leaves whole (a build trims it
    and links it by its digest: `main.1a2b3c4d.min.css`)."""
    return {path.relative_to(root): FINGERPRINTED.sub(b"main.css", path.read_bytes()) for path in root.rglob("*")
            if path.is_file() and path.name != ".policy-site" and path.parent.name != "stylesheets"}


@pytest.fixture
def project(tmp_path):
    """The project's theme and config in a folder of their own, with its own cache."""
    project = Project(tmp_path / "project")
    shutil.copytree(ROOT / "theme", project.theme)
    shutil.copy(ROOT / "mkdocs.yml", project.config)
    return project


@pytest.fixture
def content(tmp_path):
    shutil.copytree(DEMO, tmp_path / "content")
    return tmp_path / "content"


@pytest.fixture
def live(content, project):
    site = LiveSite(content, BUILD_DATE, project)
    site.build()
    yield site
    site.close()


@pytest.fixture
def wrapped(monkeypatch):
    """The addresses of the pages wrapped in the theme from now on."""
    found = []
    wrap = Renderer.wrap
    monkeypatch.setattr(Renderer, "wrap", lambda self, page: found.append(
        f"{self.config.theme['language']}/{page.url}") or wrap(self, page))
    return found


def edit(content, lang, date, old, new):
    path = content / lang / f"{date}.md"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def retitle(content, lang, date):
    """A new title for a version (which every check accepts); the new SHA-256 of its file, which
    every page showing the file prints."""
    edit(content, lang, date, "title: ", "title: New ")
    return hashlib.sha256((content / lang / f"{date}.md").read_bytes()).hexdigest()


def full_build(content, project, tmp_path):
    build_site(content, tmp_path / "full", BUILD_DATE, project=project, compress=False)
    return files(tmp_path / "full")


def test_the_preview_lives_in_the_cache_never_in_site(live, project):
    assert live.out.is_relative_to(project.cache / "preview") and (live.out / "en/index.html").is_file()
    assert not (project.root / "site").exists()


def test_a_save_wraps_again_only_the_pages_it_changed(live, content, project, tmp_path, wrapped):
    edit(content, "en", "2030-01-01", 'summary: "Demo: adds', 'summary: "Draft: adds')
    live.build()
    assert "Draft: adds" in (live.out / "en/versions/2030-01-01/index.html").read_text(encoding="utf-8")
    assert sorted(wrapped) == sorted([
        "en/versions/2030-01-01/", "en/history/",  # its summary and hash
        "en/changes/2030-01-01/",  # the hash in its printed header
        *[f"{lang}/parallel/2030-01-01/" for lang in ("ru", "kk", "en")]])  # the hash of each language's file
    assert files(live.out) == full_build(content, project, tmp_path)


def test_the_pages_being_viewed_are_written_first(live, content):
    digest = retitle(content, "kk", "2026-06-01")
    seen = {}

    def ready():
        for url in ("kk/", "kk/versions/2026-06-01/", "kk/parallel/2026-06-01/"):
            seen[url] = digest in (live.out / url / "index.html").read_text(encoding="utf-8")

    live.build(viewed=["/kk/", "/kk/versions/2026-06-01/index.html"], ready=ready)
    assert seen == {"kk/": True, "kk/versions/2026-06-01/": True, "kk/parallel/2026-06-01/": False}
    assert digest in (live.out / "kk/parallel/2026-06-01/index.html").read_text(encoding="utf-8")


def test_a_new_save_stops_the_rest_and_the_next_build_finishes_it(live, content, project, tmp_path):
    digest = retitle(content, "ru", "2026-06-01")
    live.build(viewed=["/ru/"], pending=lambda: True)
    assert digest in (live.out / "ru/index.html").read_text(encoding="utf-8")
    assert digest not in (live.out / "ru/parallel/2026-06-01/index.html").read_text(encoding="utf-8")
    live.build()
    assert files(live.out) == full_build(content, project, tmp_path)


def test_the_live_site_is_the_site_a_full_build_makes(live, content, project, tmp_path):
    for date in ("2030-01-01", "2026-06-01"):  # the upcoming version, and the one in force
        for lang, old, new in (("ru", "Политика", "Новая политика"), ("kk", "саясаты", "жаңа саясаты"),
                               ("en", "Personal Data", "New")):
            edit(content, lang, date, old, new)
    live.build()
    assert files(live.out) == full_build(content, project, tmp_path)


def test_a_removed_version_leaves_the_live_site(live, content, project, tmp_path):
    for lang in ("ru", "kk", "en"):
        (content / lang / "2030-01-01.md").unlink()
    live.build()
    assert not (live.out / "en/versions/2030-01-01").exists() and not (live.out / "en/versions/2030-01-01.md").exists()
    assert files(live.out) == full_build(content, project, tmp_path)


def test_an_edit_of_a_page_template_wraps_again_only_its_pages(live, project, content, tmp_path, wrapped):
    template = project.theme / "pages" / "parallel.html"
    template.write_text(template.read_text(encoding="utf-8") + "<p>A new line of the template.</p>\n",
                        encoding="utf-8")
    live.build()
    assert sorted(wrapped) == sorted(f"{lang}/parallel/{date}/" for lang in ("ru", "kk", "en") for date in (
        "2024-01-15", "2025-03-01", "2025-09-01", "2026-06-01", "2030-01-01"))
    assert files(live.out) == full_build(content, project, tmp_path)


def test_a_change_to_the_theme_renders_everything_into_a_new_folder_while_the_old_one_answers(live, project):
    pages = sorted(path.relative_to(live.out) for path in live.out.rglob("*.html"))
    before = {path: (live.out / path).stat().st_ino for path in pages}
    missing, done = [], threading.Event()

    def read():
        while not done.is_set():
            missing.extend(path for path in pages if not (live.out / path).is_file())

    reader = threading.Thread(target=read)
    reader.start()
    try:
        css = project.theme / "assets" / "policy.css"
        css.write_text(css.read_text(encoding="utf-8") + "\n.changed-by-the-test { color: red }\n", encoding="utf-8")
        main = project.theme / "main.html"
        text = main.read_text(encoding="utf-8")
        assert "{% block footer %}{% endblock %}" in text
        main.write_text(text.replace("{% block footer %}", "{% block footer %}<!-- changed -->"), encoding="utf-8")
        live.build()
    finally:
        done.set()
        reader.join()
    assert missing == []
    assert all((live.out / path).stat().st_ino != inode for path, inode in before.items())
    assert ".changed-by-the-test{color: red}" in (live.out / "assets" / WHOLE_STYLESHEET).read_text(encoding="utf-8")
    assert "<!-- changed -->" in (live.out / "kk/parallel/2024-01-15/index.html").read_text(encoding="utf-8")


def test_an_edit_of_a_catalog_wraps_again_the_pages_whose_words_changed(live, project, content, tmp_path, wrapped):
    """"Upcoming" is on the history and nowhere in the theme's own words: only the Russian history
    is wrapped again; "Version history" names the history in every page's navigation: every page
    is wrapped again (by the workers)."""
    catalog = project.locales / "ru" / "LC_MESSAGES" / "messages.po"
    text = catalog.read_text(encoding="utf-8")
    catalog.write_text(text.replace('msgid "Upcoming"\nmsgstr "', 'msgid "Upcoming"\nmsgstr "Скоро: ', 1),
                       encoding="utf-8")
    live.build()
    assert wrapped == ["ru/history/"]
    assert files(live.out) == full_build(content, project, tmp_path)
    wrapped.clear()
    catalog.write_text(text.replace('msgid "Version history"\nmsgstr "', 'msgid "Version history"\nmsgstr "Вся ', 1),
                       encoding="utf-8")
    live.build()
    pages = list((live.out / "ru").rglob("index.html"))
    assert len(pages) > 15 and all("Вся История редакций" in page.read_text(encoding="utf-8") for page in pages)
    assert files(live.out) == full_build(content, project, tmp_path)
