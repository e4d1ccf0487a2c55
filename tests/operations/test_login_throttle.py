"""Admin login throttling: wrong passwords lock an account and an address; admins unlock."""

from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse

import pytest
from axes.models import AccessAttempt

LOGIN = "/admin/login/"
LOCKED = "För många misslyckade inloggningsförsök"


@pytest.fixture
def people(db):
    model = get_user_model()
    return {
        "editor": model.objects.create_user(
            "redaktor", "redaktor@example.se", "rätt-lösenord-1", is_staff=True
        ),
        "other": model.objects.create_user(
            "annan", "annan@example.se", "rätt-lösenord-2", is_staff=True
        ),
        "admin": model.objects.create_superuser("admin", "admin@example.se", "admin-lösenord"),
    }


def attempt(address, username, password, forwarded=None):
    headers = {"REMOTE_ADDR": address}
    if forwarded:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    client = Client(**headers)
    response = client.post(LOGIN, {"username": username, "password": password})
    return client, response


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_thirty_wrong_passwords_then_the_right_one_does_not_log_in(people):
    statuses = [attempt("192.0.2.1", "redaktor", f"fel-{n}")[1].status_code for n in range(30)]
    assert statuses[:9] == [200] * 9  # the login form again, with an error
    assert set(statuses[10:]) == {429}
    client, response = attempt("192.0.2.1", "redaktor", "rätt-lösenord-1")
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert not logged_in(client)


def test_lockout_per_account_from_any_address(people):
    for number in range(10):
        attempt(f"198.51.100.{number}", "redaktor", "fel")
    client, response = attempt("203.0.113.50", "redaktor", "rätt-lösenord-1")
    assert response.status_code == 429
    assert not logged_in(client)
    # Another account from a fresh address is not affected.
    client, response = attempt("203.0.113.51", "annan", "rätt-lösenord-2")
    assert response.status_code == 302
    assert logged_in(client)


def test_lockout_per_address_for_any_account(people):
    for number in range(10):
        attempt("192.0.2.7", f"finns-inte-{number}", "fel")
    client, response = attempt("192.0.2.7", "annan", "rätt-lösenord-2")
    assert response.status_code == 429
    assert not logged_in(client)
    client, response = attempt("192.0.2.8", "annan", "rätt-lösenord-2")
    assert logged_in(client)


def test_address_is_the_real_client_behind_the_proxy(people, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for number in range(10):
        attempt("10.0.0.1", f"x{number}", "fel", forwarded="192.0.2.9")
    # The same proxy, another reader: not locked.
    client, response = attempt("10.0.0.1", "annan", "rätt-lösenord-2", forwarded="192.0.2.10")
    assert logged_in(client)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"192.0.2.9"}


def test_administrator_unlocks(people):
    for number in range(10):
        attempt("192.0.2.1", "redaktor", f"fel-{number}")
    assert attempt("192.0.2.1", "redaktor", "rätt-lösenord-1")[1].status_code == 429

    editor = Client()
    editor.force_login(people["other"])
    assert editor.get(reverse("portal_lockouts")).status_code in (302, 403)
    locked = AccessAttempt.objects.get(username="redaktor")
    editor.post(reverse("portal_unlock", args=[locked.pk]))
    assert AccessAttempt.objects.filter(username="redaktor").exists()

    admin = Client()
    admin.force_login(people["admin"])
    listing = admin.get(reverse("portal_lockouts"))
    assert listing.status_code == 200
    assert "redaktor" in listing.content.decode()
    assert admin.post(reverse("portal_unlock", args=[locked.pk])).status_code == 302
    client, response = attempt("192.0.2.1", "redaktor", "rätt-lösenord-1")
    assert response.status_code == 302
    assert logged_in(client)


def test_password_reset_is_limited_per_address_and_per_email(people):
    url = reverse("wagtailadmin_password_reset")
    reader = Client(REMOTE_ADDR="192.0.2.20")
    statuses = [reader.post(url, {"email": f"person{n}@example.se"}).status_code for n in range(6)]
    assert statuses[:5] == [302] * 5
    assert statuses[5] == 429
    assert (
        "För många begäranden om nytt lösenord"
        in reader.post(url, {"email": "a@b.se"}).content.decode()
    )

    for number in range(5):
        Client(REMOTE_ADDR=f"198.51.100.{number}").post(url, {"email": "redaktor@example.se"})
    sent = len(mail.outbox)
    response = Client(REMOTE_ADDR="198.51.100.99").post(url, {"email": "redaktor@example.se"})
    assert response.status_code == 429
    assert len(mail.outbox) == sent
