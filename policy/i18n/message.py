"""Words for editors, kept as a template and its values so they can be said in the editor's language.

Templates are English and use `%(name)s` fields; `make catalogs` extracts every `message(...)` and
`error(...)`/`warning(...)` template into the same gettext catalogs as the site's own strings.
Values come from content (file names, keys, excerpts) and are shown escaped (see `printable`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

Translate = Callable[[str], str]


@dataclass(frozen=True, order=True)
class Message:
    """A template and its values; a value may itself be a message, said in the same language."""

    template: str
    values: tuple[tuple[str, str | Message], ...] = ()

    def text(self, translate: Translate | None = None) -> str:
        """The message in words: translated when `translate` is given, English otherwise."""
        values = {key: value.text(translate) if isinstance(value, Message) else printable(value)
                  for key, value in self.values}
        template = translate(self.template) if translate else self.template
        if not values:  # as gettext does: a template without fields is not formatted, so "%" stays "%"
            return template
        try:
            return template % values
        except (KeyError, ValueError, TypeError):  # a translation that lost a field: say it in English
            return self.template % values

    def __str__(self) -> str:
        return self.text()


def message(template: str, **values: object) -> Message:
    """A message to say later; values that are not messages are kept as text."""
    return Message(template, tuple(sorted((key, value if isinstance(value, Message) else str(value))
                                          for key, value in values.items())))


def printable(text: str) -> str:
    """`text` with every character a terminal would act on or not show written as an escape
    (`\\x1b`, `\\u202e`, `\\n`): a file name, a front matter key or an excerpt of content is
    shown to an editor's terminal and to the pull request's log, and must not clear the screen,
    reverse the line, write to the clipboard or start a new line that looks like another message."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


def N_(template: str) -> str:  # noqa: N802 - gettext's name for it
    """Mark a template for the catalogs where it is chosen apart from the call that says it."""
    return template
