"""The background job: one per published source page (django-tasks).

With django-tasks-db (dev, production) ``manage.py db_worker`` runs it; in tests the
immediate backend runs it at once. A job that could not finish (DeepL busy or down, quota
or budget spent) queues itself again for later when the backend can defer tasks; else the
status stays "retry"/"paused" and the next publish or ``backfill_translations --resume``
picks it up.
"""

import datetime
import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.utils import timezone

from django_tasks import task

from . import pipeline, recovery, usage
from .models import DraftStatus

logger = logging.getLogger(__name__)

QUOTA_RECHECK = datetime.timedelta(hours=1)


WAITING = [DraftStatus.PAUSED_QUOTA, DraftStatus.PAUSED_BUDGET, DraftStatus.RETRY]
# Pages whose drafts waited (quota, budget, DeepL down) queued again after a job that went
# through, at most this many per job.
RESUME_PER_JOB = 20


@task()
def translate_page_task(page_id: int, attempt: int = 1) -> dict:
    recovery.mark_running(page_id, pipeline.target_locales())
    try:
        statuses = pipeline.translate_page(page_id)
    except (OperationalError, InterfaceError):
        # The database went away mid-job (restart, failover): what was in flight rolled
        # back. Wait for it to answer again, then queue the page again.
        logger.warning("Page %s: database lost during the translation job", page_id)
        recovery.wait_for_database()
        enqueue_page(page_id)
        return {"requeued": True}
    recovery.finish_running(page_id)
    run_after = _when_to_retry(set(statuses.values()), attempt)
    if run_after is not None:
        backend = translate_page_task.get_backend()
        if backend.supports_defer:
            translate_page_task.using(run_after=run_after).enqueue(page_id, attempt + 1)
            logger.info("Page %s: translation job queued again for %s", page_id, run_after)
    elif statuses:
        resume_waiting(exclude=page_id)
    return statuses


def resume_waiting(exclude: int | None = None) -> list[int]:
    """DeepL answers again: queue the pages whose drafts were left waiting."""
    waiting = (
        DraftStatus.objects.filter(status__in=WAITING)
        .exclude(page_id=exclude)
        .order_by("updated_at")
        .values_list("page_id", flat=True)
    )
    page_ids = list(dict.fromkeys(waiting))[:RESUME_PER_JOB]
    for waiting_page_id in page_ids:
        enqueue_page(waiting_page_id)
    return page_ids


def _when_to_retry(statuses: set[str], attempt: int) -> datetime.datetime | None:
    if attempt >= settings.TRANSLATION_MAX_ATTEMPTS:
        return None
    now = timezone.now()
    if DraftStatus.RETRY in statuses:
        delay = settings.TRANSLATION_RETRY_DELAY_SECONDS * 2 ** (attempt - 1)
        return now + datetime.timedelta(seconds=delay)
    if DraftStatus.PAUSED_QUOTA in statuses:
        return now + QUOTA_RECHECK
    if DraftStatus.PAUSED_BUDGET in statuses:
        return usage.next_month_start(now)
    return None


def enqueue_page(page_id: int) -> None:
    """Mark the page's drafts as queued and queue the job (called after the commit)."""
    for locale in pipeline.target_locales():
        DraftStatus.objects.update_or_create(
            page_id=page_id, locale=locale, defaults={"status": DraftStatus.QUEUED, "detail": ""}
        )
    translate_page_task.enqueue(page_id)
    ensure_watchdog()


def recover_stale_jobs(now=None) -> list[int]:
    """Queue again the pages whose drafts have been ``RUNNING`` too long; their ids."""
    return recovery.recover_stale_jobs(enqueue_page, translate_page_task.module_path, now)


def ensure_watchdog() -> bool:
    """Queue the watchdog's next run unless one is waiting; whether one was queued."""
    return recovery.ensure_watchdog(recover_stale_jobs_task)


@task()
def recover_stale_jobs_task() -> list[int]:
    """The watchdog of interrupted jobs (translation/recovery.py); runs while jobs are about."""
    page_ids = recover_stale_jobs()
    if recovery.jobs_about():
        ensure_watchdog()
    return page_ids
