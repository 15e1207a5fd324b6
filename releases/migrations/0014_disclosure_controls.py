"""Disclosure controls (disclosure/): the approve permission, a company's second-person rule,
and a release's EU MAR inside-information flag.

Adding a column makes Django rebuild releases_pressrelease on SQLite, which drops the search
index's triggers (0008): they are created again here, and the index rebuilt from the table.
"""

from importlib import import_module

from django.db import migrations, models

search_index = import_module("releases.migrations.0008_release_search_fts")


def recreate_search_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = %s", [search_index.TABLE])
        if cursor.fetchone() is None:
            return  # an SQLite without the trigram tokenizer: no index
    for statement in search_index.DROP[:3]:  # the triggers, if the rebuild left any
        schema_editor.execute(statement)
    for statement in search_index.CREATE[1:]:  # 'rebuild', then the triggers
        schema_editor.execute(statement)


class Migration(migrations.Migration):

    dependencies = [
        ('releases', '0013_company_postal_address'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='pressrelease',
            options={'ordering': ['-published_at', '-dateline_date', '-pk'], 'permissions': [('publish_pressrelease', 'Can publish, schedule and unpublish press releases'), ('approve_pressrelease', 'Can approve press releases for publication, or override the approval')]},
        ),
        migrations.AddField(
            model_name='company',
            name='requires_second_person',
            field=models.BooleanField(default=False, help_text='A release is published only once someone other than the author of its last change has approved it (or an approver overrides, giving a reason). See disclosure/.', verbose_name='Publication needs a second person'),
        ),
        migrations.AddField(
            model_name='pressrelease',
            name='inside_information',
            field=models.BooleanField(default=False, help_text="EU MAR: the release discloses inside information. Its page says so, with the issuer's name and the time of disclosure; it cannot be unpublished or deleted for five years."),
        ),
        migrations.RunPython(recreate_search_triggers, migrations.RunPython.noop, elidable=False),
    ]
