"""The stored reader-notice flag: is a live translated page showing unapproved machine text?

Readers see a notice on such pages (``templatetags/review_tags.py``). Computing the review
state on every view costs about seven queries; instead the answer is stored per translated
page (``ReaderNotice``) at the moments it can change for readers:

- the translated page is published (its live text is then the current strings);
- strings are approved, when the live page has no pending draft (otherwise the approval
  is for text readers do not see yet: the flag changes when that text is published);
- the Swedish page is published: a translation may be made stale by it; what readers see
  does not change, but the flag is checked again for pages that were never stored.

The queue's states *Publicerad med ogranskad maskintext* and *Publicerad och granskad*
come from the same computation, so the two agree whenever nothing is pending.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.dispatch import receiver

from wagtail.models import Page
from wagtail.signals import page_published

from .models import ReaderNotice
from .states import PageReview, review_state_for_target, strings_approved

logger = logging.getLogger(__name__)


def store(page: Page, item: PageReview | None = None) -> ReaderNotice:
    """Compute and store the flag of the translated ``page`` (``item``: its state, if known)."""
    if item is None:
        item = review_state_for_target(page)
    translated = item is not None and item.translation is not None and item.target_page is not None
    row, _created = ReaderNotice.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "source_page": item.source_page if item is not None else None,
            "translated": translated,
            "machine_text": bool(translated and item.unreviewed_machine_text),
        },
    )
    return row


def after_approval(item: PageReview) -> None:
    """Store the flag again if the approved strings are what readers see."""
    target = item.target_page
    if target is None or not target.live or target.has_unpublished_changes:
        return
    changed = item.last_string_change
    if changed is not None and (
        target.last_published_at is None or changed > target.last_published_at
    ):
        return  # strings edited since the publish: readers still see the published text
    store(target, item)


@receiver(strings_approved, dispatch_uid="review_store_reader_notice_after_approval")
def store_after_approval(sender, item: PageReview, **kwargs):
    after_approval(item)


def notice_for(page: Page) -> ReaderNotice:
    """The stored flag of ``page``; computed once for pages published before it existed."""
    row = ReaderNotice.objects.select_related("source_page").filter(page_id=page.pk).first()
    return row if row is not None else store(page)


@receiver(page_published, dispatch_uid="review_store_reader_notice")
def store_on_publish(sender, instance, **kwargs):
    try:
        with transaction.atomic():
            _store_on_publish(instance)
    except Exception:
        logger.exception("Could not store the reader notice of page %s", instance.pk)


def _store_on_publish(instance) -> None:
    if instance.locale.language_code == settings.LANGUAGE_CODE:
        targets = Page.objects.filter(translation_key=instance.translation_key).exclude(
            locale_id=instance.locale_id
        )
        for target in targets.filter(reader_notice__isnull=True):
            store(target)
        return
    store(instance)
