"""The content dialect: what the check refuses, and the sanitizer that stands behind it."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from policy.model import dialect
from policy.model.clause import parse_document
from policy.rules import LAYOUT, MARKUP
from policy.site.text import unit_html


def test_the_sanitizer_is_in_the_rendering_path(monkeypatch):
    """Were the Markdown parser ever to emit a handler or a script, no page would carry it."""
    hostile = '<p onclick="x()">a <a href="javascript:x()">b</a><img src="https://o.example/i.png"></p><script>x()</script>'
    monkeypatch.setattr(dialect._PARSER, "convert", lambda source: hostile)
    dialect.analyse.cache_clear()
    try:
        page = BeautifulSoup(unit_html(parse_document("1.1. text").units[0], "ru", "¶"), "html.parser")
    finally:
        dialect.analyse.cache_clear()
    assert page.find(["script", "img"]) is None
    assert not [attr for tag in page.find_all(True) for attr in tag.attrs if attr.startswith("on")]
    assert [a.get("href") for a in page.find_all("a")] == [None]


@pytest.mark.parametrize("target", ["&#106;avascript:x()", "java&#9;script:x()", "\x01javascript:x()",
                                    "JAVASCRIPT:x()", "//other.example/", "http://other.example/", "page.md",
                                    "data:text/html,x", "#p-9-9"])
def test_links_outside_the_dialect_are_refused(target):
    findings = dialect.check_fragment(f"See [this]({target}) now.", {"p-1-1"})
    assert [finding.rule.id for finding in findings if finding.rule is not MARKUP or "&" not in target] == ["link"]


@pytest.mark.parametrize("target", ["#p-1-1", "https://allurauto.kz/", "mailto:info@allurauto.kz", "tel:+77000000000"])
def test_links_inside_the_dialect_are_kept(target):
    assert dialect.check_fragment(f"See [this]({target}) now.", {"p-1-1"}) == []
    assert f'href="{target}"' in dialect.convert(f"See [this]({target}) now.")


def test_annotations_escape_what_could_end_the_workflow_command_early():
    from pathlib import Path

    from policy.problem import error

    crafted = error(Path("content/ru/x,line=1::warning::forged%0A.md"), 3, LAYOUT, "a: b\n::error::forged %")
    annotation = crafted.annotation()
    command, _, text = annotation.partition("::")[2].partition("::")
    assert command.startswith("error file=") and "::" not in command and "\n" not in annotation
    assert "x%2Cline=1%3A%3Awarning%3A%3Aforged%250A.md" in command and text == "a: b%0A::error::forged %25"
