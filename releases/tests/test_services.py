from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from releases.models import Company, ConferenceCall, Contact, DialIn, Listing, PressRelease
from releases.parsing.result import CompanyInfo, Dateline
from releases.parsing.result import Listing as ParsedListing
from releases.services import release_create_from_upload, release_publish, release_unpublish, source_sha256

from . import factories

pytestmark = pytest.mark.django_db

SOURCE = b"ImmunoGen, Inc. Announces Conference Call ... (the file's bytes)"


def upload(parsed=None, source=SOURCE, name="000.txt", **kwargs):
    return release_create_from_upload(
        parsed=parsed or factories.parsed_release(), source=source, source_name=name, **kwargs
    )


def test_upload_creates_company_listing_release_contacts_calls_and_dial_ins(ir_staff):
    outcome = upload(uploaded_by=ir_staff)

    assert outcome.created
    release = outcome.release
    assert release.status == PressRelease.Status.DRAFT
    assert release.company.name == "ImmunoGen, Inc."
    assert release.company.slug == "immunogen-inc"
    assert release.company.website == "http://www.immunogen.com"
    assert list(release.company.listings.values_list("exchange", "ticker")) == [("NASDAQ", "IMGN")]
    assert release.slug.startswith("immunogen-inc-announces-conference-call")
    assert release.dateline_location == "WALTHAM, Mass."
    assert release.dateline_date == date(2011, 10, 20)
    assert release.wire == "Business Wire"
    assert release.category == PressRelease.Category.CONFERENCE_CALL
    assert release.uploaded_by == ir_staff
    assert release.source_name == "000.txt"
    assert release.source_sha256 == source_sha256(SOURCE)
    assert release.source_file.read() == SOURCE
    assert sorted(release.contacts.values_list("name", flat=True)) == ["Barbara Yates", "Carol Hausner"]


def test_call_is_stored_with_its_zone_and_dial_ins_with_e164():
    release = upload().release

    call = release.calls.get()
    assert call.company == release.company
    assert call.timezone == "America/New_York"
    assert call.starts_at == datetime(2011, 10, 27, 20, 30, tzinfo=UTC)
    assert call.passcode == "7751636"
    assert call.webcast_url == "http://www.immunogen.com"
    assert call.replay_until == date(2011, 11, 3)
    assert call.replay_passcode == "42"
    rows = list(call.dial_ins.values_list("kind", "number", "e164", "label"))
    assert rows == [
        ("live", "913-312-0940", "+19133120940", ""),
        ("live", "800-555-0199", "+18005550199", "Toll-free"),
        ("replay", "719-457-0820", "+17194570820", ""),
    ]


def test_call_in_london_keeps_its_zone():
    london = factories.parsed_call(
        starts_at=datetime(2025, 3, 4, 9, 0, tzinfo=timezone.get_fixed_timezone(0)), zone="Europe/London"
    )
    call = upload(factories.parsed_release(calls=(london,))).release.calls.get()
    assert call.timezone == "Europe/London"
    assert call.local_starts_at.hour == 9


def test_company_is_matched_by_ticker_before_name():
    existing = factories.company(name="ImmunoGen Incorporated", slug="immunogen")
    factories.listing(company=existing, exchange="NASDAQ", ticker="IMGN")

    release = upload().release

    assert release.company == existing
    assert Company.objects.count() == 1


def test_company_is_matched_by_name_ignoring_case_and_gains_new_listing():
    existing = factories.company(name="IMMUNOGEN, INC.", slug="immunogen")

    release = upload().release

    assert release.company == existing
    assert Company.objects.count() == 1
    assert list(existing.listings.values_list("ticker", flat=True)) == ["IMGN"]


def test_new_company_gets_unique_slug():
    factories.company(name="Someone Else", slug="immunogen-inc")
    release = upload().release
    assert release.company.slug == "immunogen-inc-2"


def test_contacts_are_deduplicated_across_releases():
    first = upload().release
    second = upload(replace(factories.parsed_release(), headline="ImmunoGen Reports Results"), source=b"other").release

    assert Contact.objects.count() == 2
    assert set(first.contacts.all()) == set(second.contacts.all())
    assert second.category == PressRelease.Category.EARNINGS


def test_contact_is_matched_by_email_when_no_name_is_printed():
    desk = factories.parsed_contact(name=None, organization="Investor Relations", emails=("IR@immunogen.com",))
    upload(factories.parsed_release(contacts=(desk,)))
    upload(factories.parsed_release(contacts=(replace(desk, emails=("ir@immunogen.com",)),)), source=b"second")
    assert Contact.objects.filter(name="").count() == 1


def test_contact_gains_new_phone_from_later_release():
    upload()
    upload(factories.parsed_release(contacts=(factories.parsed_contact(phones=("781-895-0601",)),)), source=b"second")
    carol = Contact.objects.get(name="Carol Hausner")
    assert carol.phone_list == ["781-895-0600", "781-895-0601"]


def test_contact_without_phone_or_email_is_left_out_with_a_note():
    unreachable = factories.parsed_contact(name="Jane Quote", phones=(), emails=())
    outcome = upload(factories.parsed_release(contacts=(unreachable,)))
    assert outcome.release.contacts.count() == 0
    assert outcome.notes == ("Contact Jane Quote was left out: it has no phone number or email.",)


def test_same_file_again_returns_stored_release_and_creates_nothing():
    first = upload()
    counts = [m.objects.count() for m in (Company, Listing, PressRelease, Contact, ConferenceCall, DialIn)]

    again = upload(replace(factories.parsed_release(), headline="Edited in review"))

    assert not again.created
    assert again.release == first.release
    assert [m.objects.count() for m in (Company, Listing, PressRelease, Contact, ConferenceCall, DialIn)] == counts


def test_same_headline_twice_gets_a_second_slug():
    first = upload().release
    second = upload(source=b"a different file with the same headline").release
    assert second.slug == first.slug + "-2"


def test_failed_upload_saves_nothing(media_root):
    bad_call = factories.parsed_call(zone="Mars/Olympus_Mons")
    with pytest.raises(ValidationError):
        upload(factories.parsed_release(calls=(bad_call,)))

    for model in (Company, Listing, PressRelease, Contact, ConferenceCall, DialIn):
        assert model.objects.count() == 0, model
    assert not [p for p in media_root.rglob("*") if p.is_file()]


def test_release_without_headline_is_refused():
    with pytest.raises(ValidationError, match="no headline"):
        upload(factories.parsed_release(headline="  "))
    assert PressRelease.objects.count() == 0


def test_release_without_company_name_or_known_ticker_is_refused():
    with pytest.raises(ValidationError, match="company was not found"):
        upload(factories.parsed_release(company=CompanyInfo(), listings=()))
    assert Company.objects.count() == 0


def test_listings_of_two_different_companies_are_refused():
    factories.listing(company=factories.company(name="A"), exchange="NYSE", ticker="AAA")
    factories.listing(company=factories.company(name="B"), exchange="NYSE", ticker="BBB")
    listings = (ParsedListing("NYSE", "AAA"), ParsedListing("NYSE", "BBB"))
    with pytest.raises(ValidationError, match="different companies"):
        upload(factories.parsed_release(listings=listings))
    assert PressRelease.objects.count() == 0


def test_website_without_scheme_is_stored_as_url():
    parsed = factories.parsed_release(
        company=CompanyInfo(name="Acme Corp.", website="www.acme.example/ir"), listings=()
    )
    assert upload(parsed).release.company.website == "http://www.acme.example/ir"


def test_body_html_is_sanitized_again_before_storage():
    parsed = factories.parsed_release(body_html='<p onclick="x()">Hi<script>alert(1)</script></p>')
    assert upload(parsed).release.body == "<p>Hi</p>"


def test_publish_at_given_publishes_on_creation():
    at = timezone.now() - timedelta(days=1)
    release = upload(publish_at=at).release
    assert release.published_at == at
    assert PressRelease.objects.published().get() == release


def test_release_publish_now_schedule_and_unpublish():
    release = factories.release()
    release_publish(release=release, confirmed=True)
    assert PressRelease.objects.published().filter(pk=release.pk).exists()

    later = timezone.now() + timedelta(days=2)
    release_publish(release=release, at=later, confirmed=True)
    release.refresh_from_db()
    assert release.status == PressRelease.Status.EMBARGOED
    assert release.published_at == later

    release_unpublish(release=release)
    release.refresh_from_db()
    assert release.published_at is None


def test_release_publish_refuses_naive_datetime():
    with pytest.raises(ValueError):
        release_publish(release=factories.release(), at=datetime(2030, 1, 1))


def test_upload_keeps_dateline_none_when_not_found():
    release = upload(factories.parsed_release(dateline=Dateline())).release
    assert release.dateline_date is None
    assert release.dateline_location == ""


def test_upload_that_loses_a_race_is_retried_and_finds_the_rows(monkeypatch):
    from django.db import IntegrityError

    from releases import services

    real = services.company_for_release
    calls = []

    def racing(*, parsed):
        calls.append(1)
        company = real(parsed=parsed)
        if len(calls) == 1:
            raise IntegrityError("duplicate key value violates unique constraint")  # another writer won
        return company

    monkeypatch.setattr(services, "company_for_release", racing)
    outcome = upload()

    assert outcome.created
    assert len(calls) == 2
    assert Company.objects.count() == 1
    assert PressRelease.objects.count() == 1


def test_upload_gives_up_after_repeated_integrity_errors(monkeypatch):
    from django.db import IntegrityError

    from releases import services

    def always(*, parsed):
        raise IntegrityError("still racing")

    monkeypatch.setattr(services, "company_for_release", always)
    with pytest.raises(IntegrityError):
        upload()
    assert PressRelease.objects.count() == 0


def test_a_release_of_a_known_company_takes_a_handful_of_queries():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    upload()
    with CaptureQueriesContext(connection) as queries:
        outcome = upload(replace(factories.parsed_release(), headline="ImmunoGen Reports Results"), source=b"second")

    assert outcome.created
    # PostgreSQL also takes the upload lock (a SELECT of pg_advisory_xact_lock); it is not a lookup.
    # The audit trail's own statements (disclosure/) are not counted: they are one append per row written.
    statements = [
        q["sql"].split()[0]
        for q in queries.captured_queries
        if "pg_advisory_xact_lock" not in q["sql"] and "disclosure_" not in q["sql"]
    ]
    # File, listing, slug and contacts looked up; release, its contact links, call and dial-ins written;
    # the savepoint around it. No foreign-key or constraint re-checks, no rewrite of unchanged
    # contacts or of the company.
    assert statements.count("SELECT") == 4, queries.captured_queries
    assert statements.count("INSERT") == 4
    assert statements.count("UPDATE") == 0
    assert len(statements) <= 10  # with the savepoint and its release


def test_contact_seen_before_gains_nothing_and_keeps_its_row():
    upload()
    carol = Contact.objects.get(name="Carol Hausner")
    second = upload(replace(factories.parsed_release(), headline="ImmunoGen Reports Results"), source=b"second")
    assert carol in second.release.contacts.all()
    assert Contact.objects.count() == 2


def test_two_desks_without_name_or_email_on_one_release_are_refused_and_nothing_is_saved(media_root):
    desks = (
        factories.parsed_contact(name=None, organization="Investor Desk", emails=()),
        factories.parsed_contact(name=None, organization="Media Desk", emails=(), phones=("781-895-0700",)),
    )
    with pytest.raises(ValidationError, match="already has a contact"):
        upload(factories.parsed_release(contacts=desks))
    assert PressRelease.objects.count() == 0 and Contact.objects.count() == 0
    assert not [p for p in media_root.rglob("*") if p.is_file()]


def test_the_same_person_twice_in_one_release_is_one_contact_and_one_link():
    twice = (factories.parsed_contact(), factories.parsed_contact(phones=("781-895-0601",)))
    release = upload(factories.parsed_release(contacts=twice)).release
    assert [c.phone_list for c in release.contacts.all()] == [["781-895-0600", "781-895-0601"]]
