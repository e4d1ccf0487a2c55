"""The stored review states (``review.stored_states``) say what ``compute_state`` says.

After each kind of change a state depends on (a Swedish publish, a machine draft, a person's
string, an approval, a publish of the translation, a carried-forward draft, a stopped
translation, deletes, a new language), the rows brought up to date by ``refresh_dirty`` equal
the states computed afresh, pair by pair, and cover exactly the live Swedish pages in every
target language. Each step also checks that the change moved the state it should, so the
comparison compares something.
"""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale, Page

import pytest
import time_machine

from core.sources import source_pages
from devtools.builders import add_child_page, edit_string, translate
from review.models import PageLanguageState
from review.states import State, approve, review_state
from review.stored_states import refresh_dirty, refresh_states
from tests.review.review_helpers import run_on_commit, translation_for
from translation.models import LanguageSettings

FIELDS = ("state", "waiting_since", "machine_strings", "strings_to_check", "target_page_id")


@pytest.fixture
def clock(tree):
    start = timezone.now() + datetime.timedelta(hours=1)
    with time_machine.travel(start, tick=False) as traveller:
        yield traveller


def step(clock):
    clock.shift(datetime.timedelta(minutes=5))


def fresh(page, locale) -> tuple:
    item = review_state(page, locale)
    target = item.target_page.pk if item.target_page is not None else None
    return (
        str(item.state.value),
        item.waiting_since,
        item.machine_strings,
        item.strings_to_check,
        target,
    )


def assert_stored_as_computed() -> None:
    """Every stored pair of a live Swedish page equals ``review_state`` computed now."""
    refresh_dirty()
    assert not PageLanguageState.objects.filter(dirty=True).exists()
    targets = list(Locale.objects.exclude(language_code=settings.LANGUAGE_CODE))
    pages = list(source_pages())
    rows = {
        (row.source_page_id, row.locale_id): tuple(getattr(row, name) for name in FIELDS)
        for row in PageLanguageState.objects.filter(source_page__live=True)
    }
    assert set(rows) == {(page.pk, locale.pk) for page in pages for locale in targets}
    for page in pages:
        for locale in targets:
            assert rows[page.pk, locale.pk] == fresh(page, locale), (page.title, locale)


def stored(page, code="ar") -> str:
    refresh_dirty()
    return PageLanguageState.objects.get(source_page=page, locale__language_code=code).state


def test_each_change_is_stored_as_computed(tree, users, clock, client):
    page = tree["page"]
    assert_stored_as_computed()
    assert stored(page) == State.MISSING

    step(clock)  # a machine draft
    target = translate(page, "ar")
    assert stored(page) == State.MACHINE_DRAFT
    assert_stored_as_computed()

    step(clock)  # a person's string in the editor
    edit_string(target, "تعمل البلدية مع أوروبا.", users["ar"])
    assert stored(page) == State.IN_REVIEW
    assert_stored_as_computed()

    step(clock)  # approved, then published
    approve(review_state(page, target.locale), users["ar"])
    assert_stored_as_computed()
    with run_on_commit():
        translation_for(target).save_target(user=users["ar"], publish=True)
    assert stored(page) == State.PUBLISHED_REVIEWED
    assert_stored_as_computed()

    step(clock)  # the Swedish page changes
    page = page.specific
    page.intro = "Kommunen samarbetar i hela världen."
    page.save_revision().publish()
    assert stored(page) == State.STALE
    assert_stored_as_computed()

    step(clock)  # the translator brings it up to date: a draft with carried strings
    client.force_login(users["ar"])
    response = client.post(reverse("review:refresh", args=[target.pk]))
    assert response.status_code == 302
    assert stored(page) == State.STALE  # the carried translation waits to be checked
    assert PageLanguageState.objects.get(source_page=page, locale=target.locale).strings_to_check
    assert_stored_as_computed()

    step(clock)  # a new page, translated by machine and published with machine text
    LanguageSettings.objects.update_or_create(
        locale=target.locale, defaults={"allow_unreviewed_machine_text": True}
    )
    other = add_child_page(tree["home"], "Nyheter", "nyheter", intro="Vi åker till Lund.")
    translate(other, "ar", publish=True)
    assert stored(other) == State.PUBLISHED_MACHINE
    assert_stored_as_computed()

    step(clock)  # the translated page is deleted
    other.get_translation(target.locale).delete()
    assert stored(other) == State.MISSING
    assert_stored_as_computed()

    step(clock)  # the Swedish page is unpublished, then deleted
    Page.objects.get(pk=other.pk).specific.unpublish()
    assert_stored_as_computed()
    Page.objects.get(pk=other.pk).delete()
    assert not PageLanguageState.objects.filter(source_page_id=other.pk).exists()
    assert_stored_as_computed()


def test_a_new_language_is_stored(tree):
    refresh_states()
    Locale.objects.filter(language_code="fi").delete()
    Locale.objects.create(language_code="fi")
    assert stored(tree["page"], "fi") == State.MISSING
    assert_stored_as_computed()


def test_a_change_during_a_refresh_keeps_the_row_dirty(tree, clock):
    page = tree["page"]
    refresh_states()
    row = PageLanguageState.objects.get(source_page=page, locale__language_code="ar")
    seen = row.generation
    translate(page, "ar")  # marks the pair: a newer generation than the one read
    row.refresh_from_db()
    assert row.dirty and row.generation > seen
    # A refresh that read the pair before the change writes its result, but not clean.
    from review.stored_states import _compute_and_write

    _compute_and_write(
        Page.objects.filter(pk=page.pk), {row.locale_id}, {(page.pk, row.locale_id): seen}
    )
    row.refresh_from_db()
    assert row.dirty
    assert_stored_as_computed()
