"""The "do not translate" mark of rich text: ``<span translate="no">…</span>``.

Names of people, organisations, programmes and places, and phone numbers, must come through
translation unchanged. The communicator marks them with the "Översätt inte" button of the
rich-text toolbar (feature ``notranslate``, registered in ``core.wagtail_hooks``); the mark is
HTML's own ``translate="no"``, which DeepL respects with ``tag_handling=html`` and browsers'
page translators respect too. It is the only ``<span>`` the rich-text editor produces, which
is why a ``<span>`` in a segment string can be taken as protected (``translation.protect``).
"""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.rich_text.converters.html_to_contentstate import InlineStyleElementHandler
from wagtail.admin.rich_text.editors.draftail import features as draftail_features

FEATURE = "notranslate"
STYLE = "NOTRANSLATE"


def register(features) -> None:
    features.register_editor_plugin(
        "draftail",
        FEATURE,
        draftail_features.InlineStyleFeature(
            {"type": STYLE, "label": "⊘", "description": str(_("Översätt inte"))}
        ),
    )
    features.register_converter_rule(
        "contentstate",
        FEATURE,
        {
            "from_database_format": {'span[translate="no"]': InlineStyleElementHandler(STYLE)},
            "to_database_format": {
                "style_map": {STYLE: {"element": "span", "props": {"translate": "no"}}}
            },
        },
    )
    # RichTextFields without their own list get it too.
    features.default_features.append(FEATURE)
