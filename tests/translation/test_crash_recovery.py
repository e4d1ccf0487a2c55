"""A worker killed mid-job, or a database restarted mid-job, loses nothing.

Real ``manage.py db_worker`` processes run the translation job against the local DeepL
server slowed down (one and a half seconds an answer), so that the job is caught half-way:
some languages saved, one in flight, the rest not started.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings as django_settings
from django.core.cache import cache

from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, TranslationSource

import psycopg2
import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from home.models import HomePage
from tests import database_template
from tests.translation.mt_helpers import (
    AZURE_LANGUAGES,
    DEEPL_CODES,
    DEEPL_LANGUAGES,
    paragraphs,
)
from translation.models import DraftStatus
from translation.pipeline import missing_segments

ROOT = Path(__file__).resolve().parents[2]
PG_BIN = Path("/usr/lib/postgresql/15/bin")
SLOW = 1.5
STALE_AFTER = 12

pytestmark = pytest.mark.skipif(
    "postgresql" not in django_settings.DATABASES["default"]["ENGINE"],
    reason="a worker in another process needs a database server (PostgreSQL)",
)


def database_url(params: dict) -> str:
    host = params.get("HOST") or "127.0.0.1"
    port = params.get("PORT") or 5432
    user = params.get("USER") or "postgres"
    return f"postgres://{user}@{host}:{port}/{params['NAME']}"


def start_worker(url: str, deepl_url: str, log: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.translation.worker_settings",
        "DATABASE_URL": url,
        "REDIS_URL": "",
        "DEEPL_SERVER_URL": deepl_url,
        "DEEPL_AUTH_KEY": "test-key",
        "TRANSLATION_STALE_AFTER_SECONDS": str(STALE_AFTER),
        "TRANSLATION_RECOVERY_INTERVAL_SECONDS": "1",
    }
    return subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--interval",
            "0.2",
            "--no-startup-delay",
            "--no-reload",
        ],
        cwd=ROOT,
        env=env,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
    )


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_for(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def free_port() -> int:
    """A port nobody listens on: parallel test workers each start their own cluster."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def root_page() -> Page:
    """The tree's root; a transactional test before this one may have flushed it."""
    root = Page.get_first_root_node()
    if root is None:
        sv = Locale.objects.get_or_create(language_code="sv")[0]
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=sv))
    return root


@pytest.fixture
def slow_deepl(deepl_server, settings):
    deepl_server.wait_idle()
    deepl_server.reset(character_limit=1_000_000_000)
    deepl_server.set_faults(slow_seconds=SLOW)
    yield deepl_server
    deepl_server.set_faults(slow_seconds=0)


# SIGKILL -----------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_worker_killed_mid_job_loses_nothing_and_the_job_finishes(slow_deepl, settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TRANSLATION_AUTO_DRAFTS = True
    # As in the workers: the publish below arms the watchdog with this interval.
    settings.TRANSLATION_RECOVERY_INTERVAL_SECONDS = 1
    settings.TRANSLATION_STALE_AFTER_SECONDS = STALE_AFTER
    settings.DEEPL_AUTH_KEY = "test-key"
    settings.DEEPL_SERVER_URL = slow_deepl.url
    cache.clear()
    locales = {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in django_settings.LANGUAGES
    }
    page = root_page().add_child(
        instance=HomePage(
            title="Krasch", slug="krasch", locale=locales["sv"], body=paragraphs(12), live=False
        )
    )
    page.save_revision().publish()  # queues the job (on commit: this test commits)
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists()

    url = database_url(django_settings.DATABASES["default"])
    log = tmp_path / "worker.log"
    first = start_worker(url, slow_deepl.url, log)
    try:

        def half_way():
            statuses = dict(
                DraftStatus.objects.filter(page=page).values_list("locale__language_code", "status")
            )
            made = [code for code in DEEPL_LANGUAGES if statuses.get(code) == DraftStatus.MADE]
            running = [c for c in DEEPL_LANGUAGES if statuses.get(c) == DraftStatus.RUNNING]
            return (made, running) if made and len(running) >= 2 else None

        made, running = wait_for(half_way, 90, "the job to be half-way")
        first.kill()  # SIGKILL: no clean-up of any kind
        first.wait()
    finally:
        stop(first)

    source = TranslationSource.objects.get(object_id=page.translation_key)
    segment_count = source.stringsegment_set.count()
    assert segment_count == 13  # the title and twelve paragraphs
    for code in made:
        assert not missing_segments(source, locales[code])
    for code in running:
        # Not half-saved: no string and no draft page of an unfinished language.
        assert not StringTranslation.objects.filter(
            locale=locales[code], context__object_id=page.translation_key
        ).exists()
        assert not page.has_translation(locales[code])
    assert DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).count() == 1
    requests_before = {code: len(slow_deepl.translate_requests(DEEPL_CODES[code])) for code in made}

    second = start_worker(url, slow_deepl.url, log)
    try:

        def finished():
            statuses = dict(
                DraftStatus.objects.filter(page=page).values_list("locale__language_code", "status")
            )
            return all(statuses.get(code) == DraftStatus.MADE for code in DEEPL_LANGUAGES)

        wait_for(finished, STALE_AFTER + 90, "the recovered job to finish")
    finally:
        stop(second)

    for code in DEEPL_LANGUAGES:
        assert not missing_segments(source, locales[code]), code
        assert (
            StringTranslation.objects.filter(
                locale=locales[code], context__object_id=page.translation_key
            ).count()
            == segment_count
        )
        target = page.get_translation(locales[code])
        assert not target.live
        assert target.get_latest_revision_as_object().title.startswith("[")
    for code in AZURE_LANGUAGES:
        assert DraftStatus.objects.get(page=page, locale=locales[code]).status == (
            DraftStatus.NOT_CONFIGURED
        )
    # What was saved before the kill was not sent to DeepL again.
    for code in made:
        assert len(slow_deepl.translate_requests(DEEPL_CODES[code])) == requests_before[code]
    dead = DBTaskResult.objects.get(exception_class_path="translation.recovery.WorkerLost")
    assert dead.status == TaskResultStatus.FAILED
    text = log.read_text()
    assert f"Translation job of page {page.pk} was interrupted: queued again" in text


# PostgreSQL restart ------------------------------------------------------------------------


@pytest.fixture
def throwaway_cluster():
    initdb = PG_BIN / "initdb"
    if not initdb.exists():
        pytest.skip("PostgreSQL's initdb is not installed")
    # Outside pytest's own temporary directory, which the postgres user cannot enter.
    tmp_path = Path(tempfile.mkdtemp(prefix="portal-pg-"))
    data = tmp_path / "pgdata"
    run_as = [] if os.geteuid() != 0 else ["runuser", "-u", "postgres", "--"]
    if run_as:
        shutil.chown(tmp_path, "postgres")
    subprocess.run(  # noqa: S603
        [*run_as, str(initdb), "-D", str(data), "-U", "postgres", "-A", "trust"],
        check=True,
        capture_output=True,
    )
    pg_ctl = [*run_as, str(PG_BIN / "pg_ctl"), "-D", str(data), "-w", "-l", str(data / "log")]
    port = free_port()
    options = f"-p {port} -k {tmp_path} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run([*pg_ctl, "-o", options, "start"], check=True, capture_output=True)  # noqa: S603
    try:
        yield {"pg_ctl": pg_ctl, "options": options, "port": port}
    finally:
        subprocess.run([*pg_ctl, "-m", "immediate", "stop"], capture_output=True)  # noqa: S603
        shutil.rmtree(tmp_path, ignore_errors=True)


def manage(url: str, *args, deepl_url: str = "") -> str:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.translation.worker_settings",
        "DATABASE_URL": url,
        "REDIS_URL": "",
        "DEEPL_SERVER_URL": deepl_url,
        "DEEPL_AUTH_KEY": "test-key" if deepl_url else "",
        "TRANSLATION_STALE_AFTER_SECONDS": str(STALE_AFTER),
        "TRANSLATION_RECOVERY_INTERVAL_SECONDS": "1",
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    return result.stdout


def migrated(url: str) -> None:
    """The tables and rows that ``migrate`` makes, in the empty database at ``url``.

    Copied with pg_dump from the run's migrated template (tests/database_template.py, made by
    ``migrate`` at the start of the run) when there is one: a few seconds where running the
    ~300 migrations again took half a minute of this test on CI. What the test checks starts
    after this (the job, the restart); without a template, ``migrate`` as before."""
    template = database_template.migrated_template()
    if template is not None:
        source = database_url({**django_settings.DATABASES["default"], "NAME": template})
        dump = subprocess.run(  # noqa: S603
            [str(PG_BIN / "pg_dump"), "--no-owner", "--no-privileges", "-d", source],
            capture_output=True,
            timeout=120,
        )
        if dump.returncode == 0:
            subprocess.run(  # noqa: S603
                [str(PG_BIN / "psql"), "-q", "-X", "-v", "ON_ERROR_STOP=1", "-d", url],
                input=dump.stdout,
                capture_output=True,
                timeout=120,
                check=True,
            )
            return
    manage(url, "migrate", "--no-input")


PUBLISH = """
from django.db import transaction
from wagtail.models import Locale, Page
from home.models import HomePage
from core.languages import ALL_LANGUAGES
from tests.translation.mt_helpers import paragraphs
locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in ALL_LANGUAGES}
with transaction.atomic():
    page = Page.get_first_root_node().add_child(instance=HomePage(
        title="Omstart", slug="omstart", locale=locales["sv"], body=paragraphs(12), live=False))
    page.save_revision().publish()
print(page.pk)
"""


def statuses(url: str, page_id: int) -> dict:
    with psycopg2.connect(url, connect_timeout=2) as connection, connection.cursor() as cursor:
        cursor.execute(
            "SELECT l.language_code, d.status FROM translation_draftstatus d "
            "JOIN wagtailcore_locale l ON l.id = d.locale_id WHERE d.page_id = %s",
            [page_id],
        )
        return dict(cursor.fetchall())


def test_database_restart_mid_job_loses_nothing(slow_deepl, throwaway_cluster, tmp_path):
    base = f"postgres://postgres@127.0.0.1:{throwaway_cluster['port']}"
    connection = psycopg2.connect(f"{base}/postgres")
    connection.autocommit = True
    connection.cursor().execute("CREATE DATABASE crash")
    connection.close()
    url = f"{base}/crash"
    migrated(url)
    page_id = int(manage(url, "shell", "-c", PUBLISH, deepl_url=slow_deepl.url).split()[-1])

    log = Path(tempfile.mkdtemp(prefix="portal-crash-")) / "worker.log"
    worker = start_worker(url, slow_deepl.url, log)
    try:

        def half_way():
            try:
                current = statuses(url, page_id)
            except psycopg2.Error:
                return None
            made = [c for c in DEEPL_LANGUAGES if current.get(c) == DraftStatus.MADE]
            running = [c for c in DEEPL_LANGUAGES if current.get(c) == DraftStatus.RUNNING]
            return made if made and len(running) >= 2 else None

        wait_for(half_way, 90, "the job to be half-way")
        pg_ctl = throwaway_cluster["pg_ctl"]
        subprocess.run(  # noqa: S603
            [*pg_ctl, "-m", "fast", "-o", throwaway_cluster["options"], "restart"],
            check=True,
            capture_output=True,
        )

        def finished():
            try:
                current = statuses(url, page_id)
            except psycopg2.Error:
                return False
            return all(current.get(code) == DraftStatus.MADE for code in DEEPL_LANGUAGES)

        wait_for(finished, STALE_AFTER + 120, f"the job to finish after the restart ({log})")
    finally:
        stop(worker)

    with psycopg2.connect(url) as connection, connection.cursor() as cursor:
        cursor.execute(
            "SELECT l.language_code, count(*) FROM wagtail_localize_stringtranslation s "
            "JOIN wagtailcore_locale l ON l.id = s.locale_id "
            "JOIN wagtail_localize_translationcontext c ON c.id = s.context_id "
            "JOIN wagtailcore_page p ON p.translation_key = c.object_id "
            "WHERE p.id = %s GROUP BY l.language_code",
            [page_id],
        )
        counts = dict(cursor.fetchall())
    assert counts == {code: 13 for code in DEEPL_LANGUAGES}, log.read_text()[-3000:]
    # Depending on the moment of the restart, the pipeline records a retry for the language
    # in flight, or the job waits for the database and queues the page again.
    text = log.read_text()
    assert (
        f"Page {page_id}: database lost during the translation job" in text
        or "database error, retry later" in text
    )


# The watchdog, in process ---------------------------------------------------------------


@pytest.mark.django_db
def test_enqueue_arms_the_watchdog_once_and_recovery_requeues_stale_pages(settings):
    import datetime

    from django.utils import timezone

    import time_machine

    from translation.tasks import enqueue_page, recover_stale_jobs_task

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    locale = Locale.objects.get_or_create(language_code="en")[0]
    Locale.objects.get_or_create(language_code="sv")
    page = root_page().add_child(
        instance=HomePage(title="Vakt", slug="vakt", locale=Locale.objects.get(language_code="sv"))
    )
    enqueue_page(page.pk)
    enqueue_page(page.pk)
    watchdogs = DBTaskResult.objects.filter(task_path=recover_stale_jobs_task.module_path)
    assert watchdogs.count() == 1
    DraftStatus.objects.filter(page=page).update(status=DraftStatus.RUNNING)
    assert recover_stale_jobs_task.call() == []  # not stale yet
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=1)):
        assert recover_stale_jobs_task.call() == [page.pk]
    assert DraftStatus.objects.get(page=page, locale=locale).status == DraftStatus.QUEUED
