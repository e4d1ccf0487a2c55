"""The follow-up page's figures kept for the content generation, the day and the stored review
states (followup/presentation.py ``figures_key``): drawn once, never older than a figure, a
day or a review state they show."""

import datetime

from django.utils import timezone

import pytest
import time_machine

from core.templatetags.core_tags import amount
from followup import presentation
from followup.models import IndicatorValue

from .helpers import FUNDING, build

pytestmark = pytest.mark.django_db


@pytest.fixture
def content():
    return build()


@pytest.fixture
def drawn(monkeypatch):
    """How many times the page's goals were computed and drawn."""
    calls = []
    follow_up = presentation.follow_up

    def counting(page, request=None, states=None):
        calls.append(page.locale.language_code)
        return follow_up(page, request, states)

    monkeypatch.setattr(presentation, "follow_up", counting)
    return calls


def read(client, content, code="sv") -> str:
    page = content["page"] if code == "sv" else content["translations"][code]
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_figures_are_drawn_once_and_read_again(client, content, drawn):
    first = read(client, content)
    again = read(client, content)
    assert again == first
    assert drawn == ["sv"]
    assert amount(FUNDING[2025]) in again


def test_each_language_draws_its_own(client, content, drawn):
    read(client, content, "sv")
    arabic = read(client, content, "ar")
    read(client, content, "ar")
    assert drawn == ["sv", "ar"]
    assert '<html lang="ar" dir="rtl">' in arabic


def test_a_changed_figure_shows_at_the_next_read(client, content, drawn):
    assert amount(7_654_321) not in read(client, content)
    value = IndicatorValue.objects.get(indicator__slug="finansiering", year=2025)
    value.value = 7_654_321
    value.save()
    assert amount(7_654_321) in read(client, content)
    assert drawn == ["sv", "sv"]


def test_the_next_day_draws_them_again(client, content, drawn):
    read(client, content)
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    with time_machine.travel(tomorrow, tick=False):
        read(client, content)
    assert drawn == ["sv", "sv"]


def test_a_review_state_change_draws_them_again(client, content, drawn):
    from review.models import PageLanguageState

    read(client, content)
    state = PageLanguageState.objects.order_by("pk").first()
    assert state is not None, "the follow-up's coverage needs stored review states"
    PageLanguageState.objects.filter(pk=state.pk).update(updated_at=timezone.now())
    read(client, content)
    assert drawn == ["sv", "sv"]
