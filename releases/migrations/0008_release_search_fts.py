"""An FTS5 trigram index of the releases' headline, subheadline and body, on SQLite only.

releases/search.py matches the archive's search words against it (substrings, any case)
instead of scanning every body with LIKE. The virtual table keeps no copy of the text
(external content: it reads releases_pressrelease); triggers keep it in step with every
insert, delete and change of the three columns. Trigrams rather than unicode61 words keep
the substring matches that LIKE gave ("divid", "non-gaap", "$4.1"), for an index about
three times the size of the text and a fraction of a millisecond more per query. It is
not part of the model's state, so it is created and dropped here alone. PostgreSQL has its
own GIN index (0005), and an SQLite older than 3.34 has no trigram tokenizer: both skip
this, and search then falls back to LIKE.

Django rebuilds an SQLite table to alter it (create a copy, drop, rename), and dropping
releases_pressrelease drops these triggers with it: a later migration that alters the
table on SQLite must create them again (releases/tests/test_search_sqlite.py fails if not).
"""

import sqlite3

from django.db import migrations

TABLE = "releases_pressrelease_fts"

CREATE = [
    f"""CREATE VIRTUAL TABLE {TABLE} USING fts5(
        headline, subheadline, body,
        content='releases_pressrelease', content_rowid='id', tokenize='trigram'
    )""",
    f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')",
    f"""CREATE TRIGGER {TABLE}_insert AFTER INSERT ON releases_pressrelease BEGIN
        INSERT INTO {TABLE}(rowid, headline, subheadline, body)
        VALUES (new.id, new.headline, new.subheadline, new.body);
    END""",
    f"""CREATE TRIGGER {TABLE}_delete AFTER DELETE ON releases_pressrelease BEGIN
        INSERT INTO {TABLE}({TABLE}, rowid, headline, subheadline, body)
        VALUES ('delete', old.id, old.headline, old.subheadline, old.body);
    END""",
    f"""CREATE TRIGGER {TABLE}_update AFTER UPDATE OF headline, subheadline, body ON releases_pressrelease BEGIN
        INSERT INTO {TABLE}({TABLE}, rowid, headline, subheadline, body)
        VALUES ('delete', old.id, old.headline, old.subheadline, old.body);
        INSERT INTO {TABLE}(rowid, headline, subheadline, body)
        VALUES (new.id, new.headline, new.subheadline, new.body);
    END""",
]

DROP = [
    f"DROP TRIGGER IF EXISTS {TABLE}_update",
    f"DROP TRIGGER IF EXISTS {TABLE}_delete",
    f"DROP TRIGGER IF EXISTS {TABLE}_insert",
    f"DROP TABLE IF EXISTS {TABLE}",
]


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite" and sqlite3.sqlite_version_info >= (3, 34):
        for statement in CREATE:
            schema_editor.execute(statement)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("releases", "0007_contact_on_company_page")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
