"""Send each translator at most one review digest a day (run it daily, e.g. from cron)."""

from django.core.management.base import BaseCommand

from review.digests import send_review_digests
from review.tasks import send_review_digests_task


class Command(BaseCommand):
    help = "Email translators whose language has new machine drafts (at most once a day)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue", action="store_true", help="Queue the work as a task instead."
        )

    def handle(self, *args, enqueue=False, **options):
        if enqueue:
            result = send_review_digests_task.enqueue()
            self.stdout.write(f"Queued task {result.id}.")
            return
        self.stdout.write(f"Sent {send_review_digests()} digest(s).")
