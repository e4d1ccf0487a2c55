"""The translation editor's footer under a carried-over string says that it is stale.

wagtail-localize writes each string's footer from its ``tool_name`` ("Translated with
{tool_name} on {date}") and always draws a green tick unless the string has an error. A
person's translation carried to a changed Swedish string (``translation.carry_forward``) then read
"Översatt med Den svenska texten har ändrats – kontrollera på 4 December 2026" with a tick.
This rewrites the editor's props (``review/templates/wagtail_localize/admin/
edit_translation.html``) from the same rule the queue uses (``review.states``): an unchecked
carried string gets the footer "Svenska texten har ändrats sedan översättningen –
kontrollera" as the editor's *error* slot (a warning icon instead of the tick, counted on its
tab; nothing is stored, publishing is ruled as before), a checked one says so and when.

The facts guard (``review.fact_checks``) writes into the same slots: a string whose facts
differ from the Swedish text gets "Faktakontroll: …" naming each fact in the *error* slot
(an overridden finding, or a glossary warning, in the comment), so the translator sees it
on the string itself when the editor opens.

Upstream: wagtail-localize 1.14.5 has no hook for the footer;
``tests/upstream/test_upstream_wagtail_localize.py`` fails, naming this module, the day its
template or the editor's use of ``error`` and ``comment`` changes.
"""

import json
import logging

from django.utils import formats
from django.utils.translation import gettext as _

from wagtail_localize.models import StringSegment, StringTranslation, Translation

from translation.carry_forward import TOOL_NAME as CARRIED
from translation.models import text_hash

from . import fact_checks, fact_labels
from .models import FactCheck
from .states import is_carried_unchecked, string_approvals

logger = logging.getLogger(__name__)


def stale_footer() -> str:
    return _("Svenska texten har ändrats sedan översättningen – kontrollera")


def checked_footer(approval) -> str:
    return _("Kontrollerad mot den ändrade svenska texten %(date)s") % {
        "date": formats.date_format(approval.approved_at, "j F Y")
    }


def _segments_of(entries: list[dict]) -> dict:
    """The editor entries' string segments by primary key (one query)."""
    ids = [entry["segment_id"] for entry in entries]
    return {segment.pk: segment for segment in StringSegment.objects.filter(pk__in=ids)}


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
    segments = _segments_of(carried)
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


def facts_footer(findings: list[dict]) -> str:
    return _("Faktakontroll: %(findings)s") % {
        "findings": "; ".join(fact_labels.describe(finding) for finding in findings)
    }


def overridden_footer(count: int) -> str:
    return _("Faktakontroll: godkända avvikelser: %(count)d") % {"count": count}


def add_fact_footer(entry: dict, check: FactCheck | None) -> None:
    """Write the findings of ``check`` (the entry's wording) into the entry's footer slots."""
    if check is None:
        return
    found = fact_checks.open_findings(check)
    errors = [f for f in found if f["severity"] == "error"]
    notes = [f for f in found if f["severity"] != "error"]
    if errors:
        text = facts_footer(errors)
        entry["error"] = f"{entry['error']} · {text}" if entry.get("error") else text
    overridden = len(check.findings) - len(found)
    comments = [facts_footer(notes)] if notes else []
    if overridden:
        comments.append(overridden_footer(overridden))
    if comments:
        previous = [entry["comment"]] if entry.get("comment") else []
        entry["comment"] = " · ".join([*previous, *comments])


def with_fact_footers(props: str) -> str:
    """``props`` with the facts guard's findings on each string that has any."""
    data = json.loads(props)
    entries = [e for e in data.get("initialStringTranslations", []) if e.get("data")]
    if not entries:
        return props
    segments = _segments_of(entries)
    checks = {
        (check.context_id, check.string_id, check.text_hash): check
        for check in FactCheck.objects.filter(
            locale__language_code=data["locale"]["code"],
            context_id__in={s.context_id for s in segments.values()},
        ).exclude(findings=[])
    }
    if not checks:
        return props
    for entry in entries:
        segment = segments.get(entry["segment_id"])
        if segment is not None:
            key = (segment.context_id, segment.string_id, text_hash(entry["data"]))
            add_fact_footer(entry, checks.get(key))
    return json.dumps(data)


def with_saved_fact_footer(response, translation_id: int, segment_id: int):
    """The editor's answer to a string save, with the facts guard's findings of the text
    just saved (the check ran on save), so they show without reloading the editor."""
    data = getattr(response, "data", None)
    if getattr(response, "status_code", None) != 200 or not isinstance(data, dict):
        return response
    if not data.get("data"):
        return response
    try:
        segment = StringSegment.objects.get(pk=segment_id)
        locale_id = (
            Translation.objects.filter(pk=translation_id)
            .values_list("target_locale_id", flat=True)
            .first()
        )
        check = FactCheck.objects.filter(
            locale_id=locale_id,
            context_id=segment.context_id,
            string_id=segment.string_id,
            text_hash=text_hash(data["data"]),
        ).first()
        add_fact_footer(data, check)
    except Exception:
        logger.exception("could not add the facts footer to a saved string")
    return response
