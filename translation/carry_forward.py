"""Carry a person's translation forward when the source text of a segment changes.

wagtail-localize keys a translation on the exact source text (``String``) in its place
(``TranslationContext``: the object and the content path). When a communicator changes one
word of a paragraph, the paragraph becomes a new ``String``: the translator's work stays in
the database as the translation of the old one and is shown nowhere, and the segment looks
untranslated, so the pipeline would machine-translate it from scratch.

Here, before anything is machine-translated, a segment without translation in its context
gets the locale's previous *human* translation from the same context (the translation of
the string it replaced), kept as the translator's manual text but marked
``TOOL_NAME`` ("the Swedish text has changed – check"), which wagtail-localize's editor
shows beside it. A ``CarriedForward`` row remembers the string it was made for (so the
change can be shown word by word) and the machine translation of the new text, offered
beside it. Editing the string in the editor clears the mark (wagtail-localize saves it
with an empty ``tool_name``); so does approving it.

Which old string a new one replaced: in a plain text field (a title, an intro: one segment
by nature) the latest human translation there, however different the new text; in rich text
(one segment per paragraph, in a field or a StreamField block) the most similar old text,
word by word, above ``SIMILARITY``.
"""

import difflib
import re

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Exists, OuterRef

from wagtail.fields import RichTextField
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from . import strings
from .models import CarriedForward

TOOL_NAME = "Den svenska texten har ändrats – kontrollera"
SIMILARITY = 0.5
_WORDS = re.compile(r"\w+|[^\w\s]", re.UNICODE)


def similarity(old: str, new: str) -> float:
    return difflib.SequenceMatcher(None, _WORDS.findall(old), _WORDS.findall(new)).ratio()


def is_plain_field(source: TranslationSource, path: str) -> bool:
    """Whether ``path`` is a plain text field of the source's model (one segment by nature)."""
    if "." in path:
        return False  # a StreamField block or a child object
    try:
        field = source.specific_content_type.model_class()._meta.get_field(path)
    except (FieldDoesNotExist, AttributeError):
        return False
    return not isinstance(field, RichTextField)


def _candidates(source_id: int, context_ids: set[int], locale) -> dict[int, list]:
    """Human translations in these contexts of strings no longer in the source there."""
    current: dict[int, set[int]] = {}
    for context_id, string_id in StringSegment.objects.filter(
        source_id=source_id, context_id__in=context_ids
    ).values_list("context_id", "string_id"):
        current.setdefault(context_id, set()).add(string_id)
    found: dict[int, list] = {}
    for old in (
        StringTranslation.objects.filter(
            locale=locale,
            context_id__in=context_ids,
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            has_error=False,
        )
        .select_related("translation_of", "context", "carried_forward__previous_string")
        .order_by("-updated_at", "-pk")
    ):
        if old.translation_of_id not in current.get(old.context_id, ()):
            found.setdefault(old.context_id, []).append(old)
    return found


def _origin(old: StringTranslation):
    """The source string the person actually translated (through unchecked carries)."""
    if old.tool_name == TOOL_NAME:
        carried = getattr(old, "carried_forward", None)
        if carried is not None:
            return carried.previous_string
    return old.translation_of


def _pairs(segments, olds, single: bool):
    """``[(segment, old translation)]``: each old translation carried at most once."""
    if single and len(segments) == 1:
        return [(segments[0], olds[0])]  # the latest, however different the new text
    scored = sorted(
        (
            (similarity(_origin(old).data, segment.string.data), -index, segment, old)
            for segment in segments
            for index, old in enumerate(olds)
        ),
        key=lambda item: (item[0], item[1]),
        reverse=True,
    )
    taken_segments, taken_olds, pairs = set(), set(), []
    for score, _order, segment, old in scored:
        if score < SIMILARITY or segment.pk in taken_segments or old.pk in taken_olds:
            continue
        taken_segments.add(segment.pk)
        taken_olds.add(old.pk)
        pairs.append((segment, old))
    return pairs


def carry_forward(segments, locale) -> tuple[list[CarriedForward], list]:
    """Give segments of one source their previous human translation where there is one.

    Returns the ``CarriedForward`` rows made (their segments get a machine offer) and the
    segments still without translation. Never overwrites an existing translation.
    """
    segments = list(segments)
    if not segments:
        return [], []
    source_id = segments[0].source_id
    by_context: dict[int, list] = {}
    for segment in segments:
        by_context.setdefault(segment.context_id, []).append(segment)
    candidates = _candidates(source_id, set(by_context), locale)
    if not candidates:
        return [], segments
    source = TranslationSource.objects.select_related("specific_content_type").get(pk=source_id)

    carried, done = [], set()
    for context_id, olds in candidates.items():
        single = is_plain_field(source, olds[0].context.path)
        for segment, old in _pairs(by_context[context_id], olds, single):
            translation, created = strings.add_if_missing(
                segment,
                locale,
                data=old.data,
                translation_type=strings.MANUAL,
                tool_name=TOOL_NAME,
                translated_by_id=old.last_translated_by_id,
            )
            done.add(segment.pk)
            if created:
                translation.translation_of = segment.string
                carried.append(
                    CarriedForward.objects.create(
                        string_translation=translation, previous_string=_origin(old)
                    )
                )
    return carried, [segment for segment in segments if segment.pk not in done]


def carry_forward_source(source, locale) -> list[CarriedForward]:
    """Carry forward into every untranslated segment of ``source`` (after a refresh)."""
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"), locale=locale, context_id=OuterRef("context_id")
    )
    segments = (
        StringSegment.objects.filter(source=source)
        .annotate(done=Exists(translated))
        .filter(done=False)
        .select_related("string")
    )
    carried, _remaining = carry_forward(segments, locale)
    return carried


def open_carries(source, locale):
    """The carried translations of ``source`` in ``locale`` that nobody has touched since."""
    segments = StringSegment.objects.filter(source=source)
    return (
        CarriedForward.objects.filter(
            string_translation__locale=locale,
            string_translation__tool_name=TOOL_NAME,
            string_translation__translation_of_id__in=segments.values("string_id"),
            string_translation__context_id__in=segments.values("context_id"),
        )
        .select_related(
            "previous_string",
            "string_translation__translation_of",
            "string_translation__context",
            "string_translation__last_translated_by",
        )
        .order_by("string_translation__context__path", "pk")
    )
