"""Wagtail admin views that still raise on hostile input: ``portal/admin_bad_requests.py``
turns exactly these into 4xx answers. Run here without that middleware."""

from django.contrib.auth import get_user_model
from django.test import Client, override_settings

import pytest
from upstream_guard import changed

from portal.settings.test import MIDDLEWARE

WITHOUT_OURS = [name for name in MIDDLEWARE if "admin_bad_requests" not in name]


@pytest.fixture
def admin_client(db, sv_en, throwaway_page):
    user = get_user_model().objects.create_superuser("guard-admin", password="pw")
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client, throwaway_page("Kopiera mig")


@override_settings(MIDDLEWARE=WITHOUT_OURS)
@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "/admin/pages/{page}/copy/"),
        ("post", "/admin/choose-external-link/"),
        ("post", "/admin/snippets/choose/home/navigationlink/create/"),
        ("get", "/admin/failwhale/"),
    ],
)
def test_wagtail_still_answers_these_with_a_500(admin_client, method, path):
    client, page = admin_client
    response = getattr(client, method)(path.format(page=page.pk), {})
    assert response.status_code == 500, changed(
        "portal/admin_bad_requests.py",
        f"Wagtail answers {method.upper()} {path} with {response.status_code}",
    )
