"""The machine translator for wagtail-localize, built on the official ``deepl`` client.

Workaround for wagtail-localize's own ``DeepLTranslator`` (1.14.5), which
- posts with raw ``requests`` and ignores the HTTP status, so 429/456/5xx become a
  ``KeyError`` and a 500 page;
- sends every string of a page in one request (DeepL takes 50 texts, 128 KiB);
- maps ``en`` to the deprecated ``EN`` and offers DeepL for Somali and Tigrinya.
``tests/upstream/test_upstream_deepl.py`` fails, naming this module, the day
upstream's translator checks the status, batches or maps ``en`` to ``EN-GB``.

This translator uses the one configured ``deepl.DeepLClient`` (``client``: its retries with
backoff for 429, 5xx and dropped connections), batches (``batching``), maps codes and asks
DeepL for its languages (``languages``), checks markup (``translation.markup``), applies the
glossary (``glossary``), records usage and keeps the monthly budget (``translation.usage``).
Failures are raised as the ``errors.MachineTranslationError`` subclasses, so the draft
pipeline can tell "retry later" from "quota" from "bad key".

Registered in settings as ``WAGTAILLOCALIZE_MACHINE_TRANSLATOR``. Without
``DEEPL_AUTH_KEY`` it offers nothing and makes no network request.
"""

import logging
from dataclasses import dataclass

from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue

import deepl

from core.languages import language_direction

from .. import billing, markup, protect, usage
from ..policy import formality_for, machine_translation_allowed
from ..protect import protected_terms
from . import batching, client, glossary, languages
from . import context as request_context
from .errors import ConfigurationError, MachineTranslationError, as_machine_translation_errors

logger = logging.getLogger(__name__)

TOOL_NAME = "DeepL"
TOOL_NAME_MARKUP_LOST = "DeepL – formateringen försvann, kontrollera texten"


@dataclass
class BatchOutcome:
    """The checked translations of one request, in the order of the texts sent."""

    texts: list[markup.CheckedTranslation]
    billed_characters: int
    # DeepL's ``model_type_used`` when it reports one (provenance of the machine strings).
    model: str = ""


class DeepLMachineTranslator(BaseMachineTranslator):
    display_name = "DeepL"

    def __init__(self, options=None):
        super().__init__(options or {})

    # Configuration ----------------------------------------------------------------------
    def is_configured(self) -> bool:
        return client.is_configured()

    @property
    def client(self) -> deepl.DeepLClient:
        return client.get_client()

    def get_usage(self) -> deepl.Usage:
        """DeepL's own count for the account (billed nothing)."""
        with as_machine_translation_errors():
            return self.client.get_usage()

    def target_languages(self) -> dict[str, bool]:
        with as_machine_translation_errors():
            return languages.get_target_languages(self.client)

    def target_code(self, locale) -> str | None:
        """DeepL's code for ``locale``, or None when DeepL cannot translate into it."""
        code = languages.deepl_target_code(locale.language_code)
        return code if code in self.target_languages() else None

    def can_translate(self, source_locale, target_locale) -> bool:
        if not self.is_configured() or source_locale == target_locale:
            return False
        if not machine_translation_allowed(target_locale):
            return False
        try:
            return self.target_code(target_locale) is not None
        except MachineTranslationError:
            logger.warning("DeepL could not be asked for its languages", exc_info=True)
            return False

    # Translating ------------------------------------------------------------------------
    def formality_for(self, locale, target_code: str) -> str | None:
        formality = formality_for(locale)
        if formality == "default" or not self.target_languages().get(target_code):
            return None
        return formality

    def translate_batch(
        self,
        texts: list[str],
        source_locale,
        target_locale,
        *,
        ignore_tags=(),
        terms=None,
        context=None,
    ) -> BatchOutcome:
        """Send one request (the caller keeps it within the limits) and check the results.

        Text inside ``ignore_tags`` elements is left untranslated by DeepL. ``terms``: the
        always-protected terms of the page's site (default: the default site's).
        ``context``: surrounding text that steers the translation of every text of the
        request, neither translated nor billed (``translation.deepl.context``).
        """
        target_code = self.target_code(target_locale)
        if target_code is None:
            raise ConfigurationError(f"DeepL cannot translate into {target_locale}")
        source_code = languages.deepl_source_code(source_locale.language_code)
        # Protected words (translation/protect.py): translate="no" where DeepL handles tags,
        # numbered placeholders for the languages DeepL translates as text only.
        if terms is None:
            terms = protected_terms()
        features = languages.target_features(self.client, target_code)
        text_only = features.text_only
        rtl = language_direction(target_locale.language_code) == "rtl"
        marked = [protect.for_deepl(text, terms) for text in texts]
        if text_only:
            prepared = [protect.to_placeholders(text) for text in marked]
            sent = [text for text, _originals in prepared]
        else:
            sent = marked
        usage.ensure_budget(sum(len(text) for text in sent))
        usage.ensure_language_budget(target_locale, billing.deepl_billed(sent, text_only=text_only))
        kwargs = {}
        formality = self.formality_for(target_locale, target_code)
        if formality:
            kwargs["formality"] = formality
        glossary_id = None
        if features.glossary:
            glossary_id = glossary.glossary_for(self.client, source_code, target_code)
        if glossary_id:
            kwargs["glossary"] = glossary_id
        if ignore_tags and not text_only:
            kwargs["ignore_tags"] = list(ignore_tags)
        if not text_only:
            kwargs["tag_handling"] = "html"
        if context:
            kwargs["context"] = context
        with as_machine_translation_errors():
            results = self.client.translate_text(
                sent, source_lang=source_code, target_lang=target_code, **kwargs
            )
        billed = sum(result.billed_characters or 0 for result in results)
        usage.record(target_locale, billed)
        checked = []
        for index, (text, result) in enumerate(zip(texts, results, strict=True)):
            translated = result.text
            if text_only:
                originals = prepared[index][1]
                if not protect.placeholders_intact(translated, len(originals)):
                    salvaged = protect.salvage(translated, originals)
                    checked.append(
                        markup.CheckedTranslation(markup.plain_text(salvaged), markup_lost=True)
                    )
                    continue
                translated = protect.from_placeholders(translated, originals)
            back = protect.from_deepl(translated, isolate_terms=rtl)
            checked.append(markup.check_markup(text, back))
        model = next(
            (r.model_type_used for r in results if getattr(r, "model_type_used", None)), ""
        )
        return BatchOutcome(checked, billed, model or "")

    def translate_in_batches(
        self,
        texts: list[str],
        source_locale,
        target_locale,
        *,
        title="",
        with_context=True,
        **options,
    ):
        """Yield ``(indexes, BatchOutcome)`` per request; stops at the first error.

        Short texts go with a ``context`` (the page ``title`` and their neighbour,
        ``translation.deepl.context``), in requests of their own; ``with_context=False``
        for texts that are not one page's (the interface catalogs).
        """
        if with_context:
            requests = request_context.make_batches(texts, title)
        else:
            requests = [(indexes, None) for indexes in batching.make_batches(texts)]
        for indexes, context_text in requests:
            batch = [texts[i] for i in indexes]
            yield (
                indexes,
                self.translate_batch(
                    batch, source_locale, target_locale, context=context_text, **options
                ),
            )

    def translate(self, source_locale, target_locale, strings):
        """wagtail-localize's entry point (the editor's "Translate with DeepL" button).

        Returns what could be translated; a failure part-way is logged and the strings
        not translated are left for the next attempt instead of ending in a 500 page.
        """
        strings = list(strings)
        texts = [string.data for string in strings]
        translations = {}
        try:
            for indexes, outcome in self.translate_in_batches(texts, source_locale, target_locale):
                for index, checked in zip(indexes, outcome.texts, strict=True):
                    translations[strings[index]] = StringValue(checked.text)
        except MachineTranslationError:
            logger.warning("Machine translation stopped part-way", exc_info=True)
        return translations
