"""Look translatable snippets up in the reader's locale, in a constant number of queries.

Pages copy their links to snippets from the Swedish source when they are translated
(wagtail-localize synchronises foreign keys and many-to-many fields), so a translated page
still points at the Swedish partner or topic. These helpers swap each snippet for its
translation in the active locale when one exists, falling back to the object itself.
"""

from collections.abc import Iterable

from django.conf import settings

from wagtail.models import Locale


def active_locale() -> Locale | None:
    try:
        return Locale.get_active()
    except (LookupError, Locale.DoesNotExist):
        return None


def localize_many(objects: Iterable, locale: Locale | None = None) -> list:
    """Return ``objects`` (translatable instances of one model) in ``locale``; the
    translations come from the shared cache (no query when warm)."""
    objects = list(objects)
    if not objects:
        return []
    locale = locale or active_locale()
    if locale is None:
        return objects
    model = type(objects[0])
    if all(obj.locale_id == locale.id for obj in objects):
        return objects
    translations = translations_in(model, locale)
    return [
        obj if obj.locale_id == locale.id else translations.get(obj.translation_key, obj)
        for obj in objects
    ]


def translations_in(model, locale: Locale) -> dict:
    """{translation_key: object} of every ``model`` object in ``locale``, from the shared
    cache (``portal.content_cache``, forgotten when such an object is saved or deleted), so
    that a translated page costs no more queries than a Swedish one."""
    from portal.content_cache import cached

    def compute():
        objects = model._default_manager.filter(locale=locale).select_related("locale")
        return {obj.translation_key: obj for obj in objects}

    return cached("translations", (model._meta.label, locale.pk), compute)


def snippets_in_locale(queryset, locale: Locale | None = None) -> list:
    """Every object of a translatable snippet queryset once, in ``locale`` where possible.

    The source language (Swedish) decides which objects exist; a translation replaces its
    source when there is one. One query, and the translations from the shared cache.
    """
    locale = locale or active_locale()
    source = queryset.filter(locale__language_code=settings.LANGUAGE_CODE).select_related("locale")
    return localize_many(source, locale)
