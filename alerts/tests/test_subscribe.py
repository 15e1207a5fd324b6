"""Signup, double opt-in, preferences and unsubscribe pages, as a visitor uses them."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from alerts import services, tokens
from alerts.consent import CURRENT
from alerts.models import Subscriber, Suppression
from releases.tests import factories as release_factories

from . import factories

pytestmark = pytest.mark.django_db


def signup(client, email="eve@example.net", **fields):
    data = {"email": email, "all_companies": "on", "categories": ["earnings"], "calls": "on", "consent": "on",
            "consent_version": CURRENT.version, **fields}
    return client.post(reverse("alerts:subscribe"), data)


def link_in(message) -> str:
    return next(line for line in message.body.splitlines() if line.startswith("http")).strip()


def test_signup_is_pending_until_the_emailed_link_is_confirmed(client, immediate_tasks, settings, on_commit):
    settings.IRSITE_SITE_URL = "http://testserver"
    with on_commit(execute=True):
        response = signup(client)

    assert response.status_code == 302 and response["Location"] == reverse("alerts:check-email")
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "eve@example.net" and subscriber.status == Subscriber.Status.PENDING
    assert subscriber.consent_version == CURRENT.version and subscriber.consent_source == "signup form"
    [message] = mail.outbox
    path = link_in(message).removeprefix("http://testserver")

    assert client.get(path).status_code == 200  # a link scanner's GET confirms nothing
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING

    assert client.post(path).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED and subscriber.confirmed_at is not None


def test_signup_without_consent_is_refused(client, immediate_tasks):
    response = signup(client, consent="")

    assert response.status_code == 200 and not Subscriber.objects.exists() and mail.outbox == []
    assert CURRENT.text in response.content.decode()


def test_a_confirmation_link_older_than_48_hours_is_refused(client, monkeypatch):
    subscriber = factories.subscriber(status=Subscriber.Status.PENDING)
    token = tokens.make(tokens.CONFIRM, subscriber.pk)
    later = timezone.now() + timedelta(hours=49)
    monkeypatch.setattr("django.core.signing.time.time", lambda: later.timestamp())

    assert client.post(reverse("alerts:confirm", args=[token])).status_code == 404
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING


def test_unconfirmed_signups_are_forgotten_after_48_hours():
    old = factories.subscriber(status=Subscriber.Status.PENDING, consented_at=timezone.now() - timedelta(hours=49))
    recent = factories.subscriber(status=Subscriber.Status.PENDING)

    assert services.subscribers_expire() == 1
    assert list(Subscriber.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not Subscriber.objects.filter(pk=old.pk).exists()


def test_signing_up_a_confirmed_address_changes_nothing_and_mails_its_owner(client, immediate_tasks, on_commit):
    company = release_factories.company()
    subscriber = factories.subscriber(email="eve@example.net", companies=[company])

    with on_commit(execute=True):
        signup(client, email="Eve@Example.net")

    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED and not subscriber.all_companies
    [message] = mail.outbox
    assert message.subject == "You already receive email alerts"


def test_signups_are_limited_per_address(client, immediate_tasks, settings, on_commit):
    settings.ALERTS_SIGNUPS_PER_ADDRESS = 2
    with on_commit(execute=True):
        for _ in range(2):
            assert signup(client).status_code == 302
        assert signup(client).status_code == 429
    assert len(mail.outbox) == 2


def test_signups_are_limited_per_client_address(client, immediate_tasks, settings):
    settings.ALERTS_SIGNUPS_PER_IP = 3
    for n in range(3):
        assert signup(client, email=f"x{n}@example.net").status_code == 302

    assert signup(client, email="x9@example.net").status_code == 429
    assert Subscriber.objects.count() == 3


def test_company_page_links_to_the_signup_with_the_company_chosen(client):
    company = release_factories.company(name="Example Corp.", slug="example")
    factories.release(company=company)

    page = client.get(company.get_absolute_url()).content.decode()
    assert f'{reverse("alerts:subscribe")}?company=example' in page

    form = client.get(reverse("alerts:subscribe"), {"company": "example"}).content.decode()
    assert f'value="{company.pk}"' in form and "checked" in form.split(f'value="{company.pk}"')[1].split(">")[0]
    assert 'name="csrfmiddlewaretoken"' in form


def test_unsubscribe_page_get_asks_and_post_unsubscribes(client):
    subscriber = factories.subscriber()
    url = reverse("alerts:unsubscribe", args=[tokens.make(tokens.UNSUBSCRIBE, subscriber.pk)])

    assert "<button" in client.get(url).content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED

    assert Client(enforce_csrf_checks=True).post(url).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert Suppression.objects.get().reason == Suppression.Reason.UNSUBSCRIBED


def test_a_forged_unsubscribe_link_does_nothing(client):
    subscriber = factories.subscriber()

    assert client.post(reverse("alerts:unsubscribe", args=[f"{subscriber.pk}:forged"])).status_code == 404
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED


def test_the_signed_preferences_link_changes_choices(client):
    company = release_factories.company()
    subscriber = factories.subscriber()
    url = reverse("alerts:preferences", args=[tokens.make(tokens.PREFERENCES, subscriber.pk)])

    response = client.post(url, {"companies": [company.pk], "categories": ["dividend"]})

    assert response.status_code == 200 and "saved" in response.content.decode()
    subscriber.refresh_from_db()
    assert not subscriber.all_companies and subscriber.categories == ["dividend"] and not subscriber.calls
    assert list(subscriber.companies.all()) == [company]


def test_an_erased_subscriber_leaves_only_a_hash():
    subscriber = factories.subscriber(email="frank@example.net")

    services.subscriber_erase(subscriber=subscriber)

    assert not Subscriber.objects.exists()
    assert services.is_suppressed("Frank@example.net")


def test_confirming_again_after_an_unsubscribe_lifts_the_suppression(client, immediate_tasks):
    subscriber = factories.subscriber(email="gina@example.net")
    services.subscriber_unsubscribe(subscriber=subscriber)

    signup(client, email="gina@example.net")
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING and services.is_suppressed("gina@example.net")
    services.subscriber_confirm(subscriber=subscriber)

    assert not services.is_suppressed("gina@example.net")
