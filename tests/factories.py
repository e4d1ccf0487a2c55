"""Factories for the content models, on top of wagtail-factories."""

import datetime

from django.utils import timezone

import factory
import wagtail_factories

from home.models import AccessibilityStatementPage, ContactPage
from international.models import (
    Goal,
    NewsIndexPage,
    NewsPage,
    OpportunityIndexPage,
    OpportunityPage,
    Partner,
    PartnersPage,
    Programme,
    ProjectIndexPage,
    ProjectPage,
    StrategyAreaPage,
    StrategyPage,
    Topic,
)


class ProgrammeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Program {n}")
    slug = factory.Sequence(lambda n: f"program-{n}")

    class Meta:
        model = Programme


class TopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Ämne {n}")
    slug = factory.Sequence(lambda n: f"amne-{n}")

    class Meta:
        model = Topic


class GoalFactory(factory.django.DjangoModelFactory):
    short_title = factory.Sequence(lambda n: f"Mål {n}")
    slug = factory.Sequence(lambda n: f"mal-{n}")
    text = "<p>Ett mål i strategin.</p>"
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = Goal


class PartnerFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Partnerkommun {n}")
    slug = factory.Sequence(lambda n: f"partner-{n}")
    country = "DK"
    kind = Partner.Kind.MUNICIPALITY

    class Meta:
        model = Partner


class StrategyPageFactory(wagtail_factories.PageFactory):
    title = "Strategi för internationellt arbete"
    slug = "strategi"
    lead = "Ramen för det internationella arbetet."
    background = "<p>Vänorterna i Danmark och Norge.</p>"
    purpose = "<p>Att utveckla verksamheterna.</p>"
    adopted_by = "Kommunfullmäktige"

    class Meta:
        model = StrategyPage


class StrategyAreaPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Område {n}")
    lead = "Ett strategiskt område."

    class Meta:
        model = StrategyAreaPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Nyheter"
    slug = "nyheter"
    intro = "Nytt från samarbetena."

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Nyhet {n}")
    slug = factory.Sequence(lambda n: f"nyhet-{n}")
    date = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n))
    lead = "En kort ingress."

    class Meta:
        model = NewsPage


class OpportunityIndexPageFactory(wagtail_factories.PageFactory):
    title = "Möjligheter"
    slug = "mojligheter"

    class Meta:
        model = OpportunityIndexPage


class OpportunityPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Möjlighet {n}")
    slug = factory.Sequence(lambda n: f"mojlighet-{n}")
    kind = OpportunityPage.Kind.YOUTH_EXCHANGE
    summary = "Ett utbyte."
    for_youth = True
    eligibility = "<p>Unga i kommunen.</p>"
    how_to_apply = "<p>Skicka en ansökan.</p>"
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=10))
    deadline = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=10))

    class Meta:
        model = OpportunityPage


class ProjectIndexPageFactory(wagtail_factories.PageFactory):
    title = "Projekt"
    slug = "projekt"

    class Meta:
        model = ProjectIndexPage


class ProjectPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Projekt {n}")
    slug = factory.Sequence(lambda n: f"projekt-{n}")
    summary = "Ett EU-projekt."
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=100))
    ends_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=100))
    total_budget = 1_000_000
    external_funding = 600_000
    lead_organisation = "Nässjö kommun"

    class Meta:
        model = ProjectPage


class PartnersPageFactory(wagtail_factories.PageFactory):
    title = "Partner"
    slug = "partner"

    class Meta:
        model = PartnersPage


class ContactPageFactory(wagtail_factories.PageFactory):
    title = "Kontakta oss"
    slug = "kontakt"
    email = "kommun@example.invalid"
    phone = "0380-00 00 00"

    class Meta:
        model = ContactPage


class AccessibilityStatementPageFactory(wagtail_factories.PageFactory):
    title = "Tillgänglighetsredogörelse"
    slug = "tillganglighet"
    report_email = "tillganglighet@example.invalid"
    enforcement = "<p>Myndigheten för digital förvaltning (DIGG) har tillsyn.</p>"

    class Meta:
        model = AccessibilityStatementPage
