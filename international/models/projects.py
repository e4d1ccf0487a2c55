"""EU and international projects: an index with filters, and one page per project."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import PageManager
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.localization import localize_later, localize_one
from core.pages import BasePage, BasePageQuerySet, ListingPage
from international.blocks import RICH_TEXT_FEATURES, BodyBlock
from international.choices import PROJECT_STATUS, ProjectStatus
from international.filters import ProjectFilterForm

from .mixins import ExampleMixin
from .taxonomy import localize_programmes

__all__ = ["ProjectIndexPage", "ProjectPage"]


class ProjectQuerySet(BasePageQuerySet):
    def with_state(self, status: str, today=None):
        return self.filter(PROJECT_STATUS.q(status, today or timezone.localdate()))

    def filtered(self, *, programme=None, status=None, goal=None, today=None):
        """The projects matching the listing's filters."""
        qs = self
        if programme:
            qs = qs.filter(programme__slug=programme)
        if goal:
            qs = qs.related_to(goals__slug=goal)
        if status:
            qs = qs.with_state(status, today)
        return qs


class ProjectIndexPage(ListingPage):
    filter_form_class = ProjectFilterForm

    subpage_types = ["international.ProjectPage"]
    template = "international/project_index_page.html"

    class Meta:
        verbose_name = _("projektlista")
        verbose_name_plural = _("projektlistor")

    def listing_queryset(self, **filters):
        return (
            ProjectPage.objects.child_of(self)
            .readable()
            .filtered(**filters)
            .defer_streamfields()
            .select_related("programme")
            .order_by("-starts_on", "title")
        )

    def prepare_items(self, items) -> None:
        localize_programmes(items, self.locale)

    def listing_clock(self) -> str:
        return PROJECT_STATUS.kept_clock(
            "project-dates",
            (self.pk,),
            lambda: ProjectPage.objects.child_of(self),
            timezone.localdate(),
        )


class ProjectPage(ExampleMixin, BasePage):
    summary = models.TextField(_("sammanfattning"))
    programme = models.ForeignKey(
        "international.Programme",
        verbose_name=_("program eller fond"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="projects",
    )
    starts_on = models.DateField(_("startdatum"))
    ends_on = models.DateField(_("slutdatum"))
    total_budget = models.PositiveBigIntegerField(_("total budget (kr)"))
    external_funding = models.PositiveBigIntegerField(
        _("extern finansiering (kr)"),
        help_text=_("Bidrag från EU eller andra finansiärer. Kan inte vara större än budgeten."),
    )
    lead_organisation = models.CharField(_("projektägare"), max_length=150)
    partners = ParentalManyToManyField(
        "international.Partner", verbose_name=_("partner"), blank=True, related_name="projects"
    )
    goals = ParentalManyToManyField(
        "international.Goal", verbose_name=_("mål i strategin"), blank=True, related_name="projects"
    )
    body = StreamField(BodyBlock(), verbose_name=_("om projektet"), blank=True)
    results = RichTextField(_("resultat"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("programme"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")], heading=_("Period")),
        MultiFieldPanel(
            [FieldPanel("total_budget"), FieldPanel("external_funding")],
            heading=_("Budget"),
        ),
        FieldPanel("lead_organisation"),
        FieldPanel("partners"),
        FieldPanel("goals"),
        FieldPanel("body"),
        FieldPanel("results"),
        *ExampleMixin.example_panels,
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("summary"),
        TranslatableField("lead_organisation"),
        TranslatableField("body"),
        TranslatableField("results"),
        SynchronizedField("programme"),
        SynchronizedField("starts_on"),
        SynchronizedField("ends_on"),
        SynchronizedField("total_budget"),
        SynchronizedField("external_funding"),
        SynchronizedField("partners"),
        SynchronizedField("goals"),
        SynchronizedField("is_example"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("results"),
        # "Erasmus" finds the opportunities and projects of Erasmus+.
        index.RelatedFields("programme", [index.SearchField("name")]),
    ]

    objects = PageManager.from_queryset(ProjectQuerySet)()

    parent_page_types = ["international.ProjectIndexPage"]
    subpage_types: list[str] = []
    template = "international/project_page.html"

    class Meta:
        verbose_name = _("projekt")
        verbose_name_plural = _("projekt")
        # The newest projects first (the listing's first page), read backwards from this
        # index instead of sorting every project of the site (issue 24).
        # With the end date's, the dates near today that a kept listing's clock reads
        # (``core.date_status.DateStatus.kept_clock``).
        indexes = [
            models.Index(fields=["starts_on"], name="international_project_starts"),
            models.Index(fields=["ends_on"], name="international_project_ends"),
        ]

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("Projektet kan inte sluta innan det har börjat.")
        if (
            self.total_budget is not None
            and self.external_funding is not None
            and self.external_funding > self.total_budget
        ):
            errors["external_funding"] = _(
                "Den externa finansieringen kan inte vara större än den totala budgeten."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def own_contribution(self) -> int:
        """What the municipality and its partners pay themselves: budget minus grants."""
        return max((self.total_budget or 0) - (self.external_funding or 0), 0)

    @property
    def status(self) -> str:
        """Derived from the dates and today's date; never stored."""
        return PROJECT_STATUS.of(self, timezone.localdate())

    @property
    def status_label(self) -> str:
        return ProjectStatus(self.status).label

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read when the page's text is rendered, not when it is kept (core.fragments).
        context["programme"] = SimpleLazyObject(lambda: localize_one(self.programme, self.locale))
        context["partners"] = localize_later(self.partners, self.locale)
        context["goals"] = localize_later(self.goals, self.locale)
        return context
