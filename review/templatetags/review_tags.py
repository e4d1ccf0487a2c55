"""Honest labels for readers: a notice on pages published with unapproved machine text."""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language, gettext

from wagtail.models import Page

from core.languages import language_direction

from ..states import review_state_for_target

register = template.Library()

NOTICE_TEXT = "Den här sidan är maskinöversatt. Ingen person har granskat översättningen ännu."


def _text_language(msgid: str) -> str:
    """The language a translated interface string is shown in (Swedish when untranslated)."""
    language = get_language() or settings.LANGUAGE_CODE
    if language != settings.LANGUAGE_CODE and gettext(msgid) == msgid:
        return settings.LANGUAGE_CODE
    return language


@register.inclusion_tag("review/includes/translation_notice.html", takes_context=True)
def translation_notice(context):
    """The machine-translation notice and the report link for a translated page."""
    page = context.get("page")
    if not isinstance(page, Page) or not page.live or context.get("hide_translation_notice"):
        return {"show": False}
    if page.locale.language_code == settings.LANGUAGE_CODE:
        return {"show": False}
    item = review_state_for_target(page)
    if item is None or item.translation is None:
        return {"show": False}
    request = context.get("request")
    original = item.source_page
    original_url = original.get_url(request=request) if original.live else None
    notice_language = _text_language(NOTICE_TEXT)
    return {
        "show": True,
        "machine": item.unreviewed_machine_text,
        "original_url": original_url,
        "report_url": reverse("report_translation", args=[page.pk]),
        "notice_language": notice_language,
        "notice_direction": language_direction(notice_language),
    }
