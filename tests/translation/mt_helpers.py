"""Helpers shared by the translation tests."""

from wagtail.models import Locale

DEEPL_LANGUAGES = ["en", "ar", "fa", "uk", "pl", "fi"]
# Azure AI Translator's by default (translation.policy); these tests configure Azure only
# through the ``azure`` fixture, so elsewhere they are "not configured".
AZURE_LANGUAGES = ["so", "ti"]
DEEPL_CODES = {"en": "EN-GB", "ar": "AR", "fa": "FA", "uk": "UK", "pl": "PL", "fi": "FI"}


def paragraphs(count: int, prefix: str = "Stycke") -> str:
    """Rich text of ``count`` paragraphs: one segment each."""
    return "".join(
        f"<p>{prefix} {n}: Nässjö kommun arbetar med <b>internationella</b> frågor.</p>"
        for n in range(1, count + 1)
    )


def draft_of(page, code):
    """The target page in ``code`` and the content of its latest (draft) revision."""
    target = page.get_translation(Locale.objects.get(language_code=code)).specific
    return target, target.get_latest_revision_as_object()
