"""The coordinators' language coverage: a Wagtail report (with CSV and XLSX export) and a
dashboard panel with this month's figures.

Both count the stored review states in SQL (``followup.coverage``), so they cost the same
number of queries, and about the same time, for 10 pages or 10 000.
"""

from types import SimpleNamespace

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import get_language_bidi, gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from review.roles import user_locale_codes

from . import coverage
from .presentation import IndicatorView, add_charts, summary


def may_see_coverage(user) -> bool:
    """Coordinators and superusers: the ones who answer for every language."""
    return user.is_authenticated and user_locale_codes(user) is None


def coverage_rows() -> list[SimpleNamespace]:
    rows = []
    for row in coverage.kept("now", coverage.coverage_now):
        values = {
            f"state_{value}": row.states.get(value, 0) for value, _l in coverage.state_choices()
        }
        rows.append(
            SimpleNamespace(
                language=row.name,
                code=row.code,
                total=row.total,
                reviewed=row.reviewed,
                share=row.share,
                **values,
            )
        )
    return rows


class CoverageReportView(ReportView):
    page_title = _("Språktäckning")
    header_icon = "globe"
    template_name = "followup/admin/coverage_report.html"
    results_template_name = "followup/admin/coverage_results.html"
    index_url_name = "followup_coverage"
    index_results_url_name = "followup_coverage_results"
    export_filename = "sprak-tackning"
    paginate_by = None

    def dispatch(self, request, *args, **kwargs):
        if not may_see_coverage(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @property
    def states(self):
        return coverage.state_choices()

    @property
    def list_export(self):
        return [
            "language",
            "code",
            "total",
            *(f"state_{value}" for value, _l in self.states),
            "share",
        ]

    @property
    def export_headings(self):
        return {
            "language": gettext("Språk"),
            "code": gettext("Språkkod"),
            "total": gettext("Svenska sidor"),
            "share": gettext("Andel granskade (%)"),
            **{f"state_{value}": label for value, label in self.states},
        }

    @property
    def columns(self):
        return [
            Column("language", label=gettext("Språk")),
            Column("total", label=gettext("Svenska sidor")),
            *(Column(f"state_{value}", label=label) for value, label in self.states),
            Column("share", label=gettext("Andel granskade (%)")),
        ]

    def get_queryset(self):
        return coverage_rows()

    def filter_queryset(self, queryset):
        return queryset

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        dataset = coverage.kept("dataset", coverage.coverage_dataset)
        view = IndicatorView(
            indicator=None, dataset=dataset, uid="coverage", summary=summary(dataset), csv_url=""
        )
        if not dataset.is_empty:
            add_charts(view, gettext("Språktäckning"), get_language_bidi())
        context["coverage"] = view
        return context


class CoveragePanel(Component):
    """This month's coverage per language, on the coordinators' dashboard."""

    name = "language_coverage"
    template_name = "followup/admin/coverage_panel.html"
    order = 60

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["rows"] = coverage.kept("now", coverage.coverage_now)
        context["report_url"] = reverse("followup_coverage")
        return context
