"""Draft -> submitted -> approved -> published, in the admin, as IR staff who are not
superusers: one person cannot publish alone where the company requires two; an edit after
approval voids it; an emergency override needs a reason and is marked in the log."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from disclosure import workflow
from disclosure.audit import acting
from disclosure.models import AuditEvent, ReleaseReview
from releases.services import release_approve, release_publish, release_submit
from releases.tests import factories as release_factories

from . import factories

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:releases_pressrelease_changelist")


def action(client, name, release, **extra):
    return client.post(CHANGELIST, {"action": name, ACTION_CHECKBOX_NAME: [release.pk], **extra})


def written_by(user, **fields):
    with acting(user=user):
        return factories.clean_release(**fields)


def change_form_data(response) -> dict:
    """What the change form would post back unchanged: its fields and its inlines'."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        data.update({management.add_prefix(name): management[name].value() for name in management.fields})
        forms.extend(inline.formset.forms)
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is True:
                data[form.add_prefix(name)] = "on"
            elif value not in (None, False):
                data[form.add_prefix(name)] = value.isoformat() if hasattr(value, "isoformat") else value
    return data


def test_a_writer_approver_cannot_approve_or_publish_their_own_change(as_user, approver, two_person_company):
    release = written_by(approver, company=two_person_company)
    client = as_user(approver)
    action(client, "submit_for_approval", release)
    assert workflow.state(release) == ReleaseReview.State.SUBMITTED

    response = action(client, "approve", release)
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("someone else must approve it" in m for m in messages)
    assert workflow.state(release) == ReleaseReview.State.SUBMITTED

    page = action(client, "publish_now", release)
    assert "requires a second person" in page.content.decode()
    action(client, "publish_now", release, disclosure_step="1", confirmed="on")
    release.refresh_from_db()
    assert release.published_at is None


def test_a_plain_writer_cannot_publish_alone_nor_override(as_user, writer, two_person_company):
    release = written_by(writer, company=two_person_company)
    client = as_user(writer)
    page = action(client, "publish_now", release)
    assert not page.context["publishable"]  # no approval, and no override for a writer
    assert 'name="override_reason"' not in page.content.decode()
    action(client, "publish_now", release, disclosure_step="1", override_reason="Market moving, now")
    release.refresh_from_db()
    assert release.published_at is None


def test_a_second_person_approves_then_the_writer_publishes(as_user, writer, approver, two_person_company):
    release = written_by(writer, company=two_person_company)
    writer_client, approver_client = as_user(writer), as_user(approver)
    action(writer_client, "submit_for_approval", release)
    action(approver_client, "approve", release)
    assert workflow.state(release) == ReleaseReview.State.APPROVED
    response = action(writer_client, "publish_now", release)
    assert response.status_code == 302
    release.refresh_from_db()
    assert release.is_published
    published = AuditEvent.objects.get(action="publish")
    assert published.actor_name == "wendy" and not published.override
    assert published.changes["approved_by"] == [None, "arthur"]


def test_an_edit_in_the_admin_after_approval_voids_it(as_user, writer, approver, two_person_company):
    release = written_by(writer, company=two_person_company)
    release_submit(release=release, by=writer)
    release_approve(release=release, by=approver)
    writer_client = as_user(writer)
    url = reverse("admin:releases_pressrelease_change", args=[release.pk])
    data = change_form_data(writer_client.get(url))
    data["headline"] = "Northwind to Host Results Call (corrected)"
    assert writer_client.post(url, data).status_code == 302

    review = ReleaseReview.objects.get(release=release)
    assert review.approved_by is None and review.last_changed_by == writer
    assert workflow.state(release) == ReleaseReview.State.SUBMITTED
    voiding = AuditEvent.objects.filter(model="releases.pressrelease", action="update").latest("sequence")
    assert voiding.changes["approval"][1] == "voided"
    action(writer_client, "publish_now", release, disclosure_step="1", confirmed="on")
    release.refresh_from_db()
    assert release.published_at is None


def test_an_edit_to_a_call_voids_the_approval_too(writer, approver, two_person_company):
    release = written_by(writer, company=two_person_company)
    release_submit(release=release, by=writer)
    release_approve(release=release, by=approver)
    call = release.calls.get()
    with acting(user=writer):
        call.webcast_url = "https://ir.example.com/other"
        call.save()
    assert workflow.state(release) == ReleaseReview.State.SUBMITTED


def test_an_approval_binds_the_content_even_when_a_write_sends_no_signal(writer, approver, two_person_company):
    release = written_by(writer, company=two_person_company)
    release_submit(release=release, by=writer)
    release_approve(release=release, by=approver)
    type(release).objects.filter(pk=release.pk).update(body="<p>Changed behind the receivers' back.</p>")
    release.refresh_from_db()
    assert workflow.state(release) == ReleaseReview.State.SUBMITTED
    with pytest.raises(ValidationError, match="requires a second person"):
        release_publish(release=release, by=writer, confirmed=True)


def test_the_database_refuses_an_approval_by_the_last_author(writer, two_person_company):
    release = written_by(writer, company=two_person_company)
    review = ReleaseReview.objects.get(release=release)
    review.approved_by, review.approved_hash, review.second_person_required = writer, "0" * 64, True
    review.approved_at = factories.PUBLISH_AT
    with pytest.raises(IntegrityError), transaction.atomic():
        review.save()


def test_the_approver_may_be_the_author_where_the_company_needs_no_second_person(approver):
    release = written_by(approver)
    release_submit(release=release, by=approver)
    release_approve(release=release, by=approver)
    assert workflow.state(release) == ReleaseReview.State.APPROVED


def test_an_emergency_override_needs_a_reason_and_is_marked_in_the_log(as_user, writer, approver,
                                                                       two_person_company):
    release = written_by(approver, company=two_person_company)
    client = as_user(approver)
    page = action(client, "publish_now", release)
    assert 'name="override_reason"' in page.content.decode()
    action(client, "publish_now", release, disclosure_step="1", override_reason="   ")
    release.refresh_from_db()
    assert release.published_at is None
    response = action(client, "publish_now", release, disclosure_step="1",
                      override_reason="Results leaked; the exchange asked us to publish at once.")
    assert response.status_code == 302
    release.refresh_from_db()
    assert release.published_at is not None
    event = AuditEvent.objects.get(action="publish")
    assert event.override and event.reason == "Results leaked; the exchange asked us to publish at once."
    history = client.get(reverse("admin:releases_pressrelease_history", args=[release.pk])).content.decode()
    assert "override: no second person" in history


def test_only_staff_with_the_view_permission_preview_a_draft(client, writer):
    release = release_factories.release()
    bare_staff = factories.person("sam")  # staff, in no group
    client.force_login(bare_staff)
    assert client.get(release.get_absolute_url()).status_code == 404
    client.force_login(writer)
    assert client.get(release.get_absolute_url()).status_code == 200
