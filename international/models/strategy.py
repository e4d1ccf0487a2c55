"""The strategy for international work, and one sub-page per strategic area."""

from collections import defaultdict

from django.db import models
from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.content_cache import cached_in_language
from core.pages import BasePage, BasePageQuerySet
from international.blocks import RICH_TEXT_FEATURES, BodyBlock, ResponsibilitiesBlock

from .news import NewsPage
from .opportunities import OpportunityPage
from .projects import ProjectPage
from .taxonomy import Goal, goals_in_locale

__all__ = ["StrategyAreaPage", "StrategyPage"]


KINDS = (
    ("news", NewsPage, "date"),
    ("opportunities", OpportunityPage, "deadline"),
    ("projects", ProjectPage, "starts_on"),
)


def goals_with_links(locale: Locale, limit: int = 5) -> list[Goal]:
    """The strategy's goals in ``locale``, each with the news, opportunities and projects
    (pages in the same locale) that serve it, as ``goal.linked``.

    Only each goal's first ``limit`` pages of each kind are read (a window over the goal
    links, in SQL); which ones is kept in the shared cache while the pages of ``locale``
    and the goals stay the same (``core.content_cache.cached_in_language``: a publish in
    ``locale``, a goal saved), since the window reads every link of the language and grows
    with the content. The pages themselves are then read by id, one query a kind.
    """
    goals = goals_in_locale(locale)
    by_key = {str(goal.translation_key): goal for goal in goals}
    chosen = cached_in_language(
        locale.language_code,
        "strategy-goal-links",
        (locale.pk, limit),
        lambda: _linked_ids(locale, limit),
    )
    for goal in goals:
        goal.linked = {}
    for name, model, _order in KINDS:
        wanted = {key: ids for key, ids in chosen.get(name, {}).items() if key in by_key and ids}
        pages = model.objects.in_bulk({pk for ids in wanted.values() for pk in ids})
        for key, ids in wanted.items():
            found = [pages[pk] for pk in ids if pk in pages]
            if found:
                by_key[key].linked[name] = found
    return goals


def _linked_ids(locale: Locale, limit: int) -> dict[str, dict[str, list[int]]]:
    """{kind: {goal translation key: [page ids, newest first]}}, ``limit`` a goal."""
    keys = [goal.translation_key for goal in goals_in_locale(locale)]
    chosen: dict[str, dict[str, list[int]]] = {}
    for name, model, order in KINDS:
        field = model._meta.get_field("goals")
        page_link, goal_link = field.m2m_field_name(), field.m2m_reverse_field_name()
        rows = (
            field.remote_field.through.objects.filter(
                **{
                    f"{goal_link}__translation_key__in": keys,
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
            .values_list(f"{goal_link}__translation_key", f"{page_link}_id", "position")
        )
        by_goal: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for key, page_id, position in rows:
            by_goal[str(key)].append((position, page_id))
        chosen[name] = {
            key: [page_id for _position, page_id in sorted(pairs)] for key, pairs in by_goal.items()
        }
    return chosen


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
        # Read when the page's text is rendered, not when it is kept (core.fragments).
        context["goals"] = SimpleLazyObject(lambda: goals_with_links(self.locale))
        subpages = SimpleLazyObject(self.subpages)
        context["areas"] = SimpleLazyObject(lambda: subpages[0])
        context["goal_pages"] = SimpleLazyObject(lambda: subpages[1])
        return context

    def subpages(self) -> tuple[list, list]:
        """The strategic areas and the other sub-pages (the follow-up in figures, a page
        type of a floor above, linked from the goals) in one query: the areas' own columns
        come with their rows (multi-table inheritance joined by select_related)."""
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
        return areas, goal_pages


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
