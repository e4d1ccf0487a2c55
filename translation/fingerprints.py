"""Staleness from content: which Swedish strings a translation was made from.

A translation's source is behind when the source strings its target was last made from
differ from the strings of the source page as last published, never because of timestamps:
publishing the Swedish page again with the same text makes nothing stale. The staleness
rule itself (which also counts carried strings nobody has checked) is
``review.states.is_stale``.

- ``SourceStrings``: the strings of the live source page, recorded on each publish
  (``record_source``) or, for pages published before this existed, on first use.
- ``TranslatedFrom``: per ``Translation``, the strings of the ``TranslationSource`` at the
  moment its target was saved from it (every ``TranslationLog``: the pipeline, wagtail-
  localize's editor and sync, PO import, the queue's refresh) or found up to date.

Both hold an SHA-256 fingerprint of ``[[context path, text], ...]`` in segment order, and
the strings themselves so that the queue can show what changed.
"""

import hashlib
import json

from wagtail_localize.models import StringSegment, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from .models import SourceStrings, TranslatedFrom


def fingerprint(segments: list[list[str]]) -> str:
    data = json.dumps(segments, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode()).hexdigest()


def strings_of_page(page) -> list[list[str]]:
    """The strings of ``page`` as it is now, in segment order."""
    return [
        [segment.path, segment.string.data]
        for segment in extract_segments(page.specific)
        if isinstance(segment, StringSegmentValue)
    ]


def strings_of_source(source: TranslationSource) -> list[list[str]]:
    """The strings of ``source`` as last extracted, in segment order."""
    return [
        [path, text]
        for path, text in StringSegment.objects.filter(source=source)
        .order_by("order")
        .values_list("context__path", "string__data")
    ]


def record_source(page) -> SourceStrings:
    """Record the strings of the live source ``page`` (called on publish)."""
    segments = strings_of_page(page)
    row, _created = SourceStrings.objects.update_or_create(
        page_id=page.pk, defaults={"fingerprint": fingerprint(segments), "segments": segments}
    )
    return row


def current_source(page) -> SourceStrings:
    """The recorded strings of the source ``page``, recorded now if they never were."""
    row = SourceStrings.objects.filter(page_id=page.pk).first()
    return row if row is not None else record_source(page)


def record_translation(translation: Translation) -> TranslatedFrom:
    """Record that ``translation``'s target is now made from its source's current strings."""
    segments = strings_of_source(translation.source)
    value = fingerprint(segments)
    row = TranslatedFrom.objects.filter(translation=translation).first()
    if row is None:
        return TranslatedFrom.objects.create(
            translation=translation, fingerprint=value, segments=segments
        )
    if row.fingerprint != value:
        row.fingerprint, row.segments = value, segments
        row.save(update_fields=["fingerprint", "segments", "updated_at"])
    return row


def made_from(translation: Translation) -> TranslatedFrom:
    """What ``translation`` was made from; for older data, its source as extracted now."""
    row = TranslatedFrom.objects.filter(translation=translation).first()
    return row if row is not None else record_translation(translation)
