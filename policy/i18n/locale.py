"""The project's own user-facing strings (gettext catalogs in `theme/locales/`) and dates, via Babel."""

from __future__ import annotations

import datetime
import hashlib
import io
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from babel import Locale as BabelLocale
from babel.dates import format_date
from babel.lists import format_list
from babel.messages.catalog import Message as Entry
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from ..problem import Problem, error
from ..rules import TRANSLATION
from . import kazakh
from .message import N_

DOMAIN = "messages"
DATE_LOCALES = {"en": "en_GB"}
"""Whose dates a language writes: the English text is British (its spelling, "organisation"), so
are its dates, `24 November 2026`."""
FIELD = re.compile(r"%\((?P<name>[^)]*)\)s(?P<ending>[а-яёәғқңөұүһі]*)", re.IGNORECASE)
"""A field of a message, `%(date)s`; in a Kazakh msgstr a date's field may be followed by the ending
of the case its sentence needs, written as after any word, `%(date)sнан бастап`. The field itself is
the msgid's, so that `msgfmt --check`, Poedit and Weblate find the same fields in every language."""
DAY_AND_MONTH = re.compile(r"(?<=\b\d) (?=[^\W\d])|(?<=\b\d\d) (?=[^\W\d])")
"""The space between a day (one or two digits) and its month's name, `1 июня`, `1 маусымнан`,
`1 June`; not the year's (`2026 жылғы`)."""


def catalog_path(locales: Path, lang: str) -> Path:
    """Where a language's gettext catalog lives, in gettext's usual layout."""
    return locales / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@dataclass(frozen=True)
class Locale:
    """One language's translations and date format. Two locales are equal when their language and
    their catalog's bytes (`digest`) are: what the caches of made pages key on."""

    lang: str
    digest: str
    translations: Translations = field(compare=False)

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def language(self, code: str) -> str:
        """A language's name in this locale: `казахский`, `қазақ тілі`, `Kazakh`."""
        return BabelLocale.parse(self.lang).languages[code]

    def languages(self, codes: tuple[str, ...]) -> str:
        """Language names as a list in words: `казахский и английский`."""
        return format_list([self.language(code) for code in codes], locale=self.lang)

    def date(self, date: datetime.date, case: str | None = None) -> str:
        """A date as readers of the language write it: `25 ноября 2026 г.`, `25 November 2026`; in
        Kazakh in the case its sentence needs, `2026 жылғы 25 қарашадан` (nominative by default:
        `2026 жылғы 25 қараша`, the form Kazakh documents are dated with). The day and its month
        are joined by a no-break space, so that a line never breaks between them."""
        if self.lang == kazakh.LANG:
            return DAY_AND_MONTH.sub("\u00a0", kazakh.running_date(date, case or kazakh.NOMINATIVE))
        return _long_date(date, self.lang)

    def format(self, template: str, **values: object) -> str:
        """`template` translated, its fields filled with `values`, a date in the form its sentence needs
        (see `date`): `format("since %(date)s", date=…)` is `с 1 июня 2026 г.`, `2026 жылғы 1 маусымнан
        бастап` (from `%(date)sнан бастап`). `load_locale` has checked every msgstr's fields and
        endings, so this fails only on a template whose values are missing, or whose translation puts
        an ending after a value that is not a date."""
        translated = self.gettext(template)
        fields = {}

        def fill(field: re.Match) -> str:
            value = values[field["name"]]
            if isinstance(value, datetime.date):
                value = self.date(value, kazakh.ENDINGS[field["ending"].lower()])
                if value.endswith(".") and translated.startswith(".", field.end()):
                    value = value[:-1]  # one full stop ends both the sentence and `г.`
            elif field["ending"]:
                raise ValueError(f"{template!r}: only a date takes an ending, not {field['name']}={value!r}")
            key = f"{len(fields)}"
            fields[key] = value
            return f"%({key})s"

        return FIELD.sub(fill, translated) % fields


@lru_cache(maxsize=4096)
def _long_date(date: datetime.date, lang: str) -> str:
    """Babel's long format, the day kept with its month; cached, as a history's pages show the same
    dates again and again."""
    return DAY_AND_MONTH.sub("\u00a0", format_date(date, "long", locale=DATE_LOCALES.get(lang, lang)))


def _untranslated(fuzzy: bool) -> str:
    if fuzzy:
        return N_("the %(lang)s translation of \"%(id)s\" is marked fuzzy: check it, then remove the '#, fuzzy' line")
    return N_("the %(lang)s translation of \"%(id)s\" is missing")


def _forms(string: str | tuple[str, ...]) -> tuple[str, ...]:
    return string if isinstance(string, tuple) else (string,)


def _translated(string: str | tuple[str, ...]) -> bool:
    """Every form of a message is there: a fuzzy or empty one would show the English instead."""
    return all(form.strip() for form in _forms(string))


def _field_problems(path: Path, entry: Entry, lang: str) -> list[Problem]:
    """A msgstr has its msgid's fields, and an ending after a field only in Kazakh, a case's: else a
    page would fail to render, or a sentence lose its date."""
    names = {field["name"] for form in _forms(entry.id) for field in FIELD.finditer(form)}
    problems = []

    def refuse(template: str, field: str, **values: str) -> None:
        problems.append(error(path, entry.lineno or 1, TRANSLATION, template, lang=lang, id=entry.id, field=field,
                              **values))

    for form in _forms(entry.string):
        fields = list(FIELD.finditer(form))
        for name in sorted(names - {field["name"] for field in fields}):
            refuse(N_("the %(lang)s translation of \"%(id)s\" leaves out %(field)s: put it back where the sentence "
                      "needs it"), f"%({name})s")
        for field in fields:
            plain = f"%({field['name']})s"
            if field["name"] not in names:
                refuse(N_("the %(lang)s translation of \"%(id)s\" has %(field)s, which the original does not have: "
                          "correct its name or remove it"), plain)
            elif field["ending"] and lang != kazakh.LANG:
                refuse(N_("the %(lang)s translation of \"%(id)s\" has %(field)s: only a Kazakh date takes an "
                          "ending: write %(plain)s alone"), field[0], plain=plain)
            elif field["ending"].lower() not in kazakh.ENDINGS:
                refuse(N_("the %(lang)s translation of \"%(id)s\" has %(field)s: \"%(ending)s\" is not the ending of "
                          "a case; after a date write one of %(endings)s (in the form that fits the sentence)"),
                       field[0], ending=field["ending"], endings=", ".join(kazakh.EXAMPLES))
    return problems


def load_locale(locales: Path, lang: str) -> tuple[Locale | None, list[Problem]]:
    """Read a language's catalog; every message must be translated (not empty, not fuzzy) with the
    fields of the original, or none of it is used."""
    path = catalog_path(locales, lang)
    if not path.is_file():
        return None, [error(path, 1, TRANSLATION, "the %(lang)s catalog of the site's own strings is missing",
                            lang=lang)]
    locale, problems = _understood(path, lang, path.read_bytes())
    return locale, list(problems)


@lru_cache(maxsize=16)
def _understood(path: Path, lang: str, data: bytes) -> tuple[Locale | None, tuple[Problem, ...]]:
    """A catalog's bytes as a locale: the same bytes give the same Locale, so the pages made with
    it can be cached (see `pages.PageMaker`)."""
    catalog = read_po(io.BytesIO(data), locale=lang)
    entries = [entry for entry in catalog if entry.id]
    problems = [error(path, entry.lineno or 1, TRANSLATION, _untranslated(entry.fuzzy), lang=lang, id=entry.id)
                for entry in entries if entry.fuzzy or not _translated(entry.string)]
    problems += [problem for entry in entries if _translated(entry.string) for problem in
                 _field_problems(path, entry, lang)]
    if problems:
        return None, tuple(problems)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Locale(lang, hashlib.sha256(data).hexdigest(), Translations(buffer, domain=DOMAIN)), ()
