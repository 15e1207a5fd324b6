"""Fixtures for every app's tests.

The audit table refuses DELETE (disclosure/migrations/0002). A transactional test ends with a
flush, which on SQLite deletes row by row; the rows that test wrote are removed first, with the
triggers lifted for that moment only. (PostgreSQL's flush truncates, which no row trigger sees.)
"""

import pytest
from django.core.cache import caches


@pytest.fixture(autouse=True)
def empty_cache(settings, tmp_path):
    """Each test starts with empty caches and its own page generation: rolling back a test's
    rows sends no signal, so pages cached by one test would otherwise be served to the next."""
    settings.PAGE_CACHE_STAMP = tmp_path / "page-generation"
    caches["default"].clear()
    caches["pages"].clear()


@pytest.fixture(autouse=True)
def audit_rows_removed_after_transactional_tests(request):
    marker = request.node.get_closest_marker("django_db")
    transactional = "transactional_db" in request.fixturenames or "live_server" in request.fixturenames or (
        marker is not None and (marker.kwargs.get("transaction") or (marker.args and marker.args[0]))
    )
    yield
    if transactional:
        from disclosure.tests.tamper import without_append_only_triggers

        from disclosure.models import AuditEvent

        with without_append_only_triggers():
            AuditEvent.objects.all().delete()
