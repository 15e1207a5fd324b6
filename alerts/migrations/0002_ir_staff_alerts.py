"""IR staff look after the alerts: they see and change subscribers (and can unsubscribe or
erase one), and see mailings, deliveries and the suppression list."""

from django.db import migrations

GROUP = "IR staff"
CODENAMES = [
    "view_subscriber", "change_subscriber", "delete_subscriber",
    "view_mailing", "view_delivery", "view_suppression",
]


def alerts_permissions(apps):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; the group needs them now.
    app_config = apps.get_app_config("alerts")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label="alerts", codename__in=CODENAMES)


def grant(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.add(*alerts_permissions(apps))


def revoke(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.remove(*alerts_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("alerts", "0001_initial"),
        ("releases", "0002_ir_staff_group"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
