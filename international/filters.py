"""The filter forms of the news, opportunity and project listings.

Below the page models: a listing page names its form (``filter_form_class``), so this module
imports no model module; it finds the snippets for its choices through the app registry.
The rules that apply a valid filter live on each page type's queryset.
"""

from django import forms
from django.apps import apps
from django.utils.translation import gettext_lazy as _

from core.filters import ANY, ListingFilterForm

from .choices import TARGET_GROUPS, OpportunityKind, OpportunityStatus, ProjectStatus


def _snippets(model_name: str, order: str):
    return apps.get_model("international", model_name).objects.order_by(order)


class NewsFilterForm(ListingFilterForm):
    partner = forms.ChoiceField(label=_("Partner"))
    topic = forms.ChoiceField(label=_("Ämne"))

    def setup_choices(self):
        self.fields["partner"].choices = self.snippet_choices(_snippets("Partner", "name"))
        self.fields["topic"].choices = self.snippet_choices(_snippets("Topic", "name"))


class OpportunityFilterForm(ListingFilterForm):
    kind = forms.ChoiceField(label=_("Typ"), choices=ANY + list(OpportunityKind.choices))
    target_group = forms.ChoiceField(
        label=_("Målgrupp"),
        choices=ANY + [(key, label) for key, (_field, label) in TARGET_GROUPS.items()],
    )
    programme = forms.ChoiceField(label=_("Program"))
    status = forms.ChoiceField(label=_("Status"), choices=ANY + list(OpportunityStatus.choices))

    def setup_choices(self):
        self.fields["programme"].choices = self.snippet_choices(_snippets("Programme", "name"))


class ProjectFilterForm(ListingFilterForm):
    programme = forms.ChoiceField(label=_("Program eller fond"))
    status = forms.ChoiceField(label=_("Status"), choices=ANY + list(ProjectStatus.choices))
    goal = forms.ChoiceField(label=_("Mål i strategin"))

    def setup_choices(self):
        self.fields["programme"].choices = self.snippet_choices(_snippets("Programme", "name"))
        self.fields["goal"].choices = self.snippet_choices(
            _snippets("Goal", "sort_order"), label=lambda goal: goal.short_title
        )
