"""Fuzzy memory: people's translations of similar Swedish texts, offered beside the draft.

The exact memory (``translation.memory``) only helps when the Swedish text is identical. A
paragraph that changed one word, or a title that names another year, gets a machine draft
although a translator already wrote nearly the same sentence. For such a string this finds
the best (up to ``LIMIT``) earlier translations by PEOPLE of other Swedish strings into the
same language, with their similarity, for the editor's panel (``review.fuzzy_panel``) and
the XLIFF exports (``review.xliff_export``, as alternatives a CAT tool shows as matches).

What counts, as in the exact memory: manual translations only (a machine text is no
memory), never one with an error, never a translation carried over from an older Swedish
text nobody has checked (``translation.carry_forward``); never the string's own translations. A
string that already has a person's translation of its identical text (in any context) gets
no fuzzy suggestions: the exact match is better.

Similarity is the agencies' banding measure of ``translation.estimates``: ``rapidfuzz``'s
``fuzz.ratio`` on the text without tags, at least ``FUZZY_MIN`` (75 %), floored to a whole
percent.

Cost, per call (one page, one language), whatever the number of segments:

- two queries: the exact human matches of the page's strings (``memory.best_translations``)
  and the candidates. Candidates are read from the target language only, newest first, at
  most ``MAX_CANDIDATES`` rows, and only strings whose stored length lies in the length
  window of some segment: ``fuzz.ratio`` ≥ 75 needs the shorter text to be at least 60 % of
  the longer (2·min / (min + max) ≥ 0.75), so a candidate shorter than 0.6 × a segment's
  text or longer than its stored length / 0.6 can never reach the threshold. (The upper
  bound is on the stored text with tags; a candidate with much more markup than the segment
  is missed, which the threshold would mostly refuse anyway.)
- in Python, per segment, the candidates in its own window go to ``rapidfuzz.process.
  extract`` with ``score_cutoff`` (the window found by bisection in the candidates sorted by
  length): at most segments × candidates ratio computations in C, most of them cut short
  by the cutoff.
"""

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.db.models.functions import Length

from wagtail_localize.models import StringTranslation

from rapidfuzz import fuzz, process

from .carry_forward import TOOL_NAME as CARRIED
from .estimates import FUZZY_MIN, plain_text
from .memory import best_translations


@dataclass(frozen=True)
class FuzzySuggestion:
    """A person's translation of a similar Swedish text."""

    string_id: int  # the similar Swedish string
    source: str  # its Swedish text
    target: str  # the person's translation of it
    similarity: int  # whole percent, at least 75


LIMIT = 3
MAX_CANDIDATES = 20_000
# fuzz.ratio >= FUZZY_MIN is impossible when the shorter text is under this share of the
# longer: 2 * short / (short + long) >= m  <=>  short / long >= m / (200 - m).
MIN_LENGTH_SHARE = FUZZY_MIN / (200 - FUZZY_MIN)


@dataclass
class _Candidate:
    string_id: int
    source: str
    plain: str
    target: str


def _window(text: str, plain: str) -> tuple[int, int]:
    return int(len(plain) * MIN_LENGTH_SHARE), int(len(text) / MIN_LENGTH_SHARE) + 1


def _merged(windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for low, high in sorted(windows):
        if merged and low <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], high)
        else:
            merged.append([low, high])
    return [(low, high) for low, high in merged]


def _candidates(locale, windows) -> list[_Candidate]:
    """People's translations into ``locale`` of Swedish strings in the windows, newest per
    string (one query)."""
    in_window = Q()
    for low, high in _merged(windows):
        in_window |= Q(source_length__gte=low, source_length__lte=high)
    rows = (
        StringTranslation.objects.filter(
            locale=locale,
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            has_error=False,
            translation_of__locale__language_code=settings.LANGUAGE_CODE,
        )
        .exclude(tool_name=CARRIED)
        .exclude(data="")
        .annotate(source_length=Length("translation_of__data"))
        .filter(in_window)
        .order_by("-updated_at", "-pk")
        .values_list("translation_of_id", "translation_of__data", "data")[:MAX_CANDIDATES]
    )
    seen: dict[int, _Candidate] = {}
    for string_id, source, target in rows:
        if string_id not in seen:
            seen[string_id] = _Candidate(string_id, source, plain_text(source), target)
    return list(seen.values())


def suggestions(sources: dict[int, str], locale, *, limit: int = LIMIT) -> dict:
    """``{string_id: [FuzzySuggestion, …]}`` best first, for the strings in ``sources``
    (``{string_id: Swedish text}``) that have no person's translation of their exact text
    into ``locale``; strings without a suggestion are left out."""
    if not sources:
        return {}
    exact = best_translations(sources.keys(), locale, human_only=True)
    wanted = {
        string_id: (text, plain_text(text))
        for string_id, text in sources.items()
        if string_id not in exact and plain_text(text)
    }
    if not wanted:
        return {}
    windows = {string_id: _window(text, plain) for string_id, (text, plain) in wanted.items()}
    candidates = _candidates(locale, list(windows.values()))
    if not candidates:
        return {}
    candidates.sort(key=lambda candidate: len(candidate.plain))
    lengths = [len(candidate.plain) for candidate in candidates]
    found = {}
    for string_id, (_text, plain) in wanted.items():
        # The exact window on the texts without tags, found by bisection.
        start = bisect_left(lengths, len(plain) * MIN_LENGTH_SHARE)
        end = bisect_right(lengths, len(plain) / MIN_LENGTH_SHARE)
        choices = {
            index: candidates[index].plain
            for index in range(start, end)
            if candidates[index].string_id != string_id
        }
        matches = process.extract(
            plain, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN, limit=limit
        )
        if matches:
            found[string_id] = [
                FuzzySuggestion(
                    string_id=candidates[index].string_id,
                    source=candidates[index].source,
                    target=candidates[index].target,
                    similarity=int(score),
                )
                for _plain, score, index in matches
            ]
    return found
