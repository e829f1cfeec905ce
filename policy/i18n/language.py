"""The languages the policy is published in."""

LANGUAGES = ("ru", "kk", "en")
"""Every version exists in each of these; Russian is the original."""

ORIGINAL = "ru"
"""The language the others are translated from, and the site's default (`x-default`)."""

NAMES = {"kk": "Қазақша", "ru": "Русский", "en": "English"}
"""Each language's name in itself, in the order the language chooser lists them."""
