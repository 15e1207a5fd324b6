"""Fixtures: a real SMTP server on 127.0.0.1 with Django's SMTP backend pointed at it, tasks
run at once (the immediate backend) for tests in one process."""

import pytest

from .smtp import SmtpServer


@pytest.fixture(autouse=True)
def alert_settings(settings):
    settings.IRSITE_SITE_URL = "https://ir.example.com"
    settings.DEFAULT_FROM_EMAIL = "Example IR <alerts@ir.example.com>"
    settings.ALERTS_POSTAL_ADDRESS = ""
    settings.ALERTS_SEND_RATE = 0
    settings.ALERTS_BATCH_SIZE = 5


@pytest.fixture
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


@pytest.fixture
def smtp(settings):
    with SmtpServer() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        yield server
