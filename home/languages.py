"""Which language a reader is in, and where each other language leads from here."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language, get_language_info

from wagtail.models import Locale, Page, Site


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool
    # True when the page has a published translation in this language; False when the
    # link falls back to that language's home page.
    is_translation: bool


def language_direction(code: str) -> str:
    return "rtl" if get_language_info(code)["bidi"] else "ltr"


def page_language(page: Page | None) -> str:
    """The language a page's content is written in (not merely the URL prefix)."""
    if page is not None and getattr(page, "locale_id", None):
        return page.locale.language_code
    return get_language() or settings.LANGUAGE_CODE


def language_links(page: Page | None, request) -> list[LanguageLink]:
    """One link per site language: the page's live translation, else that language's home."""
    current = get_language()
    site = Site.find_for_request(request) if request else None
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    translations = {}
    if page is not None and getattr(page, "translation_key", None):
        for translation in (
            Page.objects.live()
            .filter(translation_key=page.translation_key)
            .select_related("locale")
        ):
            translations[translation.locale.language_code] = translation
    homes = {}
    if site is not None:
        for home in Page.objects.live().filter(translation_key=site.root_page.translation_key):
            homes[home.locale_id] = home

    links = []
    for code, name in settings.LANGUAGES:
        locale = locales.get(code)
        target = translations.get(code)
        is_translation = target is not None
        if target is None and locale is not None:
            target = homes.get(locale.id)
        if target is None:
            continue
        links.append(
            LanguageLink(
                code=code,
                name=name,
                url=target.get_url(request=request),
                is_current=code == current,
                is_translation=is_translation,
            )
        )
    return links
