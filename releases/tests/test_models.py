from datetime import UTC, datetime, timedelta
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils import timezone

from releases.models import Company, ConferenceCall, Contact, DialIn, Listing, PressRelease

pytestmark = pytest.mark.django_db


@pytest.fixture
def company():
    return Company.objects.create(name="ImmunoGen, Inc.", slug="immunogen")


def make_release(company, **fields):
    fields.setdefault("headline", "ImmunoGen Announces Conference Call")
    fields.setdefault("slug", "immunogen-announces-conference-call")
    return PressRelease.objects.create(company=company, **fields)


def test_same_source_file_cannot_be_stored_twice(company):
    make_release(company, slug="first", source_sha256="a" * 64)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_release(company, slug="second", source_sha256="a" * 64)


def test_releases_entered_by_hand_need_no_source_file(company):
    make_release(company, slug="first")
    make_release(company, slug="second")
    assert PressRelease.objects.count() == 2


def test_same_slug_twice_for_one_company_is_refused(company):
    make_release(company, slug="q1-results")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_release(company, slug="q1-results")


def test_same_slug_for_two_companies_is_allowed(company):
    other = Company.objects.create(name="Other Corp", slug="other")
    make_release(company, slug="q1-results")
    make_release(other, slug="q1-results")
    assert PressRelease.objects.filter(slug="q1-results").count() == 2


def test_duplicate_slug_is_a_form_error_through_full_clean(company):
    make_release(company, slug="q1-results")
    duplicate = PressRelease(company=company, headline="Again", slug="q1-results")
    with pytest.raises(ValidationError) as excinfo:
        duplicate.full_clean()
    assert "__all__" in excinfo.value.message_dict


def test_contact_with_no_way_to_reach_it_is_refused(company):
    with pytest.raises(IntegrityError), transaction.atomic():
        Contact.objects.create(company=company, name="Carol Hausner", role=Contact.Role.INVESTORS)


def test_contact_with_only_a_phone_is_accepted(company):
    contact = Contact.objects.create(company=company, name="Barbara Yates", phones="781-258-6153")
    assert contact.phone_list == ["781-258-6153"]


def test_contact_without_phone_or_email_fails_validation(company):
    contact = Contact(company=company, name="Carol Hausner")
    with pytest.raises(ValidationError):
        contact.full_clean()


def test_same_person_is_one_contact_per_company(company):
    Contact.objects.create(company=company, name="Carol Hausner", email="info@immunogen.com")
    with pytest.raises(IntegrityError), transaction.atomic():
        Contact.objects.create(company=company, name="carol hausner", email="INFO@immunogen.com")


def test_exchange_and_ticker_are_unique_together(company):
    Listing.objects.create(company=company, exchange="NASDAQ", ticker="IMGN")
    other = Company.objects.create(name="Other Corp", slug="other")
    Listing.objects.create(company=other, exchange="NYSE", ticker="IMGN")
    with pytest.raises(IntegrityError), transaction.atomic():
        Listing.objects.create(company=other, exchange="NASDAQ", ticker="IMGN")


def test_listing_clean_normalises_exchange(company):
    listing = Listing(company=company, exchange=" nasdaq ", ticker="IMGN")
    listing.full_clean()
    assert listing.exchange == "NASDAQ"


@pytest.mark.parametrize(
    ("offset", "published"),
    [
        pytest.param(timedelta(seconds=-1), True, id="one-second-ago"),
        pytest.param(timedelta(seconds=0), True, id="now"),
        pytest.param(timedelta(seconds=1), False, id="one-second-ahead"),
        pytest.param(None, False, id="draft"),
    ],
)
def test_published_queryset_at_the_boundary(company, offset, published):
    now = timezone.now()
    release = make_release(company, published_at=None if offset is None else now + offset)
    with _frozen_now(now):
        assert PressRelease.objects.published().filter(pk=release.pk).exists() is published


@pytest.mark.parametrize(
    ("offset", "status"),
    [
        pytest.param(timedelta(minutes=-5), PressRelease.Status.PUBLISHED, id="published"),
        pytest.param(timedelta(minutes=5), PressRelease.Status.EMBARGOED, id="embargoed"),
        pytest.param(None, PressRelease.Status.DRAFT, id="draft"),
    ],
)
def test_release_status(company, offset, status):
    release = make_release(company, published_at=None if offset is None else timezone.now() + offset)
    assert release.status == status


def test_embargoed_release_is_published_by_itself_when_its_time_comes(company):
    now = timezone.now()
    release = make_release(company, published_at=now + timedelta(hours=1))
    assert not PressRelease.objects.published().filter(pk=release.pk).exists()
    with _frozen_now(now + timedelta(hours=1, seconds=1)):
        assert PressRelease.objects.published().filter(pk=release.pk).exists()


def test_calls_are_public_only_with_their_release(company):
    now = timezone.now()
    draft = make_release(company, slug="draft")
    embargoed = make_release(company, slug="embargoed", published_at=now + timedelta(days=1))
    published = make_release(company, slug="published", published_at=now - timedelta(days=1))
    soon = now + timedelta(days=7)
    ConferenceCall.objects.create(company=company, release=draft, title="Draft call", starts_at=soon)
    ConferenceCall.objects.create(company=company, release=embargoed, title="Embargoed call", starts_at=soon)
    ConferenceCall.objects.create(company=company, release=published, title="Announced call", starts_at=soon)
    ConferenceCall.objects.create(company=company, title="Entered by hand", starts_at=soon)
    ConferenceCall.objects.create(
        company=company, release=published, title="Last quarter's call", starts_at=now - timedelta(days=80)
    )

    assert set(ConferenceCall.objects.upcoming().values_list("title", flat=True)) == {
        "Announced call",
        "Entered by hand",
    }
    assert list(ConferenceCall.objects.past().values_list("title", flat=True)) == ["Last quarter's call"]


def test_call_keeps_the_zone_it_was_announced_in(company):
    call = ConferenceCall.objects.create(
        company=company,
        title="Q1 call",
        starts_at=datetime(2011, 10, 27, 20, 30, tzinfo=UTC),
        timezone="America/New_York",
    )
    assert call.local_starts_at.isoformat() == "2011-10-27T16:30:00-04:00"


def test_unknown_time_zone_is_a_validation_error(company):
    call = ConferenceCall(company=company, title="Q1 call", timezone="Eastern Standard")
    with pytest.raises(ValidationError) as excinfo:
        call.full_clean()
    assert "timezone" in excinfo.value.message_dict


def test_dial_in_derives_e164_on_clean(company):
    call = ConferenceCall.objects.create(company=company, title="Q1 call")
    dial_in = DialIn(call=call, number=" 913-312-0940 ", label="Toll")
    dial_in.full_clean()
    dial_in.save()
    assert (dial_in.number, dial_in.e164, dial_in.tel_url) == ("913-312-0940", "+19133120940", "tel:+19133120940")


def test_same_number_twice_on_one_call_is_refused(company):
    call = ConferenceCall.objects.create(company=company, title="Q1 call")
    DialIn.objects.create(call=call, number="913-312-0940")
    DialIn.objects.create(call=call, number="913-312-0940", kind=DialIn.Kind.REPLAY)
    with pytest.raises(IntegrityError), transaction.atomic():
        DialIn.objects.create(call=call, number="913-312-0940")


def test_company_with_releases_cannot_be_deleted(company):
    make_release(company)
    with pytest.raises(ProtectedError):
        company.delete()


def _frozen_now(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


def test_neighbours_follow_publication_order_and_skip_what_is_not_published(company):
    now = timezone.now()
    at = now - timedelta(days=3)

    def release(slug, published_at):
        return make_release(company, slug=slug, headline=slug.title(), published_at=published_at)

    older = release("older", at - timedelta(days=1))
    tied_before = release("tied-before", at)  # the same instant: ties go by pk
    middle = release("middle", at)
    newer = release("newer", at + timedelta(days=1))
    release("draft", None)
    release("embargoed", now + timedelta(hours=1))

    def headlines(item):
        return tuple(n.headline if n else None for n in PressRelease.objects.neighbours(item))

    assert headlines(middle) == ("Tied-Before", "Newer")
    assert headlines(tied_before) == ("Older", "Middle")
    assert headlines(older) == (None, "Tied-Before")
    # The newest published release has no next one: not the embargoed release, not the draft.
    assert headlines(newer) == ("Middle", None)


@pytest.mark.parametrize(
    ("shows", "public"),
    [
        pytest.param("published release", True, id="published-release"),
        pytest.param("call entered by hand", True, id="hand-entered-call"),
        pytest.param("call in a published release", True, id="published-call"),
        pytest.param("embargoed release and its call", False, id="embargoed"),
        pytest.param("draft and its call", False, id="draft"),
        pytest.param("nothing", False, id="nothing"),
    ],
)
def test_a_company_is_public_with_a_published_release_or_a_public_call(company, shows, public):
    now = timezone.now()
    release_at = {
        "published release": now - timedelta(days=1),
        "call in a published release": now - timedelta(days=1),
        "embargoed release and its call": now + timedelta(days=1),
        "draft and its call": None,
    }
    if shows in release_at:
        release = make_release(company, published_at=release_at[shows])
        if "call" in shows:
            ConferenceCall.objects.create(company=company, release=release, title="Call", starts_at=now)
    if shows == "call entered by hand":
        ConferenceCall.objects.create(company=company, title="Call", starts_at=None)
    assert Company.objects.public().filter(slug="immunogen").exists() is public
    assert (
        PressRelease.objects.published().filter(company=company).exists()
        or ConferenceCall.objects.public().filter(company=company).exists()
    ) is public
