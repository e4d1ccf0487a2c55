"""PO files for translation agencies, per locale (made for so/ti, works for any locale).

Export: one PO file per page that needs translation in the locale, all in one zip, written
by wagtail-localize's own ``Translation.export_po()``. Import: a zip of such files (or one
PO file). Every file is checked before anything is written: the translation ID must belong
to this locale, every entry must be a current source string in its context, inline tags
and placeholders must match the source, and markup must be well formed. Only when all files
pass are they applied (``Translation.import_po()``) in one transaction, and each target is
saved as a draft for review.

Which pages need work is read from the stored review states (``review.stored_states``), so
the exchange page counts them per language in one query whatever the site's size; only the
export computes the states of the pages it exports afresh (``review_items`` for those
pairs), as it needs their translations and whether their Swedish text moved on.
"""

import io
import os
import tempfile
import zipfile
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models import Count
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.models import Locale, Page
from wagtail.permissions import page_permission_policy
from wagtail_localize.models import StringSegment, Translation

import polib

from core.markup import BROKEN, PLACEHOLDERS_DIFFER, TAGS_DIFFER, translation_problem
from translation.drafts import AliasTarget, save_draft

from . import po_upload
from .states import State, review_items
from .stored_states import stored_pairs

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
EXPORT_STATES = {
    State.MISSING,
    State.MACHINE_DRAFT,
    State.IN_REVIEW,
    State.STALE,
    State.PUBLISHED_MACHINE,
}


# Which locales and pages ---------------------------------------------------------------------


def _pairs_needing_work(language_codes, user):
    """The stored rows (``review.stored_states``) of the pairs in these languages whose
    translated page ``user`` may edit and whose state asks for work: an export state and a
    target page (a stored target means an enabled translation, ``compute_state``)."""
    rows = stored_pairs(language_codes).filter(state__in=EXPORT_STATES, target_page__isnull=False)
    if getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
        # A moderation task may open the editor to a reviewer Wagtail gives no "change"
        # permission: only the page's own tester knows (off here: portal/settings/base.py).
        editable = [
            page.pk
            for page in Page.objects.filter(pk__in=rows.values("target_page_id"))
            if page.permissions_for_user(user).can_edit()
        ]
        return rows.filter(target_page_id__in=editable)
    # Without workflows, ``can_edit`` is exactly Wagtail's "change" permission (or "add" on
    # one's own page) on the page or an ancestor: the policy's own queryset of those pages.
    if user.is_active and user.is_superuser:
        return rows
    editable = page_permission_policy.instances_user_has_any_permission_for(user, {"change"})
    return rows.filter(target_page_id__in=editable.values("pk"))


def counts_needing_work(locales, user) -> dict[int, int]:
    """``{locale id: pages whose translation into it needs work}``, as many as
    ``translations_needing_work`` gives (without its refresh), for every locale in one query."""
    rows = _pairs_needing_work({locale.language_code for locale in locales}, user)
    return dict(rows.order_by().values_list("locale_id").annotate(n=Count("pk")))


def translations_needing_work(locale: Locale, user, *, refresh=False) -> list[Translation]:
    """Enabled translations into ``locale`` that are not yet published and reviewed.

    With ``refresh``, stale translations first get the current Swedish text (source
    re-extracted, target saved as a draft) so that the agency translates what is live.
    The candidates are the stored states' (``_pairs_needing_work``); their states are
    computed afresh here, and what they say decides.
    """
    pairs = set(
        _pairs_needing_work({locale.language_code}, user).values_list("source_page_id", "locale_id")
    )
    if not pairs:
        return []
    items = review_items(
        pages=Page.objects.filter(pk__in={page_id for page_id, _locale in pairs}).order_by("path"),
        locale_ids={locale.pk},
        only=pairs,
    )
    result = []
    for item in items:
        if item.state not in EXPORT_STATES or item.translation is None:
            continue
        if item.target_page is None:
            continue
        if not item.target_page.permissions_for_user(user).can_edit():
            continue
        if refresh and item.source_behind:
            try:
                with transaction.atomic():
                    item.translation.source.update_from_db()
                    save_draft(item.translation, user=user)
            except AliasTarget:
                continue
        result.append(item.translation)
    return result


def po_filename(translation: Translation, extension: str = "po") -> str:
    name = slugify(translation.source.object_repr) or "sida"
    return f"{name}-{translation.pk}-{translation.target_locale.language_code}.{extension}"


def export_zip(translations: list[Translation]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for translation in translations:
            archive.writestr(po_filename(translation), str(translation.export_po()))
    return buffer.getvalue()


# Validation ----------------------------------------------------------------------------------


def check_entry(msgid: str, msgstr: str) -> str | None:
    """Why a translated string cannot be accepted, or ``None`` (the check is core.markup's)."""
    declaration = po_upload.markup_declaration(msgstr)
    if declaration:
        return declaration
    problem = translation_problem(msgid, msgstr)
    if problem == BROKEN:
        return _("trasig kodning (HTML) i översättningen")
    if problem == TAGS_DIFFER:
        return _("taggarna i översättningen stämmer inte med källtexten")
    if problem == PLACEHOLDERS_DIFFER:
        return _("platshållarna i översättningen stämmer inte med källtexten")
    return None


@dataclass
class CheckedFile:
    name: str
    po: polib.POFile | None = None
    translation: Translation | None = None
    errors: list[str] = field(default_factory=list)
    # Sent back with no edits: checked like any file, but nothing is saved for it.
    unchanged: bool = False


def _parse_po(data: bytes) -> polib.POFile:
    # polib.pofile() reads a path when given one; hand it a file we wrote ourselves.
    handle, path = tempfile.mkstemp(suffix=".po")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        return polib.pofile(path)
    finally:
        os.unlink(path)


def check_file(name: str, data: bytes, locale: Locale, user) -> CheckedFile:
    checked = CheckedFile(name=name)
    try:
        data.decode("utf-8")
        po = _parse_po(data)
    except (OSError, UnicodeDecodeError, ValueError):
        checked.errors.append(_("filen är ingen giltig PO-fil i UTF-8"))
        return checked
    # Obsolete entries are only for the translator's reference: never imported.
    for entry in po.obsolete_entries():
        po.remove(entry)
    return check_po(checked, po, locale, user)


def check_po(checked: CheckedFile, po: polib.POFile, locale: Locale, user) -> CheckedFile:
    """The PO import's checks of ``po``, also used by the XLIFF import (review.xliff_import)."""
    checked.po = po
    translation_id = po.metadata.get("X-WagtailLocalize-TranslationID", "")
    translation = po_upload.find_translation(translation_id)
    if translation is None:
        checked.errors.append(_("filen hör inte till någon översättning (okänt ID)"))
        return checked
    if translation.target_locale_id != locale.pk:
        checked.errors.append(_("filen gäller ett annat språk"))
        return checked
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:
        checked.errors.append(_("sidan finns inte längre"))
        return checked
    if not target.permissions_for_user(user).can_edit():
        checked.errors.append(_("du får inte redigera den här sidan"))
        return checked
    checked.translation = translation

    current = {
        (segment.context.path, segment.string.data)
        for segment in StringSegment.objects.filter(source=translation.source).select_related(
            "context", "string"
        )
    }
    for number, entry in enumerate(po, start=1):
        if entry.obsolete or not entry.msgstr:
            continue
        if (entry.msgctxt, entry.msgid) not in current:
            checked.errors.append(
                _("post %(number)s (%(context)s): okänd källtext eller okänt ID")
                % {"number": number, "context": entry.msgctxt or "-"}
            )
            continue
        problem = check_entry(entry.msgid, entry.msgstr)
        if problem:
            checked.errors.append(
                _("post %(number)s (%(context)s): %(problem)s")
                % {"number": number, "context": entry.msgctxt, "problem": problem}
            )
    return checked


def import_files(
    files: list[tuple[str, bytes]], locale: Locale, user, *, check=check_file, tool_name="PO"
) -> list[CheckedFile]:
    """Check every file (with ``check``); apply all of them, or none when any has an error."""
    checked = [check(name, data, locale, user) for name, data in files]
    seen = {}
    for item in checked:
        if item.translation is not None:
            if item.translation.pk in seen:
                item.errors.append(_("samma sida finns i flera filer"))
            seen[item.translation.pk] = item
    if any(item.errors for item in checked):
        return checked
    po_upload.apply_all(checked, user, tool_name=tool_name)
    return checked
