"""Admin wiring of the review app: URLs, menu, home panel, locale and publish guards."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_urls
from .editor_direction import editor_assets
from .locale_permissions import (
    check_new_snippet_locale,
    check_snippet_locale,
    guarded_localize_urls,
)
from .models import LocalePublishPolicy, ReaderReport
from .publish_policy import publish_refusal
from .roles import user_locale_codes
from .views import queue_summary

# Before wagtail-localize's own hooks (order 0), so that our refusals come first.
EARLY = -10


@hooks.register("register_admin_urls", order=EARLY)
def register_admin_urls():
    return [
        *guarded_localize_urls(),
        path("review/", include(admin_urls, namespace="review")),
    ]


class ReviewMenuItem(MenuItem):
    def is_shown(self, request):
        codes = user_locale_codes(request.user)
        return codes is None or bool(codes - {settings.LANGUAGE_CODE})


@hooks.register("register_admin_menu_item")
def register_review_menu_item():
    return ReviewMenuItem(_("Granskning"), reverse("review:queue"), icon_name="check", order=250)


class ReviewPanel(Component):
    name = "review_queue"
    template_name = "review/home_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["summary"] = queue_summary(parent_context["request"].user)
        return context


@hooks.register("construct_homepage_panels")
def add_review_panel(request, panels):
    codes = user_locale_codes(request.user)
    if codes is None or codes - {settings.LANGUAGE_CODE}:
        panels.append(ReviewPanel())


# Snippets: only the role's own locale(s) --------------------------------------------------


@hooks.register("before_create_snippet", order=EARLY)
def refuse_snippet_create_in_other_locale(request, model):
    check_new_snippet_locale(request, model)


@hooks.register("before_edit_snippet", order=EARLY)
def refuse_snippet_edit_in_other_locale(request, instance):
    check_snippet_locale(request, [instance])


@hooks.register("before_delete_snippet", order=EARLY)
def refuse_snippet_delete_in_other_locale(request, instances):
    check_snippet_locale(request, instances)


# Publishing unreviewed machine text --------------------------------------------------------


def _is_publish_request(request) -> bool:
    if request.method != "POST":
        return False
    # wagtail-localize's editor posts action=publish; Wagtail's own edit view action-publish.
    return request.POST.get("action") == "publish" or "action-publish" in request.POST


@hooks.register("before_edit_page", order=EARLY)
def refuse_unreviewed_publish_from_editor(request, page):
    if not _is_publish_request(request):
        return None
    refusal = publish_refusal(page)
    if refusal:
        messages.error(request, refusal)
        return redirect(request.path)
    return None


@hooks.register("before_publish_page")
def refuse_unreviewed_publish(request, page):
    refusal = publish_refusal(page)
    if refusal:
        messages.error(request, refusal)
        return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    return None


@hooks.register("before_bulk_action")
def refuse_unreviewed_bulk_publish(request, action_type, objects, action_class_instance):
    if action_type != "publish":
        return None
    for obj in objects:
        refusal = publish_refusal(obj) if isinstance(obj, Page) else None
        if refusal:
            messages.error(request, f"{obj.get_admin_display_title()}: {refusal}")
            return redirect(
                get_valid_next_url_from_request(request) or reverse("wagtailadmin_home")
            )
    return None


# Coordinators' settings and reader reports as snippets -------------------------------------


class LocalePublishPolicyViewSet(SnippetViewSet):
    model = LocalePublishPolicy
    icon = "cog"
    menu_label = _("Publiceringsregler")
    list_display = ["locale", "allow_unreviewed_machine_text"]


class ReaderReportViewSet(SnippetViewSet):
    model = ReaderReport
    icon = "warning"
    menu_label = _("Läsarrapporter")
    list_display = ["page", "locale", "part", "created_at", "resolved_at"]
    list_filter = ["locale", "part"]


register_snippet(LocalePublishPolicyViewSet)
register_snippet(ReaderReportViewSet)


# Right-to-left and Ethiopic in the translation editor (wagtail-localize issue #197) --------


@hooks.register("insert_editor_js")
def translation_editor_direction():
    return editor_assets()
