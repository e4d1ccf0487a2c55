"""One language's settings: one row per locale, one admin screen for the coordinators.

The screen is *Översättning → Språkinställningar*. Everything a coordinator decides about
one target language lives here: whether machine translation is on, which engine and formality
it uses, whether its machine text is review-only, its monthly budget and an agency's prices
per word (read by ``translation``), and whether unreviewed text may be published and glossary
warnings block a publish (read by ``review``).
The static facts of a language (names, script, direction, DeepL's codes) are not settings:
they live in the language table, ``core.languages``.

Why in ``translation``: both ``translation`` and ``review`` read the row, and the floors
(``tests/core/test_floors.py``) let ``review`` import ``translation`` but never the reverse.
The engine names are stored here as plain choices; asking an engine whether it offers the
language is the admin form's (``translation.policy_form``), which registers the screen.

A row made in code without an engine or review-only flag takes the language's defaults from
the table (``core.languages.default_engine``: Azure AI Translator and review-only for Somali and
Tigrinya, DeepL for the others), the same defaults as a locale without a row
(``translation.policy``), so a row made for the publish rule alone changes no engine.
"""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Locale

from core.languages import default_engine, review_only_by_default

ENGINE_CHOICES = [("deepl", "DeepL"), ("azure", "Azure AI Translator")]


def _agency_price(label, help_text) -> models.DecimalField:
    """An agency's price per word for one band of memory matches (optional, not negative)."""
    return models.DecimalField(
        label,
        max_digits=8,
        decimal_places=3,
        validators=[MinValueValidator(0)],
        null=True,
        blank=True,
        help_text=help_text,
    )


class LanguageSettingsQuerySet(models.QuerySet):
    def create(self, **kwargs):
        """Fill the engine and review-only flag the caller left out from the language table
        (``get_or_create`` and ``update_or_create`` create through here too)."""
        if "engine" not in kwargs or "review_only" not in kwargs:
            locale = kwargs.get("locale") or Locale.objects.get(pk=kwargs["locale_id"])
            kwargs.setdefault("engine", default_engine(locale.language_code))
            kwargs.setdefault("review_only", review_only_by_default(locale.language_code))
        return super().create(**kwargs)


class LanguageSettings(models.Model):
    """How one target language is machine-translated, budgeted and published."""

    FORMALITY_CHOICES = [
        ("default", _("standard")),
        ("prefer_more", _("formell om möjligt")),
        ("prefer_less", _("informell om möjligt")),
    ]

    locale = models.OneToOneField(
        Locale, on_delete=models.CASCADE, related_name="language_settings", verbose_name=_("språk")
    )

    # Machine translation (read by translation.policy and translation.engines).
    machine_translation_enabled = models.BooleanField(
        _("maskinöversättning"),
        default=True,
        help_text=_("Avmarkera för att bara låta människor översätta till språket."),
    )
    formality = models.CharField(
        _("tilltal"), max_length=20, choices=FORMALITY_CHOICES, default="default"
    )
    engine = models.CharField(
        _("översättningsmotor"),
        max_length=20,
        choices=ENGINE_CHOICES,
        default="deepl",
        help_text=_("Bara en motor som själv anger att den översätter till språket kan väljas."),
    )
    review_only = models.BooleanField(
        _("endast granskat"),
        default=False,
        help_text=_(
            "Maskinöversatt text på språket publiceras aldrig ogranskad, "
            "oavsett publiceringsregeln."
        ),
    )

    # Budget and an agency's prices (translation.usage, translation.estimates).
    monthly_character_budget = models.PositiveIntegerField(
        _("månadsbudget i tecken"),
        null=True,
        blank=True,
        help_text=_(
            "Högst så många debiterade tecken maskinöversättning per månad för språket; "
            "tomt betyder ingen egen gräns. När den är nådd pausas bara det här språket."
        ),
    )
    # An agency's price per word, banded by the translation memory's match (estimates).
    agency_price_new = _agency_price(
        _("byråpris per ord, ny text"),
        _("Ord utan träff i översättningsminnet."),
    )
    agency_price_fuzzy = _agency_price(
        _("byråpris per ord, 75–99 % träff"),
        _("Ord i text som liknar en översatt text till 75–99 %."),
    )
    agency_price_exact = _agency_price(
        _("byråpris per ord, 100 % träff"),
        _("Ord i text som redan är översatt ordagrant (eller upprepas)."),
    )

    # The publish rule (review.publish_policy, review.live_text).
    allow_unreviewed_machine_text = models.BooleanField(
        _("tillåt ogranskad maskinöversättning"),
        default=False,
        help_text=_(
            "Om rutan är ikryssad får översättare publicera sidor med maskinöversatt text "
            "som ingen har godkänt. Läsarna ser då en upplysning överst på sidan."
        ),
    )
    fact_warnings_block = models.BooleanField(
        _("ordlistevarningar stoppar publicering"),
        default=False,
        help_text=_(
            "Om rutan är ikryssad kan en sida inte publiceras när faktakontrollen varnar för "
            "att en ordlisteterm inte används, förrän en översättare har motiverat avvikelsen."
        ),
    )

    objects = LanguageSettingsQuerySet.as_manager()

    panels = [
        FieldPanel("locale"),
        MultiFieldPanel(
            [
                FieldPanel("machine_translation_enabled"),
                FieldPanel("engine"),
                FieldPanel("review_only"),
                FieldPanel("formality"),
            ],
            heading=_("Maskinöversättning"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("monthly_character_budget"),
                FieldPanel("agency_price_new"),
                FieldPanel("agency_price_fuzzy"),
                FieldPanel("agency_price_exact"),
            ],
            heading=_("Budget och byråpriser"),
        ),
        MultiFieldPanel(
            [FieldPanel("allow_unreviewed_machine_text"), FieldPanel("fact_warnings_block")],
            heading=_("Publiceringsregler"),
        ),
    ]

    class Meta:
        verbose_name = _("språkinställning")
        verbose_name_plural = _("språkinställningar")
        # Its table keeps the name it had in ``review`` (moved with issue #20).
        db_table = "review_languagesettings"

    def __str__(self):
        return self.locale.get_display_name() or self.locale.language_code

    @classmethod
    def for_locale(cls, locale) -> "LanguageSettings | None":
        return cls.objects.filter(locale=locale).first()

    @classmethod
    def allows_unreviewed(cls, locale: Locale) -> bool:
        """A review-only language (the row's flag, or without a row the language table's
        default, as ``translation.policy.is_review_only`` reads it: Somali and Tigrinya to start
        with) never allows it, whatever else this row says."""
        settings = cls.for_locale(locale)
        if settings is None:
            return False
        return settings.allow_unreviewed_machine_text and not settings.review_only

    @classmethod
    def fact_warnings_block_in(cls, locale_id: int) -> bool:
        return cls.objects.filter(locale_id=locale_id, fact_warnings_block=True).exists()
