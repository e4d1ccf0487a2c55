"""Per-locale policy: engine, machine translation on or off, formality, review-only.

The answers come from the language's settings (``translation.language_settings.LanguageSettings``,
one row and one admin screen per language). A locale without a row uses the defaults: machine
translation on, default formality, and the engine and review-only flag the language table gives
(``core.languages.default_engine``: Azure AI Translator and review-only for Somali and
Tigrinya, which DeepL does not offer; DeepL for the others). Whether the chosen engine can
translate into the language is the engine's own answer (``translation.engines``): a language
it does not offer is "human translation only" and never sent.
"""

from core.languages import LANGUAGES_TABLE, default_engine, review_only_by_default

from .language_settings import LanguageSettings

DEEPL = "deepl"
AZURE = "azure"
# The engine of a language without a settings row, where it is not DeepL.
DEFAULT_ENGINES = {
    language.code: language.default_engine
    for language in LANGUAGES_TABLE
    if language.default_engine != DEEPL
}
# Languages whose machine drafts start review-only.
REVIEW_ONLY = {language.code for language in LANGUAGES_TABLE if language.review_only_by_default}


def _policy(locale) -> LanguageSettings | None:
    return LanguageSettings.for_locale(locale)


def machine_translation_allowed(locale) -> bool:
    policy = _policy(locale)
    return policy is None or policy.machine_translation_enabled


def formality_for(locale) -> str:
    policy = _policy(locale)
    return policy.formality if policy else "default"


def engine_name_for(locale) -> str:
    return _engine_of(locale, _policy(locale))


def is_review_only(locale) -> bool:
    return _review_only_of(locale, _policy(locale))


def _engine_of(locale, policy) -> str:
    return policy.engine if policy is not None else default_engine(locale.language_code)


def _review_only_of(locale, policy) -> bool:
    if policy is not None:
        return policy.review_only
    return review_only_by_default(locale.language_code)


def engines_and_review_only(locales) -> dict[int, tuple[str, bool]]:
    """``{locale id: (engine_name_for, is_review_only)}`` for ``locales``, in one query."""
    policies = {row.locale_id: row for row in LanguageSettings.objects.filter(locale__in=locales)}
    return {
        locale.pk: (
            _engine_of(locale, policies.get(locale.pk)),
            _review_only_of(locale, policies.get(locale.pk)),
        )
        for locale in locales
    }


def ensure_default_policies() -> None:
    """Store the defaults of Somali and Tigrinya as rows (as migration 0003 did for the
    locales that existed then), so the coordinators see them in the language settings."""
    from wagtail.models import Locale

    for locale in Locale.objects.filter(language_code__in=DEFAULT_ENGINES):
        LanguageSettings.objects.get_or_create(
            locale=locale,
            defaults={
                "engine": DEFAULT_ENGINES[locale.language_code],
                "review_only": locale.language_code in REVIEW_ONLY,
            },
        )
