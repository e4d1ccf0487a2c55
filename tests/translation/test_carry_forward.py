"""A translator's work survives a change of the Swedish text; unchanged republishing is a no-op.

Through the admin (Wagtail's edit view, wagtail-localize's editor and string API, the review
queue) and the real deepl client against the local DeepL server.
"""

import html
import json
import re

from django.contrib.messages import get_messages
from django.test.client import encode_multipart
from django.urls import reverse

from wagtail.admin.rich_text import DraftailRichTextArea
from wagtail.models import Locale, Page, Revision
from wagtail.test.utils.form_data import nested_form_data
from wagtail_localize.models import StringSegment, StringTranslation, Translation

import pytest

from devtools.builders import make_user
from review.models import ReaderNotice, ReviewApproval
from review.roles import COMMUNICATOR, setup_roles, translator_group_name
from review.states import State, review_items, review_state
from translation.carry_forward import TOOL_NAME as CARRIED
from translation.models import CarriedForward, DraftStatus

INTRO = "Nässjö har vänorter."
HAND = "الفقرة الثانية: ترجمها شخص بعناية."
OLD_PARAGRAPH = "Nässjö kommun samarbetar med sina vänorter i Europa."
NEW_PARAGRAPH = "Nässjö kommun samarbetar med sina vänorter i världen."
BODY = f"<p>Stycke ett om <b>utbyten</b>.</p><p>{OLD_PARAGRAPH}</p><p>Stycke tre om projekt.</p>"


def editor_props(client, target):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[target.pk]))
    assert response.status_code == 200
    match = re.search(r'data-props="([^"]*)"', response.content.decode())
    return json.loads(html.unescape(match.group(1)))


def segment_url(props, text):
    for segment in props["segments"]:
        if segment.get("source", "").startswith(text):
            return segment["editUrl"]
    raise AssertionError(f"no segment {text!r}")


def put_string(client, url, value):
    """What the editor's Save does: a multipart PUT to wagtail-localize's string API."""
    return client.put(
        url,
        encode_multipart("BoUnDaRy", {"value": value}),
        content_type="multipart/form-data; boundary=BoUnDaRy",
    )


def publish_in_admin(client, page, *, body=None, old=None, new=None, intro=INTRO):
    """The communicator publishes the Swedish page from Wagtail's edit view.

    The rich text goes through Draftail's format as the editor sends it, with the block
    keys of the stored text (the editor keeps them for blocks it did not touch).
    """
    if body is None:
        body = Page.objects.get(pk=page.pk).specific.body
    if old is not None:
        body = body.replace(old, new)
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": intro,
            "body": DraftailRichTextArea().format_value(body),
            "action-publish": "action-publish",
        }
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]


def snapshot(page):
    """Everything a republish could change, for every target locale."""
    keys = (
        Page.objects.filter(translation_key=page.translation_key)
        .exclude(pk=page.pk)
        .values_list("pk", flat=True)
    )
    return {
        "revisions": Revision.page_revisions.filter(object_id__in=[str(k) for k in keys]).count(),
        "strings": sorted(
            StringTranslation.objects.values_list("pk", "data", "translation_type", "updated_at")
        ),
        "states": [
            (
                item.source_page.pk,
                item.locale.language_code,
                item.state,
                item.unreviewed_machine_text,
            )
            for item in review_items()
        ],
        "drafts": sorted(
            DraftStatus.objects.values_list(
                "locale__language_code", "machine_segments", "memory_segments", "missing_segments"
            )
        ),
        "notices": sorted(ReaderNotice.objects.values_list("page_id", "machine_text")),
        "live": sorted(Page.objects.values_list("pk", "live", "has_unpublished_changes")),
    }


@pytest.fixture
def scene(deepl, make_page, client, django_capture_on_commit_callbacks):
    """A Swedish page with machine drafts; the Arabic translator translated paragraph 2 by
    hand, approved the page and published it."""
    page = make_page(title="Vänorter", intro="Nässjö har vänorter.", body=BODY)
    setup_roles()
    arabic = make_user("oversattare-ar", translator_group_name("ar"))
    communicator = make_user("kommunikator", COMMUNICATOR)
    ar = Locale.objects.get(language_code="ar")
    target = page.get_translation(ar)

    client.force_login(arabic)
    props = editor_props(client, target)
    old_url = segment_url(props, OLD_PARAGRAPH)
    response = put_string(client, old_url, HAND)
    assert response.status_code in (200, 201), response.content
    assert client.post(reverse("review:approve", args=[target.pk])).status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"}
        )
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.live and HAND in target.specific.body
    assert review_state(page, ar).state == State.PUBLISHED_REVIEWED
    return {
        "page": page,
        "target": target,
        "ar": ar,
        "arabic": arabic,
        "communicator": communicator,
        "old_url": old_url,
    }


@pytest.mark.django_db
def test_one_changed_word_keeps_the_translators_paragraph(
    scene, client, deepl, django_capture_on_commit_callbacks
):
    page, target, ar = scene["page"], scene["target"], scene["ar"]
    client.force_login(scene["communicator"])
    requests_before = len(deepl.translate_requests("AR"))
    with django_capture_on_commit_callbacks(execute=True):
        publish_in_admin(client, page, old=OLD_PARAGRAPH, new=NEW_PARAGRAPH)

    # Only the changed paragraph went to DeepL, as an offer beside the person's text.
    sent = deepl.translate_requests("AR")[requests_before:]
    assert [(request["texts"], request["billed"]) for request in sent] == [(1, len(NEW_PARAGRAPH))]
    new_segment = StringSegment.objects.get(
        source__object_id=page.translation_key, string__data=NEW_PARAGRAPH
    )
    carried = StringTranslation.objects.get(
        translation_of_id=new_segment.string_id, context_id=new_segment.context_id, locale=ar
    )
    assert carried.data == HAND
    assert carried.translation_type == StringTranslation.TRANSLATION_TYPE_MANUAL
    assert carried.tool_name == CARRIED
    assert carried.last_translated_by == scene["arabic"]
    offer = CarriedForward.objects.get(string_translation=carried)
    assert offer.previous_string.data == OLD_PARAGRAPH
    assert offer.machine_text.startswith("[AR]")

    # The live Arabic page is untouched; the draft holds the translator's paragraph.
    target.refresh_from_db()
    assert target.live and HAND in target.specific.body
    draft = target.get_latest_revision_as_object()
    assert HAND in draft.body and "[AR]" not in draft.body.split(HAND)[0][-5:]

    # The other strings keep their approval; only the changed one waits.
    item = review_state(page, ar)
    assert item.state == State.STALE and not item.source_behind  # stale until checked
    assert item.strings_to_check == 1
    unapproved = [
        st.translation_of.data
        for st in item.strings
        if not (hasattr(st, "review_approval") and st.review_approval.covers(st))
    ]
    assert unapproved == [NEW_PARAGRAPH]

    # The translator sees it marked in the editor, the change highlighted word by word.
    client.force_login(scene["arabic"])
    props = editor_props(client, target)
    marked = [t for t in props["initialStringTranslations"] if t["data"] == HAND]
    assert len(marked) == 1
    assert marked[0]["error"] == "Svenska texten har ändrats sedan översättningen – kontrollera"
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=ar)
    panel = client.get(reverse("review:changed_strings", args=[translation.pk])).content.decode()
    assert (
        "Nässjö kommun samarbetar med sina vänorter i <del>Europa.</del><ins>världen.</ins>"
        in panel
    )
    assert HAND in panel and offer.machine_text in panel
    queue = client.get(reverse("review:queue")).content.decode()
    assert "1 text där den svenska texten har ändrats" in queue

    # "Texten stämmer": that one string approved, the page reviewed again.
    response = client.post(reverse("review:keep_carried", args=[translation.pk, carried.pk]))
    assert response.status_code == 302
    assert review_state(page, ar).strings_to_check == 0
    panel = client.get(reverse("review:changed_strings", args=[translation.pk])).content.decode()
    assert HAND not in panel

    # Another locale's translator cannot touch it.
    other = make_user("oversattare-uk", translator_group_name("uk"))
    client.force_login(other)
    # (Wagtail's admin answers PermissionDenied with a redirect to the dashboard.)
    response = client.post(reverse("review:take_machine", args=[translation.pk, carried.pk]))
    assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))
    assert StringTranslation.objects.get(pk=carried.pk).data == HAND


@pytest.mark.django_db
def test_an_unchecked_carried_string_blocks_publishing_until_checked(
    scene, client, deepl, django_capture_on_commit_callbacks
):
    page, target, ar = scene["page"], scene["target"], scene["ar"]
    client.force_login(scene["communicator"])
    with django_capture_on_commit_callbacks(execute=True):
        publish_in_admin(client, page, old=OLD_PARAGRAPH, new=NEW_PARAGRAPH)
    carried = CarriedForward.objects.get()
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=ar)
    live_revision = Page.objects.get(pk=target.pk).live_revision_id
    assert not review_state(page, ar).unreviewed_machine_text  # only the carried string waits

    # The publish rule refuses it on every path, and says why.
    client.force_login(scene["arabic"])
    edit_url = reverse("wagtailadmin_pages:edit", args=[target.pk])
    response = client.post(edit_url, {"action": "publish"})
    assert response.status_code == 302
    said = " ".join(str(message) for message in get_messages(response.wsgi_request))
    assert "1 text översattes från en äldre svensk text" in said
    api_url = f"/admin/api/main/pages/{target.pk}/action/publish/"
    response = client.post(api_url, data="{}", content_type="application/json")
    assert response.status_code == 403
    assert Page.objects.get(pk=target.pk).live_revision_id == live_revision

    # Checked ("Texten stämmer"): the same publish goes through.
    response = client.post(reverse("review:keep_carried", args=[translation.pk, carried.pk]))
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(edit_url, {"action": "publish"}).status_code == 302
    target.refresh_from_db()
    assert target.live_revision_id != live_revision and not target.has_unpublished_changes
    assert HAND in target.specific.body
    assert review_state(page, ar).state == State.PUBLISHED_REVIEWED


@pytest.mark.django_db
def test_take_the_machine_translation_in_one_click(
    scene, client, deepl, django_capture_on_commit_callbacks
):
    page, ar = scene["page"], scene["ar"]
    with django_capture_on_commit_callbacks(execute=True):
        client.force_login(scene["communicator"])
        publish_in_admin(client, page, old=OLD_PARAGRAPH, new=NEW_PARAGRAPH)
    carried = CarriedForward.objects.get()
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=ar)
    client.force_login(scene["arabic"])
    response = client.post(
        reverse("review:take_machine", args=[translation.pk, carried.pk]), follow=True
    )
    assert response.status_code == 200
    row = StringTranslation.objects.get(pk=carried.pk)
    assert row.data == carried.machine_text
    assert row.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
    item = review_state(page, ar)
    assert item.strings_to_check == 0 and item.unreviewed_machine_text
    assert item.state == State.MACHINE_DRAFT or item.state == State.IN_REVIEW


@pytest.mark.django_db
def test_saving_from_an_editor_tab_opened_before_the_change(
    scene, client, deepl, django_capture_on_commit_callbacks
):
    page, ar = scene["page"], scene["ar"]
    client.force_login(scene["communicator"])
    with django_capture_on_commit_callbacks(execute=True):
        publish_in_admin(client, page, old=OLD_PARAGRAPH, new=NEW_PARAGRAPH)
    client.force_login(scene["arabic"])
    typed = "نص كتبه المترجم في علامة تبويب قديمة."
    response = put_string(client, scene["old_url"], typed)
    assert response.status_code == 200
    answer = response.json()
    assert answer["data"] == typed
    assert "Den svenska texten ändrades medan du arbetade" in answer["error"]
    new_segment = StringSegment.objects.get(
        source__object_id=page.translation_key, string__data=NEW_PARAGRAPH
    )
    saved = StringTranslation.objects.get(
        translation_of_id=new_segment.string_id, context_id=new_segment.context_id, locale=ar
    )
    assert saved.data == typed and saved.tool_name == CARRIED
    assert saved.last_translated_by == scene["arabic"]

    # A removed paragraph: the text is kept on the old string and the translator is told.
    with django_capture_on_commit_callbacks(execute=True):
        client.force_login(scene["communicator"])
        publish_in_admin(
            client, page, body="<p>Bara ett stycke kvar.</p>", intro="Nässjö har vänorter."
        )
    client.force_login(scene["arabic"])
    response = put_string(client, scene["old_url"], "نص آخر")
    assert response.status_code == 200
    assert "skrivits om eller tagits bort" in response.json()["error"]
    assert StringTranslation.objects.filter(data="نص آخر", locale=ar).exists()

    # Another locale's translator gets no further than the locale check (Wagtail's admin
    # answers PermissionDenied with a redirect to the dashboard), and nothing is saved.
    client.force_login(make_user("oversattare-uk", translator_group_name("uk")))
    response = put_string(client, scene["old_url"], "x")
    assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))
    assert not StringTranslation.objects.filter(data="x").exists()
    # An id that never existed: an answer, not a redirect to a 404 page, never a 500.
    client.force_login(scene["arabic"])
    bad = re.sub(r"strings/\d+/", "strings/999999999/", scene["old_url"])
    response = put_string(client, bad, "x")
    assert response.status_code == 410 and "Ladda om sidan" in response.json()["error"]


@pytest.mark.django_db
def test_republishing_unchanged_swedish_text_changes_nothing_anywhere(
    scene, client, deepl, django_capture_on_commit_callbacks
):
    page = scene["page"]
    client.force_login(scene["communicator"])
    # Once through the admin's rich text editor, which writes the same text in its own form
    # (with block keys); from then on the editor sends those keys back.
    with django_capture_on_commit_callbacks(execute=True):
        publish_in_admin(client, page, body=BODY)
    before = snapshot(page)
    log_before = len(deepl.log)
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            publish_in_admin(client, page)
    assert len(deepl.log) == log_before  # not one request, not even for languages
    assert snapshot(page) == before
    assert ReviewApproval.objects.count() == 1
