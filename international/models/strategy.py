"""The strategy for international work, and one sub-page per strategic area."""

from collections import defaultdict

from django.db import models
from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.pages import BasePage, BasePageQuerySet
from international.blocks import RICH_TEXT_FEATURES, BodyBlock, ResponsibilitiesBlock

from .news import NewsPage
from .opportunities import OpportunityPage
from .projects import ProjectPage
from .taxonomy import Goal, goals_in_locale

__all__ = ["StrategyAreaPage", "StrategyPage"]


def goals_with_links(locale: Locale, limit: int = 5) -> list[Goal]:
    """The strategy's goals in ``locale``, each with the news, opportunities and projects
    (pages in the same locale) that serve it, as ``goal.linked``. Seven queries.

    Only each goal's first ``limit`` pages of each kind are read (a window over the goal
    links, in SQL), so the page costs the same whatever the number of pages linked."""
    goals = goals_in_locale(locale)
    by_key = {goal.translation_key: goal for goal in goals}
    for goal in goals:
        goal.linked = defaultdict(list)
    for name, model, order in (
        ("news", NewsPage, "date"),
        ("opportunities", OpportunityPage, "deadline"),
        ("projects", ProjectPage, "starts_on"),
    ):
        field = model._meta.get_field("goals")
        page_link, goal_link = field.m2m_field_name(), field.m2m_reverse_field_name()
        first = (
            field.remote_field.through.objects.filter(
                **{
                    f"{goal_link}__translation_key__in": by_key,
                    f"{page_link}__in": model.objects.filter(locale=locale).readable(),
                }
            )
            .annotate(
                position=Window(
                    RowNumber(),
                    partition_by=F(f"{goal_link}__translation_key"),
                    order_by=[F(f"{page_link}__{order}").desc(), F(f"{page_link}_id").desc()],
                )
            )
            .filter(position__lte=limit)
            .values_list(f"{page_link}_id", flat=True)
        )
        pages = (
            model.objects.filter(pk__in=first)
            .prefetch_related("goals")
            .order_by(f"-{order}", "-pk")
        )
        for page in pages:
            for goal in page.goals.all():
                target = by_key.get(goal.translation_key)
                if target is not None and len(target.linked[name]) < limit:
                    target.linked[name].append(page)
    for goal in goals:
        goal.linked = dict(goal.linked)
    return goals


class StrategyPage(BasePage):
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
        *BasePage.content_panels,
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
        *BasePage.translatable_fields,
        TranslatableField("lead"),
        TranslatableField("background"),
        TranslatableField("purpose"),
        TranslatableField("goals_intro"),
        TranslatableField("responsibilities"),
        TranslatableField("adopted_by"),
        TranslatableField("adoption_note"),
        SynchronizedField("adopted_on"),
        SynchronizedField("decision_reference"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("lead"),
        index.SearchField("background"),
        index.SearchField("purpose"),
        index.SearchField("responsibilities"),
    ]

    # Its children name it: the goals (below) and the follow-up page (followup, a floor above).
    subpage_types = None
    max_count_per_parent = 1
    template = "international/strategy_page.html"

    class Meta:
        verbose_name = _("strategisida")
        verbose_name_plural = _("strategisidor")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["goals"] = goals_with_links(self.locale)
        # The strategic areas and the other sub-pages (the follow-up in figures, a page type of
        # a floor above, linked from the goals) in one query: the areas' own columns come
        # with their rows (multi-table inheritance joined by select_related).
        children = list(
            BasePageQuerySet(Page)
            .child_of(self)
            .readable()
            .select_related("strategyareapage")
            .order_by("path")
        )
        areas, goal_pages = [], []
        for child in children:
            try:
                areas.append(child.strategyareapage)
            except StrategyAreaPage.DoesNotExist:
                goal_pages.append(child)
        context["areas"] = areas
        context["goal_pages"] = goal_pages
        return context


class StrategyAreaPage(BasePage):
    """One strategic area, for example external funding."""

    lead = models.TextField(_("ingress"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("brödtext"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("lead"), FieldPanel("body")]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("lead"),
        TranslatableField("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("lead"), index.SearchField("body")]

    parent_page_types = ["international.StrategyPage"]
    subpage_types: list[str] = []
    template = "international/strategy_area_page.html"

    class Meta:
        verbose_name = _("strategiskt område")
        verbose_name_plural = _("strategiska områden")
