"""The stored reader-notice flag: is a live translated page showing unapproved machine text?

Readers see a notice on such pages (``templatetags/review_tags.py``). Computing the review
state on every view costs about seven queries; instead the answer is stored per translated
page (``ReaderNotice``) at the moments it can change for readers:

- the translated page is published (its live text is then the current strings);
- strings are approved (the flag reads the live text, so an approval of a draft's wording
  changes nothing until that wording is live);
- the Swedish page is published: a translation may be made stale by it; what readers see
  does not change, but the flag is checked again for pages that were never stored.

The flag is ``review.live_text.check`` of the live row: the check the publish rule makes
of the revision that goes live, and the one ``review.invariant`` repeats. The queue's
states *Publicerad med ogranskad maskintext* and *Publicerad och granskad* read this flag.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.dispatch import receiver

from wagtail.models import Page
from wagtail.signals import page_published

from . import live_text
from .models import ReaderNotice
from .states import PageReview, strings_approved

logger = logging.getLogger(__name__)


def store(page: Page, item: PageReview | None = None) -> ReaderNotice:
    """Compute and store the flag of the translated ``page`` from its live text.

    The flag reads the live row (what readers get) through ``review.live_text``, the check
    the publish rule makes: machine text no translator approved word for word, text to check
    against a changed Swedish text, or text that cannot be attributed shows the notice.
    """
    live = page.specific_class.objects.filter(pk=page.pk).select_related("locale").first()
    result = live_text.check(live) if live is not None else live_text.TextCheck()
    source_page = item.source_page if item is not None else None
    if source_page is None and result.translated:
        source_page = Page.objects.filter(
            translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE
        ).first()
    row, _created = ReaderNotice.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "source_page": source_page,
            "translated": result.translated,
            "machine_text": result.translated and result.needs_notice,
        },
    )
    return row


def after_approval(item: PageReview) -> None:
    """Store the flag again: an approved wording may be what readers see."""
    target = item.target_page
    if target is None or not target.live:
        return
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
