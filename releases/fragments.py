"""Names for cached fragments of public pages, so that a cached piece is never stale.

A fragment is cached under what it shows: a release's article under the release's pk and
`updated_at`, which moves whenever anything the article shows is written
(releases/versions.py). A new deploy may change how a fragment looks with no row changing,
so every key also holds a digest of the code that renders public pages (templates and this
app's modules, read once per process) and of the time zone pages are shown in. Old
fragments are then never read again, and the cache drops them as it fills (local memory
culls, Redis evicts with `maxmemory`).
"""

from __future__ import annotations

import functools
import hashlib
from array import array
from datetime import UTC, datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.core.cache import cache

from .pagecache import generation, horizon

APP_DIR = Path(__file__).resolve().parent


@functools.cache
def code_digest() -> str:
    """A digest of the templates, the app's Python modules (not its tests) and the settings
    that change how a page reads (its time zone)."""
    digest = hashlib.sha256(f"{settings.TIME_ZONE}:{settings.LANGUAGE_CODE}".encode())
    folders = [Path(folder) for template in settings.TEMPLATES for folder in template.get("DIRS", ())]
    files = sorted(path for folder in folders for path in folder.rglob("*.html"))
    files += sorted(APP_DIR.glob("*.py")) + sorted(APP_DIR.glob("templatetags/*.py"))
    for path in files:
        digest.update(str(path).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def text_digest(text: str) -> str:
    """A short, key-safe name for arbitrary text in a cache key (a query string, an address)."""
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def version_key(kind: str, pk: int, updated_at) -> str:
    """The cache name of `kind` for one row as it stands: e.g. a release's article."""
    return f"irsite:fragment:{kind}:{pk}:{updated_at.timestamp():.6f}:{code_digest()}"


def cached_row(kind: str, version: tuple, fetch):
    """The model instance `fetch()` gives for the row whose (pk, updated_at) is `version`
    (with what it was fetched with: its company, say), cached under that version, so a page
    that shows it reads a short statement for its version and the row from the cache."""
    key = version_key(kind, *version)
    row = cache.get(key)
    if row is None:
        row = fetch()
        cache.set(key, row, timeout=None)
    return row


def rows_key(kind: str, rows) -> str:
    """The cache name of `kind` for a list of rows as they stand, in this order (a page of
    the archive, say): it changes when a row is added, removed, moved or written. `rows`
    are model instances, or (pk, updated_at) pairs."""
    digest = hashlib.sha256()
    for row in rows:
        pk, updated_at = row if isinstance(row, tuple) else (row.pk, row.updated_at)
        digest.update(f"{pk}:{updated_at.timestamp():.6f};".encode())
    return f"irsite:fragment:{kind}:{digest.hexdigest()[:32]}:{code_digest()}"


def parts_key(kind: str, *parts) -> str:
    """The cache name of `kind` made of `parts` (other fragments' names, a count, a page
    number): a fragment holding other fragments, which changes when any of them does."""
    return f"irsite:fragment:{kind}:{text_digest(repr(parts))}:{code_digest()}"


def shared_key(kind: str) -> str:
    """The cache name of `kind`, a piece many pages show and many writes change (the list of
    companies, say), for as long as no row is written and no embargo lifts: the page cache's
    generation and horizon. Empty (not cached) when the generation cannot be known."""
    token = generation()
    if token is None:
        return ""
    return f"irsite:fragment:{kind}:{token}:{horizon(token)}:{code_digest()}"


EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MICROSECOND = timedelta(microseconds=1)


class PackedVersions:
    """(pk, updated_at) pairs, packed as two arrays of integers (updated_at in microseconds
    since the epoch) for the cache: 500 of them unpickle in 9 us, where as tuples of
    datetimes they took 190 us. A slice gives (pk, updated_at) pairs again."""

    def __init__(self, versions):
        self.pks = array("q", (pk for pk, _ in versions))
        self.micros = array("q", ((at - EPOCH) // MICROSECOND for _, at in versions))

    def __len__(self) -> int:
        return len(self.pks)

    def __getitem__(self, index: slice) -> list:
        pairs = zip(self.pks[index], self.micros[index], strict=True)
        return [(pk, EPOCH + micros * MICROSECOND) for pk, micros in pairs]


def shared_head(kind: str, build, size: int) -> tuple[int, PackedVersions] | None:
    """(how many rows the queryset `build()` holds, the (pk, updated_at) of its first `size`),
    worked out once per generation under the name `kind`; None when the generation cannot
    be known. The queryset is built only when they are not cached."""
    key = shared_key(kind)
    if not key:
        return None

    def read():
        queryset = build()
        head = PackedVersions(queryset.values_list("pk", "updated_at")[:size])
        return (len(head) if len(head) < size else queryset.count()), head

    return cache.get_or_set(key, read, timeout=None)


def company_page_key(company) -> str:
    """A company page: its version moves with every write the page shows
    (releases/versions.py), and the horizon with every embargo lift or call start."""
    token = generation()
    if token is None:
        return ""
    return f"{version_key('company-page', company.pk, company.updated_at)}:{horizon(token)}"


def shared_count(kind: str, build) -> int | None:
    """How many rows the queryset `build()` holds, counted once per generation under the name
    `kind`; None when the generation cannot be known (the paginator then counts). The
    queryset is built only when the count is not cached."""
    key = shared_key(kind)
    return cache.get_or_set(key, lambda: build().count(), timeout=None) if key else None
