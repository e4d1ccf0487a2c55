"""An opportunity's status follows the clock; it is never stored."""

import datetime
import zoneinfo

from django.utils import timezone

import pytest
import time_machine

from international.models import OpportunityPage
from tests import factories

STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")
OPENS = datetime.datetime(2027, 3, 1, 8, 0, tzinfo=STOCKHOLM)
DEADLINE = datetime.datetime(2027, 3, 31, 23, 59, tzinfo=STOCKHOLM)


@pytest.fixture
def opportunity(tree):
    return factories.OpportunityPageFactory(
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
