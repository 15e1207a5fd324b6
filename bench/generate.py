"""Fill a database with realistic demo releases for benchmarks.

    python bench/generate.py --releases 10000 [--companies 400] [--seed 1] [--wipe]

Uses the database of the current settings (DATABASE_URL, or the default SQLite file) and
migrates it first. Creates companies with listings and contacts, press releases spread over
ten years (about 2% drafts and 1% embargoed, the rest published), and a conference call
with live and replay dial-ins for about one release in three, all with bulk_create.
Prints what it made and how long it took.
"""

import argparse
import os
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "irsite.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from django.utils.text import slugify  # noqa: E402

from releases.models import Company, ConferenceCall, Contact, DialIn, Listing, PressRelease  # noqa: E402

NAME_PARTS = (
    "Acme Apex Arbor Atlas Beacon Blue Bright Cardinal Cedar Cobalt Crescent Delta Eagle Ember Falcon "
    "Granite Harbor Horizon Iron Juniper Keystone Lumen Meridian Nova Oak Orion Pacific Pinnacle Quantum "
    "Redwood Sierra Silver Summit Titan Vertex Vista Willow Zenith"
).split()
NAME_KINDS = (
    "Therapeutics Biosciences Energy Holdings Semiconductor Financial Software Minerals Logistics "
    "Pharmaceuticals Networks Robotics Bancorp Realty Foods Aerospace"
).split()
SUFFIXES = ["Inc.", "Corp.", "Ltd.", "plc", "N.V.", "Co."]
EXCHANGES = ["NASDAQ", "NYSE", "NYSE AMERICAN", "TSX", "TSXV", "LSE", "AIM", "OTCQX"]
CITIES = [
    "WALTHAM, Mass.", "NEW YORK", "SAN DIEGO", "AUSTIN, Texas", "TORONTO", "LONDON",
    "TEL AVIV, Israel", "CHICAGO", "BOSTON", "VANCOUVER, British Columbia", "SEATTLE", "DENVER",
]
ZONES = ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "Europe/London"]
WIRES = ["Business Wire", "PR Newswire", "GlobeNewswire", "ACCESS Newswire", "Newsfile", "CNW"]
FIRST = "Carol Barbara James Priya Wei Olivia Marco Hannah David Sofia Ahmed Laura Kenji Maria Tom".split()
LAST = "Hausner Yates Chen Patel Müller Rossi Okafor Smith Kim Novak Garcia Dubois Tanaka Byrne".split()
HEADLINES = [
    ("earnings", "{c} Reports {q} Quarter {y} Financial Results"),
    ("conference_call", "{c} to Host Conference Call to Discuss {q} Quarter {y} Results"),
    ("dividend", "{c} Declares Quarterly Cash Dividend of ${d} per Share"),
    ("management", "{c} Appoints {p} as Chief Financial Officer"),
    ("mergers", "{c} to Acquire {o} for ${m} Million"),
    ("product", "{c} Launches Next-Generation {k} Platform"),
    ("clinical", "{c} Announces Positive Topline Data from Phase {ph} Trial"),
    ("other", "{c} to Present at the {y} Global Investor Conference"),
]
SENTENCES = [
    "Revenue for the quarter was ${m} million, an increase of {pct}% compared with the same period last year.",
    "Gross margin improved to {pct}% on a better product mix and lower freight costs.",
    "The company ended the quarter with ${m} million in cash, cash equivalents and marketable securities.",
    "“We delivered another quarter of disciplined execution,” said {p}, Chief Executive Officer.",
    "The company reaffirms its full-year guidance and expects operating cash flow to remain positive.",
    "The board of directors approved a share repurchase program of up to ${m} million.",
    "Enrollment in the study is complete, and the company expects to report further data next year.",
    "The transaction is expected to close in the second half of the year, subject to customary conditions.",
]
QUARTERS = ["First", "Second", "Third", "Fourth"]


def company_name(rng: random.Random, taken: set[str]) -> str:
    while True:
        name = f"{rng.choice(NAME_PARTS)} {rng.choice(NAME_PARTS)} {rng.choice(NAME_KINDS)}"
        if name not in taken:
            taken.add(name)
            return f"{name}, {rng.choice(SUFFIXES)}"


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def fill(rng: random.Random, template: str, company: str) -> str:
    return template.format(
        c=company,
        q=rng.choice(QUARTERS),
        y=rng.randint(2015, 2026),
        d=f"0.{rng.randint(5, 95):02d}",
        p=person(rng),
        o=company_name(rng, set()),
        m=rng.randint(5, 900),
        k=rng.choice(["Cloud", "Analytics", "Battery", "Imaging", "Payments"]),
        ph=rng.choice(["1", "2", "3"]),
        pct=rng.randint(2, 60),
    )


def make_companies(rng: random.Random, count: int) -> list[Company]:
    taken: set[str] = set()
    companies = []
    for index in range(count):
        name = company_name(rng, taken)
        slug = f"{slugify(name)[:90]}-{index}"
        companies.append(
            Company(
                name=name,
                slug=slug,
                website=f"https://www.{slugify(name.split(',')[0]).replace('-', '')}.example.com",
                about=f"{name} develops and sells products for customers in more than {rng.randint(3, 90)} "
                "countries. For more information, visit the company's website.",
                headquarters=rng.choice(CITIES).title(),
            )
        )
    return Company.objects.bulk_create(companies, batch_size=500)


def make_listings_and_contacts(rng: random.Random, companies: list[Company]) -> dict[int, list[Contact]]:
    listings, contacts = [], []
    for index, company in enumerate(companies):
        ticker = f"{''.join(rng.sample('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 3))}{index}"
        listings.append(Listing(company=company, exchange=rng.choice(EXCHANGES), ticker=ticker))
        domain = company.website.removeprefix("https://www.")
        contacts.append(
            Contact(
                company=company,
                role=Contact.Role.INVESTORS,
                name=person(rng),
                title="Vice President, Investor Relations",
                organization=company.name,
                phones=f"+1 {rng.randint(201, 989)}-555-{rng.randint(1000, 9999)}",
                email=f"ir@{domain}",
            )
        )
        contacts.append(
            Contact(
                company=company,
                role=Contact.Role.MEDIA,
                name=person(rng),
                organization="Harbor Street Communications",
                phones=f"+1 {rng.randint(201, 989)}-555-{rng.randint(1000, 9999)}",
                email=f"press@{domain}",
            )
        )
    Listing.objects.bulk_create(listings, batch_size=1000)
    by_company: dict[int, list[Contact]] = {}
    for contact in Contact.objects.bulk_create(contacts, batch_size=1000):
        by_company.setdefault(contact.company_id, []).append(contact)
    return by_company


def make_release(rng: random.Random, company: Company, index: int, now) -> PressRelease:
    category, template = rng.choice(HEADLINES)
    headline = fill(rng, template, company.name)
    roll = rng.random()
    published_at = now - timedelta(days=rng.uniform(0, 3650))
    if roll < 0.02:
        published_at = None
    elif roll < 0.03:
        published_at = now + timedelta(days=rng.uniform(1, 30))
    dateline = (published_at or now).astimezone(timezone.get_current_timezone()).date()
    paragraphs = [fill(rng, rng.choice(SENTENCES), company.name) for _ in range(rng.randint(6, 14))]
    return PressRelease(
        company=company,
        headline=headline,
        subheadline=fill(rng, rng.choice(SENTENCES), company.name) if rng.random() < 0.3 else "",
        slug=f"{slugify(headline)[:150]}-{index}",
        dateline_location=rng.choice(CITIES),
        dateline_date=dateline,
        wire=rng.choice(WIRES),
        body="".join(f"<p>{text}</p>" for text in paragraphs),
        about=company.about,
        category=category,
        published_at=published_at,
    )


def make_calls(rng: random.Random, releases: list[PressRelease]) -> tuple[int, int]:
    calls = []
    for release in releases:
        if release.category in ("earnings", "conference_call") or rng.random() < 0.1:
            starts = (release.published_at or timezone.now()) + timedelta(days=rng.randint(0, 14), hours=2)
            calls.append(
                ConferenceCall(
                    company_id=release.company_id,
                    release=release,
                    title=f"{release.headline[:250]} — conference call",
                    starts_at=starts.replace(minute=rng.choice([0, 30]), second=0, microsecond=0),
                    timezone=rng.choice(ZONES),
                    webcast_url=f"https://events.example.com/{release.slug[:60]}",
                    passcode=str(rng.randint(1000000, 9999999)),
                    replay_until=(starts + timedelta(days=14)).date(),
                    replay_passcode=str(rng.randint(100000, 999999)),
                )
            )
    calls = ConferenceCall.objects.bulk_create(calls, batch_size=1000)
    dial_ins = []
    for call in calls:
        local = rng.randint(201, 989)
        dial_ins += [
            DialIn(call=call, kind=DialIn.Kind.LIVE, label="Toll-free", number=f"1-877-555-{rng.randint(1000, 9999)}",
                   e164=f"+1877555{rng.randint(1000, 9999)}"),
            DialIn(call=call, kind=DialIn.Kind.LIVE, label="International",
                   number=f"1-{local}-555-{rng.randint(1000, 9999)}", e164=f"+1{local}555{rng.randint(1000, 9999)}"),
            DialIn(call=call, kind=DialIn.Kind.REPLAY, number=f"1-800-555-{rng.randint(1000, 9999)}",
                   e164=f"+1800555{rng.randint(1000, 9999)}"),
        ]
    DialIn.objects.bulk_create(dial_ins, batch_size=2000)
    return len(calls), len(dial_ins)


def generate(*, releases: int, companies: int, seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    now = timezone.now()
    with transaction.atomic():
        company_rows = make_companies(rng, companies)
        contacts = make_listings_and_contacts(rng, company_rows)
        release_rows = PressRelease.objects.bulk_create(
            [make_release(rng, rng.choice(company_rows), index, now) for index in range(releases)], batch_size=1000
        )
        Through = PressRelease.contacts.through
        Through.objects.bulk_create(
            [
                Through(pressrelease_id=release.pk, contact_id=contact.pk)
                for release in release_rows
                for contact in contacts[release.company_id]
            ],
            batch_size=5000,
        )
        call_count, dial_in_count = make_calls(rng, release_rows)
    return {
        "companies": len(company_rows),
        "releases": len(release_rows),
        "calls": call_count,
        "dial-ins": dial_in_count,
        "contacts": sum(len(c) for c in contacts.values()),
    }


def wipe() -> None:
    with transaction.atomic():
        DialIn.objects.all().delete()
        ConferenceCall.objects.all().delete()
        PressRelease.contacts.through.objects.all().delete()
        PressRelease.objects.all().delete()
        Contact.objects.all().delete()
        Listing.objects.all().delete()
        Company.objects.all().delete()


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--releases", type=int, default=10_000)
    parser.add_argument("--companies", type=int, help="default: one per 25 releases, at least 20")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--wipe", action="store_true", help="delete every company and release first")
    args = parser.parse_args(argv)

    call_command("migrate", verbosity=0, interactive=False)
    if args.wipe:
        wipe()
    started = time.perf_counter()
    counts = generate(
        releases=args.releases, companies=args.companies or max(20, args.releases // 25), seed=args.seed
    )
    elapsed = time.perf_counter() - started
    made = ", ".join(f"{count:,} {name}" for name, count in counts.items())
    print(f"generated {made} in {elapsed:.1f} s ({counts['releases'] / elapsed:,.0f} releases/s)")
    analyze()


def analyze() -> None:
    """What the database does by itself soon after a bulk load (autovacuum on PostgreSQL):
    statistics for the planner and, on PostgreSQL, the visibility map that lets a deep page's
    keys be read off an index alone. Not part of the time printed above."""
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


if __name__ == "__main__":
    main()
