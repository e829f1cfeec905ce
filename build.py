#!/usr/bin/env python3
"""The command line: build the site, check the content, start a new version, show a diff, preview.

    python build.py                      build content/ into site/
    python build.py build --content DIR --out DIR --date YYYY-MM-DD --site-url URL
    python build.py check [--content DIR] [--base REF]
    python build.py new-version YYYY-MM-DD
    python build.py diff [OLD NEW] [--only ru|kk|en]
    python build.py serve [--port 8000]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from policy import commands

from policy.model import address
from policy.i18n.language import LANGUAGES
from policy.model.dates import DateError, day, today
from policy.site.output import OutputError

HERE = Path(__file__).resolve().parent


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="build.py", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command")

    def content_options(command: argparse.ArgumentParser) -> None:
        command.add_argument("--content", type=Path, default=HERE / "content", help="the content tree")
        command.add_argument("--date", type=day, default=None,
                             help="the day to build for (default: today in Kazakhstan, or the day of "
                                  "SOURCE_DATE_EPOCH)")

    build = sub.add_parser("build", help="check the content and build the site")
    check = sub.add_parser("check", help="check the content; exit 1 on any error")
    serve = sub.add_parser("serve", help="preview on 127.0.0.1, rebuilding when a file is saved")
    for command in (build, check, serve):
        content_options(command)
    build.add_argument("--out", type=Path, default=HERE / "site", help="where the site goes")
    for command in (build, serve):
        command.add_argument("--site-url", type=address.site_url, default=None,
                             help="the site's public address for this build (default: site_url in mkdocs.yml)")
    for command in (build, check):
        command.add_argument("--base", help="the revision published versions are compared with "
                                            "(default: origin/main when it exists, else HEAD)")
    serve.add_argument("--port", type=int, default=8000)

    new = sub.add_parser("new-version", help="copy the latest version of every language to a new date")
    new.add_argument("date", type=day)
    new.add_argument("--content", type=Path, default=HERE / "content")

    diff = sub.add_parser("diff", help="show a version's changes as a redline in the terminal")
    diff.add_argument("dates", nargs="*", type=day, metavar="OLD NEW")
    diff.add_argument("--only", choices=LANGUAGES, help="only this language's redline (default: every language)")
    diff.add_argument("--markdown", action="store_true",
                      help="GitHub Markdown (struck through, underlined), for a pull request's summary")
    diff.add_argument("--content", type=Path, default=HERE / "content")
    for command in (build, check, serve, new, diff):
        command.add_argument("--lang", choices=LANGUAGES, help="the language of messages (default: POLICY_LANG, "
                                                              "else Russian)")

    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["build", *argv])
    if args.command == "diff" and len(args.dates) not in (0, 2):
        parser.error("diff takes no dates (the latest change) or two: OLD NEW")
    return args


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    commands.use_language(args.lang)
    try:
        return run(args)
    except (OSError, DateError, OutputError, address.AddressError) as exc:
        print(commands.say("error: %(reason)s", reason=exc.args[-1] if exc.args else exc), file=sys.stderr)
        return 1


def run(args: argparse.Namespace) -> int:
    if getattr(args, "date", "") is None:
        args.date = today()
    if args.command == "build":
        return commands.build(args.content, args.out, args.date, args.base, args.site_url)
    if args.command == "check":
        return commands.check(args.content, args.date, args.base)
    if args.command == "new-version":
        return commands.new_version(args.content, args.date)
    if args.command == "diff":
        return commands.diff(args.content, args.dates, args.only, args.markdown)
    return commands.serve(args.content, args.date, args.port, args.site_url)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
