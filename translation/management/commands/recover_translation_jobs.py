"""Queue again the translation jobs that a dead worker left running."""

from django.core.management.base import BaseCommand

from translation.tasks import ensure_watchdog, recover_stale_jobs


class Command(BaseCommand):
    help = (
        "Queue again the pages whose drafts have been 'running' longer than "
        "TRANSLATION_STALE_AFTER_SECONDS (a worker was killed or lost its database)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--schedule", action="store_true", help="Also arm the watchdog task.")

    def handle(self, *args, schedule=False, **options):
        page_ids = recover_stale_jobs()
        self.stdout.write(f"Queued again: {len(page_ids)} page(s) {page_ids}.")
        if schedule:
            self.stdout.write("Watchdog queued." if ensure_watchdog() else "Watchdog waiting.")
