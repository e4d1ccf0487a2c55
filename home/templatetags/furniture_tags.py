"""Template tags for the site furniture managed in the CMS: navigation, footer, search."""

from django import template
from django.conf import settings
from django.utils.translation import get_language

from core.content_cache import locale_for
from home.models import NavigationLink
from home.navigation import footer_content, menu_links

register = template.Library()


def _locale():
    """The active language's locale, from the furniture cache."""
    return locale_for(get_language() or "") or locale_for(settings.LANGUAGE_CODE)


@register.inclusion_tag("home/includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    request = context.get("request")
    page = context.get("page")
    links = [dict(link) for link in menu_links(NavigationLink.Menu.MAIN, _locale(), request)]
    current_path = getattr(page, "url_path", None)
    for link in links:
        target = link["url_path"]
        link["is_current"] = bool(target and current_path and current_path == target)
        link["is_ancestor"] = bool(
            target
            and current_path
            and not link["is_current"]
            and link["depth"] > 2
            and current_path.startswith(target)
        )
    return {"links": links, "request": request, "LANGUAGE_CODE": get_language()}


@register.inclusion_tag("home/includes/site_footer.html", takes_context=True)
def site_footer(context):
    request = context.get("request")
    locale = _locale()
    footer = footer_content(locale)
    return {
        "footer": footer,
        # Untranslated contact details are Swedish: say so to screen readers.
        "footer_lang": (
            footer.locale.language_code
            if footer is not None and locale is not None and footer.locale_id != locale.id
            else None
        ),
        "links": menu_links(NavigationLink.Menu.FOOTER, locale, request),
        "request": request,
        "organisation": context.get("organisation"),
        "LANGUAGE_CODE": get_language(),
    }
