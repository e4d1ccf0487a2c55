"""Background work of the review app (django-tasks)."""

from django_tasks import task

from .digests import send_review_digests


@task()
def send_review_digests_task() -> int:
    return send_review_digests()
