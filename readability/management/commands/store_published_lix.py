"""Store the LIX of every live Swedish page that has none or an out-of-date one.

Run once after deploying the store (pages published before it have no score yet; lists
would otherwise score them one by one when first shown), and with ``--all`` after a change
to how LIX is counted (``readability.score``). ``load_demo`` runs it. Running it again
changes nothing.
"""

from django.core.management.base import BaseCommand

from core.sources import source_pages
from readability import published
from readability.models import PublishedLix


class Command(BaseCommand):
    help = "Store the LIX of live Swedish pages that have none or an out-of-date one."

    def add_arguments(self, parser):
        parser.add_argument(
            "--all",
            action="store_true",
            dest="everything",
            help="Score every live Swedish page again.",
        )

    def handle(self, *args, everything=False, **options):
        pages = list(source_pages())
        stale = PublishedLix.objects.exclude(page__in=[page.pk for page in pages])
        forgotten, _by_model = stale.delete()
        rows = {row.page_id: row for row in PublishedLix.objects.all()}
        recorded = 0
        for page in pages:
            if everything or not published.is_current(rows.get(page.pk), page):
                published.record(page)
                recorded += 1
        self.stdout.write(
            f"LIX stored for {recorded} of {len(pages)} live Swedish pages"
            f" ({forgotten} rows of pages no longer live removed)."
        )
