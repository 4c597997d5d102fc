"""Practical sign-offs and attendance become award requirements, and
Coordinators may view the impact report. Code checks the permission
``certificates.view_impact_report``, never the group's name."""

import wagtail.fields
from django.db import migrations

COORDINATORS = "Coordinators"
CODENAME = "view_impact_report"
NAME = "Can view the impact report"


def _permission(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="certificates", model="certificate"
    )
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=CODENAME, defaults={"name": NAME}
    )
    return permission


def grant(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=COORDINATORS).first()
    if group is not None:
        group.permissions.add(_permission(apps))


def revoke(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=COORDINATORS).first()
    if group is not None:
        group.permissions.remove(_permission(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0003_expiry_reminder_schedule"),
        ("courses", "0002_roles_and_workflow"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="certificate",
            options={
                "ordering": ["-issued_at", "-pk"],
                "permissions": [
                    ("issue_certificate", "Can issue certificates"),
                    ("revoke_certificate", "Can revoke certificates"),
                    ("view_impact_report", "Can view the impact report"),
                ],
                "verbose_name": "certificate",
            },
        ),
        migrations.AlterField(
            model_name="award",
            name="requirements",
            field=wagtail.fields.StreamField(
                [("course", 1), ("practical", 1), ("attendance", 4)],
                block_lookup={
                    0: (
                        "wagtail.blocks.PageChooserBlock",
                        (),
                        {
                            "label": "Course",
                            "page_type": ["courses.CoursePage"],
                            "required": True,
                        },
                    ),
                    1: ("wagtail.blocks.StructBlock", [[("course", 0)]], {}),
                    2: (
                        "wagtail.blocks.IntegerBlock",
                        (),
                        {
                            "default": 1,
                            "label": "Sessions attended, at least",
                            "max_value": 500,
                            "min_value": 1,
                            "required": True,
                        },
                    ),
                    3: (
                        "wagtail.blocks.PageChooserBlock",
                        (),
                        {
                            "help_text": "Leave blank to count sessions of any course.",
                            "label": "Only sessions of this course",
                            "page_type": ["courses.CoursePage"],
                            "required": False,
                        },
                    ),
                    4: (
                        "wagtail.blocks.StructBlock",
                        [[("minimum", 2), ("course", 3)]],
                        {},
                    ),
                },
                help_text="A learner must meet every requirement.",
                verbose_name="requirements",
            ),
        ),
        migrations.RunPython(grant, revoke),
    ]
