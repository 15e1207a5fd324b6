"""The audit trail: every write of a release, call, dial-in, contact, listing or company, and
every submission, approval, publication and override, in; one chained `AuditEvent` each out.

Writes are caught with signal receivers (pre_save reads the row as it was, post_save and
post_delete append the event), so the admin, the services, the management commands and the
shell all log without each remembering to. Who made the write is a context variable: the
admin's requests set it (`AuditActorMiddleware`), the management commands set their own name
(`acting(command=...)`), and a service marks a publication, an approval or an override with its
reason (`operation`). Rows written with bulk_create send no signal: the services that use it call
`record_created`.

Each event's hash is SHA-256 over the previous event's hash and a canonical JSON of its own
fields. Appends take turns, so that concurrent writers cannot both chain onto the same event:
PostgreSQL takes a transaction-scoped advisory lock before reading the last event; SQLite has one
writer at a time (IMMEDIATE transactions, irsite/settings.py).
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.utils import timezone

from releases.models import Company, ConferenceCall, Contact, DialIn, Listing, PressRelease, ReleaseContact

from .models import AuditEvent

GENESIS = "0" * 64
CHAIN_LOCK_KEY = 0xA0D1_7000  # any constant: the advisory lock every append takes
AUDITED = (Company, Listing, PressRelease, Contact, ReleaseContact, ConferenceCall, DialIn)
IGNORED_FIELDS = {"created_at", "updated_at"}  # moved by every write, and by versions.touch()
# What an approval covers (with every field of the release's calls, dial-ins and contacts):
# what the public page says, not where it is filed.
RELEASE_CONTENT_FIELDS = (
    "headline", "subheadline", "dateline_location", "dateline_date", "body", "about", "inside_information",
)


# --- who is writing -----------------------------------------------------------------------


@dataclass(frozen=True)
class Actor:
    user_id: int | None
    name: str


_actor: ContextVar = ContextVar("audit_actor", default=None)


@contextmanager
def acting(*, user=None, request=None, command: str = "") -> Iterator[None]:
    """Writes inside are made by `user`, by `request`'s user (read only if something is written),
    or by the management command `command` (no user)."""
    if command:
        source = Actor(user_id=None, name=f"command: {command}")
    elif request is not None:
        source = request
    else:
        source = Actor(user_id=user.pk, name=user.get_username()) if user is not None else None
    reset = _actor.set(source)
    try:
        yield
    finally:
        _actor.reset(reset)


def current_actor() -> Actor:
    source = _actor.get()
    if isinstance(source, Actor):
        return source
    user = getattr(source, "user", None)
    if user is not None and user.is_authenticated:
        return Actor(user_id=user.pk, name=user.get_username())
    return Actor(user_id=None, name=unattributed_name())


def unattributed_name() -> str:
    """A write with no one in the context: `manage.py shell` and the like name themselves."""
    if sys.argv and sys.argv[0].endswith("manage.py") and len(sys.argv) > 1:
        return f"command: {sys.argv[1]}"
    return "system"


# --- what is being done -------------------------------------------------------------------


@dataclass
class Operation:
    action: str
    release_pk: int
    reason: str = ""
    override: bool = False
    details: dict = field(default_factory=dict)


_operation: ContextVar[Operation | None] = ContextVar("audit_operation", default=None)


@contextmanager
def operation(action: str, *, release: PressRelease, reason: str = "", override: bool = False, details=None):
    """The release's write inside is `action` (publish, schedule, unpublish), logged with the
    reason and details given, rather than as a plain change."""
    reset = _operation.set(
        Operation(action=action, release_pk=release.pk, reason=reason, override=override, details=details or {})
    )
    try:
        yield
    finally:
        _operation.reset(reset)


# --- the chain ----------------------------------------------------------------------------


def jsonable(value):
    """`value` as JSON gives it back: what the database stores is what was hashed."""
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def canonical(event: AuditEvent) -> str:
    payload = {
        "sequence": event.sequence,
        "at": event.at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "actor_id": event.actor_id,
        "actor_name": event.actor_name,
        "action": event.action,
        "override": event.override,
        "model": event.model,
        "object_id": event.object_id,
        "object_repr": event.object_repr,
        "release_id": event.release_id,
        "changes": event.changes,
        "reason": event.reason,
        "previous_hash": event.previous_hash,
    }
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def event_hash(event: AuditEvent) -> str:
    return hashlib.sha256(canonical(event).encode()).hexdigest()


def lock_chain() -> None:
    connection = transaction.get_connection()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK_KEY])


def append(
    *,
    action: str,
    model: str,
    object_id,
    object_repr: str,
    release_id: int | None,
    changes: dict,
    reason: str = "",
    override: bool = False,
) -> AuditEvent:
    actor = current_actor()
    # No savepoint of its own: if the event cannot be appended, the write it records fails with it.
    with transaction.atomic(savepoint=False):
        lock_chain()
        last = AuditEvent.objects.order_by("-sequence").values("sequence", "hash").first()
        event = AuditEvent(
            sequence=last["sequence"] + 1 if last else 1,
            at=timezone.now().astimezone(UTC).replace(microsecond=0),
            actor_id=actor.user_id,
            actor_name=actor.name[:200],
            action=action,
            override=override,
            model=model,
            object_id=str(object_id),
            object_repr=str(object_repr)[:300],
            release_id=release_id,
            changes=jsonable(changes),
            reason=reason,
            previous_hash=last["hash"] if last else GENESIS,
        )
        event.hash = event_hash(event)
        event.save(force_insert=True)
    return event


@dataclass(frozen=True)
class ChainReport:
    intact: int  # events that matched, from the first
    broken: AuditEvent | None  # the first that did not
    problem: str = ""


def verify_chain() -> ChainReport:
    """Walk the events in order: each must carry the previous one's hash, the next sequence
    number, and the hash of its own fields."""
    previous, expected, count = GENESIS, 1, 0
    for event in AuditEvent.objects.order_by("sequence").iterator(chunk_size=2000):
        if event.sequence != expected:
            return ChainReport(count, event, f"its sequence number is {event.sequence}, expected {expected}")
        if event.previous_hash != previous:
            return ChainReport(count, event, "it does not carry the hash of the event before it")
        if event.hash != event_hash(event):
            return ChainReport(count, event, "its fields do not match its hash")
        previous, expected, count = event.hash, expected + 1, count + 1
    return ChainReport(count, None)


# --- the receivers ------------------------------------------------------------------------


def label(model) -> str:
    return model._meta.label_lower


def audited_fields(model) -> list[models.Field]:
    return [f for f in model._meta.concrete_fields if f.name not in IGNORED_FIELDS]


def row_values(instance) -> dict:
    values = {}
    for f in audited_fields(type(instance)):
        value = f.value_from_object(instance)
        if isinstance(f, models.FileField):
            value = value.name or ""
        values[f.attname] = value
    return jsonable(values)


def read_before(sender, instance, raw=False, **kwargs):
    if raw or instance._state.adding or instance.pk is None:
        instance._audit_before = None
        return
    stored = sender._base_manager.filter(pk=instance.pk).first()
    instance._audit_before = row_values(stored) if stored is not None else None


def diff(before: dict | None, after: dict | None) -> dict:
    before, after = before or {}, after or {}
    changes = {}
    for name in dict.fromkeys([*before, *after]):
        old, new = before.get(name), after.get(name)
        if old != new and not (name not in before and new in ("", None, False)):
            changes[name] = [old, new]
    return changes


def release_of(instance) -> int | None:
    if isinstance(instance, PressRelease):
        return instance.pk
    if isinstance(instance, ConferenceCall):
        return instance.release_id
    if isinstance(instance, DialIn):
        if DialIn.call.is_cached(instance):
            return instance.call.release_id
        return ConferenceCall.objects.filter(pk=instance.call_id).values_list("release_id", flat=True).first()
    if isinstance(instance, ReleaseContact):
        return instance.pressrelease_id
    return None


def releases_shown(instance, changes: dict) -> set[int]:
    """The releases whose approved content `changes` to `instance` alter."""
    if isinstance(instance, PressRelease):
        return {instance.pk} if set(changes) & set(RELEASE_CONTENT_FIELDS) else set()
    if isinstance(instance, Contact):
        return set(ReleaseContact.objects.filter(contact_id=instance.pk).values_list("pressrelease_id", flat=True))
    found = {release_of(instance)}
    if isinstance(instance, ConferenceCall | ReleaseContact):
        old = changes.get("release_id", changes.get("pressrelease_id", [None]))[0]
        found.add(old)
    return {pk for pk in found if pk is not None}


def record_saved(sender, instance, created=False, raw=False, **kwargs):
    if raw:
        return
    after = row_values(instance)
    changes = diff(None if created else getattr(instance, "_audit_before", None), after)
    instance._audit_before = None
    if not changes and not created:
        return  # saved as it was: nothing to record
    record_write(sender, instance, AuditEvent.Action.CREATE if created else AuditEvent.Action.UPDATE, changes)


def record_deleted(sender, instance, **kwargs):
    record_write(sender, instance, AuditEvent.Action.DELETE, diff(row_values(instance), None))


def record_write(sender, instance, action: str, changes: dict) -> AuditEvent:
    from . import snapshots, workflow

    reason, override = "", False
    op = _operation.get()
    if op is not None and sender is PressRelease and op.release_pk == instance.pk and "published_at" in changes:
        action, reason, override = op.action, op.reason, op.override
        changes.update({name: [None, value] for name, value in op.details.items()})
    release_id = release_of(instance)
    if not (sender is PressRelease and action == AuditEvent.Action.DELETE):
        deleting = action == AuditEvent.Action.DELETE
        shown = releases_shown(instance, changes)
        if voided := workflow.content_changed(shown, by=current_actor(), create=not deleting):
            changes["approval"] = [voided, "voided"]
        snapshots.take_on_commit(shown | ({instance.pk} if sender is PressRelease else set()))
    return append(
        action=action,
        model=label(sender),
        object_id=instance.pk,
        object_repr=str(instance),
        release_id=release_id,
        changes=changes,
        reason=reason,
        override=override,
    )


def record_created(objects: Iterable[models.Model]) -> None:
    """For rows written with bulk_create, which sends no signal."""
    for instance in objects:
        record_saved(type(instance), instance, created=True)


def record_action(action: str, *, release: PressRelease, changes: dict, reason: str = "") -> AuditEvent:
    """A step that writes no release row: a submission or an approval."""
    return append(
        action=action,
        model=label(PressRelease),
        object_id=release.pk,
        object_repr=str(release),
        release_id=release.pk,
        changes=changes,
        reason=reason,
    )


def refuse_retained_delete(sender, instance, **kwargs):
    from .workflow import refuse_if_retained

    refuse_if_retained(instance, doing="deleted")


def connect_receivers() -> None:
    pre_delete.connect(refuse_retained_delete, sender=PressRelease, dispatch_uid="mar-retention")
    for model in AUDITED:
        name = model.__name__
        pre_save.connect(read_before, sender=model, dispatch_uid=f"audit-before-{name}")
        post_save.connect(record_saved, sender=model, dispatch_uid=f"audit-save-{name}")
        post_delete.connect(record_deleted, sender=model, dispatch_uid=f"audit-delete-{name}")
