"""The "IR staff" group: everything staff need to enter, review and publish releases,
calls and contacts, and nothing else (no users, no groups)."""

from django.db import migrations

GROUP = "IR staff"
MODELS = ["company", "listing", "pressrelease", "contact", "conferencecall", "dialin"]
ACTIONS = ["add", "change", "delete", "view"]
EXTRA = ["publish_pressrelease"]


def codenames():
    return [f"{action}_{model}" for model in MODELS for action in ACTIONS] + EXTRA


def create_group(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; this group needs them now.
    app_config = apps.get_app_config("releases")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    permissions = Permission.objects.filter(content_type__app_label="releases", codename__in=codenames())
    group.permissions.set(permissions)


def delete_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("releases", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, delete_group)]
