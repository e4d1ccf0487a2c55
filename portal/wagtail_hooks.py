"""Admin wiring of the portal: Swedish words and colours upstream lacks."""

from wagtail import hooks

from . import admin_swedish


@hooks.register("insert_editor_js")
def editor_in_swedish():
    return admin_swedish.editor_assets()


@hooks.register("insert_global_admin_css")
def admin_colours():
    return admin_swedish.global_admin_css()
