"""Two groups beside "IR staff" (which keeps what it has): "IR approvers", who may approve a
release (or override, giving a reason) and read everything; "Auditors", who may read every
release, call, contact, company, review, snapshot and audit event, and change nothing."""

from django.db import migrations

APPROVERS, AUDITORS = "IR approvers", "Auditors"
RELEASE_MODELS = ["company", "listing", "pressrelease", "contact", "releasecontact", "conferencecall", "dialin"]
DISCLOSURE_MODELS = ["auditevent", "releasereview", "snapshot"]


def permissions(apps, app_label, codenames):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; the groups need them now.
    app_config = apps.get_app_config(app_label)
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    return list(Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    read = permissions(apps, "releases", [f"view_{m}" for m in RELEASE_MODELS]) + permissions(
        apps, "disclosure", [f"view_{m}" for m in DISCLOSURE_MODELS]
    )
    approvers, _ = Group.objects.get_or_create(name=APPROVERS)
    approvers.permissions.set(read + permissions(apps, "releases", ["approve_pressrelease"]))
    auditors, _ = Group.objects.get_or_create(name=AUDITORS)
    auditors.permissions.set(read)


def delete_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[APPROVERS, AUDITORS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("disclosure", "0002_audit_append_only"),
        ("releases", "0014_disclosure_controls"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, delete_groups)]
