"""Compiled Jinja templates, kept for the life of the process.

Every build makes new Jinja environments (the pages' templates per language, and MkDocs' theme per
language), and compiling Material's templates takes longer than rendering a page with them. The
preview builds again after every save, so it shares one store of compiled templates; a template
whose source changed has another checksum, and is compiled again.
"""

from __future__ import annotations

import jinja2
from jinja2.bccache import Bucket


class CompiledTemplates(jinja2.BytecodeCache):
    """Jinja's bytecode cache, in memory."""

    def __init__(self) -> None:
        self.codes: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.codes.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.codes[bucket.key] = bucket.bytecode_to_string()


COMPILED = CompiledTemplates()
