"""Language codes as DeepL wants them, and the target languages DeepL actually offers.

Workaround for wagtail-localize's DeepL translator, which maps ``en`` to the deprecated
``EN`` and offers DeepL for every locale, Somali and Tigrinya included. The codes come from
the language table (``core.languages``: ``en`` -> ``EN-GB``, none for so and ti; re-exported
here for the translator); the list of target languages is asked of the API
(``get_target_languages``) and cached, and a locale whose code is not in it is "human
translation only" and never sent. No upstream issue is filed;
``tests/upstream/test_upstream_deepl.py`` fails, naming this module, when upstream maps
``en`` to a regional English.
"""

import hashlib

from django.core.cache import cache

from core.languages import deepl_source_code, deepl_target_code

__all__ = [
    "deepl_source_code",
    "deepl_target_code",
    "get_glossary_pairs",
    "get_source_languages",
    "get_target_languages",
]

CACHE_SECONDS = 6 * 60 * 60
# Target languages DeepL translates as plain text only (no tag handling, no glossary).
TEXT_ONLY_TARGETS = {"FA"}


def _cache_key(client, kind: str) -> str:
    digest = hashlib.sha256(str(client.server_url).encode()).hexdigest()[:16]
    return f"translation:deepl-{kind}:{digest}"


def get_target_languages(client) -> dict[str, bool]:
    """DeepL's target languages as ``{code: supports_formality}``, cached for some hours.

    Raises the client's exceptions (403, connection errors) when it cannot be asked.
    """
    key = _cache_key(client, "targets")
    languages = cache.get(key)
    if languages is None:
        languages = {
            language.code.upper(): bool(language.supports_formality)
            for language in client.get_target_languages()
        }
        cache.set(key, languages, CACHE_SECONDS)
    return languages


def get_source_languages(client) -> set[str]:
    key = _cache_key(client, "sources")
    languages = cache.get(key)
    if languages is None:
        languages = {language.code.upper() for language in client.get_source_languages()}
        cache.set(key, languages, CACHE_SECONDS)
    return set(languages)


def get_glossary_pairs(client) -> set[tuple[str, str]]:
    """Language pairs (source, target), base codes, for which DeepL makes glossaries."""
    key = _cache_key(client, "glossary-pairs")
    pairs = cache.get(key)
    if pairs is None:
        pairs = [
            (pair.source_lang.upper(), pair.target_lang.upper())
            for pair in client.get_glossary_languages()
        ]
        cache.set(key, pairs, CACHE_SECONDS)
    return {tuple(pair) for pair in pairs}
