"""Gives the role groups their rights over areas, cohorts and sessions.

Coordinators manage everything; trainers see their own cohorts (the views
narrow them down) and record attendance and skill sign-offs. Groups are
looked up by name here only; code checks the permissions.
"""

from django.db import migrations

COORDINATORS = "Coordinators"
TRAINERS = "Trainers"

GRANTS = {
    COORDINATORS: {
        "area": ["add", "change", "delete", "view"],
        "cohort": [
            "add",
            "change",
            "delete",
            "view",
            "manage_all",
            "register_assisted_resident",
            "enter_paper_results",
        ],
        "trainingsession": ["add", "change", "delete", "view"],
        "attendance": ["add", "change", "view"],
        "skillsignoff": ["add", "change", "delete", "view"],
    },
    TRAINERS: {
        "area": ["view"],
        "cohort": ["view"],
        "trainingsession": ["add", "change", "view"],
        "attendance": ["add", "change", "view"],
        "skillsignoff": ["add", "change", "view"],
    },
}
SPECIAL = {
    "manage_all": ("manage_all_cohorts", "Can see and manage every cohort"),
    "register_assisted_resident": (
        "register_assisted_resident",
        "Can register residents without email",
    ),
    "enter_paper_results": (
        "enter_paper_results",
        "Can enter paper assessment results",
    ),
}


def permissions_for(apps, model, actions):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="learners", model=model
    )
    for action in actions:
        codename, name = SPECIAL.get(
            action, (f"{action}_{model}", f"Can {action} {model}")
        )
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        yield permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group_name, models in GRANTS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        for model, actions in models.items():
            group.permissions.add(*permissions_for(apps, model, actions))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group_name, models in GRANTS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        for model, actions in models.items():
            group.permissions.remove(*permissions_for(apps, model, actions))


class Migration(migrations.Migration):
    dependencies = [
        ("learners", "0004_areas_cohorts_sessions"),
        ("courses", "0002_roles_and_workflow"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
