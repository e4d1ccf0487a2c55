"""The site furniture in the admin: menu links and footer contact details."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .navigation import FooterContent, NavigationLink


class NavigationLinkViewSet(SnippetViewSet):
    model = NavigationLink
    icon = "link"
    list_display = ["__str__", "menu", "sort_order"]
    list_filter = ["menu"]


class FooterContentViewSet(SnippetViewSet):
    model = FooterContent
    icon = "mail"
    list_display = ["__str__", "organisation"]


class FurnitureGroup(SnippetViewSetGroup):
    menu_label = _("Meny och sidfot")
    menu_icon = "list-ul"
    items = (NavigationLinkViewSet, FooterContentViewSet)


register_snippet(FurnitureGroup)
