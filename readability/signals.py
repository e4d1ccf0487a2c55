"""Keep ``PublishedLix`` in step with what is live: record on publish, forget on unpublish.

A failure here is logged and never reaches the publish: the communicator's publish always
succeeds, and a missing score is computed when a list first reads it.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished

from . import published

logger = logging.getLogger(__name__)


def _is_swedish(page) -> bool:
    return page.locale.language_code == settings.LANGUAGE_CODE


@receiver(page_published, dispatch_uid="readability_record_published_lix")
def record_published_lix(sender, instance, **kwargs):
    try:
        if not _is_swedish(instance):
            return
        with transaction.atomic():  # a failure must not break the publish's transaction
            if instance.live:
                published.record(instance)
            else:  # published with a go-live date in the future: nothing is live yet
                published.forget(instance.pk)
            published.forget_aliases(instance.pk)
    except Exception:
        logger.exception("Could not store the LIX of page %s", instance.pk)


@receiver(page_unpublished, dispatch_uid="readability_forget_published_lix")
def forget_published_lix(sender, instance, **kwargs):
    try:
        with transaction.atomic():
            published.forget(instance.pk)
    except Exception:
        logger.exception("Could not forget the LIX of page %s", instance.pk)
