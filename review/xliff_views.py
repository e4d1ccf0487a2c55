"""Admin views of the XLIFF and TMX exchange, next to the PO views and under their rules.

Only the request is read here: the locale check is the PO views' (translators of that
language, coordinators, superusers), the work is in ``review.xliff_export``,
``review.xliff_import``, ``review.tmx_export`` and ``review.tmx_import``.
"""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from . import tmx_export, tmx_import, xliff_export, xliff_import
from .po_exchange import translations_needing_work
from .po_views import _locale_for, checked_upload


@require_POST
def xliff_export_view(request, language_code, version):
    """A zip of XLIFF files (POST: stale translations are brought up to date first)."""
    if version not in xliff_export.VERSIONS:
        raise Http404
    locale = _locale_for(request, language_code)
    translations = translations_needing_work(locale, request.user, refresh=True)
    if not translations:
        messages.warning(request, _("Inga sidor väntar på översättning till det här språket."))
        return redirect(reverse("review:po_exchange"))
    name = f"oversattning-{language_code}-xliff-{version}.zip"
    return _attachment(xliff_export.export_zip(translations, version), "application/zip", name)


def _attachment(content: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_POST
def xliff_import_view(request, language_code):
    locale = _locale_for(request, language_code)
    checked = checked_upload(request, locale, xliff_import.import_files, xliff_import.KIND)
    if checked is None:
        return redirect(reverse("review:po_exchange"))
    unchanged = [item.name for item in checked if item.unchanged]
    messages.success(
        request,
        _("Sidor som importerades som utkast för granskning: %(count)s.")
        % {"count": len(checked) - len(unchanged)},
    )
    if unchanged:
        messages.info(
            request,
            _("Filer utan ändringar, inget sparades för dem: %(files)s")
            % {"files": ", ".join(unchanged[:20])},
        )
    return redirect(reverse("review:po_exchange"))


@require_GET
def tmx_export_view(request, language_code):
    """The translation memory sv → language as TMX; ``?maskin=1`` adds machine strings."""
    locale = _locale_for(request, language_code)
    machine = request.GET.get("maskin") == "1"
    name = f"minne-sv-{language_code}{'-maskin' if machine else ''}.tmx"
    return _attachment(
        tmx_export.export_tmx(locale, machine=machine), "application/x-tmx+xml", name
    )


@require_POST
def tmx_import_view(request, language_code):
    """An agency's memory sv → language, kept apart as drafts to review (review.tmx_import)."""
    locale = _locale_for(request, language_code)
    checked = checked_upload(request, locale, tmx_import.import_files, tmx_import.KIND)
    if checked is None:
        return redirect(reverse("review:po_exchange"))
    messages.success(
        request,
        _(
            "Nya par i byråns översättningsminne: %(count)s. De blir utkast som måste "
            "granskas, aldrig publicerad text utan granskning."
        )
        % {"count": sum(item.added for item in checked)},
    )
    skipped = sum(item.machine_skipped for item in checked)
    if skipped:
        messages.info(
            request,
            _("Maskinöversatta enheter hoppades över: %(count)s.") % {"count": skipped},
        )
    unchanged = [item.name for item in checked if item.unchanged]
    if unchanged:
        messages.info(
            request,
            _("Filer utan ändringar, inget sparades för dem: %(files)s")
            % {"files": ", ".join(unchanged[:20])},
        )
    return redirect(reverse("review:po_exchange"))
