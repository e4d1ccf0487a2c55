"""StreamField blocks shared by the international page types."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "notranslate"]


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Mellanrubrik")
        template = "international/blocks/heading.html"
        preview_value = "Så går ett utbyte till"
        description = _("En rubrik på nivå 2 som delar upp en lång text.")


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Textstycke")
        template = "international/blocks/paragraph.html"
        preview_value = (
            "<p>Ungdomar från kommunen träffade jämnåriga från tre länder under en vecka.</p>"
        )
        description = _("Löptext med länkar och listor.")


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("bild"))
    alt_text = blocks.CharBlock(
        label=_("alternativtext"),
        max_length=250,
        help_text=_("Beskriv vad bilden visar för den som inte kan se den."),
    )
    caption = blocks.CharBlock(label=_("bildtext"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Bild")
        template = "international/blocks/image.html"
        preview_value = {"alt_text": "Exempelbild", "caption": "Bildtext"}
        description = _("En bild med obligatorisk alternativtext.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("citat"))
    attribution = blocks.CharBlock(label=_("vem som säger det"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Citat")
        template = "international/blocks/quote.html"
        preview_value = {
            "quote": "Vi lärde oss mer om varandra på en vecka än på ett helt år.",
            "attribution": "Deltagare i ungdomsutbytet",
        }
        description = _("Ett citat med källa.")


class FactBoxBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("rubrik"))
    text = blocks.RichTextBlock(
        label=_("text"), features=["bold", "italic", "link", "ul", "notranslate"]
    )

    class Meta:
        icon = "info-circle"
        label = _("Faktaruta")
        template = "international/blocks/fact_box.html"
        preview_value = {
            "title": "Fakta",
            "text": "<ul><li>Program: Erasmus+</li><li>Längd: en vecka</li></ul>",
        }
        description = _("En avgränsad ruta med korta fakta.")


class ResponsibilityBlock(blocks.StructBlock):
    body = blocks.CharBlock(label=_("vem"), help_text=_("Till exempel Kommunstyrelsen."))
    text = blocks.TextBlock(label=_("ansvar"))

    class Meta:
        icon = "group"
        label = _("Ansvar")
        template = "international/blocks/responsibility.html"
        preview_value = {
            "body": "Kommunstyrelsen",
            "text": "Leder det internationella arbetet strategiskt och följer upp målen.",
        }
        description = _("Vem som ansvarar för vad i det internationella arbetet.")


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    fact_box = FactBoxBlock()


class ResponsibilitiesBlock(blocks.StreamBlock):
    responsibility = ResponsibilityBlock()
