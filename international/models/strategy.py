"""The strategy for international work, and one sub-page per strategic area."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from international.blocks import RICH_TEXT_FEATURES, BodyBlock, ResponsibilitiesBlock

__all__ = ["StrategyAreaPage", "StrategyPage"]


class StrategyPage(Page):
    """The strategy as structured content: background, purpose, goals, areas, roles."""

    lead = models.TextField(_("ingress"), blank=True)
    background = RichTextField(_("bakgrund"), features=RICH_TEXT_FEATURES, blank=True)
    purpose = RichTextField(_("syfte"), features=RICH_TEXT_FEATURES, blank=True)
    goals_intro = models.TextField(
        _("inledning till målen"),
        blank=True,
        help_text=_("Målen själva redigeras under Internationellt → Mål i strategin."),
    )
    responsibilities = StreamField(
        ResponsibilitiesBlock(), verbose_name=_("ansvarsfördelning"), blank=True
    )
    adopted_by = models.CharField(
        _("antagen av"), max_length=120, blank=True, help_text=_("Till exempel Kommunfullmäktige.")
    )
    adopted_on = models.DateField(_("antagen datum"), null=True, blank=True)
    decision_reference = models.CharField(_("beslut eller diarienummer"), max_length=80, blank=True)
    adoption_note = models.TextField(
        _("om beslutet"),
        blank=True,
        help_text=_("Bakgrunden till beslutet, till exempel vem som gav uppdraget och när."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        FieldPanel("background"),
        FieldPanel("purpose"),
        FieldPanel("goals_intro"),
        FieldPanel("responsibilities"),
        MultiFieldPanel(
            [
                FieldPanel("adopted_by"),
                FieldPanel("adopted_on"),
                FieldPanel("decision_reference"),
                FieldPanel("adoption_note"),
            ],
            heading=_("Beslut"),
        ),
    ]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("lead"),
        TranslatableField("background"),
        TranslatableField("purpose"),
        TranslatableField("goals_intro"),
        TranslatableField("responsibilities"),
        TranslatableField("adopted_by"),
        TranslatableField("adoption_note"),
        SynchronizedField("slug"),
        SynchronizedField("adopted_on"),
        SynchronizedField("decision_reference"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("background"),
        index.SearchField("purpose"),
        index.SearchField("responsibilities"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["international.StrategyAreaPage", "followup.FollowUpPage"]
    max_count_per_parent = 1
    template = "international/strategy_page.html"

    class Meta:
        verbose_name = _("strategisida")
        verbose_name_plural = _("strategisidor")

    def get_context(self, request, *args, **kwargs):
        from international.selectors import goals_with_links, live_children, readable

        context = super().get_context(request, *args, **kwargs)
        context["goals"] = goals_with_links(self.locale)
        context["areas"] = live_children(self, StrategyAreaPage)
        # Other sub-pages (the follow-up in figures), linked from the goals.
        context["goal_pages"] = (
            readable(Page.objects.child_of(self)).not_type(StrategyAreaPage).order_by("path")
        )
        return context


class StrategyAreaPage(Page):
    """One strategic area, for example external funding."""

    lead = models.TextField(_("ingress"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("brödtext"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("lead"), FieldPanel("body")]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("lead"),
        TranslatableField("body"),
        SynchronizedField("slug"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("lead"), index.SearchField("body")]

    parent_page_types = ["international.StrategyPage"]
    subpage_types: list[str] = []
    template = "international/strategy_area_page.html"

    class Meta:
        verbose_name = _("strategiskt område")
        verbose_name_plural = _("strategiska områden")
