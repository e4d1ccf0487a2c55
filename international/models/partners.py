"""Partners (a snippet) and the page that lists current and former partners."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.localization import snippets_in_locale
from core.pages import BasePage, IntroMixin
from international.blocks import BodyBlock

from .mixins import ExampleMixin

__all__ = ["COUNTRIES", "Partner", "PartnersPage"]

# ISO 3166-1 alpha-2 codes of the countries the municipality works with; the names are
# interface strings so that every language shows them in its own words.
COUNTRIES = [
    ("AT", _("Österrike")),
    ("BE", _("Belgien")),
    ("DE", _("Tyskland")),
    ("DK", _("Danmark")),
    ("EE", _("Estland")),
    ("ES", _("Spanien")),
    ("FI", _("Finland")),
    ("FR", _("Frankrike")),
    ("GR", _("Grekland")),
    ("IE", _("Irland")),
    ("IS", _("Island")),
    ("IT", _("Italien")),
    ("LT", _("Litauen")),
    ("LV", _("Lettland")),
    ("NL", _("Nederländerna")),
    ("NO", _("Norge")),
    ("PL", _("Polen")),
    ("PT", _("Portugal")),
    ("SE", _("Sverige")),
    ("UA", _("Ukraina")),
]


class Partner(ExampleMixin, index.Indexed, TranslatableMixin, models.Model):
    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Kommun")
        REGION = "region", _("Region")
        UNIVERSITY = "university", _("Universitet eller högskola")
        NETWORK = "network", _("Nätverk")
        ORGANISATION = "organisation", _("Organisation")

    name = models.CharField(_("namn"), max_length=150)
    slug = models.SlugField(
        _("kortnamn i adresser"),
        max_length=80,
        help_text=_("Används i filtrens webbadresser. Samma i alla språk."),
    )
    country = models.CharField(_("land"), max_length=2, choices=COUNTRIES)
    kind = models.CharField(_("typ"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("beskrivning"), blank=True)
    website = models.URLField(_("webbplats"), blank=True)
    active_since = models.DateField(_("samarbete sedan"), null=True, blank=True)
    ended_on = models.DateField(_("samarbetet avslutades"), null=True, blank=True)
    end_note = models.TextField(
        _("om avslutet"),
        blank=True,
        help_text=_("Varför och hur samarbetet avslutades."),
    )
    is_twin_town = models.BooleanField(_("vänort"), default=False)
    agreement_date = models.DateField(_("avtalets datum"), null=True, blank=True)
    agreement_reference = models.CharField(
        _("beslut eller diarienummer"),
        max_length=80,
        blank=True,
        help_text=_("Till exempel KS 2022/123 eller beslutets datum och paragraf."),
    )
    agreement_binding = models.BooleanField(
        _("avtalet binder kommunen"),
        default=False,
        help_text=_(
            "Kommunstyrelsen får teckna samarbetsavtal utan bindande åtaganden. Kryssa i om "
            "avtalet ändå innebär bindande åtaganden för kommunen."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("country"),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("website"),
        MultiFieldPanel(
            [
                FieldPanel("active_since"),
                FieldPanel("ended_on"),
                FieldPanel("end_note"),
                FieldPanel("is_twin_town"),
            ],
            heading=_("Samarbetet"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("agreement_date"),
                FieldPanel("agreement_reference"),
                FieldPanel("agreement_binding"),
            ],
            heading=_("Avtal"),
        ),
        *ExampleMixin.example_panels,
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        TranslatableField("end_note"),
        SynchronizedField("slug"),
        SynchronizedField("country"),
        SynchronizedField("kind"),
        SynchronizedField("website"),
        SynchronizedField("active_since"),
        SynchronizedField("ended_on"),
        SynchronizedField("is_twin_town"),
        SynchronizedField("agreement_date"),
        SynchronizedField("agreement_reference"),
        SynchronizedField("agreement_binding"),
        SynchronizedField("is_example"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("description"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partner")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_partner_slug")
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.active_since and self.ended_on and self.ended_on < self.active_since:
            raise ValidationError(
                {"ended_on": _("Samarbetet kan inte avslutas innan det har börjat.")}
            )

    @property
    def is_current(self) -> bool:
        return self.ended_on is None or self.ended_on > timezone.localdate()


class PartnersPage(IntroMixin, BasePage):
    """Current and former partners, with the story of the twin towns."""

    history = StreamField(
        BodyBlock(),
        verbose_name=_("historik"),
        blank=True,
        help_text=_("Vänorternas historia och hur samarbetet avslutades."),
    )

    content_panels = [*BasePage.content_panels, *IntroMixin.intro_panels, FieldPanel("history")]
    translatable_fields = [
        *BasePage.translatable_fields,
        *IntroMixin.intro_translatable_fields,
        TranslatableField("history"),
    ]
    search_fields = [
        *BasePage.search_fields,
        *IntroMixin.intro_search_fields,
        index.SearchField("history"),
    ]

    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "international/partners_page.html"

    class Meta:
        verbose_name = _("partnersida")
        verbose_name_plural = _("partnersidor")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        partners = snippets_in_locale(Partner.objects.order_by("name"), self.locale)
        context["current_partners"] = [p for p in partners if p.is_current]
        context["former_partners"] = [p for p in partners if not p.is_current]
        return context
