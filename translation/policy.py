"""Per-locale policy: is machine translation switched on, and with which formality.

A locale without a ``LocalePolicy`` row uses the defaults (on, default formality). Whether
DeepL can translate into the language at all is not a policy: the language table
(``core.languages``, no DeepL code for Somali and Tigrinya) and DeepL's own list
(``translation.deepl.languages``) decide, which is why so and ti are "human translation only".
"""

from .models import LocalePolicy


def _policy(locale) -> LocalePolicy | None:
    return LocalePolicy.objects.filter(locale=locale).first()


def machine_translation_allowed(locale) -> bool:
    policy = _policy(locale)
    return policy is None or policy.machine_translation_enabled


def formality_for(locale) -> str:
    policy = _policy(locale)
    return policy.formality if policy else "default"
