"""Parser speed over a folder of releases, and over adversarial inputs.

    python bench/parse_bench.py [FOLDER ...] [--rounds 5] [--no-adversarial] [--limit 10]

Defaults to ../shared/corpus/dev. Parses every .txt/.html/.htm/.docx file in one process on
one core (no Django, no database), after one warm-up pass, `--rounds` times over, and prints
for each release its median, 95th-percentile and worst ms, then the same over all parses
(the target: a median under 20 ms, no release over 1 s).

Then each adversarial input of releases/tests/parsing/adversarial.py (runs of words without a
full stop, digits, spaces, dashes, nested tags, a 2 MB line, 5 MB of table cells, ...) once,
through parse_within with `--limit` seconds, as an upload is parsed: its ms (the child
process's start, about 5-10 ms, included), its outcome, and the worst of them.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from releases.parsing import ParseError, parse_press_release, parse_within  # noqa: E402
from releases.tests.parsing.adversarial import adversarial_inputs  # noqa: E402

DEFAULT_CORPUS = BASE_DIR.parent / "shared" / "corpus" / "dev"
SUFFIXES = {".txt", ".html", ".htm", ".docx"}
TARGET_MEDIAN_MS = 20.0
TARGET_WORST_MS = 1000.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", type=Path, default=[DEFAULT_CORPUS])
    parser.add_argument("--rounds", type=int, default=5, help="timed passes over the files (default: 5)")
    parser.add_argument("--no-adversarial", action="store_true", help="only the releases")
    parser.add_argument("--limit", type=float, default=10.0,
                        help="seconds an adversarial input may take before it is stopped (default: 10)")
    args = parser.parse_args()

    files = sorted(p for folder in args.folders if folder.is_dir() for p in folder.iterdir() if p.suffix in SUFFIXES)
    if not files:
        print(f"no releases found in {', '.join(map(str, args.folders))}")
        return 2
    releases = [(path.name, path.read_bytes()) for path in files]
    failed = sum(1 for name, raw in releases if parse_once(name, raw) is None)  # warm-up: imports, regex caches

    per_release: dict[str, list[float]] = {name: [] for name, _ in releases}
    started = time.perf_counter()
    for _ in range(args.rounds):
        for name, raw in releases:
            begin = time.perf_counter()
            parse_once(name, raw)
            per_release[name].append((time.perf_counter() - begin) * 1000)
    elapsed = time.perf_counter() - started

    print(f"{'release':<14} {'KiB':>6} {'median':>8} {'p95':>8} {'worst':>8}   (ms)")
    for name, raw in releases:
        median, p95, worst = figures(per_release[name])
        mark = "   over 1 s" if worst > TARGET_WORST_MS else ""
        print(f"{name:<14} {len(raw) / 1024:6.0f} {median:8.2f} {p95:8.2f} {worst:8.2f}{mark}")

    timings = [t for times in per_release.values() for t in times]
    median, p95, worst = figures(timings)
    slowest = max(per_release, key=lambda name: max(per_release[name]))
    size = sum(len(raw) for _, raw in releases) / 1024
    over = [name for name, times in per_release.items() if max(times) > TARGET_WORST_MS]
    print()
    print(f"{len(releases)} releases ({size:.0f} KiB), {args.rounds} rounds, {failed} refused by the parser")
    print(f"releases/s     {len(timings) / elapsed:8.1f}")
    print(f"median ms      {median:8.2f}   (target < {TARGET_MEDIAN_MS:.0f})")
    print(f"p95 ms         {p95:8.2f}")
    print(f"worst ms       {worst:8.2f}   ({slowest})")
    print(f"over 1 s       {', '.join(over) if over else 'none'}")

    if not args.no_adversarial:
        adversarial(args.limit)
    return 0


def adversarial(limit: float) -> None:
    print()
    print(f"{'adversarial input':<56} {'KiB':>6} {'ms':>8}   outcome (parse_within, limit {limit:g} s)")
    results = []
    for name, filename, raw in adversarial_inputs():
        begin = time.perf_counter()
        try:
            parse_within(raw, filename=filename, seconds=limit)
            outcome = "release"
        except ParseError as error:
            outcome = "STOPPED at the limit" if "took longer than" in str(error) else f"refused: {error}"
        ms = (time.perf_counter() - begin) * 1000
        results.append((ms, name))
        print(f"{name:<56} {len(raw) / 1024:6.0f} {ms:8.0f}   {outcome[:70]}")
    ms, name = max(results)
    print(f"worst adversarial input: {name}, {ms:.0f} ms")


def figures(timings: list[float]) -> tuple[float, float, float]:
    ordered = sorted(timings)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95, ordered[-1]


def parse_once(name: str, raw: bytes):
    try:
        return parse_press_release(raw, filename=name)
    except ParseError:
        return None


if __name__ == "__main__":
    sys.exit(main())
