"""The send clock's one row, made here so that two workers' first claims never race to create it."""

from django.db import migrations


def create(apps, schema_editor):
    apps.get_model("alerts", "SendClock").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [("alerts", "0002_ir_staff_alerts")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
