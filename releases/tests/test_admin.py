import re
from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse, reverse_lazy
from django.utils import timezone

from releases.models import Company, ConferenceCall, Contact, DialIn, Listing, PressRelease, ReleaseContact

from . import factories

pytestmark = pytest.mark.django_db

MODELS = [Company, Listing, PressRelease, Contact, ConferenceCall, DialIn]


@pytest.fixture
def one_of_each():
    company = factories.company(name="ImmunoGen, Inc.")
    factories.listing(company=company, ticker="IMGN")
    release = factories.release(company=company)
    person = factories.contact(company=company, phones="781-895-0600")
    release.contacts.add(person)
    call = factories.call(company=company, release=release)
    factories.dial_in(call=call)
    return release


def url_name(model, view):
    return f"admin:releases_{model._meta.model_name}_{view}"


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_ir_staff_sees_changelist_and_add_page(staff_client, ir_staff, one_of_each, model):
    assert not ir_staff.is_superuser
    changelist = staff_client.get(reverse(url_name(model, "changelist")))
    assert changelist.status_code == 200
    assert changelist.context["cl"].result_count == 1
    assert staff_client.get(reverse(url_name(model, "add"))).status_code == 200


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_ir_staff_sees_change_page(staff_client, one_of_each, model):
    obj = model.objects.get()
    response = staff_client.get(reverse(url_name(model, "change"), args=[obj.pk]))
    assert response.status_code == 200


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_changelist_search_and_filters_answer(staff_client, one_of_each, model):
    response = staff_client.get(reverse(url_name(model, "changelist")), {"q": "immunogen"})
    assert response.status_code == 200


def test_release_change_page_shows_contacts_and_calls_inline(staff_client, one_of_each):
    response = staff_client.get(reverse("admin:releases_pressrelease_change", args=[one_of_each.pk]))
    content = response.content.decode()
    contact = one_of_each.contacts.get()
    assert 'name="releasecontact_set-0-contact"' in content
    assert str(contact) in content
    assert "Quarterly results conference call" in content
    assert "Jan. 15, 2030, 4:30 p.m. (America/New_York)" in content


def test_release_contacts_inline_rows_are_labelled_with_the_contact(staff_client, one_of_each):
    contact = one_of_each.contacts.get()
    contact.name, contact.role = "Carol Hausner", "investors"
    contact.save()
    content = staff_client.get(reverse("admin:releases_pressrelease_change", args=[one_of_each.pk])).content.decode()
    assert "Carol Hausner (Investor relations)" in content
    assert "object (" not in content


def test_the_same_contact_twice_on_one_release_is_refused(one_of_each):
    contact = one_of_each.contacts.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        ReleaseContact.objects.create(pressrelease=one_of_each, contact=contact)
    assert ReleaseContact.objects.count() == 1


def test_call_change_page_shows_dial_ins_inline(staff_client, one_of_each):
    call = ConferenceCall.objects.get()
    response = staff_client.get(reverse("admin:releases_conferencecall_change", args=[call.pk]))
    assert "913-312-0940" in response.content.decode()


def test_status_column_says_draft_embargoed_and_published(staff_client):
    company = factories.company()
    factories.release(company=company, headline="A draft")
    factories.release(company=company, headline="Embargoed one", published_at=timezone.now() + timedelta(days=3))
    factories.release(company=company, headline="Out already", published_at=timezone.now() - timedelta(days=1))
    content = staff_client.get(reverse("admin:releases_pressrelease_changelist")).content.decode()
    assert ">Draft<" in content
    assert "Embargoed until" in content
    assert "Published " in content


@pytest.mark.parametrize(
    "status, headline",
    [("draft", "A draft"), ("embargoed", "Embargoed one"), ("published", "Out already")],
    ids=["draft", "embargoed", "published"],
)
def test_status_filter(staff_client, status, headline):
    company = factories.company()
    factories.release(company=company, headline="A draft")
    factories.release(company=company, headline="Embargoed one", published_at=timezone.now() + timedelta(days=3))
    factories.release(company=company, headline="Out already", published_at=timezone.now() - timedelta(days=1))
    response = staff_client.get(reverse("admin:releases_pressrelease_changelist"), {"status": status})
    assert [r.headline for r in response.context["cl"].result_list] == [headline]


def test_contact_phones_are_edited_one_per_line(staff_client):
    company = factories.company()
    response = staff_client.post(
        reverse("admin:releases_contact_add"),
        {
            "company": company.pk,
            "role": "investors",
            "name": "Carol",
            "phones": "781-895-0600\r\n\r\n 781-895-0601 ",
            "email": "",
        },
    )
    assert response.status_code == 302
    assert Contact.objects.get().phone_list == ["781-895-0600", "781-895-0601"]


def test_dial_in_added_in_admin_gets_e164(staff_client):
    call = factories.call()
    response = staff_client.post(
        reverse("admin:releases_dialin_add"),
        {"call": call.pk, "kind": "live", "label": "", "number": "+44 20 3059 8125"},
    )
    assert response.status_code == 302
    assert DialIn.objects.get().e164 == "+442030598125"


# The disclosure checks' confirmation (a bare release names no investor contact: a warning).
CONFIRMED = {"disclosure_step": "1", "confirmed": "on"}


def run_action(client, action, releases, **extra):
    data = {"action": action, ACTION_CHECKBOX_NAME: [r.pk for r in releases], **extra}
    return client.post(reverse("admin:releases_pressrelease_changelist"), data)


def test_publish_now_action(staff_client):
    release = factories.release()
    response = run_action(staff_client, "publish_now", [release], **CONFIRMED)
    assert response.status_code == 302
    release.refresh_from_db()
    assert release.status == PressRelease.Status.PUBLISHED


def test_publish_now_keeps_the_date_of_a_release_already_published(staff_client):
    published_at = timezone.now() - timedelta(days=30)
    old = factories.release(published_at=published_at)
    draft = factories.release()
    response = run_action(staff_client, "publish_now", [old, draft], **CONFIRMED)
    old.refresh_from_db()
    draft.refresh_from_db()
    assert old.published_at == published_at
    assert draft.status == PressRelease.Status.PUBLISHED
    assert "1 already published kept their date" in staff_client.get(response["Location"]).content.decode()


def test_unpublish_action_asks_why_then_records_it(staff_client):
    from disclosure.models import AuditEvent

    release = factories.release(published_at=timezone.now() - timedelta(hours=1))
    page = run_action(staff_client, "unpublish", [release])
    assert page.status_code == 200 and "Why" in page.content.decode()
    blank = run_action(staff_client, "unpublish", [release], apply="1", reason="  ")
    assert blank.status_code == 200 and "This field is required" in blank.content.decode()
    release.refresh_from_db()
    assert release.is_published
    done = run_action(staff_client, "unpublish", [release], apply="1", reason="Wrong quarter in the headline")
    assert done.status_code == 302
    release.refresh_from_db()
    assert release.published_at is None
    event = AuditEvent.objects.filter(action="unpublish").latest("pk")
    assert event.reason == "Wrong quarter in the headline"


def test_schedule_action_asks_for_the_time_then_embargoes(staff_client):
    release = factories.release()
    page = run_action(staff_client, "schedule", [release])
    assert page.status_code == 200
    assert "Publish at" in page.content.decode()
    release.refresh_from_db()
    assert release.published_at is None

    at = (timezone.localtime() + timedelta(days=2)).replace(second=0, microsecond=0)
    response = run_action(
        staff_client, "schedule", [release], apply="1", publish_at=at.strftime("%Y-%m-%dT%H:%M"), **CONFIRMED
    )
    assert response.status_code == 302
    release.refresh_from_db()
    assert release.published_at == at
    assert release.status == PressRelease.Status.EMBARGOED


def test_schedule_message_and_status_give_the_time_to_the_minute_with_its_zone(staff_client):
    release = factories.release()
    at = datetime(2030, 1, 15, 8, 0, tzinfo=timezone.get_current_timezone())
    response = run_action(staff_client, "schedule", [release], apply="1", publish_at="2030-01-15T08:00", **CONFIRMED)
    changelist = staff_client.get(response["Location"]).content.decode()
    zone = at.tzname()
    assert f"Scheduled 1 release(s) for Jan. 15, 2030, 8:00 a.m. {zone}." in changelist
    assert "a.m.." not in changelist
    assert f"Embargoed until Jan. 15, 2030, 8:00 a.m. {zone}" in changelist


def test_ir_staff_deleting_a_release_are_shown_its_calls_which_go_with_it(staff_client, one_of_each):
    url = reverse("admin:releases_pressrelease_delete", args=[one_of_each.pk])
    confirmation = staff_client.get(url).content.decode()
    assert "Conference call" in confirmation
    assert "permission to delete" not in confirmation
    response = staff_client.post(url, {"post": "yes"})
    assert response.status_code == 302
    assert not PressRelease.objects.exists()
    assert not ConferenceCall.objects.exists()
    assert not DialIn.objects.exists()


def test_contact_added_by_hand_is_meant_for_the_company_page(staff_client):
    page = staff_client.get(reverse("admin:releases_contact_add")).content.decode()
    checkbox = re.search(r'<input[^>]*name="on_company_page"[^>]*>', page).group()
    assert "checked" in checkbox


def test_schedule_action_refuses_a_time_in_the_past(staff_client):
    release = factories.release()
    page = run_action(staff_client, "schedule", [release], apply="1", publish_at="2001-01-01T09:00")
    assert page.status_code == 200
    assert "Choose a time in the future" in page.content.decode()
    release.refresh_from_db()
    assert release.published_at is None


def test_schedule_action_with_bad_time_shows_error(staff_client):
    release = factories.release()
    page = run_action(staff_client, "schedule", [release], apply="1", publish_at="not a time")
    assert page.status_code == 200
    assert "Enter a valid date/time" in page.content.decode()
    release.refresh_from_db()
    assert release.published_at is None


def test_publish_actions_need_the_publish_permission(client, ir_staff):
    ir_staff.groups.clear()
    ir_staff.user_permissions.set(Permission.objects.filter(codename__in=["view_pressrelease", "change_pressrelease"]))
    client.force_login(ir_staff)
    release = factories.release()
    page = client.get(reverse("admin:releases_pressrelease_changelist"))
    action_form = page.context["action_form"]
    actions = [choice[0] for choice in action_form.fields["action"].choices] if action_form else []
    assert "publish_now" not in actions
    run_action(client, "publish_now", [release])
    release.refresh_from_db()
    assert release.published_at is None
    change = client.get(reverse("admin:releases_pressrelease_change", args=[release.pk]))
    assert 'name="published_at"' not in change.content.decode()


def test_changelist_links_to_the_release_on_the_site(staff_client, one_of_each):
    content = staff_client.get(reverse("admin:releases_pressrelease_changelist")).content.decode()
    content_type = ContentType.objects.get_for_model(PressRelease)
    assert reverse("admin:view_on_site", args=[content_type.pk, one_of_each.pk]) in content


def changelist_queries(client, model) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse(url_name(model, "changelist"))).status_code == 200
    return len(queries)


def add_rows(n):
    for i in range(n):
        company = factories.company()
        factories.listing(company=company)
        release = factories.release(company=company, published_at=timezone.now() if i % 2 else None)
        release.contacts.add(factories.contact(company=company))
        factories.dial_in(call=factories.call(company=company, release=release))


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_changelist_queries_do_not_grow_with_rows(staff_client, model):
    add_rows(2)
    few = changelist_queries(staff_client, model)
    add_rows(6)
    assert changelist_queries(staff_client, model) == few


def test_call_time_is_entered_and_shown_in_the_calls_own_zone(staff_client):
    company = factories.company()
    response = staff_client.post(
        reverse("admin:releases_conferencecall_add"),
        {
            "company": company.pk,
            "title": "Capital markets day",
            "starts_at_0": "2030-03-04",
            "starts_at_1": "09:00",
            "timezone": "Europe/London",
            "dial_ins-TOTAL_FORMS": "0",
            "dial_ins-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    call = ConferenceCall.objects.get()
    assert call.starts_at == datetime(2030, 3, 4, 9, 0, tzinfo=UTC)
    change = staff_client.get(reverse("admin:releases_conferencecall_change", args=[call.pk])).content.decode()
    assert 'value="09:00:00"' in change


def release_change_data(release, **fields) -> dict:
    """The release change form's POST as the admin sends it, with empty inlines, plus `fields`."""
    return {
        "company": release.company.pk,
        "headline": release.headline,
        "slug": release.slug,
        "category": "other",
        "body": "",
        "releasecontact_set-TOTAL_FORMS": "0",
        "releasecontact_set-INITIAL_FORMS": "0",
        "calls-TOTAL_FORMS": "0",
        "calls-INITIAL_FORMS": "0",
        **fields,
    }


def test_release_body_edited_in_admin_is_sanitized(staff_client):
    release = factories.release()
    response = staff_client.post(
        reverse("admin:releases_pressrelease_change", args=[release.pk]),
        release_change_data(
            release, body='<p onclick="steal()">Hello<script>alert(1)</script> <a href="javascript:x()">x</a></p>'
        ),
    )
    assert response.status_code == 302, response.context["errors"] if response.context else response
    release.refresh_from_db()
    assert "script" not in release.body and "onclick" not in release.body and "javascript" not in release.body
    assert "Hello" in release.body


@pytest.mark.parametrize(
    "model_name, field_name",
    [("pressrelease", "company"), ("conferencecall", "release"), ("dialin", "call"), ("contact", "company")],
)
def test_autocomplete_answers_ir_staff(staff_client, one_of_each, model_name, field_name):
    response = staff_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "releases", "model_name": model_name, "field_name": field_name, "term": ""},
    )
    assert response.status_code == 200
    assert len(response.json()["results"]) == 1


def test_call_added_on_the_release_page_belongs_to_the_releases_company(staff_client):
    release = factories.release()
    response = staff_client.post(
        reverse("admin:releases_pressrelease_change", args=[release.pk]),
        release_change_data(
            release,
            category="earnings",
            **{
                "calls-TOTAL_FORMS": "1",
                "calls-0-title": "Q4 call",
                "calls-0-starts_at_0": "2030-02-01",
                "calls-0-starts_at_1": "16:30",
                "calls-0-timezone": "America/New_York",
            },
        ),
    )
    assert response.status_code == 302, response.context["errors"] if response.context else response
    call = ConferenceCall.objects.get()
    assert (call.release, call.company, call.title) == (release, release.company, "Q4 call")


def test_release_changelist_puts_the_work_queue_first_then_published_newest_first(staff_client):
    now = timezone.now()
    company = factories.company()
    factories.release(company=company, headline="Old news", published_at=now - timedelta(days=30))
    factories.release(company=company, headline="Yesterday's news", published_at=now - timedelta(days=1))
    factories.release(company=company, headline="Embargoed one", published_at=now + timedelta(days=2))
    factories.release(company=company, headline="A draft")
    response = staff_client.get(reverse("admin:releases_pressrelease_changelist"))
    assert [r.headline for r in response.context["cl"].result_list] == [
        "A draft",
        "Embargoed one",
        "Yesterday's news",
        "Old news",
    ]


def test_release_changelist_shows_what_staff_scan_for(staff_client):
    company = factories.company(name="ImmunoGen, Inc.")
    factories.release(
        company=company,
        headline="ImmunoGen Reports Results",
        category=PressRelease.Category.EARNINGS,
        wire="Business Wire",
        dateline_date=datetime(2011, 10, 20).date(),
    )
    content = staff_client.get(reverse("admin:releases_pressrelease_changelist")).content.decode()
    for header in ["Headline", "Company", "Status", "Category", "Wire", "Dateline date"]:
        assert f">{header}</a>" in content or f">{header}</span>" in content, header
    values = ["ImmunoGen Reports Results", "ImmunoGen, Inc.", ">Draft<", "Earnings", "Business Wire", "Oct. 20, 2011"]
    for value in values:
        assert value in content, value


def test_call_changelist_shows_local_start_and_the_release_status(staff_client):
    release = factories.release(headline="Q3 call announced", published_at=timezone.now() + timedelta(days=1))
    factories.call(release=release, title="Q3 results call", timezone="America/Los_Angeles")
    factories.call(title="Investor day", starts_at=None)
    content = staff_client.get(reverse("admin:releases_conferencecall_changelist")).content.decode()
    assert "Jan. 15, 2030, 1:30 p.m. (America/Los_Angeles)" in content
    assert "Embargoed until" in content
    assert "Entered by hand (public)" in content


@pytest.mark.parametrize(
    "url",
    [
        reverse_lazy("admin:releases_pressrelease_changelist"),
        reverse_lazy("admin:releases_pressrelease_add"),
        reverse_lazy("admin:releases_conferencecall_add"),
        reverse_lazy("admin:releases_pressrelease_upload"),
    ],
    ids=["release-list", "release-add", "call-add", "upload"],
)
def test_admin_pages_load_the_admin_stylesheet_and_use_no_inline_style(staff_client, url):
    content = staff_client.get(url).content.decode()
    assert "admin-irsite/admin.css" in content
    assert 'id="id_headline"' not in content or 'class="vTextField"' in content
    assert " style=" not in content.split("<body", 1)[1]  # the Content-Security-Policy blocks inline styles


def test_publication_is_not_a_field_of_the_change_form_but_its_buttons_call_the_actions(staff_client):
    release = factories.release()
    url = reverse("admin:releases_pressrelease_change", args=[release.pk])
    page = staff_client.get(url).content.decode()
    assert 'name="published_at' not in page
    assert "Draft" in page
    button = r'<form method="post" action="([^"]+)" class="publication-action">.*?name="action" value="(\w+)"'
    buttons = re.findall(button, page, re.S)
    changelist = reverse("admin:releases_pressrelease_changelist")
    assert buttons == [(changelist, "submit_for_approval"), (changelist, "publish_now"), (changelist, "schedule")]

    response = staff_client.post(changelist, {"action": "publish_now", ACTION_CHECKBOX_NAME: [release.pk], **CONFIRMED})
    assert response.status_code == 302
    release.refresh_from_db()
    assert release.status == PressRelease.Status.PUBLISHED
    page = staff_client.get(url).content.decode()
    assert re.findall(r'class="publication-action">.*?name="action" value="(\w+)"', page, re.S) == ["unpublish"]


def test_staff_without_the_publish_permission_get_no_publication_buttons(client, ir_staff):
    ir_staff.groups.clear()
    ir_staff.user_permissions.set(Permission.objects.filter(codename__in=["view_pressrelease", "change_pressrelease"]))
    client.force_login(ir_staff)
    release = factories.release()
    page = client.get(reverse("admin:releases_pressrelease_change", args=[release.pk])).content.decode()
    actions = re.findall(r'class="publication-action">.*?name="action" value="(\w+)"', page, re.S)
    assert actions == ["submit_for_approval"]  # editing staff may submit; publishing is not theirs
