"""Plain texts through the same DeepL translator as the page drafts.

For tools that translate something other than a page, such as the interface catalogs
(``manage.py translate_catalogs``): the same client, batches, glossary, formality, usage
records and monthly budget as the draft pipeline.
"""

import re

from django.conf import settings

from wagtail.models import Locale

from core.markup import PLACEHOLDER

from .deepl.errors import ConfigurationError, MachineTranslationError
from .deepl.translator import DeepLMachineTranslator

# gettext and str.format placeholders (core.markup) must come back exactly as they went out.
TAG = re.compile(r"(<[^>]*>)")
KEEP = "ph"


def protect_placeholders(text: str) -> str:
    """Wrap placeholders outside tags in an element DeepL is told to leave alone."""
    parts = TAG.split(text)
    return "".join(
        part if TAG.fullmatch(part) else PLACEHOLDER.sub(rf"<{KEEP}>\g<0></{KEEP}>", part)
        for part in parts
    )


def unprotect_placeholders(text: str) -> str:
    return text.replace(f"<{KEEP}>", "").replace(f"</{KEEP}>", "")


def translate_texts(texts: list[str], target_lang: str) -> list[str]:
    """Translate Swedish ``texts`` into the site language ``target_lang``, in order.

    Raises ``MachineTranslationError`` (with a message for people) when DeepL is not
    configured, cannot translate into the language, or stops part-way.
    """
    translator = DeepLMachineTranslator()
    if not translator.is_configured():
        raise ConfigurationError("DEEPL_AUTH_KEY is not set.")
    try:
        source = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        target = Locale.objects.get(language_code=target_lang)
    except Locale.DoesNotExist as error:
        raise MachineTranslationError(f"No locale for {target_lang!r} in this site.") from error
    if not translator.can_translate(source, target):
        raise MachineTranslationError(f"DeepL does not translate into {target_lang!r} here.")
    results: list[str | None] = [None] * len(texts)
    protected = [protect_placeholders(text) for text in texts]
    # Unrelated interface strings side by side: a neighbour is no context for them.
    batches = translator.translate_in_batches(
        protected, source, target, ignore_tags=[KEEP], with_context=False
    )
    for indexes, outcome in batches:
        for index, checked in zip(indexes, outcome.texts, strict=True):
            results[index] = unprotect_placeholders(checked.text)
    return results
