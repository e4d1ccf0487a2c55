"""Similar earlier translations beside each string of the translation editor (issue #23).

wagtail-localize's editor offers a string's machine draft, and the exact memory
(``translation.memory``) fills identical Swedish texts, but a paragraph that changed one
word gets a fresh machine text although a person translated nearly the same sentence. The
fuzzy memory (``translation.fuzzy_memory``) finds those translations; this shows them.

The editor is a React app whose props are rendered by our copy of its template
(``review/templates/wagtail_localize/admin/edit_translation.html``); React's DOM is not ours
to change. So the panel is rendered by the template, from the same props, just above the
editor: per string that has suggestions (and no person's translation of its exact text),
the field, the Swedish text and the current draft, then each suggestion with its
similarity, the translation (target ``lang`` and ``dir``, so Arabic, Persian and Tigrinya
show as they should) and the Swedish difference, the old Swedish text against this one
word by word (``changed_strings.word_diff``: ``<del>``/``<ins>``, every part escaped).
``review/fuzzy_memory.js`` adds a button that copies a suggestion for pasting into the
string. One lookup per page and language (the memory's cost is in its docstring).
"""

import json
import logging

from wagtail.models import Locale
from wagtail_localize.models import StringSegment

from core.languages import language_direction
from translation import fuzzy_memory

from .changed_strings import plain, word_diff

logger = logging.getLogger(__name__)


def _field(segment: dict) -> str:
    location = segment.get("location") or {}
    return " › ".join(
        str(part) for part in (location.get("field"), location.get("subField")) if part
    )


def panel_context(props: str) -> dict:
    """The panel's rows for the editor's ``props`` (its JSON), empty when there is none."""
    data = json.loads(props)
    segments = [s for s in data.get("segments", []) if s.get("type") == "string"]
    code = (data.get("locale") or {}).get("code")
    locale = Locale.objects.filter(language_code=code).first() if code else None
    if not segments or locale is None:
        return {}
    string_ids = dict(
        StringSegment.objects.filter(pk__in=[s["id"] for s in segments]).values_list(
            "pk", "string_id"
        )
    )
    sources = {string_ids[s["id"]]: s["source"] for s in segments if s["id"] in string_ids}
    found = fuzzy_memory.suggestions(sources, locale)
    if not found:
        return {}
    drafts = {
        entry.get("segment_id"): entry.get("data") or ""
        for entry in data.get("initialStringTranslations", [])
    }
    rows = []
    for segment in segments:
        suggestions = found.get(string_ids.get(segment["id"]))
        if not suggestions:
            continue
        rows.append(
            {
                "field": _field(segment),
                "source": plain(segment["source"]),
                "draft": plain(drafts.get(segment["id"], "")),
                "suggestions": [
                    {
                        "text": plain(suggestion.target),
                        "raw": suggestion.target,
                        "similarity": suggestion.similarity,
                        "diff": word_diff(suggestion.source, segment["source"]),
                    }
                    for suggestion in suggestions
                ],
            }
        )
    return {"rows": rows, "lang": code, "dir": language_direction(code)}


def safe_panel_context(props: str) -> dict:
    """``panel_context``, or no panel: a fault in the suggestions never blocks the editor."""
    try:
        return panel_context(props)
    except Exception:
        logger.exception("could not build the fuzzy memory panel")
        return {}
