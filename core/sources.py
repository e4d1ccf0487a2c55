"""The source side of translation: which pages are translated, and their TranslationSource.

The draft pipeline (``translation``) and the review states (``review``) ask the same
questions and must agree on the answers, yet never import each other: both ask here.
"""

from django.conf import settings

from wagtail.models import Page
from wagtail_localize.models import TranslationSource


def source_pages():
    """Live pages of the source locale, everything but the root, parents before children."""
    return (
        Page.objects.live()
        .filter(depth__gt=1, locale__language_code=settings.LANGUAGE_CODE)
        .order_by("path")
    )


def translation_source_for(page: Page) -> TranslationSource | None:
    """The page's ``TranslationSource`` as last synchronised; ``None`` before the first."""
    return (
        TranslationSource.objects.filter(object_id=page.translation_key, locale_id=page.locale_id)
        .order_by("-last_updated_at")
        .first()
    )
