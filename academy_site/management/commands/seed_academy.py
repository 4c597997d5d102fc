from django.core.management.base import BaseCommand

from academy_site.demo.seed import seed_academy


class Command(BaseCommand):
    help = "Builds the demo academy. Safe to run more than once."

    def handle(self, *args, **options):
        seed_academy()
        self.stdout.write(self.style.SUCCESS("The demo academy is ready."))
