"""wagtail-localize's paths that publish, or show other languages, put behind the publish rule.

wagtail-localize checks only ``submit_translation`` (or "can edit this page") before it
publishes or creates targets in every locale, and its report and snippet API list every
locale and model. Each view here is registered at the same path before wagtail-localize's
own (``review.wagtail_hooks``), so it wins the URL resolution while the named originals
stay in place for ``reverse()``:

- "Sync translated pages" (``update/<id>/``): publishing or machine-translating the
  targets needs ``publish_refusal`` to pass for every target locale (so never for a
  communicator or a coordinator); without those options upstream only re-extracts the
  source, which changes no target.
- "Translate this page/snippet" (``submit/...``): only into locales the user may publish
  in (upstream creates live aliases of the parents, overwrites live rows of existing
  targets and publishes non-draft snippets at once). For pages the machine-translation
  pipeline makes the drafts when the Swedish page is published.
- "Convert to alias" (``page/<id>/convert_to_alias/``): refused for everyone; it would put
  the Swedish text live in the target language and delete the translation record.
- The translations report lists only the user's target locales; the snippet chooser API
  only models the user may see, in the user's locales.

Upstream workaround: delete a view here when wagtail-localize checks the permission itself
(``tests/upstream/test_upstream_internals.py`` fails, naming this module, that day).
"""

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _

from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.permissions import policy_registry
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views import report, snippets_api, submit_translations, update_translations

from translation.drafts import target_of

from .editor_media import referenced_ids, translation_codes
from .publish_rules import may_publish_in, publish_refusal
from .roles import restricted_locale_codes, user_locale_codes

SYNC_VIEW = update_translations.UpdateTranslationsView.as_view()
SUBMIT_PAGE_VIEW = submit_translations.SubmitPageTranslationView.as_view()
SUBMIT_SNIPPET_VIEW = submit_translations.SubmitSnippetTranslationView.as_view()


def _edit_url(instance) -> str:
    if isinstance(instance, Page):
        return reverse("wagtailadmin_pages:edit", args=[instance.pk])
    meta = instance._meta
    return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[instance.pk])


def sync_translations(request, translation_source_id):
    """ "Sync translated pages": publishing needs the publish rule in every target locale."""
    if request.method != "POST":
        return SYNC_VIEW(request, translation_source_id=translation_source_id)
    if not request.user.has_perm("wagtail_localize.submit_translation"):
        raise PermissionDenied
    source = get_object_or_404(TranslationSource, pk=translation_source_id)
    wants_publish = bool(request.POST.get("publish_translations"))
    wants_machine = bool(request.POST.get("use_machine_translation"))
    if wants_publish or wants_machine:
        refusals = []
        translations = Translation.objects.filter(source=source, enabled=True).select_related(
            "target_locale", "source"
        )
        for translation in translations:
            target = target_of(translation)
            locale = translation.target_locale
            if target is None:
                refused = not may_publish_in(request.user, locale.language_code)
            else:
                refused = publish_refusal(request.user, target) is not None
            if refused:
                refusals.append(locale.get_display_name())
        if refusals:
            messages.error(
                request,
                _(
                    "Inget har ändrats. Bara översättarna publicerar och maskinöversätter "
                    "sina språk, efter granskning: %(languages)s. Uppdatera utan att kryssa "
                    "i publicering och maskinöversättning; översättarna ser ändringen i "
                    "granskningskön."
                )
                % {"languages": ", ".join(refusals)},
            )
            return redirect(request.get_full_path())
    return SYNC_VIEW(request, translation_source_id=translation_source_id)


def _refuse_submit(request, instance, locale_ids):
    locales = Locale.objects.filter(pk__in=locale_ids)
    refused = [
        locale.get_display_name()
        for locale in locales
        if not may_publish_in(request.user, locale.language_code)
    ]
    if not refused:
        return None
    messages.error(
        request,
        _(
            "Inget har översatts. Du får inte skapa översättningar till %(languages)s: "
            "utkasten görs automatiskt när den svenska sidan publiceras, och "
            "översättarna publicerar dem."
        )
        % {"languages": ", ".join(refused)},
    )
    return redirect(get_valid_next_url_from_request(request) or _edit_url(instance))


def _selected_locale_ids(request) -> list[int]:
    ids = []
    for value in request.POST.getlist("locales"):
        try:
            ids.append(int(value))
        except ValueError:
            continue
    return ids


def submit_page(request, page_id):
    if request.method == "POST" and request.user.has_perm("wagtail_localize.submit_translation"):
        page = get_object_or_404(Page, pk=page_id)
        refused = _refuse_submit(request, page, _selected_locale_ids(request))
        if refused:
            return refused
    return SUBMIT_PAGE_VIEW(request, page_id=page_id)


def submit_snippet(request, app_label, model_name, pk):
    if request.method == "POST" and request.user.has_perm("wagtail_localize.submit_translation"):
        view = submit_translations.SubmitSnippetTranslationView()
        view.kwargs = {"app_label": app_label, "model_name": model_name, "pk": pk}
        view.request = request
        try:
            instance = view.get_object()
        except (LookupError, ObjectDoesNotExist, ValueError) as error:
            raise Http404 from error
        refused = _refuse_submit(request, instance, _selected_locale_ids(request))
        if refused:
            return refused
    return SUBMIT_SNIPPET_VIEW(request, app_label=app_label, model_name=model_name, pk=pk)


def convert_to_alias(request, page_id):
    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    messages.error(
        request,
        _(
            "Sidan kan inte göras om till ett alias: då skulle den svenska texten visas på "
            "%(language)s och översättningen tas bort. Översättningen finns kvar."
        )
        % {"language": page.locale.get_display_name()},
    )
    return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))


class TranslationsReportView(report.TranslationsReportView):
    """wagtail-localize's report, limited to the target locales the user works in."""

    def get_queryset(self):
        queryset = super().get_queryset()
        codes = user_locale_codes(self.request.user)
        if codes is not None:
            queryset = queryset.filter(target_locale__language_code__in=codes)
        return queryset


class SnippetChooserAPI(snippets_api.SnippetViewSet):
    """wagtail-localize's snippet API, only for models the user has a permission on.

    A role member sees the snippets of their locales, and the ones their work refers to
    (``review.editor_media``): the translation editor shows the Swedish programme chosen in
    a page that is translated into Arabic.
    """

    def get_queryset(self):
        model = self.get_model()
        policy = policy_registry.get_by_type(model)
        if not policy.user_has_any_permission(
            self.request.user, ["add", "change", "delete", "view", "publish"]
        ):
            raise PermissionDenied
        queryset = super().get_queryset()
        codes = restricted_locale_codes(self.request.user)
        if codes is not None and issubclass(model, TranslatableMixin):
            queryset = queryset.filter(
                Q(locale__language_code__in=codes)
                | Q(pk__in=referenced_ids(translation_codes(self.request.user), model))
            )
        return queryset


def guarded_urls():
    prefix = "localize/"
    return [
        path(prefix + "update/<int:translation_source_id>/", sync_translations),
        path(prefix + "submit/page/<int:page_id>/", submit_page),
        path(
            prefix + "submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            submit_snippet,
        ),
        path(prefix + "page/<int:page_id>/convert_to_alias/", convert_to_alias),
        path(prefix + "reports/translations/", TranslationsReportView.as_view()),
        path(
            prefix + "reports/translations/results/",
            TranslationsReportView.as_view(results_only=True),
        ),
        path(
            prefix + "api/snippets/<slug:app_label>/<slug:model_name>/",
            SnippetChooserAPI.as_view({"get": "list"}),
        ),
        path(
            prefix + "api/snippets/<slug:app_label>/<slug:model_name>/<str:pk>/",
            SnippetChooserAPI.as_view({"get": "retrieve"}),
        ),
    ]
