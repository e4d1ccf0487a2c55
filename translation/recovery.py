"""Crash safety of the translation jobs: ``RUNNING`` while a job works, recovered when stale.

A job marks its page's drafts ``RUNNING`` (committed) before it starts, and the pipeline
replaces that per locale, in the same transaction as the locale's strings and draft
revision. A worker killed with SIGKILL, or cut off by a database restart, has its open
transaction rolled back by PostgreSQL: no half-saved draft and no string without its draft,
and the locales it had not finished stay ``RUNNING``. The task row of django-tasks-db stays
"running" for ever, as nothing in django-tasks-db notices a dead worker. A job that only
loses its database connection (a restart, a failover) waits for the database to answer
again and queues its page again at once.

The watchdog (``recover_stale_jobs``, a django-tasks task that queues its own next run every
``TRANSLATION_RECOVERY_INTERVAL_SECONDS`` while jobs are about, armed by every
``enqueue_page``) finds drafts ``RUNNING`` for longer than
``TRANSLATION_STALE_AFTER_SECONDS``, marks the dead task rows failed and queues the pages
again; the new job fills only what is still missing, so nothing is translated or billed
twice. ``manage.py recover_translation_jobs`` does the same by hand.
"""

import datetime
import logging
import time

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection, transaction
from django.utils import timezone

from .models import DraftStatus

logger = logging.getLogger(__name__)


def stale_after() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.TRANSLATION_STALE_AFTER_SECONDS)


def mark_running(page_id: int, locales) -> None:
    """Committed before the work starts, so that it survives the worker."""
    for locale in locales:
        DraftStatus.objects.update_or_create(
            page_id=page_id, locale=locale, defaults={"status": DraftStatus.RUNNING}
        )


def finish_running(page_id: int) -> None:
    """A job that returned leaves no draft ``RUNNING`` (e.g. the page went offline)."""
    DraftStatus.objects.filter(page_id=page_id, status=DraftStatus.RUNNING).update(
        status=DraftStatus.QUEUED, updated_at=timezone.now()
    )


def wait_for_database(timeout: float = 120.0) -> None:
    """Reconnect until the database answers; raise its error after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    delay = 0.5
    while True:
        connection.close()
        try:
            connection.ensure_connection()
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
            return
        except (OperationalError, InterfaceError):
            if time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 5.0)


def _database_backend() -> bool:
    return "django_tasks_db" in settings.TASKS["default"]["BACKEND"]


def _fail_dead_task_rows(cutoff, task_path: str) -> int:
    if not _database_backend():
        return 0
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING,
        task_path=task_path,
        started_at__lt=cutoff,
    ).update(
        status=TaskResultStatus.FAILED,
        finished_at=timezone.now(),
        exception_class_path="translation.recovery.WorkerLost",
        traceback="The worker stopped in the middle of the job; the page was queued again.",
    )


def recover_stale_jobs(enqueue_page, task_path: str, now=None) -> list[int]:
    """Queue again (``enqueue_page``) the pages whose drafts have been ``RUNNING`` too long;
    their ids. The job's task (``task_path``) and its queueing come from ``translation.tasks``,
    which imports this module, never the other way round."""
    cutoff = (now or timezone.now()) - stale_after()
    with transaction.atomic():
        page_ids = sorted(
            set(
                DraftStatus.objects.select_for_update(skip_locked=True)
                .filter(status=DraftStatus.RUNNING, updated_at__lt=cutoff)
                .values_list("page_id", flat=True)
            )
        )
        _fail_dead_task_rows(cutoff, task_path)
        for page_id in page_ids:
            logger.warning("Translation job of page %s was interrupted: queued again", page_id)
            enqueue_page(page_id)
    return page_ids


def jobs_about() -> bool:
    return DraftStatus.objects.filter(status__in=[DraftStatus.QUEUED, DraftStatus.RUNNING]).exists()


def ensure_watchdog(recover_stale_jobs_task) -> bool:
    """Queue the watchdog's next run unless one is waiting; whether one was queued."""
    if not _database_backend():
        return False
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(
        status=TaskResultStatus.READY, task_path=recover_stale_jobs_task.module_path
    )
    if waiting.exists():
        return False
    delay = datetime.timedelta(seconds=settings.TRANSLATION_RECOVERY_INTERVAL_SECONDS)
    recover_stale_jobs_task.using(run_after=timezone.now() + delay).enqueue()
    return True
