"""Sign-in throttling: failures counted per (username, client address) in a cache of their own.

In: Django's `user_login_failed` and `user_logged_in` signals, and the request.
Out: `seconds_locked(username, ip)`, which LoginThrottleMiddleware asks before a sign-in
attempt is checked. Counted in the "throttle" cache, never in the pages' one, so no flood of
pages can evict a lockout; its default table in the database is the same for every worker
and every app server.

Limits come from settings: IRSITE_LOGIN_FAILURE_LIMIT failures within
IRSITE_LOGIN_FAILURE_WINDOW seconds lock that username, from that address, for
IRSITE_LOGIN_LOCKOUT_SECONDS; IRSITE_LOGIN_ADDRESS_FAILURE_LIMIT failures from one address,
whatever the usernames, lock the address. A successful sign-in clears its username's count.
"""

import hashlib
import time

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import caches
from django.dispatch import receiver


def throttle_cache():
    return caches["throttle"]


def client_ip(request) -> str:
    if settings.SECURE_PROXY_SSL_HEADER:
        # Behind our proxy the last address it appended is the client it saw;
        # earlier entries are whatever the client chose to send.
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def _key(kind: str, username: str | None, ip: str) -> str:
    # Hashed: usernames are arbitrary text, cache keys are not. No username: the whole address.
    subject = "\1address" if username is None else username.strip().casefold()
    digest = hashlib.sha256(f"{subject}\0{ip}".encode()).hexdigest()
    return f"irsite:login:{kind}:{digest}"


def seconds_locked(username: str, ip: str) -> int:
    locks = throttle_cache().get_many([_key("locked", username, ip), _key("locked", None, ip)])
    until = max(locks.values(), default=0)
    return max(0, int(until - time.time()))


def _count_failure(username: str | None, ip: str, limit: int) -> None:
    failures_key = _key("failures", username, ip)
    cache = throttle_cache()
    cache.add(failures_key, 0, timeout=settings.IRSITE_LOGIN_FAILURE_WINDOW)
    try:
        failures = cache.incr(failures_key)
    except ValueError:  # expired between add() and incr()
        cache.set(failures_key, 1, timeout=settings.IRSITE_LOGIN_FAILURE_WINDOW)
        failures = 1
    if failures >= limit:
        lockout = settings.IRSITE_LOGIN_LOCKOUT_SECONDS
        cache.set(_key("locked", username, ip), time.time() + lockout, timeout=lockout)
        cache.delete(failures_key)


def record_failure(username: str, ip: str) -> None:
    _count_failure(username, ip, settings.IRSITE_LOGIN_FAILURE_LIMIT)
    # One address trying many usernames is locked out as a whole, at a higher count.
    _count_failure(None, ip, settings.IRSITE_LOGIN_ADDRESS_FAILURE_LIMIT)


def reset(username: str, ip: str) -> None:
    """After a successful sign-in: that username's count only; the address's count stays,
    or an attacker could clear it by signing in to an account of their own."""
    throttle_cache().delete_many([_key("failures", username, ip), _key("locked", username, ip)])


@receiver(user_login_failed, dispatch_uid="irsite.throttle.failed")
def _on_login_failed(sender, credentials, request=None, **kwargs):
    if request is not None:
        record_failure(credentials.get("username", ""), client_ip(request))


@receiver(user_logged_in, dispatch_uid="irsite.throttle.logged_in")
def _on_logged_in(sender, request, user, **kwargs):
    if request is not None:
        reset(user.get_username(), client_ip(request))
