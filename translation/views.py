"""Admin views: a page's draft status per language, and usage/budget for coordinators."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from review.fact_checks import counts_by_object
from review.states import review_state

from . import pauses, pipeline, usage
from .deepl.errors import MachineTranslationError
from .models import ENGINE_CHOICES, DraftStatus
from .policy import engine_name_for, is_review_only
from .tasks import enqueue_page

USAGE_PERMISSION = "translation.view_usagerecord"
ENGINE_NAMES = dict(ENGINE_CHOICES)


def can_see_usage(user) -> bool:
    return user.is_superuser or user.has_perm(USAGE_PERMISSION)


class PageDraftStatusView(WagtailAdminTemplateMixin, TemplateView):
    """Per language: queued, made, failed, human translation only... and a link to edit."""

    template_name = "translation/page_status.html"
    header_icon = "globe"

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(Page, pk=page_id).specific
        if not self.page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, page_id)

    def get_page_title(self):
        return _("Översättningsutkast")

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        # Without an item of its own, Wagtail's slim header shows "Hem" as the title.
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_header_title()}]

    def post(self, request, page_id):
        if not self.page.live or self.page.locale.language_code != settings.LANGUAGE_CODE:
            messages.error(request, _("Bara publicerade sidor på källspråket översätts."))
        else:
            transaction.on_commit(lambda: enqueue_page(self.page.pk))
            messages.success(request, _("Översättningsutkasten har köats på nytt."))
        return redirect("translation_page_status", page_id=self.page.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        statuses = {
            status.locale_id: status for status in DraftStatus.objects.filter(page=self.page)
        }
        is_source = self.page.locale.language_code == settings.LANGUAGE_CODE
        # The facts guard's open findings per language (review.fact_checks), one query.
        facts = counts_by_object(object_id=self.page.translation_key) if is_source else {}
        rows = []
        for locale in pipeline.target_locales():
            target = self.page.get_translation_or_none(locale)
            rows.append(
                {
                    "locale": locale,
                    "status": statuses.get(locale.pk),
                    # The review state as the queue and the coverage report count it.
                    "review": review_state(self.page, locale) if is_source else None,
                    "edit_url": reverse("wagtailadmin_pages:edit", args=[target.pk])
                    if target
                    else "",
                    "live": bool(target and target.live),
                    "engine": engine_name_for(locale),
                    "engine_name": ENGINE_NAMES[engine_name_for(locale)],
                    "review_only": is_review_only(locale),
                    "facts": facts.get((str(self.page.translation_key), locale.pk)),
                    "target": target,
                }
            )
        context.update(
            page=self.page,
            rows=rows,
            is_source=is_source,
            pauses=pauses.active_pauses(),
        )
        return context


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
