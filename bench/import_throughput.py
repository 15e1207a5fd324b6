"""Import throughput over the project's own demo releases: releases per second, and the parser's share.

    python bench/import_throughput.py [--releases 1000] [--database-url URL]

In: the wire releases in demo/releases/ (ImmunoGen's from the corpus, and the fictional
companies' earnings call, conference webcast, dividend and appointment). Out: printed figures.

Writes N variants of them to a temporary folder: each variant's company gets a name and a
ticker of its own (one company per 20 releases, so later releases find their company, its
listings and its contacts already stored, as a back catalogue does), and its year is moved
back a year per round, which also varies the headlines that print a year. Then it imports
the folder with `manage.py import_releases --publish` into a fresh database (a temporary
SQLite file, or the empty PostgreSQL database given, migrated first) and prints releases/s,
process start-up included. Last, it parses the same files in this process (no Django, no
database) to say how much of the time is the parser's.
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from releases.parsing import parse_press_release  # noqa: E402

DEMO_RELEASES = BASE_DIR / "demo" / "releases"
RELEASES_PER_COMPANY = 20
TARGET_PER_SECOND = 50
NAME_STARTS = (
    "Ash Bel Cor Dal Ember Fal Gran Hal Ister Jun Kest Lum Mer Nor Or Pel Quill Ros Sol Tam Ul Ver Wes Yar"
).split()
NAME_ENDS = "bridge crest dale field gate haven mark mont point ridge stone wick".split()


@dataclass(frozen=True)
class Template:
    text: str
    name_word: str  # the first word of the issuer's name, e.g. "ImmunoGen", "Harborview"
    tickers: tuple[str, ...]
    year: int


def load_templates() -> list[Template]:
    templates = []
    for path in sorted(DEMO_RELEASES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        parsed = parse_press_release(text.encode("utf-8"), filename=path.name)
        templates.append(
            Template(
                text=text,
                name_word=parsed.company.name.split()[0].rstrip(","),
                tickers=tuple(listing.ticker for listing in parsed.listings),
                year=parsed.dateline.date.year,
            )
        )
    return templates


def company_word(k: int) -> str:
    """A distinct made-up issuer name per k: Ashbridge, Belbridge, ..., Ashcrest2, ..."""
    start, end = NAME_STARTS[k % len(NAME_STARTS)], NAME_ENDS[k // len(NAME_STARTS) % len(NAME_ENDS)]
    round_ = k // (len(NAME_STARTS) * len(NAME_ENDS))
    return f"{start}{end}{round_ + 1 if round_ else ''}"


def ticker(k: int) -> str:
    letters = ""
    for _ in range(3):
        k, digit = divmod(k, 26)
        letters = chr(65 + digit) + letters
    return "Z" + letters


def variant(template: Template, *, company: int, years_back: int) -> str:
    text = re.sub(rf"\b{re.escape(template.name_word)}\b", company_word(company), template.text)
    for symbol in template.tickers:
        text = re.sub(rf"\b{re.escape(symbol)}\b", ticker(company), text)
    if years_back:
        text = re.sub(r"\b(19|20)\d\d\b", lambda m: str(int(m.group()) - years_back), text)
    return text


def write_releases(folder: Path, count: int) -> list[Path]:
    templates = load_templates()
    companies = max(1, count // RELEASES_PER_COMPANY)
    paths = []
    for n in range(count):
        company = n % companies
        nth_release_of_company = n // companies
        template = templates[(company + nth_release_of_company) % len(templates)]
        years_back = nth_release_of_company // len(templates)
        path = folder / f"release-{n:05d}.txt"
        path.write_text(variant(template, company=company, years_back=years_back), encoding="utf-8")
        paths.append(path)
    return paths


def parse_seconds(paths: list[Path]) -> float:
    started = time.perf_counter()
    for path in paths:
        parse_press_release(path.read_bytes(), filename=path.name)
    return time.perf_counter() - started


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--releases", type=int, default=1000)
    parser.add_argument("--database-url", help="an empty database; default: a temporary SQLite file")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="irsite-import-") as scratch:
        folder = Path(scratch) / "releases"
        folder.mkdir()
        paths = write_releases(folder, args.releases)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "CACHE_URL"))}
        env.update(
            DJANGO_SETTINGS_MODULE="irsite.settings",
            DJANGO_ENV_FILE=os.devnull,
            DJANGO_DEBUG="false",
            DJANGO_SECRET_KEY=secrets.token_urlsafe(60),
            DJANGO_MEDIA_ROOT=str(Path(scratch) / "media"),
            DATABASE_URL=args.database_url or f"sqlite:///{Path(scratch) / 'import.sqlite3'}",
        )
        manage = [sys.executable, "manage.py"]
        subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], cwd=BASE_DIR, env=env, check=True)
        started = time.perf_counter()
        command = [*manage, "import_releases", "--publish", str(folder)]
        result = subprocess.run(command, cwd=BASE_DIR, env=env, capture_output=True, text=True)
        elapsed = time.perf_counter() - started
        parsing = parse_seconds(paths)

    database = "PostgreSQL" if args.database_url and args.database_url.startswith("postgres") else "SQLite"
    rate = args.releases / elapsed
    summary = [line for line in result.stdout.splitlines() if line.startswith(("Created:", "Already", "Failed:"))]
    print(
        f"import_releases --publish: {args.releases:,} releases from {len(load_templates())} demo templates, "
        f"{max(1, args.releases // RELEASES_PER_COMPANY)} companies, on {database}"
    )
    print(f"  {elapsed:.2f} s = {rate:,.1f} releases/s, process start-up included (target: {TARGET_PER_SECOND}/s)")
    per_release, parser_ms = 1000 * elapsed / args.releases, 1000 * parsing / args.releases
    print(f"  {per_release:.1f} ms per release, of which the parser {parser_ms:.1f} ms ({parsing / elapsed:.0%})")
    print("  " + ", ".join(summary))
    if result.returncode:
        print(result.stdout[-2000:], result.stderr[-2000:], sep="\n", file=sys.stderr)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
