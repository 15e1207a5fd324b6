"""Subscribers to email alerts, the suppression list, and one delivery row per (release,
subscriber).

Correctness lives in these tables, not in the task queue: a release's alerts are fanned out
once (its Mailing row), each subscriber's message is one Delivery row under a unique
constraint, and a worker claims rows with a lease and marks each one sent when the SMTP server
has accepted it. A task that is lost or run twice changes nothing but when the work is done.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from releases.models import Company, PressRelease


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Subscriber.Status.CONFIRMED)

    def expired(self):
        """Signups never confirmed within the confirmation link's life."""
        return self.filter(status=Subscriber.Status.PENDING, consented_at__lt=timezone.now() - CONFIRMATION_LIFETIME)

    def for_release(self, release: PressRelease, *, announces_call: bool) -> list[int]:
        """The pks of confirmed subscribers who asked for this release: its company (or every
        company) and its category, or any release announcing a call if they follow calls."""
        rows = (
            self.confirmed()
            .filter(Q(all_companies=True) | Q(companies=release.company_id))
            .values_list("pk", "categories", "calls")
            .distinct()
        )
        return [pk for pk, categories, calls in rows if release.category in categories or (calls and announces_call)]


CONFIRMATION_LIFETIME = timedelta(hours=48)


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Awaiting confirmation"
        CONFIRMED = "confirmed", "Confirmed"
        UNSUBSCRIBED = "unsubscribed", "Unsubscribed"
        BOUNCED = "bounced", "Bounced"

    email = models.EmailField(max_length=254, help_text="Stored lower-case.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    all_companies = models.BooleanField(default=False, help_text="Every company, including those added later.")
    companies = models.ManyToManyField(Company, blank=True, related_name="+")
    categories = models.JSONField(default=list, blank=True, help_text="Release categories (their codes).")
    calls = models.BooleanField(
        "Calls and events", default=True, help_text="Also every release that announces a conference call."
    )
    consent_version = models.CharField(max_length=20, help_text="alerts.consent: the sentence the person agreed to.")
    consent_source = models.CharField(max_length=200, help_text="Where the consent was given: the form, or an import.")
    consented_at = models.DateTimeField()
    signup_ip = models.GenericIPAddressField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    bounce_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["email"]
        constraints = [models.UniqueConstraint(fields=["email"], name="subscriber_email_unique")]
        indexes = [models.Index(fields=["status", "consented_at"], name="subscriber_status_idx")]

    def __str__(self):
        return self.email


class Suppression(models.Model):
    """An address never to be mailed again, kept only as a keyed hash (alerts.services.address_digest)."""

    class Reason(models.TextChoices):
        UNSUBSCRIBED = "unsubscribed", "Unsubscribed"
        ERASED = "erased", "Erased"
        BOUNCED = "bounced", "Bounced"

    digest = models.CharField(max_length=64, editable=False)
    reason = models.CharField(max_length=20, choices=Reason.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["digest"], name="suppression_digest_unique")]

    def __str__(self):
        return f"{self.get_reason_display()} {self.digest[:12]}…"


class Mailing(models.Model):
    """A release's alerts, fanned out: made once, with its Delivery rows, in one transaction."""

    release = models.OneToOneField(PressRelease, on_delete=models.CASCADE, related_name="mailing")
    recipients = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Alerts for {self.release}"


class DeliveryQuerySet(models.QuerySet):
    def claimable(self, now=None):
        """Queued rows due now, with no live lease, of a release that is still published."""
        now = now or timezone.now()
        return self.filter(
            Q(lease_expires_at__isnull=True) | Q(lease_expires_at__lt=now),
            status=Delivery.Status.QUEUED,
            next_attempt_at__lte=now,
            release__published_at__lte=now,
        )


class Delivery(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"
        SKIPPED = "skipped", "Skipped (unsubscribed before sending)"

    release = models.ForeignKey(PressRelease, on_delete=models.CASCADE, related_name="alert_deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    lease_owner = models.CharField(max_length=64, blank=True)
    lease_expires_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "deliveries"
        constraints = [
            models.UniqueConstraint(fields=["release", "subscriber"], name="delivery_once_per_release_subscriber"),
        ]
        indexes = [models.Index(fields=["release", "status", "next_attempt_at"], name="delivery_claim_idx")]

    def __str__(self):
        return f"{self.release_id} → {self.subscriber_id} ({self.status})"


class SendClock(models.Model):
    """One row: the moment (Unix time) from which the next message may go, so that every
    worker together keeps to settings.ALERTS_SEND_RATE."""

    next_at = models.FloatField(default=0.0)

    def __str__(self):
        return f"next send at {self.next_at}"


def lease_duration() -> timedelta:
    return timedelta(seconds=settings.ALERTS_LEASE_SECONDS)
