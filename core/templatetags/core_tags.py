"""Template tags every app's templates use: the language and direction of what is shown.

``{% load core_tags %}`` in any template. The language switcher and hreflang links are the
home app's furniture (``switcher_tags``).
"""

import datetime

from django import template
from django.conf import settings
from django.template import defaultfilters
from django.templatetags.static import static
from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.timezone import template_localtime

from wagtail.models import Page

from core.languages import LANGUAGES_TABLE, language_direction
from core.localization import alias_source_language, page_language

register = template.Library()


def _page(context) -> Page | None:
    # Views outside Wagtail may put a paginator page or nothing under "page".
    page = context.get("page")
    return page if isinstance(page, Page) else None


@register.simple_tag(takes_context=True)
def content_language(context):
    """The language of what the reader sees: the page's locale, else the active language."""
    return page_language(_page(context))


@register.simple_tag
def text_direction(language_code):
    return language_direction(language_code)


@register.simple_tag(takes_context=True)
def alias_language(context):
    """The language of an alias page's (borrowed) text when it differs from its locale, else ""."""
    return alias_source_language(_page(context))


# The web fonts (site.css) of the script each language is written in. A page preloads its
# own script's fonts so that they usually arrive before the first paint: the text is then
# never drawn in a fallback font first and reflowed (layout shift) when they arrive.
SCRIPT_FONTS = {
    "latin": ["noto-sans-latin-400-normal", "noto-sans-latin-700-normal"],
    "latin-ext": [
        "noto-sans-latin-400-normal",
        "noto-sans-latin-700-normal",
        # Latin Extended-A holds every Polish letter (scripts/build_font_subsets.py).
        "noto-sans-latin-ext-a-400-normal",
        "noto-sans-latin-ext-a-700-normal",
    ],
    "cyrillic": ["noto-sans-cyrillic-400-normal", "noto-sans-cyrillic-700-normal"],
    "arabic": ["noto-sans-arabic-core-400-normal", "noto-sans-arabic-core-700-normal"],
    "ethiopic": ["noto-sans-ethiopic-ethiopic-400-normal"],
}
# The web font subset of each script of the language table (``core.languages``).
SCRIPT_SUBSETS = {"Latn": "latin", "Cyrl": "cyrillic", "Arab": "arabic", "Ethi": "ethiopic"}


def _font_subset(language) -> str:
    if language.script == "Latn" and language.extended_latin:
        return "latin-ext"
    return SCRIPT_SUBSETS[language.script]


# The languages not written in plain Latin, and their subset (the others: "latin").
LANGUAGE_SCRIPTS = {
    language.code: _font_subset(language)
    for language in LANGUAGES_TABLE
    if _font_subset(language) != "latin"
}


# The switcher's names in other scripts (site.css, "Portal Autonyms", a few KB each): a page
# preloads those it draws with them, so that they are there before the first paint and the
# switcher does not rewrap (layout shift) when they arrive.
AUTONYM_FONTS = {
    f"portal-autonyms-{script.lower()}-400": {
        language.code for language in LANGUAGES_TABLE if language.script == script
    }
    for script in ("Arab", "Ethi", "Cyrl")
} | {
    # The brackets of the notes; needed wherever a script subset is (every language).
    "portal-autonyms-punct-400": set(),
}


@register.simple_tag
def font_preloads(language_code):
    fonts = SCRIPT_FONTS[LANGUAGE_SCRIPTS.get(language_code, "latin")] + [
        name for name, languages in AUTONYM_FONTS.items() if language_code not in languages
    ]
    return format_html_join(
        "\n    ",
        '<link rel="preload" href="{}" as="font" type="font/woff2" crossorigin>',
        ((static(f"fonts/{name}.woff2"),) for name in fonts),
    )


@register.simple_tag(takes_context=True)
def langspan(context, language_code, text):
    """Mark a quoted part written in another language, e.g. a Swedish name on an Arabic page.

    ``{% langspan "sv" partner.name %}`` gives ``<span lang="sv" dir="ltr">…</span>`` (the
    ``dir`` isolates it from the surrounding right-to-left text), or the bare escaped text
    when the page is already in that language.
    """
    if not text:
        return ""
    if language_code == page_language(_page(context)):
        return format_html("{}", text)
    return format_html(
        '<span lang="{}" dir="{}">{}</span>', language_code, language_direction(language_code), text
    )


@register.simple_tag(takes_context=True)
def fallback_lang(context, obj):
    """` lang="sv" dir="ltr"` for a translatable object shown in its Swedish source because it
    has no translation in the page's locale (e.g. a strategy goal on the Arabic home page), so
    that the Swedish text is announced and laid out left-to-right; else "".
    """
    page = _page(context)
    locale_id = getattr(obj, "locale_id", None)
    if page is None or locale_id is None or locale_id == page.locale_id:
        return ""
    code = settings.LANGUAGE_CODE
    return format_html(' lang="{}" dir="{}"', code, language_direction(code))


@register.filter
def amount(value, decimal_places=None):
    """A number with the active language's grouping and decimal separator (1 200 000 in sv).

    USE_THOUSAND_SEPARATOR stays off so that years and ids are never grouped; use this filter
    for amounts and counts that need grouping.
    """
    if value is None or value == "":
        return ""
    return number_format(value, decimal_pos=decimal_places, use_l10n=True, force_grouping=True)


@register.simple_tag
def time_element(value, display="DATE_FORMAT", with_time=False):
    """The one way a page shows a date or a moment: ``<time datetime="ISO">readable</time>``.

    The machine-readable value is ISO 8601 (a date, or a moment in the site's time zone with
    its offset), the readable one the active language's ``display`` format, with the time
    after it when ``with_time``. Sentences that carry a date inside a translated text keep
    their ``<time>`` in the msgid instead, so each language places it in its own word order.
    """
    if not value:
        return ""
    value = template_localtime(value)
    text = defaultfilters.date(value, display)
    if with_time and isinstance(value, datetime.datetime):
        text = f"{text} {defaultfilters.time(value, 'TIME_FORMAT')}"
    return format_html('<time datetime="{}">{}</time>', value.isoformat(), text)
