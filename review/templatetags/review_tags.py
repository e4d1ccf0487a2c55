"""Honest labels for readers: a notice on pages published with unapproved machine text.

Reads the flag stored when the translation is published or approved
(``review.notice_flags``), through the shared content cache: a translated page costs the
same queries as a Swedish one once the cache is warm.
"""

from django import template
from django.conf import settings
from django.template.defaultfilters import date as date_format
from django.urls import reverse
from django.utils.translation import get_language, gettext, gettext_noop

from wagtail.models import Page

from core import content_cache
from core.languages import language_direction
from organisation.lookup import for_request
from translation import provenance

from ..notice_flags import notice_for

register = template.Library()

NOTICE_TEXT = gettext_noop(
    "Den här sidan är maskinöversatt. Ingen person har granskat översättningen ännu."
)
# The same notice naming the engine and the date of the latest machine string (the EU AI
# Act's transparency duty: readers learn the kind of system that wrote the text, and when).
NOTICE_TEXT_ENGINE = gettext_noop(
    "Den här sidan är maskinöversatt (maskinöversättningstjänst: %(engine)s, %(date)s). "
    "Ingen person har granskat översättningen ännu."
)


# Shown on reviewed pages that began as machine text, when the organisation chooses so
# (``OrganisationSettings.says_reviewed_machine_translation``).
REVIEWED_TEXT_ENGINE = gettext_noop(
    "Den här sidan översattes med maskinstöd (%(engine)s) och har granskats av en person."
)


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
        # Reviewed pages keep theirs too: the line saying a person reviewed machine text.
        "provenance": provenance.latest_for(page),
    }


def _notice_sentence(latest) -> str:
    """The notice's first sentence in the reader's language, naming the engine and the date
    of ``latest`` (a ``translation.provenance.Provenance``, the date formatted by Django's
    ``date`` filter in the active language) when they are known."""
    if latest is None:
        return gettext(NOTICE_TEXT)
    return gettext(NOTICE_TEXT_ENGINE) % {
        "engine": latest.engine,
        "date": date_format(latest.date, "j F Y"),
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
    latest = facts.get("provenance")
    if facts["machine"]:
        notice_language = _text_language(NOTICE_TEXT_ENGINE if latest else NOTICE_TEXT)
        sentence = _notice_sentence(latest)
    else:
        notice_language = _text_language(REVIEWED_TEXT_ENGINE)
        organisation = for_request(request) if request is not None else None
        says_reviewed = organisation and organisation.says_reviewed_machine_translation
        sentence = (
            gettext(REVIEWED_TEXT_ENGINE) % {"engine": latest.engine}
            if latest and says_reviewed
            else ""
        )
    return {
        "show": True,
        "machine": facts["machine"],
        "notice_sentence": sentence,
        "original_url": facts["original_url"],
        "report_url": reverse("report_translation", args=[page.pk]),
        "notice_language": notice_language,
        "notice_direction": language_direction(notice_language),
    }
