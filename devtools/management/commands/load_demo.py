"""Load the demo content and demo accounts; running it again changes nothing."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from devtools.demo import followup, home, international, organisation, states, users
from devtools.demo import scale as scale_demo
from translation.policy import ensure_default_policies


class Command(BaseCommand):
    help = "Create the locales, the home pages and the demo content (idempotent, dev only)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-users", action="store_true", help="Load content only, no demo accounts."
        )
        parser.add_argument(
            "--scale",
            type=int,
            default=1,
            metavar="N",
            help="N times the demo's content, generated (devtools/demo/scale.py; 100 ≈ 3,500 "
            "Swedish pages and 25,000 translations).",
        )

    def handle(self, *args, no_users=False, scale=1, **options):
        with transaction.atomic():
            # The demo's own machine drafts come from a local DeepL stand-in; no automatic
            # jobs are queued while it publishes (devtools/demo/states.py).
            with states.local_machine_translation():
                swedish_home = home.load(self.stdout)
                # Somali and Tigrinya: Azure AI Translator, review-only (shown in the admin).
                ensure_default_policies()
                organisation.load(self.stdout)
                international.load(swedish_home, self.stdout)
                followup.load_under(swedish_home, self.stdout)
                states.load(swedish_home, self.stdout)
            # The pages it left alone get machine drafts from the worker, after the commit.
            states.queue_the_rest(self.stdout)
            # Pages the demo published before the LIX store existed get their score.
            call_command("store_published_lix", stdout=self.stdout)
        if scale > 1:
            # In transactions of its own, a few hundred pages each (devtools/demo/scale.py).
            scale_demo.load(swedish_home, scale, self.stdout)
            call_command("store_published_lix", stdout=self.stdout)
        if no_users:
            return
        if not settings.DEBUG:
            raise CommandError("Demo accounts have known passwords: refusing with DEBUG off.")
        self.stdout.write("Demo accounts (development only):")
        users.ensure_superuser(self.stdout)
        users.ensure_role_users(self.stdout)
