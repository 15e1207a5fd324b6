"""The alerts in the admin, as an IR staff member uses them."""

import pytest
from django.core import mail
from django.urls import reverse

from alerts import services
from alerts.models import Delivery, Subscriber
from releases.tests import factories as release_factories

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    user = release_factories.ir_staff_user(email="staffer@example.com")
    client.force_login(user)
    return client


def test_subscriber_list_searches_and_filters(staff):
    factories.subscriber(email="anna@example.net")
    factories.subscriber(email="ben@example.net", status=Subscriber.Status.PENDING)
    url = reverse("admin:alerts_subscriber_changelist")

    page = staff.get(url, {"q": "anna"}).content.decode()
    assert "anna@example.net" in page and "ben@example.net" not in page
    page = staff.get(url, {"status__exact": "pending"}).content.decode()
    assert "ben@example.net" in page and "anna@example.net" not in page


def test_mailing_list_counts_each_release_deliveries(staff):
    release = factories.release(headline="Counted Release")
    subscribers = [factories.subscriber() for _ in range(3)]
    services.mailing_create(release_id=release.pk)
    Delivery.objects.filter(subscriber=subscribers[0]).update(status=Delivery.Status.SENT)
    Delivery.objects.filter(subscriber=subscribers[1]).update(status=Delivery.Status.FAILED)

    response = staff.get(reverse("admin:alerts_mailing_changelist"))

    assert response.status_code == 200
    row = response.content.decode().split("Counted Release")[1].split("</tr>")[0]
    cells = [cell.split(">")[-1] for cell in row.split("</td>")[:-1]]
    assert cells[-4:] == ["1", "1", "1", "0"]  # queued, sent, failed, skipped


def test_send_test_alert_to_me_from_the_release_list(staff):
    release = factories.release(headline="Test Me")

    response = staff.post(
        reverse("admin:releases_pressrelease_changelist"),
        {"action": "send_test_alert", "_selected_action": [release.pk]},
        follow=True,
    )

    assert response.status_code == 200
    [message] = mail.outbox
    assert message.to == ["staffer@example.com"] and "Test Me" in message.subject
    assert not Delivery.objects.exists()


def test_erase_action_leaves_only_the_hash(staff):
    subscriber = factories.subscriber(email="erase@example.net")

    staff.post(reverse("admin:alerts_subscriber_changelist"),
               {"action": "erase", "_selected_action": [subscriber.pk]}, follow=True)

    assert not Subscriber.objects.exists() and services.is_suppressed("erase@example.net")
