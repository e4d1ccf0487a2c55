"""Every review state and the transitions between them, derived from wagtail-localize data."""

import datetime

from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale, Page

import pytest
import time_machine

from devtools.builders import add_child_page, edit_string, sync_source, translate
from review.states import State, approve, review_items, review_state, source_changes
from tests.review.review_helpers import run_on_commit, translation_for
from translation.models import LanguageSettings


@pytest.fixture
def clock(tree):
    """Frozen time, an hour after the page tree was built; ``step`` moves it on."""
    start = timezone.now() + datetime.timedelta(hours=1)
    with time_machine.travel(start, tick=False) as traveller:
        yield traveller


def state(page, code="ar"):
    return review_state(Page.objects.get(pk=page.pk), Locale.objects.get(language_code=code))


def step(clock):
    clock.shift(datetime.timedelta(minutes=5))


def publish_target(target, user=None):
    with run_on_commit():
        translation_for(target).save_target(user=user, publish=True)


def republish_source(page, **changes):
    page = page.specific
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


def allow_unreviewed(code="ar"):
    LanguageSettings.objects.update_or_create(
        locale=Locale.objects.get(language_code=code),
        defaults={"allow_unreviewed_machine_text": True},
    )


def test_missing_without_translation(tree):
    assert state(tree["page"]).state == State.MISSING


def test_alias_is_missing(tree):
    # Translating the child creates nothing for fi; an alias copy is not a translation.
    page = tree["page"]
    fi = Locale.objects.get(language_code="fi")
    page.copy_for_translation(fi, copy_parents=True, alias=True)
    assert state(page, "fi").state == State.MISSING


def test_machine_draft_then_human_edit_then_approval_then_publish(tree, users, clock):
    page = tree["page"]
    target = translate(page, "ar")
    assert state(page).state == State.MACHINE_DRAFT
    assert state(page).machine_strings == 2

    step(clock)
    edit_string(target, "تعمل البلدية مع أوروبا.", users["ar"])
    item = state(page)
    assert item.state == State.IN_REVIEW
    assert item.unreviewed_machine_text  # the title is still machine text

    step(clock)
    approve(item, users["ar"])
    item = state(page)
    assert item.state == State.IN_REVIEW
    assert not item.unreviewed_machine_text

    step(clock)
    publish_target(target, users["ar"])
    assert state(page).state == State.PUBLISHED_REVIEWED


def test_human_translation_published_is_reviewed(tree, clock):
    page = tree["page"]
    translate(page, "ar", kind="manual", publish=True)
    assert state(page).state == State.PUBLISHED_REVIEWED


def test_published_machine_text_until_approved(tree, users, clock):
    allow_unreviewed()
    page = tree["page"]
    translate(page, "ar", publish=True)
    item = state(page)
    assert item.state == State.PUBLISHED_MACHINE

    step(clock)
    approve(item, users["ar"])
    assert state(page).state == State.PUBLISHED_REVIEWED


def test_edit_after_publish_is_in_review(tree, users, clock):
    page = tree["page"]
    target = translate(page, "ar", kind="manual", publish=True)
    step(clock)
    edit_string(target, "نص جديد", users["ar"])
    assert state(page).state == State.IN_REVIEW


def test_machine_change_after_approval_needs_new_approval(tree, users, clock):
    allow_unreviewed()
    page = tree["page"]
    target = translate(page, "ar", publish=True)
    step(clock)
    approve(state(page), users["ar"])
    assert state(page).state == State.PUBLISHED_REVIEWED
    step(clock)
    translate(page, "ar", publish=True, prefix="[ny maskin] ")
    assert state(page).state == State.PUBLISHED_MACHINE
    assert target.pk == state(page).target_page.pk


def test_stale_after_source_republished_then_brought_up_to_date(tree, users, clock):
    page = tree["page"]
    translate(page, "ar", kind="manual", publish=True)
    assert state(page).state == State.PUBLISHED_REVIEWED

    step(clock)
    republish_source(page, intro="Kommunen samarbetar i hela världen.")
    item = state(page)
    assert item.state == State.STALE
    changes = source_changes(item)
    assert [(c.path, c.kind, c.before, c.after) for c in changes] == [
        (
            "intro",
            "changed",
            "Kommunen samarbetar i Europa.",
            "Kommunen samarbetar i hela världen.",
        )
    ]

    # The pipeline brings the translation up to date: new machine draft awaiting review.
    step(clock)
    translate(page, "ar")
    assert state(page).state == State.MACHINE_DRAFT


def test_source_refreshed_but_target_not_saved_is_stale(tree, clock):
    page = tree["page"]
    translate(page, "ar", kind="manual", publish=True)
    step(clock)
    republish_source(page, intro="Ny ingress.")
    step(clock)
    sync_source(page)  # e.g. the Swedish page was re-submitted for another locale only
    assert state(page).state == State.STALE


def test_changed_string_needs_approval_again_others_keep_theirs(tree, users, clock, client):
    allow_unreviewed()
    page = tree["page"]
    translate(page, "ar", publish=True)
    step(clock)
    approve(state(page), users["ar"])
    assert state(page).state == State.PUBLISHED_REVIEWED
    step(clock)
    republish_source(page, title="Strategin 2030")
    item = state(page)
    assert item.state == State.STALE
    assert [(c.path, c.after) for c in source_changes(item)] == [("title", "Strategin 2030")]

    # A stale translation cannot be approved: it would approve a translation of the old text.
    client.force_login(users["ar"])
    response = client.post(reverse("review:approve", args=[item.target_page.pk]), follow=True)
    assert "äldre svensk text" in response.content.decode()
    assert state(page).state == State.STALE

    # Brought up to date: only the changed title waits for approval.
    step(clock)
    translate(page, "ar")
    item = state(page)
    assert item.state == State.MACHINE_DRAFT
    by_path = {st.context.path: st for st in item.strings}
    assert set(by_path) == {"title", "intro"}
    approved = {st.context.path for st in item.strings if hasattr(st, "review_approval")}
    assert approved == {"intro"}
    step(clock)
    approve(item, users["ar"])
    publish_target(item.target_page, users["ar"])
    assert state(page).state == State.PUBLISHED_REVIEWED


def test_republishing_unchanged_source_changes_no_state(tree, users, clock):
    allow_unreviewed()
    page = tree["page"]
    translate(page, "ar", publish=True)
    step(clock)
    approve(state(page), users["ar"])
    before = state(page).state
    step(clock)
    republish_source(page)  # same text, published again
    step(clock)
    republish_source(page, intro="Kommunen samarbetar i Europa.")  # the same words
    assert before == State.PUBLISHED_REVIEWED
    assert state(page).state == before


def test_states_are_per_locale(tree, clock):
    page = tree["page"]
    translate(page, "ar")
    translate(page, "uk", kind="manual", publish=True)
    assert state(page, "ar").state == State.MACHINE_DRAFT
    assert state(page, "uk").state == State.PUBLISHED_REVIEWED
    assert state(page, "so").state == State.MISSING


def test_translation_editor_url_in_queue_opens_editor(client, users, tree, clock):
    target = translate(tree["page"], "ar")
    client.force_login(users["ar"])
    response = client.get(reverse("review:queue"))
    edit_url = reverse("wagtailadmin_pages:edit", args=[target.pk])
    assert edit_url in response.content.decode()
    assert b"js-translation-editor" in client.get(edit_url).content


def test_batched_queue_agrees_with_single_state(tree, users, clock, django_assert_max_num_queries):
    allow_unreviewed("uk")
    page = tree["page"]
    translate(page, "ar")
    translate(page, "uk", publish=True)
    step(clock)
    approve(state(page, "uk"), users["uk"])
    for number in range(5):
        extra = add_child_page(tree["home"], f"Sida {number}", f"sida-{number}", intro="Text")
        translate(extra, "ar", kind="manual", publish=number % 2 == 0)
    step(clock)
    republish_source(page, intro="Ändrad ingress.")

    with django_assert_max_num_queries(12):
        items = review_items()
    assert len(items) == 7 * 8  # home, strategy page and five more pages, eight languages
    for item in items:
        single = review_state(item.source_page, item.locale)
        assert (item.state, item.machine_strings, item.unreviewed_machine_text) == (
            single.state,
            single.machine_strings,
            single.unreviewed_machine_text,
        ), (item.source_page, item.locale)
    assert {item.state for item in items} >= {
        State.MISSING,
        State.STALE,
        State.IN_REVIEW,
        State.PUBLISHED_REVIEWED,
    }
