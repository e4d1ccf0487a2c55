"""Record what staleness and carrying forward need, whoever saves the source or a target.

Every publish of a Swedish page records its strings (``fingerprints.record_source``); every
save of a target from its source (a ``TranslationLog``: the pipeline, wagtail-localize's
editor and sync, the PO import, the queue's refresh) records which strings it was made from;
a segment wagtail-localize removes is remembered for editor tabs opened before
(``RetiredSegment``); every wording a string translation takes, and every approved wording,
is kept (``KnownWording``, ``WordingApproval``) so that the publish rule can attribute the
text of any revision (``review.live_text``). The receivers live here, beside the models
and the review states that read them, so that they hold on every path and not only where
DeepL is involved.
"""

import logging

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.signals import page_published
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationLog

from .carry_forward import TOOL_NAME as CARRIED
from .fingerprints import record_source, record_translation
from .models import KnownWording, RetiredSegment, StringApproval, WordingApproval, text_hash

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


@receiver(post_save, sender=StringTranslation, dispatch_uid="review_record_wording")
def record_wording(sender, instance, raw=False, **kwargs):
    """Keep this wording: a revision saved from it may be published later.

    Not for a raw save (loaddata, a serialized database): the wordings come with it."""
    if raw:
        return
    KnownWording.objects.get_or_create(
        locale_id=instance.locale_id,
        context_id=instance.context_id,
        text_hash=text_hash(instance.data),
        # A carried-over translation is the person's, but not for this Swedish text yet.
        human=instance.translation_type == StringTranslation.TRANSLATION_TYPE_MANUAL
        and instance.tool_name != CARRIED,
        defaults={"written_by_id": instance.last_translated_by_id},
    )


@receiver(post_save, sender=StringApproval, dispatch_uid="review_record_wording_approval")
def record_wording_approval(sender, instance, raw=False, **kwargs):
    """An approval is of the exact wording approved, also after the string changes.

    Not for a raw save: the approval's string may not be loaded yet, and the wording
    approvals come with the data."""
    if raw:
        return
    st = instance.string_translation
    WordingApproval.objects.get_or_create(
        locale_id=st.locale_id,
        context_id=st.context_id,
        text_hash=instance.text_hash,
        defaults={"approved_by_id": instance.approved_by_id},
    )
