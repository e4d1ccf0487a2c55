"""Publishing a source-locale page queues ONE translation job for it, after the commit; so
does letting a page through the readability gate (``readability.override``).

The receiver never lets an error reach the publish: the communicator's publish always
succeeds, whatever happens to the translation job. (The same publish also records the
page's strings for staleness: ``translation.string_records``.)
"""

import logging

from django.conf import settings
from django.db import transaction
from django.dispatch import receiver

from wagtail.signals import page_published

from readability.override import page_let_through

from .tasks import enqueue_page

logger = logging.getLogger(__name__)


@receiver(page_published, dispatch_uid="translation_queue_drafts")
def queue_translation_drafts(sender, instance, **kwargs):
    if not getattr(settings, "TRANSLATION_AUTO_DRAFTS", False):
        return
    try:
        if instance.locale.language_code != settings.LANGUAGE_CODE:
            return
    except Exception:  # noqa: BLE001 - a page without a locale is nothing to translate
        return
    page_id = instance.pk

    def enqueue():
        try:
            enqueue_page(page_id)
        except Exception:  # never fail the publish
            logger.exception("Could not queue the translation drafts of page %s", page_id)

    transaction.on_commit(enqueue)


@receiver(page_let_through, dispatch_uid="translation_drafts_after_override")
def queue_drafts_after_override(sender, page_id, **kwargs):
    """The coordinator let a page above the readability threshold through: drafts now.

    Unlike a publish, this is the coordinator's own request for the drafts: an error shows."""
    enqueue_page(page_id)
