"""Locale helpers: the reader's locale, a page's language, snippets in the reader's locale.

Pages copy their links to snippets from the Swedish source when they are translated
(wagtail-localize synchronises foreign keys and many-to-many fields), so a translated page
still points at the Swedish partner or topic. These helpers swap each snippet for its
translation in the active locale when one exists, falling back to the object itself.
"""

from collections.abc import Iterable

from django.conf import settings
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from wagtail.models import Locale, Page


def active_locale() -> Locale | None:
    try:
        return Locale.get_active()
    except (LookupError, Locale.DoesNotExist):
        return None


def page_language(page: Page | None) -> str:
    """The language of a page's locale (the reader's interface language on that page)."""
    if page is not None and getattr(page, "locale_id", None):
        return page.locale.language_code
    return get_language() or settings.LANGUAGE_CODE


def alias_source_language(page: Page | None) -> str:
    """The language the text of an alias page is really written in; "" for other pages.

    An alias in the English tree of a Swedish page shows Swedish text under an /en/ URL.
    """
    if page is None or not getattr(page, "alias_of_id", None):
        return ""
    source = Page.objects.filter(pk=page.alias_of_id).select_related("locale").first()
    if source is None or source.locale_id == page.locale_id:
        return ""
    return source.locale.language_code


def localize_later(related, locale: Locale | None = None) -> SimpleLazyObject:
    """``localize_many(related.all(), locale)``, read the first time a template uses it: a
    page's text kept as a rendered part (``core.fragments``) then costs no query."""
    return SimpleLazyObject(lambda: localize_many(related.all(), locale))


def localize_one(obj, locale: Locale | None = None):
    """``obj`` (a translatable instance, or ``None``) in ``locale``."""
    return localize_many([obj], locale)[0] if obj is not None else None


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
    cache (``core.content_cache``, forgotten when such an object is saved or deleted), so
    that a translated page costs no more queries than a Swedish one."""
    from core.content_cache import cached

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
