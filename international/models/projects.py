"""EU and international projects: an index with filters, and one page per project."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from international.blocks import RICH_TEXT_FEATURES, BodyBlock

from .mixins import ExampleMixin, IndexPageMixin, listing_context, paginate

__all__ = ["ProjectIndexPage", "ProjectPage", "ProjectStatus"]


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("Planerat")
    ONGOING = "ongoing", _("Pågår")
    COMPLETED = "completed", _("Avslutat")


class ProjectIndexPage(RoutablePageMixin, IndexPageMixin, Page):
    content_panels = [*Page.content_panels, *IndexPageMixin.index_panels]
    translatable_fields = IndexPageMixin.index_translatable_fields
    search_fields = [*Page.search_fields, *IndexPageMixin.index_search_fields]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["international.ProjectPage"]
    max_count_per_parent = 1
    template = "international/project_index_page.html"

    class Meta:
        verbose_name = _("projektlista")
        verbose_name_plural = _("projektlistor")

    @path("")
    def listing(self, request):
        from international.filters import ProjectFilterForm
        from international.selectors import localize_programmes, projects_for_index

        form = ProjectFilterForm(request.GET, locale=self.locale)
        items = paginate(request, projects_for_index(self, **form.filters()))
        localize_programmes(items.object_list, self.locale)
        return self.render(request, context_overrides=listing_context(request, form, items))


class ProjectPage(ExampleMixin, Page):
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
        *Page.content_panels,
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
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("summary"),
        TranslatableField("lead_organisation"),
        TranslatableField("body"),
        TranslatableField("results"),
        SynchronizedField("slug"),
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
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("results"),
        # "Erasmus" finds the opportunities and projects of Erasmus+.
        index.RelatedFields("programme", [index.SearchField("name")]),
    ]

    parent_page_types = ["international.ProjectIndexPage"]
    subpage_types: list[str] = []
    template = "international/project_page.html"

    class Meta:
        verbose_name = _("projekt")
        verbose_name_plural = _("projekt")

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
        today = timezone.localdate()
        if today < self.starts_on:
            return ProjectStatus.PLANNED
        if today > self.ends_on:
            return ProjectStatus.COMPLETED
        return ProjectStatus.ONGOING

    @property
    def status_label(self) -> str:
        return ProjectStatus(self.status).label

    def get_context(self, request, *args, **kwargs):
        from core.localization import localize_many

        context = super().get_context(request, *args, **kwargs)
        context["programme"] = (
            localize_many([self.programme], self.locale)[0] if self.programme else None
        )
        context["partners"] = localize_many(self.partners.all(), self.locale)
        context["goals"] = localize_many(self.goals.all(), self.locale)
        return context
