"""Per-locale limits that Wagtail and wagtail-localize do not have.

Pages are limited by Wagtail's own page permissions (each role group has permissions on its
locale's home page subtree, see ``review.roles``). Two gaps remain, closed here:

1. Snippets: Wagtail's snippet permissions are per model, not per locale. Members of the
   role groups may only create, edit (including wagtail-localize's translation editor, which
   runs inside the snippet edit view) and delete snippets of their own locale(s).
2. wagtail-localize's translation endpoints (string edits, overrides, PO download/upload,
   machine translation, preview, stop) check "can edit the page" or, for snippets, only
   "can edit this snippet type". ``guarded_localize_urls`` puts a locale check in front of
   them, so a translator for Arabic cannot touch another locale's translation by URL. The
   editor's own PO upload also gets ``review.po_exchange``'s all-or-nothing checks.

Upstream: Wagtail has no per-locale permissions for snippets (its snippet permission policy
is per model), and wagtail-localize 1.14.5's ``user_can_edit_instance`` checks only the
snippet type; no upstream issue asks for more. ``tests/upstream/test_upstream_wagtail.py``
fails, naming this module, the day either takes the locale into account.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path

from wagtail.models import Locale, TranslatableMixin
from wagtail_localize.models import Translation
from wagtail_localize.views import edit_translation

from .po_exchange import validated_po_upload
from .roles import restricted_locale_codes


def may_work_in_locale(user, locale: Locale) -> bool:
    codes = restricted_locale_codes(user)
    return codes is None or locale.language_code in codes


def check_snippet_locale(request, instances) -> None:
    for instance in instances:
        if isinstance(instance, TranslatableMixin) and not may_work_in_locale(
            request.user, instance.locale
        ):
            raise PermissionDenied


def check_new_snippet_locale(request, model) -> None:
    if not issubclass(model, TranslatableMixin):
        return
    code = request.GET.get("locale") or request.POST.get("locale")
    locale = Locale.objects.filter(language_code=code).first() if code else None
    if locale is None:
        locale = Locale.get_default()
    if not may_work_in_locale(request.user, locale):
        raise PermissionDenied


def _guard(view):
    def guarded(request, translation_id, *args, **kwargs):
        translation = get_object_or_404(
            Translation.objects.select_related("target_locale"), pk=translation_id
        )
        if not may_work_in_locale(request.user, translation.target_locale):
            raise PermissionDenied
        return view(request, translation_id, *args, **kwargs)

    guarded.__name__ = f"locale_guarded_{view.__name__}"
    guarded.__wrapped__ = view
    return guarded


def guarded_localize_urls():
    """The same paths as wagtail-localize's translation endpoints, checked first.

    Registered before wagtail-localize's own URLs, so they win the URL resolution; the
    named originals stay in place for ``reverse()``.
    """
    prefix = "localize/translate/<int:translation_id>/"
    return [
        path(
            prefix + "strings/<int:string_segment_id>/edit/",
            _guard(edit_translation.edit_string_translation),
        ),
        path(
            prefix + "overrides/<int:overridable_segment_id>/edit/",
            _guard(edit_translation.edit_override),
        ),
        path(prefix + "pofile/download/", _guard(edit_translation.download_pofile)),
        path(prefix + "pofile/upload/", _guard(validated_po_upload)),
        path(prefix + "machine_translate/", _guard(edit_translation.machine_translate)),
        path(prefix + "preview/", _guard(edit_translation.preview_translation)),
        path(prefix + "preview/<str:mode>/", _guard(edit_translation.preview_translation)),
        path(prefix + "disable/", _guard(edit_translation.stop_translation)),
    ]
