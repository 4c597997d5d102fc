"""The permission to view the impact report moves from ``certificates`` to
``impact``, with every grant of it: each group and user that held
``certificates.view_impact_report`` holds ``impact.view_impact_report``
instead, and the old permission is deleted. Nothing else changes."""

from django.db import migrations

CODENAME = "view_impact_report"
NAME = "Can view the impact report"
OLD = ("certificates", "certificate")
NEW = ("impact", "impactreportaccess")


def _permission(apps, app_label, model):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(
        app_label=app_label, model=model
    )
    permission, _ = Permission.objects.get_or_create(
        content_type_id=content_type.pk, codename=CODENAME, defaults={"name": NAME}
    )
    return permission


def _move(apps, source, target):
    Permission = apps.get_model("auth", "Permission")
    old = Permission.objects.filter(
        content_type__app_label=source[0],
        content_type__model=source[1],
        codename=CODENAME,
    ).first()
    if old is None:
        return
    new = _permission(apps, *target)
    for group in old.group_set.all():
        group.permissions.add(new)
    for user in old.user_set.all():
        user.user_permissions.add(new)
    old.delete()


def forwards(apps, schema_editor):
    _move(apps, OLD, NEW)


def backwards(apps, schema_editor):
    _move(apps, NEW, OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("impact", "0001_initial"),
        # Defines certificates.view_impact_report and grants it to Coordinators.
        ("certificates", "0004_impact_report_and_requirement_kinds"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
