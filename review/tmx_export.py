"""The translation memory as TMX 1.4b, per language pair, for an agency's CAT tool.

The memory is wagtail-localize's ``StringTranslation`` rows (what ``translation.memory``
reuses): each distinct pair of Swedish text and translation becomes one translation unit.
By default only translations people wrote are included, since an agency's memory should not
learn machine text as if it were checked; with ``machine=True`` machine strings are added,
each marked ``<prop type="x-translation-type">machine</prop>``. Rows with an error and
translations carried over from an older Swedish text that nobody has checked are left out,
as the memory leaves them out. Inline tags stay as escaped text, as in the PO and XLIFF
files. Written with lxml.
"""

import datetime

from django.utils import timezone

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation

from lxml import etree

from translation.carry_forward import TOOL_NAME as CARRIED

SOURCE_LANGUAGE = "sv"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MACHINE = StringTranslation.TRANSLATION_TYPE_MACHINE


def _date(value) -> str:
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def memory_rows(locale: Locale, *, machine: bool = False):
    rows = (
        StringTranslation.objects.filter(
            locale=locale, translation_of__locale__language_code=SOURCE_LANGUAGE, has_error=False
        )
        .exclude(tool_name=CARRIED)
        .exclude(data="")
        .select_related("translation_of")
        .order_by("translation_of__data", "data", "-translation_type", "-updated_at")
    )
    if not machine:
        rows = rows.filter(translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL)
    return rows


def export_tmx(locale: Locale, *, machine: bool = False) -> bytes:
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(
        root,
        "header",
        {
            "creationtool": "international-portal",
            "creationtoolversion": "1",
            "segtype": "block",
            "o-tmf": "wagtail-localize",
            "adminlang": "sv",
            "srclang": SOURCE_LANGUAGE,
            "datatype": "html",
            "creationdate": _date(timezone.now()),
        },
    )
    body = etree.SubElement(root, "body")
    seen = set()
    for row in memory_rows(locale, machine=machine).iterator():
        pair = (row.translation_of.data, row.data)
        if pair in seen:  # a person's, then the newest, row of each pair comes first
            continue
        seen.add(pair)
        unit = etree.SubElement(
            body,
            "tu",
            creationdate=_date(row.created_at),
            changedate=_date(row.updated_at),
        )
        if row.translation_type == MACHINE:
            prop = etree.SubElement(unit, "prop", type="x-translation-type")
            prop.text = MACHINE
        for language, text in ((SOURCE_LANGUAGE, pair[0]), (locale.language_code, pair[1])):
            variant = etree.SubElement(unit, "tuv", {XML_LANG: language})
            etree.SubElement(variant, "seg").text = text
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
