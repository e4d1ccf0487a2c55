"""The machine-translation engines behind one small interface, one engine per language.

Each target language is translated by the engine its ``LanguageSettings`` names
(``translation.policy.engine_name_for``): DeepL (``deepl.py``, wrapping the existing
``translation.deepl`` package) or Azure AI Translator (``azure.py``, the official
``azure-ai-translation-text`` client). The pipeline (``translation.pipeline``) only talks to
this interface:

- ``name`` (stored in policies, usage, pauses, provenance) and ``display_name`` (the
  editor's footer: "Translated with Azure AI Translator on …");
- ``is_configured()``; ``not_configured_detail()``;
- ``supports(locale)``: the engine's own language list, asked of its API and cached, with
  the language table as fallback; raises ``MachineTranslationError`` when it cannot be
  asked; ``unsupported_reason(locale)`` for the admin form (never raises);
- ``capabilities(locale)``: tags/HTML, glossary, formality; without tags the text goes
  through placeholders (``translation.protect``);
- ``translate_in_batches(texts, source_locale, target_locale, terms=..., title=...)``: yields
  ``(indexes, BatchOutcome)`` per request within the engine's limits, each with the checked
  texts, the billed characters and the model (``title``, the page title, is the context
  DeepL gets with short strings, ``translation.deepl.context``; Azure has no such
  parameter); errors are the
  ``translation.deepl.errors.MachineTranslationError`` subclasses;
- ``probe()``: whether the engine's quota is spent (``ConfigurationError`` with a bad key),
  used to lift a pause (``translation.pauses``).

Every outcome's texts are also checked for the target language's script
(``translation.script_check``): an answer in the wrong script is flagged, not a silent draft.
"""

from ..deepl.errors import MachineTranslationError
from .base import BatchOutcome, Capabilities

__all__ = [
    "BatchOutcome",
    "Capabilities",
    "ENGINE_NAMES",
    "MachineTranslationError",
    "display_name",
    "engine_class",
    "engine_for",
    "get_engine",
]


ENGINE_NAMES = ("deepl", "azure")


def engine_class(name: str):
    """The class of the engine called ``name`` ("deepl" or "azure"), not instantiated."""
    if name == "azure":
        from .azure import AzureEngine

        return AzureEngine
    if name == "deepl":
        from .deepl import DeepLEngine

        return DeepLEngine
    raise ValueError(f"Unknown machine-translation engine {name!r}")


def get_engine(name: str):
    """The engine called ``name`` ("deepl" or "azure")."""
    return engine_class(name)()


def display_name(name: str) -> str:
    """The name readers and editors see for the engine called ``name`` (the reader notice);
    an unknown name (an engine since removed) is shown as stored."""
    try:
        return engine_class(name).display_name
    except ValueError:
        return name


def engine_for(locale):
    """The engine chosen for ``locale`` (its policy, else the default for the language)."""
    from ..policy import engine_name_for

    return get_engine(engine_name_for(locale))
