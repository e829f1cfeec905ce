"""Word-level redlines, including properties that must hold for any two texts."""

from hypothesis import given, settings, strategies as st

from policy.changes.redline import (DELETE, EQUAL, INSERT, new_side, old_side, redline, to_html, to_markdown, to_text,
                            tokenize)


def test_tokens_are_whole_words_with_what_follows():
    assert tokenize("Пайдаланушы, дербес деректер.") == ["Пайдаланушы, ", "дербес ", "деректер."]
    assert tokenize("  «Data» - x") == ["  ", "«", "Data» ", "- ", "x"]


def test_a_changed_word_is_replaced_whole():
    segments = redline("в течение 30 календарных дней", "в течение 15 календарных дней")
    assert [(s.op, s.text) for s in segments] == [
        (EQUAL, "в течение "), (DELETE, "30"), (INSERT, "15"), (EQUAL, " календарных дней")]


def test_kazakh_words_are_never_cut():
    segments = redline("Сайт әкімшілігі жауап береді", "Сайт әкімшілігі жауап бермейді")
    changed = [s.text for s in segments if s.op != EQUAL]
    assert changed == ["береді", "бермейді"]


def test_rewrapping_a_line_is_no_change():
    segments = redline("one two\nthree", "one two three")
    assert to_text(segments) == "one two three"
    assert all(s.text.isspace() for s in segments if s.op != EQUAL)


def test_html_marks_changes_for_eyes_and_screen_readers():
    html = to_html(redline("a <b> c", "a d c"), "добавлено:", "удалено:")
    assert '<del><span class="visually-hidden">удалено: </span>&lt;b&gt;</del>' in html
    assert '<ins><span class="visually-hidden">добавлено: </span>d</ins>' in html


def test_a_removal_and_an_insertion_that_touch_are_set_apart():
    segments = redline("5.2 және 7.2-тармақтарында", "5.2 және 7.3-тармақтарында")
    html = to_html(segments, "қосылды:", "алынып тасталды:")
    assert html.endswith('<del><span class="visually-hidden">алынып тасталды: </span>7.2-тармақтарында</del> '
                         '<ins><span class="visually-hidden">қосылды: </span>7.3-тармақтарында</ins>')
    assert to_markdown(segments).endswith("<del>7\\.2\\-тармақтарында</del> <ins>7\\.3\\-тармақтарында</ins>")
    assert "</del> <ins>" not in to_html(redline("old words here", "new  here"), "+", "-")


def test_terminal_text_plain_and_coloured():
    segments = redline("the old word", "the new word")
    assert to_text(segments) == "the [-old-]{+new+} word"
    assert "\x1b[9;31mold\x1b[0m" in to_text(segments, color=True)


words = st.lists(st.sampled_from(["Пользователь", "дербес", "деректер", "User", "5.2.", "«Данные»", ",", "әкімшілігі",
                                  "ТОО", "_____", "и", "the"]), max_size=30)
spaces = st.sampled_from([" ", "  ", "\n", ", ", ". "])


@st.composite
def texts(draw):
    return "".join(word + draw(spaces) for word in draw(words)).rstrip(draw(st.sampled_from(["", " "])))


@settings(max_examples=300, deadline=None)
@given(st.one_of(texts(), st.text()), st.one_of(texts(), st.text()))
def test_nothing_is_lost(old, new):
    segments = redline(old, new)
    assert old_side(segments) == old
    assert new_side(segments) == new


@settings(max_examples=200, deadline=None)
@given(st.one_of(texts(), st.text()))
def test_identical_texts_give_no_change(text):
    assert all(segment.op == EQUAL for segment in redline(text, text))


def test_hyphenated_words_and_clause_numbers_stay_whole():
    assert tokenize("Интернет-магазин п.п. 7.2. и 7.2-тармақ") == [
        "Интернет-магазин ", "п.п. ", "7.2. ", "и ", "7.2-тармақ"]
    segments = redline("п.п. 5.2., 5.3. и 7.2. настоящей", "п.п. 5.2., 5.3. и 7.3. настоящей")
    assert [(s.op, s.text) for s in segments if s.op != EQUAL] == [(DELETE, "7.2."), (INSERT, "7.3.")]
