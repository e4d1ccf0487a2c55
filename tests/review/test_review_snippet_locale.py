"""Snippets: a translator edits, creates and deletes only snippets of their own locale."""

from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation

import pytest

from devtools import builders
from tests.review.review_helpers import run_on_commit
from tests.review_snippets.models import Notice


def url(action, *args):
    return reverse(f"wagtailsnippets_review_snippets_notice:{action}", args=args)


def denied(response) -> bool:
    if response.status_code == 403:
        return True
    return response.status_code == 302 and response.url.rstrip("/").endswith("/admin")


@pytest.fixture
def notices(tree):
    sv = Locale.objects.get(language_code="sv")
    source = Notice.objects.create(text="Stängt på helgdagar", locale=sv)
    result = {"sv": source}
    for code in ("ar", "uk"):
        locale = Locale.objects.get(language_code=code)
        translation_source = builders.TranslationSourceFactory(instance=source)
        translation = builders.TranslationFactory(source=translation_source, target_locale=locale)
        builders.translate_segments(translation_source, locale)
        with run_on_commit():
            translation.save_target()
        result[code] = source.get_translation(locale)
    # A snippet written directly in Arabic and in Ukrainian (no translation editor).
    result["ar-own"] = Notice.objects.create(text="إعلان", locale=result["ar"].locale)
    result["uk-own"] = Notice.objects.create(text="Оголошення", locale=result["uk"].locale)
    return result


def test_translator_edits_own_locale_snippets(client, users, notices):
    client.force_login(users["ar"])
    response = client.get(url("edit", notices["ar"].pk))
    assert response.status_code == 200
    assert b"js-translation-editor" in response.content
    response = client.post(
        url("edit", notices["ar-own"].pk), {"text": "إعلان جديد", "action-publish": "1"}
    )
    assert response.status_code == 302
    notices["ar-own"].refresh_from_db()
    assert notices["ar-own"].text == "إعلان جديد"


@pytest.mark.parametrize("key", ["sv", "uk", "uk-own"])
def test_translator_cannot_edit_other_locale_snippets(client, users, notices, key):
    client.force_login(users["ar"])
    snippet = notices[key]
    assert denied(client.get(url("edit", snippet.pk)))
    response = client.post(url("edit", snippet.pk), {"text": "Hackad", "action-publish": "1"})
    assert denied(response)
    snippet.refresh_from_db()
    assert snippet.text != "Hackad"


def test_translator_cannot_publish_other_locale_snippet_translation(client, users, notices):
    client.force_login(users["ar"])
    response = client.post(url("edit", notices["uk"].pk), {"action": "publish"})
    assert denied(response)


def test_translator_cannot_delete_other_locale_snippet(client, users, notices):
    client.force_login(users["ar"])
    assert denied(client.post(url("delete", notices["uk-own"].pk)))
    assert Notice.objects.filter(pk=notices["uk-own"].pk).exists()
    response = client.post(url("delete", notices["ar-own"].pk))
    assert response.status_code == 302
    assert not Notice.objects.filter(pk=notices["ar-own"].pk).exists()


def test_translator_creates_only_in_own_locale(client, users, notices):
    client.force_login(users["ar"])
    assert client.get(url("add") + "?locale=ar").status_code == 200
    assert denied(client.get(url("add") + "?locale=uk"))
    assert denied(client.get(url("add")))  # defaults to Swedish
    response = client.post(url("add") + "?locale=uk", {"text": "Нове", "locale": "uk"})
    assert denied(response)
    assert not Notice.objects.filter(text="Нове").exists()


def test_snippet_translation_endpoints_refused_for_other_locale(client, users, notices):
    client.force_login(users["ar"])
    translation = Translation.objects.get(
        target_locale__language_code="uk", source__object_id=notices["sv"].translation_key
    )
    segment = StringSegment.objects.filter(source=translation.source).first()
    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        data="value=x",
        content_type="application/x-www-form-urlencoded",
    )
    assert denied(response)
    assert not StringTranslation.objects.filter(data="x").exists()


def test_communicator_edits_only_swedish_snippets(client, users, notices):
    client.force_login(users["kommunikator"])
    assert client.get(url("edit", notices["sv"].pk)).status_code == 200
    assert denied(client.get(url("edit", notices["ar"].pk)))
