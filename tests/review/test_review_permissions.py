"""Each role reaches only its own locale, tested through the admin's own views."""

import json

from django.test import override_settings
from django.urls import reverse

from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation

import pytest

from devtools.builders import translate
from tests.review.review_helpers import translation_for

DUMMY_TRANSLATOR = {
    "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
    "OPTIONS": {},
}


def denied(response) -> bool:
    """Wagtail answers a refused admin request with 403 or a redirect to the dashboard."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and response.url.rstrip("/").endswith("/admin")


@pytest.fixture
def drafts(tree):
    page = tree["page"]
    return {code: translate(page, code) for code in ("ar", "uk", "so")}


def login(client, user):
    client.force_login(user)
    return client


def test_translator_opens_own_locale_in_translation_editor(client, users, drafts):
    login(client, users["ar"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[drafts["ar"].pk]))
    assert response.status_code == 200
    assert b"js-translation-editor" in response.content


@pytest.mark.parametrize("code", ["uk", "so"])
def test_arabic_translator_cannot_open_other_locales(client, users, drafts, code):
    login(client, users["ar"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[drafts[code].pk]))
    assert denied(response)


def test_arabic_translator_cannot_edit_swedish_source(client, users, tree):
    login(client, users["ar"])
    page = tree["page"]
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert denied(response)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {"title": "Hackad", "slug": "strategin", "action-publish": "1"},
    )
    assert denied(response)
    page.refresh_from_db()
    assert page.title == "Strategin"


def test_arabic_translator_cannot_publish_ukrainian_from_editor(client, users, drafts):
    login(client, users["ar"])
    target = drafts["uk"]
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"}
    )
    assert denied(response)
    target.refresh_from_db()
    assert not target.live


def test_arabic_translator_cannot_use_publish_view_of_other_locale(client, users, drafts):
    login(client, users["ar"])
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[drafts["uk"].pk]))
    assert denied(response)


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=DUMMY_TRANSLATOR)
def test_machine_translate_only_in_own_locale(client, users, drafts):
    StringTranslation.objects.filter(locale__language_code__in=["ar", "uk"]).delete()
    login(client, users["ar"])
    uk = translation_for(drafts["uk"])
    response = client.post(reverse("wagtail_localize:machine_translate", args=[uk.pk]))
    assert denied(response)
    assert not StringTranslation.objects.filter(locale__language_code="uk").exists()

    ar = translation_for(drafts["ar"])
    response = client.post(reverse("wagtail_localize:machine_translate", args=[ar.pk]))
    assert response.status_code == 302
    assert StringTranslation.objects.filter(locale__language_code="ar").exists()


def test_string_edit_api_refused_for_other_locale(client, users, drafts):
    login(client, users["ar"])
    uk = translation_for(drafts["uk"])
    segment = StringSegment.objects.filter(source=uk.source).first()
    url = reverse("wagtail_localize:edit_string_translation", args=[uk.pk, segment.pk])
    response = client.put(url, {"value": "Зламано"}, content_type="application/json")
    assert denied(response)
    assert not StringTranslation.objects.filter(data="Зламано").exists()

    ar = translation_for(drafts["ar"])
    url = reverse("wagtail_localize:edit_string_translation", args=[ar.pk, segment.pk])
    response = client.put(
        url, data="value=%D8%AA%D9%85", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200, response.content
    assert json.loads(response.content)["data"] == "تم"


def test_po_download_refused_for_other_locale(client, users, drafts):
    login(client, users["ar"])
    uk = translation_for(drafts["uk"])
    response = client.get(reverse("wagtail_localize:download_pofile", args=[uk.pk]))
    assert denied(response)


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("ar", False), ("so", False), ("kommunikator", True), ("samordnare", True)],
)
def test_submit_translation_reserved(client, users, tree, role, allowed):
    login(client, users[role])
    url = reverse("wagtail_localize:submit_page_translation", args=[tree["page"].pk])
    response = client.get(url)
    if allowed:
        assert response.status_code == 200
    else:
        assert denied(response)


def test_communicator_edits_swedish_but_not_translations(client, users, tree, drafts):
    login(client, users["kommunikator"])
    page = tree["page"]
    assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200
    assert denied(client.get(reverse("wagtailadmin_pages:edit", args=[drafts["ar"].pk])))


def test_translator_publishes_own_locale_after_human_edit(
    client, users, tree, django_capture_on_commit_callbacks
):
    target = translate(tree["page"], "ar", kind="manual")
    login(client, users["ar"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"}
        )
    assert response.status_code == 302
    assert Page.objects.get(pk=target.pk).live
