"""Publishing a source-locale page queues ONE translation job for it, after the commit.

The receiver never lets an error reach the publish: the communicator's publish always
succeeds, whatever happens to the translation job. The same publish records the page's
strings, and every save of a target records which strings it was made from
(``translation.fingerprints``); removed segments are remembered for open editor tabs.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.signals import page_published
from wagtail_localize.models import StringSegment, Translation, TranslationLog

from .models import RetiredSegment

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
        from .tasks import enqueue_page

        try:
            enqueue_page(page_id)
        except Exception:  # noqa: BLE001 - never fail the publish
            logger.exception("Could not queue the translation drafts of page %s", page_id)

    transaction.on_commit(enqueue)


@receiver(page_published, dispatch_uid="translation_record_source_strings")
def record_source_strings(sender, instance, **kwargs):
    """Remember the strings of every published source page (staleness by content)."""
    try:
        if instance.locale.language_code != settings.LANGUAGE_CODE:
            return
        from .fingerprints import record_source

        record_source(instance)
    except Exception:  # noqa: BLE001 - never fail the publish; recorded on first use instead
        logger.exception("Could not record the strings of page %s", instance.pk)


@receiver(post_save, sender=TranslationLog, dispatch_uid="translation_record_made_from")
def record_made_from(sender, instance, created, **kwargs):
    """A target was saved from its source: it is now made from the source's strings."""
    if not created:
        return
    from .fingerprints import record_translation

    translation = Translation.objects.filter(
        source_id=instance.source_id, target_locale_id=instance.locale_id
    ).first()
    if translation is not None:
        record_translation(translation)


@receiver(post_delete, sender=StringSegment, dispatch_uid="translation_retire_segment")
def retire_segment(sender, instance, **kwargs):
    """Keep the id of a removed segment: an open editor tab may still save to it."""
    RetiredSegment.objects.update_or_create(
        segment_id=instance.pk,
        defaults={
            "source_id": instance.source_id,
            "string_id": instance.string_id,
            "context_id": instance.context_id,
        },
    )
