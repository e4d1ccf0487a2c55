"""Admin wiring of the review app: URLs, menu, home panel, locale and publish guards."""

import copy

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db import models
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction
from wagtail.log_actions import LogFormatter
from wagtail.models import DraftStateMixin, TranslatableMixin
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_localize.fields import TranslatableField, get_translatable_fields

from . import admin_urls, locale_sync, localize_guards, override_errors, source_delete
from .draft_status import PageDraftStatusView
from .editor_direction import editor_assets
from .editor_media import (
    ScopedDocumentsAPIViewSet,
    ScopedImagesAPIViewSet,
    ScopedPagesAPIViewSet,
)
from .locale_permissions import (
    check_new_snippet_locale,
    check_snippet_locale,
    guarded_localize_urls,
)
from .machine_text_report import UnreviewedMachineTextReportView, may_see_report
from .models import ReaderReport, Role
from .publish_rules import (
    REFUSED_LOG_ACTION,
    content_refusal,
    in_localize_editor,
    publish_refusal,
)
from .roles import user_locale_codes
from .views import queue_summary

# Before wagtail-localize's own hooks (order 0), so that our refusals come first.
EARLY = -10


@hooks.register("register_admin_urls", order=EARLY)
def register_admin_urls():
    return [
        *guarded_localize_urls(),
        *localize_guards.guarded_urls(),
        *locale_sync.guarded_urls(),
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
    # A snippet without drafts goes live when saved: wagtail-localize's editor "publishes" it
    # from the strings; Wagtail's own form (a stopped translation) saves the posted text.
    if _is_publish_request(request) and isinstance(instance, TranslatableMixin):
        refusal = publish_refusal(
            request.user, instance, read_text=not in_localize_editor(instance)
        )
        if refusal:
            messages.error(request, refusal)
            return redirect(request.path)
    return refuse_snippet_form_text(request, instance)


@hooks.register("before_copy_page", order=EARLY)
def refuse_live_copy_in_translated_language(request, page):
    """A copy is not a translation: in a translated language it starts as a draft."""
    if request.method != "POST" or not request.POST.get("publish_copies"):
        return None
    if page.locale.language_code == settings.LANGUAGE_CODE:
        return None
    messages.error(
        request,
        _(
            "Kopian kan inte publiceras direkt: på %(language)s är den ingen översättning "
            "av en svensk sida, och ingen har granskat texten. Kopiera utan att publicera."
        )
        % {"language": page.locale.get_display_name()},
    )
    return redirect(request.get_full_path())


def _posted_instance(request, instance):
    """``instance`` with the posted text of its plain translatable fields (Wagtail's form)."""
    posted = copy.copy(instance)
    for field in get_translatable_fields(type(instance)):
        if not isinstance(field, TranslatableField):
            continue
        try:
            model_field = field.get_field(type(instance))
        except FieldDoesNotExist:
            continue
        if not isinstance(model_field, (models.CharField, models.TextField)):
            continue
        if field.field_name in request.POST:
            setattr(posted, field.field_name, request.POST[field.field_name])
    return posted


def refuse_snippet_form_text(request, instance):
    """A snippet without drafts goes live when Wagtail's form saves it: read the posted text."""
    if request.method != "POST" or isinstance(instance, DraftStateMixin):
        return None
    if not isinstance(instance, TranslatableMixin) or in_localize_editor(instance):
        return None
    refusal = content_refusal(_posted_instance(request, instance))
    if refusal:
        messages.error(request, refusal)
        return redirect(request.path)
    return None


@hooks.register("before_delete_snippet", order=EARLY)
def refuse_snippet_delete_in_other_locale(request, instances):
    check_snippet_locale(request, instances)


# Overrides with an error are left out of the live page: say so (override_errors) -------


@hooks.register("before_edit_page", order=EARLY)
def warn_about_flagged_overrides(request, page):
    if request.method == "GET":
        warnings = override_errors.editor_warnings(page)
    elif _is_publish_request(request) and publish_refusal(request.user, page) is None:
        warnings = override_errors.publish_warnings(page)
    else:
        warnings = []
    for warning in warnings:
        messages.warning(request, warning)


# Wagtail's move confirmation checks nothing on GET -------------------------------------


@hooks.register("before_move_page", order=EARLY)
def refuse_move_confirmation_without_permission(request, page_to_move, destination):
    """The confirmation showed any page's draft title, in any language, to every role."""
    if not page_to_move.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied


# Deleting a Swedish page: what exists in other languages, and who may (source_delete) ---


@hooks.register("before_delete_page", order=EARLY)
def describe_or_refuse_source_delete(request, page):
    return source_delete.before_delete(request, page)


@hooks.register("after_delete_page")
def forget_who_deleted(request, page):
    source_delete.after_delete(request, page)


# Every page publish asks review.publish_rules --------------------------------------------
# The permission tester (installed in ReviewConfig.ready) refuses; these hooks say why.


def _is_publish_request(request) -> bool:
    if request.method != "POST":
        return False
    # wagtail-localize's editor posts action=publish; Wagtail's own edit view action-publish.
    return request.POST.get("action") == "publish" or "action-publish" in request.POST


@hooks.register("before_edit_page", order=EARLY)
def refuse_publish_from_editor(request, page):
    # Wagtail's own form: the page as saved (the tester reads the same; the posted text is
    # read again in ``before_publish_page`` and the gate); wagtail-localize's editor
    # publishes what the strings say.
    from_strings = in_localize_editor(page)
    if request.method == "GET":
        refusal = content_refusal(page, read_text=not from_strings)
        if refusal:
            messages.warning(request, refusal)
        return None
    if not _is_publish_request(request):
        return None
    refusal = publish_refusal(request.user, page, read_text=not from_strings)
    if refusal:
        messages.error(request, refusal)
        return redirect(request.path)
    return None


@hooks.register("before_publish_page")
def refuse_publish(request, page):
    refusal = publish_refusal(request.user, page)
    if refusal:
        messages.error(request, refusal)
        return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    return None


class RuledPublishBulkAction(PublishBulkAction):
    """Wagtail's bulk publish; pages the rule refuses are named with the reason."""

    def _refusals(self, pages) -> list[str]:
        return [
            f"{page.get_admin_display_title()}: {reason}"
            for page in pages
            if (reason := self._refusal(page))
        ]

    def _refusal(self, page) -> str | None:
        revision = page.get_latest_revision()
        return publish_refusal(self.request.user, page) or (
            content_refusal(revision.as_object()) if revision is not None else None
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for refusal in self._refusals(context.get("items_with_no_access", [])):
            messages.warning(self.request, refusal)
        return context

    def prepare_action(self, objects, objects_without_access):
        # Wagtail passes {"items_with_no_access": [...]} here.
        refusals = self._refusals(objects_without_access.get("items_with_no_access", []))
        if refusals:
            for refusal in refusals:
                messages.error(self.request, refusal)
            return redirect(self.next_url or reverse("wagtailadmin_home"))
        return super().prepare_action(objects, objects_without_access)

    def check_perm(self, page):
        # Bulk publish publishes each page's latest revision: the rule reads that text.
        if not super().check_perm(page):
            return False
        revision = page.get_latest_revision()
        return revision is None or content_refusal(revision.as_object()) is None


@hooks.register("register_log_actions")
def register_refused_publish(actions):
    @actions.register_action(REFUSED_LOG_ACTION)
    class RefusedPublish(LogFormatter):
        label = _("Publiceringen stoppades")

        def format_message(self, log_entry):
            reason = (log_entry.data or {}).get("reason", "")
            return _("Den schemalagda publiceringen stoppades: %(reason)s") % {"reason": reason}


# After Wagtail's own registration, so that this class replaces it for pages.
hooks.register("register_bulk_action", RuledPublishBulkAction, order=100)


@hooks.register("construct_page_action_menu")
def hide_convert_to_alias(menu_items, request, context):
    # Refused in review.localize_guards: converting would publish the Swedish text.
    menu_items[:] = [item for item in menu_items if item.name != "localize-convert-to-alias"]


# The admin API's images, documents and page details: Wagtail's permissions, or what a role
# member's pages and snippets refer to (review.editor_media) ---------------------------------------


@hooks.register("construct_admin_api", order=100)
def limit_library_api(router):
    router.register_endpoint("images", ScopedImagesAPIViewSet)
    router.register_endpoint("documents", ScopedDocumentsAPIViewSet)
    router.register_endpoint("pages", ScopedPagesAPIViewSet)


# Coordinators' settings and reader reports as snippets -------------------------------------


class ReaderReportViewSet(SnippetViewSet):
    model = ReaderReport
    icon = "warning"
    menu_label = _("Läsarrapporter")
    list_display = ["page", "locale", "part", "created_at", "resolved_at"]
    list_filter = ["locale", "part"]


class RoleViewSet(SnippetViewSet):
    model = Role
    icon = "group"
    menu_label = _("Roller")
    list_display = ["group", "kind", "locale"]


register_snippet(RoleViewSet)
register_snippet(ReaderReportViewSet)


# Right-to-left and Ethiopic in the translation editor (wagtail-localize issue #197) --------


@hooks.register("insert_editor_js")
def translation_editor_direction():
    return editor_assets()


# A page's drafts status (review.draft_status) ---------------------------------------------


@hooks.register("register_admin_urls")
def register_draft_status_url():
    return [
        path(
            "translation/pages/<int:page_id>/",
            PageDraftStatusView.as_view(),
            name="translation_page_status",
        ),
    ]


class DraftStatusMenuItem(PageMenuItem):
    label = gettext_lazy("Översättningsutkast")
    icon_name = "globe"
    priority = 66

    @property
    def url(self):
        return reverse("translation_page_status", args=[self.page.pk])

    def is_shown(self, user):
        return self.page.depth > 1 and self.page.permissions_for_user(user).can_edit()


@hooks.register("register_page_header_buttons")
def draft_status_header_button(page, user, view_name, next_url=None):
    yield DraftStatusMenuItem(page=page, next_url=next_url)


@hooks.register("register_page_listing_more_buttons")
def draft_status_listing_button(page, user, next_url=None):
    yield DraftStatusMenuItem(page=page, next_url=next_url)


@hooks.register("after_publish_page")
def tell_the_communicator(request, page):
    if not settings.TRANSLATION_AUTO_DRAFTS:
        return
    if page.locale.language_code != settings.LANGUAGE_CODE:
        return
    messages.info(
        request,
        format_html(
            '{} <a href="{}">{}</a>',
            _("Översättningsutkast till de andra språken har köats. Inget publiceras automatiskt."),
            reverse("translation_page_status", args=[page.pk]),
            _("Se status per språk"),
        ),
    )


# The coordinators' report of live pages with unreviewed machine text ---------------------


@hooks.register("register_admin_urls")
def register_unreviewed_machine_text_urls():
    return [
        path(
            "machine-text-report/",
            UnreviewedMachineTextReportView.as_view(),
            name="review_unreviewed_machine_text",
        ),
        path(
            "machine-text-report/results/",
            UnreviewedMachineTextReportView.as_view(results_only=True),
            name="review_unreviewed_machine_text_results",
        ),
    ]


class UnreviewedMachineTextMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_report(request.user)


@hooks.register("register_reports_menu_item")
def register_unreviewed_machine_text_menu_item():
    return UnreviewedMachineTextMenuItem(
        gettext_lazy("Ogranskad maskintext på publicerade sidor"),
        reverse("review_unreviewed_machine_text"),
        icon_name="warning",
        order=920,
    )
