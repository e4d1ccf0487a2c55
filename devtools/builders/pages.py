"""Page builders: one factory per page type, for the tests and the demo loader alike.

Each factory's declarations are the page type's plain defaults (a Swedish title, a slug, the
required fields filled); a caller names only what it cares about. ``parent=`` places the page
(``Page.add_child``), ``publish=True`` saves a revision and publishes it as an editor's
Publish does; without it the page exists with no revision, which is all most tests need.
The demo loader (``devtools/demo/international.py``) passes every field of its own pages, so
what it makes does not depend on these defaults; the scale demo
(``devtools/demo/scale_pages.py``) builds its unsaved pages with the same factories.
"""

import datetime

from django.utils import timezone

import factory
import wagtail_factories

from followup.models import FollowUpPage
from home.models import AccessibilityStatementPage, ContactPage, HomePage
from international.models import (
    NewsIndexPage,
    NewsPage,
    OpportunityIndexPage,
    OpportunityPage,
    PartnersPage,
    ProjectIndexPage,
    ProjectPage,
    StrategyAreaPage,
    StrategyPage,
)


class PageFactory(wagtail_factories.PageFactory):
    """wagtail-factories' page factory, plus ``publish=True``: a revision, published."""

    class Meta:
        abstract = True
        # The publish hook saves what it changes; no second save after it.
        skip_postgeneration_save = True

    @factory.post_generation
    def publish(page, create, extracted, **kwargs):
        if create and extracted:
            page.save_revision().publish()


class HomePageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Sida {n}")
    intro = ""

    class Meta:
        model = HomePage


def add_child_page(parent, title: str, slug: str, intro: str = "") -> HomePage:
    """A published ``HomePage`` under ``parent``, in its language: a second routable page."""
    return HomePageFactory(
        parent=parent, title=title, slug=slug, intro=intro, locale=parent.locale, publish=True
    )


class StrategyPageFactory(PageFactory):
    title = "Strategi för internationellt arbete"
    slug = "strategi"
    lead = "Ramen för det internationella arbetet."
    background = "<p>Vänorterna i Danmark och Norge.</p>"
    purpose = "<p>Att utveckla verksamheterna.</p>"
    adopted_by = "Kommunfullmäktige"

    class Meta:
        model = StrategyPage


class StrategyAreaPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Område {n}")
    lead = "Ett strategiskt område."

    class Meta:
        model = StrategyAreaPage


class NewsIndexPageFactory(PageFactory):
    title = "Nyheter"
    slug = "nyheter"
    intro = "Nytt från samarbetena."

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Nyhet {n}")
    slug = factory.Sequence(lambda n: f"nyhet-{n}")
    date = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n))
    lead = "En kort ingress."

    class Meta:
        model = NewsPage


class OpportunityIndexPageFactory(PageFactory):
    title = "Möjligheter"
    slug = "mojligheter"

    class Meta:
        model = OpportunityIndexPage


class OpportunityPageFactory(PageFactory):
    """An open youth exchange. Callers choosing the target groups pass all five flags."""

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


class ProjectIndexPageFactory(PageFactory):
    title = "Projekt"
    slug = "projekt"

    class Meta:
        model = ProjectIndexPage


class ProjectPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Projekt {n}")
    slug = factory.Sequence(lambda n: f"projekt-{n}")
    summary = "Ett EU-projekt."
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=100))
    ends_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=100))
    total_budget = 1_000_000
    external_funding = 600_000
    lead_organisation = "Vår kommun"

    class Meta:
        model = ProjectPage


class PartnersPageFactory(PageFactory):
    title = "Partner"
    slug = "partner"

    class Meta:
        model = PartnersPage


class ContactPageFactory(PageFactory):
    title = "Kontakta oss"
    slug = "kontakt"
    email = "kommun@example.invalid"
    phone = "0380-00 00 00"

    class Meta:
        model = ContactPage


class AccessibilityStatementPageFactory(PageFactory):
    title = "Tillgänglighetsredogörelse"
    slug = "tillganglighet"
    report_email = "tillganglighet@example.invalid"
    enforcement = "<p>Myndigheten för digital förvaltning (DIGG) har tillsyn.</p>"

    class Meta:
        model = AccessibilityStatementPage


class FollowUpPageFactory(PageFactory):
    title = "Uppföljning"
    slug = "uppfoljning"
    intro = "Strategins mål i siffror."

    class Meta:
        model = FollowUpPage
