"""Swedish words for the admin where upstream hard-codes English, and its colour fixes.

wagtail-localize 1.14's translation editor (a React app) builds two texts without gettext:
the section title ``f"{source} to {target} translation"`` and the screen-reader label
"More actions" of its action menus; no catalog can translate them. ``editor_assets()``
(output through ``insert_editor_js``, which the editor template renders) gives
``portal/admin_swedish.js`` the words in the user's admin language, from our catalogs, and
the script puts them in whenever React renders.

``global_admin_css()`` fixes a contrast failure of Wagtail's message bar: a link inside an
info message is teal on a teal background (contrast about 1.2:1); it gets the message's
own text colour and an underline.

Upstream workarounds: ``tests/upstream/test_upstream_admin_swedish.py`` fails, naming this
module, the day wagtail-localize's editor passes these texts through gettext.
"""

from django.templatetags.static import static
from django.utils.html import format_html, json_script
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

# The English texts as wagtail-localize's bundle writes them (checked by the guard test).
UPSTREAM_SECTION_TITLE = "{source} to {target} translation"
UPSTREAM_MORE_ACTIONS = "More actions"


def editor_words() -> dict[str, str]:
    """What the script puts in place of upstream's English, in the admin's language."""
    return {
        # "%(source)s" and "%(target)s" are filled in by the script (the locales' names).
        "sectionTitle": _("Översättning från %(source)s till %(target)s"),
        "moreActions": _("Fler åtgärder"),
    }


def editor_assets() -> str:
    return mark_safe(  # noqa: S308 - built from escaped parts only
        json_script(editor_words(), "portal-editor-words")
        + format_html('<script src="{}" defer></script>', static("portal/admin_swedish.js"))
    )


def global_admin_css() -> str:
    return format_html('<link rel="stylesheet" href="{}">', static("portal/admin_swedish.css"))
