"""Allurauto privacy policy: versioned content, the change engine, checks and the site build.

Data flows one way, and the packages are its steps, in order: `model` (the content read and
understood: source, front_matter, characters, version, clause, reference, dialect, dates, address)
→ `changes` (change, redline) → `checks` (check, sync, correction, record) → `site` (pages, text,
outline, render (the only module that knows MkDocs), compiled, stylesheet, feeds, share_image, site,
workers, compress, output) → `build` (one build, swapped in whole), `live` and `preview` (the
preview) → `commands` (the command line). Every step may use the shared words: `i18n` (language,
message, locale, kazakh), `rules` (the registry of the check's rules) and `problem`.
docs/architecture.md tells the same story at length.
"""
