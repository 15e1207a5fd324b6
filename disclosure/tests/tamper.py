"""What someone with the database's own rights can do behind the application's back: lift the
append-only triggers. Tests use it to change or remove an audit row, and to clean up."""

from contextlib import contextmanager
from importlib import import_module

from django.db import connection, transaction

triggers = import_module("disclosure.migrations.0002_audit_append_only")


def execute(statements):
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


@contextmanager
def without_append_only_triggers():
    with transaction.atomic():
        execute(triggers.statements(connection.vendor, reverse=True))
        try:
            yield
        finally:
            execute(triggers.statements(connection.vendor, reverse=False))
