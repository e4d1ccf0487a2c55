"""A view restriction (password, login, groups) belongs to the language it was set in.

wagtail-localize treats a page's restriction as part of the Swedish source:
``TranslationSource.sync_view_restrictions`` runs on every save of a target (the pipeline's
drafts, the translation editor, PO import) and on "Sync translated pages" without options,
and makes the target's restriction equal to the source's: it *deletes* the Arabic
translator's password when the Swedish page has none, and copies the communicator's
password into every language. Wagtail's ``copy_for_translation`` copies it into a new
translation too. Here instead:

- **A sync never touches a restriction** of another language: the method does nothing.
- **A new Swedish restriction** (set on a page of the source language) makes each existing
  translation that has no restriction of its own "logged-in users only" (readers have no
  accounts, so the text is hidden from them as it is in Swedish) and never copies the
  password, which stays the communicator's. A translation with its own restriction keeps
  it; the translator of the language decides afterwards (their own password, or public).
  Removing or changing the Swedish restriction changes no translation.
- **A new translation** of a restricted Swedish page gets the same "logged-in users only"
  instead of Wagtail's copy of the password.

Aliases cannot have restrictions of their own: Wagtail reads the Swedish page's.
Purging the HTTP cache on any change of a restriction is ``operations/purge.py``'s.

Upstream workaround: ``tests/upstream/test_upstream_restrictions.py`` fails, naming this
module, when wagtail-localize stops syncing restrictions or Wagtail stops copying them.
"""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import copy_for_translation_done
from wagtail_localize.models import NoViewRestrictionsError, TranslationSource

UPSTREAM_SYNC = TranslationSource.sync_view_restrictions


def keep_target_restrictions(self, original, translation_page) -> None:
    """Replaces ``TranslationSource.sync_view_restrictions``: a sync leaves them alone."""
    if not isinstance(original, Page) or not isinstance(translation_page, Page):
        raise NoViewRestrictionsError


def _is_source_language(page: Page) -> bool:
    return page.locale.language_code == settings.LANGUAGE_CODE


def hide_like_the_source(page: Page) -> bool:
    """Make ``page`` (a translation) logged-in only, unless it has a restriction already."""
    if page.alias_of_id or page.view_restrictions.exists():
        return False
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    return True


def _source_restriction_created(sender, instance, created, raw=False, **kwargs):
    if raw or not created:
        return
    page = instance.page
    if not _is_source_language(page):
        return
    translations = (
        Page.objects.filter(translation_key=page.translation_key, alias_of__isnull=True)
        .exclude(pk=page.pk)
        .exclude(view_restrictions__isnull=False)
    )
    for translation in translations:
        hide_like_the_source(translation)


def _copied_for_translation(sender, source_obj, target_obj, **kwargs):
    if not isinstance(target_obj, Page) or target_obj.alias_of_id:
        return
    # Wagtail copied the source's restriction, password and all: the new page's own rows.
    copies = PageViewRestriction.objects.filter(page=target_obj)
    if not copies.exists():
        return
    with transaction.atomic():
        copies.delete()
        if source_obj.view_restrictions.exists():
            hide_like_the_source(target_obj)


def install() -> None:
    """Called once from ``ReviewConfig.ready``."""
    TranslationSource.sync_view_restrictions = keep_target_restrictions
    post_save.connect(
        _source_restriction_created,
        sender=PageViewRestriction,
        dispatch_uid="review_source_restriction_created",
    )
    copy_for_translation_done.connect(
        _copied_for_translation, dispatch_uid="review_restrictions_copied_for_translation"
    )
