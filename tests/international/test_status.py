"""The status of an opportunity or a project follows the clock; it is never stored."""

import datetime
import zoneinfo

from django.utils import timezone

import pytest
import time_machine

from devtools import builders
from international.models import OpportunityPage, ProjectPage

STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")
OPENS = datetime.datetime(2027, 3, 1, 8, 0, tzinfo=STOCKHOLM)
DEADLINE = datetime.datetime(2027, 3, 31, 23, 59, tzinfo=STOCKHOLM)


@pytest.fixture
def opportunity(tree):
    return builders.OpportunityPageFactory(
        parent=tree["opportunities"], title="Utbyte", opens_at=OPENS, deadline=DEADLINE
    )


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (datetime.datetime(2027, 2, 28, 12, 0, tzinfo=STOCKHOLM), "upcoming"),
        (datetime.datetime(2027, 3, 1, 7, 59, tzinfo=STOCKHOLM), "upcoming"),
        (datetime.datetime(2027, 3, 1, 8, 0, tzinfo=STOCKHOLM), "open"),
        (datetime.datetime(2027, 3, 31, 23, 59, tzinfo=STOCKHOLM), "open"),
        # 23:59 in Stockholm (summer time) is 21:59 UTC: one minute later it is closed.
        (datetime.datetime(2027, 3, 31, 21, 59, tzinfo=datetime.UTC), "open"),
        (datetime.datetime(2027, 3, 31, 22, 0, tzinfo=datetime.UTC), "closed"),
        (datetime.datetime(2027, 6, 1, 12, 0, tzinfo=STOCKHOLM), "closed"),
    ],
)
def test_status_follows_the_clock(opportunity, moment, expected):
    with time_machine.travel(moment, tick=False):
        assert timezone.now() == moment
        assert OpportunityPage.objects.get(pk=opportunity.pk).status == expected
        annotated = OpportunityPage.objects.with_status().get(pk=opportunity.pk)
        assert annotated.status_code == expected


def test_status_is_not_a_field():
    field_names = {field.name for field in OpportunityPage._meta.get_fields()}
    assert "status" not in field_names


def test_listing_status_changes_without_editing(client, opportunity, tree):
    with time_machine.travel(datetime.datetime(2027, 2, 1, tzinfo=STOCKHOLM), tick=False):
        html = client.get(tree["opportunities"].url, {"status": "upcoming"}).content.decode()
        assert "Utbyte" in html and "Kommande" in html
    with time_machine.travel(datetime.datetime(2027, 3, 15, tzinfo=STOCKHOLM), tick=False):
        html = client.get(tree["opportunities"].url, {"status": "open"}).content.decode()
        assert "Utbyte" in html and "Öppen" in html
    with time_machine.travel(datetime.datetime(2027, 5, 1, tzinfo=STOCKHOLM), tick=False):
        response = client.get(tree["opportunities"].url, {"status": "open"})
        assert [page.title for page in response.context["items"]] == []


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (datetime.datetime(2027, 3, 1, 7, 59, tzinfo=STOCKHOLM), "upcoming"),
        (datetime.datetime(2027, 3, 1, 8, 0, tzinfo=STOCKHOLM), "open"),
        (datetime.datetime(2027, 3, 31, 22, 0, tzinfo=datetime.UTC), "closed"),
    ],
)
def test_the_status_filter_agrees_with_the_status_shown(
    client, opportunity, tree, moment, expected
):
    with time_machine.travel(moment, tick=False):
        for status in ("open", "upcoming", "closed"):
            response = client.get(tree["opportunities"].url, {"status": status})
            listed = [page.title for page in response.context["items"]]
            assert listed == (["Utbyte"] if status == expected else []), status


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (datetime.date(2027, 2, 28), "planned"),
        (datetime.date(2027, 3, 1), "ongoing"),
        (datetime.date(2027, 3, 31), "ongoing"),
        (datetime.date(2027, 4, 1), "completed"),
    ],
)
def test_a_projects_status_follows_the_calendar_in_page_and_filter(client, tree, day, expected):
    project = builders.ProjectPageFactory(
        parent=tree["projects"],
        title="Projektet",
        starts_on=datetime.date(2027, 3, 1),
        ends_on=datetime.date(2027, 3, 31),
    )
    with time_machine.travel(datetime.datetime.combine(day, datetime.time(12), STOCKHOLM)):
        assert ProjectPage.objects.get(pk=project.pk).status == expected
        for status in ("planned", "ongoing", "completed"):
            response = client.get(tree["projects"].url, {"status": status})
            listed = [page.title for page in response.context["items"]]
            assert listed == (["Projektet"] if status == expected else []), status
