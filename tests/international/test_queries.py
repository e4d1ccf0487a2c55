"""Listings and the home page cost the same number of queries with 5 and with 50 items."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Page

import pytest

from devtools import builders
from international.models import NewsPage, ProjectPage


def count_queries(client, url) -> int:
    client.get(url)  # warm caches (site root paths, content types) like a running server
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def fill(tree, count):
    partners = [builders.PartnerFactory() for _ in range(3)]
    topics = [builders.TopicFactory() for _ in range(3)]
    goals = [builders.GoalFactory() for _ in range(3)]
    programme = builders.ProgrammeFactory()
    now = timezone.now()
    for i in range(count):
        builders.NewsPageFactory(
            parent=tree["news"], partners=partners[: 1 + i % 3], topics=topics[: 1 + i % 2]
        ).goals.set(goals[:1])
        builders.OpportunityPageFactory(
            parent=tree["opportunities"],
            programme=programme if i % 2 else None,
            # Closed, open and upcoming in turn.
            opens_at=now + datetime.timedelta(days=(i % 3 - 1) * 30 - 5),
            deadline=now + datetime.timedelta(days=(i % 3 - 1) * 30 + 5 + i),
        )
        builders.ProjectPageFactory(parent=tree["projects"], programme=programme, partners=partners)
        builders.PartnerFactory(ended_on=datetime.date(2022, 8, 17) if i % 2 else None)


@pytest.mark.parametrize(
    ("key", "query"),
    [
        ("home", ""),
        ("news", ""),
        ("news", "?topic=amne-0"),
        ("opportunities", ""),
        ("opportunities", "?status=open"),
        ("projects", ""),
        ("partners", ""),
        ("strategy", ""),
    ],
)
def test_same_queries_with_5_and_50_items(client, django_db_blocker, home, key, query):
    counts = []
    for count in (5, 50):
        # A fresh tree each time, so both runs render the same kind of page.
        for child in home.get_children():
            child.delete()
        tree = {"home": Page.objects.get(pk=home.pk).specific}
        tree.update(
            news=builders.NewsIndexPageFactory(parent=home),
            opportunities=builders.OpportunityIndexPageFactory(parent=home),
            projects=builders.ProjectIndexPageFactory(parent=home),
            partners=builders.PartnersPageFactory(parent=home),
            strategy=builders.StrategyPageFactory(parent=home),
        )
        fill(tree, count)
        counts.append(count_queries(client, tree[key].url + query))
    assert counts[0] == counts[1], f"{key}{query}: {counts[0]} queries with 5, {counts[1]} with 50"


@pytest.mark.parametrize(
    ("key", "query", "body_column"),
    [
        ("news", "", "international_newspage"),
        ("news", "?topic={topic}", "international_newspage"),
        ("news", "?partner={partner}&goal={goal}", "international_newspage"),
        ("opportunities", "", "international_opportunitypage"),
        ("projects", "", "international_projectpage"),
        ("projects", "?goal={goal}", "international_projectpage"),
    ],
)
def test_listings_read_no_body_and_compare_no_rows(client, home, key, query, body_column):
    """A card never shows the body: the listing does not read its JSON, and a filter on a
    relation is a subquery of ids, not a DISTINCT over every column of every listed page."""
    tree = {
        "news": builders.NewsIndexPageFactory(parent=home),
        "opportunities": builders.OpportunityIndexPageFactory(parent=home),
        "projects": builders.ProjectIndexPageFactory(parent=home),
    }
    fill(tree, 6)
    goal = builders.GoalFactory()
    for page in [*NewsPage.objects.all(), *ProjectPage.objects.all()]:
        page.goals.add(goal)
        page.save()
    # Every news item has the first topic and partner (``fill``).
    news = NewsPage.objects.order_by("pk").first()
    url = tree[key].url + query.format(
        topic=news.topics.order_by("pk").first().slug,
        partner=news.partners.order_by("pk").first().slug,
        goal=goal.slug,
    )
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert response.context["items"].paginator.count > 0
    sql = [entry["sql"] for entry in queries.captured_queries]
    assert not [s for s in sql if f'"{body_column}"."body"' in s]
    assert not [s for s in sql if "DISTINCT" in s]
