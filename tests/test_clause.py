"""Parsing a version into numbered units."""

from policy.model.clause import parse_document

TEXT = """# Title

Intro line one
continues here.

## 1. TERMS

1.1 Terms used:

1.1.1. «Data» - anything.

## 2. GENERAL

2.1. The list:

- one;
- two.

2.2. Last.
"""


def test_units_numbers_anchors_and_lines():
    document = parse_document(TEXT, first_line=5)
    assert [u.number for u in document.units] == ["1", "1.1", "1.1.1", "2", "2.1", "2.2"]
    assert [u.anchor for u in document.units] == ["p-1", "p-1-1", "p-1-1-1", "p-2", "p-2-1", "p-2-2"]
    assert document.by_number["1.1.1"].line == 14
    assert document.preamble.line == 5


def test_trailing_dot_is_optional_and_label_keeps_it():
    document = parse_document(TEXT)
    assert document.by_number["1.1"].label == "1.1"
    assert document.by_number["1.1.1"].label == "1.1.1."
    assert document.by_number["1.1"].body == "Terms used:"


def test_a_clause_keeps_its_list_and_sections_are_headings():
    document = parse_document(TEXT)
    clause = document.by_number["2.1"]
    assert clause.text == "2.1. The list:\n- one;\n- two."
    assert [b.kind for b in clause.blocks] == ["paragraph", "list"]
    assert document.by_number["2"].is_section and not clause.is_section


def test_preamble_joins_wrapped_lines():
    document = parse_document(TEXT)
    assert document.preamble.text == "Title\nIntro line one continues here."
    assert document.preamble.anchor == "preamble"


def test_kazakh_and_english_units_parse_alike():
    kk = parse_document("## 1. ТЕРМИНДЕР\n\n1.1. Пайдаланушы — тұлға.\n")
    en = parse_document("## 1. TERMS\n\n1.1. User means a person.\n")
    assert [u.anchor for u in kk.units] == [u.anchor for u in en.units] == ["p-1", "p-1-1"]
    assert kk.by_number["1.1"].body == "Пайдаланушы — тұлға."
