"""The admin views of the PO exchange: the page, export, import, and the editor's upload.

The work (which pages, the zip, the checks, applying files as drafts) is in
``review.po_exchange``; these views only read the request, check the locale and answer
with a message.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Locale
from wagtail_localize.models import Translation
from wagtail_localize.views import edit_translation

from .po_exchange import (
    MAX_UPLOAD_BYTES,
    check_file,
    counts_needing_work,
    export_zip,
    import_files,
    translations_needing_work,
)
from .po_upload import PO, read_upload
from .roles import user_locale_codes


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
    # Counted on the stored review states, every language in one query.
    counts = counts_needing_work(locales, request.user)
    rows = [(locale, counts.get(locale.pk, 0)) for locale in locales]
    return TemplateResponse(
        request,
        "review/po_exchange.html",
        {
            "page_title": _("Översättning med filer: PO, XLIFF och TMX"),
            "header_title": _("Översättning med filer: PO, XLIFF och TMX"),  # the <title>
            "rows": rows,
            "form": ImportForm(),
        },
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


def checked_upload(request, locale, importer, kind=PO):
    """The uploaded files of ``kind`` as ``importer`` checked and saved them, or ``None``
    when nothing was imported (the message saying why is set). Shared by the PO and XLIFF
    imports: one form, one upload reader, one all-or-nothing answer."""
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Välj en fil att ladda upp."))
        return None
    files = read_upload(form.cleaned_data["file"], kind)
    if isinstance(files, str):
        messages.error(request, files)
        return None
    checked = importer(files, locale, request.user)
    problems = [f"{item.name}: {error}" for item in checked for error in item.errors]
    if problems:
        messages.error(
            request,
            _("Inget importerades. Rätta felen och försök igen: %(problems)s")
            % {"problems": "; ".join(problems[:20])},
        )
        return None
    return checked


def import_view(request, language_code):
    locale = _locale_for(request, language_code)
    if request.method != "POST":
        return redirect(reverse("review:po_exchange"))
    checked = checked_upload(request, locale, import_files)
    if checked is not None:
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
