"""Queries of the domain that other apps show: the home page's news, opportunities and goals.

Each issues a fixed number of queries however many items it returns. The listings' own
queries are hooks of the listing pages, and their filter rules live on each page type's
queryset.
"""

from django.utils import timezone

from wagtail.models import Locale

from .choices import OPPORTUNITY_STATUS, OpportunityStatus
from .models import NewsPage, OpportunityPage, goals_in_locale

__all__ = ["goals_in_locale", "latest_news", "open_opportunities", "opportunity_clock"]


def latest_news(locale: Locale, limit: int = 3) -> list[NewsPage]:
    return list(news_newest_first(locale)[:limit])


def news_newest_first(locale: Locale):
    return NewsPage.objects.filter(locale=locale).readable().newest_first()


def open_opportunities(locale: Locale, limit: int = 4, now=None) -> list[OpportunityPage]:
    return list(open_by_deadline(locale, now)[:limit])


def open_by_deadline(locale: Locale, now=None):
    qs = OpportunityPage.objects.filter(locale=locale).readable()
    qs = qs.with_state(OpportunityStatus.OPEN, now or timezone.now())
    return qs.order_by("deadline", "title")


def opportunity_clock(locale: Locale, now=None) -> str:
    """Where now stands among the dates at which an opportunity of ``locale`` opens or
    closes (``DateStatus.clock``): the key of a kept part that lists open opportunities."""
    return OPPORTUNITY_STATUS.kept_clock(
        "opportunity-dates-in",
        (locale.pk,),
        lambda: OpportunityPage.objects.filter(locale=locale),
        now or timezone.now(),
    )
