"""The listings filter by what the reader picks, and order opportunities by urgency."""

import datetime

from django.utils import timezone

import pytest

from devtools import builders


def titles(response) -> list[str]:
    return [page.title for page in response.context["items"]]


@pytest.fixture
def news(tree):
    bronderslev = builders.PartnerFactory(slug="bronderslev")
    tukums = builders.PartnerFactory(slug="tukums")
    youth = builders.TopicFactory(slug="unga")
    school = builders.TopicFactory(slug="skola")
    builders.NewsPageFactory(parent=tree["news"], title="A", partners=[bronderslev], topics=[youth])
    builders.NewsPageFactory(parent=tree["news"], title="B", partners=[tukums], topics=[school])
    builders.NewsPageFactory(
        parent=tree["news"], title="C", partners=[bronderslev, tukums], topics=[school]
    )
    return tree["news"]


def test_news_newest_first(client, news):
    assert titles(client.get(news.url)) == ["C", "B", "A"]


def test_news_by_partner(client, news):
    assert titles(client.get(news.url, {"partner": "bronderslev"})) == ["C", "A"]


def test_news_by_topic(client, news):
    assert titles(client.get(news.url, {"topic": "skola"})) == ["C", "B"]


def test_news_by_partner_and_topic(client, news):
    assert titles(client.get(news.url, {"partner": "tukums", "topic": "unga"})) == []


def test_news_pagination_keeps_filters(client, tree):
    partner = builders.PartnerFactory(slug="bronderslev")
    for _ in range(12):
        builders.NewsPageFactory(parent=tree["news"], partners=[partner])
    builders.NewsPageFactory(parent=tree["news"])
    response = client.get(tree["news"].url, {"partner": "bronderslev"})
    assert response.context["items"].paginator.count == 12
    assert "?partner=bronderslev&amp;page=2" in response.content.decode()


@pytest.fixture
def opportunities(tree):
    now = timezone.now()
    day = datetime.timedelta(days=1)
    erasmus = builders.ProgrammeFactory(slug="erasmus-plus")
    nordplus = builders.ProgrammeFactory(slug="nordplus")
    index = tree["opportunities"]
    make = builders.OpportunityPageFactory
    make(
        parent=index,
        title="open-late",
        opens_at=now - day,
        deadline=now + 30 * day,
        programme=erasmus,
    )
    make(
        parent=index,
        title="open-soon",
        opens_at=now - day,
        deadline=now + 3 * day,
        kind="school-cooperation",
        for_youth=False,
        for_schools=True,
        programme=nordplus,
    )
    make(
        parent=index,
        title="upcoming",
        opens_at=now + 5 * day,
        deadline=now + 50 * day,
        kind="funding-call",
        for_youth=False,
        for_companies=True,
    )
    make(
        parent=index,
        title="closed-recent",
        opens_at=now - 90 * day,
        deadline=now - 2 * day,
        kind="staff-mobility",
        for_youth=False,
        for_staff=True,
    )
    make(
        parent=index,
        title="closed-old",
        opens_at=now - 90 * day,
        deadline=now - 60 * day,
        kind="conference",
        for_youth=False,
        for_associations=True,
    )
    return index


def test_opportunities_open_first_nearest_deadline_first(client, opportunities):
    assert titles(client.get(opportunities.url)) == [
        "open-soon",
        "open-late",
        "upcoming",
        "closed-recent",
        "closed-old",
    ]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "school-cooperation"}, ["open-soon"]),
        ({"kind": "funding-call"}, ["upcoming"]),
        ({"target_group": "youth"}, ["open-late"]),
        ({"target_group": "staff"}, ["closed-recent"]),
        ({"target_group": "associations"}, ["closed-old"]),
        ({"programme": "nordplus"}, ["open-soon"]),
        ({"status": "open"}, ["open-soon", "open-late"]),
        ({"status": "upcoming"}, ["upcoming"]),
        ({"status": "closed"}, ["closed-recent", "closed-old"]),
        ({"status": "open", "programme": "erasmus-plus"}, ["open-late"]),
    ],
)
def test_opportunity_filters(client, opportunities, params, expected):
    assert titles(client.get(opportunities.url, params)) == expected


@pytest.fixture
def projects(tree):
    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    interreg = builders.ProgrammeFactory(slug="interreg")
    goal = builders.GoalFactory(slug="samarbeten")
    make = builders.ProjectPageFactory
    make(
        parent=tree["projects"],
        title="planned",
        starts_on=today + 10 * day,
        ends_on=today + 400 * day,
        programme=interreg,
    )
    make(
        parent=tree["projects"],
        title="ongoing",
        starts_on=today - 10 * day,
        ends_on=today + 10 * day,
        goals=[goal],
    )
    make(
        parent=tree["projects"],
        title="completed",
        starts_on=today - 400 * day,
        ends_on=today - 10 * day,
    )
    return tree["projects"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["planned", "ongoing", "completed"]),
        ({"status": "planned"}, ["planned"]),
        ({"status": "ongoing"}, ["ongoing"]),
        ({"status": "completed"}, ["completed"]),
        ({"programme": "interreg"}, ["planned"]),
        ({"goal": "samarbeten"}, ["ongoing"]),
    ],
)
def test_project_filters(client, projects, params, expected):
    assert titles(client.get(projects.url, params)) == expected


def test_filter_form_is_labelled_get_form(client, opportunities):
    html = client.get(opportunities.url).content.decode()
    assert '<form class="filter-form" method="get"' in html
    for name in ("kind", "target_group", "programme", "status"):
        assert f'<label for="id_{name}">' in html


def test_filter_choices_come_from_the_shared_cache_and_follow_an_edit(
    news, django_assert_num_queries
):
    from international.filters import NewsFilterForm
    from international.models import Partner

    NewsFilterForm(locale=news.locale)
    with django_assert_num_queries(0):
        form = NewsFilterForm(locale=news.locale)
    assert ("bronderslev", "Brønderslev") not in form.fields["partner"].choices

    partner = Partner.objects.get(slug="bronderslev")
    partner.name = "Brønderslev"
    partner.save()
    form = NewsFilterForm(locale=news.locale)
    assert ("bronderslev", "Brønderslev") in form.fields["partner"].choices
    assert form.fields["partner"].choices[0][0] == ""
