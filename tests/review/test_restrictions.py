"""A view restriction belongs to the language it is set in (issue 19, item 3).

- A sync ("Sync translated pages", a pipeline draft, the translation editor) never removes
  or changes the restriction of another language.
- A new Swedish restriction never copies the communicator's password into the other
  languages: each translation without a restriction of its own becomes "logged-in users
  only" (no reader sees a text that is hidden in Swedish); one with its own keeps it.
- A new translation of a restricted Swedish page gets the same, never the password.
- Any change of a restriction purges the HTTP cache.
"""

from django.contrib.messages import get_messages

from wagtail.models import Locale, PageViewRestriction
from wagtail_localize.models import TranslationSource

import pytest

from devtools.builders import start_translation, translate
from tests.operations.test_purge_retry import CacheStandIn, varnish_at
from tests.review.review_helpers import run_on_commit

LOGIN = PageViewRestriction.LOGIN
PASSWORD = PageViewRestriction.PASSWORD


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def restrictions_of(page) -> list[tuple[str, str]]:
    return list(page.view_restrictions.values_list("restriction_type", "password"))


def set_password(client, user, page, password: str):
    client.force_login(user)
    with run_on_commit():
        response = client.post(
            f"/admin/pages/{page.pk}/privacy/",
            {"restriction_type": PASSWORD, "password": password},
        )
    assert response.status_code == 200, response.content[:300]
    return response


@pytest.fixture
def translated(tree, users):
    page = tree["page"]
    ar = translate(page, "ar", kind="manual", publish=True, user=users["ar"])
    uk = translate(page, "uk", kind="manual", publish=True, user=users["uk"])
    return page, ar, uk


def test_the_communicators_plain_sync_keeps_the_arabic_password(client, users, translated):
    page, ar, _uk = translated
    set_password(client, users["ar"], ar, "arabiska-hemligt")
    assert restrictions_of(ar) == [(PASSWORD, "arabiska-hemligt")]

    source = TranslationSource.objects.get(object_id=page.translation_key)
    client.force_login(users["kommunikator"])
    with run_on_commit():
        response = client.post(f"/admin/localize/update/{source.pk}/", {})
    assert response.status_code == 302
    assert restrictions_of(ar) == [(PASSWORD, "arabiska-hemligt")]


def test_a_swedish_password_is_not_copied_into_the_translations(client, users, translated):
    page, ar, uk = translated
    set_password(client, users["uk"], uk, "ukrainska-eget")
    set_password(client, users["kommunikator"], page, "kommunikatorns")

    assert restrictions_of(page) == [(PASSWORD, "kommunikatorns")]
    # Hidden from readers in Arabic as in Swedish, without the communicator's password.
    assert restrictions_of(ar) == [(LOGIN, "")]
    # The Ukrainian translator's own restriction is theirs.
    assert restrictions_of(uk) == [(PASSWORD, "ukrainska-eget")]
    anonymous = client.__class__()
    assert anonymous.get(ar.url).status_code in (302, 401, 403)

    # Syncing afterwards, and the translator's next draft, change nothing either.
    source = TranslationSource.objects.get(object_id=page.translation_key)
    client.force_login(users["kommunikator"])
    with run_on_commit():
        client.post(f"/admin/localize/update/{source.pk}/", {})
    translate(page, "ar", kind="manual", user=users["ar"])
    assert restrictions_of(ar) == [(LOGIN, "")]
    assert restrictions_of(uk) == [(PASSWORD, "ukrainska-eget")]


def test_removing_the_swedish_password_leaves_the_translations_restrictions(
    client, users, translated
):
    page, ar, _uk = translated
    set_password(client, users["ar"], ar, "arabiska-hemligt")
    set_password(client, users["kommunikator"], page, "kommunikatorns")
    client.force_login(users["kommunikator"])
    with run_on_commit():
        client.post(f"/admin/pages/{page.pk}/privacy/", {"restriction_type": "none"})
    assert restrictions_of(page) == []
    source = TranslationSource.objects.get(object_id=page.translation_key)
    with run_on_commit():
        client.post(f"/admin/localize/update/{source.pk}/", {})
    assert restrictions_of(ar) == [(PASSWORD, "arabiska-hemligt")]


def test_a_new_translation_of_a_restricted_page_gets_no_password(client, users, translated):
    page, _ar, _uk = translated
    set_password(client, users["kommunikator"], page, "kommunikatorns")
    target = start_translation(page, "so")
    assert target.locale == Locale.objects.get(language_code="so")
    assert restrictions_of(target) == [(LOGIN, "")]


@pytest.fixture
def varnish(settings):
    server = CacheStandIn()
    import threading

    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {"varnish": varnish_at(server.url)}
    yield server
    server.shutdown()
    server.server_close()


def test_any_change_of_a_restriction_purges_the_cache(client, users, translated, varnish):
    _page, ar, _uk = translated
    set_password(client, users["ar"], ar, "ett")
    assert varnish.purged_by("varnish"), "setting a password purges"
    varnish.purged.clear()
    set_password(client, users["ar"], ar, "två")
    assert varnish.purged_by("varnish"), "changing it purges"
    varnish.purged.clear()
    client.force_login(users["ar"])
    with run_on_commit():
        client.post(f"/admin/pages/{ar.pk}/privacy/", {"restriction_type": "none"})
    assert restrictions_of(ar) == []
    assert varnish.purged_by("varnish"), "removing it purges"
