"""Translate every published source page into one or more locales, resumably.

    python manage.py backfill_translations --locale uk
    python manage.py backfill_translations            # every target locale
    python manage.py backfill_translations --dry-run  # count what is missing, and its cost

Pages already up to date are skipped without a request, and inside a page only the
segments without any translation are sent, so the command can be interrupted (Ctrl-C,
quota, budget) and run again: it continues where it stopped. An engine whose quota or
monthly budget runs out, or whose key is refused, stops: the languages it translates are
left for the next run, and the languages of the other engine go on. A language whose own
monthly budget (``LanguageSettings.monthly_character_budget``) is spent stops alone.

``--dry-run`` sends nothing and prints the estimate (``translation.estimates``): per
language and engine the characters that would be billed, the words an agency would
translate per memory band, and the money at the prices entered.
"""

import sys

from django.core.management.base import BaseCommand, CommandError

from translation import estimates, pipeline
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
        work = estimates.backfill_work(locales, session)
        total = len(work)
        self.stdout.write(f"{total} page translations to make or complete.")
        if dry_run and total:
            self._print_estimate(estimates.estimate(work))
        if dry_run or not total:
            return
        done = 0
        counts = {}
        engines = {locale.pk: engine_name_for(locale) for locale in targets}
        stopped = {}  # engine name -> the status row that stopped it
        stopped_languages = {}  # locale pk -> the row: the language's own budget is spent
        for page, locale in work:
            done += 1
            if engines[locale.pk] in stopped or locale.pk in stopped_languages:
                counts["left for the next run"] = counts.get("left for the next run", 0) + 1
                continue
            self._progress(done - 1, total, f"{page.get_admin_display_title()} → {locale}")
            row = pipeline.translate_into(page, locale, session)
            counts[row.status] = counts.get(row.status, 0) + 1
            if row.status in STOPPING:
                if session.state(engines[locale.pk]).stopped:
                    stopped[engines[locale.pk]] = row
                else:  # the language's own budget: the engine goes on with the others
                    stopped_languages[locale.pk] = row
        self._progress(done, total, "")
        self.stdout.write("")
        summary = ", ".join(f"{status}: {n}" for status, n in sorted(counts.items()))
        if not stopped and not stopped_languages:
            self.stdout.write(self.style.SUCCESS(f"Done. {summary}"))
            return
        for row in stopped_languages.values():
            self.stdout.write(
                self.style.WARNING(
                    f"Stopped {row.locale.language_code}: {row.get_status_display()} "
                    f"({row.detail})."
                )
            )
        for engine, row in stopped.items():
            self.stdout.write(
                self.style.WARNING(
                    f"Stopped {display_name(engine)}: {row.get_status_display()} ({row.detail})."
                )
            )
        self.stdout.write(
            self.style.WARNING(f"{summary}. Run the command again to continue where it stopped.")
        )

    def _print_estimate(self, estimate) -> None:
        currency = estimate.currency

        def money(value):
            return f"{value} {currency}" if value is not None else "no price"

        self.stdout.write("Estimate (nothing sent):")
        for row in estimate.languages:
            code = row.locale.language_code
            if row.engine:
                machine = (
                    f"{display_name(row.engine)} {row.characters} characters "
                    f"({money(row.engine_cost)})"
                )
                if row.over_budget:
                    machine += f", over the language's budget ({row.budget_remaining} left)"
            else:
                machine = f"no machine translation ({row.no_engine_reason})"
            words = ", ".join(f"{band} {row.words[band]}" for band in ("new", "fuzzy", "exact"))
            self.stdout.write(
                f"  {code}: {row.pages} pages; {machine}; agency words: {words} "
                f"({money(row.agency_cost)})"
            )
        for row in estimate.engines():
            self.stdout.write(
                f"  {display_name(row['engine'])} total: {row['characters']} characters "
                f"({money(row['cost'])})"
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
