"""Issue 2's "done when": an IR staff member, not a superuser, enters the release the project
started from (../shared/corpus/dev/000.txt) by hand in the admin, without the upload: the
company with its listing, the two contacts (one through the "+" popup of the release page),
the release with its contacts, then its call with the dial-in, passcode and replay."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from releases.models import Company, ConferenceCall, Contact, PressRelease

pytestmark = pytest.mark.django_db

HEADLINE = (
    "ImmunoGen, Inc. Announces Conference Call to Discuss its First Quarter Fiscal Year 2012 Financial Results"
)


def management(prefix: str, total: int) -> dict:
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": "0"}


def post_ok(client, url: str, data: dict, expected_status: int = 302):
    response = client.post(url, data)
    if response.status_code != expected_status:  # show the form's errors, not just the status
        context = response.context or {}
        errors = [context.get("errors"), *[f.errors for f in context.get("inline_admin_formsets", [])]]
        pytest.fail(f"{url} answered {response.status_code}: {errors}")
    return response


def test_ir_staff_enters_the_demo_release_by_hand(staff_client, ir_staff):
    assert not ir_staff.is_superuser

    post_ok(
        staff_client,
        reverse("admin:releases_company_add"),
        {
            "name": "ImmunoGen, Inc.",
            "slug": "immunogen",
            "website": "www.immunogen.com",
            "headquarters": "Waltham, Mass.",
            "about": "ImmunoGen, Inc. develops targeted anticancer therapeutics.",
            **management("listings", 1),
            "listings-0-exchange": "NASDAQ",
            "listings-0-ticker": "IMGN",
        },
    )
    company = Company.objects.get()
    assert [str(listing) for listing in company.listings.all()] == ["NASDAQ: IMGN"]
    assert company.website == "https://www.immunogen.com"

    contact_add = reverse("admin:releases_contact_add")
    post_ok(
        staff_client,
        contact_add,
        {
            "company": company.pk,
            "role": "investors",
            "name": "Carol Hausner",
            "title": "Executive Director, Investor Relations and Corporate Communications",
            "organization": "ImmunoGen, Inc.",
            "phones": "781-895-0600",
            "email": "info@immunogen.com",
        },
    )
    # The release page's "+" next to a contact opens this popup; its answer fills the select.
    popup = post_ok(
        staff_client,
        f"{contact_add}?_to_field=id&_popup=1",
        {
            "_popup": "1",
            "_to_field": "id",
            "company": company.pk,
            "role": "media",
            "name": "Barbara Yates",
            "organization": "The Yates Network",
            "phones": "781-258-6153",
            "email": "",
        },
        expected_status=200,
    )
    yates = Contact.objects.get(name="Barbara Yates")
    assert "popup_response" in popup.content.decode() and f"&quot;value&quot;: &quot;{yates.pk}&quot;" in (
        popup.content.decode()
    )
    hausner = Contact.objects.get(name="Carol Hausner")

    post_ok(
        staff_client,
        reverse("admin:releases_pressrelease_add"),
        {
            "company": company.pk,
            "headline": HEADLINE,
            "subheadline": "",
            "slug": "immunogen-first-quarter-fiscal-2012-call",
            "category": "conference_call",
            "published_at_0": "2011-10-20",  # not a field of the form: a release is published by the actions
            "published_at_1": "08:00",
            "dateline_location": "WALTHAM, Mass.",
            "dateline_date": "2011-10-20",
            "wire": "Business Wire",
            "body": "<p>ImmunoGen, Inc. (Nasdaq: IMGN) today announced that the Company will host a conference "
            "call at 4:30 p.m. ET on Thursday, October 27, 2011.</p>",
            "about": "ImmunoGen, Inc. develops targeted anticancer therapeutics.",
            **management("releasecontact_set", 2),
            "releasecontact_set-0-contact": hausner.pk,
            "releasecontact_set-1-contact": yates.pk,
            **management("calls", 0),
        },
    )
    release = PressRelease.objects.get()
    assert release.status == PressRelease.Status.DRAFT
    assert (release.dateline_location, release.dateline_date, release.wire) == (
        "WALTHAM, Mass.",
        date(2011, 10, 20),
        "Business Wire",
    )
    assert sorted(c.name for c in release.contacts.all()) == ["Barbara Yates", "Carol Hausner"]

    post_ok(
        staff_client,
        reverse("admin:releases_conferencecall_add"),
        {
            "company": company.pk,
            "release": release.pk,
            "title": "First Quarter Fiscal Year 2012 Financial Results Conference Call",
            "starts_at_0": "2011-10-27",
            "starts_at_1": "16:30",
            "timezone": "America/New_York",
            "webcast_url": "http://www.immunogen.com",
            "passcode": "7751636",
            "replay_until": "2011-11-03",
            "replay_passcode": "",
            **management("dial_ins", 1),
            "dial_ins-0-kind": "live",
            "dial_ins-0-label": "",
            "dial_ins-0-number": "913-312-0940",
        },
    )
    call = ConferenceCall.objects.get()
    assert (call.company, call.release) == (company, release)
    assert call.local_starts_at == datetime(2011, 10, 27, 16, 30, tzinfo=ZoneInfo("America/New_York"))
    assert (call.passcode, call.replay_until) == ("7751636", date(2011, 11, 3))
    assert [(d.kind, d.number, d.e164) for d in call.dial_ins.all()] == [("live", "913-312-0940", "+19133120940")]

    # Published by the staff member, the release is on the site with its call.
    staff_client.post(
        reverse("admin:releases_pressrelease_changelist"),
        # The disclosure checks' warnings, if any, confirmed.
        {"action": "publish_now", ACTION_CHECKBOX_NAME: [release.pk], "disclosure_step": "1", "confirmed": "on"},
    )
    release.refresh_from_db()
    assert release.status == PressRelease.Status.PUBLISHED
    page = staff_client.get(release.get_absolute_url())
    assert page.status_code == 200
    content = page.content.decode()
    assert "ImmunoGen, Inc. Announces Conference Call" in content
    assert "913-312-0940" in content and "7751636" in content


def test_call_zone_is_a_select_of_common_zones_that_keeps_any_stored_zone(staff_client):
    call = ConferenceCall.objects.create(
        company=Company.objects.create(name="Himalaya Co", slug="himalaya-co"),
        title="Results call",
        timezone="Asia/Kathmandu",
    )
    add = staff_client.get(reverse("admin:releases_conferencecall_add")).content.decode()
    assert '<select name="timezone"' in add
    assert '<option value="Europe/London">UK (London)</option>' in add
    change = staff_client.get(reverse("admin:releases_conferencecall_change", args=[call.pk])).content.decode()
    assert '<option value="Asia/Kathmandu" selected>Asia/Kathmandu</option>' in change


def test_call_with_an_unknown_zone_is_refused_with_a_clear_error(staff_client):
    company = Company.objects.create(name="Zone Co", slug="zone-co")
    response = staff_client.post(
        reverse("admin:releases_conferencecall_add"),
        {
            "company": company.pk,
            "title": "Results call",
            "starts_at_0": "2030-03-04",
            "starts_at_1": "09:00",
            "timezone": "Eastern",
            **management("dial_ins", 0),
        },
    )
    assert response.status_code == 200
    assert "Eastern is not a time zone name: choose the call&#x27;s zone from the list" in response.content.decode()
    assert not ConferenceCall.objects.exists()


def test_release_add_page_has_no_empty_source_section(staff_client):
    content = staff_client.get(reverse("admin:releases_pressrelease_add")).content.decode()
    assert 'name="headline"' in content
    assert ">Source<" not in content
