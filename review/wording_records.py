"""Keep every wording a translated string takes, and every wording a person approves.

The publish rule judges a revision by the text it carries, not by the strings' current rows
(``review.live_text``): it must know every wording a string translation ever had, and whether
a person wrote or approved it (``KnownWording``, ``WordingApproval``). The receivers are
signals so that they hold on every path that saves a string: wagtail-localize's editor, the
pipeline, the PO and XLIFF imports.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail_localize.models import StringTranslation

from translation.carry_forward import TOOL_NAME as CARRIED
from translation.models import text_hash

from .models import KnownWording, StringApproval, WordingApproval


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
