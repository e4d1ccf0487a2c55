"""XLIFF 1.2 and 2.0 files for agencies whose CAT tools (Trados, memoQ, Phrase) read XLIFF.

The pages are those of the PO exchange (``po_exchange.translations_needing_work``), one file
per translation in a zip. Each unit is one source segment: its id is the context path and a
short hash of the Swedish text, so it stays the same from one export to the next while the
text is unchanged and a changed Swedish text never takes an old translation. Inline tags
(``<b>``, ``<a id="a1">``) become XLIFF inline codes (``review.xliff_inline``); the import
turns them back and checks them with the PO import's rules. The XML is written by lxml.

States say how far each string has come: no translation, machine text (or a person's
translation carried over from an older Swedish text) that needs a look, a person's
translation, a person's translation someone approved (``StringApproval``).

A unit whose Swedish text no person has translated yet carries the fuzzy memory's
suggestions (``translation.fuzzy_memory``):
people's translations of similar Swedish texts, best first, which CAT tools show as
translation-memory matches. XLIFF 1.2: ``<alt-trans match-quality="87"
origin="translation-memory">`` after the target; XLIFF 2.0: the Translation Candidates
module, ``<mtc:matches>`` first in the unit (the core schema puts module elements before
``<notes>``), each ``<mtc:match>`` with its required ``ref`` to the unit's segment
(``#s1``). The import reads only the unit's own targets, so alternatives are never taken
as translations.
"""

import io
import re
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from wagtail_localize.models import StringSegment, StringTranslation, Translation

from lxml import etree

from translation import fuzzy_memory
from translation.carry_forward import TOOL_NAME as CARRIED

from .models import StringApproval
from .po_exchange import po_filename
from .xliff_inline import source_codes, write

NS12 = "urn:oasis:names:tc:xliff:document:1.2"
NS20 = "urn:oasis:names:tc:xliff:document:2.0"
NSMTC = "urn:oasis:names:tc:xliff:matches:2.0"
MATCH_ORIGIN = "translation-memory"
SEGMENT_ID = "s1"  # each unit has one segment (canResegment="no")
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
SOURCE_LANGUAGE = "sv"
VERSIONS = ("1.2", "2.0")

NEW, NEEDS_REVIEW, TRANSLATED, APPROVED = "new", "needs-review", "translated", "approved"
STATE_12 = {
    NEW: "new",
    NEEDS_REVIEW: "needs-review-translation",
    TRANSLATED: "translated",
    APPROVED: "signed-off",
}
STATE_20 = {NEW: "initial", NEEDS_REVIEW: "initial", TRANSLATED: "translated", APPROVED: "reviewed"}
NOT_NMTOKEN = re.compile(r"[^A-Za-z0-9._\-]")


@dataclass
class Unit:
    id: str
    path: str
    source: str
    target: str | None
    state: str
    sub_state: str = ""  # XLIFF 2.0 subState: why a target still needs a look
    string_id: int | None = None
    alternatives: list = field(default_factory=list)  # FuzzySuggestion, best first


def unit_id(path: str, string) -> str:
    """Stable while the context and the Swedish text are; an XML NMTOKEN (XLIFF 2.0)."""
    return f"{NOT_NMTOKEN.sub('_', path)}.{string.data_hash.hex[:12]}"


def current_units(translation: Translation) -> list[Unit]:
    """The source segments of ``translation`` in page order, with the current target."""
    segments = list(
        StringSegment.objects.filter(source=translation.source)
        .order_by("order")
        .select_related("context", "string")
    )
    targets = {
        (row.translation_of_id, row.context_id): row
        for row in StringTranslation.objects.filter(
            locale_id=translation.target_locale_id,
            context_id__in={segment.context_id for segment in segments},
        )
    }
    approvals = {
        approval.string_translation_id: approval
        for approval in StringApproval.objects.filter(
            string_translation__in=[row.pk for row in targets.values()]
        )
    }
    units = []
    for segment in segments:
        row = targets.get((segment.string_id, segment.context_id))
        unit = Unit(
            id=unit_id(segment.context.path, segment.string),
            path=segment.context.path,
            source=segment.string.data,
            target=row.data if row else None,
            state=NEW,
            string_id=segment.string_id,
        )
        if row is not None:
            approval = approvals.get(row.pk)
            if approval is not None and approval.covers(row):
                unit.state = APPROVED
            elif row.tool_name == CARRIED:
                unit.state, unit.sub_state = NEEDS_REVIEW, "portal:carried-over"
            elif row.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE:
                unit.state, unit.sub_state = NEEDS_REVIEW, "portal:machine"
            else:
                unit.state = TRANSLATED
        units.append(unit)
    return units


def units_with_alternatives(translation: Translation) -> list[Unit]:
    """``current_units`` with the fuzzy memory's suggestions (one lookup per file)."""
    units = current_units(translation)
    found = fuzzy_memory.suggestions(
        {unit.string_id: unit.source for unit in units}, translation.target_locale
    )
    for unit in units:
        unit.alternatives = found.get(unit.string_id, [])
    return units


def _field_note(unit: Unit) -> str:
    return _("Fält: %(path)s") % {"path": unit.path}


def _page_note(translation: Translation) -> str:
    return _("Sida: %(title)s") % {"title": translation.source.object_repr}


def original(translation: Translation) -> str:
    """What names the translation in a file (``original``), read back by the import."""
    return f"urn:uuid:{translation.uuid}"


def xliff12(translation: Translation) -> bytes:
    def element(parent, tag, text=None, **attributes):
        child = etree.SubElement(parent, f"{{{NS12}}}{tag}", attributes)
        child.text = text
        return child

    root = etree.Element(f"{{{NS12}}}xliff", nsmap={None: NS12}, version="1.2")
    file = element(
        root,
        "file",
        original=original(translation),
        datatype="html",
        **{
            "source-language": SOURCE_LANGUAGE,
            "target-language": translation.target_locale.language_code,
        },
    )
    header = element(file, "header")
    element(header, "note", _page_note(translation))
    body = element(file, "body")
    for unit in units_with_alternatives(translation):
        trans_unit = element(body, "trans-unit", id=unit.id, resname=unit.path)
        trans_unit.set(XML_SPACE, "preserve")
        codes = source_codes(unit.source)
        write(element(trans_unit, "source"), unit.source, codes, "1.2", NS12)
        target = element(trans_unit, "target", state=STATE_12[unit.state])
        write(target, unit.target or "", codes, "1.2", NS12)
        for suggestion in unit.alternatives:
            alternative = element(
                trans_unit,
                "alt-trans",
                **{"match-quality": str(suggestion.similarity), "origin": MATCH_ORIGIN},
            )
            old_codes = source_codes(suggestion.source)
            write(element(alternative, "source"), suggestion.source, old_codes, "1.2", NS12)
            write(element(alternative, "target"), suggestion.target, old_codes, "1.2", NS12)
        element(trans_unit, "note", _field_note(unit))
        element(trans_unit, "note", _page_note(translation))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def xliff20(translation: Translation) -> bytes:
    def element(parent, tag, text=None, **attributes):
        child = etree.SubElement(parent, f"{{{NS20}}}{tag}", attributes)
        child.text = text
        return child

    root = etree.Element(
        f"{{{NS20}}}xliff",
        nsmap={None: NS20, "mtc": NSMTC},
        version="2.0",
        srcLang=SOURCE_LANGUAGE,
        trgLang=translation.target_locale.language_code,
    )
    file = element(root, "file", id="f1", original=original(translation))
    notes = element(file, "notes")
    element(notes, "note", _page_note(translation), category="page")
    for unit in units_with_alternatives(translation):
        xml_unit = element(file, "unit", id=unit.id, name=unit.path, canResegment="no")
        xml_unit.set(XML_SPACE, "preserve")
        if unit.alternatives:
            matches = etree.SubElement(xml_unit, f"{{{NSMTC}}}matches")
            for suggestion in unit.alternatives:
                match = etree.SubElement(
                    matches,
                    f"{{{NSMTC}}}match",
                    ref=f"#{SEGMENT_ID}",
                    similarity=str(suggestion.similarity),
                    origin=MATCH_ORIGIN,
                )
                old_codes = source_codes(suggestion.source)
                write(element(match, "source"), suggestion.source, old_codes, "2.0", NS20)
                write(element(match, "target"), suggestion.target, old_codes, "2.0", NS20)
        notes = element(xml_unit, "notes")
        element(notes, "note", _field_note(unit), category="context")
        element(notes, "note", _page_note(translation), category="page")
        segment = element(xml_unit, "segment", id=SEGMENT_ID, state=STATE_20[unit.state])
        if unit.sub_state and unit.target is not None:
            segment.set("subState", unit.sub_state)
        codes = source_codes(unit.source)
        write(element(segment, "source"), unit.source, codes, "2.0", NS20)
        if unit.target is not None:
            write(element(segment, "target"), unit.target, codes, "2.0", NS20)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def export_zip(translations: list[Translation], version: str) -> bytes:
    write = xliff12 if version == "1.2" else xliff20
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for translation in translations:
            archive.writestr(po_filename(translation, "xlf"), write(translation))
    return buffer.getvalue()
