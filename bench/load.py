"""Load-test the public site under gunicorn with wrk and print a table of figures.

    python bench/load.py [--database-url URL] [--releases 10000] [--duration 10] [--connections 32]
    python bench/load.py --smoke        # seconds: a tiny database, one second per URL

Starts gunicorn on a free 127.0.0.1 port with production-like settings (DEBUG off, WhiteNoise,
manifest static files) plus bench.urls' constant-string ceiling view, fills the database with
bench/generate.py when it holds fewer releases than asked, then drives each URL with wrk for a
bounded time. For each: requests/s, p50, p99, errors, and throughput as a fraction of the ceiling.
"Spread" rows choose a random path per request from many releases, companies or archive pages,
so a per-URL cache cannot flatter them. Three passes, each against a fresh server:
- "warm": the configured cache (local memory, or CACHE_URL), every path of the row requested
  a few times before timing, so each worker has it: pages come from the page cache;
- "miss": the page cache turned off (IRSITE_PAGE_CACHE=false), warmed the same way: every
  request renders its page, as the first visitor of each page after a write does.
Results are also written to bench/results/.

Needs wrk (`apt-get install -y wrk`). Exit status 1 if any request failed.
"""

import argparse
import json
import os
import random
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
LUA_SCRIPT = Path(__file__).resolve().parent / "paths.lua"
PORTS = range(8101, 8200)


@dataclass
class Result:
    name: str
    example: str
    paths: int
    requests: int
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int
    of_ceiling: float = 0.0


def free_port() -> int:
    for port in random.sample(PORTS, len(PORTS)):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise SystemExit("No free port in 8101-8199.")


def server_env(database_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "CACHE_URL"))}
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DJANGO_ENV_FILE=os.devnull,
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(60),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_COOKIES="false",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_LOG_LEVEL="ERROR",
        DATABASE_URL=database_url,
        PYTHONPATH=str(BASE_DIR),
    )
    if os.environ.get("CACHE_URL"):
        env["CACHE_URL"] = os.environ["CACHE_URL"]
    return env


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def prepare_database(env: dict[str, str], releases: int) -> None:
    manage(env, "manage.py", "migrate", "--noinput", "-v", "0")
    count = int(manage(env, "-c", COUNT_RELEASES).strip())
    if count < releases:
        print(manage(env, "bench/generate.py", "--releases", str(releases), "--wipe").strip())
    else:
        print(f"database already holds {count:,} releases")


COUNT_RELEASES = (
    "import django; django.setup(); from releases.models import PressRelease; print(PressRelease.objects.count())"
)

# Paths for each benchmark row, chosen from the database through the public querysets.
CHOOSE_PATHS = r"""
import json, random
import django
django.setup()
from django.urls import reverse
from releases.models import Company, ConferenceCall, PressRelease

rng = random.Random(7)
published = PressRelease.objects.published().select_related("company")
count = published.count()
pages = max(1, (count + 19) // 20)
releases = [r.get_absolute_url() for r in published.order_by("?")[:2000]]
companies = list(Company.objects.filter(pk__in=published.values("company_id")).values_list("slug", flat=True)[:300])
archive = reverse("releases:release-list")
events = list(ConferenceCall.objects.public().order_by("?").values_list("pk", flat=True)[:300])
rows = [
    ("ceiling", [reverse("bench-ceiling")]),
    ("home", [reverse("releases:home")]),
    ("archive page 1", [archive]),
    ("archive deep page", [f"{archive}?page={max(1, pages * 3 // 4)}"]),
    ("archive, spread over pages", [f"{archive}?page={p}" for p in rng.sample(range(1, pages + 1), min(pages, 300))]),
    ("archive filtered", [f"{archive}?category=earnings&company={companies[0]}"]),
    ("search", [f"{archive}?q=dividend"]),
    ("release", releases[:1]),
    ("release, spread", releases),
    ("company, spread", [reverse("releases:company-detail", kwargs={"slug": s}) for s in companies]),
    ("companies", [reverse("releases:company-list")]),
    ("events", [reverse("releases:event-list")]),
    ("event, spread", [reverse("releases:event-detail", kwargs={"pk": pk}) for pk in events]),
    ("feed (RSS)", [reverse("releases:feed-rss")]),
    ("calendar (ics)", [reverse("releases:calendar-feed")]),
]
print(json.dumps([(name, paths) for name, paths in rows if paths]))
"""


def start_server(env: dict[str, str], port: int, args) -> subprocess.Popen:
    server = subprocess.Popen(
        [
            sys.executable, "-m", "gunicorn", "irsite.wsgi",
            "--bind", f"127.0.0.1:{port}",
            "--workers", str(args.workers),
            "--worker-class", args.worker_class,
            "--threads", str(args.threads),
            "--backlog", "2048",
            "--graceful-timeout", "5",
            "--log-level", "warning",
        ],
        cwd=BASE_DIR,
        env=env,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("gunicorn exited during start-up.")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/__bench__/ceiling", timeout=2) as response:
                if response.status == 200:
                    return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not answer within 30 s.")


def check_paths(port: int, rows: list[tuple[str, list[str]]]) -> None:
    """One request per row before timing, so a broken page fails loudly, not as a fast 500."""
    for name, paths in rows:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{paths[0]}", timeout=30) as response:
                response.read()
        except urllib.error.HTTPError as error:
            print(f"warning: {name} {paths[0]} answered {error.code}", file=sys.stderr)


def prewarm(port: int, paths: list[str], *, rounds: int) -> None:
    """Request every path `rounds` times, 8 at a time, so that each worker's local cache has
    nearly all of them (a spread row's 2,000 paths are too many for a timed warm-up to cover).
    A request reaches any of the workers, so with 4 workers a path requested 16 times has
    missed a given worker with a chance of (3/4)^16, 1%; at 8 times it was 10%, and those
    pages were rendered during the timed run of a "warm" row."""

    def fetch(path: str) -> None:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30).read()
        except OSError:
            pass  # a failing page shows in the timed run's errors

    if len(paths) > 1:
        with ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(fetch, paths * rounds))


def drain(port: int) -> None:
    """Wait for requests wrk left queued when it stopped, so that they do not slow the next row."""
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{port}/__bench__/ceiling", timeout=300).read()
    except OSError as error:
        print(f"warning: the server did not drain its queue: {error}", file=sys.stderr)


def run_wrk(port: int, name: str, paths: list[str], *, seconds: int, connections: int, threads: int) -> Result:
    with tempfile.NamedTemporaryFile("w", suffix=".paths", delete=False) as handle:
        handle.write("\n".join(paths) + "\n")
    try:
        output = subprocess.run(
            [
                "wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
                "-s", str(LUA_SCRIPT), f"http://127.0.0.1:{port}",
            ],
            env={**os.environ, "BENCH_PATHS": handle.name},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        os.unlink(handle.name)
    line = next(line for line in output.splitlines() if line.startswith("BENCH "))
    figures = {key: int(value) for key, value in (part.split("=") for part in line.split()[1:])}
    return Result(
        name=name,
        example=paths[0],
        paths=len(paths),
        requests=figures["requests"],
        rps=figures["requests"] / (figures["duration_us"] / 1e6),
        p50_ms=figures["p50_us"] / 1000,
        p99_ms=figures["p99_us"] / 1000,
        errors=figures["socket_errors"] + figures["status_errors"],
    )


def print_header() -> None:
    print(f"{'page':<28} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'ceiling':>8}  example", flush=True)


def print_row(r: Result) -> None:
    example = r.example if len(r.example) <= 60 else r.example[:57] + "..."
    print(
        f"{r.name:<28} {r.rps:>8.0f} {r.p50_ms:>8.1f} {r.p99_ms:>8.1f} {r.errors:>7} {r.of_ceiling:>7.0%}  "
        f"{example}{f' (+{r.paths - 1} more)' if r.paths > 1 else ''}",
        flush=True,
    )


def run_pass(env: dict[str, str], rows: list, args) -> list[Result]:
    port = free_port()
    server = start_server(env, port, args)
    results: list[Result] = []
    print_header()
    try:
        check_paths(port, rows)
        for name, paths in rows:
            if args.warmup:
                prewarm(port, paths, rounds=4 * args.workers)
                run_wrk(port, name, paths, seconds=args.warmup, connections=args.connections, threads=2)
            result = run_wrk(port, name, paths, seconds=args.duration, connections=args.connections, threads=2)
            drain(port)
            result.of_ceiling = result.rps / results[0].rps if results and results[0].rps else 1.0
            results.append(result)
            print_row(result)
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL"),
        help="a database to fill and serve (its releases are replaced when fewer than --releases); "
        "default: $BENCH_DATABASE_URL, else a fresh SQLite file in a temporary folder",
    )
    parser.add_argument("--releases", type=int, default=10_000)
    parser.add_argument("--duration", type=int, default=10, help="seconds per URL")
    parser.add_argument("--warmup", type=int, default=2, help="seconds per URL before timing")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1))
    parser.add_argument(
        "--worker-class",
        choices=["sync", "gthread"],
        default="sync",
        help="sync (as behind a buffering proxy; twice gthread's throughput on pages that render) or gthread",
    )
    parser.add_argument("--threads", type=int, default=1, help="gunicorn threads per worker (gthread)")
    parser.add_argument("--only", help="row names to run, separated by ';' (the ceiling always runs)")
    parser.add_argument(
        "--cache",
        choices=["all", "warm", "miss"],
        default="all",
        help="warm: pages from the page cache; miss: the page cache off, every page rendered",
    )
    parser.add_argument("--smoke", action="store_true", help="a few hundred releases, one second per URL, page cache off")
    args = parser.parse_args(argv)
    if args.smoke:
        args.releases, args.duration, args.warmup, args.connections, args.cache = 300, 1, 0, 8, "miss"
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install -y wrk")

    scratch = Path(tempfile.mkdtemp(prefix="irsite-bench-"))
    database_url = args.database_url or f"sqlite:///{scratch / 'bench.sqlite3'}"
    env = server_env(database_url)
    env["IRSITE_PAGE_CACHE_STAMP"] = str(scratch / "page-generation")
    print(f"database: {database_url.split('@')[-1]}; cache: {env.get('CACHE_URL', 'local memory')}")
    prepare_database(env, args.releases)
    manage(env, "manage.py", "collectstatic", "--noinput", "-v", "0")
    rows = json.loads(manage(env, "-c", CHOOSE_PATHS))
    if args.only:
        wanted = {"ceiling", *(name.strip() for name in args.only.split(";"))}
        rows = [row for row in rows if row[0] in wanted]

    passes = {
        "warm": env,
        "miss": {**env, "IRSITE_PAGE_CACHE": "false"},
    }
    if args.cache != "all":
        passes = {args.cache: passes[args.cache]}
    results: dict[str, list[Result]] = {}
    try:
        for label, pass_env in passes.items():
            print(
                f"\n{label}: gunicorn {args.workers} {args.worker_class} workers x {args.threads} threads; "
                f"wrk 2 threads, {args.connections} connections, "
                f"{args.duration} s per URL after {args.warmup} s warm-up"
            )
            results[label] = run_pass(pass_env, rows, args)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    out = BASE_DIR / "bench" / "results"
    out.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (out / f"load-{stamp}.json").write_text(
        json.dumps({"database": database_url.split("@")[-1], "args": vars(args),
                    "results": {label: [asdict(r) for r in rs] for label, rs in results.items()}}, indent=2)
    )
    failed = [f"{r.name} ({label})" for label, rs in results.items() for r in rs if r.errors]
    if failed:
        print(f"errors on: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
