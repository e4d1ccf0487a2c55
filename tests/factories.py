"""Factories for the content models (on top of wagtail-factories) and wagtail-localize rows."""

import datetime

from django.utils import timezone

from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

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


# wagtail-localize --------------------------------------------------------------------------
MACHINE = StringTranslation.TRANSLATION_TYPE_MACHINE


class TranslationSourceFactory(factory.Factory):
    """The ``TranslationSource`` of ``instance``, made or refreshed as wagtail-localize does."""

    instance = None

    class Meta:
        model = TranslationSource

    @classmethod
    def _create(cls, model_class, instance):
        source, created = model_class.get_or_create_from_instance(instance)
        if not created:
            source.update_from_db()
        return source


class TranslationFactory(factory.django.DjangoModelFactory):
    """A translation of ``source`` (required) into ``target_locale``; an existing one is reused."""

    target_locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="en"))
    enabled = True

    class Meta:
        model = Translation
        django_get_or_create = ("source", "target_locale")


class StringTranslationFactory(factory.django.DjangoModelFactory):
    """The translation of one segment's string in ``locale``, replacing an earlier one.

    Build it from a segment: ``StringTranslationFactory(segment=segment, locale=..., data=...)``.
    """

    translation_of = factory.LazyAttribute(lambda o: o.segment.string)
    context = factory.LazyAttribute(lambda o: o.segment.context)
    data = factory.LazyAttribute(lambda o: f"[{o.locale.language_code}] {o.segment.string.data}")
    translation_type = MACHINE
    tool_name = factory.LazyAttribute(lambda o: "DeepL" if o.translation_type == MACHINE else "")
    last_translated_by = None
    has_error = False

    class Meta:
        model = StringTranslation
        exclude = ["segment"]

    segment = None

    @classmethod
    def _create(cls, model_class, translation_of, locale, context, **values):
        row, _created = model_class.objects.update_or_create(
            translation_of=translation_of, locale=locale, context=context, defaults=values
        )
        return row


def translate_segments(source: TranslationSource, locale: Locale, text=None, **values) -> list:
    """Translate every string segment of ``source`` into ``locale``.

    ``text(segment)`` gives each translation (default: the source text with a language tag).
    """
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    return [
        StringTranslationFactory(
            segment=segment,
            locale=locale,
            **({"data": text(segment)} if text else {}),
            **values,
        )
        for segment in segments
    ]
