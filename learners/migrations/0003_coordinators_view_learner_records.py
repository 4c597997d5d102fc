"""Lets Coordinators read enrolments and attempts in the admin.

The group is looked up by name here only; code checks the permissions.
Permissions are created if ``post_migrate`` has not made them yet, as on a
fresh database where this runs in the same ``migrate`` as ``0001``.
"""

from django.db import migrations

COORDINATORS = "Coordinators"
MODELS = {"enrolment": "enrolment", "attempt": "assessment attempt"}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=COORDINATORS).first()
    if group is None:
        return
    for model, verbose_name in MODELS.items():
        content_type, _ = ContentType.objects.get_or_create(
            app_label="learners", model=model
        )
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"view_{model}",
            defaults={"name": f"Can view {verbose_name}"},
        )
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=COORDINATORS).first()
    if group is None:
        return
    group.permissions.remove(
        *Permission.objects.filter(
            content_type__app_label="learners",
            codename__in=[f"view_{model}" for model in MODELS],
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("learners", "0002_attempt_constraints"),
        ("courses", "0002_roles_and_workflow"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
