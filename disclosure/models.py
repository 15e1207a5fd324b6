"""The disclosure record: each release's approval, the append-only audit trail, and what
each published release's page showed.

An approval is bound to the content it approved (`ReleaseReview.approved_hash`) and, where
the company requires a second person, may not come from the author of the release's last
change: a check constraint on the row that holds both, not only a form check.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from releases.models import PressRelease


class ReleaseReview(models.Model):
    """Where a release stands on its way to publication: draft -> submitted -> approved.

    Published or scheduled is the release's own `published_at`. Any change to what the
    approval covered clears the approval (disclosure.audit), so the release is submitted again.
    """

    class State(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted for approval"
        APPROVED = "approved", "Approved"
        SCHEDULED = "scheduled", "Scheduled"
        PUBLISHED = "published", "Published"

    release = models.OneToOneField(PressRelease, on_delete=models.CASCADE, primary_key=True, related_name="review")
    last_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Who last changed what an approval covers; empty for a management command.",
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_hash = models.CharField(
        max_length=64, blank=True, help_text="SHA-256 of the headline, body, call and contact fields approved."
    )
    second_person_required = models.BooleanField(
        default=False, help_text="The company's rule when the approval was given."
    )
    exchange_notified_at = models.DateTimeField(
        null=True, blank=True, help_text="When the exchange was told of this material release, if it had to be."
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(approved_by__isnull=True)
                | Q(second_person_required=False)
                | ~Q(approved_by=F("last_changed_by")),
                name="approver_is_not_last_author",
                violation_error_message="The author of the last change may not approve it; a second person must.",
            ),
            models.CheckConstraint(
                condition=Q(approved_by__isnull=True, approved_hash="", approved_at__isnull=True)
                | (Q(approved_by__isnull=False) & Q(approved_at__isnull=False) & ~Q(approved_hash="")),
                name="approval_is_whole",
            ),
        ]

    def __str__(self):
        return f"Review of “{self.release}”"


class AuditEvent(models.Model):
    """One write, publication, approval or override: append-only (triggers refuse UPDATE and
    DELETE) and chained, each event carrying the hash of the one before it (`verify_audit`)."""

    class Action(models.TextChoices):
        CREATE = "create", "Created"
        UPDATE = "update", "Changed"
        DELETE = "delete", "Deleted"
        SUBMIT = "submit", "Submitted for approval"
        APPROVE = "approve", "Approved"
        PUBLISH = "publish", "Published"
        SCHEDULE = "schedule", "Scheduled"
        UNPUBLISH = "unpublish", "Unpublished"

    sequence = models.PositiveBigIntegerField(unique=True, editable=False)
    at = models.DateTimeField(help_text="UTC, to the second.")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        # The row is never updated: a user deleted later leaves the id and the name as they were.
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    actor_name = models.CharField(max_length=200, help_text="The username, or “command: <name>”.")
    action = models.CharField(max_length=20, choices=Action.choices)
    override = models.BooleanField(default=False, help_text="Published without a second person's approval.")
    model = models.CharField(max_length=100, help_text="app_label.model_name")
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(max_length=300)
    release_id = models.BigIntegerField(null=True, blank=True, help_text="The release the event concerns, if any.")
    changes = models.JSONField(default=dict, blank=True, help_text="{field: [before, after]}")
    reason = models.TextField(blank=True)
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["sequence"]
        indexes = [models.Index(fields=["release_id", "sequence"], name="audit_release_idx")]

    def __str__(self):
        return f"#{self.sequence} {self.get_action_display()} {self.object_repr} by {self.actor_name}"


class Snapshot(models.Model):
    """What a release's public page showed from `shown_from`, taken at each publication and each
    change of a published release; a withdrawal (unpublish) has no content. Kept without a
    foreign key, so that deleting a release leaves its record."""

    class Kind(models.TextChoices):
        PUBLICATION = "publication", "Publication"
        CHANGE = "change", "Change while published"
        WITHDRAWAL = "withdrawal", "Withdrawn"

    release_id = models.BigIntegerField(db_index=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    taken_at = models.DateTimeField()
    shown_from = models.DateTimeField(null=True, blank=True, help_text="The publication time (future: scheduled).")
    url = models.CharField(max_length=500, blank=True)
    headline = models.CharField(max_length=500, blank=True)
    html = models.TextField(blank=True, help_text="The release as its public page rendered it.")
    sha256 = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-taken_at", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} of “{self.headline}” at {self.taken_at:%Y-%m-%d %H:%M:%S}"
