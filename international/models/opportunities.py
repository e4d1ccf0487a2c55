"""Exchanges and funding: an index with filters and a deadline calendar, and the pages."""

import json

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, Value, When
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import PageManager
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.absolute_urls import absolute
from core.localization import localize_later, localize_one
from core.pages import BasePage, BasePageQuerySet, ListingPage
from international.blocks import BodyBlock
from international.choices import (
    OPPORTUNITY_STATUS,
    TARGET_GROUPS,
    OpportunityKind,
    OpportunityStatus,
)
from international.feeds import deadlines_calendar
from international.filters import OpportunityFilterForm
from organisation.lookup import for_page as organisation_for_page

from .mixins import ExampleMixin
from .taxonomy import localize_programmes

__all__ = ["OpportunityIndexPage", "OpportunityPage"]

STATUS_RANK = {
    OpportunityStatus.OPEN: 0,
    OpportunityStatus.UPCOMING: 1,
    OpportunityStatus.CLOSED: 2,
}


class OpportunityQuerySet(BasePageQuerySet):
    def with_status(self, now=None):
        """Annotate ``status_code`` from the dates at ``now`` (default: the current time)."""
        return self.annotate(status_code=OPPORTUNITY_STATUS.annotation(now or timezone.now()))

    def with_status_order(self, now=None):
        """Open first by nearest deadline, then upcoming by opening, then closed, latest first."""
        now = now or timezone.now()
        qs = self.with_status(now).annotate(
            status_rank=Case(
                *(
                    When(status_code=code.value, then=Value(rank))
                    for code, rank in STATUS_RANK.items()
                ),
                output_field=models.IntegerField(),
            ),
            sort_ascending=Case(
                When(status_code=OpportunityStatus.OPEN.value, then=F("deadline")),
                When(status_code=OpportunityStatus.UPCOMING.value, then=F("opens_at")),
                default=None,
                output_field=models.DateTimeField(),
            ),
            sort_descending=Case(
                When(status_code=OpportunityStatus.CLOSED.value, then=F("deadline")),
                default=None,
                output_field=models.DateTimeField(),
            ),
        )
        return qs.order_by("status_rank", "sort_ascending", "-sort_descending", "title")

    def with_state(self, status: str, now=None):
        return self.filter(OPPORTUNITY_STATUS.q(status, now or timezone.now()))

    def filtered(self, *, kind=None, target_group=None, programme=None, status=None, now=None):
        """The opportunities matching the listing's filters."""
        qs = self
        if kind:
            qs = qs.filter(kind=kind)
        if target_group in TARGET_GROUPS:
            qs = qs.filter(**{TARGET_GROUPS[target_group][0]: True})
        if programme:
            qs = qs.filter(programme__slug=programme)
        if status:
            qs = qs.with_state(status, now)
        return qs


OpportunityManager = PageManager.from_queryset(OpportunityQuerySet)


class OpportunityIndexPage(ListingPage):
    filter_form_class = OpportunityFilterForm

    subpage_types = ["international.OpportunityPage"]
    template = "international/opportunity_index_page.html"

    class Meta:
        verbose_name = _("lista över möjligheter")
        verbose_name_plural = _("listor över möjligheter")

    def listing_queryset(self, now=None, **filters):
        now = now or timezone.now()
        return (
            OpportunityPage.objects.child_of(self)
            .readable()
            .filtered(now=now, **filters)
            .defer_streamfields()
            .select_related("programme")
            .with_status_order(now)
        )

    def prepare_items(self, items) -> None:
        localize_programmes(items, self.locale)

    def listing_context(self) -> dict:
        return {"calendar_url": self.calendar_url()}

    def listing_clock(self) -> str:
        return OPPORTUNITY_STATUS.kept_clock(
            "opportunity-dates",
            (self.pk,),
            lambda: OpportunityPage.objects.child_of(self),
            timezone.now(),
        )

    @path("kalender/", name="calendar")
    def calendar(self, request):
        return deadlines_calendar(request, self)

    def get_cached_paths(self) -> list[str]:
        """Wagtail's hook for the HTTP cache: the calendar changes with the listing."""
        return [*super().get_cached_paths(), "/" + self.reverse_subpage("calendar").lstrip("/")]

    def calendar_url(self) -> str:
        return self.url + self.reverse_subpage("calendar").lstrip("/")


class OpportunityPage(ExampleMixin, BasePage):
    Kind = OpportunityKind

    kind = models.CharField(_("typ"), max_length=30, choices=Kind.choices)
    programme = models.ForeignKey(
        "international.Programme",
        verbose_name=_("program eller fond"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="opportunities",
    )
    summary = models.TextField(_("sammanfattning"), help_text=_("Vad det gäller, i korthet."))
    for_youth = models.BooleanField(_("unga"), default=False)
    age_min = models.PositiveSmallIntegerField(_("från ålder"), null=True, blank=True)
    age_max = models.PositiveSmallIntegerField(_("till ålder"), null=True, blank=True)
    for_schools = models.BooleanField(_("skolor"), default=False)
    for_staff = models.BooleanField(_("personal"), default=False)
    for_companies = models.BooleanField(_("företag"), default=False)
    for_associations = models.BooleanField(_("föreningar"), default=False)
    eligibility = RichTextField(
        _("vem kan söka"), features=["bold", "italic", "link", "ul", "notranslate"]
    )
    opens_at = models.DateTimeField(
        _("öppnar"), help_text=_("Datum och tid i svensk tid (Europe/Stockholm).")
    )
    deadline = models.DateTimeField(
        _("sista ansökningsdag"), help_text=_("Datum och tid i svensk tid (Europe/Stockholm).")
    )
    how_to_apply = RichTextField(
        _("så ansöker du"), features=["bold", "italic", "link", "ol", "ul", "notranslate"]
    )
    body = StreamField(BodyBlock(), verbose_name=_("mer information"), blank=True)
    contact_name = models.CharField(_("kontaktperson"), max_length=120, blank=True)
    contact_email = models.EmailField(_("e-post till kontakt"), blank=True)
    contact_phone = models.CharField(_("telefon till kontakt"), max_length=40, blank=True)
    external_url = models.URLField(_("extern länk"), blank=True)
    goals = ParentalManyToManyField(
        "international.Goal",
        verbose_name=_("mål i strategin"),
        blank=True,
        related_name="opportunities",
    )

    objects = OpportunityManager()

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("kind"),
        FieldPanel("programme"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("for_youth"),
                FieldRowPanel([FieldPanel("age_min"), FieldPanel("age_max")]),
                FieldPanel("for_schools"),
                FieldPanel("for_staff"),
                FieldPanel("for_companies"),
                FieldPanel("for_associations"),
            ],
            heading=_("Målgrupper"),
        ),
        FieldPanel("eligibility"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("deadline")], heading=_("Datum")),
        FieldPanel("how_to_apply"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("external_url"),
            ],
            heading=_("Kontakt och länk"),
        ),
        FieldPanel("goals"),
        *ExampleMixin.example_panels,
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("summary"),
        TranslatableField("eligibility"),
        TranslatableField("how_to_apply"),
        TranslatableField("body"),
        SynchronizedField("kind"),
        SynchronizedField("programme"),
        SynchronizedField("for_youth"),
        SynchronizedField("age_min"),
        SynchronizedField("age_max"),
        SynchronizedField("for_schools"),
        SynchronizedField("for_staff"),
        SynchronizedField("for_companies"),
        SynchronizedField("for_associations"),
        SynchronizedField("opens_at"),
        SynchronizedField("deadline"),
        SynchronizedField("contact_name"),
        SynchronizedField("contact_email"),
        SynchronizedField("contact_phone"),
        SynchronizedField("external_url"),
        SynchronizedField("goals"),
        SynchronizedField("is_example"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("eligibility"),
        index.SearchField("how_to_apply"),
        index.SearchField("body"),
        index.FilterField("deadline"),
        # "Erasmus" finds the opportunities and projects of Erasmus+.
        index.RelatedFields("programme", [index.SearchField("name")]),
    ]

    parent_page_types = ["international.OpportunityIndexPage"]
    subpage_types: list[str] = []
    template = "international/opportunity_page.html"

    class Meta:
        verbose_name = _("möjlighet")
        verbose_name_plural = _("möjligheter")
        # The open opportunities by nearest deadline (the home page) from this index, from
        # now on, instead of sorting every opportunity of the site (issue 24).
        # With the opening date's, the dates near now that a kept listing's clock reads
        # (``core.date_status.DateStatus.kept_clock``).
        indexes = [
            models.Index(fields=["deadline"], name="international_opp_deadline"),
            models.Index(fields=["opens_at"], name="international_opp_opens"),
        ]

    def clean(self):
        super().clean()
        errors = {}
        if self.opens_at and self.deadline and self.deadline < self.opens_at:
            errors["deadline"] = _("Sista ansökningsdag kan inte ligga före öppningsdatumet.")
        if self.age_min is not None and self.age_max is not None and self.age_max < self.age_min:
            errors["age_max"] = _("Den högsta åldern kan inte vara lägre än den lägsta.")
        if not any(getattr(self, field) for field, _label in TARGET_GROUPS.values()):
            errors["for_youth"] = _("Välj minst en målgrupp.")
        if errors:
            raise ValidationError(errors)

    @property
    def status(self) -> str:
        """Derived from the dates and the current time; never stored."""
        return OPPORTUNITY_STATUS.of(self, timezone.now())

    @property
    def status_label(self) -> str:
        return OpportunityStatus(self.status).label

    @property
    def target_groups(self) -> list[str]:
        return [label for field, label in TARGET_GROUPS.values() if getattr(self, field)]

    def json_ld(self, request=None) -> str:
        """schema.org description of the opportunity, for search engines."""
        data = {
            "@context": "https://schema.org",
            "@type": "EducationalOccupationalProgram",
            "name": self.title,
            "description": self.summary,
            "url": absolute(self.get_url(request)) if request else self.get_full_url(),
            "inLanguage": self.locale.language_code,
            "programType": str(self.Kind(self.kind).label),
            "applicationStartDate": timezone.localtime(self.opens_at).isoformat(),
            "applicationDeadline": timezone.localtime(self.deadline).isoformat(),
            "audience": [
                {"@type": "Audience", "audienceType": str(label)} for label in self.target_groups
            ],
        }
        organisation = organisation_for_page(self, request)
        if organisation:
            data["provider"] = {"@type": "GovernmentOrganization", "name": organisation.name}
            if organisation.web_address:
                data["provider"]["url"] = organisation.web_address
        if self.for_youth and (self.age_min or self.age_max):
            data["typicalAgeRange"] = f"{self.age_min or ''}-{self.age_max or ''}"
        if self.external_url:
            data["sameAs"] = self.external_url
        # Escape what could close the script element; json.dumps keeps the rest readable.
        return (
            json.dumps(data, ensure_ascii=False)
            .replace("<", "\\u003c")
            .replace(">", "\\u003e")
            .replace("&", "\\u0026")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read when the page's text is rendered, not when it is kept (core.fragments).
        context["programme"] = SimpleLazyObject(lambda: localize_one(self.programme, self.locale))
        context["goals"] = localize_later(self.goals, self.locale)
        context["json_ld"] = self.json_ld(request)
        return context
