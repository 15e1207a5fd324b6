"""The PostgreSQL backend's health check (irsite/db/postgresql): a healthy idle connection
is trusted without a round trip; one the server has dropped is replaced before a request
uses it, so a restarted database costs no failed request."""

import time
from unittest import mock

import psycopg
import pytest
from django.db import connection, connections

from releases.models import PressRelease

from . import site_factories as f

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the health check is PostgreSQL's backend's"),
    pytest.mark.django_db(transaction=True),
]


def test_the_site_runs_on_the_projects_backend():
    assert type(connections["default"]).__module__ == "irsite.db.postgresql.base"


def test_a_healthy_idle_connection_is_usable_without_a_statement():
    connection.ensure_connection()
    with mock.patch.object(connection.connection, "cursor", side_effect=AssertionError("a round trip")):
        assert connection.is_usable()


def test_a_connection_the_server_dropped_is_not_usable_and_the_next_request_reconnects():
    from django.core.signals import request_started

    f.release(headline="Contoso Declares a Dividend")
    assert connection.health_check_enabled  # CONN_MAX_AGE and CONN_HEALTH_CHECKS
    connection.ensure_connection()
    pid = connection.connection.info.backend_pid
    with psycopg.connect(connection.connection.info.dsn, autocommit=True) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [pid])
        # It signals the server process, which says farewell as it exits.
        for _ in range(100):
            if not other.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", [pid]).fetchone():
                break
            time.sleep(0.01)
    assert not connection.is_usable()
    # A request starts (Django's test client leaves this signal out), and reads the database.
    request_started.send(sender=None)
    assert PressRelease.objects.published().filter(headline="Contoso Declares a Dividend").exists()
    assert connection.connection.info.backend_pid not in (pid, 0)
