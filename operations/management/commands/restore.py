"""Restore an archive written by ``manage.py backup`` into an empty database."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore a backup archive into the configured, empty database and MEDIA_ROOT."

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument(
            "--force-media", action="store_true", help="Unpack media over existing files."
        )

    def handle(self, *args, archive, force_media=False, **options):
        try:
            manifest = restore(Path(archive), force_media=force_media)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        counts = ", ".join(f"{name} {count}" for name, count in manifest["counts"].items())
        self.stdout.write(f"Restored {archive} (made {manifest['created_at']}: {counts}).")
