"""A shared cache of rendered public pages, for anonymous GETs.

In: a view. Out: the same view, whose 200 answers to anonymous visitors are stored in the
default cache (local memory, or Redis shared by every app server with CACHE_URL) and served
from it until one of two things happens:

- a write: any save or delete of a row of this app (release, call, company, listing,
  contact, dial-in, the release-contact link) replaces the cache *generation*, a token that
  is part of every key, so every page stored before the write is never read again;
- the *horizon*: the soonest future moment at which a page changes by itself, with no
  write, because a release's embargo lifts (published_at passes) or a call starts and
  moves from upcoming to past. It is computed once per generation, and no stored page is
  served past it.

The generation lives where every process that can write sees it: in the shared cache when
there is one (CACHE_URL, e.g. Redis, for several app servers), and otherwise in a small
file (IRSITE_PAGE_CACHE_STAMP), so that a write made by one gunicorn worker, or by a
management command, clears the local-memory pages of every process on the machine. Reading
it costs a file read per request, a few microseconds.

Logged-in users (staff previewing drafts among them) neither read nor fill the cache,
and only plain 200 answers are stored: never a 404, a redirect, a preview marked
no-cache, or a response that sets a cookie.
"""

from __future__ import annotations

import hashlib
import logging
import os
import uuid
from contextvars import ContextVar
from functools import wraps
from pathlib import Path

from django.conf import settings
from django.core import checks
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.db.models import Min
from django.http import HttpResponse
from django.utils import timezone

GENERATION_KEY = "irsite:pages:generation"
# Headers a stored page keeps; the rest (Vary: Cookie, cookies, security headers added by
# middleware on the way out) are set again on every response.
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Last-Modified", "ETag", "Content-Language")
NO_HORIZON = float("inf")

logger = logging.getLogger(__name__)


def page_cache_seconds() -> float:
    """How long a page may be served, at most: a write or the horizon replaces it sooner."""
    return settings.PAGE_CACHE_SECONDS


def clock() -> float:
    """Now, in epoch seconds, from the clock that decides what is published."""
    return timezone.now().timestamp()


def is_process_local() -> bool:
    return isinstance(caches["default"], LocMemCache)


def stamp_path() -> Path:
    return Path(settings.PAGE_CACHE_STAMP)


def write_stamp(path: Path) -> str:
    """A new generation, written whole and swapped in at once (readers see the old token
    or the new one, never half of one)."""
    token = uuid.uuid4().hex
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.name}.{token}")
    temporary.write_text(token)
    os.replace(temporary, path)
    return token


# The generation a public page's request read first: its page and every shared fragment it
# names then use that one (one stamp read, not one per fragment, and no mix of two).
_request_generation: ContextVar[dict | None] = ContextVar("irsite_request_generation", default=None)


def generation() -> str | None:
    """The current generation, or None when it cannot be known (the page is then neither
    read from nor stored in the cache, which is slow but never stale). Within a public
    page's request, the one it read first."""
    remembered = _request_generation.get()
    if remembered is None:
        return read_generation()
    if "token" not in remembered:
        remembered["token"] = read_generation()
    return remembered["token"]


def read_generation() -> str | None:
    if not is_process_local():
        token = cache.get(GENERATION_KEY)
        if token is None:
            cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
            token = cache.get(GENERATION_KEY)
        return token
    path = stamp_path()
    try:
        return path.read_text() or None
    except FileNotFoundError:
        try:
            return write_stamp(path)
        except OSError:
            logger.exception("Cannot write the page cache stamp %s; public pages are not cached.", path)
            return None
    except OSError:
        logger.exception("Cannot read the page cache stamp %s; public pages are not cached.", path)
        return None


def bump_generation() -> None:
    """Forget every stored page; called on each write, and again when its transaction commits
    (a reader between the two may have stored the page as it was before the commit)."""
    if not is_process_local():
        cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        return
    try:
        write_stamp(stamp_path())
    except OSError:
        # Unwritable: make the stamp unreadable too, so that no process serves a page
        # stored before this write.
        logger.exception("Cannot write the page cache stamp %s; public pages are not cached.", stamp_path())
        try:
            stamp_path().unlink(missing_ok=True)
        except OSError:
            logger.exception("Cannot remove the page cache stamp %s either: cached pages may be stale.", stamp_path())


def check_stamp(app_configs=None, **kwargs) -> list:
    """System check: with a local-memory cache, the stamp's folder must be writable, or no
    public page is cached."""
    if not is_process_local():
        return []
    folder = stamp_path().parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        writable = os.access(folder, os.W_OK)
    except OSError:
        writable = False
    if writable:
        return []
    return [
        checks.Warning(
            f"The page cache stamp's folder {folder} is not writable, so public pages are not cached.",
            hint="Set IRSITE_PAGE_CACHE_STAMP to a file in a folder the app can write, or CACHE_URL to a shared cache.",
            id="irsite.W001",
        )
    ]


def invalidate_on_write(sender, **kwargs) -> None:
    if sender._meta.app_label != "releases":
        return
    bump_generation()
    transaction.on_commit(bump_generation, robust=True)


def next_change(now) -> float:
    """The epoch seconds of the soonest future publication or call start (inf when none)."""
    from .models import ConferenceCall, PressRelease

    moments = [
        PressRelease.objects.filter(published_at__gt=now).aggregate(at=Min("published_at"))["at"],
        ConferenceCall.objects.filter(starts_at__gt=now).aggregate(at=Min("starts_at"))["at"],
    ]
    moments = [moment.timestamp() for moment in moments if moment is not None]
    return min(moments, default=NO_HORIZON)


def horizon(token: str) -> float:
    """This generation's next change, cached until it passes."""
    key = f"irsite:pages:{token}:horizon"
    found = cache.get(key)
    if found is None or found <= clock():
        found = next_change(timezone.now())
        cache.set(key, found, timeout=page_cache_seconds())
    return found


def page_key(request, token: str) -> str:
    # Scheme and host are part of the page: canonical links and JSON-LD use absolute URLs.
    # Hashed, as a long query string would exceed memcached's 250-character keys.
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return f"irsite:pages:{token}:{hashlib.sha256(url.encode()).hexdigest()}"


def is_storable(response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
    )


def from_entry(entry: dict) -> HttpResponse:
    response = HttpResponse(entry["content"], status=200)
    for name, value in entry["headers"]:
        response[name] = value
    response["Content-Length"] = str(len(entry["content"]))
    return response


def joined(response):
    """The response rendered, its body in one piece: a syndication feed writes many small
    pieces, which gunicorn would send one by one."""
    if hasattr(response, "render") and callable(response.render):
        response = response.render()
    if not response.streaming:
        response.content = response.content
        response["Content-Length"] = str(len(response.content))
    return response


def public_page(view):
    """Serve `view` to anonymous GET and HEAD requests from the shared page cache."""

    @wraps(view)
    def cached_view(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD") or request.user.is_authenticated:
            return view(request, *args, **kwargs)
        remembered = _request_generation.set({})
        try:
            return cached_response(request, *args, **kwargs)
        finally:
            _request_generation.reset(remembered)

    def cached_response(request, *args, **kwargs):
        token = generation() if settings.PAGE_CACHE_ENABLED else None
        if token is None:
            return joined(view(request, *args, **kwargs))
        key = page_key(request, token)
        entry = cache.get(key)
        # A stored page's expiry already folds in the horizon it was stored under.
        if entry is not None and clock() < entry["expires"]:
            return from_entry(entry)
        expires = horizon(token)
        response = joined(view(request, *args, **kwargs))
        if request.method != "GET" or not is_storable(response):
            return response
        now = clock()
        seconds = min(page_cache_seconds(), expires - now)
        if seconds > 0:
            headers = [(name, response[name]) for name in KEPT_HEADERS if response.has_header(name)]
            entry = {"content": response.content, "headers": headers, "expires": now + seconds}
            cache.set(key, entry, timeout=max(1, int(seconds)))
        return response

    return cached_view
