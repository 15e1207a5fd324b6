"""The table of the "throttle" cache (sign-in failures and lockouts, irsite/throttle.py).

Django makes a database cache's table with `createcachetable`, which `migrate` does not run:
running it here means no install step can forget it. It makes the table of every database
cache in CACHES that is missing, so it does nothing when THROTTLE_CACHE_URL names Redis.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("releases", "0011_release_headline_vector")]

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop, elidable=True)]
