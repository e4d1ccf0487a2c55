"""Translation memory: reuse a translation of the identical source string, site-wide.

wagtail-localize stores each distinct source text once (``String``) and its translations
per context (``StringTranslation``). A segment with no translation in its own context can
reuse one made for the same ``String`` into the same locale anywhere else in the site
(another page, another field). Human (manual) translations win over machine ones, newer
over older; translations with an error are never reused, nor a translation carried over
from an older source text that nobody has checked yet (``translation.carry_forward``).
"""

from django.db.models import Case, IntegerField, Value, When

from wagtail_localize.models import StringTranslation

from . import strings
from .carry_forward import TOOL_NAME as CARRIED
from .models import AgencyMemory, text_hash

TOOL_NAME = "Översättningsminne"
# The tool name of a draft string filled from an agency's TMX pairs (``review.tmx_import``);
# wagtail-localize shows it in the editor's footer ("Översatt med …").
AGENCY_TOOL_NAME = "Byråns översättningsminne (TMX), ej granskat"


def best_translations(string_ids, locale, *, human_only=False) -> dict[int, StringTranslation]:
    """``{string_id: the best existing translation into locale}``."""
    candidates = StringTranslation.objects.filter(
        translation_of_id__in=list(string_ids), locale=locale, has_error=False
    ).exclude(tool_name=CARRIED)
    if human_only:
        candidates = candidates.filter(translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL)
    candidates = candidates.annotate(
        human=Case(
            When(translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
    ).order_by("translation_of_id", "human", "-updated_at")
    best: dict[int, StringTranslation] = {}
    for candidate in candidates:
        best.setdefault(candidate.translation_of_id, candidate)
    return best


def _fill(segments, locale, found_for) -> tuple[int, list]:
    """Write ``found_for(segment)`` (data, translation type, tool name) where it finds one.

    Never overwrites: a segment that meanwhile got a translation keeps it. Returns the
    number of segments filled and the segments still without translation.
    """
    filled = 0
    remaining = []
    for segment in segments:
        found = found_for(segment)
        if found is None:
            remaining.append(segment)
            continue
        data, translation_type, tool_name = found
        _row, created = strings.add_if_missing(
            segment, locale, data=data, translation_type=translation_type, tool_name=tool_name
        )
        filled += int(created)
    return filled, remaining


def fill_from_memory(segments, locale, *, human_only=False) -> tuple[int, list]:
    """Give each segment in ``segments`` the memory's translation where there is one."""
    best = best_translations(
        {segment.string_id for segment in segments}, locale, human_only=human_only
    )

    def found_for(segment):
        found = best.get(segment.string_id)
        return found and (found.data, found.translation_type, TOOL_NAME)

    return _fill(segments, locale, found_for)


def fill_from_agency_memory(segments, locale) -> tuple[int, list]:
    """Give each segment whose Swedish text an agency's TMX has (``AgencyMemory``) that
    translation as a draft that still needs a person: ``translation_type`` machine, so that
    the review states, the publish rule and the reader notice treat it as unreviewed, and
    ``tool_name`` saying where it came from. The newest import of a text wins.
    """
    texts = {segment.string_id: segment.string.data for segment in segments}
    best: dict[str, AgencyMemory] = {}
    for pair in AgencyMemory.objects.filter(
        locale=locale, source_hash__in={text_hash(text) for text in texts.values()}
    ).order_by("-imported_at", "-pk"):
        best.setdefault(pair.source_text, pair)  # the hash found it, the text must match
    machine = StringTranslation.TRANSLATION_TYPE_MACHINE

    def found_for(segment):
        found = best.get(texts[segment.string_id])
        return found and (found.target_text, machine, AGENCY_TOOL_NAME)

    return _fill(segments, locale, found_for)
