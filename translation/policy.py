"""Per-locale policy: engine, machine translation on or off, formality, review-only.

A locale without a ``LocalePolicy`` row uses the defaults: machine translation on, default
formality, and the engine and review-only flag of ``DEFAULT_ENGINES``/``REVIEW_ONLY``
(Azure AI Translator and review-only for Somali and Tigrinya, which DeepL does not offer;
DeepL for the others). Whether the chosen engine can translate into the language is the
engine's own answer (``translation.engines``): a language it does not offer is "human
translation only" and never sent.
"""

from .models import LocalePolicy

DEEPL = "deepl"
AZURE = "azure"
# The engine of a language without a policy row (and what migration 0003 stores).
DEFAULT_ENGINES = {"so": AZURE, "ti": AZURE}
# Languages whose machine drafts start review-only.
REVIEW_ONLY = {"so", "ti"}


def _policy(locale) -> LocalePolicy | None:
    return LocalePolicy.objects.filter(locale=locale).first()


def machine_translation_allowed(locale) -> bool:
    policy = _policy(locale)
    return policy is None or policy.machine_translation_enabled


def formality_for(locale) -> str:
    policy = _policy(locale)
    return policy.formality if policy else "default"


def engine_name_for(locale) -> str:
    policy = _policy(locale)
    if policy is not None:
        return policy.engine
    return DEFAULT_ENGINES.get(locale.language_code, DEEPL)


def is_review_only(locale) -> bool:
    policy = _policy(locale)
    if policy is not None:
        return policy.review_only
    return locale.language_code in REVIEW_ONLY


def ensure_default_policies() -> None:
    """Store the defaults of Somali and Tigrinya as rows (as migration 0003 does for the
    locales that existed then), so the coordinators see them in the language settings."""
    from wagtail.models import Locale

    for locale in Locale.objects.filter(language_code__in=DEFAULT_ENGINES):
        LocalePolicy.objects.get_or_create(
            locale=locale,
            defaults={
                "engine": DEFAULT_ENGINES[locale.language_code],
                "review_only": locale.language_code in REVIEW_ONLY,
            },
        )
