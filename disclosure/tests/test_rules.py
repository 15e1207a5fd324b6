"""Each check fires on a release that breaks it and stays silent on one that does not."""

from datetime import date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from disclosure import rules
from disclosure.models import AuditEvent, ReleaseReview
from releases.models import DialIn, PressRelease, ReleaseContact
from releases.services import release_publish

from .factories import NEW_YORK, PUBLISH_AT, clean_release

pytestmark = pytest.mark.django_db


def findings(release, at=PUBLISH_AT) -> dict[str, str]:
    release.refresh_from_db()
    return {f.code: f.level for f in rules.check_release(release, at=at)}


def test_a_clean_release_meets_every_check():
    assert findings(clean_release(at=PUBLISH_AT)) == {}


def untimed_body(release):
    release.body = "<p>Northwind will host a call on January 22, 2030 at 4:30 p.m. with a replay.</p>"
    release.save()


def no_access(release):
    DialIn.objects.filter(call__release=release).delete()
    release.calls.update(webcast_url="")


def short_notice(release):
    release.calls.update(starts_at=PUBLISH_AT + timedelta(days=1))


def no_calls(release):
    release.calls.all().delete()


BREAKS = [
    ("call_zone_missing", "error", untimed_body),
    ("call_access_missing", "error", no_access),
    ("call_time_missing", "error", lambda r: r.calls.update(starts_at=None)),
    ("call_missing", "error", no_calls),
    ("call_replay_missing", "warning", lambda r: r.calls.update(replay_until=None)),
    ("call_short_notice", "warning", short_notice),
    ("dateline_date_differs", "warning", lambda r: PressRelease.objects.filter(pk=r.pk).update(
        dateline_date=date(2030, 1, 7))),
    ("call_in_past", "warning", lambda r: r.calls.update(starts_at=PUBLISH_AT - timedelta(hours=1))),
    ("call_zone_country", "warning", lambda r: r.calls.update(timezone="Europe/London")),
    ("no_investor_contact", "warning", lambda r: ReleaseContact.objects.filter(pressrelease=r).delete()),
]


@pytest.mark.parametrize("code, level, breaking", BREAKS, ids=[b[0] for b in BREAKS])
def test_each_check_fires_on_a_release_that_breaks_it(code, level, breaking):
    release = clean_release(at=PUBLISH_AT)
    breaking(release)
    found = findings(release)
    assert found.get(code) == level, found


def test_short_notice_counts_nyse_trading_days_not_weekdays():
    # Friday 18 January 2030, call on Tuesday the 22nd: Monday the 21st is Martin Luther King Jr. Day.
    friday = datetime(2030, 1, 18, 7, 0, tzinfo=NEW_YORK)
    release = clean_release(at=friday)
    release.calls.update(starts_at=datetime(2030, 1, 22, 16, 30, tzinfo=NEW_YORK))
    assert findings(release, at=friday).get("call_short_notice") == "warning"
    release.calls.update(starts_at=datetime(2030, 1, 23, 16, 30, tzinfo=NEW_YORK))
    assert "call_short_notice" not in findings(release, at=friday)


@pytest.mark.parametrize(
    "moment, code",
    [
        (datetime(2030, 1, 8, 10, 0), "exchange_market_hours"),
        (datetime(2030, 1, 8, 16, 2), "exchange_close_window"),
        (datetime(2030, 1, 8, 16, 6), None),
        (datetime(2030, 1, 8, 9, 0), None),
        (datetime(2030, 1, 12, 10, 0), None),  # a Saturday
        (datetime(2030, 1, 21, 10, 0), None),  # Martin Luther King Jr. Day: the NYSE is closed
    ],
    ids=["market-hours", "close-window", "after-window", "pre-market", "saturday", "nyse-holiday"],
)
def test_material_news_in_the_exchange_window_warns(moment, code):
    at = moment.replace(tzinfo=NEW_YORK)
    release = clean_release(at=at, category=PressRelease.Category.EARNINGS)
    found = {c for c in findings(release, at=at) if c in rules.EXCHANGE_CODES}
    assert found == ({code} if code else set())


def test_news_that_is_not_material_has_no_exchange_window():
    at = datetime(2030, 1, 8, 10, 0, tzinfo=NEW_YORK)
    assert findings(clean_release(at=at, category=PressRelease.Category.PRODUCT), at=at) == {}


@pytest.mark.parametrize(
    "location, zone, warns",
    [("LONDON", "Europe/London", False), ("LONDON", "America/New_York", True),
     ("TORONTO, Ontario", "America/Toronto", False), ("WALTHAM, Mass.", "America/Chicago", False),
     ("Somewhere unknown", "Asia/Tokyo", False)],
    ids=["london-london", "london-new-york", "toronto", "us-other-zone", "unknown-place"],
)
def test_a_calls_zone_is_held_to_the_datelines_country(location, zone, warns):
    release = clean_release(at=PUBLISH_AT, dateline_location=location)
    release.calls.update(timezone=zone)
    assert ("call_zone_country" in findings(release)) is warns


@pytest.mark.parametrize(
    "text, untimed",
    [("at 4:30 p.m. ET", None), ("at 8:00 a.m. Eastern Time", None), ("at 16:00 CET", None),
     ("at 4:30 p.m. (ET)", None), ("at 4:30 p.m.", "4:30 p.m."), ("at 10 a.m., followed by", "10 a.m."),
     ("on January 22, 2030", None), ("at 14.00", "14.00"), ("at 14.00 CET", None),
     ("after prices fell from $2.20 to $1.93 per gallon for", None)],
    ids=["abbreviation", "name", "24-hour", "parenthesis", "no-zone", "bare-hour", "no-time", "dotted-24-hour",
         "dotted-24-hour-with-zone", "a-price-is-no-time"],
)
def test_times_in_the_text_need_their_zone(text, untimed):
    assert rules.times_without_zone(f"<p>Join us {text} the call.</p>") == untimed


def next_trading_day_at(hour: int, minute: int = 0) -> datetime:
    day = timezone.localtime(timezone.now(), NEW_YORK).date() + timedelta(days=1)
    while not rules.is_trading_day(day):
        day += timedelta(days=1)
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=NEW_YORK)


def test_publication_in_the_window_needs_the_time_the_exchange_was_notified():
    at = next_trading_day_at(10)
    release = clean_release(at=at, category=PressRelease.Category.EARNINGS)
    with pytest.raises(ValidationError, match="time the exchange was notified"):
        release_publish(release=release, at=at, confirmed=True)
    with pytest.raises(ValidationError, match="must be notified before"):
        release_publish(release=release, at=at, confirmed=True, exchange_notified_at=at + timedelta(minutes=1))
    notified = at - timedelta(minutes=15)
    release_publish(release=release, at=at, confirmed=True, exchange_notified_at=notified)
    assert ReleaseReview.objects.get(release=release).exchange_notified_at == notified
    event = AuditEvent.objects.get(action="schedule")
    assert event.changes["exchange_notified_at"][1].startswith(notified.astimezone(NEW_YORK).isoformat()[:16])


def test_errors_block_publication_even_when_confirmed():
    release = clean_release()
    untimed_body(release)
    with pytest.raises(ValidationError, match="without its time zone"):
        release_publish(release=release, confirmed=True)
    release.refresh_from_db()
    assert release.published_at is None


def test_warnings_need_a_confirmation():
    release = clean_release()
    release.calls.update(replay_until=None)
    with pytest.raises(ValidationError, match="confirm"):
        release_publish(release=release)
    release_publish(release=release, confirmed=True)
    assert release.is_published



def test_the_upload_review_page_shows_the_checks_before_anything_is_saved(client, writer, monkeypatch):
    from dataclasses import replace

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from releases import parsing
    from releases.tests import factories as release_factories

    # ImmunoGen's call notice, its call time printed without a zone and no investor contact.
    unzoned = release_factories.parsed_release(calls=(release_factories.parsed_call(zone=None),),
                                               contacts=(release_factories.parsed_contact(role="media"),))
    monkeypatch.setattr(parsing, "parse_within", lambda raw, filename="", seconds=None: unzoned)
    client.force_login(writer)
    upload = client.post(reverse("admin:releases_pressrelease_upload"),
                         {"file": SimpleUploadedFile("notice.txt", b"notice"), "text": ""})
    page = client.get(upload["Location"]).content.decode()
    checks = page.split('id="disclosure-checks"')[1].split("</section>")[0]
    assert "printed without its time zone" in checks
    assert "names no investor relations contact" in checks
    assert not PressRelease.objects.exists()

    zoned = replace(unzoned, contacts=(release_factories.parsed_contact(),), calls=(release_factories.parsed_call(),))
    findings = {f.code for f in rules.check_parsed(zoned, category=PressRelease.Category.CONFERENCE_CALL,
                                                    at=datetime(2011, 10, 20, 7, 0, tzinfo=NEW_YORK))}
    assert findings == set()
