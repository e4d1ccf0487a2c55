"""The one writer of string translations (wagtail-localize's ``StringTranslation`` rows).

wagtail-localize writes these rows itself when a person saves a string in its editor or its
PO import applies a file. Everything else this project writes into them goes through here:
the pipeline's machine text, the memory's earlier translations and an agency's pairs
(``translation.memory``), a person's translation carried to a changed Swedish text
(``translation.carry_forward``), and the translator's actions on such a carried string in the
editor (``review.changed_strings``).

One place because the rows' bookkeeping is what the rest reads: the publish rule, the review
states and the reader notice tell a person's text from machine text by ``translation_type``
and ``tool_name``, and the wording records and stored states follow each save through
``post_save``. So every write here is a model save that sends its signals (never a queryset
``update`` or a bulk write), an automatic write never overwrites a translation that exists,
and only a person's action replaces one. ``tests/translation/test_one_writer.py`` fails when
another product module writes the rows.
"""

from wagtail_localize.models import StringTranslation

MACHINE = StringTranslation.TRANSLATION_TYPE_MACHINE
MANUAL = StringTranslation.TRANSLATION_TYPE_MANUAL


def add_if_missing(
    segment, locale, *, data: str, translation_type: str, tool_name: str, translated_by_id=None
) -> tuple[StringTranslation, bool]:
    """Give ``segment`` this translation in ``locale`` unless it has one already.

    Returns the row and whether it was made. A segment that meanwhile got a translation (a
    person in the editor, another job) keeps it.
    """
    return StringTranslation.objects.get_or_create(
        translation_of_id=segment.string_id,
        locale=locale,
        context_id=segment.context_id,
        defaults={
            "data": data,
            "translation_type": translation_type,
            "tool_name": tool_name,
            "last_translated_by_id": translated_by_id,
            "has_error": False,
        },
    )


def save_by_person(
    *, string_id: int, context_id: int, locale_id: int, data: str, user, tool_name: str = ""
) -> tuple[StringTranslation | None, StringTranslation]:
    """A person's text for a string in one place, replacing what was there.

    Returns the row as it was before (``None`` if there was none) and the saved row.
    """
    keys = {"translation_of_id": string_id, "locale_id": locale_id, "context_id": context_id}
    before = StringTranslation.objects.filter(**keys).first()
    row, _created = StringTranslation.objects.update_or_create(
        **keys,
        defaults={
            "data": data,
            "translation_type": MANUAL,
            "tool_name": tool_name,
            "last_translated_by": user,
            "has_error": False,
            "field_error": "",
        },
    )
    return before, row


def use_machine_text(row: StringTranslation, data: str, *, tool_name: str, user) -> None:
    """A person chose the engine's text for this string (typed machine: still unreviewed)."""
    row.data = data
    row.translation_type = MACHINE
    row.tool_name = tool_name
    row.last_translated_by = user
    row.save()


def mark_field_errors(row: StringTranslation, errors) -> None:
    """The page's model refused the field this string fills (a ``ValidationError``'s list):
    wagtail-localize's own method keeps the errors on the row and saves it."""
    row.set_field_error(errors)


def mark_error(row: StringTranslation, message: str) -> None:
    """The string cannot go into its field as it is (too long, invalid): the editor shows
    ``message`` beside it and wagtail-localize leaves it out of the page."""
    row.has_error = True
    row.field_error = message
    row.save(update_fields=["has_error", "field_error"])
