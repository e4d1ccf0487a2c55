"""Translatable snippets that classify content: programmes, topics and the strategy's goals."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.localization import localize_many, snippets_in_locale

__all__ = ["Goal", "Programme", "Topic", "goals_in_locale"]


class SlugSnippet(TranslatableMixin, models.Model):
    """A named, translatable snippet whose slug is shared by all its translations."""

    name = models.CharField(_("namn"), max_length=120)
    slug = models.SlugField(
        _("kortnamn i adresser"),
        max_length=80,
        help_text=_("Används i filtrens webbadresser. Samma i alla språk."),
    )

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Programme(index.Indexed, SlugSnippet):
    """An EU or Nordic programme or fund, editable by the coordinators."""

    description = models.TextField(_("beskrivning"), blank=True)
    website = models.URLField(_("webbplats"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("website"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("slug"),
        SynchronizedField("website"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(SlugSnippet.Meta):
        verbose_name = _("program eller fond")
        verbose_name_plural = _("program och fonder")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_programme_slug")
        ]


class Topic(index.Indexed, SlugSnippet):
    """A subject that news items are tagged with."""

    panels = [FieldPanel("name"), FieldPanel("slug")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(SlugSnippet.Meta):
        verbose_name = _("ämne")
        verbose_name_plural = _("ämnen")
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_topic_slug")]


class Goal(index.Indexed, TranslatableMixin, models.Model):
    """One of the strategy's goals; news, opportunities and projects say which goals they serve."""

    short_title = models.CharField(
        _("kort rubrik"), max_length=80, help_text=_("Några ord, till exempel Kunskap om EU.")
    )
    slug = models.SlugField(_("kortnamn i adresser"), max_length=80)
    text = RichTextField(_("text"), features=["bold", "italic", "link", "notranslate"])
    sort_order = models.PositiveSmallIntegerField(
        _("ordning"), default=0, help_text=_("Lägre tal visas först.")
    )

    panels = [
        FieldPanel("short_title"),
        FieldPanel("slug"),
        FieldPanel("text"),
        FieldPanel("sort_order"),
    ]
    translatable_fields = [
        TranslatableField("short_title"),
        TranslatableField("text"),
        SynchronizedField("slug"),
        SynchronizedField("sort_order"),
    ]
    search_fields = [index.SearchField("short_title"), index.SearchField("text")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("mål i strategin")
        verbose_name_plural = _("mål i strategin")
        ordering = ["sort_order", "short_title"]
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_goal_slug")]

    def __str__(self):
        return self.short_title


def localize_programmes(pages, locale: Locale) -> None:
    """Give each page ``localized_programme``: one query for the whole list."""
    pages = list(pages)
    programmes = {page.programme.pk: page.programme for page in pages if page.programme}
    localized = dict(zip(programmes, localize_many(programmes.values(), locale), strict=True))
    for page in pages:
        page.localized_programme = localized.get(page.programme_id)


def goals_in_locale(locale: Locale) -> list[Goal]:
    """The strategy's goals in their order, each in ``locale`` where translated."""
    return snippets_in_locale(Goal.objects.order_by("sort_order", "short_title"), locale)
