"""The demo backed up on PostgreSQL restores into a new, empty database with nothing missing."""

import io
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.models import Locale, Page

import psycopg2
import pytest

from devtools.demo import users
from review.models import ReviewApproval
from tests import shared_demo

ROOT = Path(__file__).resolve().parents[2]
DATABASE = django_settings.DATABASES["default"]

pytestmark = pytest.mark.skipif(
    "postgresql" not in DATABASE["ENGINE"] or not shutil.which("pg_restore"),
    reason="needs PostgreSQL and its client programs (pg_dump, pg_restore)",
)

QUERIES = {
    "pages": "SELECT id, path, title, locale_id, live, latest_revision_id, translation_key "
    "FROM wagtailcore_page ORDER BY id",
    "revisions": "SELECT id, object_id, md5(content::text) FROM wagtailcore_revision ORDER BY id",
    "translations": "SELECT uuid, source_id, target_locale_id FROM wagtail_localize_translation "
    "ORDER BY uuid",
    "string_translations": "SELECT id, translation_of_id, locale_id, md5(data), "
    "translation_type FROM wagtail_localize_stringtranslation ORDER BY id",
    "approvals": "SELECT id, page_id, locale_id, revision_id FROM review_reviewapproval "
    "ORDER BY id",
    "images": "SELECT id, title, file, file_hash FROM wagtailimages_image ORDER BY id",
    "users": "SELECT id, username, password FROM auth_user ORDER BY id",
}


def server_url(name: str) -> str:
    host = DATABASE.get("HOST") or "127.0.0.1"
    port = DATABASE.get("PORT") or 5432
    return f"postgres://{DATABASE.get('USER') or 'postgres'}@{host}:{port}/{name}"


def snapshot(url: str) -> dict:
    with psycopg2.connect(url) as connection, connection.cursor() as cursor:
        result = {}
        for name, query in QUERIES.items():
            cursor.execute(query)
            result[name] = cursor.fetchall()
        return result


def admin_connection():
    connection = psycopg2.connect(server_url("postgres"))
    connection.autocommit = True
    return connection


def restore_in_subprocess(url: str, archive: Path, media: Path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": url,
        "MEDIA_ROOT": str(media),
        "REDIS_URL": "",
    }
    return subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", "restore", str(archive)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_demo_backup_restores_into_an_empty_database(tmp_path, settings):
    settings.DEBUG = True
    # What ``load_demo`` leaves: its content (the run's one build, tests/shared_demo.py,
    # committed here with its images in this test's media folder), then its accounts.
    shared_demo.load_demo()
    users.ensure_superuser(io.StringIO())
    users.ensure_role_users(io.StringIO())
    arabic = Locale.objects.get(language_code="ar")
    approved = Page.objects.filter(locale=arabic).exclude(latest_revision=None).first()
    ReviewApproval.objects.create(
        page=approved,
        locale=arabic,
        revision=approved.latest_revision,
        approved_by=get_user_model().objects.filter(is_superuser=True).first(),
    )
    before = snapshot(server_url(DATABASE["NAME"]))
    for name, rows in before.items():
        assert rows, f"the demo has no {name}"
    media_files = sorted(
        str(path.relative_to(settings.MEDIA_ROOT))
        for path in Path(settings.MEDIA_ROOT).rglob("*")
        if path.is_file()
    )
    assert any(name.startswith("original_images/") for name in media_files)

    archive = tmp_path / "portal.tar.gz"
    out = io.StringIO()
    call_command("backup", output=str(archive), stdout=out)
    assert "postgresql" in out.getvalue()

    name = f"ops_restore_{uuid.uuid4().hex[:8]}"
    connection = admin_connection()
    connection.cursor().execute(f'CREATE DATABASE "{name}"')
    try:
        restored_media = tmp_path / "restored-media"
        result = restore_in_subprocess(server_url(name), archive, restored_media)
        assert result.returncode == 0, result.stderr[-3000:]
        assert snapshot(server_url(name)) == before
        restored_files = sorted(
            str(path.relative_to(restored_media))
            for path in restored_media.rglob("*")
            if path.is_file()
        )
        assert restored_files == media_files
        # A second restore into the now full database is refused, and changes nothing.
        again = restore_in_subprocess(server_url(name), archive, tmp_path / "other-media")
        assert again.returncode != 0
        assert "not empty" in again.stderr
        assert snapshot(server_url(name)) == before
    finally:
        connection.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.close()
