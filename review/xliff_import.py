"""XLIFF 1.2 and 2.0 files back from an agency: the PO import's checks and all-or-nothing save.

An XLIFF file is read into the PO file the PO import would have received for the same
translation (context path, Swedish text, translated text, the translation's UUID) and then
goes through ``po_exchange.check_po`` and ``po_upload.apply_all`` unchanged: markup,
placeholders, field lengths, the locale, the editor's permission, a page that is gone. What
only XLIFF has is checked here: the XML itself (parsed by lxml with no DTD, no entities, no
network; a DOCTYPE is refused), the declared languages, unit ids from our export, inline
codes (turned back into the Swedish text's own tags by ``review.xliff_inline``; besides
them only segmentation markers are accepted). Tags written as plain text are read too.

Units whose target is empty or equal to the current translation are not imported, so a
file sent back with no edits changes nothing (no string, no draft revision). The state in
the file is not trusted: an import never approves a string.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import Locale

import polib
from lxml import etree

from . import po_exchange, po_upload
from .po_exchange import CheckedFile, check_po
from .safe_xml import read_root
from .xliff_export import NS12, NS20, SOURCE_LANGUAGE, current_units
from .xliff_inline import InlineError, read, source_codes

KIND = po_upload.UploadKind(
    (".xlf", ".xliff"),
    gettext_lazy("%(name)s: ladda upp en XLIFF-fil (.xlf) eller en zip-fil med XLIFF-filer"),
    gettext_lazy("%(name)s: zip-filen innehåller inga XLIFF-filer (.xlf)"),
)
TOOL_NAME = "XLIFF"
# Segmentation markers a CAT tool may add around text; any other element is refused.
MARKERS = {NS12: {"mrk"}, NS20: {"mrk", "sm", "em"}}


class XliffError(Exception):
    """What is wrong with the file, for the translator."""


@dataclass
class FileUnit:
    id: str
    namespace: str
    targets: list  # the target elements, in order (2.0: one per segment or ignorable)

    def target(self, source: str) -> str:
        """The translated text, inline codes read against the Swedish ``source``."""
        codes = source_codes(source)
        return "".join(
            read(element, codes, self.namespace, MARKERS[self.namespace])
            for element in self.targets
        )


@dataclass
class XliffFile:
    translation_id: str
    source_language: str
    target_language: str
    units: list[FileUnit]


def _translation_id(value: str) -> str:
    value = (value or "").strip()
    return value[len("urn:uuid:") :] if value.lower().startswith("urn:uuid:") else value


def parse(data: bytes) -> XliffFile:
    root = read_root(data, XliffError)
    if root.getroottree().docinfo.doctype:
        raise XliffError(_("filen har en DOCTYPE-deklaration, vilket inte tillåts"))
    namespace = etree.QName(root).namespace
    if etree.QName(root).localname != "xliff" or namespace not in (NS12, NS20):
        raise XliffError(_("filen är ingen XLIFF 1.2- eller 2.0-fil"))
    ns = {"x": namespace}
    files = root.findall("x:file", ns)
    if len(files) != 1:
        raise XliffError(_("filen ska innehålla exakt ett <file>-element, som vid exporten"))
    (file,) = files
    units = []
    if namespace == NS12:
        source_language = file.get("source-language", "")
        target_language = file.get("target-language", "")
        for element in file.iterfind(".//x:trans-unit", ns):
            targets = element.findall("x:target", ns)[:1]
            units.append(FileUnit(element.get("id", ""), namespace, targets))
    else:
        source_language = root.get("srcLang", "")
        target_language = root.get("trgLang", "")
        for element in file.iterfind(".//x:unit", ns):
            # A tool that resegmented a unit: its segments and ignorables in order.
            targets = [
                target
                for part in element
                if isinstance(part.tag, str)  # not a comment or processing instruction
                and etree.QName(part).localname in ("segment", "ignorable")
                for target in part.iterfind("x:target", ns)
            ]
            units.append(FileUnit(element.get("id", ""), namespace, targets))
    return XliffFile(
        translation_id=_translation_id(file.get("original", "")),
        source_language=source_language,
        target_language=target_language,
        units=units,
    )


def _language(code: str) -> str:
    return code.strip().replace("_", "-").split("-")[0].lower()


def check_file(name: str, data: bytes, locale: Locale, user) -> CheckedFile:
    checked = CheckedFile(name=name)
    try:
        xliff = parse(data)
    except XliffError as error:
        checked.errors.append(str(error))
        return checked
    po = polib.POFile()
    po.metadata = {"X-WagtailLocalize-TranslationID": xliff.translation_id}
    translation = po_upload.find_translation(xliff.translation_id)
    if translation is None or translation.target_locale_id != locale.pk:
        return check_po(checked, po, locale, user)  # names the unknown ID or the other locale

    errors = []
    if _language(xliff.source_language) != SOURCE_LANGUAGE:
        errors.append(
            _("källspråket i filen är %(code)s, inte svenska (sv)")
            % {"code": xliff.source_language or "-"}
        )
    if _language(xliff.target_language) != locale.language_code.lower():
        errors.append(
            _("filen anger målspråket %(found)s, men importen gäller %(expected)s")
            % {"found": xliff.target_language or "-", "expected": locale.language_code}
        )
    known = {unit.id: unit for unit in current_units(translation)}
    seen = set()
    changed = 0
    for number, unit in enumerate(xliff.units, start=1):
        current = known.get(unit.id)
        if current is None:
            errors.append(
                _("enhet %(number)s (%(id)s): okänd källtext eller okänt ID")
                % {"number": number, "id": unit.id[:100] or "-"}
            )
            continue
        if unit.id in seen:
            errors.append(
                _("enhet %(number)s (%(id)s): finns flera gånger i filen")
                % {"number": number, "id": unit.id}
            )
            continue
        seen.add(unit.id)
        try:
            target = unit.target(current.source)
        except InlineError as error:
            errors.append(
                _("enhet %(number)s (%(id)s): %(problem)s")
                % {"number": number, "id": unit.id, "problem": error}
            )
            continue
        if not target:
            continue
        po.append(polib.POEntry(msgctxt=current.path, msgid=current.source, msgstr=target))
        changed += target != current.target
    check_po(checked, po, locale, user)
    checked.errors[:0] = errors
    # Unchanged targets are checked like the rest but not written again.
    for entry in [entry for entry in po if _unchanged(entry, known)]:
        po.remove(entry)
    checked.unchanged = not changed
    return checked


def _unchanged(entry: polib.POEntry, known: dict) -> bool:
    return any(
        unit.path == entry.msgctxt and unit.source == entry.msgid and unit.target == entry.msgstr
        for unit in known.values()
    )


def import_files(files: list[tuple[str, bytes]], locale: Locale, user) -> list[CheckedFile]:
    """Check every XLIFF file; save all as drafts, or none when any has an error."""
    return po_exchange.import_files(files, locale, user, check=check_file, tool_name=TOOL_NAME)
