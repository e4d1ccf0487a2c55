"""The one table of the portal's languages, and every language fact derived from it.

Swedish is the source; the others are translations. Everything the code needs to know about
a language lives in one row here: its autonym (each language named in itself, never
translated), its Swedish name (translator groups), writing direction and script, and how
DeepL names it, or that DeepL has no such language (Somali, Tigrinya: Azure AI Translator
and review-only by default, or human translation only).

This module imports nothing from Django's models or apps: the settings read it, so it must
load before Django is set up. ``PORTAL_LANGUAGES`` (environment) may narrow the table to a
subset for a municipality that publishes in fewer languages; Swedish is always kept first.
"""

from dataclasses import dataclass

from django.conf.locale import LANG_INFO

SOURCE_LANGUAGE = "sv"


@dataclass(frozen=True)
class Language:
    code: str
    autonym: str
    # In English, as Django's language info names languages.
    english_name: str
    # In Swedish, as the translator groups are named ("Översättare arabiska").
    swedish_name: str
    direction: str  # "ltr" or "rtl"
    script: str  # ISO 15924
    # DeepL's codes; None: DeepL has no such language, so translators work by hand.
    deepl_target: str | None
    deepl_source: str | None
    # Wagtail's admin ships a catalog in this language.
    admin: bool
    # DeepL translates it as plain text only: no tag handling, no glossary. What DeepL's
    # language list (GET /v3/languages) says wins; this is the fallback when it cannot be
    # read (``translation.deepl.languages``).
    deepl_text_only: bool = False
    # Written with letters outside Latin-1 (Polish: Latin Extended-A), so its pages need the
    # extended Latin web font too (``core_tags.font_preloads``).
    extended_latin: bool = False

    @property
    def machine_translatable(self) -> bool:
        return self.deepl_target is not None

    @property
    def default_engine(self) -> str:
        """DeepL where it has the language, Azure AI Translator otherwise (Somali, Tigrinya)."""
        return "deepl" if self.machine_translatable else "azure"

    @property
    def review_only_by_default(self) -> bool:
        """The fallback engine's machine text starts review-only (a coordinator may change it)."""
        return not self.machine_translatable


LANGUAGES_TABLE: tuple[Language, ...] = (
    Language("sv", "Svenska", "Swedish", "svenska", "ltr", "Latn", "SV", "SV", True),
    Language("en", "English", "English", "engelska", "ltr", "Latn", "EN-GB", "EN", True),
    Language("ar", "العربية", "Arabic", "arabiska", "rtl", "Arab", "AR", "AR", True),
    # Persian: DeepL translates text only (no glossary, no formality).
    Language("fa", "فارسی", "Persian", "persiska", "rtl", "Arab", "FA", "FA", True, True),
    Language("so", "Soomaali", "Somali", "somaliska", "ltr", "Latn", None, None, False),
    Language("ti", "ትግርኛ", "Tigrinya", "tigrinska", "ltr", "Ethi", None, None, False),
    Language("uk", "Українська", "Ukrainian", "ukrainska", "ltr", "Cyrl", "UK", "UK", True),
    Language(
        "pl", "Polski", "Polish", "polska", "ltr", "Latn", "PL", "PL", True, extended_latin=True
    ),
    Language("fi", "Suomi", "Finnish", "finska", "ltr", "Latn", "FI", "FI", True),
)
BY_CODE = {language.code: language for language in LANGUAGES_TABLE}

# (code, autonym) pairs, the shape of Django's LANGUAGES setting.
ALL_LANGUAGES = [(language.code, language.autonym) for language in LANGUAGES_TABLE]
# The languages Wagtail's admin can be shown in (it has no Somali or Tigrinya catalog).
ADMIN_LANGUAGES = [
    (language.code, language.autonym) for language in LANGUAGES_TABLE if language.admin
]


def select_languages(codes: list[str]) -> list[tuple[str, str]]:
    """Return the language table narrowed to ``codes`` (all when empty), source first."""
    if not codes:
        return list(ALL_LANGUAGES)
    wanted = {code.strip() for code in codes} | {SOURCE_LANGUAGE}
    unknown = wanted - set(BY_CODE)
    if unknown:
        raise ValueError(f"PORTAL_LANGUAGES names unknown languages: {sorted(unknown)}")
    return [(code, name) for code, name in ALL_LANGUAGES if code in wanted]


def missing_lang_info() -> dict[str, dict]:
    """Django language info for the table's languages that Django lacks (Somali, Tigrinya).

    Without these entries get_language_info() and Wagtail's Locale.language_name raise
    KeyError; ``core.apps`` adds them when Django starts.
    """
    return {
        language.code: {
            "bidi": language.direction == "rtl",
            "code": language.code,
            "name": language.english_name,
            "name_local": language.autonym,
        }
        for language in LANGUAGES_TABLE
        if language.code not in LANG_INFO
    }


def language_direction(code: str) -> str:
    """ "rtl" or "ltr"; a language outside the table takes Django's language info."""
    language = BY_CODE.get(code)
    if language is not None:
        return language.direction
    info = LANG_INFO.get(code, {})
    if "fallback" in info:
        info = LANG_INFO.get(info["fallback"][0], {})
    return "rtl" if info.get("bidi") else "ltr"


def swedish_name(code: str) -> str:
    language = BY_CODE.get(code)
    return language.swedish_name if language is not None else code


def machine_translatable(code: str) -> bool:
    """DeepL has this language as a target at all (the coordinator may still switch it off)."""
    language = BY_CODE.get(code)
    return language is not None and language.machine_translatable


def default_engine(code: str) -> str:
    """The engine a language has until a coordinator chooses (``translation.language_settings``)."""
    language = BY_CODE.get(code)
    return language.default_engine if language is not None else "deepl"


def review_only_by_default(code: str) -> bool:
    language = BY_CODE.get(code)
    return language is not None and language.review_only_by_default


# DeepL codes of languages outside the portal's table, where they differ from the plain code.
_OTHER_DEEPL_TARGETS = {"pt": "PT-PT", "nb": "NB", "no": "NB"}


def deepl_target_code(language_code: str) -> str | None:
    """``en`` -> ``EN-GB``, ``fa`` -> ``FA``, ``pt-br`` -> ``PT-BR``; None for so and ti."""
    code = language_code.lower()
    language = BY_CODE.get(code)
    if language is not None:
        return language.deepl_target
    return _OTHER_DEEPL_TARGETS.get(code, code.upper())


def deepl_text_only_targets() -> set[str]:
    """DeepL target codes the table knows as text-only (the fallback for DeepL's own list)."""
    return {
        language.deepl_target
        for language in LANGUAGES_TABLE
        if language.deepl_text_only and language.deepl_target
    }


def deepl_source_code(language_code: str) -> str:
    """Source languages carry no variant: ``sv`` -> ``SV``, ``en-gb`` -> ``EN``."""
    language = BY_CODE.get(language_code.lower())
    if language is not None and language.deepl_source is not None:
        return language.deepl_source
    return language_code.split("-")[0].upper()
