"""The site furniture in the reader's locale: the links of a menu and the footer's contact.

The snippets themselves are ``home.models.NavigationLink`` and ``FooterContent``.
"""

from django.conf import settings

from wagtail.models import Page

from core.languages import language_direction
from core.localization import localize_many, snippets_in_locale

from .models import FooterContent, NavigationLink


def menu_links(menu: str, locale, request=None) -> list[dict]:
    """The links of one menu in ``locale``, each pointing at the page's translation when the
    page has a live one. From the furniture cache (``home.cache``); no query when warm."""
    from core.content_cache import cached, current_site

    site = current_site(request)
    return cached(
        "menu",
        (menu, locale.pk if locale else "", site.pk if site else ""),
        lambda: _menu_links(menu, locale, request),
    )


def _menu_links(menu: str, locale, request=None) -> list[dict]:
    links = snippets_in_locale(
        NavigationLink.objects.filter(menu=menu)
        .select_related("page", "page__locale")
        .order_by("sort_order"),
        locale,
    )
    pages = [link.page for link in links if link.page is not None and link.page.live]
    translated = {}
    if locale is not None and pages:
        translated = {
            page.translation_key: page
            for page in Page.objects.live()
            .filter(
                translation_key__in=[page.translation_key for page in pages],
                locale=locale,
                alias_of__isnull=True,
            )
            .select_related("locale")
        }
    source_language = settings.LANGUAGE_CODE
    reader_language = locale.language_code if locale is not None else source_language
    result = []
    for link in links:
        link_translated = locale is not None and link.locale_id == locale.pk
        if link.page is not None:
            if not link.page.live:
                continue
            page = translated.get(link.page.translation_key, link.page)
            page_translated = locale is not None and page.locale_id == locale.pk
            if link_translated and link.label:
                label, label_language = link.label, reader_language
            elif page_translated and not link_translated:
                # The menu link itself is not translated but its page is: the page's own
                # title in the reader's language beats a Swedish label over an Arabic page.
                label, label_language = page.title, reader_language
            else:
                label = link.label or page.title
                label_language = page.locale.language_code if page.locale_id else None
            result.append(
                {
                    "label": label,
                    "url": page.get_url(request),
                    # What the menu needs to mark the current page and its ancestors.
                    "url_path": page.url_path,
                    "depth": page.depth,
                    "lang": page.locale.language_code if page.locale_id else None,
                    "label_lang": label_language,
                    "label_dir": language_direction(label_language or source_language),
                }
            )
        else:
            label_language = reader_language if link_translated else source_language
            result.append(
                {
                    "label": link.label or link.url,
                    "url": link.url,
                    "url_path": None,
                    "lang": None,
                    "label_lang": label_language,
                    "label_dir": language_direction(label_language),
                }
            )
    return result


def footer_content(locale) -> FooterContent | None:
    """The footer in ``locale`` (Swedish where untranslated), from the furniture cache."""
    from core.content_cache import cached

    return cached("footer", (locale.pk if locale else "",), lambda: _footer_content(locale))


def _footer_content(locale) -> FooterContent | None:
    source = (
        FooterContent.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        .select_related("locale")
        .first()
    )
    if source is None:
        return None
    return localize_many([source], locale)[0]
