"""The home page of each language, the contact page and the accessibility statement."""

from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.pages import BasePage
from international.models import NewsIndexPage, OpportunityIndexPage
from international.selectors import (
    goals_in_locale,
    latest_news,
    open_opportunities,
    opportunity_clock,
)

__all__ = ["AccessibilityStatementPage", "ContactPage", "HomePage"]

TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "notranslate"]


class HomePage(BasePage):
    """The start page of one language; the Swedish one is the source of the others."""

    intro = models.CharField(
        _("ingress"),
        max_length=300,
        blank=True,
        help_text=_("En eller två meningar som säger vad webbplatsen handlar om."),
    )
    body = RichTextField(
        _("brödtext"), blank=True, features=["bold", "italic", "link", "ul", "notranslate"]
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]

    # Each language's home keeps the slug it was made with: the slug is not synchronised.
    translatable_fields = [
        *BasePage.base_translatable_fields,
        TranslatableField("intro"),
        TranslatableField("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "international.StrategyPage",
        "international.NewsIndexPage",
        "international.OpportunityIndexPage",
        "international.PartnersPage",
        "international.ProjectIndexPage",
        "home.ContactPage",
        "home.AccessibilityStatementPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("startsida")
        verbose_name_plural = _("startsidor")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read when the page's text is rendered, not when it is kept (core.fragments); kept
        # while no opportunity of the language opens or closes (``opportunity_clock``).
        context["goals"] = SimpleLazyObject(lambda: goals_in_locale(self.locale))
        context["latest_news"] = SimpleLazyObject(lambda: latest_news(self.locale))
        context["open_opportunities"] = SimpleLazyObject(lambda: open_opportunities(self.locale))
        children = self.get_children().live().filter(alias_of__isnull=True)
        context["news_index"] = SimpleLazyObject(lambda: children.type(NewsIndexPage).first())
        context["opportunity_index"] = SimpleLazyObject(
            lambda: children.type(OpportunityIndexPage).first()
        )
        context["opportunity_clock"] = opportunity_clock(self.locale)
        return context


class ContactPage(BasePage):
    intro = models.TextField(_("ingress"), blank=True)
    body = RichTextField(_("brödtext"), features=TEXT_FEATURES, blank=True)
    email = models.EmailField(_("e-post"), blank=True)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    postal_address = models.TextField(_("postadress"), blank=True)
    visiting_address = models.TextField(_("besöksadress"), blank=True)
    opening_hours = models.TextField(_("öppettider"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("email"),
                FieldPanel("phone"),
                FieldPanel("postal_address"),
                FieldPanel("visiting_address"),
                FieldPanel("opening_hours"),
            ],
            heading=_("Kontaktuppgifter"),
        ),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("intro"),
        TranslatableField("body"),
        TranslatableField("opening_hours"),
        SynchronizedField("email"),
        SynchronizedField("phone"),
        SynchronizedField("postal_address"),
        SynchronizedField("visiting_address"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "home/contact_page.html"

    class Meta:
        verbose_name = _("kontaktsida")
        verbose_name_plural = _("kontaktsidor")


class AccessibilityStatementPage(BasePage):
    """Tillgänglighetsredogörelse, as the Swedish accessibility law (DOS-lagen) requires."""

    class Compliance(models.TextChoices):
        FULL = "full", _("helt förenlig")
        PARTIAL = "partial", _("delvis förenlig")
        NONE = "none", _("inte förenlig")

    intro = models.TextField(_("ingress"), blank=True)
    compliance = models.CharField(
        _("förenlighet med kraven"),
        max_length=10,
        choices=Compliance.choices,
        default=Compliance.PARTIAL,
    )
    known_issues = RichTextField(
        _("kända brister"),
        features=TEXT_FEATURES,
        blank=True,
        help_text=_("Innehåll som inte är tillgängligt och varför."),
    )
    report_intro = models.TextField(
        _("om att rapportera brister"),
        blank=True,
        help_text=_("Hur den som upptäcker ett problem kan höra av sig."),
    )
    report_email = models.EmailField(_("e-post för synpunkter"))
    report_phone = models.CharField(_("telefon för synpunkter"), max_length=40, blank=True)
    response_time = models.CharField(
        _("svarstid"), max_length=120, blank=True, help_text=_("Till exempel inom fem arbetsdagar.")
    )
    enforcement = RichTextField(
        _("tillsyn"),
        features=TEXT_FEATURES,
        blank=True,
        help_text=_("Myndigheten för digital förvaltning (DIGG) och hur man anmäler."),
    )
    method = RichTextField(_("hur vi testat webbplatsen"), features=TEXT_FEATURES, blank=True)
    assessed_on = models.DateField(_("senast bedömd"), null=True, blank=True)
    published_on = models.DateField(_("redogörelsen upprättades"), null=True, blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("compliance"),
        FieldPanel("known_issues"),
        MultiFieldPanel(
            [
                FieldPanel("report_intro"),
                FieldPanel("report_email"),
                FieldPanel("report_phone"),
                FieldPanel("response_time"),
            ],
            heading=_("Rapportera brister"),
        ),
        FieldPanel("enforcement"),
        FieldPanel("method"),
        FieldPanel("assessed_on"),
        FieldPanel("published_on"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("intro"),
        TranslatableField("known_issues"),
        TranslatableField("report_intro"),
        TranslatableField("response_time"),
        TranslatableField("enforcement"),
        TranslatableField("method"),
        SynchronizedField("compliance"),
        SynchronizedField("report_email"),
        SynchronizedField("report_phone"),
        SynchronizedField("assessed_on"),
        SynchronizedField("published_on"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("known_issues"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "home/accessibility_statement_page.html"

    class Meta:
        verbose_name = _("tillgänglighetsredogörelse")
        verbose_name_plural = _("tillgänglighetsredogörelser")
