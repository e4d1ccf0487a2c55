"""The language switcher and the canonical and hreflang links of a page."""

from django import template
from django.conf import settings

from wagtail.models import Page

from core.absolute_urls import absolute as absolute_url
from home.languages import language_links, published_translations

register = template.Library()


def _page(context) -> Page | None:
    # Views outside Wagtail may put a paginator page or nothing under "page".
    page = context.get("page")
    return page if isinstance(page, Page) else None


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context.get("request")
    links = language_links(_page(context), request)
    return {
        "links": links,
        "has_fallback": any(link.is_fallback for link in links),
        "request": request,
    }


@register.inclusion_tag("includes/alternates.html", takes_context=True)
def language_alternates(context):
    """<link rel=canonical> and hreflang alternates, for published translations only.

    An alias page (Swedish text under another language's URL) gets a canonical link to the
    page whose text it shows and no alternates of its own.
    """
    request = context.get("request")
    page = _page(context)
    result = {"canonical": "", "alternates": [], "x_default": ""}
    if page is None or request is None or not page.live:
        return result

    def absolute(p: Page) -> str:
        url = p.get_url(request=request)
        return absolute_url(url)

    if page.alias_of_id is not None:
        source = Page.objects.filter(pk=page.alias_of_id).first()
        result["canonical"] = absolute(source) if source is not None and source.live else ""
        return result
    translations = published_translations(page, request)
    result["canonical"] = absolute(page)
    site_languages = [code for code, _name in settings.LANGUAGES]
    if len(translations) > 1:
        result["alternates"] = [
            (code, absolute(translations[code])) for code in site_languages if code in translations
        ]
        source = translations.get(settings.LANGUAGE_CODE)
        result["x_default"] = absolute(source) if source is not None else ""
    return result
