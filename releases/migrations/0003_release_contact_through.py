"""The release <-> contact link becomes an explicit model, ReleaseContact, in the table and
columns Django made for the plain many-to-many: only the state changes, no row moves.
Its unique pair then becomes a named constraint."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("releases", "0002_ir_staff_group"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ReleaseContact",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID"),
                        ),
                        (
                            "contact",
                            models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="releases.contact"),
                        ),
                        (
                            "pressrelease",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                to="releases.pressrelease",
                                verbose_name="release",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "release contact",
                        "db_table": "releases_pressrelease_contacts",
                        # What the implicit table already has; replaced by the named constraint below.
                        "unique_together": {("pressrelease", "contact")},
                    },
                ),
                migrations.AlterField(
                    model_name="pressrelease",
                    name="contacts",
                    field=models.ManyToManyField(
                        blank=True, related_name="releases", through="releases.ReleaseContact", to="releases.contact"
                    ),
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterUniqueTogether(name="releasecontact", unique_together=set()),
        migrations.AddConstraint(
            model_name="releasecontact",
            constraint=models.UniqueConstraint(fields=("pressrelease", "contact"), name="release_contact_unique"),
        ),
    ]
