"""Uploads from several processes at once, while pages are read, on a real database file
(SQLite in WAL mode) and on PostgreSQL: nothing fails, nothing is stored twice, and the audit
trail stays one chain.

Each writer process calls `release_create_from_upload` for its own releases and, first of
all, for one file that every writer uploads at the same moment. Releases share a few
companies and contacts, so writers also race to create the same company, listing and contact.
"""

import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
WRITERS = 4
RELEASES_PER_WRITER = 6
COMPANIES = [
    ("Cobalt Harbor Therapeutics, Inc.", "CHTX"),
    ("Meridian Rail Holdings Corp.", "MRHC"),
    ("Juniper Grid Energy Ltd.", "JGEL"),
]

# Runs in each writer process: waits for the common start time, then uploads its jobs
# and prints one JSON line per upload.
WRITER = r"""
import json, sys, time
import django
django.setup()
from django.utils import timezone
from releases.parsing.result import (
    Call, CompanyInfo, ContactInfo, Dateline, Listing, ParsedRelease, Replay,
)
from releases.services import release_create_from_upload

jobs, start_at = json.loads(sys.argv[1]), float(sys.argv[2])
time.sleep(max(0.0, start_at - time.time()))
for job in jobs:
    parsed = ParsedRelease(
        headline=job["headline"],
        dateline=Dateline(location="WALTHAM, Mass.", date=None),
        wire="Business Wire",
        company=CompanyInfo(name=job["company"], website="https://www.example.com"),
        listings=(Listing(exchange="NASDAQ", ticker=job["ticker"]),),
        about=f"{job['company']} develops things.",
        body_html=f"<p>{job['headline']}.</p><p>Revenue rose.</p>",
        calls=(
            Call(
                starts_at=timezone.now(),
                zone="America/New_York",
                dial_in=("1-877-555-0100", "1-913-555-0101"),
                passcode="7751636",
                replay=Replay(dial_in=("1-800-555-0199",), passcode="42"),
            ),
        ),
        contacts=(
            ContactInfo(role="investors", name="Carol Hausner", phones=("781-895-0600",),
                        emails=(f"ir@{job['ticker'].lower()}.example.com",)),
            ContactInfo(role="media", name="Barbara Yates", phones=("781-258-6153",)),
        ),
    )
    try:
        outcome = release_create_from_upload(
            parsed=parsed, source=job["text"].encode(), source_name=job["name"], publish_at=timezone.now()
        )
        print(json.dumps({"name": job["name"], "created": outcome.created, "pk": outcome.release.pk}), flush=True)
    except Exception as error:
        print(json.dumps({"name": job["name"], "error": repr(error)}), flush=True)
"""

# Runs in each reader process: reads public pages until the stop file appears.
READER = r"""
import json, os, sys
import django
django.setup()
from django.test import Client
from releases.models import PressRelease

client = Client(raise_request_exception=False)
reads, failures = 0, []
while not os.path.exists(sys.argv[1]):
    latest = [r.get_absolute_url() for r in PressRelease.objects.published().select_related("company")[:2]]
    for url in ["/", "/releases/", "/events/", *latest]:
        status = client.get(url).status_code
        reads += 1
        if status != 200:
            failures.append([url, status])
print(json.dumps({"reads": reads, "failures": failures}))
"""


def release_text(company: str, ticker: str, n: int) -> str:
    return (
        f"{company} Reports Results for Period {n}\n\nWALTHAM, Mass. (BUSINESS WIRE) -- {company} "
        f"(Nasdaq: {ticker}) today reported results for period {n}.\n"
    )


def jobs_for(writer: int) -> list[dict]:
    shared = {
        "name": "shared.txt",
        "headline": "Cobalt Harbor Therapeutics Announces a Release Every Writer Uploads",
        "company": COMPANIES[0][0],
        "ticker": COMPANIES[0][1],
        "text": "The same file, uploaded by every writer at once.\n",
    }
    jobs = [shared]
    for i in range(RELEASES_PER_WRITER):
        n = writer * RELEASES_PER_WRITER + i
        company, ticker = COMPANIES[n % len(COMPANIES)]
        jobs.append(
            {
                "name": f"release-{n}.txt",
                "headline": f"{company} Reports Results for Period {n}",
                "company": company,
                "ticker": ticker,
                "text": release_text(company, ticker, n),
            }
        )
    return jobs


def process_env(database_url: str, tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "CACHE_URL"))}
    env.update(
        DJANGO_SETTINGS_MODULE="irsite.settings",
        DJANGO_ENV_FILE=os.devnull,
        # DEBUG on only so that pages render without collectstatic's manifest.
        DJANGO_DEBUG="true",
        DJANGO_ALLOWED_HOSTS="testserver",
        DJANGO_MEDIA_ROOT=str(tmp_path / "media"),
        DATABASE_URL=database_url,
        PYTHONPATH=str(BASE_DIR),
    )
    return env


def python(env, *args, **kwargs):
    return subprocess.Popen(
        [sys.executable, *args], cwd=BASE_DIR, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        **kwargs,
    )


def finish(process, timeout=120) -> tuple[str, str]:
    stdout, stderr = process.communicate(timeout=timeout)
    assert process.returncode == 0, stderr
    return stdout, stderr


def sqlite_database(tmp_path: Path):
    yield f"sqlite:///{tmp_path / 'db.sqlite3'}"


def postgres_database(tmp_path: Path):
    psycopg = pytest.importorskip("psycopg")
    name = f"h5_concurrency_{uuid.uuid4().hex[:8]}"
    try:
        admin = psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        pytest.skip(f"PostgreSQL is not reachable at 127.0.0.1:5432 ({error})")
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield f"{PG_SERVER}/{name}"
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=[sqlite_database, postgres_database], ids=["sqlite", "postgresql"])
def database_env(request, tmp_path):
    databases = request.param(tmp_path)
    env = process_env(next(databases), tmp_path)
    finish(python(env, "manage.py", "migrate", "--noinput", "-v", "0"))
    yield env
    next(databases, None)


def query(env, code: str):
    stdout, _ = finish(python(env, "-c", f"import django, json; django.setup()\n{code}"))
    return json.loads(stdout)


def test_concurrent_uploads_are_each_stored_once_while_pages_are_read(database_env, tmp_path):
    stop = tmp_path / "stop"
    readers = [python(database_env, "-c", READER, str(stop)) for _ in range(2)]
    start_at = time.time() + 2.5  # every writer has imported Django by then
    writers = [
        python(database_env, "-c", WRITER, json.dumps(jobs_for(w)), str(start_at)) for w in range(WRITERS)
    ]
    try:
        outputs = [finish(w) for w in writers]
    finally:
        stop.touch()
    reader_outputs = [finish(r) for r in readers]

    uploads = [json.loads(line) for stdout, _ in outputs for line in stdout.splitlines()]
    stderr = "".join(err for _, err in outputs + reader_outputs)
    assert "database is locked" not in stderr
    errors = [u for u in uploads if "error" in u]
    assert errors == [], json.dumps(errors, indent=1)
    assert len(uploads) == WRITERS * (RELEASES_PER_WRITER + 1)
    shared = [u for u in uploads if u["name"] == "shared.txt"]
    assert sum(u["created"] for u in shared) == 1
    assert len({u["pk"] for u in shared}) == 1

    for stdout, _ in reader_outputs:
        report = json.loads(stdout)
        assert report["reads"] > 0
        assert report["failures"] == []

    stored = query(
        database_env,
        "from django.db.models import Count\n"
        "from releases.models import Company, Contact, Listing, PressRelease, ConferenceCall, DialIn\n"
        "print(json.dumps({\n"
        "  'releases': PressRelease.objects.count(),\n"
        "  'files': PressRelease.objects.values('source_sha256').distinct().count(),\n"
        "  'names': sorted(PressRelease.objects.values_list('source_name', flat=True)),\n"
        "  'companies': sorted(Company.objects.values_list('name', flat=True)),\n"
        "  'listings': Listing.objects.count(),\n"
        "  'contacts': Contact.objects.count(),\n"
        "  'calls': ConferenceCall.objects.count(),\n"
        "  'dial_ins': DialIn.objects.count(),\n"
        "}))",
    )
    expected_releases = WRITERS * RELEASES_PER_WRITER + 1
    assert stored["releases"] == stored["files"] == expected_releases
    assert stored["names"] == sorted(
        ["shared.txt", *(f"release-{n}.txt" for n in range(WRITERS * RELEASES_PER_WRITER))]
    )
    assert stored["companies"] == sorted(name for name, _ in COMPANIES)
    assert stored["listings"] == len(COMPANIES)
    assert stored["contacts"] == 2 * len(COMPANIES)
    assert stored["calls"] == expected_releases
    assert stored["dial_ins"] == 3 * expected_releases
    # Four writers appended to the audit trail at once: one chain, unforked (disclosure/audit.py).
    verified, _ = finish(python(database_env, "manage.py", "verify_audit"))
    assert "The audit trail is intact" in verified


def test_sqlite_settings_take_effect_on_a_database_file(tmp_path):
    env = process_env(f"sqlite:///{tmp_path / 'db.sqlite3'}", tmp_path)
    settings = query(
        env,
        "from django.db import connection\n"
        "with connection.cursor() as cursor:\n"
        "    journal = cursor.execute('PRAGMA journal_mode').fetchone()[0]\n"
        "    busy = cursor.execute('PRAGMA busy_timeout').fetchone()[0]\n"
        "print(json.dumps({'journal': journal, 'busy_ms': busy, 'mode': connection.transaction_mode}))",
    )
    assert settings == {"journal": "wal", "busy_ms": 20000, "mode": "IMMEDIATE"}
