"""Admin wiring of the portal: login lockouts, Swedish words and colours upstream lacks."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem

from . import admin_swedish, lockouts


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


@hooks.register("insert_editor_js")
def editor_in_swedish():
    return admin_swedish.editor_assets()


@hooks.register("insert_global_admin_css")
def admin_colours():
    return admin_swedish.global_admin_css()
