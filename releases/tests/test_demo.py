"""`load_demo`: the demo releases through the upload service, an upcoming call, a staff login."""

from datetime import date, datetime, time, timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from releases.management.commands.load_demo import DEMO_USERNAME, fill_call_template
from releases.models import Company, ConferenceCall, Contact, DialIn, Listing, PressRelease

pytestmark = pytest.mark.django_db

MODELS = (Company, Listing, PressRelease, Contact, ConferenceCall, DialIn)


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out, stderr=out)
    return out.getvalue()


def test_load_demo_loads_published_releases_with_an_upcoming_call():
    out = load_demo()

    assert "could not be loaded" not in out
    assert PressRelease.objects.count() == 6
    assert PressRelease.objects.published().count() == 6
    immunogen = PressRelease.objects.get(company__name="ImmunoGen, Inc.")
    call = immunogen.calls.get()
    assert call.passcode == "7751636"
    assert call.dial_ins.get().e164 == "+19133120940"
    upcoming = ConferenceCall.objects.upcoming().get()
    assert upcoming.company.name == "Northwind Robotics, Inc."
    assert upcoming.local_starts_at.date() == timezone.localdate() + timedelta(days=14)
    assert upcoming.local_starts_at.hour == 17
    assert upcoming.dial_ins.filter(kind="live").count() == 2
    wires = set(PressRelease.objects.values_list("wire", flat=True))
    assert {"Business Wire", "PR Newswire", "GlobeNewswire"} <= wires


def test_load_demo_twice_creates_nothing_new():
    load_demo()
    counts = [model.objects.count() for model in MODELS]
    out = load_demo()
    assert [model.objects.count() for model in MODELS] == counts
    assert "created" not in out.replace("already present", "")


def test_later_day_does_not_pile_up_templated_release_while_call_is_upcoming(monkeypatch):
    load_demo()
    tomorrow = timezone.localdate() + timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    out = load_demo()
    assert "already has an upcoming call" in out
    assert PressRelease.objects.filter(company__name="Northwind Robotics, Inc.").count() == 1


def test_demo_user_is_ir_staff_not_superuser_and_password_printed_once():
    first = load_demo()
    user = get_user_model().objects.get(username=DEMO_USERNAME)
    assert user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == ["IR staff"]
    password = first.split(f"username {DEMO_USERNAME}  password ")[1].split()[0]
    assert user.check_password(password)
    assert "changepassword" in first

    second = load_demo()
    assert password not in second
    user.refresh_from_db()
    assert user.check_password(password)


def test_call_template_is_filled_as_a_wire_prints_dates():
    filled = fill_call_template("BOSTON, {release_date} (BUSINESS WIRE) ... on {call_date}.", today=date(2026, 3, 2))
    assert filled == "BOSTON, March 2, 2026 (BUSINESS WIRE) ... on Monday, March 16, 2026."


def test_todays_demo_release_is_public_when_loaded_before_eight(monkeypatch):
    early = timezone.make_aware(datetime.combine(timezone.localdate(), time(7, 30)))
    monkeypatch.setattr(timezone, "now", lambda: early)
    load_demo()
    assert PressRelease.objects.filter(company__name="Northwind Robotics, Inc.").get().published_at == early
    assert PressRelease.objects.published().count() == PressRelease.objects.count()
