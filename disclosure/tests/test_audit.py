"""Every kind of write leaves one chained event; the table is append-only in the database;
verify_audit finds a row changed or removed behind the application's back."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.management import call_command
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from disclosure.audit import GENESIS, acting, event_hash, verify_chain
from disclosure.models import AuditEvent
from releases.models import Company, ConferenceCall, Contact, DialIn, Listing, PressRelease, ReleaseContact
from releases.services import release_publish, release_unpublish
from releases.tests import factories

from .tamper import without_append_only_triggers

pytestmark = pytest.mark.django_db


def events_since(mark: int):
    return list(AuditEvent.objects.filter(sequence__gt=mark).order_by("sequence"))


def last_sequence() -> int:
    return AuditEvent.objects.order_by("-sequence").values_list("sequence", flat=True).first() or 0


def run_verify():
    out, err = StringIO(), StringIO()
    try:
        call_command("verify_audit", stdout=out, stderr=err)
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    return code, out.getvalue() + err.getvalue()


WRITES = {
    "company": (lambda: factories.company(), lambda c: setattr(c, "website", "https://example.com")),
    "listing": (lambda: factories.listing(), lambda x: setattr(x, "ticker", "NEW")),
    "release": (lambda: factories.release(), lambda r: setattr(r, "headline", "A new headline")),
    "contact": (lambda: factories.contact(), lambda c: setattr(c, "title", "Head of IR")),
    "call": (lambda: factories.call(), lambda c: setattr(c, "passcode", "1234")),
    "dial-in": (lambda: factories.dial_in(), lambda d: setattr(d, "label", "Toll-free")),
    "contact link": (
        lambda: ReleaseContact.objects.create(pressrelease=factories.release(), contact=factories.contact()),
        None,
    ),
}
MODELS = {"company": Company, "listing": Listing, "release": PressRelease, "contact": Contact,
          "call": ConferenceCall, "dial-in": DialIn, "contact link": ReleaseContact}


@pytest.mark.parametrize("kind", list(WRITES), ids=list(WRITES))
def test_create_change_and_delete_of_each_model_leave_one_chained_event_each(kind):
    make, change = WRITES[kind]
    instance = make()
    model = MODELS[kind]._meta.label_lower
    created = AuditEvent.objects.filter(model=model, object_id=str(instance.pk)).get()
    assert created.action == AuditEvent.Action.CREATE

    mark = last_sequence()
    if change is not None:
        change(instance)
        instance.save()
        [changed] = events_since(mark)
        assert changed.action == AuditEvent.Action.UPDATE and changed.model == model
        field, (before, after) = next(iter(changed.changes.items()))
        assert after != before
        mark = changed.sequence
    pk = instance.pk
    instance.delete()
    deleted = [e for e in events_since(mark) if e.model == model and e.object_id == str(pk)]
    assert [e.action for e in deleted] == [AuditEvent.Action.DELETE]
    assert verify_chain().broken is None


def test_an_event_records_who_when_what_before_and_after():
    release = factories.release(headline="Old headline")
    user = factories.ir_staff_user("carol")
    with acting(user=user):
        release.headline = "New headline"
        release.save()
    event = AuditEvent.objects.order_by("-sequence").first()
    assert (event.actor_id, event.actor_name) == (user.pk, "carol")
    assert event.changes == {"headline": ["Old headline", "New headline"]}
    assert event.at.microsecond == 0 and abs(event.at - timezone.now()) < timedelta(seconds=5)
    assert event.release_id == release.pk
    assert event.previous_hash == AuditEvent.objects.get(sequence=event.sequence - 1).hash
    assert event.hash == event_hash(event)


def test_saving_a_row_unchanged_records_nothing():
    release = factories.release()
    mark = last_sequence()
    release.save()
    assert events_since(mark) == []


def test_publish_schedule_and_unpublish_are_one_event_each_with_their_action():
    release = factories.release()
    mark = last_sequence()
    release_publish(release=release, confirmed=True)
    release_unpublish(release=release, reason="Wrong file")
    release_publish(release=release, at=timezone.now() + timedelta(days=2), confirmed=True)
    events = [e for e in events_since(mark) if e.model == "releases.pressrelease"]
    assert [e.action for e in events] == ["publish", "unpublish", "schedule"]
    assert events[0].changes["published_at"][0] is None
    assert events[0].changes["warnings_confirmed"][1] == ["The release names no investor relations contact."]
    assert events[1].reason == "Wrong file"


def test_admin_writes_are_the_signed_in_users(client):
    staff = factories.ir_staff_user("dana")
    client.force_login(staff)
    company = factories.company()
    response = client.post(
        reverse("admin:releases_contact_add"),
        {"company": company.pk, "role": "investors", "name": "Eve Ir", "email": "eve@example.com", "phones": ""},
    )
    assert response.status_code == 302
    event = AuditEvent.objects.filter(model="releases.contact").latest("sequence")
    assert (event.actor_id, event.actor_name, event.action) == (staff.pk, "dana", "create")


def test_admin_action_publish_is_logged_as_the_user(client):
    staff = factories.ir_staff_user("erin")
    client.force_login(staff)
    release = factories.release()
    client.post(reverse("admin:releases_pressrelease_changelist"),
                {"action": "publish_now", ACTION_CHECKBOX_NAME: [release.pk], "disclosure_step": "1",
                 "confirmed": "on"})
    event = AuditEvent.objects.filter(action="publish").get()
    assert event.actor_name == "erin" and event.release_id == release.pk


def test_management_commands_log_as_themselves_with_no_user(tmp_path):
    source = tmp_path / "release.txt"
    source.write_text(
        "Northwind Announces Dividend\n\nBOSTON, Mass.--(BUSINESS WIRE)--Jan. 8, 2030-- Northwind Holdings, Inc. "
        "(NASDAQ: NWND) declared a dividend.\n\nContacts\nInvestors: Carol Hausner, 617-555-0100, ir@example.com\n"
    )
    call_command("import_releases", str(source), stdout=StringIO(), stderr=StringIO())
    events = AuditEvent.objects.all()
    assert events.filter(model="releases.pressrelease", action="create").exists()
    assert set(events.values_list("actor_name", "actor_id").distinct()) == {("command: import_releases", None)}


def test_verify_audit_passes_an_intact_chain_with_its_count():
    factories.release()
    code, output = run_verify()
    assert code == 0
    assert f"{AuditEvent.objects.count()} event(s) verified" in output


def test_the_database_refuses_to_update_or_delete_an_event():
    factories.release()
    event = AuditEvent.objects.first()
    with pytest.raises((IntegrityError, DatabaseError)), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(reason="rewritten")
    with pytest.raises((IntegrityError, DatabaseError)), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()
    with pytest.raises((IntegrityError, DatabaseError)), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"UPDATE {AuditEvent._meta.db_table} SET reason = 'x'")
    assert AuditEvent.objects.get(pk=event.pk).reason == ""


def test_verify_audit_names_a_row_changed_behind_the_applications_back():
    release = factories.release(headline="What we said")
    release.headline = "What we say now"
    release.save()
    target = AuditEvent.objects.filter(action="update").get()
    with without_append_only_triggers(), connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {AuditEvent._meta.db_table} SET actor_name = %s WHERE id = %s", ["someone else", target.pk]
        )
    code, output = run_verify()
    assert code == 1
    assert f"event #{target.sequence} (id {target.pk}" in output
    assert "its fields do not match its hash" in output


def test_verify_audit_names_the_event_after_a_removed_one():
    for n in range(3):
        factories.company(name=f"Company {n}")
    second = AuditEvent.objects.get(sequence=2)
    with without_append_only_triggers(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {AuditEvent._meta.db_table} WHERE id = %s", [second.pk])
    code, output = run_verify()
    assert code == 1
    assert "event #3" in output


def test_the_first_event_chains_onto_the_genesis_hash():
    factories.company()
    assert AuditEvent.objects.get(sequence=1).previous_hash == GENESIS
