"""Admin: glossary and language settings snippets, usage and estimate pages, the pause panel.

The language settings (``translation.language_settings``: engine, budget, agency prices and the
publish rule, one row per language) have their one screen here, in the *Översättning* menu;
its form asks the engines whether they offer the language (``translation.policy_form``). A
page's drafts status, which shows the review state beside the drafts, is ``review``'s
(``review.draft_status``).
"""

from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import pauses, usage
from .engines import display_name
from .estimate_view import EstimateView
from .language_settings import LanguageSettings
from .models import DraftStatus, GlossaryTerm
from .policy_form import LanguageSettingsForm
from .views import UsageView, can_see_usage


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "doc-full"
    menu_label = gettext_lazy("Ordlista")
    list_display = ["term", "note"]
    search_fields = ["term", "note"]


class LanguageSettingsViewSet(SnippetViewSet):
    model = LanguageSettings
    icon = "cog"
    menu_label = gettext_lazy("Språkinställningar")
    list_display = [
        "locale",
        "engine",
        "machine_translation_enabled",
        "review_only",
        "formality",
        "monthly_character_budget",
        "allow_unreviewed_machine_text",
        "fact_warnings_block",
    ]
    edit_handler = ObjectList(LanguageSettings.panels, base_form_class=LanguageSettingsForm)


class TranslationViewSetGroup(SnippetViewSetGroup):
    items = (GlossaryTermViewSet, LanguageSettingsViewSet)
    menu_icon = "globe"
    menu_label = gettext_lazy("Översättning")
    menu_name = "translation"


register_snippet(TranslationViewSetGroup)


@hooks.register("register_admin_urls")
def register_translation_urls():
    return [
        path("translation/usage/", UsageView.as_view(), name="translation_usage"),
        path("translation/estimate/", EstimateView.as_view(), name="translation_estimate"),
    ]


class UsageMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_usage(request.user)


@hooks.register("register_reports_menu_item")
def register_usage_menu_item():
    return UsageMenuItem(
        gettext_lazy("Maskinöversättning"),
        reverse("translation_usage"),
        icon_name="globe",
        order=900,
    )


class MachineTranslationPanel(Component):
    """Dashboard warning for coordinators when machine translation is stopped."""

    name = "machine_translation"
    order = 50

    def __init__(self, problems):
        self.problems = problems

    def render_html(self, parent_context=None):
        return format_html(
            '<section class="panel help-block help-critical" aria-labelledby="mt-panel">'
            '<h2 id="mt-panel">{}</h2><ul>{}</ul><p><a href="{}">{}</a></p></section>',
            _("Maskinöversättningen är stoppad"),
            format_html_join("", "<li>{}</li>", ((problem,) for problem in self.problems)),
            reverse("translation_usage"),
            _("Förbrukning och budget"),
        )


@hooks.register("construct_homepage_panels")
def add_machine_translation_panel(request, panels):
    if not can_see_usage(request.user):
        return
    problems = [
        _("%(reason)s: %(message)s") % {"reason": p.get_reason_display(), "message": p.message}
        for p in pauses.active_pauses()
    ]
    for engine in usage.engines_out_of_budget():
        problems.append(
            _("Månadsbudgeten för %(engine)s är nådd.") % {"engine": display_name(engine)}
        )
    waiting = DraftStatus.objects.filter(status=DraftStatus.PAUSED_BUDGET).count()
    if waiting and not problems:
        problems.append(_("Utkast väntar på att budgeten ska räcka."))
    if problems:
        panels.append(MachineTranslationPanel(problems))
