"""Indicators of the strategy's goals, their yearly figures, and the public follow-up page.

An indicator is a translatable snippet: its name, explanation and source note go to the
translators (and DeepL) like any other text; everything else, the figures above all, is a
``SynchronizedField`` copied from the Swedish source and never machine translated. The
public page always reads the figures from the Swedish source, so that a translation that is
not yet synchronised can never show other numbers than the Swedish page.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.pages import BasePage
from international.models import ExampleMixin

from .computed import REGISTRY, computation_choices
from .datasets import Unit
from .forms import IndicatorForm
from .validation import FIRST_YEAR, LAST_YEAR_LIMIT, value_errors

__all__ = ["FollowUpPage", "Indicator", "IndicatorValue"]


class Indicator(ExampleMixin, index.Indexed, TranslatableMixin, ClusterableModel):
    class Kind(models.TextChoices):
        ENTERED = "entered", _("Inmatad av samordnaren")
        COMPUTED = "computed", _("Beräknad från portalens innehåll")

    name = models.CharField(_("namn"), max_length=150)
    slug = models.SlugField(
        _("kortnamn i adresser"),
        max_length=80,
        help_text=_("Används i adressen till CSV-filen. Samma i alla språk."),
    )
    goal = models.ForeignKey(
        "international.Goal",
        verbose_name=_("mål i strategin"),
        # Deleting a goal keeps its indicators and figures; they wait, unshown, for a new goal.
        null=True,
        on_delete=models.SET_NULL,
        related_name="indicators",
    )
    explanation = models.TextField(
        _("förklaring"), blank=True, help_text=_("Vad indikatorn mäter och varför, kort.")
    )
    source_note = models.CharField(
        _("källa"),
        max_length=255,
        blank=True,
        help_text=_("Varifrån siffrorna kommer, till exempel Kommunens bokslut."),
    )
    unit = models.CharField(_("enhet"), max_length=20, choices=Unit.choices, default=Unit.COUNT)
    kind = models.CharField(_("typ"), max_length=20, choices=Kind.choices, default=Kind.ENTERED)
    computation = models.CharField(
        _("beräkning"),
        max_length=40,
        choices=computation_choices,
        blank=True,
        help_text=_("Bara för beräknade indikatorer: vad portalen räknar fram."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("ordning"), default=0, help_text=_("Lägre tal visas först under målet.")
    )

    base_form_class = IndicatorForm
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("goal"),
        FieldPanel("explanation"),
        FieldPanel("source_note"),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("sort_order")]),
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("computation")], heading=_("Inmatad eller beräknad")
        ),
        InlinePanel("values", heading=_("Värden per år"), label=_("värde")),
        *ExampleMixin.example_panels,
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("explanation"),
        TranslatableField("source_note"),
        SynchronizedField("slug"),
        SynchronizedField("goal"),
        SynchronizedField("unit"),
        SynchronizedField("kind"),
        SynchronizedField("computation"),
        SynchronizedField("sort_order"),
        SynchronizedField("values"),
        SynchronizedField("is_example"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("indikator")
        verbose_name_plural = _("indikatorer")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_indicator_slug")
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.kind == self.Kind.COMPUTED:
            if self.computation not in REGISTRY:
                raise ValidationError({"computation": _("Välj vad portalen ska räkna fram.")})
            # The computation decides the unit; an editor cannot contradict it.
            self.unit = REGISTRY[self.computation].unit
        elif self.computation:
            raise ValidationError(
                {"computation": _("En inmatad indikator har ingen beräkning. Välj typen Beräknad.")}
            )


class IndicatorValue(models.Model):
    """One year's figure of an entered indicator, with who recorded it and when."""

    indicator = ParentalKey(Indicator, on_delete=models.CASCADE, related_name="values")
    year = models.PositiveSmallIntegerField(
        _("år"), validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR_LIMIT)]
    )
    value = models.DecimalField(
        _("värde"), max_digits=15, decimal_places=2, validators=[MinValueValidator(0)]
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registrerat av"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("registrerat"), null=True, blank=True, editable=False)

    panels = [FieldRowPanel([FieldPanel("year"), FieldPanel("value")])]

    class Meta:
        verbose_name = _("värde")
        verbose_name_plural = _("värden")
        ordering = ["year"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year"], name="one_value_per_year"),
            models.CheckConstraint(
                condition=models.Q(value__gte=0), name="indicator_value_not_negative"
            ),
        ]

    def __str__(self):
        return f"{self.year}: {self.value}"

    def clean(self):
        super().clean()
        indicator = getattr(self, "indicator", None)  # unset while the admin form validates
        errors = value_errors(self.year, self.value, getattr(indicator, "unit", None))
        if errors:
            raise ValidationError(errors)


class FollowUpPage(RoutablePageMixin, BasePage):
    """The strategy followed up: per goal its indicators as charts, tables and CSV."""

    intro = models.TextField(_("ingress"), blank=True)
    about_figures = models.TextField(
        _("om siffrorna"),
        blank=True,
        help_text=_("Hur siffrorna tas fram och hur ofta de uppdateras."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("about_figures")]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("intro"),
        TranslatableField("about_figures"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["international.StrategyPage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "followup/follow_up_page.html"

    class Meta:
        verbose_name = _("uppföljningssida")
        verbose_name_plural = _("uppföljningssidor")

    @staticmethod
    def source_indicators():
        """The Swedish indicators, which decide what the page shows in every language.

        Here rather than in ``presentation`` so that the page's views can call it without
        the two modules importing each other."""
        return (
            Indicator.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
            .select_related("goal")
            .prefetch_related("values")
            .order_by("sort_order", "name")
        )

    def get_context(self, request, *args, **kwargs):
        from review.stored_states import states_version

        from .presentation import figures_key, follow_up

        context = super().get_context(request, *args, **kwargs)
        states = states_version()
        # Computed only when the kept figures (the template's fragment) are not at hand.
        context["goals"] = SimpleLazyObject(lambda: follow_up(self, request, states))
        context["figures_key"] = figures_key(states)
        return context

    @path("")
    def index(self, request):
        return self.render(request)

    @path("csv/<slug:slug>/", name="csv")
    def csv(self, request, slug):
        from .presentation import csv_response

        return csv_response(self, slug)

    def csv_url(self, slug: str) -> str:
        return self.url + self.reverse_subpage("csv", args=[slug]).lstrip("/")
