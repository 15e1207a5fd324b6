"""The one cache of public pages: rendered pages for anonymous GETs, and the headers that let
a CDN or nginx in front keep them too.

In: a view and the query parameters it reads. Out: the same view, whose 200 answers to
anonymous visitors are stored in the "pages" cache (local memory by default, bounded by its
MAX_ENTRIES; Redis shared by every app server with PAGE_CACHE_URL) and served from it until
one of these happens:

- a write: any save or delete of a row of this app (release, call, company, listing,
  contact, dial-in, the release-contact link) replaces the cache *generation*, a token that
  is part of every key, so every page stored before the write is never read again; it is
  replaced again when the write's transaction commits, as a reader between the two may have
  stored the page as it was before the commit;
- the *horizon*: the soonest future moment at which a page changes by itself, with no
  write, because a release's embargo lifts (published_at passes) or a call starts and moves
  from upcoming to past. It is computed once per generation, and no page is served past it;
- a deploy: the key holds a digest of the code and templates, so a moved URL or a changed
  template is never served from a page stored by the code before it.

A page's key is its scheme, host and path, and the values of the query parameters the page
reads, and nothing else: the view is given only those, so `?utm_source=...` or `?fbclid=...`
share the page's one entry and cannot fill the cache.

The generation lives where every process that can write sees it: in the pages cache when it
is shared (Redis), and otherwise in a small file (IRSITE_PAGE_CACHE_STAMP), so that a write
made by one gunicorn worker, or by a management command, clears the local-memory pages of
every process on the machine.

Logged-in users (staff previewing drafts among them) neither read nor fill the cache, and
only plain 200 answers are stored: never a 404, a redirect, a preview marked no-cache, or a
response that sets a cookie. Those stored get `Cache-Control: public, s-maxage=N`, N at most
IRSITE_PAGE_SHARED_SECONDS and never past the horizon, so a proxy in front keeps them no longer
than the site would (README, "Caching").
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import uuid
from pathlib import Path

from django.conf import settings
from django.core import checks
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.db.models import Min
from django.http import HttpResponse, QueryDict
from django.utils import timezone
from django.utils.cache import patch_cache_control, set_response_etag

GENERATION_KEY = "irsite:pages:generation"
# Headers a stored page keeps; the rest (Vary: Cookie, cookies, security headers added by
# middleware on the way out) are set again on every response.
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Last-Modified", "ETag", "Content-Language")
NO_HORIZON = float("inf")
# What the key's code digest covers: the project's code and templates, not its tests.
CODE_FOLDERS = ("irsite", "releases", "alerts", "disclosure", "templates")

logger = logging.getLogger(__name__)


def pages():
    return caches["pages"]


def clock() -> float:
    """Now, in epoch seconds, from the clock that decides what is published."""
    return timezone.now().timestamp()


def is_process_local() -> bool:
    return isinstance(pages(), LocMemCache)


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


def generation() -> str | None:
    """The current generation, or None when it cannot be known (pages are then neither read
    from nor stored in the cache, which is slow but never stale)."""
    if not is_process_local():
        token = pages().get(GENERATION_KEY)
        if token is None:
            pages().add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
            token = pages().get(GENERATION_KEY)
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
    """Forget every stored page."""
    if not is_process_local():
        pages().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
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
            hint="Set IRSITE_PAGE_CACHE_STAMP to a file in a folder the app can write, or PAGE_CACHE_URL to a "
            "shared cache.",
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
    found = pages().get(key)
    if found is None or found <= clock():
        found = next_change(timezone.now())
        pages().set(key, found, timeout=settings.PAGE_CACHE_SECONDS)
    return found


@functools.cache
def code_digest() -> str:
    """A digest of the code and templates that render public pages (read once per process),
    the static files' manifest and the settings that change how a page reads."""
    digest = hashlib.sha256(f"{settings.TIME_ZONE}:{settings.LANGUAGE_CODE}:{settings.STATIC_URL}".encode())
    base = Path(settings.BASE_DIR)
    files = [
        path
        for folder in CODE_FOLDERS
        for path in sorted((base / folder).rglob("*"))
        if path.suffix in (".py", ".html", ".txt") and "tests" not in path.relative_to(base).parts
    ]
    files.append(Path(settings.STATIC_ROOT) / "staticfiles.json")
    for path in files:
        digest.update(str(path).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def read_only(request, params: tuple[str, ...]) -> QueryDict:
    """The request's query string cut to `params`, in that order."""
    kept = QueryDict(mutable=True)
    for name in params:
        if values := request.GET.getlist(name):
            kept.setlist(name, values)
    kept._mutable = False
    return kept


def page_key(request, token: str, query: QueryDict) -> str:
    # Scheme and host are part of the page: canonical links and JSON-LD use absolute URLs.
    # Hashed, as a long query string would exceed memcached's 250-character keys.
    url = f"{request.scheme}://{request.get_host()}{request.path}?{query.urlencode()}"
    return f"irsite:pages:{token}:{code_digest()}:{hashlib.sha256(url.encode()).hexdigest()}"


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


def rendered(response):
    """The response rendered, its body in one piece (a syndication feed writes many small
    pieces, which gunicorn would send one by one), with its ETag."""
    if hasattr(response, "render") and callable(response.render):
        response = response.render()
    if not response.streaming:
        response.content = response.content
        response["Content-Length"] = str(len(response.content))
        if response.status_code == 200:
            set_response_etag(response)
    return response


def shared_for(response, expires: float) -> None:
    """Let a proxy in front keep a stored page until `expires`, IRSITE_PAGE_SHARED_SECONDS at most;
    browsers ask again every time (with the ETag, for a 304)."""
    seconds = int(min(settings.PAGE_SHARED_SECONDS, expires - clock()))
    if seconds > 0:
        patch_cache_control(response, public=True, max_age=0, s_maxage=seconds)
    else:
        patch_cache_control(response, no_cache=True)


def public_page(view, *, params: tuple[str, ...] = ()):
    """Serve `view` to anonymous GET and HEAD requests from the pages cache; the view sees only
    the query parameters `params`."""
    @functools.wraps(view)
    def cached_view(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD") or request.user.is_authenticated:
            return view(request, *args, **kwargs)
        request.GET = read_only(request, params)
        token = generation() if settings.PAGE_CACHE_ENABLED else None
        if token is None:
            return rendered(view(request, *args, **kwargs))
        key = page_key(request, token, request.GET)
        entry = pages().get(key)
        # A stored page's expiry already folds in the horizon it was stored under.
        if entry is not None and clock() < entry["expires"]:
            response = from_entry(entry)
            shared_for(response, entry["expires"])
            return response
        expires = min(horizon(token), clock() + settings.PAGE_CACHE_SECONDS)
        response = rendered(view(request, *args, **kwargs))
        if request.method != "GET" or not is_storable(response):
            return response
        seconds = expires - clock()
        if seconds > 0:
            headers = [(name, response[name]) for name in KEPT_HEADERS if response.has_header(name)]
            entry = {"content": response.content, "headers": headers, "expires": expires}
            pages().set(key, entry, timeout=max(1, int(seconds)))
        shared_for(response, expires)
        return response

    return cached_view
