"""Schedules the daily job that emails holders before certificates expire."""

from datetime import datetime, time, timedelta

from django.db import migrations
from django.utils import timezone

NAME = "Certificate expiry reminders"
FUNC = "certificates.tasks.send_expiry_reminders"


def create_schedule(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    tomorrow = timezone.localdate() + timedelta(days=1)
    next_run = timezone.make_aware(datetime.combine(tomorrow, time(7, 0)))
    Schedule.objects.get_or_create(
        name=NAME,
        defaults={
            "func": FUNC,
            "schedule_type": "D",
            "repeats": -1,
            "next_run": next_run,
        },
    )


def remove_schedule(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0002_coordinator_permissions"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [migrations.RunPython(create_schedule, remove_schedule)]
