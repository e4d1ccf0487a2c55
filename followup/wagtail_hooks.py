"""Admin wiring of the follow-up: indicators as snippets, the coverage report and panel."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import CoveragePanel, CoverageReportView, may_see_coverage
from .models import Indicator


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    icon = "table"
    menu_label = _("Indikatorer")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["name", "goal", "unit", "kind", "locale"]
    list_filter = ["kind", "unit", "locale"]


register_snippet(IndicatorViewSet)


@hooks.register("register_admin_urls")
def register_coverage_urls():
    return [
        path("followup/coverage/", CoverageReportView.as_view(), name="followup_coverage"),
        path(
            "followup/coverage/results/",
            CoverageReportView.as_view(results_only=True),
            name="followup_coverage_results",
        ),
    ]


class CoverageMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_coverage(request.user)


@hooks.register("register_reports_menu_item")
def register_coverage_menu_item():
    return CoverageMenuItem(
        _("Språktäckning"), reverse("followup_coverage"), icon_name="globe", order=910
    )


@hooks.register("construct_homepage_panels")
def add_coverage_panel(request, panels):
    if may_see_coverage(request.user):
        panels.append(CoveragePanel())
