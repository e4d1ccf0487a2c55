"""The "do not translate" mark of rich text: ``<span translate="no">…</span>``.

Names of people, organisations, programmes and places, and phone numbers, must come through
translation unchanged. The communicator marks them with the "Översätt inte" button of the
rich-text toolbar (feature ``notranslate``, registered in ``core.wagtail_hooks``); the mark is
HTML's own ``translate="no"``, which DeepL respects with ``tag_handling=html`` and browsers'
page translators respect too. It is the only ``<span>`` the rich-text editor produces, which
is why a ``<span>`` in a segment string can be taken as protected (``translation.protect``).

The mark also carries ``dir="ltr"``: the names and numbers it protects are left to right, and
on an Arabic or Persian page the browser must isolate them, or "Erasmus+ 2026" and a phone
number come out scrambled inside the right-to-left sentence. wagtail-localize copies the
span's attributes into every translation. Rich text stored before the mark had ``dir`` gets it
when it is rendered (``isolate``, applied by the ``wagtailcore/shared/richtext.html`` template
that every ``|richtext`` and ``RichText`` goes through), so no stored page, revision or
imported translation needs rewriting; the style sheet's ``[dir="rtl"] [translate="no"]`` rule
stays as a fallback for HTML that reaches the page another way.
"""

import re

from django.utils.translation import gettext_lazy as _

from wagtail.admin.rich_text.converters.html_to_contentstate import InlineStyleElementHandler
from wagtail.admin.rich_text.editors.draftail import features as draftail_features

FEATURE = "notranslate"
STYLE = "NOTRANSLATE"
ATTRIBUTES = {"translate": "no", "dir": "ltr"}

# An opening tag marked translate="no" that has no dir of its own.
_MARK_WITHOUT_DIR = re.compile(r'<span\b(?![^>]*\sdir=)([^>]*\stranslate="no"[^>]*)>')


def isolate(html: str) -> str:
    """Give every "do not translate" span without a direction ``dir="ltr"``."""
    if 'translate="no"' not in html:
        return html
    return _MARK_WITHOUT_DIR.sub(r'<span\1 dir="ltr">', html)


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
                "style_map": {STYLE: {"element": "span", "props": dict(ATTRIBUTES)}}
            },
        },
    )
    # RichTextFields without their own list get it too.
    features.default_features.append(FEATURE)
