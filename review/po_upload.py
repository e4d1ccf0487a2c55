"""Hostile uploads to the PO exchange: every failure becomes a message that names the file.

An agency's zip passes through here before a single PO entry is looked at. The zip module
raises half a dozen exception types (bad CRC, unknown compression method, encrypted entry,
truncated data) and trusts sizes from the archive's own headers; a translation id in a PO
header is whatever the file says. This module reads an upload within limits (settings
``PO_UPLOAD_MAX_BYTES``, ``PO_UPLOAD_MAX_FILES``, ``PO_UPLOAD_MAX_FILE_BYTES``,
``PO_UPLOAD_MAX_TOTAL_BYTES``, ``PO_UPLOAD_MAX_RATIO``), turns what goes wrong into a
sentence for the translator, refuses markup declarations and processing instructions in
translated text, and applies a checked upload all-or-nothing with validation errors
reported per file.
"""

import io
import posixpath
import re
import uuid
import zipfile
import zlib
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail_localize.models import Translation

from translation.drafts import AliasTarget, save_draft

# `<!DOCTYPE`, `<![CDATA[`, `<!--`, `<!ENTITY` and `<?php ... ?>`/`<?xml ... ?>`: none of them
# belongs in a translated string, and HTMLParser passes them through without a tag.
DECLARATION = re.compile(r"<\s*[!?]")
CHUNK = 64 * 1024


def limit(name: str) -> int:
    defaults = {
        "PO_UPLOAD_MAX_BYTES": 5 * 1024 * 1024,
        "PO_UPLOAD_MAX_FILES": 200,
        "PO_UPLOAD_MAX_FILE_BYTES": 2 * 1024 * 1024,
        "PO_UPLOAD_MAX_TOTAL_BYTES": 20 * 1024 * 1024,
        "PO_UPLOAD_MAX_RATIO": 100,
    }
    return getattr(settings, name, defaults[name])


def find_translation(value: str) -> Translation | None:
    """The translation a PO header names, or ``None`` for anything that is not a UUID."""
    try:
        translation_uuid = uuid.UUID(str(value).strip())
    except (ValueError, TypeError, AttributeError):
        return None
    return Translation.objects.filter(uuid=translation_uuid).select_related("source").first()


def markup_declaration(text: str) -> str | None:
    """Why ``text`` is refused for carrying a declaration or processing instruction."""
    if DECLARATION.search(text or ""):
        return _("översättningen innehåller en kodningsdeklaration (<!…> eller <?…?>)")
    return None


@dataclass(frozen=True)
class UploadKind:
    """Which files an upload may carry (by extension) and what to say when it has none."""

    extensions: tuple[str, ...]
    wrong_type: str  # "%(name)s: ..." for an upload that is neither such a file nor a zip
    no_files: str  # "%(name)s: ..." for a zip without such files


PO = UploadKind(
    (".po",),
    gettext_lazy("%(name)s: ladda upp en PO-fil eller en zip-fil med PO-filer"),
    gettext_lazy("%(name)s: zip-filen innehåller inga PO-filer"),
)


class UploadError(Exception):
    """A message for the translator: what is wrong, naming the file."""


def _entry_name(info: zipfile.ZipInfo) -> str:
    name = info.filename
    parts = [part for part in name.replace("\\", "/").split("/") if part]
    if (
        name.startswith(("/", "\\"))
        or re.match(r"^[A-Za-z]:", name)
        or ".." in parts
        or len(parts) > 2
        or "\x00" in name
    ):
        raise UploadError(
            _("%(name)s: sökvägen i zip-filen är inte tillåten (mappar i mappar eller ..)")
            % {"name": name[:200]}
        )
    return parts[-1] if parts else name


def _read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> bytes:
    """The entry's bytes, read in chunks so that a lying header cannot exhaust memory."""
    name = info.filename
    if info.flag_bits & 0x1:
        raise UploadError(_("%(name)s: filen är krypterad") % {"name": name})
    max_file = limit("PO_UPLOAD_MAX_FILE_BYTES")
    if info.file_size > max_file:
        raise UploadError(
            _("%(name)s: filen är för stor uppackad (högst %(size)s kB)")
            % {"name": name, "size": max_file // 1024}
        )
    if info.file_size > max(info.compress_size, 1) * limit("PO_UPLOAD_MAX_RATIO"):
        raise UploadError(
            _("%(name)s: filen packas upp till en misstänkt stor storlek") % {"name": name}
        )
    cap = min(max_file, budget)
    chunks = []
    read = 0
    try:
        with archive.open(info) as entry:
            while chunk := entry.read(CHUNK):
                read += len(chunk)
                if read > cap:
                    raise UploadError(
                        _("%(name)s: filen är för stor uppackad (högst %(size)s kB)")
                        % {"name": name, "size": cap // 1024}
                    )
                chunks.append(chunk)
    except UploadError:
        raise
    except NotImplementedError:
        raise UploadError(
            _("%(name)s: okänd komprimeringsmetod (använd vanlig zip, deflate)") % {"name": name}
        ) from None
    except RuntimeError:  # the zip module's "password required" for encrypted entries
        raise UploadError(_("%(name)s: filen är krypterad") % {"name": name}) from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as error:
        reason = _("kontrollsumman stämmer inte") if "CRC" in str(error) else _("filen är trasig")
        raise UploadError(
            _("%(name)s: %(reason)s (zip-filen är skadad)") % {"name": name, "reason": reason}
        ) from None
    return b"".join(chunks)


def _read_zip(upload_name: str, data: bytes, kind: UploadKind) -> list[tuple[str, bytes]]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError):
        raise UploadError(
            _("%(name)s: zip-filen är trasig eller ofullständig") % {"name": upload_name}
        ) from None
    max_files = limit("PO_UPLOAD_MAX_FILES")
    if len(infos) > max_files:
        raise UploadError(
            _("%(name)s: zip-filen innehåller för många filer (högst %(count)s)")
            % {"name": upload_name, "count": max_files}
        )
    files = []
    names = set()
    budget = limit("PO_UPLOAD_MAX_TOTAL_BYTES")
    with archive:
        for info in infos:
            if info.is_dir():
                _entry_name(info)
                continue
            name = _entry_name(info)
            if name.lower().endswith(".zip"):
                raise UploadError(
                    _("%(name)s: zip-filer inuti zip-filen stöds inte") % {"name": info.filename}
                )
            if not name.lower().endswith(kind.extensions):
                continue
            if name in names:
                raise UploadError(
                    _("%(name)s: samma filnamn finns flera gånger i zip-filen")
                    % {"name": info.filename}
                )
            names.add(name)
            content = _read_entry(archive, info, budget)
            budget -= len(content)
            files.append((name, content))
    if not files:
        raise UploadError(str(kind.no_files) % {"name": upload_name})
    return files


def read_upload(upload, kind: UploadKind = PO) -> list[tuple[str, bytes]] | str:
    """The (name, bytes) of each file of ``kind`` in an upload, or a message what is wrong."""
    name = posixpath.basename((upload.name or "").replace("\\", "/"))[:200] or "?"
    max_bytes = limit("PO_UPLOAD_MAX_BYTES")
    if upload.size > max_bytes:
        return _("%(name)s: filen är för stor (högst %(size)s MB)") % {
            "name": name,
            "size": max_bytes // (1024 * 1024),
        }
    data = upload.read(max_bytes + 1)
    if name.lower().endswith(kind.extensions):
        return [(name, data)]
    if not zipfile.is_zipfile(io.BytesIO(data)):
        return str(kind.wrong_type) % {"name": name}
    try:
        return _read_zip(name, data, kind)
    except UploadError as error:
        return str(error)


def apply_all(checked, user, tool_name="PO") -> bool:
    """Import every checked file in one transaction; on any failure, nothing is kept.

    A file marked ``unchanged`` (an exchange file sent back with no edits) is skipped, so
    that it saves no draft revision.

    Each file runs in its own savepoint so that a model validation error (a title over 255
    characters, a required field left empty) is reported against that file, and then the
    whole transaction is rolled back. Returns whether everything was applied.
    """
    for item in checked:
        item.errors.extend(_field_length_errors(item))
    failed = any(item.errors for item in checked)
    with transaction.atomic():
        for item in checked:
            if failed:
                break
            if getattr(item, "unchanged", False):
                continue
            try:
                with transaction.atomic():
                    item.translation.import_po(item.po, user=user, tool_name=tool_name)
                    # A draft revision, never the live row (see translation.drafts).
                    save_draft(item.translation, user=user)
            except AliasTarget:
                failed = True
                item.errors.append(
                    _(
                        "sidan visas som en kopia av den svenska sidan; "
                        "översätt den först i redigeraren"
                    )
                )
            except ValidationError as error:
                failed = True
                item.errors.extend(_validation_messages(error))
            except DatabaseError:
                failed = True
                item.errors.append(_("en text är för lång eller ogiltig för sitt fält"))
        if failed:
            transaction.set_rollback(True)
    return not failed


def _field_length_errors(item) -> list[str]:
    """Texts longer than their model field, found before PostgreSQL's DataError would."""
    model = item.translation.source.specific_content_type.model_class()
    errors = []
    for entry in item.po:
        if not entry.msgstr or not entry.msgctxt or "." in entry.msgctxt:
            continue
        try:
            field = model._meta.get_field(entry.msgctxt)
        except FieldDoesNotExist:  # a StreamField block or a related object: nothing to measure
            field = None
        max_length = getattr(field, "max_length", None)
        if max_length and len(entry.msgstr) > max_length:
            errors.append(
                _("fältet %(field)s: högst %(max)s tecken (texten har %(length)s)")
                % {"field": entry.msgctxt, "max": max_length, "length": len(entry.msgstr)}
            )
    return errors


def _validation_messages(error: ValidationError) -> list[str]:
    if hasattr(error, "error_dict"):
        return [
            _("fältet %(field)s: %(message)s") % {"field": field, "message": " ".join(messages)}
            for field, messages in error.message_dict.items()
        ]
    return list(error.messages)
