"""A GIN index over the archive search's weighted text vector, on PostgreSQL only.

The expression is the one releases/search.py filters on (headline as weight A, subheadline
and body as weight B, the "english" configuration); PostgreSQL uses the index only when
the two match exactly. SQLite has no GIN indexes and searches without one. The index is
not part of the model's state, so it is created and dropped here alone.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEX = GinIndex(
    SearchVector("headline", weight="A", config="english")
    + SearchVector("subheadline", "body", weight="B", config="english"),
    name="release_search_idx",
)


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("releases", "PressRelease"), INDEX)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("releases", "PressRelease"), INDEX)


class Migration(migrations.Migration):
    dependencies = [("releases", "0004_ir_staff_release_contacts")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
