"""Locale helpers: the reader's locale, a page's language, snippets in the reader's locale.

Pages copy their links to snippets from the Swedish source when they are translated
(wagtail-localize synchronises foreign keys and many-to-many fields), so a translated page
still points at the Swedish partner or topic. These helpers swap each snippet for its
translation in the active locale when one exists, falling back to the object itself.
"""

from collections.abc import Iterable

from django.conf import settings
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


def localize_many(objects: Iterable, locale: Locale | None = None) -> list:
    """Return ``objects`` (translatable instances of one model) in ``locale``: one query."""
    objects = list(objects)
    if not objects:
        return []
    locale = locale or active_locale()
    if locale is None:
        return objects
    model = type(objects[0])
    keys = {obj.translation_key for obj in objects if obj.locale_id != locale.id}
    if not keys:
        return objects
    translations = {
        obj.translation_key: obj
        for obj in model._default_manager.filter(translation_key__in=keys, locale=locale)
    }
    return [
        obj if obj.locale_id == locale.id else translations.get(obj.translation_key, obj)
        for obj in objects
    ]


def snippets_in_locale(queryset, locale: Locale | None = None) -> list:
    """Every object of a translatable snippet queryset once, in ``locale`` where possible.

    The source language (Swedish) decides which objects exist; a translation replaces its
    source when there is one. Two queries.
    """
    locale = locale or active_locale()
    source = queryset.filter(locale__language_code=settings.LANGUAGE_CODE)
    return localize_many(source, locale)
