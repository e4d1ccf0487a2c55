"""The page explorer's kept rows (core/explorer_rows.py): the table Wagtail renders, its rows
computed once per state of their page, never another person's or another moment's."""

import datetime
import re

from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from wagtail.models import GroupPagePermission, PageViewRestriction

import pytest
import time_machine

from core import content_cache, explorer_rows
from core.explorer_rows import KeptRowsPageTable
from devtools import builders
from review.roles import COMMUNICATOR, setup_roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(tree):
    """A news index with rows of every kind: live, a draft never published, live with a
    newer draft, private, and one with children."""
    index = tree["news"]
    live = builders.NewsPageFactory(parent=index, publish=True)
    builders.NewsPageFactory(parent=index, live=False)
    changed = builders.NewsPageFactory(parent=index, publish=True)
    changed.title = "Ett nytt utkast"
    changed.save_revision()
    private = builders.NewsPageFactory(parent=index, publish=True)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    builders.NewsPageFactory(parent=live, publish=True)
    return index


@pytest.fixture
def people(tree):
    setup_roles()
    editors = Group.objects.create(name="Redigerar nyheter")
    GroupPagePermission.objects.create(
        group=editors, page=tree["news"], permission=Permission.objects.get(codename="change_page")
    )
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    return {
        "admin": builders.make_user("admin", superuser=True),
        "kommunikator": builders.make_user("kommunikator", COMMUNICATOR),
        "kollega": builders.make_user("kollega", COMMUNICATOR),
        "redaktor": builders.make_user("redaktor", "Redigerar nyheter"),
    }


def listing(client, user, page, query="") -> str:
    """The explorer's table, its whitespace as one space (kept cells are joined without the
    template's indentation)."""
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_explore", args=[page.pk]) + query)
    assert response.status_code == 200
    table = re.search(
        r'<table[^>]* class="listing.*?</table>', response.content.decode(), re.S
    ).group(0)
    return re.sub(r"\s+", " ", table).replace("> <", "><")


def wagtails(client, user, page, monkeypatch, query="") -> str:
    """The same table as Wagtail renders it, every row from its templates."""
    with monkeypatch.context() as patch:
        patch.setattr(KeptRowsPageTable, "keeps_rows", lambda self, context: False)
        return listing(client, user, page, query)


@pytest.fixture
def computed(monkeypatch):
    """The pages whose cells were rendered, by title."""
    rendered = []
    render = explorer_rows.render_cells

    def spy(table, context, index, page):
        rendered.append(page.title)
        return render(table, context, index, page)

    monkeypatch.setattr(explorer_rows, "render_cells", spy)
    return rendered


@pytest.mark.parametrize("who", ["admin", "kommunikator", "redaktor"])
def test_kept_rows_are_wagtails_rows(client, news, people, who, monkeypatch, computed):
    user = people[who]
    first = listing(client, user, news)
    assert len(computed) == 4
    again = listing(client, user, news)
    assert len(computed) == 4
    assert first == again == wagtails(client, user, news, monkeypatch)
    assert "Ett nytt utkast" in first


def test_a_saved_draft_shows_at_the_next_view(client, news, people, monkeypatch, computed):
    user = people["kommunikator"]
    listing(client, user, news)
    page = news.get_children().live().first().specific
    listed_as = page.title
    page.title = "Rubriken ändrad i ett utkast"
    page.save_revision()
    # A draft is no publish: the content generation stays, the page's row changes.
    changed = listing(client, user, news)
    assert computed[4:] == [listed_as]
    assert changed == wagtails(client, user, news, monkeypatch)
    assert "Rubriken ändrad i ett utkast" in changed


def test_people_with_other_permissions_get_their_own_actions(client, news, people, monkeypatch):
    page = news.get_children().live().first()
    unpublish_url = reverse("wagtailadmin_pages:unpublish", args=[page.pk])
    assert unpublish_url in listing(client, people["admin"], news)
    editor = listing(client, people["redaktor"], news)
    assert unpublish_url not in editor
    assert editor == wagtails(client, people["redaktor"], news, monkeypatch)
    # A permission given shows at the next view.
    GroupPagePermission.objects.create(
        group=Group.objects.get(name="Redigerar nyheter"),
        page=news,
        permission=Permission.objects.get(codename="publish_page"),
    )
    people["redaktor"].refresh_from_db()
    editor = listing(client, people["redaktor"], news)
    assert editor == wagtails(client, people["redaktor"], news, monkeypatch)
    assert unpublish_url in editor


def test_a_locked_page_says_who_locked_it(client, news, people, monkeypatch):
    """Two communicators share rows, but not a locked one: it says "by you" to one."""
    page = news.get_children().live().first()
    page.locked, page.locked_by, page.locked_at = True, people["kommunikator"], timezone.now()
    page.save()
    mine = listing(client, people["kommunikator"], news)
    theirs = listing(client, people["kollega"], news)
    assert mine != theirs
    assert mine == wagtails(client, people["kommunikator"], news, monkeypatch)
    assert theirs == wagtails(client, people["kollega"], news, monkeypatch)


def test_the_relative_date_follows_the_clock(client, news, people, monkeypatch):
    user = people["kommunikator"]
    now = listing(client, user, news)
    # Within the cache's timeout: the kept rows are still there, under an older key.
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=5), tick=False):
        later = listing(client, user, news)
        assert later == wagtails(client, user, news, monkeypatch)
    assert later != now


def test_search_results_are_rendered_as_before(client, news, people, monkeypatch, computed):
    user = people["admin"]
    found = listing(client, user, news, "?q=Nyhet")
    assert computed == []
    assert found == wagtails(client, user, news, monkeypatch, "?q=Nyhet")


def test_no_person_and_no_token_is_kept(client, news, people):
    client.force_login(people["kommunikator"])
    response = client.get(reverse("wagtailadmin_explore", args=[news.pk]))
    token = response.context["csrf_token"]
    kept = [
        value
        for key, value in [*cache._cache.items(), *content_cache._local.entries.items()]
        if "explorer-row" in key
    ]
    assert kept
    for value in kept:
        text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
        assert str(token) not in text
        assert "kommunikator" not in text


@pytest.mark.parametrize(
    "query",
    ["?ordering=%00", "?ordering=ord", "?p=-1", "?p=99999", "?locale=xx", "?q=%ff%fe"],
)
def test_hostile_queries_answer_a_listing(client, news, people, query):
    client.force_login(people["kommunikator"])
    response = client.get(reverse("wagtailadmin_explore", args=[news.pk]) + query)
    assert response.status_code in (200, 404)
