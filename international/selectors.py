"""Queries of the domain that other apps show: the home page's news, opportunities and goals.

Each issues a fixed number of queries however many items it returns. The listings' own
queries are hooks of the listing pages, and their filter rules live on each page type's
queryset.
"""

from django.utils import timezone

from wagtail.models import Locale

from .choices import OpportunityStatus
from .models import NewsPage, OpportunityPage, goals_in_locale

__all__ = ["goals_in_locale", "latest_news", "open_opportunities"]


def latest_news(locale: Locale, limit: int = 3) -> list[NewsPage]:
    return list(NewsPage.objects.filter(locale=locale).readable().newest_first()[:limit])


def open_opportunities(locale: Locale, limit: int = 4, now=None) -> list[OpportunityPage]:
    qs = OpportunityPage.objects.filter(locale=locale).readable()
    qs = qs.with_state(OpportunityStatus.OPEN, now or timezone.now())
    return list(qs.order_by("deadline", "title")[:limit])
