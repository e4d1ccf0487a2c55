from django import template

from home.languages import language_direction, language_links, page_language

register = template.Library()


@register.simple_tag(takes_context=True)
def content_language(context):
    """The language of what the reader sees: the page's locale, else the active language."""
    return page_language(context.get("page"))


@register.simple_tag
def text_direction(language_code):
    return language_direction(language_code)


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context.get("request")
    return {"links": language_links(context.get("page"), request), "request": request}
