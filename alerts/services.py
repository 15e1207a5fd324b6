"""The writes of the alerts app. The form, the signed links, the admin and import_subscribers
call these; the tasks (alerts.tasks) call the fan-out and the delivery marks.

Subscribers: subscribe (pending until confirmed), confirm, change preferences, unsubscribe,
erase, import. Releases: fan a published release out into one Delivery row per wanted
subscriber, once. Deliveries: claim a batch under a lease (and the send slots the rate limit
gives it), then mark each row sent, retried or failed.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac

from releases.models import Company, PressRelease

from .models import Delivery, Mailing, SendClock, Subscriber, Suppression, lease_duration


def normalise_email(email: str) -> str:
    return email.strip().lower()


def address_digest(email: str) -> str:
    """The suppression list's key: an HMAC-SHA256 of the normalised address, keyed by the site,
    so the list cannot be matched against other lists of addresses or reversed by guessing."""
    secret = settings.ALERTS_SUPPRESSION_KEY or None
    digest = salted_hmac("irsite.alerts.suppression", normalise_email(email), secret=secret, algorithm="sha256")
    return digest.hexdigest()


def is_suppressed(email: str) -> bool:
    return Suppression.objects.filter(digest=address_digest(email)).exists()


def suppress(email: str, *, reason: str) -> None:
    Suppression.objects.get_or_create(digest=address_digest(email), defaults={"reason": reason})


@dataclass(frozen=True)
class Preferences:
    all_companies: bool
    companies: tuple[Company, ...]
    categories: tuple[str, ...]
    calls: bool


def apply_preferences(subscriber: Subscriber, preferences: Preferences) -> None:
    subscriber.all_companies = preferences.all_companies
    subscriber.categories = sorted(set(preferences.categories))
    subscriber.calls = preferences.calls


@transaction.atomic
def subscriber_subscribe(
    *, email: str, preferences: Preferences, consent_version: str, source: str, ip: str | None = None
) -> Subscriber:
    """A signup from the form: pending, with a confirmation email enqueued. For an address
    already confirmed nothing changes; it is sent its preferences link instead, so the form
    tells no one which addresses subscribe and changes no one's choices without their click."""
    from . import tasks

    email = normalise_email(email)
    subscriber = Subscriber.objects.filter(email=email).first()
    if subscriber is not None and subscriber.status == Subscriber.Status.CONFIRMED:
        transaction.on_commit(lambda: tasks.send_already_subscribed.enqueue(subscriber_id=subscriber.pk))
        return subscriber
    subscriber = subscriber or Subscriber(email=email)
    apply_preferences(subscriber, preferences)
    subscriber.status = Subscriber.Status.PENDING
    subscriber.consent_version = consent_version
    subscriber.consent_source = source[:200]
    subscriber.consented_at = timezone.now()
    subscriber.signup_ip = ip or None
    subscriber.confirmed_at = None
    subscriber.full_clean(validate_constraints=False)  # the address was looked up above
    subscriber.save()
    subscriber.companies.set(preferences.companies)
    transaction.on_commit(lambda: tasks.send_confirmation.enqueue(subscriber_id=subscriber.pk))
    return subscriber


@transaction.atomic
def subscriber_confirm(*, subscriber: Subscriber) -> Subscriber:
    """The person followed the confirmation link: alerts start. Their own fresh consent lifts
    an earlier unsubscribe's suppression (an import or the admin never can)."""
    if subscriber.status != Subscriber.Status.PENDING:
        return subscriber
    subscriber.status = Subscriber.Status.CONFIRMED
    subscriber.confirmed_at = timezone.now()
    subscriber.bounce_count = 0
    subscriber.save(update_fields=["status", "confirmed_at", "bounce_count", "updated_at"])
    Suppression.objects.filter(digest=address_digest(subscriber.email)).delete()
    return subscriber


@transaction.atomic
def subscriber_update_preferences(*, subscriber: Subscriber, preferences: Preferences) -> Subscriber:
    apply_preferences(subscriber, preferences)
    subscriber.full_clean(validate_constraints=False)
    subscriber.save(update_fields=["all_companies", "categories", "calls", "updated_at"])
    subscriber.companies.set(preferences.companies)
    return subscriber


@transaction.atomic
def subscriber_unsubscribe(*, subscriber: Subscriber) -> Subscriber:
    """No more mail, from this moment: the address is suppressed and its queued alerts skipped."""
    suppress(subscriber.email, reason=Suppression.Reason.UNSUBSCRIBED)
    if subscriber.status != Subscriber.Status.UNSUBSCRIBED:
        subscriber.status = Subscriber.Status.UNSUBSCRIBED
        subscriber.save(update_fields=["status", "updated_at"])
    subscriber.deliveries.filter(status=Delivery.Status.QUEUED).update(status=Delivery.Status.SKIPPED)
    return subscriber


@transaction.atomic
def subscriber_erase(*, subscriber: Subscriber) -> None:
    """Erasure on request: the row and its delivery history go; only the keyed hash stays,
    so that the address is never mailed again."""
    suppress(subscriber.email, reason=Suppression.Reason.ERASED)
    subscriber.delete()


@dataclass(frozen=True)
class ImportRecord:
    line: int
    email: str
    preferences: Preferences
    consent_source: str
    consented_at: datetime


@dataclass
class ImportOutcome:
    created: int = 0
    updated: int = 0
    suppressed: list[str] = field(default_factory=list)
    confirmed_already: list[str] = field(default_factory=list)


@transaction.atomic
def subscribers_import(*, records: Iterable[ImportRecord], confirmed: bool, consent_version: str) -> ImportOutcome:
    """An existing list from another platform. Suppressed addresses are left out; with
    `confirmed` (a list already double-opted-in) the rows are confirmed at once, else pending:
    they are asked to confirm as a signup is. An address subscribed already is updated only
    while pending; a confirmed one keeps its own choices."""
    from . import tasks

    outcome = ImportOutcome()
    for record in records:
        email = normalise_email(record.email)
        if is_suppressed(email):
            outcome.suppressed.append(email)
            continue
        subscriber = Subscriber.objects.filter(email=email).first()
        if subscriber is not None and subscriber.status == Subscriber.Status.CONFIRMED:
            outcome.confirmed_already.append(email)
            continue
        created = subscriber is None
        subscriber = subscriber or Subscriber(email=email)
        apply_preferences(subscriber, record.preferences)
        subscriber.consent_version = consent_version
        subscriber.consent_source = record.consent_source[:200]
        subscriber.consented_at = record.consented_at
        if confirmed:
            subscriber.status = Subscriber.Status.CONFIRMED
            subscriber.confirmed_at = record.consented_at
        else:
            subscriber.status = Subscriber.Status.PENDING
        subscriber.full_clean(validate_constraints=False)
        subscriber.save()
        subscriber.companies.set(record.preferences.companies)
        if not confirmed:
            pk = subscriber.pk
            transaction.on_commit(lambda pk=pk: tasks.send_confirmation.enqueue(subscriber_id=pk))
        if created:
            outcome.created += 1
        else:
            outcome.updated += 1
    return outcome


def subscribers_expire() -> int:
    """Signups not confirmed within 48 hours are forgotten."""
    deleted, _ = Subscriber.objects.expired().delete()
    return deleted


@transaction.atomic
def mailing_create(*, release_id: int) -> Mailing | None:
    """Fan a published release's alerts out, once: its Mailing row and one queued Delivery per
    wanted subscriber, in one transaction. None when the release is not published (a draft, an
    embargo not yet lifted, unpublished since) or was fanned out already."""
    now = timezone.now()
    release = PressRelease.objects.filter(pk=release_id, published_at__lte=now).first()
    if release is None:
        return None
    mailing, created = Mailing.objects.get_or_create(release=release)
    if not created:
        return None
    wanted = Subscriber.objects.for_release(release, announces_call=release.calls.exists())
    emails = dict(Subscriber.objects.filter(pk__in=wanted).values_list("pk", "email")) if wanted else {}
    suppressed = set(
        Suppression.objects.filter(digest__in=[address_digest(e) for e in emails.values()]).values_list(
            "digest", flat=True
        )
    )
    recipients = [pk for pk, email in emails.items() if address_digest(email) not in suppressed]
    Delivery.objects.bulk_create(
        (Delivery(release=release, subscriber_id=pk, next_attempt_at=now) for pk in sorted(recipients)),
        batch_size=2000,
        ignore_conflicts=True,
    )
    mailing.recipients = len(recipients)
    mailing.save(update_fields=["recipients"])
    return mailing


@dataclass(frozen=True)
class Claim:
    deliveries: list[Delivery]
    first_send_at: float  # Unix time of the batch's first send slot
    interval: float  # seconds between its messages (0: no rate limit)


def deliveries_claim(*, release_id: int, owner: str, size: int) -> Claim:
    """Up to `size` claimable rows of the release, leased to `owner`, and the send slots the
    rate limit gives them. PostgreSQL: rows another worker holds are skipped (SKIP LOCKED), and
    the send clock's row is locked for the moment it takes to move it on. SQLite: the IMMEDIATE
    transaction takes the write lock at BEGIN, so claims take turns."""
    now = timezone.now()
    with transaction.atomic():
        pks = list(
            Delivery.objects.claimable(now)
            .filter(release_id=release_id)
            .select_for_update(skip_locked=True, of=("self",))
            .order_by("pk")
            .values_list("pk", flat=True)[:size]
        )
        if not pks:
            return Claim(deliveries=[], first_send_at=time.time(), interval=0.0)
        Delivery.objects.filter(pk__in=pks).update(lease_owner=owner, lease_expires_at=now + lease_duration())
        rate = settings.ALERTS_SEND_RATE
        interval = 1.0 / rate if rate > 0 else 0.0
        start = time.time()
        if interval:
            clock, _ = SendClock.objects.select_for_update().get_or_create(pk=1)
            start = max(start, clock.next_at)
            clock.next_at = start + interval * len(pks)
            clock.save(update_fields=["next_at"])
    deliveries = list(Delivery.objects.filter(pk__in=pks).select_related("subscriber").order_by("pk"))
    return Claim(deliveries=deliveries, first_send_at=start, interval=interval)


def deliveries_release(*, pks: list[int], owner: str) -> None:
    """Give rows back unsent (the lease is nearly up, or the release was unpublished)."""
    Delivery.objects.filter(pk__in=pks, lease_owner=owner, status=Delivery.Status.QUEUED).update(
        lease_owner="", lease_expires_at=None
    )


def delivery_wanted(delivery: Delivery) -> str:
    """Just before sending: "send", "skip" (the subscriber left) or "stop" (the release is no
    longer published: nothing more goes out). One query."""
    row = (
        Delivery.objects.filter(pk=delivery.pk)
        .values_list("release__published_at", "subscriber__status")
        .first()
    )
    if row is None:
        return "skip"
    published_at, status = row
    if published_at is None or published_at > timezone.now():
        return "stop"
    return "send" if status == Subscriber.Status.CONFIRMED else "skip"


def delivery_mark_sent(delivery: Delivery, *, owner: str) -> bool:
    """The SMTP server accepted the message. False if the row was no longer this worker's."""
    return bool(
        Delivery.objects.filter(pk=delivery.pk, lease_owner=owner, status=Delivery.Status.QUEUED).update(
            status=Delivery.Status.SENT,
            sent_at=timezone.now(),
            attempts=F("attempts") + 1,
            lease_owner="",
            lease_expires_at=None,
        )
    )


def delivery_mark_skipped(delivery: Delivery, *, owner: str) -> None:
    Delivery.objects.filter(pk=delivery.pk, lease_owner=owner, status=Delivery.Status.QUEUED).update(
        status=Delivery.Status.SKIPPED, lease_owner="", lease_expires_at=None
    )


def retry_delay(attempts: int) -> timedelta:
    """After the n-th temporary failure: ALERTS_RETRY_SECONDS, doubling, at most six hours."""
    return timedelta(seconds=min(settings.ALERTS_RETRY_SECONDS * 2 ** (attempts - 1), 6 * 3600))


def delivery_mark_retry(delivery: Delivery, *, owner: str, error: str) -> None:
    """A temporary failure (4xx, a dropped connection): again after a backoff, or failed
    after ALERTS_MAX_ATTEMPTS."""
    attempts = delivery.attempts + 1
    updates = {"attempts": attempts, "last_error": error[:500], "lease_owner": "", "lease_expires_at": None}
    if attempts >= settings.ALERTS_MAX_ATTEMPTS:
        updates["status"] = Delivery.Status.FAILED
    else:
        updates["next_attempt_at"] = timezone.now() + retry_delay(attempts)
    Delivery.objects.filter(pk=delivery.pk, lease_owner=owner, status=Delivery.Status.QUEUED).update(**updates)


@transaction.atomic
def delivery_mark_bounced(delivery: Delivery, *, owner: str, error: str) -> None:
    """A permanent failure (5xx for the recipient): the row fails, and after
    ALERTS_BOUNCE_LIMIT of them the address is bounced and suppressed."""
    changed = Delivery.objects.filter(pk=delivery.pk, lease_owner=owner, status=Delivery.Status.QUEUED).update(
        status=Delivery.Status.FAILED,
        attempts=F("attempts") + 1,
        last_error=error[:500],
        lease_owner="",
        lease_expires_at=None,
    )
    if not changed:
        return
    Subscriber.objects.filter(pk=delivery.subscriber_id).update(bounce_count=F("bounce_count") + 1)
    subscriber = Subscriber.objects.get(pk=delivery.subscriber_id)
    if subscriber.bounce_count >= settings.ALERTS_BOUNCE_LIMIT and subscriber.status == Subscriber.Status.CONFIRMED:
        subscriber.status = Subscriber.Status.BOUNCED
        subscriber.save(update_fields=["status", "updated_at"])
        suppress(subscriber.email, reason=Suppression.Reason.BOUNCED)
