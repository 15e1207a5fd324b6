"""Sending a release's alerts: in, a release pk; out, its claimed rows sent over one SMTP
connection, each marked sent the moment the server accepts it.

A worker claims a batch (alerts.services.deliveries_claim) with a lease of
ALERTS_LEASE_SECONDS and the send slots the rate limit gives it, and sends until the batch is
done, the lease is nearly up, or the release is no longer published. A worker killed
mid-batch leaves its rows leased; when the lease runs out another worker claims and sends
them, so every row is sent once, except the one message the SMTP server may have accepted
just before the kill, which goes again with the same Message-ID.
"""

from __future__ import annotations

import logging
import smtplib
import time
import uuid
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.mail import get_connection
from django.db.models import Min

from releases.models import PressRelease

from . import services
from .messages import alert_content, alert_message
from .models import Delivery

logger = logging.getLogger(__name__)

# A batch stops this long before its lease would run out, so no row is sent under a lease
# another worker may already have taken over.
LEASE_MARGIN_SECONDS = 1.0


@dataclass(frozen=True)
class SendOutcome:
    sent: int
    skipped: int
    retried: int
    failed: int
    more: bool  # rows are claimable now: the work goes on in another task
    retry_at: datetime | None  # the earliest row waiting out a backoff


def permanent_failure(error: Exception) -> bool:
    """A 5xx for the recipient (at RCPT or after DATA): the address will not take mail. A
    refused sender, a failed sign-in or a dropped connection is the sending side's problem:
    retried, and never held against the address."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return any(code >= 500 for code, _ in error.recipients.values())
    if isinstance(error, smtplib.SMTPDataError):
        return error.smtp_code >= 500
    return False


def send_release_alerts(*, release_id: int, owner: str | None = None, seconds: float | None = None) -> SendOutcome:
    owner = owner or uuid.uuid4().hex
    deadline = time.monotonic() + (seconds if seconds is not None else settings.ALERTS_TASK_SECONDS)
    counts = {"sent": 0, "skipped": 0, "retried": 0, "failed": 0}
    release = PressRelease.objects.select_related("company").filter(pk=release_id).first()
    if release is None:
        return SendOutcome(**counts, more=False, retry_at=None)
    content = None
    connection = None
    stopped = False
    try:
        while not stopped and time.monotonic() < deadline:
            claim = services.deliveries_claim(release_id=release_id, owner=owner, size=settings.ALERTS_BATCH_SIZE)
            if not claim.deliveries:
                break
            content = content or alert_content(release)
            lease_ends = time.monotonic() + settings.ALERTS_LEASE_SECONDS - LEASE_MARGIN_SECONDS
            for index, delivery in enumerate(claim.deliveries):
                remaining = [d.pk for d in claim.deliveries[index:]]
                if time.monotonic() >= lease_ends:
                    services.deliveries_release(pks=remaining, owner=owner)
                    break
                wait = claim.first_send_at + index * claim.interval - time.time()
                if wait > 0:
                    time.sleep(wait)
                wanted = services.delivery_wanted(delivery)
                if wanted == "stop":
                    services.deliveries_release(pks=remaining, owner=owner)
                    stopped = True
                    break
                if wanted == "skip":
                    services.delivery_mark_skipped(delivery, owner=owner)
                    counts["skipped"] += 1
                    continue
                if connection is None:
                    connection = get_connection(fail_silently=False)
                    connection.open()
                try:
                    connection.send_messages([alert_message(content, delivery.subscriber, connection=connection)])
                except (smtplib.SMTPException, OSError) as error:
                    detail = f"{type(error).__name__}: {error}"
                    if permanent_failure(error):
                        services.delivery_mark_bounced(delivery, owner=owner, error=detail)
                        counts["failed"] += 1
                    else:
                        services.delivery_mark_retry(delivery, owner=owner, error=detail)
                        counts["retried"] += 1
                        connection = close_quietly(connection)
                    logger.warning("Alert %s to subscriber %s: %s", release_id, delivery.subscriber_id, detail)
                else:
                    if services.delivery_mark_sent(delivery, owner=owner):
                        counts["sent"] += 1
    finally:
        close_quietly(connection)
    queued = Delivery.objects.filter(release_id=release_id, status=Delivery.Status.QUEUED)
    more = not stopped and Delivery.objects.claimable().filter(release_id=release_id).exists()
    retry_at = None if stopped else queued.filter(lease_owner="").aggregate(at=Min("next_attempt_at"))["at"]
    return SendOutcome(**counts, more=more, retry_at=retry_at)


def close_quietly(connection) -> None:
    if connection is not None:
        try:
            connection.close()
        except (smtplib.SMTPException, OSError):
            pass
    return None
