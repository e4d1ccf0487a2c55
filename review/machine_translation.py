"""What the people's side asks of machine translation, answered by the translation app.

``review`` sits a floor below ``translation`` (``tests/core/test_floors.py``): the pipeline
imports review's drafts and states, so review may not import the pipeline's app back. The
questions review asks of it are plugged in here by ``translation.apps.TranslationConfig.ready``.
Without the translation app, review answers as if no language were review-only, no engine had
made a text, no provenance were kept and the memory knew no similar text.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class FuzzySuggestion:
    """A person's translation of a similar Swedish text (``translation.fuzzy_memory``)."""

    string_id: int  # the similar Swedish string
    source: str  # its Swedish text
    target: str  # the person's translation of it
    similarity: int  # whole percent, at least 75


@dataclass
class MachineTranslationAnswers:
    # Whether the language's machine text must never be published unreviewed.
    is_review_only: Callable = lambda locale: False
    # The ``tool_name`` the language's engine writes on the strings it translates.
    tool_name_for: Callable = lambda locale: ""
    # The engine's display name and the day of a translated page's latest machine string.
    latest_provenance: Callable = lambda page: None
    # ``{string_id: [FuzzySuggestion, …]}`` for ``{string_id: Swedish text}`` and a locale.
    fuzzy_suggestions: Callable = lambda sources, locale: {}


answers = MachineTranslationAnswers()


def register(
    *,
    is_review_only: Callable,
    tool_name_for: Callable,
    latest_provenance: Callable,
    fuzzy_suggestions: Callable,
):
    answers.is_review_only = is_review_only
    answers.tool_name_for = tool_name_for
    answers.latest_provenance = latest_provenance
    answers.fuzzy_suggestions = fuzzy_suggestions
