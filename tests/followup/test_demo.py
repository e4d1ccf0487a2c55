"""The demo's follow-up: indicators for every goal, invented figures flagged, idempotent."""

import io

from django.utils import timezone

import pytest

from devtools.demo import followup as demo_followup
from followup.models import FollowUpPage, Indicator, IndicatorValue
from home.models import HomePage
from international.models import Goal
from tests import shared_demo


@pytest.mark.django_db
def test_demo_follow_up_covers_every_goal_and_loads_once(client):
    # The demo as ``load_demo --no-users`` leaves it, built once per test process.
    shared_demo.load_demo()
    counts = (Indicator.objects.count(), IndicatorValue.objects.count())

    # A second run (the whole loader's idempotence is tested in tests/portal) adds nothing.
    home = HomePage.objects.get(locale__language_code="sv")
    assert demo_followup.load_under(home, io.StringIO()) == 0
    assert (Indicator.objects.count(), IndicatorValue.objects.count()) == counts
    assert FollowUpPage.objects.count() == 1

    goals = set(Goal.objects.filter(locale__language_code="sv").values_list("pk", flat=True))
    assert set(Indicator.objects.values_list("goal_id", flat=True)) == goals
    this_year = timezone.localdate().year
    for indicator in Indicator.objects.filter(kind="entered"):
        assert indicator.is_example
        years = list(indicator.values.values_list("year", flat=True))
        assert years == list(range(this_year - 5, this_year))
    computed = set(Indicator.objects.filter(kind="computed").values_list("computation", flat=True))
    assert computed == {
        "projects_by_status",
        "project_funding",
        "opportunities_by_programme",
        "partners_and_networks",
        "language_coverage",
        "swedish_pages_by_lix",
    }

    page = FollowUpPage.objects.get()
    html = client.get(page.url).content.decode()
    assert html.count('role="img"') >= Indicator.objects.count()
    assert "Inga siffror ännu." not in html
