"""wagtail-localize's locale synchronisation stays with superusers (issue 19, item 5).

Switched on, it makes every Swedish page a live Swedish alias in the synchronised language
and no translation draft is ever made: a coordinator must not be able to switch it on, not
through the form and not by posting the field by hand.
"""

from django.contrib.messages import get_messages

from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization

import pytest

from devtools.builders import add_child_page
from tests.review.review_helpers import run_on_commit

PREFIX = "component-wagtail_localize_localesynchronization"


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def sync_post(locale: Locale, sync_from: Locale) -> dict:
    return {
        "language_code": locale.language_code,
        f"{PREFIX}-enabled": "on",
        f"{PREFIX}-sync_from": str(sync_from.pk),
    }


@pytest.fixture
def english(tree):
    return Locale.objects.get(language_code="en"), Locale.objects.get(language_code="sv")


def test_the_coordinator_does_not_see_the_synchronisation_field(client, users, english):
    en, _sv = english
    client.force_login(users["samordnare"])
    response = client.get(f"/admin/locales/edit/{en.pk}/")
    assert response.status_code == 200
    assert PREFIX not in response.content.decode()


def test_a_posted_synchronisation_is_refused_with_a_message_and_nothing_saved(
    client, users, english, tree
):
    en, sv = english
    client.force_login(users["samordnare"])
    with run_on_commit():
        response = client.post(f"/admin/locales/edit/{en.pk}/", sync_post(en, sv))
    assert response.status_code == 302
    text = " ".join(messages_of(response))
    assert "Synkronisera innehåll från ett annat språk" in text
    assert "engelska" in text
    assert not LocaleSynchronization.objects.exists()
    # A new Swedish page then makes no live alias under /en/.
    with run_on_commit():
        page = add_child_page(tree["home"], "Ny", "ny")
    assert not Page.objects.filter(translation_key=page.translation_key, locale=en).exists()


def test_a_new_locale_cannot_be_created_synchronised_either(client, users, english):
    en, sv = english
    en.delete()
    client.force_login(users["samordnare"])
    response = client.post("/admin/locales/new/", sync_post(Locale(language_code="en"), sv))
    assert response.status_code == 302
    assert not Locale.objects.filter(language_code="en").exists()
    assert not LocaleSynchronization.objects.exists()


def test_the_coordinator_saving_a_locale_keeps_a_superusers_synchronisation(client, users, english):
    en, sv = english
    LocaleSynchronization.objects.create(locale=en, sync_from=sv)
    client.force_login(users["samordnare"])
    response = client.post(f"/admin/locales/edit/{en.pk}/", {"language_code": "en"})
    assert response.status_code == 302
    assert LocaleSynchronization.objects.filter(locale=en).exists()


def test_a_superuser_still_sees_the_field(client, users, english):
    en, _sv = english
    client.force_login(users["admin"])
    response = client.get(f"/admin/locales/edit/{en.pk}/")
    assert PREFIX in response.content.decode()
