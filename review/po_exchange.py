"""PO files for translation agencies, per locale (made for so/ti, works for any locale).

Export: one PO file per page that needs translation in the locale, all in one zip, written
by wagtail-localize's own ``Translation.export_po()``. Import: a zip of such files (or one
PO file). Every file is checked before anything is written: the translation ID must belong
to this locale, every entry must be a current source string in its context, inline tags
and placeholders must match the source, and markup must be well formed. Only when all files
pass are they applied (``Translation.import_po()``) in one transaction, and each target is
saved as a draft for review.
"""

import io
import os
import tempfile
import zipfile
from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation
from wagtail_localize.views import edit_translation

import polib

from core.markup import BROKEN, PLACEHOLDERS_DIFFER, TAGS_DIFFER, translation_problem

from . import po_upload
from .po_upload import read_upload
from .roles import user_locale_codes
from .states import State, review_items

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
EXPORT_STATES = {
    State.MISSING,
    State.MACHINE_DRAFT,
    State.IN_REVIEW,
    State.STALE,
    State.PUBLISHED_MACHINE,
}


# Which locales and pages ---------------------------------------------------------------------


def _locale_for(request, language_code: str) -> Locale:
    if language_code == settings.LANGUAGE_CODE:
        raise Http404
    locale = Locale.objects.filter(language_code=language_code).first()
    if locale is None:
        raise Http404
    codes = user_locale_codes(request.user)
    if codes is not None and language_code not in codes:
        raise PermissionDenied
    return locale


def translations_needing_work(locale: Locale, user, *, refresh=False) -> list[Translation]:
    """Enabled translations into ``locale`` that are not yet published and reviewed.

    With ``refresh``, stale translations first get the current Swedish text (source
    re-extracted, target saved as a draft) so that the agency translates what is live.
    """
    result = []
    for item in review_items({locale.language_code}):
        if item.state not in EXPORT_STATES or item.translation is None:
            continue
        if item.target_page is None:
            continue
        if not item.target_page.permissions_for_user(user).can_edit():
            continue
        if refresh and item.state == State.STALE:
            with transaction.atomic():
                item.translation.source.update_from_db()
                item.translation.save_target(user=user, publish=False)
        result.append(item.translation)
    return result


def po_filename(translation: Translation) -> str:
    name = slugify(translation.source.object_repr) or "sida"
    return f"{name}-{translation.pk}-{translation.target_locale.language_code}.po"


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
    checked.po = po
    translation_id = po.metadata.get("X-WagtailLocalize-TranslationID", "")
    translation = po_upload.find_translation(translation_id)
    if translation is None:
        checked.errors.append(_("filen hör inte till någon översättning (okänt ID)"))
        return checked
    if translation.target_locale_id != locale.pk:
        checked.errors.append(_("filen gäller ett annat språk"))
        return checked
    target = translation.get_target_instance()
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


def import_files(files: list[tuple[str, bytes]], locale: Locale, user) -> list[CheckedFile]:
    """Check every file; apply all of them, or none when any has an error."""
    checked = [check_file(name, data, locale, user) for name, data in files]
    seen = {}
    for item in checked:
        if item.translation is not None:
            if item.translation.pk in seen:
                item.errors.append(_("samma sida finns i flera filer"))
            seen[item.translation.pk] = item
    if any(item.errors for item in checked):
        return checked
    po_upload.apply_all(checked, user)
    return checked


# Views ------------------------------------------------------------------------------------


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("PO-fil eller zip-fil"),
        help_text=gettext_lazy("Filer som exporterats härifrån och översatts."),
    )


def po_exchange_view(request):
    codes = user_locale_codes(request.user)
    locales = Locale.objects.exclude(language_code=settings.LANGUAGE_CODE).order_by("language_code")
    if codes is not None:
        locales = locales.filter(language_code__in=codes)
    if not locales:
        raise PermissionDenied
    rows = [(locale, len(translations_needing_work(locale, request.user))) for locale in locales]
    return TemplateResponse(
        request,
        "review/po_exchange.html",
        {"page_title": _("Översättning med PO-filer"), "rows": rows, "form": ImportForm()},
    )


@require_POST
def export_view(request, language_code):
    """A zip of PO files (POST: stale translations are brought up to date first)."""
    locale = _locale_for(request, language_code)
    translations = translations_needing_work(locale, request.user, refresh=True)
    if not translations:
        messages.warning(request, _("Inga sidor väntar på översättning till det här språket."))
        return redirect(reverse("review:po_exchange"))
    response = HttpResponse(export_zip(translations), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="oversattning-{language_code}.zip"'
    return response


def import_view(request, language_code):
    locale = _locale_for(request, language_code)
    if request.method != "POST":
        return redirect(reverse("review:po_exchange"))
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Välj en fil att ladda upp."))
        return redirect(reverse("review:po_exchange"))
    files = read_upload(form.cleaned_data["file"])
    if isinstance(files, str):
        messages.error(request, files)
        return redirect(reverse("review:po_exchange"))
    checked = import_files(files, locale, request.user)
    problems = [f"{item.name}: {error}" for item in checked for error in item.errors]
    if problems:
        messages.error(
            request,
            _("Inget importerades. Rätta felen och försök igen: %(problems)s")
            % {"problems": "; ".join(problems[:20])},
        )
    else:
        messages.success(
            request,
            _("Sidor som importerades som utkast för granskning: %(count)s.")
            % {"count": len(checked)},
        )
    return redirect(reverse("review:po_exchange"))


@require_POST
def validated_po_upload(request, translation_id):
    """wagtail-localize's own "Upload PO file" in the editor, with the same checks first.

    Upstream imports whatever entries it recognises and skips the rest silently; here a file
    with unknown entries, broken markup or mismatched placeholders is refused as a whole.
    """
    translation = get_object_or_404(
        Translation.objects.select_related("target_locale"), pk=translation_id
    )
    next_url = get_valid_next_url_from_request(request) or reverse("wagtailadmin_home")
    upload = request.FILES.get("file")
    if upload is None or upload.size > MAX_UPLOAD_BYTES:
        messages.error(request, _("Välj en PO-fil att ladda upp (högst 5 MB)."))
        return redirect(next_url)
    data = upload.read()
    upload.seek(0)
    checked = check_file(upload.name, data, translation.target_locale, request.user)
    if not checked.errors and checked.translation.pk != translation.pk:
        checked.errors.append(_("filen gäller en annan sida"))
    if checked.errors:
        messages.error(
            request,
            _("Inget importerades. Rätta felen och försök igen: %(problems)s")
            % {"problems": "; ".join(checked.errors[:20])},
        )
        return redirect(next_url)
    return edit_translation.upload_pofile(request, translation_id)
