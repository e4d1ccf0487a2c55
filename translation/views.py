"""Admin views for coordinators: machine-translation usage and budget."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import pauses, pipeline, usage
from .deepl.errors import MachineTranslationError
from .models import ENGINE_CHOICES, DraftStatus

USAGE_PERMISSION = "translation.view_usagerecord"
ENGINE_NAMES = dict(ENGINE_CHOICES)


def can_see_usage(user) -> bool:
    return user.is_superuser or user.has_perm(USAGE_PERMISSION)


class UsageAccessMixin:
    """The coordinators' money pages (usage, estimate): refused to anyone else."""

    def dispatch(self, request, *args, **kwargs):
        if not can_see_usage(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class UsageView(UsageAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    """Characters billed per language and month, the budget, DeepL's own count, pauses."""

    template_name = "translation/usage.html"
    header_icon = "globe"

    def get_page_title(self):
        return _("Maskinöversättning: förbrukning och budget")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        deepl_usage, deepl_error = None, ""
        translator = pipeline.get_translator()
        if translator is not None:
            try:
                deepl_usage = translator.get_usage().character
            except MachineTranslationError as error:  # shown to the coordinator instead
                deepl_error = str(error)
        budget = usage.monthly_budget()
        context.update(
            records=usage.usage_by_locale(),
            budget=budget,
            used=usage.used_this_month(),
            remaining=usage.remaining_budget(),
            budget_reached=[ENGINE_NAMES[engine] for engine in usage.engines_out_of_budget()],
            deepl_usage=deepl_usage,
            deepl_error=deepl_error,
            configured=translator is not None,
            pauses=pauses.active_pauses(),
            engines=[
                {**row, "name": ENGINE_NAMES[row["engine"]]}
                for row in usage.per_engine_this_month()
            ],
            problems=DraftStatus.objects.exclude(
                status__in=[DraftStatus.MADE, DraftStatus.HUMAN_ONLY, DraftStatus.DISABLED]
            )
            .select_related("page", "locale")
            .order_by("-updated_at")[:50],
        )
        return context
