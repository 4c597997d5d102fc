from django.core.management.base import BaseCommand

from academy_site.demo.accounts import DEMO_ACCOUNTS


class Command(BaseCommand):
    help = "Prints the demo academy's logins."

    def handle(self, *args, **options):
        self.stdout.write("Demo logins (username or email, then password):")
        for account in DEMO_ACCOUNTS:
            self.stdout.write(
                f"  {account.role:<14} {account.username:<12} "
                f"{account.email:<26} {account.password}"
            )
