"""DeepL behind the engine interface: a thin adapter over ``translation.deepl``.

Nothing of the DeepL package is rewritten: the translator (``DeepLMachineTranslator``)
keeps its batching, glossary, formality, placeholders for text-only targets, usage and
budget; this only answers the interface's questions with it.
"""

import contextlib

from core.languages import swedish_name

from ..deepl import languages
from ..deepl.errors import MachineTranslationError
from ..deepl.translator import TOOL_NAME, TOOL_NAME_MARKUP_LOST, DeepLMachineTranslator
from .base import BatchOutcome, Capabilities


class DeepLEngine:
    name = "deepl"
    display_name = "DeepL"
    tool_name = TOOL_NAME
    tool_name_markup_lost = TOOL_NAME_MARKUP_LOST
    tool_name_wrong_script = TOOL_NAME_MARKUP_LOST  # not checked for DeepL (see script_check)

    def __init__(self, translator: DeepLMachineTranslator | None = None):
        self.translator = translator or DeepLMachineTranslator()

    def is_configured(self) -> bool:
        return self.translator.is_configured()

    def not_configured_detail(self) -> str:
        return "DEEPL_AUTH_KEY is not set."

    def check(self) -> None:
        """Raise ``MachineTranslationError`` when DeepL cannot be asked at all."""
        self.translator.target_languages()

    def supports(self, locale) -> bool:
        return self.translator.target_code(locale) is not None

    def unsupported_reason(self, locale) -> str:
        from django.utils.translation import gettext as _

        supported = languages.deepl_target_code(locale.language_code) is not None
        if supported and self.is_configured():
            # DeepL cannot be asked now: the language table decides.
            with contextlib.suppress(MachineTranslationError):
                supported = self.supports(locale)
        if supported:
            return ""
        return _("DeepL översätter inte till %(language)s.") % {
            "language": swedish_name(locale.language_code)
        }

    def capabilities(self, locale) -> Capabilities:
        code = self.translator.target_code(locale)
        features = languages.target_features(self.translator.client, code)
        formality = bool(self.translator.target_languages().get(code))
        return Capabilities(
            html=features.tag_handling, glossary=features.glossary, formality=formality
        )

    def translate_in_batches(self, texts, source_locale, target_locale, **options):
        for indexes, outcome in self.translator.translate_in_batches(
            texts, source_locale, target_locale, **options
        ):
            yield indexes, BatchOutcome(outcome.texts, outcome.billed_characters, outcome.model)

    def probe(self) -> bool:
        """Whether DeepL's quota is spent (``get_usage``, billed nothing)."""
        return bool(self.translator.get_usage().character.limit_reached)
