"""What machine translation and an agency would cost, before anything is sent.

Coordinators decide on a backfill (or a large publish) knowing its price. For a list of
``(source page, target locale)`` pairs (``page_work`` for one page's publish,
``backfill_work`` for what ``backfill_translations`` would do) ``estimate`` walks the pages
as the pipeline (``translation.pipeline``) would, without writing anything:

- the page's string segments are extracted from the live page (wagtail-localize's
  ``extract_segments``, what ``TranslationSource`` stores); a segment that already has a
  translation in its own context is left alone, one whose text the translation memory
  knows (``translation.memory.best_translations``), or that an earlier page of the same run
  will have sent, is a memory match; the rest is sent, each distinct text once per page;
- the characters are those the language's engine bills for exactly what it would be sent
  (``translation.billing``: protected terms, placeholders for text-only languages, Azure's
  dynamic dictionary), the DeepL ``context`` not included as DeepL does not bill it;
- the words an agency would translate are banded as agencies price them: 100 % (the memory
  has the identical text, or it repeats within the run), 75–99 % (``rapidfuzz``'s ratio
  against the texts the memory has for the language, tags removed) and new;
- money: the engine prices per 1,000 characters from the environment
  (``DEEPL_PRICE_PER_1000_CHARACTERS``, ``AZURE_TRANSLATOR_PRICE_PER_1000_CHARACTERS``) and
  the agency's prices per word and band from the language's settings (``LanguageSettings``).

A language without machine translation (switched off, or not offered by its engine) gets
agency words only. The carried-forward translations (``translation.carry_forward``) are counted
as sent, since the pipeline offers the machine translation of the new text beside them.
"""

import html
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings

from wagtail_localize.models import String, StringTranslation, TranslationContext
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from rapidfuzz import fuzz, process

from core.sources import source_pages

from . import billing, memory, pipeline, usage
from .carry_forward import TOOL_NAME as CARRIED
from .deepl import client as deepl_client
from .deepl import languages as deepl_languages
from .engines import get_engine
from .engines.azure import for_azure, glossary_for
from .language_settings import LanguageSettings
from .policy import engine_name_for, machine_translation_allowed
from .protect import protected_terms

FUZZY_MIN = 75
BANDS = ("new", "fuzzy", "exact")
PRICE_SETTINGS = {
    "deepl": "DEEPL_PRICE_PER_1000_CHARACTERS",
    "azure": "AZURE_TRANSLATOR_PRICE_PER_1000_CHARACTERS",
}
_TAG = re.compile(r"<[^>]*>")


def plain_text(text: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", text)).split())


def word_count(text: str) -> int:
    return len(plain_text(text).split())


def engine_price(engine: str) -> Decimal | None:
    """The price per 1,000 characters of ``engine`` (None: not entered)."""
    value = getattr(settings, PRICE_SETTINGS.get(engine, ""), None)
    return Decimal(value) if value is not None else None


@dataclass
class LanguageEstimate:
    locale: object
    engine: str = ""  # "" when nothing is sent to an engine
    no_engine_reason: str = ""
    pages: int = 0
    texts: int = 0  # distinct texts sent, page by page
    characters: int = 0
    words: dict = field(default_factory=lambda: dict.fromkeys(BANDS, 0))
    prices: dict = field(default_factory=dict)  # band -> price per word, None if not entered
    engine_price: Decimal | None = None
    budget: int | None = None
    budget_remaining: int | None = None

    @property
    def total_words(self) -> int:
        return sum(self.words.values())

    @property
    def engine_cost(self) -> Decimal | None:
        if not self.engine or self.engine_price is None:
            return None
        return (self.engine_price * self.characters / 1000).quantize(Decimal("0.01"))

    @property
    def agency_cost(self) -> Decimal | None:
        if any(self.prices.get(band) is None for band in BANDS if self.words[band]):
            return None
        total = sum(
            (self.prices[band] * self.words[band] for band in BANDS if self.words[band]),
            Decimal(0),
        )
        return total.quantize(Decimal("0.01"))

    @property
    def over_budget(self) -> bool:
        return self.budget_remaining is not None and self.characters > self.budget_remaining


@dataclass
class Estimate:
    languages: list[LanguageEstimate]
    currency: str = "SEK"

    def engines(self) -> list[dict]:
        """Per engine: characters and cost over its languages."""
        rows = {}
        for language in self.languages:
            if not language.engine:
                continue
            row = rows.setdefault(
                language.engine,
                {"engine": language.engine, "characters": 0, "price": language.engine_price},
            )
            row["characters"] += language.characters
        for row in rows.values():
            price = row["price"]
            row["cost"] = (
                (price * row["characters"] / 1000).quantize(Decimal("0.01"))
                if price is not None
                else None
            )
        return list(rows.values())

    @property
    def characters(self) -> int:
        return sum(language.characters for language in self.languages)


class _Language:
    """One target language's engine, prices and memory, read once per estimate."""

    def __init__(self, locale):
        self.result = LanguageEstimate(locale)
        policy = LanguageSettings.for_locale(locale)
        self.result.prices = {
            band: getattr(policy, f"agency_price_{band}", None) if policy else None
            for band in BANDS
        }
        self.result.budget = usage.language_budget(locale)
        self.result.budget_remaining = usage.remaining_language_budget(locale)
        self.text_only = False
        self.dictionary = {}
        self._engine(locale)
        self.sent_in_run: set[str] = set()
        self.seen_in_run: set[str] = set()
        self.fuzzy_choices = [
            plain_text(data)
            for data in StringTranslation.objects.filter(locale=locale, has_error=False)
            .exclude(tool_name=CARRIED)
            .values_list("translation_of__data", flat=True)
            .distinct()
        ]

    def _engine(self, locale) -> None:
        if not machine_translation_allowed(locale):
            self.result.no_engine_reason = "disabled"
            return
        name = engine_name_for(locale)
        if get_engine(name).unsupported_reason(locale):
            self.result.no_engine_reason = "human_only"
            return
        self.result.engine = name
        self.result.engine_price = engine_price(name)
        if name == "azure":
            self.dictionary = glossary_for(locale)
        else:
            self.text_only = _deepl_text_only(locale)

    def characters(self, texts: list[str], terms) -> int:
        if self.result.engine == "azure":
            return billing.azure_billed([for_azure(t, terms, self.dictionary) for t in texts])
        if self.result.engine == "deepl":
            return billing.deepl_characters(texts, terms, text_only=self.text_only)
        return 0

    def band(self, text: str, in_memory: bool) -> str:
        if in_memory or text in self.seen_in_run:
            return "exact"
        plain = plain_text(text)
        if plain and process.extractOne(
            plain, self.fuzzy_choices, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN
        ):
            return "fuzzy"
        return "new"


def _deepl_text_only(locale) -> bool:
    """Whether DeepL gets the language as text (placeholders), as the translator decides."""
    code = deepl_languages.deepl_target_code(locale.language_code)
    if code is None:
        return False
    if deepl_client.is_configured():
        # Falls back to the language table by itself when DeepL cannot be asked.
        return deepl_languages.target_features(deepl_client.get_client(), code).text_only
    return code.upper() in deepl_languages.deepl_text_only_targets()


def _missing_texts(page, locale) -> list[str]:
    """The texts of the page's string segments with no translation in their own context,
    in page order (one entry per segment)."""
    values = [v for v in extract_segments(page) if isinstance(v, StringSegmentValue)]
    if not values:
        return []
    datas = [value.string.data for value in values]
    strings = dict(
        String.objects.filter(
            locale=page.locale, data_hash__in={String._get_data_hash(d) for d in datas}
        ).values_list("data_hash", "pk")
    )
    contexts = dict(
        TranslationContext.objects.filter(
            object_id=page.translation_key, path__in={value.path for value in values}
        ).values_list("path", "pk")
    )
    done = set(
        StringTranslation.objects.filter(
            locale=locale,
            translation_of_id__in=set(strings.values()),
            context_id__in=set(contexts.values()),
        ).values_list("translation_of_id", "context_id")
    )
    missing = []
    for value, data in zip(values, datas, strict=True):
        key = (strings.get(String._get_data_hash(data)), contexts.get(value.path))
        if None in key or key not in done:
            missing.append(data)
    return missing


def estimate(work) -> Estimate:
    """The estimate for ``work``, ``(page, locale)`` pairs in the order they would run."""
    languages: dict[int, _Language] = {}
    terms_by_site: dict = {}
    for page, locale in work:
        language = languages.get(locale.pk)
        if language is None:
            language = languages[locale.pk] = _Language(locale)
        page = page.specific
        site = page.get_site()
        key = site.pk if site else None
        if key not in terms_by_site:
            terms_by_site[key] = protected_terms(site)
        texts = _missing_texts(page, locale)
        language.result.pages += 1
        if not texts:
            continue
        ids = dict(
            String.objects.filter(
                locale=page.locale,
                data_hash__in={String._get_data_hash(text) for text in texts},
            ).values_list("data", "pk")
        )
        known = memory.best_translations(set(ids.values()), locale)
        sent: list[str] = []
        for text in texts:
            in_memory = ids.get(text) in known or text in language.sent_in_run
            band = language.band(text, in_memory)
            language.result.words[band] += word_count(text)
            language.seen_in_run.add(text)
            if not in_memory and text not in sent:
                sent.append(text)
        if language.result.engine:
            language.result.texts += len(sent)
            language.result.characters += language.characters(sent, terms_by_site[key])
            language.sent_in_run.update(sent)
            language.fuzzy_choices.extend(plain_text(text) for text in sent)
    return Estimate(
        [languages[pk].result for pk in languages],
        currency=getattr(settings, "TRANSLATION_PRICE_CURRENCY", "SEK"),
    )


def backfill_work(locale_codes=None, session=None) -> list[tuple]:
    """What ``backfill_translations`` would do: every published source page and target
    locale whose draft needs work (``pipeline.needs_work``)."""
    session = session or pipeline.Session()
    targets = pipeline.target_locales(locale_codes)
    return [
        (page, locale)
        for page in source_pages().specific()
        for locale in targets
        if pipeline.needs_work(page, locale, session)
    ]


def page_work(page, locale_codes=None, session=None) -> list[tuple]:
    """What publishing ``page`` would send: its target locales that need work."""
    session = session or pipeline.Session()
    page = page.specific
    return [
        (page, locale)
        for locale in pipeline.target_locales(locale_codes)
        if pipeline.needs_work(page, locale, session)
    ]
