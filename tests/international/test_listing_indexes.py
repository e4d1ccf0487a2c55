"""The newest-first and nearest-deadline orders are read from an index, so a page's first read
after a change does not sort every item of the site (international/migrations/0004).

The test site is tiny, so the plan is asked with sequential scans and explicit sorts switched
off: the question is whether an index *can* give the order, not whether the planner prefers
it on a few rows (as tests/home/test_search_index.py asks of the search's index).
"""

from django.db import connection

from wagtail.models import Locale

import pytest

from international import selectors
from international.models import ProjectIndexPage
from tests import query_plans

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the plan is PostgreSQL's"),
]


def plan(queryset) -> str:
    return query_plans.plan(queryset, ("seqscan", "sort", "bitmapscan"))


def sv():
    return Locale.objects.get(language_code="sv")


def test_the_latest_news_are_read_from_the_date_index(tree):
    queryset = selectors.news_newest_first(sv())[:3]
    assert "international_news_date" in plan(queryset)


def test_the_open_opportunities_are_read_from_the_deadline_index(tree):
    queryset = selectors.open_by_deadline(sv())[:4]
    assert "international_opp_deadline" in plan(queryset)


def test_the_project_listing_is_read_from_the_start_index(tree):
    index = ProjectIndexPage.objects.get(locale=sv())
    assert "international_project_starts" in plan(index.listing_queryset()[:10])
