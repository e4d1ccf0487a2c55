"""Store hand-written translations of a source page the way wagtail-localize keeps them.

The demo loader uses this to publish real, human translations (not Swedish fallback) in
each language. Strings are matched by their exact source text.
"""

from django.db import transaction

from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


@transaction.atomic
def publish_human_translation(
    source_page: Page, locale: Locale, texts: dict[str, str], *, publish: bool = True
) -> Page:
    """Translate ``source_page`` into ``locale`` with ``texts`` (source text -> translation).

    Segments without an entry in ``texts`` are left untranslated. Returns the target page.
    """
    source, _ = TranslationSource.get_or_create_from_instance(source_page)
    source.update_from_db()
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        translated = texts.get(segment.string.data)
        if translated is None:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": translated,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "has_error": False,
            },
        )
    # save_target(publish=True) defers the publish to transaction.on_commit; publishing the
    # new revision ourselves makes the result visible at once, inside or outside a transaction.
    translation.save_target(publish=False)
    target = source_page.get_translation(locale)
    if publish:
        target.get_latest_revision().publish()
        target.refresh_from_db()
    return target
