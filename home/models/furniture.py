"""Site furniture managed in the CMS: main navigation and footer links, footer contact details.

Both are translatable snippets. The templates look them up in the reader's locale
(``home.navigation``) and fall back to the Swedish source for anything not yet translated.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

__all__ = ["FooterContent", "NavigationLink"]


class NavigationLink(TranslatableMixin, models.Model):
    class Menu(models.TextChoices):
        MAIN = "main", _("Huvudmeny")
        FOOTER = "footer", _("Sidfot")

    menu = models.CharField(_("meny"), max_length=10, choices=Menu.choices, default=Menu.MAIN)
    label = models.CharField(
        _("länktext"), max_length=60, blank=True, help_text=_("Tomt: sidans titel används.")
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("sida"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    url = models.URLField(_("extern adress"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("ordning"), default=0)

    panels = [
        FieldPanel("menu"),
        FieldPanel("label"),
        PageChooserPanel("page"),
        FieldPanel("url"),
        FieldPanel("sort_order"),
    ]
    translatable_fields = [
        TranslatableField("label"),
        SynchronizedField("menu"),
        SynchronizedField("page"),
        SynchronizedField("url"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("menylänk")
        verbose_name_plural = _("menylänkar")
        ordering = ["menu", "sort_order"]

    def __str__(self):
        return self.label or (self.page.title if self.page else self.url)

    def clean(self):
        super().clean()
        if bool(self.page_id) == bool(self.url):
            raise ValidationError(_("Välj antingen en sida eller en extern adress."))


class FooterContent(TranslatableMixin, models.Model):
    """Contact details in the footer, one per language."""

    heading = models.CharField(_("rubrik"), max_length=80, default="Kontakt")
    organisation = models.CharField(_("organisation"), max_length=120)
    address = models.TextField(_("postadress"), blank=True)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    email = models.EmailField(_("e-post"), blank=True)
    note = models.TextField(_("övrigt"), blank=True, help_text=_("Till exempel öppettider."))

    panels = [
        FieldPanel("heading"),
        FieldPanel("organisation"),
        FieldPanel("address"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("note"),
    ]
    translatable_fields = [
        TranslatableField("heading"),
        TranslatableField("organisation"),
        TranslatableField("note"),
        SynchronizedField("address"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("sidfot")
        verbose_name_plural = _("sidfötter")

    def __str__(self):
        return f"{self.heading} ({self.locale})"
