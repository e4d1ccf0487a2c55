"""Wagtail's move confirmation checks nothing on GET: it showed any page's draft title, in
any language, to every role (issue 19, item 7). It now needs the right to make that move."""

import pytest

from devtools import builders


@pytest.fixture
def swedish_draft(tree, users):
    first = builders.NewsIndexPageFactory(parent=tree["home"], slug="nyheter-a")
    second = builders.NewsIndexPageFactory(parent=tree["home"], slug="nyheter-b")
    item = builders.NewsPageFactory(parent=first, title="Nyhet")
    item.title = "Hemlig utkasttitel"
    item.save_revision(user=users["kommunikator"])
    return item, second


@pytest.mark.parametrize("role", ["ar", "uk", "samordnare"])
def test_other_roles_are_refused_and_see_no_draft_title(client, users, swedish_draft, role):
    item, destination = swedish_draft
    client.force_login(users[role])
    response = client.get(f"/admin/pages/{item.pk}/move/{destination.pk}/confirm/", follow=True)
    assert response.redirect_chain and response.redirect_chain[0][0] == "/admin/"
    assert "Hemlig utkasttitel" not in response.content.decode()


def test_a_user_who_may_move_the_page_sees_the_confirmation(client, users, swedish_draft):
    item, destination = swedish_draft
    client.force_login(users["kommunikator"])
    response = client.get(f"/admin/pages/{item.pk}/move/{destination.pk}/confirm/")
    assert response.status_code == 200
    assert "Hemlig utkasttitel" in response.content.decode()
