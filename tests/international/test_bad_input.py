"""Nonsense in query strings gets a normal page, never a server error."""

import pytest

from devtools import builders

BAD_QUERIES = [
    "?page=abc",
    "?page=999999",
    "?page=-1",
    "?page=1.5",
    "?kind=unknown",
    "?status=forever&target_group=robots&programme=nope",
    "?partner=%ff&topic=%fe%fd",
    "?goal=" + "x" * 10_000,
    "?kind=%00",
    "?page=%ff",
    "?kind=a&kind=b",
]


@pytest.fixture
def pages(tree):
    partner = builders.PartnerFactory(slug="bronderslev")
    for _ in range(12):
        builders.NewsPageFactory(parent=tree["news"], partners=[partner])
        builders.OpportunityPageFactory(parent=tree["opportunities"])
        builders.ProjectPageFactory(parent=tree["projects"])
    return tree


@pytest.mark.parametrize("key", ["news", "opportunities", "projects", "home", "partners"])
def test_bad_query_strings_give_a_page(client, pages, key):
    for query in BAD_QUERIES:
        response = client.get(pages[key].url + query)
        assert response.status_code == 200, query


def test_out_of_range_page_shows_last_page(client, pages):
    response = client.get(pages["news"].url + "?page=999999")
    assert response.context["items"].number == 2


def test_unknown_kind_is_ignored_with_a_message(client, pages):
    response = client.get(pages["opportunities"].url + "?kind=unknown")
    assert response.context["items"].paginator.count == 12
    html = response.content.decode()
    assert "Det valet finns inte" in html
    assert 'aria-describedby="id_kind-error"' in html
    assert 'id="id_kind-error"' in html


def test_unknown_route_is_a_friendly_404(client, pages):
    response = client.get(pages["news"].url + "finns-inte/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Sidan finns inte" in html
    assert 'action="/sv/sok/"' in html
