"""Email alerts throughput: 10,000 confirmed subscribers, one release published, its alerts
delivered to a local SMTP sink by one and by two `manage.py db_worker` processes.

    python bench/alerts_bench.py [--subscribers 10000] [--workers 1 2] [--rate 0] [--database-url URL]

In: a fresh database (a temporary SQLite file, or the empty PostgreSQL database given,
migrated first), filled with the subscribers. Out: printed figures per worker count:
messages/s and the time from the publish to the last message accepted by the sink, which
counts what it receives (aiosmtpd on 127.0.0.1, in this process) without parsing it.

Each round starts its workers, waits until they poll, publishes a new release through
releases.services.release_publish (the same hook as the admin), and stops them once every
row is marked sent. The send rate limit is off by default (--rate 0) to show what the
workers can do; with it on they keep to it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from alerts.tests.smtp import free_port  # noqa: E402

TARGET_SECONDS = 120  # 10,000 messages with two workers on this machine (issue #14)


class CountingSink:
    """Accepts every message and counts it; the time of the latest one is kept."""

    def __init__(self):
        self.count = 0
        self.last_at = 0.0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            self.last_at = time.time()
        return "250 OK"


def worker_env(database_url: str, smtp_port: int, rate: float, tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "ALERTS_", "EMAIL_URL"))}
    env.update(
        DJANGO_SETTINGS_MODULE="irsite.settings",
        DJANGO_ENV_FILE=os.devnull,
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="bench-alerts-" + "x" * 40,
        DJANGO_MEDIA_ROOT=str(tmp / "media"),
        IRSITE_PAGE_CACHE_STAMP=str(tmp / "page-generation"),
        DATABASE_URL=database_url,
        EMAIL_URL=f"smtp://127.0.0.1:{smtp_port}",
        DEFAULT_FROM_EMAIL="alerts@ir.example.com",
        IRSITE_SITE_URL="https://ir.example.com",
        ALERTS_SEND_RATE=str(rate),
        PYTHONPATH=str(BASE_DIR),
    )
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--rate", type=float, default=0.0, help="ALERTS_SEND_RATE for the workers (0: no limit)")
    parser.add_argument("--database-url", default="", help="an empty PostgreSQL database (default: a SQLite file)")
    args = parser.parse_args()

    from aiosmtpd.controller import Controller

    tmp = Path(tempfile.mkdtemp(prefix="alerts-bench-"))
    database_url = args.database_url or f"sqlite:///{tmp / 'bench.sqlite3'}"
    sink, port = CountingSink(), free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    env = worker_env(database_url, port, args.rate, tmp)
    os.environ.update(env)
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=BASE_DIR, env=env, check=True)

    import django

    django.setup()
    from django.db import connection
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from alerts.models import Delivery, Subscriber
    from releases.models import Company, PressRelease
    from releases.services import release_publish

    company = Company.objects.create(name="Bench Corp.", slug=f"bench-{int(time.time())}")
    now = timezone.now()
    Subscriber.objects.bulk_create(
        (
            Subscriber(email=f"investor{n}@example.net", status=Subscriber.Status.CONFIRMED, all_companies=True,
                       categories=["earnings"], consent_version="2025-1", consent_source="bench", consented_at=now)
            for n in range(args.subscribers)
        ),
        batch_size=2000,
    )
    print(f"{connection.vendor}: {args.subscribers:,} confirmed subscribers; rate limit "
          f"{'off' if not args.rate else f'{args.rate:g}/s'}; {os.cpu_count()} cores")
    results = []
    for workers in args.workers:
        DBTaskResult.objects.all().delete()
        with sink.lock:
            sink.count, sink.last_at = 0, 0.0
        command = [sys.executable, "manage.py", "db_worker", "--no-reload", "--interval", "0.1", "-v", "0"]
        processes = [subprocess.Popen(command, cwd=BASE_DIR, env=env) for _ in range(workers)]
        try:
            time.sleep(3)  # every worker has imported Django and is polling
            release = PressRelease.objects.create(
                company=company, headline=f"Bench Corp. Reports Results, round {workers}",
                slug=f"results-{workers}-{int(time.time())}", category="earnings", body="<p>Bench Corp. reported.</p>",
            )
            started = time.time()
            release_publish(release=release, confirmed=True, exchange_notified_at=timezone.now())
            deadline = started + 600
            while time.time() < deadline:
                time.sleep(0.2)
                if sink.count >= args.subscribers and not Delivery.objects.filter(
                    release=release, status=Delivery.Status.QUEUED
                ).exists():
                    break
        finally:
            for process in processes:
                process.terminate()
            for process in processes:
                process.wait(timeout=30)
        sent = Delivery.objects.filter(release=release, status=Delivery.Status.SENT).count()
        elapsed = sink.last_at - started
        results.append((workers, sink.count, sent, elapsed))
        verdict = ""
        if workers == 2 and args.subscribers == 10_000:
            verdict = f"  (target {TARGET_SECONDS} s: {'met' if elapsed < TARGET_SECONDS else 'MISSED'})"
        label = f"{workers} worker{'s' if workers > 1 else ' '}"
        print(f"  {label}: {sink.count:,} messages at the sink, {sent:,} rows sent, "
              f"last message after {elapsed:.1f} s, {sink.count / elapsed:.0f} messages/s{verdict}")
    controller.stop()


if __name__ == "__main__":
    main()
