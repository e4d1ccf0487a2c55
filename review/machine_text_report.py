"""The coordinators' report of live translated pages that show unreviewed machine text.

The EU AI Act's transparency duty applies to machine text on matters of public interest
unless a person reviewed it: this lists, per language, the live pages whose readers see the
machine-translation notice, from the stored flag (``ReaderNotice.machine_text``, kept by
``review.notice_flags`` with ``review.live_text``'s check), with the engine and the day of
each page's latest machine string (``translation.provenance``). Each page links to its edit
view, where a translator reviews it.
"""

from types import SimpleNamespace

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.template.defaultfilters import date as date_format
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from core.languages import swedish_name
from translation import provenance

from .models import ReaderNotice
from .roles import user_locale_codes


def may_see_report(user) -> bool:
    """Coordinators and superusers: the ones who answer for every language."""
    return user.is_authenticated and user_locale_codes(user) is None


def report_rows() -> list[SimpleNamespace]:
    """One row per live translated page with unreviewed machine text, by language and title
    (two queries whatever the number of pages)."""
    notices = provenance.annotate_latest(
        ReaderNotice.objects.filter(machine_text=True, translated=True, page__live=True)
        .exclude(page__locale__language_code=settings.LANGUAGE_CODE)
        .select_related("page", "page__locale"),
        page_path="page__",
    ).order_by("page__locale__language_code", "page__title")
    rows = []
    for notice in notices:
        page = notice.page
        latest = provenance.of_annotated(notice)
        rows.append(
            SimpleNamespace(
                page_id=page.pk,
                title=page.title,
                language=swedish_name(page.locale.language_code),
                code=page.locale.language_code,
                machine=f"{latest.engine}, {date_format(latest.date, 'j F Y')}" if latest else "",
                edit_url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
            )
        )
    return rows


class UnreviewedMachineTextReportView(ReportView):
    page_title = _("Ogranskad maskintext på publicerade sidor")
    header_icon = "warning"
    index_url_name = "review_unreviewed_machine_text"
    index_results_url_name = "review_unreviewed_machine_text_results"
    export_filename = "ogranskad-maskintext"
    paginate_by = None
    list_export = ["language", "code", "title", "machine"]

    def dispatch(self, request, *args, **kwargs):
        if not may_see_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @property
    def export_headings(self):
        return {
            "language": gettext("Språk"),
            "code": gettext("Språkkod"),
            "title": gettext("Sida"),
            "machine": gettext("Senaste maskintext"),
        }

    @property
    def columns(self):
        return [
            Column("language", label=gettext("Språk")),
            TitleColumn("title", label=gettext("Sida"), get_url=lambda row: row.edit_url),
            Column("machine", label=gettext("Senaste maskintext")),
        ]

    def get_queryset(self):
        return report_rows()

    def filter_queryset(self, queryset):
        return queryset
