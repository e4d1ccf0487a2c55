"""Translation builders: wagtail-localize's rows, and translated pages made from them.

The factories write what wagtail-localize writes (a ``TranslationSource`` extracted from the
page, a ``Translation`` per target language, a ``StringTranslation`` per segment); the
functions below combine them into what a test or the demo wants: a machine or hand
translation of every string (``translate``), an empty draft ("Translate this page" where no
machine translation is set up: ``start_translation``), one string corrected in the editor
(``edit_string``) and a hand translation published from a table of texts
(``publish_human_translation``, which the demo uses for its home pages).
"""

from django.conf import settings
from django.db import transaction
from django.test import TestCase

from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

import factory

MACHINE = StringTranslation.TRANSLATION_TYPE_MACHINE
MANUAL = StringTranslation.TRANSLATION_TYPE_MANUAL


class TranslationSourceFactory(factory.Factory):
    """The ``TranslationSource`` of ``instance``, made or refreshed as wagtail-localize does."""

    instance = None

    class Meta:
        model = TranslationSource

    @classmethod
    def _create(cls, model_class, instance):
        source, created = model_class.get_or_create_from_instance(instance)
        if not created:
            source.update_from_db()
        return source


class TranslationFactory(factory.django.DjangoModelFactory):
    """A translation of ``source`` (required) into ``target_locale``; an existing one is reused."""

    target_locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="en"))
    enabled = True

    class Meta:
        model = Translation
        django_get_or_create = ("source", "target_locale")


class StringTranslationFactory(factory.django.DjangoModelFactory):
    """The translation of one segment's string in ``locale``, replacing an earlier one.

    Build it from a segment: ``StringTranslationFactory(segment=segment, locale=..., data=...)``.
    """

    translation_of = factory.LazyAttribute(lambda o: o.segment.string)
    context = factory.LazyAttribute(lambda o: o.segment.context)
    data = factory.LazyAttribute(lambda o: f"[{o.locale.language_code}] {o.segment.string.data}")
    translation_type = MACHINE
    tool_name = factory.LazyAttribute(lambda o: "DeepL" if o.translation_type == MACHINE else "")
    last_translated_by = None
    has_error = False

    class Meta:
        model = StringTranslation
        exclude = ["segment"]

    segment = None

    @classmethod
    def _create(cls, model_class, translation_of, locale, context, **values):
        row, _created = model_class.objects.update_or_create(
            translation_of=translation_of, locale=locale, context=context, defaults=values
        )
        return row


def translate_segments(source: TranslationSource, locale: Locale, text=None, **values) -> list:
    """Translate every string segment of ``source`` into ``locale``.

    ``text(segment)`` gives each translation (default: the source text with a language tag).
    """
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    return [
        StringTranslationFactory(
            segment=segment,
            locale=locale,
            **({"data": text(segment)} if text else {}),
            **values,
        )
        for segment in segments
    ]


def _on_commit_now():
    """wagtail-localize publishes on commit; inside a transaction, run it now."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def sync_source(page: Page) -> TranslationSource:
    """The page's ``TranslationSource``, extracted again from the page as it is now."""
    return TranslationSourceFactory(instance=page)


def translate(
    page: Page,
    language_code: str,
    *,
    kind: str = MACHINE,
    publish: bool = False,
    user=None,
    prefix: str | None = None,
) -> Page:
    """Translate every string of ``page`` into ``language_code`` and save the target.

    ``kind`` is "machine" (a machine draft) or "manual"; strings already translated keep
    their text unless they are missing. Returns the target page.
    """
    locale = Locale.objects.get(language_code=language_code)
    source = sync_source(page)
    translation = TranslationFactory(source=source, target_locale=locale)
    prefix = prefix if prefix is not None else f"[{language_code}/{kind}] "
    translate_segments(
        source,
        locale,
        text=lambda segment: prefix + segment.string.data,
        translation_type=kind,
        last_translated_by=user,
    )
    with _on_commit_now():
        translation.save_target(user=user, publish=publish)
    return page.get_translation(locale)


def start_translation(page: Page, language_code: str, user=None) -> Page:
    """What "Translate this page" does for a locale without machine translation."""
    locale = Locale.objects.get(language_code=language_code)
    translation = TranslationFactory(source=sync_source(page), target_locale=locale)
    with _on_commit_now():
        translation.save_target(user=user, publish=False)
    return page.get_translation(locale)


def edit_string(target: Page, text: str, user=None, *, field_path: str = "intro") -> None:
    """A person corrects one string in the editor (what wagtail-localize's API does)."""
    source = TranslationSource.objects.get(
        object_id=target.translation_key, locale__language_code=settings.LANGUAGE_CODE
    )
    segment = StringSegment.objects.select_related("string", "context").get(
        source=source, context__path=field_path
    )
    StringTranslationFactory(
        segment=segment,
        locale=target.locale,
        data=text,
        translation_type=MANUAL,
        last_translated_by=user,
    )


@transaction.atomic
def publish_human_translation(
    source_page: Page, locale: Locale, texts: dict[str, str], *, publish: bool = True
) -> Page:
    """Translate ``source_page`` into ``locale`` with ``texts`` (source text -> translation).

    Strings are matched by their exact source text; segments without an entry in ``texts``
    are left untranslated. Returns the target page.
    """
    source = sync_source(source_page)
    translation = TranslationFactory(source=source, target_locale=locale)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        translated = texts.get(segment.string.data)
        if translated is not None:
            StringTranslationFactory(
                segment=segment, locale=locale, data=translated, translation_type=MANUAL
            )
    # save_target(publish=True) defers the publish to transaction.on_commit; publishing the
    # new revision ourselves makes the result visible at once, inside or outside a transaction.
    translation.save_target(publish=False)
    target = source_page.get_translation(locale)
    if publish:
        target.get_latest_revision().publish()
        target.refresh_from_db()
    return target
