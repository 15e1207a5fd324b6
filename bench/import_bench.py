"""Import throughput: N newswire-style text releases through `manage.py import_releases`.

    python bench/import_bench.py [--releases 1000] [--database-url URL]

Writes N distinct releases (headline, dateline, body, a conference call with dial-ins and a
replay, an About section, investor and media contacts; 40 companies) to a temporary folder,
imports them with `import_releases --publish` into a fresh database (a temporary SQLite file,
or the empty PostgreSQL database given, which is migrated first), and prints releases/s.
The figure covers parsing, validation and every row written, one transaction per file.
"""

import argparse
import os
import random
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from bench.generate import CITIES, FIRST, LAST, QUARTERS, SENTENCES, company_name, fill  # noqa: E402

MONTHS = "January February March April May June July August September October November December".split()

RELEASE = """{company} to Host {quarter} Quarter {year} Results Conference Call

{city}, {month} {day}, {year} (BUSINESS WIRE) -- {company} (NASDAQ: {ticker}) today announced that it will \
report its {quarter_lower} quarter {year} financial results after the market closes on {month} {call_day}, {year}.

{paragraphs}

Management will host a conference call and webcast at 4:30 p.m. ET on {month} {call_day}, {year}. To access the \
call, dial 1-877-555-{n4} (toll-free) or 1-412-555-{n4b} (international) and enter conference ID {passcode}. \
A live webcast will be available at https://investors.{domain}. A replay will be available through \
{month} {replay_day}, {year} at 1-877-555-0199, replay passcode {replay}.

About {company}

{company} develops products for customers in more than {countries} countries. For more information, visit \
https://www.{domain}.

Investor Contact:
{ir_name}
{company}
+1 617-555-{n4}
ir@{domain}

Media Contact:
{media_name}
Harbor Street Communications
+1 212-555-{n4b}
press@{domain}
"""


def write_releases(folder: Path, count: int, seed: int = 3) -> None:
    rng = random.Random(seed)
    taken: set[str] = set()
    companies = [(company_name(rng, taken), f"Q{n:03d}{chr(65 + n % 26)}") for n in range(40)]
    for n in range(count):
        company, ticker = companies[n % len(companies)]
        quarter, day = rng.choice(QUARTERS), rng.randint(1, 14)
        domain = company.split(",")[0].lower().replace(" ", "") + ".example.com"
        text = RELEASE.format(
            company=company, ticker=ticker, quarter=quarter, quarter_lower=quarter.lower(),
            year=2000 + n % 26, city=rng.choice(CITIES), month=rng.choice(MONTHS), day=day,
            call_day=day + 7, replay_day=day + 14,
            paragraphs="\n\n".join(fill(rng, rng.choice(SENTENCES), company) for _ in range(rng.randint(4, 10))),
            n4=f"{rng.randint(1000, 9999)}", n4b=f"{rng.randint(1000, 9999)}",
            passcode=rng.randint(1000000, 9999999), replay=rng.randint(10000, 99999),
            domain=domain, countries=rng.randint(3, 90),
            ir_name=f"{rng.choice(FIRST)} {rng.choice(LAST)}", media_name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        )
        (folder / f"release-{n:05d}.txt").write_text(text + f"\nRelease {n}.\n", encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--releases", type=int, default=1000)
    parser.add_argument("--database-url", help="an empty database; default: a temporary SQLite file")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="irsite-import-") as scratch:
        folder = Path(scratch) / "releases"
        folder.mkdir()
        write_releases(folder, args.releases)
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
        result = subprocess.run(
            [*manage, "import_releases", "--publish", str(folder)],
            cwd=BASE_DIR, env=env, capture_output=True, text=True,
        )
        elapsed = time.perf_counter() - started
    summary = [line for line in result.stdout.splitlines() if line.startswith(("Created:", "Already", "Failed:"))]
    database = "PostgreSQL" if args.database_url and args.database_url.startswith("postgres") else "SQLite"
    print(f"import_releases: {args.releases:,} releases in {elapsed:.1f} s = {args.releases / elapsed:,.0f} "
          f"releases/s on {database} (process start-up included)")
    print(", ".join(summary))
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
