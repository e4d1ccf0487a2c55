"""The coordinators' cost estimate in the admin, opened before a backfill or a large publish.

A GET form (languages, optionally one page) and the result of ``translation.estimates``:
per language the engine, the billed characters, the agency words per memory band, the
money at the prices entered, and the language's own budget. Nothing is sent or saved.
"""

from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from . import estimates, pipeline
from .engines import display_name
from .views import UsageAccessMixin

NO_ENGINE = {
    "disabled": gettext_lazy("maskinöversättning avstängd för språket"),
    "human_only": gettext_lazy("endast mänsklig översättning"),
}


class EstimateForm(forms.Form):
    locales = forms.MultipleChoiceField(
        label=gettext_lazy("Språk"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Inget valt: alla språk."),
    )
    page = forms.IntegerField(
        label=gettext_lazy("Bara sidan med id"),
        required=False,
        min_value=1,
        help_text=gettext_lazy("Tomt: hela efterhandsöversättningen (alla publicerade sidor)."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["locales"].choices = [
            (locale.language_code, locale.get_display_name())
            for locale in pipeline.target_locales()
        ]

    def clean_page(self):
        page_id = self.cleaned_data.get("page")
        if page_id is None:
            return None
        page = Page.objects.filter(pk=page_id).select_related("locale").first()
        if page is None or page.locale.language_code != settings.LANGUAGE_CODE or not page.live:
            raise forms.ValidationError(_("Ingen publicerad sida på källspråket har det id:t."))
        return page


class EstimateView(UsageAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "translation/estimate.html"
    header_icon = "globe"

    def get_page_title(self):
        return _("Kostnadsberäkning för översättning")

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("translation_usage"), "label": _("Maskinöversättning")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        submitted = "estimate" in self.request.GET
        form = EstimateForm(self.request.GET if submitted else None)
        result = None
        if submitted and form.is_valid():
            codes = form.cleaned_data["locales"] or None
            page = form.cleaned_data["page"]
            session = pipeline.Session()
            work = (
                estimates.page_work(page, codes, session)
                if page is not None
                else estimates.backfill_work(codes, session)
            )
            result = estimates.estimate(work)
            for row in result.languages:
                row.engine_name = display_name(row.engine) if row.engine else ""
                row.no_engine_label = NO_ENGINE.get(row.no_engine_reason, "")
        context.update(
            form=form,
            result=result,
            engines=result_engines(result) if result else [],
            submitted=submitted,
        )
        return context


def result_engines(result) -> list[dict]:
    return [{**row, "name": display_name(row["engine"])} for row in result.engines()]
