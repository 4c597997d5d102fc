from django.core.management.base import BaseCommand

from learners.services import attempts_expire_stale


class Command(BaseCommand):
    help = (
        "Marks assessment attempts whose time ran out as expired. Pages already "
        "do this when an attempt is next opened; run this from cron or a "
        "django-q2 schedule so the audit log shows abandoned attempts promptly."
    )

    def handle(self, *args, **options):
        count = attempts_expire_stale()
        self.stdout.write(f"Expired {count} abandoned attempt(s).")
