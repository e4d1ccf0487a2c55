"""Compile the interface catalogs in locales/ to .mo files with polib.

Django's compilemessages needs GNU gettext's msgfmt, which a fresh machine lacks; polib is
pure Python. Django only activates a language that has a catalog, so Somali and Tigrinya
URLs depend on these files existing.

Each catalog is written to a temporary file and renamed into place, so that processes that
compile or read the catalogs at the same moment (the parallel test workers) never see a
half-written .mo file.
"""

import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

import polib


class Command(BaseCommand):
    help = "Compile locales/<lang>/LC_MESSAGES/*.po into .mo files (no gettext needed)."

    def handle(self, *args, **options):
        compiled = 0
        for locale_path in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                _write_atomically(polib.pofile(str(po_path)), mo_path)
                compiled += 1
        self.stdout.write(f"Compiled {compiled} catalog(s).")


def _write_atomically(catalog: polib.POFile, mo_path: Path) -> None:
    descriptor, temporary = tempfile.mkstemp(dir=mo_path.parent, suffix=".mo.tmp")
    os.close(descriptor)
    try:
        catalog.save_as_mofile(temporary)
        os.chmod(temporary, 0o644)
        os.replace(temporary, mo_path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
