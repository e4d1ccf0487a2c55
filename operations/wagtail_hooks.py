"""Admin wiring of operations: the coordinator's list of login lockouts."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem

from . import lockouts


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("lockouts/", lockouts.lockouts_view, name="portal_lockouts"),
        path("lockouts/<int:attempt_id>/unlock/", lockouts.unlock_view, name="portal_unlock"),
    ]


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return AdminOnlyMenuItem(
        _("Inloggningsspärrar"), reverse("portal_lockouts"), icon_name="lock", order=900
    )
