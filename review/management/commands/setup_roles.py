"""Create or complete the editorial role groups (idempotent)."""

from django.core.management.base import BaseCommand

from review.roles import setup_roles


class Command(BaseCommand):
    help = "Create the groups Kommunikatör, Översättare <språk> and Samordnare (idempotent)."

    def handle(self, *args, **options):
        for name, group in setup_roles().items():
            self.stdout.write(f"  {name}: {group.permissions.count()} permissions")
