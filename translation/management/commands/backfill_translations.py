"""Translate every published source page into one or more locales, resumably.

    python manage.py backfill_translations --locale uk
    python manage.py backfill_translations            # every target locale
    python manage.py backfill_translations --dry-run  # only count what is missing

Pages already up to date are skipped without a request, and inside a page only the
segments without any translation are sent, so the command can be interrupted (Ctrl-C,
quota, budget) and run again: it continues where it stopped. An engine whose quota or
monthly budget runs out, or whose key is refused, stops: the languages it translates are
left for the next run, and the languages of the other engine go on.
"""

import sys

from django.core.management.base import BaseCommand, CommandError

from core.sources import source_pages
from translation import pipeline
from translation.engines import display_name
from translation.models import DraftStatus
from translation.policy import engine_name_for

STOPPING = {
    DraftStatus.PAUSED_QUOTA,
    DraftStatus.PAUSED_BUDGET,
    DraftStatus.CONFIG_ERROR,
    DraftStatus.RETRY,
}


class Command(BaseCommand):
    help = "Make or complete the translation drafts of every published source page."

    def add_arguments(self, parser):
        parser.add_argument(
            "--locale",
            action="append",
            dest="locales",
            metavar="CODE",
            help="target language code (repeatable); default: every target locale",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="count the work without doing it"
        )

    def handle(self, *args, locales=None, dry_run=False, **options):
        targets = pipeline.target_locales(locales)
        if locales and len(targets) != len(set(locales)):
            known = ", ".join(locale.language_code for locale in pipeline.target_locales())
            raise CommandError(f"Unknown target locale in {locales}; known: {known}")
        session = pipeline.Session()
        work = [
            (page, locale)
            for page in source_pages().specific()
            for locale in targets
            if pipeline.needs_work(page, locale, session)
        ]
        total = len(work)
        self.stdout.write(f"{total} page translations to make or complete.")
        if dry_run or not total:
            return
        done = 0
        counts = {}
        engines = {locale.pk: engine_name_for(locale) for locale in targets}
        stopped = {}  # engine name -> the status row that stopped it
        for page, locale in work:
            done += 1
            if engines[locale.pk] in stopped:
                counts["left for the next run"] = counts.get("left for the next run", 0) + 1
                continue
            self._progress(done - 1, total, f"{page.get_admin_display_title()} → {locale}")
            row = pipeline.translate_into(page, locale, session)
            counts[row.status] = counts.get(row.status, 0) + 1
            if row.status in STOPPING:
                stopped[engines[locale.pk]] = row
        self._progress(done, total, "")
        self.stdout.write("")
        summary = ", ".join(f"{status}: {n}" for status, n in sorted(counts.items()))
        if not stopped:
            self.stdout.write(self.style.SUCCESS(f"Done. {summary}"))
            return
        for engine, row in stopped.items():
            self.stdout.write(
                self.style.WARNING(
                    f"Stopped {display_name(engine)}: {row.get_status_display()} ({row.detail})."
                )
            )
        self.stdout.write(
            self.style.WARNING(f"{summary}. Run the command again to continue where it stopped.")
        )

    def _progress(self, done: int, total: int, label: str) -> None:
        width = 30
        filled = width * done // total
        bar = "#" * filled + "-" * (width - filled)
        line = f"[{bar}] {done}/{total} {label}"[:100]
        end = "\r" if self.stdout.isatty() else "\n"
        self.stdout.write(line.ljust(100) if end == "\r" else line, ending=end)
        if end == "\r":
            sys.stdout.flush()
