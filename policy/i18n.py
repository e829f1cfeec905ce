"""The project's own user-facing strings (gettext catalogs in `theme/locales/`) and dates, via Babel."""

from __future__ import annotations

import datetime
import io
import re
from dataclasses import dataclass
from pathlib import Path

from babel import Locale as BabelLocale
from babel.dates import format_date
from babel.lists import format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from .message import N_
from .problem import Problem, error

DOMAIN = "messages"
_CASE = re.compile(r"%\((\w+):\w+\)")
"""A value named with its grammatical case, `%(date:ablative)s`, as Kazakh messages name a date's."""


def catalog_path(locales: Path, lang: str) -> Path:
    """Where a language's gettext catalog lives, in gettext's usual layout."""
    return locales / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@dataclass(frozen=True)
class Locale:
    """One language's translations and date format."""

    lang: str
    translations: Translations

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def language(self, code: str) -> str:
        """A language's name in this locale: `казахский`, `қазақ тілі`, `Kazakh`."""
        return BabelLocale.parse(self.lang).languages[code]

    def languages(self, codes: tuple[str, ...]) -> str:
        """Language names as a list in words: `казахский и английский`."""
        return format_list([self.language(code) for code in codes], locale=self.lang)

    def date(self, date: datetime.date) -> str:
        """A date as readers of the language write it: `25 ноября 2026 г.`, `2026 ж. 25 қараша`."""
        return format_date(date, "long", locale=self.lang)

    def format(self, message: str, **values: object) -> str:
        """A message in this language with its values; a date value as `date` writes it. The case a
        Kazakh message names (`%(date:ablative)s`) is not applied here: the date stays as `date`
        writes it, until the cases' own formatting replaces this."""
        text = _CASE.sub(r"%(\1)", self.gettext(message))
        return text % {name: self.date(value) if isinstance(value, datetime.date) else value
                       for name, value in values.items()}


def _untranslated(fuzzy: bool) -> str:
    if fuzzy:
        return N_("the %(lang)s translation of \"%(id)s\" is marked fuzzy: check it, then remove the '#, fuzzy' line")
    return N_("the %(lang)s translation of \"%(id)s\" is missing")


def _translated(string: str | tuple[str, ...]) -> bool:
    """Every form of a message is there: a fuzzy or empty one would show the English instead."""
    forms = string if isinstance(string, tuple) else (string,)
    return all(form.strip() for form in forms)


def load_locale(locales: Path, lang: str) -> tuple[Locale | None, list[Problem]]:
    """Read a language's catalog; every message must be translated (not empty, not fuzzy), or
    none of it is used."""
    path = catalog_path(locales, lang)
    if not path.is_file():
        return None, [error(path, 1, "translation", "the %(lang)s catalog of the site's own strings is missing",
                            lang=lang)]
    with path.open("rb") as file:
        catalog = read_po(file, locale=lang)
    problems = [error(path, entry.lineno or 1, "translation", _untranslated(entry.fuzzy), lang=lang, id=entry.id)
                for entry in catalog if entry.id and (entry.fuzzy or not _translated(entry.string))]
    if problems:
        return None, problems
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Locale(lang, Translations(buffer, domain=DOMAIN)), []
