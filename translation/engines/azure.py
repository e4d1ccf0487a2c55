"""Azure AI Translator behind the engine interface, with the official client.

``azure-ai-translation-text`` 1.0.1 (Translator API v3.0, which the cloud and the
self-hosted containers both serve). Configuration comes from the environment only
(``portal/settings``):

- cloud: ``AZURE_TRANSLATOR_KEY`` and ``AZURE_TRANSLATOR_REGION`` (a regional or
  multi-service resource), ``AZURE_TRANSLATOR_ENDPOINT`` optional (default: the global
  endpoint; a custom ``*.cognitiveservices.azure.com`` domain works too);
- a container (``mcr.microsoft.com/azure-cognitive-services/translator/text-translation``,
  text kept on the municipality's servers) or the local server
  (``devtools.azure_server``): ``AZURE_TRANSLATOR_ENDPOINT`` alone, no key.

What Azure does and how it is used here:

- retries: the client's own ``RetryPolicy`` retries 429 and 5xx, honouring
  ``Retry-After``, with exponential back-off (``AZURE_TRANSLATOR_MAX_RETRIES``,
  ``AZURE_TRANSLATOR_BACKOFF_SECONDS``); timeouts ``AZURE_TRANSLATOR_TIMEOUT_SECONDS``;
  what still fails is ``RetryLater``. 401, and a 403 other than the free tier's quota, are
  ``ConfigurationError``; 403001 (free quota spent) is ``QuotaExceeded``; other 4xx
  ``RequestRejected``;
- limits: at most 1000 texts and 50,000 characters per request (``make_batches``);
- markup: ``textType=html``; a protected span or term goes as
  ``<span class="notranslate">``, which Azure leaves alone;
- glossary: the coordinators' terms for the language as Azure's dynamic dictionary,
  ``<mstrans:dictionary translation="…">term</mstrans:dictionary>``;
- no formality; every target handles HTML (so no placeholders);
- languages: ``GET /languages?scope=translation`` (no key needed), cached 6 hours per
  endpoint; when it cannot be read, Azure's languages from the table (all the portal's);
- billed characters: the ``X-Metered-Usage`` header (the characters sent, if absent);
- model: Azure v3 reports none; recorded as ``translator-v3.0/general`` (API version and
  category).
"""

import hashlib
import html
import logging
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from azure.ai.translation.text import TextTranslationClient
from azure.core.credentials import AzureKeyCredential
from azure.core.exceptions import (
    AzureError,
    ClientAuthenticationError,
    HttpResponseError,
    ServiceRequestError,
    ServiceResponseError,
)

from core.languages import language_direction, swedish_name

from .. import billing, markup, protect, script_check, usage
from ..deepl.errors import (
    ConfigurationError,
    MachineTranslationError,
    QuotaExceeded,
    RequestRejected,
    RetryLater,
)
from ..models import GlossaryTermTranslation
from .base import BatchOutcome, Capabilities

logger = logging.getLogger(__name__)

NAME = "azure"
TOOL_NAME = "Azure AI Translator"
TOOL_NAME_MARKUP_LOST = "Azure AI Translator – formateringen försvann, kontrollera texten"
TOOL_NAME_WRONG_SCRIPT = "Azure AI Translator – fel skrift eller tomt svar, kontrollera texten"
API_VERSION = "3.0"
CATEGORY = "general"
MAX_TEXTS_PER_REQUEST = 1000
MAX_CHARACTERS_PER_REQUEST = 50_000
CACHE_SECONDS = 6 * 60 * 60
FALLBACK_CACHE_SECONDS = 60 * 60
# Azure's codes for the portal's languages (the same ISO 639-1 codes); all nine are offered.
AZURE_CODES = {
    "sv": "sv",
    "en": "en",
    "ar": "ar",
    "fa": "fa",
    "so": "so",
    "ti": "ti",
    "uk": "uk",
    "pl": "pl",
    "fi": "fi",
}
# Azure's error codes: 403001 is the free tier's quota (the rest of 403 is the key/resource).
QUOTA_CODES = {403001}

_NOTRANSLATE_OUT = re.compile(r'<span id="(span\d+|term)" translate="no">')
_NOTRANSLATE_IN = re.compile(r'<span id="(span\d+|term)" class="notranslate">')
_DICTIONARY = re.compile(
    r'<mstrans:dictionary translation="([^"]*)">(.*?)</mstrans:dictionary>', re.S
)


@dataclass(frozen=True)
class ClientSettings:
    endpoint: str
    key: str
    region: str
    retries: int
    timeout: float
    backoff: float

    @classmethod
    def from_settings(cls) -> "ClientSettings":
        return cls(
            endpoint=(settings.AZURE_TRANSLATOR_ENDPOINT or "").rstrip("/"),
            key=settings.AZURE_TRANSLATOR_KEY or "",
            region=settings.AZURE_TRANSLATOR_REGION or "",
            retries=int(settings.AZURE_TRANSLATOR_MAX_RETRIES),
            timeout=float(settings.AZURE_TRANSLATOR_TIMEOUT_SECONDS),
            backoff=float(settings.AZURE_TRANSLATOR_BACKOFF_SECONDS),
        )


_lock = threading.Lock()
_current: tuple[ClientSettings, TextTranslationClient] | None = None


def is_configured() -> bool:
    """A key (cloud) or an endpoint (container); without either nothing is ever sent."""
    return bool(settings.AZURE_TRANSLATOR_KEY or settings.AZURE_TRANSLATOR_ENDPOINT)


def get_client() -> TextTranslationClient:
    """The one client for the current settings, built again only when they change."""
    global _current
    wanted = ClientSettings.from_settings()
    with _lock:
        if _current is None or _current[0] != wanted:
            if not (wanted.key or wanted.endpoint):
                raise ConfigurationError(
                    "AZURE_TRANSLATOR_KEY or AZURE_TRANSLATOR_ENDPOINT is not set."
                )
            options = {
                "retry_total": wanted.retries,
                "retry_backoff_factor": wanted.backoff,
                "retry_backoff_max": 60,
                "connection_timeout": wanted.timeout,
                "read_timeout": wanted.timeout,
            }
            if wanted.endpoint:
                options["endpoint"] = wanted.endpoint
            if wanted.key:
                options["credential"] = AzureKeyCredential(wanted.key)
                if wanted.region:
                    options["region"] = wanted.region
            _current = (wanted, TextTranslationClient(**options))
        return _current[1]


def classify(error: AzureError) -> MachineTranslationError:
    """Map an ``azure.core`` exception to what the pipeline should do."""
    message = _message(error)
    if isinstance(error, ClientAuthenticationError):
        return ConfigurationError(message)
    if isinstance(error, HttpResponseError) and error.status_code is not None:
        status = error.status_code
        if status == 401:
            return ConfigurationError(message)
        if status == 403:
            if _error_code(error) in QUOTA_CODES:
                return QuotaExceeded(message)
            return ConfigurationError(message)
        if status == 429 or status >= 500 or status == 408:
            return RetryLater(message)
        return RequestRejected(message)
    if isinstance(error, ServiceRequestError | ServiceResponseError):
        return RetryLater(message)
    return RetryLater(message)


def _error_code(error: HttpResponseError) -> int | None:
    try:
        return int(error.response.json()["error"]["code"])
    except Exception:  # noqa: BLE001 - an answer without Azure's error body
        return None


def _message(error: AzureError) -> str:
    status = getattr(error, "status_code", None)
    text = str(getattr(error, "message", "") or error).splitlines()[0][:500]
    return f"Azure AI Translator: {status} {text}" if status else f"Azure AI Translator: {text}"


def make_batches(texts: list[str]) -> list[list[int]]:
    """Indexes of ``texts`` in requests of ≤ 1000 texts and ≤ 50,000 characters, in order.

    A single text over the limit goes alone (Azure refuses it: ``RequestRejected``).
    """
    batches: list[list[int]] = []
    current: list[int] = []
    size = 0
    for index, text in enumerate(texts):
        length = len(text)
        if current and (
            len(current) >= MAX_TEXTS_PER_REQUEST or size + length > MAX_CHARACTERS_PER_REQUEST
        ):
            batches.append(current)
            current, size = [], 0
        current.append(index)
        size += length
    if current:
        batches.append(current)
    return batches


def supported_codes(client: TextTranslationClient) -> set[str]:
    """Azure's translation targets (its codes), from ``/languages``, cached per endpoint."""
    digest = hashlib.sha256(ClientSettings.from_settings().endpoint.encode()).hexdigest()[:16]
    key = f"translation:azure-languages:{digest}"
    cached = cache.get(key)
    if cached is not None:
        return set(cached)
    try:
        result = client.get_supported_languages(scope="translation")
        codes = sorted((result.translation or {}).keys())
        seconds = CACHE_SECONDS
    except AzureError as error:
        logger.warning("Azure's language list could not be read (%s); using the table", error)
        codes = sorted(AZURE_CODES.values())
        seconds = FALLBACK_CACHE_SECONDS
    cache.set(key, codes, seconds)
    return set(codes)


def for_azure(text: str, terms=(), dictionary=None) -> str:
    """Protected spans and terms as ``class="notranslate"``; glossary terms as Azure's
    dynamic dictionary."""
    text = _NOTRANSLATE_OUT.sub(
        r'<span id="\1" class="notranslate">', protect.for_deepl(text, terms)
    )
    if dictionary:
        text = _with_dictionary(text, dictionary)
    return text


def from_azure(text: str, *, isolate_terms: bool = False) -> str:
    text = _DICTIONARY.sub(lambda match: match.group(1), text)
    text = _NOTRANSLATE_IN.sub(r'<span id="\1" translate="no">', text)
    return protect.from_deepl(text, isolate_terms=isolate_terms)


def _with_dictionary(text: str, dictionary: dict[str, str]) -> str:
    terms = sorted(dictionary, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w])(" + "|".join(re.escape(term) for term in terms) + r")(?![\w])")

    def wrap(match):
        target = html.escape(dictionary[match.group(1)], quote=True)
        return f'<mstrans:dictionary translation="{target}">{match.group(1)}</mstrans:dictionary>'

    out, position = [], 0
    for found in re.finditer(r'<span id="(?:span\d+|term)"[^>]*>.*?</span>|<[^>]*>', text, re.S):
        out.append(pattern.sub(wrap, text[position : found.start()]))
        out.append(found.group(0))
        position = found.end()
    out.append(pattern.sub(wrap, text[position:]))
    return "".join(out)


def glossary_for(locale) -> dict[str, str]:
    rows = GlossaryTermTranslation.objects.filter(locale=locale).select_related("term")
    return {
        row.term.term.strip(): row.translation.strip()
        for row in rows
        if row.term.term.strip() and row.translation.strip()
    }


class AzureEngine:
    name = NAME
    display_name = TOOL_NAME
    tool_name = TOOL_NAME
    tool_name_markup_lost = TOOL_NAME_MARKUP_LOST
    tool_name_wrong_script = TOOL_NAME_WRONG_SCRIPT

    def is_configured(self) -> bool:
        return is_configured()

    def not_configured_detail(self) -> str:
        return "AZURE_TRANSLATOR_KEY or AZURE_TRANSLATOR_ENDPOINT is not set."

    @property
    def client(self) -> TextTranslationClient:
        return get_client()

    def check(self) -> None:
        supported_codes(self.client)

    def target_code(self, locale) -> str | None:
        code = AZURE_CODES.get(locale.language_code, locale.language_code)
        return code if code in supported_codes(self.client) else None

    def supports(self, locale) -> bool:
        return self.target_code(locale) is not None

    def unsupported_reason(self, locale) -> str:
        from django.utils.translation import gettext as _

        supported = locale.language_code in AZURE_CODES
        if self.is_configured():
            supported = self.supports(locale)
        if supported:
            return ""
        return _("Azure AI Translator översätter inte till %(language)s.") % {
            "language": swedish_name(locale.language_code)
        }

    def capabilities(self, locale) -> Capabilities:
        return Capabilities(html=True, glossary=True, formality=False)

    def probe(self) -> bool:
        """Whether the key works and the quota has room: one character translated."""
        self._send(["."], "en", None)
        return False

    def _send(self, texts: list[str], target: str, source: str | None) -> tuple[list, int | None]:
        metered: list[int] = []

        def read_usage(response) -> None:
            value = response.http_response.headers.get("X-Metered-Usage")
            if value and value.isdigit():
                metered.append(int(value))

        try:
            results = self.client.translate(
                body=texts,
                to_language=[target],
                from_language=source,
                text_type="html",
                category=CATEGORY,
                raw_response_hook=read_usage,
            )
        except AzureError as error:
            raise classify(error) from error
        return list(results), (metered[-1] if metered else None)

    def translate_batch(self, texts, source_locale, target_locale, *, terms=None) -> BatchOutcome:
        target = self.target_code(target_locale)
        if target is None:
            raise ConfigurationError(f"Azure AI Translator cannot translate into {target_locale}")
        if terms is None:
            terms = protect.protected_terms()
        dictionary = glossary_for(target_locale)
        rtl = language_direction(target_locale.language_code) == "rtl"
        sent = [for_azure(text, terms, dictionary) for text in texts]
        usage.ensure_budget(sum(len(text) for text in sent), engine=NAME)
        usage.ensure_language_budget(target_locale, billing.azure_billed(sent))
        source = AZURE_CODES.get(source_locale.language_code, source_locale.language_code)
        results, metered = self._send(sent, target, source)
        if len(results) != len(texts):
            raise RequestRejected("Azure AI Translator answered a different number of texts.")
        billed = metered if metered is not None else sum(len(text) for text in sent)
        usage.record(target_locale, billed, engine=NAME)
        checked = []
        for text, item in zip(texts, results, strict=True):
            translated = item.translations[0].text if item.translations else ""
            result = markup.check_markup(text, from_azure(translated, isolate_terms=rtl))
            if script_check.problem(text, translated, target_locale.language_code):
                result = markup.CheckedTranslation(result.text, result.markup_lost, True)
            checked.append(result)
        return BatchOutcome(checked, billed, f"translator-v{API_VERSION}/{CATEGORY}")

    def translate_in_batches(self, texts, source_locale, target_locale, **options) -> Iterator:
        options.pop("ignore_tags", None)
        options.pop("title", None)  # context for short strings: DeepL's parameter only
        for indexes in make_batches(texts):
            batch = [texts[i] for i in indexes]
            yield indexes, self.translate_batch(batch, source_locale, target_locale, **options)
