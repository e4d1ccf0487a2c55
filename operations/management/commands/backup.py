"""Back up the database and media into one archive (docs/operations.md)."""

import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, backup


class Command(BaseCommand):
    help = "Write the database (pg_dump custom format or an SQLite copy) and media to one archive."

    def add_arguments(self, parser):
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        parser.add_argument(
            "--output", default=f"backups/portal-{stamp}.tar.gz", help="Archive to write."
        )

    def handle(self, *args, output, **options):
        try:
            manifest = backup(Path(output))
        except BackupError as error:
            raise CommandError(str(error)) from error
        counts = ", ".join(f"{name} {count}" for name, count in manifest["counts"].items())
        self.stdout.write(f"Wrote {output} ({manifest['engine']}: {counts}).")
