"""Snippets in the admin, with invented demo content visibly marked as examples."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Goal, Partner, Programme, Topic


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    list_display = ["name", "country", "kind", "active_since", "ended_on", "is_example"]
    list_filter = ["kind", "country", "is_twin_town", "is_example"]
    search_fields = ["name"]


class ProgrammeViewSet(SnippetViewSet):
    model = Programme
    icon = "tag"
    list_display = ["name", "slug"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug"]


class GoalViewSet(SnippetViewSet):
    model = Goal
    icon = "success"
    list_display = ["short_title", "sort_order"]


class InternationalGroup(SnippetViewSetGroup):
    menu_label = _("Internationellt")
    menu_icon = "globe"
    items = (PartnerViewSet, ProgrammeViewSet, TopicViewSet, GoalViewSet)


register_snippet(InternationalGroup)
