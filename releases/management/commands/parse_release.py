"""`python manage.py parse_release [--json] FILE...`: what the parser reads in each file.

With --json, one JSON object per file per line (JSON Lines) in the shape of
../shared/parser-contract.md; a file that cannot be parsed gives {"source", "error"}.
Without it, a readable summary per file. Exit status 1 when any file failed. Nothing is saved.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from releases.parsing import ParseError, ParsedRelease, parse_within


class Command(BaseCommand):
    help = "Parse press release files and print what was found (JSON Lines with --json). Writes nothing."
    requires_system_checks = []  # reads files, never the database or URLs

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE", help="a release as .txt, .html/.htm, .docx or .pdf")
        parser.add_argument("--json", action="store_true", help="print one JSON object per file (JSON Lines)")
        parser.add_argument("--time-limit", type=float, metavar="SECONDS",
                            help="stop the parse of a file after this long (default: IRSITE_PARSE_TIME_LIMIT)")

    def handle(self, *args, files, json: bool, time_limit: float | None = None, **options):
        time_limit = time_limit or settings.IRSITE_PARSE_TIME_LIMIT
        failed = 0
        for name in files:
            try:
                result = parse_within(read(name), filename=name, seconds=time_limit)
            except ParseError as error:
                failed += 1
                self.report_error(name, str(error), as_json=json)
                continue
            except Exception as error:  # a parser bug: say so on this file's line, parse the others
                failed += 1
                message = f"The parser failed on this file ({type(error).__name__}: {error}); please report it."
                self.report_error(name, message, as_json=json)
                continue
            if json:
                self.stdout.write(dumps(result.as_contract(name)))
            else:
                self.stdout.write(summary(name, result))
        if failed:
            raise CommandError(f"{failed} of {len(files)} file(s) could not be parsed.", returncode=1)

    def report_error(self, name: str, message: str, *, as_json: bool) -> None:
        if as_json:
            self.stdout.write(dumps({"source": name, "error": message}))
        else:
            self.stderr.write(f"{name}: {message}")


def read(name: str) -> bytes:
    path = Path(name)
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise ParseError("This is a folder, not a file.") from None
    except FileNotFoundError:
        raise ParseError("No such file.") from None
    except OSError as error:
        raise ParseError(f"The file could not be read ({error.strerror}).") from None


def dumps(obj: dict) -> str:
    return json.dumps(obj, ensure_ascii=False)


def summary(name: str, result: ParsedRelease) -> str:
    data = result.as_contract(name)
    lines = [name, f"  headline:    {data['headline'] or '-'}"]
    if data["subheadline"]:
        lines.append(f"  subheadline: {data['subheadline']}")
    dateline = data["dateline"]
    lines.append(f"  dateline:    {dateline['location'] or '-'}, {dateline['date'] or 'no date'}"
                 f" ({data['wire'] or 'no wire'})")
    company = data["company"]
    listings = ", ".join(f"{x['exchange']}: {x['ticker']}" for x in data["listings"]) or "no listing"
    lines.append(f"  company:     {company['name'] or '-'} ({listings}) {company['website'] or ''}".rstrip())
    for call in data["calls"]:
        lines.append(f"  call:        {call['starts_at'] or 'no time'}; dial-in {', '.join(call['dial_in']) or '-'};"
                     f" passcode {call['passcode'] or '-'}; webcast {call['webcast_url'] or '-'}")
    for contact in data["contacts"]:
        who = contact["name"] or contact["organization"] or "-"
        lines.append(f"  contact:     {contact['role']}: {who} {' '.join(contact['emails'] + contact['phones'])}")
    for warning in result.warnings:
        lines.append(f"  warning:     {warning}")
    return "\n".join(lines)
