"""Approval: a release and who is acting in; its state, and whether it may be published, out.

A release goes draft -> submitted -> approved -> published (or scheduled). An approval holds
the hash of what it approved (`content_hash`); any write to that content clears it
(`content_changed`, called by the audit receivers), so the release is submitted again. Where
the company requires a second person, the approver may not be the author of the last change:
checked here for a sentence, and by a constraint on `ReleaseReview` for certain.

The services in releases/services.py call these; nothing here is called from a view.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.formats import date_format

from releases.models import PressRelease

from . import audit, rules
from .models import AuditEvent, ReleaseReview

CALL_FIELDS = ("title", "starts_at", "timezone", "webcast_url", "passcode", "replay_until", "replay_passcode")
DIAL_IN_FIELDS = ("kind", "label", "number")
CONTACT_FIELDS = ("role", "name", "title", "organization", "phones", "email")
MAR_RETENTION_YEARS = 5


def content_hash(release: PressRelease) -> str:
    """SHA-256 of the headline, body, call and contact fields: what an approval approves."""
    content = {
        "release": {name: getattr(release, name) for name in audit.RELEASE_CONTENT_FIELDS},
        "calls": [
            {**{name: getattr(call, name) for name in CALL_FIELDS},
             "dial_ins": [{name: getattr(d, name) for name in DIAL_IN_FIELDS} for d in call.dial_ins.order_by("pk")]}
            for call in release.calls.order_by("pk").prefetch_related("dial_ins")
        ],
        "contacts": [
            {name: getattr(contact, name) for name in CONTACT_FIELDS} for contact in release.contacts.order_by("pk")
        ],
    }
    text = json.dumps(content, cls=DjangoJSONEncoder, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def review_of(release: PressRelease) -> ReleaseReview:
    """The release's review row; a release stored before this app starts with its uploader as author."""
    review, _ = ReleaseReview.objects.get_or_create(
        release=release, defaults={"last_changed_by_id": release.uploaded_by_id}
    )
    return review


def content_changed(release_ids: set[int], *, by: audit.Actor, create: bool = True) -> list[str]:
    """`by` has just changed what these releases' approvals cover: they are theirs now, and any
    approval is void. Returns the approvals voided, as sentences for the audit event."""
    if not release_ids:
        return []
    reviews = ReleaseReview.objects.filter(release_id__in=release_ids)
    voided = [
        f"release {pk} approved by {name}"
        for pk, name in reviews.filter(approved_by__isnull=False).values_list("release_id", "approved_by__username")
    ]
    reviews.update(last_changed_by_id=by.user_id, approved_by=None, approved_at=None, approved_hash="")
    if create:
        # A release written or named here exists (a deletion passes create=False).
        missing = release_ids - set(reviews.values_list("release_id", flat=True))
        ReleaseReview.objects.bulk_create(
            [ReleaseReview(release_id=pk, last_changed_by_id=by.user_id) for pk in missing], ignore_conflicts=True
        )
    return voided


def state(release: PressRelease, review: ReleaseReview | None = None) -> str:
    if release.published_at is not None:
        return ReleaseReview.State.SCHEDULED if release.published_at > timezone.now() else ReleaseReview.State.PUBLISHED
    review = review or ReleaseReview.objects.filter(release=release).first()
    if review is not None and approval_holds(release, review):
        return ReleaseReview.State.APPROVED
    if review is not None and review.submitted_at is not None:
        return ReleaseReview.State.SUBMITTED
    return ReleaseReview.State.DRAFT


def approval_holds(release: PressRelease, review: ReleaseReview) -> bool:
    """Approved, and the content is still what was approved (a write that sent no signal too)."""
    return review.approved_by_id is not None and review.approved_hash == content_hash(release)


def submit(*, release: PressRelease, by) -> ReleaseReview:
    review = review_of(release)
    current = state(release, review)
    if current != ReleaseReview.State.DRAFT:
        raise ValidationError(f"“{release}” is {ReleaseReview.State(current).label.lower()} already.", code="state")
    review.submitted_at, review.submitted_by = timezone.now(), by
    review.save(update_fields=["submitted_at", "submitted_by"])
    audit.record_action(AuditEvent.Action.SUBMIT, release=release, changes={"state": ["draft", "submitted"]})
    return review


def approve(*, release: PressRelease, by) -> ReleaseReview:
    review = review_of(release)
    current = state(release, review)
    if current != ReleaseReview.State.SUBMITTED:
        raise ValidationError(
            f"Only a submitted release can be approved; “{release}” is {ReleaseReview.State(current).label.lower()}.",
            code="state",
        )
    required = release.company.requires_second_person
    if required and review.last_changed_by_id == by.pk:
        raise ValidationError(
            f"You made the last change to “{release}”: {release.company} requires a second person, so someone "
            "else must approve it.",
            code="second_person",
        )
    digest = content_hash(release)
    review.approved_by, review.approved_at, review.approved_hash = by, timezone.now(), digest
    review.second_person_required = required
    review.save(update_fields=["approved_by", "approved_at", "approved_hash", "second_person_required"])
    audit.record_action(AuditEvent.Action.APPROVE, release=release, changes={"approved_hash": [None, digest]})
    return review


def withdrawn(release: PressRelease) -> None:
    """Unpublished: a draft again, to be submitted and approved anew."""
    ReleaseReview.objects.filter(release=release).update(
        submitted_at=None, submitted_by=None, approved_by=None, approved_at=None, approved_hash=""
    )


# --- may it be published? -----------------------------------------------------------------


@dataclass
class PublicationReview:
    """What stands between a release and its publication at `at`."""

    release: PressRelease
    at: datetime
    findings: list[rules.Finding]
    needs_approval: bool  # the company requires a second person and no approval holds
    approved_by: str = ""

    @property
    def errors(self) -> list[rules.Finding]:
        return [f for f in self.findings if f.level == rules.ERROR]

    @property
    def warnings(self) -> list[rules.Finding]:
        return [f for f in self.findings if f.level == rules.WARNING]

    @property
    def needs_exchange_time(self) -> bool:
        return any(f.code in rules.EXCHANGE_CODES for f in self.findings)

    @property
    def clear(self) -> bool:
        return not (self.findings or self.needs_approval)


def review_publication(release: PressRelease, *, at: datetime | None = None) -> PublicationReview:
    at = at or timezone.now()
    review = ReleaseReview.objects.filter(release=release).select_related("approved_by").first()
    holds = review is not None and approval_holds(release, review)
    return PublicationReview(
        release=release,
        at=at,
        findings=rules.check_release(release, at=at),
        needs_approval=release.company.requires_second_person and not holds,
        approved_by=review.approved_by.get_username() if holds else "",
    )


@dataclass(frozen=True)
class Authorization:
    override: bool
    reason: str
    details: dict = field(default_factory=dict)


def authorize(
    pending: PublicationReview,
    *,
    by=None,
    confirmed: bool = False,
    override_reason: str = "",
    exchange_notified_at: datetime | None = None,
) -> Authorization:
    """Raise ValidationError, naming each reason, unless the release may be published now."""
    release, problems = pending.release, [f.message for f in pending.errors]
    reason = (override_reason or "").strip()
    override = pending.needs_approval and bool(reason)
    if pending.needs_approval and not reason:
        problems.append(
            f"{release.company} requires a second person: “{release}” must be approved by someone other than the "
            "author of its last change, or an approver must override, giving a reason."
        )
    if override and (by is None or not by.has_perm("releases.approve_pressrelease")):
        problems.append("Only an approver may publish without a second person's approval.")
    if pending.warnings and not confirmed:
        problems.append(f"“{release}” has warnings; read them and confirm to publish anyway.")
    if pending.needs_exchange_time:
        if exchange_notified_at is None:
            problems.append(f"Enter the time the exchange was notified of “{release}”.")
        elif exchange_notified_at > pending.at:
            problems.append("The exchange must be notified before the release is published.")
    if problems:
        raise ValidationError(problems, code="not_publishable")
    details = {}
    if pending.warnings:
        details["warnings_confirmed"] = [f.message for f in pending.warnings]
    if pending.needs_exchange_time:
        details["exchange_notified_at"] = exchange_notified_at
        ReleaseReview.objects.filter(release=release).update(exchange_notified_at=exchange_notified_at)
    if pending.approved_by:
        details["approved_by"] = pending.approved_by
    return Authorization(override=override, reason=reason, details=details)


def mar_retained_until(release: PressRelease):
    """The first day a release of inside information may be unpublished or deleted; None if it may be now."""
    if not release.inside_information or release.published_at is None or release.published_at > timezone.now():
        return None
    published = timezone.localtime(release.published_at).date()
    try:
        until = published.replace(year=published.year + MAR_RETENTION_YEARS)
    except ValueError:  # published on February 29
        until = published.replace(year=published.year + MAR_RETENTION_YEARS, day=28)
    return until if until > timezone.localdate() else None


def refuse_if_retained(release: PressRelease, *, doing: str) -> None:
    if until := mar_retained_until(release):
        raise ValidationError(
            f"“{release}” disclosed inside information (EU MAR): it stays on the site for five years and cannot be "
            f"{doing} before {date_format(until, 'N j, Y')}.",
            code="mar_retention",
        )
