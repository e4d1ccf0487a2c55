"""The core app in the admin: the "do not translate" mark, the font that draws every
language's name, wagtail-localize's explorer buttons, the explorer's kept rows."""

from django.templatetags.static import static
from django.utils.html import format_html

from wagtail import hooks

from core import explorer_buttons, explorer_rows, protected_text


@hooks.register("register_rich_text_features")
def notranslate_feature(features):
    protected_text.register(features)


@hooks.register("insert_global_admin_css")
def autonym_font():
    """ "ትግርኛ" and "Українська" in the admin's locale lists and switchers are drawn from the
    site's autonym subsets (a few kilobytes) on systems without such fonts, instead of as
    empty boxes (scripts/build_font_subsets.py)."""
    return format_html('<link rel="stylesheet" href="{}">', static("core/css/admin-autonyms.css"))


# wagtail-localize's explorer buttons from two subqueries, not three queries a row; the
# rows' URLs from the request's site root paths, not a shared-cache round trip a row.
hooks.register("construct_explorer_page_queryset", explorer_buttons.annotate)
hooks.register(
    "register_page_listing_more_buttons",
    explorer_buttons.site_root_paths_for_rows,
    order=explorer_buttons.ROWS_HOOK_ORDER,
)
explorer_buttons.replace_localize_listing_hook()

# The explorer's rows kept as HTML for the state of their page (core/explorer_rows.py); after
# Wagtail's own viewset for every page type (order 0), so that this one serves the listing.
hooks.register("register_admin_viewset", explorer_rows.explorer_viewset, order=100)
