"""The site furniture in the reader's locale: the links of a menu and the footer's contact.

The snippets themselves are ``home.models.NavigationLink`` and ``FooterContent``.
"""

from django.conf import settings

from wagtail.models import Page

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
    result = []
    for link in links:
        if link.page is not None:
            if not link.page.live:
                continue
            page = translated.get(link.page.translation_key, link.page)
            result.append(
                {
                    "label": link.label or page.title,
                    "url": page.get_url(request),
                    # What the menu needs to mark the current page and its ancestors.
                    "url_path": page.url_path,
                    "depth": page.depth,
                    "lang": page.locale.language_code if page.locale_id else None,
                }
            )
        else:
            result.append({"label": link.label or link.url, "url": link.url, "url_path": None})
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
