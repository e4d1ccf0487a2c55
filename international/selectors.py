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
    return list(NewsPage.objects.filter(locale=locale).readable().newest_first()[:limit])


def open_opportunities(locale: Locale, limit: int = 4, now=None) -> list[OpportunityPage]:
    qs = OpportunityPage.objects.filter(locale=locale).readable()
    qs = qs.with_state(OpportunityStatus.OPEN, now or timezone.now())
    return list(qs.order_by("deadline", "title")[:limit])


def opportunity_clock(locale: Locale, now=None) -> str:
    """Where now stands among the dates at which an opportunity of ``locale`` opens or
    closes (``DateStatus.clock``): the key of a kept part that lists open opportunities."""
    return OPPORTUNITY_STATUS.kept_clock(
        "opportunity-dates-in",
        (locale.pk,),
        lambda: OpportunityPage.objects.filter(locale=locale),
        now or timezone.now(),
    )
