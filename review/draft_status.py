"""A page's machine drafts per language beside their review state: the drafts status page.

Reached from a page's header and the page listing ("Översättningsutkast") and from the message
after a Swedish publish. It lives with the people's side because it shows, per language, what
the pipeline made (``translation.models.DraftStatus``) together with what people still have to
do about it: the review state (``review.states``) and the facts guard's open findings
(``review.fact_checks``). Its URL name, ``translation_page_status``, is older than the move.

It reads every language's row in a fixed number of queries: the translated pages in one, the
languages' settings in one, and (on a Swedish page) the review states of all languages with
one ``review_items`` for the page, not a query or a state per language.
"""

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

from translation import pauses, pipeline
from translation.models import ENGINE_CHOICES, DraftStatus
from translation.policy import engines_and_review_only
from translation.tasks import enqueue_page

from .fact_checks import counts_by_object
from .states import review_items

ENGINE_NAMES = dict(ENGINE_CHOICES)


class PageDraftStatusView(WagtailAdminTemplateMixin, TemplateView):
    """Per language: queued, made, failed, human translation only... and a link to edit."""

    template_name = "review/draft_status.html"
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
        locales = pipeline.target_locales()
        # What ``get_translation_or_none`` gives, for every language in one query.
        targets = {
            target.locale_id: target
            for target in type(self.page).objects.filter(
                translation_key=self.page.translation_key, locale__in=locales
            )
        }
        policies = engines_and_review_only(locales)
        # The review state as the queue and the coverage report count it, every language's
        # from one computation.
        reviews = (
            {
                item.locale.pk: item
                for item in review_items(
                    pages=[self.page], locale_ids={locale.pk for locale in locales}
                )
            }
            if is_source
            else {}
        )
        rows = []
        for locale in locales:
            target = targets.get(locale.pk)
            engine, review_only = policies[locale.pk]
            rows.append(
                {
                    "locale": locale,
                    "status": statuses.get(locale.pk),
                    "review": reviews.get(locale.pk),
                    "edit_url": reverse("wagtailadmin_pages:edit", args=[target.pk])
                    if target
                    else "",
                    "live": bool(target and target.live),
                    "engine": engine,
                    "engine_name": ENGINE_NAMES[engine],
                    "review_only": review_only,
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
