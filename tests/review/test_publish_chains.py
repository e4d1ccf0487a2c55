"""Two-step chains that got past the rule (issue 19, items 1 and 2), and scheduled go-live.

The rule now reads the text of the revision that goes live, so stopping the translation
or reverting to the pipeline's old machine revision first changes nothing.
"""

import json
from datetime import timedelta

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, PageLogEntry
from wagtail_localize.models import StringTranslation

import pytest

from devtools.builders import edit_string, translate
from review.invariant import violations
from review.live_text import MACHINE, UNKNOWN, check
from review.models import KnownWording, ReaderNotice, WordingApproval
from review.notice_flags import notice_for
from review.publish_rules import REFUSED_LOG_ACTION
from review.states import State, review_items, review_state_for_target
from tests.review.review_helpers import translation_for
from translation.models import LanguageSettings


def api_publish(client, page):
    return client.post(
        f"/admin/api/main/pages/{page.pk}/action/publish/",
        data="{}",
        content_type="application/json",
    )


def live_row(page):
    page = Page.objects.get(pk=page.pk).specific
    return page.live, page.title, page.intro


@pytest.fixture
def machine_draft(users, tree):
    """An Arabic machine draft of the Swedish page, as the pipeline leaves it."""
    return translate(tree["page"], "ar")


def test_stop_then_publish_is_refused(client, users, machine_draft):
    client.force_login(users["ar"])
    assert api_publish(client, machine_draft).status_code == 403
    translation = translation_for(machine_draft)
    response = client.post(reverse("wagtail_localize:stop_translation", args=[translation.pk]))
    assert response.status_code == 302
    translation.refresh_from_db()
    assert not translation.enabled
    response = api_publish(client, machine_draft)
    assert response.status_code == 403
    assert not Page.objects.get(pk=machine_draft.pk).live
    # The edit view (the translation is stopped, so Wagtail's own form shows) refuses too,
    # naming the field.
    draft = Page.objects.get(pk=machine_draft.pk).specific
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[draft.pk]),
        {"title": draft.title, "slug": draft.slug, "intro": draft.intro, "action-publish": "1"},
        follow=True,
    )
    assert not Page.objects.get(pk=machine_draft.pk).live
    text = response.content.decode()
    assert "Kan inte publiceras" in text and "intro" in text
    assert violations() == []


def test_stop_then_publish_with_the_policy_shows_the_notice(client, users, machine_draft):
    LanguageSettings.objects.create(locale=machine_draft.locale, allow_unreviewed_machine_text=True)
    client.force_login(users["ar"])
    client.post(
        reverse("wagtail_localize:stop_translation", args=[translation_for(machine_draft).pk])
    )
    assert api_publish(client, machine_draft).status_code == 200
    assert Page.objects.get(pk=machine_draft.pk).live
    notice = notice_for(machine_draft)
    assert notice.translated and notice.machine_text
    item = next(
        item
        for item in review_items({"ar"})
        if item.target_page is not None and item.target_page.pk == machine_draft.pk
    )
    assert item.state == State.PUBLISHED_MACHINE
    assert review_state_for_target(machine_draft).state == State.PUBLISHED_MACHINE
    assert violations() == []


@pytest.fixture
def approved_live(client, users, machine_draft):
    """The translator corrected the intro by hand, approved the rest and published."""
    machine_revision = machine_draft.get_latest_revision()
    edit_string(machine_draft, "مقدمة كتبها مترجم", users["ar"], field_path="intro")
    client.force_login(users["ar"])
    response = client.post(reverse("review:approve", args=[machine_draft.pk]))
    assert response.status_code == 302
    translation_for(machine_draft).save_target(user=users["ar"], publish=False)
    assert api_publish(client, machine_draft).status_code == 200
    page = Page.objects.get(pk=machine_draft.pk).specific
    assert page.live and page.intro == "مقدمة كتبها مترجم"
    assert not notice_for(page).machine_text
    return page, machine_revision


def test_revert_then_publish_is_refused(client, users, approved_live):
    page, machine_revision = approved_live
    before = live_row(page)
    response = client.post(
        f"/admin/api/main/pages/{page.pk}/action/revert_to_page_revision/",
        data=json.dumps({"revision_id": machine_revision.pk}),
        content_type="application/json",
    )
    assert response.status_code == 200
    reverted = Page.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert reverted.intro.startswith("[ar/machine]")
    assert {v.path: v.kind for v in check(reverted).verdicts}["intro"] == MACHINE
    response = api_publish(client, page)
    assert response.status_code == 403
    assert live_row(page) == before
    # The edit view's revert-and-publish says why, naming the field.
    response = client.post(
        reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, machine_revision.pk]),
        {
            "title": reverted.title,
            "slug": reverted.slug,
            "intro": reverted.intro,
            "action-publish": "1",
        },
        follow=True,
    )
    assert live_row(page) == before
    assert "intro" in response.content.decode()
    assert not notice_for(page).machine_text
    assert violations() == []


def test_an_approved_machine_wording_may_go_live_again(client, users, approved_live):
    page, machine_revision = approved_live
    # The title's machine wording was approved word for word: a revision with it passes.
    verdicts = {v.path: v.kind for v in check(machine_revision.as_object()).verdicts}
    assert verdicts["title"] == "approved"
    assert WordingApproval.objects.filter(locale=page.locale).exists()


def test_text_no_translation_ever_had_is_refused_naming_the_field(client, users, approved_live):
    page, _revision = approved_live
    page.intro = "نص لم يترجمه أحد"
    page.save_revision(user=users["ar"])
    assert {v.path: v.kind for v in check(page).verdicts}["intro"] == UNKNOWN
    assert api_publish(client, page).status_code == 403
    assert Page.objects.get(pk=page.pk).specific.intro == "مقدمة كتبها مترجم"


def test_an_earlier_human_wording_is_still_the_translators(client, users, approved_live):
    page, _revision = approved_live
    human_revision = page.get_latest_revision()
    edit_string(page, "مقدمة جديدة", users["ar"], field_path="intro")
    assert KnownWording.objects.filter(locale=page.locale, human=True).count() >= 2
    # The live row still has the earlier wording: still a person's text, no notice.
    assert {v.path: v.kind for v in check(page).verdicts}["intro"] == "human"
    assert {v.path: v.kind for v in check(human_revision.as_object()).verdicts}["intro"] == "human"
    assert violations() == []


# Scheduled go-live ---------------------------------------------------------------------


def schedule(page, user):
    """A revision scheduled earlier, whose time has come."""
    revision = page.get_latest_revision()
    revision.approved_go_live_at = timezone.now() - timedelta(minutes=1)
    revision.user = user
    revision.save(update_fields=["approved_go_live_at", "user"])
    return revision


def test_scheduled_go_live_of_unreviewed_machine_text_is_refused_and_logged(users, machine_draft):
    revision = schedule(machine_draft, users["ar"])
    call_command("publish_scheduled")
    assert not Page.objects.get(pk=machine_draft.pk).live
    revision.refresh_from_db()
    assert revision.approved_go_live_at is None  # no retry every minute
    entry = PageLogEntry.objects.get(page_id=machine_draft.pk, action=REFUSED_LOG_ACTION)
    assert "intro" in entry.data["reason"]
    assert "stoppades" in entry.message
    assert violations() == []


def test_scheduled_go_live_of_reviewed_text_goes_live(users, tree):
    target = translate(tree["page"], "ar", kind="manual", user=users["ar"])
    schedule(target, users["ar"])
    call_command("publish_scheduled")
    assert Page.objects.get(pk=target.pk).live
    assert not ReaderNotice.objects.get(page_id=target.pk).machine_text
    assert violations() == []


def test_machine_strings_are_recorded_as_machine_wordings(machine_draft):
    st = StringTranslation.objects.filter(
        locale=machine_draft.locale, translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
    ).first()
    assert KnownWording.objects.filter(context=st.context, human=False).exists()


# Snippets and copies -------------------------------------------------------------------


def _translated_snippet(instance, code, kind):
    from wagtail.models import Locale

    from devtools import builders
    from tests.review.review_helpers import run_on_commit

    locale = Locale.objects.get(language_code=code)
    source = builders.TranslationSourceFactory(instance=instance)
    translation = builders.TranslationFactory(source=source, target_locale=locale)
    builders.translate_segments(
        source,
        locale,
        text=lambda segment: f"[{code}/{kind}] {segment.string.data}",
        translation_type=kind,
    )
    with run_on_commit():
        translation.save_target(publish=kind == "manual")
    return instance.get_translation(locale), translation


def test_snippet_with_stopped_translation_keeps_typed_text_out(client, users, tree):
    from home.navigation import NavigationLink

    link = NavigationLink.objects.create(label="Om oss", url="https://example.org/")
    target, translation = _translated_snippet(link, "ar", "manual")
    client.force_login(users["ar"])
    client.post(reverse("wagtail_localize:stop_translation", args=[translation.pk]))
    url = reverse("wagtailsnippets_home_navigationlink:edit", args=[target.pk])
    response = client.post(
        url,
        {"menu": target.menu, "label": "نص كتبه أحد", "url": target.url, "sort_order": 0},
        follow=True,
    )
    target.refresh_from_db()
    assert target.label == "[ar/manual] Om oss"
    assert "label" in response.content.decode()
    assert violations() == []


def test_draft_snippet_machine_text_is_refused_after_stopping(client, users, tree):
    from wagtail.models import Locale

    from tests.review_snippets.models import Notice

    notice = Notice.objects.create(text="Stängt", locale=Locale.objects.get(language_code="sv"))
    target, translation = _translated_snippet(notice, "ar", "machine")
    assert not target.live
    client.force_login(users["ar"])
    client.post(reverse("wagtail_localize:stop_translation", args=[translation.pk]))
    url = reverse("wagtailsnippets_review_snippets_notice:edit", args=[target.pk])
    client.post(url, {"text": target.text, "action-publish": "1"})
    target.refresh_from_db()
    assert not target.live
    assert violations() == []


def test_a_live_copy_in_a_translated_language_is_refused(client, users, approved_live):
    page, _revision = approved_live
    client.force_login(users["admin"])
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        {
            "new_title": "نسخة",
            "new_slug": "kopia",
            "new_parent_page": page.get_parent().pk,
            "publish_copies": "on",
        },
        follow=True,
    )
    assert "Kopian kan inte publiceras direkt" in response.content.decode()
    assert not Page.objects.filter(slug="kopia", live=True).exists()


@pytest.mark.django_db
def test_a_raw_save_of_an_approval_before_its_string_is_left_alone():
    """loaddata and serialized test databases save raw rows in any order: an approval
    may arrive before its string translation, and its wording approval comes with it."""
    from django.db.models.signals import post_save

    from review.models import StringApproval, WordingApproval

    approval = StringApproval(string_translation_id=987654, text_hash="0" * 64)
    post_save.send(StringApproval, instance=approval, created=True, raw=True)
    assert not WordingApproval.objects.exists()
