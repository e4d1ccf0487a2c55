"""Record what staleness and carrying forward need, whoever saves the source or a target.

Every publish of a Swedish page records its strings (``fingerprints.record_source``); every
save of a target from its source (a ``TranslationLog``: the pipeline, wagtail-localize's
editor and sync, the PO import, the queue's refresh) records which strings it was made from;
a segment wagtail-localize removes is remembered for editor tabs opened before
(``RetiredSegment``). The receivers are signals, not calls from the pipeline, so that they
hold on every path that saves, not only where a machine engine is involved. What people did
with the strings (wordings written and approved) is recorded by ``review.wording_records``.
"""

import logging

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.signals import page_published
from wagtail_localize.models import StringSegment, Translation, TranslationLog

from .fingerprints import record_source, record_translation
from .models import RetiredSegment

logger = logging.getLogger(__name__)


@receiver(page_published, dispatch_uid="review_record_source_strings")
def record_source_strings(sender, instance, **kwargs):
    """Remember the strings of every published source page (staleness by content)."""
    try:
        if instance.locale.language_code != settings.LANGUAGE_CODE:
            return
        record_source(instance)
    except Exception:
        logger.exception("Could not record the strings of page %s", instance.pk)


@receiver(post_save, sender=TranslationLog, dispatch_uid="review_record_made_from")
def record_made_from(sender, instance, created, raw=False, **kwargs):
    """A target was saved from its source: it is now made from the source's strings."""
    if not created or raw:
        return
    translation = Translation.objects.filter(
        source_id=instance.source_id, target_locale_id=instance.locale_id
    ).first()
    if translation is not None:
        record_translation(translation)


@receiver(post_delete, sender=StringSegment, dispatch_uid="review_retire_segment")
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
