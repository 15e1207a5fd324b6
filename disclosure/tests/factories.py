"""People with the groups the migrations create, and a release that every check passes."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from releases.models import ConferenceCall, Contact, DialIn, PressRelease, ReleaseContact
from releases.tests import factories

NEW_YORK = ZoneInfo("America/New_York")
# A Tuesday, before the market opens.
PUBLISH_AT = datetime(2030, 1, 8, 7, 0, tzinfo=NEW_YORK)


def ensure_groups() -> None:
    """The groups the data migrations create: a transactional test's flush removes them."""
    from importlib import import_module

    from django.apps import apps

    import_module("releases.migrations.0002_ir_staff_group").create_group(apps, None)
    import_module("releases.migrations.0004_ir_staff_release_contacts").grant(apps, None)
    import_module("disclosure.migrations.0003_approver_and_auditor_groups").create_groups(apps, None)


def person(username: str, *groups: str):
    """Staff, not a superuser, in the named groups."""
    if Group.objects.filter(name__in=groups).count() < len(groups):
        ensure_groups()
    user = get_user_model().objects.create_user(username=username, password="pw-" + username, is_staff=True)
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user


def clean_release(*, company=None, at: datetime | None = None, **fields) -> PressRelease:
    """A call announcement that meets every check when published at `at` (default: now): dated
    that day, its call two weeks later with a dial-in, a webcast and a replay, an IR contact."""
    at = at or timezone.now()
    call_at = (at + timedelta(days=14)).astimezone(NEW_YORK).replace(hour=16, minute=30, second=0, microsecond=0)
    fields.setdefault("headline", "Northwind to Host Fourth Quarter Results Conference Call")
    fields.setdefault("category", PressRelease.Category.CONFERENCE_CALL)
    fields.setdefault("dateline_location", "BOSTON, Mass.")
    fields.setdefault("dateline_date", timezone.localtime(at).date())
    fields.setdefault(
        "body",
        f"<p>BOSTON, Mass. -- Northwind will host a conference call on {call_at:%B %d, %Y} at 4:30 p.m. ET. "
        "A replay is available for two weeks.</p>",
    )
    release = factories.release(company=company or factories.company(name="Northwind Holdings, Inc."), **fields)
    call = ConferenceCall.objects.create(
        company=release.company,
        release=release,
        title="Fourth quarter results call",
        starts_at=call_at,
        timezone="America/New_York",
        webcast_url="https://ir.example.com/webcast",
        replay_until=call_at.date() + timedelta(days=14),
    )
    DialIn.objects.create(call=call, kind=DialIn.Kind.LIVE, number="+1 800 555 0199")
    contact = Contact.objects.create(company=release.company, role=Contact.Role.INVESTORS, name="Carol Hausner",
                                     email="ir@example.com")
    ReleaseContact.objects.create(pressrelease=release, contact=contact)
    return release
