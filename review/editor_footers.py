"""The translation editor's footer under a carried-over string says that it is stale.

wagtail-localize writes each string's footer from its ``tool_name`` ("Translated with
{tool_name} on {date}") and always draws a green tick unless the string has an error. A
person's translation carried to a changed Swedish string (``review.carry_forward``) then read
"Översatt med Den svenska texten har ändrats – kontrollera på 4 December 2026" with a tick.
This rewrites the editor's props (``review/templates/wagtail_localize/admin/
edit_translation.html``) from the same rule the queue uses (``review.states``): an unchecked
carried string gets the footer "Svenska texten har ändrats sedan översättningen –
kontrollera" as the editor's *error* slot (a warning icon instead of the tick, counted on its
tab; nothing is stored, publishing is ruled as before), a checked one says so and when.

Upstream: wagtail-localize 1.14.5 has no hook for the footer;
``tests/upstream/test_upstream_wagtail_localize.py`` fails, naming this module, the day its
template or the editor's use of ``error`` and ``comment`` changes.
"""

import json

from django.utils import formats
from django.utils.translation import gettext as _

from wagtail_localize.models import StringSegment, StringTranslation

from .carry_forward import TOOL_NAME as CARRIED
from .states import is_carried_unchecked, string_approvals


def stale_footer() -> str:
    return _("Svenska texten har ändrats sedan översättningen – kontrollera")


def checked_footer(approval) -> str:
    return _("Kontrollerad mot den ändrade svenska texten %(date)s") % {
        "date": formats.date_format(approval.approved_at, "j F Y")
    }


def with_carried_footers(props: str) -> str:
    """``props`` (the editor's JSON) with the footers of carried strings rewritten."""
    data = json.loads(props)
    carried = [
        entry
        for entry in data.get("initialStringTranslations", [])
        if not entry.get("error") and CARRIED in (entry.get("comment") or "")
    ]
    if not carried:
        return props
    segments = {
        segment.pk: segment
        for segment in StringSegment.objects.filter(pk__in=[e["segment_id"] for e in carried])
    }
    rows = {
        (row.translation_of_id, row.context_id): row
        for row in StringTranslation.objects.filter(
            locale__language_code=data["locale"]["code"],
            translation_of_id__in=[s.string_id for s in segments.values()],
            context_id__in=[s.context_id for s in segments.values()],
        )
    }
    approvals = string_approvals(rows.values())
    for entry in carried:
        segment = segments.get(entry["segment_id"])
        row = segment and rows.get((segment.string_id, segment.context_id))
        if row is None:
            continue
        approval = approvals.get(row.pk)
        if is_carried_unchecked(row, approval):
            entry["error"] = entry["comment"] = stale_footer()
        else:
            entry["comment"] = checked_footer(approval)
    return json.dumps(data)
