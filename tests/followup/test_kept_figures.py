"""The follow-up page's figures kept for the content generation, the day and the stored review
states (followup/presentation.py ``figures_key``): drawn once, never older than a figure, a
day or a review state they show. The computed figures, which count the Swedish pages, are
kept while the Swedish content stays the same (``core.content_cache.cached_in_language``):
a publish in another language draws the page again from them."""

import csv
import datetime
import io

from django.utils import timezone

import pytest
import time_machine

from core.templatetags.core_tags import amount
from followup import presentation
from followup.models import IndicatorValue

from .helpers import FUNDING, add_projects, build

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


@pytest.fixture
def counted(monkeypatch):
    """The computed figures counted, in order."""
    calls = []
    compute = presentation.compute

    def counting(key, locale):
        calls.append(key)
        return compute(key, locale)

    monkeypatch.setattr(presentation, "compute", counting)
    return calls


def projects_in_csv(client, content, code: str) -> int:
    page = content["page"] if code == "sv" else content["translations"][code]
    response = client.get(page.url + "csv/projekt/")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    return sum(int(row[-1]) for row in rows[1:])


def test_a_swedish_publish_shows_in_every_languages_figures(client, content, counted):
    assert projects_in_csv(client, content, "ar") == 3
    assert projects_in_csv(client, content, "ti") == 3

    add_projects(content["project_index"], 1, start=3)
    project = content["project_index"].get_children().last().specific
    project.save_revision().publish()

    assert projects_in_csv(client, content, "ar") == 4
    assert projects_in_csv(client, content, "ti") == 4
    assert counted.count("projects_by_status") == 4


def test_a_publish_in_another_language_keeps_the_counted_figures(client, content, drawn, counted):
    read(client, content, "ar")
    assert counted.count("projects_by_status") == 1

    content["translations"]["ti"].save_revision().publish()
    read(client, content, "ar")

    # Drawn again (a new content generation), from the projects as counted before.
    assert drawn == ["ar", "ar"]
    assert counted.count("projects_by_status") == 1


def test_a_translation_counts_its_own_languages_coverage_line_again(client, content, monkeypatch):
    from followup import coverage
    from review.models import PageLanguageState

    counted = []
    lines = coverage._lines

    def counting(pairs, codes, ends):
        counted.extend(codes)
        return lines(pairs, codes, ends)

    monkeypatch.setattr(coverage, "_lines", counting)
    read(client, content, "ar")
    assert {"ar", "ti", "en"} <= set(counted)
    counted.clear()

    # A Tigrinya state written again, as a translator's publish writes it.
    PageLanguageState.objects.filter(locale__language_code="ti").update(updated_at=timezone.now())
    read(client, content, "ar")

    assert counted == ["ti"]


def test_a_languages_coverage_line_follows_its_states(content):
    from followup import coverage
    from review.models import PageLanguageState

    before = {line.key: line.values for line in coverage.coverage_dataset().series}
    assert before["ti"][-1] != 100
    # Every Tigrinya translation reviewed now: this month's share is whole.
    PageLanguageState.objects.filter(locale__language_code="ti").update(
        state="published_reviewed", reviewed_since=timezone.now(), updated_at=timezone.now()
    )
    after = {line.key: line.values for line in coverage.coverage_dataset().series}

    assert after["ti"][-1] == 100
    assert after["ti"][:-1] == before["ti"][:-1]
    assert after["ar"] == before["ar"]
