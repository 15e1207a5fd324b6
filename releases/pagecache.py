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

Logged-in users (staff previewing drafts among them) neither read nor fill the cache,
and only plain 200 answers are stored: never a 404, a redirect, a preview marked
no-cache, or a response that sets a cookie.
"""

from __future__ import annotations

import hashlib
import uuid
from functools import wraps

from django.conf import settings
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


def page_cache_seconds() -> float:
    """How long a page may be served. A local-memory cache lives in one process, and a write
    made in another process (another app server worker, a management command) cannot
    replace its generation; there, pages are kept only a few seconds. Share a cache between
    processes (CACHE_URL, e.g. Redis) and a page is kept until a write or its horizon."""
    if is_process_local():
        return settings.PAGE_CACHE_LOCAL_SECONDS
    return settings.PAGE_CACHE_SECONDS


def clock() -> float:
    """Now, in epoch seconds, from the clock that decides what is published."""
    return timezone.now().timestamp()


def is_process_local() -> bool:
    return isinstance(caches["default"], LocMemCache)


# A local-memory cache is this process's alone, so its generation is a variable: one cache
# read fewer per request, and never culled with the pages when the cache fills up.
_local_generation = uuid.uuid4().hex


def generation() -> str:
    if is_process_local():
        return _local_generation
    token = cache.get(GENERATION_KEY)
    if token is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        token = cache.get(GENERATION_KEY)
    return token


def bump_generation() -> None:
    """Forget every stored page; called on each write, and again when its transaction commits
    (a reader between the two may have stored the page as it was before the commit)."""
    global _local_generation
    _local_generation = uuid.uuid4().hex
    if not is_process_local():
        cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


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


def public_page(view):
    """Serve `view` to anonymous GET and HEAD requests from the shared page cache."""

    @wraps(view)
    def cached_view(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD") or request.user.is_authenticated:
            return view(request, *args, **kwargs)
        token = generation()
        key = page_key(request, token)
        entry = cache.get(key)
        # A stored page's expiry already folds in the horizon it was stored under.
        if entry is not None and clock() < entry["expires"]:
            return from_entry(entry)
        expires = horizon(token)
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        if request.method != "GET" or not is_storable(response):
            return response
        # One body, not the many small pieces a syndication feed writes, each sent apart.
        response.content = response.content
        response["Content-Length"] = str(len(response.content))
        now = clock()
        seconds = min(page_cache_seconds(), expires - now)
        if seconds > 0:
            headers = [(name, response[name]) for name in KEPT_HEADERS if response.has_header(name)]
            entry = {"content": response.content, "headers": headers, "expires": now + seconds}
            cache.set(key, entry, timeout=max(1, int(seconds)))
        return response

    return cached_view
