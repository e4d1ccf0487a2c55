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
from django.utils import timezone

from django_tasks import task

from . import pipeline, usage
from .models import DraftStatus

logger = logging.getLogger(__name__)

QUOTA_RECHECK = datetime.timedelta(hours=1)


@task()
def translate_page_task(page_id: int, attempt: int = 1) -> dict:
    statuses = pipeline.translate_page(page_id)
    run_after = _when_to_retry(set(statuses.values()), attempt)
    if run_after is not None:
        backend = translate_page_task.get_backend()
        if backend.supports_defer:
            translate_page_task.using(run_after=run_after).enqueue(page_id, attempt + 1)
            logger.info("Page %s: translation job queued again for %s", page_id, run_after)
    return statuses


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
