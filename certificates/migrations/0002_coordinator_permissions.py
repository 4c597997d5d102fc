"""Lets Coordinators author awards and templates, and issue and revoke
certificates. Code checks these permissions, never the group's name."""

from django.db import migrations

COORDINATORS = "Coordinators"
GRANTS = [
    ("certificate", "issue_certificate", "Can issue certificates"),
    ("certificate", "revoke_certificate", "Can revoke certificates"),
    ("certificate", "view_certificate", "Can view certificate"),
    ("award", "add_award", "Can add award"),
    ("award", "change_award", "Can change award"),
    ("award", "view_award", "Can view award"),
    ("certificatetemplate", "add_certificatetemplate", "Can add certificate template"),
    (
        "certificatetemplate",
        "change_certificatetemplate",
        "Can change certificate template",
    ),
    ("certificatetemplate", "view_certificatetemplate", "Can view certificate template"),
]


def permissions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for model, codename, name in GRANTS:
        content_type, _ = ContentType.objects.get_or_create(
            app_label="certificates", model=model
        )
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        yield permission


def grant(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=COORDINATORS).first()
    if group is not None:
        group.permissions.add(*permissions(apps))


def revoke(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=COORDINATORS).first()
    if group is not None:
        group.permissions.remove(*permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0001_initial"),
        ("courses", "0002_roles_and_workflow"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
