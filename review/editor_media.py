"""What wagtail-localize's translation editor may read for a translator: only their work's.

The editor shows every image, document and snippet chosen in the page by fetching it from
the admin API (``/admin/api/main/images/<id>/``, ``.../documents/<id>/``) and from its own
snippet API (``/admin/localize/api/snippets/<app>/<model>/<id>/``); a refusal leaves a blank
editor (the script reads ``thumbnail.url`` of the error). Translators have no permission on
the image library, the snippet API is limited to their own locale and the pages API to the
pages they may explore, while a synchronised image, programme or linked page in an Arabic
draft is the Swedish one.

So a role member without a permission on the library may read exactly the objects that the
pages and snippets they may edit refer to: Wagtail's reference index, for the objects in the
user's locales and their counterparts in every other language (the same ``translation_key``;
the Swedish source among them, which is what the editor shows). The library itself stays
closed: nothing else is listed or shown, and choosing, editing and uploading still need
Wagtail's permissions. Users with a permission keep Wagtail's own rules; users outside the
role groups without one, coordinators and communicators (who edit no translation) are
refused as before.

Pages: only the detail view is widened (listings and actions keep Wagtail's scope).

Upstream: wagtail-localize 1.14.5 fetches these URLs without checking the answer
(``tests/upstream/test_upstream_wagtail_localize.py`` guards that the editor still asks
these URLs; delete the scoping for a kind the day the editor gets what it shows from its
own props).
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import CharField, Q
from django.db.models.functions import Cast

from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import Page, ReferenceIndex, TranslatableMixin
from wagtail.permissions import policy_registry

from .roles import restricted_locale_codes

LIBRARY_ACTIONS = ["add", "change", "delete", "choose"]


def referenced_ids(codes: set[str], model) -> set[str]:
    """Primary keys (as text) of ``model`` rows referred to by objects in ``codes``' locales
    or by their translations in other languages."""
    if not codes:
        return set()
    references = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(model)
    )
    base_types = references.values_list("base_content_type", flat=True).distinct()
    ids: set[str] = set()
    for content_type in ContentType.objects.filter(pk__in=base_types):
        base = content_type.model_class()
        if base is None or not issubclass(base, TranslatableMixin):
            continue
        keys = base._default_manager.filter(locale__language_code__in=codes).values(
            "translation_key"
        )
        in_scope = (
            base._default_manager.filter(translation_key__in=keys)
            .annotate(pk_text=Cast("pk", CharField()))
            .values("pk_text")
        )
        ids.update(
            references.filter(base_content_type=content_type, object_id__in=in_scope)
            .values_list("to_object_id", flat=True)
            .distinct()
        )
    return ids


def translation_codes(user) -> set[str]:
    """The languages ``user`` translates into as a role member (never Swedish: the
    communicator edits Swedish pages in Wagtail's own editor, which fetches nothing)."""
    codes = restricted_locale_codes(user) or set()
    return codes - {settings.LANGUAGE_CODE}


def readable_library_queryset(user, model, queryset):
    """``queryset`` cut to what ``user`` may read through the admin API, or PermissionDenied."""
    policy = policy_registry.get_by_type(model)
    if policy.user_has_any_permission(user, LIBRARY_ACTIONS):
        permitted = policy.instances_user_has_any_permission_for(user, LIBRARY_ACTIONS)
        return queryset.filter(pk__in=permitted.values("pk"))
    codes = translation_codes(user)
    if not codes:  # outside the role groups, a coordinator or a communicator
        raise PermissionDenied
    return queryset.filter(pk__in=[int(pk) for pk in referenced_ids(codes, model)])


class ScopedImagesAPIViewSet(ImagesAdminAPIViewSet):
    def get_queryset(self):
        return readable_library_queryset(
            self.request.user, get_image_model(), super().get_queryset()
        )


class ScopedDocumentsAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        return readable_library_queryset(
            self.request.user, get_document_model(), super().get_queryset()
        )


class ScopedPagesAPIViewSet(PagesAdminAPIViewSet):
    """The detail of a page chosen in a translator's work (a menu link's Swedish page)
    besides the pages they may explore; listings and actions keep Wagtail's scope."""

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.action != "detail_view":
            return queryset
        codes = translation_codes(self.request.user)
        if not codes:
            return queryset
        referenced = [int(pk) for pk in referenced_ids(codes, Page)]
        return (
            Page.objects.filter(Q(pk__in=queryset.values("pk")) | Q(pk__in=referenced), depth__gt=1)
            .defer_streamfields()
            .specific()
        )
