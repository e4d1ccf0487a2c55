"""Back up the portal to one archive, and restore it into an empty database.

The archive is a gzipped tar with ``manifest.json`` (format, engine, time, counts),
the database (PostgreSQL: ``pg_dump --format=custom``, restored with ``pg_restore``; SQLite:
a consistent copy made with SQLite's online backup API) and ``media/`` (everything under
``MEDIA_ROOT``: original images, documents; renditions are rebuilt on demand but kept
too). Restoring refuses a database that already has tables, so that a restore never mixes
two sites; media are unpacked into an empty ``MEDIA_ROOT`` (or over it with ``--force``).
Media kept on S3-compatible storage are not in the archive: back up the bucket itself.
"""

import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connections

FORMAT = 1


class BackupError(Exception):
    pass


def _database(alias="default") -> dict:
    return settings.DATABASES[alias]


def _is_postgres(database: dict) -> bool:
    return "postgresql" in database["ENGINE"]


def _pg_env(database: dict) -> dict:
    env = {**os.environ}
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = str(database["PASSWORD"])
    return env


def _pg_args(database: dict) -> list[str]:
    args = []
    if database.get("HOST"):
        args += ["--host", str(database["HOST"])]
    if database.get("PORT"):
        args += ["--port", str(database["PORT"])]
    if database.get("USER"):
        args += ["--username", str(database["USER"])]
    return args


def _run(command: list[str], env: dict) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[:2000]}")


def _dump_database(target: Path) -> str:
    database = _database()
    if _is_postgres(database):
        path = target / "database.dump"
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                *_pg_args(database),
                "--file",
                str(path),
                str(database["NAME"]),
            ],
            _pg_env(database),
        )
        return path.name
    path = target / "database.sqlite3"
    source = sqlite3.connect(str(database["NAME"]))
    try:
        copy = sqlite3.connect(str(path))
        with copy:
            source.backup(copy)
        copy.close()
    finally:
        source.close()
    return path.name


def _counts() -> dict:
    from wagtail.images import get_image_model
    from wagtail.models import Page, Revision
    from wagtail_localize.models import StringTranslation, Translation

    from review.models import ReviewApproval

    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "translations": Translation.objects.count(),
        "string_translations": StringTranslation.objects.count(),
        "approvals": ReviewApproval.objects.count(),
        "images": get_image_model().objects.count(),
    }


def backup(output: Path) -> dict:
    """Write the archive to ``output``; return its manifest."""
    database = _database()
    with tempfile.TemporaryDirectory(prefix="portal-backup-") as work:
        work = Path(work)
        manifest = {
            "format": FORMAT,
            "created_at": datetime.datetime.now(datetime.UTC).isoformat(),
            "engine": "postgresql" if _is_postgres(database) else "sqlite",
            "database": _dump_database(work),
            "counts": _counts(),
        }
        (work / "manifest.json").write_text(json.dumps(manifest, indent=2))
        output.parent.mkdir(parents=True, exist_ok=True)
        partial = output.with_name(output.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(work / "manifest.json", arcname="manifest.json")
            archive.add(work / manifest["database"], arcname=manifest["database"])
            media = Path(settings.MEDIA_ROOT)
            if media.is_dir():
                archive.add(media, arcname="media")
        partial.replace(output)  # a crash mid-way never leaves a truncated archive behind
    return manifest


def _database_is_empty() -> bool:
    connection = connections["default"]
    with connection.cursor() as cursor:
        return not connection.introspection.table_names(cursor)


def _safe_members(archive: tarfile.TarFile):
    for member in archive.getmembers():
        name = Path(member.name)
        if name.is_absolute() or ".." in name.parts:
            raise BackupError(f"unsafe path in archive: {member.name}")
        if not (member.isfile() or member.isdir()):
            raise BackupError(f"unexpected entry in archive: {member.name}")
        yield member


def restore(archive_path: Path, *, force_media: bool = False) -> dict:
    """Restore the archive into the (empty) configured database and ``MEDIA_ROOT``."""
    database = _database()
    if not _database_is_empty():
        raise BackupError("The database is not empty: restore only into an empty database.")
    media_root = Path(settings.MEDIA_ROOT)
    if media_root.is_dir() and any(media_root.iterdir()) and not force_media:
        raise BackupError(f"MEDIA_ROOT {media_root} is not empty (use --force-media).")
    with tempfile.TemporaryDirectory(prefix="portal-restore-") as work:
        work = Path(work)
        with tarfile.open(archive_path, "r:gz") as archive:
            archive.extractall(work, members=list(_safe_members(archive)), filter="data")
        manifest = json.loads((work / "manifest.json").read_text())
        if manifest.get("format") != FORMAT:
            raise BackupError(f"unknown archive format {manifest.get('format')!r}")
        engine = "postgresql" if _is_postgres(database) else "sqlite"
        if manifest["engine"] != engine:
            raise BackupError(f"the archive holds a {manifest['engine']} database, not {engine}")
        dump = work / manifest["database"]
        connections["default"].close()
        if engine == "postgresql":
            _run(
                [
                    "pg_restore",
                    "--no-owner",
                    "--no-privileges",
                    "--exit-on-error",
                    *_pg_args(database),
                    "--dbname",
                    str(database["NAME"]),
                    str(dump),
                ],
                _pg_env(database),
            )
        else:
            source = sqlite3.connect(str(dump))
            target = sqlite3.connect(str(database["NAME"]))
            try:
                with target:
                    source.backup(target)
            finally:
                source.close()
                target.close()
        if (work / "media").is_dir():
            media_root.mkdir(parents=True, exist_ok=True)
            shutil.copytree(work / "media", media_root, dirs_exist_ok=True)
    return manifest
