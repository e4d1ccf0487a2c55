"""wagtail-localize behaviour that ``review/source_delete.py`` works around: deleting a
source page deletes every string translation of it, in every language, by context."""

from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
    cleanup_translation_on_delete,
)

import pytest
from upstream_guard import changed


@pytest.mark.django_db
def test_cleanup_still_deletes_every_languages_strings_by_context(sv_en, throwaway_page):
    _sv, en = sv_en
    page = throwaway_page("Källa")
    source, _created = TranslationSource.get_or_create_from_instance(page)
    Translation.objects.create(source=source, target_locale=en)
    segment = StringSegment.objects.get(source=source, context__path="title")
    kept = StringTranslation.objects.create(
        translation_of=segment.string,
        locale=en,
        context=segment.context,
        data="Detached",
        translation_type="manual",
    )
    # What review/source_delete.py does (an update: saving one without context fails upstream).
    StringTranslation.objects.filter(pk=kept.pk).update(context=None)
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=en,
        context=segment.context,
        data="Source",
        translation_type="manual",
    )

    cleanup_translation_on_delete(page)

    assert not StringTranslation.objects.filter(data="Source").exists(), changed(
        "review/source_delete.py",
        "deleting a source page no longer deletes the string translations of its targets",
    )
    assert StringTranslation.objects.filter(pk=kept.pk).exists(), changed(
        "review/source_delete.py",
        "a string translation without context is deleted with the source page now",
    )
