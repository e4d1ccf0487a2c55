"""The computed indicators count the Swedish content as the model's own rules say.

Counted by the database (issue 24: a few grouped rows whatever the number of pages); each
figure is checked against pages whose dates, programme and funding are known.
"""

import datetime

from django.utils import timezone

from wagtail.models import Locale

import pytest

from devtools import builders
from followup import computed


def series(dataset) -> dict:
    return {s.key: s.values for s in dataset.series}


@pytest.fixture
def projects(tree, locales):
    today = timezone.localdate()
    this_year = today.year
    rows = [
        # (starts_on, ends_on, external funding): planned, ongoing twice, completed.
        (datetime.date(this_year + 1, 3, 1), datetime.date(this_year + 2, 1, 1), 100),
        (today - datetime.timedelta(days=1), today + datetime.timedelta(days=1), 200),
        (today, today, 0),
        (datetime.date(this_year - 2, 5, 1), datetime.date(this_year - 1, 5, 1), 300),
    ]
    for starts_on, ends_on, external in rows:
        builders.ProjectPageFactory(
            parent=tree["projects"],
            starts_on=starts_on,
            ends_on=ends_on,
            total_budget=1000,
            external_funding=external,
        )
    # A draft and a translation count nowhere: the Swedish live pages decide.
    draft = builders.ProjectPageFactory(parent=tree["projects"], starts_on=today, ends_on=today)
    draft.unpublish()
    return rows


def test_projects_by_status_counts_each_status_per_start_year(projects):
    dataset = computed.projects_by_status(Locale.get_default())
    starts = sorted({starts_on.year for starts_on, _ends, _external in projects})
    assert [c.key for c in dataset.categories] == [str(year) for year in starts]
    by_year = {year: 0 for year in starts}
    expected = {"planned": dict(by_year), "ongoing": dict(by_year), "completed": dict(by_year)}
    today = timezone.localdate()
    for starts_on, ends_on, _external in projects:
        status = "planned" if starts_on > today else "completed" if ends_on < today else "ongoing"
        expected[status][starts_on.year] += 1
    assert series(dataset) == {key: list(years.values()) for key, years in expected.items()}


def test_project_funding_sums_external_funding_per_start_year(projects):
    dataset = computed.project_funding(Locale.get_default())
    totals: dict[int, int] = {}
    for starts_on, _ends, external in projects:
        totals[starts_on.year] = totals.get(starts_on.year, 0) + external
    assert [c.key for c in dataset.categories] == [str(year) for year in sorted(totals)]
    assert series(dataset) == {"external_funding": [totals[y] for y in sorted(totals)]}


def test_opportunities_by_programme_counts_per_publish_year_in_stockholm(tree, locales):
    erasmus = builders.ProgrammeFactory(name="Erasmus+", slug="erasmus")
    pages = [
        builders.OpportunityPageFactory(parent=tree["opportunities"], programme=erasmus)
        for _n in range(2)
    ]
    pages.append(builders.OpportunityPageFactory(parent=tree["opportunities"], programme=None))
    # First published at 23:30 UTC on New Year's Eve: already the next year in Stockholm
    # (the first and the third).
    published = [
        datetime.datetime(2023, 12, 31, 23, 30, tzinfo=datetime.UTC),
        datetime.datetime(2025, 6, 1, 12, 0, tzinfo=datetime.UTC),
        datetime.datetime(2025, 12, 31, 23, 30, tzinfo=datetime.UTC),
    ]
    for page, when in zip(pages, published, strict=True):
        type(page).objects.filter(pk=page.pk).update(first_published_at=when)
    # Never published (a draft from the start): counted in no year.
    unpublished = builders.OpportunityPageFactory(parent=tree["opportunities"], programme=erasmus)
    type(unpublished).objects.filter(pk=unpublished.pk).update(first_published_at=None)
    dataset = computed.opportunities_by_programme(Locale.get_default())
    assert [c.key for c in dataset.categories] == ["2024", "2025", "2026"]
    assert series(dataset) == {"erasmus": [1, 1, 0], "": [0, 0, 1]}
