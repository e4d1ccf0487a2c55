"""TMX 1.4 files back from an agency: its memory, kept apart until a person has read it.

An agency starts from the municipality's memory (``review.tmx_export``) and gives its own
back. Its pairs of Swedish text and translation are not the municipality's translations:
they are stored in ``AgencyMemory`` (never as wagtail-localize ``StringTranslation`` rows),
and the pipeline offers a pair only as a draft of a string with the identical Swedish text,
typed as machine text with ``TOOL_NAME``, so that it waits for a translator's review like
machine text and is never published as reviewed without a person
(``translation.memory.fill_from_agency_memory``).

The upload goes through the PO and XLIFF imports' reader and limits (``review.po_upload``)
and their all-or-nothing answer: one bad unit in one file and nothing of the upload is
saved, with a message per file and unit. The XML is parsed by lxml with no entities, no DTD
loading and no network; a DOCTYPE naming the TMX DTD is accepted (CAT tools write one) but
one that declares anything is refused. Checked per file: TMX 1.4, source language ``sv``,
units in the language of the import; per unit: both sides present and no other language,
inline codes (``<bpt>``/``<ept>``/``<ph>``/``<it>`` carry the original tags as text, which
become the text's tags again) and the PO import's markup and placeholder checks against the
Swedish text. Units marked as machine translation (our own export ``?maskin=1``) are skipped:
an agency's memory must not launder machine text. Pairs the municipality's memory already
has, and pairs imported before, are not stored again, so importing our own export or the
same file twice changes nothing.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation

from lxml import etree

from translation.memory import AGENCY_TOOL_NAME
from translation.models import AgencyMemory, text_hash

from . import po_upload
from .po_exchange import check_entry
from .safe_xml import read_root
from .tmx_export import MACHINE, SOURCE_LANGUAGE, XML_LANG

KIND = po_upload.UploadKind(
    (".tmx",),
    gettext_lazy("%(name)s: ladda upp en TMX-fil (.tmx) eller en zip-fil med TMX-filer"),
    gettext_lazy("%(name)s: zip-filen innehåller inga TMX-filer (.tmx)"),
)
# The tool name of a draft string filled from the agency memory (translation.memory).
TOOL_NAME = AGENCY_TOOL_NAME
MAX_TEXT = 20_000  # characters per side; a page field is far shorter
# Inline elements whose text is the original code (a tag of the source document).
CODES = {"bpt", "ept", "ph", "it", "ut"}


class TmxError(Exception):
    """What is wrong, for the translator."""


@dataclass
class CheckedTmx:
    name: str
    pairs: list[tuple[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    machine_skipped: int = 0
    added: int = 0
    # Nothing new in the file (our own export, or a file imported before).
    unchanged: bool = False


def _language(code: str) -> str:
    return (code or "").strip().replace("_", "-").split("-")[0].lower()


def _root(data: bytes):
    root = read_root(data, TmxError)
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and (list(dtd.iterentities()) or list(dtd.iterelements())):
        raise TmxError(_("filen har en DOCTYPE med egna deklarationer, vilket inte tillåts"))
    if root.tag != "tmx":
        raise TmxError(_("filen är ingen TMX-fil"))
    if not (root.get("version") or "").startswith("1.4"):
        raise TmxError(
            _("filen är TMX %(version)s; bara TMX 1.4 stöds") % {"version": root.get("version")}
        )
    return root


def segment_text(element) -> str:
    """The text of a ``<seg>``: its text, the original tags its inline codes carry, the text
    of highlights. Anything else (a sub-flow, an entity, an unknown element) is refused."""
    parts = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str):
            if isinstance(child, etree._Comment):
                parts.append(child.tail or "")
                continue
            raise TmxError(_("texten innehåller en entitet eller instruktion"))
        name = child.tag
        if name in CODES:
            if len(child):
                raise TmxError(_("<%(tag)s> med innehåll stöds inte") % {"tag": name})
            parts.append(child.text or "")
        elif name == "hi":
            parts.append(segment_text(child))
        else:
            raise TmxError(_("<%(tag)s> stöds inte") % {"tag": name})
        parts.append(child.tail or "")
    return "".join(parts)


def _is_machine(unit) -> bool:
    return any(
        prop.get("type") == "x-translation-type" and (prop.text or "").strip() == MACHINE
        for prop in unit.iterfind("prop")
    )


def _unit_pair(unit, target_language: str) -> tuple[str, str]:
    texts = {}
    for variant in unit.iterfind("tuv"):
        language = _language(variant.get(XML_LANG) or variant.get("lang"))
        if language not in (SOURCE_LANGUAGE, target_language):
            raise TmxError(
                _("språket %(code)s hör inte till paret sv–%(target)s")
                % {
                    "code": variant.get(XML_LANG) or variant.get("lang") or "-",
                    "target": target_language,
                }
            )
        if language in texts:
            raise TmxError(_("språket %(code)s finns flera gånger") % {"code": language})
        seg = variant.find("seg")
        texts[language] = segment_text(seg) if seg is not None else ""
    source, target = texts.get(SOURCE_LANGUAGE, ""), texts.get(target_language, "")
    if not source.strip():
        raise TmxError(_("den svenska texten saknas"))
    if not target.strip():
        raise TmxError(_("översättningen till %(code)s saknas") % {"code": target_language})
    if max(len(source), len(target)) > MAX_TEXT:
        raise TmxError(_("texten är för lång (högst %(max)s tecken)") % {"max": MAX_TEXT})
    problem = check_entry(source, target)
    if problem:
        raise TmxError(problem)
    return source, target


def check_file(name: str, data: bytes, locale: Locale) -> CheckedTmx:
    checked = CheckedTmx(name=name)
    try:
        root = _root(data)
    except TmxError as error:
        checked.errors.append(str(error))
        return checked
    header = root.find("header")
    source_language = header.get("srclang", "") if header is not None else ""
    if _language(source_language) != SOURCE_LANGUAGE:
        checked.errors.append(
            _("källspråket i filen är %(code)s, inte svenska (sv)")
            % {"code": source_language or "-"}
        )
        return checked
    target_language = locale.language_code.lower()
    units = root.findall("body/tu")
    if not units:
        checked.errors.append(_("filen innehåller inga översättningsenheter"))
        return checked
    languages = {
        _language(variant.get(XML_LANG) or variant.get("lang")) for variant in root.iter("tuv")
    }
    if target_language not in languages:
        checked.errors.append(_("filen gäller ett annat språk"))
        return checked
    seen = set()
    for number, unit in enumerate(units, start=1):
        if _is_machine(unit):
            checked.machine_skipped += 1
            continue
        try:
            pair = _unit_pair(unit, target_language)
        except TmxError as error:
            checked.errors.append(
                _("enhet %(number)s (%(id)s): %(problem)s")
                % {"number": number, "id": (unit.get("tuid") or "-")[:100], "problem": error}
            )
            continue
        if pair not in seen:
            seen.add(pair)
            checked.pairs.append(pair)
    return checked


def _new_pairs(pairs: list[tuple[str, str]], locale: Locale) -> list[tuple[str, str]]:
    """The pairs neither the municipality's memory nor the agency memory has yet."""
    sources = {source for source, _target in pairs}
    ours = set(
        StringTranslation.objects.filter(
            locale=locale, translation_of__data__in=sources
        ).values_list("translation_of__data", "data")
    )
    imported = set(
        AgencyMemory.objects.filter(
            locale=locale, source_hash__in={text_hash(source) for source in sources}
        ).values_list("source_hash", "target_hash")
    )
    return [
        (source, target)
        for source, target in pairs
        if (source, target) not in ours and (text_hash(source), text_hash(target)) not in imported
    ]


def import_files(files: list[tuple[str, bytes]], locale: Locale, user) -> list[CheckedTmx]:
    """Check every TMX file; store the new pairs of all of them, or nothing when any has an
    error."""
    checked = [check_file(name, data, locale) for name, data in files]
    if any(item.errors for item in checked):
        return checked
    with transaction.atomic():
        stored = set()
        for item in checked:
            rows = []
            for source, target in _new_pairs(item.pairs, locale):
                key = (text_hash(source), text_hash(target))
                if key in stored:  # the same pair in two files of the upload
                    continue
                stored.add(key)
                rows.append(
                    AgencyMemory(
                        locale=locale,
                        source_text=source,
                        target_text=target,
                        source_hash=key[0],
                        target_hash=key[1],
                        origin=item.name[:255],
                        imported_by=user if user.is_authenticated else None,
                    )
                )
            # A concurrent import of the same file: the constraint keeps one row per pair.
            AgencyMemory.objects.bulk_create(rows, ignore_conflicts=True)
            item.added = len(rows)
            item.unchanged = not rows
    return checked
