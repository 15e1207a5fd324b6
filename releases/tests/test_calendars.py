"""The .ics files: RFC 5545 with VTIMEZONE and DTSTART;TZID, RFC 7986 CONFERENCE, no leaks."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

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
    cache.clear()  # the page cache expired: the feed is rendered again
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    calendar = Calendar.from_ical(first.content)
    assert str(calendar["UID"]) == "http://testserver" + url
    assert first.content.decode().count("X-WR-CALNAME") == 1
