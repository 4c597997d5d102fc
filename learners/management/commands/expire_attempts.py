from django.core.management.base import BaseCommand

from learners.selectors import stale_attempts
from learners.services import attempt_expire_if_due


class Command(BaseCommand):
    help = (
        "Marks assessment attempts whose time ran out as expired. Starting or "
        "submitting an attempt already does this for the learner's own; run "
        "this from cron or a django-q2 schedule so the audit log shows "
        "abandoned attempts promptly."
    )

    def handle(self, *args, **options):
        count = sum(
            attempt_expire_if_due(attempt=attempt)
            for attempt in stale_attempts().select_related("enrolment")
        )
        self.stdout.write(f"Expired {count} abandoned attempt(s).")
