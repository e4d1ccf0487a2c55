"""Wagtail views that answered a hostile request with a 500 now answer with a 4xx (issue 19,
item 7): the copy view without ``new_parent_page``, the external-link chooser without a URL,
an empty post to a snippet chooser's create tab, and ``/admin/failwhale/`` (which
raises on purpose) for anyone but a superuser. ``portal/admin_bad_requests.py``."""

from django.test import Client

import pytest


@pytest.fixture
def reader(users):
    def login(role):
        client = Client(raise_request_exception=False)
        client.force_login(users[role])
        return client

    return login


def test_copy_without_a_new_parent_is_a_bad_request(reader, tree):
    response = reader("kommunikator").post(f"/admin/pages/{tree['page'].pk}/copy/", {})
    assert response.status_code == 400
    assert "new_parent_page" in response.content.decode()


def test_the_external_link_chooser_without_a_url_is_a_bad_request(reader, tree):
    response = reader("kommunikator").post("/admin/choose-external-link/", {})
    assert 400 <= response.status_code < 500


@pytest.mark.parametrize(
    ("role", "model"),
    [("kommunikator", "home/navigationlink"), ("samordnare", "translation/languagesettings")],
)
def test_an_empty_post_to_a_snippet_choosers_create_tab_is_a_bad_request(reader, tree, role, model):
    response = reader(role).post(f"/admin/snippets/choose/{model}/create/", {})
    assert 400 <= response.status_code < 500


@pytest.mark.parametrize("role", ["kommunikator", "samordnare", "ar"])
def test_failwhale_is_refused_to_the_roles(reader, tree, role):
    assert reader(role).get("/admin/failwhale/").status_code == 403
