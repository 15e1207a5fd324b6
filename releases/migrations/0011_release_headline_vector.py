"""A stored tsvector of each release's headline, on PostgreSQL only.

releases/search.py ranks a search's matches by their headline. Computed from the headline
on every search, `to_tsvector` took about 8 us per match: 9 ms for a common word in 10,000
releases, most of the search. PostgreSQL keeps this column in step with the headline by
itself (a generated column), and inserts and updates need not name it, so it is not part
of the model's state; it is created and dropped here alone. SQLite ranks nothing and skips
this. `search.HEADLINE_VECTOR` is its name; both use search.SEARCH_CONFIG ("english").
"""

from django.db import migrations

ADD = (
    "ALTER TABLE releases_pressrelease ADD COLUMN headline_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('english'::regconfig, COALESCE(headline, ''))) STORED"
)
DROP = "ALTER TABLE releases_pressrelease DROP COLUMN IF EXISTS headline_vector"


def add_column(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(ADD)


def drop_column(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("releases", "0010_release_index_covers_version")]

    operations = [migrations.RunPython(add_column, drop_column, elidable=False)]
