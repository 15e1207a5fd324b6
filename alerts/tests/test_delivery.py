"""Fan-out and sending in one process, against a real SMTP server on 127.0.0.1: what is sent,
with which headers, to whom, and what a failure does."""

import time
from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from alerts import services, tasks
from alerts.delivery import send_release_alerts
from alerts.models import Delivery, Mailing, Subscriber, Suppression
from releases.models import PressRelease
from releases.services import release_publish, release_unpublish
from releases.tests import factories as release_factories

from . import factories

pytestmark = pytest.mark.django_db


def fan_out_and_send(release):
    services.mailing_create(release_id=release.pk)
    return send_release_alerts(release_id=release.pk)


def test_alert_carries_one_click_unsubscribe_and_a_message_id_of_the_pair(smtp):
    company = release_factories.company(name="Example Corp.", postal_address="1 Main Street\nWaltham, MA 02451")
    release = factories.release(company=company, headline="Example Corp. Reports Record Results")
    subscriber = factories.subscriber(email="ann@example.net")

    outcome = fan_out_and_send(release)

    assert outcome.sent == 1
    [message] = smtp.sink.messages
    assert message["To"] == "ann@example.net"
    assert message["Subject"] == "Example Corp. Reports Record Results"
    https, mailto = [part.strip().strip("<>") for part in message["List-Unsubscribe"].split(",")]
    assert https.startswith("https://ir.example.com/alerts/unsubscribe/")
    assert mailto.startswith("mailto:alerts@ir.example.com?subject=unsubscribe")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["Message-ID"].startswith(f"<alert.{release.pk}.{subscriber.pk}.")
    assert message["Message-ID"].endswith("@ir.example.com>")
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    for body in (text, html):
        assert "Example Corp. today reported record results." in body
        assert "More text." not in body
        assert f"https://ir.example.com{release.get_absolute_url()}" in body
        assert "Waltham, MA 02451" in body


def test_alert_gives_the_call_time_in_its_own_zone_with_an_ics_link(smtp):
    release = factories.release()
    call = release_factories.call(release=release, timezone="Europe/London",
                                  starts_at=datetime(2030, 1, 15, 14, 0, tzinfo=UTC))
    factories.subscriber()

    fan_out_and_send(release)

    text = smtp.sink.messages[0].get_body(("plain",)).get_content()
    assert "Tuesday, Jan. 15, 2030, 2:00 p.m. GMT" in text
    assert f"https://ir.example.com/events/{call.pk}/calendar.ics" in text


def test_one_click_post_from_the_header_unsubscribes_without_csrf(smtp):
    subscriber = factories.subscriber(email="bob@example.net")
    fan_out_and_send(factories.release())
    url = smtp.sink.messages[0]["List-Unsubscribe"].split(",")[0].strip().strip("<>")
    path = url.removeprefix("https://ir.example.com")

    response = Client(enforce_csrf_checks=True).post(path, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert Suppression.objects.filter(digest=services.address_digest("BOB@example.net ")).exists()
    assert not Suppression.objects.filter(digest__contains="bob").exists()
    fan_out_and_send(factories.release())
    assert len(smtp.sink.messages) == 1


def test_each_subscriber_gets_what_they_chose():
    chosen = release_factories.company()
    other = release_factories.company()
    release = factories.release(company=chosen, category=PressRelease.Category.DIVIDEND)
    follows_company = factories.subscriber(companies=[chosen])
    follows_other = factories.subscriber(companies=[other])
    follows_all = factories.subscriber()
    earnings_only = factories.subscriber(categories=["earnings"], calls=False)
    factories.subscriber(status=Subscriber.Status.PENDING)
    factories.subscriber(status=Subscriber.Status.UNSUBSCRIBED)

    mailing = services.mailing_create(release_id=release.pk)

    recipients = set(Delivery.objects.values_list("subscriber_id", flat=True))
    assert recipients == {follows_company.pk, follows_all.pk}
    assert mailing.recipients == 2
    assert follows_other.pk not in recipients and earnings_only.pk not in recipients


def test_calls_subscribers_get_any_release_announcing_a_call():
    release = factories.release(category=PressRelease.Category.OTHER)
    release_factories.call(release=release)
    calls_only = factories.subscriber(categories=[], calls=True)

    services.mailing_create(release_id=release.pk)

    assert list(Delivery.objects.values_list("subscriber_id", flat=True)) == [calls_only.pk]


def test_a_release_is_fanned_out_once():
    release = factories.release()
    factories.subscriber()

    assert services.mailing_create(release_id=release.pk) is not None
    assert services.mailing_create(release_id=release.pk) is None
    assert Delivery.objects.count() == 1 and Mailing.objects.count() == 1


def test_a_suppressed_address_is_never_fanned_out():
    subscriber = factories.subscriber(email="carol@example.net")
    services.suppress("carol@example.net", reason=Suppression.Reason.ERASED)

    services.mailing_create(release_id=factories.release().pk)

    assert not Delivery.objects.filter(subscriber=subscriber).exists()


@pytest.mark.parametrize("published_at", [None, "future"], ids=["draft", "embargoed"])
def test_an_unpublished_release_is_not_fanned_out(published_at):
    if published_at == "future":
        published_at = timezone.now() + timedelta(hours=1)
    release = factories.release(published_at=published_at)
    factories.subscriber()

    assert services.mailing_create(release_id=release.pk) is None
    assert not Delivery.objects.exists()


def test_a_release_unpublished_before_its_alerts_go_sends_nothing_more(smtp):
    release = factories.release()
    for _ in range(3):
        factories.subscriber()
    services.mailing_create(release_id=release.pk)
    release_unpublish(release=release)

    outcome = send_release_alerts(release_id=release.pk)

    assert outcome.sent == 0 and smtp.sink.messages == []
    assert Delivery.objects.filter(status=Delivery.Status.QUEUED, lease_owner="").count() == 3


def test_a_subscriber_who_left_after_the_fan_out_is_skipped(smtp):
    release = factories.release()
    leaver = factories.subscriber()
    factories.subscriber()
    services.mailing_create(release_id=release.pk)
    services.subscriber_unsubscribe(subscriber=leaver)

    outcome = send_release_alerts(release_id=release.pk)

    assert outcome.sent == 1
    assert Delivery.objects.get(subscriber=leaver).status == Delivery.Status.SKIPPED


def test_a_temporary_failure_is_retried_after_a_backoff(smtp, settings):
    settings.ALERTS_RETRY_SECONDS = 60
    release = factories.release()
    factories.subscriber(email="full@example.net")
    smtp.sink.refusals["full@example.net"] = "452 Mailbox full, try later"

    outcome = fan_out_and_send(release)

    row = Delivery.objects.get()
    assert outcome.retried == 1 and row.status == Delivery.Status.QUEUED and row.attempts == 1
    assert timedelta(seconds=55) < row.next_attempt_at - timezone.now() <= timedelta(seconds=60)
    assert outcome.retry_at == row.next_attempt_at
    Delivery.objects.update(next_attempt_at=timezone.now())
    del smtp.sink.refusals["full@example.net"]
    assert send_release_alerts(release_id=release.pk).sent == 1
    assert Delivery.objects.get().status == Delivery.Status.SENT


def test_permanent_failures_mark_the_address_bounced_after_the_limit(smtp, settings):
    settings.ALERTS_BOUNCE_LIMIT = 2
    subscriber = factories.subscriber(email="gone@example.net")
    smtp.sink.refusals["gone@example.net"] = "550 No such user"

    for _ in range(2):
        fan_out_and_send(factories.release())

    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.BOUNCED and subscriber.bounce_count == 2
    assert set(Delivery.objects.values_list("status", flat=True)) == {Delivery.Status.FAILED}
    assert services.is_suppressed("gone@example.net")


def test_the_send_rate_spaces_messages(smtp, settings):
    settings.ALERTS_SEND_RATE = 50
    release = factories.release()
    for _ in range(6):
        factories.subscriber()

    started = time.monotonic()
    fan_out_and_send(release)

    assert len(smtp.sink.messages) == 6
    assert time.monotonic() - started >= 5 / 50


def test_a_lease_another_worker_holds_is_not_claimed():
    release = factories.release()
    factories.subscriber()
    services.mailing_create(release_id=release.pk)

    first = services.deliveries_claim(release_id=release.pk, owner="a", size=10)
    second = services.deliveries_claim(release_id=release.pk, owner="b", size=10)
    Delivery.objects.update(lease_expires_at=timezone.now() - timedelta(seconds=1))
    third = services.deliveries_claim(release_id=release.pk, owner="c", size=10)

    assert len(first.deliveries) == 1 and second.deliveries == [] and len(third.deliveries) == 1
    assert Delivery.objects.get().lease_owner == "c"
    assert not services.delivery_mark_sent(first.deliveries[0], owner="a")


@pytest.mark.django_db(transaction=True)
def test_publishing_sends_the_alerts_once_committed(smtp, immediate_tasks):
    release = factories.release(published_at=None)
    factories.subscriber(email="dan@example.net")

    release_publish(release=release, confirmed=True, exchange_notified_at=timezone.now())

    assert smtp.sink.recipients() == ["dan@example.net"]
    assert Delivery.objects.get().status == Delivery.Status.SENT


@pytest.mark.django_db(transaction=True)
def test_an_embargoed_release_is_sent_by_the_sweep_once_its_time_comes(smtp, immediate_tasks):
    release = factories.release(published_at=None)
    factories.subscriber()

    release_publish(release=release, at=timezone.now() + timedelta(hours=1), confirmed=True,
                    exchange_notified_at=timezone.now())
    tasks.sweep()
    assert smtp.sink.messages == [] and not Mailing.objects.exists()

    PressRelease.objects.filter(pk=release.pk).update(published_at=timezone.now() - timedelta(seconds=1))
    tasks.sweep()
    assert len(smtp.sink.messages) == 1


def test_send_test_alert_goes_to_the_address_given():
    release = factories.release(headline="Quarterly Results")

    tasks.send_test_alert(release=release, email="staff@example.com")

    [message] = mail.outbox
    assert message.to == ["staff@example.com"] and message.subject.startswith("[Test] ")
    assert not Delivery.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_release_published_again_sends_the_rest_and_no_one_twice(smtp, immediate_tasks, settings):
    settings.ALERTS_BATCH_SIZE = 2
    release = factories.release(published_at=None)
    for _ in range(4):
        factories.subscriber()
    release_publish(release=release, at=timezone.now() + timedelta(hours=1), confirmed=True,
                    exchange_notified_at=timezone.now())
    PressRelease.objects.filter(pk=release.pk).update(published_at=timezone.now())
    services.mailing_create(release_id=release.pk)
    first = services.deliveries_claim(release_id=release.pk, owner="w", size=2)
    for row in first.deliveries:
        services.delivery_mark_sent(row, owner="w")
    release_unpublish(release=release)

    release_publish(release=release, confirmed=True, exchange_notified_at=timezone.now())

    assert Delivery.objects.filter(status=Delivery.Status.SENT).count() == 4
    assert len(smtp.sink.messages) == 2


def test_the_sweep_resumes_rows_a_dead_worker_left_once_its_lease_is_out(smtp, immediate_tasks):
    release = factories.release()
    factories.subscriber()
    services.mailing_create(release_id=release.pk)
    services.deliveries_claim(release_id=release.pk, owner="dead", size=10)

    tasks.sweep()
    assert smtp.sink.messages == []

    Delivery.objects.update(lease_expires_at=timezone.now() - timedelta(seconds=1))
    assert tasks.sweep()["resumed"] == 1
    assert len(smtp.sink.messages) == 1 and Delivery.objects.get().status == Delivery.Status.SENT


def test_the_sweep_leaves_releases_published_before_its_window_alone(immediate_tasks):
    factories.release(published_at=timezone.now() - timedelta(days=3))
    factories.subscriber()

    assert tasks.sweep()["fanned_out"] == 0
    assert not Mailing.objects.exists()
