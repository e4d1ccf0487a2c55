"""Fill missing interface strings in locales/ by machine translation, marked fuzzy.

Uses the same DeepL pipeline as page content, through one small interface that the
``translation`` app provides::

    translation.machine.translate_texts(texts: list[str], target_lang: str) -> list[str]

``target_lang`` is the portal's language code (``en``, ``ar``, ...). Every entry filled here is
flagged ``fuzzy``: Django ignores fuzzy entries until a translator has reviewed them and
removed the flag, and the catalog completeness test reports them as missing until then.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

import polib

from core.languages import machine_translatable
from core.markup import placeholders


def catalog_path(code: str) -> Path:
    return Path(settings.LOCALE_PATHS[0]) / code / "LC_MESSAGES" / "django.po"


def missing_entries(catalog: polib.POFile) -> list[polib.POEntry]:
    return [
        entry
        for entry in catalog
        if not entry.obsolete and not entry.msgid_plural and not entry.msgstr.strip()
    ]


class Command(BaseCommand):
    help = "Machine-translate empty entries of the interface catalogs and mark them fuzzy."

    def add_arguments(self, parser):
        parser.add_argument(
            "--language",
            action="append",
            dest="languages",
            help="Only this language (repeatable). Default: every non-Swedish language.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count what would be translated."
        )

    def handle(self, *args, languages=None, dry_run=False, **options):
        site_languages = [code for code, _name in settings.LANGUAGES]
        unknown = set(languages or []) - set(site_languages)
        if unknown:
            raise CommandError(f"Unknown language(s): {', '.join(sorted(unknown))}")
        targets = [
            code
            for code in (languages or site_languages)
            if code != settings.LANGUAGE_CODE and machine_translatable(code)
        ]
        # Languages DeepL has no code for (the same table the draft pipeline reads): their
        # translators fill the catalogs by hand.
        skipped = [code for code in (languages or []) if not machine_translatable(code)]
        for code in skipped:
            self.stderr.write(f"{code}: DeepL cannot translate this language; translate by hand.")

        translate_texts = None if dry_run else self._translator()
        for code in targets:
            path = catalog_path(code)
            if not path.exists():
                raise CommandError(f"No catalog for {code} at {path}: run makemessages first.")
            catalog = polib.pofile(str(path))
            entries = missing_entries(catalog)
            if dry_run or not entries:
                self.stdout.write(f"{code}: {len(entries)} missing entr(y/ies).")
                continue
            try:
                translated = translate_texts([entry.msgid for entry in entries], code)
            except Exception as error:  # any translator fault ends the command cleanly
                raise CommandError(f"{code}: machine translation failed: {error}") from error
            if len(translated) != len(entries):
                raise CommandError(
                    f"{code}: the translator returned {len(translated)} texts "
                    f"for {len(entries)}; catalog left unchanged."
                )
            filled = 0
            for entry, text in zip(entries, translated, strict=True):
                if placeholders(entry.msgid) != placeholders(text):
                    self.stderr.write(f"{code}: placeholders changed, left empty: {entry.msgid!r}")
                    continue
                entry.msgstr = text
                if "fuzzy" not in entry.flags:
                    entry.flags.append("fuzzy")
                filled += 1
            catalog.save()
            self.stdout.write(f"{code}: {filled} entr(y/ies) machine-translated, marked fuzzy.")

    def _translator(self):
        try:
            from translation.machine import translate_texts
        except ImportError as error:
            raise CommandError(
                "Machine translation is not available: the module translation.machine "
                f"(translate_texts(texts, target_lang)) could not be imported ({error})."
            ) from error
        return translate_texts
