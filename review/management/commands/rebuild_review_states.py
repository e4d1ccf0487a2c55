"""Compute and store the review state of every (Swedish page, language) pair.

The deploy step after the migration that adds ``PageLanguageState`` (and after any bulk
write that bypassed the signals): ``review.stored_states`` keeps the rows current from then
on. Idempotent; in batches of pages, so its memory does not grow with the site.
"""

from django.core.management.base import BaseCommand

from core.sources import source_pages
from review.models import PageLanguageState
from review.stored_states import refresh_states

BATCH = 250


class Command(BaseCommand):
    help = "Store the review state of every Swedish page in every language (idempotent)."

    def handle(self, *args, **options):
        ids = list(source_pages().values_list("pk", flat=True))
        for start in range(0, len(ids), BATCH):
            refresh_states(pages=source_pages().filter(pk__in=ids[start : start + BATCH]))
        self.stdout.write(
            f"  review states: {len(ids)} Swedish pages, "
            f"{PageLanguageState.objects.filter(source_page__live=True).count()} pairs stored"
        )
