"""Content versions: a release's, a call's or a company's `updated_at` moves whenever
anything its public page shows changes, not only its own row.

A release page shows its company (name, listings), its calls with their dial-ins and its
contacts; a call page shows its company and its dial-ins; a company page shows its
listings, releases, calls and contacts. So a write to any of those rows touches the
`updated_at` of the releases, calls and companies that show it, with one UPDATE each that
sends no signal of its own. Fragments cached under (pk, updated_at) are then never stale
(releases/fragments.py), feeds and JSON-LD give a true "modified" date, and a subscribed
calendar sees a changed DTSTAMP when a call's dial-in changes.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models import Q
from django.utils import timezone

from .models import Company, ConferenceCall, Contact, DialIn, Listing, PressRelease, ReleaseContact

# Releases being created in this context: the rows written with them need not touch them.
_creating: ContextVar[frozenset] = ContextVar("creating_releases", default=frozenset())


@contextmanager
def creating(release: PressRelease):
    """Around the writes of a new release's own calls, dial-ins and contact links."""
    reset = _creating.set(_creating.get() | {release.pk})
    try:
        yield
    finally:
        _creating.reset(reset)


def shown_in(sender, instance) -> tuple[Q | None, Q | None, Q | None]:
    """(releases, calls, companies) whose pages show `instance`, as filters; None for none.
    A company's page shows its listings, releases, calls with their dial-ins, and contacts."""
    if sender is Company:
        return Q(company_id=instance.pk), Q(company_id=instance.pk), None
    if sender is Listing:
        return Q(company_id=instance.company_id), Q(company_id=instance.company_id), Q(pk=instance.company_id)
    if sender is PressRelease:
        return None, None, Q(pk=instance.company_id)
    if sender is ConferenceCall:
        return (Q(pk=instance.release_id) if instance.release_id else None), None, Q(pk=instance.company_id)
    if sender is DialIn:
        return Q(calls__pk=instance.call_id), Q(pk=instance.call_id), Q(calls__pk=instance.call_id)
    if sender is Contact:
        return Q(contacts__pk=instance.pk), None, Q(pk=instance.company_id)
    if sender is ReleaseContact:
        return Q(pk=instance.pressrelease_id), None, Q(releases__pk=instance.pressrelease_id)
    return None, None, None


def touch(releases: Q | None, calls: Q | None, companies: Q | None = None) -> None:
    now = timezone.now()
    # Through subqueries where the filter crosses a relation: an UPDATE cannot join.
    if releases is not None:
        PressRelease.objects.filter(pk__in=PressRelease.objects.filter(releases).values("pk")).update(updated_at=now)
    if calls is not None:
        ConferenceCall.objects.filter(calls).update(updated_at=now)
    if companies is not None:
        Company.objects.filter(pk__in=Company.objects.filter(companies).values("pk")).update(updated_at=now)


def touch_on_write(sender, instance, **kwargs) -> None:
    if kwargs.get("raw"):
        return  # loaddata: rows arrive as they were, versions included
    if sender is ConferenceCall and instance.release_id in _creating.get():
        return  # the new release's own call: the release and its company were just touched
    touch(*shown_in(sender, instance))


def touch_on_contacts_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    """release.contacts.add()/remove()/set()/clear(), from either side (a clear before it
    happens, while the links still say which releases it changes)."""
    if action not in ("post_add", "post_remove", "pre_clear"):
        return
    if not reverse:
        touch(Q(pk=instance.pk), None, Q(pk=instance.company_id))
    elif pk_set:
        touch(Q(pk__in=pk_set), None, Q(releases__pk__in=pk_set))
    else:
        touch(Q(contacts__pk=instance.pk), None, Q(pk=instance.company_id))


SENDERS = (Company, Listing, PressRelease, ConferenceCall, DialIn, Contact, ReleaseContact)
