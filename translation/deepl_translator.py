"""The machine translator for wagtail-localize, built on the official ``deepl`` client.

Workaround for wagtail-localize's own ``DeepLTranslator`` (1.14.5), which
- posts with raw ``requests`` and ignores the HTTP status, so 429/456/5xx become a
  ``KeyError`` and a 500 page;
- sends every string of a page in one request (DeepL takes 50 texts, 128 KiB);
- maps ``en`` to the deprecated ``EN`` and offers DeepL for Somali and Tigrinya.

This translator uses ``deepl.DeepLClient`` (its retries with backoff for 429, 5xx and
dropped connections), batches (``translation.batching``), maps codes and asks DeepL for
its languages (``translation.languages``), checks markup (``translation.markup``), applies
the glossary (``translation.glossary``), records usage and keeps the monthly budget
(``translation.usage``). Errors are raised as the ``MachineTranslationError`` subclasses
below so the draft pipeline can tell "retry later" from "quota" from "bad key".

Registered in settings as ``WAGTAILLOCALIZE_MACHINE_TRANSLATOR``; the key and server come
from ``DEEPL_AUTH_KEY`` and ``DEEPL_SERVER_URL`` (or the ``AUTH_KEY``/``SERVER_URL``
options). Without a key it offers nothing and makes no network request.
"""

import logging
import threading
from dataclasses import dataclass

from django.conf import settings

from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue

import deepl
from deepl import http_client

from . import batching, glossary, languages, markup, usage

logger = logging.getLogger(__name__)

TOOL_NAME = "DeepL"
TOOL_NAME_MARKUP_LOST = "DeepL – formateringen försvann, kontrollera texten"


class MachineTranslationError(Exception):
    """A request to DeepL failed; the subclass says what to do about it."""


class RetryLater(MachineTranslationError):
    """429/5xx after the client's own retries, a timeout or a dropped connection."""


class QuotaExceeded(MachineTranslationError):
    """DeepL answered 456: the account's characters for the period are spent."""


class ConfigurationError(MachineTranslationError):
    """DeepL answered 403: the key is wrong or not allowed."""


class RequestRejected(MachineTranslationError):
    """DeepL refused the request itself (400, 413...): retrying the same will not help."""


class BudgetExhausted(MachineTranslationError):
    """Our own monthly character budget would be passed."""


def classify(error: Exception) -> MachineTranslationError:
    """Map a ``deepl`` exception to what the pipeline should do."""
    if isinstance(error, deepl.AuthorizationException):
        return ConfigurationError(str(error))
    if isinstance(error, deepl.QuotaExceededException):
        return QuotaExceeded(str(error))
    if isinstance(error, deepl.ConnectionException | deepl.TooManyRequestsException):
        return RetryLater(str(error))
    if isinstance(error, deepl.DeepLException):
        status = getattr(error, "http_status_code", None)
        if status is None or status >= 500 or error.should_retry:
            return RetryLater(str(error))
        return RequestRejected(str(error))
    return RetryLater(str(error))


def configure_network() -> None:
    """Apply the retry/timeout settings to the deepl client's module-level knobs.

    ``max_network_retries`` and ``min_connection_timeout`` are the client's documented
    module settings; the initial backoff is a class attribute of its (private) backoff
    timer, set here so that tests do not sleep a second per retry.
    """
    http_client.max_network_retries = int(settings.DEEPL_MAX_NETWORK_RETRIES)
    http_client.min_connection_timeout = float(settings.DEEPL_TIMEOUT_SECONDS)
    http_client._BackoffTimer.BACKOFF_INITIAL = float(settings.DEEPL_BACKOFF_INITIAL_SECONDS)


_clients: dict[tuple[str, str], deepl.DeepLClient] = {}
_clients_lock = threading.Lock()


def get_client(auth_key: str, server_url: str) -> deepl.DeepLClient:
    configure_network()
    with _clients_lock:
        client = _clients.get((auth_key, server_url))
        if client is None:
            client = deepl.DeepLClient(
                auth_key, server_url=server_url or None, send_platform_info=False
            )
            client.set_app_info("nassjo-international-portal", "1.0")
            _clients[(auth_key, server_url)] = client
        return client


@dataclass
class BatchOutcome:
    """The checked translations of one request, in the order of the texts sent."""

    texts: list[markup.CheckedTranslation]
    billed_characters: int


class DeepLMachineTranslator(BaseMachineTranslator):
    display_name = "DeepL"

    def __init__(self, options=None):
        super().__init__(options or {})

    # Configuration ----------------------------------------------------------------------
    @property
    def auth_key(self) -> str:
        return self.options.get("AUTH_KEY") or settings.DEEPL_AUTH_KEY

    @property
    def server_url(self) -> str:
        return self.options.get("SERVER_URL") or settings.DEEPL_SERVER_URL

    def is_configured(self) -> bool:
        return bool(self.auth_key)

    @property
    def client(self) -> deepl.DeepLClient:
        return get_client(self.auth_key, self.server_url)

    def call(self, method: str, *args, **kwargs):
        """Call a client method, raising ``MachineTranslationError`` subclasses."""
        try:
            return getattr(self.client, method)(*args, **kwargs)
        except deepl.DeepLException as error:
            raise classify(error) from error

    def target_languages(self) -> dict[str, bool]:
        try:
            return languages.get_target_languages(self.client)
        except deepl.DeepLException as error:
            raise classify(error) from error

    def target_code(self, locale) -> str | None:
        """DeepL's code for ``locale``, or None when DeepL cannot translate into it."""
        code = languages.deepl_target_code(locale.language_code)
        return code if code in self.target_languages() else None

    def can_translate(self, source_locale, target_locale) -> bool:
        if not self.is_configured() or source_locale == target_locale:
            return False
        from .policy import machine_translation_allowed

        if not machine_translation_allowed(target_locale):
            return False
        try:
            return self.target_code(target_locale) is not None
        except MachineTranslationError:
            logger.warning("DeepL could not be asked for its languages", exc_info=True)
            return False

    # Translating ------------------------------------------------------------------------
    def formality_for(self, locale, target_code: str) -> str | None:
        from .policy import formality_for

        formality = formality_for(locale)
        if formality == "default" or not self.target_languages().get(target_code):
            return None
        return formality

    def translate_batch(
        self, texts: list[str], source_locale, target_locale, *, ignore_tags=()
    ) -> BatchOutcome:
        """Send one request (the caller keeps it within the limits) and check the results.

        Text inside ``ignore_tags`` elements is left untranslated by DeepL.
        """
        target_code = self.target_code(target_locale)
        if target_code is None:
            raise ConfigurationError(f"DeepL cannot translate into {target_locale}")
        source_code = languages.deepl_source_code(source_locale.language_code)
        try:
            usage.ensure_budget(sum(len(text) for text in texts))
        except usage.BudgetExhausted as error:
            raise BudgetExhausted(str(error)) from error
        kwargs = {}
        formality = self.formality_for(target_locale, target_code)
        if formality:
            kwargs["formality"] = formality
        glossary_id = glossary.glossary_for(self, source_code, target_code)
        if glossary_id:
            kwargs["glossary"] = glossary_id
        if ignore_tags:
            kwargs["ignore_tags"] = list(ignore_tags)
        results = self.call(
            "translate_text",
            texts,
            source_lang=source_code,
            target_lang=target_code,
            tag_handling="html",
            **kwargs,
        )
        billed = sum(result.billed_characters or 0 for result in results)
        usage.record(target_locale, billed)
        checked = [
            markup.check_markup(text, result.text)
            for text, result in zip(texts, results, strict=True)
        ]
        return BatchOutcome(checked, billed)

    def translate_in_batches(self, texts: list[str], source_locale, target_locale, **options):
        """Yield ``(indexes, BatchOutcome)`` per request; stops at the first error."""
        for indexes in batching.make_batches(texts):
            batch = [texts[i] for i in indexes]
            yield indexes, self.translate_batch(batch, source_locale, target_locale, **options)

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
