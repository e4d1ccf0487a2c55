"""Erase contact details of reader reports older than the retention period."""

from django.core.management.base import BaseCommand

from review.retention import erase_old_contacts


class Command(BaseCommand):
    help = (
        "Erase the contact details of reader reports older than "
        "READER_REPORT_CONTACT_RETENTION_DAYS (90 by default)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Also queue the daily task (it queues its own next run) unless one waits.",
        )

    def handle(self, *args, schedule=False, **options):
        self.stdout.write(f"Erased the contact details of {erase_old_contacts()} report(s).")
        if schedule:
            from review.tasks import schedule_next_erase

            queued = schedule_next_erase()
            self.stdout.write("Daily task queued." if queued else "Daily task already queued.")
