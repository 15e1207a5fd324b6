"""The .ics files: RFC 5545 with VTIMEZONE and DTSTART;TZID, RFC 7986 CONFERENCE, no leaks."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import caches
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Timezone

from releases.calendars import call_event
from releases.models import ConferenceCall

from . import site_factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return f.world()


def test_add_to_calendar_file_parses_and_has_zone_conference_and_details(client, world):
    call = world.public_call
    response = client.get(reverse("releases:event-ics", kwargs={"pk": call.pk}))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    raw = response.content.decode()
    assert "DTSTART;TZID=America/New_York:" in raw
    calendar = Calendar.from_ical(response.content)
    [zone] = calendar.walk("VTIMEZONE")
    assert zone["TZID"] == "America/New_York"
    [event] = calendar.walk("VEVENT")
    assert event.start == call.local_starts_at
    assert str(event.start.tzinfo) == "America/New_York"
    description = str(event["DESCRIPTION"])
    assert "1-800-555-0199" in description and "Passcode: 7751636" in description
    assert "https://events.example.com/northwind" in description and "719-457-0820" in description
    conferences = {str(c.uri): c for c in event.conferences}
    assert "https://events.example.com/northwind" in conferences
    assert "tel:+18005550199,,,7751636" in conferences
    assert conferences["tel:+18005550199,,,7751636"].feature == "PHONE"
    assert event["UID"] == f"conference-call-{call.pk}@irsite"


def test_call_in_london_keeps_its_own_zone(client):
    call = f.call(starts_at=datetime(2031, 7, 1, 9, 0, tzinfo=ZoneInfo("Europe/London")), timezone="Europe/London")
    calendar = Calendar.from_ical(client.get(reverse("releases:event-ics", kwargs={"pk": call.pk})).content)
    [event] = calendar.walk("VEVENT")
    assert event.start == datetime(2031, 7, 1, 9, 0, tzinfo=ZoneInfo("Europe/London"))
    assert [z["TZID"] for z in calendar.walk("VTIMEZONE")] == ["Europe/London"]


def test_subscribable_feed_has_public_calls_only(client, world):
    hand_entered = f.call(company=world.company, title="Investor day")
    response = client.get(reverse("releases:calendar-feed"))
    assert "Content-Disposition" not in response
    calendar = Calendar.from_ical(response.content)
    titles = {str(e["SUMMARY"]) for e in calendar.walk("VEVENT")}
    assert titles == {f"{world.company.name}: {world.public_call.title}", f"{world.company.name}: {hand_entered.title}"}


def test_company_feed_has_only_that_companys_public_calls(client, world):
    f.call(title="Someone else's call")
    body = client.get(reverse("releases:company-calendar-feed", kwargs={"slug": world.company.slug})).content.decode()
    assert world.public_call.title in body
    assert "Someone else" not in body and world.hidden_call.title not in body


def test_call_without_a_time_has_no_calendar_file(client):
    call = f.call(starts_at=None)
    assert client.get(reverse("releases:event-ics", kwargs={"pk": call.pk})).status_code == 404


def test_draft_release_call_is_absent_from_calendars(client):
    secret = f.draft()
    f.call(release=secret, title="Secret call", starts_at=timezone.now() + timedelta(days=3))
    assert b"Secret call" not in client.get(reverse("releases:calendar-feed")).content


def test_subscribable_feeds_leave_out_calls_older_than_a_quarter(client, world):
    old = f.call(company=world.company, release=None, title="Annual meeting two years ago",
                 starts_at=timezone.now() - timedelta(days=730))
    recent = f.call(company=world.company, release=None, title="Last month's call",
                    starts_at=timezone.now() - timedelta(days=30))
    for url in (
        reverse("releases:calendar-feed"),
        reverse("releases:company-calendar-feed", kwargs={"slug": world.company.slug}),
    ):
        body = client.get(url).content.decode()
        assert recent.title in body and old.title not in body
    single = client.get(reverse("releases:event-ics", kwargs={"pk": old.pk}))
    assert single.status_code == 200 and old.title in single.content.decode()


def test_unchanged_calendar_answers_conditional_get_with_304_after_the_page_cache_is_gone(client, world):
    url = reverse("releases:calendar-feed")
    first = client.get(url)
    caches["pages"].clear()  # the page cache expired: the feed is rendered again
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    calendar = Calendar.from_ical(first.content)
    assert str(calendar["UID"]) == "http://testserver" + url
    assert first.content.decode().count("X-WR-CALNAME") == 1



@pytest.fixture
def no_page_cache(settings):
    """Every request renders its calendar."""
    settings.PAGE_CACHE_ENABLED = False


def whole_calendar(body: bytes, calls, *, first_year: int, last_year: int) -> bytes:
    """What icalendar writes for the calendar in one piece: the header `body` carries, a
    VTIMEZONE per zone in name order, and each call's event."""
    calendar = Calendar.from_ical(body)
    zones = sorted({call.timezone for call in calls})
    calendar.subcomponents = [
        *(Timezone.from_tzid(z, first_date=date(first_year, 1, 1), last_date=date(last_year, 1, 1)) for z in zones),
        *(call_event(call, "http://testserver" + call.get_absolute_url()) for call in calls),
    ]
    return calendar.to_ical()


def test_feed_has_the_same_bytes_every_time_and_those_icalendar_writes(client, world, no_page_cache):
    london = f.call(company=world.company, title="Capital markets day, London", timezone="Europe/London",
                    starts_at=datetime(2031, 7, 1, 9, 0, tzinfo=ZoneInfo("Europe/London")))
    f.dial_in(london, "+44 20 7946 0000", label="UK")
    url = reverse("releases:calendar-feed")
    cold = client.get(url).content
    assert client.get(url).content == cold
    calls = list(ConferenceCall.objects.public().select_related("company").prefetch_related("dial_ins"))
    first_year = min(c.local_starts_at.year for c in calls)
    assert cold == whole_calendar(cold, calls, first_year=first_year, last_year=2032)
    assert cold.index(b"TZID:America/New_York") < cold.index(b"TZID:Europe/London") < cold.index(b"BEGIN:VEVENT")


def test_changed_dial_in_company_or_host_shows_in_the_next_calendar(client, world, no_page_cache):
    url = reverse("releases:event-ics", kwargs={"pk": world.public_call.pk})
    feed = reverse("releases:calendar-feed")
    assert b"1-800-555-0199" in client.get(url).content and b"1-800-555-0199" in client.get(feed).content
    dial_in = world.public_call.dial_ins.get(number="1-800-555-0199")
    dial_in.number = "1-888-555-0123"
    dial_in.clean()
    dial_in.save()
    world.company.name = "Northwind Group plc"
    world.company.save()
    for response in (client.get(url), client.get(feed)):
        body = response.content.decode().replace("\r\n ", "")  # unfolded
        assert "1-888-555-0123" in body and "tel:+18885550123" in body and "1-800-555-0199" not in body
        assert "Northwind Group plc" in body and "Northwind Holdings" not in body
    other_host = client.get(feed, HTTP_HOST="127.0.0.1").content.decode()
    assert f"URL:http://127.0.0.1/events/{world.public_call.pk}/" in other_host
    assert "testserver" not in other_host


def test_calls_of_unpublished_releases_leave_nothing_in_the_cache(client, world):
    client.get(reverse("releases:calendar-feed"))
    client.get(reverse("releases:company-calendar-feed", kwargs={"slug": world.company.slug}))
    assert client.get(reverse("releases:event-ics", kwargs={"pk": world.hidden_call.pk})).status_code == 404
    stored = b"".join([*caches["pages"]._cache.values(), *caches["default"]._cache.values()])  # noqa: SLF001
    assert f"UID:conference-call-{world.public_call.pk}@irsite".encode() in stored
    assert f"conference-call-{world.hidden_call.pk}@".encode() not in stored
