from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail_localize.fields import TranslatableField


class HomePage(Page):
    """The start page of one language; the Swedish one is the source of the others."""

    intro = models.CharField(
        _("ingress"),
        max_length=300,
        blank=True,
        help_text=_("En eller två meningar som säger vad webbplatsen handlar om."),
    )
    body = RichTextField(_("brödtext"), blank=True, features=["bold", "italic", "link", "ul"])

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("intro"),
        TranslatableField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("startsida")
        verbose_name_plural = _("startsidor")
