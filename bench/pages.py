"""Per-page cost, one request at a time: where a page's time goes before any load.

    python bench/pages.py [--database-url URL] [--releases 10000] [--requests 20]

Fills the database as bench/load.py does (a temporary SQLite file by default), then requests
each of load.py's pages in-process through Django's test client with production settings
(DEBUG off) and prints per page: median and slowest ms, SQL queries and their ms, and size.
The page cache is off, so every request renders its page, as the first visitor after a write
does (each path is requested before timing, so Django's own caches of templates and URLs are
warm). The target: every page under 15 ms on 10,000 releases.
Complements load.py: these figures hardly move when the machine is busy, the load run's do.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL"))
    parser.add_argument("--releases", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=20)
    args = parser.parse_args(argv)

    from bench import load

    scratch = Path(tempfile.mkdtemp(prefix="irsite-pages-"))
    env = load.server_env(args.database_url or f"sqlite:///{scratch / 'bench.sqlite3'}")
    env.update(
        DJANGO_ALLOWED_HOSTS="testserver",
        DJANGO_STATIC_ROOT=str(scratch / "static"),
        IRSITE_PAGE_CACHE="false",
        IRSITE_PAGE_CACHE_STAMP=str(scratch / "page-generation"),
    )
    load.prepare_database(env, args.releases)
    load.manage(env, "manage.py", "collectstatic", "--noinput", "-v", "0")
    rows = json.loads(load.manage(env, "-c", load.CHOOSE_PATHS))
    os.environ.update(env)

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    print(f"{'page':<28} {'median ms':>9} {'max ms':>7} {'queries':>7} {'SQL ms':>7} {'KB':>6}")
    for name, paths in rows:
        timings, queries, sql_ms, size = [], 0, 0.0, 0
        for n in range(args.requests):
            client.get(paths[n % len(paths)])  # fills Django's own caches (templates, URLs)
        for n in range(args.requests):
            path = paths[n % len(paths)]
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(path)
                elapsed = time.perf_counter() - started
            if response.status_code != 200:
                print(f"{name}: {path} answered {response.status_code}", file=sys.stderr)
            timings.append(elapsed * 1000)
            queries = max(queries, len(captured.captured_queries))
            sql_ms = max(sql_ms, sum(float(q["time"]) for q in captured.captured_queries) * 1000)
            size = max(size, len(response.content))
        print(
            f"{name:<28} {statistics.median(timings):>9.1f} {max(timings):>7.1f} {queries:>7} {sql_ms:>7.1f} "
            f"{size / 1024:>6.0f}"
        )
    subprocess.run(["rm", "-rf", str(scratch)], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
