"""IR staff edit a release's contacts inline: the explicit link model (0003) needs its own
permissions in the "IR staff" group, as the implicit one borrowed the contact's."""

from django.db import migrations

GROUP = "IR staff"
CODENAMES = [f"{action}_releasecontact" for action in ("add", "change", "delete", "view")]


def link_permissions(apps):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; the group needs them now.
    app_config = apps.get_app_config("releases")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label="releases", codename__in=CODENAMES)


def grant(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.add(*link_permissions(apps))


def revoke(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.remove(*link_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("releases", "0003_release_contact_through"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
