"""Honest labels for readers: a notice on pages published with unapproved machine text.

Reads the flag stored when the translation is published or approved
(``review.notice_flags``), through the shared content cache: a translated page costs the
same queries as a Swedish one once the cache is warm.
"""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language, gettext

from wagtail.models import Page

from core import content_cache
from core.languages import language_direction

from ..notice_flags import notice_for

register = template.Library()

NOTICE_TEXT = "Den här sidan är maskinöversatt. Ingen person har granskat översättningen ännu."


def _text_language(msgid: str) -> str:
    """The language a translated interface string is shown in (Swedish when untranslated)."""
    language = get_language() or settings.LANGUAGE_CODE
    if language != settings.LANGUAGE_CODE and gettext(msgid) == msgid:
        return settings.LANGUAGE_CODE
    return language


def _notice_facts(page: Page, request) -> dict | None:
    """What the notice needs, from the stored flag (``None``: no notice on this page)."""
    notice = notice_for(page)
    if not notice.translated or notice.source_page is None:
        return None
    original = notice.source_page
    return {
        "machine": notice.machine_text,
        "original_url": original.get_url(request=request) if original.live else None,
    }


@register.inclusion_tag("review/includes/translation_notice.html", takes_context=True)
def translation_notice(context):
    """The machine-translation notice and the report link for a translated page."""
    page = context.get("page")
    if not isinstance(page, Page) or not page.live or context.get("hide_translation_notice"):
        return {"show": False}
    if page.locale.language_code == settings.LANGUAGE_CODE:
        return {"show": False}
    request = context.get("request")
    facts = content_cache.cached("reader-notice", (page.pk,), lambda: _notice_facts(page, request))
    if facts is None:
        return {"show": False}
    notice_language = _text_language(NOTICE_TEXT)
    return {
        "show": True,
        "machine": facts["machine"],
        "original_url": facts["original_url"],
        "report_url": reverse("report_translation", args=[page.pk]),
        "notice_language": notice_language,
        "notice_direction": language_direction(notice_language),
    }
