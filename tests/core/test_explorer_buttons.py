"""The explorer's wagtail-localize buttons from the listing's annotations
(core/explorer_buttons.py): the same buttons as wagtail-localize's own hook, in queries that
do not grow with the rows."""

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Page
from wagtail_localize import wagtail_hooks as localize_hooks

import pytest

from core import explorer_buttons
from devtools import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create(username="admin", is_superuser=True, is_staff=True)


def buttons(fn, page, user):
    return [(str(button.label), button.url) for button in fn(page, user, next_url="/back/")]


def test_same_buttons_as_wagtail_localize(home_pages, tree, admin_user):
    listed = 0
    kinds = set()
    for parent in (Page.get_first_root_node(), tree["home"]):
        pages = explorer_buttons.annotate(parent, parent.get_children().specific(), None)
        for page in pages:
            ours = buttons(explorer_buttons.listing_buttons, page, admin_user)
            theirs = buttons(localize_hooks.page_listing_more_buttons, page, admin_user)
            assert ours == theirs, page
            kinds.add(len(ours))
            listed += 1
    assert listed > 9
    # Translated homes (no button), the Swedish home (sync) and section pages (translate).
    assert kinds >= {0, 1}


def test_an_unannotated_page_asks_wagtail_localize(home, admin_user):
    assert buttons(explorer_buttons.listing_buttons, home, admin_user) == buttons(
        localize_hooks.page_listing_more_buttons, home, admin_user
    )


def explorer_queries(client, page) -> int:
    url = reverse("wagtailadmin_explore", args=[page.pk])
    client.get(url)
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_explorer_queries_do_not_grow_with_the_rows(client, tree, admin_user):
    client.force_login(admin_user)
    news = tree["news"]
    builders.NewsPageFactory(parent=news)
    before = explorer_queries(client, news)
    for _ in range(5):
        builders.NewsPageFactory(parent=news)
    assert explorer_queries(client, news) == before
