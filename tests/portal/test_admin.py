from wagtail.users.models import UserProfile

import pytest


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser("lead", "lead@example.invalid", "pw")


def test_admin_opens_in_swedish(client, home_pages, superuser):
    client.force_login(superuser)

    response = client.get("/admin/")

    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="sv"' in page
    assert "Logga ut" in page


def test_admin_is_swedish_whatever_the_browser_asks_for(client, home_pages, superuser):
    login = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="sv"' in login.content.decode()

    client.force_login(superuser)
    page = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()

    assert '<html lang="sv"' in page
    assert "Logga ut" in page


def test_a_user_can_choose_another_admin_language(client, home_pages, superuser):
    profile = UserProfile.get_for_user(superuser)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(superuser)

    page = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="sv").content.decode()

    assert '<html lang="en"' in page
    assert "Log out" in page
