"""wagtail-localize's locale synchronisation is for superusers only.

"Synchronise content from another locale" on a locale's form (``LocaleSynchronization``)
makes every page of the other locale, present and future, a *live alias* in this one: the
Swedish text appears under ``/en/`` at once, no translation draft is made and no translator
sees it. A coordinator manages languages (``change_locale``), so wagtail-localize would let
them switch it on. Here, for everyone but superusers:

- the component is not in the form (not shown, not validated, not saved: a superuser's
  setting is neither removed nor changed by a coordinator saving the locale);
- a POST that carries its fields anyway is refused with a message and nothing is saved.

The two views replace wagtail-localize's ``wagtaillocales:add``/``edit`` at the same paths
(registered first in ``review.wagtail_hooks``); the named originals stay for ``reverse()``.

Upstream workaround: delete this module when wagtail-localize asks for a permission of its
own before synchronising locales (``tests/upstream/test_upstream_restrictions.py``).
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext as _

from wagtail_localize.locales import views as locale_views
from wagtail_localize.models import LocaleSynchronization

from core.languages import BY_CODE, swedish_name

PREFIX = f"component-{LocaleSynchronization._meta.db_table}-"


def may_synchronise(user) -> bool:
    return user.is_superuser


def _without_synchronisation(manager, user):
    if not may_synchronise(user):
        manager.components = [
            component
            for component in manager.components
            if component[0]["model"] is not LocaleSynchronization
        ]
    return manager


class _Guarded:
    def get_components(self):
        return _without_synchronisation(super().get_components(), self.request.user)

    def post(self, request, *args, **kwargs):
        posted = any(key.startswith(PREFIX) for key in request.POST)
        if posted and not may_synchronise(request.user):
            code = request.POST.get("language_code") or ""
            messages.error(
                request,
                _(
                    "Inget har sparats. Fältet ”Synkronisera innehåll från ett annat språk” "
                    "får bara en administratör ändra: det skulle visa de svenska sidorna "
                    "direkt på %(language)s, utan översättning och granskning."
                )
                % {"language": swedish_name(code) if code in BY_CODE else _("det här språket")},
            )
            return redirect(request.get_full_path())
        return super().post(request, *args, **kwargs)


class CreateView(_Guarded, locale_views.CreateView):
    pass


class EditView(_Guarded, locale_views.EditView):
    pass


class _GuardedLocaleViewSet(locale_views.LocaleViewSet):
    add_view_class = CreateView
    edit_view_class = EditView


def guarded_urls():
    viewset = _GuardedLocaleViewSet("wagtaillocales", url_prefix="locales")
    return [
        path("locales/new/", viewset.add_view),
        path("locales/edit/<str:pk>/", viewset.edit_view),
    ]
