"""Queries behind the listings, the home page and the strategy's goals.

Every function here issues a fixed number of queries however many items it returns, so a
listing costs the same with 5 and with 50 pages.
"""

from collections import defaultdict

from django.utils import timezone

from wagtail.models import Locale, Page

from portal.content_cache import public
from portal.localization import localize_many, snippets_in_locale

from .models import (
    Goal,
    NewsPage,
    OpportunityPage,
    OpportunityStatus,
    Partner,
    ProjectPage,
    ProjectStatus,
)
from .models.opportunities import TARGET_GROUPS


def readable(queryset):
    """Live, public pages that are real content in their locale, not Swedish aliases."""
    return public(queryset.live().filter(alias_of__isnull=True))


def live_children(page: Page, model):
    return readable(model.objects.child_of(page)).order_by("path")


# News ------------------------------------------------------------------------------------
def news_for_index(index: Page, *, partner=None, topic=None, goal=None):
    qs = readable(NewsPage.objects.child_of(index))
    if partner:
        qs = qs.filter(partners__slug=partner)
    if topic:
        qs = qs.filter(topics__slug=topic)
    if goal:
        qs = qs.filter(goals__slug=goal)
    return (
        qs.distinct()
        .select_related("locale")
        .prefetch_related("partners", "topics")
        .order_by("-date", "-first_published_at", "-pk")
    )


def localize_news_relations(pages, locale: Locale) -> None:
    """Give each news page ``localized_partners`` and ``localized_topics``: two queries."""
    pages = list(pages)
    for attribute, target in (("partners", "localized_partners"), ("topics", "localized_topics")):
        related = {obj.pk: obj for page in pages for obj in getattr(page, attribute).all()}
        localized = dict(zip(related, localize_many(related.values(), locale), strict=True))
        for page in pages:
            setattr(page, target, [localized[obj.pk] for obj in getattr(page, attribute).all()])


def latest_news(locale: Locale, limit: int = 3):
    return list(
        readable(NewsPage.objects.filter(locale=locale)).order_by(
            "-date", "-first_published_at", "-pk"
        )[:limit]
    )


# Opportunities ---------------------------------------------------------------------------
def opportunities_for_index(
    index: Page, *, kind=None, target_group=None, programme=None, status=None, now=None
):
    now = now or timezone.now()
    qs = readable(OpportunityPage.objects.child_of(index))
    if kind:
        qs = qs.filter(kind=kind)
    if target_group in TARGET_GROUPS:
        qs = qs.filter(**{TARGET_GROUPS[target_group][0]: True})
    if programme:
        qs = qs.filter(programme__slug=programme)
    if status:
        qs = qs.with_state(status, now)
    return qs.select_related("programme").with_status_order(now)


def open_opportunities(locale: Locale, limit: int = 4, now=None):
    now = now or timezone.now()
    qs = readable(OpportunityPage.objects.filter(locale=locale))
    return list(qs.with_state(OpportunityStatus.OPEN, now).order_by("deadline", "title")[:limit])


def localize_programmes(pages, locale: Locale) -> None:
    """Give each page ``localized_programme``: one query for the whole list."""
    pages = list(pages)
    programmes = {page.programme.pk: page.programme for page in pages if page.programme}
    localized = dict(zip(programmes, localize_many(programmes.values(), locale), strict=True))
    for page in pages:
        page.localized_programme = localized.get(page.programme_id)


# Projects --------------------------------------------------------------------------------
def projects_for_index(index: Page, *, programme=None, status=None, goal=None):
    today = timezone.localdate()
    qs = readable(ProjectPage.objects.child_of(index))
    if programme:
        qs = qs.filter(programme__slug=programme)
    if goal:
        qs = qs.filter(goals__slug=goal)
    if status == ProjectStatus.PLANNED:
        qs = qs.filter(starts_on__gt=today)
    elif status == ProjectStatus.ONGOING:
        qs = qs.filter(starts_on__lte=today, ends_on__gte=today)
    elif status == ProjectStatus.COMPLETED:
        qs = qs.filter(ends_on__lt=today)
    return qs.distinct().select_related("programme").order_by("-starts_on", "title")


# Partners --------------------------------------------------------------------------------
def partners_by_state(locale: Locale) -> dict[str, list[Partner]]:
    partners = snippets_in_locale(Partner.objects.order_by("name"), locale)
    return {
        "current_partners": [p for p in partners if p.is_current],
        "former_partners": [p for p in partners if not p.is_current],
    }


# Goals -----------------------------------------------------------------------------------
def goals_in_locale(locale: Locale) -> list[Goal]:
    return snippets_in_locale(Goal.objects.order_by("sort_order", "short_title"), locale)


def goals_with_links(locale: Locale, limit: int = 5) -> list[Goal]:
    """The strategy's goals in ``locale``, each with the news, opportunities and projects
    (pages in the same locale) that serve it, as ``goal.linked``."""
    goals = goals_in_locale(locale)
    by_key = {goal.translation_key: goal for goal in goals}
    for goal in goals:
        goal.linked = defaultdict(list)
    for name, model, order in (
        ("news", NewsPage, "-date"),
        ("opportunities", OpportunityPage, "-deadline"),
        ("projects", ProjectPage, "-starts_on"),
    ):
        pages = (
            readable(model.objects.filter(locale=locale))
            .filter(goals__translation_key__in=by_key)
            .distinct()
            .prefetch_related("goals")
            .order_by(order)
        )
        for page in pages:
            for goal in page.goals.all():
                target = by_key.get(goal.translation_key)
                if target is not None and len(target.linked[name]) < limit:
                    target.linked[name].append(page)
    for goal in goals:
        goal.linked = dict(goal.linked)
    return goals
