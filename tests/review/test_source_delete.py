"""Deleting a Swedish page loses no translator's work (issue 19, item 4)."""

import io

from django.contrib.messages import get_messages
from django.core import mail
from django.core.management import call_command

from wagtail.models import Locale, Page
from wagtail_localize.models import String, StringTranslation

import pytest

from devtools.builders import edit_string, translate
from review.models import DeletedSource
from translation.memory import best_translations


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def translated(tree, users):
    """The Swedish page live in Arabic (a person's text) and as a machine draft in Ukrainian."""
    page = tree["page"]
    users["ar"].first_name, users["ar"].last_name = "Amina", "Haddad"
    users["ar"].save()
    ar = translate(page, "ar", kind="manual", publish=True, user=users["ar"], prefix="عربي ")
    edit_string(ar, "مقدمة كتبها شخص", users["ar"])
    uk = translate(page, "uk")
    return page, ar, uk


def delete(client, user, page):
    client.force_login(user)
    return client.post(f"/admin/pages/{page.pk}/delete/", {})


def test_the_confirmation_lists_the_translations_with_who_made_them(client, users, translated):
    page, _ar, _uk = translated
    client.force_login(users["admin"])
    response = client.get(f"/admin/pages/{page.pk}/delete/")
    assert response.status_code == 200
    text = " ".join(messages_of(response))
    assert "arabiska (publicerad;" in text and "Amina Haddad" in text
    assert "ukrainska (utkast; bara maskinöversättning)" in text


def test_the_communicator_cannot_delete_a_page_live_in_another_language(client, users, translated):
    page, ar, _uk = translated
    client.force_login(users["kommunikator"])
    assert client.get(f"/admin/pages/{page.pk}/delete/").status_code == 302
    response = delete(client, users["kommunikator"], page)
    assert response.status_code == 302
    text = " ".join(messages_of(response))
    assert "Sidan har inte tagits bort" in text and "arabiska" in text
    assert f"/admin/pages/{page.pk}/unpublish/" in text
    assert Page.objects.filter(pk=page.pk).exists()
    assert StringTranslation.objects.filter(locale=ar.locale).exists()


def test_a_superuser_deletes_and_the_handwritten_strings_stay_in_the_memory(
    client, users, translated
):
    page, ar, _uk = translated
    arabic = Locale.objects.get(language_code="ar")
    handwritten = {
        (string.translation_of_id, string.data)
        for string in StringTranslation.objects.filter(
            locale=arabic, translation_type="manual", context__object_id=page.translation_key
        )
    }
    assert len(handwritten) >= 2
    response = delete(client, users["admin"], page)
    assert response.status_code == 302
    assert not Page.objects.filter(pk=page.pk).exists()

    remembered = best_translations({string_id for string_id, _data in handwritten}, arabic)
    assert {(string_id, st.data) for string_id, st in remembered.items()} == handwritten
    # Another Swedish page with the same text gets the Arabic person's translation.
    intro = String.objects.get(pk=next(iter(remembered))).data
    assert intro

    deleted = DeletedSource.objects.get(locale=arabic)
    assert deleted.title == "Strategin"
    assert deleted.kept_strings == len(handwritten)
    assert deleted.target_page_id == ar.pk
    assert deleted.deleted_by == users["admin"]


def test_the_translators_are_told_in_their_digest(client, users, translated):
    page, ar, _uk = translated
    users["ar"].email = "ar@example.invalid"
    users["ar"].save()
    delete(client, users["admin"], page)
    mail.outbox.clear()
    call_command("send_review_digests", stdout=io.StringIO())
    sent = {message.to[0]: message.body for message in mail.outbox}
    body = sent["ar@example.invalid"]
    assert "Strategin (ar)" in body and "översättningsminnet" in body
    assert f"/admin/pages/{ar.pk}/edit/" in body


def test_a_coordinator_deletes_a_page_live_in_another_language(client, users, translated):
    page, ar, _uk = translated
    client.force_login(users["samordnare"])
    confirmation = client.get(f"/admin/pages/{page.pk}/delete/")
    assert confirmation.status_code == 200
    assert "arabiska (publicerad;" in " ".join(messages_of(confirmation))

    response = delete(client, users["samordnare"], page)

    assert response.status_code == 302
    assert not Page.objects.filter(pk=page.pk).exists()
    assert StringTranslation.objects.filter(locale=ar.locale, translation_type="manual").exists()
    assert DeletedSource.objects.filter(locale=ar.locale).exists()


def test_a_coordinator_edits_publishes_and_deletes_nothing_else(client, users, translated):
    page, ar, _uk = translated
    client.force_login(users["samordnare"])
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code in (302, 403)
    assert client.post(f"/admin/pages/{ar.pk}/delete/", {}).status_code in (302, 403)
    assert Page.objects.filter(pk=ar.pk).exists()
    home = page.get_parent()
    while home.depth > 2:
        home = home.get_parent()
    assert client.post(f"/admin/pages/{home.pk}/delete/", {}).status_code in (302, 403)
    assert Page.objects.filter(pk=home.pk).exists()
