"""Language codes as DeepL wants them, and the target languages DeepL actually offers.

Workaround for wagtail-localize's DeepL translator, which maps ``en`` to the deprecated
``EN`` and offers DeepL for every locale, Somali and Tigrinya included. The codes come from
the language table (``core.languages``: ``en`` -> ``EN-GB``, none for so and ti; re-exported
here for the translator); the list of target languages is asked of the API
(``get_target_languages``) and cached, and a locale whose code is not in it is "human
translation only" and never sent. No upstream issue is filed;
``tests/upstream/test_upstream_deepl.py`` fails, naming this module, when upstream maps
``en`` to a regional English.

What DeepL can do per target language (``target_features``) is read from its language list
``GET /v3/languages?resource=translate_text`` (beta): a language without the
``tag_handling`` feature is translated as plain text with placeholders
(``translation.protect``), one without ``glossary`` is sent without a glossary. The list is
read once a day per server. When the endpoint is not there (404, older servers) or cannot be
reached, that is logged and the language table (``core.languages``: Persian text-only) is
used, and asked again after an hour. The ``deepl`` client (1.32) has no method for this
endpoint; the request goes to the client's own server URL with the client's own headers
(its ``DeepL-Auth-Key`` authorization).
"""

import hashlib
import logging
import urllib.parse
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

import requests

from core.languages import deepl_source_code, deepl_target_code, deepl_text_only_targets

logger = logging.getLogger(__name__)

__all__ = [
    "deepl_source_code",
    "deepl_target_code",
    "get_glossary_pairs",
    "target_features",
    "get_source_languages",
    "get_target_languages",
]

CACHE_SECONDS = 6 * 60 * 60
FEATURES_CACHE_SECONDS = 24 * 60 * 60
FALLBACK_CACHE_SECONDS = 60 * 60
TAG_HANDLING = "tag_handling"
GLOSSARY = "glossary"


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


@dataclass(frozen=True)
class TargetFeatures:
    """What DeepL does for one target language."""

    tag_handling: bool
    glossary: bool

    @property
    def text_only(self) -> bool:
        return not self.tag_handling


def target_features(client, target_code: str) -> TargetFeatures:
    """The features DeepL reports for ``target_code`` (the table's, when it reports none)."""
    reported = _reported_features(client)
    features = reported.get(target_code.upper()) if reported else None
    if features is None:
        features = reported.get(target_code.split("-")[0].upper()) if reported else None
    if features is None:
        text_only = target_code.upper() in deepl_text_only_targets()
        return TargetFeatures(tag_handling=not text_only, glossary=not text_only)
    return TargetFeatures(tag_handling=TAG_HANDLING in features, glossary=GLOSSARY in features)


def _reported_features(client) -> dict[str, list[str]] | None:
    """``{target code: feature names}`` from /v3/languages, cached; None when unavailable."""
    key = _cache_key(client, "target-features")
    cached = cache.get(key)
    if cached is not None:
        return cached.get("features")
    features = _fetch_features(client)
    seconds = FEATURES_CACHE_SECONDS if features is not None else FALLBACK_CACHE_SECONDS
    cache.set(key, {"features": features}, seconds)
    return features


def _fetch_features(client) -> dict[str, list[str]] | None:
    url = urllib.parse.urljoin(str(client.server_url), "v3/languages")
    try:
        response = requests.get(
            url,
            # "product" is the parameter's name in the endpoint's first beta documentation.
            params={"resource": "translate_text", "product": "translate_text"},
            headers=dict(client.headers),
            timeout=float(settings.DEEPL_TIMEOUT_SECONDS),
        )
    except requests.RequestException as error:
        logger.warning("DeepL's language list could not be read (%s); using the table", error)
        return None
    if response.status_code != 200:
        logger.warning("DeepL's language list answered %s; using the table", response.status_code)
        return None
    try:
        return _parse_languages(response.json())
    except ValueError as error:
        logger.warning("DeepL's language list was not understood (%s); using the table", error)
        return None


def _parse_languages(data) -> dict[str, list[str]]:
    """The target languages of the answer and their feature names.

    ``features`` is an object whose keys are the feature names; the first beta documented
    an array of names (or of ``{"name": ...}`` objects), which is read as well.
    """
    if isinstance(data, dict):
        data = data.get("languages", [])
    if not isinstance(data, list):
        raise ValueError("expected a list of languages")
    result = {}
    for language in data:
        if not isinstance(language, dict) or not language.get("lang"):
            raise ValueError("a language without its code")
        if not language.get("usable_as_target", True):
            continue
        features = language.get("features") or {}
        if isinstance(features, dict):
            names = list(features)
        else:
            names = [item.get("name") if isinstance(item, dict) else item for item in features]
            if not all(isinstance(name, str) for name in names):
                raise ValueError("a feature without its name")
        result[str(language["lang"]).upper()] = sorted(names)
    return result
