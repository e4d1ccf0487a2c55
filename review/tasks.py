"""Background work of the review app (django-tasks)."""

import datetime

from django.conf import settings
from django.utils import timezone

from django_tasks import task

from .digests import send_review_digests
from .retention import erase_old_contacts


@task()
def send_review_digests_task() -> int:
    return send_review_digests()


@task()
def erase_report_contacts_task() -> int:
    """Erase expired contact details, then queue the next run a day later (once)."""
    erased = erase_old_contacts()
    schedule_next_erase()
    return erased


def schedule_next_erase(delay=datetime.timedelta(days=1)) -> bool:
    """Queue tomorrow's run unless one is already waiting; returns whether one was queued."""
    # Only the database backend keeps a queue to look in (tests run tasks immediately).
    if "django_tasks_db" not in settings.TASKS["default"]["BACKEND"]:
        return False
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(
        status=TaskResultStatus.READY, task_path=erase_report_contacts_task.module_path
    )
    if waiting.exists():
        return False
    erase_report_contacts_task.using(run_after=timezone.now() + delay).enqueue()
    return True
