"""The people of the approval flow (IR staff, approvers, auditors), and the releases' own
fixtures: a temporary MEDIA_ROOT, an empty cache per test, headless Chromium."""

import pytest

from releases.tests import factories as release_factories
from releases.tests.conftest import browser, media_root, monkeypatch_module  # noqa: F401

from . import factories


@pytest.fixture
def writer(db):
    """IR staff: edits and publishes, may not approve."""
    return factories.person("wendy", "IR staff")


@pytest.fixture
def approver(db):
    """IR staff who is also an approver."""
    return factories.person("arthur", "IR staff", "IR approvers")


@pytest.fixture
def auditor(db):
    return factories.person("audrey", "Auditors")


@pytest.fixture
def two_person_company(db):
    return release_factories.company(name="Northwind Holdings, Inc.", slug="northwind", requires_second_person=True)


def client_for(client_class, user):
    client = client_class()
    client.force_login(user)
    return client


@pytest.fixture
def as_user():
    from django.test import Client

    return lambda user: client_for(Client, user)
