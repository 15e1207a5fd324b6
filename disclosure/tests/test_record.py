"""What the public page showed, kept at each publication and change; a release's history page,
readable by an auditor; EU MAR's label and its five years."""

from datetime import timedelta

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from disclosure import snapshots
from disclosure.models import Snapshot
from releases.models import PressRelease
from releases.services import release_publish, release_unpublish
from releases.tests import factories as release_factories

from .factories import clean_release

pytestmark = pytest.mark.django_db


def test_a_publication_and_each_change_keep_what_the_page_showed(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        release = clean_release(headline="Northwind Sets Its Results Call")
    assert not Snapshot.objects.exists()  # a draft shows nothing
    with django_capture_on_commit_callbacks(execute=True):
        release_publish(release=release, confirmed=True)
    published = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        release.headline = "Northwind Sets Its Results Call (Corrected)"
        release.save()
    changed = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        release_unpublish(release=release)

    taken = list(Snapshot.objects.filter(release_id=release.pk).order_by("taken_at", "pk"))
    assert [snapshot.kind for snapshot in taken] == ["publication", "change", "withdrawal"]
    first, second, _ = taken
    assert "Northwind Sets Its Results Call</h1>" in first.html and "+1 800 555 0199" in first.html
    assert "(Corrected)" in second.html
    # between the publication and the change, as the two snapshots were stamped (the wall clock read around the
    # blocks above may put its own midpoint after the change's stamp)
    assert published >= first.taken_at
    assert snapshots.shown_at(release.pk, first.taken_at + (second.taken_at - first.taken_at) / 2) == first
    assert snapshots.shown_at(release.pk, changed) == second
    assert snapshots.shown_at(release.pk, timezone.now()) is None
    assert snapshots.shown_at(release.pk, first.shown_from - timedelta(seconds=1)) is None


def test_a_scheduled_release_shows_nothing_before_its_time(django_capture_on_commit_callbacks):
    release = clean_release()
    later = timezone.now() + timedelta(hours=3)
    with django_capture_on_commit_callbacks(execute=True):
        release_publish(release=release, at=later, confirmed=True)
    assert snapshots.shown_at(release.pk, timezone.now() + timedelta(hours=1)) is None
    assert snapshots.shown_at(release.pk, later + timedelta(minutes=1)).kind == Snapshot.Kind.PUBLICATION


def test_an_auditor_reads_a_releases_history_and_what_it_showed_but_changes_nothing(
    client, auditor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        release = clean_release(headline="Northwind Sets Its Results Call")
        release_publish(release=release, confirmed=True)
    client.force_login(auditor)
    history = reverse("admin:releases_pressrelease_history", args=[release.pk])
    contact = release.contacts.get()
    contact.title = "Head of Investor Relations"
    contact.save()
    page = client.get(history).content.decode()
    assert "Published" in page and "releases.pressrelease" in page
    assert "Head of Investor Relations" in page  # a contact the release names
    at = timezone.localtime(timezone.now() + timedelta(seconds=1)).strftime("%Y-%m-%dT%H:%M:%S")
    shown = client.get(history, {"at": at}).content.decode()
    assert "the page showed the publication snapshot" in shown
    assert "Northwind Sets Its Results Call</h1>" in shown

    change = reverse("admin:releases_pressrelease_change", args=[release.pk])
    assert client.get(change).status_code == 200  # read-only
    client.post(change, {"headline": "Changed by an auditor"})
    release.refresh_from_db()
    assert release.headline == "Northwind Sets Its Results Call"
    response = client.post(reverse("admin:releases_pressrelease_changelist"),
                           {"action": "unpublish", ACTION_CHECKBOX_NAME: [release.pk]})
    release.refresh_from_db()
    assert release.is_published and response.status_code in (200, 302)


def test_ir_staff_keep_what_they_had_and_do_not_read_the_audit_trail(client, writer):
    release = release_factories.release()
    client.force_login(writer)
    assert client.get(reverse("admin:releases_pressrelease_history", args=[release.pk])).status_code == 403
    assert client.get(reverse("admin:releases_pressrelease_disclosure", args=[release.pk])).status_code == 200


def test_the_review_page_lists_the_checks(client, writer):
    release = clean_release()
    release.calls.update(replay_until=None)
    client.force_login(writer)
    page = client.get(reverse("admin:releases_pressrelease_disclosure", args=[release.pk])).content.decode()
    assert "does not say a replay" in page
    assert "Draft" in page
    change = client.get(reverse("admin:releases_pressrelease_change", args=[release.pk])).content.decode()
    assert "does not say a replay" in change.split('class="form-row field-checks"')[1]


def mar_release(**fields):
    return release_factories.release(
        company=release_factories.company(name="Contoso Pharmaceuticals plc"), inside_information=True,
        published_at=timezone.now() - timedelta(days=30), **fields,
    )


def test_inside_information_shows_the_label_the_issuer_and_the_time_to_the_minute(client):
    release = mar_release()
    page = client.get(release.get_absolute_url()).content.decode()
    assert "Inside information." in page
    assert "Issuer: Contoso Pharmaceuticals plc." in page
    label = timezone.localtime(release.published_at)
    assert f"{label:%-I}:{label:%M}" in page.split("Inside information.")[1].split("</p>")[0]


def test_inside_information_cannot_be_unpublished_or_deleted_for_five_years(client, writer):
    release = mar_release()
    published_on = timezone.localtime(release.published_at).date()
    until = published_on.replace(year=published_on.year + 5)
    with pytest.raises(ValidationError, match=f"before {until:%b}"):
        release_unpublish(release=release)
    client.force_login(writer)
    response = client.post(reverse("admin:releases_pressrelease_changelist"),
                           {"action": "unpublish", ACTION_CHECKBOX_NAME: [release.pk]}, follow=True)
    assert "cannot be unpublished before" in response.content.decode()
    response = client.post(reverse("admin:releases_pressrelease_delete", args=[release.pk]), {"post": "yes"},
                           follow=True)
    assert "cannot be deleted before" in response.content.decode()
    with pytest.raises(ValidationError), transaction.atomic():
        release.delete()  # not through the admin: the receiver refuses it too
    assert PressRelease.objects.filter(pk=release.pk, published_at__isnull=False).exists()


def test_inside_information_older_than_five_years_may_be_withdrawn():
    release = mar_release()
    PressRelease.objects.filter(pk=release.pk).update(published_at=timezone.now() - timedelta(days=5 * 366))
    release.refresh_from_db()
    release_unpublish(release=release)
    assert release.published_at is None
