"""Parser speed over a folder of releases: releases per second, median and 95th-percentile ms.

    python bench/parse_bench.py [FOLDER ...] [--rounds 5]

Defaults to ../shared/corpus/dev. Parses every .txt/.html/.htm/.docx file in one process on
one core (no Django, no database), after one warm-up pass, `--rounds` times over. Prints the
figures; the target is a median under 20 ms per release.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from releases.parsing import ParseError, parse_press_release  # noqa: E402

DEFAULT_CORPUS = BASE_DIR.parent / "shared" / "corpus" / "dev"
SUFFIXES = {".txt", ".html", ".htm", ".docx"}
TARGET_MEDIAN_MS = 20.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", type=Path, default=[DEFAULT_CORPUS])
    parser.add_argument("--rounds", type=int, default=5, help="timed passes over the files (default: 5)")
    args = parser.parse_args()

    files = sorted(p for folder in args.folders if folder.is_dir() for p in folder.iterdir() if p.suffix in SUFFIXES)
    if not files:
        print(f"no releases found in {', '.join(map(str, args.folders))}")
        return 2
    releases = [(path.name, path.read_bytes()) for path in files]
    failed = sum(1 for name, raw in releases if parse_once(name, raw) is None)  # warm-up: imports, regex caches

    timings = []
    started = time.perf_counter()
    for _ in range(args.rounds):
        for name, raw in releases:
            begin = time.perf_counter()
            parse_once(name, raw)
            timings.append((time.perf_counter() - begin) * 1000)
    elapsed = time.perf_counter() - started

    timings.sort()
    median = statistics.median(timings)
    p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
    size = sum(len(raw) for _, raw in releases) / 1024
    print(f"{len(releases)} releases ({size:.0f} KiB), {args.rounds} rounds, {failed} refused by the parser")
    print(f"releases/s     {len(timings) / elapsed:8.1f}")
    print(f"median ms      {median:8.2f}   (target < {TARGET_MEDIAN_MS:.0f})")
    print(f"p95 ms         {p95:8.2f}")
    print(f"max ms         {timings[-1]:8.2f}")
    return 0


def parse_once(name: str, raw: bytes):
    try:
        return parse_press_release(raw, filename=name)
    except ParseError:
        return None


if __name__ == "__main__":
    sys.exit(main())
