"""The alerts' background work, through Django's task API (django-tasks; its database
backend's `manage.py db_worker` runs it).

In: a release published (releases.services.release_publish calls schedule_release_alerts once
its transaction commits), and the worker's sweep every ALERTS_SWEEP_SECONDS. Out: tasks that
fan a release out and send its rows. Every task re-reads the tables before it acts, so one run
twice, late or never does no harm: the sweep finds what a lost task left undone.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.utils import timezone
from django_tasks import task, task_backends

from releases.models import PressRelease

from . import delivery, messages, services
from .models import Delivery, Subscriber


# The sweep fans out releases published this recently that have no mailing yet: a lifted
# embargo whose scheduled task was lost, or a publish whose enqueue failed. Older releases
# (an archive imported before alerts existed) are never mailed by the sweep.
SWEEP_WINDOW = timedelta(hours=24)
# Confirmations go before a release's rows, which can wait a moment.
PRIORITY_PERSONAL = 10


def can_defer() -> bool:
    return task_backends["default"].supports_defer


def schedule_release_alerts(*, release_id: int) -> None:
    """After a publish commits: fan out now, or at the embargo's time (the task re-checks
    publication when it runs, so a release unpublished or rescheduled since sends nothing)."""
    published_at = PressRelease.objects.filter(pk=release_id).values_list("published_at", flat=True).first()
    if published_at is None:
        return
    if published_at <= timezone.now():
        fan_out_alerts.enqueue(release_id=release_id)
    elif can_defer():
        fan_out_alerts.using(run_after=published_at).enqueue(release_id=release_id)


def enqueue_sends(release_id: int, count: int | None = None) -> None:
    """Send tasks for a release: up to ALERTS_PARALLEL_SENDS workers share its rows; tasks
    that find nothing left to claim finish at once."""
    for _ in range(count or settings.ALERTS_PARALLEL_SENDS):
        send_alerts.enqueue(release_id=release_id)


@task()
def fan_out_alerts(*, release_id: int) -> int:
    mailing = services.mailing_create(release_id=release_id)
    if mailing is None:
        # Fanned out before: a release unpublished and published again resumes its queued rows.
        if Delivery.objects.claimable().filter(release_id=release_id).exists():
            enqueue_sends(release_id)
        return 0
    if mailing.recipients:
        enqueue_sends(release_id)
    return mailing.recipients


@task()
def send_alerts(*, release_id: int) -> dict:
    """Send the release's rows for ALERTS_TASK_SECONDS, then hand on to a fresh task, so a
    worker takes up a confirmation email between slices of a long mailing."""
    outcome = delivery.send_release_alerts(release_id=release_id)
    if outcome.more:
        send_alerts.enqueue(release_id=release_id)
    elif outcome.retry_at is not None and can_defer():
        send_alerts.using(run_after=max(outcome.retry_at, timezone.now())).enqueue(release_id=release_id)
    return {"sent": outcome.sent, "skipped": outcome.skipped, "retried": outcome.retried, "failed": outcome.failed}


@task(priority=PRIORITY_PERSONAL)
def send_confirmation(*, subscriber_id: int) -> bool:
    subscriber = Subscriber.objects.filter(pk=subscriber_id, status=Subscriber.Status.PENDING).first()
    if subscriber is None:
        return False
    return bool(messages.confirmation_message(subscriber).send())


@task(priority=PRIORITY_PERSONAL)
def send_already_subscribed(*, subscriber_id: int) -> bool:
    subscriber = Subscriber.objects.filter(pk=subscriber_id, status=Subscriber.Status.CONFIRMED).first()
    if subscriber is None:
        return False
    return bool(messages.already_subscribed_message(subscriber).send())


def send_test_alert(*, release: PressRelease, email: str) -> None:
    """The admin's "send test alert to me": the release's alert, as a subscriber would get it
    (its links lead to a placeholder subscriber that does not exist), sent at once, outside
    the delivery rows."""
    placeholder = Subscriber(pk=0, email=email)
    message = messages.alert_message(messages.alert_content(release), placeholder, connection=get_connection())
    message.subject = f"[Test] {message.subject}"
    message.send()


def waiting_send_task(release_id: int) -> bool:
    """Whether a send task for the release is waiting in the database queue (not running)."""
    try:
        from django_tasks_db.models import DBTaskResult
    except ImportError:  # another backend: the sweep then enqueues, and a spare task finds nothing
        return False
    return (
        DBTaskResult.objects.ready()
        .filter(task_path=send_alerts.module_path, args_kwargs__kwargs__release_id=release_id)
        .exists()
    )


def sweep() -> dict:
    """What every worker does every ALERTS_SWEEP_SECONDS, whatever the queue holds:

    - releases published within SWEEP_WINDOW with no mailing: fanned out (a lifted embargo
      sends even if its scheduled task was lost);
    - releases with rows claimable now (a killed worker's lease ran out, a backoff is over)
      and no send task waiting: one send task more;
    - signups unconfirmed after 48 hours: forgotten.
    """
    now = timezone.now()
    fanned = 0
    unmailed = PressRelease.objects.published().filter(published_at__gte=now - SWEEP_WINDOW, mailing__isnull=True)
    for release_id in unmailed.values_list("pk", flat=True):
        mailing = services.mailing_create(release_id=release_id)
        if mailing is not None and mailing.recipients:
            enqueue_sends(release_id)
            fanned += 1
    resumed = 0
    pending = Delivery.objects.claimable(now).values_list("release_id", flat=True).distinct()
    for release_id in pending:
        if not waiting_send_task(release_id):
            enqueue_sends(release_id, count=1)
            resumed += 1
    expired = services.subscribers_expire()
    return {"fanned_out": fanned, "resumed": resumed, "expired": expired}
