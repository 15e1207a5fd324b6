"""`manage.py db_worker` processes against a real database (a SQLite file, or a PostgreSQL
database when the suite runs on PostgreSQL) and a real SMTP server on 127.0.0.1: a worker
killed with SIGKILL mid-batch and a second one finishing, every subscriber receiving one
message; an embargoed release sending nothing until its time.

Small batches, a two-second lease and a one-second sweep keep each test to a few seconds.
"""

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections import defaultdict
from pathlib import Path

import pytest
from django.conf import settings as django_settings

from .smtp import SmtpServer

pytestmark = pytest.mark.slow

BASE_DIR = Path(__file__).resolve().parents[2]
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
SUBSCRIBERS = 20

SETUP = r"""
import json, sys
from datetime import timedelta
import django
django.setup()
from django.utils import timezone
from alerts.models import Subscriber
from releases.models import Company, PressRelease
from releases.services import release_publish

tag, count, delay = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
company = Company.objects.create(name=f"Company {tag}", slug=f"company-{tag}")
for n in range(count):
    subscriber = Subscriber.objects.create(
        email=f"{tag}-{n}@example.net", status="confirmed", categories=["earnings"],
        consent_version="2025-1", consent_source="test", consented_at=timezone.now(),
    )
    subscriber.companies.add(company)
release = PressRelease.objects.create(company=company, headline=f"Results {tag}", slug=f"results-{tag}",
                                      category="earnings", body="<p>Lead.</p>")
at = timezone.now() + timedelta(seconds=delay) if delay else None
release_publish(release=release, at=at, confirmed=True, exchange_notified_at=timezone.now())
print(json.dumps({"release": release.pk, "at": (at or timezone.now()).timestamp()}))
"""

COUNTS = r"""
import json, sys
import django
django.setup()
from django.db.models import Count
from alerts.models import Delivery
rows = Delivery.objects.filter(release_id=int(sys.argv[1])).values("status").annotate(n=Count("pk"))
print(json.dumps({row["status"]: row["n"] for row in rows}))
"""


def sqlite_database(tmp_path: Path):
    yield f"sqlite:///{tmp_path / 'workers.sqlite3'}"


def postgres_database(tmp_path: Path):
    psycopg = pytest.importorskip("psycopg")
    name = f"alerts_workers_{uuid.uuid4().hex[:8]}"
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


def base_env(database_url: str, tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "CACHE_URL", "ALERTS_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="irsite.settings",
        DJANGO_ENV_FILE=os.devnull,
        DJANGO_DEBUG="true",
        DJANGO_MEDIA_ROOT=str(tmp_path / "media"),
        IRSITE_PAGE_CACHE_STAMP=str(tmp_path / "page-generation"),
        DATABASE_URL=database_url,
        PYTHONPATH=str(BASE_DIR),
        IRSITE_SITE_URL="https://ir.example.com",
        DEFAULT_FROM_EMAIL="alerts@ir.example.com",
        ALERTS_BATCH_SIZE="5",
        ALERTS_LEASE_SECONDS="2",
        ALERTS_SWEEP_SECONDS="1",
        ALERTS_SEND_RATE="20",
    )
    return env


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    """One migrated database for the module, of the kind the suite runs on."""
    tmp_path = tmp_path_factory.mktemp("workers")
    on_postgres = "postgresql" in django_settings.DATABASES["default"]["ENGINE"]
    databases = (postgres_database if on_postgres else sqlite_database)(tmp_path)
    env = base_env(next(databases), tmp_path)
    run(env, "manage.py", "migrate", "--noinput", "-v", "0")
    yield env
    next(databases, None)


@pytest.fixture
def env(database):
    with SmtpServer() as server:
        yield {**database, "EMAIL_URL": server.url}, server.sink


def run(env, *args) -> str:
    result = subprocess.run([sys.executable, *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def worker(env, log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-reload", "--interval", "0.1", "--no-startup-delay"],
        cwd=BASE_DIR, env=env, stdout=log.open("ab"), stderr=subprocess.STDOUT,
    )


def wait_for(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def by_recipient(sink) -> dict[str, set[str]]:
    ids = defaultdict(set)
    for message in list(sink.messages):
        ids[message["To"]].add(message["Message-ID"])
    return ids


def test_a_worker_killed_mid_batch_leaves_its_rows_to_another(env, tmp_path):
    env, sink = env
    tag = uuid.uuid4().hex[:6]
    first = worker(env, tmp_path / "first.log")
    second = None
    try:
        setup = subprocess.Popen([sys.executable, "-c", SETUP, tag, str(SUBSCRIBERS), "0"], cwd=BASE_DIR, env=env,
                                 stdout=subprocess.PIPE, text=True)
        wait_for(lambda: sink.count() >= 3, 30, "the first worker to send")
        first.send_signal(signal.SIGKILL)
        first.wait()
        assert sink.count() < SUBSCRIBERS, "the first worker finished before it was killed"
        release = json.loads(setup.communicate(timeout=30)[0])["release"]

        second = worker(env, tmp_path / "second.log")
        wait_for(lambda: len(by_recipient(sink)) == SUBSCRIBERS, 30, "every subscriber's message")
        wait_for(lambda: json.loads(run(env, "-c", COUNTS, str(release))) == {"sent": SUBSCRIBERS}, 10,
                 "every row marked sent")
    finally:
        stop(first)
        if second is not None:
            stop(second)

    ids = by_recipient(sink)
    assert sorted(ids) == sorted(f"{tag}-{n}@example.net" for n in range(SUBSCRIBERS))
    # One message each; the one the SMTP server may have accepted just before the kill goes
    # again under the same Message-ID, which mail clients fold into one.
    assert all(len(message_ids) == 1 for message_ids in ids.values())
    assert SUBSCRIBERS <= sink.count() <= SUBSCRIBERS + 1


def test_an_embargoed_release_sends_nothing_until_its_time(env, tmp_path):
    env, sink = env
    tag = uuid.uuid4().hex[:6]
    process = worker(env, tmp_path / "worker.log")
    try:
        published = json.loads(run(env, "-c", SETUP, tag, "3", "4"))
        release, lifts_at = published["release"], published["at"]
        while time.time() < lifts_at - 0.3:
            assert sink.count() == 0
            time.sleep(0.05)
        wait_for(lambda: sink.count() == 3, 15, "the alerts after the embargo")
    finally:
        stop(process)

    assert min(sink.received_at) >= lifts_at
    assert min(sink.received_at) - lifts_at < 3  # at its time, not at the next sweep or page view
    assert json.loads(run(env, "-c", COUNTS, str(release))) == {"sent": 3}
